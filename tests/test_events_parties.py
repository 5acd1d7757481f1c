"""Party choice of the rule events on sentences written for these tests (fictional people and states)."""

from __future__ import annotations

import pytest

from communique.records import Document, Entity, Mention
from communique.stages.events import EventContext, extract_events


def _events(text: str, specs: list[tuple[str, str, str]], lang: str = "en", story: bool = False,
            title: int | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """(id, kind, form) entities with one mention each (with `story`, every mention, and the text split into
    its sentences; `title`: the headline's length) -> (type, parties) of the occurred rule events."""
    from communique.stages.sentences import sentence_spans

    ents = []
    for ent_id, kind, form in specs:
        starts = [i for i in range(len(text)) if text.startswith(form, i)][:None if story else 1]
        ents.append(Entity(ent_id, kind, form, [form], [Mention(i, i + len(form), form, kind, 0) for i in starts]))  # type: ignore[arg-type]
    doc = Document(id="sha256:p", source="p.txt", text=text, lang=lang, title_span=(0, title) if title else None)
    sents = sentence_spans(text) if story else [(0, len(text))]
    if title:
        sents = [(0, title), (title + 1, len(text))]
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    return sorted((e.type, tuple(sorted(p.entity for p in e.parties)))
                  for e in extract_events(doc, ents, sents, [], ctx) if e.status == "occurred")


_SPECS = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia"),
          ("person:moro", "person", "Tomas Moro"), ("person:vance", "person", "Ilse Vance")]
_TRIO = _SPECS[2:] + [("person:sorel", "person", "Anna Sorel")]


@pytest.mark.parametrize("text, lang", [
    ("On Monday, Sylvania and Freedonia said they were satisfied after a phone call between "
     "President Tomas Moro and his counterpart Ilse Vance.", "en"),
    ("Lundi, la Sylvania et la Freedonia se sont dites satisfaites après un entretien "
     "téléphonique entre le président Tomas Moro et son homologue Ilse Vance.", "fr"),
])
def test_events_parties_of_a_call_between_two_named_people_are_those_two(text, lang):
    assert _events(text, _SPECS, lang) == [("call", ("person:moro", "person:vance"))]


def test_events_parties_received_by_two_hosts_is_one_meeting_with_each():
    text = ("Ilse Vance arrived on Monday for talks on trade. "
            "He was received by Prime Minister Tomas Moro and by Foreign Minister Anna Sorel.")
    specs = [("person:vance", "person", "Ilse Vance"), ("person:moro", "person", "Tomas Moro"),
             ("person:sorel", "person", "Anna Sorel")]
    ents = []
    for ent_id, kind, form in specs:
        start = text.index(form)
        ents.append(Entity(ent_id, kind, form, [form], [Mention(start, start + len(form), form, kind, 0)]))  # type: ignore[arg-type]
    doc = Document(id="sha256:r", source="r.txt", text=text, lang="en")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    split = text.index("He was")
    events = extract_events(doc, ents, [(0, split - 1), (split, len(text))], [], ctx)
    assert sorted(tuple(sorted(p.entity for p in e.parties)) for e in events) == [
        ("person:moro", "person:vance"), ("person:sorel", "person:vance")]


def test_events_parties_signed_by_two_people_are_the_signatories():
    text = "The minutes were signed by Prime Minister Tomas Moro and his counterpart Ilse Vance."
    assert _events(text, _SPECS[2:]) == [("agreement", ("person:moro", "person:vance"))]


