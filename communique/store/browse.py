"""Browse queries: the stored corpus -> an in-memory DuckDB index of merged events, filtered and searched in SQL.

`build_index(con)` reads the store once (DuckDB file or PostgreSQL) through `queries.corpus_events` and
`queries.resolve_actors`, and keeps one row per merged event with folded search keys; `list_events`,
`event_timeline`, `get_event`, `actor_network`, ... are typed functions over it with bound parameters only.
The web app (communique.serve) and `communique events/show` read through these functions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..textnorm import fold, is_arabic
from . import Connection
from .queries import corpus_events, resolve_actors
from .rows import insert_columns

__all__ = ["EventFilter", "EventPage", "BrowseIndex", "build_index", "list_events", "event_timeline",
           "get_event", "event_evidence", "list_events_json", "list_actors", "get_actor", "actor_network", "list_documents",
           "get_document", "list_rejects", "store_generation", "EVENT_TYPES", "STATUSES", "SORTS"]

EVENT_TYPES = ("meet", "visit", "call", "agreement", "conference")
STATUSES = ("occurred", "planned", "negated", "any")
SORTS = {"date": "date_key DESC, id DESC", "-date": "date_key ASC, id ASC", "confidence": "confidence DESC, id DESC",
         "reports": "reports DESC, date_key DESC, id DESC"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the events list, its timeline, its downloads and the network are filtered by (all optional)."""

    actor: str | None = None        # any form of an actor in any script, folded substring
    actor_id: str | None = None     # one corpus actor id
    type: str | None = None
    status: str = "occurred"        # or planned, negated, any
    country: str | None = None      # venue country, ISO 3166 alpha-2
    lang: str | None = None         # a language among the event's sources
    since: str | None = None        # YYYY[-MM[-DD]]
    until: str | None = None
    q: str | None = None            # full-text search over titles, evidence and party names
    sort: str = "date"
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    events: list[dict[str, Any]]


@dataclass
class BrowseIndex:
    """An in-memory DuckDB database of merged events built from the store; use `cursor()` per thread."""

    db: Any
    generation: tuple[int, int]
    actor_names: dict[str, str] = field(default_factory=dict)
    has_actor_tables: bool = True

    def cursor(self) -> Any:
        return self.db.cursor()


_INDEX_SCHEMA = """
CREATE TABLE ev (id VARCHAR PRIMARY KEY, type VARCHAR, types VARCHAR, status VARCHAR, date VARCHAR,
    date_key VARCHAR, country VARCHAR, langs VARCHAR, confidence DOUBLE, reports INTEGER, actor_key VARCHAR,
    text_key VARCHAR, record VARCHAR, resolved VARCHAR);
CREATE TABLE ev_actor (event_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, status VARCHAR);
CREATE TABLE actor (id VARCHAR PRIMARY KEY, kind VARCHAR, name VARCHAR, name_key VARCHAR, forms_key VARCHAR,
    events INTEGER, forms VARCHAR);
"""


def store_generation(con: Connection) -> tuple[int, int]:
    """Changes whenever documents or merged events change: (documents, events with a corpus id)."""
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    merged = con.execute("SELECT count(*) FROM events WHERE corpus_event IS NOT NULL").fetchone()[0]
    return int(docs), int(merged)


def _has_table(con: Connection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                            "AND table_schema = current_schema()", [name]).fetchone()[0])


def _actor_tables(con: Connection) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, str]],
                                              dict[str, list[str]]]:
    if not _has_table(con, "corpus_actors"):
        return {}, {}, {}
    links = {(d, e): a for d, e, a in con.execute("SELECT doc_id, entity_id, actor_id FROM actor_links").fetchall()}
    actors = {a: (n, k) for a, k, n in con.execute("SELECT id, kind, name FROM corpus_actors").fetchall()}
    forms: dict[str, list[str]] = defaultdict(list)
    for a, form in con.execute("SELECT actor_id, form FROM actor_forms").fetchall():
        forms[a].append(form)
    return links, actors, forms


def _entity_forms(con: Connection) -> dict[tuple[str, str], list[str]]:
    return {(d, e): [n or ""] + json.loads(f or "[]")
            for d, e, n, f in con.execute("SELECT doc_id, entity_id, name, forms FROM entities").fetchall()}


