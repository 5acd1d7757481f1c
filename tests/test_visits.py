"""Visits: the visitor and the host state of a visit trigger, and the meetings held during the visit, on
sentences written for these tests (fictional people and states)."""

from __future__ import annotations

import re

import pytest

from communique.records import Document, Entity, Mention
from communique.stages.events import EventContext, extract_events
from communique.stages.triggers import find_triggers
from communique.stages.visits import visit_frames


def _entities(text: str, specs: list[tuple[str, str, str, str | None, str | None]]) -> list[Entity]:
    """(id, kind, form, country, affiliation) -> entities with one mention each (the first occurrence)."""
    out = []
    for ent_id, kind, form, country, affiliation in specs:
        start = text.index(form)
        out.append(Entity(ent_id, kind, form, [form], [Mention(start, start + len(form), form, kind, 0)],  # type: ignore[arg-type]
                          affiliation=affiliation, country=country))
    return out


_PEOPLE = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, "FD")]
_STATES = [("SY", "state", "Sylvania", "SY", None), ("FD", "state", "Freedonia", "FD", None)]


def _frames(text: str, specs, lang: str = "en", last_subject: str | None = None):
    ents = _entities(text, specs)
    by_id = {e.id: e for e in ents}
    actors = [(e.mentions[0], e) for e in ents if e.kind in {"person", "organization", "state"}]
    places = [(e.mentions[0], e) for e in ents if e.kind in {"place", "state"}]
    return visit_frames(text, (0, len(text)), find_triggers(text, lang), lang, actors, places, by_id, last_subject)


def test_visits_host_state_after_the_trigger():
    text = "Sylvania's envoy Ilse Vance began an official visit to Freedonia on Monday."
    frames = _frames(text, _PEOPLE[:1] + _STATES)
    assert [(f.type, f.status, f.parties) for f in frames] == [("visit", "occurred", ["person:vance", "FD"])]


def test_visits_city_stands_for_its_state_and_arrival_before_the_trigger():
    text = "Ilse Vance landed in Port Lys on Sunday for a two-day visit, as Freedonia prepares its budget."
    specs = _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", "FD", None)]
    assert [f.parties for f in _frames(text, specs)] == [["person:vance", "FD"]]


def test_visits_a_person_never_visits_their_own_state():
    text = "Tomas Moro paid a visit to Freedonia's northern provinces."
    assert _frames(text, _PEOPLE[1:] + _STATES[1:]) == []


def test_visits_the_visitor_is_the_person_nearest_the_trigger_or_the_subject_of_his_visit():
    text = "President Tomas Moro received Ilse Vance, on a visit to Freedonia."
    assert [f.parties for f in _frames(text, _PEOPLE + _STATES[1:])] == [["person:vance", "FD"]]
    text = "Ilse Vance praised the hospitality shown during his visit to Freedonia."
    assert [f.parties for f in _frames(text, _PEOPLE[:1] + _STATES[1:])] == [["person:vance", "FD"]]


def test_visits_a_relative_clause_presents_a_person_it_tells_no_visit():
    text = "The accord was signed by Ilse Vance, who is leading a delegation on a visit to Freedonia."
    assert _frames(text, _PEOPLE[:1] + _STATES[1:]) == []


def test_visits_the_person_between_the_visit_noun_and_its_verb_makes_it():
    text = "Tomas Moro praised the visit President Ilse Vance paid to Freedonia last spring."
    assert [f.parties for f in _frames(text, _PEOPLE + _STATES[1:])] == [["person:vance", "FD"]]
    text = "Tomas Moro a salué la visite que la ministre Ilse Vance effectue en Freedonia."
    assert [f.parties for f in _frames(text, _PEOPLE + _STATES[1:], lang="fr")] == [["person:vance", "FD"]]


def test_visits_the_visit_nouns_complement_names_the_visitor():
    text = "Port Lys is the last stop of the trip to the south of Ilse Vance, which also took her to Freedonia."
    specs = _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", "SY", None)]
    assert [f.parties for f in _frames(text, specs)] == [["person:vance", "FD"]]
    text = "En visite en Freedonia, le ministre Ilse Vance, président du Conseil de Sylvania, a été reçu par Tomas Moro."
    assert [f.parties for f in _frames(text, _PEOPLE + _STATES, lang="fr")] == [["person:vance", "FD"]]


def test_visits_the_state_of_the_capital_one_arrives_in_is_the_host():
    text = "Ilse Vance est arrivée mercredi dans la capitale freedonienne pour une visite officielle."
    specs = _PEOPLE[:1] + [("FD", "state", "freedonienne", "FD", None)]
    assert [f.parties for f in _frames(text, specs, lang="fr")] == [["person:vance", "FD"]]
    text = "Ilse Vance landed in Port Lys, the capital of Freedonia, for a two-day visit."
    specs = _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", None, None)]
    assert [f.parties for f in _frames(text, specs)] == [["person:vance", "FD"]]


