"""Portable SQL pieces of the store's tables (DuckDB and PostgreSQL): many rows in one statement, a result
read a part at a time, a filter to a set of ids."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

__all__ = ["PART", "insert_columns", "fetch_in_parts", "in_filter"]

#: rows sent per statement
PART = 50_000


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


def fetch_in_parts(cursor: Any, size: int = PART) -> Iterator[tuple]:
    while part := cursor.fetchmany(size):
        yield from part


def in_filter(column: str, ids: Collection[str] | None) -> tuple[str, list[Any]]:
    """A filter on ``column`` to the given ids (none: every row)."""
    if ids is None:
        return "", []
    return f" AND {column} IN (SELECT unnest(?::VARCHAR[]))", [sorted(ids)]
