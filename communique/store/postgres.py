"""PostgreSQL store: Extraction records -> the DuckDB store's tables on a server that several writers can share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import OptionalDependencyError, StoreError
from ..records import Extraction
from .rows import SQLStore, INSERT_SQL, document_rows

__all__ = ["PostgresStore", "PgConnection", "qmark_to_pyformat"]

# Any fixed 64-bit number: writers that open the store at once create the tables one after the other,
# and corpus refreshes do not interleave.
_SCHEMA_LOCK = 0x636F6D6D756E6971   # "communiq"
_REFRESH_LOCK = _SCHEMA_LOCK + 1
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")


@lru_cache(maxsize=256)
def qmark_to_pyformat(sql: str) -> str:
    """DuckDB's `?` placeholders -> psycopg's `%s` (and a literal `%` -> `%%`); quoted text is left alone,
    except that its `%` is doubled too, as psycopg reads the whole query when parameters are given."""
    out, pos = [], 0
    for m in _QUOTED.finditer(sql):
        out.append(sql[pos:m.start()].replace("%", "%%").replace("?", "%s"))
        out.append(m.group(0).replace("%", "%%"))
        pos = m.end()
    out.append(sql[pos:].replace("%", "%%").replace("?", "%s"))
    return "".join(out)


class PgConnection:
    """The face of a DuckDB connection that store/queries.py uses — execute(sql, params) returning a cursor
    with fetchone/fetchall, executemany — over a psycopg connection, with `?` placeholders."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if params is None:
            return self.raw.execute(sql)
        return self.raw.execute(qmark_to_pyformat(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(qmark_to_pyformat(sql), rows)

    def close(self) -> None:
        self.raw.close()


def redact(url: str) -> str:
    """The URL without its password, fit for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore(SQLStore):
    """Same tables and methods as DuckDBStore. Unlike a DuckDB file, many processes can write at once:
    each document goes in one transaction, and a document two writers store at the same time is kept once."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise OptionalDependencyError("the PostgreSQL store", "postgres", "psycopg") from exc
        self.url = redact(url)
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=15)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {self.url}: {first}. Check that the server is running and that "
                             "the URL reads postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE") from exc
        self._psycopg = psycopg
        self.con = PgConnection(raw)
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
            if raw.execute("SELECT to_regclass('documents')").fetchone()[0] is None:
                raw.close()
                raise StoreError(f"no communique tables in {self.url}; "
                                 f"run `communique extract ... --db {self.url}` first")
        else:
            with raw.transaction():
                raw.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEMA_LOCK])
                raw.execute((Path(__file__).parent / "schema.sql").read_text(encoding="utf-8"))

    # -- writes ----------------------------------------------------------------------------------
    def write(self, ex: Extraction) -> bool:
        """Store one document with everything extracted from it, in one transaction.
        Returns False when the document (same content) is already stored, by this writer or another."""
        d = ex.document
        if self.has_document(d.id):
            return False
        con, psycopg = self.con, self._psycopg
        rows = document_rows(ex, datetime.now(timezone.utc).replace(tzinfo=None))
        try:
            with con.raw.transaction():
                inserted = con.execute(INSERT_SQL["documents"] + " ON CONFLICT (id) DO NOTHING",
                                       rows.pop("documents")[0]).rowcount
                if not inserted:            # another writer stored the same content since has_document
                    raise psycopg.Rollback()
                con.execute("DELETE FROM rejects WHERE source = ?", [d.source])
                for table, table_rows in rows.items():
                    if table_rows:
                        con.executemany(INSERT_SQL[table], table_rows)
        except psycopg.Error as exc:
            raise StoreError(f"cannot store {d.source} in {self.url}: {exc}") from exc
        return bool(inserted)

    def refresh_corpus_events(self) -> int:
        """Recompute cross-document merged events over everything stored; returns their number.
        Same grouping as the DuckDB store whatever the server's collation (ids are sorted here)."""
        from ..stages.merge import corpus_assignments
        from .queries import near_duplicate_rows

        raw = self.con.raw
        with raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(%s)", [_REFRESH_LOCK])
            assignments, groups = corpus_assignments(
                raw.execute("SELECT id, doc_id, type, date, country FROM events WHERE status = 'occurred'").fetchall(),
                raw.execute("SELECT event_id, entity_id, affiliation FROM event_parties").fetchall(),
                raw.execute("SELECT doc_id, entity_id, kind, name FROM entities").fetchall())
            raw.execute("CREATE TEMP TABLE corpus_map (id VARCHAR PRIMARY KEY, corpus_event VARCHAR) "
                        "ON COMMIT DROP")
            with raw.cursor() as cur, cur.copy("COPY corpus_map (id, corpus_event) FROM STDIN") as copy:
                for ev_id, corpus_id in assignments:
                    copy.write_row((ev_id, corpus_id))
            raw.execute("UPDATE events SET corpus_event = NULL WHERE corpus_event IS NOT NULL")
            raw.execute("UPDATE events e SET corpus_event = m.corpus_event FROM corpus_map m WHERE e.id = m.id")
            raw.execute("DELETE FROM duplicates")
            copies = near_duplicate_rows(self.con)
            if copies:
                with raw.cursor() as cur:
                    cur.executemany("INSERT INTO duplicates VALUES (%s, %s)", copies)
        return groups
