"""Frame merging: the frames of one document -> one frame per event (the rule path).

The same event told several times in one document is one event: the headline and the body, a lead of
states and a paragraph of persons, those present at a meeting told just before. Planned and negated
frames are never merged into what happened; a visit to a state and the meetings held during it stay apart.
"""

from __future__ import annotations

import re
from datetime import date

from ..records import Document, Entity
from ..textnorm import is_arabic
from .frames import Frame

__all__ = ["FAMILY", "without_attendance", "merge_frames", "absorb_state_frames", "without_headline_echoes",
           "one_signing_of_many", "with_companions", "visits_called_off", "tour_stops_ahead",
           "headlines_of_plans"]

#: kinds of event that may tell the same event (a visit and the meeting that makes it)
FAMILY = {"meet": "meet", "visit": "meet", "call": "call", "agreement": "agreement", "conference": "conference"}


def without_attendance(frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """The frames of one sentence less the attendance of the event it tells: "X held talks with Y and took part in
    a ceremony", "حضر X ونظيره Y مراسم توقيع", "Signing for the kingdom was X, while Y represented Z": a
    conference frame convened by no organization whose persons are all parties of a meeting or signing of the
    same sentence (and status) is that event's, not a conference of its own; and a meeting with an organization
    whose conference the same parties attend in the sentence is that conference."""
    told = [f for f in frames if f.type != "conference"]

    def persons(f: Frame) -> set[str]:
        return {p for p in f.parties if ent_by_id[p].kind == "person"}

    def with_body(f: Frame) -> bool:
        return any(ent_by_id[p].kind == "organization" for p in f.parties)

    convened = [f for f in frames if f.type == "conference" and with_body(f)]
    return [f for f in frames if not (
        f.type == "conference" and persons(f) and not with_body(f)
        and any(g.status == f.status and persons(f) <= persons(g) for g in told)) and not (
        # "محادثات ... على هامش مشاركته في المؤتمر الوزاري للمنظمة": meeting the body whose meeting one attends
        f.type == "meet" and with_body(f) and len(persons(f)) <= 1 and any(c.status == f.status and set(f.parties) <= set(c.parties)
                                                  for c in convened))]


def absorb_state_frames(frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'Saudi Arabia and Kuwait signed two memoranda' and 'Saudi Minister X and his Kuwaiti counterpart Y signed':
    an agreement or visit of states alone whose states all stand in the sentences of a frame of persons of the
    same kind of event is that frame told by its states (the persons' affiliations may be unknown)."""
    out = list(frames)
    for f in frames:
        if f.status != "occurred" or f.type not in ("agreement", "visit") or \
                any(ent_by_id[p].kind != "state" for p in f.parties):
            continue        # states that meet ("A's chiefs held a meeting with a B team") may be a meeting apart
        for g in out:
            if g is f or g.status != "occurred" or FAMILY[g.type] != FAMILY[f.type] or \
                    sum(ent_by_id[p].kind == "person" for p in g.parties) < 2:
                continue
            spans = g.evidence + g.support
            if all(any(a <= m.start < b for m in ent_by_id[p].mentions for a, b in spans) for p in f.parties):
                g.support.extend(e for e in f.evidence if e not in g.evidence + g.support)
                out.remove(f)
                break
    return out


def without_headline_echoes(doc: Document, frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'Maldives FM meets Saudi counterpart': a headline frame of states and bodies that no body frame took
    in is the headline's shorthand for an event of its kind that the story tells with a person."""
    title = doc.title_span
    if title is None:
        return frames

    def family(f: Frame) -> str:
        return "meet" if f.type == "call" else FAMILY[f.type]

    def persons(f: Frame) -> set[str]:
        return {p for p in f.parties if ent_by_id[p].kind == "person"}

    body = [f for f in frames if f.status == "occurred" and f.evidence[0][0] >= title[1] and persons(f)]

    def echo(f: Frame) -> bool:
        if f.status != "occurred" or not all(title[0] <= a < title[1] for a, _ in f.evidence):
            return False
        told = [g for g in body if family(g) == family(f)]
        # "FM receives his Yemeni counterpart": its persons named again in the body, its others their states or bodies,
        # or bodies the body's sentences of that event name ("X meets the UNDP chief": "X met Y, head of the UNDP")
        # (not a visit: a visit to a state is an event beside the meetings held there)
        return any(not persons(f) or (f.type != "visit" and persons(f) <= set(g.parties) and
                                      _cover(set(f.parties), ent_by_id) <= _cover(set(g.parties), ent_by_id)
                                      | set(g.parties) | _named_in(g, f.parties, ent_by_id))
                   for g in told)

    return [f for f in frames if not echo(f)]


#: those who came with the counterpart or sat in: "also present were", "accompanied by", "en présence de", "étaient
#: également présents", "وكان برفقته", "بحضور"
_COMPANIONS = re.compile(r"\b(?:also\s+present\s+(?:were|was)|(?:was|were)\s+also\s+present|accompanied\s+by|"
                         r"in\s+the\s+presence\s+of|accompagnée?s?\s+(?:de|par)|en\s+(?:la\s+)?présence\s+de|"
                         r"(?:étai(?:en)?t)\s+(?:également|aussi)\s+présent(?:e|s|es)?)\b|"
                         r"(?<!\w)(?:و?(?:كان|كانت)\s+)?(?:برفقته|برفقتها|يرافقه|ترافقه|بحضور|ومعه|ومعها)(?!\w)", re.I)


def with_companions(text: str, frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'X hosted envoy A; also present were B and C': the frames one trigger made for counterparts named after
    a word of company are one meeting, those named after it its parties (SCHEMA.md: delegation members
    present at a meeting are parties of that meeting), not meetings one by one."""
    out: list[Frame] = []
    for f in frames:
        first = next((g for g in out if g.trigger == f.trigger and g.evidence[0] == f.evidence[0]
                      and g.type == f.type and g.status == f.status), None)
        new = [p for p in f.parties if first is not None and p not in first.parties]
        if first is None or not new or not _named_after_company(text, first, new, ent_by_id):
            out.append(f)
            continue
        for p in new:
            first.parties.append(p)
            first.roles[p] = f.roles.get(p)
    return out


def _named_after_company(text: str, first: Frame, new: list[str], ent_by_id: dict[str, Entity]) -> bool:
    """Whether the sentence's word of company stands after a party of the first frame and before all the new ones."""
    a, b = first.evidence[0]
    cue = _COMPANIONS.search(text, a, b)
    if cue is None:
        return False

    def first_mention(pid: str) -> int:
        return min((m.start for m in ent_by_id[pid].mentions if a <= m.start < b), default=-1)

    own = [p for p in first.parties if p not in new]
    return any(0 <= first_mention(p) < cue.start() for p in own) and all(first_mention(p) >= cue.end() for p in new)


#: a signing of several texts at once: "signed 12 agreements", "ont signé plusieurs protocoles d'accord", "مراسم
#: توقيع مذكرات تفاهم"; the texts told one by one after it are that signing's
_MANY_SIGNED = re.compile(r"\b(?:\d+|two|three|four|five|six|several|a\s+number\s+of|a\s+package\s+of)\s+"
                          r"(?:\w+\s+){0,2}(?:agreements|memorand(?:a|ums?)|accords|protocols|conventions|mous|memos)\b|"
                          r"\b(?:\d+|deux|trois|quatre|cinq|six|plusieurs|une\s+série\s+d['’]|des)\s*"
                          r"(?:accords|protocoles|conventions|mémorandums)\b|"
                          r"(?<!\w)(?:مذكرات|مذاكرات|اتفاقيات|اتفاقات|بروتوكولات)(?!\w)", re.I)


#: a signing told again by a definite back-reference: "X and Y then signed the agreement", "the signing took
#: place in Vells", "les deux ministres ont paraphé l'accord"
_THE_SIGNING = re.compile(r"\b(?:the|these|those)\s+(?:agreement|signing|memorand(?:um|a|ums)|mous?|memos|accords?|deal)\b|"
                          r"\b(?:l['’]accord|la\s+signature|ces\s+accords|le\s+mémorandum)\b", re.I)


def one_signing_of_many(text: str, frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'Jordan and Egypt signed 12 agreements ... one of them between the ministries of planning ...': an
    agreement told after a signing of several texts, of a state of that signing, is one of its texts: its
    parties join that signing (SCHEMA.md: the same event told again is one event). So does an agreement told with a
    definite back-reference ("X and Y then signed the agreement") that shares a side (a state, a body,
    a party) with an agreement told before it."""
    told: list[Frame] = []
    absorbed: set[int] = set()
    signing: Frame | None = None
    for f in sorted(frames, key=lambda f: min(f.evidence)):       # in the order the story tells them
        if f.status != "occurred" or f.type != "agreement":
            continue
        if signing is None and any(_THE_SIGNING.search(text, a, b) for a, b in f.evidence):
            signing = next((g for g in told if _sides_of(g, ent_by_id) & _sides_of(f, ent_by_id)), None)
        if signing is not None and _sides_of(f, ent_by_id) & _sides_of(signing, ent_by_id):
            signing.parties.extend(p for p in f.parties if p not in signing.parties)
            for p in f.parties:
                signing.roles.setdefault(p, f.roles.get(p))
            signing.support.extend(e for e in f.evidence + f.support if e not in signing.evidence + signing.support)
            absorbed.add(id(f))
            continue
        told.append(f)
        if any(_MANY_SIGNED.search(text, a, b) for a, b in f.evidence):
            signing = f
    return [f for f in frames if id(f) not in absorbed]


def _sides_of(frame: Frame, ent_by_id: dict[str, Entity]) -> set[str]:
    """Who a frame's parties sign for: their states, the parties themselves and their bodies, and the states
    named in a body's name ("the Sylvanian Government")."""
    bodies = {ent_by_id[p].affiliation for p in frame.parties if ent_by_id[p].affiliation in ent_by_id}
    orgs = [ent_by_id[p] for p in frame.parties if ent_by_id[p].kind == "organization"]
    named = {e.id for e in ent_by_id.values() if e.kind == "state" and any(
        re.search(r"\b" + _feminine_too(form) + r"\b", of) for form in e.forms for o in orgs for of in o.forms)}
    return _states_of(frame, ent_by_id) | set(frame.parties) | bodies | named


def _feminine_too(form: str) -> str:
    """A state's Arabic adjective and its feminine ("السيلفاني" and "السيلفانية", as in "وزارة المالية السيلفانية")."""
    return re.escape(form) + ("ة?" if form.endswith("ي") and is_arabic(form) else "")


def _states_of(frame: Frame, ent_by_id: dict[str, Entity]) -> set[str]:
    """The states a frame's parties stand for: a state, a person's or body's state, a person's body's state."""
    out = set()
    for pid in frame.parties:
        ent = ent_by_id[pid]
        for _ in range(3):
            if ent.kind == "state":
                out.add(ent.id)
                break
            if ent.affiliation is None or ent.affiliation not in ent_by_id:
                break
            ent = ent_by_id[ent.affiliation]
    return out


def merge_frames(frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """Headline, body and follow-up sentences about the same parties and kind of event: one frame."""
    merged: list[Frame] = []
    for f in frames:
        if f.status != "occurred":
            # planned and negated events are kept apart, never merged into what happened
            merged.append(f)
            continue
        target = None
        fset = set(f.parties)
        fcover = _cover(fset, ent_by_id)
        for g in merged:
            if g.status != "occurred" or g.again or f.again or (
                    FAMILY[g.type] != FAMILY[f.type] and {g.type, f.type} != {"meet", "call"}):
                continue
            if {g.type, f.type} == {"visit", "meet"} and _hosted(g if g.type == "visit" else f, ent_by_id):
                continue        # a visit to a state and the meetings during it are events of their own
            if f.recalled != g.recalled or f.another:
                continue        # "their recent meeting" recalled in a call: an earlier event; "also attended": one more
            gset = set(g.parties)
            if (fset <= gset or gset <= fset) and _told_apart(f.told_on, g.told_on):
                continue        # "visited X in February, days after a visit to X on 24 January": two visits
            gcover = _cover(gset, ent_by_id)
            fpersons = {p for p in fset if ent_by_id[p].kind == "person"}
            gpersons = {p for p in gset if ent_by_id[p].kind == "person"}
            same_people = fpersons <= gpersons or gpersons <= fpersons
            if fset <= gset or gset <= fset or (fcover and fcover == gcover and same_people):
                target = g
                break
        if target is None:
            merged.append(f)
            continue
        affiliations = {ent_by_id[p].affiliation for p in target.parties}
        for p in f.parties:
            if p not in target.parties and p not in affiliations:
                target.parties.append(p)
                target.roles[p] = f.roles.get(p)
        target.told_on = target.told_on or f.told_on
        target.evidence.extend(e for e in f.evidence if e not in target.evidence)
        target.support.extend(e for e in f.support if e not in target.support)
        target.present.extend(p for p in f.present if p not in target.present)
        if target.type == "visit" and f.type == "meet":
            target.type = "meet"
        if "call" in (target.type, f.type):
            target.type = "call"      # "X discusses with Y" in the headline of a phone call
    return _merge_conferences(_absorb_organization_frames(merged, ent_by_id), ent_by_id)


#: days between two dates written beside two tellings that may still be one event (a report's "yesterday")
_SAME_EVENT_DAYS = 3


def _told_apart(a: str | None, b: str | None) -> bool:
    """Two dates written beside two tellings that cannot be one event's: days far apart, or months or years
    that do not hold one another."""
    if not a or not b:
        return False
    if len(a) == len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) > _SAME_EVENT_DAYS
    return not (a.startswith(b[:7]) or b.startswith(a[:7]))


def _hosted(visit: Frame, ent_by_id: dict[str, Entity]) -> bool:
    """A visit frame with a state as a party: the visitor and the host state."""
    return any(ent_by_id[p].kind == "state" for p in visit.parties)


def _absorb_organization_frames(frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'The SG of the IMCTC and a CENTCOM delegation signed ...' then 'signed by Al-Mughidi and Col.
    Weskiman (CENTCOM)': the organizations' frame is the persons' frame; a person without an
    affiliation takes the organization left over."""
    out = list(frames)
    for f in frames:
        if f.type != "agreement" or f.status != "occurred" or any(ent_by_id[p].kind == "person" for p in f.parties):
            continue        # signatories stand for their organizations; a conference's convener is no one's employer
        for g in frames:
            if g is f or g.type != f.type or g.status != "occurred" or g not in out:
                continue
            persons = [p for p in g.parties if ent_by_id[p].kind == "person"]
            affiliations = {ent_by_id[p].affiliation for p in persons}
            if not persons or len(persons) != len(f.parties) or not (set(f.parties) & affiliations):
                continue
            left = [p for p in f.parties if p not in affiliations]
            bare = [p for p in persons if ent_by_id[p].affiliation is None]
            if len(left) == len(bare) == 1:
                ent_by_id[bare[0]].affiliation = left[0]
            g.evidence = sorted(set(g.evidence) | set(f.evidence))
            out.remove(f)
            break
    return out


def _merge_conferences(frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """Reports of one multilateral meeting in a document: conference frames sharing a party."""
    out: list[Frame] = []
    for f in frames:
        target = None
        if f.type == "conference" and f.status == "occurred" and not f.another:
            fcover = _cover(set(f.parties), ent_by_id) | set(f.parties)
            for g in out:
                if g.type == "conference" and g.status == "occurred" and \
                        fcover & (_cover(set(g.parties), ent_by_id) | set(g.parties)) and \
                        not _convened_apart(f, g, ent_by_id):
                    target = g
                    break
        if target is None:
            out.append(f)
            continue
        affiliations = {ent_by_id[p].affiliation for p in f.parties + target.parties}
        target.parties = [p for p in dict.fromkeys(target.parties + f.parties)
                          if not (p in affiliations and ent_by_id[p].kind == "state")]
        for p in f.parties:
            target.roles.setdefault(p, f.roles.get(p))
        target.told_on = target.told_on or f.told_on
        target.evidence.extend(e for e in f.evidence if e not in target.evidence)
        target.support.extend(e for e in f.support if e not in target.support)
    return out


def _convened_apart(f: Frame, g: Frame, ent_by_id: dict[str, Entity]) -> bool:
    """Two gatherings of different bodies ("attended the League's summit ... spoke at the meeting of the Centre's
    board"): conference frames that each name an organization, none in common, are two conferences."""
    def bodies(frame: Frame) -> set[str]:
        return {p for p in frame.parties if ent_by_id[p].kind == "organization"}
    return bool(bodies(f)) and bool(bodies(g)) and not bodies(f) & bodies(g)


def _named_in(frame: Frame, ids: list[str], ent_by_id: dict[str, Entity]) -> set[str]:
    """The organizations and states of `ids` that the frame's own sentences name (not as its parties)."""
    return {i for i in ids if ent_by_id[i].kind in ("organization", "state") and any(
        a <= m.start < b for m in ent_by_id[i].mentions for a, b in frame.evidence)}


def _cover(ids: set[str], ent_by_id: dict[str, Entity]) -> frozenset[str]:
    """Parties with persons replaced by their affiliations (IMCTC's SG ~ IMCTC)."""
    return frozenset(ent_by_id[i].affiliation or i for i in ids)


#: a visit told by its noun ("the visit of X to Y", "sa visite à Y", "زيارة X لـY"), not by a verb that performs it
_VISIT_NOUN = re.compile(r"(?:[وفب]?(?:ال)?زيارت?(?:ه|ها|هم|هما|ة)?|visits?|visites?)", re.I)
_PERFORMED_BEFORE = re.compile(r"(?:\b(?:paid|made|began|started|effectué|entamé|commencé|fait)|(?<!\w)[وف]?(?:قام|قامت|"
                               r"يقوم|تقوم|أدى|أدت|يؤدي|تؤدي|أجرى|أجرت|يجري|تجري|بدأ|بدأت|يبدأ|تبدأ|استهل|يستهل|"
                               r"شرع|اختتم|يختتم))\s+(?:\S+\s+){0,3}?(?:ب|an?\s+|une\s+|sa\s+|his\s+|her\s+)?\S*$", re.I)


def visits_called_off(text: str, frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'X postponed his visit to Y. ... X's visit to Y is meant to ...': a visit told by its noun in a later
    sentence, with no verb that performs it, after the same visit (visitor and host) or the visitor's meeting
    with a person of the host state was told planned, postponed or called off, is that visit and has its
    status; so has a frame of that later sentence whose parties are the visit's ("زيارة X لـY تشمل بحث ملفات":
    no talks held)."""
    off = [f for f in frames if f.type in ("visit", "meet") and f.status != "occurred"]
    for f in frames:
        if f.type != "visit" or f.status != "occurred" or not _VISIT_NOUN.fullmatch(f.trigger.text) or \
                _PERFORMED_BEFORE.search(text, max(0, f.trigger.start - 40), f.trigger.start):
            continue
        told = next((g for g in off if g.evidence[0][1] <= f.evidence[0][0] and _same_visit(g, f, ent_by_id)), None)
        if told is None:
            continue
        sentence = f.evidence[0]
        for g in frames:
            if g.status == "occurred" and g.evidence[0] == sentence and set(g.parties) <= set(f.parties):
                g.status = told.status
    return frames


def _same_visit(told: Frame, visit: Frame, ent_by_id: dict[str, Entity]) -> bool:
    """The same visit (visitor and host), or a visit or meeting of its visitor (its first party) with a person of
    its host state."""
    visitor, hosts = visit.parties[0], set(visit.parties[1:])
    if visitor not in told.parties:
        return False
    others = [p for p in told.parties if p != visitor]
    return (told.type == "visit" and hosts <= set(others)) or any(ent_by_id[p].affiliation in hosts for p in others)


#: an Arabic visit verb in the imperfect ("يزور", "تزور"): it tells a tour under way, its stops made or ahead
_AR_VISITS_NOW = re.compile(r"[وف]?[يت]زور")


def tour_stops_ahead(frames: list[Frame]) -> list[Frame]:
    """'الوزير X يزور A وB وC في أولى جولاته' over a story that tells his visit to A alone: of the stops an Arabic
    visit verb in the imperfect lists, those no other sentence tells him visiting, when another stop of the list
    is told again, are the tour's next stops, not yet made (planned). (A past stop listed, "after a stop in A,
    she landed in B", is told by no such verb.)"""
    visits = [f for f in frames if f.type == "visit" and f.status == "occurred" and _AR_VISITS_NOW.fullmatch(f.trigger.text)]
    for trigger, visitor in {(f.trigger, f.parties[0]) for f in visits}:
        stops = [f for f in visits if f.trigger == trigger and f.parties[0] == visitor]
        if len(stops) < 2:
            continue
        listing = set.intersection(*(set(f.evidence) for f in stops))      # the sentences that list them all
        if any(set(f.evidence) - listing for f in stops):
            for f in stops:
                if set(f.evidence) <= listing:
                    f.status = "planned"
    return frames


def headlines_of_plans(doc: Document, frames: list[Frame], ent_by_id: dict[str, Entity]) -> list[Frame]:
    """'X receives his Ruritanian counterpart in Lys' over a story that says X will receive him on Thursday: a
    headline frame that no occurred frame of the body tells, whose parties a planned (or negated) frame of the
    body of its family has, is that plan told in the headline's present tense, and takes its status."""
    title = doc.title_span
    if title is None:
        return frames
    body = [f for f in frames if f.evidence[0][0] >= title[1]]
    for f in frames:
        if f.status != "occurred" or not all(title[0] <= a < title[1] for a, _ in f.evidence):
            continue
        sides = _cover(set(f.parties), ent_by_id)
        same = [g for g in body if FAMILY[g.type] == FAMILY[f.type] and sides <= _cover(set(g.parties), ent_by_id)]
        plan = next((g for g in same if g.status != "occurred"), None)
        if plan is not None and all(g.status != "occurred" for g in same):
            f.status = plan.status
    return frames
