"""Incremental person linking: the person sightings of new documents -> the stored person clusters they can
reach, relinked with them, and the stored actors whose learned id or name the change reaches.

Linking (communique.corpus.persons) compares names only within blocks, so a cluster can change only if a
new sighting shares a block with it or with a cluster that shares one with it, and so on: the clusters
reached this way (closed over the blocks of every name of every reached cluster) are relinked as a whole,
with every sighting they had, and give what linking the whole corpus gives them. Two things are shared
beyond blocks: the number a learned id takes when another cluster has the same base (person:ali-2), which
is decided within the family of bases (stored clusters of the family whose number would change are reached
too), and the spellings the corpus uses for Arabic names, learned from the stored (Arabic, Latin) pairs of
every person actor (actors outside the reached clusters whose romanizations they change are rewritten).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..records import ActorFact, ActorRecord, StoredEntity
from ..store import Store
from ..textnorm import is_arabic
from ..translit import arabic_to_latin, learn_spellings
from .persons import (Key, PersonCluster, PersonSeed, Sighting, cluster_persons, collapse_sightings, fixed_ids,
                      node_blocks, number_clusters)

__all__ = ["PersonScope", "family", "link_all_persons", "reach_persons", "learned_spellings", "respelled_actors"]

#: reads the person sightings of some entities (their affiliations linked as corpus actors)
SightingsOf = Callable[[Mapping[Key, StoredEntity]], list[Sighting]]


@dataclass
class PersonScope:
    """The person clusters a refresh relinks, with their ids, the entities they were linked from (persons
    and the entities their documents give as affiliations), and the stored actors they replace."""

    clusters: list[PersonCluster]
    ids: list[str | None]
    ents: dict[Key, StoredEntity]
    replaced: set[str] = field(default_factory=set)

    def links(self) -> dict[Key, str]:
        return {k: cid for c, cid in zip(self.clusters, self.ids) if cid for k in c.members}


def family(actor_id: str) -> str:
    """The ids a learned id can collide with share this: the id without its numbers (person:ali-2-3 ->
    person:ali)."""
    return re.sub(r"(?:-\d+)+$", "", actor_id)


def link_all_persons(ents: dict[Key, StoredEntity], sightings_of: SightingsOf, seeds: Sequence[PersonSeed],
                     pins: Mapping[Key, str]) -> PersonScope:
    """Every stored person linked (a full refresh)."""
    clusters = cluster_persons(sorted(sightings_of(ents), key=lambda s: s.key), seeds=seeds, pins=pins)
    return PersonScope(clusters, number_clusters(clusters, fixed_ids(seeds, pins)), ents)


def reach_persons(store: Store, new: Mapping[Key, StoredEntity], sightings_of: SightingsOf,
                  seeds: Sequence[PersonSeed], pins: Mapping[Key, str]) -> PersonScope:
    """The stored person clusters the ``new`` entities' persons (and the seeds) reach, relinked with them."""
    ents = dict(new)
    reached: set[str] = set()
    explored: set[str] = set()
    frontier = {b for s in seeds for b in node_blocks(s)}
    frontier |= {b for n in collapse_sightings(sightings_of(new), pins)[0] for b in node_blocks(n)}
    while True:
        while frontier:
            explored |= frontier
            found = store.person_actors_in_blocks(frontier) - reached
            reached |= found
            frontier = store.person_blocks_of(found) - explored if found else set()
            _load_members(store, found, ents)
        sightings = sorted(sightings_of(ents), key=lambda s: s.key)
        frontier = {b for n in collapse_sightings(sightings, pins)[0] for b in node_blocks(n)} - explored
        if frontier:
            continue            # a sighting pooled with new ones is compared in a block of its own
        clusters = cluster_persons(sightings, seeds=seeds, pins=pins)
        ids, renumbered = _number_in_families(store, clusters, fixed_ids(seeds, pins), reached)
        if not renumbered:
            return PersonScope(clusters, ids, ents, reached)
        reached |= renumbered
        frontier = store.person_blocks_of(renumbered) - explored
        _load_members(store, renumbered, ents)


def _load_members(store: Store, actor_ids: Collection[str], ents: dict[Key, StoredEntity]) -> None:
    """Add the person entities last linked to ``actor_ids``, and their documents' affiliation entities."""
    if not actor_ids:
        return
    persons = [e for e in store.iter_entities(actor_ids=actor_ids) if e.key not in ents]
    ents.update((e.key, e) for e in persons)
    docs = {e.doc_id for e in persons if e.affiliation}
    if docs:
        ents.update((e.key, e) for e in store.affiliation_entities(docs) if e.key not in ents)


def _number_in_families(store: Store, clusters: Sequence[PersonCluster], taken: Collection[str],
                        reached: Collection[str]) -> tuple[list[str | None], set[str]]:
    """The ids of ``clusters`` as numbering every cluster of the corpus gives them, and the stored actors
    outside ``reached`` whose learned id that numbering changes."""
    families = {family(c.base) for c in clusters if c.base} | {family(a) for a in reached}
    others = [r for r in store.person_clusters(families=families) if r.actor_id not in reached and r.base]
    stand_ins = [PersonCluster([r.first], None, r.base, set()) for r in others if r.first]
    ids = number_clusters(list(clusters) + stand_ins, taken)
    renumbered = {r.actor_id for r, cid in zip(others, ids[len(clusters):]) if cid != r.actor_id}
    return ids[:len(clusters)], renumbered


def learned_spellings(store: Store, fresh: Iterable[tuple[Key, str, str]], replaced: Collection[str]
                      ) -> tuple[dict[str, str], dict[str, str]]:
    """The corpus's spellings of Arabic name words before and after a refresh: learned from the stored
    (Arabic, Latin) pairs of every person actor, and from those pairs with the ``replaced`` actors' taken
    out and ``fresh`` (first sighting, Arabic, Latin) ones put in, in first-sighting order either way."""
    stored = [(r.first, r.arabic, r.name, r.actor_id) for r in store.person_clusters(spelling=True)
              if r.spells and r.first and r.arabic and r.name is not None]
    before = learn_spellings((ar, lat) for _, ar, lat, _ in stored)
    kept = [(first, ar, lat) for first, ar, lat, a in stored if a not in replaced]
    after = learn_spellings((ar, lat) for _, ar, lat in sorted(kept + list(fresh), key=lambda p: p[0]))
    return before, after


def respelled_actors(store: Store, spellings: Mapping[str, str], skip: Collection[str]) -> list[ActorRecord]:
    """The stored person actors (but ``skip``) whose romanized forms or name the corpus's new ``spellings``
    change, rewritten."""
    rows = {r.actor_id: r for r in store.person_clusters(spelling=True) if r.actor_id not in skip}
    out = []
    for act in store.stored_actors(set(rows)) if rows else ():
        row = rows[act.id]
        written = [f for f in act.forms if f.origin != "romanized"]
        present = {f.value for f in written}
        romanized: dict[str, ActorFact] = {}
        for f in written:
            if is_arabic(f.value):
                rom = " ".join(arabic_to_latin(f.value, spellings=spellings).split())
                if rom and rom not in present and rom not in romanized:
                    romanized[rom] = ActorFact(rom, None, None, 0, "romanized")
        name = act.name
        if row.named_from_arabic and row.arabic:
            name = arabic_to_latin(row.arabic, spellings=spellings) or act.name
        forms = tuple(written) + tuple(romanized.values())
        if name != act.name or {f.value for f in forms} != {f.value for f in act.forms}:
            out.append(ActorRecord(act.id, act.kind, name, act.origin, act.documents, forms, act.titles,
                                   act.affiliations))
    return out
