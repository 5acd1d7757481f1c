"""Cross-document merging: per-document events -> real-world events (one per meeting, every report kept)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import lru_cache
from itertools import combinations, groupby
from operator import itemgetter
from typing import Any

__all__ = ["party_keys", "same_sides", "same_event", "merge_corpus", "merge_events", "merge_events_reference", "EventKey",
           "near_duplicates", "fingerprint", "band_keys", "CopyFinder"]

_FAMILY = {"meet": "meet", "visit": "meet", "call": "call", "agreement": "agreement", "conference": "conference"}


def _person_key(name: str) -> str:
    from ..translit import name_key

    return "p:" + name_key(name)


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
    key = _person_key(ent["name"]) if ent["kind"] == "person" else ent["id"]
    aff = entities.get(p.get("affiliation") or "") if ent["kind"] == "person" else None
    if aff is not None and aff["kind"] in ("state", "organization") and aff["id"] != key:
        return (key, aff["id"])
    return (key,)


#: (ref, family, party keys, date, country[, the key pairs that are one party: a person and its state])
EventKey = tuple[Any, ...]


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) == 10 and len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    return a.startswith(b) or b.startswith(a)


def same_event(a: EventKey, b: EventKey) -> bool:
    """Same kind, compatible dates, same venue country when both known, and the same parties
    (at least two shared, or all of the smaller side)."""
    if a[1] != b[1] or not _dates_compatible(a[3], b[3]):
        return False
    if a[4] and b[4] and a[4] != b[4]:
        return False
    shared = len(a[2] & b[2])
    return shared >= min(2, len(a[2]), len(b[2])) and shared >= 1


#: blocks up to this size are compared all pairs, in index order (exactly the reference)
EXHAUSTIVE_BLOCK = 3


class _DateInfo:
    """A date string read once: its day ordinal (full dates) and its span in days."""

    __slots__ = ("text", "day", "lo", "hi")

    def __init__(self, text: str) -> None:
        self.text = text
        self.day: int | None = None
        try:
            if len(text) == 10:
                self.day = date.fromisoformat(text).toordinal()
                self.lo = self.hi = self.day
            elif len(text) == 7:
                y, m = int(text[:4]), int(text[5:7])
                self.lo = date(y, m, 1).toordinal()
                self.hi = (date(y + (m == 12), m % 12 + 1, 1)).toordinal() - 1
            else:
                y = int(text[:4])
                self.lo, self.hi = date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        except ValueError:
            self.lo, self.hi = -(10 ** 9), 10 ** 9     # unreadable: compared as text, with everything


def _info_compatible(a: _DateInfo, b: _DateInfo) -> bool:
    if a.day is not None and b.day is not None:
        return abs(a.day - b.day) <= 1
    return a.text.startswith(b.text) or b.text.startswith(a.text)


def _blocks(keys: list[EventKey]) -> dict[tuple[str, ...], list[int]]:
    """Candidate groups: reports of one event family sharing a pair of party keys (or their only key)."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        parties = sorted(k[2])
        sides = k[5] if len(k) > 5 else frozenset()
        pairs = [p for p in combinations(parties, 2) if frozenset(p) not in sides] if len(parties) >= 2 else []
        for pair in pairs or [tuple(parties)]:
            blocks[(k[1],) + pair].append(i)
    return blocks


