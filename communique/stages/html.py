"""HTML pages -> main text, title and date, through trafilatura."""

from __future__ import annotations

__all__ = ["extract_html"]


def extract_html(html: str) -> tuple[str, str | None, str | None] | None:
    """Main text, title and publication date of a page; None when trafilatura finds no text."""
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