def build_index(con: Connection) -> BrowseIndex:
    """Read the store once and build the browse index (seconds at 100,000 events)."""
    import duckdb

    generation = store_generation(con)
    events = corpus_events(con, include_planned=True)
    has_actor_tables = _has_table(con, "corpus_actors")
    links, actors, actor_forms = _actor_tables(con)
    resolved = resolve_actors(events, links, actors)
    titles = {d: t or "" for d, t in con.execute("SELECT id, title FROM documents").fetchall()}
    evidence: dict[str, list[str]] = defaultdict(list)
    for ev_id, text in con.execute("SELECT event_id, text FROM evidence").fetchall():
        evidence[ev_id].append(text or "")
    forms = _entity_forms(con)
    types = dict(con.execute("SELECT id, type FROM events").fetchall())
    ev_rows, actor_rows = [], []
    for raw, ev in zip(events, resolved):
        ev_rows.append(_event_row(raw, ev, titles, evidence, forms, types))
        for p in ev["parties"]:
            actor_rows.append([ev["id"], p["entity"], p["name"], p["kind"], ev["status"]])
    db = duckdb.connect(":memory:")
    db.execute(_INDEX_SCHEMA)
    insert_columns(db, "ev", ["VARCHAR"] * 8 + ["DOUBLE", "INTEGER"] + ["VARCHAR"] * 4, ev_rows)
    insert_columns(db, "ev_actor", ["VARCHAR"] * 5, actor_rows)
    counts: dict[str, int] = defaultdict(int)
    for row in actor_rows:
        if row[4] == "occurred":
            counts[row[1]] += 1
    if not actors:      # a store without corpus actor tables (PostgreSQL): the parties' entities stand in
        actors = {row[1]: (row[2], row[3]) for row in actor_rows}
        for (_, ent), ent_forms in forms.items():
            if ent in actors:
                actor_forms.setdefault(ent, []).extend(f for f in ent_forms[1:] if f not in actor_forms[ent])
    insert_columns(db, "actor", ["VARCHAR"] * 5 + ["INTEGER", "VARCHAR"],
                   [[a, k, n, fold(n or a), " | ".join(fold(f) for f in [n or a, *actor_forms.get(a, [])]),
                     counts.get(a, 0), json.dumps(actor_forms.get(a, []), ensure_ascii=False)]
                    for a, (n, k) in actors.items()])
    return BrowseIndex(db, generation, {a: n for a, (n, _) in actors.items()}, has_actor_tables)


def _event_row(raw: dict[str, Any], ev: dict[str, Any], titles: dict[str, str], evidence: dict[str, list[str]],
               forms: dict[tuple[str, str], list[str]], types: dict[str, str]) -> list[Any]:
    member_types = {ev["type"], *(types.get(src["event"]) or ev["type"] for src in raw["sources"])}
    keys: list[str] = []
    texts: list[str] = []
    for src in raw["sources"]:
        texts.append(titles.get(src["document"], ""))
        texts.extend(evidence.get(src["event"], []))
    for p in raw["parties"]:
        for ent in (p["entity"], p.get("affiliation")):
            if ent:
                for src in raw["sources"]:
                    keys.extend(forms.get((src["document"], ent), []))
    keys.extend(p["name"] or "" for p in ev["parties"])
    actor_key = " | ".join(sorted({fold(k) for k in keys if k}))
    # the distinct folded words (a search word must be a substring of one of them): shorter to scan than the text
    text_key = " ".join(sorted(set(fold(" \n ".join(texts)).split()))) + " | " + actor_key
    langs = "," + ",".join(sorted({s["lang"] or "" for s in raw["sources"]})) + ","
    loc = ev["location"] or {}
    return [ev["id"], ev["type"], "," + ",".join(sorted(member_types)) + ",", ev["status"], ev["date"],
            ev["date"] or "", loc.get("country"), langs, ev["confidence"], ev["reports"], actor_key, text_key,
            json.dumps(raw, ensure_ascii=False), json.dumps(ev, ensure_ascii=False)]


