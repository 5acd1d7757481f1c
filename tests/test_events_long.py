"""Rule events of full-length articles (issue 10) on sentences written for these tests (fictional people and
states): events told in passing, what is not an event, one event told with several parties."""

from __future__ import annotations

import pytest

from tests.test_events_parties import _events

_STATES = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia"), ("OR", "organization", "Orsinian League")]
_STATES_AR = [("SY", "state", "سيلفانيا"), ("FD", "state", "فريدونيا"), ("OR", "organization", "رابطة أورسينيا")]


@pytest.mark.parametrize("text, lang, specs", [
    # an agreement noun with its conclusion and its parties
    ("Markets rose on Tuesday, months after the trade pact concluded between Sylvania and Freedonia.", "en", _STATES),
    ("The Orsinian League praised the deals recently concluded between Sylvania and Freedonia.", "en", _STATES),
    ("Le pays accueille des réfugiés en vertu d'un accord conclu avec la Sylvania et la Freedonia.", "fr", _STATES),
    ("L'Orsinian League s'inquiète du pacte de sécurité passé entre la Sylvania et la Freedonia.", "fr", _STATES),
    ("Les relations ont repris depuis l'accord conclu à Lys le 10 mars entre la Sylvania et la Freedonia.", "fr",
     _STATES),
    ("وأشادت رابطة أورسينيا بالاتفاقية المبرمة بين سيلفانيا و فريدونيا في مجال الطاقة.", "ar", _STATES_AR),
    # a joint declaration made public or issued
    ("Lundi, la Sylvania et la Freedonia ont rendu publique une déclaration commune sur le climat.", "fr", _STATES),
    ("Sylvania and Freedonia issued a joint statement on the climate on Monday.", "en", _STATES),
    ("وأصدرت سيلفانيا و فريدونيا بيانا مشتركا حول المناخ.", "ar", _STATES_AR),
])
def test_events_long_agreement_told_in_passing_is_between_the_two_it_names(text, lang, specs):
    assert _events(text, specs, lang) == [("agreement", ("FD", "SY"))]


@pytest.mark.parametrize("text, lang", [
    ("Sylvania is negotiating a trade agreement with Freedonia.", "en"),
    ("La Sylvania n'a confirmé l'existence d'aucun accord avec la Freedonia.", "fr"),
])
def test_events_long_agreement_noun_without_its_conclusion_is_no_event(text, lang):
    assert _events(text, _STATES, lang) == []


_ENVOYS = [("person:moro", "person", "Tomas Moro"), ("SY", "state", "sylvanien"),
           ("person:vance", "person", "Ilse Vance"), ("FD", "state", "Freedonia")]


@pytest.mark.parametrize("text, expected", [
    ("Tomas Moro a parlé de la crise. À Vienne, il s'était entretenu avec l'émissaire sylvanien Ilse Vance.",
     [("meet", ("person:moro", "person:vance"))]),
    ("Tomas Moro est arrivé lundi. Il s'est entretenu avec l'émissaire sylvanien Ilse Vance.",
     [("meet", ("person:moro", "person:vance"))]),
    ("Tomas Moro a parlé de la crise. En avril, il s'était rendu en Freedonia pour des pourparlers.",
     [("visit", ("FD", "person:moro"))]),
    ("Lundi, le ministre Tomas Moro s'est penché avec son homologue, Ilse Vance, sur les relations bilatérales.",
     [("meet", ("person:moro", "person:vance"))]),
])
def test_events_long_french_meetings_told_in_passing(text, expected):
    assert _events(text, _ENVOYS, "fr", story=True) == expected


def test_events_long_travelled_to_a_state_is_a_visit():
    text = "The last summit dates back to Tomas Moro's time in office, when he travelled to Freedonia early in 2018."
    assert _events(text, _ENVOYS, "en") == [("visit", ("FD", "person:moro"))]


_AR = [("person:moro", "person", "توماس مورو"), ("person:vance", "person", "إيلسي فانس"),
       ("OR", "organization", "مجلس الوزراء"), ("FD", "state", "فريدونيا"), ("SY", "state", "سيلفانيا")]


def test_events_long_arabic_meeting_noun_with_possessive_clitic_is_its_owner_meeting():
    text = "وأوضح توماس مورو، لدى لقائه وزير الخارجية إيلسي فانس مساء السبت، أن العمل المشترك كفيل بتحقيق الاستقرار."
    assert _events(text, _AR, "ar") == [("meet", ("person:moro", "person:vance"))]


def test_events_long_approved_agreement_is_between_the_two_it_names():
    text = "أقر مجلس الوزراء اتفاقية تتولى بموجبها سيلفانيا مساعدة فريدونيا على تطوير حرس الحدود."
    assert _events(text, _AR, "ar") == [("agreement", ("FD", "SY"))]


