"""Frames: one telling of an event in a document (type, status, parties, evidence sentences), and event
coreference in a document: the frames that tell the same event (headline, lead, "the two sides", a quote)
become one.

Coreference is a learned decision when a model is given (`frame_pair_features`, trained by
`communique.learn`): each frame joins the earlier event it most probably tells again, if that
probability passes the model's threshold. Without a model, frames of the same kind that share two sides
(a person counts for their organization or state) are one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import DateMention, Document, Entity
from .decide import LinearModel
from .triggers import Trigger

__all__ = ["Frame", "corefer_frames", "frame_pair_features", "shared_sides"]

_CONTINUES = re.compile(r"\b(?:the two sides|both sides|the two parties|the two|les deux parties|les deux côtés|"
                        r"les deux hommes|les deux ministres|the two ministers)\b|الطرفان|الجانبان|الطرفين|الجانبين|"
                        r"خلال اللقاء|أثناء اللقاء|خلال الاتصال", re.I)


@dataclass
class Frame:
    type: str
    status: str
    parties: list[str]
    roles: dict[str, str | None]
    evidence: list[tuple[int, int]]
    trigger: Trigger
    support: list[tuple[int, int]] = field(default_factory=list)   # follow-up sentences: evidence only
    probability: float | None = None      # the learned pair decision's, when it made the frame
    host: str | None = None               # a visit's host state, when the visit rule found it (stages.visits)
    #: persons a later sentence says were present at the meeting: parties of its event, not of its merging
    present: list[str] = field(default_factory=list)
    #: the date written beside the trigger in its sentence (stages.event_dates.date_beside): two frames told
    #: on different dates are two events
    told_on: str | None = None
    #: the second time a verb tells ("met X in June and again in August"): an event of its own, never merged
    again: bool = False
    #: an earlier event of the same sides recalled while telling this one ("their recent meeting", told in a call)
    recalled: bool = False
    #: told as one more event of its kind ("X also attended the meeting on Z"): not the same one told again
    another: bool = False


def _sides(frame: Frame, ent_by_id: dict[str, Entity]) -> list[set[str]]:
    """Each party as the ids that stand for it: itself and its organization or state."""
    out = []
    for pid in frame.parties:
        aff = ent_by_id[pid].affiliation
        out.append({pid} | ({aff} if aff else set()))
    return out


def shared_sides(f: Frame, g: Frame, ent_by_id: dict[str, Entity]) -> int:
    """How many of f's parties stand on a side of g (the same actor, or a person and their own body)."""
    gs = _sides(g, ent_by_id)
    return sum(1 for side in _sides(f, ent_by_id) if any(side & other for other in gs))


def _same_kind(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"meet", "call"} or {a, b} <= {"meet", "conference"}


def _dates_in(span: tuple[int, int], dates: list[DateMention]) -> set[str]:
    return {d.value for d in dates if d.value and span[0] <= d.start < span[1]}


def frame_pair_features(doc: Document, f: Frame, g: Frame, ent_by_id: dict[str, Entity],
                        dates: list[DateMention]) -> dict[str, float]:
    """Features of "the later frame g tells the event of the earlier frame f again"."""
    text = doc.text
    shared = shared_sides(g, f, ent_by_id)
    fp, gp = set(f.parties), set(g.parties)
    persons = {p for p in fp | gp if ent_by_id[p].kind == "person"}
    fd, gd = set().union(*(_dates_in(s, dates) for s in f.evidence)), _dates_in(g.evidence[0], dates)
    types = "+".join(sorted((f.type, g.type)))
    between = g.evidence[0][0] - f.evidence[-1][1]
    title = doc.title_span
    feats = {
        "bias": 1.0, f"types={types}": 1.0, "same_type": float(f.type == g.type),
        "same_kind": float(_same_kind(f.type, g.type)), "shared": min(shared, 4) / 4,
        "shared_all_g": float(shared == len(g.parties)), "shared_all_f": float(shared_sides(f, g, ent_by_id) == len(f.parties)),
        "shared_ge2": float(shared >= 2), "same_parties": float(fp == gp), "subset": float(gp <= fp or fp <= gp),
        "shared_persons": min(len(fp & gp & persons), 3) / 3, "new_persons": min(len((gp - fp) & persons), 3) / 3,
        "distance": min(max(0, between), 2000) / 2000, "adjacent": float(0 <= between <= 3),
        "f_in_title": float(bool(title and title[0] <= f.evidence[0][0] < title[1])),
        "continues": float(bool(_CONTINUES.search(text[g.evidence[0][0]: g.evidence[0][1]]))),
        "dates_differ": float(bool(fd and gd and not (fd & gd))), "dates_same": float(bool(fd & gd)),
        "same_status": float(f.status == g.status), "same_trigger": float(f.trigger.text.lower() == g.trigger.text.lower()),
        f"lang={doc.lang}": 1.0,
    }
    return feats


def corefer_frames(doc: Document, frames: list[Frame], ent_by_id: dict[str, Entity], dates: list[DateMention],
                   model: LinearModel | None = None) -> list[Frame]:
    """Frames in text order -> one frame per event (see the module docstring)."""
    out: list[Frame] = []
    for f in frames:
        target = _best_antecedent(doc, f, out, ent_by_id, dates, model)
        if target is None:
            out.append(f)
        else:
            _absorb(target, f)
    return out


def _best_antecedent(doc: Document, f: Frame, events: list[Frame], ent_by_id: dict[str, Entity],
                     dates: list[DateMention], model: LinearModel | None) -> Frame | None:
    if model is None:
        return next((g for g in events if g.status == f.status and _same_kind(f.type, g.type)
                     and shared_sides(f, g, ent_by_id) >= min(2, len(f.parties), len(g.parties))), None)
    scored = [(model.probability(frame_pair_features(doc, g, f, ent_by_id, dates)), i) for i, g in enumerate(events)
              if shared_sides(f, g, ent_by_id) >= 1]
    if not scored:
        return None
    p, i = max(scored)
    return events[i] if p >= model.threshold else None


def _absorb(target: Frame, f: Frame) -> None:
    target.parties = list(dict.fromkeys(target.parties + f.parties))
    for pid in f.parties:
        target.roles.setdefault(pid, f.roles.get(pid))
    target.evidence.extend(e for e in f.evidence if e not in target.evidence)
    target.probability = max(target.probability or 0, f.probability or 0)
    if "call" in (target.type, f.type):
        target.type = "call"
