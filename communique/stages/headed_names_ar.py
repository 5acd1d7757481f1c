"""Arabic names of bodies and places that the NER misses or cuts short -> (start, end, kind) spans: a head
noun of the trade (lang/ar/name_heads.tsv: وزارة, مجلس, هيئة, قصر, مطار, ...) and the words of its construct
chain and adjectives that carry the article ("وزارة الشؤون الخارجية والتعاون الدولي", "المجلس العسكري
الانتقالي", "قصر الضيافة"); a place's first word may be a name without it ("مطار فلان الدولي")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from ..lang import entries, rows
from ..textnorm import fold_arabic
from .person_names import is_arabic_name_word
from .titles import HONORIFIC_RE, TITLE_RE

__all__ = ["arabic_headed_names", "is_lone_head_noun"]

_HEAD_ROWS = rows("ar", "name_heads.tsv")
_HEADS = {fold_arabic(noun): kind for noun, kind in _HEAD_ROWS}
_STOPS = {fold_arabic(w) for w in entries("ar", "org_name_stops.txt")}
#: construct nouns without the article that go on a name's chain ("مجلس وزراء الخارجية", "ديوان رئاسة الوزراء")
_CONSTRUCT = {fold_arabic(w) for w in entries("ar", "title_complements.txt")} | set(_HEADS)
_HEAD_RE = re.compile(r"(?<![\w])(?P<clitic>[وف]?[بكل]?)(?P<article>ال|ل(?=\w))?(?P<head>"
                      + "|".join(sorted((re.escape(noun) for noun, _ in _HEAD_ROWS), key=len, reverse=True)) + r")(?![\w])")
_INNER_HEAD = re.compile(r"[ \t]+ال(?:" + "|".join(re.escape(noun) for noun, kind in _HEAD_ROWS if kind == "body")
                         + r")(?![\w])")
_NEXT_WORD = re.compile(r"[ \t]+([^\s،,.؛;:()\"“”«»!?؟\-–/]+)")
_MAX_WORDS = 6
#: "general", "supreme": a body's adjective that its purpose follows after 'لـ', after a title too
_GENERAL = {fold_arabic(w) for w in ("العامة", "العام", "العليا", "الأعلى")}
#: a state's government or administration by its adjective ("الحكومة الفلانية", "الإدارة الفلانية"): the state
_GOVERNMENT_HEADS = {fold_arabic("حكومة"), fold_arabic("إدارة")}
#: no mention is longer: spans that may overlap a stretch are looked up from this far before it
_LONGEST_SPAN = 300


class _Spans:
    """Sorted (start, end) spans, looked up by the stretch they overlap."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        lo, hi = bisect_left(self.starts, a - _LONGEST_SPAN), bisect_left(self.starts, b)
        return [(s, e) for s, e in self.spans[lo:hi] if s < b and a < e]


