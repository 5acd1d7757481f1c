"""Corpus actors: stored per-document entities -> one actor per real person/organisation/state,
with every alias (any script), the titles and affiliations seen and when, and user decisions.

Organisations and states keep their knowledge-base ids (the same in every document); persons are
linked across documents and scripts by :func:`communique.corpus.persons.link_persons`. The learned
tables are a function of the stored entities, the user overlay and the user decisions (pins and
forms the user added): :func:`refresh_actors` rebuilds them through the store's typed methods, and
:func:`build_actor_index` computes the same thing without writing (for read-only stores).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import CommuniqueError
from ..records import ActorFact, ActorRecord, StoredEntity
from ..store import Store
from ..textnorm import is_arabic, match_key
from ..store.person_tables import PersonClusterRow
from ..translit import name_key
from .overlay import load_person_overlay
from .naming import name_persons
from .lone_names import DocNames, complete_lone_names
from .persons import Key, PersonSeed, Sighting, link_persons
from .relinking import link_all_persons, name_scope, person_rows, reach_persons
from .resolve import find_actor

__all__ = ["ActorIndex", "CorpusActor", "Seen", "index_actors", "build_actor_index", "refresh_actors", "redate_actors",
           "actor_records", "actor_events", "merge_actors", "add_alias"]


@dataclass(slots=True)
class Seen:
    """When something about an actor was seen: first and last document date, how many documents
    (documents are added in id order, so each is counted once without keeping them)."""

    first: str | None = None
    last: str | None = None
    count: int = 0
    last_doc: str | None = None

    def add(self, doc_id: str, when: str | None) -> None:
        if doc_id != self.last_doc:
            self.count += 1
            self.last_doc = doc_id
        if when:
            self.first = when if self.first is None or when < self.first else self.first
            self.last = when if self.last is None or when > self.last else self.last


@dataclass
class CorpusActor:
    id: str
    kind: str
    name: str
    origin: str                                   # kb | learned | overlay | user
    members: list[Key] = field(default_factory=list)
    forms: dict[str, tuple[str, Seen]] = field(default_factory=dict)     # form -> (origin, seen)
    titles: dict[str, Seen] = field(default_factory=dict)
    affiliations: dict[str, Seen] = field(default_factory=dict)          # actor id -> seen
    written: list[str] = field(default_factory=list)      # a person's names as written in Latin script
    romanized: list[str] = field(default_factory=list)    # a person's names romanized from Arabic
    seen: Seen = field(default_factory=Seen)             # the documents that name it

    @property
    def document_count(self) -> int:
        return self.seen.count

    def add_form(self, form: str, origin: str, doc_id: str | None = None, when: str | None = None) -> None:
        form = " ".join(form.split())
        if not form:
            return
        if form not in self.forms:
            self.forms[form] = (origin, Seen())
        if doc_id:
            self.forms[form][1].add(doc_id, when)


@dataclass
class ActorIndex:
    """Every stored entity's corpus actor, and the actors themselves."""

    links: dict[Key, str]
    actors: dict[str, CorpusActor]

    def actor_of(self, doc_id: str, entity_id: str) -> str:
        return self.links.get((doc_id, entity_id), entity_id)


def build_actor_index(store: Store, overlay: str | Path | None = None) -> ActorIndex:
    """Link every stored entity to a corpus actor (reads only)."""
    pins, user_aliases = store.actor_decisions()
    return index_actors(store.stored_entities(), store.document_dates(), pins, user_aliases,
                        load_person_overlay(overlay) if overlay else [])


