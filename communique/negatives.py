"""Negative sets: sentences and documents that report no event -> the share on which the pipeline reports one.

A negative set is a folder of `<lang>.txt` files, one sentence (a whole document) per line; lines that are
empty or start with `#` are skipped. Annotated documents whose gold holds no occurred event are negatives
too (`communique eval` counts them per language). A false event is an occurred event of any type.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import SUPPORTED_LANGUAGES
from .errors import InputError
from .records import RawDocument, Rejected

__all__ = ["NegativeItem", "load_negative_sentences", "load_negative_documents", "false_events",
           "format_false_events", "negative_report", "format_negative_report"]


@dataclass(frozen=True, slots=True)
class NegativeItem:
    """One text that reports no event; `name` says where it comes from (file:line)."""

    name: str
    lang: str
    text: str
    published: str | None = None


def load_negative_sentences(folder: str | Path) -> list[NegativeItem]:
    """Every sentence of FOLDER/<lang>.txt for the supported languages."""
    folder = Path(folder)
    files = [folder / f"{lang}.txt" for lang in SUPPORTED_LANGUAGES if (folder / f"{lang}.txt").is_file()]
    if not files:
        raise InputError(f"{folder} holds none of {', '.join(f'{lang}.txt' for lang in SUPPORTED_LANGUAGES)} "
                         "(one negative sentence per line)")
    items = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("#"):
                items.append(NegativeItem(f"{path.name}:{number}", path.stem, line))
    return items


def load_negative_documents(dirs: Sequence[str | Path]) -> list[NegativeItem]:
    """The annotated documents of DIRS (docs/ and gold/ folders) whose gold holds no occurred event."""
    from .evaluate import load_gold

    return [NegativeItem(gold["id"], gold["lang"], path.read_text(encoding="utf-8"), gold.get("published"))
            for d in dirs for gold, path in load_gold(Path(d)) if not gold["events"]]


def false_events(items: list[NegativeItem], pipeline: Any) -> dict[str, Any]:
    """Run the pipeline on each item as a document of its language; per language, how many items yield
    at least one occurred event, their share, and the items with the events found (type, trigger, parties)."""
    from .export import document_record

    raws = [RawDocument(source=item.name, content=item.text, lang=item.lang, published=item.published)
            for item in items]
    results = {(r.source if isinstance(r, Rejected) else r.document.source): r for r in pipeline.run(raws)}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        totals[item.lang][1] += 1
        result = results[item.name]
        if isinstance(result, Rejected):
            continue
        record = document_record(result)
        names = {e["id"]: e["name"] for e in record["entities"]}
        events = [e for e in record["events"] if e["status"] == "occurred"]
        if events:
            totals[item.lang][0] += 1
            found[item.lang].append({"item": item.name, "text": item.text, "events": [
                {"type": e["type"], "trigger": e.get("trigger"), "parties": [names.get(p["entity"], p["entity"])
                                                                            for p in e["parties"]]}
                for e in events]})
    return {lang: {"items": n, "with_event": k, "rate": round(k / n, 4), "false_events": found[lang]}
            for lang, (k, n) in sorted(totals.items())}


def format_false_events(result: dict[str, Any], title: str) -> str:
    """One line per language (share of items with a false event), then each false event found."""
    lines = [f"{title}: " + ", ".join(f"{lang} {r['with_event']}/{r['items']} ({100 * r['rate']:.1f}%)"
                                      for lang, r in result.items())]
    for r in result.values():
        for hit in r["false_events"]:
            events = "; ".join(f"{e['type']} '{e['trigger']}' {' + '.join(e['parties'])}" for e in hit["events"])
            opening = " ".join(hit["text"][:120].split())
            lines.append(f"  {hit['item']}: {events}  <- {opening}")
    return "\n".join(lines)


def negative_report(folder: str | Path, dirs: Sequence[str | Path], pipeline: Any) -> dict[str, Any]:
    """False events on the written sentences of FOLDER and on the annotated negatives of DIRS."""
    report = {"sentences": false_events(load_negative_sentences(folder), pipeline)}
    documents = load_negative_documents(dirs)
    if documents:
        report["documents"] = false_events(documents, pipeline)
    return report


def format_negative_report(report: dict[str, Any]) -> str:
    """The lines of `format_false_events` for the sentences, then for the annotated documents."""
    titles = {"sentences": "false events on negative sentences",
              "documents": "false events on annotated documents without events"}
    return "\n".join(format_false_events(result, titles[kind]) for kind, result in report.items())
