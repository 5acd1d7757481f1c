"""Event dates: an event's frame, the document's date mentions and the previous event -> its date.

In order: a date written in the event's own sentences (the trigger's sentence before the others: "in
July last year" there dates the event though another sentence of the event names a day; then a day
before a month or a year); "a day earlier" counted back from the previous event; "the next day" counted on from
it; the story's current date (the last full
date written before the event, or the previous event's); for an event only the headline states, the
first date of the lead ("... rencontre ses homologues" told "le 11 septembre dernier" below); the
dateline; the publication date. A date that starts a span ("since 20 April") dates nothing, a date of a
relative clause ("the session, which was held on Saturday") is no story date, a date of a French participle
set off after a name in another sentence of the event ("Damas, réintégré ... en mai dernier") is not the
event's, and a visit told as done before the story ("the visit X paid to Y", "الزيارة التي قام بها") takes
only a date of its own sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import DateMention, Document, Event
from .frames import Frame
from .triggers import status_of

__all__ = ["EventDate", "date_beside", "event_date", "starts_span"]

_DAY_BEFORE = re.compile(r"^(?:a day earlier|the day before|la veille|the previous day|la journée précédente)$", re.I)
# a date that starts a span ("since 2016", "depuis le 20 avril", "منذ عام 2016") dates a relation, not the event
_SINCE = re.compile(r"(?:\bsince|\bdepuis(?:\s+le|\s+l')?|منذ)\s*(?:عام\s+)?$", re.I)
# a date that dates a document ("decision No. 4 dated ...", "القرار ... المؤرخ في"), not the event told
_DATED = re.compile(r"(?:\bdated|\bdaté[es]?\s+du|المؤرخ[ةه]?)\s*(?:في\s*)?$", re.I)
#: a verb's own clause ends at a coordinating "and" or "but": "left X on 15 April and landed in Y on Monday, 16 April"
#: dates the landing by the second date
_CLAUSE_JOIN = re.compile(r"\s(?:and|but|et|mais)\s|;")
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 0}
_LEAD_SENTENCES = 2       # sentences after the headline that tell a headline's event


@dataclass(frozen=True)
class EventDate:
    """An event's date, its precision and what the date adds to the event's confidence."""

    value: str | None = None
    precision: str | None = None
    score: float = 0.0


def event_date(doc: Document, frame: Frame, dates: Sequence[DateMention], previous: Event | None,
               sents: Sequence[tuple[int, int]]) -> EventDate:
    """The date of one event (see the module's docstring for the order)."""
    found = _in_evidence(doc, frame, dates, previous)
    if found is None and _told_as_done_before(doc, frame):
        return EventDate()
    found = found or _day_after_the_previous(doc, frame, previous) or _story_date(doc, frame, dates, previous)
    if found is None and _headline_only(frame, sents):
        found = _lead_date(doc, dates, sents)
    for fallback, score in ((doc.dateline_date, 0.15), (doc.published, 0.05)):
        if found is None and fallback:
            found = EventDate(fallback, "day" if len(fallback) == 10 else "month", score)
    return found or EventDate()


#: how far from its trigger a date of its clause is the trigger's own
_BESIDE = 80
_CLAUSE_BREAK = re.compile(r"[,،;؛:]|\.\s")


def date_beside(doc: Document, frame: Frame, dates: Sequence[DateMention]) -> str | None:
    """The resolved date nearest the frame's trigger in the trigger's sentence, within a few words ("visited
    Ruritania in February", "met on 24 January"), no date a span starts from and none of the dateline."""
    t = frame.trigger.start
    own = next(((s, e) for s, e in frame.evidence if s <= t < e), None)
    if own is None:
        return None
    text, end = doc.text, frame.trigger.end
    near = [d for d in dates if d.value and own[0] <= d.start < own[1] and not _in_dateline(doc, d)
            and not _starts_span(doc, d) and (0 <= d.start - end <= _BESIDE and not _CLAUSE_BREAK.search(text, end, d.start)
                                              or 0 <= t - d.end <= _BESIDE and not _CLAUSE_BREAK.search(text, d.end, t))]
    # after the trigger first ("زيارة قام بها للرياض في 24 يناير"), then before it in its clause
    return min(near, key=lambda d: (d.start < t, abs(d.start - t))).value if near else None


# a visit named by its noun and a past relative clause ("the visit King X paid to Y", "la visite effectuée par X",
# "الزيارة التي قام بها"): an earlier event whose outcome the story tells, not one of the story's day
_DONE_BEFORE = re.compile(r"^\W*(?:(?:that|which)\s+)?(?:[\w'’-]+\s+){0,7}?(?:paid|made|undertook|conducted)\b"
                          r"|^\W*(?:\S+\s+)?(?:qu['’](?:il|elle)\s+a|que\s+\S+\s+a)?\s*(?:effectuée|rendue|menée|faite)\b"
                          r"|^\W*(?:\S+\s+){0,2}?(?:التي|الذي)\s+(?:قام|قامت|أدا|ادا|أجرا|اجرا|أدت|أجرت)", re.I)


def _told_as_done_before(doc: Document, frame: Frame) -> bool:
    if frame.type != "visit":
        return False
    return bool(_DONE_BEFORE.search(doc.text[frame.trigger.end: frame.trigger.end + 80]))


def _in_dateline(doc: Document, d: DateMention) -> bool:
    return bool(doc.dateline_span and doc.dateline_span[0] <= d.start < doc.dateline_span[1])


def _in_evidence(doc: Document, frame: Frame, dates: Sequence[DateMention], previous: Event | None) -> EventDate | None:
    """A date of the event's sentences: the trigger's sentence first, then the finest precision, then the
    nearest to the trigger. A date that starts a span ("the first visit since 20 April", "منذ 2016") or dates
    a document ("dated ...") never dates the event (without another date the story's date does), except the
    day a visit is under way since ("en visite depuis lundi"), after all others."""
    t = frame.trigger.start
    own = next(((s, e) for s, e in frame.evidence if s <= t < e), None)
    found = [d for d in dates if (d.value or _DAY_BEFORE.match(d.text))
             and any(s <= d.start < e for s, e in frame.evidence) and not _in_dateline(doc, d)
             and (not _starts_span(doc, d) or _visit_since_day(frame, d))
             and (own is not None and own[0] <= d.start < own[1] or not _in_aside(doc, d))]   # another sentence's
    if not found:
        return None

    def rank(d: DateMention) -> tuple[bool, bool, bool, int, int]:
        since = _starts_span(doc, d)
        in_own = own is not None and own[0] <= d.start < own[1]
        between = doc.text[d.end:t] if d.end <= t else doc.text[frame.trigger.end:d.start]
        return since, not in_own, bool(_CLAUSE_JOIN.search(between)), _PRECISION_RANK.get(d.precision, 0), abs(d.start - t)

    best = min(found, key=rank)
    if not _DAY_BEFORE.match(best.text):
        return EventDate(best.value, best.precision, 0.2)
    if previous is not None and previous.date and len(previous.date) == 10:
        return EventDate((date.fromisoformat(previous.date) - timedelta(days=1)).isoformat(), "day", 0.1)
    return EventDate(best.value, best.precision, 0.1) if best.value else None


#: "On the next day, he spoke at ...", "a day later", "le lendemain": the day after the event told before
_DAY_AFTER = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|le\s+lendemain)\b", re.I)