def index_actors(entities: Iterable[StoredEntity], dates: Mapping[str, str | None], pins: Mapping[Key, str],
                 user_aliases: Mapping[str, list[str]], overlay: Iterable[PersonSeed] = ()) -> ActorIndex:
    """Every entity's corpus actor, and the actors with their forms, titles and affiliations as seen
    on the documents' ``dates``; ``pins`` and ``user_aliases`` are the user's decisions."""
    ents = {e.key: e for e in entities}
    seeds = _seeds(overlay, user_aliases)
    links = _link_nonpersons(ents.values(), pins, _nonperson_aliases(user_aliases, seeds))
    links.update(link_persons(person_sightings(ents, links), seeds=list(seeds.values()), pins=pins))
    actors: dict[str, CorpusActor] = {}
    _collect_actors(actors, (ents[k] for k in sorted(links)), lambda e: links[e.key], links, dates, pins, seeds)
    _add_decided_forms(actors, seeds, user_aliases)
    name_persons(actors, seeds)
    return ActorIndex(links=links, actors=actors)


def _link_nonpersons(entities: Iterable[StoredEntity], pins: Mapping[Key, str],
                     nonperson_alias: Mapping[str, str]) -> dict[Key, str]:
    """Organisations, states, places: their id, unless a user decision says otherwise."""
    links: dict[Key, str] = {}
    for e in entities:
        if e.kind != "person":
            links[e.key] = _nonperson_actor(e, pins, nonperson_alias)
    return links


def _nonperson_actor(e: StoredEntity, pins: Mapping[Key, str], nonperson_alias: Mapping[str, str]) -> str:
    target = pins.get(e.key)
    if target is None and not nonperson_alias:
        return e.entity_id
    if target is None:
        hits = {nonperson_alias[k] for k in (match_key(f) for f in e.forms) if k in nonperson_alias}
        target = hits.pop() if len(hits) == 1 else e.entity_id
    return target


def person_sightings(ents: Mapping[Key, StoredEntity], links: Mapping[Key, str],
                     doc_names: DocNames | None = None) -> list[Sighting]:
    """The person entities as linking reads them: their affiliation as a corpus actor, its kind and name; one
    named by a lone word as the one person of its document with that word (lone_names.complete_lone_names).
    ``doc_names`` reads the person names of documents that ``ents`` may hold only in part."""
    out = []
    for key, e in ents.items():
        if e.kind != "person":
            continue
        aff = e.affiliation
        aff_ent = ents.get((key[0], aff)) if aff else None
        out.append(Sighting(
            doc_id=key[0], entity_id=key[1], name=e.name, forms=e.forms, titles=e.titles,
            affiliation=links.get((key[0], aff), aff) if aff else None,
            affiliation_kind=aff_ent.kind if aff_ent and aff_ent.kind in ("state", "organization") else None,
            affiliation_name=aff_ent.name if aff_ent else None))
    return complete_lone_names(out, doc_names)


def _collect_actors(actors: dict[str, CorpusActor], members: Iterable[StoredEntity],
                    actor_of: Callable[[StoredEntity], str], affiliation_links: Mapping[Key, str],
                    dates: Mapping[str, str | None], pins: Mapping[Key, str], seeds: Mapping[str, PersonSeed], *,
                    keep_members: bool = True) -> None:
    """Add ``members`` (in key order, each to ``actor_of`` it) to their actors, with what their
    documents say (forms, titles, affiliations: the actor of the affiliation's entity by
    ``affiliation_links``, else its entity id)."""
    pinned = set(pins.values())
    for e in members:
        key = e.key
        aid = actor_of(e)
        act = actors.get(aid)
        if act is None:
            origin = "learned" if e.kind == "person" else "kb"
            if aid in seeds:
                origin = "overlay" if seeds[aid].sources and seeds[aid].sources[0].startswith("overlay:") else "user"
            elif aid in pinned:
                origin = "user"
            act = actors[aid] = CorpusActor(aid, e.kind, e.name, origin)
        if keep_members:
            act.members.append(key)
        when = dates.get(key[0])
        act.seen.add(key[0], when)
        if e.kind == "person":
            # a name written in Latin script by its document beats a romanization of an Arabic one
            (act.written if any(not is_arabic(f) for f in e.forms) or not e.forms else act.romanized).append(e.name)
        for form in [e.name, *e.forms]:
            if e.kind != "person" or _names_person(form, e.name):
                act.add_form(form, "document", key[0], when)
        for t in e.titles:
            act.titles.setdefault(t, Seen()).add(key[0], when)
        if e.affiliation:
            aff = affiliation_links.get((key[0], e.affiliation), e.affiliation)
            act.affiliations.setdefault(aff, Seen()).add(key[0], when)