def test_events_parties_an_unnamed_counterpart_is_the_one_person_of_that_state_the_story_names():
    text = ("Ilse Vance held talks on Friday with her Freedonian counterpart on trade. "
            "Freedonian Foreign Minister Tomas Moro praised the outcome.")
    ents = []
    for ent_id, kind, form, where in (("person:vance", "person", "Ilse Vance", 0), ("FD", "state", "Freedonian", 0),
                                      ("FD", "state", "Freedonian", 1), ("person:moro", "person", "Tomas Moro", 0)):
        start = text.index(form) if where == 0 else text.index(form, text.index(form) + 1)
        mention = Mention(start, start + len(form), form, kind, 0)  # type: ignore[arg-type]
        known = next((e for e in ents if e.id == ent_id), None)
        if known:
            known.mentions.append(mention)
        else:
            ents.append(Entity(ent_id, kind, form, [form], [mention]))  # type: ignore[arg-type]
    doc = Document(id="sha256:c", source="c.txt", text=text, lang="en")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    split = text.index("Freedonian Foreign")
    events = extract_events(doc, ents, [(0, split - 1), (split, len(text))], [], ctx)
    assert [tuple(sorted(p.entity for p in e.parties)) for e in events] == [("person:moro", "person:vance")]


_LIST_SPECS = [("person:vance", "person", "Ilse Vance"), ("SY", "state", "Sylvanian"), ("FD", "state", "Freedonian"),
               ("GR", "state", "Grand Fenwick")]


@pytest.mark.parametrize("text, specs, lang", [
    ("On Monday, Ilse Vance held talks with his Sylvanian, Freedonian and Grand Fenwick counterparts on trade.",
     _LIST_SPECS, "en"),
    ("Lundi, Ilse Vance a eu des entretiens séparés avec les ministres de la Sylvanie, de la Freedonie et du "
     "Grand Fenwick.", [("person:vance", "person", "Ilse Vance"), ("SY", "state", "Sylvanie"),
                        ("FD", "state", "Freedonie"), ("GR", "state", "Grand Fenwick")], "fr"),
])
def test_events_parties_a_list_of_counterpart_states_is_one_meeting_with_each(text, specs, lang):
    assert _events(text, specs, lang) == [("meet", ("FD", "person:vance")), ("meet", ("GR", "person:vance")),
                                          ("meet", ("SY", "person:vance"))]


def test_events_parties_states_apart_in_the_sentence_are_no_list():
    text = "Ilse Vance met Tomas Moro of Sylvania to discuss the dispute between Freedonia and its neighbours."
    specs = [("person:vance", "person", "Ilse Vance"), ("person:moro", "person", "Tomas Moro"),
             ("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")]
    assert _events(text, specs) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, specs, lang", [
    ("For Freedonia, this visit to Sylvania serves peace.",
     [("FD", "state", "Freedonia"), ("SY", "state", "Sylvania")], "en"),
    ("Pour la Freedonie, cette visite en Sylvanie sert la paix.",
     [("FD", "state", "Freedonie"), ("SY", "state", "Sylvanie")], "fr"),
])
def test_events_parties_a_visit_without_a_person_is_no_event(text, specs, lang):
    assert _events(text, specs, lang) == []


@pytest.mark.parametrize("text, form, lang", [
    ("Sylvania and Freedonia signed the Northern Fisheries Agreement on Monday.", "Northern Fisheries Agreement", "en"),
    ("La Sylvanie et la Freedonie ont signé lundi le Traité des pêcheries du Nord.", "Traité des pêcheries du Nord", "fr"),
])
def test_events_parties_the_signed_text_is_no_signatory(text, form, lang):
    first, second = ("Sylvania", "Freedonia") if lang == "en" else ("Sylvanie", "Freedonie")
    specs = [("SY", "state", first), ("FD", "state", second), ("org:text", "organization", form)]
    assert _events(text, specs, lang) == [("agreement", ("FD", "SY"))]


