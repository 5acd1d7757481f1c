"""Cross-document person linking: per-document person entities (sightings) -> corpus actor ids.

One person is written many ways across documents and scripts (Al-Moghedi, Al-Mughidi,
المغيدي). Sightings are blocked by :func:`communique.translit.name_key` (the surname
skeleton), scored with :func:`communique.translit.same_name` (titles and affiliation names as
context), and joined greedily, best pair first, under constraints that keep distinct people
apart:

- two sightings whose affiliations are different *states* never join (a Moroccan minister is
  not a Russian one), unless both are full names that agree (>= 0.95) on a rare surname (a skeleton of
  four consonants or more: Sergueï Lavrov given Algeria by an extraction error); the joined actor keeps
  the state most of its sightings give; one shared affiliation counts as full agreement of context (same_name's
  +5%); different organisations only weigh through their names (people move, and one
  organisation can hold two knowledge-base ids);
- complete linkage on names: every pair of names in a joined cluster still scores at least
  ``threshold - 0.1``, so Mohammed Ali - M. Ali - Mahmoud Ali cannot chain;
- a lone surname ("Bourita") joins a full name only when exactly one cluster of its block fits;
- fixed actors (a user overlay, a pinned user decision) keep their ids and never join each other.

Learned clusters are named ``person:<slug of the canonical name>`` (the id a document gives the
same name), so most corpus ids equal the per-document ids of their Latin-script sightings.

    >>> s = [Sighting("d1", "person:al-moghedi", "Mohammed Al-Moghedi"),
    ...      Sighting("d2", "person:المغيدي", "محمد المغيدي"),
    ...      Sighting("d3", "person:al-mahdi", "Mohammed Al-Mahdi")]
    >>> links = link_persons(s)
    >>> links[("d1", "person:al-moghedi")] == links[("d2", "person:المغيدي")]
    True
    >>> links[("d3", "person:al-mahdi")] == links[("d1", "person:al-moghedi")]
    False
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..textnorm import fold, is_arabic, match_key
from ..translit import SAME_NAME_THRESHOLD, arabic_to_latin, name_key, name_tokens, same_name
from ..translit.skeleton import arabic_token
from .person_states import distinctive, full_names_agree, outvoted

__all__ = ["Sighting", "PersonSeed", "PersonCluster", "link_persons", "cluster_persons", "number_clusters",
           "fixed_ids", "collapse_sightings", "PersonNode", "person_node", "pair_score", "node_order", "person_slug"]

Key = tuple[str, str]            # (doc_id, entity_id)

#: below this, two names already in one cluster are too far apart to stay together
CHAIN_MARGIN = 0.1



@dataclass(frozen=True, slots=True)
class Sighting:
    """One person entity of one document, with what the document says about it."""

    doc_id: str
    entity_id: str
    name: str
    forms: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None        # corpus actor id of the affiliation
    affiliation_kind: str | None = None   # "state" | "organization" | None
    affiliation_name: str | None = None

    @property
    def key(self) -> Key:
        return (self.doc_id, self.entity_id)


@dataclass(frozen=True, slots=True)
class PersonSeed:
    """A person known before linking (user overlay, or a user decision): a fixed id with names."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    affiliation_kind: str | None = None
    sources: tuple[str, ...] = field(default=(), compare=False)


def person_slug(name: str) -> str:
    """The id fragment a document gives a person name (communique.stages.coref keeps Arabic)."""
    return re.sub(r"[^a-z0-9\u0600-\u06ff]+", "-", fold(name)).strip("-") or "x"


def _clean(name: str) -> str:
    return " ".join(name.split())


def _context(titles: Iterable[str], affiliation_name: str | None) -> tuple[str, ...]:
    return tuple(t for t in (*titles, affiliation_name or "") if t)


def _is_single(name: str) -> bool:
    return len(fold(name).split()) <= 1


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


#: the titles a collapsed sighting keeps as context (the most frequent first)
MAX_CONTEXT_TITLES = 12


