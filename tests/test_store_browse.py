"""The browse tables: kept in the store by every corpus refresh, rewritten only where merged events changed,
equal to a build from scratch; `communique events` and `show` read them (an older store through a copy)."""

from __future__ import annotations

import json

import duckdb

from communique.cli import main
from communique.corpus.refresh import refresh_corpus, refresh_merged_events
from communique.records import Document, Entity, Event, Evidence, Extraction, Location, Party
from communique.store import open_store
from communique.store.browse import EventFilter, event_timeline, get_event, list_events
from communique.store.browse_tables import browse_is_current, refresh_browse

from .test_store_postgres import _report

TABLES = {"browse_events": "id", "browse_event_actors": "event_id, actor_id, shown", "browse_actors": "id"}


def _other_meeting() -> Extraction:
    """A report of another meeting (invented people), unrelated to the Bourita-Lavrov one."""
    text = "Talks in Lisbon\n\nLISBON - Minister Ilda Varonne met Tomas Quelbrin on Monday."
    doc = Document(id="sha256:" + "d" * 64, source="https://news.example/en/9", text=text, lang="en",
                   title="Talks in Lisbon", published="2019-03-04", dateline_place="Lisbon")
    people = (Entity(id="p1", kind="person", name="Ilda Varonne", forms=["Ilda Varonne"]),
              Entity(id="p2", kind="person", name="Tomas Quelbrin", forms=["Tomas Quelbrin", "Quelbrin"]))
    event = Event(id="ev:en9", type="meet", status="occurred", date="2019-03-04", date_precision="day",
                  location=Location("Lisbon", "PT", 38.72, -9.14), parties=(Party("p1"), Party("p2")), topics=(),
                  evidence=(Evidence(text[17:], 17, len(text)),), confidence=0.7, trigger="met")
    return Extraction(document=doc, entities=people, events=(event,))


def _tables(con) -> dict[str, list[tuple]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY {order}").fetchall() for t, order in TABLES.items()}


def test_store_browse_refresh_rewrites_only_what_changed(store_url):
    with open_store(store_url) as store:
        store.write(_report("fr"))
        refresh_corpus(store)
        assert [e["id"] for e in list_events(store.con, EventFilter(status="any")).events] == ["ev:fr2", "ce:fr1"]
        store.write(_report("en"))                  # merges with ev:fr1: that event's row is rewritten
        refresh_corpus(store)
        assert browse_is_current(store.con)
        assert [e["id"] for e in list_events(store.con, EventFilter(status="any")).events] == ["ev:fr2", "ce:en1"]
        assert refresh_browse(store.con) == 0       # nothing changed since
        store.write(_other_meeting())
        assert not browse_is_current(store.con)
        refresh_merged_events(store)
        assert refresh_browse(store.con) == 1       # the new event only
        scratch = duckdb.connect(":memory:")
        assert refresh_browse(store.con, scratch) == 3
        assert _tables(store.con) == _tables(scratch)
        assert [e["id"] for e in list_events(store.con, EventFilter(actor="quelbrin")).events] == ["ce:en9"]
        assert [e["id"] for e in list_events(store.con, EventFilter(q="LISBON talks")).events] == ["ce:en9"]
        assert [e["id"] for e in list_events(store.con, EventFilter(lang="fr")).events] == ["ce:en1"]
        assert list_events(store.con, EventFilter(country="pt", since="2019-03", until="2019-03")).total == 1
        assert event_timeline(store.con, EventFilter(), "week") == [("2018-W39", 1), ("2019-W10", 1)]
        assert event_timeline(store.con, EventFilter(), "month") == [("2018-09", 1), ("2019-03", 1)]
        assert get_event(store.con, "ev:en1")["id"] == "ce:en1"


def test_store_browse_older_store_is_read_through_a_copy(tmp_path, capsys):
    """A store refreshed before the browse tables existed, opened read-only: `events` and `show` build an
    in-memory copy and print what they print on a current store."""
    path = str(tmp_path / "news.duckdb")
    with open_store(path) as store:
        store.write(_report("fr"))
        store.write(_report("en"))
        store.write(_other_meeting())
        refresh_corpus(store)
    capsys.readouterr()
    outputs = []
    for _ in range(2):
        assert main(["events", "--db", path, "--format", "jsonl", "--since", "2018-01-01"]) == 0
        assert main(["show", "ev:fr1", "--db", path]) == 0
        outputs.append(capsys.readouterr().out)
        with open_store(path) as store:         # as an older version left it
            for table in TABLES:
                store.con.execute(f"DROP TABLE IF EXISTS {table}")
            store.con.execute("DROP TABLE IF EXISTS browse_state")
    listed = [json.loads(line) for line in outputs[0].splitlines() if line.startswith("{")]
    assert [e["id"] for e in listed] == ["ce:en9", "ce:en1"]
    assert all("role_en" in p for p in listed[1]["parties"])    # as `events` printed before: English roles
    assert "evidence [https://news.example/en/7" in outputs[0]
    assert outputs[0] == outputs[1]
