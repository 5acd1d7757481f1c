"""The PostgreSQL store against a real server (COMMUNIQUE_TEST_POSTGRES), held to the DuckDB store's assertions:
every store test runs on both backends, and the CLI gives the same events from either."""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime
from urllib.parse import quote

import psycopg
import pytest

from communique.cli import main
from communique.errors import StoreError
from communique.records import (Document, Entity, Event, Evidence, Extraction, Location, Mention, Party,
                                Rejected)
from communique.store import open_store
from communique.store.postgres import qmark_to_pyformat
from communique.store.queries import corpus_events, show_event

from .conftest import EXAMPLES

PG = os.environ.get("COMMUNIQUE_TEST_POSTGRES")
needs_pg = pytest.mark.skipif(not PG, reason="COMMUNIQUE_TEST_POSTGRES is not set: export "
                              "COMMUNIQUE_TEST_POSTGRES=\"$(bash .ci/postgres.sh start)\" to test the PostgreSQL store")
TABLES = ("documents", "rejects", "actors", "aliases", "entities", "mentions", "events", "event_parties", "evidence")


@pytest.fixture()
def pg_url():
    """A fresh schema on the test server for each test, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG else "?"
    yield f"{PG}{sep}options={quote(f'-c search_path={schema}')}"
    with psycopg.connect(PG, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=needs_pg)])
def store_url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("pg_url")


def _person(eid: str, name: str, forms: list[str], title: str, affiliation: str | None, start: int) -> Entity:
    return Entity(id=eid, kind="person", name=name, forms=forms, titles=[title], affiliation=affiliation,
                  mentions=[Mention(start=start, end=start + len(name), form=name, kind="person", sentence=0,
                                    title=title)])


def _report(lang: str) -> Extraction:
    """One outlet's report of the Bourita-Lavrov meeting of 27 September 2018 in New York."""
    if lang == "fr":
        text = ("Nasser Bourita s'entretient avec Sergueï Lavrov\n\nNew York - Le ministre Nasser Bourita s'est "
                "entretenu jeudi avec son homologue russe, Sergueï Lavrov. Il se rendra à Moscou en décembre.")
        doc = Document(id="sha256:" + "f" * 64, source="https://diplomatie.example/fr/1", text=text, lang="fr",
                       title=text.split("\n")[0], published="2018-09-27", dateline_place="New York")
        people = [_person("e1", "Nasser Bourita", ["Nasser Bourita", "Bourita", "بوريطة"], "ministre", None, 0),
                  _person("e2", "Sergueï Lavrov", ["Sergueï Lavrov"], "homologue", "Q159", 33)]
        russia = Entity(id="Q159", kind="state", name="Russie", forms=["russe"], wikidata="Q159", country="RU")
        sentence = text.index("Le ministre"), text.index(" Il se")
        planned = Event(id="ev:fr2", type="visit", status="planned", date="2018-12", date_precision="month",
                        location=Location("Moscou", "RU", 55.75, 37.62), parties=(Party("e1"),), topics=(),
                        evidence=(Evidence("Il se rendra à Moscou en décembre.", sentence[1] + 1, len(text)),),
                        confidence=0.6, trigger="se rendra")
        events = (Event(id="ev:fr1", type="meet", status="occurred", date="2018-09-27", date_precision="day",
                        location=Location("New York", "US", 40.71, -74.01),
                        parties=(Party("e1", "ministre", None, "host"), Party("e2", "homologue", "Q159", "guest")),
                        topics=("bilateral cooperation",),
                        evidence=(Evidence(text[sentence[0]:sentence[1]], *sentence),), confidence=0.9,
                        trigger="s'est entretenu"), planned)
        return Extraction(document=doc, entities=(*people, russia), events=events)
    text = "Bourita meets Lavrov\n\nNEW YORK - Minister Nasser Bourita met Sergey Lavrov on Thursday."
    doc = Document(id="sha256:" + "e" * 64, source="https://news.example/en/7", text=text, lang="en",
                   title="Bourita meets Lavrov", published="2018-09-28", dateline_place="New York")
    people = [_person("e1", "Nasser Bourita", ["Nasser Bourita", "Bourita"], "Minister", None, 41),
              _person("e2", "Sergey Lavrov", ["Sergey Lavrov", "Lavrov"], "counterpart", None, 60)]
    event = Event(id="ev:en1", type="meet", status="occurred", date="2018-09-27", date_precision="day",
                  location=Location("New York", "US", 40.71, -74.01),
                  parties=(Party("e1", "Minister"), Party("e2", "counterpart")), topics=(),
                  evidence=(Evidence(text[22:], 22, len(text)),), confidence=0.8, trigger="met")
    return Extraction(document=doc, entities=tuple(people), events=(event,))


