"""Conference participation told in English press-release forms (sentences written for these tests, fictional people,
states and bodies): a possessive attendance noun, speaking at a session, 'both ministers' as the subject, and two
gatherings of different bodies."""

from __future__ import annotations

import pytest

from tests.test_events_parties import _events

_MORO = ("person:moro", "person", "Tomas Moro")
_VANCE = ("person:vance", "person", "Ilse Vance")
_LEAGUE = ("org:league", "organization", "Harbour League")
_BOARD = ("org:board", "organization", "Lighthouse Institute")


@pytest.mark.parametrize("text", [
    "Tomas Moro's attendance at the 12th session of the Harbour League was his first in years.",
    "Tomas Moro's participation in the summit of the Harbour League drew wide attention.",
    "On Tuesday, Tomas Moro spoke at the opening of the annual meeting of the Harbour League.",
    "Tomas Moro addressed the closing session of the Harbour League in Vells.",
])
def test_attendance_told_by_a_possessive_noun_or_a_speech_is_a_conference(text):
    assert _events(text, [_MORO, _LEAGUE]) == [("conference", ("org:league", "person:moro"))]


@pytest.mark.parametrize("text", [
    "Tomas Moro addressed the issue of fishing quotas with the Harbour League.",
    "Tomas Moro spoke at length about the Harbour League.",
])
def test_addressing_an_issue_or_speaking_at_length_is_no_conference(text):
    assert [t for t, _ in _events(text, [_MORO, _LEAGUE])] != ["conference"]


def test_both_ministers_taking_part_are_the_two_of_the_meeting_just_told():
    text = ("On Monday, Tomas Moro held talks with Ilse Vance. "
            "The talks took place on the sidelines of the Harbour Seminar, in which both ministers were taking part.")
    assert _events(text, [_MORO, _VANCE], story=True) == [
        ("conference", ("person:moro", "person:vance")), ("meet", ("person:moro", "person:vance"))]


def test_both_ministers_with_no_meeting_told_make_no_conference():
    text = "Both ministers were taking part in the Harbour Seminar."
    assert _events(text, [_MORO, _VANCE], story=True) == []


def test_gatherings_of_two_different_bodies_are_two_conferences():
    text = ("On Monday, Tomas Moro attended the summit of the Harbour League. "
            "On Tuesday, he spoke at the opening of the board meeting of the Lighthouse Institute.")
    assert _events(text, [_MORO, _LEAGUE, _BOARD], story=True) == [
        ("conference", ("org:board", "person:moro")), ("conference", ("org:league", "person:moro"))]


@pytest.mark.parametrize("text", [
    "Tomas Moro is in Vells this week. Ilse Vance called him yesterday to express her regret.",
    "Tomas Moro thanked Ilse Vance for calling to let him know that she could not come.",
])
def test_a_call_told_by_called_him_or_for_calling(text):
    assert _events(text, [_MORO, _VANCE], story=True) == [("call", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text", [
    "Tomas Moro called him a friend of the island.",
    "Tomas Moro called for calm after the talks were postponed.",
])
def test_called_a_name_or_called_for_is_no_call(text):
    assert [t for t, _ in _events(text, [_MORO, _VANCE]) if t == "call"] == []


def test_a_stop_in_a_state_on_the_way_is_a_visit():
    text = "Tomas Moro reached Freedonia after a stop in Sylvania, where he met the country's leaders."
    specs = [_MORO, ("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")]
    assert ("visit", ("SY", "person:moro")) in _events(text, specs)


def test_a_meeting_recalled_in_a_call_is_an_earlier_meeting_of_the_two():
    text = ("Tomas Moro took a telephone call today from Ilse Vance. "
            "The two sides looked back on their recent bilateral meeting held on the sidelines of the forum in Vells.")
    assert _events(text, [_MORO, _VANCE], story=True) == [
        ("call", ("person:moro", "person:vance")), ("meet", ("person:moro", "person:vance"))]


def test_a_meeting_planned_in_a_call_is_no_earlier_meeting():
    text = ("Tomas Moro took a telephone call today from Ilse Vance. "
            "The two sides said their next meeting would be held in Vells in May.")
    assert _events(text, [_MORO, _VANCE], story=True) == [("call", ("person:moro", "person:vance"))]


def test_a_separate_meeting_closing_the_sentence_is_a_meeting_of_its_subjects():
    text = ("Tomas Moro and Freedonian Foreign Minister Ilse Vance, for their part, looked at the summit preparations "
            "in a separate meeting.")
    assert _events(text, [_MORO, _VANCE]) == [("meet", ("person:moro", "person:vance"))]


def test_a_meeting_noun_told_as_a_topic_is_no_meeting():
    text = "Tomas Moro and Ilse Vance looked at the preparations for a separate meeting of the harbour board."
    assert _events(text, [_MORO, _VANCE]) == []


def test_a_gerund_after_while_takes_the_subject_of_the_main_clause():
    text = "Tomas Moro met Ilse Vance while taking part in the session of the Harbour League."
    assert ("conference", ("org:league", "person:moro")) in _events(text, [_MORO, _VANCE, _LEAGUE])


def test_a_verb_coordinated_after_a_list_shares_the_first_subject():
    text = ("Tomas Moro held meetings with Ilse Vance; Anna Sorel; and Karl Ostrum, head of the Harbour League, "
            "and signed memorandums of understanding with Sylvania.")
    specs = [_MORO, _VANCE, ("person:sorel", "person", "Anna Sorel"), ("person:ostrum", "person", "Karl Ostrum"),
             _LEAGUE, ("SY", "state", "Sylvania")]
    agreements = [p for t, p in _events(text, specs) if t == "agreement"]
    assert agreements == [("SY", "person:moro")]


def test_also_attended_is_one_more_conference():
    text = ("On Monday, Tomas Moro took part in the Harbour League's ministerial meeting on fisheries. "
            "Tomas Moro also attended the ministerial meeting on the canal crisis.")
    assert _events(text, [_MORO, _LEAGUE], story=True) == [
        ("conference", ("org:league", "person:moro")), ("conference", ("org:league", "person:moro"))]


def test_a_meeting_also_attended_by_someone_is_the_same_conference():
    text = ("On Monday, Tomas Moro took part in the Harbour League's ministerial meeting on fisheries. "
            "The meeting was also attended by Ilse Vance.")
    assert [t for t, _ in _events(text, [_MORO, _VANCE, _LEAGUE], story=True)] == ["conference"]


def test_the_subject_of_a_relative_clause_is_the_actor_named_before_the_pronoun():
    text = ("Tomas Moro praised the stance of Sylvania and of a contact group it led, which held meetings last month "
            "with Freedonian officials.")
    specs = [_MORO, ("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")]
    assert _events(text, specs) == [("meet", ("FD", "SY"))]
