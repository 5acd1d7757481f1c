"""Arabic surface forms of one actor that the mentions give apart: places named with and without the noun of
their kind ("منطقة فلانة" and "فلانة", "محافظة فلان" and "فلان": the press writes a region, a province or a
district either way, often both in one story; an entity of kind place gets the other form of each of its
mentions, as the text writes it), and a name read with the conjunction glued to it ("وفلان") beside the same
name without it (one entity)."""

from __future__ import annotations

import re

from ..lang import entries
from ..records import Entity
from ..textnorm import is_arabic

__all__ = ["add_headed_place_forms", "merge_conjunction_forms", "PLACE_KIND_NOUNS"]

#: nouns of a place's kind written before its name (lang/ar/place_kind_nouns.txt)
PLACE_KIND_NOUNS = tuple(entries("ar", "place_kind_nouns.txt"))
_NOUNS = "|".join(re.escape(n) for n in sorted(PLACE_KIND_NOUNS, key=len, reverse=True))
#: the noun right before a mention, behind a clitic or not ("بمنطقة فلانة": the form is "منطقة فلانة")
_NOUN_BEFORE = re.compile(r"(?<!\S)(?:[وفبل]{1,2})?(?P<noun>" + _NOUNS + r")[ \t]+$")
#: a mention that opens with the noun: the name after it
_NOUN_INSIDE = re.compile(r"(?:[وفبل]{1,2})?(?P<noun>" + _NOUNS + r")[ \t]+(?P<name>\S.*)$")
_MIN_NAME = 3       # letters of the bare name: "حي" + a two-letter word is no place of its own


def add_headed_place_forms(text: str, entities: list[Entity]) -> list[Entity]:
    """Each Arabic place entity with the forms its mentions have with and without the noun of their kind:
    a mention "فلانة" after "منطقة" gives "منطقة فلانة"; a mention "بمنطقة فلانة" gives "منطقة فلانة" and "فلانة"."""
    for ent in entities:
        if ent.kind != "place":
            continue
        extra: list[str] = []
        for m in ent.mentions:
            if not is_arabic(m.form) or m.descriptive:
                continue
            before = _NOUN_BEFORE.search(text, max(0, m.start - 20), m.start)
            if before:
                extra.append(f"{before.group('noun')} {m.form}")
            inside = _NOUN_INSIDE.match(m.form)
            if inside and len(inside.group("name").replace(" ", "")) >= _MIN_NAME:
                extra += [f"{inside.group('noun')} {inside.group('name')}", inside.group("name")]
        if extra:
            ent.forms = list(dict.fromkeys([*ent.forms, *extra]))
    return entities


def merge_conjunction_forms(entities: list[Entity]) -> list[Entity]:
    """An Arabic entity every form of which is the conjunction "و" glued to a form of another entity ("ودول
    فلان" beside "دول فلان", "وفلانة" beside "فلانة"): the same actor, named in a list; its mentions join that
    entity, and what pointed to it points there."""
    by_form: dict[str, Entity] = {}
    for ent in entities:
        for form in ent.forms:
            by_form.setdefault(form, ent)
    moved: dict[str, str] = {}
    for ent in entities:
        if not ent.forms or not all(is_arabic(f) and f.startswith("و") and len(f) > 4 for f in ent.forms):
            continue
        targets = {id(t): t for f in ent.forms if (t := by_form.get(f[1:])) is not None and t is not ent}
        if len(targets) != 1:
            continue
        target = next(iter(targets.values()))
        target.mentions = sorted([*target.mentions, *ent.mentions], key=lambda m: m.start)
        target.forms = list(dict.fromkeys([*target.forms, *ent.forms]))
        moved[ent.id] = target.id
    if not moved:
        return entities
    for ent in entities:
        if ent.affiliation in moved:
            ent.affiliation = moved[ent.affiliation]
    return [ent for ent in entities if ent.id not in moved]
