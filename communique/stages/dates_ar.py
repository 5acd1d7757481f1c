"""Date expressions in Arabic text -> DateMention records resolved against a base date.

Covers Gregorian dates with Arabic (0-9) or Arabic-Indic (٠-٩, ۰-۹) digits and month names
of every series (Egyptian/Gulf يناير..., Levantine/Iraqi كانون الثاني..., Maghrebi جانفي...,
Moroccan يوليوز/غشت/شتنبر...; "شباط/فبراير" pairs), years marked م/ميلادي, numeric dates,
Hijri dates, by month name or numeric with هـ ("17 - 8 - 1422هـ", "1445/3/12هـ"; converted with
the Umm al-Qura calendar), weekdays, and relative words
(اليوم, أمس, أول أمس, غدا, الأسبوع الماضي, "الاثنين الماضي", "فبراير المقبل"; a month alone after في/خلال,
"في حزيران (يونيو)", is the latest such month).

Offsets index the original text: matching runs on a folded copy (alef/hamza forms, ى, ة,
digits unified one for one; diacritics and tatweel dropped) whose positions map back, so
``text[m.start:m.end] == m.text`` always holds.

Hijri conversion: the Umm al-Qura calendar of Saudi Arabia (the calendar of Saudi and Gulf sources),
through `hijridate`, for 1343-1500 AH (1924-2077); outside that range, the arithmetic (tabular,
"Kuwaiti") calendar with the civil epoch, which differs from Umm al-Qura by a day or two on most dates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from datetime import date, timedelta

from ..lang import rows
from ..records import DateMention

__all__ = [
    "find_dates_ar", "hijri_to_gregorian", "gregorian_to_hijri", "MONTHS_AR", "HIJRI_MONTHS",
    "WEEKDAYS_AR",
]

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_DROPPED = frozenset(chr(c) for c in range(0x0600, 0x0700) if _DIACRITICS.match(chr(c)))
_CHARMAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    "٫": ".", "٬": ",", "،": ",", "ـ": "",
})


def _norm(s: str) -> str:
    """Fold a pattern word the way the text is folded."""
    return _DIACRITICS.sub("", s).translate(_CHARMAP)


@lru_cache(maxsize=4)
def _shadow(text: str) -> tuple[str, Sequence[int]]:
    """The folded copy of `text` and, for each of its characters, the original index (a document is read
    several times over: against no base, then against its anchor date)."""
    if not _DIACRITICS.search(text):
        return text.translate(_CHARMAP), range(len(text))     # every character maps to one: same offsets
    index = tuple(i for i, ch in enumerate(text) if ch not in _DROPPED)
    return "".join([text[i] for i in index]).translate(_CHARMAP), index


# --- vocabularies ---------------------------------------------------------------------------

MONTHS_AR: dict[str, int] = {name: int(n) for name, n in rows("ar", "months.tsv")}
HIJRI_MONTHS: dict[str, int] = {name: int(n) for name, n in rows("ar", "hijri_months.tsv")}
WEEKDAYS_AR: dict[str, int] = {name: int(n) for name, n in rows("ar", "weekdays.tsv")}  # Monday = 0

_MONTHS = {_norm(k): v for k, v in MONTHS_AR.items()}
_HMONTHS = {_norm(k): v for k, v in HIJRI_MONTHS.items()}
_WEEKDAYS = {_norm(k)[2:]: v for k, v in WEEKDAYS_AR.items()}     # without the article


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_B = r"(?<![\w])"            # word start (Arabic letters and digits are \w)
_E = r"(?![\w])"             # word end
_MON1 = rf"(?:{_alt(_MONTHS)})"
# "شباط/فبراير", "فبراير (شباط)", "شباط - فبراير": one month, the first name counts
_MON = rf"(?P<mon>{_MON1}){_E}(?:\s*(?:/|\(|-|–)\s*{_MON1}{_E}\s*\)?)?"
_HMON = rf"(?P<hmon>{_alt(_HMONTHS)}){_E}"
_WD = rf"(?:يوم\s+(?:ال)?|ال)(?P<wd>{_alt(_WEEKDAYS)}){_E}"
_DAY = r"(?<!\d)(?:ال\s?)?(?P<day>[0-3]?\d)(?!\d)"
_RANGE = r"(?:\s*(?:و|-|–|الى|حتى)\s*(?:ال\s?)?[0-3]?\d(?!\d))?"
_YEAR = r"(?<!\d)(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_GSUFFIX = r"(?:\s*(?:م|ميلاديه|ميلادي|للميلاد){_E})?".replace("{_E}", _E)
_HYEAR = r"(?<!\d)(?P<hyear>1[34]\d\d)(?!\d)"
_HSUFFIX = rf"\s*(?:ه|هجريه|هجري|للهجره){_E}"
_OF = r"(?:\s+من)?(?:\s+شهر)?"
# "أكتوبر من عام 2014", "أكتوبر من 2014", "أكتوبر عام 2014"
_YEAR_WORD = r"(?:من\s+)?(?:(?:عام|العام|سنه|السنه)\s+)?"
_PAST = r"الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق"
_NEXT = r"المقبل|المقبله|القادم|القادمه"
_CURRENT = r"الجاري|الجاريه|الحالي|الحاليه"
_MONTH_PREPS = r"في|خلال|مطلع|اوائل|اواخر|اواسط|منتصف|نهايه|بدايه"
_REL_DAYS = {words: int(days) for words, days in rows("ar", "relative_days.tsv")}   # folded forms
_ORDINAL_DAYS = {_norm(words): int(day) for words, day in rows("ar", "ordinal_days.tsv")}
_REL = rf"(?P<rel>{_alt(_REL_DAYS)}){_E}"
_LEAD = rf"(?:{_B}(?P<lead>{_alt(_REL_DAYS)})\s+)?(?:(?:{_B}|(?<=[وفب])){_WD}\s*,?\s*(?:الموافق\s+)?)?"

# Ordered: the first pattern that matches a span wins; longer forms first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # numeric Hijri dates, marked هـ: "17 - 8 - 1422هـ", "1445/3/12هـ"
    ("hijri_dmy_num", re.compile(
        rf"(?<![\d/.-])(?<![\d/.-]\s)(?P<day>[0-3]?\d)\s*(?P<sep>[-/.])\s*(?P<hmonth>[01]?\d)\s*(?P=sep)\s*{_HYEAR}{_HSUFFIX}")),
    ("hijri_ymd_num", re.compile(
        rf"{_HYEAR}\s*(?P<sep>[-/.])\s*(?P<hmonth>[01]?\d)\s*(?P=sep)\s*(?P<day>[0-3]?\d)(?!\d){_HSUFFIX}")),
    ("hijri_dmy", re.compile(rf"{_LEAD}{_DAY}{_RANGE}{_OF}\s+{_HMON}(?:\s+{_YEAR_WORD}{_HYEAR}(?:{_HSUFFIX})?)?")),
    ("hijri_my", re.compile(rf"{_B}(?:شهر\s+)?{_HMON}\s+{_YEAR_WORD}{_HYEAR}(?:{_HSUFFIX})?")),
    ("hijri_y", re.compile(rf"{_B}(?:(?:عام|العام|سنه|السنه)\s+)?(?:\(\s?)?{_HYEAR}(?:\s?\))?{_HSUFFIX}")),
    ("iso", re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)")),
    ("dmy_num", re.compile(
        rf"{_LEAD}(?<!\d)(?<!\d\s/\s)(?P<day>[0-3]?\d)\s?(?P<sep>[-/.])\s?(?P<month>[01]?\d)\s?(?P=sep)\s?"
        rf"(?P<year>(?:19|20)\d\d)(?!\d){_GSUFFIX}")),
    ("d_m_y", re.compile(
        rf"{_LEAD}{_DAY}{_RANGE}{_OF}\s+{_MON}"
        rf"(?:\s*,?\s*{_YEAR_WORD}{_YEAR}{_GSUFFIX}|\s+(?P<drel>{_PAST}|{_NEXT}|{_CURRENT}){_E})?")),
    ("m_y", re.compile(rf"{_B}(?:شهر\s+)?{_MON}\s*,?\s*{_YEAR_WORD}(?:\(\s?)?{_YEAR}(?:\s?\))?{_GSUFFIX}")),
    ("m_rel", re.compile(rf"{_B}(?:شهر\s+)?{_MON}\s+(?P<mrel>{_PAST}|{_NEXT}|{_CURRENT}){_E}")),
    # a month alone after في/خلال/مطلع...: "في حزيران (يونيو)", "خلال شهر مارس": the latest one not after the base
    ("m_alone", re.compile(rf"(?:{_B}|(?<=[و]))(?:{_MONTH_PREPS})\s+(?:شهر\s+)?(?P<core>{_MON})(?!\s*[,(]?\s*\d)")),
    ("year", re.compile(rf"(?:{_B}|(?<=[لب]))(?:عام|العام|سنه|السنه)\s+(?:\(\s?)?{_YEAR}(?:\s?\))?{_GSUFFIX}")),
    ("year_prep", re.compile(
        rf"(?:{_B}|(?<=[و]))(?:في|منذ|حتى|خلال|قبل|بعد|مطلع|اوائل|اواخر|اواسط|منتصف|نهايه|بدايه|بتاريخ)\s+"
        rf"(?P<core>{_YEAR}{_GSUFFIX})(?!\s*(?:[-/.%]|\w))")),
    ("year_m", re.compile(rf"{_YEAR}\s*(?:م|ميلاديه|ميلادي|للميلاد){_E}")),
    # "في الرابع عشر من الشهر الماضي", "10 من الشهر الجاري": a day of the month before, after or of the base
    ("day_of_rel_month", re.compile(
        rf"{_B}(?P<oday>{_alt(_ORDINAL_DAYS)}|[0-3]?\d)\s+من\s+(?:هذا\s+(?P<this>الشهر)|الشهر\s+(?P<orel>{_PAST}|{_NEXT}|"
        rf"{_CURRENT})){_E}")),
    ("period", re.compile(
        rf"{_B}(?:(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?P<prel>{_PAST}|{_NEXT}|{_CURRENT})"
        rf"|هذا\s+(?P<unit2>الاسبوع|الشهر|العام)|هذه\s+(?P<unit3>السنه)){_E}")),
    ("rel_wd", re.compile(rf"{_B}{_REL}\s+{_WD}")),
    ("weekday", re.compile(rf"(?:{_B}|(?<=[وفب]))(?P<core>{_WD}(?:\s+(?P<wrel>{_PAST}|{_NEXT}){_E})?)")),
    ("rel", re.compile(rf"(?:{_B}|(?<=[وف]))(?P<core>{_REL})")),
]
_PAST_RE = re.compile(rf"^(?:{_PAST})$")
_NEXT_RE = re.compile(rf"^(?:{_NEXT})$")


# --- calendar helpers -----------------------------------------------------------------------

_ISLAMIC_EPOCH_JDN = 1948440          # 1 Muharram 1 AH (civil epoch), Julian day number
_ORDINAL_OFFSET = 1721425             # JDN - ordinal (date.toordinal)
_UMM_AL_QURA_YEARS = (1343, 1500)     # the range hijridate covers


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Hijri -> Gregorian: Umm al-Qura in its range (1343-1500 AH), tabular outside it.
    ValueError for a day the month does not have."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError("invalid Hijri date")
    if _UMM_AL_QURA_YEARS[0] <= year <= _UMM_AL_QURA_YEARS[1]:
        from hijridate import Hijri

        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    return _tabular_to_gregorian(year, month, day)


def _tabular_to_gregorian(year: int, month: int, day: int) -> date:
    """The arithmetic Islamic calendar (civil epoch) -> Gregorian."""
    jdn = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _ISLAMIC_EPOCH_JDN - 1
    return date.fromordinal(jdn - _ORDINAL_OFFSET)


def gregorian_to_hijri(d: date) -> tuple[int, int, int]:
    """Gregorian -> Hijri (year, month, day): Umm al-Qura in its range, tabular outside it."""
    from hijridate import Gregorian

    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError):
        pass
    jdn = d.toordinal() + _ORDINAL_OFFSET
    year = (30 * (jdn - _ISLAMIC_EPOCH_JDN) + 10646) // 10631
    month = min(12, math.ceil((jdn - 29 - _tabular_to_gregorian(year, 1, 1).toordinal() - _ORDINAL_OFFSET) / 29.5) + 1)
    month = max(1, month)
    day = jdn - (_tabular_to_gregorian(year, month, 1).toordinal() + _ORDINAL_OFFSET) + 1
    return year, month, day


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _most_recent(weekday: int, base: date, *, strictly: bool = False) -> date:
    delta = (base.weekday() - weekday) % 7
    if delta == 0 and strictly:
        delta = 7
    return base - timedelta(days=delta)


def _next(weekday: int, base: date) -> date:
    delta = (weekday - base.weekday()) % 7 or 7
    return base + timedelta(days=delta)


def _year_for(month: int, day: int, base: date, rel: str | None) -> int:
    """Year of a day-month without a year: the base year, or the year before when the date
    would fall more than a month after the base (the nearest past); forced by الماضي/المقبل."""
    candidate = _valid(base.year, month, min(day, 28 if month == 2 else day))
    if rel and _PAST_RE.match(rel):
        return base.year if candidate and candidate < base else base.year - 1
    if rel and _NEXT_RE.match(rel):
        return base.year if candidate and candidate > base else base.year + 1
    if candidate and candidate > base + timedelta(days=31):
        return base.year - 1
    return base.year


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# --- matching -------------------------------------------------------------------------------

def find_dates_ar(text: str, base: date | None) -> list[DateMention]:
    """Arabic date expressions in `text` with their offsets, resolved against `base`.

    Relative expressions (weekdays, اليوم/أمس/غدا, الأسبوع الماضي, day-month without a year)
    are resolved against `base` and marked ``relative=True``; with ``base=None`` their value
    is None. Bare numbers (quantities, bare 4-digit numbers without عام/م) are not dates.
    """
    shadow, index = _shadow(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, m in _pattern_matches(shadow):
        s, e = (m.start("core"), m.end("core")) if "core" in m.groupdict() and m.group("core") else m.span()
        while e > s and shadow[e - 1].isspace():
            e -= 1
        if e <= s or any(s < te and ts < e for ts, te in taken):
            continue
        if kind == "period" and _adjectival(shadow, s):
            continue                        # الأمين العام الحالي: not "this year"
        if kind == "rel" and _OUTLET_LABEL.search(shadow, max(0, s - 40), e) and _OUTLET_LABEL_END.match(shadow, e):
            continue                        # "المغرب اليوم -": an outlet's name on a line of its own
        value, precision, relative = _resolve(kind, m, base)
        if value is _SKIP:
            continue
        start, end = index[s], index[e - 1] + 1
        while end < len(text) and _DIACRITICS.match(text[end]):
            end += 1                        # هـ: the tatweel after the last letter
        found.append(DateMention(start, end, text[start:end], value, precision, relative))  # type: ignore[arg-type]
        taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


#: a line that opens on one word and the relative day, then a dash: the label of an outlet named
#: "<place> today" ("المغرب اليوم - ...", "مصر اليوم -"), not the day of anything
_OUTLET_LABEL = re.compile(r"(?:^|\n)[ \t]*[^\s\d:\-–—]+[ \t]+(?:اليوم)$")
_OUTLET_LABEL_END = re.compile(r"[ \t]*[-–—]")


@lru_cache(maxsize=4)
def _pattern_matches(shadow: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every match of every pattern, in pattern order (read again against the anchor date)."""
    return tuple((kind, m) for kind, pattern in _PATTERNS for m in pattern.finditer(shadow))


