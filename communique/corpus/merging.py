"""Cross-document merging: per-document events -> real-world events (one per meeting, every report kept).\n\nA report is compared only with the reports sharing one of its blocks (same event family and a pair of\nparty keys); the blocks are stored, so that a refresh recomputes only the groups of blocks that new\ndocuments reach (communique.corpus.refresh)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from itertools import combinations
from typing import Any

from .merge_checks import (PERSON_PREFIXES, PUBLISHED_WINDOW_DAYS, Cast, EventKey, Window, report_cast, cast_fits,
                           dates_compatible, DateInfo, info_compatible, placed_alike, published_window,
                           union_officials, shared_window, named_officials, officials_compatible)
from .union_find import find_root


__all__ = ["party_keys", "same_sides", "same_event", "merge_events", "merge_into_groups",
           "EventKey", "report_blocks", "neighbour_blocks", "PUBLISHED_WINDOW_DAYS", "CROSS_FAMILIES", "FAMILY",
           "person_key", "blocks_of", "cross_blocks", "Forest"]

FAMILY = {"meet": "meet", "visit": "meet", "call": "call", "agreement": "agreement", "conference": "conference"}


def person_key(name: str) -> str:
    from ..translit import name_key

    return PERSON_PREFIXES[1] + name_key(name)


def party_keys(event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> frozenset[str]:
    """Who took part, language-independently: KB ids for organizations and states, a transliteration
    key of the surname for persons (so المغيدي meets Al-Moghedi), and the organization or state a
    person acts for (so "Morocco and Russia" meets "Bourita and Lavrov")."""
    keys: set[str] = set()
    for p in event["parties"]:
        keys |= set(_party_side(p, entities))
    return frozenset(keys)


def same_sides(event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> frozenset[frozenset[str]]:
    """The key pairs of one party (a person and the state it acts for): one side, never a block."""
    return frozenset(frozenset(side) for side in (_party_side(p, entities) for p in event["parties"])
                     if len(side) == 2)


def _party_side(p: dict[str, Any], entities: dict[str, dict[str, Any]]) -> tuple[str, ...]:
    ent = entities.get(p["entity"])
    if ent is None:
        return (p["entity"],)
    key = person_key(ent["name"]) if ent["kind"] == "person" else ent["id"]
    aff = entities.get(p.get("affiliation") or "") if ent["kind"] == "person" else None
    if aff is not None and aff["kind"] in ("state", "organization") and aff["id"] != key:
        return (key, aff["id"])
    return (key,)




def same_event(a: EventKey, b: EventKey) -> bool:
    """Same kind, compatible dates, same venue country when both known, and the same parties
    (at least two shared, or all of the smaller side)."""
    if a[1] != b[1] or not dates_compatible(a[3], b[3]):
        return False
    if a[4] and b[4] and a[4] != b[4]:
        return False
    shared = len(a[2] & b[2])
    return shared >= min(2, len(a[2]), len(b[2])) and shared >= 1


#: blocks up to this size are compared all pairs, in index order (exactly the reference)
EXHAUSTIVE_BLOCK = 3


def blocks_of(keys: list[EventKey]) -> dict[tuple[str, ...], list[int]]:
    """Candidate groups: reports of one event family sharing a pair of party keys (or their only key)."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for block in report_blocks(k):
            blocks[block].append(i)
    return blocks


#: families whose reports can tell one occasion: a signing told by one document, the meeting of the same
#: parties at the same place told by another (:meth:`_Clusters.join`, ``cross``)
CROSS_FAMILIES = frozenset({"meet", "agreement"})


def report_blocks(k: EventKey) -> list[tuple[str, ...]]:
    """The blocks of a report: its family and each pair of its party keys that are not one side (its only
    key when it has one)."""
    parties = sorted(k[2])
    sides = k[5] if len(k) > 5 else frozenset()
    pairs = [p for p in combinations(parties, 2) if frozenset(p) not in sides] if len(parties) >= 2 else []
    return [(k[1],) + pair for pair in pairs or [tuple(parties)]]


