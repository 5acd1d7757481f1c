"""Event records from finished frames: each frame's date, venue, topics and confidence, in story order."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from ..records import DateMention, Document, Entity, Event, Evidence, Location, Mention, Party
from .event_dates import event_date
from .frames import Frame
from .venue import VenueQuery, learned_venue
from .venue_rules import rule_venue
from .venue_moves import venue_moved_to
from .visits import venue_in_host

if TYPE_CHECKING:
    from .events import EventContext

__all__ = ["finish_events"]


def finish_events(doc: Document, merged: list[Frame], dates: list[DateMention],
                place_mentions: list[tuple[Mention, Entity]], ent_by_id: dict[str, Entity], ctx: EventContext,
                sents: list[tuple[int, int]]) -> list[Event]:
    """Date, venue, topics and confidence of each frame, in story order (a date can come from the last one)."""
    events: list[Event] = []
    previous: Event | None = None
    for frame in merged:
        event = _finish(doc, frame, dates, place_mentions, ent_by_id, ctx, previous, sents)
        events.append(event)
        if event.status == "occurred":
            previous = event
    return events


def _finish(doc: Document, frame: Frame, dates: list[DateMention], place_mentions: list[tuple[Mention, Entity]],
            ent_by_id: dict[str, Entity], ctx: EventContext, previous: Event | None,
            sents: list[tuple[int, int]]) -> Event:
    text = doc.text
    evidence = tuple(Evidence(text[s:e], s, e) for s, e in sorted(frame.evidence + frame.support))
    when = event_date(doc, frame, dates, previous, sents)
    date_value, precision, date_score = when.value, when.precision, when.score
    previous_venue = previous.location if previous is not None and previous.date == date_value else None
    q = VenueQuery(doc, frame, place_mentions, ent_by_id, sents, previous_venue, ctx.geocode)
    if ctx.venue_model is not None and frame.type != "call":    # a phone call: only a place its own words state
        location, _ = learned_venue(q, ctx.venue_model)
    else:
        location = rule_venue(q)
    location = venue_moved_to(frame, venue_in_host(frame, location, place_mentions, ent_by_id, ctx.geocode, text),
                              place_mentions, text, ctx.geocode)
    if ctx.observe_venue is not None:
        ctx.observe_venue(q)
    return _event(doc, frame, location, date_value, precision, date_score, ent_by_id, ctx, evidence)


def _event(doc: Document, frame: Frame, location: Location | None, date_value: str | None, precision: str | None,
           date_score: float, ent_by_id: dict[str, Entity], ctx: EventContext, evidence: tuple[Evidence, ...]) -> Event:
    """The Event record of a finished frame: parties, topics, confidence, a stable id."""
    text = doc.text
    parties = []
    represented = {ent_by_id[p].affiliation for p in frame.parties}
    for pid in frame.parties + [p for p in frame.present if p not in frame.parties]:
        ent = ent_by_id[pid]
        if pid in represented and ent.kind != "person":
            continue        # the organization or state of a person already in the event
        parties.append(Party(entity=pid, role=frame.roles.get(pid), affiliation=ent.affiliation))
    topic_text = " ".join(text[s:e] for s, e in frame.evidence)
    topics = tuple(ctx.topics(topic_text, doc.lang or "en"))
    confidence = 0.45 + date_score + (0.15 if location else 0) + min(0.2, 0.05 * len(frame.evidence))
    if all(ent_by_id[p].kind == "person" for p in frame.parties):
        confidence += 0.05
    if frame.trigger.nominal:
        confidence -= 0.1
    if frame.probability is not None:
        confidence = frame.probability
    key = f"{doc.id}|{frame.type}|{'|'.join(sorted(frame.parties))}|{frame.evidence[0][0]}"
    return Event(
        id="ev:" + hashlib.sha1(key.encode()).hexdigest()[:16], type=frame.type, status=frame.status,  # type: ignore[arg-type]
        date=date_value, date_precision=precision, location=location, parties=tuple(parties), topics=topics,  # type: ignore[arg-type]
        evidence=evidence, confidence=round(min(confidence, 0.99), 2), trigger=frame.trigger.text,
    )
