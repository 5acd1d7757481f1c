"""Exports: Extraction records -> the JSON document record of SCHEMA.md; the store's merged events ->
jsonl, csv, parquet, PLOVER records, and the actor network as GEXF/GraphML."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError, OptionalDependencyError
from .records import Entity, Event, Extraction, Rejected
from .store import Store

__all__ = ["document_record", "rejected_record", "event_record", "entity_record", "EXPORT_FORMATS",
           "export_corpus", "load_corpus_export", "plover_record", "actor_network", "add_export_parser"]


def entity_record(ent: Entity) -> dict[str, Any]:
    return {
        "id": ent.id, "kind": ent.kind, "name": ent.name, "acronym": ent.acronym, "forms": list(ent.forms),
        "titles": list(ent.titles), "affiliation": ent.affiliation, "wikidata": ent.wikidata,
    }


def event_record(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": ev.id, "type": ev.type, "status": ev.status, "date": ev.date, "date_precision": ev.date_precision,
        "location": None if loc is None else {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon},
        "parties": [{"entity": p.entity, "role": p.role, "affiliation": p.affiliation, "side": p.side}
                    for p in ev.parties],
        "topics": list(ev.topics),
        "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in ev.evidence],
        "confidence": ev.confidence,
        "trigger": ev.trigger,
    }


def document_record(ex: Extraction) -> dict[str, Any]:
    """The document record of SCHEMA.md (plus the normalized text, for offsets)."""
    d = ex.document
    return {
        "document": {"id": d.id, "source": d.source, "lang": d.lang, "title": d.title, "published": d.published,
                     "dateline": {"place": d.dateline_place, "date": d.dateline_date}, "text": d.text},
        "entities": [entity_record(e) for e in ex.entities],
        "events": [event_record(e) for e in ex.events],
    }


def rejected_record(r: Rejected) -> dict[str, Any]:
    return {"document": {"source": r.source, "id": r.doc_id}, "error": {"stage": r.stage, "reason": r.reason}}


# ---------------------------------------------------------------------------------------------
# Corpus exports: the store's merged events -> jsonl / csv / parquet / PLOVER / GEXF / GraphML
# ---------------------------------------------------------------------------------------------

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "gexf", "graphml")

#: event type -> (PLOVER event, default mode, default CAMEO code)
PLOVER_TYPES = {
    "meet": ("CONSULT", "", "040"),          # 040 Consult; 043 host / 044 third location when the venue says so
    "visit": ("CONSULT", "visit", "042"),    # 042 Make a visit (source: the visitors)
    "call": ("CONSULT", "phone", "041"),     # 041 Discuss by telephone
    "conference": ("CONSULT", "multilateral", "040"),
    "agreement": ("AGREE", "sign", "057"),   # 057 Sign formal agreement
}

CSV_COLUMNS = ["id", "date", "date_precision", "type", "status", "location", "country", "lat", "lon", "parties",
               "party_ids", "party_kinds", "roles", "topics", "confidence", "sources", "languages", "documents"]


@dataclass(frozen=True, slots=True)
class CorpusExport:
    """What every corpus format is written from: resolved events, the actor index, actor facts."""

    events: list[dict[str, Any]]
    actors: dict[str, Any]                     # actor id -> communique.corpus.actors.CorpusActor
    countries: dict[str, str]                  # actor id -> ISO 3166 alpha-2 (states, organisations' seat)
    evidence: dict[str, tuple[str | None, str | None]]   # per-document event id -> (trigger, first sentence)


def load_corpus_export(store: Store, *, overlay: str | Path | None = None) -> CorpusExport:
    """Read the merged corpus events with parties resolved to corpus actors (reads only)."""
    from .corpus.actors import build_actor_index
    from .kb.roles import with_english_roles
    from .store.queries import resolve_actors

    idx = build_actor_index(store, overlay)
    events = with_english_roles(resolve_actors(store.corpus_events(), idx.links,
                                               {a.id: (a.name, a.kind) for a in idx.actors.values()}))
    return CorpusExport(events=events, actors=idx.actors, countries=store.actor_countries(),
                        evidence=store.first_evidence())


def export_corpus(store: Store, fmt: str, out: str | Path | None = None, *, overlay: str | Path | None = None,
                  stream: TextIO | None = None) -> int:
    """Write the store's merged events (or, for gexf/graphml, its actor network) to ``out``
    (a file path) or ``stream`` (default standard output). Returns the number of records
    (events, PLOVER records, or nodes) written."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    data = load_corpus_export(store, overlay=overlay)
    if fmt == "parquet":
        if out is None:
            raise InputError("parquet is a binary format: give a file with --out events.parquet")
        return write_parquet(data.events, out)
    fh = open(out, "w", encoding="utf-8", newline="") if out is not None else (stream or sys.stdout)
    try:
        if fmt == "jsonl":
            return write_jsonl(data.events, fh)
        if fmt == "csv":
            return write_csv(data.events, fh)
        if fmt == "plover":
            return write_jsonl(plover_records(data), fh)
        nodes, edges = actor_network(data)
        return (write_gexf if fmt == "gexf" else write_graphml)(nodes, edges, fh)
    finally:
        if out is not None:
            fh.close()