def link_persons(sightings: Sequence[Sighting], *, seeds: Sequence[PersonSeed] = (),
                 pins: Mapping[Key, str] | None = None,
                 threshold: float = SAME_NAME_THRESHOLD) -> dict[Key, str]:
    """Corpus actor id of every sighting. ``pins`` (user decisions) and ``seeds`` (overlay
    persons) fix ids; everything else is learned from names and context.

    Sightings with the same name, affiliation and pin are one node (their forms and most frequent
    titles pooled): a minister named in 5,000 documents is scored once against each other name
    of its block, not 12 million times against itself."""
    pins = pins or {}
    clusters = cluster_persons(sightings, seeds=seeds, pins=pins, threshold=threshold)
    return {k: cid for c, cid in zip(clusters, number_clusters(clusters, fixed_ids(seeds, pins))) for k in c.members}


@dataclass(frozen=True, slots=True)
class PersonNode:
    """A node as linking compares it: sightings with one name, affiliation and pin (or a seed: no first
    sighting), the names and context it is scored with, and the blocks it is compared in."""

    first: Key | None
    group: tuple[str, str | None, str | None, str | None]       # name, affiliation, its kind, pin
    aliases: tuple[str, ...]
    context: tuple[str, ...]
    blocks: tuple[str, ...]


def pair_score(a: PersonNode, b: PersonNode) -> float:
    """How alike two nodes' names are in their contexts (``a`` numbered first); 0 when they act for two
    states and neither name is distinctive enough to be one person with an extraction error."""
    (ai, ki), (aj, kj) = a.group[1:3], b.group[1:3]
    best = 0.0
    # one affiliation (the same corpus actor) is full agreement of context
    ci, cj = (((ai,), (aj,)) if ai and ai == aj else (a.context, b.context))
    for x in a.aliases:
        for y in b.aliases:
            best = max(best, same_name(x, y, context_a=ci, context_b=cj))
    if ai and aj and ai != aj and ki == kj == "state" and not distinctive(a.aliases, b.aliases):
        best = 0.0
    return best


def person_node(node: Sighting | PersonSeed, pin: str | None = None) -> PersonNode:
    """The node of collapsed sightings (``pin``: their pin) or of a seed."""
    if isinstance(node, PersonSeed):
        aliases = tuple(dict.fromkeys((_clean(node.name),) + node.aliases))
        return PersonNode(None, ("", node.affiliation, node.affiliation_kind, node.id), aliases,
                          _context(node.titles, None), _blocks_of(aliases, _clean(node.name)))
    aliases = _original_spelling(node) or (_clean(node.name),)
    # compared by its Arabic spelling, a romanized name is still found by its own blocks too
    return PersonNode(node.key, (_clean(node.name), node.affiliation, node.affiliation_kind, pin), aliases,
                      _context(node.titles, node.affiliation_name),
                      _blocks_of((*aliases, _clean(node.name)), _clean(node.name)))


def _blocks_of(aliases: Sequence[str], name: str) -> tuple[str, ...]:
    """The blocks of a node's names; a name without a skeleton gets one of its own (=name), so that
    the sightings it pools with are found by it."""
    return tuple(sorted({k for a in aliases for k in block_keys(a)} or {"=" + name}))


@dataclass(slots=True)
class PersonCluster:
    """One person as linking found it: its sightings (key order), its fixed id (a seed's or a pin's) or
    the base of the id it learns (person:<slug of its canonical name>), its nodes, and the component
    it belongs to (the clusters joined by names that score a link, by pins and by seeds' aliases:
    nothing outside it changes what linking makes of it)."""

    members: list[Key]
    fixed_id: str | None
    base: str | None
    nodes: list[PersonNode] = field(default_factory=list)
    component: str = ""

    @property
    def first(self) -> Key | None:
        return self.members[0] if self.members else None


def fixed_ids(seeds: Sequence[PersonSeed], pins: Mapping[Key, str]) -> set[str]:
    """The ids no learned cluster takes: the seeds' and the pins'."""
    return {s.id for s in seeds} | set(pins.values())


def number_clusters(clusters: Sequence[PersonCluster], taken: Collection[str]) -> list[str | None]:
    """The id of each cluster: a fixed one kept; a learned one its base, numbered (-2, -3, ...) after
    the clusters of the same base that come first (by first sighting) and away from ``taken``."""
    taken = set(taken)
    out: list[str | None] = [c.fixed_id for c in clusters]
    for i in sorted((i for i, c in enumerate(clusters) if not c.fixed_id and c.members),
                    key=lambda i: clusters[i].members[0]):
        base = clusters[i].base or "person:x"
        cid, n = base, 2
        while cid in taken:
            cid, n = f"{base}-{n}", n + 1
        taken.add(cid)
        out[i] = cid
    return out


