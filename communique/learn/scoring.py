"""Scores of event-stage outputs on Examples, per language and per set (the matching rules of SCHEMA.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ..evaluate import DocScore, aggregate, score_document
from ..records import Event, Extraction
from .examples import Example

__all__ = ["record_of", "score_examples", "EventFn"]

EventFn = Callable[[Example], list[Event]]


def record_of(ex: Example, events: Iterable[Event]) -> dict[str, Any]:
    """The document record (SCHEMA.md) of an example with the given events."""
    from ..export import document_record

    if ex.inputs is None:
        return {"document": {"text": ""}, "entities": [], "events": []}
    return document_record(Extraction(document=ex.inputs.doc, entities=tuple(ex.inputs.entities),
                                      events=tuple(events)))


def score_examples(examples: Iterable[Example], events_of: EventFn) -> tuple[dict[str, Any], list[DocScore]]:
    """Aggregate scores per language, per set and overall."""
    scores: list[DocScore] = []
    sets: dict[str, list[DocScore]] = defaultdict(list)
    for ex in examples:
        s = score_document(record_of(ex, events_of(ex) if ex.inputs else []), ex.gold)
        scores.append(s)
        sets[ex.set_name].append(s)
    by_lang: dict[str, list[DocScore]] = defaultdict(list)
    for s in scores:
        by_lang[s.lang].append(s)
    return {"languages": {k: aggregate(v) for k, v in sorted(by_lang.items())},
            "sets": {k: aggregate(v) for k, v in sorted(sets.items())},
            "all": aggregate(scores)}, scores