def test_events_parties_a_treaty_organization_is_an_actor():
    text = "Ilse Vance and the Northern Treaty Organization signed a memorandum on Monday."
    specs = [("person:vance", "person", "Ilse Vance"), ("org:nto", "organization", "Northern Treaty Organization")]
    assert _events(text, specs) == [("agreement", ("org:nto", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Before Mr Tomas Moro, Ilse Vance had met Anna Sorel in June.", "en"),
    ("Avant M. Tomas Moro, Ilse Vance avait rencontré Anna Sorel en juin.", "fr"),
])
def test_events_parties_a_person_of_an_opening_comparison_is_not_the_subject(text, lang):
    specs = _TRIO
    assert _events(text, specs, lang) == [("meet", ("person:sorel", "person:vance"))]


def _story_events(text: str, specs: list[tuple[str, str, str]], lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return _events(text, specs, lang, story=True)


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance arrived in Port Lys on Monday for talks. Prime Minister Tomas Moro received him at his office.", "en"),
    ("Ilse Vance s'est rendue lundi à Port Lys. Le Premier ministre Tomas Moro l'a reçue dans son bureau.", "fr"),
])
def test_events_parties_an_object_pronoun_is_the_story_subject(text, lang):
    specs = [("person:vance", "person", "Ilse Vance"), ("person:moro", "person", "Tomas Moro")]
    assert _story_events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_fr_a_meeting_told_with_the_clitic_y():
    text = "Ilse Vance s'est rendue à Port Lys, où elle s'y est entretenue avec Tomas Moro."
    specs = [("person:vance", "person", "Ilse Vance"), ("person:moro", "person", "Tomas Moro")]
    assert ("meet", ("person:moro", "person:vance")) in _story_events(text, specs, "fr")


_THREE = [("person:vance", "person", "Ilse Vance"), ("person:moro", "person", "Tomas Moro"),
          ("person:sorel", "person", "Anna Sorel")]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance held talks with the foreign ministers of a number of countries on Monday. "
     "Her counterparts were Tomas Moro of Sylvania and Anna Sorel of Freedonia.", "en"),
    ("Ilse Vance a eu des entretiens avec plusieurs homologues lundi. "
     "Il s'agissait de Tomas Moro, de la Sylvanie, et d'Anna Sorel, de la Freedonie.", "fr"),
])
def test_events_parties_counterparts_listed_in_the_next_sentence_are_one_meeting_each(text, lang):
    assert _story_events(text, _THREE, lang) == [("meet", ("person:moro", "person:vance")),
                                                 ("meet", ("person:sorel", "person:vance"))]


def test_events_parties_a_later_sentence_with_its_own_event_is_no_list():
    text = ("Ilse Vance held talks with several counterparts on Monday. "
            "Tomas Moro and Anna Sorel signed a fisheries accord.")
    assert _story_events(text, _THREE, "en") == [("agreement", ("person:moro", "person:sorel"))]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance spent two days in Port Lys. Among her interlocutors were Tomas Moro and Anna Sorel.", "en"),
    ("Ilse Vance a passé deux jours à Port Lys. Parmi ses interlocuteurs figuraient Tomas Moro ainsi qu'Anna Sorel.",
     "fr"),
])
def test_events_parties_interlocutors_listed_are_one_meeting_each(text, lang):
    assert _story_events(text, _THREE, lang) == [("meet", ("person:moro", "person:vance")),
                                                 ("meet", ("person:sorel", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance met Tomas Moro on Monday, at the head of a delegation that included Energy Minister Anna Sorel.", "en"),
    ("Ilse Vance, accompagnée de la ministre de l'Énergie Anna Sorel, a rencontré lundi Tomas Moro.", "fr"),
])
def test_events_parties_members_of_a_delegation_are_no_counterparts(text, lang):
    assert _events(text, _THREE, lang) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_a_party_of_an_earlier_clause_is_not_the_subject():
    text = ("Sylvania has sent aid to Freedonia for months, and last week, in a call with President Tomas Moro, "
            "Ilse Vance promised more.")
    specs = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")] + _THREE[:2]
    assert _events(text, specs) == [("call", ("person:moro", "person:vance"))]


def test_events_parties_fr_a_subject_coordinated_after_a_comma_stays():
    text = "Lundi, Ilse Vance, et son homologue Tomas Moro, ont tenu une séance de travail."
    assert _events(text, _THREE[:2], "fr") == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("The children's hospital hosted national football team players Tomas Moro and Ilse Vance on Monday.", "en"),
    ("Le sélectionneur Tomas Moro a rencontré lundi Ilse Vance pour préparer le championnat.", "fr"),
])
def test_events_parties_a_sentence_of_sport_tells_no_event(text, lang):
    assert _events(text, _THREE[:2], lang) == []


