"""Browse queries: the browse tables (store/browse_tables.py) -> merged events filtered, searched, counted and
paged in SQL, one event by id, actors, the actor network, documents.

Every function takes the connection that holds the browse tables (`browse_tables.browse_source`: the store
itself, DuckDB or PostgreSQL, or an in-memory copy of a stale read-only store) and uses bound parameters only.
`communique events` and `show` and the web app (communique.serve) read through these functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..textnorm import fold, is_arabic
from . import Connection
from .browse_tables import has_table

__all__ = ["EventFilter", "EventPage", "list_events", "event_timeline", "get_event", "event_evidence",
           "list_events_json", "list_actors", "get_actor", "actor_network", "list_documents", "get_document",
           "list_rejects", "EVENT_TYPES", "STATUSES", "SORTS"]

EVENT_TYPES = ("meet", "visit", "call", "agreement", "conference")
STATUSES = ("occurred", "planned", "negated", "any")
SORTS = {"date": "date_key DESC, id DESC", "-date": "date_key ASC, id ASC", "confidence": "confidence DESC, id DESC",
         "reports": "reports DESC, date_key DESC, id DESC"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the events list, its timeline, its downloads and the network are filtered by (all optional)."""

    actor: str | None = None        # any form of an actor in any script, folded substring
    actor_ids: tuple[str, ...] = ()  # events involving one of these corpus actors (a party or a party's affiliation)
    type: str | None = None
    status: str = "occurred"        # or planned, negated, any
    country: str | None = None      # venue country, ISO 3166 alpha-2
    lang: str | None = None         # a language among the event's sources
    since: str | None = None        # YYYY[-MM[-DD]]
    until: str | None = None
    q: str | None = None            # full-text search over titles, evidence and party names
    sort: str = "date"
    limit: int | None = 50          # None: every match
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    events: list[dict[str, Any]]


def _contains(db: Connection, column: str) -> str:
    """A substring test: DuckDB's contains() (measured: a third faster than strpos there), else strpos()."""
    import duckdb

    return f"contains({column}, ?)" if isinstance(db, duckdb.DuckDBPyConnection) else f"strpos({column}, ?) > 0"