def arabic_headed_names(text: str, blocked: list[tuple[int, int]], is_state: Callable[[str], bool],
                        states: list[tuple[int, int]] = (),
                        bodies: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Spans of names with their kind ("organization", "place"): a head noun, then up to six words (with
    the article, after 'و' or 'لـ' too, or construct nouns ending in one with the article), stopped by a
    title, an honorific, a time word or pronoun, a new head after 'و', or a `blocked` span (names found
    before; one of `states`, a state's adjective, ends it after it; one of `bodies`, an organization found
    before, ends it inside it when it is the head's complement: right after the head, or after 'لـ'
    ("مفوضية الاتحاد الفلاني", "الجمعية العامة للمنظمة الفلانية")). A portfolio head right after a title
    is the title's ("وزير الخارجية"); a government of a state alone is the state ("الحكومة المصرية")."""
    out: list[tuple[int, int, str]] = []
    spans = _Spans(blocked)
    adjectives = {x for x in states if _adjective(text, *x)}
    complements = set(bodies)
    for m in _HEAD_RE.finditer(text):
        if out and m.start() < out[-1][1]:
            continue        # a head inside the name before ("ديوان رئاسة الوزراء")
        head = fold_arabic(m.group("head"))
        if _inside_a_title(text, m.start("head"), m.end()):
            continue        # "رئيس مجلس الوزراء": the title's words, no body of its own
        if _INNER_HEAD.match(text, m.end()):
            continue        # "رئاسة المجلس الفلاني": the name starts at the second head
        kind = _HEADS[head]
        if kind == "place" and m.group("article"):
            continue        # "المنطقة", "القصر": the region, the palace named before
        titled = _after_title(text, m.start())
        article = m.group("article")
        start = m.start("article") if article == "ال" else m.start() if article else m.start("head")
        pos = _place_name_word(text, m.end(), spans) if kind == "place" else m.end()
        end = max(pos, _chain_end(text, pos, spans, adjectives, of_title=titled, place=kind == "place",
                                  named=pos > m.end()))
        if kind == "body":
            end = _body_complement_end(text, m.end(), end, spans, complements)
        if end <= m.end() or any(x not in adjectives | complements for x in spans.overlapping(start, end)):
            continue
        rest = text[m.end():end].strip()
        if kind == "portfolio" and (titled or not m.group("article") or " " in rest or not rest.endswith("ة")):
            continue        # "وزير الخارجية المصري": the title's portfolio; "الخارجية المصرية": the ministry
        if head in _GOVERNMENT_HEADS and is_state(rest):
            continue
        out.append((start, end, "place" if kind == "place" else "organization"))
    return out


def _body_complement_end(text: str, head_end: int, end: int, spans: _Spans, bodies: set[tuple[int, int]]) -> int:
    """Where a body's name ends when an organization found before (of `bodies`) is its complement: right
    after the head ("مفوضية الاتحاد الفلاني", the Commission of the Union) or after its chain with 'لـ'
    ("الجمعية العامة للمنظمة الفلانية"); `end` otherwise."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return end
    touched = spans.overlapping(m.start(1), m.end(1))
    if len(touched) != 1 or touched[0] not in bodies or touched[0][0] != m.start(1):
        return end
    word = fold_arabic(m.group(1))
    if end == head_end and not word.startswith(("ال", "لل")) or end > head_end and not word.startswith("لل"):
        return end
    return touched[0][1]


def _place_name_word(text: str, pos: int, blocked: _Spans) -> int:
    """After a place head without the article, where its first word ends when it is a name ("قصر فلان")."""
    m = _NEXT_WORD.match(text, pos)
    if not m or blocked.overlapping(m.start(1), m.end(1)) or TITLE_RE.fullmatch(m.group(1)):
        return pos
    word = fold_arabic(m.group(1))
    if word in _HEADS:
        return pos      # "منطقة بحيرة فلان": the name starts at the second head
    if word.startswith(("ال", "لل")) or word.endswith("يه") or not is_arabic_name_word(m.group(1)):
        return pos      # a word with the article goes on the chain; "قاعدة عسكرية": an adjective
    return m.end(1)


def _inside_a_title(text: str, at: int, head_end: int) -> bool:
    """A title of the lexicon that starts one or two words before a head (at `at`, behind a clitic too) and
    covers the word after it ("رئيس مجلس الوزراء", "لرئيس مجلس الوزراء"; not "وكيل وزارة" + "الخارجية")."""
    for word in _WORD_BEFORE.finditer(text, max(0, at - 30), at):
        clitics = len(word.group(0)) - len(word.group(0).lstrip("وفبل"))
        for skip in range(min(clitics, 2) + 1):
            start = word.start() + skip
            title = TITLE_RE.match(text[start: head_end + 40])      # a slice: no word boundary before the clitic's end
            if title and start + title.end() > head_end:
                return True
    return False


_WORD_BEFORE = re.compile(r"(?<!\S)\S+(?=(?:\s+\S+)?\s+$)")


def _after_title(text: str, at: int) -> bool:
    """A title among the three words before `at` ("وكيل وزارة", "وزير الشؤون الخارجية")."""
    words = text[max(0, at - 50):at].split()[-3:]
    return any(TITLE_RE.fullmatch(w) or TITLE_RE.fullmatch(re.sub(r"^[وفبلك]{1,2}", "", w)) for w in words)


def _adjective(text: str, start: int, end: int) -> bool:
    """A name found before that reads as an adjective of the organization: one word with the article
    ("السعودية" in "وكالة الأنباء السعودية")."""
    word = fold_arabic(text[start:end])
    return word.startswith("ال") and " " not in word


def _chain_end(text: str, pos: int, blocked: _Spans, adjectives: set[tuple[int, int]],
               of_title: bool, place: bool, named: bool = False) -> int:
    """Where the name that goes on after a head ending at `pos` ends: after its last word with the article.
    After a title, 'لـ' starts the title's complement ("وكيل وزارة الخارجية للشؤون القنصلية"), not after "العامة"
    or "العليا", which a body's purpose follows ("رئيس الهيئة العامة للشؤون الفلانية"); a state's
    adjective (of `adjectives`) is followed by 'لـ' or another adjective only ("-ي", "-ية"); a place's name
    takes neither 'و' nor 'لـ', nor, after its own name without the article (`named`: "مدينة فلان"), a
    feminine word: the head's adjective ("مدينة فلان الساحلية")."""
    end = pos
    after_state, previous = False, ""
    for _ in range(_MAX_WORDS):
        m = _NEXT_WORD.match(text, pos)
        touched = blocked.overlapping(m.start(1), m.end(1)) if m else []
        if not m or any((s, e) not in adjectives for s, e in touched):
            break
        if touched:     # a state's adjective ends the nouns ("وكالة الأنباء الفلانية الخبرَ")
            end = pos = max(m.end(1), *(e for _, e in touched))
            after_state = True
            continue
        word = fold_arabic(m.group(1))
        if after_state and not (word.startswith("لل") or (word.startswith("ال") and word.endswith(("يه", "ي")))):
            break       # after a state's adjective: "لـ" or another adjective ("الرسمية"), no noun
        joined = word.startswith(("وال", "ولل"))
        if place and (joined or word.startswith("لل") or (named and word.endswith("ه"))):
            break       # "مدينة فلان الساحلية": after a place's own name, a feminine word is the head's adjective
        core = word[1:] if joined else word
        word_text = m.group(1)[int(joined):] + text[m.end(1):m.end(1) + 30]     # a slice: the title after 'و' too
        if TITLE_RE.match(word_text) or HONORIFIC_RE.match(word_text):
            break
        if core in _STOPS or (joined and core[2:] in _HEADS) or \
                (of_title and core.startswith("لل") and previous not in _GENERAL):
            break
        if core.startswith(("ال", "لل")) and len(core) > 3:
            end = m.end(1)
        elif joined or core not in _CONSTRUCT:
            break
        pos, previous = m.end(1), core
    return end


#: a body named for a person: its head, a title of the person ("مركز الأمير فلان"), the person's name, then what
#: the body is for, after "لـ" ("للدراسات البحرية", "للأعمال الخيرية")
_NAMED_FOR_HEAD = re.compile(r"(?<![\w])[وفبل]?(?:ال)?(?:" + "|".join(re.escape(noun) for noun, kind in _HEAD_ROWS if kind == "body")
                             + r")[ \t]+(?=\S)")
_PURPOSE = re.compile(r"[ \t]+لل?[^\s،,.؛:()]+(?:[ \t]+(?:و?ال|لل)[^\s،,.؛:()]+){0,4}")


def arabic_bodies_named_for_persons(text: str, persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of bodies named for a person ("مركز الأمير فلان للدراسات"): a body's head right before a title, the
    person's name (a person span that starts there, or one to three name words), and the body's purpose after
    "لـ" right after the name; the name is a word of the body's name, no mention of that person."""
    starts = {s: e for s, e in persons}
    out = []
    for m in _NAMED_FOR_HEAD.finditer(text):
        title = TITLE_RE.match(text, m.end()) or HONORIFIC_RE.match(text, m.end())
        if title is None:
            continue
        name_end = starts.get(m.end()) or _name_words_end(text, title.end())
        purpose = _PURPOSE.match(text, name_end) if name_end else None
        if purpose:
            out.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip("وفبل")), purpose.end()))
    return out


def _name_words_end(text: str, pos: int) -> int | None:
    """The end of one to three name words without the article right after `pos` ("فلان بن فلان"), before "لـ"."""
    end, words = None, 0
    while words < 3:
        w = _NEXT_WORD.match(text, pos)
        if not w or w.group(1).startswith(("ال", "لل")) or not is_arabic_name_word(w.group(1)):
            break
        if w.group(1).startswith("ل") and words:
            break       # the purpose: "للدراسات" is no name word
        end, pos, words = w.end(1), w.end(1), words + 1
    return end


_CLITIC_ARTICLE = re.compile(r"^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)")


def is_lone_head_noun(word: str) -> bool:
    """A head noun of the names of bodies or places alone, behind a clitic and the article or not ("والبرلمان",
    "لحزب", "جامعة"): "the parliament", "a party", no body's name."""
    key = fold_arabic(word)
    if key in _HEADS:
        return True
    m = _CLITIC_ARTICLE.match(key)
    return bool(m and m.end()) and key[m.end():] in _HEADS