_SKIP = object()
_PREV_WORD = re.compile(r"(\w+)\s+$")


def _adjectival(shadow: str, start: int) -> bool:
    """العام/الشهر right after a definite noun is an adjective (المدير العام, الرأي العام)."""
    if shadow.startswith(("هذا", "هذه"), start):
        return False
    prev = _PREV_WORD.search(shadow[max(0, start - 30):start])
    return bool(prev and prev.group(1).startswith("ال") and prev.group(1) not in {"الى", "التي", "الذي"})


def _resolve(kind: str, m: re.Match[str], base: date | None):
    g = m.groupdict()
    if kind in {"hijri_dmy", "hijri_my", "hijri_y", "hijri_dmy_num", "hijri_ymd_num"}:
        return _resolve_hijri(kind, g, base)
    if kind in {"iso", "dmy_num"}:
        d = _valid(int(g["year"]), int(g["month"]), int(g["day"]))
        return (d.isoformat(), "day", False) if d else (_SKIP, None, False)
    if kind == "d_m_y":
        month = _MONTHS[re.sub(r"\s+", " ", g["mon"])]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return _SKIP, None, False
        if g.get("year"):
            d = _valid(int(g["year"]), month, day)
            return (d.isoformat(), "day", False) if d else (_SKIP, None, False)
        if base is None:
            return None, None, True
        d = _valid(_year_for(month, day, base, g.get("drel")), month, day)
        return (d.isoformat(), "day", True) if d else (_SKIP, None, False)
    if kind == "m_y":
        return _month_value(int(g["year"]), _MONTHS[re.sub(r"\s+", " ", g["mon"])]), "month", False
    if kind == "m_alone":
        if base is None:
            return None, None, True
        month = _MONTHS[re.sub(r"\s+", " ", g["mon"])]
        return _month_value(base.year if month <= base.month else base.year - 1, month), "month", True
    if kind == "m_rel":
        if base is None:
            return None, None, True
        month = _MONTHS[re.sub(r"\s+", " ", g["mon"])]
        rel = g["mrel"]
        if _PAST_RE.match(rel):
            year = base.year if month < base.month else base.year - 1
        elif _NEXT_RE.match(rel):
            year = base.year if month > base.month else base.year + 1
        else:
            year = base.year
        return _month_value(year, month), "month", True
    if kind in {"year", "year_m", "year_prep"}:
        return g["year"], "year", False
    if kind == "period":
        return _resolve_period(g, base)
    if kind == "day_of_rel_month":
        return _resolve_day_of_month(g, base)
    if kind in {"rel", "rel_wd"}:
        if base is None:
            return None, None, True
        return (base + timedelta(days=_REL_DAYS[re.sub(r"\s+", " ", g["rel"])])).isoformat(), "day", True
    if kind == "weekday":
        if base is None:
            return None, None, True
        weekday = _WEEKDAYS[g["wd"]]
        rel = g.get("wrel")
        if rel and _NEXT_RE.match(rel):
            return _next(weekday, base).isoformat(), "day", True
        return _most_recent(weekday, base, strictly=bool(rel)).isoformat(), "day", True
    return _SKIP, None, False


