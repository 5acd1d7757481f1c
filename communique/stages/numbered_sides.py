"""Sides told by a numbered group of persons (issue 10, events told in passing): "the two leaders had met in Vells",
"Lors de leur rencontre à Lys, les deux hommes avaient ...", "les trois dirigeants avaient tenu une réunion".

A full-length article names its persons in one paragraph and tells a past meeting of theirs in a later one by their
number only. The group is the persons named before the sentence, within a few paragraphs' reach, the ones the
story talks about most first (a person named once in passing, "the last tsar, X", is not one of the group).
"""

from __future__ import annotations

import re

from ..records import Entity, Mention

__all__ = ["group_in_clause", "numbered_group", "numbered_group_phrase"]

_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2, "deux": 2, "trois": 3, "quatre": 4}
_PERSONS = {
    "en": re.compile(r"\b(?:the\s+(two|three|four)|(both))\s+(?:men|women|leaders|ministers|foreign\s+ministers|"
                     r"presidents|prime\s+ministers|heads\s+of\s+(?:state|government)|statesmen|envoys|diplomats)\b", re.I),
    "fr": re.compile(r"\b(?:les\s+(deux|trois|quatre)|tous\s+(deux))\s+(?:hommes|femmes|dirigeants|ministres|présidents|"
                     r"chefs\s+d['’]État|chefs\s+de\s+(?:la\s+diplomatie|gouvernement)|diplomates|émissaires)\b", re.I),
}
#: "the two countries signed a road map", "les deux pays ont signé": the states the story names most
_STATES = {
    "en": re.compile(r"\b(?:the\s+(two|three)|(both))\s+(?:countries|nations|states|governments)\b", re.I),
    "fr": re.compile(r"\b(?:les\s+(deux|trois)|tous\s+(deux))\s+(?:pays|États|nations|gouvernements)\b", re.I),
}
#: how far before the sentence the group's members are looked for (a few paragraphs of an article)
_REACH = 1500
#: how far from the trigger the group may be named in its sentence
_NEAR = 120


def numbered_group_phrase(text: str, start: int, end: int, lang: str) -> re.Match[str] | None:
    """The first numbered group of persons ("the two leaders", "les trois dirigeants") in text[start:end]: the sides
    of a meeting noun it goes with ("the two leaders held a meeting"; not states: "the two countries' talks")."""
    pattern = _PERSONS.get(lang)
    return pattern.search(text, start, end) if pattern else None


#: what parts a group from a trigger: a colon or semicolon, or a relative clause of its own ("the talks took place at
#: the forum, in which both ministers were taking part": the group takes part in the forum, it is not the talks' sides)
_CLAUSE_BETWEEN = re.compile(r"[;:]|,\s+(?:in\s+which|at\s+which|during\s+which|where|which|who|où|dont|qui|"
                             r"(?:au|lors\s+d)(?:quel|quelle|quels|quelles)|à\s+laquelle|lors\s+de\s+laquelle)\b", re.I)


def group_in_clause(text: str, start: int, end: int, phrase: re.Match[str] | None) -> bool:
    """A numbered group of persons in the clause of the trigger text[start:end]: no colon, semicolon or relative
    clause between them."""
    if phrase is None:
        return False
    return not _CLAUSE_BETWEEN.search(text[min(end, phrase.end()): max(start, phrase.start())])


def numbered_group(text: str, span: tuple[int, int], trigger_start: int, lang: str,
                   actor_mentions: list[tuple[Mention, Entity]]) -> list[str]:
    """The persons (or states) a numbered group near the trigger stands for, when the sentence names no person (nor,
    for states, any actor): the trigger's sides are then the group's; [] when there is no such group or not enough
    members told before."""
    s_start, s_end = span
    start, end = max(s_start, trigger_start - _NEAR), min(s_end, trigger_start + _NEAR)
    in_sentence = {e.kind for m, e in actor_mentions if s_start <= m.start < s_end}
    for table, kind, blocked in ((_PERSONS, "person", {"person"}), (_STATES, "state", {"person", "state", "organization"})):
        phrase = table[lang].search(text, start, end) if lang in table else None
        if phrase is not None and not in_sentence & blocked and \
                group_in_clause(text, trigger_start, trigger_start, phrase):
            size = _NUMBERS[(phrase.group(1) or phrase.group(2)).lower()]
            return _most_told([(m, e) for m, e in actor_mentions if e.kind == kind and m.start < s_start], s_start, size)
    return []


def _most_told(told: list[tuple[Mention, Entity]], s_start: int, size: int) -> list[str]:
    """The `size` actors named within reach before s_start that the story names most (the latest first on a tie)."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for m, e in told:
        counts[e.id] = counts.get(e.id, 0) + 1
        last[e.id] = m.start
    near = [pid for pid, pos in last.items() if pos >= s_start - _REACH]
    if len(near) < size:
        return []
    return sorted(near, key=lambda pid: (-counts[pid], -last[pid]))[:size]
