"""Mentions (English) written for these tests: an organ named with its body is one organization; the untagged items of
a list of 'Name of State' items are persons."""

from __future__ import annotations

from communique.stages.gazetteer import Gazetteer
from communique.stages.listed_persons import persons_listed_with_their_states
from communique.stages.mentions import MentionContext, find_mentions


def test_mentions_en_an_organ_named_with_its_body_is_one_organization(ner_doc):
    text = "Karl Ostrum took part in the 12th session of the Executive Council of the Harbour Union in Vells."
    doc = ner_doc(text, "en", [("Karl Ostrum", "PERSON"), ("the Executive Council", "ORG"),
                               ("the Harbour Union", "GPE"), ("Vells", "GPE")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en")]
    assert ("Executive Council of the Harbour Union", "organization") in out
    assert ("Harbour Union", "organization") not in out


def test_mentions_en_a_body_of_a_state_is_not_joined_to_the_state(ner_doc):
    text = "Karl Ostrum met the Executive Council of the Republic of Vells."
    doc = ner_doc(text, "en", [("Karl Ostrum", "PERSON"), ("the Executive Council", "ORG"),
                               ("the Republic of Vells", "GPE")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Republic of Vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en")]
    assert ("Executive Council", "organization") in out


def _spans(text: str, persons: list[str]) -> dict:
    return {(text.index(p), text.index(p) + len(p)): {"kind": "person"} for p in persons}


def test_mentions_en_an_untagged_item_of_a_list_of_named_ministers_is_a_person():
    text = ("The ministers included Karl Ostrum of Vellara, Tomas Orrin of Sylvania, Anna Sorel of Freedonia, "
            "and Jean Dupuis of Ruritania.")
    spans = _spans(text, ["Karl Ostrum", "Tomas Orrin", "Jean Dupuis"])
    persons_listed_with_their_states(text, spans)
    assert sorted(text[s:e] for s, e in spans) == ["Anna Sorel", "Jean Dupuis", "Karl Ostrum", "Tomas Orrin"]


def test_mentions_en_a_list_of_bodies_gives_no_person():
    text = "Delegates came from the Harbour Union of Vellara, the Trade Bank of Sylvania and the Port Authority of Freedonia."
    spans = _spans(text, [])
    persons_listed_with_their_states(text, spans)
    assert spans == {}


def test_mentions_en_a_headline_purpose_after_to_is_no_organization(ner_doc):
    text = "Karl Ostrum Holds Talks with Vellian Counterparts to Deepen Harbour-Island Cooperation"
    doc = ner_doc(text, "en", [("Karl Ostrum", "PERSON"), ("Deepen Harbour-Island Cooperation", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    assert [m.form for m in find_mentions(text, doc, ctx, "en") if m.kind == "organization"] == []


def test_mentions_en_a_body_after_to_is_still_a_body(ner_doc):
    text = "Karl Ostrum spoke to Harbour Authority Union delegates."
    doc = ner_doc(text, "en", [("Karl Ostrum", "PERSON"), ("Harbour Authority Union", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    assert [m.form for m in find_mentions(text, doc, ctx, "en") if m.kind == "organization"] == ["Harbour Authority Union"]
