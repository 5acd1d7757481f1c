"""Local runner: paths -> pipeline (in this process or N worker processes) -> store, one writer,
every input stored or recorded as rejected; a run started again skips what is already stored."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..config import Settings
from ..errors import CommuniqueError
from ..pipeline import Pipeline, RunCounts, load_resources
from ..records import Extraction, RawDocument, Rejected
from ..sources import FieldMap, read_inputs
from ..store import open_store
from .batches import Result, chunked, process_batch
from .progress import RunProgress
from .writer import StoreWriter

__all__ = ["extract_paths", "ENGINES"]

ENGINES = ("local", "ray")


def extract_paths(paths: Iterable[str], settings: Settings, *, fields: FieldMap = FieldMap(),
                  workers: int = 1, engine: str = "local", ray_address: str | None = None, quiet: bool = False,
                  on_result: Callable[[Extraction | Rejected], None] | None = None,
                  pipeline: Pipeline | None = None, total: int | None = None, **read_options: Any) -> RunCounts:
    """Read, process and store every input; returns what happened.

    workers: processes running the pipeline (each loads the models once); the calling process is the
    only store writer. engine "ray" runs the same stages on Ray Data (`workers` actors; `ray_address`
    an existing cluster, else a local Ray). Inputs whose normalized text is already stored are skipped
    before spaCy, so re-running, or resuming a killed run, stores each document exactly once.
    `on_result` gets every new Extraction or Rejected once it is committed; a progress bar goes to
    stderr unless `quiet` (`total`, when the caller knows it, gives the bar an end). `read_options`
    go to `sources.read_inputs` (include/exclude globs, follow_links, ...)."""
    if engine not in ENGINES:
        raise CommuniqueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise CommuniqueError(f"workers must be 1 or more, not {workers}")
    paths = list(paths)
    if engine == "ray":
        from .ray_runner import extract_paths_ray

        return extract_paths_ray(paths, settings, fields=fields, actors=workers, address=ray_address, quiet=quiet,
                                 on_result=on_result, total=total, **read_options)
    store = open_store(settings.db)
    try:
        with RunProgress(quiet=quiet, total=total) as progress:
            writer = StoreWriter(store, on_result=on_result, on_counts=progress.update)
            raws = read_inputs(paths, fields, **read_options)
            try:
                if workers == 1:
                    pipeline = pipeline or Pipeline(load_resources(settings))
                    stored = writer.stored_ids
                    for batch in chunked(raws, settings.batch_size):
                        writer.add_all(process_batch(pipeline, batch, stored))
                else:
                    _run_workers(raws, settings, writer, workers)
            except KeyboardInterrupt:
                writer.close()          # keep what is done; the next run skips it
                raise
            return writer.close()
    finally:
        store.close()


def _run_workers(raws: Iterable[RawDocument | Rejected], settings: Settings, writer: StoreWriter,
                 workers: int) -> None:
    """Batches go to `workers` spawned processes (a few in flight each); results come back to the writer."""
    context = _worker_context(settings.languages)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(settings, writer.stored_ids))
    pending: set[Future[list[Result]]] = set()
    try:
        for batch in chunked(raws, settings.batch_size):
            pending.add(pool.submit(_work, batch))
            if len(pending) >= 3 * workers:
                pending = _collect(pending, writer, FIRST_COMPLETED)
        _collect(pending, writer, ALL_COMPLETED)
    except BrokenProcessPool as exc:
        pool.shutdown(wait=False, cancel_futures=True)
        raise CommuniqueError("a worker process died: out of memory, or a script calling extract_paths without "
                              "`if __name__ == '__main__':` (worker processes are spawned and import it). What "
                              "was stored is kept: run the same command again to finish, with fewer --workers if "
                              "memory is short") from exc
    except BaseException:               # Ctrl-C or a failing batch: drop the queued work, do not wait for it
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _worker_context(languages: tuple[str, ...]) -> Any:
    """Workers start clean (no store, no threads of the parent): from a fork server where it exists, which
    imports the pipeline and spaCy's language data once and forks each worker with them (spaCy's French
    tokenizer exceptions alone cost about 5 CPU seconds a process); elsewhere (Windows) spawned."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "communique.pipeline", *(f"spacy.lang.{code}" for code in languages)])
    return context


def _collect(pending: set[Future[list[Result]]], writer: StoreWriter, when: str) -> set[Future[list[Result]]]:
    done, rest = wait(pending, return_when=when)
    for future in done:
        writer.add_all(future.result())
    return rest


# -- worker processes --------------------------------------------------------------------------------
_worker: dict[str, object] = {}     # this worker process's pipeline and the ids stored before the run


def _init_worker(settings: Settings, stored: Collection[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    _exit_with_parent()
    _worker["pipeline"] = Pipeline(load_resources(settings))
    _worker["stored"] = stored


def _work(batch: list[RawDocument | Rejected]) -> list[Result]:
    try:
        return process_batch(_worker["pipeline"], batch, _worker["stored"])  # type: ignore[arg-type]
    except CommuniqueError as exc:      # subclasses may not unpickle in the parent: keep the message
        raise CommuniqueError(str(exc)) from None


def _exit_with_parent() -> None:
    """A worker whose parent is gone (kill -9) exits at once instead of waiting forever for work."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="communique-parent-watch", daemon=True).start()

