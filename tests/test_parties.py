"""Party choice of the rule events (stages.parties, the party side of stages.events) on sentences written for
these tests (fictional people and states): who the unnamed title holder or counterpart is, and who is
named in a sentence without taking part in its event."""

from __future__ import annotations

import pytest

from communique.records import Document, Entity, Mention
from communique.stages.events import EventContext, extract_events
from communique.stages.sentences import sentence_spans


def _events(text: str, specs: list[tuple[str, str, str, str | None, list[str]]],
            lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """(id, kind, form, affiliation, titles) entities, every occurrence of the form a mention, the text split
    into its sentences -> (type, parties) of the occurred rule events."""
    ents: dict[str, Entity] = {}
    for ent_id, kind, form, affiliation, titles in specs:
        mentions = [Mention(i, i + len(form), form, kind, 0) for i in range(len(text)) if text.startswith(form, i)]  # type: ignore[arg-type]
        if ent_id in ents:
            ents[ent_id].mentions.extend(mentions)
            ents[ent_id].forms.append(form)
        else:
            ents[ent_id] = Entity(ent_id, kind, form, [form], mentions, titles=titles, affiliation=affiliation)  # type: ignore[arg-type]
    for ent in ents.values():
        ent.mentions.sort(key=lambda m: m.start)
    doc = Document(id="sha256:q", source="q.txt", text=text, lang=lang)
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    return sorted((e.type, tuple(sorted(p.entity for p in e.parties)))
                  for e in extract_events(doc, list(ents.values()), sentence_spans(text), [], ctx)
                  if e.status == "occurred")


_MORO = ("person:moro", "person", "Tomas Moro", None, [])
_VANCE_FD = ("person:vance", "person", "Ilse Vance", "FD", [])


@pytest.mark.parametrize("text, state, lang", [
    ("Tomas Moro took a phone call from the Freedonian foreign minister on Monday. "
     "Ilse Vance later praised the tone of the exchange.", "Freedonian", "en"),
    ("Tomas Moro a reçu lundi un appel téléphonique du ministre freedonien des Affaires étrangères. "
     "Ilse Vance a ensuite salué le ton de l'échange.", "freedonien", "fr"),
])
def test_parties_an_unnamed_title_holder_is_the_one_person_of_that_state(text, state, lang):
    specs = [_MORO, _VANCE_FD, ("FD", "state", state, None, [])]
    assert _events(text, specs, lang) == [("call", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Tomas Moro took a phone call from Freedonian Foreign Minister Anna Sorel on Monday. "
     "Ilse Vance later praised the tone of the exchange.", "en"),
    ("Tomas Moro a reçu lundi un appel téléphonique du ministre freedonien des Affaires étrangères Anna Sorel. "
     "Ilse Vance a ensuite salué le ton de l'échange.", "fr"),
])
def test_parties_a_title_followed_by_its_name_is_that_person(text, lang):
    specs = [_MORO, _VANCE_FD, ("person:sorel", "person", "Anna Sorel", "FD", []),
             ("FD", "state", "Freedonian" if lang == "en" else "freedonien", None, [])]
    assert _events(text, specs, lang) == [("call", ("person:moro", "person:sorel"))]


@pytest.mark.parametrize("text, lang", [
    ("Foreign Minister Ilse Vance held talks with his Sylvanian and Freedonian counterparts on Monday. "
     "Sylvanian President Anna Sorel is due to attend the summit, and Sylvanian Foreign Minister Tomas Moro "
     "welcomed the outcome.", "en"),
])
def test_parties_a_listed_counterpart_is_the_person_of_the_subjects_office(text, lang):
    specs = [("person:vance", "person", "Ilse Vance", None, ["Foreign Minister"]),
             ("person:moro", "person", "Tomas Moro", None, ["Foreign Minister"]),
             ("person:sorel", "person", "Anna Sorel", None, ["President"]),
             ("SY", "state", "Sylvanian", None, []), ("FD", "state", "Freedonian", None, [])]
    assert ("meet", ("person:moro", "person:vance")) in _events(text, specs, lang)


@pytest.mark.parametrize("text, state, lang", [
    ("Ilse Vance held talks with his Freedonian counterpart on Monday. "
     "He also congratulated his Freedonian counterpart, Tomas Moro, on his re-election.", "Freedonian", "en"),
    ("Ilse Vance a eu des entretiens lundi avec son homologue freedonien. "
     "Il a par ailleurs félicité son homologue freedonien, M. Tomas Moro, pour sa réélection.", "freedonien", "fr"),
])
def test_parties_a_counterpart_named_after_a_comma_is_of_that_state(text, state, lang):
    specs = [("person:vance", "person", "Ilse Vance", None, []), _MORO, ("FD", "state", state, None, [])]
    assert _events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


