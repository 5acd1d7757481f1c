"""The local runner: worker processes, the single batched writer, skipping what is stored, resuming
after kill -9 (a real CLI subprocess), progress on stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from communique.config import Settings
from communique.corpus import refresh_corpus
from communique.errors import CommuniqueError
from communique.records import Document, Entity, Extraction, RawDocument, Rejected
from communique.run.batches import Skipped, process_batch
from communique.run.local import extract_paths
from communique.run.writer import StoreWriter
from communique.store import open_store

from .conftest import EXAMPLES

DOCS = sorted(EXAMPLES.glob("*.txt"))
TABLES = ("documents", "rejects", "actors", "aliases", "entities", "mentions", "events", "event_parties", "evidence")
_STAMPS = {"documents": "stored_at", "rejects": "rejected_at"}


def _rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the write timestamps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != _STAMPS.get(table)]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def _corpus(folder: Path, n: int) -> Path:
    """n real-looking documents: the examples in turn, each varied by a suffix line (distinct hashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = DOCS[i % len(DOCS)]
        (folder / f"{i:03d}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n\n(copy {i})\n",
                                                    encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_text("   \n")
    return [str(bad / "empty.txt"), str(bad / "missing.txt")]


def test_run_writer_bulk_rows_equal_store_write(pipeline, tmp_path):
    raws = [RawDocument(source=str(p), content=p.read_bytes()) for p in DOCS[:6]]
    results = list(pipeline.run(raws + raws[:2]))          # the same content twice is stored once
    one = open_store(str(tmp_path / "one.duckdb"))
    for r in results:
        one.write(r)
    refresh_corpus(one)
    one.close()
    bulk = open_store(str(tmp_path / "bulk.duckdb"))
    writer = StoreWriter(bulk)
    writer.add_all(results)
    counts = writer.close()
    bulk.close()
    assert counts.documents == 8 and counts.skipped == 0
    a, b = _rows(tmp_path / "one.duckdb"), _rows(tmp_path / "bulk.duckdb")
    assert len(a["documents"]) == 6 and len(a["events"]) > 0 and len(a["mentions"]) > 0
    for table in TABLES:
        assert a[table] == b[table], table


def test_run_writer_refreshes_what_an_interrupted_run_left(pipeline, tmp_path):
    """Documents stored by a run that died before its refresh are taken up by the next run, even one that
    stores nothing new; a run after that one has nothing to refresh."""
    results = list(pipeline.run([RawDocument(source=str(p), content=p.read_bytes()) for p in DOCS[:3]]))
    with open_store(str(tmp_path / "r.duckdb")) as store:
        store.write_many(results)                   # stored, never refreshed (killed here)
        assert store.needs_refresh()
        assert store.con.execute("SELECT count(*) FROM events WHERE corpus_event IS NOT NULL").fetchone()[0] == 0
        taken_up = StoreWriter(store).close()
        assert taken_up.refresh_seconds > 0 and not store.needs_refresh()
        assert store.con.execute("SELECT count(*) FROM events WHERE corpus_event IS NOT NULL").fetchone()[0] > 0
        assert StoreWriter(store).close().refresh_seconds == 0


def test_run_writer_document_the_store_refuses_becomes_a_reject(pipeline, tmp_path):
    good = [r for r in pipeline.run([RawDocument(source=str(p), content=p.read_bytes()) for p in DOCS[:2]])]
    person = Entity(id="e1", kind="person", name="Nasser Bourita", forms=["Nasser Bourita"])
    bad = Extraction(Document(id="sha256:" + "0" * 64, source="twice.txt", text="Nasser Bourita.", lang="en"),
                     entities=(person, person), events=())         # one entity twice: the key is violated
    reported: list[object] = []
    store = open_store(str(tmp_path / "w.duckdb"))
    writer = StoreWriter(store, on_result=reported.append)
    writer.add_all([good[0], bad, good[1]])
    counts = writer.close()
    store.close()
    assert counts.documents == 2 and sum(counts.rejected.values()) == 1
    assert next(iter(counts.rejected)).startswith("store: cannot store twice.txt")
    assert [type(r).__name__ for r in reported] == ["Extraction", "Rejected", "Extraction"]
    assert reported[1].source == "twice.txt" and reported[1].stage == "store"
    rows = _rows(tmp_path / "w.duckdb")
    assert sorted(r[0] for r in rows["documents"]) == sorted(g.document.id for g in good)
    assert [(r[0], r[2]) for r in rows["rejects"]] == [("twice.txt", "store")]


def test_run_process_batch_skips_stored_before_parsing(pipeline):
    raws = [RawDocument(source=str(p), content=p.read_bytes()) for p in DOCS[:3]]
    first = process_batch(pipeline, raws)
    stored_id = first[1].document.id
    again = process_batch(pipeline, [*raws, Rejected("x.txt", "read", "no such file or directory")], {stored_id})
    assert [type(r).__name__ for r in again] == ["Extraction", "Skipped", "Extraction", "Rejected"]
    assert again[1] == Skipped(str(DOCS[1]), stored_id)
    assert again[0].document.id == first[0].document.id


def test_run_local_two_workers_store_what_one_process_stores(tmp_path, bad_inputs):
    inputs = [str(p) for p in DOCS[:8]] + bad_inputs
    seen: list[str] = []
    one = extract_paths(inputs, Settings(db=str(tmp_path / "one.duckdb")), quiet=True)
    two = extract_paths(inputs, Settings(db=str(tmp_path / "two.duckdb")), workers=2, quiet=True,
                        on_result=lambda r: seen.append(r.source if isinstance(r, Rejected) else r.document.source))
    assert (two.documents, two.events, two.rejected) == (one.documents, one.events, one.rejected)
    assert two.documents == 8 and sum(two.rejected.values()) == 2
    assert sorted(seen) == sorted(inputs)                   # every input reported once, in any order
    a, b = _rows(tmp_path / "one.duckdb"), _rows(tmp_path / "two.duckdb")
    for table in TABLES:
        if table != "rejects":
            assert a[table] == b[table], table
    assert [r[0] for r in a["rejects"]] == [r[0] for r in b["rejects"]] == sorted(bad_inputs)


def test_run_local_rerun_skips_stored_and_changes_nothing(tmp_path, bad_inputs):
    db = tmp_path / "news.duckdb"
    inputs = [str(p) for p in DOCS[:5]] + bad_inputs
    first = extract_paths(inputs, Settings(db=str(db)), quiet=True)
    before = _rows(db)
    reported: list[object] = []
    again = extract_paths(inputs, Settings(db=str(db)), quiet=True, on_result=reported.append)
    assert (again.documents, again.events, again.rejected) == (first.documents, first.events, first.rejected)
    assert first.skipped == 0 and again.skipped == 5
    assert first.refresh_seconds > 0 and again.refresh_seconds == 0     # nothing new: no refresh
    assert all(isinstance(r, Rejected) for r in reported) and len(reported) == 2   # only rejects are redone
    assert _rows(db) == before


def test_run_local_progress_bar_on_stderr(tmp_path, capsys):
    counts = extract_paths([str(DOCS[0]), str(tmp_path / "missing.txt")], Settings(db=str(tmp_path / "p.duckdb")))
    out, err = capsys.readouterr()
    assert out == ""
    assert "2 documents" in err
    assert f"{counts.events} events" in err and "1 rejected" in err
    extract_paths([str(DOCS[0])], Settings(db=str(tmp_path / "p.duckdb")), quiet=True)
    assert capsys.readouterr() == ("", "")


def test_run_local_bad_engine_or_workers_fail_fast(tmp_path):
    with pytest.raises(CommuniqueError, match="choose one of local, ray"):
        extract_paths([str(DOCS[0])], Settings(db=str(tmp_path / "x.duckdb")), engine="spark")
    with pytest.raises(CommuniqueError, match="workers must be 1 or more"):
        extract_paths([str(DOCS[0])], Settings(db=str(tmp_path / "x.duckdb")), workers=0)


# -- resume after kill -9 ------------------------------------------------------------------------------
def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)


def _kill_after(proc: subprocess.Popen[str], lines: int) -> int:
    """Read stdout until `lines` records are printed (each one is committed), then kill -9."""
    assert proc.stdout is not None
    got = 0
    for line in proc.stdout:
        if line.strip():
            got += 1
        if got >= lines:
            break
    children = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    _assert_gone(children)
    return got


def _assert_gone(pids: list[int]) -> None:
    """Worker processes follow their parent out (within a generous grace period)."""
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{c}").exists() and _state(c) != "Z" for c in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [c for c in pids if Path(f"/proc/{c}").exists() and _state(c) != "Z"], "orphaned workers"


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found += [int(c) for c in text.split()]
    return found + [g for c in found for g in _children(c)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def _stored(db: Path) -> tuple[list[str], int, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM documents").fetchall()]
        sources = con.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0]
        events = sorted(con.execute("SELECT id, doc_id, type, status, date FROM events").fetchall())
        return ids, sources, events
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus30(tmp_path_factory):
    folder = _corpus(tmp_path_factory.mktemp("corpus") / "docs", 30)
    clean = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    counts = extract_paths([str(folder)], Settings(db=str(clean)), workers=2, quiet=True)
    assert counts.documents == 30
    return folder, clean, counts


def test_run_resume_cli_after_kill9_stores_each_document_once(corpus30, tmp_path):
    folder, clean, _ = corpus30
    db = tmp_path / "resumed.duckdb"
    cmd = [sys.executable, "-m", "communique", "extract", str(folder), "--db", str(db), "--format", "jsonl"]
    printed = _kill_after(_start(cmd), 5)
    ids, _, _ = _stored(db)
    assert 5 <= printed <= len(ids) < 30                   # what was printed is stored; the run was cut short
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == 30 - len(ids)                   # only what was missing is processed again
    ids, sources, events = _stored(db)
    assert len(ids) == len(set(ids)) == sources == 30
    assert events == _stored(clean)[2]


def test_run_resume_two_workers_after_kill9(corpus30, tmp_path):
    folder, clean, clean_counts = corpus30
    db = tmp_path / "resumed.duckdb"
    script = ("import json, sys\n"
              "from communique.config import Settings\n"
              "from communique.run.local import extract_paths\n"
              "c = extract_paths([sys.argv[1]], Settings(db=sys.argv[2]), workers=2, quiet=True,\n"
              "                  on_result=lambda r: print(r.document.id, flush=True))\n"
              "print(json.dumps([c.documents, c.events, c.skipped, sum(c.rejected.values())]))\n")
    _kill_after(_start([sys.executable, "-c", script, str(folder), str(db)]), 3)
    stored_before = len(_stored(db)[0])
    assert 3 <= stored_before < 30
    out = subprocess.run([sys.executable, "-c", script, str(folder), str(db)], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    documents, events, skipped, rejected = json.loads(out.stdout.splitlines()[-1])
    assert (documents, events, rejected) == (clean_counts.documents, clean_counts.events, 0)
    assert skipped == stored_before
    ids, sources, stored_events = _stored(db)
    assert len(ids) == len(set(ids)) == sources == 30
    assert stored_events == _stored(clean)[2]


def test_run_resume_after_ctrl_c(corpus30, tmp_path):
    folder, clean, clean_counts = corpus30
    db = tmp_path / "interrupted.duckdb"
    script = ("import json, sys\n"
              "from communique.config import Settings\n"
              "from communique.run.local import extract_paths\n"
              "c = extract_paths([sys.argv[1]], Settings(db=sys.argv[2]), workers=2, quiet=True,\n"
              "                  on_result=lambda r: print(r.document.id, flush=True))\n"
              "print(json.dumps([c.documents, c.events, c.skipped]))\n")
    proc = _start([sys.executable, "-c", script, str(folder), str(db)])
    assert proc.stdout is not None and proc.stdout.readline().startswith("sha256:")
    children = _children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)                     # what Ctrl-C in a terminal does
    rest, _ = proc.communicate(timeout=120)
    assert proc.returncode != 0 and not rest.rstrip().endswith("]")   # interrupted, not finished
    _assert_gone(children)
    stored_before = len(_stored(db)[0])
    assert 1 <= stored_before <= 30
    out = subprocess.run([sys.executable, "-c", script, str(folder), str(db)], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    documents, events, skipped = json.loads(out.stdout.splitlines()[-1])
    assert (documents, events, skipped) == (clean_counts.documents, clean_counts.events, stored_before)
    ids, sources, stored_events = _stored(db)
    assert len(ids) == len(set(ids)) == sources == 30
    assert stored_events == _stored(clean)[2]
