"""Corpus actors: stored per-document entities -> one actor per real person/organisation/state,
with every alias (any script), the titles and affiliations seen and when, and user decisions.

Organisations and states keep their knowledge-base ids (the same in every document); persons are
linked across documents and scripts by :func:`communique.kb.persons.link_persons`. The learned
tables are a function of the stored entities, the user overlay and the user decisions
(``actor_pins``, ``actor_user_aliases``): :func:`refresh_actors` rebuilds them, and
:func:`build_actor_index` computes the same thing without writing (for read-only connections).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import CommuniqueError
from ..store.rows import insert_columns
from ..textnorm import is_arabic, match_key
from ..translit import SAME_NAME_THRESHOLD, arabic_to_latin, learn_spellings, name_key, same_name
from .persons import Key, PersonSeed, Sighting, canonical_name, link_persons, load_person_overlay

__all__ = ["ActorIndex", "CorpusActor", "Seen", "ensure_actor_tables", "build_actor_index", "refresh_actors",
           "actor_events", "find_actor", "merge_actors", "add_alias", "ACTORS_SQL",
           "resolve_actor_ref", "resolve_actor_ids", "actor_query_events"]

ACTORS_SQL = Path(__file__).resolve().parent.parent / "store" / "actors.sql"


@dataclass
class Seen:
    """When something about an actor was seen: first and last document date, how many documents."""

    first: str | None = None
    last: str | None = None
    documents: set[str] = field(default_factory=set)

    def add(self, doc_id: str, when: str | None) -> None:
        self.documents.add(doc_id)
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

    @property
    def documents(self) -> set[str]:
        return {d for d, _ in self.members}

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


def ensure_actor_tables(con: Any) -> None:
    """Create the corpus actor tables (store/actors.sql) when they are missing."""
    con.execute(ACTORS_SQL.read_text(encoding="utf-8"))


def _has_table(con: Any, name: str) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0] > 0


def _doc_dates(con: Any) -> dict[str, str | None]:
    """The date a document was seen: published, else its dateline, else its latest event day."""
    dates: dict[str, str | None] = {}
    for doc_id, published, dateline in con.execute("SELECT id, published, dateline_date FROM documents").fetchall():
        dates[doc_id] = published or dateline or None
    for doc_id, latest in con.execute(
            "SELECT doc_id, max(date) FROM events WHERE length(date) = 10 GROUP BY doc_id").fetchall():
        if dates.get(doc_id) is None:
            dates[doc_id] = latest
    # an undated report of an event that another report dates
    for doc_id, latest in con.execute(
            "WITH dated AS (SELECT corpus_event, max(date) AS day FROM events WHERE length(date) = 10 "
            "AND corpus_event IS NOT NULL GROUP BY corpus_event) "
            "SELECT e.doc_id, max(dated.day) FROM events e JOIN dated ON dated.corpus_event = e.corpus_event "
            "GROUP BY e.doc_id").fetchall():
        if dates.get(doc_id) is None:
            dates[doc_id] = latest
    return dates


def build_actor_index(con: Any, overlay: str | Path | None = None) -> ActorIndex:
    """Link every stored entity to a corpus actor (reads only)."""
    dates = _doc_dates(con)
    rows = con.execute("SELECT doc_id, entity_id, kind, name, affiliation, titles, forms FROM entities "
                       "ORDER BY doc_id, entity_id").fetchall()
    pins: dict[Key, str] = {}
    user_aliases: dict[str, list[str]] = defaultdict(list)
    if _has_table(con, "actor_pins"):
        pins = {(d, e): a for d, e, a in con.execute("SELECT doc_id, entity_id, actor_id FROM actor_pins").fetchall()}
        for a, form in con.execute("SELECT actor_id, form FROM actor_user_aliases ORDER BY added_at, form").fetchall():
            user_aliases[a].append(form)
    seeds = {s.id: s for s in (load_person_overlay(overlay) if overlay else [])}

    ents = {(d, e): (kind, name, aff, json.loads(t or "[]"), json.loads(f or "[]"))
            for d, e, kind, name, aff, t, f in rows}
    links: dict[Key, str] = {}
    # organisations, states, places: their id, unless a user decision says otherwise
    nonperson_alias = {match_key(f): a for a, forms in user_aliases.items() for f in forms
                       if not a.startswith("person:") and a not in seeds}
    for key, (kind, _, _, _, forms) in ents.items():
        if kind == "person":
            continue
        target = pins.get(key)
        if target is None:
            hits = {nonperson_alias[k] for k in (match_key(f) for f in forms) if k in nonperson_alias}
            target = hits.pop() if len(hits) == 1 else key[1]
        links[key] = target
    # persons: learned across documents and scripts
    for a, forms in user_aliases.items():
        if a in nonperson_alias.values():
            continue
        old = seeds.get(a)
        if old is not None:
            seeds[a] = PersonSeed(old.id, old.name, old.aliases + tuple(forms), old.titles, old.affiliation,
                                  old.affiliation_kind, old.sources)
        else:
            seeds[a] = PersonSeed(a, forms[0], tuple(forms[1:]), sources=("user",))
    sightings = []
    for key, (kind, name, aff, titles, forms) in ents.items():
        if kind != "person":
            continue
        aff_ent = ents.get((key[0], aff)) if aff else None
        sightings.append(Sighting(
            doc_id=key[0], entity_id=key[1], name=name, forms=tuple(forms), titles=tuple(titles),
            affiliation=links.get((key[0], aff), aff) if aff else None,
            affiliation_kind=aff_ent[0] if aff_ent and aff_ent[0] in ("state", "organization") else None,
            affiliation_name=aff_ent[1] if aff_ent else None))
    links.update(link_persons(sightings, seeds=list(seeds.values()), pins=pins))

    actors: dict[str, CorpusActor] = {}
    names: dict[str, list[str]] = defaultdict(list)
    romanized: dict[str, list[str]] = defaultdict(list)
    for key in sorted(links):
        aid = links[key]
        kind, name, aff, titles, forms = ents[key]
        act = actors.get(aid)
        if act is None:
            origin = "learned" if kind == "person" else "kb"
            if aid in seeds:
                origin = "overlay" if seeds[aid].sources and seeds[aid].sources[0].startswith("overlay:") else "user"
            elif aid in pins.values():
                origin = "user"
            act = actors[aid] = CorpusActor(aid, kind, name, origin)
        act.members.append(key)
        # a name written in Latin script by its document beats a romanization of an Arabic one
        (names if any(not is_arabic(f) for f in forms) or not forms else romanized)[aid].append(name)
        when = dates.get(key[0])
        for form in [name, *forms]:
            if kind != "person" or _names_person(form, name):
                act.add_form(form, "document", key[0], when)
        for t in titles:
            act.titles.setdefault(t, Seen()).add(key[0], when)
        if aff:
            act.affiliations.setdefault(links.get((key[0], aff), aff), Seen()).add(key[0], when)
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
    _name_persons(actors, names, romanized, seeds)
    return ActorIndex(links=links, actors=actors)


def _name_persons(actors: dict[str, CorpusActor], written: dict[str, list[str]], romanized: dict[str, list[str]],
                  seeds: dict[str, PersonSeed]) -> None:
    """Display names of person actors: the overlay's name; else a Latin name a document wrote; else
    the Arabic name romanized with the spellings this corpus uses for its words (learned from the
    persons it names in both scripts: سيرغي is written Sergey). Arabic forms get their romanization
    as a form too."""
    persons = [a for a in actors.values() if a.kind == "person"]
    pairs = []
    for act in persons:
        if act.origin != "overlay" and written[act.id]:
            act.name = canonical_name(written[act.id]) or act.name
            arabic = _arabic_full_form(act, romanized[act.id])
            if arabic:
                pairs.append((arabic, act.name))
    spellings = learn_spellings(pairs)
    for act in persons:
        if act.origin == "overlay":
            act.name = seeds[act.id].name
        elif not written[act.id]:
            arabic = _arabic_full_form(act, romanized[act.id])
            act.name = (arabic_to_latin(arabic, spellings=spellings) if arabic else "") or \
                canonical_name(romanized[act.id] or [f for f, (o, _) in act.forms.items() if o != "romanized"]) \
                or act.name
        for form, (origin, _) in list(act.forms.items()):
            if is_arabic(form) and origin != "romanized":
                act.add_form(arabic_to_latin(form, spellings=spellings), "romanized")


def _arabic_full_form(act: CorpusActor, names: list[str] = ()) -> str | None:
    """A person's Arabic name: the one its documents romanized into ``names`` (their choice of the
    name among the forms), else the one with the most name words (titles left out of the count)."""
    arabic = [f for f, (o, _) in act.forms.items() if is_arabic(f) and o != "romanized"]
    chosen = {match_key(n) for n in names}

    def rank(form: str) -> tuple[bool, int, int, str]:
        rom = _romanized(form)
        return match_key(rom) in chosen, len(rom.split()), len(form), form

    return max(arabic, key=rank) if arabic else None


_romanized = lru_cache(maxsize=1 << 14)(arabic_to_latin)


def _names_person(form: str, name: str) -> bool:
    """A person's form that is a name (a word of it sounds like a word of the name, in either
    script: طه for Taha), not a title ('Bruneian Minister', 'الأمين العام')."""
    keys = {name_key(w) for w in name.split()} - {""}
    return any(name_key(w) in keys for w in form.split())


def refresh_actors(con: Any, overlay: str | Path | None = None) -> ActorIndex:
    """Rebuild the corpus actor tables from the stored entities; returns the index written."""
    ensure_actor_tables(con)
    idx = build_actor_index(con, overlay)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("actor_links", "corpus_actors", "actor_forms", "actor_titles", "actor_affiliations"):
            con.execute(f"DELETE FROM {table}")
        insert_columns(con, "actor_links", ["VARCHAR"] * 3, [[d, e, a] for (d, e), a in idx.links.items()])
        insert_columns(con, "corpus_actors", ["VARCHAR"] * 4 + ["INTEGER"],
                       [[a.id, a.kind, a.name, a.origin, len(a.documents)] for a in idx.actors.values()])
        forms, titles, affs = [], [], []
        for a in idx.actors.values():
            forms += [[a.id, f, "Arab" if is_arabic(f) else "Latn", o, s.first, s.last, len(s.documents)]
                      for f, (o, s) in a.forms.items()]
            titles += [[a.id, t, s.first, s.last, len(s.documents)] for t, s in a.titles.items()]
            affs += [[a.id, x, s.first, s.last, len(s.documents)] for x, s in a.affiliations.items()]
        insert_columns(con, "actor_forms", ["VARCHAR"] * 6 + ["INTEGER"], forms)
        insert_columns(con, "actor_titles", ["VARCHAR"] * 4 + ["INTEGER"], titles)
        insert_columns(con, "actor_affiliations", ["VARCHAR"] * 4 + ["INTEGER"], affs)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return idx


def actor_events(con: Any, idx: ActorIndex) -> dict[str, list[tuple[str, str | None, str, str | None]]]:
    """Per actor, the merged (corpus) events it took part in: (corpus id, date, type, role)."""
    rows = con.execute(
        "SELECT coalesce(e.corpus_event, e.id), e.doc_id, e.date, e.type, p.entity_id, p.role "
        "FROM events e JOIN event_parties p ON p.event_id = e.id WHERE e.status = 'occurred'").fetchall()
    best: dict[tuple[str, str], tuple[str, str | None, str, str | None]] = {}
    for cid, doc_id, date, etype, ent, role in rows:
        aid = idx.actor_of(doc_id, ent)
        old = best.get((aid, cid))
        if old is None or len(date or "") > len(old[1] or "") or (role and not old[3]):
            best[(aid, cid)] = (cid, date if old is None or len(date or "") >= len(old[1] or "") else old[1],
                                etype, role or (old[3] if old else None))
    out: dict[str, list[tuple[str, str | None, str, str | None]]] = defaultdict(list)
    for (aid, _), ev in sorted(best.items(), key=lambda kv: (kv[1][1] or "", kv[1][0])):
        out[aid].append(ev)
    return out


def find_actor(idx: ActorIndex, ref: str) -> CorpusActor:
    """An actor by id, or by any of its forms in any script, resolved as `events --actor` resolves
    (:func:`resolve_actor_ref`), then by the words of a name ('Voronkov'); names the choices when
    ambiguous."""
    if ref in idx.actors:
        return idx.actors[ref]
    aliases = [(a.id, a.kind, a.name, f) for a in idx.actors.values() for f in (a.name, *a.forms)]
    found = [aid for aid, _ in resolve_actor_ref(ref, aliases, {a.id: len(a.documents) for a in idx.actors.values()})]
    hits = [idx.actors[a] for a in found]
    key = match_key(ref)
    if not hits and key:
        words = set(key.split())     # a surname or part of a name: 'Voronkov'
        hits = [a for a in idx.actors.values() if any(words <= set(match_key(f).split()) for f in a.forms)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise CommuniqueError(f"no actor {ref!r}; list them with `communique actors list`")
    raise CommuniqueError(f"{ref!r} names {len(hits)} actors: " +
                          "; ".join(f"{a.id} ({a.name})" for a in sorted(hits, key=lambda a: a.id)) +
                          "; give one of these ids")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _pin(con: Any, keys: list[Key], actor_id: str) -> None:
    con.executemany("INSERT INTO actor_pins VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, entity_id) DO UPDATE SET "
                    "actor_id = excluded.actor_id, pinned_at = excluded.pinned_at",
                    [[d, e, actor_id, _now()] for d, e in keys])


def merge_actors(con: Any, source: str, target: str, overlay: str | Path | None = None) -> ActorIndex:
    """Make ``source`` and ``target`` one actor, keeping the id ``target`` (a user decision that
    later re-linking keeps). Returns the rebuilt index."""
    ensure_actor_tables(con)
    idx = build_actor_index(con, overlay)
    src, dst = find_actor(idx, source), find_actor(idx, target)
    if src.id == dst.id:
        raise CommuniqueError(f"{source!r} and {target!r} are already one actor ({dst.id})")
    if src.kind != dst.kind:
        raise CommuniqueError(f"cannot merge a {src.kind} ({src.id}) into a {dst.kind} ({dst.id})")
    _pin(con, src.members + dst.members, dst.id)
    con.execute("UPDATE actor_user_aliases SET actor_id = ? WHERE actor_id = ? AND form NOT IN "
                "(SELECT form FROM actor_user_aliases WHERE actor_id = ?)", [dst.id, src.id, dst.id])
    con.execute("UPDATE actor_pins SET actor_id = ? WHERE actor_id = ?", [dst.id, src.id])
    return refresh_actors(con, overlay)


def add_alias(con: Any, actor: str, form: str, overlay: str | Path | None = None) -> ActorIndex:
    """Add a form (any script) to an actor: documents that write it link to this actor."""
    if not form.strip():
        raise CommuniqueError("the alias is empty; give the form as written, e.g. 'المغيدي'")
    ensure_actor_tables(con)
    idx = build_actor_index(con, overlay)
    act = find_actor(idx, actor)
    _pin(con, act.members, act.id)
    con.execute("INSERT INTO actor_user_aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [act.id, " ".join(form.split()), _now()])
    return refresh_actors(con, overlay)


#: fuzzy resolution: the least similarity (difflib ratio of folded forms) of a misspelt name
FUZZY_THRESHOLD = 0.85


def resolve_actor_ref(ref: str, aliases: Iterable[tuple[str, str, str, str]],
                      documents: Mapping[str, int] | None = None) -> list[tuple[str, str]]:
    """The actors a name in any script refers to, as (actor id, name): its id or an exact alias
    first, then the transliteration key (a person's name or surname in the other script: لافروف
    for Lavrov; the persons whose forms score best under translit.same_name), then a fuzzy match of
    at least :data:`FUZZY_THRESHOLD`. ``aliases`` are (actor id, kind, actor name, form) rows. The
    first step that finds anything decides; several actors found there are all returned (the
    caller names them), unless ``documents`` (actor -> how many documents name it) shows one of them
    named in at least :data:`PROMINENT_RATIO` times as many documents as any other (a lone "Putin"
    is the president, not a namesake seen once)."""
    rows = list(aliases)
    names = {a: n for a, _, n, _ in rows}
    if ref in names:
        return [(ref, names[ref])]
    key = match_key(ref)
    if not key:
        return []
    hits = sorted({a for a, _, _, form in rows if match_key(form) == key})
    if not hits:
        hits = _by_transliteration(ref, rows)
    if not hits:
        hits = sorted({a for a, _, _, form in rows
                       if SequenceMatcher(None, key, match_key(form)).ratio() >= FUZZY_THRESHOLD})
    if len(hits) > 1 and documents:
        ranked = sorted(hits, key=lambda a: -documents.get(a, 0))
        if documents.get(ranked[0], 0) >= PROMINENT_RATIO * max(documents.get(ranked[1], 0), 1):
            hits = ranked[:1]
    return [(a, names[a]) for a in hits]


#: a candidate named in this many times the documents of every other one is the one meant
PROMINENT_RATIO = 3


#: persons whose best same_name score is within this of the best one are all candidates
RESOLVE_MARGIN = 0.02


def _by_transliteration(ref: str, rows: list[tuple[str, str, str, str]]) -> list[str]:
    """Persons with a form of the same surname skeleton; those whose forms score best under
    same_name when any reaches the threshold, else all of them."""
    surname = name_key(ref)
    if not surname:
        return []
    best: dict[str, float] = {}
    for a, kind, _, form in rows:
        if kind == "person" and name_key(form) == surname:
            best[a] = max(best.get(a, 0.0), same_name(ref, form))
    top = max(best.values(), default=0.0)
    if top >= SAME_NAME_THRESHOLD:
        return sorted(a for a, score in best.items() if score >= top - RESOLVE_MARGIN)
    return sorted(best)


def resolve_actor_ids(con: Any, ref: str) -> tuple[str, ...] | None:
    """The corpus actor a name in any form and script names (`communique events --actor`), resolved by
    :func:`resolve_actor_ref`; None when the store keeps no corpus actor tables (the caller matches the
    name within the reports' forms instead). A name of no actor, or of several, is refused with their
    ids and names."""
    from ..store.queries import actor_aliases, actor_documents

    aliases = actor_aliases(con)
    if aliases is None:
        return None
    hits = resolve_actor_ref(ref, aliases, actor_documents(con))
    if not hits:
        raise CommuniqueError(f"no actor {ref!r}; list them with `communique actors list`")
    if len(hits) > 1:
        raise CommuniqueError(f"{ref!r} names {len(hits)} actors: " +
                              "; ".join(f"{a} ({n})" for a, n in hits) + "; give one of these ids")
    return (hits[0][0],)


def actor_query_events(con: Any, ref: str | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Corpus events with their parties as corpus actors and their English roles (`communique events`),
    newest first, filtered in SQL over the browse tables (``filters``: EventFilter fields such as type,
    since, until); with ``ref``, only the events of the actor it names (:func:`resolve_actor_ids`): every
    event one of whose reports gives that actor as a party or a party's affiliation. A store without actor
    tables matches ``ref`` within the forms its reports give their parties."""
    from ..store.browse import EventFilter, list_events
    from ..store.browse_tables import browse_source

    from .roles import with_english_roles

    ids = resolve_actor_ids(con, ref) if ref is not None else None
    query = EventFilter(actor_ids=ids or (), actor=ref if ids is None else None, limit=None, **filters)
    return with_english_roles(list_events(browse_source(con, writable=False), query).events)