def _add_decided_forms(actors: dict[str, CorpusActor], seeds: Mapping[str, PersonSeed],
                       user_aliases: Mapping[str, list[str]]) -> None:
    """The overlay's persons (with or without documents) and the forms users added."""
    for aid, seed in seeds.items():
        act = actors.get(aid)
        if act is None:
            act = actors[aid] = CorpusActor(aid, "person", seed.name, "overlay" if seed.sources[:1] != ("user",)
                                            else "user")
        for form in (seed.name, *seed.aliases):
            act.add_form(form, "user" if form in user_aliases.get(aid, ()) else "overlay")
        for t in seed.titles:
            act.titles.setdefault(t, Seen())
        if seed.affiliation:
            act.affiliations.setdefault(seed.affiliation, Seen())
    for aid, forms in user_aliases.items():
        if aid in actors:
            for f in forms:
                if f not in actors[aid].forms:
                    actors[aid].add_form(f, "user")


@lru_cache(maxsize=1 << 16)
def _names_person(form: str, name: str) -> bool:
    """A person's form that is a name (a word of it sounds like a word of the name, in either
    script: طه for Taha), not a title ('Bruneian Minister', 'الأمين العام')."""
    keys = {name_key(w) for w in name.split()} - {""}
    return any(name_key(w) in keys for w in form.split())


@dataclass
class ActorRefresh:
    """What a refresh of the actor tables saw and changed: the date of each document it used, and the
    documents whose reports' merge keys may have changed besides the new ones (a person relinked, an
    actor's affiliations changed)."""

    dates: dict[str, str | None]
    relinked: set[str] = field(default_factory=set)


def refresh_actors(store: Store, overlay: str | Path | None = None,
                   documents: Collection[str] | None = None, *, added: bool = True) -> ActorRefresh:
    """Rebuild the corpus actor tables from the stored entities (``documents`` None), or bring them up
    to date with newly stored ``documents``: the person clusters their persons can reach are relinked
    (communique.corpus.relinking), the organisations, states and places they name get what they say
    (``added``: documents no refresh has linked; else, as for documents seen on another day, those
    actors are rebuilt from every entity), and the other actors are kept. Entities are read a part at a
    time, and an actor keeps counts, not its documents."""
    store.ensure_actor_tables()
    pins, user_aliases = store.actor_decisions()
    seeds = _seeds(load_person_overlay(overlay) if overlay else [], user_aliases)
    nonperson_alias = _nonperson_aliases(user_aliases, seeds)
    if documents is not None and not store.has_person_clusters():
        documents = None            # persons linked by a version that kept no person clusters

    names_of: dict[str, set[str]] = {}

    def doc_names(docs: Collection[str]) -> Mapping[str, Collection[str]]:
        """The person names of ``docs`` (read once per refresh): a relinked cluster loads only its own."""
        missing = set(docs) - names_of.keys()
        for d in missing:
            names_of[d] = set()
        for e in store.iter_entities(missing, kinds=("person",)) if missing else ():
            names_of[e.key[0]].add(" ".join(e.name.split()))
        return names_of

    def sightings_of(ents: Mapping[Key, StoredEntity]) -> list[Sighting]:
        return person_sightings(ents, _link_nonpersons(ents.values(), pins, nonperson_alias),
                                None if documents is None else doc_names)

    new = {} if documents is None else {e.key: e for e in store.stored_entities(documents)}
    if documents is None:
        ents = {e.key: e for e in store.stored_entities(kinds=("person",))}
        ents.update((e.key, e) for e in store.affiliation_entities())
        scope = link_all_persons(ents, sightings_of, list(seeds.values()), pins)
    else:
        scope = reach_persons(store, new, sightings_of, list(seeds.values()), pins)
    links = _link_nonpersons(scope.ents.values(), pins, nonperson_alias)
    person_links = scope.links()
    old_persons = {} if documents is None else \
        store.actor_links({d for d, _ in person_links.keys() - new.keys()}, kinds=("person",))
    relinked = {k for k, a in person_links.items() if k not in new and old_persons.get(k) != a}
    links.update(person_links)
    dates = store.document_dates()
    actors: dict[str, CorpusActor] = {}
    _collect_actors(actors, (scope.ents[k] for k in sorted(person_links)), lambda e: links[e.key], links, dates,
                    pins, seeds, keep_members=False)
    touched = None if documents is None else {links[k] for k, e in new.items() if e.kind != "person"}
    decided: dict[Key, str] = {}      # organisations, states and places that are not their own actor

    def actor_of(e: StoredEntity) -> str:
        aid = links.get(e.key) or _nonperson_actor(e, pins, nonperson_alias)
        if aid != e.entity_id:
            decided[e.key] = aid
        return aid

    if touched is not None and added and not store.actor_links({d for d, _ in new}):
        _grow_actors(store, actors, [new[k] for k in sorted(new) if new[k].kind != "person"], actor_of, links,
                     dates, pins, seeds)
    else:
        _collect_actors(actors, _nonperson_members(store, new, touched), actor_of, links, dates, pins, seeds,
                        keep_members=False)
    _add_decided_forms(actors, seeds, user_aliases if touched is None else
                       {a: f for a, f in user_aliases.items() if a in actors})
    respelled, arabic = name_scope(store, actors, seeds, scope, documents is None)
    records = actor_records(actors.values()) + respelled
    rows, nodes = person_rows(scope, actors, arabic)
    if documents is None:
        store.write_actors({**decided, **person_links}, records, others_self_linked=True)
        store.write_person_clusters(rows, nodes)
        return ActorRefresh(dates)
    moved = _write_changes(store, records, {k: links[k] for k in set(new) | relinked}, rows, nodes,
                           replace=set(actors) | scope.replaced, respelled={a.id for a in respelled})
    return ActorRefresh(dates, {d for d, _ in relinked} | moved)


