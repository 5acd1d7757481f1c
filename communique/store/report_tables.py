"""The merged-event tables as typed reads and writes: occurred reports with their parties (as corpus actors),
the signatures of their merge keys' inputs, the corpus event of every report, merge blocks and key digests
(communique.corpus.refresh computes them; this module only persists and queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from ..records import ReportParty, StoredReport
from .sql_parts import PART, fetch_in_parts, in_filter, insert_columns

__all__ = ["ReportTables"]


class ReportTables:
    """Mixed into every SQL store (through CorpusTables)."""

    con: Any

    def occurred_reports(self, doc_ids: Collection[str] | None = None, *,
                         event_ids: Collection[str] | None = None) -> Iterator[StoredReport]:
        """The occurred reports (of the given documents or events; default all) with their parties, in
        event id order. Parties carry their corpus actors where the store keeps actor tables."""
        where, params = in_filter("e.doc_id", doc_ids)
        more, extra = in_filter("e.id", event_ids)
        where, params = where + more, params + extra
        # the ids first, then the reports a part of them at a time: the joined and sorted rows of every report
        # of a 100k-document store are never one result that the database holds whole
        ids = [ev_id for (ev_id,) in fetch_in_parts(self.con.execute(
            f"SELECT e.id FROM events e WHERE e.status = 'occurred'{where} ORDER BY e.id", params))]
        query = _REPORTS_WITH_ACTORS if self.has_actor_tables() else _REPORTS
        for start in range(0, len(ids), _REPORTS_PER_QUERY):
            rows = fetch_in_parts(self.con.execute(query, [ids[start:start + _REPORTS_PER_QUERY]]))
            yield from _reports(rows)

    def report_signatures(self, doc_ids: Collection[str]) -> list[tuple[str, str, str, str | None]]:
        """(report id, document, signature, stored merge key digest) of the occurred reports of ``doc_ids``, in
        report id order. The signature is a digest of everything a report's merge key is computed from but
        the corpus-wide actor affiliations (its type, date, country, parties with their corpus actors and
        the actors they act for, the persons its document names, the document's own date): reports with
        the same signature have the same merge key (copies of one story)."""
        if not doc_ids:
            return []
        docs = sorted(doc_ids)
        if not self.has_actor_tables():         # parties without corpus actors: each report its own signature
            return list(fetch_in_parts(self.con.execute(
                "SELECT e.id, e.doc_id, e.id, k.digest FROM events e LEFT JOIN merge_keys k ON k.event_id = e.id "
                "WHERE e.status = 'occurred' AND e.doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.id", [docs])))
        sep = "chr(31)"
        party = (f"concat_ws({sep}, p.entity_id, coalesce(n.kind, ''), coalesce(n.name, ''), coalesce(l.actor_id, ''), "
                 f"coalesce({_ACTS_FOR}, ''))")
        query = (
            f"WITH reports AS (SELECT e.id, e.doc_id, concat_ws({sep}, e.type, coalesce(e.date, ''), "
            f"coalesce(e.country, ''), coalesce(string_agg({party}, chr(30) ORDER BY {party}), '')) AS own "
            f"FROM events e {_PARTY_JOINS} WHERE e.status = 'occurred' AND e.doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "GROUP BY e.id, e.doc_id, e.type, e.date, e.country), "
            "named AS (SELECT l.doc_id, string_agg(DISTINCT l.actor_id, chr(30) ORDER BY l.actor_id) AS persons "
            "FROM actor_links l JOIN entities n ON n.doc_id = l.doc_id AND n.entity_id = l.entity_id "
            "WHERE n.kind = 'person' AND l.doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY l.doc_id) "
            f"SELECT r.id, r.doc_id, md5(concat_ws({sep}, r.own, coalesce(named.persons, ''), "
            "coalesce(nullif(d.published, ''), nullif(d.dateline_date, ''), ''))), k.digest FROM reports r "
            "JOIN documents d ON d.id = r.doc_id LEFT JOIN named ON named.doc_id = r.doc_id "
            "LEFT JOIN merge_keys k ON k.event_id = r.id ORDER BY r.id")
        return list(fetch_in_parts(self.con.execute(query, [docs, docs])))

    def corpus_event_ids(self, event_ids: Collection[str] | None = None) -> dict[str, str]:
        """Report id -> its corpus event, as the last refresh stored them."""
        where, params = in_filter("id", event_ids)
        return dict(fetch_in_parts(self.con.execute(
            f"SELECT id, corpus_event FROM events WHERE corpus_event IS NOT NULL{where}", params)))

    def set_corpus_events(self, changed: Sequence[tuple[str, str | None]]) -> None:
        """Store (report id, corpus event id or None) pairs."""
        if changed and (log := self._noting()):
            log.note_corpus_events(self.con, changed)
        for start in range(0, len(changed), PART):
            part = changed[start:start + PART]
            self.con.execute("UPDATE events SET corpus_event = m.cid FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                             "unnest(?::VARCHAR[]) AS cid) m WHERE events.id = m.id",
                             [[e for e, _ in part], [c for _, c in part]])

    def count_corpus_events(self) -> int:
        """The number of merged events the stored corpus ids make."""
        return self.con.execute("SELECT count(DISTINCT corpus_event) FROM events WHERE status = 'occurred' "
                                "AND corpus_event IS NOT NULL").fetchone()[0]

    def corpus_event_reports(self, corpus_ids: Collection[str]) -> dict[str, list[tuple[str, str, str | None]]]:
        """Stored corpus event -> its reports as (report id, document, stored merge key digest), in id order."""
        out: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        ids = sorted(corpus_ids)
        for start in range(0, len(ids), PART):
            for cid, ev_id, doc_id, digest in fetch_in_parts(self.con.execute(
                    "SELECT e.corpus_event, e.id, e.doc_id, k.digest FROM events e LEFT JOIN merge_keys k "
                    "ON k.event_id = e.id WHERE e.corpus_event IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.id",
                    [ids[start:start + PART]])):
                out[cid].append((ev_id, doc_id, digest))
        return dict(out)

    def corpus_event_members(self, corpus_ids: Collection[str]) -> dict[str, list[str]]:
        """Stored corpus event -> its reports, in id order, for the given corpus events."""
        out: dict[str, list[str]] = defaultdict(list)
        ids = sorted(corpus_ids)
        for start in range(0, len(ids), PART):
            for cid, ev_id in fetch_in_parts(self.con.execute(
                    "SELECT corpus_event, id FROM events WHERE corpus_event IN (SELECT unnest(?::VARCHAR[])) "
                    "ORDER BY id", [ids[start:start + PART]])):
                out[cid].append(ev_id)
        return dict(out)

    def corpus_events_in_blocks(self, blocks: Collection[str]) -> set[str]:
        """The stored corpus events with a report in one of the given merge blocks."""
        out: set[str] = set()
        names = sorted(blocks)
        for start in range(0, len(names), PART):
            out.update(cid for (cid,) in self.con.execute(
                "SELECT DISTINCT e.corpus_event FROM merge_blocks b JOIN events e ON e.id = b.event_id "
                "WHERE b.block IN (SELECT unnest(?::VARCHAR[])) AND e.corpus_event IS NOT NULL",
                [names[start:start + PART]]).fetchall())
        return out

    def merge_blocks(self, blocks: Collection[str]) -> dict[str, set[str]]:
        """Stored merge block -> the reports in it, for the given blocks."""
        out: dict[str, set[str]] = defaultdict(set)
        for start in range(0, len(blocks), PART):
            part = sorted(blocks)[start:start + PART]
            for block, ev_id in self.con.execute("SELECT block, event_id FROM merge_blocks WHERE block IN "
                                                 "(SELECT unnest(?::VARCHAR[]))", [part]).fetchall():
                out[block].add(ev_id)
        return dict(out)

    def blocks_of(self, event_ids: Collection[str]) -> dict[str, set[str]]:
        """Report -> the merge blocks the last refresh put it in."""
        out: dict[str, set[str]] = defaultdict(set)
        ids = sorted(event_ids)
        for start in range(0, len(ids), PART):
            for block, ev_id in self.con.execute("SELECT block, event_id FROM merge_blocks WHERE event_id IN "
                                                 "(SELECT unnest(?::VARCHAR[]))", [ids[start:start + PART]]).fetchall():
                out[ev_id].add(block)
        return dict(out)

    def replace_merge_blocks(self, event_ids: Collection[str] | None, rows: Iterable[tuple[str, str]]) -> None:
        """Replace the blocks of ``event_ids`` (None: of every report) by (block, event id) rows."""
        self._replace_event_rows("merge_blocks", event_ids, rows)

    def merge_key_digests(self, event_ids: Collection[str]) -> dict[str, str]:
        """Report -> the digest of its merge key as the last refresh stored it."""
        out: dict[str, str] = {}
        ids = sorted(event_ids)
        for start in range(0, len(ids), PART):
            out.update(self.con.execute("SELECT event_id, digest FROM merge_keys WHERE event_id IN "
                                        "(SELECT unnest(?::VARCHAR[]))", [ids[start:start + PART]]).fetchall())
        return out

    def replace_merge_keys(self, event_ids: Collection[str] | None, rows: Iterable[tuple[str, str]]) -> None:
        """Replace the merge key digests of ``event_ids`` (None: of every report) by (event id, digest) rows."""
        self._replace_event_rows("merge_keys", event_ids, rows)

    def _replace_event_rows(self, table: str, event_ids: Collection[str] | None, rows: Iterable[tuple[str, str]]
                            ) -> None:
        """``rows`` are read a part at a time (a generator of a full refresh's hundreds of thousands of rows
        is never held as one list)."""
        if event_ids is None:
            self.con.execute(f"DELETE FROM {table}")
        else:
            ids = sorted(event_ids)
            for start in range(0, len(ids), PART):
                self.con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [ids[start:start + PART]])
        rows = iter(rows)
        while part := list(islice(rows, PART)):
            insert_columns(self.con, table, ["VARCHAR", "VARCHAR"], part)


#: reports read per query (occurred_reports)
_REPORTS_PER_QUERY = 20_000

#: the state or organization a person party acts for, as a corpus actor (else its entity id)
_ACTS_FOR = ("CASE WHEN n.kind = 'person' AND an.kind IN ('state', 'organization') "
             "THEN coalesce(la.actor_id, an.entity_id) END")

_PARTY_JOINS = ("LEFT JOIN event_parties p ON p.event_id = e.id "
                "LEFT JOIN entities n ON n.doc_id = e.doc_id AND n.entity_id = p.entity_id "
                "LEFT JOIN actor_links l ON l.doc_id = e.doc_id AND l.entity_id = p.entity_id "
                "LEFT JOIN entities an ON an.doc_id = e.doc_id AND an.entity_id = coalesce(p.affiliation, n.affiliation) "
                "LEFT JOIN actor_links la ON la.doc_id = e.doc_id AND la.entity_id = an.entity_id")

# parties as corpus actors, and the state or organization a person acts for
_REPORTS_WITH_ACTORS = (f"SELECT e.id, e.doc_id, e.type, e.date, e.country, p.entity_id, n.kind, n.name, l.actor_id, "
                        f"{_ACTS_FOR} FROM events e {_PARTY_JOINS} "
                        "WHERE e.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.id")
_REPORTS = ("SELECT e.id, e.doc_id, e.type, e.date, e.country, p.entity_id, n.kind, n.name, NULL, NULL "
            "FROM events e LEFT JOIN event_parties p ON p.event_id = e.id "
            "LEFT JOIN entities n ON n.doc_id = e.doc_id AND n.entity_id = p.entity_id "
            "WHERE e.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.id")


def _reports(rows: Iterable[tuple]) -> Iterator[StoredReport]:
    """Rows of one report after another (in id order) -> the reports with their parties."""
    current: list[Any] | None = None
    parties: list[ReportParty] = []
    for ev_id, doc_id, etype, date, country, ent, kind, name, actor, acts_for in rows:
        if current is None or current[0] != ev_id:
            if current is not None:
                yield StoredReport(*current, parties=tuple(parties))
            current, parties = [ev_id, doc_id, etype, date, country], []
        if ent is not None:
            parties.append(ReportParty(ent, kind, name, actor, acts_for))
    if current is not None:
        yield StoredReport(*current, parties=tuple(parties))
