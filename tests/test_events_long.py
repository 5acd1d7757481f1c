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
    ("Les échanges reprennent grâce à un accord conclu avec la Sylvania et la Freedonia.", "fr", _STATES),
    ("L'Orsinian League a salué le pacte commercial passé entre la Sylvania et la Freedonia.", "fr", _STATES),
    ("Le commerce a doublé après l'accord conclu à Lys au printemps dernier entre la Sylvania et la Freedonia.", "fr",
     _STATES),
    ("وأشادت رابطة أورسينيا بالاتفاقية المبرمة بين سيلفانيا و فريدونيا في مجال الطاقة.", "ar", _STATES_AR),
    # a joint declaration made public or issued
    ("La Sylvania et la Freedonia ont publié une déclaration commune sur la pêche.", "fr", _STATES),
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
    ("Tomas Moro a parlé de la crise. La semaine précédente, il s'était entretenu à Vienne avec le négociateur sylvanien Ilse Vance.",
     [("meet", ("person:moro", "person:vance"))]),
    ("Tomas Moro est arrivé lundi. Il s'est entretenu longuement avec le négociateur sylvanien Ilse Vance.",
     [("meet", ("person:moro", "person:vance"))]),
    ("Tomas Moro a parlé de la crise. L'an passé, il s'était rendu en Freedonia pour une mission.",
     [("visit", ("FD", "person:moro"))]),
    ("Mardi, Tomas Moro s'est penché avec son homologue, Ilse Vance, sur le dossier de l'eau.",
     [("meet", ("person:moro", "person:vance"))]),
])
def test_events_long_french_meetings_told_in_passing(text, expected):
    assert _events(text, _ENVOYS, "fr", story=True) == expected


def test_events_long_travelled_to_a_state_is_a_visit():
    text = "Tomas Moro travelled to Freedonia last spring to open an embassy."
    assert _events(text, _ENVOYS, "en") == [("visit", ("FD", "person:moro"))]


_AR = [("person:moro", "person", "توماس مورو"), ("person:vance", "person", "إيلسي فانس"),
       ("OR", "organization", "مجلس الوزراء"), ("FD", "state", "فريدونيا"), ("SY", "state", "سيلفانيا")]


def test_events_long_arabic_meeting_noun_with_possessive_clitic_is_its_owner_meeting():
    text = "وقال توماس مورو، لدى لقائه إيلسي فانس في مكتبه، إن البلدين يتفقان على أولويات المرحلة."
    assert _events(text, _AR, "ar") == [("meet", ("person:moro", "person:vance"))]


def test_events_long_approved_agreement_is_between_the_two_it_names():
    text = "أقر مجلس الوزراء اتفاقية تلتزم بموجبها سيلفانيا بتزويد فريدونيا بالمياه."
    assert _events(text, _AR, "ar") == [("agreement", ("FD", "SY"))]


_NO_EVENT = [
    # approving or ratifying an agreement is not signing it
    ("The Orsinian League approved the memorandum of understanding with Freedonia on training.", "en", _STATES),
    ("L'Orsinian League a ratifié le mémorandum d'entente avec la Freedonia sur la formation.", "fr", _STATES),
    ("مجلس الوزراء يقر اتفاقية مع فريدونيا في مجال النقل", "ar", _AR),
    # talks someone keeps the right to
    ("Sylvania reserved the right to meet Freedonia.", "en", _STATES),
    ("La Sylvania se réservait le droit de mener des pourparlers avec la Freedonia.", "fr", _STATES),
    # talks someone is pressed into
    ("The Orsinian League pressed Sylvania to enter direct talks with Freedonia.", "en", _STATES),
    ("L'Orsinian League a appelé la Sylvania à reprendre les pourparlers avec la Freedonia.", "fr", _STATES),
    ("وتسعى سيلفانيا لإرغام رابطة أورسينيا على خوض محادثات مع فريدونيا.", "ar",
     _STATES_AR),
    # a crowd received
    ("L'Orsinian League a reçu plus de 500 demandeurs d'asile de la Sylvania en un an.", "fr", _STATES),
    # what an initiative calls for
    ("وقدمت سيلفانيا خطتها الداعية إلى إنشاء سوق مشتركة تشارك فيها فريدونيا ورابطة أورسينيا.",
     "ar", _STATES_AR),
]


