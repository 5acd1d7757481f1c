"""Corpus exports from a real DuckDB file: jsonl, csv, parquet, PLOVER, GEXF and GraphML, read back."""

from __future__ import annotations

import argparse
import csv
import json
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import duckdb
import pytest

from communique.config import Settings
from communique.errors import InputError
from communique.export import CSV_COLUMNS, add_export_parser, export_corpus
from communique.run.local import extract_paths
from communique.store import open_store

from .conftest import EXAMPLES

DOCS = ("fr_008.txt", "fr_009.txt", "en_019.txt", "ar_006.txt", "fr_011.txt", "ar_007.txt")


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("export") / "corpus.duckdb"
    extract_paths([str(EXAMPLES / n) for n in DOCS], Settings(db=str(path)), pipeline=pipeline)
    return path


def _export(db: Path, fmt: str, out: Path) -> Path:
    parser = argparse.ArgumentParser()
    add_export_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["export", "--format", fmt, "--db", str(db), "--out", str(out)])
    assert args.func(args) == 0
    return out


@pytest.fixture(scope="module")
def events(db, tmp_path_factory) -> list[dict]:
    out = _export(db, "jsonl", tmp_path_factory.mktemp("out") / "events.jsonl")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _event_with(events: list[dict], *actors: str) -> dict:
    return next(e for e in events if set(actors) <= {p["entity"] for p in e["parties"]})


def test_export_jsonl_is_one_line_per_merged_event(db, events):
    con = duckdb.connect(str(db), read_only=True)
    merged = con.execute("SELECT count(DISTINCT coalesce(corpus_event, id)) FROM events WHERE status = 'occurred'"
                         ).fetchone()[0]
    con.close()
    assert len(events) == merged
    lavrov = _event_with(events, "person:nasser-bourita", "person:sergey-lavrov")
    assert (lavrov["type"], lavrov["date"], lavrov["location"]["name"]) == ("meet", "2018-09-27", "New York")
    assert sorted(Path(s["source"]).name for s in lavrov["sources"]) == ["fr_008.txt", "fr_009.txt"]
    assert {p["name"] for p in lavrov["parties"]} == {"Nasser Bourita", "Sergey Lavrov"}


def test_export_jsonl_resolves_one_actor_across_languages(events):
    """ar_006 (حسين إبراهيم طه) and fr_011 (Hissein Brahim Taha) report one call with Bourita."""
    call = next(e for e in events if e["type"] == "call")
    assert sorted(s["lang"] for s in call["sources"]) == ["ar", "fr"]
    taha = next(p for p in call["parties"] if p["entity"].endswith("taha"))
    assert taha["entity"] == "person:hissein-brahim-taha" and taha["name"] == "Hissein Brahim Taha"
    guinea = next(e for e in events if any(p["name"] == "Morissanda Kawyati" for p in e["parties"]))
    assert "person:hissein-brahim-taha" in {p["entity"] for p in guinea["parties"]}
    assert next(p for p in guinea["parties"] if p["entity"] == "person:hissein-brahim-taha")["mention"] == \
        "person:hussein-ibrahim-taha"


def test_export_csv_one_row_per_event(db, events, tmp_path):
    rows = list(csv.reader(_export(db, "csv", tmp_path / "events.csv").open(encoding="utf-8", newline="")))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == len(events) + 1
    by_id = {r[0]: dict(zip(CSV_COLUMNS, r)) for r in rows[1:]}
    lavrov = by_id[_event_with(events, "person:nasser-bourita", "person:sergey-lavrov")["id"]]
    assert lavrov["parties"] == "Nasser Bourita; Sergey Lavrov"
    assert (lavrov["sources"], lavrov["languages"], lavrov["country"]) == ("2", "fr", "US")


