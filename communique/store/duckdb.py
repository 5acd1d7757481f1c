"""DuckDB store: one file, one writer process, one transaction per document, idempotent re-runs."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError
from ..records import Extraction, Rejected
from .rows import INSERT_SQL, document_rows

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
            con.execute("DELETE FROM rejects WHERE source = ?", [d.source])
            for table, rows in document_rows(ex, datetime.now(timezone.utc).replace(tzinfo=None)).items():
                if rows:
                    con.executemany(INSERT_SQL[table], rows)
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
