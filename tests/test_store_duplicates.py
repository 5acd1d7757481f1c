"""Syndicated copies: a near-duplicate document is recorded as a copy and its report counted once."""

from __future__ import annotations

from communique.config import Settings
from communique.run.local import extract_paths
from communique.store import open_store
from communique.store.queries import corpus_events

from .conftest import EXAMPLES


def test_store_near_duplicate_copy_counted_once(tmp_path, pipeline):
    original = (EXAMPLES / "fr_008.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    # the same story republished with another footer: a different document, a near-duplicate text
    (tmp_path / "b.txt").write_text(original + "\n\nPublié avec l'aimable autorisation de l'agence.\n", encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    extract_paths([str(tmp_path)], Settings(db=db), pipeline=pipeline, quiet=True)
    with open_store(db, read_only=True) as store:
        copies = store.con.execute("SELECT count(*) FROM duplicates").fetchone()[0]
        events = corpus_events(store.con, actor="Lavrov")
    assert copies == 1
    assert len(events) == 1
    assert len(events[0]["sources"]) == 2 and events[0]["reports"] == 1
    assert sum(src["copy_of"] is not None for src in events[0]["sources"]) == 1
