"""Readers: files, folders, corpora, feeds and web archives -> RawDocument records (or Rejected ones)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..records import RawDocument, Rejected
from .feeds import read_feed, read_feed_url
from .fetch import Fetcher, is_url
from .files import TEXT_SUFFIXES, kind_of, read_page, walk
from .tables import FieldMap, read_table
from .warc import read_warc

__all__ = ["FieldMap", "Fetcher", "read_inputs", "TEXT_SUFFIXES"]


def read_inputs(paths: Iterable[str], fields: FieldMap = FieldMap(), *, include: Sequence[str] = (),
                exclude: Sequence[str] = (), follow_links: bool = False,
                fetcher: Fetcher | None = None) -> Iterator[RawDocument | Rejected]:
    """Read every input into RawDocument records, in order; what cannot be read becomes a Rejected record.

    An input is a file, a folder (read recursively, sorted, filtered by the `include`/`exclude` globs;
    see `files.walk`) or an http(s) URL of an RSS/Atom feed (or of one HTML page). The kind of a file
    comes from its suffix: text (.txt .md), HTML (.html .htm), corpora (.jsonl .json .csv .parquet,
    columns named by `fields`), feeds (.xml .rss .atom) and web archives (.warc .warc.gz). With
    `follow_links`, a feed item that only holds a summary is replaced by the page it links to, fetched
    politely by `fetcher` (one request a second per host)."""
    if isinstance(include, str) or isinstance(exclude, str):
        raise TypeError("include and exclude are sequences of globs, e.g. include=('*.txt',)")
    web = fetcher or Fetcher()
    for given in paths:
        if is_url(given):
            yield from read_feed_url(given, follow_links=follow_links, fetcher=web)
            continue
        path = Path(given)
        if path.is_dir():
            for file in walk(path, include, exclude):
                yield from _read_file(file, str(file), fields, follow_links, web)
        elif path.is_file():
            yield from _read_file(path, given, fields, follow_links, web)
        else:
            yield Rejected(source=given, stage="read", reason="no such file or directory")


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
