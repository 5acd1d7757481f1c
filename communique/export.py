"""Exports: Extraction records -> the public JSON document record of SCHEMA.md (and file formats)."""

from __future__ import annotations

from typing import Any

from .records import Entity, Event, Extraction, Rejected

__all__ = ["document_record", "rejected_record", "event_record", "entity_record"]


def entity_record(ent: Entity) -> dict[str, Any]:
    return {
        "id": ent.id, "kind": ent.kind, "name": ent.name, "acronym": ent.acronym, "forms": list(ent.forms),
        "titles": list(ent.titles), "affiliation": ent.affiliation, "wikidata": ent.wikidata,
    }


def event_record(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": ev.id, "type": ev.type, "status": ev.status, "date": ev.date, "date_precision": ev.date_precision,
        "location": None if loc is None else {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon},
        "parties": [{"entity": p.entity, "role": p.role, "affiliation": p.affiliation, "side": p.side}
                    for p in ev.parties],
        "topics": list(ev.topics),
        "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in ev.evidence],
        "confidence": ev.confidence,
        "trigger": ev.trigger,
    }


def document_record(ex: Extraction) -> dict[str, Any]:
    """The document record of SCHEMA.md (plus the normalized text, for offsets)."""
    d = ex.document
    return {
        "document": {"id": d.id, "source": d.source, "lang": d.lang, "title": d.title, "published": d.published,
                     "dateline": {"place": d.dateline_place, "date": d.dateline_date}, "text": d.text},
        "entities": [entity_record(e) for e in ex.entities],
        "events": [event_record(e) for e in ex.events],
    }


def rejected_record(r: Rejected) -> dict[str, Any]:
    return {"document": {"source": r.source, "id": r.doc_id}, "error": {"stage": r.stage, "reason": r.reason}}