@pytest.mark.parametrize("text, lang, specs", _NO_EVENT)
def test_events_long_approvals_and_hypothetical_talks_are_no_events(text, lang, specs):
    assert _events(text, specs, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro has been in Freedonia since Sunday and met President Ilse Vance.", "en"),
    ("Tomas Moro se trouvait alors en Freedonia et y a rencontré Ilse Vance.", "fr"),
])
def test_events_long_being_in_a_state_for_talks_there_is_a_visit(text, lang):
    specs = [("person:moro", "person", "Tomas Moro"), ("FD", "state", "Freedonia"),
             ("person:vance", "person", "Ilse Vance")]
    assert ("visit", ("FD", "person:moro")) in _events(text, specs, lang)


@pytest.mark.parametrize("text, lang, is_call", [
    ("وأكد توماس مورو، في اتصال هاتفي أمس، أن المفاوضات ستستأنف قريبا.", "ar", False),
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
    text = "Ties with Freedonia improved after Tomas Moro travelled to Port Lys in May."
    assert _events_with_gazetteer(text, "en") == [("visit", ("FD", "person:moro"))]


def test_events_long_the_visitor_is_the_subject_not_the_one_named_in_its_apposition():
    text = "Tomas Moro, conseiller d'Ilse Vance, s'est rendu jeudi à Port Lys, en Freedonia."
    assert ("visit", ("FD", "person:moro")) in _events_with_gazetteer(text, "fr")


def test_events_long_a_visit_to_a_city_of_a_state_the_story_never_names_is_to_the_city():
    text = "Tomas Moro s'est rendu mardi à Port Lys pour une visite de travail."
    assert _events_with_gazetteer(text, "fr") == [("visit", ("person:moro", "place:port-lys"))]


@pytest.mark.parametrize("text", [
    "وعاد توماس مورو إلى بلاده بعد لقاء مطول جمعه بالوزير إيلسي فانس.",
    "وتناول لقاء جمع توماس مورو بالوزير إيلسي فانس ملف الطاقة.",
])
def test_events_long_arabic_meeting_that_brought_two_together(text):
    assert _events(text, _AR, "ar") == [("meet", ("person:moro", "person:vance"))]


_ENVOYS_AR = [(ent_id, kind, form) for (ent_id, kind, _), form in zip(_ENVOYS[::2], ["توماس مورو", "إلسه فانس"])] + \
    [("FD", "state", "فريدونيا")]


@pytest.mark.parametrize("text, lang, specs", [
    ("Ilse Vance, the diplomatic adviser to President Tomas Moro, said he had visited Freedonia.", "en", _ENVOYS),
    ("من جهته، أفاد السفير إلسه فانس، المستشار الدبلوماسي للرئيس توماس مورو، بأنه زار فريدونيا.", "ar", _ENVOYS_AR),
    ("وقال السفير إلسه فانس، المستشار الدبلوماسي للرئيس توماس مورو، إنه زار فريدونيا.", "ar", _ENVOYS_AR),
])
def test_events_long_visit_told_by_the_speaker_is_not_of_the_person_in_his_title(text, lang, specs):
    """'X, adviser to Y, said he had visited Z': the visitor is the speaker X, not Y named in X's title."""
    assert ("visit", ("FD", "person:vance")) in _events(text, specs, lang, story=True)


_LEADERS = [("person:moro", "person", "Tomas Moro"), ("person:vance", "person", "Ilse Vance"),
            ("person:sorel", "person", "Anna Sorel"), ("person:brun", "person", "Karl Brun")]


@pytest.mark.parametrize("text, lang, expected", [
    # a past meeting told by the number of the persons the story named before
    ("Tomas Moro had long distrusted Ilse Vance. At their meeting in Vells in 1950, the two leaders had already "
     "agreed on a border.", "en", [("meet", ("person:moro", "person:vance"))]),
    ("Tomas Moro se méfiait d'Ilse Vance. Lors de leur rencontre à Lys, en octobre 1950, les deux hommes avaient "
     "déjà envisagé un partage.", "fr", [("meet", ("person:moro", "person:vance"))]),
])
def test_events_long_a_numbered_group_of_persons_is_the_sides_of_a_meeting(text, lang, expected):
    assert _events(text, _LEADERS, lang, story=True) == expected


def test_events_long_a_numbered_group_is_the_persons_the_story_talks_about_most():
    text = ("Tomas Moro voulait un accord. Ilse Vance hésitait. Anna Sorel aussi, et Tomas Moro insistait. Anna Sorel "
            "s'en inquiéta. Ilse Vance céda. Les séances se tinrent au palais du dernier roi, Karl Brun. Ce n'était pas "
            "leur première rencontre : les trois dirigeants avaient déjà tenu une réunion à trois à Lys en 1943.")
    events = _events(text, _LEADERS, "fr", story=True)
    assert [etype for etype, _ in events] == ["meet"]
    assert set(events[0][1]) <= {"person:moro", "person:vance", "person:sorel"} and len(events[0][1]) == 2


@pytest.mark.parametrize("text, lang", [
    # a named meeting in the sentence keeps its own sides
    ("Tomas Moro greeted Anna Sorel. The two leaders said the talks between Ilse Vance and Karl Brun went well.",
     "en"),
    # a group of persons no sentence before named
    ("The two leaders met in Vells on Monday.", "en"),
])
def test_events_long_a_numbered_group_takes_no_other_persons(text, lang):
    parties = {p for _, ps in _events(text, _LEADERS, lang, story=True) for p in ps}
    assert parties <= {"person:vance", "person:brun"}


@pytest.mark.parametrize("text, lang", [
    ("Sylvania has long traded with Freedonia. Sylvania sells grain, Freedonia sells ore. Last year, the two "
     "countries signed a road map on defence.", "en"),
    ("La Sylvania commerce depuis longtemps avec la Freedonia. La Sylvania vend du blé, la Freedonia du minerai. "
     "L'an dernier également, les deux pays ont signé une feuille de route sur la défense.", "fr"),
])
def test_events_long_the_two_countries_are_the_states_the_story_names_most(text, lang):
    specs = [("SY", "state", "Sylvania"), ("FD", "state", "Freedonia")]
    assert _events(text, specs, lang, story=True) == [("agreement", ("FD", "SY"))]


@pytest.mark.parametrize("text, lang, count", [
    ("Before Tomas Moro, Ilse Vance had met Anna Sorel in Vells in June and again in August.", "en", 2),
    ("Ilse Vance s'était entretenu avec Anna Sorel à Lys en 2019, puis de nouveau en 2021.", "fr", 2),
    ("Ilse Vance met Anna Sorel in Vells in June and said she would meet her again.", "en", 1),
])
def test_events_long_a_meeting_told_again_at_a_second_time_is_two_meetings(text, lang, count):
    specs = [("person:vance", "person", "Ilse Vance"), ("person:sorel", "person", "Anna Sorel")]
    assert _events(text, specs, lang) == [("meet", ("person:sorel", "person:vance"))] * count


@pytest.mark.parametrize("text, lang", [
    ("Sylvania hosted the Orsinian League summit in Vells last year.", "en"),
    ("La Sylvania a accueilli le sommet de l'Orsinian League à Vells l'an dernier.", "fr"),
])
def test_events_long_a_host_of_a_summit_takes_part_in_it(text, lang):
    assert _events(text, _STATES, lang) == [("conference", ("OR", "SY"))]


def test_events_long_a_relative_clause_ends_its_triggers_objects():
    text = "There are reports that Tomas Moro, who as governor attended the Orsinian League summit, may travel to Freedonia."
    specs = [("person:moro", "person", "Tomas Moro"), ("OR", "organization", "Orsinian League"), ("FD", "state", "Freedonia")]
    assert _events(text, specs, "en") == [("conference", ("OR", "person:moro"))]


@pytest.mark.parametrize("text", [
    # the agreement noun, its conclusion and a date phrase before its "between"
    "وطغى ملف الاتفاق التجاري، الذي أبرم في مدينة لوس في العاشر من الشهر الماضي بين سيلفانيا وفريدونيا، على المحادثات.",
    # "the agreement that A and B reached": its makers follow "إليه"
    "ويخشى أعضاء رابطة أورسينيا أن يؤدي الاتفاق الذي توصلت إليه سيلفانيا وفريدونيا في 14 مايو إلى تقارب بينهما.",
])
def test_events_long_arabic_agreement_told_in_passing_is_between_the_two_it_names(text):
    assert _events(text, _STATES_AR, "ar", story=True) == [("agreement", ("FD", "SY"))]


def test_events_long_arabic_agreement_parties_end_at_the_comma():
    """'الاتفاق ... بين A وB، على المحادثات التي جمعت C ...': C, named after the comma, is no party of the agreement,
    and talks with counterparts left unnamed are no event."""
    text = ("وطغى ملف الاتفاق، الذي أبرم في العاشر من الشهر الماضي بين سيلفانيا وفريدونيا، على المحادثات التي جمعت "
            "الوزير توماس مورو بنظرائه في الدوحة.")
    assert _events(text, _STATES_AR + _AR[:2], "ar", story=True) == [("agreement", ("FD", "SY"))]


@pytest.mark.parametrize("text, expected", [
    ("وسعت فريدونيا، إثر مفاوضات أجرتها مع سيلفانيا، إلى مبادرة جديدة.", ("FD", "SY")),
    ("وأكدت المصادر أن المشاورات التي جرت في الأسابيع الماضية بين توماس مورو ونظيره إيلسي فانس تناولت الأزمة.",
     ("person:moro", "person:vance")),
    ("وتناولت المحادثات التي جمعت الوزير توماس مورو بنظيره إيلسي فانس ملف الطاقة.", ("person:moro", "person:vance")),
])
def test_events_long_arabic_negotiations_and_consultations_held_are_meetings(text, expected):
    assert _events(text, _STATES_AR + _AR[:2], "ar", story=True) == [("meet", expected)]


@pytest.mark.parametrize("text", [
    # talks one tries or goes to hold: a purpose
    "وتبذل رابطة أورسينيا جهودا لعقد مشاورات بين سيلفانيا وفريدونيا.",
    "وتسلمت فريدونيا مقترحا لإجراء مفاوضات بين سيلفانيا ورابطة أورسينيا.",
])
def test_events_long_arabic_talks_to_be_held_are_no_events(text):
    assert _events(text, _STATES_AR, "ar", story=True) == []


def test_events_long_arabic_visit_noun_makes_no_meeting_of_the_persons_around_it():
    """'X said that Y's visit to Z is a chance': the visit noun tells the visit, not a meeting of X and Y."""
    text = "وقال توماس مورو إن زيارة إيلسي فانس إلى فريدونيا تمثل فرصة لتعميق النقاش."
    assert [e for e in _events(text, _AR, "ar") if e[0] == "meet"] == []


@pytest.mark.parametrize("text, signs", [
    ("وكان محللون قد توقعوا اختفاء سيلفانيا عن الخريطة.", False),     # توقّع: to expect
    ("وتوقعات المحللين متشائمة بشأن فريدونيا.", False),
    ("توقعان اتفاقية للتعاون في مجال الطاقة.", True),                 # the dual imperfect of وقّع
    ("يوقع الوزيران اتفاقية للتعاون.", True),
])
def test_events_long_arabic_expecting_is_not_signing(text, signs):
    from communique.stages.triggers import find_triggers

    assert any(t.type == "agreement" for t in find_triggers(text, "ar")) == signs


def _task_nouns() -> list[str]:
    from communique.lang import entries

    return list(entries("ar", "participation_tasks.txt"))


@pytest.mark.parametrize("noun", _task_nouns())
def test_events_long_arabic_taking_part_in_a_task_is_no_conference(noun):
    """'شارك مجلس سيلفانيا في دراستها', 'القوات المشاركة ضمن التحالف في الحصار': a share in work, not attendance."""
    from communique.stages.triggers import find_triggers

    for text in (f"وشاركت سيلفانيا في ال{noun} الأخيرة.", f"وقالت إن القوات المشاركة ضمن قوات التحالف في ال{noun} عادت."):
        assert not any(t.type == "conference" for t in find_triggers(text, "ar")), text


@pytest.mark.parametrize("text", [
    "وشاركت سيلفانيا في أعمال القمة الإقليمية.",
    "وشارك توماس مورو اليوم في الاجتماع الوزاري.",
    "على هامش مشاركته في فعاليات المنتدى، التقى توماس مورو إيلسي فانس.",
])
def test_events_long_arabic_taking_part_in_a_gathering_is_a_conference(text):
    from communique.stages.triggers import find_triggers

    assert any(t.type == "conference" for t in find_triggers(text, "ar"))


_PARTY_AR = _AR[:2] + [("person:sorel", "person", "آنا سوريل"), ("SY", "state", "سيلفانيا")]


def test_events_long_arabic_comma_and_clause_particle_end_the_objects():
    """'X وقع مع Y مذكرة ...، علماً أن ...، وقد ... Z': Z, past a comma and a particle that opens a clause, is no party."""
    text = ("وانتقدت أحزاب عديدة توماس مورو لأنه وقع مع الوزير إيلسي فانس مذكرة تفاهم للتعاون، علماً أن الأمر لا يعني "
            "العضوية، وقد اشتدت الانتقادات بعد أن استضاف الحزب آنا سوريل.")
    assert _events(text, _PARTY_AR, "ar", story=True) == [("agreement", ("person:moro", "person:vance"))]


def test_events_long_arabic_he_who_signed_is_the_person_right_before():
    """'... بدعوة من X، وهو من وقع الاتفاقية مع Y': X signed, not the subject of the sentence."""
    text = ("وزعمت مصادر أن آنا سوريل تلقت تعليمات بدعوة من الأمين العام للحزب توماس مورو، وهو من وقع اتفاقية التعاون "
            "مع إيلسي فانس، غير أن مصادر أخرى كذبت ذلك.")
    assert _events(text, _PARTY_AR, "ar", story=True) == [("agreement", ("person:moro", "person:vance"))]


def test_events_long_arabic_receiving_him_is_a_meeting_of_the_subject():
    """'وعبر X، خلال استقبال Y له، عن ...': Y received X (the pronoun "له" within ten words of the noun)."""
    text = "وعبر توماس مورو، خلال استقبال رئيس الوزراء إيلسي فانس له في العاصمة الليلة الماضية، عن ارتياحه للنتائج."
    assert _events(text, _AR, "ar", story=True) == [("meet", ("person:moro", "person:vance"))]
    assert _events("وأعرب توماس مورو عن شكره لإيلسي فانس على حسن الاستقبال.", _AR, "ar", story=True) == []


@pytest.mark.parametrize("text", [
    "وأكد توماس مورو أهمية آلية المشاورات السياسية بين سيلفانيا وفريدونيا.",
    "ودعا توماس مورو إلى استئناف المفاوضات بين سيلفانيا وفريدونيا.",
    "وأشاد توماس مورو بمسار المحادثات بين سيلفانيا وفريدونيا.",
])
def test_events_long_arabic_a_process_of_talks_is_no_event(text):
    """'آلية المشاورات بين A وB', 'استئناف المفاوضات': the framework or process the talks are, not talks told."""
    assert _events(text, _STATES_AR + _AR[:2], "ar", story=True) == []


def test_events_long_a_numbered_group_in_a_relative_clause_of_its_own_is_not_the_sides_of_the_noun():
    """'The talks took place at the forum, in which both ministers were taking part': 'both ministers' take part in
    the forum; the talks noun gets no sides from them (no second meeting)."""
    from communique.stages.numbered_sides import group_in_clause, numbered_group_phrase

    text = "The talks took place on the sidelines of the Vells Forum, in which both ministers were taking part."
    phrase = numbered_group_phrase(text, 0, len(text), "en")
    assert phrase is not None and not group_in_clause(text, 4, 9, phrase)
    text = "Les deux dirigeants ont tenu une réunion à Lys."
    phrase = numbered_group_phrase(text, 0, len(text), "fr")
    assert group_in_clause(text, text.index("réunion"), text.index("réunion") + 7, phrase)
