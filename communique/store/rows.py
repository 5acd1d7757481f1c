"""Table rows of one Extraction, in schema order, and the methods every SQL store backend shares."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime, timezone
from typing import Any

from ..records import Extraction, Rejected
from ..textnorm import fold, is_arabic
from .corpus_tables import CorpusTables, insert_columns
from .browse import EventFilter, event_evidence, get_event, list_events
from .browse_tables import browse_source, refresh_browse
from .queries import StoredReject, actor_aliases, actor_documents, corpus_events, rejects

__all__ = ["TABLES", "INSERT_SQL", "document_rows", "insert_columns", "SQLStore"]

#: Tables a document writes, in insertion order, with their number of columns given by the row.
TABLES = ("documents", "entities", "actors", "aliases", "mentions", "events", "event_parties", "evidence",
          "fingerprints")

#: Row-by-row INSERT statements (DuckDB and PostgreSQL, `?` placeholders).
INSERT_SQL = {
    "documents": "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "entities": "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "actors": "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    "aliases": "INSERT INTO aliases VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    "mentions": "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING",
    "event_parties": "INSERT INTO event_parties VALUES (?, ?, ?, ?, ?)",
    "evidence": "INSERT INTO evidence VALUES (?, ?, ?, ?)",
    "fingerprints": "INSERT INTO fingerprints VALUES (?, ?, NULL)",
}


def document_rows(ex: Extraction, now: datetime) -> dict[str, list[list[Any]]]:
    """Every row one document adds, per table. Actors, aliases and events appear once each."""
    d = ex.document
    rows: dict[str, list[list[Any]]] = {name: [] for name in TABLES}
    rows["documents"].append([d.id, d.source, d.lang, d.title, d.published, d.dateline_place, d.dateline_date,
                              d.text, now])
    for e in ex.entities:
        rows["entities"].append([d.id, e.id, e.kind, e.name, e.acronym, e.affiliation, e.wikidata,
                                 json.dumps(e.titles, ensure_ascii=False), json.dumps(e.forms, ensure_ascii=False)])
        rows["actors"].append([e.id, e.kind, e.name, e.acronym, e.wikidata, e.country])
        rows["aliases"].extend([e.id, form, fold(form), d.lang, "Arab" if is_arabic(form) else "Latn"]
                               for form in dict.fromkeys(e.forms))
        rows["mentions"].extend([d.id, e.id, m.start, m.end, m.form, m.kind, m.title] for m in e.mentions)
    seen_events: set[str] = set()
    for ev in ex.events:
        loc = ev.location
        if ev.id not in seen_events:
            seen_events.add(ev.id)
            rows["events"].append([ev.id, d.id, ev.type, ev.status, ev.date, ev.date_precision,
                                   loc.name if loc else None, loc.country if loc else None,
                                   loc.lat if loc else None, loc.lon if loc else None,
                                   json.dumps(list(ev.topics)), ev.confidence, ev.trigger])
        rows["event_parties"].extend([ev.id, p.entity, p.role, p.affiliation, p.side] for p in ev.parties)
        rows["evidence"].extend([ev.id, evd.start, evd.end, evd.text] for evd in ev.evidence)
    # checked for near-duplicates by the next refresh (communique.corpus.copies), which fingerprints the
    # documents stored without one
    if ex.fingerprint is not None:
        rows["fingerprints"].append([d.id, ex.fingerprint])
    return rows


class SQLStore(CorpusTables):
    """What the DuckDB and PostgreSQL stores share: a `con` with execute(sql with ?, params), closing,
    the stored-document check, the reject upsert, the corpus layer's reads and writes (CorpusTables)
    and the read queries the corpus layer asks for."""

    con: Any

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "SQLStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_document(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def write_rejected(self, r: Rejected) -> None:
        self.con.execute(
            "INSERT INTO rejects VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, stage) DO UPDATE SET "
            "reason = excluded.reason, doc_id = excluded.doc_id, rejected_at = excluded.rejected_at",
            [r.source, r.doc_id, r.stage, r.reason, datetime.now(timezone.utc).replace(tzinfo=None)])

    def corpus_events(self, **filters: Any) -> list[dict[str, Any]]:
        """Merged events with their sources (store.queries.corpus_events)."""
        return corpus_events(self.con, **filters)

    def actor_aliases(self) -> list[tuple[str, str, str, str]] | None:
        """Every form of every corpus actor (store.queries.actor_aliases); None without actor tables."""
        return actor_aliases(self.con)

    def actor_documents(self) -> dict[str, int]:
        """Corpus actor id -> the number of documents that name it."""
        return actor_documents(self.con)

    def refresh_browse(self, documents: Collection[str] | None = None) -> int:
        """Rewrite the browse rows of the merged events that changed (store/browse_tables.py), at the end of
        a corpus refresh, inside its transaction; returns how many were rewritten. ``documents``: the new
        documents of an incremental refresh, whose changes were tracked (track_changes): only their merged
        events and those the noted writes reach are compared (None, or notes not complete: every one)."""
        log, self.changes = self.changes, None
        if documents is None or log is None or not log.complete:
            return refresh_browse(self.con)
        return refresh_browse(self.con, only=log.candidates(self.con, documents))

    def list_events(self, query: EventFilter) -> list[dict[str, Any]]:
        """The merged events a filter selects, with their parties as corpus actors (store.browse.list_events)."""
        return list_events(browse_source(self.con, writable=False), query).events

    def show_event(self, event_id: str) -> dict[str, Any] | None:
        """One event (a report's id finds its merged event) with its evidence sentences (store.browse.get_event)."""
        event = get_event(browse_source(self.con, writable=False), event_id, resolved=False, con=self.con)
        if event is not None:
            event["evidence"] = event_evidence(self.con, event)
        return event

    def rejects(self, *, stage: str | None = None) -> list[StoredReject]:
        """The rejected inputs (store.queries.rejects)."""
        return rejects(self.con, stage=stage)

    def occurred_event_counts(self) -> dict[str, int]:
        """Every stored document -> its number of occurred events (what a skipped document counts)."""
        return dict(self.con.execute(
            "SELECT d.id, count(e.id) FROM documents d LEFT JOIN events e ON e.doc_id = d.id AND e.status = 'occurred' "
            "GROUP BY d.id").fetchall())

    def actor_countries(self) -> dict[str, str]:
        """Knowledge-base actor id -> its ISO 3166 alpha-2 country (states, organisations' seat)."""
        return dict(self.con.execute("SELECT id, country FROM actors WHERE country IS NOT NULL").fetchall())

    def first_evidence(self) -> dict[str, tuple[str | None, str | None]]:
        """Per-document event id -> (its trigger, its first evidence sentence)."""
        return {ev_id: (trigger, text) for ev_id, trigger, text in self.con.execute(
            "SELECT e.id, e.trigger, (SELECT v.text FROM evidence v WHERE v.event_id = e.id ORDER BY v.start_char "
            "LIMIT 1) FROM events e").fetchall()}
