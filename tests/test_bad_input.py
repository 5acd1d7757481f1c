"""Hostile input end to end: every awkward file of the generated corpus (tests/conftest.py) is stored or
rejected with a stated stage and reason, the run goes on, and `communique rejects` lists the rejects."""

from __future__ import annotations

import json

import duckdb
import pytest

from communique.cli import main
from communique.config import Settings
from communique.run.local import extract_paths

#: source (file name, or file#record) -> ("stored", language) or ("rejected", stage, words of the reason)
EXPECTED = {
    "binary.txt": ("rejected", "normalize", "cannot decode"),
    "empty.txt": ("rejected", "normalize", "empty document"),
    "invalid_utf8.txt": ("stored", "en"),
    "latin1.txt": ("stored", "fr"),
    "cp1256.txt": ("stored", "ar"),
    "bom.txt": ("stored", "en"),
    "zero_width.txt": ("stored", "en"),
    "script.html": ("stored", "en"),
    "deep.html": ("rejected", "normalize", "no main text"),
    "table.html": ("rejected", "normalize", "no main text"),
    "repeated.txt": ("rejected", "language", "language not supported"),
    "german.txt": ("rejected", "language", "language not supported"),
    "mixed.txt": ("stored", "fr"),
    "too_large.txt": ("rejected", "normalize", "too large: 5,"),
    "lines.jsonl#1": ("stored", "en"),
    "lines.jsonl#2": ("rejected", "read", "invalid JSON"),
    "lines.jsonl#3": ("rejected", "read", "invalid JSON"),
    "lines.jsonl#4": ("rejected", "read", "no text in field 'text'"),
    "lines.jsonl#5": ("rejected", "read", "not an object"),
    "lines.jsonl#6": ("stored", "fr"),
    "broken.csv#2": ("stored", "en"),
    "broken.csv#3": ("stored", "en"),
    "missing.parquet": ("rejected", "read", "no column 'text'"),
    "truncated.xml#1": ("stored", "en"),
    "https://example.org/a": ("stored", "en"),
    "https://example.org/b": ("rejected", "normalize", "empty document"),  # the record cut short
}


def _name(source: str, root: str) -> str:
    return source[len(root) + 1:] if source.startswith(root) else source


@pytest.fixture(scope="module")
def hostile_run(hostile_corpus, tmp_path_factory, pipeline):
    """The whole corpus in one local run, one process: (results by file name, database path)."""
    db = tmp_path_factory.mktemp("hostile_db") / "hostile.duckdb"
    root = str(next(iter(hostile_corpus.values())).parent)
    results: dict[str, object] = {}
    counts = extract_paths([root], Settings(db=str(db)), quiet=True, pipeline=pipeline,
                           on_result=lambda r: results.setdefault(
                               _name(getattr(r, "source", None) or r.document.source, root), r))
    return results, db, counts


def test_bad_input_every_file_has_its_outcome(hostile_run):
    results, _, counts = hostile_run
    outcomes = {}
    for name, r in results.items():
        if hasattr(r, "stage"):
            outcomes[name] = ("rejected", r.stage, r.reason)
        else:
            outcomes[name] = ("stored", r.document.lang)
    assert sorted(outcomes) == sorted(EXPECTED)
    for name, want in EXPECTED.items():
        got = outcomes[name]
        assert got[:2] == want[:2], (name, got)
        if want[0] == "rejected":
            assert want[2] in got[2], (name, got)
    assert counts.documents == sum(w[0] == "stored" for w in EXPECTED.values())


def test_bad_input_offsets_index_the_stored_text(hostile_run):
    """Text repaired on the way in (BOM, zero-width characters, bad bytes): every span still indexes it."""
    results, _, _ = hostile_run
    for name in ("bom.txt", "zero_width.txt", "invalid_utf8.txt", "cp1256.txt", "mixed.txt"):
        ex = results[name]
        text = ex.document.text
        assert ex.entities, name
        for ent in ex.entities:
            for m in ent.mentions:
                assert text[m.start:m.end] == m.form, (name, m)
        for ev in ex.events:
            for e in ev.evidence:
                assert text[e.start:e.end] == e.text, (name, e)