def test_events_parties_a_headline_of_states_echoes_the_story_event():
    title = "Sylvania and Freedonia hold talks on fisheries"
    text = title + "\nOn Monday, Ilse Vance met Tomas Moro in Port Lys."
    specs = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")] + _THREE[:2]
    assert _events(text, specs, title=len(title)) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_an_opening_gerund_is_a_meeting():
    text = "Meeting Freedonian Foreign Minister Tomas Moro, Ilse Vance welcomed the growth of trade."
    assert _events(text, _THREE[:2]) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_a_meeting_noun_without_with_stays_no_event():
    text = "Ilse Vance and Tomas Moro spoke before the Ministerial Meeting on trade."
    assert _events(text, _THREE[:2]) == []


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance received Tomas Moro, who handed her a letter from President Anna Sorel.", "en"),
    ("Ilse Vance a reçu Tomas Moro, venu lui remettre un message du président Anna Sorel.", "fr"),
])
def test_events_parties_the_sender_of_a_message_is_no_party(text, lang):
    assert _events(text, _THREE, lang) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_a_headline_signing_stays_beside_a_meeting_of_the_story():
    title = "Sylvania and Freedonia signed a fisheries accord"
    text = title + "\nOn Monday, Ilse Vance met Tomas Moro in Port Lys."
    specs = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")] + _THREE[:2]
    assert _events(text, specs, title=len(title)) == [("agreement", ("FD", "SY")),
                                                      ("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Twelve memoranda on trade and cooperation signed between Sylvania and Freedonia in the capital.", "en"),
    ("Douze accords et protocoles de coopération signés entre la Sylvania et la Freedonia dans la capitale.", "fr"),
])
def test_events_parties_of_an_act_between_two_states_are_those_two(text, lang):
    assert _events(text, _SPECS[:2], lang) == [("agreement", ("FD", "SY"))]


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro met Ilse Vance to review the cooperation between Sylvania and Freedonia.", "en"),
    ("Tomas Moro a rencontré Ilse Vance pour évoquer la coopération entre la Sylvania et la Freedonia.", "fr"),
])
def test_events_parties_a_relation_between_two_states_names_no_party(text, lang):
    assert _events(text, _SPECS, lang) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("During the visit Tomas Moro was shown drones made in Freedonia.", "en"),
    ("Le ministre Tomas Moro a expliqué que sa visite avait pour but de rassurer la Freedonia.", "fr"),
    ("Tomas Moro and Ilse Vance reviewed the preparations of this state visit, Freedonia said.", "en"),
    ("Tomas Moro et Ilse Vance ont fait le point sur le contenu de cette visite d'Etat.", "fr"),
])
def test_events_parties_a_visit_told_before_is_no_new_visit(text, lang):
    specs = [("FD", "state", "Freedonia"), ("person:moro", "person", "Tomas Moro"), ("person:vance", "person", "Ilse Vance")]
    assert _events(text, specs, lang) == []


def test_events_parties_a_visit_with_its_destination_keeps_its_host():
    specs = [("FD", "state", "Freedonia"), ("person:moro", "person", "Tomas Moro")]
    assert _events("During the visit of Tomas Moro to Freedonia, trade was discussed.", specs) == [
        ("visit", ("FD", "person:moro"))]


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro received Ilse Vance in Vells on Monday. Minister Anna Sorel attended the meeting.", "en"),
    ("Tomas Moro a reçu Ilse Vance lundi à Vells. La ministre Anna Sorel a assisté à l'audience.", "fr"),
    ("Tomas Moro a reçu Ilse Vance lundi à Vells. Assistait à l'audience la ministre Anna Sorel.", "fr"),
])
def test_events_parties_those_present_at_the_meeting_told_are_its_parties(text, lang):
    specs = _TRIO
    assert _events(text, specs, lang, story=True) == [("meet", ("person:moro", "person:sorel", "person:vance"))]