def test_visits_a_capital_named_apart_from_any_arrival_is_no_host():
    text = "Ilse Vance praised the visit, while the capital of Freedonia prepared its budget."
    assert _frames(text, _PEOPLE[:1] + _STATES[1:]) == []


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro met Ilse Vance, envoy of the council, who is on an official visit to Freedonia.", "en"),
    ("Tomas Moro s'est entretenu avec Ilse Vance, envoyée du conseil, qui effectue une visite officielle en Freedonia.",
     "fr"),
])
def test_visits_a_relative_clause_that_tells_the_visit_names_its_visitor(text, lang):
    assert [f.parties for f in _frames(text, _PEOPLE + _STATES[1:], lang=lang)] == [["person:vance", "FD"]]


def test_visits_french_passive_visitor_after_par():
    text = "La Freedonia a signé l'accord pendant la visite effectuée à Port Lys par le ministre Ilse Vance."
    specs = _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", "FD", None)]
    assert [f.parties for f in _frames(text, specs, lang="fr")] == [["person:vance", "FD"]]


def test_visits_a_visit_and_the_meeting_held_during_it_are_two_events():
    text = "Ilse Vance arrived in Freedonia for an official visit and met President Tomas Moro."
    ents = _entities(text, _PEOPLE + _STATES[1:])
    doc = Document(id="sha256:v", source="v.txt", text=text, lang="en")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    events = extract_events(doc, ents, [(0, len(text))], [], ctx)
    got = sorted((e.type, tuple(p.entity for p in e.parties)) for e in events)
    assert got == [("meet", ("person:vance", "person:moro")), ("visit", ("person:vance", "FD"))]


def test_visits_take_place_in_the_host_state():
    from communique.records import Location
    from communique.stages.frames import Frame
    from communique.stages.triggers import Trigger
    from communique.stages.visits import venue_in_host

    text = "Sylvania City - Ilse Vance began an official visit to Freedonia and arrived in Port Lys."
    ents = _entities(text, _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", "FD", None),
                                                       ("place:sy-city", "place", "Sylvania City", "SY", None)])
    by_id = {e.id: e for e in ents}
    places = [(e.mentions[0], e) for e in ents if e.kind in {"place", "state"}]
    at = text.index("visit")
    visit = Frame("visit", "occurred", ["person:vance", "FD"], {}, [(0, len(text))], Trigger(at, at + 5, "visit", "visit", False),
                  host="FD")
    dateline = Location("Sylvania City", "SY")
    geocode = {"Port Lys": Location("Port Lys", "FD", 1.0, 2.0)}.get
    assert venue_in_host(visit, dateline, places, by_id, geocode, text) == Location("Port Lys", "FD", 1.0, 2.0)
    assert venue_in_host(visit, Location("Port Lys", "FD"), places, by_id, geocode, text) == Location("Port Lys", "FD")
    meeting = Frame("meet", "occurred", ["person:vance", "FD"], {}, [(0, len(text))], visit.trigger, host="FD")
    assert venue_in_host(meeting, dateline, places, by_id, geocode, text) == dateline
    unknown_host = Frame("visit", "occurred", ["person:vance", "FD"], {}, [(0, len(text))], visit.trigger)
    assert venue_in_host(unknown_host, dateline, places, by_id, geocode, text) == dateline


def _visit_venue(text: str, venue):
    """The venue `venue_in_host` gives a visit of Vance to Freedonia told in the sentence of "visit"."""
    from communique.records import Location
    from communique.stages.frames import Frame
    from communique.stages.triggers import Trigger
    from communique.stages.visits import venue_in_host

    ents = _entities(text, _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", None, None)])
    by_id = {e.id: e for e in ents}
    places = [(m, e) for e in ents if e.kind in {"place", "state"} for m in e.mentions]
    at = text.index("visit")
    sentence = (text.rfind("\n", 0, at) + 1, text.index(".", at) + 1)
    visit = Frame("visit", "occurred", ["person:vance", "FD"], {}, [sentence],
                  Trigger(at, at + 5, "visit", "visit", False), host="FD")
    geocode = {"Port Lys": Location("Port Lys", "FD", 1.0, 2.0), "Freedonia": Location("Freedonia", "FD")}.get
    return venue_in_host(visit, venue, places, by_id, geocode, text)


def test_visits_a_host_city_known_only_from_the_dateline_gives_way_to_the_host_state():
    from communique.records import Location

    port_lys = Location("Port Lys", "FD", 1.0, 2.0)
    # the city heads the report without a word that sets anything in it; the visit is to Freedonia: the state
    text = "Port Lys talks\nIlse Vance is on an official visit to Freedonia."
    assert _visit_venue(text, port_lys) == Location("Freedonia", "FD")
    # the report places something in the city: the city stays
    text = "Ilse Vance is on an official visit to Freedonia. She will meet students in Port Lys."
    assert _visit_venue(text, port_lys) == port_lys


def test_visits_a_place_of_the_visit_sentence_counts_by_its_gazetteer_country():
    from communique.records import Location

    # the place entity carries no country: the gazetteer's says Port Lys is in Freedonia
    text = "Ilse Vance arrived in Port Lys on a visit to Freedonia."
    assert _visit_venue(text, Location("Sylvania City", "SY")) == Location("Port Lys", "FD", 1.0, 2.0)


def test_visits_an_opening_phrase_describes_the_subject_after_its_comma():
    text = "En visite en Freedonie, le ministre Ilse Vance a été accueilli lundi par le président Tomas Moro."
    specs = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, "FD"),
             ("FD", "state", "Freedonie", "FD", None)]
    assert [f.parties for f in _frames(text, specs, "fr")] == [["person:vance", "FD"]]


