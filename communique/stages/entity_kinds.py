"""Which kind an entity of one document is, where NER's label and the document disagree: a person's name tagged
as a place or an organization, a city tagged as a person, a common word read as a person's name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..records import Entity, Mention
from ..textnorm import fold, is_arabic, strip_honorifics
from .name_match import compatible_names, is_full_name
from .titles import HONORIFIC_RE

__all__ = ["persons_named_as_others", "places_named_as_persons", "exact_city", "common_word_persons",
           "things_read_as_persons", "settle_kinds"]


def _words(form: str) -> list[str]:
    return strip_honorifics(fold(HONORIFIC_RE.sub(" ", form)).split())


def persons_named_as_others(mentions: list[Mention], place_name: Callable[[str], str | None]) -> list[Mention]:
    """A place or organization mention (not a KB actor, a known place or an acronym) whose full name is that of a
    person of the document is that person: NER tags one name PER in one sentence and ORG or LOC in another
    ("Aline Dor" after a title, "Aline Dor" again in a list of guests)."""
    persons = [_words(m.form) for m in mentions if m.kind == "person" and not m.descriptive]
    persons = [w for w in persons if is_full_name(w)]
    if not persons:
        return mentions
    out = []
    for m in mentions:
        if m.kind in {"place", "organization"} and m.kb_id is None and not m.acronym and not m.descriptive:
            words = _words(m.form)
            if is_full_name(words) and place_name(m.form) is None \
                    and any(compatible_names(words, p) for p in persons):
                m = replace(m, kind="person")
        out.append(m)
    return out


def _plain(text: str) -> str:
    return re.sub(r"[\s'’-]+", "", fold(text))


def places_named_as_persons(entities: list[Entity], city_name: Callable[[str], str | None]) -> list[Entity]:
    """A person entity with no title whose every form is the name of a city, as the gazetteer writes it ("Port Verra",
    "Ostrava-Nova", or in Arabic script), is that place; a place entity of that city already there takes its mentions."""
    places = {e.id: e for e in entities if e.kind == "place"}
    out = []
    for ent in entities:
        if ent.kind == "person" and not ent.titles and not any(m.title for m in ent.mentions):
            names = {city_name(f) for f in ent.forms}
            if len(names) == 1 and None not in names:
                name = names.pop()
                assert name is not None
                key = "place:" + (re.sub(r"[^a-z0-9\u0600-\u06ff]+", "-", fold(name)).strip("-") or "x")
                if key in places:
                    target = places[key]
                    target.mentions.extend(replace(m, kind="place") for m in ent.mentions)
                    target.forms = list(dict.fromkeys(target.forms + ent.forms))
                    continue
                ent = replace(ent, id=key, kind="place", name=name,
                              mentions=[replace(m, kind="place") for m in ent.mentions])
                places[key] = ent
        out.append(ent)
    return out


def exact_city(lookup: Callable[[str], object | None], form: str, min_population: int = 40_000) -> str | None:
    """The `city_name` of places_named_as_persons: the name of the city of `min_population` people or more that
    the gazetteer `lookup` finds for `form` when that name is the form itself (accents, case, spaces and hyphens
    aside; an Arabic form: any such city it names)."""
    place = lookup(form)
    if place is None or getattr(place, "kind", None) != "city":
        return None
    if (getattr(place, "population", 0) or 0) < min_population:
        return None
    name = str(getattr(place, "name"))
    return name if is_arabic(form) or _plain(name) == _plain(form) else None


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def common_word_persons(text: str, entities: list[Entity]) -> list[Entity]:
    """Person entities of Latin script every word of whose forms the document also writes in lower case
    ("Counterpiracy Talks" of a title-case heading): common words, not names."""
    lower = {w for w in _WORD.findall(text) if w.islower()}
    out = []
    for ent in entities:
        if ent.kind == "person" and not any(is_arabic(f) for f in ent.forms):
            words = {w for m in ent.mentions for w in _WORD.findall(HONORIFIC_RE.sub(" ", m.form))}
            if words and all(w.lower() in lower for w in words):
                continue
        out.append(ent)
    return out


#: what stands right before a name of a thing, never right before a person's name: an article, "on", "via"
_THING_BEFORE = re.compile(r"(?:(?<![\w-])(?:the|le|la|les|on|sur|via)\s+|(?<![\w-])l['’])$", re.I)


def things_read_as_persons(text: str, entities: list[Entity]) -> list[Entity]:
    """A person entity of one Latin word and no title written every time after an article or "on" ("on Chirpster",
    "the Vellites", "the Harbour's"): the name of a thing (a body, a network, a region), an organization here."""
    out = []
    for ent in entities:
        if ent.kind == "person" and not ent.titles and not any(m.title for m in ent.mentions) \
                and all(len(f.split()) == 1 and not is_arabic(f) for f in ent.forms) \
                and all(_THING_BEFORE.search(text, max(0, m.start - 6), m.start) for m in ent.mentions):
            ent = replace(ent, kind="organization", id="org:" + ent.id.split(":", 1)[1],
                          mentions=[replace(m, kind="organization") for m in ent.mentions])
        out.append(ent)
    return out


def settle_kinds(text: str, entities: list[Entity], city_name: Callable[[str], str | None]) -> list[Entity]:
    """The entities of a document after coreference, with cities read as persons made places, things read as
    persons made organizations and common words read as persons dropped."""
    return common_word_persons(text, things_read_as_persons(text, places_named_as_persons(entities, city_name)))
