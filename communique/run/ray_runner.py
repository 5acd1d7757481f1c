"""Ray runner: paths -> Ray Data (actors holding the models run the same stage functions) -> the store.

The optional extra `communique[ray]`; ray is imported only here, only when this engine is asked for.
The driver reads the inputs a chunk at a time (CHUNK_SIZE documents), Ray Data runs `process_batch`
in `actors` actors (each builds its Pipeline once per chunk), and the results come back to the driver,
the single store writer, as Arrow batches of document records: streamed (the default, resumable like the local engine) or, with `parquet_dir`,
written as Parquet there by the cluster and then loaded (for a cluster with shared storage).
"""

from __future__ import annotations

import json
import logging
import pickle
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import CommuniqueError, OptionalDependencyError
from ..export import document_record, rejected_record
from ..pipeline import Pipeline, RunCounts, load_resources
from ..records import Extraction, RawDocument, Rejected
from ..sources import FieldMap, read_inputs
from ..store import open_store
from .batches import Result, process_batch
from .progress import RunProgress
from .writer import StoreWriter

__all__ = ["extract_paths_ray", "require_ray", "results_table", "results_from_table"]

#: documents per Ray Data run: bounds the driver's memory; each run starts its actors (model loading,
#: a few seconds) so a chunk should take minutes
CHUNK_SIZE = 10_000

#: a local Ray started by this runner: small object store, no dashboard
LOCAL_RAY = {"object_store_memory": 256 * 1024**2, "include_dashboard": False}


def require_ray() -> Any:
    """Import ray (with Ray Data) or say which extra to install."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise OptionalDependencyError("the ray engine (--engine ray)", "ray", "ray[data]") from exc
    return ray


class ExtractActor:
    """A Ray Data actor: builds the pipeline once, then turns batches of raw documents into result rows."""

    def __init__(self, settings: Settings, stored: Collection[str]) -> None:
        self.pipeline = Pipeline(load_resources(settings))
        self.stored = stored

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        raws = [pickle.loads(blob) for blob in batch["raw"]]
        return results_table(process_batch(self.pipeline, raws, self.stored))


def results_table(results: Iterable[Result]) -> dict[str, list[Any]]:
    """Result records -> columns: what each input became, its SCHEMA.md record as JSON, and the record
    itself (pickled, for the store writer; read it back only from files this runner wrote)."""
    cols: dict[str, list[Any]] = {k: [] for k in ("source", "doc_id", "status", "events", "record", "result")}
    for r in results:
        if isinstance(r, Extraction):
            source, doc_id, status = r.document.source, r.document.id, "stored"
            events, record = sum(e.status == "occurred" for e in r.events), document_record(r)
        elif isinstance(r, Rejected):
            source, doc_id, status, events, record = r.source, r.doc_id, "rejected", 0, rejected_record(r)
        else:
            source, doc_id, status, events, record = r.source, r.doc_id, "skipped", 0, None
        cols["source"].append(source)
        cols["doc_id"].append(doc_id)
        cols["status"].append(status)
        cols["events"].append(events)
        cols["record"].append(None if record is None else json.dumps(record, ensure_ascii=False))
        cols["result"].append(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
    return cols


def results_from_table(table: Any) -> Iterator[Result]:
    """The records of a results table (an Arrow table or record batch)."""
    for blob in table.column("result").to_pylist():
        yield pickle.loads(blob)


def extract_paths_ray(paths: Iterable[str], settings: Settings, *, fields: FieldMap = FieldMap(), actors: int = 2,
                      address: str | None = None, quiet: bool = False,
                      on_result: Callable[[Extraction | Rejected], None] | None = None,
                      parquet_dir: str | None = None, total: int | None = None,
                      ray_init: dict[str, Any] | None = None, chunk_size: int = CHUNK_SIZE,
                      **read_options: Any) -> RunCounts:
    """Like `extract_paths`, on Ray Data: `actors` actors (one CPU each) on the Ray at `address`, on the one
    already initialized in this process, or on a local one started here (`ray_init` overrides
    LOCAL_RAY) and shut down at the end. Inputs are read and sent `chunk_size` documents at a time
    (each chunk is one Ray Data run: its actors load the models once; with `parquet_dir`, its results
    are written under `parquet_dir/part-NNNNN`)."""
    ray = require_ray()
    started = False
    if not ray.is_initialized():
        options = {} if address else {**LOCAL_RAY, **(ray_init or {})}
        ray.init(address=address, logging_level="WARNING", log_to_driver=False, **options)
        started = True
    store = open_store(settings.db)
    try:
        with RunProgress(quiet=quiet, total=total, label="extract (ray)") as progress:
            writer = StoreWriter(store, on_result=on_result, on_counts=progress.update)
            try:
                for n, items in enumerate(_chunks(read_inputs(paths, fields, **read_options), writer, chunk_size)):
                    part = str(Path(parquet_dir) / f"part-{n:05d}") if parquet_dir else None
                    for table in _run(ray, items, settings, writer.stored_ids, actors, part):
                        writer.add_all(list(results_from_table(table)))
            except KeyboardInterrupt:
                writer.close()
                raise
            except ray.exceptions.RayTaskError as exc:   # a missing model in an actor: say so, not Ray's trace
                if isinstance(exc.cause, CommuniqueError):
                    raise CommuniqueError(str(exc.cause)) from exc
                raise
            return writer.close()
    finally:
        store.close()
        if started:
            ray.shutdown()


def _chunks(raws: Iterable[RawDocument | Rejected], writer: StoreWriter, size: int) -> Iterator[list[dict[str, bytes]]]:
    """The inputs as lists of `size` pickled documents (one Ray Data run each, so that the driver never holds
    the whole corpus); unreadable inputs go straight to the writer."""
    items: list[dict[str, bytes]] = []
    for raw in raws:
        if isinstance(raw, Rejected):     # unreadable input: nothing to send to the cluster
            writer.add(raw)
            continue
        items.append({"raw": pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL)})
        if len(items) >= size:
            yield items
            items = []
    if items:
        yield items


def _run(ray: Any, items: list[dict[str, bytes]], settings: Settings, stored: frozenset[str], actors: int,
         parquet_dir: str | None) -> Iterator[Any]:
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False        # ours is the one progress bar
    context.print_on_execution_start = False
    per_block = settings.batch_size * 2
    blocks = max(actors, min(2000, -(-len(items) // per_block)))
    ds = ray.data.from_items(items, override_num_blocks=blocks)
    ds = ds.map_batches(ExtractActor, fn_constructor_args=(settings, stored), batch_size=settings.batch_size,
                        batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1)
    if parquet_dir is None:
        yield from ds.iter_batches(batch_size=None, batch_format="pyarrow")
        return
    import pyarrow.dataset

    ds.write_parquet(parquet_dir)
    for batch in pyarrow.dataset.dataset(str(Path(parquet_dir))).to_batches():
        yield batch
