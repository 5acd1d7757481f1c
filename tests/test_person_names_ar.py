"""Arabic names found after a title word (stages/person_names.py), on sentences written for these tests."""
from __future__ import annotations

import re

from communique.stages.person_names import AR_NAME_LEAD, arabic_names_after_titles


def _names(text: str, blocked_forms: list[str]) -> list[str]:
    anchors = [m.end() for m in AR_NAME_LEAD.finditer(text)]
    blocked = [m.span() for form in blocked_forms for m in re.finditer(re.escape(form), text)]
    return [text[s:e] for s, e in arabic_names_after_titles(text, anchors, blocked, [])]


def test_person_names_ar_the_given_name_ali_opens_a_name_after_a_title():
    text = ("واجتمع الوزير على هامش الدورة مع نظيره من روريتانيا علي سمير بلوران، "
            "ونظيره من بلاد الجبل سليم فادي.")
    assert _names(text, ["روريتانيا", "بلاد الجبل"]) == ["علي سمير بلوران", "سليم فادي"]


def test_person_names_ar_ali_is_the_preposition_where_the_text_never_writes_its_alef_maqsura():
    text = "وأكد الوزير علي هامش الدورة ان التعاون مستمر، والتقي نظيره سليم فادي."
    assert "علي هامش" not in " ".join(_names(text, []))


def test_person_names_ar_a_title_complement_with_a_possessive_pronoun_is_skipped():
    text = "واستقبل رئيس روريتانيا ووزير خارجيته سليم فادي الحداد، وفدا من بلاد الجبل."
    assert _names(text, ["روريتانيا", "بلاد الجبل"]) == ["سليم فادي الحداد"]
    text = "والتقى الوفد رئيس وزرائها كريم بلوران، في العاصمة."
    assert _names(text, []) == ["كريم بلوران"]


def test_person_names_ar_a_future_verb_after_a_name_ends_it():
    text = "وقال إن وزير الخارجية سليم فادي سيناقش التعاون مع الوفد."
    assert _names(text, []) == ["سليم فادي"]


def test_person_names_ar_a_verb_behind_the_conjunction_is_no_name_word():
    from communique.stages.person_names import is_arabic_name_word
    assert not is_arabic_name_word("وبحث", inside=True)
    assert not is_arabic_name_word("وستبحث", inside=True)
    assert not is_arabic_name_word("سيناقش")
    assert is_arabic_name_word("سيف") and is_arabic_name_word("وليد", inside=True)


def test_person_names_ar_two_names_joined_by_and_are_two_persons():
    from communique.stages.coordinated_names_ar import split_coordinated_arabic_persons
    text = "واستقبل الرئيس سليم فادي الحداد وكريم بلوران في القصر."
    start = text.index("سليم")
    end = text.index(" في")
    [(old, names)] = split_coordinated_arabic_persons(text, [(start, end)]).items()
    assert [text[s:e] for s, e in names] == ["سليم فادي الحداد", "كريم بلوران"]


def test_person_names_ar_a_name_word_opening_with_waw_does_not_split_a_name():
    from communique.stages.coordinated_names_ar import split_coordinated_arabic_persons
    text = "واستقبل الرئيس سليم فادي وليد الحداد في القصر."
    assert split_coordinated_arabic_persons(text, [(text.index("سليم"), text.index(" في"))]) == {}
    text = "واستقبل الرئيس سليم الحداد وكريم في القصر."
    assert split_coordinated_arabic_persons(text, [(text.index("سليم"), text.index(" في"))]) == {}


def test_person_names_ar_a_kinship_word_with_a_possessive_introduces_a_name():
    from communique.stages.mentions_ar import AR_KINSHIP_LEAD
    text = "وحضر الاستقبال نجله كريم فادي بلوران، وعقيلته السيدة سلمى الحداد."
    anchors = [m.end() for m in AR_KINSHIP_LEAD.finditer(text)]
    found = [text[s:e] for s, e in arabic_names_after_titles(text, anchors, [], [])]
    assert found == ["كريم فادي بلوران", "سلمى الحداد"]
    for word in ("شقيقه", "وشقيقته", "ابنته", "زوجها", "بنجله"):
        assert AR_KINSHIP_LEAD.fullmatch(word), word
    assert not AR_KINSHIP_LEAD.search("وحضر نجل الرئيس سليم الحداد")
