"""Incremental person linking (communique.corpus.relinking): documents added to a refreshed store relink only
the person components their sightings reach, and give the actors a full refresh gives (real DuckDB files,
documents built by hand with names invented for the test)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from communique.corpus import refresh_corpus
from communique.records import Document, Entity, Extraction
from communique.run.writer import StoreWriter
from communique.store import open_store

#: the tables a refresh writes about actors, person linking's own included
ACTOR_TABLES = ("actor_links", "corpus_actors", "actor_forms", "actor_titles", "actor_affiliations",
                "person_clusters", "person_nodes")


def _document(source: str, persons: list[str], state: tuple[str, str] | None = None) -> Extraction:
    """A document naming ``persons`` (each acting for ``state``: (id, name), when given)."""
    text = f"{source}: " + ", ".join(persons) + "."
    entities = []
    if state:
        entities.append(Entity(state[0], "state", state[1], forms=[state[1]]))
    for i, name in enumerate(persons):
        entities.append(Entity(f"person:{i}", "person", name, forms=[name], titles=["Minister"],
                               affiliation=state[0] if state else None))
    doc = Document(id="sha256:" + hashlib.sha256(text.encode()).hexdigest(), source=source, text=text,
                   published="2024-03-0" + source[-1])
    return Extraction(doc, tuple(entities), ())


def _store(db: Path, docs: list[Extraction]) -> None:
    with open_store(str(db)) as store:
        writer = StoreWriter(store)
        writer.add_all(docs)
        writer.close()


def _actor_tables(db: Path) -> dict[str, list[tuple]]:
    with open_store(str(db), read_only=True) as store:
        return {t: sorted(store.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in ACTOR_TABLES}


def _links(db: Path) -> dict[str, str]:
    with open_store(str(db), read_only=True) as store:
        return dict(store.con.execute("SELECT n.name, l.actor_id FROM actor_links l JOIN entities n "
                                      "ON n.doc_id = l.doc_id AND n.entity_id = l.entity_id "
                                      "WHERE n.kind = 'person'").fetchall())


def _full_refresh_of(db: Path, tmp: Path) -> Path:
    full = tmp / "full.duckdb"
    shutil.copy(db, full)
    with open_store(str(full)) as store:
        refresh_corpus(store, full=True)
    return full


def test_relinking_a_new_spelling_joins_two_stored_clusters_as_a_full_refresh_does(tmp_path):
    db = tmp_path / "store.duckdb"
    _store(db, [_document("a1", ["Karim Haddou"], ("iso:ZZ", "Zedland")), _document("a2", ["Benhaddou"]),
                _document("a3", ["Youssef Amrani"], ("iso:ZZ", "Zedland"))])
    assert _links(db) == {"Karim Haddou": "person:karim-haddou", "Benhaddou": "person:benhaddou",
                          "Youssef Amrani": "person:youssef-amrani"}
    # a spelling that scores a link with both: the lone surname now has one full name to join, and the
    # cluster is named by its most complete written name
    _store(db, [_document("a4", ["Karim Benhaddou"], ("iso:ZZ", "Zedland"))])
    assert _links(db) == {"Karim Haddou": "person:karim-benhaddou", "Benhaddou": "person:karim-benhaddou",
                          "Karim Benhaddou": "person:karim-benhaddou", "Youssef Amrani": "person:youssef-amrani"}
    incremental = _actor_tables(db)
    assert incremental == _actor_tables(_full_refresh_of(db, tmp_path))
    assert "person:benhaddou" not in {row[0] for row in incremental["corpus_actors"]}


def test_relinking_keeps_the_components_new_sightings_do_not_reach(tmp_path):
    db = tmp_path / "store.duckdb"
    _store(db, [_document("b1", ["Karim Haddou"]), _document("b2", ["Youssef Amrani"])])
    with open_store(str(db)) as store:
        # a stored component no new sighting reaches is not read again: mark it so a relink would show
        store.con.execute("UPDATE person_clusters SET arabic = 'kept' WHERE actor_id = 'person:youssef-amrani'")
    _store(db, [_document("b3", ["Kareem Haddou"])])
    with open_store(str(db), read_only=True) as store:
        kept = dict(store.con.execute("SELECT actor_id, arabic FROM person_clusters").fetchall())
    # the two spellings are one person, named by the first of them alphabetically
    assert kept == {"person:kareem-haddou": None, "person:youssef-amrani": "kept"}
    assert _links(db) == {"Karim Haddou": "person:kareem-haddou", "Kareem Haddou": "person:kareem-haddou",
                          "Youssef Amrani": "person:youssef-amrani"}
