"""PostgreSQL store: Extraction records -> the DuckDB store's tables on a server that several writers can share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import OptionalDependencyError, StoreError
from ..records import Extraction
from .rows import INSERT_SQL, SQLStore, document_rows

__all__ = ["PgConnection", "PostgresStore", "qmark_to_pyformat"]

# Any fixed 64-bit number: writers that open the store at once create the tables one after the other,
# and corpus refreshes do not interleave.
_SCHEMA_LOCK = 0x636F6D6D756E6971   # "communiq"
_REFRESH_LOCK = _SCHEMA_LOCK + 1
# A batch that meets another writer's in a deadlock (the server undoes it) is tried again this many times.
_ATTEMPTS = 3
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
    a batch of documents goes in one transaction, and a document two writers store at the same time is kept once."""

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
        self._tables: dict[str, _Table] = {}
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
        return self.write_many([ex])[0]

    def write_many(self, extractions: Sequence[Extraction]) -> list[bool]:
        """Store many documents in one transaction: one columnar INSERT for the documents, then, for those
        it actually added, one COPY per plain table and one columnar INSERT ... ON CONFLICT DO NOTHING per
        table whose rows documents share (actors, aliases, events: the first row written is kept).
        Returns, per extraction, whether it was new. A document already stored, by this writer or by another
        one at the same time, or earlier in the batch, gives False, and none of its rows are written twice.
        Raises StoreError, the whole batch undone, when the server refuses a row."""
        if not extractions:
            return []
        psycopg = self._psycopg
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return self._write_many(extractions)
            except psycopg.errors.TransactionRollback as exc:   # deadlock, serialization failure: try again
                if attempt == _ATTEMPTS:
                    raise StoreError(self._failure(extractions, exc)) from exc
            except psycopg.Error as exc:
                raise StoreError(self._failure(extractions, exc)) from exc
        raise AssertionError("unreachable")

    def _failure(self, extractions: Sequence[Extraction], exc: Exception) -> str:
        what = (extractions[0].document.source if len(extractions) == 1
                else f"{len(extractions)} documents ({extractions[0].document.source}, ...)")
        return f"cannot store {what} in {self.url}: {exc}"

    def _write_many(self, extractions: Sequence[Extraction]) -> list[bool]:
        raw = self.con.raw
        now = datetime.now(UTC).replace(tzinfo=None)
        per_doc: dict[str, dict[str, list[list[Any]]]] = {}
        sources: dict[str, str] = {}
        for ex in extractions:                          # a document twice in the batch is written once
            if ex.document.id not in per_doc:
                per_doc[ex.document.id] = document_rows(ex, now)
                sources[ex.document.id] = ex.document.source
        with raw.transaction():
            # the documents first: the insert tells which are new, as another writer may store some meanwhile
            inserted = set(self._table(raw, "documents").insert(
                raw, [rows["documents"][0] for rows in per_doc.values()], returning="id"))
            if inserted:
                added = [rows for doc_id, rows in per_doc.items() if doc_id in inserted]
                raw.execute("DELETE FROM rejects WHERE source = ANY(%s::varchar[])",
                            [sorted({sources[doc_id] for doc_id in inserted})])
                for name in added[0]:
                    if name != "documents":
                        table_rows = [row for rows in added for row in rows[name]]
                        if table_rows:
                            self._table(raw, name).write(raw, table_rows)
        seen: set[str] = set()
        new = []
        for ex in extractions:
            doc_id = ex.document.id
            new.append(doc_id in inserted and doc_id not in seen)
            seen.add(doc_id)
        return new

    def _table(self, raw: Any, name: str) -> _Table:
        table = self._tables.get(name)
        if table is None:
            table = self._tables[name] = _Table.load(raw, name)
        return table

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction, and one refresh at a time among the writers sharing the server."""
        raw = self.con.raw
        with raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(%s)", [_REFRESH_LOCK])
            yield


class _Table:
    """One table as the server has it (columns, their types, the primary key) and the bulk writes of its rows.
    Rows are document_rows' lists, in column order; columns they leave out at the end (events.corpus_event)
    keep their default. Tables whose INSERT_SQL says ON CONFLICT DO NOTHING (rows that documents share) get a
    columnar INSERT that keeps the first row of a key; the others get COPY."""

    def __init__(self, name: str, columns: list[str], types: list[str], key: list[int]) -> None:
        self.name, self.columns, self.types, self.key = name, columns, types, key
        self.keep_first = "ON CONFLICT" in INSERT_SQL.get(name, "").upper()
        self._statements: dict[tuple[str, int, str | None], Any] = {}

    @classmethod
    def load(cls, raw: Any, name: str) -> _Table:
        """The table `name` resolves to on the connection's search_path, as INSERT and COPY see it."""
        cols = raw.execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnum = ANY(i.indkey) "
            "FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary "
            "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            [name]).fetchall()
        return cls(name, [c[0] for c in cols], [c[1] for c in cols], [i for i, c in enumerate(cols) if c[2]])

    def write(self, raw: Any, rows: list[list[Any]]) -> None:
        if self.keep_first:
            self.insert(raw, rows)
        else:
            with raw.cursor() as cur, cur.copy(self._sql("copy", len(rows[0]))) as copy:
                for row in rows:
                    copy.write_row(row)

    def insert(self, raw: Any, rows: list[list[Any]], returning: str | None = None) -> list[Any]:
        """INSERT ... SELECT * FROM unnest(an array a column) ON CONFLICT DO NOTHING; returns the
        `returning` column of the rows it added. Rows go in key order, the first of a key kept: two
        writers inserting the same keys wait for each other in the same order, never in a cycle."""
        if self.key:
            firsts: dict[tuple[Any, ...], list[Any]] = {}
            for row in rows:
                firsts.setdefault(tuple(row[i] for i in self.key), row)
            rows = [firsts[k] for k in sorted(firsts)]
        columns = [_column(values) for values in zip(*rows)]
        if returning is None:
            raw.execute(self._sql("insert", len(columns)), columns)
            return []
        return [r[0] for r in raw.execute(self._sql("insert", len(columns), returning), columns).fetchall()]

    def _sql(self, kind: str, width: int, returning: str | None = None) -> Any:
        """The COPY or the columnar INSERT of rows `width` columns wide (made once)."""
        statement = self._statements.get((kind, width, returning))
        if statement is not None:
            return statement
        from psycopg import sql

        if width > len(self.columns):
            raise StoreError(f"rows for {self.name} have {width} columns, the table {len(self.columns)}")
        table = sql.Identifier(self.name)
        names = sql.SQL(", ").join(map(sql.Identifier, self.columns[:width]))
        if kind == "copy":
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(table, names)
        else:
            arrays = sql.SQL(", ").join(sql.SQL("%s::{}[]").format(sql.SQL(t)) for t in self.types[:width])
            statement = sql.SQL("INSERT INTO {} ({}) SELECT * FROM unnest({}) ON CONFLICT DO NOTHING").format(
                table, names, arrays)
            if returning is not None:
                statement += sql.SQL(" RETURNING {}").format(sql.Identifier(returning))
        self._statements[(kind, width, returning)] = statement
        return statement


def _column(values: tuple[Any, ...]) -> list[Any]:
    """One column as a list psycopg can send as an array: its values all of one Python type (psycopg refuses
    [1, 0.5]); numbers of mixed types become floats, other mixes text that the array cast reads back."""
    kinds = {type(v) for v in values if v is not None}
    if len(kinds) <= 1:
        return list(values)
    if kinds <= {int, float, bool}:
        return [None if v is None else float(v) for v in values]
    return [None if v is None else str(v) for v in values]