def _resolve_hijri(kind: str, g: dict, base: date | None):
    try:
        return _resolve_hijri_date(kind, g, base)
    except ValueError:          # "30 Ramadan" of a 29-day Ramadan: not a date
        return _SKIP, None, False


def _resolve_hijri_date(kind: str, g: dict, base: date | None):
    hyear = int(g["hyear"]) if g.get("hyear") else None
    if kind == "hijri_y":
        if hyear is None or hyear < 1300:
            return _SKIP, None, False
        # the Gregorian year holding the middle of the Hijri year
        return str(hijri_to_gregorian(hyear, 6, 29).year), "year", False
    month = int(g["hmonth"]) if g.get("hmonth") else _HMONTHS[re.sub(r"\s+", " ", g["hmon"])]
    if kind == "hijri_my":
        if hyear is None or hyear < 1300:
            return _SKIP, None, False
        mid = hijri_to_gregorian(hyear, month, 15)
        return _month_value(mid.year, mid.month), "month", False
    day = int(g["day"])
    if not 1 <= day <= 30:
        return _SKIP, None, False
    relative = False
    if hyear is None:
        if base is None:
            return None, None, True
        hyear = gregorian_to_hijri(base)[0]
        if hijri_to_gregorian(hyear, month, day) > base + timedelta(days=31):
            hyear -= 1
        relative = True
    elif hyear < 1300:
        return _SKIP, None, False
    return hijri_to_gregorian(hyear, month, day).isoformat(), "day", relative


