"""Command line: parse arguments, build Settings, call one library function, print."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from .config import HTML_EXTRACTORS, Settings
from .errors import CommuniqueError, InputError

__all__ = ["main", "build_parser"]


def _cmd_extract(args: argparse.Namespace) -> int:
    from .export import document_record, rejected_record
    from .run.local import extract_paths
    from .sources import FieldMap, count_inputs

    settings = Settings(db=args.db, default_language=args.lang, html_extractor=args.html_extractor, debug=args.debug,
                        batch_size=args.batch_size)
    fields = FieldMap(text=args.text_field, published=args.date_field, url=args.url_field, title=args.title_field)
    read_options: dict[str, Any] = {"include": tuple(args.include), "exclude": tuple(args.exclude),
                                    "follow_links": args.follow_links}
    quiet = args.quiet or args.format == "jsonl"
    # the progress bar gets an end when the inputs can be counted cheaply (files, JSONL, Parquet; not feeds)
    total = None if quiet else count_inputs(args.paths, fields, **read_options)
    rows: list[list[str]] = []

    def emit(result: Any) -> None:
        if args.format == "jsonl":
            rec = rejected_record(result) if hasattr(result, "stage") else document_record(result)
            if "text" in rec["document"] and not args.with_text:
                rec["document"].pop("text")
            print(json.dumps(rec, ensure_ascii=False), flush=True)
        elif hasattr(result, "stage"):
            rows.append([result.source, "rejected", f"{result.stage}: {result.reason}"])
        else:
            rows.append([result.document.source, result.document.lang or "-",
                         f"{len(result.entities)} entities, {sum(e.status == 'occurred' for e in result.events)} events"])

    counts = extract_paths(args.paths, settings, fields=fields, on_result=emit, workers=args.workers,
                           engine=args.engine, ray_address=args.ray_address, quiet=quiet, total=total,
                           **read_options)
    if args.format == "table":
        from .store.postgres import redact

        if not args.quiet:
            _print_table(["source", "lang", "result"], rows)
        skipped = f" ({counts.skipped} already stored)" if counts.skipped else ""
        print(f"{counts.documents} stored{skipped}, {sum(counts.rejected.values())} rejected, {counts.events} events "
              f"-> {redact(args.db)}")
    return 0 if counts.documents or _any_readable(counts) else 1


def _any_readable(counts: Any) -> bool:
    return any(not reason.startswith("read:") for reason in counts.rejected)


def _cmd_events(args: argparse.Namespace) -> int:
    from .corpus.resolve import actor_query_events
    from .store import open_store

    with open_store(args.db, read_only=True) as store:  # type: ignore[attr-defined]
        events = actor_query_events(store, args.actor, type=args.type, since=args.since, until=args.until)
    _print_events(events, args.format)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from .store import open_store

    with open_store(args.db, read_only=True) as store:  # type: ignore[attr-defined]
        event = store.show_event(args.event_id)
    if event is None:
        raise CommuniqueError(f"no event {args.event_id!r} in {args.db}; list them with `communique events`")
    _show(event)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import os

    from .serve import ServeSettings, serve

    token = args.token or os.environ.get("COMMUNIQUE_TOKEN") or None
    serve(ServeSettings(db=args.db, token=token, rate_per_second=args.rate_limit, burst=max(1, int(args.rate_limit * 3))),
          host=args.host, port=args.port)
    return 0


def _cmd_rejects(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from .store import open_store

    with open_store(args.db, read_only=True) as store:  # type: ignore[attr-defined]
        found = store.rejects(stage=args.stage)
    if args.format == "jsonl":
        for r in found:
            print(json.dumps(asdict(r), ensure_ascii=False))
    else:
        _print_table(["source", "stage", "reason", "when"], [[r.source, r.stage, r.reason, r.rejected_at or "-"]
                                                            for r in found])
        print(f"{len(found)} rejected")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_dir, format_table
    from .pipeline import Pipeline, load_resources

    if not args.dirs and not args.negatives:
        raise InputError("give annotated folders (DIR ...), --negatives FOLDER, or both")
    pipeline = Pipeline(load_resources(Settings(event_model=args.events)))
    if args.cv:
        from .learn.cv import cross_validate, format_cv

        result = cross_validate(args.dirs, pipeline)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_cv(result))
        return 0
    result = evaluate_dir(args.dirs, pipeline) if args.dirs else {}
    if args.negatives:
        from .negatives import format_negative_report, negative_report

        result["negatives"] = negative_report(args.negatives, args.dirs, pipeline)
    text = [format_table(result)] if args.dirs else []
    text += [format_negative_report(result["negatives"])] if args.negatives else []
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else "\n".join(text))
    return 0


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*header, show_lines=False)
    for row in rows:
        table.add_row(*row)
    Console(width=160).print(table)


def _party_text(p: dict[str, Any]) -> str:
    text = p["name"] or p["entity"]
    role = p.get("role")
    if role and p.get("role_en") and p["role_en"].casefold() != role.casefold():
        role = f"{p['role_en']} / {role}"          # the English role, then as the report states it
    extra = ", ".join(x for x in (role, p.get("affiliation_name")) if x and x != text)
    return f"{text} ({extra})" if extra else text


def _print_events(events: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for ev in events:
            print(json.dumps(ev, ensure_ascii=False))
        return
    header = ["id", "date", "type", "parties", "location", "sources", "conf"]
    rows = [[ev["id"], ev["date"] or "-", ev["type"], "; ".join(_party_text(p) for p in ev["parties"]),
             (ev["location"] or {}).get("name") or "-", str(len(ev["sources"])), f"{ev['confidence']:.2f}"]
            for ev in events]
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
    else:
        _print_table(header, rows)
        print(f"{len(events)} events")


def _show(ev: dict[str, Any]) -> None:
    print(f"{ev['id']}  {ev['type']}  {ev['status']}  {ev['date'] or 'date unknown'}  "
          f"{(ev['location'] or {}).get('name') or 'place unknown'}  confidence {ev['confidence']:.2f}")
    for p in ev["parties"]:
        print(f"  party: {_party_text(p)}")
    if ev["topics"]:
        print(f"  topics: {', '.join(ev['topics'])}")
    for e in ev["evidence"]:
        print(f"  evidence [{e['source']} {e['start']}:{e['end']}]: {e['text']}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="communique", description="Who met whom, when, where: events from "
                                     "press releases in Arabic, French and English.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract events from files or folders into the database")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR",
                   help="text, HTML, JSONL/CSV/Parquet, RSS/Atom or WARC files, folders, or feed/page URLs")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file or postgresql:// URL (default: communique.duckdb)")
    p.add_argument("--include", action="append", default=[], metavar="GLOB", help="only files matching (repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files matching (repeatable)")
    p.add_argument("--follow-links", action="store_true",
                   help="fetch the page of feed items that hold only a summary (1 request/s per host, "
                        "robots.txt honoured)")
    p.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="inputs per batch of the pipeline (default 16); the writer commits what is done at least "
                        "once a second or every 64 documents")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes running the pipeline, each loading the models once (~0.5 GB each); one writer")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local processes, or Ray Data (pip install 'communique[ray]')")
    p.add_argument("--ray-address", default=None, help="address of an existing Ray cluster (default: start one)")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no per-document table")
    p.add_argument("--format", choices=["table", "jsonl"], default="table", help="what to print")
    p.add_argument("--lang", choices=["fr", "en", "ar"], default=None, help="language when detection fails")
    p.add_argument("--html-extractor", choices=HTML_EXTRACTORS, default="trafilatura",
                   help="main text, title and date of HTML pages: trafilatura (default), or resiliparse, "
                        "faster (pip install 'communique[fast]')")
    p.add_argument("--debug", action="store_true", help="print the traceback of an internal error on one document "
                   "to stderr (it is a reject either way)")
    p.add_argument("--with-text", action="store_true", help="include the normalized text in JSONL records")
    p.add_argument("--text-field", default="text", help="text column of JSONL/CSV/Parquet corpora")
    p.add_argument("--date-field", default="published", help="publication date column of JSONL/CSV/Parquet corpora")
    p.add_argument("--url-field", default="url", help="URL column of JSONL/CSV/Parquet corpora")
    p.add_argument("--title-field", default="title", help="title column of JSONL/CSV/Parquet corpora")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("events", help="list merged events stored in the database")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file or postgresql:// URL")
    p.add_argument("--actor", help="only events with this actor (any form, any language)")
    p.add_argument("--type", choices=["meet", "visit", "call", "agreement", "conference"], help="only this type")
    p.add_argument("--since", help="only events on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only events on or before this date (YYYY-MM-DD)")
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table", help="output format")
    p.set_defaults(func=_cmd_events)

    p = sub.add_parser("show", help="show one event: parties, evidence sentences, sources")
    p.add_argument("event_id", help="an event id from `communique events`")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file or postgresql:// URL")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("serve", help="web app and JSON API over the database (pip install 'communique[serve]')")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file or postgresql:// URL")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--token", default=None,
                   help="accept POST /api/documents with this token (or set COMMUNIQUE_TOKEN); read-only without")
    p.add_argument("--rate-limit", type=float, default=20.0, metavar="N",
                   help="requests a second per client address before 429s (bursts of 3N; default 20)")
    p.set_defaults(func=_cmd_serve)
    p = sub.add_parser("rejects", help="list the inputs that were rejected, with the stage and the reason")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file or postgresql:// URL")
    p.add_argument("--stage", help="only rejects of this stage (read, normalize, language, nlp, mentions, ..., store)")
    p.add_argument("--format", choices=["table", "jsonl"], default="table", help="output format")
    p.set_defaults(func=_cmd_rejects)

    p = sub.add_parser("eval", help="score the pipeline against gold annotations")
    p.add_argument("dirs", nargs="*", metavar="DIR",
                   help="folders with docs/ and gold/ (the ../shared/devset layout), read as one corpus")
    p.add_argument("--negatives", metavar="FOLDER",
                   help="also report false events: the share of sentences of FOLDER/<lang>.txt (one per line, such "
                        "as tests/fixtures/negatives) and of the DIR documents whose gold has no event, on which "
                        "an occurred event is extracted")
    p.add_argument("--json", action="store_true", help="print the full JSON report")
    p.add_argument("--events", choices=["rules", "learned"], default="rules",
                   help="which event stage to score: the rules, or the committed learned decisions")
    p.add_argument("--cv", action="store_true",
                   help="cross-validate the learned decisions by document folds (folds.json, clusters kept "
                        "in one fold): train on four folds, score the fifth (needs scikit-learn)")
    p.set_defaults(func=_cmd_eval)

    from .export import add_export_parser
    from .actor_commands import add_actors_parser

    add_export_parser(sub)
    add_actors_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CommuniqueError as exc:
        print(f"communique: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("communique: interrupted; what was stored is kept: run the same command again to finish",
              file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