def redate_actors(store: Store, before: Mapping[str, str | None], after: Mapping[str, str | None]) -> bool:
    """Documents seen on another day (``before`` -> ``after``): the first and last days of what they say
    of the actors they name moved, in place, without reading the actors' other entities. Returns False,
    writing nothing, where that cannot be told so (a document was at an edge of a fact's days, or the
    store disagrees with the entities): those need :func:`refresh_actors` (``added=False``)."""
    docs = sorted(before)
    ents = store.stored_entities(docs)
    links = store.actor_links(docs)
    linked = [e for e in ents if e.key in links]
    was, now = _facts_of(linked, links, before), _facts_of(linked, links, after)
    records = []
    for rec in store.stored_actors(set(was)):
        act = _restored(rec)
        if not _moved(act, was.pop(rec.id), now[rec.id]):
            return False
        records.append(act)
    if was:                     # an actor linked but not stored
        return False
    store.write_actors({}, actor_records(records), replace={a.id for a in records})
    return True


def _facts_of(entities: list[StoredEntity], links: Mapping[Key, str], dates: Mapping[str, str | None]
              ) -> dict[str, CorpusActor]:
    """What ``entities`` say of the actors they are linked to, on the documents' ``dates``."""
    actors: dict[str, CorpusActor] = {}
    _collect_actors(actors, entities, lambda e: links[e.key], links, dates, {}, {}, keep_members=False)
    return actors