def test_visits_made_by_a_person_set_off_by_commas():
    text = "The visit to Freedonia made by the Sylvanian minister, Ilse Vance, ended on Monday."
    specs = [("person:vance", "person", "Ilse Vance", None, "SY"), ("FD", "state", "Freedonia", "FD", None)]
    assert [f.parties for f in _frames(text, specs)] == [["person:vance", "FD"]]


def test_visits_a_list_of_states_visited_is_one_visit_each():
    text = "Ilse Vance a commencé sa tournée, avec des visites en Freedonie, en Sylvanie et en Grand Fenwick."
    specs = [("person:vance", "person", "Ilse Vance", None, None), ("FD", "state", "Freedonie", "FD", None),
             ("SY", "state", "Sylvanie", "SY", None), ("GF", "state", "Grand Fenwick", "GF", None)]
    assert [f.parties for f in _frames(text, specs, "fr")] == [
        ["person:vance", "FD"], ["person:vance", "SY"], ["person:vance", "GF"]]


def test_visits_an_opening_arrival_names_the_host_far_from_the_trigger():
    text = ("Arrivé à Port Lys, en Freedonie, mardi après-midi, le président du conseil de transition de la "
            "Sylvanie, Ilse Vance, y séjourne pour une visite officielle de 48 heures.")
    specs = [("person:vance", "person", "Ilse Vance", None, "SY"), ("SY", "state", "Sylvanie", "SY", None),
             ("FD", "state", "Freedonie", "FD", None), ("place:port-lys", "place", "Port Lys", "FD", None)]
    assert [f.parties for f in _frames(text, specs, "fr")] == [["person:vance", "FD"]]


def test_visits_a_pronoun_subject_is_the_story_subject():
    text = "Au terme d'une visite de deux jours en Freedonie, elle a déclaré que le dialogue reprenait."
    specs = [("person:vance", "person", "Ilse Vance", None, "SY"), ("FD", "state", "Freedonie", "FD", None)]
    ents = _entities(text.replace("Ilse Vance", ""), specs[1:])
    vance = Entity("person:vance", "person", "Ilse Vance", ["Ilse Vance"], [Mention(0, 0, "Ilse Vance", "person", 0)],  # type: ignore[arg-type]
                   affiliation="SY")
    by_id = {e.id: e for e in ents} | {"person:vance": vance}
    places = [(e.mentions[0], e) for e in ents]
    frames = visit_frames(text, (0, len(text)), find_triggers(text, "fr"), "fr", [], places, by_id, "person:vance")
    assert [f.parties for f in frames] == [["person:vance", "FD"]]


def _events(text: str, specs, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """The occurred events of a hand-built document, one sentence per '. ' (type, parties); an entity is
    mentioned wherever its form stands."""
    ents = [Entity(ent_id, kind, form, [form], [Mention(m.start(), m.end(), form, kind, 0)  # type: ignore[arg-type]
                                               for m in re.finditer(re.escape(form), text)],
                   affiliation=affiliation, country=country) for ent_id, kind, form, country, affiliation in specs]
    doc = Document(id="sha256:v", source="v.txt", text=text, lang=lang)
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    sents, start = [], 0
    for part in text.split(". "):
        sents.append((start, start + len(part) + 1))
        start += len(part) + 2
    events = extract_events(doc, ents, sents, [], ctx)
    return sorted((e.type, tuple(p.entity for p in e.parties)) for e in events if e.status == "occurred")


_NEIGHBOURS = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, "FD"),
               ("SY", "state", "Sylvanie", "SY", None), ("FD", "state", "Freedonie", "FD", None)]


def test_visits_an_opening_visit_without_a_named_host_goes_to_the_state_of_the_one_who_receives():
    text = ("En visite dans le pays voisin, Ilse Vance a été reçue lundi par le président Tomas Moro. "
            "La Freedonie et la Sylvanie sont voisines.")
    assert ("visit", ("person:vance", "FD")) in _events(text, _NEIGHBOURS, "fr")


def test_visits_a_relative_clause_of_arrival_names_the_visitor_of_the_meeting():
    text = "Tomas Moro met Ilse Vance, who landed in Port Lys on Sunday for a two-day visit. Freedonia is calm."
    specs = _NEIGHBOURS[:2] + [("FD", "state", "Freedonia", "FD", None),
                               ("place:port-lys", "place", "Port Lys", "FD", None)]
    got = _events(text, specs, "en")
    assert ("visit", ("person:vance", "FD")) in got and ("meet", ("person:moro", "person:vance")) in got


