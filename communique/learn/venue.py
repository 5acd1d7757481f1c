"""Training rows of the venue choice: every candidate place of every event matched to a gold event with
a known venue; label: it is that venue by the matching rule of SCHEMA.md. (A pairwise ranking of right
against wrong candidates was tried: cross-validated venue accuracy 0.64 against 0.66 for this.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..evaluate import same_venue, score_document
from ..stages.events import EventContext
from ..stages.venue import VenueQuery, venue_candidates
from .examples import Example
from .scoring import record_of
from .train import events_with

__all__ = ["venue_rows"]


def venue_rows(examples: Sequence[Example], ctx: EventContext) -> list[tuple[Example, dict[str, float], bool]]:
    """(example, features, label) of each candidate venue of each matched event (events from `ctx`,
    with its venue decision left out: the candidates do not depend on it)."""
    rows = []
    for ex in examples:
        queries: list[VenueQuery] = []
        events = events_with(ex, replace(ctx, venue_model=None, observe_venue=queries.append))
        occurred = [i for i, ev in enumerate(events) if ev.status == "occurred"]
        for i, j in score_document(record_of(ex, events), ex.gold).pairs:
            gold = ex.gold["events"][j].get("location")
            if not gold:
                continue
            for cand in venue_candidates(queries[occurred[i]]):
                label = same_venue({"name": cand.location.name, "country": cand.location.country}, gold)
                rows.append((ex, cand.features, label))
    return rows
