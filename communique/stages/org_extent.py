"""Where an English organization name from NER ends, and which capitalized phrases are none: an organ named with its body
("the Executive Council of the Harbour Union") is one organization; a headline's purpose after "to" ("Talks to Deepen
Bilateral Cooperation") is no organization."""

from __future__ import annotations

import re
from typing import Any

from ..lang import entries
from .spans import clean_span
from .titles import ORG_HEADS

__all__ = ["a_purpose", "organ_of_the_body"]

_ORG_LABELS = {"ORG"}
_PLACE_LABELS = {"LOC", "GPE", "FAC"}

#: "... Counterparts to Deepen Bilateral Cooperation": a headline's purpose, not a body (lang/en/purpose_verbs.txt)
_PURPOSE_VERBS = set(entries("en", "purpose_verbs.txt"))


def a_purpose(text: str, start: int, form: str, lang: str) -> bool:
    """A capitalized phrase opened by a verb of purpose right after 'to' (English)."""
    return lang == "en" and form.split()[0].lower() in _PURPOSE_VERBS and text[max(0, start - 3):start].lower() == "to "


_OF_THE = re.compile(r"[ \t]+of[ \t]+the[ \t]+")


def organ_of_the_body(text: str, sdoc: Any, start: int, end: int) -> int:
    """The end of "the Executive Council of the Harbour Union": an organ (a name ending in a body's head noun) named
    with the body it belongs to is one organization; else `end`."""
    joint = _OF_THE.match(text, end)
    if joint is None or text[start:end].split()[-1].lower() not in ORG_HEADS:
        return end
    body = next((e for e in sdoc.ents if end < e.start_char <= joint.end() and e.label_ in _ORG_LABELS | _PLACE_LABELS
                 and (e.label_ in _ORG_LABELS or e.text.split()[-1].lower() in ORG_HEADS)), None)
    return clean_span(text, body.start_char, body.end_char)[1] if body is not None else end