# -- events -----------------------------------------------------------------------------------------
def _where(db: Connection, f: EventFilter) -> tuple[str, list[Any]]:
    """The SQL condition and bound parameters of a filter (over table `browse_events`)."""
    clauses, params = [], []
    if f.status != "any":
        clauses.append("status = ?")
        params.append(f.status)
    if f.type:
        clauses.append(f"(type = ? OR {_contains(db, 'types')})")
        params += [f.type, f",{f.type},"]
    if f.country:
        clauses.append("country = ?")
        params.append(f.country.upper())
    if f.lang:
        clauses.append(_contains(db, "langs"))
        params.append(f",{f.lang},")
    if f.since:
        clauses.append("date IS NOT NULL AND date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("date IS NOT NULL AND substr(date, 1, ?) <= ?")
        params += [len(f.until), f.until]
    if f.actor and fold(f.actor):
        clauses.append(_contains(db, "actor_key"))
        params.append(fold(f.actor))
    if f.actor_ids:
        clauses.append("id IN (SELECT event_id FROM browse_event_actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])))")
        params.append(list(f.actor_ids))
    if f.q and fold(f.q):
        for word in fold(f.q).split():
            clauses.append(_contains(db, "text_key"))
            params.append(word)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_events(db: Connection, f: EventFilter, *, resolved: bool = True) -> EventPage:
    """One page of merged events matching the filter, and how many match in all. `resolved`: parties as
    corpus actors (`communique events`, the web), else as the document entities of the best report."""
    total, rows = list_events_json(db, f, resolved=resolved)
    return EventPage(total, [json.loads(r) for r in rows])


def list_events_json(db: Connection, f: EventFilter, *, resolved: bool = True) -> tuple[int, list[str]]:
    """`list_events` with each event as the JSON text it is stored as (the API sends it unparsed). The page's
    ids are sorted on the narrow columns first; only its rows' JSON is read."""
    where, params = _where(db, f)
    page_sql, page_params = f" ORDER BY {SORTS[f.sort]}", list(params)
    if f.limit is not None:
        page_sql += " LIMIT ? OFFSET ?"
        page_params += [f.limit, f.offset]
    if f.q or f.actor:      # a text scan: do it once, for the page and the total (measured: faster)
        page = db.execute(f"SELECT id, count(*) OVER () FROM browse_events{where}{page_sql}", page_params).fetchall()
        total = page[0][1] if page else (db.execute(f"SELECT count(*) FROM browse_events{where}", params).fetchone()[0]
                                          if f.offset else 0)
    else:                   # cheap conditions: a count, then a top-N sort (faster than the window)
        total = db.execute(f"SELECT count(*) FROM browse_events{where}", params).fetchone()[0]
        page = db.execute(f"SELECT id FROM browse_events{where}{page_sql}", page_params).fetchall()
    if not page:
        return int(total), []
    ids = [r[0] for r in page]
    column = "resolved" if resolved else "record"
    found = dict(db.execute(f"SELECT id, {column} FROM browse_events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [ids]).fetchall())
    return int(total), [found[i] for i in ids]


def event_timeline(db: Connection, f: EventFilter, unit: str = "month") -> list[tuple[str, int]]:
    """Counts of matching dated events per month (YYYY-MM) or ISO week (YYYY-Www, day-precise dates only)."""
    where, params = _where(db, f)
    if unit == "week":
        where += (" AND " if where else " WHERE ") + "length(date) = 10"
        rows = db.execute("SELECT extract(isoyear FROM CAST(date AS DATE)) AS y, extract(week FROM CAST(date AS DATE)) "
                          f"AS w, count(*) FROM browse_events{where} GROUP BY y, w ORDER BY y, w", params).fetchall()
        return [(f"{int(y)}-W{int(w):02d}", int(n)) for y, w, n in rows]
    where += (" AND " if where else " WHERE ") + "length(date) >= 7"
    rows = db.execute(f"SELECT substr(date, 1, 7) AS k, count(*) FROM browse_events{where} GROUP BY k ORDER BY k",
                      params).fetchall()
    return [(k, int(n)) for k, n in rows]


def get_event(db: Connection, event_id: str, *, resolved: bool = True,
              con: Connection | None = None) -> dict[str, Any] | None:
    """One merged event by its corpus id, or by the id of one of its reports (looked up in the store `con`,
    default `db`): index lookups, no corpus scan."""
    column = "resolved" if resolved else "record"
    row = db.execute(f"SELECT {column} FROM browse_events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        report = (con or db).execute("SELECT coalesce(corpus_event, id) FROM events WHERE id = ?", [event_id]).fetchone()
        if report is not None:
            row = db.execute(f"SELECT {column} FROM browse_events WHERE id = ?", [report[0]]).fetchone()
    return json.loads(row[0]) if row else None


def event_evidence(con: Connection, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence sentence of every source of a merged event, with its document and offsets."""
    out = []
    for src in event["sources"]:
        for start, end, text in con.execute("SELECT start_char, end_char, text FROM evidence WHERE event_id = ? "
                                            "ORDER BY start_char", [src["event"]]).fetchall():
            out.append({"document": src["document"], "source": src["source"], "lang": src["lang"],
                        "start": start, "end": end, "text": text})
    return out


# -- actors -----------------------------------------------------------------------------------------
def list_actors(db: Connection, q: str | None = None, kind: str | None = None, limit: int = 50,
                offset: int = 0) -> EventPage:
    """Corpus actors whose name or any alias (any script, folded) contains `q`, most events first."""
    clauses, params = [], []
    if q and fold(q):
        clauses.append(_contains(db, "forms_key"))
        params.append(fold(q))
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = db.execute(f"SELECT count(*) FROM browse_actors{where}", params).fetchone()[0]
    rows = db.execute(f"SELECT id, kind, name, events FROM browse_actors{where} ORDER BY events DESC, name, id "
                      "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return EventPage(int(total), [{"id": a, "kind": k, "name": n, "events": e} for a, k, n, e in rows])


def get_actor(db: Connection, con: Connection, actor_id: str) -> dict[str, Any] | None:
    """An actor: names in every script, titles and affiliations over time, its events, its top partners.
    `db` holds the browse tables, `con` is the store."""
    row = db.execute("SELECT id, kind, name, events, forms FROM browse_actors WHERE id = ?", [actor_id]).fetchone()
    if row is None:
        return None
    if has_table(con, "actor_forms"):
        aliases, titles, affiliations = _actor_history(db, con, actor_id)
    else:               # no corpus actor tables: the forms the documents gave
        aliases = [{"form": f, "script": "Arab" if is_arabic(f) else "Latn", "first_seen": None, "last_seen": None,
                    "documents": None} for f in json.loads(row[4])]
        titles, affiliations = [], []
    events = list_events(db, EventFilter(actor_ids=(actor_id,), limit=500)).events
    partners = [{"id": p, "name": n, "events": int(c)} for p, n, c in db.execute(
        "SELECT b.actor_id, min(b.name), count(DISTINCT b.event_id) AS n FROM browse_event_actors a "
        "JOIN browse_event_actors b ON a.event_id = b.event_id AND b.actor_id <> a.actor_id AND b.shown "
        "WHERE a.actor_id = ? AND a.shown AND a.status = 'occurred' "
        "GROUP BY b.actor_id ORDER BY n DESC, b.actor_id LIMIT 10", [actor_id]).fetchall()]
    return {"id": row[0], "kind": row[1], "name": row[2], "event_count": row[3], "aliases": aliases,
            "titles": titles, "affiliations": affiliations, "events": events, "partners": partners}


def _actor_history(db: Connection, con: Connection, actor_id: str) -> tuple[list[dict[str, Any]], ...]:
    aliases = [{"form": f, "script": s, "first_seen": a, "last_seen": b, "documents": n} for f, s, a, b, n in
               con.execute("SELECT form, script, first_seen, last_seen, documents FROM actor_forms WHERE actor_id = ? "
                           "ORDER BY documents DESC, form", [actor_id]).fetchall()]
    titles = [{"title": t, "first_seen": a, "last_seen": b, "documents": n} for t, a, b, n in
              con.execute("SELECT title, first_seen, last_seen, documents FROM actor_titles WHERE actor_id = ? "
                          "ORDER BY first_seen NULLS LAST, title", [actor_id]).fetchall()]
    rows = con.execute("SELECT affiliation, first_seen, last_seen, documents FROM actor_affiliations "
                       "WHERE actor_id = ? ORDER BY first_seen NULLS LAST, affiliation", [actor_id]).fetchall()
    names = dict(db.execute("SELECT id, name FROM browse_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [[x for x, *_ in rows]]).fetchall())
    affiliations = [{"actor": x, "name": names.get(x, x), "first_seen": a, "last_seen": b, "documents": n}
                    for x, a, b, n in rows]
    return aliases, titles, affiliations


def actor_network(db: Connection, f: EventFilter, max_edges: int = 300) -> dict[str, Any]:
    """Actors as nodes, co-participation in matching events as weighted edges (the heaviest `max_edges`)."""
    where, params = _where(db, f)
    rows = db.execute(
        "SELECT a.actor_id, b.actor_id, count(DISTINCT a.event_id) AS w FROM browse_event_actors a "
        "JOIN browse_event_actors b ON a.event_id = b.event_id AND a.actor_id < b.actor_id AND b.shown "
        f"WHERE a.shown AND a.event_id IN (SELECT id FROM browse_events{where}) "
        "GROUP BY a.actor_id, b.actor_id ORDER BY w DESC, 1, 2 LIMIT ?", [*params, max_edges]).fetchall()
    ids = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    info = {a: (n, k, e) for a, n, k, e in db.execute(
        "SELECT id, name, kind, events FROM browse_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
    nodes = [{"id": a, "name": info.get(a, (a,))[0], "kind": info.get(a, (a, None))[1],
              "events": info.get(a, (a, None, 0))[2]} for a in ids]
    return {"nodes": nodes, "edges": [{"source": a, "target": b, "weight": int(w)} for a, b, w in rows]}


# -- documents --------------------------------------------------------------------------------------
def list_documents(con: Connection, *, lang: str | None = None, q: str | None = None, limit: int = 50,
                   offset: int = 0) -> EventPage:
    """Stored documents, newest stored first; `q` is a case-insensitive substring of the title or source."""
    clauses, params = [], []
    if lang:
        clauses.append("d.lang = ?")
        params.append(lang)
    if q:
        clauses.append("(lower(coalesce(d.title, '')) LIKE ? OR lower(d.source) LIKE ?)")
        like = "%" + q.lower().replace("\\", "").replace("%", "").replace("_", "") + "%"
        params += [like, like]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = con.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0]
    rows = con.execute(
        f"SELECT d.id, d.source, d.lang, d.title, d.published, (SELECT count(*) FROM events e WHERE e.doc_id = d.id "
        f"AND e.status = 'occurred') FROM documents d{where} ORDER BY d.stored_at DESC, d.id LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return EventPage(int(total), [{"id": i, "source": s, "lang": la, "title": t, "published": p, "events": int(n)}
                                  for i, s, la, t, p, n in rows])


def list_rejects(con: Connection, limit: int = 200) -> list[dict[str, Any]]:
    """Inputs that could not be processed, with the stage and the reason."""
    return [{"source": s, "document": d, "stage": st, "reason": r, "rejected_at": str(at) if at else None}
            for s, d, st, r, at in con.execute("SELECT source, doc_id, stage, reason, rejected_at FROM rejects "
                                               "ORDER BY rejected_at DESC, source LIMIT ?", [limit]).fetchall()]


def get_document(con: Connection, doc_id: str) -> dict[str, Any] | None:
    """A document: its normalized text, its entity mentions and its events with their evidence spans."""
    row = con.execute("SELECT id, source, lang, title, published, dateline_place, dateline_date, text "
                      "FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    keys = ("id", "source", "lang", "title", "published", "dateline_place", "dateline_date", "text")
    doc = dict(zip(keys, row))
    names = {e: (n, k) for e, n, k in con.execute("SELECT entity_id, name, kind FROM entities WHERE doc_id = ?",
                                                  [doc_id]).fetchall()}
    doc["mentions"] = [{"entity": e, "name": names.get(e, (e,))[0], "kind": k, "start": s, "end": t, "form": f}
                       for e, s, t, f, k in con.execute(
                           "SELECT entity_id, start_char, end_char, form, kind FROM mentions WHERE doc_id = ? "
                           "ORDER BY start_char", [doc_id]).fetchall()]
    doc["events"] = []
    for ev_id, etype, status, date, cid in con.execute(
            "SELECT id, type, status, date, coalesce(corpus_event, id) FROM events WHERE doc_id = ? ORDER BY id",
            [doc_id]).fetchall():
        spans = [{"start": s, "end": t, "text": x} for s, t, x in con.execute(
            "SELECT start_char, end_char, text FROM evidence WHERE event_id = ? ORDER BY start_char",
            [ev_id]).fetchall()]
        doc["events"].append({"id": ev_id, "corpus_event": cid, "type": etype, "status": status, "date": date,
                              "evidence": spans})
    return doc
