"""Date expressions in French and English text -> DateMention records resolved against a base date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from ..lang import rows
from ..records import DateMention

__all__ = ["find_dates", "years_from_context", "resolve_weekday", "parse_date_string", "MONTHS", "WEEKDAYS"]

_DATE_LANGUAGES = ("en", "fr")
MONTHS = {name: int(number) for code in _DATE_LANGUAGES for name, number, _ in rows(code, "months.tsv")}
WEEKDAYS = {name: int(number) for code in _DATE_LANGUAGES for name, number in rows(code, "weekdays.tsv")}
_RELATIVE_DAYS = {words: int(days) for code in _DATE_LANGUAGES for words, days in rows(code, "relative_days.tsv")}
# Month names that are also ordinary words: only taken next to a day or a year.
_AMBIGUOUS_MONTHS = {name for code in _DATE_LANGUAGES for name, _, word in rows(code, "months.tsv") if word == "yes"}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|ème|e)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Ordered: the first pattern that matches at a position wins; longer forms first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b")),
    ("dmy_num", re.compile(r"\b(?P<day>[0-3]?\d)[-/.](?P<month>[01]?\d)[-/.](?P<year>(?:19|20)\d\d)\b")),
    ("d_mon_y_dash", re.compile(rf"\b(?P<day>[0-3]?\d)-(?P<mon>{_MONTH_RE})\.?-(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("wd_d_m_y", re.compile(
        rf"\b(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?:the\s+)?{_DAY}(?:\s*(?:et|and|au|to|-|–)\s*[0-3]?\d)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\.?(?:,?\s+{_YEAR})?\b", re.I)),
    ("wd_m_d_y", re.compile(
        rf"\b(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?P<mon>{_MONTH_RE})\.?\s+{_DAY}(?:\s*(?:-|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?)?(?:,?\s+{_YEAR})?\b", re.I)),
    ("m_y", re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?:(?P<year>(?:19|20)\d\d)|(?P<lastyear>last year|de l'année dernière|dernier))\b", re.I)),
    # a month alone after "in", "en", "(à la) fin d'", "early", ...: that month, the latest one not after the base
    ("month_alone", re.compile(rf"(?:\b(?:in|during|early|late|mid|en|courant|début|fin|mi)[\s-]+(?:(?:de\s+|d'|d’)\s*)?"
                               rf"|\b(?:de|d'|d’)\s*)(?P<mon>{_MONTH_RE})\b(?!\s*\d)", re.I)),
    ("m_lastyear", re.compile(rf"\b(?P<mon>{_MONTH_RE})\b", re.I)),
    ("year", re.compile(r"\b(?:in|en|since|depuis|of)\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("rel", re.compile(
        r"\b(?P<rel>" + "|".join(re.escape(w).replace(r"\ ", " ") for w in _RELATIVE_DAYS) + r")\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<last>last\s+|ce\s+|this\s+)?(?P<wd>{_WEEKDAY_RE})(?P<dernier>\s+dernier)?\b", re.I)),
]


def resolve_weekday(weekday: int, base: date, *, strictly_before: bool = False) -> date:
    """The most recent day with this weekday on or before base (strictly before with 'last')."""
    delta = (base.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return base - timedelta(days=delta)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int | None, weekday: int | None, base: date | None,
              year_hint: int | None) -> int | None:
    """Year of a day-month without year: from the base date, a weekday, or a year near by."""
    if base is not None:
        candidate = _valid(base.year, month, day or 1)
        if candidate and candidate > base + timedelta(days=31):
            return base.year - 1
        return base.year
    if year_hint is not None:
        return year_hint
    if weekday is not None and day is not None:
        this_year = date.today().year
        for year in range(this_year, 1990, -1):
            d = _valid(year, month, day)
            if d and d.weekday() == weekday:
                return year
    return None


# a French name that holds a day and a capitalized month ("Mouvement du 23 Mars", "Place du 14 Juillet"):
# French writes months in lower case, so "du <day> <Month>" without a year names a movement, a square, a day
_NAMED_DAY_BEFORE = re.compile(r"\b(?:du|de la|de l'|de l’)\s*$", re.I)


def _names_something(kind: str, m: re.Match[str], lang: str) -> bool:
    g = m.groupdict()
    return (lang == "fr" and kind == "wd_d_m_y" and not g.get("year") and not g.get("wd") and g["mon"][:1].isupper()
            and not g["mon"].isupper() and bool(_NAMED_DAY_BEFORE.search(m.string[max(0, m.start() - 8): m.start()])))


def find_dates(text: str, lang: str, base: date | None, *, year_hint: int | None = None) -> list[DateMention]:
    """Find date expressions with their offsets; resolve relative ones against `base`.

    `year_hint` supplies the year of day-month expressions when there is no base date
    (the pipeline passes the year of the nearest full date of the document). A day and month that
    name something ("Mouvement du 23 Mars") are no date.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, m in _pattern_matches(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if _names_something(kind, m, lang):
            taken.append((m.start(), m.end()))
            continue
        mention = _mention(kind, m, base, year_hint)
        if mention is not None:
            found.append(mention)
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


@lru_cache(maxsize=4)
def _pattern_matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every match of every pattern, in pattern order: the same text is read again with another base date
    when a document has no publication date (the story's first date becomes the base)."""
    return tuple((kind, m) for kind, pattern in _PATTERNS for m in pattern.finditer(text))


def years_from_context(dates: list[DateMention], find: Callable[[int], list[DateMention]]) -> list[DateMention]:
    """A document with no base date and no full date: each month or day-month written without its year
    takes the year of the nearest month written with its year before it, read forward ("in May 2021 ... in
    September" is September 2021, "announced in November 2022 ... on 16 January" January 2023); before any
    such month, the year of the first one. A year alone ("since 2016") dates nothing else. `find(year)`
    finds the document's dates with that year hint."""
    written = [(d.start, int(d.value[:4]), int(d.value[5:7])) for d in dates
               if d.value and not d.relative and len(d.value) >= 7]
    if not written or not any(d.value is None and d.relative for d in dates):
        return dates
    by_year: dict[int, dict[int, DateMention]] = {}

    def found(year: int, d: DateMention) -> DateMention | None:
        if year not in by_year:
            by_year[year] = {x.start: x for x in find(year)}
        again = by_year[year].get(d.start)
        return again if again is not None and again.end == d.end and again.value else None

    out = []
    for d in dates:
        if d.value is not None or not d.relative:
            out.append(d)
            continue
        _, year, month = next((w for w in reversed(written) if w[0] < d.start), (0, written[0][1], 0))
        again = found(year, d)
        if again is not None and int(again.value[5:7]) < month:       # type: ignore[index]
            again = found(year + 1, d)
        out.append(again or d)
    return out


def _mention(kind: str, m: re.Match[str], base: date | None, year_hint: int | None) -> DateMention | None:
    g = m.groupdict()
    text = m.group(0)

    def make(value: str | None, precision: str | None, relative: bool = False) -> DateMention:
        return DateMention(m.start(), m.end(), text, value, precision, relative)  # type: ignore[arg-type]

    if kind in {"iso", "dmy_num"}:
        d = _valid(int(g["year"]), int(g["month"]), int(g["day"]))
        return make(d.isoformat(), "day") if d else None
    if kind in {"d_mon_y_dash", "wd_d_m_y", "wd_m_d_y"}:
        month = MONTHS[g["mon"].lower()]
        day = int(g["day"])
        weekday = WEEKDAYS.get((g.get("wd") or "").lower())
        if g.get("mon", "").lower() in _AMBIGUOUS_MONTHS and g["mon"][0].islower() and kind == "wd_m_d_y" \
                and not g.get("year"):
            return None
        year = int(g["year"]) if g.get("year") else _year_for(month, day, weekday, base, year_hint)
        if year is None:
            return make(None, None, relative=True)
        d = _valid(year, month, day)
        return make(d.isoformat(), "day", relative=not g.get("year")) if d else None
    if kind == "m_y":
        month = MONTHS[g["mon"].lower()]
        if g.get("year"):
            return make(f"{int(g['year']):04d}-{month:02d}", "month")
        if base is None:
            return make(None, None, relative=True)
        # "mai dernier" is the latest May before the base's month (this year's in September); "May last
        # year", "mai de l'année dernière" the year before
        this_year = g["lastyear"].lower() == "dernier" and month < base.month
        return make(f"{base.year - (0 if this_year else 1):04d}-{month:02d}", "month", relative=True)
    if kind == "m_lastyear":
        return None
    if kind == "month_alone":
        return _month_alone(m, base, year_hint)
    if kind == "year":
        return DateMention(m.start("year"), m.end("year"), g["year"], g["year"], "year")
    if kind == "rel":
        if base is None:
            return make(None, None, relative=True)
        return make((base + timedelta(days=_RELATIVE_DAYS[g["rel"].lower()])).isoformat(), "day", True)
    if kind == "weekday":
        weekday = WEEKDAYS[g["wd"].lower()]
        if base is None:
            return make(None, None, relative=True)
        strictly = bool(g.get("last") and g["last"].strip().lower() == "last") or bool(g.get("dernier"))
        return make(resolve_weekday(weekday, base, strictly_before=strictly).isoformat(), "day", True)
    return None


def _month_alone(m: re.Match[str], base: date | None, year_hint: int | None) -> DateMention | None:
    """"in October", "à la fin d'octobre": the latest such month not after the base date (else the year
    of the document's dates); a month name that is also a word ("may", "mars") is no date alone."""
    name = m.group("mon")
    if name.lower() in _AMBIGUOUS_MONTHS or len(name) < 4:
        return None
    month = MONTHS[name.lower()]
    year = (base.year if month <= base.month else base.year - 1) if base is not None else year_hint
    start = m.start("mon")
    if year is None:
        return DateMention(start, m.end(), name, None, None, True)
    return DateMention(start, m.end(), name, f"{year:04d}-{month:02d}", "month", True)


def parse_date_string(text: str, lang: str, base: date | None = None) -> DateMention | None:
    """The first complete date in a short string (a dateline or a date line); formats our patterns do
    not know ("2024年", "Sept. 25th '16") fall back on dateparser, restricted to the document's
    language, a relative base and complete dates (no search_dates over running text)."""
    for d in find_dates(text, lang, base):
        if d.value:
            return d
    stripped = text.strip()
    if not (6 <= len(stripped) <= 40) or not re.search(r"(?:19|20)\d\d", stripped) or lang not in {"fr", "en", "ar"}:
        return None
    import dateparser
    from datetime import datetime

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": datetime.combine(base, datetime.min.time()) if base else datetime(2000, 1, 1)}
    parsed = dateparser.parse(stripped, languages=[lang], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    return DateMention(0, len(text), text, parsed.date().isoformat(), "day")
