"""Web archives: WARC / WARC.gz response records holding HTML pages -> RawDocument(is_html=True)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Provenance, RawDocument, Rejected

__all__ = ["read_warc"]

_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def read_warc(path: Path, source: str) -> Iterator[RawDocument | Rejected]:
    """HTML responses with a 2xx status, in archive order; other records (requests, metadata, images,
    redirects, error pages) are not documents and are passed over. Provenance: (file, byte offset of
    the record, WARC-Date). A damaged record is rejected; reading stops there, since the records
    after it cannot be found reliably."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Rejected(source=source, stage="read", reason=f"cannot read file: {exc.strerror or exc}")
        return
    with stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                offset = records.offset     # where this record starts (get_record_offset() would consume it)
                if record.format != "warc":  # warcio reads lines it cannot parse as (old) ARC records
                    yield Rejected(source=f"{source}#{offset}", stage="read", reason="not a WARC record "
                                   "(damaged or not a web archive); the rest of the file is skipped")
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if not status.startswith("2") or ctype not in _HTML_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{offset}"
                try:
                    body = record.content_stream().read()
                except (OSError, ValueError, EOFError) as exc:
                    yield Rejected(source=uri, stage="read",
                                   reason=f"cannot decode the WARC record payload ({type(exc).__name__})")
                    continue
                yield RawDocument(source=uri, content=body, is_html=True, provenance=Provenance(
                    source=source, position=str(offset), fetched=record.rec_headers.get_header("WARC-Date")))
        except Exception as exc:  # warcio raises many kinds on a damaged archive; none may end the batch
            yield Rejected(source=f"{source}#{records.offset}", stage="read",
                           reason=f"damaged WARC record ({type(exc).__name__}); the rest of the file is skipped")