def test_events_parties_one_present_at_a_meeting_still_meets_the_guest_apart():
    text = ("Tomas Moro received Ilse Vance in Vells on Monday. Minister Anna Sorel attended the meeting. "
            "On Tuesday, Ilse Vance held talks with Anna Sorel.")
    specs = _TRIO
    assert _events(text, specs, story=True) == [("meet", ("person:moro", "person:sorel", "person:vance")),
                                                ("meet", ("person:sorel", "person:vance"))]


def test_events_parties_an_agreement_told_by_its_states_and_by_its_signatories_is_one():
    text = ("On Monday, Sylvania and Freedonia signed two memoranda on trade. "
            "Foreign Minister Tomas Moro and Minister Ilse Vance signed the memoranda in Vells. "
            "The two sides also held talks on the ties between Sylvania and Freedonia.")
    specs = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia"), ("person:moro", "person", "Tomas Moro"),
             ("person:vance", "person", "Ilse Vance")]
    assert _events(text, specs, story=True) == [("agreement", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Sent by President Tomas Moro, Minister Ilse Vance met Anna Sorel in Vells.", "en"),
    ("Chargée d'une mission spéciale par le président Tomas Moro, la ministre Ilse Vance a rencontré Anna Sorel.", "fr"),
])
def test_events_parties_who_sends_the_envoy_is_no_party(text, lang):
    specs = _TRIO
    assert _events(text, specs, lang) == [("meet", ("person:sorel", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Travelling straight from Sylvania, Tomas Moro held talks with Ilse Vance in Vells.", "en"),
    ("Venant de la Sylvania, Tomas Moro s'est entretenu avec Ilse Vance à Vells.", "fr"),
])
def test_events_parties_where_a_traveller_comes_from_is_no_party(text, lang):
    specs = [("SY", "state", "Sylvania"), ("person:moro", "person", "Tomas Moro"), ("person:vance", "person", "Ilse Vance")]
    assert _events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, expected", [
    ("Cette rencontre intervient au moment où la Sylvania traverse une crise, selon Tomas Moro.", []),
    ("Pour la Sylvania, cette visite de Tomas Moro participe des efforts de paix.", []),
    ("Tomas Moro rencontre Ilse Vance lundi à Vells.", [("meet", ("person:moro", "person:vance"))]),
    ("La rencontre de Tomas Moro avec Ilse Vance a eu lieu lundi.", [("meet", ("person:moro", "person:vance"))]),
])
def test_events_parties_fr_a_noun_after_its_determiner_is_no_verb(text, expected):
    specs = [("SY", "state", "Sylvania"), ("person:moro", "person", "Tomas Moro"), ("person:vance", "person", "Ilse Vance")]
    assert _events(text, specs, "fr") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Tomas Moro held meetings with President Ilse Vance; Prime Minister Anna Sorel; and others.", "en",
     [("person:moro", "person:sorel"), ("person:moro", "person:vance")]),
    ("Tomas Moro a reçu tour à tour la présidente Ilse Vance et la Première ministre Anna Sorel.", "fr",
     [("person:moro", "person:sorel"), ("person:moro", "person:vance")]),
    ("Tomas Moro met President Ilse Vance and Prime Minister Anna Sorel.", "en",
     [("person:moro", "person:sorel", "person:vance")]),
])
def test_events_parties_meetings_held_one_by_one_are_one_event_each(text, lang, expected):
    ents = [Entity("FD", "state", "Freedonia", ["Freedonia"], [])]
    for ent_id, form, affiliation in (("person:moro", "Tomas Moro", None), ("person:vance", "Ilse Vance", "FD"),
                                      ("person:sorel", "Anna Sorel", "FD")):
        start = text.index(form)
        ents.append(Entity(ent_id, "person", form, [form], [Mention(start, start + len(form), form, "person", 0)],  # type: ignore[arg-type]
                           affiliation=affiliation))
    doc = Document(id="sha256:o", source="o.txt", text=text, lang=lang)
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    events = extract_events(doc, ents, [(0, len(text))], [], ctx)
    assert sorted(tuple(sorted(p.entity for p in e.parties)) for e in events) == expected