_TRIO = [("person:vance", "person", "Ilse Vance", None, []), _MORO, ("person:sorel", "person", "Anna Sorel", None, [])]


#: a third person named without taking part in the meeting of Ilse Vance and Tomas Moro: the sender of a message
#: named after his title, the deceased, a person of a relative clause after the one met; and a cleft whose subject
#: follows its "que"
_BYSTANDERS = [
    ("Ilse Vance received Tomas Moro, bearer of a message from the President of the Republic, "
     "His Excellency Anna Sorel.", "en"),
    ("Ilse Vance a reçu Tomas Moro, porteur d'un message du président de la République, Son Excellence Anna Sorel.",
     "fr"),
    ("Ilse Vance met Tomas Moro in Port Lys on Monday, days after the death of Anna Sorel.", "en"),
    ("Ilse Vance a rencontré Tomas Moro lundi à Port Lys, quelques jours après le décès, le 2 mai, d'Anna Sorel.", "fr"),
    ("Ilse Vance met Tomas Moro on Monday, whom she thanked for the support of Anna Sorel.", "en"),
    ("Ilse Vance a rencontré lundi Tomas Moro, à qui elle a transmis les voeux d'Anna Sorel.", "fr"),
    ("Ilse Vance a rencontré lundi Tomas Moro et a dénoncé la guerre que mène Anna Sorel.", "fr"),
    ("C'est par un entretien avec Tomas Moro qu'Ilse Vance a ouvert lundi sa tournée.", "fr"),
    ("Because Anna Sorel had to stay at home after a fall, Ilse Vance met Tomas Moro in Port Lys.", "en"),
    ("Parce que Anna Sorel a dû rester chez elle après une chute, Ilse Vance a rencontré Tomas Moro à Port Lys.", "fr"),
]


@pytest.mark.parametrize("text, lang", _BYSTANDERS)
def test_parties_a_person_named_without_taking_part_is_no_party(text, lang):
    assert _events(text, _TRIO, lang) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance met Tomas Moro in Lysburg on Monday.", "en"),
    ("Ilse Vance a rencontré Tomas Moro en Lysbourgie lundi.", "fr"),
])
def test_parties_a_one_word_person_after_in_is_a_place(text, lang):
    specs = _TRIO[:2] + [("person:lys", "person", "Lysburg" if lang == "en" else "Lysbourgie", None, [])]
    assert _events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, state, lang", [
    ("Ilse Vance holds talks with Freedonia's Minister of State for Foreign Affairs. "
     "Tomas Moro later praised the tone of the exchange.", "Freedonia", "en"),
    ("A Freedonian parliamentary delegation held a meeting with Ilse Vance on Monday. "
     "Tomas Moro later praised the tone of the exchange.", "Freedonian", "en"),
    ("Ilse Vance a reçu lundi une délégation freedonienne. Tomas Moro a ensuite salué le ton de l'échange.",
     "freedonienne", "fr"),
])
def test_parties_an_unnamed_minister_or_delegation_of_a_state_is_its_one_person(text, state, lang):
    specs = [("person:vance", "person", "Ilse Vance", None, []), ("person:moro", "person", "Tomas Moro", "org:fd-mfa", []),
             ("org:fd-mfa", "organization", "Ministry of Foreign Affairs of Freedonia", None, []),
             ("FD", "state", state, None, [])] + ([("FD", "state", "Freedonia", None, [])] if state != "Freedonia" else [])
    assert _events(text, specs, lang) == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance also welcomed the MoU signed in 2020 between Sylvania and Freedonia.", "en"),
    ("Ilse Vance a aussi salué le mémorandum signé en 2020 entre la Sylvania et la Freedonia.", "fr"),
])
def test_parties_an_act_signed_some_words_before_between_is_between_those_two(text, lang):
    specs = [("person:vance", "person", "Ilse Vance", None, []), ("SY", "state", "Sylvania", None, []),
             ("FD", "state", "Freedonia", None, [])]
    assert _events(text, specs, lang) == [("agreement", ("FD", "SY"))]


def test_parties_members_of_a_long_delegation_list_are_no_counterparts():
    text = ("Ilse Vance arrived in Port Lys on Monday for talks with Tomas Moro, at the head of a high-level delegation "
            "that included Energy and Natural Resources Minister Karl Brand, Defence Minister Olaf Lind, Trade "
            "Minister Ivo Marsh, Communications Director Anna Sorel and Spokesperson Eva Stone.")
    specs = [("person:vance", "person", "Ilse Vance", None, []), _MORO] + [
        (f"person:{n.split()[1].lower()}", "person", n, None, [])
        for n in ("Karl Brand", "Olaf Lind", "Ivo Marsh", "Anna Sorel", "Eva Stone")]
    assert _events(text, specs, "en") == [("meet", ("person:moro", "person:vance"))]


