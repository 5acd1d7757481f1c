"""Corpora with one document per row: JSONL, JSON, CSV and Parquet files -> RawDocument records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OptionalDependencyError
from ..records import Provenance, RawDocument, Rejected

__all__ = ["FieldMap", "read_table"]


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Column names of a JSONL/JSON/CSV/Parquet corpus."""

    text: str = "text"
    published: str = "published"
    url: str = "url"
    title: str = "title"


def read_table(path: Path, source: str, kind: str, fields: FieldMap) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per row (position = line number, item or row number), a Rejected per bad row."""
    if kind == "parquet":
        yield from _read_parquet(path, source, fields)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(source=source, stage="read", reason=f"cannot read file: {exc.strerror or exc}")
        return
    if kind == "jsonl":
        yield from _read_jsonl(data, source, fields)
    elif kind == "csv":
        yield from _read_csv(data, source, fields)
    else:
        yield from _read_json(data, source, fields)


def _record(row: dict[str, Any], source: str, position: int, fields: FieldMap) -> RawDocument | Rejected:
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


def _read_parquet(path: Path, source: str, fields: FieldMap) -> Iterator[RawDocument | Rejected]:
    """Rows streamed in batches (only the mapped columns are read); position = row number from 1."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise OptionalDependencyError("reading .parquet corpora", "parquet", "pyarrow") from exc
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        yield Rejected(source=source, stage="read", reason=f"not a readable Parquet file: {exc}")
        return
    names = parquet.schema_arrow.names
    if fields.text not in names:
        yield Rejected(source=source, stage="read", reason=f"no column {fields.text!r} in the Parquet file "
                       f"(columns: {', '.join(names)}); use --text-field")
        return
    wanted = dict.fromkeys((fields.text, fields.published, fields.url, fields.title, "lang"))
    columns = [c for c in wanted if c in names]
    n = 0
    try:
        for batch in parquet.iter_batches(columns=columns, batch_size=1024):
            for row in batch.to_pylist():
                n += 1
                yield _record(row, source, n, fields)
    except (pa.ArrowException, OSError) as exc:
        yield Rejected(source=f"{source}#{n + 1}", stage="read",
                       reason=f"Parquet file is damaged from this row on: {exc}")
