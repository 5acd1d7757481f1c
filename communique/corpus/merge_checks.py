"""What decides whether two clusters of reports can tell one meeting (corpus/merging.py): their dates (within
a day, or one a prefix of the other), the days an undated report's document allows, the officials each names
for a state or organization, and the cast of officials of documents without any date."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date
from typing import Any

__all__ = ["named_officials", "officials_compatible", "PUBLISHED_WINDOW_DAYS", "Window", "Cast", "EventKey", "PERSON_PREFIXES",
           "DateInfo", "dates_compatible", "info_compatible", "published_window", "shared_window", "report_cast",
           "cast_fits", "placed_alike", "union_officials"]

#: how a person's merge key starts: its corpus actor id, else the skeleton key of its name
PERSON_PREFIXES = ("person:", "p:")

#: (ref, family, party keys, date, country[, the key pairs that are one party: a person and its state
#: [, the (person, state) pairs its document implies for the states it names without an official
#: [, an undated report's document's own date[, its document's cast: the (person, state) pairs of the
#: officials it names for the report's states and organizations and those its persons act for]]]])
EventKey = tuple[Any, ...]


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) == 10 and len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    return a.startswith(b) or b.startswith(a)


def named_officials(sides: frozenset[frozenset[str]]) -> dict[str, frozenset[str]]:
    """State or organization -> the persons a report names acting for it (from its one-party key pairs)."""
    out: dict[str, set[str]] = {}
    for side in sides:
        persons = [k for k in side if k.startswith(PERSON_PREFIXES)]
        others = [k for k in side if not k.startswith(PERSON_PREFIXES)]
        if len(persons) == 1 and len(others) == 1:
            out.setdefault(others[0], set()).add(persons[0])
    return {k: frozenset(v) for k, v in out.items()}


def officials_compatible(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    """Two reports (or clusters) can tell one meeting unless, for a state or organization both name
    officials of, they name none in common: Rome's minister met by one and its prime minister by the
    other are two meetings of the same states."""
    return all(a[s] & b[s] for s in a.keys() & b.keys())


class DateInfo:
    """A date string read once: its day ordinal (full dates) and its span in days."""

    __slots__ = ("text", "day", "lo", "hi")

    def __init__(self, text: str) -> None:
        self.text = text
        self.day: int | None = None
        try:
            if len(text) == 10:
                self.day = date.fromisoformat(text).toordinal()
                self.lo = self.hi = self.day
            elif len(text) == 7:
                y, m = int(text[:4]), int(text[5:7])
                self.lo = date(y, m, 1).toordinal()
                self.hi = (date(y + (m == 12), m % 12 + 1, 1)).toordinal() - 1
            else:
                y = int(text[:4])
                self.lo, self.hi = date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        except ValueError:
            self.lo, self.hi = -(10 ** 9), 10 ** 9     # unreadable: compared as text, with everything


def info_compatible(a: DateInfo, b: DateInfo) -> bool:
    if a.day is not None and b.day is not None:
        return abs(a.day - b.day) <= 1
    return a.text.startswith(b.text) or b.text.startswith(a.text)


#: an undated report in a document of day D tells of a meeting from D - this many days to D + 1
PUBLISHED_WINDOW_DAYS = 31

Window = tuple[int, int]          # day ordinals, both included


def published_window(k: EventKey) -> Window | None:
    """The days an undated report can tell of, from the date its document gives itself (k[7]); None when
    the report is dated or its document is not."""
    if k[3] or len(k) <= 7 or not k[7]:
        return None
    info = DateInfo(k[7])
    if info.lo < -(10 ** 8):
        return None
    return info.lo - PUBLISHED_WINDOW_DAYS, info.hi + 1


def shared_window(window: Window | None, other: Window | None, dates: Iterable[DateInfo]) -> Window | None | bool:
    """The window two clusters share (None: neither has one), or False when they share none or a date of
    theirs (``dates``) falls outside it: a report of 2023 does not join a call of 2025."""
    if window is None and other is None:
        return None
    lo = max(w[0] for w in (window, other) if w)
    hi = min(w[1] for w in (window, other) if w)
    if lo > hi or any(d.hi < lo or d.lo > hi for d in dates):
        return False
    return lo, hi


Cast = dict[str, frozenset[str]]      # state or organization -> the officials a document names for it


def report_cast(k: EventKey, officials: Callable[[frozenset], Cast] = named_officials) -> tuple[bool, Cast] | None:
    """(whether the report is unplaced: no date of its own and none of its document, its document's cast),
    or None when the cast is not known (keys built without the documents' persons)."""
    if len(k) <= 8:
        return None
    return (not k[3] and not k[7]), officials(k[8])


def cast_fits(unplaced: Collection[Cast], placed: Cast | None) -> bool:
    """A cluster holding reports of documents without any date joins a placed one (dated, or dated by its
    documents) unless, for a state or organization of the meeting, each side names an official of it that
    the other does not: the cast of officials is all that places a document in time (a 2023 call of two
    presidents, told beside a foreign minister of 2023, is not their call of 2025, whose reports name the
    minister of 2025; one document naming more officials than the other is no conflict)."""
    if not unplaced or placed is None:
        return True
    return all(persons <= cast[s] or cast[s] <= persons for cast in unplaced for s, persons in placed.items()
               if s in cast)


def placed_alike(named_a: dict[str, frozenset[str]], implied_a: dict[str, frozenset[str]],
                  named_b: dict[str, frozenset[str]], implied_b: dict[str, frozenset[str]]) -> bool:
    """Two clusters, one of them without a date, can tell one meeting: the officials each names (``named``)
    are among those the other's documents name or imply (``implied``: named ones included)."""
    return officials_compatible(named_a, implied_b) and officials_compatible(implied_a, named_b) and \
        officials_compatible(implied_a, implied_b)


def union_officials(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    return {s: a.get(s, frozenset()) | b.get(s, frozenset()) for s in a.keys() | b.keys()}
