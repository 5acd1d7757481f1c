"""Server state: the open store (one lock around its connection), the browse index, the ingest pipeline."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..store import Store, open_store
from ..store.browse import BrowseIndex, build_index, store_generation

__all__ = ["ServeSettings", "ServerState"]


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """What `communique serve` is started with."""

    db: str
    token: str | None = None                    # POST /api/documents is off unless set
    rate_per_second: float = 20.0               # per client IP, token bucket
    burst: int = 60
    max_body_bytes: int = 2_000_000             # a posted document, in bytes
    recheck_seconds: float = 2.0                # how often another writer's changes (PostgreSQL) are looked for


@dataclass
class ServerState:
    """Everything a request handler reads; built once per app."""

    settings: ServeSettings
    store: Store
    index: BrowseIndex
    store_lock: threading.RLock = field(default_factory=threading.RLock)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    pipeline: Any = None
    _checked_at: float = 0.0

    @classmethod
    def open(cls, settings: ServeSettings) -> "ServerState":
        """Open the store read-write only when documents can be posted (DuckDB: this process holds the file)."""
        store = open_store(settings.db, read_only=settings.token is None)
        return cls(settings, store, build_index(store.con))

    @contextmanager
    def con(self) -> Iterator[Any]:
        """The store connection, one request at a time (DuckDB and psycopg connections are not shared)."""
        with self.store_lock:
            yield self.store.con

    def current_index(self) -> BrowseIndex:
        """The browse index, rebuilt when another writer (PostgreSQL) changed the store."""
        now = time.monotonic()
        if now - self._checked_at >= self.settings.recheck_seconds:
            self._checked_at = now
            with self.con() as con:
                if store_generation(con) != self.index.generation:
                    self.index = build_index(con)
        return self.index

    def rebuild_index(self) -> None:
        with self.con() as con:
            self.index = build_index(con)

    def load_pipeline(self, factory: Callable[[], Any]) -> Any:
        if self.pipeline is None:
            self.pipeline = factory()
        return self.pipeline

    def close(self) -> None:
        with self.store_lock:
            self.store.close()
