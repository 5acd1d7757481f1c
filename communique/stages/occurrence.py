"""Occurrence: an event the rules propose -> features for the learned "did this event happen, as stated here?".

The rules find triggers and parties; whether the sentence tells a meeting that took place (and not a
plan, a wish, a generic statement, a football match, a meeting told in passing without who) is decided
by a trained model (`stages.decide`) over these features, and its probability becomes the event's
confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Document, Entity, Event
from ..textnorm import fold
from .decide import LinearModel
from .triggers import status_of

__all__ = ["event_features", "decide_events", "OCCURRENCE_MODEL", "CONFIDENCE_MODEL"]

OCCURRENCE_MODEL = "occurrence"
#: the same features and model family over the events of the rules, every event kept (threshold 0): its
#: probability is the confidence of a rule event
CONFIDENCE_MODEL = "confidence"
_WORD = re.compile(r"[\w'’-]+")


def event_features(doc: Document, event: Event, index: int, events: Sequence[Event],
                   ent_by_id: dict[str, Entity]) -> dict[str, float]:
    """Named features of one proposed event (see the module docstring)."""
    text, lang = doc.text, doc.lang or "en"
    first = event.evidence[0]
    f: dict[str, float] = {"bias": 1.0, f"lang={lang}": 1.0, f"type={event.type}": 1.0,
                           f"type={event.type}/{lang}": 1.0, "rule_confidence": event.confidence}
    trigger = event.trigger or ""
    f[f"trig={lang}:{fold(trigger)[:24]}"] = 1.0
    pos = first.text.find(trigger) if trigger else -1
    if pos >= 0:
        f[f"status={status_of(first.text, pos, lang)}"] = 1.0
        for w in _WORD.findall(first.text[max(0, pos - 50): pos]):
            f[f"before={lang}:{fold(w)[:20]}"] = 1.0
        for w in _WORD.findall(first.text[pos + len(trigger): pos + len(trigger) + 30]):
            f[f"after={lang}:{fold(w)[:20]}"] = 1.0
    kinds = sorted(ent_by_id[p.entity].kind for p in event.parties if p.entity in ent_by_id)
    f[f"kinds={'+'.join(kinds[:3])}"] = 1.0
    f["parties"] = min(len(event.parties), 6) / 6
    f["persons"] = min(kinds.count("person"), 4) / 4
    f["titled"] = sum(1 for p in event.parties if p.role) / max(1, len(event.parties))
    f["affiliated"] = sum(1 for p in event.parties if p.affiliation) / max(1, len(event.parties))
    f["evidence"] = min(len(event.evidence), 4) / 4
    f["has_date"] = float(event.date is not None)
    f[f"precision={event.date_precision}"] = 1.0
    published = doc.published or doc.dateline_date
    if event.date and published:
        f["after_publication"] = float(event.date[:len(published)] > published[:len(event.date)])
        f["years_before"] = min(max(0, int(published[:4]) - int(event.date[:4])), 5) / 5
    f["has_venue"] = float(event.location is not None)
    f["in_title"] = float(bool(doc.title_span and doc.title_span[0] <= first.start < doc.title_span[1]))
    f["position"] = first.start / max(1, len(text))
    f["long_doc"] = float(len(text) > 3000)
    f["events_in_doc"] = min(len(events), 8) / 8
    f["rank"] = min(index, 8) / 8
    f["quote"] = float(any(q in first.text for q in '"«»“”'))
    f["question"] = float("?" in first.text or "؟" in first.text)
    return f


def decide_events(doc: Document, events: list[Event], entities: Sequence[Entity],
                  model: LinearModel) -> list[Event]:
    """Occurred events the model believes, with its probability as their confidence; the others are
    dropped. Planned and negated events pass as the rules found them."""
    from dataclasses import replace

    ent_by_id = {e.id: e for e in entities}
    out = []
    for i, ev in enumerate(events):
        if ev.status != "occurred":
            out.append(ev)
            continue
        p = model.probability(event_features(doc, ev, i, events, ent_by_id))
        if p >= model.threshold:
            out.append(replace(ev, confidence=round(p, 2)))
    return out