def _moved(act: CorpusActor, was: CorpusActor, now: CorpusActor) -> bool:
    """Move the days of ``act``'s facts from what some documents said (``was``) to what they say (``now``);
    False where a document was at the first or last day of a fact (the next one is not known here)."""
    pairs = [({f: s for f, (_, s) in act.forms.items()}, {f: s for f, (_, s) in was.forms.items()},
              {f: s for f, (_, s) in now.forms.items()}),
             (act.titles, was.titles, now.titles), (act.affiliations, was.affiliations, now.affiliations)]
    for kept, old, new in pairs:
        if not (old.keys() == new.keys() <= kept.keys()):
            return False
        for value, seen in old.items():
            stored = kept[value]
            if seen.first is not None and (stored.first is None or seen.first <= stored.first
                                           or seen.last >= stored.last):
                return False
            for day in (new[value].first, new[value].last):
                if day:
                    stored.first = day if stored.first is None or day < stored.first else stored.first
                    stored.last = day if stored.last is None or day > stored.last else stored.last
    return True


def _write_changes(store: Store, records: list[ActorRecord], links: Mapping[Key, str], rows: list[PersonClusterRow],
                   nodes: list[tuple[str, str, str]], *, replace: set[str], respelled: set[str]) -> set[str]:
    """Store what an incremental refresh changed: ``links``, the ``records`` of the actors it rebuilt (in
    place of those of ``replace``) and of those it ``respelled``, the person clusters. Returns the documents
    whose reports' merge keys may have changed: those naming an actor that gained or lost an affiliation
    (report_keys.report_keys makes a person and its affiliation one side, and a key holds the officials its
    document names of its parties' states), and those naming an actor that is gone."""
    old = {a.id: a for a in store.stored_actors(replace)}
    moved = {(a.id, aff) for a in records if a.id in old
             for aff in {f.value for f in a.affiliations} ^ {f.value for f in old[a.id].affiliations}}
    store.write_actors(links, records, replace=replace | set(old) | respelled)
    store.write_person_clusters(rows, nodes, replace=replace | {r.actor_id for r in rows})
    return store.documents_naming({aid for aid, _ in moved} | (set(old) - {a.id for a in records}))


def _grow_actors(store: Store, actors: dict[str, CorpusActor], added: list[StoredEntity],
                 actor_of: Callable[[StoredEntity], str], links: Mapping[Key, str], dates: Mapping[str, str | None],
                 pins: Mapping[Key, str], seeds: Mapping[str, PersonSeed]) -> None:
    """The stored actors of the ``added`` entities (key order; of documents no refresh has linked) with
    what those say added to their counts and first and last days; an actor is named by its first entity."""
    ids = {actor_of(e) for e in added}
    for rec in store.stored_actors(ids):
        actors[rec.id] = _restored(rec)
    first_doc = store.first_documents(ids)
    for e in added:
        aid = actor_of(e)
        if aid in first_doc and e.doc_id < first_doc[aid]:
            actors[aid].name, first_doc[aid] = e.name, e.doc_id
    _collect_actors(actors, added, actor_of, links, dates, pins, seeds, keep_members=False)


def _restored(rec: ActorRecord) -> CorpusActor:
    """A stored actor, to count more documents into."""
    act = CorpusActor(rec.id, rec.kind, rec.name, rec.origin, seen=Seen(count=rec.documents))
    for f in rec.forms:
        act.forms[f.value] = (f.origin or "document", Seen(f.first_seen, f.last_seen, f.documents))
    for facts, into in ((rec.titles, act.titles), (rec.affiliations, act.affiliations)):
        for f in facts:
            into[f.value] = Seen(f.first_seen, f.last_seen, f.documents)
    return act


def _nonperson_members(store: Store, new: Mapping[Key, StoredEntity],
                       touched: Collection[str] | None) -> Iterator[StoredEntity]:
    """The organisation, state and place entities of the actors rebuilt (None: all), in key order:
    those the last refresh linked to them, and those of the new documents."""
    if touched is None:
        return store.iter_entities(exclude_kinds=("person",))
    stored = (e for e in store.iter_entities(actor_ids=touched) if e.key not in new) if touched else iter(())
    fresh = (new[k] for k in sorted(new) if new[k].kind != "person")
    return heapq.merge(stored, fresh, key=lambda e: e.key)


