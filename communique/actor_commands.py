"""`communique actors list|show|merge|alias`: the corpus actors of a store, and user decisions on them."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .corpus.actors import (ActorIndex, CorpusActor, actor_events, add_alias, build_actor_index, merge_actors,
                             refresh_actors)
from .corpus.resolve import find_actor

__all__ = ["add_actors_parser", "cmd_actors", "actor_summary", "actor_detail"]


def actor_summary(act: CorpusActor, events: int) -> dict[str, Any]:
    return {"id": act.id, "kind": act.kind, "name": act.name, "origin": act.origin, "documents": act.document_count,
            "events": events, "aliases": len(act.forms)}


def actor_detail(act: CorpusActor, idx: ActorIndex, events: list[tuple[str, str | None, str, str | None]]
                 ) -> dict[str, Any]:
    """One actor with its aliases by script, titles and affiliations with when they were seen, events."""
    def seen(s: Any) -> dict[str, Any]:
        return {"first_seen": s.first, "last_seen": s.last, "documents": s.count}

    return {
        **actor_summary(act, len(events)),
        "aliases": [{"form": f, "script": "Arab" if any("\u0600" <= c <= "\u06ff" for c in f) else "Latn",
                     "origin": o, **seen(s)} for f, (o, s) in act.forms.items()],
        "titles": [{"title": t, **seen(s)} for t, s in sorted(act.titles.items(), key=lambda kv: kv[1].first or "")],
        "affiliations": [{"id": a, "name": idx.actors[a].name if a in idx.actors else a, **seen(s)}
                         for a, s in act.affiliations.items()],
        "events": [{"id": cid, "date": date, "type": etype, "role": role} for cid, date, etype, role in events],
    }


def _open(args: argparse.Namespace) -> Any:
    from .store import open_store

    return open_store(args.db)


def cmd_actors(args: argparse.Namespace) -> int:
    """List, show, merge or alias corpus actors; every action relinks and stores the actor tables."""
    from .config import Settings

    settings = Settings(db=args.db, kb_overlay=args.overlay)
    overlay = settings.kb_overlay
    with _open(args) as store:
        if args.action == "merge":
            idx = merge_actors(store, args.source, args.target, overlay)
            print(f"{args.source} -> {find_actor(idx, args.target).id}")
            return 0
        if args.action == "alias":
            idx = add_alias(store, args.actor, args.form, overlay)
            print(f"{args.form} -> {find_actor(idx, args.actor).id}")
            return 0
        with store.transaction():
            refresh_actors(store, overlay)
        idx = build_actor_index(store, overlay)
        evs = actor_events(store, idx)
        if args.action == "show":
            act = find_actor(idx, args.actor)
            _print_detail(actor_detail(act, idx, evs.get(act.id, [])), args.format)
            return 0
        acts = [a for a in idx.actors.values() if not args.kind or a.kind == args.kind]
        rows = sorted((actor_summary(a, len(evs.get(a.id, []))) for a in acts),
                      key=lambda r: (-r["events"], -r["documents"], r["id"]))[: args.limit or None]
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table("id", "kind", "name", "events", "documents", "aliases")
        for r in rows:
            table.add_row(r["id"], r["kind"], r["name"], str(r["events"]), str(r["documents"]), str(r["aliases"]))
        Console(width=160).print(table)
        print(f"{len(rows)} actors")
    return 0


def _print_detail(d: dict[str, Any], fmt: str) -> None:
    if fmt == "jsonl":
        print(json.dumps(d, ensure_ascii=False))
        return
    print(f"{d['id']}  {d['kind']}  {d['name']}  ({d['origin']}; {d['documents']} documents, {len(d['events'])} events)")
    for a in d["aliases"]:
        print(f"  alias [{a['script']}, {a['origin']}]: {a['form']}")
    for t in d["titles"]:
        print(f"  title: {t['title']}  (seen {t['first_seen'] or '?'} .. {t['last_seen'] or '?'})")
    for a in d["affiliations"]:
        print(f"  affiliation: {a['name']} [{a['id']}]  (seen {a['first_seen'] or '?'} .. {a['last_seen'] or '?'})")
    for e in d["events"]:
        print(f"  event: {e['id']}  {e['date'] or '-'}  {e['type']}" + (f"  as {e['role']}" if e["role"] else ""))


def add_actors_parser(sub: Any) -> None:
    """Register `communique actors list|show|merge|alias` on the CLI's subparsers."""
    p = sub.add_parser("actors", help="corpus actors: list, show, merge two, add an alias")
    p.add_argument("action", choices=["list", "show", "merge", "alias"], help="what to do")
    p.add_argument("args", nargs="*", metavar="ARG", help="show ACTOR | merge SOURCE TARGET | alias ACTOR FORM")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file")
    p.add_argument("--kind", choices=["person", "organization", "state", "place"], help="list: only this kind")
    p.add_argument("--limit", type=int, default=0, help="list: at most this many (0: all)")
    p.add_argument("--format", choices=["table", "jsonl"], default="table", help="output format")
    p.add_argument("--overlay", help="user overlay YAML of actors and persons (Settings.kb_overlay)")
    p.set_defaults(func=_dispatch)


_ARITY = {"list": (), "show": ("actor",), "merge": ("source", "target"), "alias": ("actor", "form")}


def _dispatch(args: argparse.Namespace) -> int:
    from .errors import InputError

    names = _ARITY[args.action]
    if len(args.args) != len(names):
        usage = " ".join(n.upper() for n in names)
        raise InputError(f"`communique actors {args.action}` takes {len(names)} argument(s): "
                         f"communique actors {args.action} {usage}".rstrip())
    for name, value in zip(names, args.args):
        setattr(args, name, value)
    return cmd_actors(args)
