"""Visits the sentence rules of stages.visits could not make whole: a visit told beside the meetings held during
it, a visit told of a title or a pronoun that the next sentence's subject makes, the earlier stops of a tour."""

from __future__ import annotations

import re

from ..records import Entity, Mention
from .frames import Frame
from .triggers import Trigger
from .visits import OPENING_WORDS, TO_WHOM, VISITOR_RIGHT_AFTER, at_home, host_of, host_state, state_of

__all__ = ["visits_beside_meetings", "visits_of_the_next_subject", "visits_of_earlier_stops"]


def visits_beside_meetings(text: str, told: list[tuple[tuple[int, int], Trigger]], frames: list[Frame],
                           places: list[tuple[Mention, Entity]], ent_by_id: dict[str, Entity],
                           countries: dict[str, str] | None = None) -> list[Frame]:
    """A visit told beside the meetings held during it, whose visitor or host `visit_frames` did not find:
    "En visite au pays des Pharaons, X a été reçu par le président égyptien Y", "X, who landed in Z for a
    two-day visit, met the foreign minister", "Y welcomed X's visit to the kingdom". `told` holds the
    sentences and triggers of the visits that made no frame (happened, not planned). The visitor is a person
    of a meeting or signing that happened, named in the visit's sentence (the one nearest before the trigger, else the
    first after it) and of a known state; the host is the state the sentence places the visit in, else the
    state of the meeting's other side. A visit already told (the same visitor and host) is not told again."""
    out = list(frames)
    visits = [set(f.parties) for f in frames if f.type == "visit" and f.status == "occurred"]
    for span, trig in told:
        if any(f.type == "visit" and span in f.evidence and any(ent_by_id[p].kind == "state" for p in f.parties) for f in out):
            continue        # the sentence's visit to a state is told: "paid a visit to X - his first trip to Y"
        found = host_state(text, span, trig, places, ent_by_id, countries or {})
        told_with = [f for f in frames if f.type == "meet" and f.status == "occurred"]      # a signing only after them
        for meeting in told_with + [f for f in frames if f.type == "agreement" and f.status == "occurred"]:
            host = found[0] if found else _host_of_the_venue(text, trig, meeting, places, ent_by_id, countries or {})
            visit = _visit_of_meeting(span, trig, meeting, host, ent_by_id, text, countries or {})
            if visit is not None and not any(set(visit) <= known for known in visits):
                visits.append(set(visit))
                frame = Frame("visit", "occurred", list(visit), {visit[0]: (ent_by_id[visit[0]].titles or [None])[0],
                                                                  visit[1]: None}, [span], trig, host=visit[1])
                out.insert(out.index(meeting), frame)       # told with the meeting it holds, just before it
                out = [f for f in out if not _visit_to_a_host_person(f, frame, span, ent_by_id)]
                break
    return out


def visits_of_the_next_subject(text: str, told: list[tuple[tuple[int, int], Trigger]], frames: list[Frame],
                               sents: list[tuple[int, int]], actors: list[tuple[Mention, Entity]],
                               places: list[tuple[Mention, Entity]], ent_by_id: dict[str, Entity],
                               countries: dict[str, str]) -> list[Frame]:
    """"Le ministre ... séjourne en Sylvanie pour une visite. Lundi, X a été reçu par ...", "Elle a atterri à Port
    Lys. X y a eu un entretien ...": a visit told of a title or a pronoun, in a sentence that names no person,
    is the visit of the first person the next sentence names (never one of the host state)."""
    out = list(frames)
    for span, trig in told:
        if any(span[0] <= m.start < span[1] and e.kind == "person" for m, e in actors):
            continue
        found = host_state(text, span, trig, places, ent_by_id, countries)
        after = next((s for s in sents if s[0] >= span[1]), None)
        if found is None or after is None:
            continue
        host = found[0]
        visitor = next((e for m, e in actors if after[0] <= m.start < after[1] and e.kind == "person"), None)
        if visitor is None or at_home(visitor, host, ent_by_id, countries) or any(
                f.type == "visit" and visitor.id in f.parties and host.id in f.parties for f in out):
            continue
        frame = Frame("visit", "occurred", [visitor.id, host.id], {visitor.id: (visitor.titles or [None])[0], host.id: None},
                      [span, after], trig, host=host.id)
        at = next((i for i, f in enumerate(out) if f.evidence[0] > span), len(out))
        out.insert(at, frame)
    return out


#: "Après la Sylvanie et la Freedonie, X est arrivé à Y", "Après une étape au Z, elle a atterri à Y", "After stops in
#: Z and W, X arrived in Y": the stops of a tour told before its present one
_EARLIER_STOPS = re.compile(r"\s*(?:après|after)\s+(?:(?:une|an?)\s+)?(?:(?:étapes?|passages?|escales?|stops?|stopovers?)\s+)?"
                            r"(?:(?:en|au|aux|à|in|la|le|les|l['’]|the)\s*)?[^,;:]{2,80}?,", re.I)


