"""Files and folders: paths -> the files to read (kind by suffix, include/exclude globs); text and HTML files."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Literal

from ..records import Provenance, RawDocument, Rejected

__all__ = ["Kind", "TEXT_SUFFIXES", "HTML_SUFFIXES", "kind_of", "walk", "read_page"]

Kind = Literal["text", "html", "jsonl", "json", "csv", "parquet", "feed", "warc"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_KINDS: dict[str, Kind] = {
    **{s: "text" for s in TEXT_SUFFIXES}, **{s: "html" for s in HTML_SUFFIXES},
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}


def kind_of(path: Path) -> Kind | None:
    """What a file holds, from its suffix (".warc.gz" counts as one); None for unknown suffixes."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return _KINDS.get(path.suffix.lower())


def _matches(rel: PurePosixPath, patterns: Sequence[str]) -> bool:
    text = rel.as_posix()
    return any(fnmatchcase(rel.name, p) or fnmatchcase(text, p) for p in patterns)


def walk(folder: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Path]:
    """Every readable file under `folder`, recursively, sorted.

    A glob matches a file when it matches its name ("*.txt") or its path relative to `folder`
    ("2024/*.html", "*/drafts/*"); an `exclude` glob that matches a folder skips everything in it.
    With `include`, only files that match one of its globs are read; `exclude` wins over `include`.
    Hidden files and files of unknown kinds are never read from a folder."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        rel_root = PurePosixPath(Path(root).relative_to(folder).as_posix())
        dirs[:] = [d for d in dirs if not _matches(rel_root / d, exclude)]
        for name in files:
            rel = rel_root / name
            path = Path(root) / name
            if name.startswith(".") or kind_of(path) is None or not path.is_file():
                continue
            if include and not _matches(rel, include):
                continue
            if _matches(rel, exclude):
                continue
            found.append(path)
    return sorted(found)


def read_page(path: Path, source: str, *, html: bool) -> Iterator[RawDocument | Rejected]:
    """A text or HTML file -> one RawDocument (decoded later by the normalize stage)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(source=source, stage="read", reason=f"cannot read file: {exc.strerror or exc}")
        return
    yield RawDocument(source=source, content=data, provenance=Provenance(source=source), is_html=html)
