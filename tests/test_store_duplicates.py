"""Syndicated copies: a near-duplicate document is recorded as a copy and its report counted once."""

from __future__ import annotations

from pathlib import Path

from communique.config import Settings
from communique.run.local import extract_paths
from communique.corpus import refresh_corpus
from communique.corpus.copies import near_duplicates
from communique.store import open_store
from communique.store.browse import EventFilter, list_events

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
        events = list_events(store.con, EventFilter(actor="Lavrov", limit=None), resolved=False).events
    assert copies == 1
    assert len(events) == 1
    assert len(events[0]["sources"]) == 2 and events[0]["reports"] == 1
    assert sum(src["copy_of"] is not None for src in events[0]["sources"]) == 1


def test_store_copies_are_checked_incrementally(tmp_path, pipeline, store_url):
    """A later run checks only its new documents against the representatives stored before; an older store
    without fingerprints gets them from the stored texts, with the same copies found."""
    original = (EXAMPLES / "en_012.txt").read_text(encoding="utf-8")
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "a.txt").write_text(original, encoding="utf-8")
    (later / "b.txt").write_text("Reuters - republished with permission\n" + original, encoding="utf-8")
    (later / "c.txt").write_text((EXAMPLES / "fr_008.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (later / "d.txt").write_text(original + "\n\nThis story was republished by Gulf Wire.", encoding="utf-8")
    db = store_url
    extract_paths([str(first)], Settings(db=db), pipeline=pipeline, quiet=True)
    extract_paths([str(later)], Settings(db=db), pipeline=pipeline, quiet=True)

    def copies(store) -> set[tuple[str, str]]:
        return set(store.con.execute(
            "SELECT c.source, o.source FROM duplicates x JOIN documents c ON c.id = x.doc_id "
            "JOIN documents o ON o.id = x.duplicate_of").fetchall())

    with open_store(db) as store:
        found = copies(store)
        flags = dict(store.con.execute(
            "SELECT d.source, f.representative FROM fingerprints f JOIN documents d ON d.id = f.doc_id").fetchall())
        texts = store.con.execute("SELECT id, text FROM documents ORDER BY stored_at, id").fetchall()
        assert {Path(c).name: Path(o).name for c, o in found} == {"b.txt": "a.txt", "d.txt": "a.txt"}
        assert {Path(s).name: f for s, f in flags.items()} == {"a.txt": True, "b.txt": False, "c.txt": True,
                                                                "d.txt": False}
        # the store's incremental check finds what the one-pass function finds over the same texts
        by_id = dict(store.con.execute("SELECT id, source FROM documents").fetchall())
        assert {(by_id[c], by_id[g[0]]) for g in near_duplicates(texts) for c in g[1:]} == found
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM fingerprint_bands").fetchone()[0] == 2
        refresh_corpus(store)
        assert copies(store) == found
        # a store written before fingerprints existed
        for table in ("duplicates", "fingerprints", "fingerprint_bands"):
            store.con.execute(f"DELETE FROM {table}")
        refresh_corpus(store)
        assert copies(store) == found
