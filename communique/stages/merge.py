"""Cross-document merging: per-document events -> real-world events (one per meeting, every report kept)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import combinations
from typing import Any

__all__ = ["party_keys", "same_event", "merge_corpus", "merge_events", "EventKey"]

_FAMILY = {"meet": "meet", "visit": "meet", "call": "call", "agreement": "agreement", "conference": "conference"}


def _person_key(name: str) -> str:
    from ..translit import name_key

    return "p:" + name_key(name)


def party_keys(event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> frozenset[str]:
    """Who took part, language-independently: KB ids for organizations and states, a transliteration
    key of the surname for persons (so المغيدي meets Al-Moghedi)."""
    keys = set()
    for p in event["parties"]:
        ent = entities.get(p["entity"])
        if ent is None:
            keys.add(p["entity"])
        elif ent["kind"] == "person":
            keys.add(_person_key(ent["name"]))
        else:
            keys.add(ent["id"])
    return frozenset(keys)


EventKey = tuple[str, str, frozenset[str], str | None, str | None]   # (ref, family, parties, date, country)


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


def merge_events(keys: list[EventKey]) -> list[list[int]]:
    """Union-find over events that share a block (a pair of party keys); returns index groups."""
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dates: dict[int, set[str]] = {i: ({k[3]} if k[3] else set()) for i, k in enumerate(keys)}
    countries: dict[int, set[str]] = {i: ({k[4]} if k[4] else set()) for i, k in enumerate(keys)}

    def compatible(ri: int, rj: int) -> bool:
        # complete linkage on date and venue country: an undated report must not chain two meetings
        return all(_dates_compatible(a, b) for a in dates[ri] for b in dates[rj]) and \
            len(countries[ri] | countries[rj]) <= 1

    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        parties = sorted(k[2])
        for pair in (combinations(parties, 2) if len(parties) >= 2 else [tuple(parties)]):
            blocks[(k[1],) + pair].append(i)
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
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[find(i)].append(i)
    return list(groups.values())


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
                         loc.get("country")))
    return [[keys[i][0] for i in group] for group in merge_events(keys) if len(group) > 1]