# -- events -----------------------------------------------------------------------------------------
def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """The SQL condition and bound parameters of a filter (over table `ev`)."""
    clauses, params = [], []
    if f.status != "any":
        clauses.append("status = ?")
        params.append(f.status)
    if f.type:
        clauses.append("(type = ? OR contains(types, ?))")
        params += [f.type, f",{f.type},"]
    if f.country:
        clauses.append("country = ?")
        params.append(f.country.upper())
    if f.lang:
        clauses.append("contains(langs, ?)")
        params.append(f",{f.lang},")
    if f.since:
        clauses.append("date IS NOT NULL AND date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("date IS NOT NULL AND substr(date, 1, ?) <= ?")
        params += [len(f.until), f.until]
    if f.actor and fold(f.actor):
        clauses.append("contains(actor_key, ?)")
        params.append(fold(f.actor))
    if f.actor_id:
        clauses.append("id IN (SELECT event_id FROM ev_actor WHERE actor_id = ?)")
        params.append(f.actor_id)
    if f.q and fold(f.q):
        for word in fold(f.q).split():
            clauses.append("contains(text_key, ?)")
            params.append(word)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_events(index: BrowseIndex, f: EventFilter, *, resolved: bool = True) -> EventPage:
    """One page of merged events matching the filter, and how many match in all. `resolved`: parties as
    corpus actors (the web), else as the document entities `communique events` prints."""
    total, rows = list_events_json(index, f, resolved=resolved)
    return EventPage(total, [json.loads(r) for r in rows])


def list_events_json(index: BrowseIndex, f: EventFilter, *, resolved: bool = True) -> tuple[int, list[str]]:
    """`list_events` with each event as the JSON text it is stored as (the API sends it unparsed). The page's
    ids are sorted on the narrow columns first; only its rows' JSON is read."""
    where, params = _where(f)
    cur = index.cursor()
    if f.q or f.actor:      # a text scan: do it once, for the page and the total (measured: faster)
        page = cur.execute(f"SELECT id, count(*) OVER () FROM ev{where} ORDER BY {SORTS[f.sort]} LIMIT ? OFFSET ?",
                           [*params, f.limit, f.offset]).fetchall()
        total = page[0][1] if page else (cur.execute(f"SELECT count(*) FROM ev{where}", params).fetchone()[0]
                                         if f.offset else 0)
    else:                   # cheap conditions: a count, then a top-N sort (faster than the window)
        total = cur.execute(f"SELECT count(*) FROM ev{where}", params).fetchone()[0]
        page = cur.execute(f"SELECT id FROM ev{where} ORDER BY {SORTS[f.sort]} LIMIT ? OFFSET ?",
                           [*params, f.limit, f.offset]).fetchall()
    if not page:
        return int(total), []
    ids = [r[0] for r in page]
    column = "resolved" if resolved else "record"
    found = dict(cur.execute(f"SELECT id, {column} FROM ev WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [ids]).fetchall())
    return int(total), [found[i] for i in ids]


def event_timeline(index: BrowseIndex, f: EventFilter, unit: str = "month") -> list[tuple[str, int]]:
    """Counts of matching dated events per month (YYYY-MM) or ISO week (YYYY-Www, day-precise dates only)."""
    where, params = _where(f)
    if unit == "week":
        key = "strftime(CAST(date AS DATE), '%G-W%V')"
        where += (" AND " if where else " WHERE ") + "length(date) = 10"
    else:
        key = "substr(date, 1, 7)"
        where += (" AND " if where else " WHERE ") + "length(date) >= 7"
    rows = index.cursor().execute(f"SELECT {key} AS k, count(*) FROM ev{where} GROUP BY k ORDER BY k",
                                  params).fetchall()
    return [(k, int(n)) for k, n in rows]


def get_event(index: BrowseIndex, event_id: str, *, resolved: bool = True) -> dict[str, Any] | None:
    """One merged event by its corpus id (an index lookup, no corpus scan)."""
    row = index.cursor().execute(f"SELECT {'resolved' if resolved else 'record'} FROM ev WHERE id = ?",
                                 [event_id]).fetchone()
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
def list_actors(index: BrowseIndex, q: str | None = None, kind: str | None = None, limit: int = 50,
                offset: int = 0) -> EventPage:
    """Corpus actors whose name or any alias (any script, folded) contains `q`, most events first."""
    clauses, params = [], []
    if q and fold(q):
        clauses.append("contains(forms_key, ?)")
        params.append(fold(q))
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    cur = index.cursor()
    total = cur.execute(f"SELECT count(*) FROM actor{where}", params).fetchone()[0]
    rows = cur.execute(f"SELECT id, kind, name, events FROM actor{where} ORDER BY events DESC, name, id "
                       "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return EventPage(int(total), [{"id": a, "kind": k, "name": n, "events": e} for a, k, n, e in rows])


def get_actor(index: BrowseIndex, con: Connection, actor_id: str) -> dict[str, Any] | None:
    """An actor: names in every script, titles and affiliations over time, its events, its top partners."""
    row = index.cursor().execute("SELECT id, kind, name, events FROM actor WHERE id = ?", [actor_id]).fetchone()
    if row is None:
        return None
    if index.has_actor_tables:
        aliases, titles, affiliations = _actor_history(index, con, actor_id)
    else:               # no corpus actor tables: the forms the documents gave
        aliases = [{"form": f, "script": "Arab" if is_arabic(f) else "Latn", "first_seen": None, "last_seen": None,
                    "documents": None} for f in json.loads(index.cursor().execute(
                        "SELECT forms FROM actor WHERE id = ?", [actor_id]).fetchone()[0])]
        titles, affiliations = [], []
    events = list_events(index, EventFilter(actor_id=actor_id, limit=500)).events
    partners = [{"id": p, "name": n, "events": int(c)} for p, n, c in index.cursor().execute(
        "SELECT b.actor_id, any_value(b.name), count(DISTINCT b.event_id) AS n FROM ev_actor a JOIN ev_actor b "
        "ON a.event_id = b.event_id AND b.actor_id <> a.actor_id WHERE a.actor_id = ? AND a.status = 'occurred' "
        "GROUP BY b.actor_id ORDER BY n DESC, b.actor_id LIMIT 10", [actor_id]).fetchall()]
    return {"id": row[0], "kind": row[1], "name": row[2], "event_count": row[3], "aliases": aliases,
            "titles": titles, "affiliations": affiliations, "events": events, "partners": partners}


def _actor_history(index: BrowseIndex, con: Connection, actor_id: str) -> tuple[list[dict[str, Any]], ...]:
    aliases = [{"form": f, "script": s, "first_seen": a, "last_seen": b, "documents": n} for f, s, a, b, n in
               con.execute("SELECT form, script, first_seen, last_seen, documents FROM actor_forms WHERE actor_id = ? "
                           "ORDER BY documents DESC, form", [actor_id]).fetchall()]
    titles = [{"title": t, "first_seen": a, "last_seen": b, "documents": n} for t, a, b, n in
              con.execute("SELECT title, first_seen, last_seen, documents FROM actor_titles WHERE actor_id = ? "
                          "ORDER BY first_seen NULLS LAST, title", [actor_id]).fetchall()]
    affiliations = [{"actor": x, "name": index.actor_names.get(x, x), "first_seen": a, "last_seen": b,
                     "documents": n} for x, a, b, n in
                    con.execute("SELECT affiliation, first_seen, last_seen, documents FROM actor_affiliations "
                                "WHERE actor_id = ? ORDER BY first_seen NULLS LAST, affiliation", [actor_id]).fetchall()]
    return aliases, titles, affiliations


def actor_network(index: BrowseIndex, f: EventFilter, max_edges: int = 300) -> dict[str, Any]:
    """Actors as nodes, co-participation in matching events as weighted edges (the heaviest `max_edges`)."""
    where, params = _where(f)
    rows = index.cursor().execute(
        "WITH sel AS (SELECT id FROM ev" + where + ") "
        "SELECT a.actor_id, b.actor_id, count(DISTINCT a.event_id) AS w FROM ev_actor a "
        "JOIN ev_actor b ON a.event_id = b.event_id AND a.actor_id < b.actor_id "
        "WHERE a.event_id IN (SELECT id FROM sel) GROUP BY a.actor_id, b.actor_id ORDER BY w DESC, 1, 2 LIMIT ?",
        [*params, max_edges]).fetchall()
    ids = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    info = {a: (n, k, e) for a, n, k, e in index.cursor().execute(
        "SELECT id, name, kind, events FROM actor WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
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
