"""Crash safety: `communique extract` killed with SIGKILL at 20 seeded random moments (up to 4 in a row on each
database), then run again to the end, leaves the same database as a run never interrupted; the file opens
after every kill."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from .conftest import EXAMPLES, ROOT

KILLS = 20
KILLS_PER_CHAIN = 4        # kill moments per database, then a run to the end and the comparison
MAX_CHAINS = 10
#: (table, columns compared): documents, per-document events and parties, merged events, corpus actors
COMPARED = {
    "documents": "id, source, lang, title, published, dateline_place, dateline_date, text",
    "events": "id, doc_id, type, status, date, date_precision, location_name, country, topics, confidence, "
              "corpus_event",
    "event_parties": "*",
    "entities": "*",
    "duplicates": "*",
    "actor_links": "*",
    "corpus_actors": "*",
    "actor_forms": "*",
}


def _extract(db: Path, inputs: list[str], out: Path) -> subprocess.Popen:
    """`communique extract` printing one JSON line per input once it is committed (to `out`); batches of 3
    inputs: the writer commits what is done at least once a second, so the 12 inputs go in over several
    commits and a kill can fall between two of them."""
    with out.open("w") as sink:
        return subprocess.Popen([sys.executable, "-m", "communique", "extract", *inputs, "--db", str(db),
                                 "--format", "jsonl", "--batch-size", "3"], cwd=ROOT, stdout=sink,
                                stderr=subprocess.DEVNULL)


def _first_commit(proc: subprocess.Popen, out: Path) -> float:
    """Seconds from now until the first committed record is printed (or the process ends)."""
    started = time.monotonic()
    while proc.poll() is None and out.stat().st_size == 0:
        time.sleep(0.01)
    return time.monotonic() - started


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr) for t, cols in COMPARED.items()}
    finally:
        con.close()


def test_crash_safety_sigkill_then_rerun_gives_the_uninterrupted_database(tmp_path):
    inputs = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))[:12]]
    reference, out = tmp_path / "reference.duckdb", tmp_path / "out.jsonl"
    proc = _extract(reference, inputs, out)
    first = _first_commit(proc, out)          # the kill moments are drawn around the writes and the refresh
    started = time.monotonic()
    assert proc.wait(timeout=600) == 0
    last = first + time.monotonic() - started
    expected = _tables(reference)
    assert len(expected["documents"]) == 12 and expected["events"] and expected["corpus_actors"]

    rnd = random.Random(20)
    took = {True: last, False: last}     # how long a run last took: on a new database, on one a kill left
    kills, partial = 0, []
    for chain in range(MAX_CHAINS):
        if kills >= KILLS:
            break
        crashed = tmp_path / f"crashed{chain}.duckdb"
        for _ in range(KILLS_PER_CHAIN):
            new = not crashed.exists()
            proc = _extract(crashed, inputs, out)
            started = time.monotonic()
            try:
                if new and rnd.random() < 0.5:      # once the first records are committed: printing, the refresh
                    proc.wait(timeout=_first_commit(proc, out) + rnd.uniform(0.0, last - first + 0.3))
                else:                               # while loading, parsing, committing or skipping
                    proc.wait(timeout=rnd.uniform(0.2, 0.95) * took[new])
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=60)
                kills += 1
            else:
                assert proc.returncode == 0
                took[new] = time.monotonic() - started      # the machine's pace now: the next kills fall inside
            if crashed.exists():            # the file always opens, whatever the moment of the kill
                con = duckdb.connect(str(crashed), read_only=True)
                partial.append(con.execute("SELECT count(*) FROM documents").fetchone()[0])
                con.close()
        assert _extract(crashed, inputs, out).wait(timeout=600) == 0
        assert _tables(crashed) == expected
    assert all(n <= 12 for n in partial)