def _counts(store) -> dict[str, int]:
    return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_store_round_trip_keeps_every_field(store_url):
    fr = _report("fr")
    with open_store(store_url) as store:
        store.write_rejected(Rejected(fr.document.source, "read", "cannot fetch the linked page: HTTP 503"))
        store.write_rejected(Rejected("https://news.example/bad", "normalize", "empty document"))
        assert store.write(fr) is True
        con = store.con
        row = con.execute("SELECT * FROM documents").fetchone()
        assert row[:8] == (fr.document.id, "https://diplomatie.example/fr/1", "fr", fr.document.title, "2018-09-27",
                           "New York", None, fr.document.text)
        assert isinstance(row[8], datetime)
        # storing a document clears the reject of its source; the other reject stays
        assert con.execute("SELECT source, stage, reason FROM rejects").fetchall() == [
            ("https://news.example/bad", "normalize", "empty document")]
        assert con.execute("SELECT entity_id, kind, name, affiliation, wikidata, titles, forms FROM entities "
                           "ORDER BY entity_id").fetchall() == [
            ("Q159", "state", "Russie", None, "Q159", "[]", '["russe"]'),
            ("e1", "person", "Nasser Bourita", None, None, '["ministre"]',
             '["Nasser Bourita", "Bourita", "بوريطة"]'),
            ("e2", "person", "Sergueï Lavrov", "Q159", None, '["homologue"]', '["Sergueï Lavrov"]')]
        assert con.execute("SELECT id, kind, name, country FROM actors WHERE id = ?", ["Q159"]).fetchall() == [
            ("Q159", "state", "Russie", "RU")]
        assert sorted(con.execute("SELECT form, norm, lang, script FROM aliases WHERE actor_id = 'e1'").fetchall()) == [
            ("Bourita", "bourita", "fr", "Latn"), ("Nasser Bourita", "nasser bourita", "fr", "Latn"),
            ("بوريطة", "بوريطه", "fr", "Arab")]
        assert con.execute("SELECT entity_id, start_char, end_char, form, kind, title FROM mentions "
                           "ORDER BY start_char").fetchall() == [
            ("e1", 0, 14, "Nasser Bourita", "person", "ministre"),
            ("e2", 33, 47, "Sergueï Lavrov", "person", "homologue")]
        assert con.execute("SELECT id, type, status, date, date_precision, location_name, country, lat, lon, topics, "
                           "confidence, trigger, corpus_event FROM events ORDER BY id").fetchall() == [
            ("ev:fr1", "meet", "occurred", "2018-09-27", "day", "New York", "US", 40.71, -74.01,
             '["bilateral cooperation"]', 0.9, "s'est entretenu", None),
            ("ev:fr2", "visit", "planned", "2018-12", "month", "Moscou", "RU", 55.75, 37.62, "[]", 0.6, "se rendra",
             None)]
        assert con.execute("SELECT entity_id, role, affiliation, side FROM event_parties WHERE event_id = ? "
                           "ORDER BY entity_id", ["ev:fr1"]).fetchall() == [
            ("e1", "ministre", None, "host"), ("e2", "homologue", "Q159", "guest")]
        (start, end, text), = con.execute("SELECT start_char, end_char, text FROM evidence WHERE event_id = 'ev:fr1'"
                                          ).fetchall()
        assert text == fr.document.text[start:end] and text.startswith("Le ministre Nasser Bourita s'est entretenu")


def test_store_rewrite_and_rejects_are_idempotent(store_url):
    with open_store(store_url) as store:
        assert store.write(_report("fr")) is True
        store.write_rejected(Rejected("https://news.example/bad", "read", "HTTP 503"))
        store.write_rejected(Rejected("https://news.example/bad", "read", "HTTP 404", doc_id="sha256:0"))
        counts = _counts(store)
        assert counts == {"documents": 1, "rejects": 1, "actors": 3, "aliases": 5, "entities": 3, "mentions": 2,
                          "events": 2, "event_parties": 3, "evidence": 2}
        assert store.con.execute("SELECT reason, doc_id FROM rejects").fetchall() == [("HTTP 404", "sha256:0")]
        assert store.has_document("sha256:" + "f" * 64) and not store.has_document("sha256:" + "0" * 64)
        assert store.write(_report("fr")) is False
        assert _counts(store) == counts
    with open_store(store_url) as again:        # reopening keeps everything and creates nothing twice
        assert again.write(_report("fr")) is False
        assert _counts(again) == counts


