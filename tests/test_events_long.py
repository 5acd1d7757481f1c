"""Rule events of full-length articles (issue 10) on sentences written for these tests (fictional people and
states): events told in passing, what is not an event, one event told with several parties."""

from __future__ import annotations

import pytest

from tests.test_events_parties import _events

_STATES = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia"), ("OR", "organization", "Orsinian League")]
_STATES_AR = [("SY", "state", "سيلفانيا"), ("FD", "state", "فريدونيا"), ("OR", "organization", "رابطة أورسينيا")]


@pytest.mark.parametrize("text, lang, specs", [
    ("Markets rose on Tuesday, months after the trade pact concluded between Sylvania and Freedonia.", "en", _STATES),
    ("The Orsinian League praised the deals recently concluded between Sylvania and Freedonia.", "en", _STATES),
    ("Le pays accueille des réfugiés en vertu d'un accord conclu avec la Sylvania et la Freedonia.", "fr", _STATES),
    ("L'Orsinian League s'inquiète du pacte de sécurité passé entre la Sylvania et la Freedonia.", "fr", _STATES),
    ("وأشادت رابطة أورسينيا بالاتفاقية المبرمة بين سيلفانيا و فريدونيا في مجال الطاقة.", "ar", _STATES_AR),
])
def test_events_long_agreement_told_in_passing_is_between_the_two_it_names(text, lang, specs):
    assert _events(text, specs, lang) == [("agreement", ("FD", "SY"))]


@pytest.mark.parametrize("text, lang", [
    ("Sylvania is negotiating a trade agreement with Freedonia.", "en"),
    ("La Sylvania n'a confirmé l'existence d'aucun accord avec la Freedonia.", "fr"),
])
def test_events_long_agreement_noun_without_its_conclusion_is_no_event(text, lang):
    assert _events(text, _STATES, lang) == []
