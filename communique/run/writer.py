"""The single writer: Extraction / Rejected / Skipped records -> the store, committed in batches, counted.

Every engine (in-process, worker processes, Ray) sends its results to one StoreWriter in the parent
process, because DuckDB lets one process hold the file. Results are buffered and committed together
(a document is stored whole or not at all), then handed to `on_result`: a record passed to
`on_result` is in the store, so a run killed at any point loses nothing that was reported.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence

from ..corpus.refresh import refresh_corpus
from ..errors import StoreError
from ..pipeline import RunCounts
from ..records import Extraction, Rejected
from ..store import Store
from .batches import Result, Skipped

__all__ = ["StoreWriter"]


class StoreWriter:
    """Buffers results, writes them in one transaction per flush, counts them, reports progress."""

    def __init__(self, store: Store, *, on_result: Callable[[Extraction | Rejected], None] | None = None,
                 on_counts: Callable[[RunCounts], None] | None = None,
                 flush_every: int = 64, flush_seconds: float = 1.0) -> None:
        self.store = store
        self.counts = RunCounts()
        self.on_result = on_result
        self.on_counts = on_counts
        self.flush_every = flush_every
        self.flush_seconds = flush_seconds
        self._buffer: list[Result] = []
        self._last_flush = time.monotonic()
        self._stored_new = 0        # documents this writer stored: none, and the refresh has nothing to do
        #: documents already in the store -> their number of occurred events (what a skip counts)
        self.stored_events: dict[str, int] = _stored_documents(store)

    @property
    def stored_ids(self) -> frozenset[str]:
        return frozenset(self.stored_events)

    def add(self, result: Result) -> None:
        self.add_all([result])

    def add_all(self, results: Sequence[Result]) -> None:
        """Buffer results; commit when `flush_every` are waiting or `flush_seconds` have passed."""
        self._buffer.extend(results)
        if len(self._buffer) >= self.flush_every or time.monotonic() - self._last_flush >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        buffer, self._buffer = self._buffer, []
        self._last_flush = time.monotonic()
        if not buffer:
            return
        extractions = [r for r in buffer if isinstance(r, Extraction)]
        failed = self._write(extractions)
        for r in buffer:
            if isinstance(r, Rejected):
                self.store.write_rejected(r)
        self._stored_new += len(extractions) - len(failed)
        for r in buffer:
            if isinstance(r, Extraction) and id(r) in failed:
                r = failed[id(r)]
            self._count(r)
            if self.on_result is not None and not isinstance(r, Skipped):
                self.on_result(r)
        if self.on_counts is not None:
            self.on_counts(self.counts)

    def close(self) -> RunCounts:
        """Flush what is left and bring the cross-document tables up to date (skipped when this run stored
        nothing and no earlier run left documents unchecked); returns the counts."""
        self.flush()
        if self._stored_new or self.store.needs_refresh():
            started = time.monotonic()
            refresh_corpus(self.store)
            self.counts.refresh_seconds = time.monotonic() - started
        return self.counts

    # -- internals ---------------------------------------------------------------------------------
    def _write(self, extractions: list[Extraction]) -> dict[int, Rejected]:
        """Store the batch in one transaction; a batch that fails is written one document at a time,
        and a document the store refuses becomes a `store` reject (returned by object id)."""
        if not extractions:
            return {}
        import duckdb

        write_many = getattr(self.store, "write_many", None)       # DuckDB and PostgreSQL stores
        if write_many is not None:
            refused: tuple[type[BaseException], ...] = (duckdb.Error, StoreError)
            psycopg = sys.modules.get("psycopg")     # imported where a PostgreSQL store is open
            if psycopg is not None:
                refused += (psycopg.Error,)
            try:
                write_many(extractions)
                return {}
            except duckdb.InterruptException as exc:    # Ctrl-C inside a query: the run's interruption
                raise KeyboardInterrupt from exc
            except refused:     # a row the database refuses: one transaction per document finds it below
                pass
        failed: dict[int, Rejected] = {}
        for ex in extractions:
            try:
                self.store.write(ex)
            except StoreError as exc:
                if isinstance(exc.__cause__, duckdb.InterruptException):
                    raise KeyboardInterrupt from exc
                rej = Rejected(ex.document.source, "store", str(exc), ex.document.id)
                self.store.write_rejected(rej)
                failed[id(ex)] = rej
        return failed

    def _count(self, r: Result) -> None:
        c = self.counts
        if isinstance(r, Rejected):
            c.rejected[f"{r.stage}: {r.reason}"] += 1
        elif isinstance(r, Skipped):
            c.documents += 1
            c.skipped += 1
            c.events += self.stored_events.get(r.doc_id, 0)
        else:
            c.documents += 1
            c.events += sum(e.status == "occurred" for e in r.events)


def _stored_documents(store: Store) -> dict[str, int]:
    counts = getattr(store, "occurred_event_counts", None)
    return counts() if counts is not None else {}
