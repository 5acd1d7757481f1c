"""How linking last saw each person actor, as typed reads and writes: the nodes it compared, by the blocks
they are compared in (person_nodes), and each cluster's component and what its id and name were made from
(person_clusters). An incremental refresh reads
them to relink only the clusters new sightings can reach (communique.corpus.relinking computes; this module
only persists and queries). The same SQL runs on DuckDB and PostgreSQL."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["PersonTables", "PersonClusterRow"]

#: ids sent per statement
_PART = 50_000


@dataclass(frozen=True, slots=True)
class PersonClusterRow:
    """One person actor as linking made it: the base and family of its learned id (None: a fixed id), its
    first sighting, its Arabic name (None: no Arabic form), whether that name and the actor's Latin one
    teach the corpus a spelling, and whether the actor's name is romanized from it."""

    actor_id: str
    component: str
    family: str | None
    base: str | None
    first: tuple[str, str] | None
    arabic: str | None
    spells: bool
    named_from_arabic: bool
    name: str | None = None      # the actor's name (read back; not written from here)


def _parts(ids: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _PART):
        yield ordered[start:start + _PART]


class PersonTables:
    """The person-linking tables (store/actors.sql); mixed into every SQL store through CorpusTables."""

    con: Any

    def has_person_clusters(self) -> bool:
        """Whether the person actors were linked by a refresh that keeps person_clusters (or there are none)."""
        return self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM person_clusters) OR NOT EXISTS "
            "(SELECT 1 FROM corpus_actors WHERE kind = 'person' AND documents > 0)").fetchone()[0]

    def person_nodes(self, blocks: Collection[str]) -> list[tuple[str, str, str]]:
        """(block, actor id, node as JSON) of the nodes compared in ``blocks``."""
        out: list[tuple[str, str, str]] = []
        for part in _parts(blocks):
            out += self.con.execute("SELECT block, actor_id, node FROM person_nodes WHERE block IN "
                                    "(SELECT unnest(?::VARCHAR[]))", [part]).fetchall()
        return out

    def person_actors_in_components(self, components: Collection[str]) -> set[str]:
        """The person actors of the given components."""
        out: set[str] = set()
        for part in _parts(components):
            out.update(a for (a,) in self.con.execute(
                "SELECT actor_id FROM person_clusters WHERE component IN (SELECT unnest(?::VARCHAR[]))",
                [part]).fetchall())
        return out

    def person_clusters(self, *, families: Collection[str] | None = None, actor_ids: Collection[str] | None = None,
                        spelling: bool = False) -> list[PersonClusterRow]:
        """The stored person clusters: of learned ids in ``families``, or of ``actor_ids``, or (``spelling``)
        those with an Arabic name (it teaches a spelling or is romanized), or (none) all; by first sighting."""
        where, params = "", []
        if families is not None:
            where, params = " WHERE p.family IN (SELECT unnest(?::VARCHAR[]))", [sorted(families)]
        elif actor_ids is not None:
            where, params = " WHERE p.actor_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(actor_ids)]
        elif spelling:
            where = " WHERE p.arabic IS NOT NULL"
        rows = self.con.execute("SELECT p.actor_id, p.component, p.family, p.base, p.first_doc, p.first_entity, p.arabic, p.spells, "
                                "p.named_from_arabic, c.name FROM person_clusters p LEFT JOIN corpus_actors c "
                                f"ON c.id = p.actor_id{where} ORDER BY p.first_doc, p.first_entity", params).fetchall()
        return [PersonClusterRow(a, c, f, b, (d, e) if d is not None else None, ar, bool(s), bool(n), name)
                for a, c, f, b, d, e, ar, s, n, name in rows]

    def write_person_clusters(self, rows: Sequence[PersonClusterRow], nodes: Sequence[tuple[str, str, str]], *,
                              replace: Collection[str] | None = None) -> None:
        """Store person clusters and their nodes' (block, actor id, node as JSON) rows, replacing those of
        ``replace`` (None: all)."""
        from .corpus_tables import insert_columns

        if replace is None:
            self.con.execute("DELETE FROM person_nodes")
            self.con.execute("DELETE FROM person_clusters")
        else:
            for part in _parts(replace):
                for table in ("person_nodes", "person_clusters"):
                    self.con.execute(f"DELETE FROM {table} WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [part])
        insert_columns(self.con, "person_clusters", ["VARCHAR"] * 7 + ["BOOLEAN"] * 2,
                       [[r.actor_id, r.component, r.family, r.base, r.first[0] if r.first else None,
                         r.first[1] if r.first else None, r.arabic, r.spells, r.named_from_arabic] for r in rows])
        node_rows = list(nodes)
        for start in range(0, len(node_rows), _PART):
            insert_columns(self.con, "person_nodes", ["VARCHAR"] * 3, node_rows[start:start + _PART])
