"""Linking: per-document entities -> KB actors (canonical English name, Wikidata id, country)."""

from __future__ import annotations

from typing import Any

from ..records import Entity

__all__ = ["link_entities"]


def link_entities(entities: list[Entity], actors: Any) -> list[Entity]:
    """Give each entity linked by the gazetteer its KB name and ids; link unlinked organizations and
    states by exact alias. Entities that two mentions linked to one actor are merged."""
    merged: dict[str, Entity] = {}
    out: list[Entity] = []
    remap: dict[str, str] = {}
    for ent in entities:
        actor = actors.get(ent.id) if ent.kind in {"organization", "state"} else None
        if actor is None and ent.kind in {"organization", "state"}:
            for form in ent.forms + ([ent.acronym] if ent.acronym else []):
                found = [a for a in actors.lookup(form) if a.kind == ent.kind or ent.kind == "organization"]
                if len(found) >= 1:
                    actor = found[0]
                    break
        if actor is not None:
            old = ent.id
            ent.id = actor.id
            ent.kind = actor.kind
            ent.name = actor.name
            ent.wikidata = actor.wikidata
            ent.acronym = actor.acronym or ent.acronym
            ent.country = actor.country if actor.kind == "state" else ent.country
            remap[old] = actor.id
        if ent.id in merged:
            target = merged[ent.id]
            target.mentions.extend(ent.mentions)
            target.forms.extend(f for f in ent.forms if f not in target.forms)
            target.acronym = target.acronym or ent.acronym
            continue
        merged[ent.id] = ent
        out.append(ent)
    for ent in out:
        if ent.affiliation in remap:
            ent.affiliation = remap[ent.affiliation]
    return out
