"""Venue of an event told after a move in its own sentence: "Then he moved on to Ruritania, where he met the president",
"ثم انتقل يوم الأربعاء إلى روريتانيا، فالتقى الرئيس", "Il s'est ensuite rendu à Vells, où il a rencontré ...": the
place the person moved to, before the trigger in the trigger's sentence, is where the event took place, whatever
venue the story's earlier events or the dateline suggest (a tour told stop by stop)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Entity, Location, Mention
from .frames import Frame

__all__ = ["venue_moved_to"]

#: a verb of moving on and its preposition, right before the place: "moved on to", "travelled to", "arrived in",
#: "s'est rendu à", "انتقل (يوم الأربعاء) إلى", "توجه إلى"
_MOVED_TO = re.compile(r"(?:\b(?:arrived|landed|travell?ed|moved\s+on|flew|went|headed)\s+(?:on\s+)?(?:in|to|at)|"
                       r"\b(?:arrivée?s?|(?:s['’](?:est|était)\s+)?rendue?s?|(?:est|était)\s+arrivée?)\s+(?:à|au|aux|en)|"
                       r"(?<!\S)[وف]?(?:ثم\s+)?(?:انتقل|انتقلت|توجه|توجهت|وصل|وصلت)(?:\s+[^\s،,.]+){0,3}?\s+(?:إلى|الى))"
                       r"\s*(?:the\s+|la\s+|le\s+|l['’])?$", re.I)
_REACH = 60


def venue_moved_to(frame: Frame, location: Location | None, places: list[tuple[Mention, Entity]], text: str,
                   geocode: Callable[[str], Location | None]) -> Location | None:
    """The place a meeting's or signing's own sentence moves its subject to before the trigger, unless the venue
    found is already in that place's country (a city of the state moved to)."""
    if frame.type not in ("meet", "agreement"):
        return location
    span = next(((s, e) for s, e in frame.evidence if s <= frame.trigger.start < e), None)
    if span is None:
        return location
    moved = [(m, e) for m, e in places if span[0] <= m.start < frame.trigger.start and e.kind in ("state", "place")
             and _MOVED_TO.search(text, max(span[0], m.start - _REACH), m.start)]
    if not moved:
        return location
    m, place = moved[-1]
    found = geocode(place.name) if place.kind == "state" else (geocode(place.name) or geocode(m.form))
    found = found or Location(place.name, place.country)
    if location is not None and found.country and location.country == found.country:
        return location
    return found
