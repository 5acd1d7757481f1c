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
from .frames import Frame
from .triggers import Trigger, status_of

__all__ = ["sides_told_by_the_phrase", "counterparts", "the_two_of_the_last_meeting", "meeting_recalled_in_a_call",
           "the_two_sides_told_before"]

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


#: "in which both ministers were taking part", "the two leaders attended", "les deux ministres ont pris part": the
#: subject is the pair of persons of the meeting just told
_THE_TWO = re.compile(r"\b(?:the\s+two|both(?:\s+the)?)\s+(?:ministers|leaders|presidents|heads\s+of\s+state|officials|"
                      r"envoys|diplomats|delegations|men|women|sides)\b|\bles\s+deux\s+(?:ministres|dirigeants|chefs|"
                      r"présidents|hommes|responsables|délégations|parties)\b", re.I)


def the_two_of_the_last_meeting(text: str, clause: int, trig: Trigger, frames: list[Frame],
                                ent_by_id: dict[str, Entity]) -> list[str]:
    """The persons of the last meeting or call told, when 'the two ministers' or 'both leaders' is the subject
    of an attendance ("The talks took place at the forum, in which both ministers were taking part"); [] else."""
    if trig.type != "conference" or not _THE_TWO.search(text, clause, trig.start):
        return []
    last = next((f for f in reversed(frames) if f.status == "occurred" and f.type in ("meet", "call")), None)
    persons = [p for p in last.parties if ent_by_id[p].kind == "person"] if last else []
    return persons if len(persons) == 2 else []


#: "The two sides looked back on their recent bilateral meeting", "recalled their meeting in Vells": a meeting of the two
#: told during a phone call is an earlier event of theirs
_THEIR_MEETING = re.compile(r"\btheir\s+(?:(?:recent|last|previous|earlier|latest)\s+)?(?:(?:bilateral|face-to-face|"
                            r"in-person)\s+)?(?:meeting|talks)\b|\bleur\s+(?:(?:récente|dernière|précédente)\s+)?"
                            r"(?:rencontre|entrevue|réunion)\b", re.I)


def meeting_recalled_in_a_call(frames: list[Frame], text: str, span: tuple[int, int], triggers: list[Trigger],
                               lang: str) -> bool:
    """A meeting of the two persons of the phone call just told that a sentence recalls as theirs ("The two sides
    looked back on their recent bilateral meeting held in Vells"): an earlier meeting of its own, added to `frames`."""
    call = frames[-1] if frames else None
    if call is None or call.type != "call" or call.status != "occurred" or len(call.parties) != 2:
        return False
    told = _THEIR_MEETING.search(text, span[0], span[1])
    meeting = next((t for t in triggers if t.type == "meet" and told and told.start() <= t.start < told.end()), None)
    if meeting is None or status_of(text[span[0]:span[1]], meeting.start - span[0], lang) != "occurred":
        return False
    frames.append(Frame("meet", "occurred", list(call.parties), dict(call.roles), [span], meeting, recalled=True))
    return True


#: "a call took place last night between the two sides", "مكالمة جرت مساء أمس بين الطرفين": the trigger's sides are
#: the two sides the story told before, not the actors named before it in its sentence
_BETWEEN_THE_TWO = re.compile(r"\s+(?:[^\s,.;:،؛]+\s+){0,4}?(?:between\s+(?:the\s+two\s+(?:sides|parties|ministers|leaders)|both\s+sides)|"
                              r"entre\s+les\s+deux\s+(?:parties|côtés|ministres|hommes)|"
                              r"بين\s+(?:الطرفين|الجانبين|الوزيرين|الرئيسين|المسؤولين))(?![\w\u0621-\u064a])", re.I)


def the_two_sides_told_before(text: str, trig: Trigger, frames: list[Frame],
                              ent_by_id: dict[str, Entity]) -> tuple[list[str], list[str]] | None:
    """(before, after) of a trigger whose sides are "the two sides" right after it: the persons of the last frame told
    with two persons or more (a meeting or a call of the two sides; a visit's host state speaks through its persons),
    else the parties of the last frame told; None for any other trigger or where no frame was told."""
    if not _BETWEEN_THE_TWO.match(text, trig.end):
        return None
    for f in reversed(frames):
        persons = [p for p in f.parties if ent_by_id[p].kind == "person"]
        if len(persons) >= 2:
            return persons[:1], persons[1:]
    last = next((f for f in reversed(frames) if len(f.parties) >= 2), None)
    return (last.parties[:1], last.parties[1:]) if last else None