def test_visits_the_visitor_named_right_after_the_visit_noun():
    text = ("استقبل الرئيس توماس مورو الوزيرة إلسه فانس. وتأتي زيارة إلسه فانس في إطار تعزيز العلاقات. "
            "وتجمع فريدونيا وسيلفانيا علاقات قديمة.")
    specs = [("person:moro", "person", "توماس مورو", None, "FD"), ("person:vance", "person", "إلسه فانس", None, "SY"),
             ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None)]
    assert ("visit", ("person:vance", "FD")) in _events(text, specs, "ar")


@pytest.mark.parametrize("text", [
    "Ilse Vance met Tomas Moro, and she is expected to pay a visit to the region next week. Freedonia is calm.",
    "Ilse Vance met Tomas Moro. The two ministers praised the visit of the delegation. Freedonia is calm.",
])
def test_visits_no_visit_beside_a_meeting_when_planned_or_made_by_no_party(text):
    specs = _NEIGHBOURS[:2] + [("FD", "state", "Freedonia", "FD", None), ("SY", "state", "Sylvania", "SY", None)]
    assert not [e for e in _events(text, specs, "en") if e[0] == "visit"]


def test_visits_a_visit_told_to_a_host_person_gives_way_to_the_visit_to_the_host_state():
    from communique.stages.frames import Frame
    from communique.stages.visits_beside import visits_beside_meetings

    text = "Tomas Moro received Ilse Vance on Monday. Tomas Moro praised the visit of Ilse Vance."
    s1, s2 = (0, 40), (41, len(text))
    ents = [Entity(i, k, f, [f], [Mention(m.start(), m.end(), f, k, 0) for m in re.finditer(f, text)],  # type: ignore[arg-type]
                   affiliation=a, country=c) for i, k, f, c, a in _NEIGHBOURS[:2]]
    ents += [Entity(i, "state", f, [f], [], country=c) for i, _, f, c, _ in _NEIGHBOURS[2:]]  # type: ignore[arg-type]
    by_id = {e.id: e for e in ents}
    meet, visit = find_triggers(text[:40], "en")[0], find_triggers(text[41:], "en", 41)[0]
    frames = [Frame("meet", "occurred", ["person:moro", "person:vance"], {}, [s1], meet),
              Frame("visit", "occurred", ["person:moro", "person:vance"], {}, [s2], visit)]
    out = visits_beside_meetings(text, [(s2, visit)], frames, [], by_id)
    assert [(f.type, f.parties) for f in out] == [("visit", ["person:vance", "FD"]),
                                                   ("meet", ["person:moro", "person:vance"])]


def test_visits_a_city_without_a_country_takes_its_gazetteers_and_flying_into_it_is_arriving():
    from communique.records import Location
    from communique.stages.visits import places_in_countries

    text = "Ilse Vance flew into Port Lys on Tuesday, as Freedonia prepares its budget."
    specs = _PEOPLE[:1] + _STATES[1:] + [("place:port-lys", "place", "Port Lys", None, None)]
    ents = _entities(text, specs)
    by_id = {e.id: e for e in ents}
    places = places_in_countries([(e.mentions[0], e) for e in ents if e.kind in {"place", "state"}],
                                 lambda name: Location(name, "FD") if name == "Port Lys" else None)
    actors = [(e.mentions[0], e) for e in ents if e.kind != "place"]
    frames = visit_frames(text, (0, len(text)), find_triggers(text, "en"), "en", actors, places, by_id, None)
    assert [f.parties for f in frames] == [["person:vance", "FD"]]
    assert by_id["place:port-lys"].country is None        # the document's entity is left as it was


def test_visits_a_sentence_opened_by_a_pronoun_is_the_story_subjects_journey():
    text = "He left Sylvania on Sunday and landed in Freedonia on Monday."
    ents = _entities("Ilse Vance. " + text, _PEOPLE[:1] + _STATES)
    by_id = {e.id: e for e in ents}
    full = "Ilse Vance. " + text
    places = [(e.mentions[0], e) for e in ents if e.kind == "state"]
    frames = visit_frames(full, (12, len(full)), find_triggers(full, "en"), "en", [], places, by_id, "person:vance")
    assert [f.parties for f in frames] == [["person:vance", "FD"]]


def test_visits_a_visit_told_in_a_sentence_about_the_two_sides_is_a_visit_beside_the_meeting():
    text = ("Tomas Moro held talks with his counterpart Ilse Vance in Vells. "
            "The two sides welcomed Ilse Vance's visit to the island as a sign of friendship.")
    ents = _entities(text, [("person:moro", "person", "Tomas Moro", None, "FD")])
    vance = Entity("person:vance", "person", "Ilse Vance", ["Ilse Vance"],
                   [Mention(m.start(), m.end(), "Ilse Vance", "person", 0) for m in re.finditer("Ilse Vance", text)],
                   affiliation="SY")
    states = [Entity("SY", "state", "Sylvania", ["Sylvania"], [], country="SY"),
              Entity("FD", "state", "Freedonia", ["Freedonia"], [], country="FD")]
    doc = Document(id="sha256:v", source="v.txt", text=text, lang="en")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    split = text.index("The two")
    events = extract_events(doc, ents + [vance] + states, [(0, split - 1), (split, len(text))], [], ctx)
    assert ("visit", ("FD", "person:vance")) in [(e.type, tuple(sorted(p.entity for p in e.parties))) for e in events]
