"""The all-pairs-per-block form of cross-document merging (corpus/merging.py): the specification that
:func:`merging.merge_events` is tested and benchmarked against."""

from __future__ import annotations

from .merge_checks import (EventKey, _cast, _cast_fits, _dates_compatible, _DateInfo, _placed_alike, _published_window,
                           _union_officials, _within, named_officials, officials_compatible)
from .merging import CROSS_FAMILIES, _across, _blocks, _Forest, same_event

__all__ = ["merge_events_reference"]


def merge_events_reference(keys: list[EventKey]) -> list[list[int]]:
    """The all-pairs-per-block form of :func:`merge_events` (quadratic in a block's size): kept as
    the specification the indexed form is tested and benchmarked against."""
    forest = _Forest(len(keys))
    parent, find = forest.parent, forest.find

    dates: dict[int, set[str]] = {i: ({k[3]} if k[3] else set()) for i, k in enumerate(keys)}
    countries: dict[int, set[str]] = {i: ({k[4]} if k[4] else set()) for i, k in enumerate(keys)}
    officials = {i: named_officials(k[5]) if len(k) > 5 else {} for i, k in enumerate(keys)}
    implied = {i: _union_officials(officials[i], named_officials(k[6]) if len(k) > 6 else {})
               for i, k in enumerate(keys)}
    windows = {i: _published_window(k) for i, k in enumerate(keys)}
    casts = {i: _cast(k) for i, k in enumerate(keys)}
    unplaced = {i: [c[1]] if c and c[0] else [] for i, c in casts.items()}
    placed = {i: c[1] if c and not c[0] else None for i, c in casts.items()}

    def compatible(ri: int, rj: int) -> bool:
        # complete linkage on date, venue country and the officials named for each side: an undated
        # report must not chain two meetings
        return all(_dates_compatible(a, b) for a in dates[ri] for b in dates[rj]) and \
            len(countries[ri] | countries[rj]) <= 1 and officials_compatible(officials[ri], officials[rj]) and \
            (bool(dates[ri] and dates[rj]) or _placed_alike(officials[ri], implied[ri], officials[rj], implied[rj])) \
            and _within(windows[ri], windows[rj], [_DateInfo(d) for d in dates[ri] | dates[rj]]) is not False \
            and _cast_fits(unplaced[ri], placed[rj]) and _cast_fits(unplaced[rj], placed[ri])

    families = {i: frozenset((k[1],)) for i, k in enumerate(keys)}

    def across(ri: int, rj: int) -> bool:      # _Clusters.cross_fits: a signing and a meeting, venue and day known
        return families[ri] | families[rj] == CROSS_FAMILIES and bool(countries[ri] and countries[rj]) and \
            any(_DateInfo(d).day is not None for d in dates[ri] | dates[rj])

    def unite(ri: int, rj: int) -> None:
        parent[rj] = ri
        dates[ri] |= dates.pop(rj)
        countries[ri] |= countries.pop(rj)
        officials[ri] = _union_officials(officials[ri], officials.pop(rj))
        implied[ri] = _union_officials(implied[ri], implied.pop(rj))
        windows[ri] = _within(windows[ri], windows.pop(rj), ())  # type: ignore[assignment]
        unplaced[ri] += unplaced.pop(rj)
        pj = placed.pop(rj)
        placed[ri] = pj if placed[ri] is None else _union_officials(placed[ri], pj or {})
        families[ri] |= families.pop(rj)

    blocks = _blocks(keys)
    # each family first, then a signing and a meeting across families (the block of a pair in both families)
    crossed = [blocks[b] + blocks[o] for b in blocks for o in _across(b) if b[0] == "agreement" and o in blocks]
    for cross, groups in ((False, list(blocks.values())), (True, crossed)):
        for members in groups:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    ri, rj = find(i), find(j)
                    if ri == rj or not compatible(ri, rj):
                        continue
                    if same_event(keys[i], keys[j]) if not cross else \
                            families[ri].isdisjoint(families[rj]) and across(ri, rj):
                        unite(ri, rj)
    return forest.groups()
