"""The cross-document tables as typed reads and writes: stored entities and reports in, near-duplicate
copies, corpus actors and merged-event ids back (communique.corpus computes them; this module only
persists and queries). The same SQL runs on DuckDB and PostgreSQL."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from itertools import islice
from pathlib import Path
from sys import intern
from typing import Any

from ..records import ActorFact, ActorRecord, StoredEntity
from ..textnorm import is_arabic
from .changes import BrowseNotes
from .person_tables import PersonTables
from .report_tables import ReportTables
from .sql_parts import PART as _PART, fetch_in_parts as _fetch_in_parts, in_filter as _in, insert_columns

__all__ = ["CorpusTables", "insert_columns", "ACTOR_TABLES", "Key"]

Key = tuple[str, str]            # (doc_id, entity_id)

ACTORS_SQL = Path(__file__).resolve().parent / "actors.sql"

#: the learned actor tables a refresh writes (the user tables, actor_pins and actor_user_aliases, it keeps)
ACTOR_TABLES = ("actor_links", "corpus_actors", "actor_forms", "actor_titles", "actor_affiliations")

@lru_cache(maxsize=1 << 14)
def _json_tuple(text: str | None) -> tuple[str, ...]:
    """An entity's titles or forms (a JSON list) as a tuple, parsed once per distinct text: the entities of
    copies of one story and of one person's sightings repeat theirs, and then share one tuple."""
    return tuple(json.loads(text or "[]"))


def _entity(d: str, e: str, k: str, n: str, a: str | None, t: str | None, f: str | None) -> StoredEntity:
    """A row of entities as a StoredEntity; its strings interned (the driver gives every row its own copy of
    the document id, the kind and the name that a full refresh's hundreds of thousands of entities repeat)."""
    return StoredEntity(intern(d), intern(e), intern(k) if k else k, intern(n) if n else n, intern(a) if a else a,
                        _json_tuple(t), _json_tuple(f))


