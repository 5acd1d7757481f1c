"""Merge keys of stored reports (what cross-document merging compares: corpus/merging.py), the officials a
document implies for a state it names bare, and the corpus event ids of merged groups."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import combinations
from typing import Any

from ..records import StoredReport
from .merging import (FAMILY, PERSON_PREFIXES, EventKey, person_key, merge_events, neighbour_blocks, party_keys,
                      report_blocks, same_sides)

__all__ = ["merge_corpus", "report_keys", "implied_officials", "corpus_assignments", "assign_corpus_ids", "block_names",
           "neighbour_block_names"]


def merge_corpus(records: Iterable[tuple[str, dict[str, Any]]]) -> list[list[str]]:
    """Merge the occurred events of document records; returns, per merged event, its documents."""
    keys: list[EventKey] = []
    for doc_id, rec in records:
        ents = {e["id"]: e for e in rec.get("entities", [])}
        for ev in rec.get("events", []):
            if ev.get("status", "occurred") != "occurred":
                continue
            loc = ev.get("location") or {}
            keys.append((doc_id, FAMILY.get(ev["type"], ev["type"]), party_keys(ev, ents), ev.get("date"),
                         loc.get("country"), same_sides(ev, ents)))
    return [[keys[i][0] for i in group] for group in merge_events(keys) if len(group) > 1]


def report_keys(reports: Iterable[StoredReport], affiliations: Mapping[str, Collection[str]] | None = None,
                persons_named: Callable[[Collection[str]], Mapping[str, Collection[str]]] | None = None,
                published: Callable[[Collection[str]], Mapping[str, str | None]] | None = None
                ) -> list[EventKey]:
    """Stored reports -> their merge keys, in report id order. A party's corpus actor, when given, is
    its key (one identity with `communique actors`); else persons are keyed by their surname skeleton.
    ``affiliations`` (corpus actor -> the states and organizations it was seen acting for) make a
    person and its own state one side wherever both are parties ("Lavrov" and "Russia" are not two
    counterparts). ``persons_named`` (documents -> the person actors each names) gives a state or
    organization that a report names without any of its officials the officials its document names
    (:func:`implied_officials`). ``published`` (documents -> the date each gives itself) places an undated
    report within :data:`merging.PUBLISHED_WINDOW_DAYS` before its document's date."""
    affiliations = affiliations or {}
    keys: list[EventKey] = []
    person_keys: dict[str, str] = {}
    interned: dict[str, str] = {}
    sets: dict[frozenset, frozenset] = {}        # one object for the sets many reports share (memory)
    unnamed: dict[int, tuple[str, frozenset[str]]] = {}      # key index -> (document, sides named by no person)
    undated: dict[int, str] = {}                             # key index -> document
    doc_of: list[str] = []                                   # key index -> document
    for r in reports:
        parties: set[str] = set()
        sides: set[frozenset[str]] = set()
        for p in r.parties:
            if p.actor:
                key = interned.setdefault(p.actor, p.actor)
            elif p.kind == "person":
                key = person_keys.get(p.name or "")
                if key is None:
                    key = person_keys[p.name or ""] = person_key(p.name or "")
            else:
                key = interned.setdefault(p.entity, p.entity)
            parties.add(key)
            if p.acts_for and p.acts_for != key:
                parties.add(interned.setdefault(p.acts_for, p.acts_for))
                sides.add(frozenset((key, p.acts_for)))
        for key in parties:
            sides.update(frozenset((key, aff)) for aff in affiliations.get(key, ()) if aff in parties and aff != key)
        sides.update(_colleagues(parties, affiliations))
        sides.update(_lone_official(parties, sides, affiliations))
        bare = frozenset(k for k in parties if not k.startswith(PERSON_PREFIXES)) - \
            {k for side in sides for k in side}
        if bare and persons_named is not None:
            unnamed[len(keys)] = (r.doc_id, bare)
        if not r.date and published is not None:
            undated[len(keys)] = r.doc_id
        doc_of.append(r.doc_id)
        parties_set, sides_set = frozenset(parties), frozenset(sides)
        keys.append((r.id, FAMILY.get(r.type, r.type), sets.setdefault(parties_set, parties_set),
                     interned.setdefault(r.date, r.date) if r.date else None,
                     interned.setdefault(r.country, r.country) if r.country else None,
                     sets.setdefault(sides_set, sides_set)))
    named = persons_named(set(doc_of)) if persons_named is not None else {}
    for i, (doc, bare) in unnamed.items():
        implied = implied_officials(bare, named.get(doc, ()), affiliations)
        if implied:
            keys[i] = keys[i] + (sets.setdefault(implied, implied),)
    days = published(set(undated.values())) if undated and published is not None else {}
    for i, doc in undated.items():
        if days.get(doc):
            keys[i] = keys[i][:7] + (frozenset(),) * (7 - len(keys[i])) + (days[doc],)
    if persons_named is not None and published is not None:
        keys = [_with_cast(k, named.get(doc, ()), affiliations, sets) for k, doc in zip(keys, doc_of)]
    keys.sort(key=lambda k: k[0])
    return keys