@pytest.mark.parametrize("text", [
    "Ilse Vance arrived in Port Lys on Sunday [Lys Agency/Reuters]",
    "Ilse Vance held talks at the Harbour Union headquarters on Sunday.",
])
def test_parties_a_credit_or_a_headquarters_is_no_party(text):
    specs = [("person:vance", "person", "Ilse Vance", None, []), _MORO,
             ("org:lys", "organization", "Lys Agency", None, []),
             ("org:hu", "organization", "Harbour Union", None, [])]
    assert all("org:lys" not in parties and "org:hu" not in parties for _, parties in _events(text, specs, "en"))


@pytest.mark.parametrize("text, expected", [
    ("Ilse Vance met Tomas Moro's wife on Monday.", []),
    ("Tomas Moro's first visit to Port Lys included talks with Ilse Vance.", [("meet", ("person:moro", "person:vance"))]),
])
def test_parties_the_possessor_of_a_relative_is_no_party_but_of_a_visit_is(text, expected):
    assert _events(text, _TRIO[:2], "en") == expected


@pytest.mark.parametrize("titles, expected", [
    (["Foreign Minister"], [("meet", ("person:moro", "person:vance"))]),
    (["President"], []),        # the one Freedonian named is its president: the minister stays unknown
])
def test_parties_an_unnamed_title_holder_holds_that_office(titles, expected):
    text = "Tomas Moro received the Freedonian foreign minister on Monday. Ilse Vance later praised the talks."
    specs = [_MORO, ("person:vance", "person", "Ilse Vance", "FD", titles), ("FD", "state", "Freedonian", None, [])]
    assert _events(text, specs, "en") == expected


def test_parties_the_top_diplomat_of_a_state_is_its_foreign_minister():
    text = ("Tomas Moro held talks with Nordvik's top diplomat in Vells. "
            "Nordvik's Foreign Minister Anna Sorel had landed on Sunday; Nordvik's President Karl Ostrum stayed home.")
    specs = [_MORO, ("person:sorel", "person", "Anna Sorel", "NL", ["Foreign Minister"]),
             ("person:ostrum", "person", "Karl Ostrum", "NL", ["President"]), ("NL", "state", "Nordvik", None, [])]
    assert ("meet", ("person:moro", "person:sorel")) in _events(text, specs, "en")


def test_parties_counterparts_listed_by_their_states_are_each_the_person_of_that_state():
    text = ("Tomas Moro held talks with his Freedonian and Nordvikian counterparts in Vells. "
            "His Freedonian counterpart, Ilse Vance, and his Nordvikian counterpart, Anna Sorel, praised the talks.")
    specs = [_MORO, _VANCE_FD, ("person:sorel", "person", "Anna Sorel", "NL", []),
             ("FD", "state", "Freedonian", None, []), ("NL", "state", "Nordvikian", None, [])]
    events = _events(text, specs, "en")
    assert ("meet", ("person:moro", "person:vance")) in events and ("meet", ("person:moro", "person:sorel")) in events


def test_parties_the_counterparts_of_an_unnamed_minister_did_not_meet_each_other():
    text = "Minister holds talks with his Freedonian and Nordvikian counterparts"
    specs = [_VANCE_FD, ("person:sorel", "person", "Anna Sorel", "NL", []),
             ("FD", "state", "Freedonian", None, []), ("NL", "state", "Nordvikian", None, [])]
    assert _events(text, specs, "en") == []


def test_parties_the_title_of_a_state_without_a_name_is_its_one_person_but_not_a_plural_of_one_state():
    specs = [_MORO, _VANCE_FD, ("FD", "state", "Freedonia", None, [])]
    text = "Tomas Moro took a phone call from the Foreign Minister of Freedonia on Monday. Ilse Vance praised it."
    assert _events(text, specs, "en") == [("call", ("person:moro", "person:vance"))]
    text = "Tomas Moro met the military chiefs of Freedonia, the island's main ally, on Monday. Ilse Vance praised it."
    assert ("meet", ("person:moro", "person:vance")) not in _events(text, specs, "en")

@pytest.mark.parametrize("text", [
    "التقى إلسه فانس توماس مورو يوم الاثنين، بعد أيام من وفاة والده الرئيس \"آنا سوريل\".",
    "التقى إلسه فانس توماس مورو يوم الاثنين في ذكرى الرئيس الراحل آنا سوريل.",
])
def test_parties_arabic_the_deceased_is_no_party(text):
    trio = [("person:vance", "person", "إلسه فانس", None, []), ("person:moro", "person", "توماس مورو", None, []),
            ("person:sorel", "person", "آنا سوريل", None, [])]
    assert _events(text, trio, "ar") == [("meet", ("person:moro", "person:vance"))]
