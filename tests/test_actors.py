"""Corpus actors: cross-document and cross-script person linking, actor tables, merge/alias decisions, overlay."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from communique.config import Settings
from communique.errors import CommuniqueError
from communique.kb.actors import load_overlay
from communique.actor_commands import add_actors_parser
from communique.corpus.actors import build_actor_index, refresh_actors
from communique.corpus.overlay import load_person_overlay
from communique.corpus.persons import Sighting, link_persons
from communique.corpus.resolve import find_actor
from communique.run.local import extract_paths
from communique.store import open_store

from .conftest import EXAMPLES

DOCS = ("fr_008.txt", "en_019.txt", "ar_006.txt", "fr_011.txt")


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("actors") / "corpus.duckdb"
    extract_paths([str(EXAMPLES / n) for n in DOCS], Settings(db=str(path)), pipeline=pipeline)
    return path


@pytest.fixture
def db(built, tmp_path) -> Path:
    """A fresh copy per test: merge and alias write user decisions."""
    path = tmp_path / "corpus.duckdb"
    shutil.copy(built, path)
    return path


def _cli(db: Path, *argv: str, capsys) -> str:
    parser = argparse.ArgumentParser()
    add_actors_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["actors", *argv, "--db", str(db)])
    assert args.func(args) == 0
    return capsys.readouterr().out


def _refreshed(db: Path, overlay: str | None = None):
    """The store at ``db`` with its actor tables rebuilt, and its actor index."""
    store = open_store(str(db))
    with store.transaction():
        refresh_actors(store, overlay)
    return store, build_actor_index(store, overlay)


def test_actors_one_person_across_scripts_and_documents(db):
    store, idx = _refreshed(db)
    con = store.con
    docs = dict(con.execute("SELECT regexp_extract(source, '[a-z]{2}_[0-9]{3}'), id FROM documents").fetchall())
    assert idx.links[(docs["ar_006"], "person:hussein-ibrahim-taha")] == "person:hissein-brahim-taha"
    assert idx.links[(docs["fr_011"], "person:hissein-brahim-taha")] == "person:hissein-brahim-taha"
    taha = idx.actors["person:hissein-brahim-taha"]
    assert {"حسين إبراهيم طه", "Hissein Brahim Taha", "طه"} <= set(taha.forms)
    assert "الأمين العام" not in taha.forms and {"الأمين العام", "Secrétaire général"} <= set(taha.titles)
    assert set(taha.affiliations) == {"Q47543"}
    # the stored tables say the same
    scripts = dict(con.execute("SELECT form, script FROM actor_forms WHERE actor_id = 'person:hissein-brahim-taha'"
                               ).fetchall())
    assert scripts["حسين إبراهيم طه"] == "Arab" and scripts["Hissein Brahim Taha"] == "Latn"
    bourita = con.execute("SELECT count(DISTINCT doc_id) FROM actor_links WHERE actor_id = 'person:nasser-bourita'"
                          ).fetchone()[0]
    assert bourita == 3     # fr_008, ar_006 (ناصر بوريطة), fr_011
    store.close()


def test_actors_list_counts_events_and_show_titles(db, capsys):
    rows = [json.loads(x) for x in _cli(db, "list", "--format", "jsonl", "--kind", "person", capsys=capsys).splitlines()]
    bourita = next(r for r in rows if r["id"] == "person:nasser-bourita")
    con = duckdb.connect(str(db), read_only=True)
    meetings = con.execute(
        "SELECT count(DISTINCT coalesce(e.corpus_event, e.id)) FROM events e JOIN event_parties p ON p.event_id = e.id "
        "JOIN actor_links l ON l.doc_id = e.doc_id AND l.entity_id = p.entity_id "
        "WHERE e.status = 'occurred' AND l.actor_id = 'person:nasser-bourita'").fetchone()[0]
    con.close()
    assert bourita["events"] == meetings >= 9 and bourita["documents"] == 3
    assert rows[0]["id"] == "person:nasser-bourita"
    shown = json.loads(_cli(db, "show", "بوريطة", "--format", "jsonl", capsys=capsys))
    assert shown["id"] == "person:nasser-bourita"
    assert {a["form"]: a["script"] for a in shown["aliases"]}["ناصر بوريطة"] == "Arab"
    assert {e["date"] for e in shown["events"]} >= {"2018-09-27"}
    with pytest.raises(CommuniqueError, match="give one of these ids"):
        with open_store(str(db), read_only=True) as store:
            find_actor(build_actor_index(store), "Bin")


def test_actors_merge_survives_relinking(db, capsys):
    out = _cli(db, "merge", "person:lailaraja", "person:halbi-bin-mohammad-yussof", capsys=capsys)
    assert out.strip() == "person:lailaraja -> person:halbi-bin-mohammad-yussof"
    store, idx = _refreshed(db)       # what the next extract does: the user decision stays
    halbi = idx.actors["person:halbi-bin-mohammad-yussof"]
    assert "person:lailaraja" not in idx.actors
    assert {"Datu Lailaraja", "Halbi bin Haji Mohammad Yussof"} <= set(halbi.forms)
    assert halbi.origin == "user"
    store.close()


def test_actors_alias_links_a_new_spelling(db, capsys):
    assert _cli(db, "alias", "person:sergey-lavrov", "سيرغي لافروف", capsys=capsys).strip() == \
        "سيرغي لافروف -> person:sergey-lavrov"
    with open_store(str(db)) as store:
        idx = build_actor_index(store)
    assert find_actor(idx, "سيرغي لافروف").id == "person:sergey-lavrov"
    assert idx.actors["person:sergey-lavrov"].forms["سيرغي لافروف"][0] == "user"
    with pytest.raises(CommuniqueError, match="takes 2 argument"):
        _cli(db, "alias", "person:sergey-lavrov", capsys=capsys)


def test_actors_user_overlay_names_a_person(db, tmp_path):
    overlay = tmp_path / "actors.yaml"
    overlay.write_text(
        "actors:\n"
        "  - id: person:taha-oic\n    kind: person\n    name: Hissein Brahim Taha\n"
        "    aliases: [حسين إبراهيم طه, Hussein Ibrahim Taha]\n    titles: [Secretary-General]\n"
        "    affiliation: Q47543\n"
        "  - name: Ministry of Interior of Saudi Arabia\n    kind: organization\n    country: SA\n",
        encoding="utf-8")
    assert [a.name for a in load_overlay(overlay)] == ["Ministry of Interior of Saudi Arabia"]
    (seed,) = load_person_overlay(overlay)
    assert (seed.id, seed.affiliation_kind) == ("person:taha-oic", "organization")
    settings = Settings(db=str(db), kb_overlay=str(overlay))
    with open_store(str(db), read_only=True) as store:
        idx = build_actor_index(store, settings.kb_overlay)
    taha = idx.actors["person:taha-oic"]
    assert taha.origin == "overlay" and taha.name == "Hissein Brahim Taha"
    # its two full names, and the shorter form of one of them in the same document (every word, in order)
    assert len(taha.members) == 3 and "Secretary-General" in taha.titles


def test_link_persons_blocks_and_context():
    s = [Sighting("a", "1", "Mohammed Ali", affiliation="Q1028", affiliation_kind="state"),
         Sighting("b", "1", "Mohammed Ali", affiliation="Q159", affiliation_kind="state"),
         Sighting("c", "1", "Imran Khan"), Sighting("d", "1", "Jehangir Khan"), Sighting("e", "1", "Khan"),
         Sighting("f", "1", "Al-Moghedi"), Sighting("g", "1", "محمد بن سعيد المغيدي"),
         Sighting("h", "1", "Muammar Kadhafi"), Sighting("i", "1", "معمر القذافي")]
    links = link_persons(s)
    assert links[("a", "1")] != links[("b", "1")]                   # two states: two people
    assert len({links[(d, "1")] for d in "cde"}) == 3                # a lone 'Khan' stays alone
    assert links[("f", "1")] == links[("g", "1")] == "person:al-moghedi"
    assert links[("h", "1")] == links[("i", "1")]                    # Kadhafi / القذافي: another block key
    assert link_persons(s, pins={("e", "1"): "person:imran-khan"})[("e", "1")] == "person:imran-khan"
