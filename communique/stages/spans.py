"""Character spans of mentions: overlap, and trimming of quotes, punctuation and leading words."""

from __future__ import annotations

import re

from ..textnorm import is_arabic

__all__ = ["overlaps", "clean_span", "strip_lead"]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two [start, end) spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, quotes, punctuation and a possessive from a span; cut at a line break."""
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while start < end and (text[start].isspace() or text[start] in "\"'«»“”(,;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"'«»“”),;:.-–—"):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    cut = _JOINED.search(text, start, end)
    if cut is not None and cut.start() > start and not is_arabic(text[start:end]):
        return clean_span(text, start, cut.start())
    return start, end


# where a Latin span runs past its name into the next one: an unclosed parenthesis ("... Development
# (USAID"), a spaced dash ("Boris Dor - but", "NEW YORK - SABA"), a slash ("Jane Roe/AP", "Twitter/QNA")
_JOINED = re.compile(r"\s\((?![^)]*\))|\s[-–—]\s|-\s|/")


def strip_lead(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Drop leading words matched by `pattern` (titles, honorifics, articles) from a span."""
    changed = True
    while changed and start < end:
        changed = False
        m = pattern.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
            while start < end and text[start] in " \t.,":
                start += 1
            changed = True
    return start, end