def test_export_parquet_nested_rows(db, events, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(_export(db, "parquet", tmp_path / "events.parquet"))
    assert table.num_rows == len(events)
    rows = {r["id"]: r for r in table.to_pylist()}
    call = rows[next(e for e in events if e["type"] == "call")["id"]]
    assert {p["name"] for p in call["parties"]} == {"Hissein Brahim Taha", "Nasser Bourita"}
    assert sorted(s["lang"] for s in call["sources"]) == ["ar", "fr"]
    assert table.schema.field("lat").type == "double"


def test_export_plover_types_modes_and_cameo(db, events, tmp_path):
    recs = {r["id"]: r for r in map(json.loads, _export(db, "plover", tmp_path / "p.jsonl").read_text().splitlines())}
    assert len(recs) == len(events)
    call = recs[next(e for e in events if e["type"] == "call")["id"]]
    assert (call["event"], call["mode"], call["cameo"]) == ("CONSULT", "phone", "041")
    lavrov = recs[_event_with(events, "person:nasser-bourita", "person:sergey-lavrov")["id"]]
    assert lavrov["event"] == "CONSULT" and lavrov["cameo"] in {"040", "044"}
    assert {a["actorText"]: a["code"] for a in lavrov["source"] + lavrov["target"]}["Sergey Lavrov"] == "RUS"
    conf = recs[next(e for e in events if e["type"] == "conference")["id"]]
    assert (conf["mode"], conf["target"]) == ("multilateral", [])
    assert conf["geolocation"]["placename"] == "Riyadh" and conf["geolocation"]["country"] == "SA"
    # Morocco's intelligence chief receives the Saudi official in Rabat: the host side is Moroccan, 043
    rabat = recs[next(e for e in events if e["type"] == "meet" and (e["location"] or {}).get("name") == "Rabat")["id"]]
    assert (rabat["mode"], rabat["cameo"]) == ("host", "043")
    assert [a["code"] for a in rabat["source"]] == ["MAR"]


def _expected_edges(events: list[dict]) -> dict[tuple[str, str], int]:
    edges: dict[tuple[str, str], int] = {}
    for ev in events:
        for a, b in combinations(sorted({p["entity"] for p in ev["parties"]}), 2):
            edges[(a, b)] = edges.get((a, b), 0) + 1
    return edges


def test_export_gexf_actor_network(db, events, tmp_path):
    root = ET.parse(_export(db, "gexf", tmp_path / "net.gexf")).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    attrs = {a.get("title"): a.get("id") for a in root.findall("g:graph/g:attributes/g:attribute", ns)}
    nodes = {}
    for n in root.findall("g:graph/g:nodes/g:node", ns):
        vals = {v.get("for"): v.get("value") for v in n.findall("g:attvalues/g:attvalue", ns)}
        nodes[n.get("id")] = (n.get("label"), vals[attrs["kind"]], int(vals[attrs["events"]]))
    assert set(nodes) == {p["entity"] for e in events for p in e["parties"]}
    bourita = sum("person:nasser-bourita" in {p["entity"] for p in e["parties"]} for e in events)
    assert nodes["person:nasser-bourita"] == ("Nasser Bourita", "person", bourita)
    edges = {(e.get("source"), e.get("target")): float(e.get("weight"))
             for e in root.findall("g:graph/g:edges/g:edge", ns)}
    assert edges == {k: float(v) for k, v in _expected_edges(events).items()}
    # two reports (fr_008, fr_009) of one meeting weigh one event
    assert edges[("person:nasser-bourita", "person:sergey-lavrov")] == 1.0


def test_export_graphml_actor_network(db, events, tmp_path):
    root = ET.parse(_export(db, "graphml", tmp_path / "net.graphml")).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("attr.name"): k.get("id") for k in root.findall("g:key", ns)}
    nodes = {n.get("id"): {d.get("key"): d.text for d in n.findall("g:data", ns)}
             for n in root.findall("g:graph/g:node", ns)}
    assert nodes["person:hissein-brahim-taha"][keys["label"]] == "Hissein Brahim Taha"
    assert nodes["person:hissein-brahim-taha"][keys["kind"]] == "person"
    edges = {(e.get("source"), e.get("target")): float(e.find("g:data", ns).text)
             for e in root.findall("g:graph/g:edge", ns)}
    assert edges == {k: float(v) for k, v in _expected_edges(events).items()}


def test_export_errors_name_what_to_do(db):
    with open_store(str(db), read_only=True) as store:
        with pytest.raises(InputError, match="--out"):
            export_corpus(store, "parquet")
        with pytest.raises(InputError, match="jsonl, csv, parquet, plover, gexf, graphml"):
            export_corpus(store, "xlsx")
