"""Arabic names of news outlets that the NER misses -> (start, end) spans of organizations: the agency of a
dispatch's dateline ("المدينة - وكالة", "المدينة/ وكالة-", "المدينة- (أ ب ج):", "وكالة - المدينة" for an agency
of one word, "المصدر: وكالة فلان"), an outlet told or quoted in quotes ("قال لـ«فلان»", "نقلت عن «فلان»"), and an
outlet named after the noun of its kind ("صحيفة فلان", "وكالة أنباء فلان", "قناة "فلان"", "وكالة الأنباء
الفلانية (فلان)": the name in brackets)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lang import entries, rows

__all__ = ["arabic_outlet_names"]

#: characters from the start where a dispatch's dateline stands
_DATELINE_ZONE = 1500
_WORD = r"[^\s،,.:;؛()\"“”«»/\-–—]+"
#: a line that opens with a place, then a dash, a slash or a colon, then the agency (in brackets or not) and a
#: dash, a colon, a slash or the line's end: "المدينة - وكالة", "المدينة/ وكالة- ...", "المدينة- (أ ب ج):"
_DATELINE = re.compile(r"^[ \t]*(?P<place>" + _WORD + r"(?:[ \t]+" + _WORD + r")?)[ \t]*(?:(?:[-–—/:][ \t]*)?"
                       r"\([ \t]*(?P<bracketed>[^()\n]{2,30}?)[ \t]*\)|[-–—/:][ \t]*(?P<bare>" + _WORD + r"(?:[ \t]+" +
                       _WORD + r"){0,2}?))[ \t]*(?=[-–—:/]|$)", re.M)
#: the agency first, one word without the article, then the place, alone on a line: "فلان - المدينة" (a byline has
#: two words or more; "اليوم - المدينة", "الوكالات - المدينة" are no agency's name)
_AGENCY_FIRST = re.compile(r"^[ \t]*(?P<agency>(?!ال)" + _WORD + r")[ \t]*[-–—/][ \t]*(?P<place>" + _WORD + r"(?:[ \t]+" + _WORD
                           + r")?)[ \t]*$", re.M)
#: "المصدر: وكالة فلان" (the line's end closes the name)
_SOURCE_LINE = re.compile(r"^[ \t]*المصدر[ \t]*:[ \t]*(?P<name>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})[ \t]*$",
                          re.M)
#: the noun of an outlet's kind and its name: one word without the article, or a name in quotes
_OUTLET_NOUN = r"(?<![\w])[وفبل]?(?P<noun>صحيفة|جريدة|مجلة|قناة|وكالة[ \t]+أنباء)"
_NAMED_OUTLET = re.compile(_OUTLET_NOUN + r"[ \t]+(?:\((?P<bracketed>[^()\n]{2,20})\)|"
                           r"(?P<quoted>\"[^\"\n]{1,25}\"|«[^»\n]{1,25}»|“[^”\n]{1,25}”)|"
                           r"(?P<word>(?!ال)" + _WORD + r"))")
_NEWSPAPER_NOUNS = {"صحيفة", "جريدة", "مجلة"}
_CALENDAR = {row[0] for name in ("months.tsv", "weekdays.tsv") for row in rows("ar", name)}
#: words of the trade that follow an outlet's noun without being its name ("صحيفة محلية", "وكالة أنباء رسمية")
_NOT_A_NAME = re.compile(r"(?:محلي|رسمي|يومي|أسبوعي|حكومي|خاص|إلكتروني|عربي|أجنبي|دولي|عالمي|إخباري)(?:ة|ية)?$")


#: a word of saying or an interview (lang/ar/outlet_cues.txt), then, within the clause, "لـ", "عن" or "به" and a
#: name of one to three words in quotes: the outlet told or quoted ("قال لـ«فلان»", "في حوار خص به "فلان"")
_QUOTED_OUTLET = re.compile(r"(?<![\w])(?:" + "|".join(entries("ar", "outlet_cues.txt")) + r")(?![\w])[^.،,؛\n«\"“]{0,30}?"
                            r"(?<![\w])(?:لـ?|عن|به)[ \t]*(?:«(?P<a>[^»\n]{2,30})»|\"(?P<b>[^\"\n]{2,30})\"|“(?P<c>[^”\n]{2,30})”)")


def _quoted_outlets(text: str) -> list[tuple[int, int]]:
    """Outlets named in quotes after a word of saying or an interview and "لـ", "عن" or "به"."""
    out = []
    for m in _QUOTED_OUTLET.finditer(text):
        group = next(g for g in "abc" if m.group(g))
        name = m.group(group).strip()
        if len(name.split()) <= 3 and not re.search(r"\d", name):
            out.append(m.span(group))
    return out


def arabic_outlet_names(text: str, is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of outlet names: dateline agencies after a known place (in the first lines), source lines, outlets
    named after the noun of their kind. The outlet's noun is part of its name where the name follows it ("قناة
    "فلان"", "وكالة أنباء فلان"), except a newspaper's ("صحيفة فلان": فلان) and an agency whose name is given
    in brackets after its full name."""
    out = []
    for m in _DATELINE.finditer(text, 0, min(len(text), _DATELINE_ZONE)):
        group = "bracketed" if m.group("bracketed") else "bare"
        name = m.group(group)
        if is_place(m.group("place")) and not is_place(name) and not _tells_a_time(name) and \
                not (group == "bare" and is_place(name.split()[-1])):     # "المدينة: فلان الفلاني المدينة2:", a byline
            out.append((m.start(group), m.end(group)))
    for m in _AGENCY_FIRST.finditer(text, 0, min(len(text), _DATELINE_ZONE)):
        if is_place(m.group("place")) and not is_place(m.group("agency")) and not _tells_a_time(m.group("agency")):
            out.append(m.span("agency"))
    out += [(m.start("name"), m.end("name")) for m in _SOURCE_LINE.finditer(text)]
    out += _quoted_outlets(text)
    for m in _NAMED_OUTLET.finditer(text):
        word = m.group("word")
        if m.group("bracketed"):
            out.append((m.start("bracketed"), m.end("bracketed")))      # "وكالة أنباء (فلان)"
        elif word is None or not (_NOT_A_NAME.search(word) or is_place(word)):
            newspaper = word is not None and m.group("noun") in _NEWSPAPER_NOUNS
            out.append((m.start("word") if newspaper else m.start("noun"), m.end()))
    return out


def _tells_a_time(words: str) -> bool:
    """A date or a time after a dateline's place ("المدينة - 12 مايو", "المدينة - الاثنين"), not an agency."""
    return bool(re.match(r"\d", words) or re.search(r"\d{3,}", words)) or any(w in _CALENDAR for w in words.split())