class _Forest:
    """Union-find with path halving: the clusters every merge below builds."""

    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def merge_events(keys: list[EventKey]) -> list[list[int]]:
    """Union-find over events that share a block (same family and a pair of party keys); returns
    index groups. Reports join when their clusters stay compatible: every pair of dates within a
    day (or one a prefix of the other: 2018-09 and 2018-09-27) and at most one venue country
    (complete linkage, so an undated report never chains two meetings).

    Within a block the party condition of :func:`same_event` always holds, so only dates and
    countries decide. Small blocks are compared all pairs in index order (as
    :func:`merge_events_reference`); large ones (a pair of actors that meet every month) by a
    sweep over date spans, so that only reports within a day of each other are compared, then
    each undated report joins the first compatible cluster, as in the reference."""
    n = len(keys)
    forest = _Forest(n)
    parent, find = forest.parent, forest.find
    infos: dict[str, _DateInfo] = {}
    dinfo: list[_DateInfo | None] = []
    for k in keys:
        d = k[3]
        if d:
            info = infos.get(d)
            if info is None:
                info = infos[d] = _DateInfo(d)
            dinfo.append(info)
        else:
            dinfo.append(None)
    cdates: dict[int, list[_DateInfo]] = {i: [di] for i, di in enumerate(dinfo) if di is not None}
    ccountry: dict[int, str] = {i: k[4] for i, k in enumerate(keys) if k[4]}


    def join(i: int, j: int) -> bool:
        ri, rj = find(i), find(j)
        if ri == rj:
            return False
        ci, cj = ccountry.get(ri), ccountry.get(rj)
        if ci and cj and ci != cj:
            return False
        di, dj = cdates.get(ri), cdates.get(rj)
        if di and dj:
            for a in di:
                for b in dj:
                    if a is not b and not _info_compatible(a, b):
                        return False
        parent[rj] = ri
        if dj:
            if di:
                di.extend(x for x in dj if x not in di)
            else:
                cdates[ri] = dj
            del cdates[rj]
        if cj:
            ccountry[ri] = cj
            del ccountry[rj]
        return True

    blocks = _blocks(keys)
    for members in blocks.values():
        m = len(members)
        if m < 2:
            continue
        if m <= EXHAUSTIVE_BLOCK:
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
        for u in undated:
            ds = cdates.get(find(u))
            if ds:   # dated through another block: only reports near its dates can fit
                lo, hi = min(d.lo for d in ds) - 1, max(d.hi for d in ds) + 1
                near = days[bisect_left(day_los, lo):bisect_right(day_los, hi)]
                near += [i for i in spans if dinfo[i].lo <= hi and dinfo[i].hi >= lo]  # type: ignore[union-attr]
                candidates = sorted(near + undated)
            else:
                if firsts is None:
                    seen_roots: set[int] = set()
                    firsts = []
                    for j in members:
                        r = find(j)
                        if r not in seen_roots:
                            seen_roots.add(r)
                            firsts.append(j)
                candidates = firsts
            tried: set[int] = set()
            for j in candidates:
                rj = find(j)
                if j == u or rj in tried or rj == find(u):
                    continue
                tried.add(rj)
                if join(j, u):
                    break
    return forest.groups()


def merge_events_reference(keys: list[EventKey]) -> list[list[int]]:
    """The all-pairs-per-block form of :func:`merge_events` (quadratic in a block's size): kept as
    the specification the indexed form is tested and benchmarked against."""
    forest = _Forest(len(keys))
    parent, find = forest.parent, forest.find

    dates: dict[int, set[str]] = {i: ({k[3]} if k[3] else set()) for i, k in enumerate(keys)}
    countries: dict[int, set[str]] = {i: ({k[4]} if k[4] else set()) for i, k in enumerate(keys)}

    def compatible(ri: int, rj: int) -> bool:
        # complete linkage on date and venue country: an undated report must not chain two meetings
        return all(_dates_compatible(a, b) for a in dates[ri] for b in dates[rj]) and \
            len(countries[ri] | countries[rj]) <= 1

    blocks = _blocks(keys)
    for members in blocks.values():
        if len(members) < 2:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                ri, rj = find(i), find(j)
                if ri != rj and same_event(keys[i], keys[j]) and compatible(ri, rj):
                    parent[rj] = ri
                    dates[ri] |= dates.pop(rj)
                    countries[ri] |= countries.pop(rj)
    return forest.groups()


def merge_corpus(records: Iterable[tuple[str, dict[str, Any]]]) -> list[list[str]]:
    """Merge the occurred events of document records; returns, per merged event, its documents."""
    keys: list[EventKey] = []
    for doc_id, rec in records:
        ents = {e["id"]: e for e in rec.get("entities", [])}
        for ev in rec.get("events", []):
            if ev.get("status", "occurred") != "occurred":
                continue
            loc = ev.get("location") or {}
            keys.append((doc_id, _FAMILY.get(ev["type"], ev["type"]), party_keys(ev, ents), ev.get("date"),
                         loc.get("country"), same_sides(ev, ents)))
    return [[keys[i][0] for i in group] for group in merge_events(keys) if len(group) > 1]