def write_jsonl(records: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_row(ev: dict[str, Any]) -> list[Any]:
    """One CSV row of a corpus event: parties, roles and topics joined with '; '."""
    loc = ev.get("location") or {}
    parties = ev["parties"]
    return [ev["id"], ev["date"], ev["date_precision"], ev["type"], ev["status"], loc.get("name"), loc.get("country"),
            loc.get("lat"), loc.get("lon"), "; ".join(p["name"] or p["entity"] for p in parties),
            "; ".join(p["entity"] for p in parties), "; ".join(p["kind"] or "" for p in parties),
            "; ".join(p["role"] or "" for p in parties), "; ".join(ev["topics"]), ev["confidence"],
            len(ev["sources"]), "; ".join(sorted({s["lang"] or "" for s in ev["sources"]})),
            "; ".join(s["source"] for s in ev["sources"])]


def write_csv(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    writer = csv.writer(fh)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for ev in events:
        writer.writerow(csv_row(ev))
        n += 1
    return n


def write_parquet(events: list[dict[str, Any]], path: str | Path) -> int:
    """One row per event; parties, topics and sources as nested lists (pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise OptionalDependencyError("Parquet export", "parquet", "pyarrow") from exc
    party = pa.struct([("entity", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("role", pa.string()),
                       ("affiliation", pa.string()), ("affiliation_name", pa.string()), ("mention", pa.string())])
    source = pa.struct([("document", pa.string()), ("source", pa.string()), ("lang", pa.string()),
                        ("event", pa.string())])
    schema = pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("status", pa.string()), ("date", pa.string()),
        ("date_precision", pa.string()), ("location", pa.string()), ("country", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("parties", pa.list_(party)), ("topics", pa.list_(pa.string())),
        ("confidence", pa.float64()), ("sources", pa.list_(source)),
    ])
    rows = []
    for ev in events:
        loc = ev.get("location") or {}
        rows.append({
            "id": ev["id"], "type": ev["type"], "status": ev["status"], "date": ev["date"],
            "date_precision": ev["date_precision"], "location": loc.get("name"), "country": loc.get("country"),
            "lat": loc.get("lat"), "lon": loc.get("lon"),
            "parties": [{k: p.get(k) for k in ("entity", "name", "kind", "role", "affiliation", "affiliation_name",
                                                 "mention")} for p in ev["parties"]],
            "topics": list(ev["topics"]), "confidence": ev["confidence"],
            "sources": [{k: s.get(k) for k in ("document", "source", "lang", "event")} for s in ev["sources"]],
        })
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), str(path))
    return len(rows)


def _iso3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2)
    return c.alpha_3 if c is not None else None


def _party_country(p: dict[str, Any], data: CorpusExport) -> str | None:
    """The country a party acts for: a state's own, a person's state affiliation."""
    if p["kind"] == "state":
        return data.countries.get(p["entity"])
    aff = p.get("affiliation")
    act = data.actors.get(aff) if aff else None
    if act is not None and act.kind == "state":
        return data.countries.get(aff)
    return None


def _plover_actor(p: dict[str, Any], data: CorpusExport) -> dict[str, Any]:
    country = _party_country(p, data)
    code = _iso3(country)
    if code is None and p["kind"] == "organization" and not p["entity"].startswith("org:"):
        code = "IGO"
    if code is None and p["kind"] == "person" and p.get("affiliation") and p["affiliation"] in data.actors \
            and data.actors[p["affiliation"]].kind == "organization" and not p["affiliation"].startswith("org:"):
        code = "IGO"
    return {"actorText": p["name"], "code": code, "actor_id": p["entity"], "kind": p["kind"], "country": country,
            "title": p.get("role"), "affiliation": p.get("affiliation"), "affiliation_name": p.get("affiliation_name")}


def plover_record(ev: dict[str, Any], data: CorpusExport) -> dict[str, Any]:
    """A corpus event as a PLOVER-style record (CONSULT/AGREE with mode, CAMEO code, source and
    target actors). The venue decides host (043) and third location (044) for meetings, and who
    visits whom (042: the source visits the target)."""
    event, mode, cameo = PLOVER_TYPES[ev["type"]]
    parties = ev["parties"]
    venue = (ev.get("location") or {}).get("country")
    home = [p for p in parties if venue and _party_country(p, data) == venue]
    if ev["type"] in ("conference", "agreement"):
        source, target = parties, []
    elif ev["type"] == "visit" and home and len(home) < len(parties):
        source, target = [p for p in parties if p not in home], home
    elif ev["type"] == "meet" and home and len(home) < len(parties):
        mode, cameo = "host", "043"
        source, target = home, [p for p in parties if p not in home]
    else:
        if ev["type"] == "meet" and venue and all(_party_country(p, data) for p in parties):
            mode, cameo = "third-party", "044"
        source, target = parties[:1], parties[1:]
    first = ev["sources"][0]["event"] if ev["sources"] else None
    trigger, text = data.evidence.get(first, (None, None)) if first else (None, None)
    loc = ev.get("location")
    return {
        "id": ev["id"], "date": ev["date"], "date_precision": ev["date_precision"], "event": event, "mode": mode,
        "context": list(ev["topics"]), "cameo": cameo,
        "source": [_plover_actor(p, data) for p in source], "target": [_plover_actor(p, data) for p in target],
        "eventText": trigger, "text": text,
        "geolocation": None if not loc else {"placename": loc["name"], "country": loc["country"],
                                              "lat": loc["lat"], "lon": loc["lon"]},
        "language": ev["sources"][0]["lang"] if ev["sources"] else None, "confidence": ev["confidence"],
        "type": ev["type"], "sources": ev["sources"],
    }


def plover_records(data: CorpusExport) -> list[dict[str, Any]]:
    return [plover_record(ev, data) for ev in data.events]


def actor_network(data: CorpusExport) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], int]]:
    """Nodes: every actor that is a party of a merged event (kind, name, events, country).
    Edges: two actors in one merged event, weighted by the number of such events."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], int] = defaultdict(int)
    for ev in data.events:
        ids = sorted({p["entity"] for p in ev["parties"]})
        for p in ev["parties"]:
            node = nodes.setdefault(p["entity"], {"label": p["name"] or p["entity"], "kind": p["kind"] or "",
                                                  "events": 0, "country": _party_country(p, data) or ""})
            node["events"] += 1
        for a, b in combinations(ids, 2):
            edges[(a, b)] += 1
    return nodes, dict(edges)


_NODE_ATTRS = (("kind", "string"), ("events", "integer"), ("country", "string"))


def _write_xml(root: Any, fh: TextIO) -> None:
    import xml.etree.ElementTree as ET

    ET.indent(root)
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    fh.write(ET.tostring(root, encoding="unicode"))
    fh.write("\n")


def write_gexf(nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str], int], fh: TextIO) -> int:
    """GEXF 1.3 (Gephi): undirected, node attributes kind/events/country, edge weights."""
    import xml.etree.ElementTree as ET

    ns = "http://gexf.net/1.3"
    root = ET.Element("gexf", {"xmlns": ns, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "communique"
    ET.SubElement(meta, "description").text = "actors of merged events; edges: events together"
    graph = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "undirected"})
    attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    for i, (title, typ) in enumerate(_NODE_ATTRS):
        ET.SubElement(attrs, "attribute", {"id": str(i), "title": title, "type": typ})
    xnodes = ET.SubElement(graph, "nodes")
    for nid in sorted(nodes):
        node = nodes[nid]
        x = ET.SubElement(xnodes, "node", {"id": nid, "label": node["label"]})
        vals = ET.SubElement(x, "attvalues")
        for i, (title, _) in enumerate(_NODE_ATTRS):
            ET.SubElement(vals, "attvalue", {"for": str(i), "value": str(node[title])})
    xedges = ET.SubElement(graph, "edges")
    for i, ((a, b), w) in enumerate(sorted(edges.items())):
        ET.SubElement(xedges, "edge", {"id": str(i), "source": a, "target": b, "weight": str(float(w))})
    _write_xml(root, fh)
    return len(nodes)


