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

import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import ActorFact, ActorRecord, StoredEntity
from ..store import Store
from ..store.person_tables import PersonClusterRow
from ..textnorm import is_arabic
from ..translit import SAME_NAME_THRESHOLD, arabic_to_latin, learn_spellings
from .naming import ArabicName, name_written, romanize_persons
from .persons import (Key, PersonCluster, PersonNode, PersonSeed, Sighting, cluster_persons, collapse_sightings,
                      fixed_ids, node_order, number_clusters, pair_score, person_node)

if TYPE_CHECKING:
    from .actors import CorpusActor

__all__ = ["PersonScope", "name_scope", "person_rows", "family", "encode_node", "decode_node", "link_all_persons", "reach_persons", "learned_spellings", "respelled_actors"]

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
                  seeds: Sequence[PersonSeed], pins: Mapping[Key, str],
                  threshold: float = SAME_NAME_THRESHOLD) -> PersonScope:
    """The stored person components the ``new`` entities' persons (and the seeds) reach, relinked with them."""
    ents = dict(new)
    reached: set[str] = set()
    components = {r.component for r in store.person_clusters(actor_ids={s.id for s in seeds})}
    loaded: set[str] = set()
    stored: dict[str, list[tuple[str, PersonNode]]] = {}
    scores: dict[tuple[PersonNode, PersonNode], float] = {}
    while True:
        if components - loaded:
            actors = store.person_actors_in_components(components - loaded) - reached
            loaded |= components
            reached |= actors
            _load_members(store, actors, ents)
        sightings = sorted(sightings_of(ents), key=lambda s: s.key)
        nodes, members = collapse_sightings(sightings, pins)
        dirty = [person_node(s) for s in seeds] + \
            [person_node(n, pins.get(n.key)) for n in nodes if any(k in new for k in members[n.key])]
        hit = _linked_actors(store, dirty, reached, stored, scores, threshold)
        if hit:
            components |= {r.component for r in store.person_clusters(actor_ids=hit)}
            continue
        clusters = cluster_persons(sightings, seeds=seeds, pins=pins, threshold=threshold)
        ids, renumbered = _number_in_families(store, clusters, fixed_ids(seeds, pins), reached)
        if not renumbered:
            return PersonScope(clusters, ids, ents, reached)
        components |= {r.component for r in store.person_clusters(actor_ids=renumbered)}


def _linked_actors(store: Store, dirty: Sequence[PersonNode], reached: Collection[str],
                   stored: dict[str, list[tuple[str, PersonNode]]],
                   scores: dict[tuple[PersonNode, PersonNode], float], threshold: float) -> set[str]:
    """The stored person actors outside ``reached`` with a node that pools with a ``dirty`` one (the same
    name, affiliation and pin) or shares a block with one and scores a link with it (``stored``: the
    stored nodes by block, read as needed)."""
    need = sorted({b for d in dirty for b in d.blocks} - stored.keys())
    for block in need:
        stored[block] = []
    for block, actor, node in store.person_nodes(need):
        stored[block].append((actor, decode_node(node)))
    hit: set[str] = set()
    for d in dirty:
        for block in d.blocks:
            for actor, node in stored[block]:
                if actor in reached or actor in hit:
                    continue
                if node.group == d.group:
                    hit.add(actor)
                elif not block.startswith("="):
                    pair = (d, node) if node_order(d) < node_order(node) else (node, d)
                    if pair not in scores:
                        scores[pair] = pair_score(*pair)
                    if scores[pair] >= threshold:
                        hit.add(actor)
    return hit


def _load_members(store: Store, actor_ids: Collection[str], ents: dict[Key, StoredEntity]) -> None:
    """Add the person entities last linked to ``actor_ids``, and their documents' affiliation entities."""
    if not actor_ids:
        return
    persons = [e for e in store.iter_entities(actor_ids=actor_ids) if e.key not in ents]
    ents.update((e.key, e) for e in persons)
    docs = {e.doc_id for e in persons if e.affiliation}
    if docs:
        ents.update((e.key, e) for e in store.affiliation_entities(docs) if e.key not in ents)


def encode_node(node: PersonNode) -> str:
    """A node as person_nodes keeps it (JSON)."""
    return json.dumps([list(node.first) if node.first else None, list(node.group), list(node.aliases),
                       list(node.context), list(node.blocks)], ensure_ascii=False)


def decode_node(text: str) -> PersonNode:
    first, group, aliases, context, blocks = json.loads(text)
    return PersonNode(tuple(first) if first else None, tuple(group), tuple(aliases), tuple(context), tuple(blocks))


def _number_in_families(store: Store, clusters: Sequence[PersonCluster], taken: Collection[str],
                        reached: Collection[str]) -> tuple[list[str | None], set[str]]:
    """The ids of ``clusters`` as numbering every cluster of the corpus gives them, and the stored actors
    outside ``reached`` whose learned id that numbering changes."""
    families = {family(c.base) for c in clusters if c.base} | {family(a) for a in reached}
    others = [r for r in store.person_clusters(families=families) if r.actor_id not in reached and r.base]
    stand_ins = [PersonCluster([r.first], None, r.base) for r in others if r.first]
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


def name_scope(store: Store, actors: dict[str, CorpusActor], seeds: Mapping[str, PersonSeed],
                scope: PersonScope, full: bool) -> tuple[list[ActorRecord], dict[str, ArabicName]]:
    """Name the person actors of ``scope`` with the corpus's spellings of Arabic names (learned from
    them, or, incrementally, from them and the stored pairs of the others); returns the stored actors
    outside the scope that a change of those spellings rewrites, and the Arabic name of each actor."""
    arabic = name_written(actors)
    if full:
        spellings = learn_spellings((n.arabic, actors[a].name) for a, n in arabic.items() if n.spells and n.arabic)
        romanize_persons(actors, seeds, arabic, spellings)
        return [], arabic
    firsts = {cid: c.first for c, cid in zip(scope.clusters, scope.ids) if cid and c.first}
    fresh = [(firsts[a], n.arabic, actors[a].name) for a, n in arabic.items() if n.spells and n.arabic]
    rewritten = scope.replaced | set(arabic)
    before, spellings = learned_spellings(store, fresh, rewritten)
    romanize_persons(actors, seeds, arabic, spellings)
    return (respelled_actors(store, spellings, rewritten) if spellings != before else []), arabic


def person_rows(scope: PersonScope, actors: Mapping[str, CorpusActor], arabic: Mapping[str, ArabicName]
                 ) -> tuple[list[PersonClusterRow], list[tuple[str, str, str]]]:
    """The person_clusters and person_nodes rows of the clusters of ``scope``."""
    rows, nodes = [], []
    for c, cid in zip(scope.clusters, scope.ids):
        if cid is None or cid not in actors:
            continue
        n = arabic.get(cid, ArabicName(None, False, False))
        rows.append(PersonClusterRow(cid, c.component, family(c.base) if c.base else None, c.base, c.first,
                                     n.arabic, n.spells, n.named_from_arabic))
        for node in c.nodes:
            if node.first is not None:              # seeds are read from the overlay and decisions
                nodes += [(b, cid, encode_node(node)) for b in node.blocks]
    return rows, nodes
