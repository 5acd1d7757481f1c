"""Arabic person spans that hold two names joined by "و" ("سليم الحداد وكريم بلوران"): split into two persons."""

from __future__ import annotations

import re

from ..lang import entries
from ..textnorm import fold_arabic
from .person_names import is_arabic_name_word

__all__ = ["split_coordinated_arabic_persons"]

_WAW_NAMES = {fold_arabic(w) for w in entries("ar", "waw_names.txt")}
_PARTICLES = {fold_arabic(w) for w in entries("ar", "name_particles.txt")}


def split_coordinated_arabic_persons(text: str, persons: list[tuple[int, int]]
                                     ) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """A person span of two names of two words or more joined by "و" ("سليم الحداد وكريم بلوران") is two
    persons: old span -> the names, "و" left out. A name word that opens with "و" ("وليد") does not split it."""
    out = {}
    for start, end in persons:
        words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
        pieces, first = [], 0
        for i in range(2, len(words) - 1):
            if i - first >= 2 and _is_and_name_word(text[words[i][0]:words[i][1]]) \
                    and fold_arabic(text[words[i - 1][0]:words[i - 1][1]]) not in _PARTICLES:
                pieces.append((words[first][0] + (1 if first else 0), words[i - 1][1]))
                first = i
        if pieces:
            out[(start, end)] = pieces + [(words[first][0] + 1, words[-1][1])]
    return out


def _is_and_name_word(word: str) -> bool:
    """"و" glued to a name word that opens another name ("وكريم"), not a name that starts with "و" ("وليد")."""
    key = fold_arabic(word)
    return (key.startswith("و") and len(key) > 3 and key not in _WAW_NAMES and key not in _PARTICLES
            and not key.startswith("وال") and is_arabic_name_word(word[1:]))
