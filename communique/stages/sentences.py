"""Sentences by rule: text -> sentence offsets (line breaks, and . ! ? ؟ that do not end an abbreviation)."""

from __future__ import annotations

import re

from ..lang import entries_all
from ..textnorm import is_arabic

__all__ = ["sentence_spans", "sentence_index", "clause_start"]

_ABBREVIATIONS = set(entries_all("abbreviations.txt"))
_SENT_END = re.compile(r"[.!?؟]+[\"»”’)]*(?=\s)")


def _is_sentence_end(text: str, m: re.Match[str], limit: int) -> bool:
    """A . ! ? ؟ that ends a sentence: not after an abbreviation or initial, not before lowercase."""
    word = re.search(r"([\w.]+)[.!?؟]*$", text[max(0, m.start() - 12): m.start() + 1])
    token = (word.group(1) if word else "").rstrip(".").lower()
    if text[m.start()] == "." and (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
                                   or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token)):
        return False
    nxt = re.match(r"\s*(\S)", text[m.end(): limit])
    return not (nxt and nxt.group(1).islower() and not is_arabic(nxt.group(1)))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence offsets by rule: line breaks, and . ! ? ؟ before a space unless they end an
    abbreviation or an initial ('M. Bourita', 'Maj. Gen.', 'J. Smith'). Press-release lists of
    names stay in one sentence, which spaCy's parser often splits."""
    cuts: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENT_END.finditer(text, line.start(), line.end()):
            if not _is_sentence_end(text, m, line.end()):
                continue
            cuts.append((start, m.end()))
            start = m.end()
        cuts.append((start, line.end()))
    out = []
    for s, e in cuts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """The index of the sentence (of `spans`, in order) that holds `offset`."""
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def clause_start(text: str, pos: int) -> int:
    """Start of the sentence holding `pos` (same rules as sentence_spans), looking back 300 characters."""
    lo = max(0, pos - 300)
    line = text.rfind("\n", lo, pos)
    start = line + 1 if line >= 0 else lo
    for m in _SENT_END.finditer(text, start, pos):
        if _is_sentence_end(text, m, pos):
            start = m.end()
    return start
