"""Server state: the open store (one lock around its connection), where its browse tables are, the ingest pipeline."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..store import Store, open_store
from ..store.browse_tables import browse_is_current, browse_source

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
    browse: Any             # the connection holding the browse tables: the store's own, or an in-memory copy
    store_lock: threading.RLock = field(default_factory=threading.RLock)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    pipeline: Any = None
    _checked_at: float = 0.0

    @classmethod
    def open(cls, settings: ServeSettings) -> "ServerState":
        """Open the store read-write only when documents can be posted (DuckDB: this process holds the file).
        Its browse tables are read in place; a stale read-only store is browsed from an in-memory copy."""
        writable = settings.token is not None
        store = open_store(settings.db, read_only=not writable)
        return cls(settings, store, browse_source(store.con, writable=writable))

    @contextmanager
    def con(self) -> Iterator[Any]:
        """The store connection, one request at a time (DuckDB and psycopg connections are not shared)."""
        with self.store_lock:
            yield self.store.con

    @contextmanager
    def reading(self) -> Iterator[tuple[Any, Any]]:
        """(browse tables, store) connections for one request: DuckDB cursors of its own, so that reads run
        side by side, or the one PostgreSQL connection under the lock."""
        self._recheck()
        with ExitStack() as stack:
            con = self.store.con
            if hasattr(con, "cursor"):          # DuckDB
                con = stack.enter_context(closing(con.cursor()))
            else:
                stack.enter_context(self.store_lock)
            browse = self.browse
            db = con if browse is self.store.con else stack.enter_context(closing(browse.cursor()))
            yield db, con

    def _recheck(self) -> None:
        """An in-memory copy is replaced once the store's own tables are current (another writer refreshed
        them), or rebuilt when the store changed; the store's own tables are kept current by every refresh."""
        if self.browse is self.store.con:
            return
        now = time.monotonic()
        if now - self._checked_at < self.settings.recheck_seconds:
            return
        self._checked_at = now
        with self.con() as con:
            if browse_is_current(con):
                self.browse = con
            elif not browse_is_current(con, self.browse):
                self.browse = browse_source(con, writable=False)

    def load_pipeline(self, factory: Callable[[], Any]) -> Any:
        if self.pipeline is None:
            self.pipeline = factory()
        return self.pipeline

    def close(self) -> None:
        with self.store_lock:
            self.store.close()