def test_store_merges_reports_across_documents(store_url):
    with open_store(store_url) as store:
        store.write(_report("fr"))
        store.write(_report("en"))
        assert store.refresh_corpus_events() == 1           # the planned visit is not a corpus event
        assert store.refresh_corpus_events() == 1
        assert store.con.execute("SELECT id, corpus_event FROM events ORDER BY id").fetchall() == [
            ("ev:en1", "ce:en1"), ("ev:fr1", "ce:en1"), ("ev:fr2", None)]
    with open_store(store_url, read_only=True) as store:
        (event,) = corpus_events(store.con)
        assert {k: event[k] for k in ("id", "type", "status", "date", "date_precision", "topics", "confidence")} == {
            "id": "ce:en1", "type": "meet", "status": "occurred", "date": "2018-09-27", "date_precision": "day",
            "topics": ["bilateral cooperation"], "confidence": 0.9}
        assert event["location"] == {"name": "New York", "country": "US", "lat": 40.71, "lon": -74.01}
        assert [(p["name"], p["role"], p["affiliation_name"]) for p in event["parties"]] == [
            ("Nasser Bourita", "ministre", None), ("Sergueï Lavrov", "homologue", "Russie")]
        assert sorted((s["source"], s["lang"], s["event"]) for s in event["sources"]) == [
            ("https://diplomatie.example/fr/1", "fr", "ev:fr1"), ("https://news.example/en/7", "en", "ev:en1")]
        assert [e["id"] for e in corpus_events(store.con, actor="بوريطة")] == ["ce:en1"]
        assert corpus_events(store.con, actor="Guterres") == []
        assert [e["id"] for e in corpus_events(store.con, include_planned=True)] == ["ev:fr2", "ce:en1"]
        shown = show_event(store.con, "ev:fr1")
        assert shown["id"] == "ce:en1"
        assert sorted(e["source"] for e in shown["evidence"]) == ["https://diplomatie.example/fr/1",
                                                                  "https://news.example/en/7"]
        assert show_event(store.con, "ev:nope") is None


def test_store_read_only_needs_an_existing_store(store_url):
    with pytest.raises(StoreError, match=r"communique extract \.\.\. --db"):
        open_store(store_url, read_only=True)


@needs_pg
def test_store_postgres_two_writers_keep_a_document_once(pg_url):
    with open_store(pg_url) as first, open_store(pg_url) as second:
        assert first.write(_report("fr")) is True
        # the second writer checked before the first committed: the insert itself must notice
        second.has_document = lambda doc_id: False
        assert second.write(_report("fr")) is False
        assert _counts(second)["documents"] == 1 and _counts(second)["events"] == 2


@needs_pg
def test_store_postgres_cli_gives_the_same_events_as_duckdb(pg_url, tmp_path, capsys):
    docs = [str(EXAMPLES / "fr_008.txt"), str(EXAMPLES / "en_012.txt"), str(tmp_path / "missing.txt")]
    outputs = []
    for db in (str(tmp_path / "cli.duckdb"), pg_url):
        assert main(["extract", *docs, "--db", db, "--format", "jsonl"]) == 0
        capsys.readouterr()
        assert main(["events", "--db", db, "--format", "jsonl"]) == 0
        outputs.append([json.loads(line) for line in capsys.readouterr().out.splitlines()])
    duck, pg = outputs
    assert len(pg) >= 8 and pg == duck
    lavrov = [e for e in pg if any("Lavrov" in (p["name"] or "") for p in e["parties"])]
    assert len(lavrov) == 1 and lavrov[0]["date"] == "2018-09-27"


def test_store_postgres_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError) as err:
        open_store("postgresql://reader:s3cret@127.0.0.1:1/news")
    message = str(err.value)
    assert message.startswith("cannot connect to postgresql://reader:***@127.0.0.1:1/news: ")
    assert "s3cret" not in message and "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE" in message


def test_store_postgres_placeholders_are_translated_outside_quotes():
    assert qmark_to_pyformat("SELECT '?', x FROM t WHERE a = ? AND b LIKE '50%' AND c = ?") == \
        "SELECT '?', x FROM t WHERE a = %s AND b LIKE '50%%' AND c = %s"
    assert qmark_to_pyformat("SELECT \"odd?col\" FROM t WHERE n % 2 = ?") == \
        "SELECT \"odd?col\" FROM t WHERE n %% 2 = %s"
