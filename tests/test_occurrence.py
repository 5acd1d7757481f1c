"""Occurrence and confidence features of a proposed event: what reveals a wrong party, a repeated event,
and the pair model's view of the chosen parties. Records built by hand on sentences written for these
tests (fictional people and places)."""

from __future__ import annotations

from communique.records import Document, Entity, Event, Evidence, Mention, Party
from communique.stages.decide import LinearModel
from communique.stages.occurrence import event_features, score_pairs

TEXT = "Minister Orla Venn met Tomas Reyk and Ida Holm in Lindmark. Later Ida Holm thanked Per Sand."


def _doc(text: str = TEXT) -> Document:
    return Document(id="sha256:test", source="test.txt", text=text, lang="en", published="2031-03-04")


def _person(form: str, country: str | None = None, text: str = TEXT) -> Entity:
    starts = [i for i in range(len(text)) if text.startswith(form, i)]
    mentions = [Mention(s, s + len(form), form, "person", 0) for s in starts]
    return Entity(f"person:{form.split()[-1].lower()}", "person", form, [form], mentions, country=country)


def _event(parties: list[Entity], sentence: tuple[int, int], trigger: str = "met", date: str | None = None) -> Event:
    s, e = sentence
    return Event("ev", "meet", "occurred", date, "day" if date else None, None, tuple(Party(p.id) for p in parties),
                 (), (Evidence(TEXT[s:e], s, e),), 0.5, trigger)


FIRST = (0, TEXT.index(".") + 1)
SECOND = (FIRST[1] + 1, len(TEXT))
VENN, REYK, HOLM, SAND = (_person(n) for n in ("Orla Venn", "Tomas Reyk", "Ida Holm", "Per Sand"))
BY_ID = {e.id: e for e in (VENN, REYK, HOLM, SAND)}


def _features(event: Event, events: list[Event] | None = None, scores=None) -> dict[str, float]:
    events = events or [event]
    return event_features(_doc(), event, events.index(event), events, BY_ID, scores)


def test_occurrence_a_person_nearer_the_trigger_than_a_party_is_a_sign_of_a_wrong_party():
    assert _features(_event([VENN, HOLM], FIRST))["person_nearer_than_party"] == 1.0     # Reyk is nearer
    assert _features(_event([VENN, REYK], FIRST))["person_nearer_than_party"] == 0.0


def test_occurrence_a_party_not_named_in_the_events_sentences_and_one_named_once():
    f = _features(_event([VENN, SAND], FIRST))
    assert f["party_missing"] == 0.5 and f["party_rare"] == 1.0
    f = _features(_event([VENN, REYK], FIRST))
    assert f["party_missing"] == 0.0 and f["party_far"] > 0


def test_occurrence_parties_of_one_country_and_a_one_word_name():
    a, b = _person("Orla Venn", "XA"), _person("Tomas Reyk", "XA")
    f = event_features(_doc(), _event([a, b], FIRST), 0, [_event([a, b], FIRST)], {a.id: a, b.id: b})
    assert f["parties_one_country"] == 1.0 and f["party_one_word"] == 0.0
    sole = Entity("person:venn", "person", "Venn", ["Venn"], VENN.mentions)
    assert event_features(_doc(), _event([sole, REYK], FIRST), 0, [], {sole.id: sole, REYK.id: REYK})["party_one_word"] == 1.0


def test_occurrence_an_event_repeating_an_earlier_one():
    first, again = _event([VENN, REYK], FIRST, date="2031-03-01"), _event([REYK, VENN], SECOND, "thanked")
    other_day = _event([HOLM, SAND], SECOND, "thanked", date="2031-03-01")
    events = [first, again, other_day]
    assert _features(again, events)["earlier_same_pair"] == 1.0
    assert _features(first, events)["earlier_same_pair"] == 0.0
    assert _features(other_day, events)["earlier_same_day_party"] == 0.0
    same_day = _event([VENN, SAND], SECOND, "thanked", date="2031-03-01")
    f = _features(same_day, [first, same_day])
    assert f["earlier_shares_party"] == 1.0 and f["earlier_same_day_party"] == 1.0


def test_occurrence_reads_the_pair_models_view_of_the_chosen_parties():
    model = LinearModel("pairs", {"trigger_between": 3.0}, bias=-1.5)
    scores = score_pairs(_doc(), [VENN, REYK, HOLM, SAND], [FIRST, SECOND], model)
    assert scores is not None and frozenset((VENN.id, REYK.id)) in scores[FIRST]
    f = _features(_event([VENN, REYK], FIRST), scores=scores)
    assert f["pair_p_min"] == f["pair_p_max"] > 0.8 and f["pair_p_min>=0.8"] == 1.0 and f["pair_unseen"] == 0.0
    f = _features(_event([VENN, SAND], FIRST), scores=scores)        # never a pair of the first sentence
    assert f["pair_p_min"] == 0.0 and f["pair_unseen"] == 1.0 and f["pair_p_min<0.2"] == 1.0
    assert score_pairs(_doc(), [VENN, REYK], [FIRST], None) is None
    assert "pair_p_min" not in _features(_event([VENN, REYK], FIRST))


def test_occurrence_a_party_titled_spokesperson_is_a_sign_of_a_wrong_party():
    def titled(role: str) -> Event:
        s, e = FIRST
        return Event("ev", "meet", "occurred", None, None, None, (Party(VENN.id, role), Party(REYK.id, "minister")),
                     (), (Evidence(TEXT[s:e], s, e),), 0.5, "met")

    assert _features(titled("foreign ministry spokesperson"))["party_spokesperson"] == 1.0
    assert _features(titled("porte-parole du gouvernement"))["party_spokesperson"] == 1.0
    assert _features(titled("المتحدث باسم الوزارة"))["party_spokesperson"] == 1.0
    assert _features(titled("foreign minister"))["party_spokesperson"] == 0.0
