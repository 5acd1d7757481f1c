"""Readers: files, folders and corpora -> RawDocument records (or Rejected ones)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import Provenance, RawDocument, Rejected

__all__ = ["FieldMap", "read_inputs", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Column names of a JSONL/CSV corpus."""

    text: str = "text"
    published: str = "published"
    url: str = "url"
    title: str = "title"


def read_inputs(paths: Iterable[str], fields: FieldMap = FieldMap()) -> Iterator[RawDocument | Rejected]:
    """Expand files and folders (recursively, sorted) and read each into RawDocument records."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            for file in files:
                yield from _read_file(file, str(file), fields)
        elif path.is_file():
            yield from _read_file(path, given, fields)
        else:
            yield Rejected(source=given, stage="read", reason="no such file or directory")


def _readable(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES and not path.name.startswith(".")


def _read_file(path: Path, source: str, fields: FieldMap) -> Iterator[RawDocument | Rejected]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(source=source, stage="read", reason=f"cannot read file: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        yield from _read_jsonl(data, source, fields)
    elif suffix == ".csv":
        yield from _read_csv(data, source, fields)
    elif suffix == ".json":
        yield from _read_json(data, source, fields)
    else:
        yield RawDocument(source=source, content=data, provenance=Provenance(source=source),
                          is_html=suffix in HTML_SUFFIXES)


def _record(row: dict, source: str, position: int, fields: FieldMap) -> RawDocument | Rejected:
    where = f"{source}#{position}"
    text = row.get(fields.text)
    if not isinstance(text, str):
        return Rejected(source=where, stage="read", reason=f"no text in field {fields.text!r} (use --text-field)")
    published = row.get(fields.published)
    return RawDocument(
        source=str(row.get(fields.url) or where), content=text,
        published=str(published)[:10] if published else None,
        title=row.get(fields.title) if isinstance(row.get(fields.title), str) else None,
        lang=row.get("lang") if isinstance(row.get("lang"), str) else None,
        provenance=Provenance(source=source, position=str(position)),
    )


def _read_jsonl(data: bytes, source: str, fields: FieldMap) -> Iterator[RawDocument | Rejected]:
    for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(source=f"{source}#{n}", stage="read", reason=f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield Rejected(source=f"{source}#{n}", stage="read", reason="JSON line is not an object")
            continue
        yield _record(row, source, n, fields)


def _read_json(data: bytes, source: str, fields: FieldMap) -> Iterator[RawDocument | Rejected]:
    try:
        obj = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        yield Rejected(source=source, stage="read", reason=f"invalid JSON: {exc.msg}")
        return
    rows = obj if isinstance(obj, list) else [obj]
    for n, row in enumerate(rows, start=1):
        if isinstance(row, dict):
            yield _record(row, source, n, fields)
        else:
            yield Rejected(source=f"{source}#{n}", stage="read", reason="JSON item is not an object")


def _read_csv(data: bytes, source: str, fields: FieldMap) -> Iterator[RawDocument | Rejected]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", errors="replace")))
    for n, row in enumerate(reader, start=2):
        yield _record(row, source, n, fields)
