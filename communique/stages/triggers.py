"""Event triggers and status cues (lang/<code>/triggers.tsv, status.tsv) -> Trigger records and a status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LANGUAGES, rows

__all__ = ["TRIGGERS", "find_triggers", "status_of", "Trigger"]


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    nominal: bool        # "meeting with", "réunion avec": a noun needs a 'with'/'avec' to count


def _rx(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


def _trigger_groups(code: str) -> list[tuple[str, re.Pattern[str], bool]]:
    """lang/<code>/triggers.tsv -> (type, pattern, nominal) groups: consecutive rows of one type and nominal."""
    groups: list[tuple[str, bool, list[str]]] = []
    for etype, nominal, pattern in rows(code, "triggers.tsv"):
        key = (etype, nominal == "yes")
        if not groups or groups[-1][:2] != key:
            groups.append((*key, []))
        groups[-1][2].append(pattern)
    return [(etype, _rx(words), nominal) for etype, nominal, words in groups]


def _status_cues(code: str, status: str) -> re.Pattern[str]:
    """The cues of one status in lang/<code>/status.tsv as one pattern; 'word' rows match whole words."""
    runs: list[tuple[str, list[str]]] = []
    for row_status, match, pattern in rows(code, "status.tsv"):
        if row_status != status:
            continue
        if not runs or runs[-1][0] != match:
            runs.append((match, []))
        runs[-1][1].append(pattern)
    return re.compile("|".join((r"\b(?:%s)\b" if match == "word" else "(?:%s)") % "|".join(alts)
                               for match, alts in runs), re.I)


TRIGGERS: dict[str, list[tuple[str, re.Pattern[str], bool]]] = {code: _trigger_groups(code) for code in LANGUAGES}
_PLANNED = {code: _status_cues(code, "planned") for code in LANGUAGES}
_NEGATED = {code: _status_cues(code, "negated") for code in LANGUAGES}


def find_triggers(sentence: str, lang: str, offset: int = 0) -> list[Trigger]:
    """Triggers in one sentence, leftmost first; overlapping patterns keep the first listed type."""
    out: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for etype, pattern, nominal in TRIGGERS.get(lang, TRIGGERS["en"]):
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Trigger(offset + m.start(), offset + m.end(), m.group(0), etype, nominal))
    out.sort(key=lambda t: t.start)
    return out


def status_of(sentence: str, trigger_pos: int, lang: str) -> str:
    """'planned' or 'negated' from cues in the clause of the trigger, else 'occurred'."""
    window = sentence[max(0, trigger_pos - 60): trigger_pos + 40]
    if _NEGATED.get(lang, _NEGATED["en"]).search(window):
        return "negated"
    if _PLANNED.get(lang, _PLANNED["en"]).search(sentence[max(0, trigger_pos - 50): trigger_pos + 25]):
        return "planned"
    return "occurred"
