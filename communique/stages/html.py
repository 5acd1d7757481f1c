"""HTML pages -> main text, title and date, through trafilatura (default) or resiliparse (faster, extra [fast])."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..config import HTML_EXTRACTORS
from ..errors import OptionalDependencyError

__all__ = ["HTML_EXTRACTORS", "decode_html", "extract_html", "require_resiliparse"]

# meta tags holding a page's title / publication date, in order of trust (attribute, value)
_TITLE_META = (("property", "og:title"), ("name", "twitter:title"), ("name", "title"), ("name", "dc.title"))
_DATE_META = (("property", "article:published_time"), ("property", "og:published_time"), ("name", "date"),
              ("name", "pubdate"), ("name", "publishdate"), ("name", "dc.date"), ("name", "dc.date.issued"),
              ("name", "dcterms.date"), ("itemprop", "datePublished"))
_DATE_SELECTORS = ('[itemprop="datePublished" i][datetime]', "time[datetime]")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(-|/|\.|)(\d\d?)\2(\d\d?)(?!\d)")
_TITLE_SEP = re.compile(r"^(.+)?\s+[–•·—|⁄*⋆~‹«<›»>:-]\s+(.+)$")  # "Headline | Site", as trafilatura splits it


def require_resiliparse() -> Any:
    """Import resiliparse or say which extra to install."""
    try:
        import resiliparse.extract.html2text
        import resiliparse.parse.encoding
        import resiliparse.parse.html
    except ImportError as exc:
        raise OptionalDependencyError("the resiliparse HTML extractor (--html-extractor resiliparse)",
                                      "fast", "resiliparse") from exc
    return resiliparse


def extract_html(html: str, extractor: str = "trafilatura") -> tuple[str, str | None, str | None] | None:
    """Main text, title and publication date (YYYY-MM-DD) of a page; None when no main text is found.

    Paragraphs of the text are separate lines; `extractor` is one of HTML_EXTRACTORS."""
    if extractor == "resiliparse":
        return _extract_resiliparse(html)
    if extractor != "trafilatura":
        raise ValueError(f"unknown HTML extractor {extractor!r}; choose one of {', '.join(HTML_EXTRACTORS)}")
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    if result is None:
        return None
    text = getattr(result, "text", None)
    if not text:
        return None
    title = getattr(result, "title", None)
    published = getattr(result, "date", None)
    return text, title, (published[:10] if published else None)


def decode_html(data: bytes) -> str:
    """Bytes of a page that are not UTF-8 -> text, in the encoding its meta charset or uchardet gives."""
    require_resiliparse()
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    return bytes_to_str(data, detect_encoding(data, from_html_meta=True), errors="replace")


def _extract_resiliparse(html: str) -> tuple[str, str | None, str | None] | None:
    require_resiliparse()
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    if tree.body is None:
        return None
    text = extract_plain_text(tree, preserve_formatting=True, main_content=True, list_bullets=False,
                              alt_texts=False, links=False, form_fields=False, noscript=False, comments=False,
                              post_meta=False)
    if not text.strip():
        return None
    return text, _title(tree), _published(tree, html)


def _meta(tree: Any, pairs: tuple[tuple[str, str], ...]) -> str | None:
    for attr, value in pairs:
        elem = tree.document.query_selector(f'meta[{attr}="{value}" i][content]')
        if elem is not None and (content := (elem.getattr("content") or "").strip()):
            return content
    return None


def _title(tree: Any) -> str | None:
    """Meta title, else the only <h1>, else the headline part of <title>, else the first <h1>/<h2>."""
    if title := _meta(tree, _TITLE_META):
        return title
    h1s = tree.body.get_elements_by_tag_name("h1")
    if len(h1s) == 1 and (title := _squash(h1s[0].text)):
        return title
    whole = _squash(tree.title or "")
    match = _TITLE_SEP.match(whole)
    for part in ((match[1], match[2]) if match else ()) + (whole,):
        if part and "." not in part:
            return part
    for tag in ("h1", "h2"):
        for elem in tree.body.get_elements_by_tag_name(tag):
            if title := _squash(elem.text):
                return title
    return whole or None


def _published(tree: Any, html: str) -> str | None:
    """The publication date of the meta tags, JSON-LD or the first <time datetime>, as YYYY-MM-DD."""
    jsonld = _JSONLD_DATE.search(html)
    candidates = [_meta(tree, _DATE_META), jsonld.group(1) if jsonld else None]
    for selector in _DATE_SELECTORS:
        elem = tree.document.query_selector(selector)
        candidates.append(elem.getattr("datetime") if elem is not None else None)
    for value in candidates:
        if value and (iso := _iso_date(value)):
            return iso
    return None


def _iso_date(value: str) -> str | None:
    match = _ISO_DATE.search(value)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[3]), int(match[4])).isoformat()
    except ValueError:
        return None


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())
