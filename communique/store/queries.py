"""Read queries over the store: corpus events with their sources, one event in full, rejected inputs."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..textnorm import fold
from . import Connection

__all__ = ["corpus_events", "show_event", "resolve_actors", "actor_aliases", "actor_documents", "stored_actor_links",
           "StoredReject", "rejects"]


def corpus_events(con: Connection, *, actor: str | None = None, type: str | None = None, since: str | None = None,
                  until: str | None = None, include_planned: bool = False,
                  ids: list[str] | None = None, actor_ids: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Merged real-world events (SCHEMA.md 'corpus events'), newest first, each with every source.

    ``ids``: only these corpus event ids (read by index, not by scanning the corpus). ``actor_ids``: only
    events where a report gives one of these corpus actors (``actor_links``) as a party or a party's
    affiliation. ``actor``: only events where a report's party has a form containing this text (for stores
    without corpus actor tables)."""
    only, params = "", []
    if ids is not None:
        only, params = "WHERE coalesce(e.corpus_event, e.id) IN (SELECT unnest(?::VARCHAR[])) ", [list(ids)]
    rows = con.execute(
        "SELECT e.id, e.doc_id, e.type, e.status, e.date, e.date_precision, e.location_name, e.country, e.lat, "
        "e.lon, e.topics, e.confidence, coalesce(e.corpus_event, e.id), d.source, d.lang, dup.duplicate_of "
        "FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN duplicates dup ON dup.doc_id = d.id "
        f"{only}ORDER BY e.id", params).fetchall()
    parties: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    names: dict[tuple[str, str], tuple[str, str]] = {}
    if ids is not None:
        for r in rows:
            for ent_id, role, aff in con.execute("SELECT entity_id, role, affiliation FROM event_parties "
                                                 "WHERE event_id = ?", [r[0]]).fetchall():
                parties[r[0]].append((ent_id, role, aff))
            names.update({(r[1], e): (n, k) for e, n, k in con.execute(
                "SELECT entity_id, name, kind FROM entities WHERE doc_id = ?", [r[1]]).fetchall()})
    else:
        for ev_id, ent_id, role, aff in con.execute("SELECT event_id, entity_id, role, affiliation FROM event_parties").fetchall():
            parties[ev_id].append((ent_id, role, aff))
        names = {(d, e): (n, k) for d, e, n, k in con.execute("SELECT doc_id, entity_id, name, kind FROM entities").fetchall()}
    forms: dict[tuple[str, str], list[str]] = {}
    if actor:
        for d, e, f in con.execute("SELECT doc_id, entity_id, forms FROM entities").fetchall():
            forms[(d, e)] = json.loads(f)
    linked: dict[tuple[str, str], str] = {}
    if actor_ids is not None:
        linked = {(d, e): a for d, e, a in con.execute(
            "SELECT doc_id, entity_id, actor_id FROM actor_links WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(actor_ids)]).fetchall()}
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        if row[3] != "occurred" and not include_planned:
            continue
        groups[row[12]].append(row)
    out = []
    for cid, members in groups.items():
        best = max(members, key=lambda r: (r[11], r[4] or ""))
        dates = [r[4] for r in members if r[4]]
        ev_date = max(dates, key=len) if dates else None
        if type and best[2] != type and not any(r[2] == type for r in members):
            continue
        if since and (not ev_date or ev_date < since):
            continue
        if until and (not ev_date or ev_date[: len(until)] > until):
            continue
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
        if actor_ids is not None and not any(
                (r[1], e) in linked for r in members for ent_id, _, aff in parties[r[0]] for e in (ent_id, aff) if e):
            continue
        if actor:
            key = fold(actor)
            hit = False
            for r in members:
                for ent_id, _, aff in parties[r[0]]:
                    for e in (ent_id, aff):
                        if e and (key in fold(names.get((r[1], e), ("", ""))[0]) or
                                  any(key in fold(f) for f in forms.get((r[1], e), []))):
                            hit = True
            if not hit:
                continue
        out.append({
            "id": cid, "type": best[2], "status": best[3], "date": ev_date,
            "date_precision": {10: "day", 7: "month", 4: "year"}.get(len(ev_date)) if ev_date else None,
            "location": {"name": best[6], "country": best[7], "lat": best[8], "lon": best[9]} if best[6] else None,
            "parties": party_list, "topics": json.loads(best[10] or "[]"),
            "confidence": max(r[11] for r in members),
            "sources": [{"document": r[1], "source": r[13], "lang": r[14], "event": r[0], "copy_of": r[15]}
                        for r in members],
            # syndicated copies of one story count once
            "reports": len({r[15] or r[1] for r in members}),
        })
    out.sort(key=lambda e: (e["date"] or "", e["id"]), reverse=True)
    return out


def show_event(con: Connection, event_id: str) -> dict[str, Any] | None:
    """One event (a per-document id or a corpus id) with its parties and evidence sentences."""
    row = con.execute("SELECT id, coalesce(corpus_event, id) FROM events WHERE id = ? OR corpus_event = ? LIMIT 1",
                      [event_id, event_id]).fetchone()
    if row is None:
        return None
    cid = row[1]
    for ev in corpus_events(con, include_planned=True, ids=[cid]):
        if ev["id"] == cid:
            ev["evidence"] = []
            for src in ev["sources"]:
                for start, end, text in con.execute(
                        "SELECT start_char, end_char, text FROM evidence WHERE event_id = ? ORDER BY start_char",
                        [src["event"]]).fetchall():
                    ev["evidence"].append({"source": src["source"], "start": start, "end": end, "text": text})
            return ev
    return None


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


def stored_actor_links(con: Connection) -> dict[tuple[str, str], str]:
    """(document id, entity id) -> corpus actor id, as the last refresh stored them."""
    return {(d, e): a for d, e, a in con.execute("SELECT doc_id, entity_id, actor_id FROM actor_links").fetchall()}


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
