"""The locative venue rule: where an event took place by the words around its places (a place after "in", "à", "في"
in the event's own sentences, else the previous sentence of the paragraph, the previous event of the story, the
dateline). The learned choice over the same candidates is `venue.learned_venue`."""

from __future__ import annotations

import re

from ..records import Location
from .venue import LOCATIVE, VenueQuery, dateline_location, resolve_place, usual_name

__all__ = ["rule_venue"]


def rule_venue(q: VenueQuery) -> Location | None:
    """The locative rule: a place after a locative word in the event's sentences (a city or a building
    before a country; not a party's own country unless it is visited); a place after "in"/"à" the
    gazetteer knows; a place in the previous sentence of the paragraph; for a phone call, nothing more;
    the previous event's venue on the same day; the dateline."""
    location = _locative_in_evidence(q) or _capitalized_in_evidence(q) or _in_previous_sentence(q)
    if q.frame.type == "call":
        return location if location is not None and location.lat is not None else None
    if location is None and q.previous is not None:
        location = q.previous
    if location is None and q.doc.dateline_place:
        location = dateline_location(q)
    return location


def _locative_in_evidence(q: VenueQuery) -> Location | None:
    text, parties = q.doc.text, q.party_countries()
    for s, e in q.frame.evidence:
        candidates = sorted([(m, ent) for m, ent in q.place_mentions if s <= m.start < e],
                            key=lambda x: x[1].kind == "state")      # a city or a building before a country
        for m, ent in candidates:
            if not LOCATIVE.search(text[max(s, m.start - 30): m.start]):
                continue
            if ent.kind == "state" and (ent.country in parties or ent.id in q.frame.parties) \
                    and q.frame.type != "visit":
                continue
            loc = resolve_place(q, m, ent)
            if loc is not None:
                return loc
    return None


def _capitalized_in_evidence(q: VenueQuery) -> Location | None:
    parties = q.party_countries()
    for s, e in q.frame.evidence:
        for lm in re.finditer(r"\b(?:in|at|à|au|en)\s+((?:[A-Z][\w'’-]+\s?){1,4})", q.doc.text[s:e]):
            words = lm.group(1).split()
            for i in range(len(words)):
                loc = q.geocode(" ".join(words[i:]))
                if loc is not None and (loc.country not in parties | {None} or q.frame.type == "visit"):
                    return usual_name(q, loc)
    return None


def _in_previous_sentence(q: VenueQuery) -> Location | None:
    """A place stated in the previous sentence of the same paragraph ("l'installation à Rabat ...")."""
    text, first = q.doc.text, q.frame.evidence[0][0]
    para_start = text.rfind("\n", 0, first) + 1
    prev_sents = [(s, e) for s, e in q.sents if para_start <= s and e <= first]
    if not prev_sents:
        return None
    s, e = prev_sents[-1]
    for m, ent in q.place_mentions:
        if s <= m.start < e and ent.kind != "state" and LOCATIVE.search(text[max(s, m.start - 30): m.start]):
            loc = resolve_place(q, m, ent)
            if loc is not None:
                return loc
    return None
