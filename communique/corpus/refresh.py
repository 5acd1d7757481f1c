"""The end-of-run refresh: what is stored -> near-duplicate copies, corpus actors, merged events and the
browse rows of the merged events that changed (store/browse_tables.py).

A store remembers which documents a refresh has seen. An incremental refresh (the default once a store
has been refreshed) recomputes only what the new documents reach: their near-duplicates (against the
known representatives), the actors their entities link to (persons by the components they reach,
communique.corpus.relinking), and their reports' merged events: the new reports (and those of documents
whose parties were relinked, with the other reports of the groups these were in) are merged into the
stored groups they share a block with (merging.merge_into_groups), so that no other report is read.
On the corpora of tests/test_corpus_refresh.py and the 10k bench store the result is the one a full
refresh gives, table by table; where a report fits two groups that do not fit each other, the group it
joins depends on the order reports are merged in (here: the order they arrived in)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path

from ..records import StoredReport
from ..store import Store
from .actors import redate_actors, refresh_actors
from .copies import refresh_copies
from .merging import EventKey, merge_into_groups
from .report_keys import assign_corpus_ids, block_names, neighbour_block_names, report_keys

__all__ = ["refresh_corpus", "refresh_merged_events", "key_digest"]

#: reads the merge keys of some reports (by id)
KeysOf = Callable[[Collection[str]], list[EventKey]]


def refresh_corpus(store: Store, *, overlay: str | Path | None = None, full: bool = False) -> int:
    """Bring the cross-document tables up to date with what is stored; returns the number of merged
    events. ``full``: recompute everything (as for a store no refresh of this version has seen)."""
    new = store.unrefreshed_documents()
    full = full or not store.has_refreshed()
    store.track_changes()
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
            if redated and not redate_actors(store, {d: seen.dates.get(d) for d in redated},
                                             {d: now.get(d) for d in redated}):
                refresh_actors(store, overlay, redated, added=False)
        store.mark_refreshed(new)
        store.refresh_browse(None if full else new)     # the rows of the merged events that changed
    return groups


def refresh_merged_events(store: Store, touched: Collection[str] | None = None) -> tuple[int, set[str]]:
    """Recompute the corpus events (None: of every report; else incrementally, :func:`merge_into_groups`):
    the occurred reports of the ``touched`` documents, and the other reports of the stored groups they were in,
    are merged into the stored groups they share a block with. Returns the number of merged events in the
    store and the documents of the groups that were recomputed (all of them in a full refresh)."""
    affiliations = store.actor_affiliations()
    documents: dict[str, str] = {}      # report -> its document

    def read_keys(reports: Iterable[StoredReport]) -> list[EventKey]:
        return report_keys(_noting(reports, documents), affiliations, store.persons_named, store.published_dates)

    def keys_of(event_ids: Collection[str]) -> list[EventKey]:
        return read_keys(store.occurred_reports(event_ids=event_ids)) if event_ids else []

    if touched is None:
        keys = read_keys(store.occurred_reports())
        assignments, groups = assign_corpus_ids(keys)
        old = store.corpus_event_ids()
        store.set_corpus_events([(ev_id, cid) for ev_id, cid in assignments if old.pop(ev_id, None) != cid] +
                                [(ev_id, None) for ev_id in old])       # what is left of old: reports gone
        del assignments, old
        # the rows written a part at a time (a generator): hundreds of thousands of them at 100k documents
        store.replace_merge_blocks(None, ((block, k[0]) for k in keys for block in block_names(k)))
        store.replace_merge_keys(None, ((k[0], key_digest(k)) for k in keys))
        return groups, set(documents.values())
    added = _changed_keys(store, touched, keys_of, documents)
    old = store.corpus_event_ids([k[0] for k in added])
    dissolved = store.corpus_event_reports(set(old.values()))      # the stored groups the touched reports were in
    changed = {k[0] for k in added}
    rest = [r for members in dissolved.values() for r in members if r[0] not in changed]
    if rest:
        added = sorted(added + _unchanged_keys(rest, keys_of, documents), key=lambda k: k[0])
    old.update((ev, cid) for cid, members in dissolved.items() for ev, _, _ in members)
    near = store.corpus_event_reports(store.corpus_events_in_blocks(
        {b for k in added for b in neighbour_block_names(k)}) - dissolved.keys())
    stored = _stored_groups(near, keys_of, documents)
    old.update((ev, cid) for cid, members in near.items() for ev, _, _ in members)
    ids = [(ev,) for _, members in stored for ev in members] + [(k[0],) for k in added]
    assignments, _ = assign_corpus_ids(ids, _merged_with_added(stored, added))
    store.set_corpus_events([(ev_id, cid) for ev_id, cid in assignments if old.get(ev_id) != cid])
    store.replace_merge_blocks({k[0] for k in added}, [(block, k[0]) for k in added for block in block_names(k)])
    store.replace_merge_keys({k[0] for k in added}, [(k[0], key_digest(k)) for k in added])
    return store.count_corpus_events(), {documents[ev_id] for ev_id, _ in assignments}


def _changed_keys(store: Store, touched: Collection[str], keys_of: KeysOf, documents: dict[str, str]
                  ) -> list[EventKey]:
    """The merge keys of the occurred reports of the ``touched`` documents whose digest differs from the one
    the store kept (every key of a new report): a report of a relinked document whose merge key the
    relinking left as it was stays in its group unread. Reports with the same inputs (the store's
    signature: copies of one story) have the same key, which is computed once."""
    alike: dict[str, list[tuple[str, str | None]]] = defaultdict(list)     # signature -> (report, kept digest)
    for ev_id, doc_id, signature, kept in store.report_signatures(touched):
        documents[ev_id] = doc_id
        alike[signature].append((ev_id, kept))
    first = {members[0][0]: members for members in alike.values()}
    out = []
    for key in keys_of(first):
        digest = key_digest(key)
        out += [(ev_id,) + key[1:] for ev_id, kept in first[key[0]] if kept != digest]
    out.sort(key=lambda k: k[0])
    return out


def _unchanged_keys(reports: list[tuple[str, str, str | None]], keys_of: KeysOf, documents: dict[str, str]
                    ) -> list[EventKey]:
    """The merge keys of stored reports (report, document, stored key digest) whose key did not change: one
    report of each digest is read, the others (copies of one story) take its key with their own id."""
    alike: dict[str, list[str]] = defaultdict(list)
    for ev_id, doc_id, digest in reports:
        documents[ev_id] = doc_id
        alike[digest or ev_id].append(ev_id)
    first = {members[0]: members for members in alike.values()}
    return [(ev_id,) + key[1:] for key in keys_of(first) for ev_id in first[key[0]]]


def _stored_groups(near: Mapping[str, list[tuple[str, str, str | None]]], keys_of: KeysOf,
                   documents: dict[str, str]) -> list[tuple[list[EventKey], list[str]]]:
    """The stored groups an incremental merge tries, each as (the key of one report of each kind it holds,
    every report of it), in the order of their first report. Reports whose stored key digests are equal
    differ by their id only (copies of one story): only the first of them is read, since only those decide
    what joins the group (a group of thousands of copies is read as a few reports)."""
    kinds_of: list[dict[str, list[str]]] = []     # per group: the first report of a kind -> the reports of it
    for members in near.values():
        kinds: dict[str, str] = {}
        alike: dict[str, list[str]] = defaultdict(list)
        for ev_id, doc_id, digest in members:
            documents[ev_id] = doc_id
            alike[kinds.setdefault(digest or ev_id, ev_id)].append(ev_id)
        kinds_of.append(alike)
    by_id = {k[0]: k for k in keys_of({ev for alike in kinds_of for ev in alike})}
    groups = [([by_id[ev] for ev in alike if ev in by_id], sorted(m for ev, ms in alike.items() if ev in by_id for m in ms))
              for alike in kinds_of]
    return sorted((g for g in groups if g[0]), key=lambda g: g[1][0])


def key_digest(key: EventKey) -> str:
    """A digest of a merge key but its report id, the same in every process (sets written sorted)."""
    parts = []
    for part in key[1:]:
        if isinstance(part, frozenset):
            part = "\x1e".join(sorted(v if isinstance(v, str) else "\x1d".join(sorted(v)) for v in part))
        parts.append("\x00" if part is None else part)
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=12).hexdigest()


def _merged_with_added(stored: list[tuple[list[EventKey], list[str]]], added: list[EventKey]) -> list[list[int]]:
    """The groups :func:`merge_into_groups` gives that hold an added report, as indexes over the stored
    groups' reports and then the added ones. A stored group (the keys of one report of each kind it holds,
    and every report of it) is merged as one report of each kind, since only those decide what joins it."""
    starts, n = [], 0
    for _, members in stored:
        starts.append(n)
        n += len(members)
    owner = [g for g, (kinds, _) in enumerate(stored) for _ in kinds]      # merged index -> its stored group
    out = []
    for group in merge_into_groups([kinds for kinds, _ in stored], added):
        if max(group) < len(owner):
            continue
        indexes = [n + i - len(owner) for i in group if i >= len(owner)]
        for g in {owner[i] for i in group if i < len(owner)}:
            indexes += range(starts[g], starts[g] + len(stored[g][1]))
        out.append(indexes)
    return out


def _noting(reports: Iterable[StoredReport], documents: dict[str, str]) -> Iterator[StoredReport]:
    """The reports, each noted with its document on the way."""
    for r in reports:
        documents[r.id] = r.doc_id
        yield r
