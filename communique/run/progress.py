"""Progress of a run: RunCounts -> a rich progress bar on stderr (documents, documents/s, events, rejects)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..pipeline import RunCounts
from ..sources import TEXT_SUFFIXES

__all__ = ["RunProgress", "count_inputs"]


class RunProgress:
    """A progress bar on stderr, or nothing when `quiet`. Use as a context manager; feed it counts."""

    def __init__(self, *, quiet: bool = False, total: int | None = None, label: str = "extract") -> None:
        self.quiet = quiet
        self._progress: Any = None
        self._task: Any = None
        self._total = total
        self._label = label

    def __enter__(self) -> "RunProgress":
        if self.quiet:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
        from rich.text import Text

        class _Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                elapsed = task.elapsed or 0.0
                return Text(f"{task.completed / elapsed if elapsed else 0.0:6.1f} docs/s")

        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(),
            TextColumn("{task.completed}" + ("/{task.total}" if self._total else "") + " documents"), _Rate(),
            TextColumn("{task.fields[events]} events  {task.fields[rejects]} rejected  "
                       "{task.fields[skipped]} already stored"),
            TimeElapsedColumn(),
            # stdout stays the caller's (jsonl records go there); the bar is drawn on stderr only
            console=Console(stderr=True), redirect_stdout=False, redirect_stderr=False, transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(self._label, total=self._total, events=0, rejects=0, skipped=0)
        return self

    def update(self, counts: RunCounts) -> None:
        if self._progress is None:
            return
        done = counts.documents + sum(counts.rejected.values())
        self._progress.update(self._task, completed=done, events=counts.events,
                              rejects=sum(counts.rejected.values()), skipped=counts.skipped)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def count_inputs(paths: list[str]) -> int | None:
    """How many documents the inputs hold when that is cheap to know (no JSONL/CSV corpus), else None."""
    from ..sources import CORPUS_SUFFIXES, HTML_SUFFIXES

    n = 0
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            if path.is_file() and path.suffix.lower() in CORPUS_SUFFIXES:
                return None
            n += 1      # a file, or a missing path (one `read` reject)
            continue
        for f in path.rglob("*"):
            suffix = f.suffix.lower()
            if not f.is_file() or f.name.startswith(".") or suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES:
                continue
            if suffix in CORPUS_SUFFIXES:
                return None
            n += 1
    return n
