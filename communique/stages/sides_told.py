"""Sides of a trigger that its own phrase tells: an agreement noun that names its parties, an approved agreement, an
Arabic meeting noun with a possessive clitic, a counterpart named with their state (issue 10, events told in passing).

"the pact concluded between A and B", "un accord conclu avec A", "الاتفاقية المبرمة بين A وB": the noun phrase names
the agreement's parties, and the subject of its clause ("X praised the pact ...") is none of them; "parliament
ratified an agreement with X", "صادق البرلمان على اتفاقية": who approves a text does not sign it; "وقال X، لدى لقائه Y":
the meeting is X's, the nearest person named before the noun.
"""

from __future__ import annotations

import re

from ..lang import LANGUAGES, entries
from ..records import Entity, Mention
from .triggers import Trigger

__all__ = ["sides_told_by_the_phrase", "counterparts"]

#: an agreement trigger that ends with its 'between' or 'with' (lang/<code>/triggers.tsv), or with the "إليه" of "الاتفاق
#: الذي توصلت إليه A وB" (the agreement that A and B reached: its makers follow)
_ENDS_BETWEEN = re.compile(r"(?:\b(?:between|entre|with|avec)|(?<!\S)(?:بين|مع|إليه|إليها))$", re.I)
#: a verb of approving a text a few words before an agreement trigger (lang/<code>/approvals.txt)
_APPROVED = {code: re.compile(r"(?<![\w-])(?:" + "|".join(entries(code, "approvals.txt")) + r")(?:\s+\S+){0,4}\s+$", re.I)
             for code in LANGUAGES}
_APPROVAL_REACH = 60
#: an Arabic meeting noun with a possessive clitic: "لدى لقائه X" (at his meeting X), "أثناء اجتماعها بـX", "بعد لقاء
#: جمعه بـX" (after a meeting that brought him together with X)
_POSSESSIVE_MEETING = re.compile(r"(?:لقائ|استقبال|اجتماع)(?:ه|ها|هما)$|جمعت?(?:ه|ها)$")
#: "بعد لقاء جمع A بـB", "المحادثات التي جمعت A بـB": the meeting brought together the two it names after it
_BROUGHT_TOGETHER = re.compile(r"(?<!\S)جمعت?$")


def sides_told_by_the_phrase(text: str, trig: Trigger, lang: str, clause: int, parties: list[tuple[Mention, Entity]],
                             s_start: int, last_subject: str | None,
                             ids_after: list[str]) -> tuple[list[str], list[str]] | None:
    """(before, after) of a trigger whose phrase tells its sides (see the module docstring); None for the others."""
    if trig.type == "agreement" and (_ENDS_BETWEEN.search(trig.text) or _APPROVED.get(lang, _APPROVED["en"]).search(
            text, max(clause, trig.start - _APPROVAL_REACH), trig.start)):
        return [], _before_arabic_comma(text, trig, parties, ids_after) if lang == "ar" else ids_after
    if lang == "ar" and _BROUGHT_TOGETHER.search(trig.text):
        return [], ids_after
    if lang == "ar" and _POSSESSIVE_MEETING.search(trig.text):
        owner = _meeting_owner(parties, s_start, trig) or ([last_subject] if last_subject else [])
        return owner, ids_after if owner else []
    return None


def _before_arabic_comma(text: str, trig: Trigger, parties: list[tuple[Mention, Entity]], ids: list[str]) -> list[str]:
    """The parties an Arabic agreement phrase names ("الاتفاق ... بين A وB، على ..."): joined by "و", they end at
    the first comma; who is named after it belongs to the rest of the sentence."""
    comma = text.find("،", trig.end)
    if comma < 0:
        return ids
    named = {e.id for m, e in parties if trig.end <= m.start < comma}
    return [x for x in ids if x in named] if len(named) >= 2 else ids


def _meeting_owner(parties: list[tuple[Mention, Entity]], s_start: int, trig: Trigger) -> list[str]:
    """Whose meeting an Arabic noun with a possessive clitic tells ("وقال X، لدى لقائه Y", "وصل X ... واجتماعه بـY"):
    the nearest person named before it in the sentence."""
    owners = [e.id for m, e in parties if s_start <= m.start and m.end <= trig.start and e.kind == "person"]
    return owners[-1:]


def counterparts(side: list[tuple[Mention, Entity]], text: str) -> set[str]:
    """The actors of a trigger's side less the state or body of a person named with it: "with the Sylvanian envoy X",
    "with X of Sylvania" name one counterpart, X (by the person's affiliation or a state word right before the name)."""
    own = {e.affiliation for _, e in side if e.kind == "person"}
    own |= {e.id for (m, e), (m2, e2) in zip(side, side[1:]) if e.kind != "person" and e2.kind == "person"
            and not text[m.end:m2.start].strip(" ,")}
    return {e.id for _, e in side if e.id not in own}
