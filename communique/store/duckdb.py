"""DuckDB store: one file, one writer process, one transaction per document, idempotent re-runs."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Extraction, Rejected
from ..textnorm import fold, is_arabic

__all__ = ["DuckDBStore"]

SCHEMA = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")


class DuckDBStore:
    """The default store. DuckDB allows one process to hold the file: keep writes in one process."""

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        import duckdb

        self.path = path
        if read_only and not Path(path).exists():
            raise StoreError(f"no database at {path}; run `communique extract ... --db {path}` first")
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"cannot open {path}: {exc}. Another communique process may be writing to it; "
                             "wait for it to finish or use another --db") from exc
        if not read_only:
            self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "DuckDBStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def write(self, ex: Extraction) -> bool:
        """Store one document with everything extracted from it, in one transaction.
        Returns False when the document (same content) is already stored."""
        d = ex.document
        if self.has_document(d.id):
            return False
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                d.id, d.source, d.lang, d.title, d.published, d.dateline_place, d.dateline_date, d.text,
                datetime.now(timezone.utc).replace(tzinfo=None)])
            con.execute("DELETE FROM rejects WHERE source = ?", [d.source])
            for e in ex.entities:
                con.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                    d.id, e.id, e.kind, e.name, e.acronym, e.affiliation, e.wikidata,
                    json.dumps(e.titles, ensure_ascii=False), json.dumps(e.forms, ensure_ascii=False)])
                con.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                            [e.id, e.kind, e.name, e.acronym, e.wikidata, e.country])
                for form in e.forms:
                    con.execute("INSERT INTO aliases VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", [
                        e.id, form, fold(form), d.lang, "Arab" if is_arabic(form) else "Latn"])
                rows = [[d.id, e.id, m.start, m.end, m.form, m.kind, m.title] for m in e.mentions]
                if rows:
                    con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            for ev in ex.events:
                loc = ev.location
                con.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
                            "ON CONFLICT DO NOTHING", [
                                ev.id, d.id, ev.type, ev.status, ev.date, ev.date_precision,
                                loc.name if loc else None, loc.country if loc else None,
                                loc.lat if loc else None, loc.lon if loc else None,
                                json.dumps(list(ev.topics)), ev.confidence, ev.trigger])
                for p in ev.parties:
                    con.execute("INSERT INTO event_parties VALUES (?, ?, ?, ?, ?)",
                                [ev.id, p.entity, p.role, p.affiliation, p.side])
                for evd in ev.evidence:
                    con.execute("INSERT INTO evidence VALUES (?, ?, ?, ?)", [ev.id, evd.start, evd.end, evd.text])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot store {d.source}: {exc}") from exc
        return True

    def write_rejected(self, r: Rejected) -> None:
        self.con.execute(
            "INSERT INTO rejects VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, stage) DO UPDATE SET "
            "reason = excluded.reason, doc_id = excluded.doc_id, rejected_at = excluded.rejected_at",
            [r.source, r.doc_id, r.stage, r.reason, datetime.now(timezone.utc).replace(tzinfo=None)])

    def refresh_corpus_events(self) -> int:
        """Recompute cross-document merged events and corpus actors over everything stored;
        returns the number of merged events."""
        from ..kb.corpus import refresh_actors
        from ..stages.merge import corpus_assignments
        from .queries import near_duplicate_rows

        assignments, groups = corpus_assignments(
            self.con.execute("SELECT id, doc_id, type, date, country FROM events WHERE status = 'occurred'").fetchall(),
            self.con.execute("SELECT event_id, entity_id, affiliation FROM event_parties").fetchall(),
            self.con.execute("SELECT doc_id, entity_id, kind, name FROM entities").fetchall())
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("UPDATE events SET corpus_event = NULL")
        if assignments:
            self.con.executemany("UPDATE events SET corpus_event = ? WHERE id = ?", [(c, e) for e, c in assignments])
        self.con.execute("DELETE FROM duplicates")
        copies = near_duplicate_rows(self.con)
        if copies:
            self.con.executemany("INSERT INTO duplicates VALUES (?, ?)", copies)
        self.con.execute("COMMIT")
        refresh_actors(self.con)
        return groups