def collapse_sightings(sightings: Sequence[Sighting], pins: Mapping[Key, str]
                       ) -> tuple[list[Sighting], dict[Key, list[Key]]]:
    """Sightings with the same name, affiliation and pin as one node (their forms and most frequent
    titles pooled), and the sightings each node stands for."""
    groups: dict[tuple[str, str | None, str | None, str | None], list[Sighting]] = {}
    for s in sightings:
        groups.setdefault((_clean(s.name), s.affiliation, s.affiliation_kind, pins.get(s.key)), []).append(s)
    nodes: list[Sighting] = []
    members: dict[Key, list[Key]] = {}
    for same in groups.values():
        first = same[0]
        if len(same) > 1:
            titles = Counter(t for s in same for t in dict.fromkeys(s.titles))
            first = Sighting(first.doc_id, first.entity_id, first.name,
                             forms=tuple(dict.fromkeys(f for s in same for f in s.forms)),
                             titles=tuple(t for t, _ in titles.most_common(MAX_CONTEXT_TITLES)),
                             affiliation=first.affiliation, affiliation_kind=first.affiliation_kind,
                             affiliation_name=next((s.affiliation_name for s in same if s.affiliation_name), None))
        nodes.append(first)
        members[first.key] = [s.key for s in same]
    return nodes, members


def cluster_persons(sightings: Sequence[Sighting], *, seeds: Sequence[PersonSeed] = (),
                    pins: Mapping[Key, str] | None = None,
                    threshold: float = SAME_NAME_THRESHOLD) -> list[PersonCluster]:
    """link_persons' clusters, before their ids are numbered (seeds without sightings included)."""
    pins = pins or {}
    nodes, members = collapse_sightings(sightings, pins)
    # a sighting written only in Arabic carries a romanization: the id comes from a written name first
    names = {s.key: (s.name, bool(s.forms) and all(is_arabic(f) for f in s.forms)) for s in sightings}
    return _link_nodes(nodes, members, names, seeds, pins, threshold)


