"""Title and honorific lexicons (lang/<code>/titles.txt, honorifics.txt, org_heads.txt) -> the patterns
that make a phrase a function or a rank."""

from __future__ import annotations

import re

from ..lang import entries_all

__all__ = ["TITLE_RE", "HONORIFIC_RE", "TITLE_WORDS", "is_title_word", "ORG_HEADS"]

TITLE_WORDS = sorted(set(entries_all("titles.txt")), key=len, reverse=True)

TITLE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in TITLE_WORDS) + r")(?![\w-])", re.I)

HONORIFIC_RE = re.compile(r"(?<![\w])(?:" + "|".join(entries_all("honorifics.txt")) + r")(?![\w])", re.I)

ORG_HEADS = set(entries_all("org_heads.txt"))


def is_title_word(word: str) -> bool:
    """True when a single word is (part of) a title."""
    return bool(TITLE_RE.fullmatch(word))