def write_graphml(nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str], int], fh: TextIO) -> int:
    """GraphML: undirected, node keys label/kind/events/country, edge key weight."""
    import xml.etree.ElementTree as ET

    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    types = {"string": "string", "integer": "int"}
    for name, typ in (("label", "string"),) + _NODE_ATTRS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": types[typ]})
    ET.SubElement(root, "key", {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "double"})
    graph = ET.SubElement(root, "graph", {"id": "communique", "edgedefault": "undirected"})
    for nid in sorted(nodes):
        x = ET.SubElement(graph, "node", {"id": nid})
        for name in ("label", "kind", "events", "country"):
            ET.SubElement(x, "data", {"key": name}).text = str(nodes[nid][name])
    for i, ((a, b), w) in enumerate(sorted(edges.items())):
        e = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": a, "target": b})
        ET.SubElement(e, "data", {"key": "weight"}).text = str(float(w))
    _write_xml(root, fh)
    return len(nodes)


def cmd_export(args: argparse.Namespace) -> int:
    """`communique export`: the store's merged events in one file format."""
    from .config import Settings
    from .store import open_store

    settings = Settings(db=args.db, kb_overlay=args.overlay)
    with open_store(settings.db, read_only=True) as store:  # type: ignore[attr-defined]
        n = export_corpus(store, args.format, args.out, overlay=settings.kb_overlay)
    if args.out:
        what = "nodes" if args.format in ("gexf", "graphml") else "records"
        print(f"{n} {what} -> {args.out}", file=sys.stderr)
    return 0


def add_export_parser(sub: Any) -> None:
    """Register `communique export` on the CLI's subparsers."""
    p = sub.add_parser("export", help="write the merged events, or the actor network, as a file")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl",
                   help="jsonl (corpus events), csv, parquet, plover (PLOVER/CAMEO), gexf or graphml (actor network)")
    p.add_argument("--db", default="communique.duckdb", help="DuckDB file")
    p.add_argument("--out", help="output file (default: standard output; required for parquet)")
    p.add_argument("--overlay", help="user overlay YAML of actors and persons (Settings.kb_overlay)")
    p.set_defaults(func=cmd_export)
