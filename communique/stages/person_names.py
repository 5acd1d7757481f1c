"""Person names: a name's start in a text -> its full extent; name words used alone -> more person mentions."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..lang import entries_all
from ..records import Mention
from ..textnorm import fold, is_arabic
from .gazetteer import Gazetteer
from .spans import overlaps
from .titles import HONORIFIC_RE, ORG_HEADS, TITLE_RE

__all__ = ["extend_name", "name_words_alone", "persons_by_surname", "is_name_token"]

Spans = dict[tuple[int, int], dict[str, Any]]

NAME_PARTICLES = set(entries_all("name_particles.txt"))
NOT_NAMES = set(entries_all("not_names.txt"))
_CAP_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
_NAME_WORD = re.compile(r"[^\s,;:()\[\]«»\"“”]+")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|as|ash|at|an|ar|az)[-‐]", re.I)


def is_name_token(word: str) -> bool:
    """A capitalized word that is not a title, an honorific, an organization head or a common word."""
    return (bool(_CAP_WORD.match(word)) and not TITLE_RE.fullmatch(word) and not HONORIFIC_RE.fullmatch(word)
            and word.lower() not in ORG_HEADS and word.lower() not in NOT_NAMES)


def extend_name(text: str, end: int, spans: Spans, *, first: bool = False) -> int:
    """Extend a person name over the following capitalized words and name particles on the same line
    ("Gen Qamar" -> "Gen Qamar Javed Bajwa"), not into a mention of `spans`; with first=True the name
    starts at `end` (and an Arabic word is taken as its first word)."""
    pos = end
    out = end
    count = 0
    while count < 7:
        gap = re.match(r"[ \t]*", text[pos:]).group(0)
        if not first and not gap:
            break
        m = _NAME_WORD.match(text, pos + len(gap))
        if not m:
            break
        word = m.group(0).rstrip(".'’")
        w_start, w_end = m.start(), m.start() + len(word)
        if not word or any(overlaps(k, (w_start, w_end)) for k in spans):
            break
        core = _ARTICLE_PREFIX.sub("", word)
        if word.lower() in NAME_PARTICLES:
            pos = w_end
            count += 1
            first = False
            continue
        if (core and is_name_token(core) and is_name_token(word[0].upper() + word[1:])) or (is_arabic(word) and first):
            pos = w_end
            out = w_end
            count += 1
            first = False
            if m.group(0) != word:      # "Al-Moghidi." ends the name
                break
            continue
        break
    return out


def name_words_alone(text: str, spans: Spans) -> None:
    """Add person mentions (to `spans`) for a known person's name words used alone: the capitalized
    words of 4+ letters of a name of two or more, or an Arabic name's last word."""
    words: set[str] = set()
    for (s, e), info in spans.items():
        if info["kind"] == "person":
            form = text[s:e]
            if is_arabic(form):
                parts = form.split()
                if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1] not in NAME_PARTICLES:
                    words.add(parts[-1])      # the family name: "حموشي" after "عبد اللطيف حموشي"
                continue
            parts = [w for w in re.split(r"\s+", form) if len(w) >= 4 and w[0].isupper()]
            if len(parts) >= 2:
                words.update(parts)
    words -= {w for w in words if w.lower() in NOT_NAMES or TITLE_RE.fullmatch(w)}
    if not words:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) +
                         r")(?![\w-])")
    for m in pattern.finditer(text):
        span = (m.start(), m.end())
        if not any(overlaps(k, span) for k in spans):
            spans[span] = {"kind": "person"}


def persons_by_surname(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A place or organization mention that is a word of a person's name ('Bourita') is that person."""
    name_words = {fold(w) for m in mentions if m.kind == "person" and not m.descriptive
                  for w in m.form.split() if len(w) > 2}
    out = []
    for m in mentions:
        if m.kind in {"place", "organization"} and m.kb_id is None and fold(m.form) in name_words \
                and gazetteer.lookup(m.form) == [] and not m.acronym:
            m = replace(m, kind="person")
        out.append(m)
    return out
