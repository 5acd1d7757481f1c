"""Learned event decisions: the linear model, pair candidates, cliques, frame coreference, labels, folds.

Records are built by hand on sentences written for these tests (fictional people and places)."""

from __future__ import annotations

import json
import math

from communique.learn.examples import Example, assign_folds
from communique.learn.train import _pair_label
from communique.records import DateMention, Document, Entity, Mention
from communique.stages.decide import LinearModel, load_model
from communique.stages.events import party_rule_flags
from communique.stages.pair_frames import _cliques, parties_in_order
from communique.stages.frames import Frame, corefer_frames, frame_pair_features
from communique.stages.pairs import PairCandidate, pair_candidates
from communique.stages.triggers import Trigger


def _doc(text: str, lang: str = "en") -> Document:
    return Document(id="sha256:test", source="test.txt", text=text, lang=lang, published="2031-03-04")


def _entity(text: str, form: str, kind: str, eid: str, affiliation: str | None = None, nth: int = 0) -> Entity:
    starts = [i for i in range(len(text)) if text.startswith(form, i)]
    mentions = [Mention(s, s + len(form), form, kind, 0) for s in starts]  # type: ignore[arg-type]
    return Entity(eid, kind, form, [form], mentions, affiliation=affiliation)  # type: ignore[arg-type]


def test_decide_linear_model_probability_and_round_trip(tmp_path):
    model = LinearModel("demo", {"x": 2.0, "y": -1.0}, bias=-0.5, threshold=0.6)
    assert math.isclose(model.probability({}), 1 / (1 + math.exp(0.5)))
    assert math.isclose(model.probability({"x": 1.0, "y": 1.0, "unknown": 5.0}), 1 / (1 + math.exp(-0.5)))
    (tmp_path / "demo.json").write_text(model.to_json(), encoding="utf-8")
    assert load_model("demo", tmp_path) == model
    assert load_model("absent", tmp_path) is None


def test_decide_committed_models_load():
    for name in ("pairs", "coref", "venue"):
        model = load_model(name)
        assert model is not None and model.weights and 0 < model.threshold < 1
    confidence = load_model("confidence")      # calibrates, never drops: every rule event is kept
    assert confidence is not None and confidence.weights and confidence.threshold == 0.0


def test_pairs_two_officials_of_a_meeting_sentence():
    text = "Minister Orla Venn met her counterpart Tomas Reyk in Lindmark on Monday."
    venn = _entity(text, "Orla Venn", "person", "person:venn")
    reyk = _entity(text, "Tomas Reyk", "person", "person:reyk")
    (cand,) = pair_candidates(_doc(text), [venn, reyk], [(0, len(text))], party_rule_flags)
    assert {cand.a, cand.b} == {"person:venn", "person:reyk"}
    assert cand.trigger.text == "met" and cand.status == "occurred"
    f = cand.features
    assert f["trig=meet"] == 1.0 and f["a_before"] == 1.0 and f["b_after"] == 1.0
    assert f["kinds=person+person"] == 1.0 and f["trigger_between"] == 1.0


def test_pairs_a_person_and_their_own_state_are_never_a_pair():
    text = "The Velorian minister Ana Pell received the delegation of Ostmark."
    velor = _entity(text, "Velorian", "state", "VL")
    pell = _entity(text, "Ana Pell", "person", "person:pell", affiliation="VL")
    ost = _entity(text, "Ostmark", "state", "OM")
    pairs = {frozenset((c.a, c.b)) for c in pair_candidates(_doc(text), [velor, pell, ost], [(0, len(text))],
                                                            party_rule_flags)}
    assert frozenset(("VL", "person:pell")) not in pairs
    assert frozenset(("person:pell", "OM")) in pairs


def test_pairs_planned_status_and_sentences_without_a_listed_trigger():
    text = "Tomas Reyk will meet Orla Venn next week. Orla Venn and Tomas Reyk discussed the harbour project."
    venn = _entity(text, "Orla Venn", "person", "person:venn")
    reyk = _entity(text, "Tomas Reyk", "person", "person:reyk")
    cut = text.index(". ") + 2
    cands = pair_candidates(_doc(text), [venn, reyk], [(0, cut - 1), (cut, len(text))], party_rule_flags)
    assert [c.status for c in cands] == ["planned", "occurred"]
    assert "no_trigger" not in cands[0].features and cands[1].features["no_trigger"] == 1.0
    assert cands[1].features["sw=en:discussed"] == 1.0


def _scored(*edges: tuple[str, str]) -> list[tuple[float, PairCandidate]]:
    trig = Trigger(0, 3, "met", "meet", False)
    return [(0.9, PairCandidate((0, 10), a, b, trig, "occurred", {})) for a, b in edges]


def test_events_cliques_one_event_per_counterpart_and_one_for_a_group():
    # A met B and C separately (B and C not paired): two events
    assert sorted(map(sorted, _cliques(_scored(("A", "B"), ("A", "C"))))) == [["A", "B"], ["A", "C"]]
    # A, B and C all paired: one event of three
    assert _cliques(_scored(("A", "B"), ("A", "C"), ("B", "C"))) == [{"A", "B", "C"}]


