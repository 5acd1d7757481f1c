"""Arabic news outlets the NER misses (stages/outlets_ar.py), on sentences written for the tests: a dispatch's
dateline agency, a source line, and an outlet named after the noun of its kind."""

from __future__ import annotations

import pytest

from communique.stages.gazetteer import Gazetteer
from communique.stages.mentions import MentionContext, find_mentions
from communique.stages.outlets_ar import arabic_outlet_names

_PLACES = {"مرسى النور", "فريدونيا", "سيلفانيا"}


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in arabic_outlet_names(text, lambda form: form in _PLACES)]


@pytest.mark.parametrize("text, names", [
    ("مرسى النور - زاد\nاستقبل الوزير نظيره.", ["زاد"]),                        # the line's end closes it
    ("فريدونيا/ لمع- أفادت مصادر رسمية بأن", ["لمع"]),
    ("سيلفانيا- (ف ر د):\nوقع الجانبان", ["ف ر د"]),
    ("مرسى النور/النجمة/أخبار المنطقة", ["النجمة"]),
    ("فريدونيا : الرائد 36\n", ["الرائد 36"]),
    ("سيلفانيا ( بشبكة الأفق)– أعلنت الحكومة", ["بشبكة الأفق"]),
    ("المصدر: وكالة الشروق", ["وكالة الشروق"]),
])
def test_outlets_ar_the_agency_of_a_dateline(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text", [
    "مرسى النور - 12 مايو 2021\nاستقبل الوزير نظيره.",       # a date, not an agency
    "فريدونيا - الاثنين\nاستقبل الوزير نظيره.",
    "المدينة - زاد\nاستقبل الوزير نظيره.",                   # no known place opens the line
    "مرسى النور: سليم الحداد سيلفانيا: {الجريدة}",          # a correspondent's byline before another place
])
def test_outlets_ar_no_agency_after_a_date_or_an_unknown_place(text):
    assert _names(text) == []


@pytest.mark.parametrize("text, names", [
    ("ونقلت صحيفة الضياء عن مصدر", []),                                 # the article: the NER's and heads' work
    ("ونقلت صحيفة ضياء الساحلية عن مصدر", ["ضياء"]),                   # a newspaper: the name alone
    ("ونسبت وكالة أنباء نجمة الفريدونية إلى الوزير", ["وكالة أنباء نجمة"]),
    ("وكانت قناة \"سهيل\" الفريدونية قد نقلت", ["قناة \"سهيل\""]),
    ("في بيان نقلته وكالة أنباء (نجمة) الفريدونية", ["نجمة"]),
    ("ونقلت صحيفة محلية عن مصدر", []),                                  # a word of the trade, no name
    ("ونقلت صحيفة فريدونيا عن مصدر", []),                               # a place
])
def test_outlets_ar_named_after_the_noun_of_their_kind(text, names):
    assert _names(text) == names


def test_outlets_ar_in_the_mentions_replace_what_the_ner_read_inside(ner_doc):
    text = "مرسى النور - زاد\nنقلت وكالة أنباء نجمة أن الوزير سليم الحداد وصل."
    doc = ner_doc(text, "ar", [("نجمة", "PER"), ("سليم الحداد", "PER")])
    ctx = MentionContext(Gazetteer([]), lambda form: form in _PLACES)
    forms = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "ar")]
    assert ("زاد", "organization") in forms and ("وكالة أنباء نجمة", "organization") in forms
    assert ("نجمة", "person") not in forms
