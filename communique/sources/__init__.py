"""Readers: files, folders, corpora, feeds and web archives -> RawDocument records (or Rejected ones)."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..records import RawDocument, Rejected
from .feeds import read_feed, read_feed_url
from .fetch import Fetcher, is_url
from .files import TEXT_SUFFIXES, kind_of, read_page, walk
from .tables import FieldMap, read_table
from .warc import read_warc

__all__ = ["TEXT_SUFFIXES", "Fetcher", "FieldMap", "count_inputs", "read_inputs"]


def read_inputs(paths: Iterable[str], fields: FieldMap = FieldMap(), *, include: Sequence[str] = (),
                exclude: Sequence[str] = (), follow_links: bool = False,
                fetcher: Fetcher | None = None) -> Iterator[RawDocument | Rejected]:
    """Read every input into RawDocument records, in order; what cannot be read becomes a Rejected record.

    An input is a file, a folder (read recursively, sorted, filtered by the `include`/`exclude` globs;
    see `files.walk`) or an http(s) URL of an RSS/Atom feed (or of one HTML page). The kind of a file
    comes from its suffix: text (.txt .md), HTML (.html .htm), corpora (.jsonl .json .csv .parquet,
    columns named by `fields`), feeds (.xml .rss .atom) and web archives (.warc .warc.gz). With
    `follow_links`, a feed item that only holds a summary is replaced by the page it links to, fetched
    politely by `fetcher` (one request a second per host, robots.txt honoured)."""
    web = fetcher or Fetcher()
    for source, file in _inputs(paths, include, exclude):
        if file is not None:
            yield from _read_file(file, source, fields, follow_links, web)
        elif is_url(source):
            yield from read_feed_url(source, follow_links=follow_links, fetcher=web)
        else:
            yield Rejected(source=source, stage="read", reason="no such file or directory")


def count_inputs(paths: Iterable[str], fields: FieldMap = FieldMap(), *, include: Sequence[str] = (),
                 exclude: Sequence[str] = (), **read_options: Any) -> int | None:
    """How many records `read_inputs` gives for the same arguments, when that is cheap to know; else None.

    Walks the inputs exactly as `read_inputs` does (same folders, globs and order) without reading
    documents: a text or HTML file, a JSON file holding one object, and a missing path count 1; a JSONL
    file counts its non-blank lines (the same lines its reader sees, without parsing them); a Parquet
    file counts the rows in its metadata (1 when it is unreadable or lacks the text column, as its reader
    rejects it whole). The count is None as soon as one input cannot be counted cheaply: a feed file or
    URL (items unknown until fetched), a WARC archive, a CSV file (quoted fields may hold newlines),
    a JSON array, a Parquet file without pyarrow installed. Other `read_options` (follow_links,
    fetcher) change no count and are ignored."""
    total = 0
    for source, file in _inputs(paths, include, exclude):
        if file is None:
            if is_url(source):
                return None
            total += 1                                  # a missing path: one Rejected record
            continue
        n = _count_file(file, fields)
        if n is None:
            return None
        total += n
    return total


def _inputs(paths: Iterable[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Each input in reading order as (source, file): a file named or found in a folder (walked with the
    globs); (source, None) for a URL or a path that does not exist."""
    if isinstance(include, str) or isinstance(exclude, str):
        raise TypeError("include and exclude are sequences of globs, e.g. include=('*.txt',)")
    for given in paths:
        if is_url(given):
            yield given, None
            continue
        path = Path(given)
        if path.is_dir():
            for file in walk(path, include, exclude):
                yield str(file), file
        elif path.is_file():
            yield given, path
        else:
            yield given, None


def _read_file(path: Path, source: str, fields: FieldMap, follow_links: bool,
               fetcher: Fetcher) -> Iterator[RawDocument | Rejected]:
    kind = kind_of(path)
    if kind in {"jsonl", "json", "csv", "parquet"}:
        yield from read_table(path, source, kind, fields)
    elif kind == "warc":
        yield from read_warc(path, source)
    elif kind == "feed":
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Rejected(source=source, stage="read", reason=f"cannot read file: {exc.strerror or exc}")
            return
        yield from read_feed(data, source, follow_links=follow_links, fetcher=fetcher)
    else:
        yield from read_page(path, source, html=kind == "html")


_BLOCK = 1 << 20


def _count_file(path: Path, fields: FieldMap) -> int | None:
    """The records `_read_file` gives for `path`, or None when only reading it would tell."""
    kind = kind_of(path)
    if kind in {"csv", "feed", "warc"}:
        return None
    try:
        if kind == "jsonl":
            return _count_jsonl(path)
        if kind == "json":
            return None if _first_json_byte(path) == b"[" else 1   # an array: one record per item
        if kind == "parquet":
            return _count_parquet(path, fields)
    except OSError:
        return 1                                    # the reader rejects the unreadable file as a whole
    return 1                                        # text, HTML, or a file named with an unknown suffix


def _first_json_byte(path: Path) -> bytes:
    """The first byte after JSON whitespace (which json.loads skips); b"" for a blank file."""
    with path.open("rb") as stream:
        while block := stream.read(_BLOCK):
            if head := block.lstrip(b" \t\r\n"):
                return head[:1]
    return b""


def _count_jsonl(path: Path) -> int:
    """Non-blank lines, split and decoded as `tables._read_jsonl` does (str.splitlines on UTF-8 with
    replacement), read in blocks so that a large corpus is never held in memory."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    count, carry = 0, ""
    with path.open("rb") as stream:
        while True:
            block = stream.read(_BLOCK)
            text = carry + decoder.decode(block, final=not block)
            lines = text.splitlines(keepends=True)
            # the last line may go on in the next block (even a "\r" may be half of a "\r\n")
            carry = lines.pop() if lines and block else ""
            count += sum(1 for line in lines if line.strip())
            if not block:
                return count


def _count_parquet(path: Path, fields: FieldMap) -> int | None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return None
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError):
        return 1
    if fields.text not in parquet.schema_arrow.names:
        return 1
    return int(parquet.metadata.num_rows)