def _day_after_the_previous(doc: Document, frame: Frame, previous: Event | None) -> EventDate | None:
    """The day after the previous event's day, for an event whose own sentence says it came the next day."""
    own = next(((s, e) for s, e in frame.evidence if s <= frame.trigger.start < e), None)
    if own is None or previous is None or not previous.date or len(previous.date) != 10 \
            or not _DAY_AFTER.search(doc.text, own[0], own[1]):
        return None
    return EventDate((date.fromisoformat(previous.date) + timedelta(days=1)).isoformat(), "day", 0.1)


def _story_date(doc: Document, frame: Frame, dates: Sequence[DateMention], previous: Event | None) -> EventDate | None:
    """The story's current date: the last full date written before this event (not a planned one, not
    one a span starts from: "since 20 April"), or the previous event's date when that event comes later
    in the text or the date is written in its sentences. The previous event carries a day; a month only
    where no full date was written before (a flashback "had met in October 2014" told between the days
    of the story dates that event alone); a year dates the background."""
    start = frame.evidence[0][0]
    limit = doc.published or doc.dateline_date or "9999"
    earlier = [d for d in dates if d.value and d.precision == "day" and d.end <= start and d.value <= limit
               and not _in_dateline(doc, d) and not _planned(doc, d) and not _starts_span(doc, d)
               and not _in_relative_clause(doc, d)]
    context = earlier[-1] if earlier else None
    if previous is not None and previous.date and _carries(previous, context) \
            and (context is None or previous.evidence[0].start > context.start or _told_in(previous, context)):
        return EventDate(previous.date, previous.date_precision, 0.1)
    if context is not None:
        return EventDate(context.value, context.precision, 0.1)
    return None


