"""Local runner: paths -> pipeline -> store, one writer, every input stored or recorded as rejected."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..config import Settings
from ..pipeline import Pipeline, RunCounts, load_resources
from ..records import Extraction, Rejected
from ..sources import FieldMap, read_inputs
from ..store import open_store

__all__ = ["extract_paths"]


def extract_paths(paths: Iterable[str], settings: Settings, *, fields: FieldMap = FieldMap(),
                  on_result: Callable[[Extraction | Rejected], None] | None = None,
                  pipeline: Pipeline | None = None) -> RunCounts:
    """Read, process and store every input; returns what happened. Re-running changes nothing."""
    pipeline = pipeline or Pipeline(load_resources(settings))
    counts = RunCounts()
    store = open_store(settings.db)
    try:
        for result in pipeline.run(read_inputs(paths, fields)):
            if isinstance(result, Rejected):
                store.write_rejected(result)
                counts.rejected[f"{result.stage}: {result.reason}"] += 1
            else:
                store.write(result)
                counts.documents += 1
                counts.events += sum(e.status == "occurred" for e in result.events)
            if on_result is not None:
                on_result(result)
        store.refresh_corpus_events()
    finally:
        store.close()
    return counts
