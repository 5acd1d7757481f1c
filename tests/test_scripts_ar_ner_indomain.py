"""scripts/ar_ner_indomain.py: gold forms of an annotated document -> silver NER sentences on spaCy tokens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from ar_ner_indomain import mark_document, mask_title_entities  # noqa: E402
from train_ar_ner import Sent  # noqa: E402

TEXT = ("استقبل وزير الخارجية سامي فارس نظيره الكندي ليون برادلي في عمان. وبحث الجانبان مع منظمة "
        "الصحة العالمية العلاقات الأردنية-الكندية.\nوأكد فارس دعم كندا والأردن.")
GOLD = {"entities": [
    {"kind": "person", "forms": ["سامي فارس", "فارس"]},
    {"kind": "person", "forms": ["ليون برادلي"]},
    {"kind": "organization", "forms": ["منظمة الصحة العالمية"]},
    {"kind": "state", "forms": ["كندا", "الكندي", "الكندية"]},
    {"kind": "state", "forms": ["الأردن", "الأردنية"]},
    {"kind": "place", "forms": ["عمان"]},
]}


def marked(sents):
    return [([" ".join(w[s:e]) + "/" + lab for s, e, lab in spans], sorted(w[k] for k in missing))
            for w, spans, missing in sents]


def test_ar_ner_indomain_marks_longest_forms_whole_tokens_and_masks_adjectives():
    sents = mark_document(TEXT, GOLD, spacy.blank("ar").tokenizer, "وفبلك", {".", "؟"})
    assert marked(sents) == [
        (["سامي فارس/PERS", "ليون برادلي/PERS", "عمان/LOC"], ["الكندي"]),
        (["منظمة الصحة العالمية/ORG"], ["الأردنية", "الكندية"]),
        (["فارس/PERS", "كندا/LOC", "والأردن/LOC"], []),     # the clitic و is inside the token, and the mark
    ]


def test_ar_ner_indomain_never_marks_part_of_a_word():
    gold = {"entities": [{"kind": "place", "forms": ["عمان"]}]}
    sents = mark_document("زار سلطنة عمانية قديمة ثم بعمان.", gold, spacy.blank("ar").tokenizer, "وفبلك", {"."})
    assert marked(sents) == [(["بعمان/LOC"], [])]


def test_ar_ner_indomain_masks_organizations_inside_titles_not_persons():
    words = "التقى وزير الخارجية سامي فارس ممثل الصحة".split()
    sent = Sent(words, [(2, 3, "ORG"), (3, 5, "PERS"), (6, 7, "ORG")])
    assert mask_title_entities([sent], {"وزير"}) == 1
    assert sent.spans == [(3, 5, "PERS"), (6, 7, "ORG")]
    assert sent.missing == {2}