def _frames_fr(text: str, specs, countries: dict[str, str]):
    ents = _entities(text, specs)
    by_id = {e.id: e for e in ents}
    actors = [(e.mentions[0], e) for e in ents if e.kind in {"person", "organization", "state"}]
    places = [(e.mentions[0], e) for e in ents if e.kind in {"place", "state"}]
    return visit_frames(text, (0, len(text)), find_triggers(text, "fr"), "fr", actors, places, by_id, None, countries)


def test_visits_a_city_of_gazetteer_country_stands_for_its_state_else_for_itself():
    text = "La ministre Ilse Vance a achevé mardi une visite de deux jours à Port-Lys, où la Freedonie l'a reçue."
    city = [("place:port-lys", "place", "Port-Lys", None, None)]       # a place entity carries no country
    freedonia = [("FD", "state", "Freedonie", "FD", None)]
    assert [f.parties for f in _frames_fr(text, _PEOPLE[:1] + city + freedonia, {"place:port-lys": "FD"})] == [
        ["person:vance", "FD"]]
    text = "La ministre Ilse Vance a achevé mardi une visite de deux jours à Port-Lys."
    assert [f.parties for f in _frames_fr(text, _PEOPLE[:1] + city, {"place:port-lys": "FD"})] == [
        ["person:vance", "place:port-lys"]]
    assert _frames_fr(text, _PEOPLE[:1] + city, {}) == []       # a place of no known country hosts nothing
    text = "Le ministre de la Freedonie Tomas Moro a effectué une visite à Port-Lys."   # a city of one's own state
    assert _frames_fr(text, _PEOPLE[1:] + city + freedonia, {"place:port-lys": "FD"}) == []


def test_visits_a_person_whose_title_names_the_host_state_is_at_home():
    text = "Freedonian President Tomas Moro visited the site of the flood in Port-Lys."
    specs = [("person:moro", "person", "Tomas Moro", None, None), ("FD", "state", "Freedonian", "FD", None),
             ("place:port-lys", "place", "Port-Lys", None, None)]
    assert _frames_fr(text, specs, {"place:port-lys": "FD"}) == []


def test_visits_the_person_completing_the_subjects_title_makes_no_visit():
    text = "Ilse Vance, envoyée spéciale de Tomas Moro pour la Freedonie, s'est rendue à Port-Lys mardi."
    specs = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, "SY"),
             ("place:port-lys", "place", "Port-Lys", None, None)]
    assert [f.parties for f in _frames_fr(text, specs, {"place:port-lys": "FD"})] == [["person:vance", "place:port-lys"]]


#: a visit told of a title or a pronoun, then the next sentence names the visitor
_TOLD_OF_A_TITLE = {
    "fr": "La ministre des Affaires étrangères séjourne en Freedonia pour une visite. Lundi, Ilse Vance a été reçue par "
          "le président Tomas Moro.",
    "en": "After a stop in Sylvania, she began a visit to Freedonia on Monday. Ilse Vance was received by President "
          "Tomas Moro.",
}


@pytest.mark.parametrize("lang", sorted(_TOLD_OF_A_TITLE))
def test_visits_a_visit_told_of_a_title_or_pronoun_is_the_next_sentences_persons(lang):
    from communique.stages.sentences import sentence_spans

    text = _TOLD_OF_A_TITLE[lang]
    ents = _entities(text, _PEOPLE + _STATES[1:])
    doc = Document(id="sha256:n", source="n.txt", text=text, lang=lang)
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    events = extract_events(doc, ents, sentence_spans(text), [], ctx)
    assert ("visit", ("person:vance", "FD")) in [(e.type, tuple(p.entity for p in e.parties)) for e in events]
    # the host's own person named next makes no visit
    text = text.replace("Ilse Vance", "Ilsa Wence").replace("Tomas Moro", "Ilse Vance")
    ents = _entities(text, [("person:vance", "person", "Ilse Vance", None, "FD")] + _STATES[1:])
    events = extract_events(Document(id="sha256:m", source="m.txt", text=text, lang=lang), ents, sentence_spans(text), [], ctx)
    assert [e for e in events if e.type == "visit"] == []


