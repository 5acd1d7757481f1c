"""A signing and a meeting of the same parties told by different documents: one occasion (corpus/merging.py,
CROSS_FAMILIES), with the venue country of both and the day of one known; otherwise apart."""

from __future__ import annotations

from communique.corpus.merge_reference import merge_events_reference
from communique.corpus.merging import merge_events, merge_into_groups, neighbour_blocks, report_blocks

# invented parties: a Ruritanian minister (person:karim-oulad, Q9001) and a Borduvian one (person:jean-dupuis, Q9002)
SIDES = frozenset({frozenset({"person:karim-oulad", "Q9001"}), frozenset({"person:jean-dupuis", "Q9002"})})
PARTIES = frozenset({"person:karim-oulad", "Q9001", "person:jean-dupuis", "Q9002"})


def _merged(keys):
    groups = sorted(sorted(keys[i][0] for i in g) for g in merge_events(keys) if len(g) > 1)
    assert groups == sorted(sorted(keys[i][0] for i in g) for g in merge_events_reference(keys) if len(g) > 1)
    return groups


def test_an_undated_signing_joins_the_meeting_of_that_day_at_the_same_venue():
    meeting = ("ev:1", "meet", PARTIES, "2025-02-28", "RU", SIDES)
    signing = ("ev:2", "agreement", PARTIES, None, "RU", SIDES)
    assert _merged([meeting, signing]) == [["ev:1", "ev:2"]]
    # a signing dated the same day joins as well (keys carry the family: a visit is a "meet")
    assert _merged([("ev:3", "meet", PARTIES, "2025-02-28", "RU", SIDES),
                    ("ev:4", "agreement", PARTIES, "2025-02-28", "RU", SIDES)]) == [["ev:3", "ev:4"]]


def test_a_signing_and_a_meeting_stay_apart_without_a_common_venue_and_day():
    meeting = ("ev:1", "meet", PARTIES, "2025-02-28", "RU", SIDES)
    assert _merged([meeting, ("ev:2", "agreement", PARTIES, None, None, SIDES)]) == []          # no venue
    assert _merged([meeting, ("ev:2", "agreement", PARTIES, None, "BD", SIDES)]) == []          # another venue
    assert _merged([meeting, ("ev:2", "agreement", PARTIES, "2025-03-05", "RU", SIDES)]) == []  # another day
    # a signing of some month and an undated meeting: no day to place them by
    assert _merged([("ev:1", "meet", PARTIES, None, "RU", SIDES),
                    ("ev:2", "agreement", PARTIES, "2025-02", "RU", SIDES)]) == []
    # a call is not a meeting
    assert _merged([("ev:1", "call", PARTIES, "2025-02-28", "RU", SIDES),
                    ("ev:2", "agreement", PARTIES, None, "RU", SIDES)]) == []


def test_each_family_is_merged_before_the_families_meet():
    """The signing of one document does not make the meetings of two documents conflict: the meetings are
    one cluster first, and a signing that names another official of a state stays apart from it."""
    other = frozenset({"person:ivo-marek", "Q9001"})
    meeting_a = ("ev:1", "meet", PARTIES, "2025-02-28", "RU", SIDES)
    meeting_b = ("ev:2", "meet", frozenset({"person:jean-dupuis", "Q9002", "Q9001"}), "2025-02-28", "RU",
                 frozenset({frozenset({"person:jean-dupuis", "Q9002"})}))
    signing = ("ev:3", "agreement", frozenset({"person:ivo-marek", "Q9001", "person:jean-dupuis", "Q9002"}),
               "2025-02-28", "RU", frozenset({other, frozenset({"person:jean-dupuis", "Q9002"})}))
    assert _merged([signing, meeting_b, meeting_a]) == [["ev:1", "ev:2"]]


def test_an_added_signing_joins_a_stored_meeting_and_blocks_hold_both_families():
    meeting = ("ev:1", "meet", PARTIES, "2025-02-28", "RU", SIDES)
    signing = ("ev:2", "agreement", PARTIES, None, "RU", SIDES)
    assert sorted(map(sorted, merge_into_groups([[meeting]], [signing]))) == [[0, 1]]
    assert sorted(map(sorted, merge_into_groups([[signing]], [meeting]))) == [[0, 1]]
    # the blocks a store keeps are of the report's family; its candidates are in the other family's too
    assert all(b[0] == "agreement" for b in report_blocks(signing))
    assert set(report_blocks(meeting)) <= set(neighbour_blocks(signing))
    call = ("ev:3", "call", PARTIES, None, None, SIDES)
    assert neighbour_blocks(call) == report_blocks(call)


MEETING = ("Moroccan Foreign Minister holds talks with Kazakh counterpart\n\n"
           "Rabat, 28 February 2025 - The Minister of Foreign Affairs of Morocco, Karim Oulad, held talks in Rabat on "
           "Friday with the Minister of Foreign Affairs of Kazakhstan, Jean Dupuis, who is on a working visit to the "
           "Kingdom.\n\nThe two ministers discussed bilateral cooperation and regional issues.\n")

SIGNING = ("Morocco and Kazakhstan sign cooperation agreement\n\n"
           "The Minister of Foreign Affairs of Morocco, Karim Oulad, and the Minister of Foreign Affairs of "
           "Kazakhstan, Jean Dupuis, signed in Rabat an agreement on visa exemption for holders of diplomatic "
           "passports.\n\nThe agreement aims to strengthen cooperation between the two countries.\n")


def test_a_stored_meeting_and_a_new_undated_signing_are_one_event_as_in_a_full_refresh(pipeline, tmp_path):
    import shutil

    from communique.config import Settings
    from communique.corpus import refresh_corpus
    from communique.run.local import extract_paths
    from communique.store import open_store

    from .test_corpus_refresh import _assert_same, _tables

    (tmp_path / "en_meet.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "en_sign.txt").write_text(SIGNING, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    extract_paths([str(tmp_path / "en_meet.txt")], Settings(db=str(db)), pipeline=pipeline, quiet=True)
    extract_paths([str(tmp_path / "en_sign.txt")], Settings(db=str(db)), pipeline=pipeline, quiet=True)
    with open_store(str(db), read_only=True) as store:
        rows = store.con.execute("SELECT type, corpus_event FROM events WHERE status = 'occurred'").fetchall()
    signing = [cid for t, cid in rows if t == "agreement"]
    assert len(signing) == 1 and any(cid == signing[0] for t, cid in rows if t in ("meet", "visit"))
    full = tmp_path / "full.duckdb"
    shutil.copy(db, full)
    with open_store(str(full)) as store:
        store.con.execute("DELETE FROM merge_blocks")
        store.con.execute("DELETE FROM merge_keys")
        store.con.execute("UPDATE events SET corpus_event = NULL")
        refresh_corpus(store, full=True)
    _assert_same(_tables(db), _tables(full), ("events", "merge_blocks", "merge_keys"))
