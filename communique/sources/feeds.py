"""RSS/Atom feeds (a file or a URL) -> one RawDocument per item; short items can follow their link."""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from ..records import Provenance, RawDocument, Rejected
from .fetch import Fetcher, FetchError, is_url

__all__ = ["read_feed", "read_feed_url", "SUMMARY_CHARS", "html_text"]

#: An item whose text is shorter than this is a summary: with follow_links its page is fetched instead.
SUMMARY_CHARS = 600
_LANGS = {"fr", "en", "ar"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")


def read_feed_url(url: str, *, follow_links: bool, fetcher: Fetcher) -> Iterator[RawDocument | Rejected]:
    """Fetch a feed over HTTP(S), then read it like a feed file; a URL that serves an HTML page (not a
    feed) gives that page as one document."""
    try:
        page = fetcher.get(url)
    except FetchError as exc:
        yield Rejected(source=url, stage="read", reason=f"cannot fetch the feed: {exc}")
        return
    if page.content_type in _HTML_TYPES and not _FEED_ROOT.search(page.body[:2048]):
        yield RawDocument(source=url, content=page.body, is_html=True,
                          provenance=Provenance(source=url, fetched=page.fetched))
        return
    yield from read_feed(page.body, url, fetched=page.fetched, follow_links=follow_links, fetcher=fetcher)


def read_feed(data: bytes, feed: str, *, fetched: str | None = None, follow_links: bool = False,
              fetcher: Fetcher | None = None) -> Iterator[RawDocument | Rejected]:
    """Items in feed order; provenance = (feed, item position from 1, fetch time)."""
    import feedparser

    parsed = feedparser.parse(data)   # bytes: feedparser never goes to the network for them
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = f"not an RSS/Atom feed ({type(parsed.get('bozo_exception')).__name__})"
        else:
            reason = "the feed has no items"
        yield Rejected(source=feed, stage="read", reason=reason)
        return
    feed_lang = _lang(parsed.feed.get("language"))
    fetcher = fetcher or Fetcher()
    for n, entry in enumerate(parsed.entries, start=1):
        title = _item_title(entry)
        published = _item_date(entry)
        link = entry.get("link") if is_url(entry.get("link") or "") else None
        text = _item_text(entry)
        lang = _lang((entry.get("title_detail") or {}).get("language")) or feed_lang
        if follow_links and link and len(text) < SUMMARY_CHARS:
            yield _follow(link, fetcher, feed, n, title, published, lang)
            continue
        yield RawDocument(source=link or f"{feed}#{n}", content=text, published=published, title=title, lang=lang,
                          provenance=Provenance(source=feed, position=str(n), fetched=fetched))


def _follow(link: str, fetcher: Fetcher, feed: str, n: int, title: str | None, published: str | None,
            lang: str | None) -> RawDocument | Rejected:
    try:
        page = fetcher.get(link)
    except FetchError as exc:
        return Rejected(source=link, stage="read", reason=f"cannot fetch the linked page: {exc}")
    if page.content_type not in _HTML_TYPES:
        return Rejected(source=link, stage="read", reason=f"the linked page is not HTML ({page.content_type})")
    return RawDocument(source=link, content=page.body, published=published, title=title, lang=lang, is_html=True,
                       provenance=Provenance(source=feed, position=str(n), fetched=page.fetched))


def _lang(value: Any) -> str | None:
    code = str(value or "").strip().lower()[:2]
    return code if code in _LANGS else None


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip()


def _item_title(entry: Any) -> str | None:
    title = entry.get("title") or ""
    if "html" in ((entry.get("title_detail") or {}).get("type") or ""):
        title = html_text(title)
    return _clean(title) or None


def _item_text(entry: Any) -> str:
    """Full content (Atom <content>, RSS content:encoded) when present, else the summary; HTML -> text."""
    for part in [*(entry.get("content") or []), entry.get("summary_detail")]:
        if not part or not part.get("value"):
            continue
        value = part["value"]
        return html_text(value) if "html" in (part.get("type") or "") else value.strip()
    return ""


def _item_date(entry: Any) -> str | None:
    """The item's own calendar date (the publisher's time zone, not UTC) as YYYY-MM-DD."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()     # RFC 822 (RSS)
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()  # RFC 3339 (Atom)
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


class _TextParser(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
               "blockquote", "section", "article", "header", "footer", "pre", "hr", "figure", "figcaption"}
    _SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """An HTML fragment (feed content) -> plain text, one paragraph per block element."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
