"""Person linking over collapsed sightings: a union-find of seeds (overlay persons) and sightings, joined by
pins, by the overlay's exact aliases, then by name scores within surname blocks (full names first, best pair
first; then lone surnames), each join checked against the cluster's states, pinned id and every name pair."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from ..textnorm import match_key
from .person_states import distinctive, full_names_agree, outvoted
from .persons import (CHAIN_MARGIN, Key, PersonCluster, PersonSeed, Sighting, is_single, name_score, node_label,
                      block_keys, canonical_name, node_order, pair_score, person_node, person_slug)
from .union_find import find_root

__all__ = ["link_nodes"]


class _Cluster:
    __slots__ = ("fixed_id", "names", "states", "orgs", "members", "single_only", "state_votes")

    def __init__(self, fixed_id: str | None = None) -> None:
        self.fixed_id = fixed_id
        self.names: set[str] = set()
        self.states: set[str] = set()
        self.orgs: set[str] = set()
        self.members: list[Key] = []
        self.single_only = True
        self.state_votes: Counter[str] = Counter()      # state -> the sightings that give it


def link_nodes(sightings: Sequence[Sighting], node_members: Mapping[Key, list[Key]],
               key_names: Mapping[Key, tuple[str, bool]], seeds: Sequence[PersonSeed],
               pins: Mapping[Key, str], threshold: float) -> list[PersonCluster]:
    """cluster_persons over collapsed sightings (each standing for ``node_members[key]``)."""
    linker = _NodeLinker(sightings, node_members, seeds, pins, threshold)
    linker.join_pinned()
    linker.join_seed_aliases(seeds)
    linker.join_full_names()
    linker.join_lone_surnames()
    return linker.clusters_found(key_names)


class _NodeLinker:
    """Node i < len(seeds) is a seed, node len(seeds) + j is sightings[j]; each root of the union-find holds
    its cluster's names, states, organisations, members and pinned id."""

    def __init__(self, sightings: Sequence[Sighting], node_members: Mapping[Key, list[Key]],
                 seeds: Sequence[PersonSeed], pins: Mapping[Key, str], threshold: float) -> None:
        self.sightings, self.node_members, self.pins, self.threshold = sightings, node_members, pins, threshold
        self.n_seed = len(seeds)
        self.views = [person_node(s) for s in seeds] + [person_node(s, pins.get(s.key)) for s in sightings]
        self.alias_lists = [v.aliases for v in self.views]
        self.parent = list(range(len(self.views)))
        self.clusters: dict[int, _Cluster] = {}
        self.fixed_root: dict[str, int] = {}
        for i, seed in enumerate(seeds):
            self._init(i, seed.id)
            self.fixed_root.setdefault(seed.id, i)
        for j, s in enumerate(sightings):
            self._init(self.n_seed + j, pins.get(s.key))
        # blocking by surname skeleton and its alternatives (every alias of a seed is a way in)
        self.blocks: dict[str, list[int]] = defaultdict(list)
        self.node_blocks = [{k for a in (*v.aliases, v.group[0]) if a for k in block_keys(a)} for v in self.views]
        for i, keys in enumerate(self.node_blocks):
            for k in keys:
                self.blocks[k].append(i)
        self._scores: dict[tuple[int, int], float] = {}

    def _init(self, i: int, fixed: str | None) -> None:
        c = _Cluster(fixed)
        c.names.update(self.alias_lists[i])
        aff, kind = self.views[i].group[1], self.views[i].group[2]
        if aff and kind == "state":
            c.states.add(aff)
            c.state_votes[aff] += len(self.node_members[self.sightings[i - self.n_seed].key]) if i >= self.n_seed else 1
        elif aff and kind == "organization":
            c.orgs.add(aff)
        if i >= self.n_seed:
            c.members.extend(self.node_members[self.sightings[i - self.n_seed].key])
        c.single_only = all(is_single(n) for n in self.alias_lists[i])
        self.clusters[i] = c

    def find(self, i: int) -> int:
        return find_root(self.parent, i)

    def absorb(self, ra: int, rb: int) -> int:
        """Join two roots; a pinned cluster stays the root. Returns the root."""
        a, b = self.clusters[ra], self.clusters[rb]
        if b.fixed_id and not a.fixed_id:
            ra, rb, a, b = rb, ra, b, a
        self.parent[rb] = ra
        a.names |= b.names
        a.states |= b.states
        a.orgs |= b.orgs
        a.members += b.members
        a.single_only = a.single_only and b.single_only
        a.state_votes += b.state_votes
        del self.clusters[rb]
        return ra

    def score(self, i: int, j: int) -> float:
        if (i, j) not in self._scores:
            self._scores[(i, j)] = pair_score(self.views[i], self.views[j])
        return self._scores[(i, j)]

    def can_join(self, ra: int, rb: int, strong: bool = False) -> bool:
        a, b = self.clusters[ra], self.clusters[rb]
        if a.fixed_id and b.fixed_id and a.fixed_id != b.fixed_id:
            return False
        if len(a.states | b.states) > 1 and not strong:
            return False
        floor = self.threshold - CHAIN_MARGIN
        return all(name_score(x, y) >= floor for x in a.names for y in b.names if x != y)

    def join_pinned(self) -> None:
        """Pinned sightings join their actor (a seed, or other sightings pinned to the same id)."""
        for j, s in enumerate(self.sightings):
            pid = self.pins.get(s.key)
            if pid is None:
                continue
            i = self.n_seed + j
            if pid in self.fixed_root:
                ra, rb = self.find(self.fixed_root[pid]), self.find(i)
                if ra != rb:
                    self.fixed_root[pid] = self.absorb(ra, rb)
            else:
                self.fixed_root[pid] = i
        self.fixed_root = {k: self.find(v) for k, v in self.fixed_root.items()}

    def join_seed_aliases(self, seeds: Sequence[PersonSeed]) -> None:
        """A sighting with a form that is an exact alias of one seed is that seed: the overlay says so."""
        alias_index: dict[str, set[str]] = defaultdict(set)
        for seed in seeds:
            for form in (seed.name,) + seed.aliases:
                if match_key(form):
                    alias_index[match_key(form)].add(seed.id)
        for j, s in enumerate(self.sightings):
            if s.key in self.pins:
                continue
            hits = {sid for f in (s.name,) + s.forms for sid in alias_index.get(match_key(f), ())}
            if len(hits) == 1:
                sid = hits.pop()
                ra, rb = self.find(self.fixed_root[sid]), self.find(self.n_seed + j)
                if ra != rb:
                    self.fixed_root[sid] = self.absorb(ra, rb)

    def join_full_names(self) -> None:
        """Pairs where neither side is a lone surname, best first; two states join only on strong evidence."""
        pairs: list[tuple[float, int, int]] = []
        for members in self.blocks.values():
            multi = [i for i in members if not all(is_single(a) for a in self.alias_lists[i])]
            for x, i in enumerate(multi):
                for j in multi[x + 1:]:
                    s = self.score(i, j)
                    if s >= self.threshold:
                        pairs.append((s, i, j))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        for _, i, j in pairs:
            ri, rj = self.find(i), self.find(j)
            a, b = self.clusters[ri], self.clusters[rj]
            strong = bool(a.states and b.states and a.states != b.states
                          and (distinctive(self.alias_lists[i], self.alias_lists[j])
                               or outvoted(a.states, a.state_votes, b.states, b.state_votes)
                               and full_names_agree(self.alias_lists[i], self.alias_lists[j])))
            if ri != rj and self.can_join(ri, rj, strong):
                # a copy: absorb grows the kept cluster's own set in place
                keep = set(max((self.clusters[ri], self.clusters[rj]), key=lambda c: len(c.members)).states)
                root = self.absorb(ri, rj)
                if strong:
                    self.clusters[root].states = keep      # the state most of its sightings give

    def join_lone_surnames(self) -> None:
        """Lone surnames join the one full-name cluster that fits, else each other."""
        leftover: list[int] = []
        for i in (i for i in range(len(self.views)) if all(is_single(a) for a in self.alias_lists[i])):
            ri = self.find(i)
            if not self.clusters[ri].single_only:
                continue                           # already joined (a pin or an overlay alias)
            cands: set[int] = set()
            for k in self.node_blocks[i]:
                for j in self.blocks[k]:
                    rj = self.find(j)
                    if rj != ri and not self.clusters[rj].single_only and \
                            self.score(min(i, j), max(i, j)) >= self.threshold:
                        cands.add(rj)
            cands = {c for c in cands if self.can_join(self.find(i), c)}
            if len(cands) == 1:
                self.absorb(cands.pop(), self.find(i))
            elif not cands:
                leftover.append(i)
        for x, i in enumerate(leftover):
            for j in leftover[x + 1:]:
                ri, rj = self.find(i), self.find(j)
                if ri != rj and self.clusters[ri].single_only and self.clusters[rj].single_only \
                        and self.score(i, j) >= self.threshold and self.can_join(ri, rj):
                    self.absorb(ri, rj)

    def clusters_found(self, key_names: Mapping[Key, tuple[str, bool]]) -> list[PersonCluster]:
        """Each cluster with its members in key order, the base of its learned id, its nodes and component."""
        out: list[PersonCluster] = []
        index: dict[int, int] = {}
        for root, c in self.clusters.items():
            c.members.sort()
            base = None
            if not c.fixed_id and c.members:
                written = [key_names[k][0] for k in c.members if not key_names[k][1]]
                base = "person:" + person_slug(canonical_name(written or [key_names[k][0] for k in c.members]))
            out.append(PersonCluster(c.members, c.fixed_id, base))
            index[root] = len(out) - 1
        for i, view in enumerate(self.views):
            out[index[self.find(i)]].nodes.append(view)
        _label_components(out, [index[self.find(i)] for i in range(len(self.views))], self.blocks, self.score,
                          self.threshold)
        return out


def _label_components(clusters: list[PersonCluster], cluster_of: Sequence[int], blocks: Mapping[str, list[int]],
                      score: Callable[[int, int], float], threshold: float) -> None:
    """Label each cluster with its component: clusters joined by two nodes of a block that score a link
    (whether linking joined them or not), named by their first node."""
    parent = list(range(len(clusters)))
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = find_root(parent, cluster_of[i]), find_root(parent, cluster_of[j])
                if a != b and score(i, j) >= threshold:
                    parent[b] = a
    names: dict[int, str] = {}
    for c in sorted(range(len(clusters)), key=lambda c: node_order(clusters[c].nodes[0])):
        names.setdefault(find_root(parent, c), node_label(clusters[c].nodes[0]))
    for c, cluster in enumerate(clusters):
        cluster.component = names[find_root(parent, c)]