def _link_nodes(sightings: Sequence[Sighting], node_members: Mapping[Key, list[Key]],
                key_names: Mapping[Key, tuple[str, bool]], seeds: Sequence[PersonSeed],
                pins: Mapping[Key, str], threshold: float) -> list[PersonCluster]:
    """cluster_persons over collapsed sightings (each standing for ``node_members[key]``)."""
    n_seed = len(seeds)
    # node i < n_seed: a seed; node n_seed + j: sightings[j]
    views = [person_node(s) for s in seeds] + [person_node(s, pins.get(s.key)) for s in sightings]
    alias_lists: list[tuple[str, ...]] = [v.aliases for v in views]
    affs: list[tuple[str | None, str | None]] = [(v.group[1], v.group[2]) for v in views]
    total = len(views)
    parent = list(range(total))
    index: dict[int, int] = {}
    clusters: dict[int, _Cluster] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def init(i: int, fixed: str | None) -> None:
        c = _Cluster(fixed)
        c.names.update(alias_lists[i])
        aff, kind = affs[i]
        if aff and kind == "state":
            c.states.add(aff)
            c.state_votes[aff] += len(node_members[sightings[i - n_seed].key]) if i >= n_seed else 1
        elif aff and kind == "organization":
            c.orgs.add(aff)
        if i >= n_seed:
            c.members.extend(node_members[sightings[i - n_seed].key])
        c.single_only = all(_is_single(n) for n in alias_lists[i])
        clusters[i] = c

    fixed_root: dict[str, int] = {}
    for i, seed in enumerate(seeds):
        init(i, seed.id)
        fixed_root.setdefault(seed.id, i)
    for j, s in enumerate(sightings):
        i = n_seed + j
        init(i, pins.get(s.key))

    def absorb(ra: int, rb: int) -> int:
        a, b = clusters[ra], clusters[rb]
        if b.fixed_id and not a.fixed_id:
            ra, rb, a, b = rb, ra, b, a
        parent[rb] = ra
        a.names |= b.names
        a.states |= b.states
        a.orgs |= b.orgs
        a.members += b.members
        a.single_only = a.single_only and b.single_only
        a.state_votes += b.state_votes
        del clusters[rb]
        return ra

    # pinned sightings join their actor (a seed, or other sightings pinned to the same id)
    for j, s in enumerate(sightings):
        pid = pins.get(s.key)
        if pid is None:
            continue
        i = n_seed + j
        if pid in fixed_root:
            ra, rb = find(fixed_root[pid]), find(i)
            if ra != rb:
                fixed_root[pid] = absorb(ra, rb)
        else:
            fixed_root[pid] = i
    fixed_root = {k: find(v) for k, v in fixed_root.items()}

    # exact alias of a seed: the overlay says so
    alias_index: dict[str, set[str]] = defaultdict(set)
    for seed in seeds:
        for form in (seed.name,) + seed.aliases:
            if match_key(form):
                alias_index[match_key(form)].add(seed.id)
    for j, s in enumerate(sightings):
        if s.key in pins:
            continue
        hits = {sid for f in (s.name,) + s.forms for sid in alias_index.get(match_key(f), ())}
        if len(hits) == 1:
            sid = hits.pop()
            ra, rb = find(fixed_root[sid]), find(n_seed + j)
            if ra != rb:
                fixed_root[sid] = absorb(ra, rb)

    # blocking by surname skeleton and its alternatives (every alias of a seed is a way in)
    blocks: dict[str, list[int]] = defaultdict(list)
    node_blocks = [{k for a in (*v.aliases, v.group[0]) if a for k in block_keys(a)} for v in views]
    for i in range(total):
        for k in node_blocks[i]:
            blocks[k].append(i)

    score_cache: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        if (i, j) not in score_cache:
            score_cache[(i, j)] = pair_score(views[i], views[j])
        return score_cache[(i, j)]

    def can_join(ra: int, rb: int, strong: bool = False) -> bool:
        a, b = clusters[ra], clusters[rb]
        if a.fixed_id and b.fixed_id and a.fixed_id != b.fixed_id:
            return False
        if len(a.states | b.states) > 1 and not strong:
            return False
        floor = threshold - CHAIN_MARGIN
        return all(_name_score(x, y) >= floor for x in a.names for y in b.names if x != y)

    # phase 1: pairs where neither side is a lone surname, best first
    pairs: list[tuple[float, int, int]] = []
    for members in blocks.values():
        multi = [i for i in members if not all(_is_single(a) for a in alias_lists[i])]
        for x, i in enumerate(multi):
            for j in multi[x + 1:]:
                s = score(i, j)
                if s >= threshold:
                    pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        a, b = clusters[ri], clusters[rj]
        strong = bool(a.states and b.states and a.states != b.states
                      and (distinctive(alias_lists[i], alias_lists[j])
                           or outvoted(a.states, a.state_votes, b.states, b.state_votes)
                           and full_names_agree(alias_lists[i], alias_lists[j])))
        if ri != rj and can_join(ri, rj, strong):
            # a copy: absorb grows the kept cluster's own set in place
            keep = set(max((clusters[ri], clusters[rj]), key=lambda c: len(c.members)).states)
            root = absorb(ri, rj)
            if strong:
                clusters[root].states = keep      # the state most of its sightings give

    # phase 2: lone surnames join the one full-name cluster that fits, else each other
    singles = [i for i in range(total) if all(_is_single(a) for a in alias_lists[i])]
    leftover: list[int] = []
    for i in singles:
        ri = find(i)
        if not clusters[ri].single_only:
            continue                           # already joined (a pin or an overlay alias)
        cands: set[int] = set()
        for k in node_blocks[i]:
            for j in blocks[k]:
                rj = find(j)
                if rj != ri and not clusters[rj].single_only and score(min(i, j), max(i, j)) >= threshold:
                    cands.add(rj)
        cands = {c for c in cands if can_join(find(i), c)}
        if len(cands) == 1:
            absorb(cands.pop(), find(i))
        elif not cands:
            leftover.append(i)
    for x, i in enumerate(leftover):
        for j in leftover[x + 1:]:
            ri, rj = find(i), find(j)
            if ri != rj and clusters[ri].single_only and clusters[rj].single_only \
                    and score(i, j) >= threshold and can_join(ri, rj):
                absorb(ri, rj)

    # each cluster with its members in key order, the base of its learned id, its nodes and component
    out: list[PersonCluster] = []
    for root, c in clusters.items():
        c.members.sort()
        base = None
        if not c.fixed_id and c.members:
            written = [key_names[k][0] for k in c.members if not key_names[k][1]]
            base = "person:" + person_slug(canonical_name(written or [key_names[k][0] for k in c.members]))
        out.append(PersonCluster(c.members, c.fixed_id, base))
        index[root] = len(out) - 1
    for i in range(total):
        out[index[find(i)]].nodes.append(views[i])
    _label_components(out, [index[find(i)] for i in range(total)], blocks, score, threshold)
    return out