def visits_of_earlier_stops(text: str, frames: list[Frame], places: list[tuple[Mention, Entity]],
                            ent_by_id: dict[str, Entity], countries: dict[str, str]) -> list[Frame]:
    """A visit whose sentence opens on the tour's earlier stops ("Après la Sylvanie et la Freedonie, X est arrivé au
    Caire") tells a visit of the same visitor to each state of the opening, before it."""
    out = list(frames)
    for visit in frames:
        if visit.type != "visit" or visit.status != "occurred" or visit.host is None:
            continue
        span = visit.evidence[0]
        opening = _EARLIER_STOPS.match(text, span[0], span[1])
        if opening is None or opening.end() > visit.trigger.start:
            continue
        visitor = ent_by_id[visit.parties[0]]
        for m, e in places:
            host = host_of(e, ent_by_id, countries) if span[0] <= m.start < opening.end() else None
            if host is None or host.id == visit.host or at_home(visitor, host, ent_by_id, countries) or any(
                    f.type == "visit" and visitor.id in f.parties and host.id in f.parties for f in out):
                continue
            out.insert(out.index(visit), Frame("visit", "occurred", [visitor.id, host.id], dict(visit.roles, **{host.id: None}),
                                               [span], visit.trigger, host=host.id))
    return out


#: "X's visit to the kingdom", "the visit of X to the country", "la visite de X dans le pays": the host told by the
#: common noun of a state, not by its name
_TO_THE_HOST_NOUN = re.compile(r"(?:\s+(?:of|by|de|du|d['’]|par)\s*[^\s,.;:]+(?:\s+[^\s,.;:]+){0,4}?)?\s+(?:(?:to|in)\s+the|au|dans\s+le|en)\s+(?:kingdom|country|sultanate|emirate|royaume|pays|"
                               r"sultanat|émirat)\b(?!\s+(?:of|des?|du|d['’]))", re.I)


def _host_of_the_venue(text: str, trig: Trigger, meeting: Frame, places: list[tuple[Mention, Entity]],
                       ent_by_id: dict[str, Entity], countries: dict[str, str]) -> Entity | None:
    """The host of a visit told by the common noun of a state ("Y welcomed X's visit to the kingdom"): the state of
    the first place the meeting's (or signing's) first sentence names ("On Monday in Port Lys, Y held talks with
    X"), not a state that is one of its sides ("Sylvania and Freedonia signed ...")."""
    if not _TO_THE_HOST_NOUN.match(text, trig.end):
        return None
    first = meeting.evidence[0]
    return next((h for m, e in places if first[0] <= m.start < first[1]
                 for h in [host_of(e, ent_by_id, countries)]
                 if h is not None and h.kind == "state" and h.id not in meeting.parties), None)


def _visit_to_a_host_person(f: Frame, visit: Frame, span: tuple[int, int], ent_by_id: dict[str, Entity]) -> bool:
    """'زيارة X إلى الجزائر ... الرئيس الجزائري Y': a visit frame of the same sentence of the visitor and persons of
    the host state is the visit told to a state."""
    others = [p for p in f.parties if p != visit.parties[0]]
    return f is not visit and f.type == "visit" and span in f.evidence and visit.parties[0] in f.parties and \
        bool(others) and all(ent_by_id[p].kind == "person" and state_of(ent_by_id[p], ent_by_id) == visit.host
                             for p in others)


#: "the visit of X", "la visite du ministre X", "زيارة X إلى": the person right after a visit noun makes the visit;
#: "a visit to X", "une visite chez X" names whom the visit is to


#: a visit told by the definite noun alone, "the visit", "this visit", "cette visite", "الزيارة", "هذه الزيارة": the visit
#: the story is about, whose visitor and host its meeting tells
_THE_VISIT = re.compile(r".*?(?:\b(?:the|this|cette|la)\s+visite?|(?<!\S)(?:هذه\s+)?[وبل]?(?:ال|لل)زيارة)", re.I | re.S)


def _visit_of_meeting(span: tuple[int, int], trig: Trigger, meeting: Frame, host: Entity | None,
                      ent_by_id: dict[str, Entity], text: str, countries: dict[str, str]) -> tuple[str, str] | None:
    """(visitor, host state) of a visit sentence told beside a meeting (see `visits_beside_meetings`)."""
    persons = sorted((m.start, m.end, p) for p in meeting.parties if ent_by_id[p].kind == "person"
                     for m in ent_by_id[p].mentions if span[0] <= m.start < span[1])
    if host is not None:
        persons = [x for x in persons if not at_home(ent_by_id[x[2]], host, ent_by_id, countries)]
    right_after = [p for start, _, p in persons if start >= trig.end and VISITOR_RIGHT_AFTER.fullmatch(text, trig.end, start)
                   and not TO_WHOM.search(text, trig.end, start)]
    before = [p for _, end, p in persons if end <= trig.start]
    # after the trigger only for an opening phrase: "En visite au pays voisin, X a été reçu par Y"
    after = [p for start, _, p in persons if start >= trig.end] if OPENING_WORDS.fullmatch(text, span[0], trig.start) else []
    visitor = (right_after or before[-1:] or after)[:1]
    named = list(dict.fromkeys(p for _, _, p in persons))
    if not visitor and len(named) == 1 and _THE_VISIT.fullmatch(text, max(span[0], trig.start - 10), trig.end):
        visitor = named     # "the visit, the first since X was elected, ...": the one meeting party it names
    if not visitor:
        return None
    if host is not None:
        return visitor[0], host.id
    own = state_of(ent_by_id[visitor[0]], ent_by_id)
    if own is None:
        return None
    others = {state_of(ent_by_id[p], ent_by_id) for p in meeting.parties if p != visitor[0]} - {None, own}
    return (visitor[0], others.pop()) if len(others) == 1 else None
