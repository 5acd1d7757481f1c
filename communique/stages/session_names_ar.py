"""Arabic names of recurring meetings told by a numbered session: "الدورة الثالثة عشرة لاجتماع وزراء ...",
"الدورة الخامسة لمؤتمر فلان" -> the meeting's name after "لـ" (an organization, as the annotation names
the conference a participant attends), from a noun of a meeting (lang/ar/session_names.txt) to a mark or a
word that tells what is said of it ("المقررة في", "التي")."""

from __future__ import annotations

import re

from ..lang import rows
from ..textnorm import fold_arabic

__all__ = ["arabic_session_names"]

_ROWS = rows("ar", "session_names.txt")
_HEADS = [word for kind, word in _ROWS if kind == "head"]
_STOPS = {fold_arabic(word) for kind, word in _ROWS if kind == "stop"}
#: "الدورة" and its number (digits, "الـ 41", or ordinal words with the article: "الثالثة عشرة", "الحادية
#: والثلاثين"), then "لـ" glued to the meeting's head noun
_SESSION = re.compile(r"(?<!\w)[وبل]?(?:ال|لل)دورة[ \t]+(?:(?:الـ[ \t]*)?\d+|ال\S+(?:[ \t]+(?:و?ال\S+|عشرة?))?)[ \t]+"
                      r"(?P<name>ل(?:" + "|".join(_HEADS) + r")(?!\w))")
_WORD = re.compile(r"[ \t]+(?P<word>[^\s.،,؛;:()\[\]!?؟]+)")
_MAX_WORDS = 10


def arabic_session_names(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each meeting named after a numbered session, "لـ" left out; a name of two words
    at least."""
    out = []
    for m in _SESSION.finditer(text):
        start, end, words = m.start("name") + 1, m.end("name"), 1
        while words < _MAX_WORDS:
            w = _WORD.match(text, end)
            if w is None or fold_arabic(w.group("word")) in _STOPS:
                break
            end, words = w.end(), words + 1
        if words >= 2:
            out.append((start, end))
    return out
