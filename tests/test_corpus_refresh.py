"""The end-of-run refresh: documents added to a refreshed store give, incrementally, the cross-document tables
a full refresh from scratch gives (real DuckDB files, compared row by row), and only what they reach is
recomputed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from communique.config import Settings
from communique.corpus import refresh_corpus
from communique.corpus.actors import redate_actors, refresh_actors
from communique.corpus.refresh import refresh_merged_events
from communique.run.local import extract_paths
from communique.store import open_store

from .conftest import EXAMPLES, SEED
from .test_identity import ARABIC, ENGLISH

#: every table a refresh writes, with the columns compared (all of them)
DERIVED = ("events", "duplicates", "fingerprints", "fingerprint_bands", "merge_blocks", "merge_keys", "actor_links",
           "corpus_actors", "actor_forms", "actor_titles", "actor_affiliations", "refreshed_documents",
           "browse_events", "browse_event_actors", "browse_actors")


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> tuple[list[str], list[str]]:
    """Two batches: the second reports again a meeting of the first in English and (undated) in Arabic,
    names a person of the first in Arabic script, and adds an unrelated story."""
    if not SEED.exists():
        pytest.skip("../shared/examples is not beside the checkout")
    tmp = tmp_path_factory.mktemp("batches")
    (tmp / "en_moghedi.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp / "ar_moghedi.txt").write_text(ARABIC, encoding="utf-8")
    first = [str(SEED), str(EXAMPLES / "fr_008.txt"), str(EXAMPLES / "en_019.txt")]
    later = [str(tmp / "en_moghedi.txt"), str(tmp / "ar_moghedi.txt"), str(EXAMPLES / "ar_006.txt"),
             str(EXAMPLES / "fr_011.txt"), str(EXAMPLES / "en_012.txt")]
    return first, later


@pytest.fixture(scope="module")
def incremental(docs, pipeline, tmp_path_factory) -> Path:
    """First batch extracted (a full refresh), then the second (an incremental one)."""
    db = tmp_path_factory.mktemp("incremental") / "store.duckdb"
    first, later = docs
    extract_paths(first, Settings(db=str(db)), pipeline=pipeline, quiet=True)
    with open_store(str(db)) as store:
        assert store.has_refreshed() and not store.needs_refresh()
    extract_paths(later, Settings(db=str(db)), pipeline=pipeline, quiet=True)
    return db


def _tables(db: Path) -> dict[str, list[tuple]]:
    with open_store(str(db), read_only=True) as store:
        out = {}
        for table in DERIVED:
            rows = store.con.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        out["events"] = sorted(store.con.execute("SELECT id, corpus_event FROM events").fetchall(), key=repr)
    return out


def _assert_same(a: dict[str, list[tuple]], b: dict[str, list[tuple]], tables=DERIVED) -> None:
    for table in tables:
        assert len(a[table]) == len(b[table]), table
        for x, y in zip(a[table], b[table]):
            assert x == y, table


def _refreshed_from_scratch(db: Path, path: Path) -> Path:
    """A copy of the store with every derived table emptied, then fully refreshed."""
    shutil.copy(db, path)
    with open_store(str(path)) as store:
        for table in ("duplicates", "fingerprint_bands", "merge_blocks", "merge_keys", "refreshed_documents",
                      "actor_links", "corpus_actors", "actor_forms", "actor_titles", "actor_affiliations",
                      "browse_events", "browse_event_actors", "browse_actors", "browse_state"):
            store.con.execute(f"DELETE FROM {table}")
        store.con.execute("UPDATE events SET corpus_event = NULL")
        store.con.execute("UPDATE fingerprints SET representative = NULL")
        refresh_corpus(store, full=True)
    return path


def test_corpus_refresh_incremental_equals_full_refresh_of_the_same_store(incremental, tmp_path):
    full = _refreshed_from_scratch(incremental, tmp_path / "full.duckdb")
    a, b = _tables(incremental), _tables(full)
    assert len(a["events"]) >= 15 and len(a["actor_forms"]) > 50 and len(a["merge_blocks"]) > 10
    # the meeting reported in the first batch in French and in the second in English and Arabic is one event
    corpus = {}
    for _, cid in a["events"]:
        corpus[cid] = corpus.get(cid, 0) + 1
    assert max(corpus.values()) >= 3
    # the undated Arabic report is seen on the day of the meeting it was merged with
    assert [r[4] for r in a["actor_forms"] if r[1] == "محمد بن سعيد المغيدي"] == ["2024-05-23"]
    _assert_same(a, b)


def test_corpus_refresh_incremental_equals_one_run_from_scratch(docs, incremental, pipeline, tmp_path):
    first, later = docs
    scratch = tmp_path / "scratch.duckdb"
    extract_paths(first + later, Settings(db=str(scratch)), pipeline=pipeline, quiet=True)
    # copies depend on the order documents were stored in; no two of these texts are copies
    _assert_same(_tables(incremental), _tables(scratch), tuple(t for t in DERIVED if t != "fingerprints"))


def test_corpus_refresh_recomputes_only_the_blocks_new_reports_reach(incremental):
    with open_store(str(incremental)) as store:
        sources = dict(store.con.execute("SELECT id, source FROM documents").fetchall())
        ar_moghedi = next(d for d, s in sources.items() if s.endswith("ar_moghedi.txt"))
        before = store.corpus_event_ids()
        with store.transaction():
            groups, reached = refresh_merged_events(store, {ar_moghedi})
        assert reached == set() and groups == len(set(before.values()))     # its merge key is as stored
        store.con.execute("DELETE FROM merge_keys WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)",
                          [ar_moghedi])
        with store.transaction():
            groups, reached = refresh_merged_events(store, {ar_moghedi})
        assert store.corpus_event_ids() == before and groups == len(set(before.values()))
    # the three reports of the seed's meeting, not the other stories
    assert sorted(Path(sources[d]).name for d in reached) == [
        SEED.name, "ar_moghedi.txt", "en_moghedi.txt"]


def test_corpus_refresh_after_a_write_outside_a_refresh_compares_every_merged_event(incremental, tmp_path):
    db = tmp_path / "renamed.duckdb"
    shutil.copy(incremental, db)
    with open_store(str(db)) as store:
        with store.transaction():
            refresh_actors(store)           # as `communique actors` does: the browse rows may be stale now
        assert store.con.execute("SELECT count(*) FROM browse_state").fetchone()[0] == 0
        actor = store.con.execute("SELECT actor_id FROM browse_event_actors WHERE shown ORDER BY actor_id "
                                  "LIMIT 1").fetchone()[0]
        store.con.execute("UPDATE corpus_actors SET name = 'Zoltan Quillfeather' WHERE id = ?", [actor])
        refresh_corpus(store)               # nothing new: an incremental refresh
        shown = {n for (n,) in store.con.execute("SELECT name FROM browse_event_actors WHERE actor_id = ? AND shown",
                                                 [actor]).fetchall()}
    assert shown == {"Zoltan Quillfeather"}


def _undated_copy(incremental: Path, path: Path) -> tuple[str, str]:
    """A copy of the store where the Arabic report is undated, whose actors were linked while that report
    was merged with nothing (its document undated then), merged again since: (that document, its day now)."""
    shutil.copy(incremental, path)
    with open_store(str(path)) as store:
        doc = next(d for d, s in store.con.execute("SELECT id, source FROM documents").fetchall()
                   if s.endswith("ar_moghedi.txt"))
        merged = store.con.execute("SELECT id, corpus_event FROM events WHERE doc_id = ?", [doc]).fetchall()
        store.con.execute("UPDATE events SET corpus_event = NULL, date = NULL WHERE doc_id = ?", [doc])
        assert store.document_dates([doc])[doc] is None
        with store.transaction():
            refresh_actors(store)
        store.set_corpus_events(merged)
        return doc, store.document_dates([doc])[doc]


def test_corpus_refresh_redates_in_place_what_a_document_says(incremental, tmp_path):
    doc, day = _undated_copy(incremental, tmp_path / "a.duckdb")
    shutil.copy(tmp_path / "a.duckdb", tmp_path / "b.duckdb")
    with open_store(str(tmp_path / "a.duckdb")) as store, store.transaction():
        assert redate_actors(store, {doc: None}, {doc: day})
    with open_store(str(tmp_path / "b.duckdb")) as store, store.transaction():
        refresh_actors(store, None, {doc}, added=False)       # every entity of its actors read again
    tables = ("corpus_actors", "actor_forms", "actor_titles", "actor_affiliations")
    a, b = _tables(tmp_path / "a.duckdb"), _tables(tmp_path / "b.duckdb")
    assert day == "2024-05-23" and [r[4] for r in a["actor_forms"] if r[1] == "محمد بن سعيد المغيدي"] == [day]
    _assert_same(a, b, tables)
    # from that day to another: the document was the first and last day of that form, which is not told here
    with open_store(str(tmp_path / "a.duckdb")) as store, store.transaction():
        assert not redate_actors(store, {doc: day}, {doc: "2024-06-01"})
    _assert_same(a, _tables(tmp_path / "a.duckdb"), tables)


def _store_copies(store, suffix: str) -> None:
    """Every stored document stored again under its id + ``suffix`` (its entities, events and fingerprint
    with it; not refreshed yet): copies of stories the store holds, as a wire service repeats them."""
    con = store.con
    rewritten = {"documents": ("id",), "entities": ("doc_id",), "mentions": ("doc_id",), "events": ("id", "doc_id"),
                 "event_parties": ("event_id",), "evidence": ("event_id",), "fingerprints": ("doc_id",)}
    for table, ids in rewritten.items():
        columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                             "ORDER BY ordinal_position", [table]).fetchall()]
        select = [f"{c} || '{suffix}'" if c in ids else "NULL" if c in ("corpus_event", "representative") else c
                  for c in columns]
        con.execute(f"INSERT INTO {table} SELECT {', '.join(select)} FROM {table} "
                    f"WHERE NOT contains({ids[0]}, '~')")


def test_corpus_refresh_of_copies_keys_each_kind_once_and_equals_a_full_refresh(incremental, tmp_path):
    """Two copies of every stored document added: their reports have the signatures of the originals' (one
    merge key computed per signature), every stored group of the blocks they reach is read as one report of
    each kind, and the result is the full refresh's, table by table."""
    db = tmp_path / "copies.duckdb"
    shutil.copy(incremental, db)
    with open_store(str(db)) as store:
        _store_copies(store, "~1")
        _store_copies(store, "~2")
        copied = [ev for (ev,) in store.con.execute("SELECT id FROM events WHERE status = 'occurred' "
                                                     "AND id LIKE '%~1'").fetchall()]
        read: list[int] = []
        occurred = store.occurred_reports

        def counted(*args, **kwargs):
            reports = list(occurred(*args, **kwargs))
            read.append(len(reports))
            return iter(reports)

        store.occurred_reports = counted
        refresh_corpus(store)
        del store.occurred_reports
        # the new reports are keyed once per signature, not once per copy
        assert copied and read and read[0] <= len(copied)
        docs = [d for (d,) in store.con.execute("SELECT id FROM documents").fetchall()]
        signatures = {ev: sig for ev, _, sig, _ in store.report_signatures(docs)}
        assert all(signatures[ev] == signatures[ev[:-2]] == signatures[ev[:-2] + "~2"] for ev in copied)
    full = _refreshed_from_scratch(db, tmp_path / "full.duckdb")
    a, b = _tables(db), _tables(full)
    corpus = dict(a["events"])
    assert sum(corpus[ev] == corpus[ev[:-2]] for ev in copied) >= len(copied) // 2
    _assert_same(a, b)


