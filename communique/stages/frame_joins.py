"""Joins told while a document is read: a sentence that goes on with the frame told just before it (those present
at a meeting, "the two sides", a signing at the meeting, a meeting at the signing) adds to that frame instead of
making one of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Entity, Mention
from .frames import Frame, shared_sides
from .parties import sentence_parties
from .triggers import Trigger, status_of

__all__ = ["attendees_join", "continues_last_frame", "met_at_the_signing", "signed_at_the_meeting"]


#: "X and Y attended the meeting", "Present at the talks were X and Y", "X et Y ont assisté à l'audience", "وحضر
#: اللقاء X وY": those present at a meeting or signing just told are its parties (SCHEMA.md), not the parties of a
#: conference of their own
_ATTENDED_TOLD = re.compile(r"\b(?:attended|present\s+at|assist\w*\s+à|présents?\s+(?:à|lors\s+de))\s+"
                            r"(?:the|this|that|l['’]|la|cette|cet)\s*(?:meeting|talks|audience|entretien|rencontre|"
                            r"réunion|séance\s+de\s+travail|signing|signature|cérémonie\s+de\s+signature)\b|"
                            r"(?<!\w)[وف]?(?:حضر|شارك\s+في)\s+(?:هذا\s+)?(?:اللقاء|الاجتماع|المباحثات|المحادثات|الجلسة|"
                            r"مراسم\s+(?:ال)?توقيع|حفل\s+(?:ال)?توقيع)(?!\w)", re.I)


_CONTINUES = re.compile(r"\b(?:the two sides|both sides|the two parties|les deux parties|les deux côtés)\b|"
                        r"الطرفان|الجانبان|خلال اللقاء|أثناء اللقاء|خلال الاتصال", re.I)


def continues_last_frame(frames: list[Frame], text: str, span: tuple[int, int],
                         actor_mentions: list[tuple[Mention, Entity]]) -> bool:
    """"Les deux parties ont...", "The two sides agreed", "وبحث الطرفان", "خلال اللقاء": the same event as the
    last frame, when the sentence names no one new; the sentence becomes its support."""
    s_start, s_end = span
    new_people = {e.id for m, e in actor_mentions if s_start <= m.start < s_end and e.kind == "person"}
    if not (frames and _CONTINUES.search(text[s_start:s_end]) and frames[-1].status == "occurred"
            and new_people <= set(frames[-1].parties)):
        return False
    if span not in frames[-1].evidence + frames[-1].support:
        frames[-1].support.append(span)
    return True


def attendees_join(frames: list[Frame], text: str, span: tuple[int, int], actor_mentions: list[tuple[Mention, Entity]],
                   ent_by_id: dict[str, Entity], triggers: Sequence[Trigger] = (), lang: str = "en") -> bool:
    """The persons of a sentence that says who attended the meeting told just before join it; where the sentence
    also tells a signing ("attended the meeting and the signing of the memorandum"), that signing is an agreement
    of the meeting's sides and those present."""
    if not frames or frames[-1].status != "occurred" or frames[-1].type not in ("meet", "call") or \
            not _ATTENDED_TOLD.search(text, span[0], span[1]):
        return False
    in_sent = [(m, e) for m, e in actor_mentions if span[0] <= m.start < span[1]]
    present = [e.id for _, e in sentence_parties(text, in_sent, ent_by_id) if e.kind == "person"]
    target = frames[-1]
    for pid in dict.fromkeys(present):
        if pid not in target.parties and pid not in target.present:
            target.present.append(pid)
            target.roles[pid] = (ent_by_id[pid].titles or [None])[0]
    if span not in target.evidence + target.support:
        target.support.append(span)
    signing = next((t for t in triggers if t.type == "agreement"
                    and status_of(text[span[0]:span[1]], t.start - span[0], lang) == "occurred"), None)
    if signing is not None:
        parties = list(dict.fromkeys(target.parties + target.present))
        frames.append(Frame("agreement", "occurred", parties, {p: target.roles.get(p) for p in parties}, [span], signing))
    return True


#: "the two ministers signed", "les deux pays ont signé", "وقع الجانبان", "At the close of the talks ... signed", "à
#: l'issue de laquelle a été signé", "وأسفر الاجتماع عن التوقيع": a signing told of the sides of the meeting just told
_SIGNED_BY_THE_SIDES = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|parties|ministers|leaders|countries|delegations|presidents|governments|men)\b|"
    r"\bthe\s+two\b|\b(?:at|on)\s+the\s+(?:close|end|conclusion|sidelines)\s+of\s+the\s+(?:talks|meeting|session)\b|"
    r"\b(?:during|after|following)\s+(?:the|their)\s+(?:talks|meeting)\b|"
    r"\bles\s+deux\s+(?:parties|pays|ministres|chefs|dirigeants|hommes|côtés|délégations|gouvernements|présidents)\b|"
    r"\bà\s+l['’]issue\s+(?:de\s+(?:la|l['’]|cette|leur|laquelle)|des|du|duquel)\b|"
    r"\b(?:lors|au\s+cours)\s+(?:de\s+(?:la|cette|l['’])|du|des)\s*(?:réunion|entretien|rencontre|audience|séance|entrevue)|"
    r"الجانبا?ن|الطرفا?ن|الوزيرا?ن|البلدا?ن|الجانبين|الطرفين|البلدين|الوزيرين|أسفر|في\s+ختام|خلال\s+(?:اللقاء|الاجتماع)|"
    r"عقب\s+(?:اللقاء|الاجتماع|المباحثات)", re.I)


