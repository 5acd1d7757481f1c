"""Venue of an event told after a move in its own sentence, on sentences written for these tests (fictional places)."""

from __future__ import annotations

import pytest

from communique.records import Entity, Location, Mention
from communique.stages.frames import Frame
from communique.stages.triggers import Trigger
from communique.stages.venue_moves import venue_moved_to

_GAZETTEER = {"Ruritania": Location("Ruritania", "RU"), "Vells": Location("Vells", "VL", 1.0, 2.0),
              "Sylvania": Location("Sylvania", "SY")}
_EARLIER = Location("Port Lys", "FD", 3.0, 4.0)     # the venue of the tour's previous stop


def _venue(text: str, place: str, kind: str, name: str, trigger: str, etype: str = "meet",
           location: Location | None = _EARLIER) -> Location | None:
    start = text.index(place)
    ent = Entity(f"{kind}:{name}", kind, name, [place], [Mention(start, start + len(place), place, kind, 0)])  # type: ignore[arg-type]
    t = text.index(trigger)
    frame = Frame(etype, "occurred", ["person:a", "person:b"], {}, [(0, len(text))], Trigger(t, t + len(trigger), trigger, etype, False))
    return venue_moved_to(frame, location, [(ent.mentions[0], ent)], text, _GAZETTEER.get)


@pytest.mark.parametrize("text, place, kind, name, trigger, expected", [
    ("ثم انتقل يوم الأربعاء إلى روريتانيا، فالتقى الرئيس يان كاسك.", "روريتانيا", "state", "Ruritania", "فالتقى", "Ruritania"),
    ("ويوم الخميس توجه إلى روريتانيا، والتقى رئيسها.", "روريتانيا", "state", "Ruritania", "والتقى", "Ruritania"),
    ("He then moved on to Vells, where he met President Jan Kask.", "Vells", "place", "Vells", "met", "Vells"),
    ("Il s'est ensuite rendu à Vells, où il a rencontré le président Jan Kask.", "Vells", "place", "Vells", "rencontré", "Vells"),
])
def test_venue_the_place_a_meeting_sentence_moves_its_subject_to_before_the_trigger(text, place, kind, name, trigger,
                                                                                   expected):
    assert _venue(text, place, kind, name, trigger).name == expected


def test_venue_a_place_named_otherwise_or_after_the_trigger_keeps_the_venue_found():
    text = "He met President Jan Kask, who then travelled to Vells."
    assert _venue(text, "Vells", "place", "Vells", "met") == _EARLIER
    text = "In talks about Sylvania, he met President Jan Kask."
    assert _venue(text, "Sylvania", "state", "Sylvania", "met") == _EARLIER


def test_venue_a_city_already_in_the_state_moved_to_is_kept_and_a_visit_is_left_to_the_visit_rules():
    city = Location("Ruri City", "RU", 5.0, 6.0)
    text = "ثم انتقل يوم الأربعاء إلى روريتانيا، فالتقى الرئيس يان كاسك."
    assert _venue(text, "روريتانيا", "state", "Ruritania", "فالتقى", location=city) == city
    assert _venue(text, "روريتانيا", "state", "Ruritania", "فالتقى", etype="visit") == _EARLIER