_NO_EVENT = [
    # approving or ratifying an agreement is not signing it
    ("The Orsinian League approved the memorandum of understanding with Freedonia on training.", "en", _STATES),
    ("L'Orsinian League a ratifié le mémorandum d'entente avec la Freedonia sur la formation.", "fr", _STATES),
    ("مجلس الوزراء يقر اتفاقية مع فريدونيا لتدريب حرس الحدود", "ar", _AR),
    # talks someone keeps the right to
    ("Sylvania reserved the right to meet Freedonia.", "en", _STATES),
    ("La Sylvania se réservait le droit de mener des pourparlers avec la Freedonia.", "fr", _STATES),
    # talks someone is pressed into
    ("The Orsinian League pressed Sylvania to enter direct talks with Freedonia.", "en", _STATES),
    ("L'Orsinian League a appelé la Sylvania à reprendre les pourparlers avec la Freedonia.", "fr", _STATES),
    ("ويرفض كثيرون ضغطاً تمارسه سيلفانيا لإرغام رابطة أورسينيا على خوض محادثات مباشرة مع فريدونيا.", "ar",
     _STATES_AR),
    # a crowd received
    ("L'Orsinian League a déjà reçu plus de 900 demandeurs d'asile de la Sylvania.", "fr", _STATES),
    # what an initiative calls for
    ("ولم يستبعد هؤلاء أن تطرح سيلفانيا مبادرتها الداعية إلى إقامة حلف يضمن الأمن وتشارك فيه فريدونيا ورابطة أورسينيا.",
     "ar", _STATES_AR),
]


@pytest.mark.parametrize("text, lang, specs", _NO_EVENT)
def test_events_long_approvals_and_hypothetical_talks_are_no_events(text, lang, specs):
    assert _events(text, specs, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro has been in the Freedonia capital to hold talks with President Ilse Vance.", "en"),
    ("Tomas Moro a rappelé qu'il se trouvait encore en Freedonia vendredi, où il a pu rencontrer Ilse Vance.", "fr"),
])
def test_events_long_being_in_a_state_for_talks_there_is_a_visit(text, lang):
    specs = [("person:moro", "person", "Tomas Moro"), ("FD", "state", "Freedonia"),
             ("person:vance", "person", "Ilse Vance")]
    assert ("visit", ("FD", "person:moro")) in _events(text, specs, lang)


@pytest.mark.parametrize("text, lang, is_call", [
    ("وأفاد توماس مورو، في اتصال هاتفي بعد أن وصل أمس إلى العاصمة، بأن الرئيس شرح المخطط.", "ar", False),
    ("وقال توماس مورو في اتصال هاتفي مع نظيره إيلسي فانس إن العلاقات متينة.", "ar", True),
    ("Tomas Moro a déclaré par téléphone à une agence que la situation restait tendue.", "fr", False),
    ("Tomas Moro said in a phone call that the situation remained tense.", "en", False),
    ("Sylvania and Freedonia said they were committed to talks after a phone call between Tomas Moro and "
     "Ilse Vance.", "en", True),
])
def test_events_long_a_statement_made_by_phone_is_no_call(text, lang, is_call):
    from communique.stages.triggers import find_triggers

    assert any(t.type == "call" for t in find_triggers(text, lang)) == is_call


def _events_with_gazetteer(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """Occurred rule events of one sentence whose city 'Port Lys' the gazetteer places in Freedonia (FD)."""
    from communique.records import Document, Entity, Location, Mention
    from communique.stages.events import EventContext, extract_events

    specs = [("person:moro", "person", "Tomas Moro", None), ("FD", "state", "Freedonia", "FD"),
             ("place:port-lys", "place", "Port Lys", None), ("person:vance", "person", "Ilse Vance", None)]
    ents = [Entity(i, k, f, [f], [Mention(text.index(f), text.index(f) + len(f), f, k, 0)], country=c)  # type: ignore[arg-type]
            for i, k, f, c in specs if f in text]
    doc = Document(id="sha256:g", source="g.txt", text=text, lang=lang)
    gazetteer = {"Port Lys": Location("Port Lys", "FD", 1.0, 2.0), "Freedonia": Location("Freedonia", "FD")}
    ctx = EventContext(geocode=gazetteer.get, topics=lambda text, lang: [])
    return sorted((e.type, tuple(sorted(p.entity for p in e.parties)))
                  for e in extract_events(doc, ents, [(0, len(text))], [], ctx) if e.status == "occurred")


def test_events_long_a_visit_to_a_city_is_a_visit_to_its_state():
    text = "Relations with Freedonia warmed when Tomas Moro travelled to Port Lys early in 2018."
    assert _events_with_gazetteer(text, "en") == [("visit", ("FD", "person:moro"))]


def test_events_long_the_visitor_is_the_subject_not_the_one_named_in_its_apposition():
    text = "Le 10 mai, Tomas Moro, envoyé spécial d'Ilse Vance pour la Freedonia, s'est rendu à Port Lys."
    assert ("visit", ("FD", "person:moro")) in _events_with_gazetteer(text, "fr")



def test_events_long_a_visit_to_a_city_of_a_state_the_story_never_names_is_to_the_city():
    text = "Tomas Moro s'est rendu mardi à Port Lys pour une visite de travail."
    assert _events_with_gazetteer(text, "fr") == [("visit", ("person:moro", "place:port-lys"))]


@pytest.mark.parametrize("text", [
    "وأشارت تقارير إلى أن توماس مورو جاء إلى العاصمة، إثر لقاء طويل جمعه بالوزير إيلسي فانس.",
    "وأعربت الرئاسة في بيان، إثر لقاء جمع توماس مورو بالوزير إيلسي فانس الاثنين، عن رغبتها في التعاون.",
])
def test_events_long_arabic_meeting_that_brought_two_together(text):
    assert _events(text, _AR, "ar") == [("meet", ("person:moro", "person:vance"))]