#: a word of signing, not a name of the document ("an agreement linking the two countries" tells no signing)
_SIGNING = re.compile(r"sign|seal|inked|paraph|signature|وق[ّ]?ع|توقيع", re.I)


def signed_at_the_meeting(frames: list[Frame], text: str, span: tuple[int, int], triggers: list[Trigger], lang: str,
                          actor_mentions: list[tuple[Mention, Entity]], ent_by_id: dict[str, Entity]) -> bool:
    """'At the close of the talks, the two ministers signed four agreements': an agreement signed by the sides of
    the meeting told just before is an event of its own beside that meeting (SCHEMA.md), of the meeting's parties.
    Only for a sentence that names no one but those parties (and their states or bodies)."""
    signing = next((t for t in triggers if t.type == "agreement" and _SIGNING.search(t.text)
                    and status_of(text[span[0]:span[1]], t.start - span[0], lang) == "occurred"), None)
    meeting = next((f for f in reversed(frames) if f.status == "occurred" and f.type in ("meet", "visit", "agreement")), None)
    if signing is None or meeting is None or meeting.type == "agreement" or \
            not _SIGNED_BY_THE_SIDES.search(text, span[0], span[1]):
        return False
    sides = set(meeting.parties) | {ent_by_id[p].affiliation for p in meeting.parties}
    if any(e.id not in sides for m, e in actor_mentions if span[0] <= m.start < span[1]):
        return False
    persons = [p for p in meeting.parties if ent_by_id[p].kind == "person"]
    parties = persons if len(persons) >= 2 else list(meeting.parties)
    frames.append(Frame("agreement", "occurred", parties, {p: meeting.roles.get(p) for p in parties}, [span], signing))
    return True


#: the meeting named as what the sides did: "during the meeting", "lors de l'entretien", "أثناء اللقاء"
_DURING_THE_MEETING = re.compile(
    r"\b(?:during|at|in the course of)\s+(?:the|their|this)\s+(?:meeting|talks|audience)\b|"
    r"\b(?:lors|au\s+cours)\s+(?:de\s+(?:la|cette|l['’])|du|de\s+leur)\s*(?:réunion|entretien|rencontre|audience|entrevue)|"
    r"(?:خلال|أثناء|اثناء|في)\s+(?:اللقاء|الاجتماع|المقابلة)", re.I)


#: a source the sentence opens on ("According to the agency, ...", "Selon le communiqué, ...", "وبحسب وكالة ...، ")
_SOURCE_OPENING = re.compile(r"\W*(?:according\s+to|selon|d['’]après|و?(?:بحسب|حسب|وفقا\s+ل|نقلا\s+عن))[^,،.]{0,80}[,،]",
                             re.I)


def met_at_the_signing(frames: list[Frame], text: str, span: tuple[int, int], triggers: list[Trigger], lang: str,
                       actor_mentions: list[tuple[Mention, Entity]], ent_by_id: dict[str, Entity]) -> bool:
    """'X and Y signed a memorandum. During the meeting, the two sides discussed ...': the meeting named after a
    signing just told is an event of its own beside that agreement (SCHEMA.md), of the agreement's parties. Only
    for a sentence that names no one but those parties, when no meeting of theirs is told already."""
    meeting = next((t for t in triggers if t.type == "meet"
                    and status_of(text[span[0]:span[1]], t.start - span[0], lang) == "occurred"), None)
    signing = next((f for f in reversed(frames) if f.status == "occurred"), None)
    if meeting is None or signing is None or signing.type != "agreement" or \
            not _DURING_THE_MEETING.search(text, span[0], span[1]):
        return False
    sides = set(signing.parties) | {ent_by_id[p].affiliation for p in signing.parties}
    source = _SOURCE_OPENING.match(text, span[0], span[1])
    told_from = source.end() if source else span[0]
    if any(e.id not in sides for m, e in actor_mentions if told_from <= m.start < span[1]):
        return False
    if any(f.type in ("meet", "call") and shared_sides(f, signing, ent_by_id) >= 2 for f in frames):
        return False
    frames.append(Frame("meet", "occurred", list(signing.parties), dict(signing.roles), [span], meeting))
    return True
