"""The end-of-run refresh: what is stored -> near-duplicate copies, corpus actors, merged events and the
browse rows of the merged events that changed (store/browse_tables.py).

A store remembers which documents a refresh has seen. An incremental refresh (the default once a store
has been refreshed) recomputes only what the new documents reach: their near-duplicates (against the
known representatives), the actors their entities link to (persons are relinked as a whole, as one
new spelling can join two clusters), and the merge blocks their reports fall in, closed over the
reports sharing a block, so that every group that could change is recomputed from all its reports.
The result is the one a full refresh gives (tests/test_corpus_refresh.py compares them field by field).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from ..records import StoredReport
from ..store import Store
from .actors import refresh_actors
from .copies import refresh_copies
from .merging import EventKey, assign_corpus_ids, block_names, report_keys

__all__ = ["refresh_corpus", "refresh_merged_events"]


def refresh_corpus(store: Store, *, overlay: str | Path | None = None, full: bool = False) -> int:
    """Bring the cross-document tables up to date with what is stored; returns the number of merged
    events. ``full``: recompute everything (as for a store no refresh of this version has seen)."""
    new = store.unrefreshed_documents()
    full = full or not store.has_refreshed()
    with store.transaction():
        refresh_copies(store)
    with store.transaction():
        if not store.keeps_actors:
            groups, _ = refresh_merged_events(store, None if full else new)
        else:
            seen = refresh_actors(store, overlay, None if full else new)      # merging reads the actors
            groups, reached = refresh_merged_events(store, None if full else set(new) | seen.relinked)
            # a document dated only by the reports merged with its own is seen on another day now
            now = store.document_dates(reached)
            redated = {d for d in reached if now.get(d) != seen.dates.get(d)}
            if redated:
                refresh_actors(store, overlay, redated, added=False)
        store.mark_refreshed(new)
        store.refresh_browse()      # the browse rows of the merged events that changed (store/browse.py)
    return groups


def refresh_merged_events(store: Store, touched: Collection[str] | None = None) -> tuple[int, set[str] | None]:
    """Recompute the corpus event of the occurred reports of the ``touched`` documents and of every
    report that shares a merge block with them, transitively (None: of every report). Returns the
    number of merged events in the store and the documents of the reports recomputed (None: all)."""
    affiliations = store.actor_affiliations()
    reached: set[str] = set()

    def noting(reports: Iterable[StoredReport]) -> Iterator[StoredReport]:
        for r in reports:
            reached.add(r.doc_id)
            yield r

    if touched is None:
        keys = report_keys(noting(store.occurred_reports()), affiliations, store.persons_named,
                           store.published_dates)
        scope = None
    else:
        keys = _component_keys(store, touched, affiliations, noting)
        scope = {k[0] for k in keys}
    assignments, groups = assign_corpus_ids(keys)
    new = dict(assignments)
    old = store.corpus_event_ids(scope)
    changed: list[tuple[str, str | None]] = [(ev_id, cid) for ev_id, cid in new.items() if old.get(ev_id) != cid]
    changed += [(ev_id, None) for ev_id in old if ev_id not in new]
    store.set_corpus_events(changed)
    store.replace_merge_blocks(scope, [(block, k[0]) for k in keys for block in block_names(k)])
    return (groups if scope is None else store.count_corpus_events()), reached


def _component_keys(store: Store, touched: Collection[str], affiliations: dict[str, set[str]],
                    noting: Callable[[Iterable[StoredReport]], Iterator[StoredReport]]) -> list[EventKey]:
    """The merge keys of the touched documents' reports and of every report connected to them through
    a block (the blocks they are in now, and those they were in before), in report id order."""
    seed = report_keys(noting(store.occurred_reports(touched)), affiliations, store.persons_named,
                       store.published_dates)
    members = {k[0] for k in seed}
    frontier = {b for k in seed for b in block_names(k)}
    frontier |= {b for blocks in store.blocks_of(members).values() for b in blocks}
    seen: set[str] = set()
    while frontier:
        seen |= frontier
        reached = {ev for evs in store.merge_blocks(frontier).values() for ev in evs} - members
        members |= reached
        frontier = {b for blocks in store.blocks_of(reached).values() for b in blocks} - seen
    rest = members - {k[0] for k in seed}
    keys = seed + (report_keys(noting(store.occurred_reports(event_ids=rest)), affiliations, store.persons_named,
                               store.published_dates) if rest else [])
    keys.sort(key=lambda k: k[0])
    return keys
