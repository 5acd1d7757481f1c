"""The spans of one document's mentions while they are found: (start, end) -> {"kind": ..., ...}."""

from __future__ import annotations

from typing import Any

from .spans import clean_span, overlaps

__all__ = ["Spans", "add_span", "replace_inside"]

Spans = dict[tuple[int, int], dict[str, Any]]


def add_span(text: str, spans: Spans, start: int, end: int, kind: str, **extra: Any) -> None:
    """Add a cleaned span of 2+ characters unless it overlaps one found before."""
    start, end = clean_span(text, start, end)
    if end - start < 2:
        return
    if any(s < end and start < e for s, e in spans):      # overlaps(), without a call per span
        return
    spans[(start, end)] = {"kind": kind, **extra}


def replace_inside(text: str, spans: Spans, start: int, end: int, kind: str) -> None:
    """Add a span that replaces the shorter ones inside it, unless a longer one holds it."""
    inside = [k for k in spans if overlaps(k, (start, end))]
    if any(s < start or e > end for s, e in inside):
        return
    for key in inside:
        spans.pop(key)
    add_span(text, spans, start, end, kind)