# ---------------------------------------------------------------------------------------------
# Near-duplicate documents (syndicated copies): MinHash over word shingles, LSH bands
# ---------------------------------------------------------------------------------------------

def _shingles(text: str, size: int) -> set[bytes]:
    from ..textnorm import fold

    words = fold(text).split()
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def _fmix64(x: Any) -> Any:
    """MurmurHash3's 64-bit finalizer on a uint64 array (multiplications wrap modulo 2^64)."""
    import numpy as np

    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> np.uint64(33))


def minhash_signature(shingles: set[bytes], seeds: Any) -> Any:
    """MinHash of a shingle set: per seed, the least fmix64(blake2b64(shingle) XOR seed)."""
    import hashlib

    import numpy as np

    if not shingles:
        return np.full(len(seeds), np.iinfo(np.uint64).max, dtype=np.uint64)
    hv = np.fromiter((int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") for s in shingles),
                     dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        return _fmix64(hv[:, None] ^ seeds[None, :]).min(axis=0)


#: MinHash parameters of the fingerprints the store keeps (changing them invalidates stored ones)
SHINGLE, NUM_PERM, BANDS, COPY_THRESHOLD = 5, 128, 32, 0.8
#: a new document is compared with at most this many representatives (the earliest stored first)
MAX_CANDIDATES = 64


@lru_cache(maxsize=8)
def _seeds(num_perm: int, seed: int) -> Any:
    import numpy as np

    return np.random.default_rng(seed).integers(0, np.iinfo(np.uint64).max, size=num_perm, dtype=np.uint64,
                                                endpoint=True)


def fingerprint(text: str, *, shingle: int = SHINGLE, num_perm: int = NUM_PERM, seed: int = 1) -> bytes | None:
    """The MinHash signature of a text's word shingles (``shingle`` folded words), ``num_perm``
    little-endian uint32 (the low half of each 64-bit minimum: 512 bytes); None for a text without words."""
    sh = _shingles(text, shingle)
    if not sh:
        return None
    return (minhash_signature(sh, _seeds(num_perm, seed)) & 0xFFFFFFFF).astype("<u4").tobytes()


def band_keys(signature: bytes, bands: int = BANDS) -> list[int]:
    """One signed 64-bit hash per band of a fingerprint (LSH: near-duplicates share a band)."""
    import hashlib

    width = len(signature) // bands
    return [int.from_bytes(hashlib.blake2b(signature[b * width:(b + 1) * width], digest_size=8).digest(),
                           "little", signed=True) for b in range(bands)]


class CopyFinder:
    """Representative documents indexed by band: a new document is a copy of the earliest
    representative whose fingerprint agrees on at least ``threshold`` of its values (the share of
    equal MinHash values estimates the Jaccard similarity of the shingle sets). A document that copies
    none becomes a representative itself, so 5,000 copies of one story are compared with one document."""

    def __init__(self, *, threshold: float = COPY_THRESHOLD, bands: int = BANDS,
                 max_candidates: int = MAX_CANDIDATES) -> None:
        self.threshold = threshold
        self.bands = bands
        self.max_candidates = max_candidates
        self._order: dict[str, int] = {}
        self._sigs: dict[str, Any] = {}
        self._buckets: dict[tuple[int, int], list[str]] = defaultdict(list)

    def add(self, doc_id: str, signature: bytes, keys: list[int] | None = None) -> None:
        """Register a representative (in stored order)."""
        import numpy as np

        if doc_id in self._order:
            return
        self._order[doc_id] = len(self._order)
        self._sigs[doc_id] = np.frombuffer(signature, dtype="<u4")
        for band, key in enumerate(keys if keys is not None else band_keys(signature, self.bands)):
            self._buckets[(band, key)].append(doc_id)

    def copy_of(self, signature: bytes, keys: list[int] | None = None) -> str | None:
        """The representative this fingerprint copies, or None."""
        import numpy as np

        sig = np.frombuffer(signature, dtype="<u4")
        candidates: dict[str, None] = {}
        for band, key in enumerate(keys if keys is not None else band_keys(signature, self.bands)):
            candidates.update(dict.fromkeys(self._buckets.get((band, key), ())))
        need = self.threshold * len(sig)
        for rep in sorted(candidates, key=self._order.__getitem__)[:self.max_candidates]:
            if np.count_nonzero(self._sigs[rep] == sig) >= need:
                return rep
        return None


def near_duplicates(docs: Iterable[Any], *, threshold: float = COPY_THRESHOLD, shingle: int = SHINGLE,
                    num_perm: int = NUM_PERM, bands: int = BANDS, seed: int = 1) -> list[list[str]]:
    """Groups of near-duplicate documents (syndicated copies of one story, boilerplate aside).

    ``docs``: (id, text) pairs or records with ``.id`` and ``.text`` (Document), in stored order.
    Each document is fingerprinted (:func:`fingerprint`) and checked against the representatives
    before it (:class:`CopyFinder`, documents sharing one of ``bands`` bands are candidates).
    Returns groups of two or more ids, each a representative followed by its copies in input order,
    groups ordered by their representative. The store runs the same finder incrementally
    (communique.store.refresh)."""
    if num_perm % bands:
        raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
    finder = CopyFinder(threshold=threshold, bands=bands)
    groups: dict[str, list[str]] = {}
    for d in docs:
        doc_id, text = (d.id, d.text) if hasattr(d, "text") else d
        sig = fingerprint(text, shingle=shingle, num_perm=num_perm, seed=seed)
        if sig is None:
            continue
        keys = band_keys(sig, bands)
        rep = finder.copy_of(sig, keys)
        if rep is None:
            finder.add(doc_id, sig, keys)
            groups[doc_id] = [doc_id]
        else:
            groups[rep].append(doc_id)
    return [g for g in groups.values() if len(g) > 1]


def corpus_assignments(rows: Iterable[tuple], affiliations: Mapping[str, Collection[str]] | None = None
                       ) -> tuple[list[tuple[str, str]], int]:
    """Stored rows -> (event id, corpus event id) for every merged report, and the number of groups.

    rows: (event id, doc id, type, date, country, party entity id, its kind, its name[, its corpus
    actor, the corpus actor of its affiliation when that is a state or organization]), one per party
    of each occurred event (party columns None for an event without parties), grouped by event id.
    A party's corpus actor, when given, is its key (one identity with `communique actors`); else
    persons are keyed by their surname skeleton. ``affiliations`` (corpus actor -> the states and
    organizations it was seen acting for) make a person and its own state one side wherever both are
    parties ("Lavrov" and "Russia" are not two counterparts). Shared by every store backend
    (store/refresh.py)."""
    affiliations = affiliations or {}
    keys: list[EventKey] = []
    person_keys: dict[str, str] = {}
    interned: dict[str, str] = {}
    for ev_id, party_rows in groupby(rows, key=itemgetter(0)):
        parties: set[str] = set()
        sides: set[frozenset[str]] = set()
        etype = ev_date = country = None
        for row in party_rows:
            _, _, etype, ev_date, country, ent_id, kind, name = row[:8]
            if ent_id is None:
                continue
            actor, aff = (row[8], row[9]) if len(row) > 9 else (None, None)
            if actor:
                key = interned.setdefault(actor, actor)
            elif kind == "person":
                key = person_keys.get(name)
                if key is None:
                    key = person_keys[name] = _person_key(name)
            else:
                key = interned.setdefault(ent_id, ent_id)
            parties.add(key)
            if aff and aff != key:
                parties.add(interned.setdefault(aff, aff))
                sides.add(frozenset((key, aff)))
        for key in parties:
            sides.update(frozenset((key, aff)) for aff in affiliations.get(key, ()) if aff in parties and aff != key)
        keys.append((ev_id, _FAMILY.get(etype, etype), frozenset(parties),
                     interned.setdefault(ev_date, ev_date) if ev_date else None,
                     interned.setdefault(country, country) if country else None, frozenset(sides)))
    keys.sort(key=lambda k: k[0])
    groups = merge_events(keys)
    out: list[tuple[str, str]] = []
    for group in groups:
        ids = sorted(keys[i][0] for i in group)
        corpus_id = "ce:" + ids[0].split(":", 1)[-1]
        out.extend((ev_id, corpus_id) for ev_id in ids)
    return out, len(groups)
