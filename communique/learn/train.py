"""Training of the pair decision on Examples: labels from gold events, logistic regression, k-fold CV."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..evaluate import gold_ids_of
from ..records import Entity, Event
from ..stages.decide import LinearModel
from ..stages.events import EventContext, extract_events, party_rule_flags
from ..stages.pairs import pair_candidates
from .examples import Example

__all__ = ["pair_rows", "coref_rows", "occurrence_rows", "fit", "events_with", "PAIR_MODEL", "MIN_DOCUMENTS"]

PAIR_MODEL = "pairs"
MIN_DOCUMENTS = 5


def _gold_keys(ent: Entity, ent_by_id: dict[str, Entity], gold: dict[str, Any]) -> set[str]:
    ids = gold_ids_of({"forms": ent.forms}, gold["entities"])
    aff = ent_by_id.get(ent.affiliation or "")
    if aff is not None:
        ids |= gold_ids_of({"forms": aff.forms}, gold["entities"])
    return ids


def _entity_gold_keys(ex: Example) -> dict[str, set[str]]:
    """Entity id -> the gold ids it (or its affiliation) stands for, in one analyzed example."""
    entities = ex.inputs.entities if ex.inputs else []
    ent_by_id = {e.id: e for e in entities}
    return {e.id: _gold_keys(e, ent_by_id, ex.gold) for e in entities}


def _pair_label(ga: set[str], gb: set[str], events: list[dict[str, Any]]) -> bool:
    """Do the two actors stand for two different parties of one gold event? As in the matching rules of
    SCHEMA.md, an actor stands for a gold party when it, or its own affiliation, is that party (a state
    does not stand for its minister)."""
    for ev in events:
        keys = [{q["id"]} for q in ev["parties"]]
        for i, ki in enumerate(keys):
            if ga & ki and any(gb & kj for j, kj in enumerate(keys) if j != i):
                return True
    return False


def pair_rows(examples: Sequence[Example]) -> list[tuple[Example, dict[str, float], bool]]:
    """(example, features, label) of every pair candidate; label: both in one occurred gold event."""
    rows = []
    for ex in examples:
        if ex.inputs is None:
            continue
        inp = ex.inputs
        keys = _entity_gold_keys(ex)
        for cand in pair_candidates(inp.doc, inp.entities, inp.sents, party_rule_flags):
            label = _pair_label(keys[cand.a], keys[cand.b], ex.gold["events"])
            rows.append((ex, cand.features, label))
    return rows


def fit(rows: Sequence[tuple[Any, dict[str, float], bool]], c: float = 0.3, threshold: float = 0.5,
        name: str = PAIR_MODEL) -> LinearModel:
    """Logistic regression over the rows' named features -> LinearModel (weights by feature name)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    # a feature must be seen in MIN_DOCUMENTS documents: no weight for one document's names and phrases
    seen: dict[str, set[str]] = {}
    for ex, f, _ in rows:
        for k in f:
            seen.setdefault(k, set()).add(getattr(ex, "name", str(id(ex))))
    kept = {k for k, docs in seen.items() if len(docs) >= MIN_DOCUMENTS}
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in f.items() if k in kept} for _, f, _ in rows]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    y = [int(label) for *_, label in rows]
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=0)
    clf.fit(x, y)
    weights = {name_: round(float(w), 5) for name_, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) > 1e-5}
    return LinearModel(name, weights, round(float(clf.intercept_[0]), 5), threshold)


def events_with(ex: Example, ctx: EventContext) -> list[Event]:
    """The event stage on one example in the given context (entities copied: frames mutate them)."""
    if ex.inputs is None:
        return []
    inp = ex.inputs
    return extract_events(inp.doc, copy.deepcopy(inp.entities), inp.sents, inp.dates, ctx)


def occurrence_rows(examples: Sequence[Example], ctx: EventContext,
                    pair_model: Any = None) -> list[tuple[Example, dict[str, float], bool]]:
    """(example, features, label) of every occurred event the rules propose; label: it matches a gold
    occurred event (SCHEMA.md matching, one-to-one per document)."""
    from ..evaluate import score_document
    from ..stages.occurrence import event_features, score_pairs
    from .scoring import record_of

    rows = []
    for ex in examples:
        events = events_with(ex, replace(ctx, occurrence_model=None, pair_model=pair_model))
        matched = score_document(record_of(ex, events), ex.gold).matched
        occurred = [ev for ev in events if ev.status == "occurred"]
        if ex.inputs is None:
            continue
        inp = ex.inputs
        ent_by_id = {e.id: e for e in inp.entities}
        scores = score_pairs(inp.doc, inp.entities, inp.sents, ctx.pair_scorer or pair_model)
        for i, ev in enumerate(occurred):
            rows.append((ex, event_features(inp.doc, ev, events.index(ev), events, ent_by_id, scores), i in matched))
    return rows


def _frame_gold(frame: Any, ent_gold: dict[str, set[str]], events: list[dict[str, Any]]) -> int | None:
    """The gold event a frame tells (most gold parties covered, at least two or all), or None."""
    covered = set().union(*(ent_gold[p] for p in frame.parties)) if frame.parties else set()
    best, best_n = None, 0
    for i, ev in enumerate(events):
        ids = {q["id"] for q in ev["parties"]}
        n = len(ids & covered)
        if n >= min(2, len(ids)) and n > best_n:
            best, best_n = i, n
    return best


def coref_rows(examples: Sequence[Example], pair_model: Any) -> list[tuple[Example, dict[str, float], bool]]:
    """(example, features, label) for every earlier/later frame pair sharing a side; label: both tell
    the same gold event. Pairs where neither frame tells a gold event are left out."""
    from ..stages.pair_frames import pair_frames
    from ..stages.frames import frame_pair_features, shared_sides

    rows = []
    for ex in examples:
        if ex.inputs is None:
            continue
        inp = ex.inputs
        ent_by_id = {e.id: e for e in inp.entities}
        ent_gold = _entity_gold_keys(ex)
        frames = pair_frames(inp.doc, inp.entities, inp.sents, pair_model)
        golds = [_frame_gold(f, ent_gold, ex.gold["events"]) for f in frames]
        for j, g in enumerate(frames):
            for i in range(j):
                f = frames[i]
                if shared_sides(g, f, ent_by_id) < 1 or (golds[i] is None and golds[j] is None):
                    continue
                rows.append((ex, frame_pair_features(inp.doc, f, g, ent_by_id, inp.dates),
                             golds[i] is not None and golds[i] == golds[j]))
    return rows
