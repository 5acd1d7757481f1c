"""Counterpart lists: a meeting with several counterparts and the list that names them -> one party each.

"met his Saudi, Omani and Iraqi counterparts", "avec les ministres de l'Égypte, de la Tunisie et du Mali":
each state of the list is a counterpart (`listed_states`). "X held talks with a number of foreign
ministers. ... The ministers were A of Sylvania, B of Freedonia and C": the sentences after the meeting
name them, one meeting with each (`counterparts_listed_after`).
"""

from __future__ import annotations

import re

from ..records import Entity, Mention
from .frames import Frame
from .parties import state_person
from .triggers import Trigger, find_triggers, status_of
from .venue import LOCATIVE

__all__ = ["listed_states", "counterparts_listed_after", "interlocutors_listed", "counterparts_of_an_unnamed_subject",
           "met_someone_unnamed"]

_LIST_GAP = re.compile(r"\s*(?:,|and|et|ainsi que)?\s*(?:(?:of|de|du|des|d'|d’)\s*)?(?:the\s+|la\s+|le\s+|l'|l’)?", re.I)
#: "held talks with a number of African foreign ministers", "a eu des entretiens avec plusieurs homologues":
#: counterparts in the plural, none named in the sentence
_PLURAL_NOUN = (r"\b(?:counterparts|ministers|officials|leaders|delegations|dignitaries|homologues|ministres|"
                r"responsables|dirigeants|délégations)\b")
_UNNAMED_PLURAL = re.compile(
    r"[^.;:]{0,40}?\b(?:with\s+(?=[^.;:]{0,80}?\b(?:a\s+number\s+of|several|various|many|a\s+series\s+of)\b)|"
    r"avec\s+(?:des|plusieurs|de\s+nombreux|nombre\s+d[e'’])\s)(?=[^.;:]{0,80}?" + _PLURAL_NOUN + ")", re.I)
#: "Among his interlocutors were A, B and C", "Parmi ses interlocuteurs figuraient A, B ainsi que C"
_THEIR_INTERLOCUTORS = re.compile(r"\b(?:his|her|their|ses|leurs)\s+(?:\w+\s+)?(?:interlocutors|hosts|interlocuteurs|"
                                  r"hôtes)\b", re.I)
_LIST_REACH = 2        # sentences after the meeting where its counterparts may be listed


def listed_states(text: str, after: list[tuple[Mention, Entity]], parties: list[str],
                  ent_by_id: dict[str, Entity], offices: frozenset[str] = frozenset()) -> list[str]:
    """The states of the first list (two or more, nothing but commas, 'and', 'of' between them) after a
    meeting or call, one of them a party by the party rules and none a place ('talks in A and B'): each
    is one counterpart, the one person of that state the story names if it names one (of several, the one
    who holds one of `offices`, those of the one who met them)."""
    run: list[tuple[Mention, Entity]] = []
    for m, e in after:      # a state's mention stands for its counterpart already found ("his Xlandian counterpart")
        if run and (m.kind != "state" or not _LIST_GAP.fullmatch(text, run[-1][0].end, m.start)):
            if len(run) >= 2:
                break
            run = []
        if m.kind == "state":
            run.append((m, e))
    if not any(e.id in parties for _, e in run) or any(LOCATIVE.search(text, max(0, m.start - 25), m.start)
                                                       for m, _ in run):
        return []
    ids = list(dict.fromkeys((e if e.kind != "state" else state_person(text, e, ent_by_id, offices) or e).id
                             for _, e in run))
    return ids if len(ids) >= 2 else []


def interlocutors_listed(text: str, sents: list[tuple[int, int]], actors: list[tuple[Mention, Entity]],
                         lang: str) -> list[Frame]:
    """'Parmi ses interlocuteurs figuraient A, B ainsi que C': one meeting of each with the person the
    story last named (the first person of the nearest sentence before that names one)."""
    frames: list[Frame] = []
    previous: Entity | None = None
    for s, e in sents:
        persons = list(dict.fromkeys(ent.id for m, ent in actors if s <= m.start < e and ent.kind == "person"))
        cue = _THEIR_INTERLOCUTORS.search(text, s, e)
        if cue and previous is not None and not find_triggers(text[s:e], lang, s):
            named = [p for p in persons if p != previous.id]
            trig = Trigger(cue.start(), cue.end(), cue.group(0), "meet", True)
            if len(named) >= 2:
                frames += [Frame("meet", "occurred", [previous.id, pid], {previous.id: None, pid: None}, [(s, e)], trig)
                           for pid in named]
        if persons:
            previous = next(ent for m, ent in actors if s <= m.start < e and ent.kind == "person")
    return frames


def counterparts_listed_after(text: str, sents: list[tuple[int, int]], actors: list[tuple[Mention, Entity]],
                              ent_by_id: dict[str, Entity], lang: str) -> list[Frame]:
    """A meeting or call 'with several counterparts' by the person named before its trigger, and the first
    of the next two sentences that names two persons or more without a trigger of its own: one frame
    each (evidence: both sentences)."""
    frames: list[Frame] = []
    for i, (s, e) in enumerate(sents):
        for trig in find_triggers(text[s:e], lang, s):
            subject = next((ent for m, ent in actors if s <= m.start and m.end <= trig.start and ent.kind == "person"),
                           None)
            if trig.type not in ("meet", "call") or subject is None or not _UNNAMED_PLURAL.match(text, trig.start, e):
                continue
            for t0, t1 in sents[i + 1: i + 1 + _LIST_REACH]:
                if find_triggers(text[t0:t1], lang, t0):
                    continue        # a sentence with its own event
                named = list(dict.fromkeys(ent.id for m, ent in actors if t0 <= m.start < t1 and ent.kind == "person"
                                           and ent.id != subject.id))
                if len(named) >= 2:
                    status = status_of(text[s:e], trig.start - s, lang)
                    frames += [Frame(trig.type, status, [subject.id, pid], {subject.id: None, pid: None},
                                     [(s, e), (t0, t1)], trig) for pid in named]
                    break
            break
    return frames


#: the counterparts of an unnamed subject right after the trigger: "(Minister) meets with his A and B counterparts"
_THEIR_HOST_UNNAMED = re.compile(r"\s+(?:with\s+)?(?:his|her|its|their|ses|son|sa|leurs?)\s", re.I)


def counterparts_of_an_unnamed_subject(text: str, trig_end: int, s_end: int, ids_after: list[str],
                                       ent_by_id: dict[str, Entity]) -> bool:
    """'Foreign Minister meets with his Xlandian and Ylandian counterparts' (a trigger whose subject the sentence
    does not name): the persons after it are the counterparts of that subject, they did not meet each other."""
    return sum(ent_by_id[x].kind == "person" for x in ids_after) >= 2 and bool(_THEIR_HOST_UNNAMED.match(text, trig_end, s_end))


#: the trigger's own "with", or one right after it: "held talks with", "met with", "s'est entretenu avec", "اجتمع مع"
_WITH_AFTER = re.compile(r"\s*(?:with|avec|مع)\s", re.I)
_ENDS_WITH = re.compile(r"(?:with|avec|مع)$", re.I)


def met_someone_unnamed(text: str, trig: Trigger) -> bool:
    """'A and B held talks with the crew': a trigger whose 'with' names its other side, though no actor follows it."""
    return bool(_ENDS_WITH.search(trig.text) or _WITH_AFTER.match(text, trig.end))