def test_events_parties_a_counterpart_named_inside_the_trigger_is_a_party():
    text = "Sylvania's foreign minister also talked to Ilse Vance by phone on Sunday."
    assert _events(text, [("SY", "state", "Sylvania"), ("person:vance", "person", "Ilse Vance")]) == [
        ("call", ("SY", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("The accord came after talks at the Lys Palace in Vells between Tomas Moro and Ilse Vance.", "en"),
    ("L'accord est intervenu après des entretiens au palais de Lys à Vells entre Tomas Moro et Ilse Vance.", "fr"),
])
def test_events_parties_talks_in_a_place_between_two_people_are_theirs(text, lang):
    got = _events(text, _SPECS[2:], lang)
    assert ("meet", ("person:moro", "person:vance")) in got


@pytest.mark.parametrize("text, lang", [
    ("The spokesman Anna Sorel said that Tomas Moro had received Ilse Vance on Monday.", "en"),
    ("La porte-parole Anna Sorel a indiqué que Tomas Moro avait reçu Ilse Vance lundi.", "fr"),
])
def test_events_parties_who_reports_a_meeting_is_no_party_of_it(text, lang):
    specs = _TRIO
    assert _events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("La porte-parole Anna Sorel a indiqué que cet entretien avait eu lieu pendant la visite que le ministre Tomas "
     "Moro effectue en Freedonia.", "fr"),
    ("The spokesman Anna Sorel said that the talks took place during the visit Tomas Moro is making to Freedonia.", "en"),
])
def test_events_parties_who_reports_a_clause_with_a_noun_subject_is_no_party(text, lang):
    assert _events(text, [_SPECS[1], _TRIO[0], _TRIO[2]], lang) == [("visit", ("FD", "person:moro"))]