def test_bad_input_rejects_command_lists_them(hostile_run, capsys):
    _, db, _ = hostile_run
    assert main(["rejects", "--db", str(db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    want = {n for n, w in EXPECTED.items() if w[0] == "rejected"}
    assert {r["source"].rsplit("/", 1)[-1] for r in rows} == {w.rsplit("/", 1)[-1] for w in want}
    assert all(r["rejected_at"] and r["reason"] for r in rows)
    assert main(["rejects", "--db", str(db), "--stage", "language"]) == 0
    out = capsys.readouterr().out
    assert "german.txt" in out and "repeated.txt" in out and "binary.txt" not in out
    assert "2 rejected" in out


def test_bad_input_rejects_query_filters_by_stage(hostile_run):
    from communique.store.queries import rejects

    _, db, _ = hostile_run
    con = duckdb.connect(str(db), read_only=True)
    try:
        read = rejects(con, stage="read")
        assert sorted(r.source.rsplit("/", 1)[-1] for r in read) == [
            "lines.jsonl#2", "lines.jsonl#3", "lines.jsonl#4", "lines.jsonl#5", "missing.parquet"]
        assert all(r.stage == "read" for r in read)
        assert rejects(con, stage="nlp") == []
    finally:
        con.close()


def test_bad_input_memory_stays_bounded_for_huge_and_long_files(tmp_path):
    """A 50 MB file is rejected before decoding; a 250,000-character single-line text is processed in chunks
    (before: one nlp.pipe call over it). The extract process stays under 1 GB (rusage of that child)."""
    import os
    import subprocess
    import sys

    from .conftest import EN_STORY, ROOT

    line = "".join(EN_STORY.replace("3 March", f"{d % 28 + 1} March").replace("\n", " ") for d in range(2000))
    (tmp_path / "long.txt").write_text(line[:250_000], encoding="utf-8")
    with (tmp_path / "huge.txt").open("wb") as f:
        for _ in range(50):
            f.write(EN_STORY.encode() * (1_000_000 // len(EN_STORY) + 1))
    db = tmp_path / "mem.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "communique", "extract", str(tmp_path / "huge.txt"),
                             str(tmp_path / "long.txt"), "--db", str(db), "--format", "jsonl"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    records = {json.loads(line)["document"]["source"].rsplit("/", 1)[-1]: json.loads(line)
               for line in out.splitlines()}
    assert records["huge.txt"]["error"]["stage"] == "normalize"
    assert records["huge.txt"]["error"]["reason"].startswith("too large: 50,")
    assert "error" not in records["long.txt"] and len(records["long.txt"]["events"]) >= 8    # one a section
    assert usage.ru_maxrss * 1024 < 1_000_000_000          # ru_maxrss is in kilobytes on Linux


def test_bad_input_two_workers_give_the_same_outcomes(hostile_run, hostile_corpus, tmp_path):
    _, _, one = hostile_run
    root = str(next(iter(hostile_corpus.values())).parent)
    two = extract_paths([root], Settings(db=str(tmp_path / "two.duckdb")), workers=2, quiet=True)
    assert (two.documents, two.events, two.rejected) == (one.documents, one.events, one.rejected)


def test_bad_input_ray_gives_the_same_outcomes(hostile_run, hostile_corpus, tmp_path):
    ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'communique[ray]'")
    _, _, one = hostile_run
    root = str(next(iter(hostile_corpus.values())).parent)
    ray.init(num_cpus=2, object_store_memory=256 * 1024**2, include_dashboard=False, logging_level="ERROR",
             log_to_driver=False)
    try:
        on_ray = extract_paths([root], Settings(db=str(tmp_path / "ray.duckdb")), engine="ray", workers=2, quiet=True)
    finally:
        ray.shutdown()
    assert (on_ray.documents, on_ray.events, on_ray.rejected) == (one.documents, one.events, one.rejected)


def test_bad_input_rejects_query_on_every_store(store_url):
    from communique.records import Rejected
    from communique.store import open_store
    from communique.store.queries import rejects

    with open_store(store_url) as store:
        store.write_rejected(Rejected("a.txt", "normalize", "empty document"))
        store.write_rejected(Rejected("b.jsonl#2", "read", "invalid JSON: Expecting value"))
        store.write_rejected(Rejected("a.txt", "normalize", "empty document (again)"))   # one row per source and stage
        found = rejects(store.con)
        assert sorted((r.source, r.stage, r.reason) for r in found) == [
            ("a.txt", "normalize", "empty document (again)"), ("b.jsonl#2", "read", "invalid JSON: Expecting value")]
        assert [r.source for r in rejects(store.con, stage="read")] == ["b.jsonl#2"]
        assert all(r.rejected_at and r.doc_id is None for r in found)