def _seeds(overlay: Iterable[PersonSeed], user_aliases: Mapping[str, list[str]]) -> dict[str, PersonSeed]:
    """The persons known before linking: the overlay's, with the forms users added to them, and the
    persons users gave forms to."""
    seeds = {s.id: s for s in overlay}
    nonperson = set(_nonperson_aliases(user_aliases, seeds).values())
    for a, forms in user_aliases.items():
        if a in nonperson:
            continue
        old = seeds.get(a)
        if old is not None:
            seeds[a] = PersonSeed(old.id, old.name, old.aliases + tuple(forms), old.titles, old.affiliation,
                                  old.affiliation_kind, old.sources)
        else:
            seeds[a] = PersonSeed(a, forms[0], tuple(forms[1:]), sources=("user",))
    return seeds


def _nonperson_aliases(user_aliases: Mapping[str, list[str]], seeds: Mapping[str, PersonSeed]) -> dict[str, str]:
    """The forms users added to organisations, states and places (folded form -> actor id)."""
    return {match_key(f): a for a, forms in user_aliases.items() for f in forms
            if not a.startswith("person:") and a not in seeds}


def actor_records(actors: Iterable[CorpusActor]) -> list[ActorRecord]:
    """The actors as the store keeps them."""
    def facts(seen: Mapping[str, Seen]) -> tuple[ActorFact, ...]:
        return tuple(ActorFact(v, s.first, s.last, s.count) for v, s in seen.items())

    return [ActorRecord(a.id, a.kind, a.name, a.origin, a.document_count,
                        tuple(ActorFact(f, s.first, s.last, s.count, o) for f, (o, s) in a.forms.items()),
                        facts(a.titles), facts(a.affiliations)) for a in actors]


def actor_events(store: Store, idx: ActorIndex) -> dict[str, list[tuple[str, str | None, str, str | None]]]:
    """Per actor, the merged (corpus) events it took part in: (corpus id, date, type, role)."""
    best: dict[tuple[str, str], tuple[str, str | None, str, str | None]] = {}
    for cid, doc_id, date, etype, ent, role in store.party_reports():
        aid = idx.actor_of(doc_id, ent)
        old = best.get((aid, cid))
        if old is None or len(date or "") > len(old[1] or "") or (role and not old[3]):
            best[(aid, cid)] = (cid, date if old is None or len(date or "") >= len(old[1] or "") else old[1],
                                etype, role or (old[3] if old else None))
    out: dict[str, list[tuple[str, str | None, str, str | None]]] = defaultdict(list)
    for (aid, _), ev in sorted(best.items(), key=lambda kv: (kv[1][1] or "", kv[1][0])):
        out[aid].append(ev)
    return out


def merge_actors(store: Store, source: str, target: str, overlay: str | Path | None = None) -> ActorIndex:
    """Make ``source`` and ``target`` one actor, keeping the id ``target`` (a user decision that
    later re-linking keeps). Returns the rebuilt index."""
    store.ensure_actor_tables()
    idx = build_actor_index(store, overlay)
    src, dst = find_actor(idx, source), find_actor(idx, target)
    if src.id == dst.id:
        raise CommuniqueError(f"{source!r} and {target!r} are already one actor ({dst.id})")
    if src.kind != dst.kind:
        raise CommuniqueError(f"cannot merge a {src.kind} ({src.id}) into a {dst.kind} ({dst.id})")
    store.pin_entities(src.members + dst.members, dst.id)
    store.move_actor_decisions(src.id, dst.id)
    with store.transaction():
        refresh_actors(store, overlay)
    return build_actor_index(store, overlay)


def add_alias(store: Store, actor: str, form: str, overlay: str | Path | None = None) -> ActorIndex:
    """Add a form (any script) to an actor: documents that write it link to this actor."""
    if not form.strip():
        raise CommuniqueError("the alias is empty; give the form as written, e.g. 'المغيدي'")
    store.ensure_actor_tables()
    idx = build_actor_index(store, overlay)
    act = find_actor(idx, actor)
    store.pin_entities(act.members, act.id)
    store.add_user_alias(act.id, " ".join(form.split()))
    with store.transaction():
        refresh_actors(store, overlay)
    return build_actor_index(store, overlay)
