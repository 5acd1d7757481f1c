"""The PostgreSQL store against a real server (COMMUNIQUE_TEST_POSTGRES), held to the DuckDB store's assertions:
every store test runs on both backends, and the CLI gives the same events from either."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from datetime import datetime

import psycopg
import pytest

from communique.cli import main
from communique.corpus import refresh_corpus
from communique.errors import StoreError
from communique.records import (
    Document,
    Entity,
    Event,
    Evidence,
    Extraction,
    Location,
    Mention,
    Party,
    RawDocument,
    Rejected,
)
from communique.store import open_store
from communique.store.postgres import qmark_to_pyformat
from communique.store.browse import EventFilter, event_evidence, get_event, list_events
from communique.store.queries import corpus_events
from communique.store.rows import INSERT_SQL, document_rows

from .conftest import EXAMPLES, PG, needs_pg

TABLES = ("documents", "rejects", "actors", "aliases", "entities", "mentions", "events", "event_parties", "evidence")


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
        assert refresh_corpus(store) == 1           # the planned visit is not a corpus event
        assert refresh_corpus(store) == 1
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
        assert [e["id"] for e in list_events(store.con, EventFilter(actor="بوريطة")).events] == ["ce:en1"]
        assert list_events(store.con, EventFilter(actor="Guterres")).events == []
        assert [e["id"] for e in corpus_events(store.con, include_planned=True)] == ["ev:fr2", "ce:en1"]
        assert [e["id"] for e in list_events(store.con, EventFilter(status="any")).events] == ["ev:fr2", "ce:en1"]
        shown = get_event(store.con, "ev:fr1", resolved=False)      # a report's id: its merged event
        assert shown == event
        assert sorted(e["source"] for e in event_evidence(store.con, shown)) == ["https://diplomatie.example/fr/1",
                                                                                 "https://news.example/en/7"]
        assert get_event(store.con, "ev:nope") is None


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


# -- bulk writes (write_many) -------------------------------------------------------------------------

_STAMPS = {"documents": "stored_at", "rejects": "rejected_at"}


def _table_rows(store) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the write timestamps."""
    out = {}
    for table in TABLES:
        cols = [c for (c,) in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall() if c != _STAMPS.get(table)]
        out[table] = sorted(store.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    return out


def _write_row_by_row(store, ex: Extraction) -> bool:
    """The write the PostgreSQL store had before write_many, kept as the reference: one transaction,
    one INSERT a row (rows.INSERT_SQL)."""
    rows = document_rows(ex, datetime.now())
    con = store.con
    with con.raw.transaction():
        if not con.execute(INSERT_SQL["documents"] + " ON CONFLICT (id) DO NOTHING", rows.pop("documents")[0]).rowcount:
            raise psycopg.Rollback()
        con.execute("DELETE FROM rejects WHERE source = ?", [ex.document.source])
        for table, table_rows in rows.items():
            if table_rows:
                con.executemany(INSERT_SQL[table], table_rows)
        return True
    return False


def _copy(ex: Extraction, n: int) -> Extraction:
    """Another document with the same content: new document and event ids, same actors."""
    events = tuple(replace(ev, id=f"{ev.id}~{n}") for ev in ex.events)
    return replace(ex, document=replace(ex.document, id=f"{ex.document.id}~{n}", source=f"{ex.document.source}~{n}"),
                   events=events)


@pytest.fixture(scope="module")
def extractions(pipeline):
    """The examples through the pipeline, the two hand-made reports (one with an integer confidence, next to
    float ones in the same column) and copies: 40 documents that share actors, aliases and events."""
    real = list(pipeline.run([RawDocument(source=str(p), content=p.read_bytes()) for p in sorted(EXAMPLES.glob("*.txt"))]))
    assert all(isinstance(r, Extraction) for r in real) and len(real) >= 12
    en = _report("en")
    en = replace(en, events=(replace(en.events[0], confidence=1),))
    docs = [*real, _report("fr"), en]
    return docs + [_copy(ex, 1) for ex in docs]


@needs_pg
def test_store_postgres_write_many_stores_what_row_by_row_writes_store(new_pg_url, extractions):
    batch = [*extractions, extractions[3], extractions[-1]]          # two documents twice
    stores = [open_store(new_pg_url()) for _ in range(3)]
    try:
        for store in stores:        # storing a document clears its source's reject, and only that one
            store.write_rejected(Rejected(extractions[0].document.source, "read", "HTTP 503"))
            store.write_rejected(Rejected("https://news.example/bad", "normalize", "empty document"))
        reference, one, bulk = stores
        expected = [_write_row_by_row(reference, ex) for ex in batch]
        assert expected == [True] * len(extractions) + [False, False]
        assert [one.write(ex) for ex in batch] == expected
        assert [flag for i in range(0, len(batch), 7) for flag in bulk.write_many(batch[i:i + 7])] == expected
        want = _table_rows(reference)
        assert len(want["documents"]) == len(extractions) == 40
        assert want["rejects"] == [("https://news.example/bad", None, "normalize", "empty document")]
        assert min(len(rows) for rows in want.values() if rows is not want["rejects"]) >= 20
        assert ("ev:en1", 1.0) in [(r[0], r[11]) for r in want["events"]]
        for table in TABLES:
            assert _table_rows(one)[table] == want[table], table
            assert _table_rows(bulk)[table] == want[table], table
        assert _counts(bulk) == _counts(reference)
    finally:
        for store in stores:
            store.close()


@needs_pg
def test_store_postgres_write_many_skips_stored_documents(pg_url):
    fr, en = _report("fr"), _report("en")
    with open_store(pg_url) as store:
        assert store.write_many([]) == []
        assert store.write(fr) is True
        store.write_rejected(Rejected(en.document.source, "read", "HTTP 503"))
        assert store.write_many([fr, en, en]) == [False, True, False]
        counts = {"documents": 2, "rejects": 0, "actors": 3, "aliases": 7, "entities": 5, "mentions": 4,
                  "events": 3, "event_parties": 5, "evidence": 3}
        assert _counts(store) == counts
        # the actors both reports name keep the first report's row; each report keeps its own entities
        assert store.con.execute("SELECT id, name FROM actors ORDER BY id").fetchall() == [
            ("Q159", "Russie"), ("e1", "Nasser Bourita"), ("e2", "Sergueï Lavrov")]
        assert store.con.execute("SELECT name FROM entities WHERE entity_id = 'e2' ORDER BY name").fetchall() == [
            ("Sergey Lavrov",), ("Sergueï Lavrov",)]
        assert store.write_many([en, fr]) == [False, False]
        assert _counts(store) == counts
    with open_store(pg_url) as again:
        assert again.write_many([fr, _copy(en, 2)]) == [False, True]
        assert _counts(again) == {**counts, "documents": 3, "entities": 7, "mentions": 6, "events": 4,
                                  "event_parties": 7, "evidence": 4}


def _refused(report: Extraction) -> Extraction:
    """A document the server refuses: one entity twice violates the entities key."""
    return replace(report, document=replace(report.document, id="sha256:" + "0" * 64, source="twice.txt"),
                   entities=(report.entities[0], report.entities[0]), events=())


@needs_pg
def test_store_postgres_write_many_refused_row_undoes_the_batch(pg_url):
    fr, en = _report("fr"), _report("en")
    twice = _refused(en)
    with open_store(pg_url) as store:
        with pytest.raises(StoreError, match=r"^cannot store 3 documents \(https://diplomatie\.example/fr/1, \.\.\.\) in "):
            store.write_many([fr, twice, en])
        assert set(_counts(store).values()) == {0}
        with pytest.raises(StoreError, match=r"^cannot store twice\.txt in .*duplicate key"):
            store.write(twice)
        assert store.write_many([fr, en]) == [True, True]


def _wait_until_blocked(pid: int) -> None:
    with psycopg.connect(PG, autocommit=True) as watcher:
        for _ in range(500):
            (wait,) = watcher.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()
            if wait == "Lock":
                return
            time.sleep(0.01)
    raise AssertionError("the second writer never waited for the first")


@needs_pg
def test_store_postgres_two_writers_write_many_overlapping_batches(new_pg_url, extractions):
    first_batch = extractions[:25]
    second_batch = extractions[:5] + extractions[15:][::-1]        # 15 documents in both, in other orders
    reference = open_store(new_pg_url())
    for ex in [*first_batch, *(ex for ex in second_batch if ex not in first_batch)]:
        assert _write_row_by_row(reference, ex)
    url = new_pg_url()
    with open_store(url) as first, open_store(url) as second:
        got: dict[str, object] = {}

        def write_second() -> None:
            try:
                got["second"] = second.write_many(second_batch)
            except Exception as exc:        # noqa: BLE001 - reported by the assertion below
                got["second"] = exc

        with first.con.raw.transaction():   # the first batch is not committed while the second is written
            got["first"] = first.write_many(first_batch)
            thread = threading.Thread(target=write_second)
            thread.start()
            _wait_until_blocked(second.con.raw.info.backend_pid)
            assert "second" not in got
        thread.join(30)
        assert got["first"] == [True] * 25
        assert got["second"] == [ex not in first_batch for ex in second_batch]
        assert sum(got["second"]) == 15
        assert _counts(first) == _counts(reference)
        rows, want = _table_rows(first), _table_rows(reference)
        for table in TABLES:
            assert rows[table] == want[table], table
    reference.close()


@needs_pg
def test_store_postgres_two_writers_racing_store_each_document_once(new_pg_url, extractions):
    reference = open_store(new_pg_url())
    for ex in extractions:
        _write_row_by_row(reference, ex)
    url = new_pg_url()
    orders = {"forward": list(extractions), "backward": extractions[::-1]}
    results: dict[str, list[bool] | Exception] = {}

    def write(name: str) -> None:
        try:
            with open_store(url) as store:
                batch = orders[name]
                results[name] = [flag for i in range(0, len(batch), 4) for flag in store.write_many(batch[i:i + 4])]
        except Exception as exc:        # noqa: BLE001 - reported by the assertion below
            results[name] = exc

    open_store(url).close()
    threads = [threading.Thread(target=write, args=(name,)) for name in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    forward, backward = results["forward"], results["backward"]
    assert isinstance(forward, list) and isinstance(backward, list), results
    stored_by = [a + b for a, b in zip(forward, backward[::-1], strict=True)]
    assert stored_by == [1] * len(extractions)                       # each document stored by one writer
    with open_store(url) as store:
        assert _counts(store) == _counts(reference)
        rows, want = _table_rows(store), _table_rows(reference)
        for table in ("documents", "entities", "mentions", "event_parties", "evidence"):
            assert rows[table] == want[table], table
        # rows documents share: the same keys, whichever writer's row came first
        for table, key in (("actors", 1), ("aliases", 2), ("events", 1)):
            assert sorted(r[:key] for r in rows[table]) == sorted(r[:key] for r in want[table]), table
    reference.close()


@needs_pg
def test_store_postgres_write_many_takes_new_tables_from_the_server(pg_url, monkeypatch):
    """A table added to the rows (and schema.sql) is written with the server's column types: here a bytea
    column by COPY and one whose rows documents share by the columnar INSERT."""
    import communique.store.postgres as pg

    def rows_with_digests(ex, now):
        rows = document_rows(ex, now)
        digest = bytes.fromhex(ex.document.id.removeprefix("sha256:")[:8].ljust(8, "0")) + b"\x00\\\n"
        rows["doc_digests"] = [[ex.document.id, 1, digest], [ex.document.id, 2, None]]
        rows["shingles"] = [["shared", 0.5], [ex.document.id, 3]]
        return rows

    monkeypatch.setattr(pg, "document_rows", rows_with_digests)
    monkeypatch.setitem(pg.INSERT_SQL, "shingles", "INSERT INTO shingles VALUES (?, ?) ON CONFLICT DO NOTHING")
    fr, en = _report("fr"), _report("en")
    with open_store(pg_url) as store:
        store.con.execute("CREATE TABLE doc_digests (doc_id VARCHAR, n INTEGER, digest BYTEA, note VARCHAR DEFAULT 'x')")
        store.con.execute("CREATE TABLE shingles (id VARCHAR PRIMARY KEY, weight DOUBLE PRECISION)")
        assert store.write_many([fr, en]) == [True, True]
        assert store.con.execute("SELECT doc_id, n, digest, note FROM doc_digests ORDER BY doc_id, n").fetchall() == [
            (en.document.id, 1, bytes.fromhex("eeeeeeee") + b"\x00\\\n", "x"), (en.document.id, 2, None, "x"),
            (fr.document.id, 1, bytes.fromhex("ffffffff") + b"\x00\\\n", "x"), (fr.document.id, 2, None, "x")]
        assert store.con.execute("SELECT id, weight FROM shingles ORDER BY id").fetchall() == [
            (en.document.id, 3.0), (fr.document.id, 3.0), ("shared", 0.5)]
        assert _counts(store)["documents"] == 2


@needs_pg
def test_store_postgres_writer_writes_batches_and_rejects_a_refused_document(pg_url):
    from communique.run.writer import StoreWriter

    fr, en = _report("fr"), _report("en")
    twice = _refused(en)
    with open_store(pg_url) as store:
        batches: list[int] = []
        write_many = store.write_many
        store.write_many = lambda exs: batches.append(len(exs)) or write_many(exs)
        reported: list[object] = []
        writer = StoreWriter(store, on_result=reported.append, flush_seconds=3600)
        writer.add_all([fr, en])
        writer.flush()
        writer.add_all([_copy(fr, 1), twice, _copy(en, 1)])
        counts = writer.close()
        # one batch each flush; the refused one again a document at a time (write is write_many of one)
        assert batches == [2, 3, 1, 1, 1]
        assert counts.documents == 4 and list(counts.rejected) == [f"store: {reported[3].reason}"]
        assert reported[3].reason.startswith(f"cannot store twice.txt in {store.url}: duplicate key value")
        assert [type(r).__name__ for r in reported] == ["Extraction"] * 3 + ["Rejected", "Extraction"]
        assert sorted(store.con.execute("SELECT source FROM documents").fetchall()) == [
            ("https://diplomatie.example/fr/1",), ("https://diplomatie.example/fr/1~1",),
            ("https://news.example/en/7",), ("https://news.example/en/7~1",)]
        assert store.con.execute("SELECT source, doc_id, stage FROM rejects").fetchall() == [
            ("twice.txt", "sha256:" + "0" * 64, "store")]