def test_store_report_signatures_tell_the_inputs_of_a_merge_key(incremental, tmp_path):
    """Reports with one signature have one merge key; a person the document names changes the signature."""
    from communique.corpus.report_keys import report_keys

    db = tmp_path / "signatures.duckdb"
    shutil.copy(incremental, db)
    with open_store(str(db)) as store:
        docs = [d for (d,) in store.con.execute("SELECT id FROM documents").fetchall()]
        rows = store.report_signatures(docs)
        keys = {k[0]: k[1:] for k in report_keys(store.occurred_reports(docs), store.actor_affiliations(),
                                                  store.persons_named, store.published_dates)}
        assert [r[0] for r in rows] == sorted(keys)
        one_key: dict[str, set] = {}
        for ev, _, sig, _ in rows:
            one_key.setdefault(sig, set()).add(keys[ev])
        assert all(len(k) == 1 for k in one_key.values())
        ev, doc, sig, _ = rows[0]
        store.con.execute("INSERT INTO entities (doc_id, entity_id, kind, name) VALUES (?, 'p-extra', 'person', "
                          "'Karim Oulad')", [doc])
        store.con.execute("INSERT INTO actor_links VALUES (?, 'p-extra', 'person:karim-oulad')", [doc])
        assert {e: s for e, _, s, _ in store.report_signatures([doc])}[ev] != sig
