"""DuckDB store: one file, one writer process, one transaction per document, idempotent re-runs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Extraction
from .rows import SQLStore, TABLES, document_rows, insert_columns

# Column types of each table in schema order, for the columnar (unnest) insert.
_COLUMN_TYPES: dict[str, list[str]] = {
    "documents": ["VARCHAR"] * 8 + ["TIMESTAMP"],
    "entities": ["VARCHAR"] * 9,
    "actors": ["VARCHAR"] * 6,
    "aliases": ["VARCHAR"] * 5,
    "mentions": ["VARCHAR", "VARCHAR", "INTEGER", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR"],
    "events": ["VARCHAR"] * 6 + ["VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "VARCHAR", "DOUBLE", "VARCHAR"],
    "event_parties": ["VARCHAR"] * 5,
    "evidence": ["VARCHAR", "INTEGER", "INTEGER", "VARCHAR"],
    "fingerprints": ["VARCHAR", "BLOB"],
}

#: tables whose last column a refresh fills (events.corpus_event, fingerprints.representative)
_FILLED_LATER = ("events", "fingerprints")

__all__ = ["DuckDBStore"]

SCHEMA = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")


class DuckDBStore(SQLStore):
    """The default store. DuckDB allows one process to hold the file: keep writes in one process."""

    keeps_actors = True

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

    # -- writes ----------------------------------------------------------------------------------
    def write(self, ex: Extraction) -> bool:
        """Store one document with everything extracted from it, in one transaction.
        Returns False when the document (same content) is already stored."""
        try:
            return self.write_many([ex])[0]
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"cannot store {ex.document.source}: {exc}") from exc

    def write_many(self, extractions: Sequence[Extraction]) -> list[bool]:
        """Store many documents in one transaction with one columnar INSERT per table (a row-by-row
        write costs about 100 statements a document). Returns, per extraction, whether it was new.
        Actors, aliases and events already written keep their first row, as ON CONFLICT DO NOTHING does."""
        con = self.con
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        ids = list({ex.document.id for ex in extractions})
        existing = {row[0] for row in con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
        rows: dict[str, list[list[Any]]] = {name: [] for name in TABLES}
        firsts: dict[str, set[Any]] = {"actors": set(), "aliases": set(), "events": set()}
        new: list[bool] = []
        sources: list[str] = []
        for ex in extractions:
            if ex.document.id in existing:
                new.append(False)
                continue
            existing.add(ex.document.id)
            new.append(True)
            sources.append(ex.document.source)
            for table, table_rows in document_rows(ex, now).items():
                seen = firsts.get(table)
                for row in table_rows:
                    if seen is not None:
                        key = tuple(row[:2]) if table == "aliases" else row[0]
                        if key in seen:
                            continue
                        seen.add(key)
                    rows[table].append(row)
        if not sources:
            return new
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM rejects WHERE source IN (SELECT unnest(?::VARCHAR[]))", [sources])
            for table, types in _COLUMN_TYPES.items():
                insert_columns(con, table, types, rows[table],
                               tail=(", NULL" if table in _FILLED_LATER else "")
                               + (" ON CONFLICT DO NOTHING" if table in firsts else ""))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return new

