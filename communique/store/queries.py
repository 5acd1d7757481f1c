"""Read queries over the store: corpus events with their sources, one event in full, rejected inputs."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from . import Connection

__all__ = ["corpus_events", "resolve_actors", "actor_aliases", "actor_documents",
           "StoredReject", "rejects"]


def corpus_events(con: Connection, *, include_planned: bool = False,
                  ids: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Merged real-world events (SCHEMA.md 'corpus events'), newest first, each with every source.

    ``ids``: only these corpus event ids (their reports, parties and entities read by joins on the ids, not
    by scanning the corpus). Filtering is the browse tables' work (store/browse.py), in SQL."""
    only, params = "", []
    if ids is not None:
        only, params = "WHERE coalesce(e.corpus_event, e.id) IN (SELECT unnest(?::VARCHAR[])) ", [sorted(ids)]
    rows = con.execute(
        "SELECT e.id, e.doc_id, e.type, e.status, e.date, e.date_precision, e.location_name, e.country, e.lat, "
        "e.lon, e.topics, e.confidence, coalesce(e.corpus_event, e.id), d.source, d.lang, dup.duplicate_of "
        "FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN duplicates dup ON dup.doc_id = d.id "
        f"{only}ORDER BY e.id", params).fetchall()
    parties, names = _parties_and_names(con, only, params)
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        if row[3] == "occurred" or include_planned:
            groups[row[12]].append(row)
    out = [_corpus_event(cid, members, parties, names) for cid, members in groups.items()]
    out.sort(key=lambda e: (e["date"] or "", e["id"]), reverse=True)
    return out


def _parties_and_names(con: Connection, only: str, params: list[Any]) -> tuple[
        dict[str, list[tuple[str, str | None, str | None]]], dict[tuple[str, str], tuple[str, str]]]:
    """The parties of the reports `only` selects (all when empty), and the names and kinds of their
    documents' entities."""
    reports = f"SELECT e.id, e.doc_id FROM events e {only}"
    parties: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    for ev_id, ent_id, role, aff in con.execute(
            f"SELECT p.event_id, p.entity_id, p.role, p.affiliation FROM event_parties p "
            f"JOIN ({reports}) r ON r.id = p.event_id" if only else
            "SELECT event_id, entity_id, role, affiliation FROM event_parties", params).fetchall():
        parties[ev_id].append((ent_id, role, aff))
    names = {(d, e): (n, k) for d, e, n, k in con.execute(
        f"SELECT n.doc_id, n.entity_id, n.name, n.kind FROM entities n "
        f"WHERE n.doc_id IN (SELECT r.doc_id FROM ({reports}) r)" if only else
        "SELECT doc_id, entity_id, name, kind FROM entities", params).fetchall()}
    return parties, names


def _corpus_event(cid: str, members: list[tuple], parties: Mapping[str, list[tuple[str, str | None, str | None]]],
                  names: Mapping[tuple[str, str], tuple[str, str]]) -> dict[str, Any]:
    """One merged event from its reports (rows of corpus_events' query): the best report's fields and
    parties, the most precise date, every source."""
    best = max(members, key=lambda r: (r[11], r[4] or ""))
    dates = [r[4] for r in members if r[4]]
    ev_date = max(dates, key=len) if dates else None
    party_list = []
    seen = set()
    for ent_id, role, aff in parties[best[0]]:
        name, kind = names.get((best[1], ent_id), (ent_id, None))
        aff_name = names.get((best[1], aff), (aff, None))[0] if aff else None
        if ent_id in seen:
            continue
        seen.add(ent_id)
        party_list.append({"entity": ent_id, "name": name, "kind": kind, "role": role,
                           "affiliation": aff, "affiliation_name": aff_name})
    return {
        "id": cid, "type": best[2], "status": best[3], "date": ev_date,
        "date_precision": {10: "day", 7: "month", 4: "year"}.get(len(ev_date)) if ev_date else None,
        "location": {"name": best[6], "country": best[7], "lat": best[8], "lon": best[9]} if best[6] else None,
        "parties": party_list, "topics": json.loads(best[10] or "[]"),
        "confidence": max(r[11] for r in members),
        "sources": [{"document": r[1], "source": r[13], "lang": r[14], "event": r[0], "copy_of": r[15]}
                    for r in members],
        # syndicated copies of one story count once
        "reports": len({r[15] or r[1] for r in members}),
    }


def resolve_actors(events: list[dict[str, Any]], links: Mapping[tuple[str, str], str],
                   actors: Mapping[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """Corpus events with party and affiliation ids resolved to corpus actor ids and names
    (SCHEMA.md 'corpus events'). ``links`` maps (document id, entity id) to an actor id,
    ``actors`` an actor id to (name, kind); a party keeps its document entity id as ``mention``.
    Two parties of one event that are one actor are listed once."""
    out = []
    for ev in events:
        docs = [s["document"] for s in ev["sources"]]

        def actor_of(entity: str) -> str:
            for d in docs:
                hit = links.get((d, entity))
                if hit is not None:
                    return hit
            return entity

        parties, seen = [], set()
        for p in ev["parties"]:
            aid = actor_of(p["entity"])
            if aid in seen:
                continue
            seen.add(aid)
            name, kind = actors.get(aid, (p["name"], p["kind"]))
            aff = actor_of(p["affiliation"]) if p.get("affiliation") else None
            aff_name = actors[aff][0] if aff in actors else p.get("affiliation_name")
            parties.append({**p, "entity": aid, "name": name, "kind": kind, "affiliation": aff,
                            "affiliation_name": aff_name, "mention": p["entity"]})
        out.append({**ev, "parties": parties})
    return out


def actor_aliases(con: Connection) -> list[tuple[str, str, str, str]] | None:
    """Every form of every corpus actor, (actor id, kind, actor name, form), the id and name
    included as forms; None when the store keeps no corpus actor tables."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'corpus_actors'"
                         ).fetchone()[0]
    if not exists:
        return None
    rows = con.execute("SELECT a.id, a.kind, a.name, f.form FROM corpus_actors a JOIN actor_forms f "
                       "ON f.actor_id = a.id ORDER BY a.id, f.form").fetchall()
    named = {(a, k, n) for a, k, n, _ in rows} | set(con.execute("SELECT id, kind, name FROM corpus_actors").fetchall())
    return [tuple(r) for r in rows] + [(a, k, n, n) for a, k, n in sorted(named)]


def actor_documents(con: Connection) -> dict[str, int]:
    """Corpus actor id -> the number of documents that name it, as the last refresh stored them."""
    return dict(con.execute("SELECT id, documents FROM corpus_actors").fetchall())


@dataclass(frozen=True, slots=True)
class StoredReject:
    """An input the pipeline could not process, as the `rejects` table keeps it."""

    source: str
    stage: str
    reason: str
    doc_id: str | None
    rejected_at: str | None          # ISO timestamp


def rejects(con: Connection, *, stage: str | None = None) -> list[StoredReject]:
    """The rejected inputs (of one stage when `stage` is given), oldest first, then by source."""
    sql = "SELECT source, stage, reason, doc_id, rejected_at FROM rejects"
    params: list[Any] = []
    if stage is not None:
        sql += " WHERE stage = ?"
        params.append(stage)
    rows = con.execute(sql + " ORDER BY rejected_at, source, stage", params).fetchall()
    return [StoredReject(src, stg, reason, doc_id, at.isoformat(sep=" ", timespec="seconds") if at else None)
            for src, stg, reason, doc_id, at in rows]
