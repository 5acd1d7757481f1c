"""Document text + spans (entity mentions, evidence sentences) -> escaped HTML segments with their marks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Segment", "mark_text", "timeline_bars", "fill_periods"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text under the same marks: the template escapes `text` and joins `classes`."""

    text: str
    classes: tuple[str, ...]
    evidence: bool
    title: str | None
    anchor: bool = False        # the first piece of the focused evidence: the page's #evidence target


def mark_text(text: str, mentions: list[dict[str, Any]], evidence: list[dict[str, Any]],
              focus: set[tuple[int, int]] = frozenset()) -> list[Segment]:
    """Cut the text at every span boundary; each piece knows the mentions and evidence covering it.
    `focus` spans (start, end) are the evidence of the event the reader came from."""
    spans: list[tuple[int, int, str, str | None]] = []
    for m in mentions:
        if 0 <= m["start"] < m["end"] <= len(text):
            spans.append((m["start"], m["end"], f"ent ent-{m['kind'] or 'other'}", m.get("name")))
    for e in evidence:
        if 0 <= e["start"] < e["end"] <= len(text):
            cls = "evidence focus" if (e["start"], e["end"]) in focus else "evidence"
            spans.append((e["start"], e["end"], cls, None))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(t for _, t, _, _ in spans)})
    out: list[Segment] = []
    anchored = False
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        classes = tuple(sorted({c for s in covering for c in s[2].split()}))
        title = next((s[3] for s in covering if s[3]), None)
        anchor = "focus" in classes and not anchored
        anchored = anchored or anchor
        out.append(Segment(text[a:b], classes, "evidence" in classes, title, anchor))
    return out


def fill_periods(counts: list[tuple[str, int]], unit: str, max_periods: int = 600) -> list[tuple[str, int]]:
    """Counts per YYYY-MM month or YYYY-Www ISO week with the empty periods between them as zeros (a timeline
    keeps its time axis); spans over `max_periods` periods are left as they are."""
    from datetime import date, timedelta

    if len(counts) < 2:
        return counts
    have = dict(counts)
    out: list[tuple[str, int]] = []
    if unit == "week":
        day = date.fromisocalendar(int(counts[0][0][:4]), int(counts[0][0][6:]), 1)
        last = date.fromisocalendar(int(counts[-1][0][:4]), int(counts[-1][0][6:]), 1)
        while day <= last and len(out) <= max_periods:
            year, week, _ = day.isocalendar()
            key = f"{year}-W{week:02d}"
            out.append((key, have.get(key, 0)))
            day += timedelta(days=7)
    else:
        year, month = int(counts[0][0][:4]), int(counts[0][0][5:7])
        while f"{year}-{month:02d}" <= counts[-1][0] and len(out) <= max_periods:
            key = f"{year}-{month:02d}"
            out.append((key, have.get(key, 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out if len(out) <= max_periods else counts


def timeline_bars(counts: list[tuple[str, int]], width: int = 900, height: int = 120) -> dict[str, Any]:
    """Bar geometry of a counts-per-period chart, drawn as SVG by the template (no script)."""
    if not counts:
        return {"bars": [], "width": width, "height": height, "max": 0}
    peak = max(n for _, n in counts)
    step = width / len(counts)
    bars = [{"x": round(i * step, 1), "w": max(1.0, round(step * 0.8, 1)), "h": round(n / peak * (height - 20), 1),
             "y": round(height - 14 - n / peak * (height - 20), 1), "label": k, "n": n,
             "show_label": len(counts) <= 24 or i % max(1, len(counts) // 12) == 0}
            for i, (k, n) in enumerate(counts)]
    return {"bars": bars, "width": width, "height": height, "max": peak}