def test_events_parties_in_sentence_order_and_unnamed_ones_first_by_id():
    text = "He met Tomas Reyk. Later Orla Venn and Ilse Marr arrived."
    reyk = _entity(text, "Tomas Reyk", "person", "person:reyk")
    venn = _entity(text, "Orla Venn", "person", "person:venn")
    marr = _entity(text, "Ilse Marr", "person", "person:marr")
    ent_by_id = {e.id: e for e in (reyk, venn, marr)}
    second = (19, len(text))
    assert parties_in_order({"person:venn", "person:marr"}, ent_by_id, second) == ["person:venn", "person:marr"]
    # neither named in the first sentence: by id, however the set iterates
    for clique in ({"person:venn", "person:marr", "person:reyk"}, {"person:reyk", "person:marr", "person:venn"}):
        assert parties_in_order(clique, ent_by_id, (0, 18)) == ["person:marr", "person:venn", "person:reyk"]


def _frame(parties: list[str], span: tuple[int, int], type_: str = "meet") -> Frame:
    return Frame(type_, "occurred", parties, {p: None for p in parties}, [span], Trigger(span[0], span[0] + 3,
                 "met", type_, False), probability=0.7)


def test_frames_coreference_without_a_model():
    text = "A met B. Later A and B met again. A met C."
    ents = {k: Entity(k, "person", k) for k in "ABC"}  # type: ignore[arg-type]
    frames = [_frame(["A", "B"], (0, 8)), _frame(["A", "B"], (9, 33)), _frame(["A", "C"], (34, 42))]
    out = corefer_frames(_doc(text), frames, ents, [], None)
    assert [f.parties for f in out] == [["A", "B"], ["A", "C"]]
    assert out[0].evidence == [(0, 8), (9, 33)]


def test_frames_features_see_different_dates_and_a_continuation():
    text = "A met B on 2 May. A met B on 9 May. The two sides agreed."
    ents = {k: Entity(k, "person", k) for k in "AB"}  # type: ignore[arg-type]
    d1 = DateMention(11, 16, "2 May", "2031-05-02", "day")
    d2 = DateMention(29, 34, "9 May", "2031-05-09", "day")
    f, g, h = _frame(["A", "B"], (0, 17)), _frame(["A", "B"], (18, 35)), _frame(["A", "B"], (36, 57))
    feats = frame_pair_features(_doc(text), f, g, ents, [d1, d2])
    assert feats["dates_differ"] == 1.0 and feats["same_parties"] == 1.0
    assert frame_pair_features(_doc(text), f, h, ents, [d1, d2])["continues"] == 1.0


def test_learn_pair_label_follows_the_matching_rules():
    gold = [{"parties": [{"id": "person:venn", "affiliation": "VL"}, {"id": "person:reyk", "affiliation": "OM"}]}]
    assert _pair_label({"person:venn", "VL"}, {"person:reyk"}, gold)
    # a state does not stand for its minister; a minister's state (her affiliation) does not either
    assert not _pair_label({"VL"}, {"OM"}, gold)
    assert not _pair_label({"person:venn"}, {"person:venn", "VL"}, gold)


def test_learn_folds_keep_clusters_together(tmp_path):
    def ex(name: str, *clusters: str) -> Example:
        return Example(name, "set", {"events": [{"cluster": c} for c in clusters]}, None)

    examples = [ex("fr_1", "k1"), ex("en_1", "k1", "k2"), ex("ar_1", "k2"), ex("fr_2"), ex("en_2")]
    folds = tmp_path / "folds.json"
    folds.write_text(json.dumps({"fr_1": 3, "fr_2": 1}), encoding="utf-8")
    assign_folds(examples, [folds])
    by = {e.name: e.fold for e in examples}
    assert by["fr_1"] == by["en_1"] == by["ar_1"] == 3 and by["fr_2"] == 1
    assert 0 <= by["en_2"] < 5


def test_a_visited_state_after_a_qualified_visit_noun_is_a_host_not_a_locative():
    from communique.stages.parties import VISIT_TO as _VISIT_TO

    for before in ("a three-day official visit to ", "une visite de travail au ", "زيارة رسمية إلى ", "visited "):
        assert _VISIT_TO.search(before), before
    for before in ("the two ministers met in ", "la réunion s'est tenue à ", "التقى الوزيران في "):
        assert not _VISIT_TO.search(before), before


def test_a_visit_to_a_state_and_a_meeting_during_it_stay_two_events():
    from communique.stages.frame_merging import merge_frames

    text = "Ana Brel paid an official visit to Vellia. Ana Brel met President Otto Karst in Vells."
    ents = {e.id: e for e in (_entity(text, "Ana Brel", "person", "person:brel"),
                              _entity(text, "Vellia", "state", "VL"),
                              _entity(text, "Otto Karst", "person", "person:karst", affiliation="VL"))}
    visit = Frame("visit", "occurred", ["person:brel", "VL"], {}, [(0, 42)], Trigger(19, 24, "visit", "visit", False))
    meet = Frame("meet", "occurred", ["person:brel", "person:karst"], {}, [(43, 87)],
                 Trigger(52, 55, "met", "meet", False))
    merged = merge_frames([visit, meet], ents)
    assert [(f.type, f.parties) for f in merged] == [("visit", ["person:brel", "VL"]),
                                                     ("meet", ["person:brel", "person:karst"])]
