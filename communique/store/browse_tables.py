"""Browse tables: the stored reports -> one row per merged event with its folded search keys, in the store.

`refresh_browse(con)` runs at the end of every corpus refresh (communique.corpus.refresh through
SQLStore.refresh_browse): it computes in
SQL a signature of each merged event's inputs (its reports, their copies, the corpus actors their parties are
linked to) and rewrites only the events whose signature changed, so that a posted document costs the rows of
its events, not a rebuild. `browse_source(con)` gives the connection store/browse.py reads: the store
itself when its tables are current, else an in-memory DuckDB built from it (a read-only store refreshed by an
older version).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..textnorm import fold
from . import Connection
from .queries import corpus_events, resolve_actors
from .corpus_tables import insert_columns

__all__ = ["ensure_browse_tables", "refresh_browse", "browse_is_current", "browse_source", "store_generation",
           "has_table"]

BROWSE_SQL = (Path(__file__).parent / "browse.sql").read_text(encoding="utf-8")

#: merged events built per round trip
CHUNK = 20_000

_EVENT_TYPES = ["VARCHAR"] * 8 + ["DOUBLE PRECISION", "INTEGER"] + ["VARCHAR"] * 5
_EVENT_ACTOR_TYPES = ["VARCHAR"] * 5 + ["BOOLEAN"]
_ACTOR_TYPES = ["VARCHAR"] * 4 + ["INTEGER", "VARCHAR"]


def has_table(con: Connection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                            "AND table_schema = current_schema()", [name]).fetchone()[0])


#: the columns lists sort on and searches scan: DuckDB keeps them uncompressed (measured at 100,000 events:
#: sorts and substring scans a quarter faster, as fast as an in-memory table)
_SCANNED = re.compile(r"\b(id|date|date_key|actor_key|text_key|forms_key) VARCHAR\b")


def ensure_browse_tables(con: Connection) -> None:
    import duckdb

    if isinstance(con, duckdb.DuckDBPyConnection):
        con.execute(_SCANNED.sub(r"\1 VARCHAR USING COMPRESSION uncompressed", BROWSE_SQL))
    else:
        con.execute(BROWSE_SQL)


def store_generation(con: Connection) -> str:
    """Changes whenever documents, merged events or corpus actors change: counts of documents, reports with
    a corpus id, corpus actors, and the user's actor merges and aliases."""
    counts = [con.execute("SELECT count(*) FROM documents").fetchone()[0],
              con.execute("SELECT count(*) FROM events WHERE corpus_event IS NOT NULL").fetchone()[0]]
    for table in ("corpus_actors", "actor_pins", "actor_user_aliases"):
        counts.append(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if has_table(con, table) else -1)
    return ":".join(str(int(n)) for n in counts)


def browse_is_current(con: Connection, db: Connection | None = None) -> bool:
    """Whether the browse tables (in `db`, default the store) were refreshed after the store's last change."""
    db = db or con
    if not has_table(db, "browse_state"):
        return False
    row = db.execute("SELECT generation FROM browse_state").fetchone()
    return row is not None and row[0] == store_generation(con)


def browse_source(con: Connection, *, writable: bool) -> Connection:
    """The connection holding current browse tables: the store (refreshed first when stale and `writable`),
    else an in-memory DuckDB database built from it."""
    if browse_is_current(con):
        return con
    if writable:
        refresh_browse(con)
        return con
    import duckdb

    db = duckdb.connect(":memory:")
    refresh_browse(con, db)
    return db