@pytest.mark.parametrize("text, lang, states", [
    ("Les chefs de la diplomatie sylvanien et freedonien, Tomas Moro et Ilse Vance, ont eu un entretien téléphonique.",
     "fr", ("sylvanien", "freedonien")),
    ("The Sylvanian and Freedonian foreign ministers, Tomas Moro and Ilse Vance, held a phone call on Monday.", "en",
     ("Sylvanian", "Freedonian")),
])
def test_events_parties_the_named_ministers_not_their_states_are_the_parties(text, lang, states):
    specs = [("SY", "state", states[0]), ("FD", "state", states[1])] + _SPECS[2:]
    assert _events(text, specs, lang) == [("call", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro received Ilse Vance on Monday to discuss trade, the ministry's spokesman Anna Sorel said.", "en"),
    ("Tomas Moro a reçu Ilse Vance lundi pour évoquer le commerce, a indiqué la porte-parole Anna Sorel.", "fr"),
    ("Tomas Moro met Ilse Vance in Vells in June, and Anna Sorel was also a supporter of the talks.", "en"),
])
def test_events_parties_a_speaker_or_a_later_clauses_subject_is_no_party(text, lang):
    specs = _TRIO
    assert _events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_a_signing_told_again_by_the_agreement_is_one_and_its_time_is_no_signing():
    text = ("On Monday, Minister Tomas Moro and Ilse Vance attended the signing of a trade agreement between Sylvania "
            "and Freedonia. Anna Sorel and Ilse Vance then signed the agreement in Vells. "
            "After the signing, Tomas Moro held a meeting with Ilse Vance.")
    specs = _TRIO + [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")]
    events = _events(text, specs, story=True)
    assert [t for t, _ in events].count("agreement") == 1
    assert ("meet", ("person:moro", "person:vance")) in events
    agreement = next(p for t, p in events if t == "agreement")
    assert {"person:moro", "person:vance", "person:sorel"} <= set(agreement)


def test_events_parties_the_signings_told_after_two_mous_are_that_signing():
    text = ("Two MoUs were signed by the Sylvanian Government and Freedonia on Monday. "
            "The Sylvanian Ports Office and Freedonia signed a memorandum on fisheries.")
    specs = [("org:gov", "organization", "Sylvanian Government"), ("FD", "state", "Freedonia"),
             ("org:ports", "organization", "Sylvanian Ports Office"), ("SY", "state", "Sylvania")]
    assert [t for t, _ in _events(text, specs, story=True)] == ["agreement"]


def test_events_parties_two_subjects_meeting_someone_unnamed_did_not_meet_each_other():
    assert _events("Tomas Moro and Ilse Vance held talks with the crew in Vells", _SPECS) == []
    assert _events("Tomas Moro and Ilse Vance held talks in Vells", _SPECS) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_who_signs_an_embedded_post_is_no_party():
    text = "Tomas Moro spoke by phone with the Freedonian envoy. pic.twitter.com/xyz — Harbour Office (@harbouroffice) 3 May 2031"
    specs = [("person:moro", "person", "Tomas Moro"), ("org:fm", "organization", "Harbour Office")]
    assert _events(text, specs) == []


@pytest.mark.parametrize("text, lang", [
    ("Anna Sorel spoke first. During his meeting with Minister Ilse Vance, Tomas Moro stressed trade.", "en"),
    ("Anna Sorel a parlé la première. Lors de son entretien avec la ministre Ilse Vance, Tomas Moro a évoqué le commerce.",
     "fr"),
])
def test_events_parties_in_his_talks_with_x_y_said_are_the_talks_of_y(text, lang):
    assert _events(text, _TRIO, lang, story=True) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_an_english_headline_to_do_something_tells_what_is_to_happen():
    text = "Tomas Moro to hold talks with Ilse Vance in Vells\nTomas Moro will travel on Monday."
    title = text.index("\n")
    assert _events(text, _SPECS, title=title) == []
    text = "Tomas Moro held talks with Ilse Vance to boost trade\nThe talks took place on Monday."
    assert _events(text, _SPECS, title=text.index("\n")) == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_talks_a_meeting_looked_at_are_a_topic():
    text = "The council looked at the recent talks between Sylvania and Freedonia."
    assert _events(text, _SPECS) == []
@pytest.mark.parametrize("text", [
    "وأعربت الرئاسة السيلفانية في بيان، إثر لقاء جمع توماس مورو بإلسه فانس الاثنين، عن ارتياحها.",
    "وطغى ملف الطاقة على المحادثات التي جمعت توماس مورو بإلسه فانس في العاصمة.",
])
def test_events_parties_a_meeting_noun_that_brought_two_together_names_both(text):
    # "لقاء جمع X بـY": the meeting of X and Y, not of the subject of the sentence
    specs = [("org:presidency", "organization", "الرئاسة السيلفانية"), ("person:moro", "person", "توماس مورو"),
             ("person:vance", "person", "إلسه فانس")]
    assert _events(text, specs, "ar") == [("meet", ("person:moro", "person:vance"))]


def test_events_parties_an_arabic_conference_noun_with_its_article_has_its_convener():
    # "الاجتماع الوزاري ... الذي عقد في مقر المنظمة": the body that convenes it is a party of the participation
    text = "شارك إلسه فانس، اليوم، في أعمال الاجتماع الوزاري المخصص للأوضاع في المنطقة، الذي عقد في مقر رابطة الجزر."
    specs = [("person:vance", "person", "إلسه فانس"), ("org:league", "organization", "رابطة الجزر")]
    assert _events(text, specs, "ar") == [("conference", ("org:league", "person:vance"))]


def test_events_parties_a_reporter_before_an_arabic_reported_clause_is_no_party():
    # "صرح X بأن زيارة Y ... تشمل بحث": X reports what Y does
    text = "وكان المتحدث توماس مورو قد صرح أمس بأن زيارة إلسه فانس إلى سيلفانيا تشمل بحث ملفات التعاون مع آنا سوريل."
    specs = [("person:moro", "person", "توماس مورو"), ("person:vance", "person", "إلسه فانس"),
             ("SY", "state", "سيلفانيا"), ("person:sorel", "person", "آنا سوريل")]
    assert not [e for e in _events(text, specs, "ar") if "person:moro" in e[1]]


@pytest.mark.parametrize("text, expected", [
    # an unnamed office holder of one state beside the named counterpart of another: the state is the party
    ("التقى وزير الخارجية السيلفاني نظيره الفريدوني توماس مورو في العاصمة.", [("meet", ("SY", "person:moro"))]),
    # the one person of that state named in the story holds another office: the state stays the party
    ("وكان وزير الخارجية السيلفاني إلسه فانس قد صرح بأن العلاقات جيدة. وأجرى توماس مورو اتصالا هاتفيا مع رئيس "
     "الحكومة السيلفاني.", [("call", ("SY", "person:moro"))]),
])
def test_events_parties_an_unnamed_arabic_office_holder_of_a_state(text, expected):
    from communique.records import Document

    forms = [("SY", "state", "السيلفاني"), ("FD", "state", "الفريدوني"), ("person:moro", "person", "توماس مورو"),
             ("person:vance", "person", "إلسه فانس")]
    ents = []
    for ent_id, kind, form in forms:
        starts = [i for i in range(len(text)) if text.startswith(form, i)]
        if starts:
            ents.append(Entity(ent_id, kind, form, [form], [Mention(i, i + len(form), form, kind, 0) for i in starts],  # type: ignore[arg-type]
                               affiliation={"person:moro": "FD", "person:vance": "SY"}.get(ent_id),
                               titles={"person:vance": ["وزير"], "person:moro": ["وزير"]}.get(ent_id, [])))
    doc = Document(id="sha256:p", source="p.txt", text=text, lang="ar")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    cut = text.find(". ") + 1 or len(text)
    sents = [(0, cut)] + ([(cut + 1, len(text))] if cut < len(text) else [])
    got = sorted((e.type, tuple(sorted(p.entity for p in e.parties)))
                 for e in extract_events(doc, ents, sents, [], ctx) if e.status == "occurred")
    assert got == expected


@pytest.mark.parametrize("text, lang, kind", [
    ("In a separate meeting, Tomas Moro sat down with Ilse Vance.", "en", "meet"),
    ("Lors d'une réunion séparée, Tomas Moro a reçu Ilse Vance.", "fr", "meet"),
    ("At the council, Tomas Moro met Ilse Vance.", "en", "conference"),
])
def test_parties_a_separate_or_bilateral_meeting_is_a_meeting_of_two_not_a_conference(text, lang, kind):
    assert _events(text, _SPECS[2:], lang) == [(kind, ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, told", [
    ("Foreign Minister Tomas Moro had been in contact with his counterpart Ilse Vance about the delay, the ministry said.",
     True),
    ("In a conversation on Tuesday with his counterpart Ilse Vance, Tomas Moro stressed the need for closer links.", True),
    ("In a conversation with reporters, Tomas Moro praised Ilse Vance.", False),
    ("Tomas Moro has been in contact with rebels close to Ilse Vance.", False),
])
def test_parties_in_contact_with_or_a_conversation_with_a_named_counterpart_is_a_call(text, told):
    assert _events(text, _SPECS[2:]) == ([("call", ("person:moro", "person:vance"))] if told else [])


@pytest.mark.parametrize("text, lang, told", [
    ("The invitation was handed to Tomas Moro at the palace on Thursday by the envoy Ilse Vance.", "en", True),
    ("Le message a été remis à Tomas Moro lundi par l'envoyée Ilse Vance.", "fr", True),
    ("The invitation was handed to Tomas Moro, who will answer Ilse Vance soon.", "en", False),
])
def test_parties_a_letter_handed_to_one_by_another_is_a_meeting(text, lang, told):
    assert _events(text, _SPECS[2:], lang) == ([("meet", ("person:moro", "person:vance"))] if told else [])