@pytest.mark.parametrize("text, lang", [
    ("Après la Sylvania et le Lysland, Ilse Vance est arrivée mardi en Freedonia pour une visite.", "fr"),
    ("After stops in Sylvania and Lysland, Ilse Vance arrived in Freedonia on Tuesday for a visit.", "en"),
])
def test_visits_the_earlier_stops_of_a_tour_told_in_the_opening_are_visits(text, lang):
    states = [("SY", "state", "Sylvania", "SY", None), ("LY", "state", "Lysland", "LY", None), _STATES[1]]
    ents = _entities(text, [("person:vance", "person", "Ilse Vance", None, "XX")] + states)
    doc = Document(id="sha256:s", source="s.txt", text=text, lang=lang)
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    got = [tuple(p.entity for p in e.parties) for e in extract_events(doc, ents, [(0, len(text))], [], ctx) if e.type == "visit"]
    assert sorted(got) == [("person:vance", "FD"), ("person:vance", "LY"), ("person:vance", "SY")]
_AR_PEOPLE = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
              ("SY", "state", "سيلفانيا", "SY", None), ("FD", "state", "فريدونيا", "FD", None)]


@pytest.mark.parametrize("text", [
    # the object of "زار" after its subject, without a preposition
    "زار وزير الخارجية إلسه فانس دولة فريدونيا يوم الاثنين حيث التقى نظيره.",
    # an arrival verb, its subject, the time set off by commas, then the place arrived in
    "وصل وزير الخارجية، إلسه فانس، صباح اليوم الثلاثاء، إلى فريدونيا في مهمة رسمية.",
    "حطّ وزير الخارجية إلسه فانس في فريدونيا مساء أمس لإجراء محادثات.",
])
def test_visits_an_arabic_verb_of_visit_or_arrival_its_subject_then_the_place(text):
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("FD", "state", "دولة فريدونيا" if "دولة" in text
                                                                   else "فريدونيا", "FD", None)]
    assert [(f.type, f.status, f.parties) for f in _frames(text, specs, lang="ar")] == \
        [("visit", "occurred", ["person:vance", "FD"])]


def test_visits_a_state_adjective_after_an_arabic_verb_is_the_visitor_s_not_the_host():
    text = "زار وزير الخارجية السيلفاني إلسه فانس مدينة كبيرة أمس."
    specs = [("person:vance", "person", "إلسه فانس", None, None), ("SY", "state", "السيلفاني", "SY", None)]
    assert _frames(text, specs, lang="ar") == []


def test_visits_an_arabic_arrival_needs_a_place_a_person_and_no_meeting_of_the_persons_named():
    # arrival verbs are no visit without the place arrived in, and the persons of the sentence did not meet
    text = "وصل إلسه فانس إلى اتفاق مع توماس مورو. وتجمع فريدونيا وسيلفانيا علاقات قديمة."
    assert _events(text, _AR_PEOPLE, "ar") == []
    # "فيصل" is a name, not "ف" + "يصل"
    assert [t.type for t in find_triggers("التقى فيصل مورو في فريدونيا", "ar")] == ["meet"]
    # the arrival of a plane or of a subject that is no person makes no visitor of the person named before
    text = "استقبل توماس مورو إلسه فانس بعدما حطّت طائرته في فريدونيا."
    assert not [f for f in _frames(text, [_AR_PEOPLE[1], _AR_PEOPLE[3]], lang="ar")]


def test_visits_a_city_arrived_in_counts_for_its_state_by_the_gazetteer():
    text = "وصل إلسه فانس إلى بورت ليس أمس، وتستعد فريدونيا لانتخابات."
    specs = [_AR_PEOPLE[0], _AR_PEOPLE[3], ("place:port-lys", "place", "بورت ليس", None, None)]
    ents = _entities(text, specs)
    by_id = {e.id: e for e in ents}
    actors = [(e.mentions[0], e) for e in ents if e.kind != "place"]
    places = [(e.mentions[0], e) for e in ents if e.kind in {"place", "state"}]
    args = (text, (0, len(text)), find_triggers(text, "ar"), "ar", actors, places, by_id, None)
    assert visit_frames(*args) == []        # the place entity carries no country
    assert [f.parties for f in visit_frames(*args, {"place:port-lys": "FD"})] == [["person:vance", "FD"]]


def _visits_to_with_preposition(text: str, persons: list) -> list[list[str]]:
    """Visit frames of `text` whose state is written "لفريدونيا" (its bare form also among its forms)."""
    ents = _entities(text, persons + [("FD", "state", "لفريدونيا", "FD", None)])
    ents[-1].forms.append("فريدونيا")
    by_id = {e.id: e for e in ents}
    pairs = [(e.mentions[0], e) for e in ents]
    return [f.parties for f in visit_frames(text, (0, len(text)), find_triggers(text, "ar"), "ar", pairs, pairs[-1:],
                                             by_id, None)]


def test_visits_an_arabic_place_with_its_preposition_attached_is_the_host():
    text = "تأتي الزيارة التي أجراها إلسه فانس لفريدونيا في إطار تعزيز العلاقات."
    assert _visits_to_with_preposition(text, [_AR_PEOPLE[0]]) == [["person:vance", "FD"]]


