"""Store: Extraction records -> database rows (DuckDB by default, PostgreSQL by URL), and the queries the faces use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from ..records import Extraction, Rejected

__all__ = ["Store", "Connection", "open_store", "is_postgres_url"]


class Connection(Protocol):
    """What store/queries.py needs of `store.con`: DuckDB's connection, or PgConnection over psycopg."""

    def execute(self, sql: str, params: Sequence[Any] | None = ...) -> Any: ...


class Store(Protocol):
    """What every store backend provides."""

    con: Connection

    def has_document(self, doc_id: str) -> bool: ...
    def write(self, extraction: Extraction) -> bool: ...
    def write_rejected(self, rejected: Rejected) -> None: ...
    def refresh_corpus_events(self) -> int: ...
    def needs_refresh(self) -> bool: ...
    def close(self) -> None: ...
    def __enter__(self) -> "Store": ...
    def __exit__(self, *exc: object) -> None: ...


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str, *, read_only: bool = False) -> Store:
    """Open the store named by a path (DuckDB file) or a postgresql:// URL (needs communique[postgres])."""
    if is_postgres_url(url):
        from .postgres import PostgresStore

        return PostgresStore(url, read_only=read_only)
    from .duckdb import DuckDBStore

    return DuckDBStore(url, read_only=read_only)
