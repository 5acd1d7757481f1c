"""Table rows of one Extraction, in schema order, and the methods every SQL store backend shares."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..records import Extraction, Rejected
from ..stages.merge import fingerprint
from ..textnorm import fold, is_arabic

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
    # checked for near-duplicates by the next refresh (store/copies.py)
    rows["fingerprints"].append([d.id, ex.fingerprint if ex.fingerprint is not None else fingerprint(d.text)])
    return rows


def insert_columns(con: Any, table: str, types: Sequence[str], rows: Sequence[Sequence[Any]], *,
                   tail: str = "") -> None:
    """Many rows in one statement, ``INSERT INTO table SELECT unnest(?::T[]), ...`` (one array per
    column): the same SQL on DuckDB and PostgreSQL, and hundreds of times faster than executemany on
    DuckDB. ``types`` are portable names (VARCHAR, INTEGER, BIGINT, BOOLEAN, BYTEA, TIMESTAMP);
    ``tail`` follows the unnest columns (", NULL", " ON CONFLICT DO NOTHING")."""
    if not rows:
        return
    columns = [list(col) for col in zip(*rows)]
    select = ", ".join(f"unnest(?::{t}[])" for t in types)
    con.execute(f"INSERT INTO {table} SELECT {select}{tail}", columns)


class SQLStore:
    """What the DuckDB and PostgreSQL stores share: a `con` with execute(sql with ?, params), closing,
    the stored-document check and the reject upsert."""

    con: Any

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "SQLStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh_corpus_events(self) -> int:
        """Bring the cross-document tables up to date with what is stored (merged events, near-duplicate
        copies: store/refresh.py; corpus actors where the backend keeps them; the browse tables:
        store/browse_tables.py); returns the number of merged events."""
        from .browse_tables import refresh_browse
        from .refresh import refresh_copies, refresh_merged_events

        with self._refresh_transaction():
            refresh_copies(self.con)
        self._refresh_actors()       # merging reads the parties' corpus actors
        with self._refresh_transaction():
            groups = refresh_merged_events(self.con)
            refresh_browse(self.con)     # the rows of the merged events that changed (store/browse.py reads them)
        return groups

    def needs_refresh(self) -> bool:
        """Whether documents are stored that no refresh has seen (a run killed before its end, or a store
        written before fingerprints existed)."""
        return bool(self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM fingerprints WHERE representative IS NULL) OR EXISTS "
            "(SELECT 1 FROM documents d WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.doc_id = d.id))"
        ).fetchone()[0])

    @contextmanager
    def _refresh_transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _refresh_actors(self) -> None:
        """Rebuild the corpus actor tables (kb.corpus); a backend without them does nothing."""

    def has_document(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def write_rejected(self, r: Rejected) -> None:
        self.con.execute(
            "INSERT INTO rejects VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, stage) DO UPDATE SET "
            "reason = excluded.reason, doc_id = excluded.doc_id, rejected_at = excluded.rejected_at",
            [r.source, r.doc_id, r.stage, r.reason, datetime.now(timezone.utc).replace(tzinfo=None)])
