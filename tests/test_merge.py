"""Cross-document merging at scale (indexed blocks vs the all-pairs reference) and near-duplicate documents."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.records import Document
from communique.corpus.copies import near_duplicates
from communique.corpus.merge_reference import merge_events_reference
from communique.corpus.merging import EXHAUSTIVE_BLOCK, dates_compatible, merge_events, merge_into_groups

from .conftest import EXAMPLES


def _partition(groups: list[list[int]]) -> list[list[int]]:
    return sorted(sorted(g) for g in groups)


def test_merge_monthly_meetings_of_one_pair_stay_apart():
    """A pair of actors meeting on the 10th of every month for two years is one large block:
    24 meetings, one of them reported three times (a day off, the month only, undated)."""
    start = date(2019, 1, 10)
    days = [date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 10) for k in range(24)]
    keys = [(f"ev:{k}", "meet", frozenset({"Q1028", "Q159"}), d.isoformat(), "MA") for k, d in enumerate(days)]
    keys += [("ev:a", "meet", frozenset({"Q1028", "Q159"}), (days[5] + timedelta(days=1)).isoformat(), None),
             ("ev:b", "meet", frozenset({"Q1028", "Q159", "kb:imctc"}), days[5].isoformat()[:7], "MA"),
             ("ev:c", "meet", frozenset({"Q1028", "Q159"}), None, "MA")]
    assert len(keys) > EXHAUSTIVE_BLOCK
    groups = merge_events(keys)
    assert len(groups) == 24
    # the undated report joins the first meeting it fits, as in the all-pairs reference
    merged = sorted(sorted(keys[i][0] for i in g) for g in groups if len(g) > 1)
    assert merged == [["ev:0", "ev:c"], ["ev:5", "ev:a", "ev:b"]]
    assert _partition(groups) == _partition(merge_events_reference(keys))


def test_merge_equals_reference_on_the_bundled_examples(run_one):
    """On real reports (small blocks) the indexed merge is the reference, report for report."""
    from communique.corpus.merging import FAMILY, party_keys, same_sides

    keys = []
    for name in ("fr_008.txt", "fr_009.txt", "fr_006.txt", "fr_007.txt"):
        rec = run_one(EXAMPLES / name)
        ents = {e["id"]: e for e in rec["entities"]}
        for ev in rec["events"]:
            if ev["status"] == "occurred":
                loc = ev["location"] or {}
                keys.append((ev["id"], FAMILY[ev["type"]], party_keys(ev, ents), ev["date"], loc.get("country"),
                             same_sides(ev, ents)))
    groups = merge_events(keys)
    assert _partition(groups) == _partition(merge_events_reference(keys))
    # the eight Bourita meetings of 27 September 2018 are each reported by fr_008 and fr_009
    assert sum(len(g) == 2 for g in groups) >= 7


_dates = st.one_of(st.none(), st.integers(0, 60).map(lambda k: (date(2020, 1, 25) + timedelta(days=k)).isoformat()),
                   st.sampled_from(["2020-02", "2020-03", "2020"]))
_keys = st.lists(st.tuples(st.sampled_from(["meet", "call"]),
                           st.frozensets(st.sampled_from(["Q1", "Q2", "Q3", "p:brt"]), min_size=1, max_size=3),
                           _dates, st.sampled_from([None, None, "MA", "US"])), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(_keys)
def test_merge_groups_are_complete_linkage(raw):
    keys = [(f"ev:{i}", fam, parties, d, c) for i, (fam, parties, d, c) in enumerate(raw)]
    for group in merge_events(keys):
        assert len({keys[i][1] for i in group}) == 1
        assert len({keys[i][4] for i in group} - {None}) <= 1
        for i, j in combinations(group, 2):
            assert dates_compatible(keys[i][3], keys[j][3])


def _blocks(parties: frozenset[str]) -> set[tuple[str, ...]]:
    ps = sorted(parties)
    return set(combinations(ps, 2)) if len(ps) >= 2 else {tuple(ps)}


@settings(max_examples=150, deadline=None)
@given(_keys)
def test_merge_dated_reports_leave_no_compatible_pair_apart(raw):
    """With every report dated, no two groups that share a block could still be merged."""
    keys = [(f"ev:{i}", fam, parties, d or "2020-02-10", c) for i, (fam, parties, d, c) in enumerate(raw)]
    groups = merge_events(keys)
    for g, h in combinations(groups, 2):
        a, b = keys[g[0]], keys[h[0]]
        if a[1] != b[1]:
            continue
        shares_block = any(_blocks(keys[i][2]) & _blocks(keys[j][2]) for i in g for j in h)
        countries = {keys[i][4] for i in g + h} - {None}
        dates_ok = all(dates_compatible(keys[i][3], keys[j][3]) for i in g for j in h)
        assert not (shares_block and len(countries) <= 1 and dates_ok)


def _grouped(raw: list, split: int, dated: bool) -> tuple[list[list[tuple]], list[tuple], list[tuple]]:
    """Keys of ``raw``: the first ``split`` merged by merge_events (the stored groups, in the order of
    their first report), the rest added; and every key in the order merge_into_groups numbers them."""
    keys = [(f"ev:{i:03d}", fam, parties, d or ("2020-02-10" if dated else None), c)
            for i, (fam, parties, d, c) in enumerate(raw)]
    old, added = keys[:split], keys[split:]
    stored = sorted(([old[i] for i in sorted(g)] for g in merge_events(old)), key=lambda g: g[0][0])
    return stored, added, [k for g in stored for k in g] + added


@settings(max_examples=150, deadline=None)
@given(_keys, st.integers(min_value=0, max_value=60))
def test_merge_into_groups_keeps_stored_groups_whole_and_complete_linkage(raw, split):
    stored, added, keys = _grouped(raw, min(split, len(raw)), dated=False)
    groups = merge_into_groups(stored, added)
    assert sorted(i for g in groups for i in g) == list(range(len(keys)))
    where = {i: n for n, g in enumerate(groups) for i in g}
    start = 0
    for g in stored:
        assert len({where[i] for i in range(start, start + len(g))}) == 1
        start += len(g)
    for group in groups:
        assert len({keys[i][1] for i in group}) == 1
        assert len({keys[i][4] for i in group} - {None}) <= 1
        for i, j in combinations(group, 2):
            assert dates_compatible(keys[i][3], keys[j][3])


@settings(max_examples=150, deadline=None)
@given(_keys, st.integers(min_value=0, max_value=60))
def test_merge_into_groups_dated_reports_leave_no_compatible_pair_apart(raw, split):
    """With every report dated, as merge_events: no two groups that share a block could still be merged."""
    stored, added, keys = _grouped(raw, min(split, len(raw)), dated=True)
    groups = merge_into_groups(stored, added)
    for g, h in combinations(groups, 2):
        if keys[g[0]][1] != keys[h[0]][1]:
            continue
        shares_block = any(_blocks(keys[i][2]) & _blocks(keys[j][2]) for i in g for j in h)
        countries = {keys[i][4] for i in g + h} - {None}
        dates_ok = all(dates_compatible(keys[i][3], keys[j][3]) for i in g for j in h)
        assert not (shares_block and len(countries) <= 1 and dates_ok)


def test_merge_into_groups_bridges_stored_groups_and_joins_the_earliest_of_two_that_conflict():
    pair, other = frozenset({"Q1028", "Q159"}), frozenset({"Q1028", "Q142"})
    stored = [[("ev:1", "meet", pair, "2024-05-01", "MA")],
              [("ev:2", "meet", other, "2024-05-02", None)],
              [("ev:3", "meet", pair, "2024-05-04", None)]]
    # names all three states, the day between the first two: both stored meetings are the one it reports
    bridge = ("ev:0", "meet", pair | other, "2024-05-01", None)
    assert sorted(sorted(g) for g in merge_into_groups(stored, [bridge])) == [[0, 1, 3], [2]]
    # undated, it fits the meetings of the 1st and of the 4th, which are not one: it joins the first stored
    undated = ("ev:9", "meet", pair, None, None)
    assert sorted(sorted(g) for g in merge_into_groups(stored, [undated])) == [[0, 3], [1], [2]]
    # a second added report of the 4th joins the stored group of the 4th, not the added one before it
    later = ("ev:8", "meet", pair, "2024-05-04", None)
    assert sorted(sorted(g) for g in merge_into_groups(stored, [undated, later])) == [[0, 3], [1], [2, 4]]


def test_near_duplicates_finds_a_syndicated_copy():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    original = texts["en_012"]
    copy = ("Reuters - republished with permission\n" + original.replace("Imran Khan", "Premier Imran Khan", 1)
            + "\nCopyright 2019 Reuters. All rights reserved.")
    docs = [Document(id=k, source=f"{k}.txt", text=v) for k, v in texts.items()]
    docs.append(Document(id="copy-of-en_012", source="wire.txt", text=copy))
    assert near_duplicates(docs) == [["en_012", "copy-of-en_012"]]
    # two outlets writing up the same meetings (fr_008, fr_009) are not copies of each other
    assert near_duplicates([(k, v) for k, v in texts.items()]) == []


def test_near_duplicates_threshold_and_arguments():
    a = "le ministre des affaires étrangères a reçu son homologue russe à new york jeudi pour un entretien"
    b = a.replace("jeudi", "vendredi")
    assert near_duplicates([("a", a), ("b", b)], threshold=0.5, shingle=3) == [["a", "b"]]
    assert near_duplicates([("a", a), ("b", b)], threshold=0.95, shingle=3) == []
    try:
        near_duplicates([("a", a)], num_perm=100, bands=32)
    except ValueError as exc:
        assert "multiple of bands" in str(exc)
    else:
        raise AssertionError("num_perm not a multiple of bands must fail")