def _label_components(clusters: list[PersonCluster], cluster_of: Sequence[int], blocks: Mapping[str, list[int]],
                      score: Callable[[int, int], float], threshold: float) -> None:
    """Label each cluster with its component: clusters joined by two nodes of a block that score a link
    (whether linking joined them or not), named by their first node."""
    parent = list(range(len(clusters)))

    def find(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = find(cluster_of[i]), find(cluster_of[j])
                if a != b and score(i, j) >= threshold:
                    parent[b] = a
    names: dict[int, str] = {}
    for c in sorted(range(len(clusters)), key=lambda c: node_order(clusters[c].nodes[0])):
        names.setdefault(find(c), _node_label(clusters[c].nodes[0]))
    for c, cluster in enumerate(clusters):
        cluster.component = names[find(c)]


def node_order(node: PersonNode) -> tuple[bool, Key]:
    """Where linking numbers a node: seeds first, then by first sighting."""
    return node.first is not None, node.first or ("", node.group[3] or "")


def _node_label(node: PersonNode) -> str:
    return "|".join(node.first) if node.first else "seed:" + (node.group[3] or "")


@lru_cache(maxsize=1 << 14)
def _original_spelling(s: Sighting) -> tuple[str, ...]:
    """The Arabic full name a romanized sighting was written with (عادل الجبير for 'Adel al-Jabir'):
    compared in its own script, a foreign name is not judged by its romanization's vowels."""
    if is_arabic(s.name):
        return ()
    key = name_key(s.name)
    name = match_key(s.name)
    # a form of the same surname skeleton, or the one the name was romanized from (مراد نورتليو: Murad Norrtalju)
    arabic = [_clean(f) for f in s.forms if is_arabic(f) and len(f.split()) >= 2
              and (name_key(f) == key or match_key(_romanized(f)) == name)]
    if not arabic:
        return ()
    # the form the name was romanized from, else the longest (a form may hold a stray word)
    return (max(arabic, key=lambda f: (match_key(_romanized(f)) == name, len(f.split()), len(f), f)),)


_romanized = lru_cache(maxsize=1 << 14)(arabic_to_latin)


def block_keys(name: str) -> set[str]:
    """The blocks a name is compared in: its surname skeleton (translit.name_key) and the
    alternative skeletons same_name accepts for it (Kadhafi / Gaddafi, Gargash / Qarqash)."""
    toks = name_tokens(name)
    if not toks:
        return set()
    keys = {name_key(name)} | set(toks[-1].alts)
    if len(toks) >= 3:
        keys.add(toks[-2].skel)   # the same name without its last word (Deby Itno / Deby)
    if len(toks) >= 3 and toks[-1].script == "ar":
        # a foreign surname Arabic writes in two words (جين بينغ / Jinping)
        keys.add(arabic_token(toks[-2].surface + toks[-1].surface).skel)
    return keys - {""}


def _name_score(a: str, b: str) -> float:
    return same_name(a, b)



def canonical_name(names: Iterable[str]) -> str:
    """The display name of a set of spellings: a Latin-script one when there is one, the most
    name words, then the most frequent, then alphabetical."""
    counts = Counter(_clean(n) for n in names if n.strip())
    if not counts:
        return ""
    latin = [n for n in counts if not is_arabic(n)] or list(counts)
    return min(latin, key=lambda n: (-len(n.split()), -counts[n], n))