# a relative pronoun that opens the clause a date stands in ("the session, which was held on Saturday", "la
# réunion qui s'est tenue samedi", "الجلسة التي انعقدت يوم السبت"): that date is the noun's, not the story's
_RELATIVE_CLAUSE = re.compile(r"(?:\b(?:which|that|who|whom|qui|que|qu['’]|dont|où|lequel|laquelle|lesquels|lesquelles)"
                              r"|(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي))"
                              r"[^,.;:،؛!?\n]*$", re.I)


# a cleft ("C'est le ministre qui l'a annoncé samedi", "It was the minister who ...") tells the story itself
_CLEFT = re.compile(r"\b(?:c['’]est|ce sont|it (?:is|was))\b", re.I)


def _in_relative_clause(doc: Document, d: DateMention) -> bool:
    """The date stands in a relative clause (not a cleft) and is not the report's own day ("the session the
    cabinet held today (Monday)" is the story's day in any clause)."""
    if d.value and d.value == (doc.published or doc.dateline_date):
        return False
    left = doc.text[max(0, d.start - 50): d.start]
    sentence = re.split(r"[.!?\n]", doc.text[max(0, d.start - 200): d.start])[-1]
    return bool(_RELATIVE_CLAUSE.search(left)) and not _CLEFT.search(sentence)


# a French past participle set off after a name ("Damas, réintégré au sein de la Ligue en mai dernier, ..."): the
# date tells of that name, not of the event (an English "-ed" after a comma is as often the main verb)
_APPOSITION = re.compile(r",\s*\w+(?:é|ée|és|ées)\s[^,.;:،؛!?\n]*$", re.I)


def _in_aside(doc: Document, d: DateMention) -> bool:
    """The date stands in a participle set off after a name (a relative clause is not enough in the event's
    sentences: "en marge de la conférence, qui s'est tenue les 19 et 20 décembre" dates the meetings)."""
    return bool(_APPOSITION.search(doc.text[max(0, d.start - 50): d.start]))


def _carries(previous: Event, context: DateMention | None) -> bool:
    return previous.date_precision == "day" or (previous.date_precision == "month" and context is None)


def _visit_since_day(frame: Frame, d: DateMention) -> bool:
    """A day word without digits ("depuis lundi", "منذ الأحد") after "since": the day a visit began."""
    return frame.type == "visit" and not re.search(r"\d", d.text)


def _starts_span(doc: Document, d: DateMention) -> bool:
    return starts_span(doc.text, d.start)


def starts_span(text: str, start: int) -> bool:
    """The date at `start` starts a span ("since 20 April", "منذ 20 أبريل") or dates a document ("dated ...")."""
    left = text[max(0, start - 12): start]
    return bool(_SINCE.search(left) or _DATED.search(left))


def _told_in(event: Event, d: DateMention) -> bool:
    """The date stands in the event's first sentence: that event's date already says which date of
    the sentence the story is at ("received on 5 May ... after the death, on 29 April, of ...")."""
    return bool(event.evidence) and event.evidence[0].start <= d.start < event.evidence[0].end


def _planned(doc: Document, d: DateMention) -> bool:
    return status_of(doc.text[max(0, d.start - 60): d.end], min(60, d.start), doc.lang or "en") == "planned"


def _headline_only(frame: Frame, sents: Sequence[tuple[int, int]]) -> bool:
    if not sents:
        return False
    s, e = sents[0]
    return all(s <= start < e for start, _ in frame.evidence)


def _lead_date(doc: Document, dates: Sequence[DateMention], sents: Sequence[tuple[int, int]]) -> EventDate | None:
    """The first day or month written in the lead (the sentences after the headline), not after the
    publication date and not a planned one."""
    lead = sents[1: 1 + _LEAD_SENTENCES]
    if not lead:
        return None
    limit = doc.published or doc.dateline_date or "9999"
    for d in dates:
        if lead[0][0] <= d.start < lead[-1][1] and d.value and d.precision in ("day", "month") \
                and d.value <= limit and not _in_dateline(doc, d) and not _planned(doc, d) \
                and not _starts_span(doc, d):
            return EventDate(d.value, d.precision, 0.1)
    return None
