"""The status of an event noun told 'in the wake of' another clause, and the sides of an event told 'between the two
sides', on sentences written for these tests (fictional people and states)."""

from __future__ import annotations

import pytest

from communique.stages.triggers import find_triggers, status_of

from .test_visits import _events


@pytest.mark.parametrize("sentence, noun, lang", [
    ("The visit of Ilse Vance to Freedonia was postponed following a phone call between the two sides.", "phone call", "en"),
    ("La visite d'Ilse Vance en Freedonie a été reportée à la suite d'un entretien téléphonique.", "entretien", "fr"),
    ("وتقرر تأجيل زيارة إلسه فانس إلى فريدونيا إثر مكالمة جرت أمس بين الطرفين.", "مكالمة", "ar"),
    ("أرجئ اللقاء عقب اتصال هاتفي بين الوزيرين.", "اتصال", "ar"),
])
def test_status_an_event_noun_after_following_has_its_own_status_not_the_main_clauses(sentence, noun, lang):
    assert status_of(sentence, sentence.index(noun), lang) == "occurred"
    first = find_triggers(sentence, lang, 0)[0]     # the postponed visit or meeting keeps its cue
    assert status_of(sentence, first.start, lang) == "negated"


def test_status_a_planned_noun_after_following_keeps_its_own_cue():
    sentence = "The talks will resume following a visit planned for next week."
    assert status_of(sentence, sentence.index("visit"), "en") == "planned"


_SIDES = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, None),
          ("SY", "state", "سيلفانيا", "SY", None), ("FD", "state", "فريدونيا", "FD", None)]


def test_sides_a_call_between_the_two_sides_is_of_the_persons_told_before_not_of_the_state_visited():
    text = ("أجّلت إلسه فانس زيارتها إلى فريدونيا واجتماعها بالوزير توماس مورو. "
            "وجاء التأجيل إثر مكالمة جرت مساء أمس بين الطرفين. "
            "وتجمع سيلفانيا وفريدونيا علاقات قديمة.")
    assert _events(text, _SIDES, "ar") == [("call", ("person:vance", "person:moro"))]


def test_sides_a_call_with_named_sides_keeps_them():
    text = ("أجرت إلسه فانس مكالمة مع توماس مورو مساء أمس. "
            "وتجمع سيلفانيا وفريدونيا علاقات قديمة.")
    assert _events(text, _SIDES, "ar") == [("call", ("person:vance", "person:moro"))]


_GUEST = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
          ("SY", "state", "سيلفانيا", "SY", None), ("FD", "state", "فريدونيا", "FD", None)]
_GUEST_EN = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, "FD"),
             ("SY", "state", "Sylvania", "SY", None), ("FD", "state", "Freedonia", "FD", None)]


@pytest.mark.parametrize("text, specs, lang", [
    ("ناقش الرئيس إلسه فانس والرئيس توماس مورو، الأربعاء، سبل التعاون بين البلدين. "
     "وأوضح المتحدث باسم الرئاسة أن هدف الزيارة، وهي الأولى منذ انتخاب توماس مورو رئيسا للبلاد، هو دعم التعاون. "
     "وتجمع سيلفانيا وفريدونيا علاقات قديمة.", _GUEST, "ar"),
    ("Ilse Vance held talks with Tomas Moro on Wednesday. "
     "The spokesman said the visit, the first since Tomas Moro was elected, would deepen trade. "
     "Sylvania and Freedonia are neighbours.", _GUEST_EN, "en"),
])
def test_visits_the_visit_told_by_its_definite_noun_is_of_the_one_meeting_party_its_sentence_names(text, specs, lang):
    got = _events(text, specs, lang)
    assert ("visit", ("person:moro", "SY")) in got
    assert ("meet", ("person:vance", "person:moro")) in got


def test_visits_the_visit_whose_sentence_names_no_side_of_the_meeting_makes_no_visit():
    text = ("ناقش الرئيس إلسه فانس والرئيس توماس مورو، الأربعاء، سبل التعاون بين البلدين. "
            "وأوضح المتحدث باسم الرئاسة أن الزيارة جرت في أجواء ودية وأن التعاون سيتعزز. "
            "وتجمع سيلفانيا وفريدونيا علاقات قديمة.")
    assert [e for e in _events(text, _GUEST, "ar") if e[0] == "visit"] == []


def test_meetings_a_working_session_held_also_in_a_clause_of_its_own_is_a_meeting_of_its_own():
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, None),
             ("FD", "state", "الفريدوني", "FD", None)]
    text = "التقى إلسه فانس الرئيس توماس مورو أمس، كما عقد جلسة عمل مع وزير الخارجية الفريدوني. وانتهت الزيارة مساء."
    got = _events(text, specs, "ar")
    assert ("meet", ("person:vance", "person:moro")) in got
    assert ("meet", ("person:vance", "FD")) in got


_CAME = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
         ("place:vells", "place", "فيلز", "FD", None), ("FD", "state", "فريدونيا", "FD", None),
         ("SY", "state", "سيلفانيا", "SY", None)]


def test_visits_came_to_a_city_is_a_visit_to_its_state():
    text = ("وأشارت تقارير إلى أن إلسه فانس جاءت إلى فيلز من عاصمة بلادها صباح اليوم. "
            "وتجمع سيلفانيا وفريدونيا علاقات قديمة.")
    assert ("visit", ("person:vance", "FD")) in _events(text, _CAME, "ar")


def test_visits_came_without_a_place_after_it_is_no_visit():
    text = ("جاء ذلك خلال لقاء إلسه فانس مع توماس مورو في فيلز. "
            "وتجمع سيلفانيا وفريدونيا علاقات قديمة.")
    assert [e for e in _events(text, _CAME, "ar") if e[0] == "visit"] == []
