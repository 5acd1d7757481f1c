"""The cross-document tables a store keeps current after its writes: merged (corpus) events and
near-duplicate copies. The same SQL runs on DuckDB and PostgreSQL; the caller holds the transaction.

Near-duplicates are incremental: a document's fingerprint is stored with it (computed by the worker
that parsed it), and a refresh checks only the documents not checked yet, in stored order, against
the representatives already known (band hashes in ``fingerprint_bands``), a chunk at a time. Merged
events are recomputed over every stored report (stages.merge is linear in the reports of a block
pair), and only the reports whose corpus event changed are updated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..stages.merge import CopyFinder, band_keys, corpus_assignments, fingerprint
from .rows import insert_columns

__all__ = ["refresh_copies", "refresh_merged_events"]

#: documents read (texts) or checked (fingerprints) per round trip
CHUNK = 2000


def refresh_merged_events(con: Any) -> int:
    """Recompute the corpus event of every occurred report; returns the number of merged events."""
    if _has_actor_links(con):
        # parties as corpus actors, and the state or organization a person acts for
        query = ("SELECT e.id, e.doc_id, e.type, e.date, e.country, p.entity_id, n.kind, n.name, l.actor_id, "
                 "CASE WHEN n.kind = 'person' AND an.kind IN ('state', 'organization') "
                 "THEN coalesce(la.actor_id, an.entity_id) END FROM events e "
                 "LEFT JOIN event_parties p ON p.event_id = e.id "
                 "LEFT JOIN entities n ON n.doc_id = e.doc_id AND n.entity_id = p.entity_id "
                 "LEFT JOIN actor_links l ON l.doc_id = e.doc_id AND l.entity_id = p.entity_id "
                 "LEFT JOIN entities an ON an.doc_id = e.doc_id AND an.entity_id = coalesce(p.affiliation, n.affiliation) "
                 "LEFT JOIN actor_links la ON la.doc_id = e.doc_id AND la.entity_id = an.entity_id "
                 "WHERE e.status = 'occurred' ORDER BY e.id")
    else:
        query = ("SELECT e.id, e.doc_id, e.type, e.date, e.country, p.entity_id, n.kind, n.name FROM events e "
                 "LEFT JOIN event_parties p ON p.event_id = e.id "
                 "LEFT JOIN entities n ON n.doc_id = e.doc_id AND n.entity_id = p.entity_id "
                 "WHERE e.status = 'occurred' ORDER BY e.id")
    affiliations: dict[str, set[str]] = defaultdict(set)
    if _has_actor_links(con):
        for actor, aff in con.execute("SELECT actor_id, affiliation FROM actor_affiliations").fetchall():
            affiliations[actor].add(aff)
    assignments, groups = corpus_assignments(_fetch_in_parts(con.execute(query)), affiliations)
    new = dict(assignments)
    old = dict(con.execute("SELECT id, corpus_event FROM events WHERE corpus_event IS NOT NULL").fetchall())
    changed = [(ev_id, cid) for ev_id, cid in new.items() if old.get(ev_id) != cid]
    changed += [(ev_id, None) for ev_id in old if ev_id not in new]
    for start in range(0, len(changed), 50_000):
        part = changed[start:start + 50_000]
        con.execute("UPDATE events SET corpus_event = m.cid FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                    "unnest(?::VARCHAR[]) AS cid) m WHERE events.id = m.id",
                    [[e for e, _ in part], [c for _, c in part]])
    return groups


def _has_actor_links(con: Any) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'actor_links'"
                       ).fetchone()[0] > 0


def _fetch_in_parts(cursor: Any, size: int = 50_000) -> Iterator[tuple]:
    while part := cursor.fetchmany(size):
        yield from part


def refresh_copies(con: Any, *, chunk: int = CHUNK) -> int:
    """Record the near-duplicate copies among the documents not checked yet; returns how many."""
    _fingerprint_missing(con, chunk)
    todo = [doc_id for _, doc_id in sorted(con.execute(
        "SELECT d.stored_at, f.doc_id FROM fingerprints f JOIN documents d ON d.id = f.doc_id "
        "WHERE f.representative IS NULL").fetchall())]   # sorted here: the same order whatever the collation
    return sum(_check(con, todo[start:start + chunk]) for start in range(0, len(todo), chunk))


def _fingerprint_missing(con: Any, chunk: int) -> None:
    """Documents stored without a fingerprint (by an older version): fingerprint them from their text."""
    while rows := con.execute("SELECT d.id, d.text FROM documents d WHERE NOT EXISTS "
                              "(SELECT 1 FROM fingerprints f WHERE f.doc_id = d.id) LIMIT ?", [chunk]).fetchall():
        insert_columns(con, "fingerprints", ["VARCHAR", "BYTEA", "BOOLEAN"],
                       [[doc_id, fingerprint(text or ""), None] for doc_id, text in rows])


def _check(con: Any, ids: list[str]) -> int:
    """Check one chunk of unchecked documents (in stored order) against the known representatives
    and each other; returns the number of copies found."""
    sigs = {doc_id: bytes(sig) for doc_id, sig in con.execute(
        "SELECT doc_id, signature FROM fingerprints WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
        "AND signature IS NOT NULL", [ids]).fetchall()}
    keys = {doc_id: band_keys(sig) for doc_id, sig in sigs.items()}
    finder = CopyFinder()
    bands = [b for k in keys.values() for b in range(len(k))]
    hashes = [h for k in keys.values() for h in k]
    if hashes:
        for _, rep, sig in sorted(con.execute(
                "SELECT d.stored_at, f.doc_id, f.signature FROM fingerprints f JOIN documents d ON d.id = f.doc_id "
                "WHERE f.doc_id IN (SELECT b.doc_id FROM fingerprint_bands b JOIN (SELECT unnest(?::INTEGER[]) AS band, "
                "unnest(?::BIGINT[]) AS hash) t ON b.band = t.band AND b.hash = t.hash)", [bands, hashes]).fetchall(),
                key=lambda row: row[:2]):
            finder.add(rep, bytes(sig))
    copies: list[list[str]] = []
    flags: list[bool] = []
    new_bands: list[list[Any]] = []
    for doc_id in ids:
        sig = sigs.get(doc_id)
        rep = finder.copy_of(sig, keys[doc_id]) if sig is not None else None
        if sig is not None and rep is None:
            finder.add(doc_id, sig, keys[doc_id])
            new_bands += [[band, h, doc_id] for band, h in enumerate(keys[doc_id])]
        elif rep is not None:
            copies.append([doc_id, rep])
        flags.append(sig is not None and rep is None)
    insert_columns(con, "duplicates", ["VARCHAR", "VARCHAR"], copies, tail=" ON CONFLICT DO NOTHING")
    insert_columns(con, "fingerprint_bands", ["INTEGER", "BIGINT", "VARCHAR"], new_bands)
    con.execute("UPDATE fingerprints SET representative = m.rep FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                "unnest(?::BOOLEAN[]) AS rep) m WHERE fingerprints.doc_id = m.id", [ids, flags])
    return len(copies)