def test_visits_the_name_an_arabic_visit_noun_is_construct_to_makes_the_visit():
    # "زيارة X لـY": X visits, not the spokesperson who reports it
    text = "وكان المتحدث توماس مورو قد صرح بأن زيارة إلسه فانس لفريدونيا تشمل بحث ملفات التعاون."
    assert _visits_to_with_preposition(text, [_AR_PEOPLE[1], _AR_PEOPLE[0]]) == [["person:vance", "FD"]]


def test_visits_this_visit_in_arabic_tells_the_visit_already_told():
    text = ("سيؤدي إلسه فانس زيارة إلى فريدونيا قريبا. وأجرى إلسه فانس وتوماس مورو تقييما للملفات المنتظر أن تشكل "
            "مضمون هذه الزيارة.")
    assert _events(text, _AR_PEOPLE, "ar") == []


def test_visits_persons_after_another_event_of_the_visit_sentence_are_not_met_on_the_visit():
    text = ("وتأتي زيارة إلسه فانس إلى فريدونيا في أعقاب مكالمة هاتفية جرت يوم الاثنين بين توماس مورو "
            "ونظيره آنا بيرغ. وتجمع فريدونيا وسيلفانيا علاقات قديمة.")
    specs = _AR_PEOPLE + [("person:berg", "person", "آنا بيرغ", None, "SY")]
    got = _events(text, specs, "ar")
    assert ("visit", ("person:vance", "FD")) in got and not [e for e in got if e[0] == "meet"]


def test_visits_a_spokesperson_is_not_the_subject_a_later_visit_falls_to():
    from communique.records import Document
    text = ("قال المتحدث توماس مورو إن الرئيس إلسه فانس سيتوجه السبت إلى فريدونيا في زيارة عمل. "
            "وسبق أن زار فريدونيا في فبراير الماضي.")
    ents = [Entity(i, k, f, [f], [Mention(m.start(), m.end(), f, k, 0) for m in re.finditer(f, text)],  # type: ignore[arg-type]
                   affiliation=a, country=c, titles=t) for i, k, f, c, a, t in [
        ("person:moro", "person", "توماس مورو", None, None, ["المتحدث"]),
        ("person:vance", "person", "إلسه فانس", None, "SY", ["الرئيس"]),
        ("FD", "state", "فريدونيا", "FD", None, []), ("SY", "state", "سيلفانيا", "SY", None, [])]]
    doc = Document(id="sha256:v", source="v.txt", text=text, lang="ar")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    cut = text.index("وسبق")
    events = extract_events(doc, ents, [(0, cut - 1), (cut, len(text))], [], ctx)
    assert not [e for e in events if e.status == "occurred" and any(p.entity == "person:moro" for p in e.parties)]


def test_visits_an_arabic_visit_noun_with_its_article_and_no_place_is_the_visit_told():
    # "الغرض من الزيارة": the visit the story tells, not one of the spokesperson who speaks of it
    text = ("ناقش توماس مورو وإلسه فانس سبل التعاون. ولم يكشف المتحدث باسم الرئاسة، السفيرة آنا بيرغ، عن أي تفاصيل "
            "تتعلق بالغرض من الزيارة، التي جاءت بعد أشهر من تولي إلسه فانس رئاسة المجلس.")
    specs = _AR_PEOPLE + [("person:berg", "person", "آنا بيرغ", None, "FD")]
    assert not [e for e in _events(text, specs, "ar") if "person:berg" in e[1]]


def test_visits_an_arabic_arrival_without_its_place_tells_no_visit_beside_a_meeting():
    # "حطّت طائرته": the plane's arrival, whose subject is no person of the meeting
    text = ("ذكرت وسائل إعلام أن الموفد إلسه فانس بلغ القصر حيث يلتقي توماس مورو، بعدما حطّت طائرته فجر اليوم "
            "في المطار الدولي. وتجمع فريدونيا وسيلفانيا علاقات قديمة.")
    assert not [e for e in _events(text, _AR_PEOPLE, "ar") if e[0] == "visit"]


@pytest.mark.parametrize("text, lang", [
    ("Ruritanian President Ilse Vance visited her troops on the front line near Port Lys.", "en"),
    ("زار الرئيس الروريتاني إلسه فانس جنوده على خط الجبهة قرب بورت ليس.", "ar"),
])
def test_visits_one_titled_of_the_host_state_in_the_sentence_is_at_home(text, lang):
    from communique.records import Location

    state = "Ruritanian" if lang == "en" else "الروريتاني"
    city = "Port Lys" if lang == "en" else "بورت ليس"
    person = "Ilse Vance" if lang == "en" else "إلسه فانس"
    ents = _entities(text, [("person:vance", "person", person, None, None), ("RU", "state", state, "RU", None),
                            ("place:port-lys", "place", city, None, None)])
    by_id = {e.id: e for e in ents}
    places = [(e.mentions[0], e) for e in ents if e.kind in {"place", "state"}]
    actors = [(e.mentions[0], e) for e in ents if e.kind != "place"]
    countries = {"place:port-lys": "RU"}
    assert visit_frames(text, (0, len(text)), find_triggers(text, lang), lang, actors, places, by_id, None, countries) == []


