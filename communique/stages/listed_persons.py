"""Persons of a list of "Name of State" items that NER missed (English).

"The ministers included Karim Oulad of Ruritania, Jean Dupuis of Sylvania and Ilse Vance of Freedonia": where two
or more items of such a list are persons already found, an item of the same shape that NER left untagged (or tagged
as an organization or a place) is a person too.
"""

from __future__ import annotations

import re

from .mention_spans import Spans, add_span

__all__ = ["persons_listed_with_their_states"]

#: one item: two to four capitalized name words, then "of <Capitalized>"
_ITEM = re.compile(r"(?<![\w'’-])((?-i:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*)(?:[ \t]+(?-i:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*)){1,3})"
                   r"[ \t]+of[ \t]+(?:the[ \t]+)?(?-i:[A-Z])[\w'’-]+(?:[ \t]+(?-i:[A-Z])[\w'’-]+)*")
#: what stands between two items of one list
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)")
_MIN_KNOWN = 2


def persons_listed_with_their_states(text: str, spans: Spans) -> None:
    """Add the person spans of the untagged items of each list of 'Name of State' items (see the module)."""
    for run in _runs(text):
        known = sum(_is_person(spans, m.start(1), m.end(1)) for m in run)
        if known < _MIN_KNOWN or known == len(run):
            continue
        for m in run:
            if not any(s < m.end(1) and m.start(1) < e for s, e in spans):
                add_span(text, spans, m.start(1), m.end(1), "person")


def _runs(text: str) -> list[list[re.Match[str]]]:
    """The items of each list: consecutive matches joined by a separator only."""
    runs: list[list[re.Match[str]]] = []
    for m in _ITEM.finditer(text):
        if runs and _SEPARATOR.fullmatch(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= 3]


def _is_person(spans: Spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e and info["kind"] == "person" for (s, e), info in spans.items())
