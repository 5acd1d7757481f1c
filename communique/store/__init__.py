"""Store: Extraction records -> database rows (DuckDB by default), and the queries the faces use."""

from __future__ import annotations

from typing import Protocol

from ..records import Extraction, Rejected

__all__ = ["Store", "open_store"]


class Store(Protocol):
    """What every store backend provides."""

    def has_document(self, doc_id: str) -> bool: ...
    def write(self, extraction: Extraction) -> bool: ...
    def write_rejected(self, rejected: Rejected) -> None: ...
    def close(self) -> None: ...


def open_store(url: str, *, read_only: bool = False) -> "Store":
    """Open the store named by a path (DuckDB file) or a postgresql:// URL."""
    if url.startswith(("postgresql://", "postgres://")):
        from ..errors import StoreError

        raise StoreError("the PostgreSQL store is not available in this version; use a DuckDB file path")
    from .duckdb import DuckDBStore

    return DuckDBStore(url, read_only=read_only)