def _resolve_day_of_month(g: dict, base: date | None):
    """"الرابع عشر من الشهر الماضي": that day of the month before (after, or of) the base's."""
    oday = re.sub(r"\s+", " ", g["oday"])
    day = int(oday) if oday.isdigit() else _ORDINAL_DAYS[oday]
    if base is None:
        return None, None, True
    rel = g.get("orel") or "الجاري"
    step = -1 if _PAST_RE.match(rel) else 1 if _NEXT_RE.match(rel) else 0
    month_index = base.year * 12 + base.month - 1 + step
    d = _valid(month_index // 12, month_index % 12 + 1, day)
    return (d.isoformat(), "day", True) if d else (_SKIP, None, False)


def _resolve_period(g: dict, base: date | None):
    unit = g.get("unit") or g.get("unit2") or g.get("unit3")
    rel = g.get("prel") or "الجاري"
    if base is None:
        return None, None, True
    step = -1 if _PAST_RE.match(rel) else 1 if _NEXT_RE.match(rel) else 0
    if unit in {"العام", "السنه"}:
        return str(base.year + step), "year", True
    if unit == "الشهر":
        month_index = base.year * 12 + base.month - 1 + step
        return _month_value(month_index // 12, month_index % 12 + 1), "month", True
    # a week: the seven days before (or after) the base; month precision when they fall in
    # one month, year precision when in one year, else unresolved
    if step == 0:
        first = base - timedelta(days=base.weekday())
    else:
        first = base + timedelta(days=1 if step > 0 else -7)
    last = first + timedelta(days=6)
    if (first.year, first.month) == (last.year, last.month):
        return _month_value(first.year, first.month), "month", True
    if first.year == last.year:
        return str(first.year), "year", True
    return None, None, True