def _with_cast(k: EventKey, persons: Collection[str], affiliations: Mapping[str, Collection[str]],
               shared: dict[frozenset, frozenset]) -> EventKey:
    """The key with its document's cast (``persons``: the person actors its document names): the officials
    of the states and organizations among its parties and of those its persons act for (one object for
    the casts many keys share: ``shared``)."""
    states = frozenset(s for p in k[2] for s in (affiliations.get(p, ()) if p.startswith(PERSON_PREFIXES) else (p,)))
    k = k + (frozenset(),) * (7 - len(k))
    cast = implied_officials(states, persons, affiliations)
    return k + (None,) * (8 - len(k)) + (shared.setdefault(cast, cast),)


def _colleagues(parties: Collection[str], affiliations: Mapping[str, Collection[str]]) -> set[frozenset[str]]:
    """Two persons the corpus sees acting for one state or organization are one side, never a pair of
    counterparts: two reports that share only the host's president and prime minister tell of two visits."""
    persons = sorted(k for k in parties if k.startswith(PERSON_PREFIXES) and affiliations.get(k))
    return {frozenset((a, b)) for a, b in combinations(persons, 2)
            if not set(affiliations[a]).isdisjoint(affiliations[b])}


def _lone_official(parties: Collection[str], sides: Collection[frozenset[str]],
                   affiliations: Mapping[str, Collection[str]]) -> set[frozenset[str]]:
    """A report's one person whom the corpus never saw acting for anyone, beside its one state or
    organization that none of its persons acts for and a counterpart the corpus sees acting for another,
    is that state's official ("Nordvik's foreign minister received Ivo Marek and Estavia", the envoy's
    state told by an adjective no lexicon knows): two reports naming two different officials of it are two
    meetings, not one. Without such a counterpart the state is the person's counterpart (a visit to it)."""
    in_side = {k for side in sides for k in side}
    persons = [k for k in parties if k.startswith(PERSON_PREFIXES)]
    lone = [k for k in persons if k not in in_side and not affiliations.get(k)]
    bare = [k for k in parties if not k.startswith(PERSON_PREFIXES) and k not in in_side]
    if len(lone) != 1 or len(bare) != 1:
        return set()
    if not any(affiliations.get(p) and bare[0] not in affiliations[p] for p in persons):
        return set()
    return {frozenset((lone[0], bare[0]))}


def implied_officials(bare: Collection[str], persons: Collection[str], affiliations: Mapping[str, Collection[str]]
                      ) -> frozenset[frozenset[str]]:
    """The one-party pairs (person, state or organization) implied for the states and organizations a report
    names without an official (``bare``): the persons its document names (``persons``) that the corpus has
    seen acting for them. "France and Lebanon" in a report on one French minister's trip is not another
    French minister's visit told by a report that names him."""
    return frozenset(frozenset((p, s)) for p in persons for s in affiliations.get(p, ()) if s in bare and s != p)


def corpus_assignments(reports: Iterable[StoredReport], affiliations: Mapping[str, Collection[str]] | None = None
                       ) -> tuple[list[tuple[str, str]], int]:
    """Stored reports -> (event id, corpus event id) for every occurred report, and the number of
    groups (:func:`report_keys` reads the reports)."""
    return assign_corpus_ids(report_keys(reports, affiliations))


def assign_corpus_ids(keys: list[EventKey], groups: list[list[int]] | None = None
                      ) -> tuple[list[tuple[str, str]], int]:
    """Merge keys (in id order) -> (event id, corpus event id: ``ce:`` and its first report's id), groups.
    ``groups``: index groups over ``keys`` already merged (default: :func:`merge_events` of ``keys``)."""
    groups = merge_events(keys) if groups is None else groups
    out: list[tuple[str, str]] = []
    for group in groups:
        ids = sorted(keys[i][0] for i in group)
        corpus_id = "ce:" + ids[0].split(":", 1)[-1]
        out.extend((ev_id, corpus_id) for ev_id in ids)
    return out, len(groups)


def block_names(key: EventKey) -> list[str]:
    """The blocks of its family a report is compared in (:func:`merge_events`), as stored strings."""
    return ["\x1f".join(b) for b in report_blocks(key)]


def neighbour_block_names(key: EventKey) -> list[str]:
    """The stored blocks whose reports a new report is compared with: those of its family and, for a signing or
    a meeting, those of the same pairs in the other family (merging.CROSS_FAMILIES)."""
    return ["\x1f".join(b) for b in neighbour_blocks(key)]
