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
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..textnorm import fold, is_arabic, match_key
from ..translit import SAME_NAME_THRESHOLD, arabic_to_latin, name_key, name_tokens, same_name
from ..translit.skeleton import arabic_token
from .person_states import distinctive

__all__ = ["Sighting", "PersonSeed", "PersonCluster", "link_persons", "cluster_persons", "number_clusters",
           "fixed_ids", "collapse_sightings", "PersonNode", "person_node", "pair_score", "node_order", "person_slug",
           "is_single", "node_label", "name_score"]

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


def is_single(name: str) -> bool:
    return len(fold(name).split()) <= 1


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
    from .node_linking import link_nodes       # it builds on this module's nodes and scores

    return link_nodes(nodes, members, names, seeds, pins, threshold)


def node_order(node: PersonNode) -> tuple[bool, Key]:
    """Where linking numbers a node: seeds first, then by first sighting."""
    return node.first is not None, node.first or ("", node.group[3] or "")


def node_label(node: PersonNode) -> str:
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
        keys.add(toks[-2].skel)   # the same name without its last word (Karim Oduya / Karim)
    if len(toks) >= 3 and toks[-1].script == "ar":
        # a foreign surname Arabic writes in two words (جين بينغ / Jinping)
        keys.add(arabic_token(toks[-2].surface + toks[-1].surface).skel)
    return keys - {""}


def name_score(a: str, b: str) -> float:
    return same_name(a, b)



def canonical_name(names: Iterable[str]) -> str:
    """The display name of a set of spellings: a Latin-script one when there is one, the most
    name words (a hyphen parts two: Al-Vessa is Al Vessa), then the most frequent, then the spelling
    most of whose words the other spellings write too (Karim Tarek Al-Vessa beside Karim Tarek
    and Kareem Tareq Al-Vessa), then alphabetical."""
    counts = Counter(_clean(n) for n in names if n.strip())
    if not counts:
        return ""
    latin = [n for n in counts if not is_arabic(n)] or list(counts)
    words = {n: set(_name_words(n)) for n in latin}
    seen = Counter(w for n in latin for w in words[n] for _ in range(counts[n]))
    return min(latin, key=lambda n: (-len(_name_words(n)), -counts[n],
                                     -sum(seen[w] > counts[n] for w in words[n]), n))


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐‑]+", fold(name)) if w]
