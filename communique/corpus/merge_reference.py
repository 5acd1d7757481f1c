"""The all-pairs-per-block form of cross-document merging (corpus/merging.py): the specification that
:func:`merging.merge_events` is tested and benchmarked against."""

from __future__ import annotations

from .merge_checks import (EventKey, report_cast, cast_fits, dates_compatible, DateInfo, placed_alike, published_window,
                           union_officials, shared_window, named_officials, officials_compatible)
from .merging import CROSS_FAMILIES, cross_blocks, blocks_of, Forest, same_event

__all__ = ["merge_events_reference"]


def merge_events_reference(keys: list[EventKey]) -> list[list[int]]:
    """The all-pairs-per-block form of :func:`merge_events` (quadratic in a block's size): kept as
    the specification the indexed form is tested and benchmarked against."""
    forest = Forest(len(keys))
    parent, find = forest.parent, forest.find

    dates: dict[int, set[str]] = {i: ({k[3]} if k[3] else set()) for i, k in enumerate(keys)}
    countries: dict[int, set[str]] = {i: ({k[4]} if k[4] else set()) for i, k in enumerate(keys)}
    officials = {i: named_officials(k[5]) if len(k) > 5 else {} for i, k in enumerate(keys)}
    implied = {i: union_officials(officials[i], named_officials(k[6]) if len(k) > 6 else {})
               for i, k in enumerate(keys)}
    windows = {i: published_window(k) for i, k in enumerate(keys)}
    casts = {i: report_cast(k) for i, k in enumerate(keys)}
    unplaced = {i: [c[1]] if c and c[0] else [] for i, c in casts.items()}
    placed = {i: c[1] if c and not c[0] else None for i, c in casts.items()}

    def compatible(ri: int, rj: int) -> bool:
        # complete linkage on date, venue country and the officials named for each side: an undated
        # report must not chain two meetings
        return all(dates_compatible(a, b) for a in dates[ri] for b in dates[rj]) and \
            len(countries[ri] | countries[rj]) <= 1 and officials_compatible(officials[ri], officials[rj]) and \
            (bool(dates[ri] and dates[rj]) or placed_alike(officials[ri], implied[ri], officials[rj], implied[rj])) \
            and shared_window(windows[ri], windows[rj], [DateInfo(d) for d in dates[ri] | dates[rj]]) is not False \
            and cast_fits(unplaced[ri], placed[rj]) and cast_fits(unplaced[rj], placed[ri])

    families = {i: frozenset((k[1],)) for i, k in enumerate(keys)}

    def across(ri: int, rj: int) -> bool:      # _Clusters.cross_fits: a signing and a meeting, venue and day known
        return families[ri] | families[rj] == CROSS_FAMILIES and bool(countries[ri] and countries[rj]) and \
            any(DateInfo(d).day is not None for d in dates[ri] | dates[rj])

    def unite(ri: int, rj: int) -> None:
        parent[rj] = ri
        dates[ri] |= dates.pop(rj)
        countries[ri] |= countries.pop(rj)
        officials[ri] = union_officials(officials[ri], officials.pop(rj))
        implied[ri] = union_officials(implied[ri], implied.pop(rj))
        windows[ri] = shared_window(windows[ri], windows.pop(rj), ())  # type: ignore[assignment]
        unplaced[ri] += unplaced.pop(rj)
        pj = placed.pop(rj)
        placed[ri] = pj if placed[ri] is None else union_officials(placed[ri], pj or {})
        families[ri] |= families.pop(rj)

    blocks = blocks_of(keys)
    # each family first, then a signing and a meeting across families (the block of a pair in both families)
    crossed = [blocks[b] + blocks[o] for b in blocks for o in cross_blocks(b) if b[0] == "agreement" and o in blocks]
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