def refresh_browse(con: Connection, db: Connection | None = None, *, only: list[str] | None = None) -> int:
    """Bring the browse tables (in `db`, default the store itself) up to date with the store; returns the
    number of merged events rewritten. ``only``: the merged events that may have changed (store/changes.py;
    None: every one). The caller holds the transaction."""
    db = db or con
    ensure_browse_tables(db)
    actor_tables = has_table(con, "actor_links")
    params = [] if only is None else [only]
    signatures = dict(con.execute(_signature_sql(actor_tables, only is not None), params).fetchall())
    old = dict(db.execute("SELECT id, signature FROM browse_events" +
                          ("" if only is None else " WHERE id IN (SELECT unnest(?::VARCHAR[]))"), params).fetchall())
    changed = sorted(cid for cid, sig in signatures.items() if old.get(cid) != sig)
    gone = [cid for cid in old if cid not in signatures]
    for part in _parts(changed + gone):
        db.execute("DELETE FROM browse_events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [part])
        db.execute("DELETE FROM browse_event_actors WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [part])
    for part in _parts(changed):
        event_rows, actor_rows = _event_rows(con, part, signatures, actor_tables)
        insert_columns(db, "browse_events", _EVENT_TYPES, event_rows)
        insert_columns(db, "browse_event_actors", _EVENT_ACTOR_TYPES, actor_rows)
    _refresh_actors(con, db, actor_tables)
    db.execute("DELETE FROM browse_state")
    db.execute("INSERT INTO browse_state VALUES (?)", [store_generation(con)])
    return len(changed)


def _parts(ids: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _signature_sql(actor_tables: bool, chosen: bool = False) -> str:
    """Per merged event, an md5 of what its browse row is made of: its reports and the copies among them,
    and (with corpus actor tables) the actor, name and kind each report's parties and affiliations are
    linked to. A document's own rows never change once stored. ``chosen``: of the merged events of a
    parameter (an array of ids) only."""
    where = "WHERE coalesce(e.corpus_event, e.id) IN (SELECT unnest(?::VARCHAR[])) " if chosen else ""
    links = ("UNION ALL SELECT m.cid, m.doc_id || '/' || x.ent || '>' || l.actor_id || '=' || coalesce(a.name, '') "
             "|| '/' || coalesce(a.kind, '') FROM m JOIN (SELECT event_id, entity_id AS ent FROM event_parties "
             "UNION SELECT event_id, affiliation FROM event_parties WHERE affiliation IS NOT NULL) x "
             "ON x.event_id = m.id JOIN actor_links l ON l.doc_id = m.doc_id AND l.entity_id = x.ent "
             "LEFT JOIN corpus_actors a ON a.id = l.actor_id ") if actor_tables else ""
    return ("WITH m AS (SELECT e.id, e.doc_id, coalesce(e.corpus_event, e.id) AS cid, "
            "coalesce(d.duplicate_of, '') AS copy_of FROM events e LEFT JOIN duplicates d ON d.doc_id = e.doc_id "
            f"{where}), "
            f"parts AS (SELECT cid, id || '<' || copy_of AS part FROM m {links}) "
            "SELECT cid, md5(string_agg(part, ',' ORDER BY part)) FROM parts GROUP BY cid")


def _event_rows(con: Connection, ids: list[str], signatures: dict[str, str],
                actor_tables: bool) -> tuple[list[list[Any]], list[list[Any]]]:
    """The browse_events and browse_event_actors rows of these merged events."""
    raws = corpus_events(con, include_planned=True, ids=ids)
    wanted = "IN (SELECT unnest(?::VARCHAR[]))"
    reports = f"SELECT id, doc_id, type FROM events WHERE coalesce(corpus_event, id) {wanted}"
    types = {r: t for r, _, t in con.execute(reports, [ids]).fetchall()}
    docs = f"SELECT doc_id FROM events WHERE coalesce(corpus_event, id) {wanted}"
    titles = dict(con.execute(f"SELECT id, coalesce(title, '') FROM documents WHERE id IN ({docs})", [ids]).fetchall())
    evidence: dict[str, list[str]] = defaultdict(list)
    for ev_id, text in con.execute(f"SELECT event_id, text FROM evidence WHERE event_id IN "
                                   f"(SELECT id FROM events WHERE coalesce(corpus_event, id) {wanted})", [ids]).fetchall():
        evidence[ev_id].append(text or "")
    forms = {(d, e): [n or ""] + json.loads(f or "[]") for d, e, n, f in con.execute(
        f"SELECT doc_id, entity_id, name, forms FROM entities WHERE doc_id IN ({docs})", [ids]).fetchall()}
    parties: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for ev_id, ent, aff in con.execute(f"SELECT event_id, entity_id, affiliation FROM event_parties WHERE event_id IN "
                                       f"(SELECT id FROM events WHERE coalesce(corpus_event, id) {wanted})", [ids]).fetchall():
        parties[ev_id].append((ent, aff))
    links: dict[tuple[str, str], str] = {}
    actors: dict[str, tuple[str, str]] = {}
    if actor_tables:
        links = {(d, e): a for d, e, a in con.execute(
            f"SELECT doc_id, entity_id, actor_id FROM actor_links WHERE doc_id IN ({docs})", [ids]).fetchall()}
        actors = {a: (n, k) for a, k, n in con.execute(
            "SELECT id, kind, name FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(set(links.values()))]).fetchall()}
    event_rows, actor_rows = [], []
    for raw, ev in zip(raws, resolve_actors(raws, links, actors)):
        involved = {links.get((s["document"], e), e) if actor_tables else e
                    for s in raw["sources"] for pair in parties[s["event"]] for e in pair if e}
        event_rows.append(_event_row(raw, ev, titles, evidence, forms, types, parties, signatures[ev["id"]]))
        shown = {p["entity"] for p in ev["parties"]}
        actor_rows += [[ev["id"], p["entity"], p["name"], p["kind"], ev["status"], True] for p in ev["parties"]]
        actor_rows += [[ev["id"], a, None, None, ev["status"], False] for a in sorted(involved - shown)]
    return event_rows, actor_rows


def _event_row(raw: dict[str, Any], ev: dict[str, Any], titles: dict[str, str], evidence: dict[str, list[str]],
               forms: dict[tuple[str, str], list[str]], types: dict[str, str],
               parties: dict[str, list[tuple[str, str | None]]], signature: str) -> list[Any]:
    member_types = {ev["type"], *(types.get(src["event"]) or ev["type"] for src in raw["sources"])}
    keys: list[str] = []
    texts: list[str] = []
    for src in raw["sources"]:
        texts.append(titles.get(src["document"], ""))
        texts.extend(evidence.get(src["event"], []))
        for pair in parties[src["event"]]:          # every report's parties and affiliations, in its document
            for ent in pair:
                if ent:
                    keys.extend(forms.get((src["document"], ent), []))
    keys.extend(p["name"] or "" for p in ev["parties"])
    actor_key = " | ".join(sorted({fold(k) for k in keys if k}))
    # the distinct folded words (a search word must be a substring of one of them): shorter to scan than the text;
    # each distinct text folded once (the copies of one story in a merged event of thousands of reports)
    text_key = " ".join(sorted(set(fold(" \n ".join(dict.fromkeys(texts))).split()))) + " | " + actor_key
    langs = "," + ",".join(sorted({s["lang"] or "" for s in raw["sources"]})) + ","
    loc = ev["location"] or {}
    return [ev["id"], ev["type"], "," + ",".join(sorted(member_types)) + ",", ev["status"], ev["date"],
            ev["date"] or "", loc.get("country"), langs, ev["confidence"], ev["reports"], actor_key, text_key,
            json.dumps(raw, ensure_ascii=False), json.dumps(ev, ensure_ascii=False), signature]


def _refresh_actors(con: Connection, db: Connection, actor_tables: bool) -> None:
    """Rewrite browse_actors: every corpus actor (or, without corpus actor tables, every party entity) with
    its folded forms and the number of occurred events it is involved in."""
    counts = dict(db.execute("SELECT actor_id, count(DISTINCT event_id) FROM browse_event_actors "
                             "WHERE status = 'occurred' GROUP BY actor_id").fetchall())
    forms: dict[str, list[str]] = defaultdict(list)
    actors: dict[str, tuple[str, str]] = {}
    if actor_tables:
        actors = {a: (n, k) for a, k, n in con.execute("SELECT id, kind, name FROM corpus_actors").fetchall()}
        for a, form in con.execute("SELECT actor_id, form FROM actor_forms ORDER BY actor_id, form").fetchall():
            forms[a].append(form)
    if not actors:      # no corpus actors: the parties' entities stand in, with every form the documents gave
        actors = {a: (n, k) for a, n, k in db.execute(
            "SELECT actor_id, min(name), min(kind) FROM browse_event_actors WHERE shown GROUP BY actor_id").fetchall()}
        for ent, raw_forms in con.execute("SELECT entity_id, forms FROM entities WHERE entity_id IN "
                                          "(SELECT unnest(?::VARCHAR[])) ORDER BY doc_id", [sorted(actors)]).fetchall():
            forms[ent].extend(f for f in json.loads(raw_forms or "[]") if f not in forms[ent])
    db.execute("DELETE FROM browse_actors")
    insert_columns(db, "browse_actors", _ACTOR_TYPES,
                   [[a, k, n, " | ".join(fold(f) for f in [n or a, *forms.get(a, [])]), counts.get(a, 0),
                     json.dumps(forms.get(a, []), ensure_ascii=False)] for a, (n, k) in actors.items()])

