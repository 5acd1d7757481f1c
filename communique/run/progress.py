"""Progress of a run: RunCounts -> a rich progress bar on stderr (documents, documents/s, events, rejects)."""

from __future__ import annotations

from typing import Any

from ..pipeline import RunCounts

__all__ = ["RunProgress"]


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
                return Text(f"{task.completed / elapsed if elapsed else 0.0:.1f} docs/s")

        console = Console(stderr=True)
        live = console.is_terminal
        if not live:                        # a log file: one wide line at the end, no wrapping
            console = Console(stderr=True, width=200)
        columns: list[Any] = [TextColumn("[bold]{task.description}")]
        if live or self._total:
            columns.append(BarColumn(bar_width=24))     # pulses while the total is unknown
        columns += [
            TextColumn("{task.completed}" + ("/{task.total}" if self._total else "") + " documents"), _Rate(),
            TextColumn("{task.fields[events]} events  {task.fields[rejects]} rejected  "
                       "{task.fields[skipped]} already stored"),
            TimeElapsedColumn(),
        ]
        # stdout stays the caller's (jsonl records go there); the bar is drawn on stderr only
        self._progress = Progress(*columns, console=console, redirect_stdout=False, redirect_stderr=False)
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