class CorpusTables(ReportTables, PersonTables, BrowseNotes):
    """What communique.corpus reads and writes through a store; mixed into every SQL store."""

    con: Any
    #: whether the backend keeps the corpus actor tables (store/actors.sql)
    keeps_actors: bool = False

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a backend shared by writers also takes its refresh lock)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- which documents a refresh has not seen -----------------------------------------------------
    def unrefreshed_documents(self) -> list[str]:
        """Documents stored since the last refresh (every one in a store no refresh has marked)."""
        return [d for (d,) in self.con.execute(
            "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM refreshed_documents r WHERE r.doc_id = d.id) "
            "ORDER BY d.id").fetchall()]

    def has_refreshed(self) -> bool:
        """Whether a refresh of this version has run (it keeps the merge blocks an incremental one reads)."""
        return self.con.execute("SELECT EXISTS (SELECT 1 FROM refreshed_documents)").fetchone()[0]

    def mark_refreshed(self, doc_ids: Sequence[str]) -> None:
        for start in range(0, len(doc_ids), _PART):
            insert_columns(self.con, "refreshed_documents", ["VARCHAR"], [[d] for d in doc_ids[start:start + _PART]],
                           tail=" ON CONFLICT DO NOTHING")

    def needs_refresh(self) -> bool:
        """Whether documents are stored that no refresh has seen (a run killed before its end, or a store
        written before fingerprints existed)."""
        return bool(self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM refreshed_documents r WHERE r.doc_id = d.id)) OR EXISTS "
            "(SELECT 1 FROM fingerprints WHERE representative IS NULL)").fetchone()[0])

    # -- near-duplicate copies ---------------------------------------------------------------------
    def texts_without_fingerprint(self, limit: int) -> list[tuple[str, str]]:
        """(id, text) of documents stored without a fingerprint (by an older version), at most ``limit``."""
        return [(d, t or "") for d, t in self.con.execute(
            "SELECT d.id, d.text FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM fingerprints f WHERE f.doc_id = d.id) LIMIT ?", [limit]).fetchall()]

    def add_fingerprints(self, rows: Sequence[tuple[str, bytes | None]]) -> None:
        insert_columns(self.con, "fingerprints", ["VARCHAR", "BYTEA", "BOOLEAN"], [[d, s, None] for d, s in rows])

    def unchecked_fingerprints(self) -> list[str]:
        """Documents not checked for copies yet, in stored order."""
        return [doc_id for _, doc_id in sorted(self.con.execute(
            "SELECT d.stored_at, f.doc_id FROM fingerprints f JOIN documents d ON d.id = f.doc_id "
            "WHERE f.representative IS NULL").fetchall())]   # sorted here: the same order whatever the collation

    def signatures(self, doc_ids: Sequence[str]) -> dict[str, bytes]:
        return {d: bytes(sig) for d, sig in self.con.execute(
            "SELECT doc_id, signature FROM fingerprints WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND signature IS NOT NULL", [list(doc_ids)]).fetchall()}

    def representatives_in_bands(self, bands: Sequence[int], hashes: Sequence[int]) -> list[tuple[str, bytes]]:
        """(id, signature) of the representatives sharing one of the (band, hash) pairs, in stored order."""
        rows = self.con.execute(
            "SELECT d.stored_at, f.doc_id, f.signature FROM fingerprints f JOIN documents d ON d.id = f.doc_id "
            "WHERE f.doc_id IN (SELECT b.doc_id FROM fingerprint_bands b JOIN (SELECT unnest(?::INTEGER[]) AS band, "
            "unnest(?::BIGINT[]) AS hash) t ON b.band = t.band AND b.hash = t.hash)",
            [list(bands), list(hashes)]).fetchall()
        return [(d, bytes(sig)) for _, d, sig in sorted(rows, key=lambda row: row[:2])]

    def record_copy_check(self, checked: Sequence[str], representative: Sequence[bool],
                          copies: Sequence[tuple[str, str]], bands: Sequence[tuple[int, int, str]]) -> None:
        """Store the outcome of checking ``checked``: which are representatives, the copies found
        (copy, original) and the band hashes of the new representatives (band, hash, id)."""
        if copies and (log := self._noting()):
            log.documents.update(d for d, _ in copies)
        insert_columns(self.con, "duplicates", ["VARCHAR", "VARCHAR"], copies, tail=" ON CONFLICT DO NOTHING")
        insert_columns(self.con, "fingerprint_bands", ["INTEGER", "BIGINT", "VARCHAR"], bands)
        self.con.execute("UPDATE fingerprints SET representative = m.rep FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                         "unnest(?::BOOLEAN[]) AS rep) m WHERE fingerprints.doc_id = m.id",
                         [list(checked), list(representative)])

    # -- corpus actors -----------------------------------------------------------------------------
    def ensure_actor_tables(self) -> None:
        """Create the corpus actor tables (store/actors.sql) when they are missing."""
        self.con.execute(ACTORS_SQL.read_text(encoding="utf-8"))

    def has_actor_tables(self) -> bool:
        return self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'actor_links'"
                                ).fetchone()[0] > 0

    def stored_entities(self, doc_ids: Collection[str] | None = None, *,
                        kinds: Collection[str] | None = None) -> list[StoredEntity]:
        """The entities of the given documents (default: all), ordered by document and entity id."""
        return list(self.iter_entities(doc_ids, kinds=kinds))

    def iter_entities(self, doc_ids: Collection[str] | None = None, *, kinds: Collection[str] | None = None,
                      exclude_kinds: Collection[str] | None = None,
                      actor_ids: Collection[str] | None = None) -> Iterator[StoredEntity]:
        """The entities of the given documents (default: all) of the given kinds (or all but
        ``exclude_kinds``), or those the last refresh linked to ``actor_ids``, ordered by document and
        entity id, read a part at a time."""
        where, params = _in("n.doc_id", doc_ids)
        for column, values, op in (("n.kind", kinds, "IN"), ("n.kind", exclude_kinds, "NOT IN")):
            if values is not None:
                where += f" AND {column} {op} (SELECT unnest(?::VARCHAR[]))"
                params.append(sorted(values))
        join = ""
        if actor_ids is not None:
            join = " JOIN actor_links l ON l.doc_id = n.doc_id AND l.entity_id = n.entity_id"
            where += " AND l.actor_id IN (SELECT unnest(?::VARCHAR[]))"
            params.append(sorted(actor_ids))
        rows = self.con.execute("SELECT n.doc_id, n.entity_id, n.kind, n.name, n.affiliation, n.titles, n.forms "
                                f"FROM entities n{join} WHERE TRUE{where} ORDER BY n.doc_id, n.entity_id", params)
        for row in _fetch_in_parts(rows):
            yield _entity(*row)

    def affiliation_entities(self, doc_ids: Collection[str] | None = None) -> list[StoredEntity]:
        """The entities another entity of the same document gives as its affiliation (not persons), of the
        given documents (default: all)."""
        where, params = _in("a.doc_id", doc_ids)
        rows = self.con.execute(
            "SELECT a.doc_id, a.entity_id, a.kind, a.name, a.affiliation, a.titles, a.forms FROM entities a "
            "WHERE a.kind <> 'person' AND EXISTS (SELECT 1 FROM entities p WHERE p.doc_id = a.doc_id "
            f"AND p.affiliation = a.entity_id){where} ORDER BY a.doc_id, a.entity_id", params)
        return [_entity(*row) for row in _fetch_in_parts(rows)]

    def published_dates(self, doc_ids: Collection[str] | None = None) -> dict[str, str | None]:
        """The date each document gives itself: published, else its dateline (None: neither)."""
        where, params = _in("id", doc_ids)
        return {d: p or dl or None for d, p, dl in self.con.execute(
            f"SELECT id, published, dateline_date FROM documents WHERE TRUE{where}", params).fetchall()}

    def document_dates(self, doc_ids: Collection[str] | None = None) -> dict[str, str | None]:
        """The date a document was seen: published, else its dateline, else its latest event day, else
        the latest day of an event it reports that another report dates."""
        where, params = _in("id", doc_ids)
        dates: dict[str, str | None] = {d: p or dl or None for d, p, dl in self.con.execute(
            f"SELECT id, published, dateline_date FROM documents WHERE TRUE{where}", params).fetchall()}
        where, params = _in("doc_id", doc_ids)
        for doc_id, latest in self.con.execute(
                f"SELECT doc_id, max(date) FROM events WHERE length(date) = 10{where} GROUP BY doc_id", params).fetchall():
            if dates.get(doc_id) is None:
                dates[doc_id] = latest
        where, params = _in("e.doc_id", doc_ids)
        for doc_id, latest in self.con.execute(
                "WITH dated AS (SELECT corpus_event, max(date) AS day FROM events WHERE length(date) = 10 "
                "AND corpus_event IS NOT NULL GROUP BY corpus_event) "
                "SELECT e.doc_id, max(dated.day) FROM events e JOIN dated ON dated.corpus_event = e.corpus_event "
                f"WHERE TRUE{where} GROUP BY e.doc_id", params).fetchall():
            if dates.get(doc_id) is None:
                dates[doc_id] = latest
        return dates

    def actor_decisions(self) -> tuple[dict[Key, str], dict[str, list[str]]]:
        """The user's decisions: pinned entities (-> actor id) and the forms added to actors."""
        if not self.has_actor_tables():
            return {}, {}
        pins = {(d, e): a for d, e, a in self.con.execute("SELECT doc_id, entity_id, actor_id FROM actor_pins").fetchall()}
        aliases: dict[str, list[str]] = defaultdict(list)
        for a, form in self.con.execute("SELECT actor_id, form FROM actor_user_aliases ORDER BY added_at, form").fetchall():
            aliases[a].append(form)
        return pins, dict(aliases)

    def actor_links(self, doc_ids: Collection[str] | None = None, *,
                    kinds: Collection[str] | None = None) -> dict[Key, str]:
        """(document id, entity id) -> corpus actor id, as the last refresh stored them (of the given
        documents, of entities of the given kinds; default all)."""
        if not self.has_actor_tables():
            return {}
        where, params = _in("l.doc_id", doc_ids)
        join = ""
        if kinds is not None:
            join = " JOIN entities n ON n.doc_id = l.doc_id AND n.entity_id = l.entity_id"
            where += " AND n.kind IN (SELECT unnest(?::VARCHAR[]))"
            params.append(sorted(kinds))
        return {(d, e): a for d, e, a in _fetch_in_parts(self.con.execute(
            f"SELECT l.doc_id, l.entity_id, l.actor_id FROM actor_links l{join} WHERE TRUE{where}", params))}

    def first_documents(self, actor_ids: Collection[str]) -> dict[str, str]:
        """Actor id -> the first document (by id) with an entity the last refresh linked to it."""
        if not actor_ids:
            return {}
        return dict(self.con.execute("SELECT actor_id, min(doc_id) FROM actor_links WHERE actor_id IN "
                                     "(SELECT unnest(?::VARCHAR[])) GROUP BY actor_id", [sorted(actor_ids)]).fetchall())

    def persons_named(self, doc_ids: Collection[str]) -> dict[str, set[str]]:
        """Document -> the corpus actors of the persons it names (as the last refresh linked them)."""
        out: dict[str, set[str]] = defaultdict(set)
        if not doc_ids or not self.has_actor_tables():
            return {}
        for d, a in self.con.execute(
                "SELECT DISTINCT l.doc_id, l.actor_id FROM actor_links l JOIN entities n ON n.doc_id = l.doc_id "
                "AND n.entity_id = l.entity_id WHERE n.kind = 'person' AND l.doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(doc_ids)]).fetchall():
            out[d].add(a)
        return dict(out)

    def documents_naming(self, actor_ids: Collection[str]) -> set[str]:
        """The documents with an entity the last refresh linked to one of ``actor_ids``."""
        if not actor_ids:
            return set()
        return {d for (d,) in self.con.execute("SELECT DISTINCT doc_id FROM actor_links WHERE actor_id IN "
                                               "(SELECT unnest(?::VARCHAR[]))", [sorted(actor_ids)]).fetchall()}

    def stored_actors(self, actor_ids: Collection[str] | None = None) -> list[ActorRecord]:
        """The corpus actors as the last refresh stored them (default: all)."""
        where, params = _in("actor_id", actor_ids)
        facts: dict[str, dict[str, list[ActorFact]]] = {t: defaultdict(list) for t in ("forms", "titles", "affs")}
        for a, f, o, first, last, n in self.con.execute(
                f"SELECT actor_id, form, origin, first_seen, last_seen, documents FROM actor_forms WHERE TRUE{where}",
                params).fetchall():
            facts["forms"][a].append(ActorFact(f, first, last, n, o))
        for table, column, name in (("actor_titles", "title", "titles"), ("actor_affiliations", "affiliation", "affs")):
            for a, v, first, last, n in self.con.execute(
                    f"SELECT actor_id, {column}, first_seen, last_seen, documents FROM {table} WHERE TRUE{where}",
                    params).fetchall():
                facts[name][a].append(ActorFact(v, first, last, n))
        where, params = _in("id", actor_ids)
        return [ActorRecord(a, k, n, o, docs, tuple(facts["forms"][a]), tuple(facts["titles"][a]),
                            tuple(facts["affs"][a]))
                for a, k, n, o, docs in self.con.execute(
                    f"SELECT id, kind, name, origin, documents FROM corpus_actors WHERE TRUE{where} ORDER BY id",
                    params).fetchall()]

    def write_actors(self, links: Mapping[Key, str], actors: Iterable[ActorRecord], *,
                     replace: Collection[str] | None = None, others_self_linked: bool = False) -> None:
        """Store actor links and actors. ``replace``: the actors whose rows are replaced, and the links of
        ``links`` with them (None: every learned table is emptied first). ``others_self_linked``: every
        organisation, state and place entity not in ``links`` is its own actor (its entity id)."""
        con = self.con
        actors = list(actors)
        if log := self._noting():
            log.note_actors(con, links, replace, {a.id: (a.name, a.kind) for a in actors})
        if replace is None:
            for table in ACTOR_TABLES:
                con.execute(f"DELETE FROM {table}")
        else:
            ids = [sorted(replace)]
            con.execute("DELETE FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", ids)
            for table in ACTOR_TABLES[2:]:
                con.execute(f"DELETE FROM {table} WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", ids)
            keys = list(links)
            for start in range(0, len(keys), _PART):
                part = keys[start:start + _PART]
                con.execute("DELETE FROM actor_links USING (SELECT unnest(?::VARCHAR[]) AS d, unnest(?::VARCHAR[]) AS e) m "
                            "WHERE actor_links.doc_id = m.d AND actor_links.entity_id = m.e",
                            [[d for d, _ in part], [e for _, e in part]])
        items = iter(links.items())
        while part := [[d, e, a] for (d, e), a in islice(items, _PART)]:
            insert_columns(con, "actor_links", ["VARCHAR"] * 3, part)
        if replace is None and others_self_linked:
            # against the links just written, not against them sent again as two arrays of a million ids
            con.execute("INSERT INTO actor_links SELECT doc_id, entity_id, entity_id FROM entities n "
                        "WHERE kind <> 'person' AND NOT EXISTS (SELECT 1 FROM actor_links l "
                        "WHERE l.doc_id = n.doc_id AND l.entity_id = n.entity_id)")
        insert_columns(con, "corpus_actors", ["VARCHAR"] * 4 + ["INTEGER"],
                       [[a.id, a.kind, a.name, a.origin, a.documents] for a in actors])
        insert_columns(con, "actor_forms", ["VARCHAR"] * 6 + ["INTEGER"],
                       [[a.id, f.value, _script(f.value), f.origin, f.first_seen, f.last_seen, f.documents]
                        for a in actors for f in a.forms])
        insert_columns(con, "actor_titles", ["VARCHAR"] * 4 + ["INTEGER"],
                       [[a.id, t.value, t.first_seen, t.last_seen, t.documents] for a in actors for t in a.titles])
        insert_columns(con, "actor_affiliations", ["VARCHAR"] * 4 + ["INTEGER"],
                       [[a.id, x.value, x.first_seen, x.last_seen, x.documents] for a in actors for x in a.affiliations])

    def pin_entities(self, keys: Sequence[Key], actor_id: str) -> None:
        """A user decision: these entities are ``actor_id`` whatever later linking finds."""
        self.con.executemany("INSERT INTO actor_pins VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, entity_id) DO UPDATE SET "
                             "actor_id = excluded.actor_id, pinned_at = excluded.pinned_at",
                             [[d, e, actor_id, _now()] for d, e in keys])

    def move_actor_decisions(self, source: str, target: str) -> None:
        """The user's pins and forms of ``source`` become ``target``'s."""
        self.con.execute("UPDATE actor_user_aliases SET actor_id = ? WHERE actor_id = ? AND form NOT IN "
                         "(SELECT form FROM actor_user_aliases WHERE actor_id = ?)", [target, source, target])
        self.con.execute("UPDATE actor_pins SET actor_id = ? WHERE actor_id = ?", [target, source])

    def add_user_alias(self, actor_id: str, form: str) -> None:
        self.con.execute("INSERT INTO actor_user_aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [actor_id, form, _now()])

    def actor_affiliations(self) -> dict[str, set[str]]:
        """Corpus actor -> the states and organizations it was seen acting for."""
        out: dict[str, set[str]] = defaultdict(set)
        if self.has_actor_tables():
            for actor, aff in self.con.execute("SELECT actor_id, affiliation FROM actor_affiliations").fetchall():
                out[actor].add(aff)
        return dict(out)

    def party_reports(self) -> list[tuple[str, str, str | None, str, str, str | None]]:
        """Every party of every occurred report: (corpus event id, document, date, type, entity id, role)."""
        return self.con.execute(
            "SELECT coalesce(e.corpus_event, e.id), e.doc_id, e.date, e.type, p.entity_id, p.role "
            "FROM events e JOIN event_parties p ON p.event_id = e.id WHERE e.status = 'occurred'").fetchall()


def _script(form: str) -> str:
    return "Arab" if is_arabic(form) else "Latn"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
