"""The day a story without a publication date was written, read from its own dates.

A story with no publication date is anchored on its first full date (a day it tells). Where it also writes
a relative day with its weekday ("today Monday", "aujourd'hui lundi", "اليوم الخميس", "غدا الثلاثاء"), that
pins the weekday of the writing day itself: "tomorrow Tuesday" is written on a Monday. The story is written
on or after the day it tells, so the writing day is the first day from the anchor on with that weekday
(within the week); its weekdays and relative days are then read against it, not against the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..records import DateMention
from .dates import WEEKDAYS
from .dates_ar import WEEKDAYS_AR

__all__ = ["writing_day"]

_WEEKDAY_WORDS = {**WEEKDAYS, **{name.lower(): n for name, n in WEEKDAYS_AR.items()},
                  **{name[2:]: n for name, n in WEEKDAYS_AR.items() if name.startswith("ال")}}
_WORD = re.compile(r"[^\W\d_]+")


def _weekday_of(text: str) -> int | None:
    found = {_WEEKDAY_WORDS[w] for w in _WORD.findall(text.lower()) if w in _WEEKDAY_WORDS}
    return found.pop() if len(found) == 1 else None


def writing_day(dates: Sequence[DateMention], anchor: date) -> date:
    """`dates`: the story's dates read against `anchor`. The first relative day written with a weekday and
    without digits whose value, read as an offset from the anchor ("غدا الثلاثاء": anchor + 1), is not on
    that weekday gives the writing day: the first day from the anchor on whose offset day falls on the
    weekday; else the anchor."""
    for d in dates:
        if not (d.relative and d.value and len(d.value) == 10) or re.search(r"\d", d.text):
            continue
        weekday, value = _weekday_of(d.text), date.fromisoformat(d.value)
        offset = (value - anchor).days
        if weekday is None or value.weekday() == weekday or not -2 <= offset <= 2:
            continue        # no weekday, or read by its weekday: nothing pinned (a relative word reads as an offset)
        for days in range(7):
            if (anchor + timedelta(days=days + offset)).weekday() == weekday:
                return anchor + timedelta(days=days)
    return anchor
