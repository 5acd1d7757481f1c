"""Entity kinds where NER's label and the document disagree (stages.entity_kinds), on sentences written for the
tests (fictional people and places)."""

from __future__ import annotations

from types import SimpleNamespace

from communique.records import Mention
from communique.stages.coref import cluster_mentions
from communique.stages.entity_kinds import common_word_persons, exact_city, places_named_as_persons

_CITIES = {"Port Verra": SimpleNamespace(name="Port Verra", kind="city", population=900_000),
           "Kelm": SimpleNamespace(name="Kelm", kind="city", population=12_000),
           "Ostrava Nova": SimpleNamespace(name="Ostrava-Nova", kind="city", population=300_000)}


def _mentions(text: str, spec: list[tuple[str, str, dict]]) -> list[Mention]:
    out, pos = [], 0
    for form, kind, info in spec:
        start = text.index(form, pos)
        out.append(Mention(start, start + len(form), form, kind, 0, **info))  # type: ignore[arg-type]
        pos = start + 1
    return out


def _entities(text: str, spec: list[tuple[str, str, dict]]):
    ents = cluster_mentions(_mentions(text, spec), place_name=lambda s: None)
    return places_named_as_persons(ents, lambda f: exact_city(_CITIES.get, f))


def test_kinds_a_name_tagged_as_an_organization_is_the_person_of_that_name():
    text = "Minister Aline Dorvan met him. The Deputy Minister, Aline Dorvan, said so."
    ents = _entities(text, [("Aline Dorvan", "person", {"title": "Minister"}), ("Aline Dorvan", "organization", {})])
    assert [(e.kind, len(e.mentions)) for e in ents] == [("person", 2)]


def test_kinds_an_organization_is_not_a_person_for_one_shared_word():
    text = "Minister Aline Dorvan visited the Dorvan Institute."
    ents = _entities(text, [("Aline Dorvan", "person", {}), ("Dorvan Institute", "organization", {})])
    assert sorted(e.kind for e in ents) == ["organization", "person"]


def test_kinds_a_city_read_as_a_person_is_a_place():
    text = "Talks in Port Verra went on. Port Verra said nothing."
    ents = _entities(text, [("Port Verra", "person", {}), ("Port Verra", "person", {})])
    assert [(e.kind, e.name, len(e.mentions)) for e in ents] == [("place", "Port Verra", 2)]


def test_kinds_a_city_read_as_a_person_joins_the_place_of_that_city():
    text = "In Ostrava-Nova the envoy spoke. Ostrava Nova was calm."
    ents = cluster_mentions(_mentions(text, [("Ostrava-Nova", "place", {}), ("Ostrava Nova", "person", {})]),
                            place_name=lambda s: "Ostrava-Nova")
    ents = places_named_as_persons(ents, lambda f: exact_city(_CITIES.get, f))
    assert [(e.kind, len(e.mentions)) for e in ents] == [("place", 2)]


def test_kinds_a_titled_person_or_a_small_town_name_stays_a_person():
    text = "President Port Verra spoke. Kelm said so."
    ents = _entities(text, [("Port Verra", "person", {"title": "President"}), ("Kelm", "person", {})])
    assert sorted(e.kind for e in ents) == ["person", "person"]


def test_kinds_a_person_of_words_written_in_lower_case_elsewhere_is_dropped():
    text = "Counterpiracy Talks opened. The counterpiracy talks went on; Tomas Vell spoke."
    ents = cluster_mentions(_mentions(text, [("Counterpiracy Talks", "person", {}), ("Tomas Vell", "person", {})]),
                            place_name=lambda s: None)
    assert [e.name for e in common_word_persons(text, ents)] == ["Tomas Vell"]


def test_kinds_a_word_always_after_an_article_or_on_is_no_person():
    from communique.stages.entity_kinds import things_read_as_persons

    text = "Writing on Chirpster, Tomas Vell said the Vellites must stop. Vell thanked the Vellites."
    ents = cluster_mentions(_mentions(text, [("Chirpster", "person", {}), ("Tomas Vell", "person", {}),
                                             ("Vellites", "person", {}), ("Vell", "person", {}),
                                             ("Vellites", "person", {})]), place_name=lambda s: None)
    kinds = {e.forms[0]: e.kind for e in things_read_as_persons(text, ents)}
    assert kinds == {"Chirpster": "organization", "Tomas Vell": "person", "Vellites": "organization"}
