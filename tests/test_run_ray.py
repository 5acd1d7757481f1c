"""The Ray engine: the same stages on Ray Data (a local Ray, 2 actors) store the events the local engine
stores; streamed or through Parquet; without ray installed, the error names the extra to install."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from communique.config import Settings
from communique.run.local import extract_paths

from .conftest import EXAMPLES

DOCS = [EXAMPLES / n for n in ("fr_008.txt", "fr_013.txt", "en_012.txt", "en_019.txt", "ar_006.txt", "ar_008.txt")]


def test_run_ray_missing_extra_names_the_pip_command(tmp_path):
    code = ("import sys; sys.modules['ray'] = None\n"
            "from communique.config import Settings\n"
            "from communique.errors import CommuniqueError\n"
            "from communique.run.local import extract_paths\n"
            "try:\n"
            f"    extract_paths([{str(DOCS[0])!r}], Settings(db={str(tmp_path / 'x.duckdb')!r}), engine='ray')\n"
            "except CommuniqueError as exc:\n"
            "    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "pip install 'communique[ray]'" in out.stdout


def _events(db: Path) -> list[tuple]:
    """Each stored event with its type, date and parties (entity, role, affiliation)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT e.id, e.doc_id, e.type, e.status, e.date, "
            "list(p.entity_id || '|' || coalesce(p.role, '') || '|' || coalesce(p.affiliation, '') ORDER BY p.entity_id) "
            "FROM events e LEFT JOIN event_parties p ON p.event_id = e.id GROUP BY ALL ORDER BY e.id").fetchall()
        return [(*r[:5], tuple(r[5])) for r in rows]
    finally:
        con.close()


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'communique[ray]'")
    ray.init(num_cpus=2, object_store_memory=128 * 1024**2, include_dashboard=False, logging_level="ERROR",
             log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def local_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    counts = extract_paths([str(p) for p in DOCS], Settings(db=str(db)), quiet=True)
    return db, counts


def test_run_ray_events_equal_local_engine(ray_local, local_db, tmp_path):
    db, local_counts = local_db
    missing = str(tmp_path / "missing.txt")
    counts = extract_paths([*map(str, DOCS), missing], Settings(db=str(tmp_path / "ray.duckdb")), engine="ray",
                           workers=2, quiet=True)
    assert (counts.documents, counts.events) == (local_counts.documents, local_counts.events) == (6, counts.events)
    assert counts.rejected == {"read: no such file or directory": 1}
    events = _events(tmp_path / "ray.duckdb")
    assert events == _events(db)
    assert {e[2] for e in events} >= {"meet"} and any(e[4] == "2018-09-27" for e in events)
    again = extract_paths(list(map(str, DOCS)), Settings(db=str(tmp_path / "ray.duckdb")), engine="ray", workers=2,
                          quiet=True)
    assert (again.documents, again.events, again.skipped) == (6, counts.events, 6)
    assert _events(tmp_path / "ray.duckdb") == events


def test_run_ray_through_parquet(ray_local, local_db, tmp_path):
    import pyarrow.dataset

    from communique.run.ray_runner import extract_paths_ray

    db, local_counts = local_db
    parts = tmp_path / "parts"
    # two chunks (4 + 2 documents): two Ray Data runs, two Parquet parts, one store
    counts = extract_paths_ray(list(map(str, DOCS)), Settings(db=str(tmp_path / "pq.duckdb")), actors=2,
                               parquet_dir=str(parts), quiet=True, chunk_size=4)
    assert sorted(p.name for p in parts.iterdir()) == ["part-00000", "part-00001"]
    assert counts.events == local_counts.events
    assert _events(tmp_path / "pq.duckdb") == _events(db)
    table = pyarrow.dataset.dataset(str(parts)).to_table()
    assert sorted(table.column("source").to_pylist()) == sorted(map(str, DOCS))
    assert set(table.column("status").to_pylist()) == {"stored"}
    records = [json.loads(r) for r in table.column("record").to_pylist()]
    assert sum(len([e for e in r["events"] if e["status"] == "occurred"]) for r in records) == counts.events
    assert {r["document"]["lang"] for r in records} == {"fr", "en", "ar"}
