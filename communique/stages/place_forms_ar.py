"""Arabic places named with and without the noun of their kind: "منطقة فلانة" and "فلانة", "قطاع فلان" and
"فلان", "محافظة فلان" and "فلان". The press writes a region, a province or a district either way, often both in
one story, and both are surface forms of the same place (SCHEMA.md: Arabic forms as written); an entity
of kind place gets the other form of each of its mentions, as the text writes it."""

from __future__ import annotations

import re

from ..lang import entries
from ..records import Entity
from ..textnorm import is_arabic

__all__ = ["add_headed_place_forms", "PLACE_KIND_NOUNS"]

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