def test_visits_a_body_that_travels_in_a_reported_clause_is_not_the_reporters_visit():
    text = "Elle a ajouté qu'ensuite une mission du conseil s'était rendue en Freedonia."
    ents = _entities("Ilse Vance a parlé. " + text, _PEOPLE[:1] + _STATES[1:])
    full = "Ilse Vance a parlé. " + text
    doc = Document(id="sha256:r", source="r.txt", text=full, lang="fr")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    events = extract_events(doc, ents, [(0, 19), (20, len(full))], [], ctx)
    assert [e for e in events if e.type == "visit"] == []


def test_visits_an_arabic_visit_noun_with_a_possessive_and_no_place_is_the_visit_told():
    # "في زيارته": his visit already told; who goes with him did not visit anyone of their own
    people = _AR_PEOPLE + [("person:dor", "person", "ألين دور", None, "SY")]
    text = "وصل إلسه فانس إلى فريدونيا أمس والتقى توماس مورو. ويصحب الرئيس في زيارته الوزير ألين دور."
    assert _events(text, people, "ar") == [("meet", ("person:vance", "person:moro")), ("visit", ("person:vance", "FD"))]


@pytest.mark.parametrize("lang, text, told", [
    ("en", "On Monday in Port Lys, Tomas Moro held talks with Ilse Vance. Tomas Moro said Ilse Vance's visit to "
           "the kingdom opened a new chapter between Sylvania and Freedonia.", True),
    ("fr", "Lundi à Port Lys, Tomas Moro s'est entretenu avec Ilse Vance. Tomas Moro a salué la visite d'Ilse Vance "
           "dans le pays, entre la Sylvania et la Freedonia.", True),
    ("en", "On Monday in Port Lys, Tomas Moro held talks with Ilse Vance. Tomas Moro said Ilse Vance's visit to "
           "the region opened a new chapter between Sylvania and Freedonia.", False),
])
def test_visits_a_visit_to_the_kingdom_is_to_the_state_of_the_meetings_place(lang, text, told):
    from communique.stages.frames import Frame
    from communique.stages.visits_beside import visits_beside_meetings

    first = text.index(".") + 1
    s1, s2 = (0, first), (first + 1, len(text))
    specs = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, None),
             ("SY", "state", "Sylvania", "SY", None), ("FD", "state", "Freedonia", "FD", None),
             ("place:port-lys", "place", "Port Lys", "FD", None)]
    ents = [Entity(i, k, f, [f], [Mention(m.start(), m.end(), f, k, 0) for m in re.finditer(f, text)],  # type: ignore[arg-type]
                   affiliation=a, country=c) for i, k, f, c, a in specs]
    by_id = {e.id: e for e in ents}
    places = [(m, e) for e in ents if e.kind in {"place", "state"} for m in e.mentions]
    meet = find_triggers(text[:first], lang)[0]
    visit = next(t for t in find_triggers(text[s2[0]:], lang, s2[0]) if t.type == "visit")
    frames = [Frame("meet", "occurred", ["person:moro", "person:vance"], {}, [s1], meet)]
    out = visits_beside_meetings(text, [(s2, visit)], frames, places, by_id)
    visits = [f.parties for f in out if f.type == "visit"]
    assert visits == ([["person:vance", "FD"]] if told else [])


def test_visits_a_visit_to_the_country_beside_a_signing_is_to_the_state_of_its_place_not_of_a_side():
    from communique.stages.frames import Frame
    from communique.stages.visits_beside import visits_beside_meetings

    text = ("Sylvania and Tomas Moro signed an accord on Monday in Port Lys. "
            "The signing came during the visit of Tomas Moro to the country.")
    first = text.index(".") + 1
    s1, s2 = (0, first), (first + 1, len(text))
    specs = [("person:moro", "person", "Tomas Moro", None, "SY"), ("SY", "state", "Sylvania", "SY", None),
             ("FD", "state", "Freedonia", "FD", None), ("place:port-lys", "place", "Port Lys", "FD", None)]
    ents = [Entity(i, k, f, [f], [Mention(m.start(), m.end(), f, k, 0) for m in re.finditer(f, text)],  # type: ignore[arg-type]
                   affiliation=a, country=c) for i, k, f, c, a in specs]
    by_id = {e.id: e for e in ents}
    places = [(m, e) for e in ents if e.kind in {"place", "state"} for m in e.mentions]
    signed = next(t for t in find_triggers(text[:first], "en") if t.type == "agreement")
    visit = next(t for t in find_triggers(text[s2[0]:], "en", s2[0]) if t.type == "visit")
    frames = [Frame("agreement", "occurred", ["SY", "person:moro"], {}, [s1], signed)]
    out = visits_beside_meetings(text, [(s2, visit)], frames, places, by_id)
    assert [f.parties for f in out if f.type == "visit"] == [["person:moro", "FD"]]