def cross_blocks(block: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The blocks of the same pair of party keys in the other families of CROSS_FAMILIES (none for a report's
    only key)."""
    if block[0] not in CROSS_FAMILIES or len(block) != 3:
        return []
    return [(f,) + block[1:] for f in sorted(CROSS_FAMILIES - {block[0]})]


def neighbour_blocks(k: EventKey) -> list[tuple[str, ...]]:
    """The blocks in which a report's candidates are: its own, and for a signing or a meeting those of the same
    pairs in the other family."""
    own = report_blocks(k)
    return own + [b for block in own for b in cross_blocks(block)]


class Forest:
    """Union-find with path halving: the clusters every merge below builds."""

    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        return find_root(self.parent, i)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


class _Clusters:
    """The clusters :func:`merge_events` builds over ``keys``, each with what decides a join: its dates, its
    venue country, the officials its reports name and those their documents imply, the days its documents
    allow an undated report (complete linkage)."""

    __slots__ = ("forest", "dinfo", "cdates", "ccountry", "cofficials", "cimplied", "cwindow", "published_day",
                 "cunplaced", "cplaced", "cfamily", "joins")

    def __init__(self, keys: list[EventKey]) -> None:
        self.forest = Forest(len(keys))
        infos: dict[str, DateInfo] = {}
        self.dinfo: list[DateInfo | None] = []
        for k in keys:
            d = k[3]
            if d:
                info = infos.get(d)
                if info is None:
                    info = infos[d] = DateInfo(d)
                self.dinfo.append(info)
            else:
                self.dinfo.append(None)
        self.cdates: dict[int, list[DateInfo]] = {i: [di] for i, di in enumerate(self.dinfo) if di is not None}
        self.ccountry: dict[int, str] = {i: k[4] for i, k in enumerate(keys) if k[4]}
        # reports that repeat a key's sets (copies of one story) share one value of each below: a cluster's
        # values are replaced, never changed in place, when it grows (memory: 250,000 reports at 100k documents)
        officials = cache(named_officials)
        self.cofficials: dict[int, dict[str, frozenset[str]]] = {
            i: o for i, k in enumerate(keys) if len(k) > 5 and (o := officials(k[5]))}
        # with the officials their documents imply: what places a cluster that has no date
        implied = cache(lambda pair: union_officials(officials(pair[0]), officials(pair[1])))
        self.cimplied: dict[int, dict[str, frozenset[str]]] = {
            i: implied((k[5], k[6])) for i, k in enumerate(keys) if len(k) > 6}
        # the days an undated cluster can tell of, from its documents' own dates
        self.cwindow: dict[int, Window] = {i: w for i, k in enumerate(keys) if (w := published_window(k))}
        # the day an undated report's document gives itself (the middle of its span)
        self.published_day: dict[int, int] = {i: (w[0] + PUBLISHED_WINDOW_DAYS + w[1] - 1) // 2
                                              for i, w in self.cwindow.items()}
        # the distinct casts of its documents without any date (copies of one story name the same cast: a
        # cluster of thousands of them checks one), and the cast of its placed reports' documents
        self.cunplaced: dict[int, dict[frozenset, Cast]] = {}
        self.cplaced: dict[int, Cast] = {}
        unplaced = cache(lambda cast: {frozenset(officials(cast).items()): officials(cast)})    # by k[8]
        for i, k in enumerate(keys):
            known = report_cast(k, officials)
            if known is not None:
                if known[0]:
                    self.cunplaced[i] = unplaced(k[8])
                else:
                    self.cplaced[i] = known[1]
        # the families of each cluster's reports (one set object per family: a list of 100k reports is small)
        one: dict[str, frozenset[str]] = {}
        self.cfamily: list[frozenset[str]] = [one.setdefault(k[1], frozenset((k[1],))) for k in keys]
        self.joins = 0     # successful joins so far: a scan that joined nothing gives the same again until one

    def join(self, i: int, j: int, cross: bool = False) -> bool:
        """Join the clusters of reports i and j when every pair of their dates is within a day (or one a
        prefix of the other), they have at most one venue country and their officials agree. Clusters of
        no common family join only with ``cross`` (:meth:`cross_fits`)."""
        find = self.forest.find
        ri, rj = find(i), find(j)
        if ri == rj:
            return False
        ci, cj = self.ccountry.get(ri), self.ccountry.get(rj)
        if ci and cj and ci != cj:
            return False
        di, dj = self.cdates.get(ri), self.cdates.get(rj)
        if self.cfamily[ri].isdisjoint(self.cfamily[rj]) and not (cross and self.cross_fits(ri, rj)):
            return False
        if di and dj:
            for a in di:
                for b in dj:
                    if a is not b and not info_compatible(a, b):
                        return False
        oi, oj = self.cofficials.get(ri), self.cofficials.get(rj)
        if oi and oj and not officials_compatible(oi, oj):
            return False
        wi, wj = self.cimplied.get(ri, oi), self.cimplied.get(rj, oj)
        if not (di and dj) and not placed_alike(oi or {}, wi or {}, oj or {}, wj or {}):
            return False
        if shared_window(self.cwindow.get(ri), self.cwindow.get(rj), (*(di or ()), *(dj or ()))) is False:
            return False
        ui, uj = self.cunplaced.get(ri), self.cunplaced.get(rj)
        if not (cast_fits(ui.values() if ui else (), self.cplaced.get(rj))
                and cast_fits(uj.values() if uj else (), self.cplaced.get(ri))):
            return False
        self.unite(ri, rj)
        return True

    def cross_fits(self, ri: int, rj: int) -> bool:
        """Clusters (roots) of a signing and of a meeting can tell one occasion (a signing told as a meeting by
        another document, or a meeting told by its signing) when both give its venue country and one of
        them its day: an agreement of some month is not the meeting of a day, nor an undated meeting a
        signing of another place."""
        if self.cfamily[ri] | self.cfamily[rj] != CROSS_FAMILIES:
            return False
        if not (self.ccountry.get(ri) and self.ccountry.get(rj)):
            return False
        return any(d.day is not None for r in (ri, rj) for d in self.cdates.get(r, ()))

    def nearest_first(self, u: int, members: list[int]) -> list[int]:
        """The clusters of ``members`` in the order an undated report ``u`` tries them: those with dates
        nearest its document's own date first, then the others, each in the given order (as given when
        its document has no date)."""
        day = self.published_day.get(u)
        if day is None or len(members) < 2:
            return members
        far = 10 ** 9

        def distance(j: int) -> int:
            dates = self.cdates.get(self.forest.find(j))
            return min((max(d.lo - day, day - d.hi, 0) for d in dates), default=far) if dates else far

        return sorted(members, key=distance)

    def unite(self, ri: int, rj: int) -> None:
        """Make cluster ``rj`` (a root) part of cluster ``ri`` (a root), whatever they hold."""
        self.forest.parent[rj] = ri
        oi, oj = self.cofficials.get(ri), self.cofficials.pop(rj, None)
        wi, wj = self.cimplied.get(ri, oi), self.cimplied.get(rj, oj)
        if oj:
            self.cofficials[ri] = union_officials(oi or {}, oj)
        if rj in self.cimplied or ri in self.cimplied:
            self.cimplied[ri] = union_officials(wi or {}, wj or {})
            self.cimplied.pop(rj, None)
        dj = self.cdates.pop(rj, None)
        if dj:
            di = self.cdates.get(ri)
            if di:
                di.extend(x for x in dj if x not in di)
            else:
                self.cdates[ri] = dj
        cj = self.ccountry.pop(rj, None)
        if cj:
            self.ccountry[ri] = cj
        wi, wj = self.cwindow.get(ri), self.cwindow.pop(rj, None)
        if wj:
            shared = shared_window(wi, wj, ())
            self.cwindow[ri] = shared if shared else (wi or wj)     # a stored group united as it is
        uj = self.cunplaced.pop(rj, None)
        if uj:
            self.cunplaced[ri] = {**self.cunplaced.get(ri, {}), **uj}
        pj = self.cplaced.pop(rj, None)
        if pj is not None:
            self.cplaced[ri] = union_officials(self.cplaced.get(ri, {}), pj)
        if self.cfamily[rj] != self.cfamily[ri]:
            self.cfamily[ri] = self.cfamily[ri] | self.cfamily[rj]
        self.joins += 1


def merge_events(keys: list[EventKey]) -> list[list[int]]:
    """Union-find over events that share a block (same family and a pair of party keys); returns
    index groups. Reports join when their clusters stay compatible: every pair of dates within a
    day (or one a prefix of the other: 2018-09 and 2018-09-27) and at most one venue country
    (complete linkage, so an undated report never chains two meetings).

    Within a block the party condition of :func:`same_event` always holds, so only dates and
    countries decide. Small blocks are compared all pairs in index order (as
    :func:`merge_events_reference`); large ones (a pair of actors that meet every month) by a
    sweep over date spans, so that only reports within a day of each other are compared, then
    each undated report joins the first compatible cluster, as in the reference; one whose document gives
    itself a date tries the clusters whose dates are nearest that date first (in a block of any size), then
    the undated ones (:meth:`_Clusters.nearest_first`). Then a signing and a meeting of the same parties
    join across their families (:func:`_join_across_families`)."""
    clusters = _Clusters(keys)
    forest, dinfo, cdates, join, find = clusters.forest, clusters.dinfo, clusters.cdates, clusters.join, clusters.forest.find
    blocks = blocks_of(keys)
    for members in blocks.values():
        m = len(members)
        if m < 2:
            continue
        if m <= EXHAUSTIVE_BLOCK and not any(i in clusters.published_day for i in members):
            for x in range(m):
                i = members[x]
                for y in range(x + 1, m):
                    join(i, members[y])
            continue
        dated = sorted((i for i in members if dinfo[i] is not None), key=lambda i: dinfo[i].lo)  # type: ignore[union-attr]
        # the sweep keeps one entry per cluster in the window ([a member, the latest day it covers]):
        # 5,000 reports of one summit are one cluster, not 5,000 comparisons per report
        active: list[list[int]] = []
        for i in dated:
            lo = dinfo[i].lo  # type: ignore[union-attr]
            entries: dict[int, list[int]] = {}
            for entry in active:
                if entry[1] + 1 < lo:
                    continue
                r = find(entry[0])
                kept = entries.get(r)
                if kept is None:
                    entries[r] = entry
                elif entry[1] > kept[1]:
                    kept[1] = entry[1]
            active = list(entries.values())
            for entry in active:
                join(entry[0], i)       # join checks every date of both clusters (complete linkage)
            active.append([i, dinfo[i].hi])  # type: ignore[union-attr]
        undated = [i for i in members if dinfo[i] is None]
        if not undated:
            continue
        days = [i for i in dated if dinfo[i].day is not None]  # type: ignore[union-attr]
        day_los = [dinfo[i].day for i in days]  # type: ignore[union-attr]
        spans = [i for i in dated if dinfo[i].day is None]  # type: ignore[union-attr]
        # the first member of each cluster of the block, in index order (clusters only grow from here)
        firsts: list[int] | None = None
        # the cluster of the last undated report that joined nothing, and the joins made by then: another
        # report of that cluster sees the same candidates in the same state (5,000 undated copies of one story)
        fruitless: tuple[int, int] | None = None
        near_cache: dict[tuple[int, int], list[int]] = {}     # the candidates of a span of days
        for u in undated:
            if fruitless == (find(u), clusters.joins):
                continue
            ds = cdates.get(find(u))
            if ds:   # dated through another block: only reports near its dates can fit
                lo, hi = min(d.lo for d in ds) - 1, max(d.hi for d in ds) + 1
                candidates = near_cache.get((lo, hi))
                if candidates is None:
                    near = days[bisect_left(day_los, lo):bisect_right(day_los, hi)]
                    near += [i for i in spans if dinfo[i].lo <= hi and dinfo[i].hi >= lo]  # type: ignore[union-attr]
                    candidates = near_cache[(lo, hi)] = sorted(near + undated)
            else:
                if firsts is None:
                    seen_roots: set[int] = set()
                    firsts = []
                    for j in members:
                        r = find(j)
                        if r not in seen_roots:
                            seen_roots.add(r)
                            firsts.append(j)
                candidates = clusters.nearest_first(u, firsts)
            tried: set[int] = set()
            for j in candidates:
                rj = find(j)
                if j == u or rj in tried or rj == find(u):
                    continue
                tried.add(rj)
                if join(j, u):
                    break
            else:
                fruitless = (find(u), clusters.joins)
    _join_across_families(clusters, blocks)
    return forest.groups()


def _join_across_families(clusters: _Clusters, blocks: dict[tuple[str, ...], list[int]]) -> None:
    """Once the clusters of each family are built: for each pair of party keys that has a block of signings
    and one of meetings, each cluster of signings tries the clusters of meetings (in the order of their first
    report) and joins those :meth:`_Clusters.join` accepts across families."""
    find, family = clusters.forest.find, clusters.cfamily
    for block, members in blocks.items():
        if block[0] != "agreement":
            continue
        for other in cross_blocks(block):
            meetings = blocks.get(other)
            if not meetings:
                continue
            candidates = _first_of_each_cluster(meetings, find)
            for a in _first_of_each_cluster(members, find):
                for m in candidates:
                    if family[find(a)].isdisjoint(family[find(m)]):
                        clusters.join(m, a, cross=True)


def _first_of_each_cluster(members: list[int], find: Any) -> list[int]:
    """The first member of each cluster among ``members`` (in index order)."""
    firsts: dict[int, int] = {}
    for m in members:
        firsts.setdefault(find(m), m)
    return list(firsts.values())


def merge_into_groups(stored: Sequence[Sequence[EventKey]], added: Sequence[EventKey]) -> list[list[int]]:
    """Stored groups (each its reports' keys, in id order; the groups in the order of their first report)
    and added reports (in id order) -> index groups over the stored keys, one group after the other, then
    the added ones. A stored group stays whole. Each added report, in turn, tries the clusters it shares a
    block with (stored groups and the added reports placed before it), in the order of the earliest of
    their reports in those blocks (a stored group: its first report), and joins every one the decision of
    :func:`merge_events` accepts (``_Clusters.join``: complete linkage): it joins the groups it bridges
    when their union stays compatible.

    Every group is compatible (complete linkage) and, with every report dated, no two groups sharing a
    block could still be merged, as with :func:`merge_events`. Where a report fits two clusters that do
    not fit each other, which one it joins depends on the order reports are merged in: :func:`merge_events`
    goes by block and date, this by the order reports arrived in (stored groups first)."""
    keys = [k for group in stored for k in group] + list(added)
    clusters = _Clusters(keys)
    find = clusters.forest.find
    in_block: dict[tuple[str, ...], list[int]] = defaultdict(list)   # block -> a report of each cluster in it
    i = 0
    for group in stored:
        first, blocks = i, set()
        for k in group:
            if i != first:
                clusters.unite(first, i)
            blocks.update(report_blocks(k))
            i += 1
        for block in blocks:
            in_block[block].append(first)
    for a in range(i, len(keys)):
        blocks = report_blocks(keys[a])
        candidates: dict[int, int] = {}     # cluster root -> its earliest report in the blocks
        for block in blocks:
            members = in_block[block]
            firsts: dict[int, int] = {}
            for m in members:               # in index order: the first of each cluster is its earliest
                firsts.setdefault(find(m), m)
            if len(firsts) < len(members):  # clusters joined since: one entry each
                members[:] = firsts.values()
            for r, m in firsts.items():
                if m < candidates.get(r, len(keys)):
                    candidates[r] = m
        for m in clusters.nearest_first(a, sorted(candidates.values())):
            clusters.join(m, a)
        root = find(a)
        for block in blocks:
            if root == a or all(find(m) != root for m in in_block[block]):
                in_block[block].append(a)
    for a in range(i, len(keys)):       # then across families, as merge_events does once its clusters are built
        for m in sorted({m for block in report_blocks(keys[a]) for other in cross_blocks(block) for m in in_block[other]}):
            if clusters.cfamily[find(a)].isdisjoint(clusters.cfamily[find(m)]):
                clusters.join(m, a, cross=True)
    return clusters.forest.groups()
