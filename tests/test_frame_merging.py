"""Frame merging: how the frames of one document become events (a signing beside the meeting where it was
signed), on sentences written for these tests (fictional people and states)."""

from __future__ import annotations

import re

import pytest

from communique.records import Document, Entity, Mention
from communique.stages.frame_merging import without_headline_echoes
from communique.stages.frames import Frame
from communique.stages.triggers import Trigger

from .test_visits import _events

_SIDES = [("person:vance", "person", "Ilse Vance", None, "SY"), ("person:moro", "person", "Tomas Moro", None, "FD"),
          ("SY", "state", "Sylvania", "SY", None), ("FD", "state", "Freedonia", "FD", None)]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance held talks with Tomas Moro on Monday. At the close of the talks, the two ministers signed three "
     "agreements on trade. Sylvania and Freedonia are neighbours.", "en"),
    ("Ilse Vance s'est entretenue lundi avec Tomas Moro. À l'issue de cette rencontre, les deux ministres ont signé "
     "trois accords commerciaux. La Sylvania et la Freedonia sont voisines.", "fr"),
])
def test_frame_merging_a_signing_by_the_two_sides_is_an_agreement_beside_the_meeting(text, lang):
    got = _events(text, _SIDES, lang)
    assert ("meet", ("person:vance", "person:moro")) in got
    assert ("agreement", ("person:vance", "person:moro")) in got


def test_frame_merging_arabic_the_meeting_resulted_in_a_signing():
    text = "التقى إلسه فانس توماس مورو اليوم. وأسفر اللقاء عن توقيع مذكرة تفاهم للتعاون. وتجمع فريدونيا وسيلفانيا علاقات قديمة."
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
             ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None)]
    got = _events(text, specs, "ar")
    assert [e for e in got if e[0] == "agreement"] == [("agreement", ("person:vance", "person:moro"))]
    assert [e for e in got if e[0] == "meet"] == [("meet", ("person:vance", "person:moro"))]


@pytest.mark.parametrize("text", [
    # a signing by someone else, or one planned, is no agreement of the meeting's sides
    "Ilse Vance held talks with Tomas Moro on Monday. The two ministers will sign a trade agreement next year. "
    "Sylvania and Freedonia are neighbours.",
    "Ilse Vance held talks with Tomas Moro on Monday. After the talks, Anna Berg signed the guest book. "
    "Sylvania and Freedonia are neighbours.",
    # a document named, not a signing told
    "Ilse Vance held talks with Tomas Moro on Monday. They discussed the memorandum of understanding that binds the "
    "two countries. Sylvania and Freedonia are neighbours.",
])
def test_frame_merging_no_agreement_of_the_meeting_when_planned_signed_by_another_or_only_named(text):
    specs = _SIDES + [("person:berg", "person", "Anna Berg", None, None)]
    assert not [e for e in _events(text, specs, "en") if e[0] == "agreement" and set(e[1]) == {"person:vance", "person:moro"}]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance held talks with Tomas Moro and took part in a wreath-laying ceremony. Sylvania and Freedonia "
     "are neighbours.", "en"),
    ("Signing the memorandum for Sylvania was Ilse Vance, while Freedonia was represented by Tomas Moro. "
     "The talks went well.", "en"),
])
def test_frame_merging_attending_the_event_the_sentence_tells_is_no_conference(text, lang):
    got = _events(text, _SIDES, lang)
    assert not [e for e in got if e[0] == "conference"]
    assert [e[0] for e in got] in (["meet"], ["agreement"])


def test_frame_merging_arabic_those_who_attended_the_meeting_and_signing_are_its_parties():
    text = ("التقى إلسه فانس اليوم توماس مورو. وحضر اللقاء ومراسم توقيع المذكرة السفير آدم كرول. "
            "وتجمع فريدونيا وسيلفانيا علاقات قديمة.")
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
             ("person:krol", "person", "آدم كرول", None, "SY"),
             ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None)]
    got = _events(text, specs, "ar")
    assert ("meet", ("person:vance", "person:moro", "person:krol")) in got
    assert ("agreement", ("person:vance", "person:moro", "person:krol")) in got
    assert not [e for e in got if e[0] == "conference"]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance and Tomas Moro signed a trade memorandum on Monday. During the meeting, the two sides discussed "
     "the border. Sylvania and Freedonia are neighbours.", "en"),
    ("Ilse Vance et Tomas Moro ont signé lundi un mémorandum commercial. Lors de l'entretien, les deux parties ont "
     "évoqué la frontière. La Sylvania et la Freedonia sont voisines.", "fr"),
])
def test_frame_merging_the_meeting_named_after_a_signing_is_a_meeting_beside_it(text, lang):
    got = _events(text, _SIDES, lang)
    assert ("agreement", ("person:vance", "person:moro")) in got
    assert ("meet", ("person:vance", "person:moro")) in got


def test_frame_merging_arabic_the_two_sides_during_the_meeting_after_a_signing():
    text = ("وقّع إلسه فانس وتوماس مورو مذكرة تفاهم اليوم. وتناول الجانبان أثناء اللقاء عددا من القضايا. "
            "وتجمع فريدونيا وسيلفانيا علاقات قديمة.")
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
             ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None)]
    got = _events(text, specs, "ar")
    assert [e[0] for e in got if set(e[1]) == {"person:vance", "person:moro"}] == ["agreement", "meet"]


@pytest.mark.parametrize("text", [
    # no meeting named: the sentence only goes on about the signing
    "Ilse Vance and Tomas Moro signed a trade memorandum on Monday. The two sides discussed the border. "
    "Sylvania and Freedonia are neighbours.",
    # a meeting of someone else
    "Ilse Vance and Tomas Moro signed a trade memorandum on Monday. During the meeting, Anna Berg spoke of the "
    "border. Sylvania and Freedonia are neighbours.",
])
def test_frame_merging_no_meeting_beside_a_signing_unless_named_of_its_sides(text):
    specs = _SIDES + [("person:berg", "person", "Anna Berg", None, None)]
    got = _events(text, specs, "en")
    assert not [e for e in got if e[0] == "meet" and set(e[1]) == {"person:vance", "person:moro"}]


def test_frame_merging_a_source_the_sentence_opens_on_names_no_one_new():
    text = ("Ilse Vance and Tomas Moro signed a trade memorandum on Monday. According to the Harbour News Agency, the "
            "two sides discussed the border during the meeting. Sylvania and Freedonia are neighbours.")
    specs = _SIDES + [("HNA", "organization", "Harbour News Agency", None, None)]
    assert ("meet", ("person:vance", "person:moro")) in _events(text, specs, "en")


_MINISTERS = _SIDES + [("person:berg", "person", "Anna Berg", None, "SY"), ("person:kask", "person", "Jaan Kask", None, "FD")]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance and Tomas Moro attended the signing of four agreements on Monday. One of them, on trade, was signed "
     "by Anna Berg and Jaan Kask. Sylvania and Freedonia are neighbours.", "en"),
    ("Ilse Vance et Tomas Moro ont signé lundi plusieurs accords. L'un d'eux, sur le commerce, a été signé par "
     "Anna Berg et Jaan Kask. La Sylvania et la Freedonia sont voisines.", "fr"),
])
def test_frame_merging_the_texts_of_one_signing_of_several_are_that_signing(text, lang):
    assert [e for e in _events(text, _MINISTERS, lang) if e[0] == "agreement"] == [
        ("agreement", ("person:vance", "person:moro", "person:berg", "person:kask"))]


def test_frame_merging_arabic_memoranda_listed_after_their_signing_are_that_signing():
    text = ("وقع إلسه فانس وتوماس مورو اليوم مذكرات تفاهم في مجالات عدة. مذكرة تفاهم تجارية وقعتها آنا بيرغ "
            "ويان كاسك. وتجمع فريدونيا وسيلفانيا علاقات قديمة.")
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
             ("person:berg", "person", "آنا بيرغ", None, "SY"), ("person:kask", "person", "يان كاسك", None, "FD"),
             ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None)]
    assert [e for e in _events(text, specs, "ar") if e[0] == "agreement"] == [
        ("agreement", ("person:vance", "person:moro", "person:berg", "person:kask"))]


def test_frame_merging_a_signing_of_other_states_after_a_signing_of_several_stays_apart():
    specs = _MINISTERS + [("person:lind", "person", "Olga Lind", None, "LT"), ("person:rask", "person", "Pavel Rask", None, "OS"),
                          ("LT", "state", "Latveria", "LT", None), ("OS", "state", "Osterlich", "OS", None)]
    text = ("Ilse Vance and Tomas Moro signed four agreements on Monday. A treaty was signed on Tuesday by Olga Lind "
            "and Pavel Rask. Latveria and Osterlich are neighbours.")
    assert [e for e in _events(text, specs, "en") if e[0] == "agreement"] == [
        ("agreement", ("person:lind", "person:rask")), ("agreement", ("person:vance", "person:moro"))]


_COMPANY = _SIDES + [("person:berg", "person", "Anna Berg", None, None), ("person:kask", "person", "Jaan Kask", None, None)]


@pytest.mark.parametrize("text, lang", [
    ("Ilse Vance hosted Tomas Moro on Monday; also present were Anna Berg and Jaan Kask. Sylvania and Freedonia are "
     "neighbours.", "en"),
    ("Ilse Vance a reçu lundi Tomas Moro, en présence de Anna Berg et de Jaan Kask. La Sylvania et la Freedonia sont "
     "voisines.", "fr"),
    ("Ilse Vance a reçu lundi Tomas Moro; étaient également présents Anna Berg et Jaan Kask. La Sylvania et la "
     "Freedonia sont voisines.", "fr"),
])
def test_frame_merging_those_named_after_a_word_of_company_are_parties_of_the_one_meeting(text, lang):
    assert [e for e in _events(text, _COMPANY, lang) if e[0] == "meet"] == [
        ("meet", ("person:vance", "person:moro", "person:berg", "person:kask"))]


def test_frame_merging_arabic_those_who_accompanied_the_guest_are_parties_of_the_one_meeting():
    # the guest came with an adviser and with the host state's own ambassador to the guest's state
    text = "استقبل إلسه فانس اليوم توماس مورو، وكان برفقته آنا بيرغ ويان كاسك. وتجمع فريدونيا وسيلفانيا علاقات قديمة."
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
             ("person:berg", "person", "آنا بيرغ", None, None), ("person:kask", "person", "يان كاسك", None, "SY"),
             ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None)]
    got = [e for e in _events(text, specs, "ar") if e[0] == "meet"]
    assert len(got) == 1 and set(got[0][1]) == {"person:vance", "person:moro", "person:berg", "person:kask"}


def test_frame_merging_counterparts_named_without_a_word_of_company_are_met_one_by_one():
    text = "Ilse Vance met Tomas Moro, Anna Berg and Jaan Kask on Monday. Sylvania and Freedonia are neighbours."
    assert len([e for e in _events(text, _COMPANY, "en") if e[0] == "meet"]) == 3


def _headline_and_story(title_type: str, title_parties: list[str]) -> list[list[str]]:
    """The parties of the frames left of a headline frame and a story meeting of Ilse Vance (of Sylvania) and
    Tomas Moro (of Freedonia), built by hand."""
    title = "Ilse Vance receives her Freedonian counterpart"
    text = title + "\nOn Monday, Ilse Vance received Tomas Moro in Port Lys."
    ents = {e.id: e for e in [Entity("person:vance", "person", "Ilse Vance", affiliation="SY"),
                              Entity("person:moro", "person", "Tomas Moro", affiliation="FD"),
                              Entity("person:berg", "person", "Anna Berg"),
                              Entity("SY", "state", "Sylvania"), Entity("FD", "state", "Freedonia")]}
    doc = Document(id="sha256:h", source="h.txt", text=text, lang="en", title_span=(0, len(title)))
    headline = Frame(title_type, "occurred", title_parties, {}, [(0, len(title))], Trigger(11, 19, "receives", "meet", False))
    story = Frame("meet", "occurred", ["person:vance", "person:moro"], {}, [(len(title) + 1, len(text))],
                  Trigger(len(title) + 23, len(title) + 31, "received", "meet", False))
    return [f.parties for f in without_headline_echoes(doc, [headline, story], ents)]


def test_frame_merging_a_headline_of_a_person_and_a_state_echoes_the_story_meeting_of_its_person():
    assert _headline_and_story("meet", ["person:vance", "FD"]) == [["person:vance", "person:moro"]]


@pytest.mark.parametrize("title_type, title_parties", [
    ("visit", ["person:vance", "FD"]),          # a visit to the state is an event beside the meeting
    ("meet", ["person:vance", "person:berg"]),  # a person the story does not name
])
def test_frame_merging_a_headline_of_a_visit_or_of_another_person_is_no_echo(title_type, title_parties):
    assert len(_headline_and_story(title_type, title_parties)) == 2


@pytest.mark.parametrize("text, dated, lang", [
    ("Ilse Vance visited Freedonia on 20 February. Ilse Vance had visited Freedonia on 24 January, for talks.",
     [("20 February", "2024-02-20"), ("24 January", "2024-01-24")], "en"),
    ("وزار إلسه فانس فريدونيا في فبراير الماضي. وكان إلسه فانس قد زار فريدونيا في 24 يناير لإجراء محادثات.",
     [("فبراير الماضي", "2024-02"), ("24 يناير", "2024-01-24")], "ar"),
])
def test_frame_merging_the_same_visit_told_on_dates_far_apart_is_two_visits(text, dated, lang):
    import re

    from communique.records import DateMention, Mention
    from communique.stages.events import EventContext, extract_events

    forms = [("person:vance", "person", "إلسه فانس" if lang == "ar" else "Ilse Vance", None, "SY"),
             ("FD", "state", "فريدونيا" if lang == "ar" else "Freedonia", "FD", None)]
    ents = [Entity(i, k, f, [f], [Mention(m.start(), m.end(), f, k, 0) for m in re.finditer(f, text)],  # type: ignore[arg-type]
                   affiliation=a, country=c) for i, k, f, c, a in forms]
    dates = [DateMention(text.index(t), text.index(t) + len(t), t, v, "day" if len(v) == 10 else "month")
             for t, v in dated]
    doc = Document(id="sha256:d", source="d.txt", text=text, lang=lang)
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    cut = text.find(". ") + 1 if ". " in text else len(text)
    sents = [(0, cut)] + ([(cut + 1, len(text))] if cut < len(text) else [])
    visits = [e.date for e in extract_events(doc, ents, sents, dates, ctx) if e.type == "visit" and e.status == "occurred"]
    assert sorted(visits) == sorted(v for _, v in dated)


_VISITOR_AND_HOST = [("person:vance", "person", "Ilse Vance", None, "SY"), ("FD", "state", "Freedonia", "FD", None)]
_AR_VISITOR_AND_HOST = [("person:vance", "person", "إلسه فانس", None, "SY"), ("FD", "state", "فريدونيا", "FD", None)]


@pytest.mark.parametrize("text, specs, lang", [
    ("Ilse Vance postponed her visit to Freedonia on Monday. Officials said the visit of Ilse Vance to Freedonia "
     "was meant to cover trade.", _VISITOR_AND_HOST, "en"),
    ("Ilse Vance a reporté lundi sa visite en Freedonia. Selon un diplomate, la visite de Ilse Vance en Freedonia "
     "portait sur le commerce.", _VISITOR_AND_HOST, "fr"),
    # the later sentence's talks ("تشمل بحث") are no meeting held either
    ("أعلن مسؤول أن زيارة إلسه فانس إلى فريدونيا أرجئت. وكان مسؤول آخر قد صرح بأن زيارة إلسه فانس إلى فريدونيا "
     "تشمل بحث ملفات التعاون.", _AR_VISITOR_AND_HOST, "ar"),
])
def test_frame_merging_a_visit_noun_after_the_same_visit_called_off_is_not_one_that_happened(text, specs, lang):
    assert _events(text, specs, lang) == []


@pytest.mark.parametrize("text, lang", [
    # a verb that performs the visit tells that it happened after all
    ("Ilse Vance postponed her visit to Freedonia in May. In June, Ilse Vance paid a visit to Freedonia.", "en"),
    ("Ilse Vance a reporté sa visite en Freedonia en mai. En juin, Ilse Vance a effectué une visite en Freedonia.", "fr"),
])
def test_frame_merging_a_visit_performed_after_being_called_off_happened(text, lang):
    assert _events(text, _VISITOR_AND_HOST, lang) == [("visit", ("person:vance", "FD"))]


@pytest.mark.parametrize("text, specs, lang", [
    ("A meeting between Ilse Vance and Tomas Moro set for Friday in Freedonia has been cancelled. The visit of Ilse "
     "Vance to Freedonia was part of a thaw between the two countries.", _SIDES, "en"),
    ("أرجئ لقاء كان مبرمجا بين إلسه فانس وتوماس مورو في فريدونيا. وكانت زيارة إلسه فانس إلى فريدونيا تدخل ضمن مسار "
     "تطبيع العلاقات.", _AR_VISITOR_AND_HOST + [("person:moro", "person", "توماس مورو", None, "FD")], "ar"),
])
def test_frame_merging_a_visit_noun_after_the_visitor_s_meeting_in_the_host_state_called_off(text, specs, lang):
    # the meeting with a person of the host state was the visit's purpose: its visit is called off too
    assert _events(text, specs, lang) == []


def _headline_of_a_fund(body: str) -> list[list[str]]:
    """The parties of the frames left of a headline frame "Ilse Vance meets the director of the Harbour Fund" (Vance
    and the fund) and a story meeting of Vance and Tomas Moro told in `body`, built by hand."""
    title = "Ilse Vance meets the director of the Harbour Fund"
    text = title + "\n" + body
    body_start = len(title) + 1
    fund = [Mention(m.start(), m.end(), "Harbour Fund", "organization", 0) for m in re.finditer("Harbour Fund", text)]
    ents = {e.id: e for e in [Entity("person:vance", "person", "Ilse Vance", affiliation="SY"),
                              Entity("person:moro", "person", "Tomas Moro"),
                              Entity("org:fund", "organization", "Harbour Fund", mentions=fund),
                              Entity("SY", "state", "Sylvania")]}
    doc = Document(id="sha256:h", source="h.txt", text=text, lang="en", title_span=(0, len(title)))
    headline = Frame("meet", "occurred", ["person:vance", "org:fund"], {}, [(0, len(title))],
                     Trigger(11, 16, "meets", "meet", False))
    met = text.index("met", body_start)
    story = Frame("meet", "occurred", ["person:vance", "person:moro"], {}, [(body_start, len(text))],
                  Trigger(met, met + 3, "met", "meet", False))
    return [f.parties for f in without_headline_echoes(doc, [headline, story], ents)]


def test_frame_merging_a_headline_of_a_person_and_a_body_the_story_names_beside_its_meeting_is_an_echo():
    # "Vance meets the Harbour Fund's director": the story's meeting names the fund in its sentence, not as a party
    body = "On Monday, Ilse Vance met Tomas Moro, director of the Harbour Fund, in Port Lys."
    assert _headline_of_a_fund(body) == [["person:vance", "person:moro"]]


def test_frame_merging_a_headline_body_the_story_never_names_again_is_no_echo():
    assert len(_headline_of_a_fund("On Monday, Ilse Vance met Tomas Moro in Port Lys.")) == 2


def test_frame_merging_a_text_signed_by_a_ministry_named_with_the_feminine_adjective_of_a_state_joins_the_signing():
    from communique.stages.frame_merging import one_signing_of_many

    text = ("وقعت سيلفانيا وفريدونيا اليوم مذكرات تفاهم في مجالات عدة.\n"
            "- مذكرة تفاهم في المجال الأمني وقعتها وزارة الداخلية السيلفانية ممثلة بالوزير يان كاسك.")
    first_end = text.index("\n")

    def ent(eid: str, kind: str, forms: list[str], affiliation: str | None = None) -> Entity:
        mentions = [Mention(m, m + len(f), f, kind, 0) for f in forms for m in [text.find(f)] if m >= 0]
        return Entity(eid, kind, forms[0], forms, mentions, affiliation=affiliation)  # type: ignore[arg-type]

    ents = {e.id: e for e in [ent("SY", "state", ["سيلفانيا", "السيلفاني"]), ent("FD", "state", ["فريدونيا"]),
                              ent("org:moi", "organization", ["وزارة الداخلية السيلفانية"]),
                              ent("person:kask", "person", ["يان كاسك"])]}
    signing = Frame("agreement", "occurred", ["SY", "FD"], {}, [(0, first_end)],
                    Trigger(0, 4, "وقعت", "agreement", False))
    one_text = Frame("agreement", "occurred", ["org:moi", "person:kask"], {}, [(first_end + 1, len(text))],
                     Trigger(text.index("وقعتها"), text.index("وقعتها") + 6, "وقعتها", "agreement", False))
    got = one_signing_of_many(text, [signing, one_text], ents)
    assert len(got) == 1 and set(got[0].parties) == {"SY", "FD", "org:moi", "person:kask"}


_TOUR = [("person:oulad", "person", "كريم أولاد", None, "RT"), ("RT", "state", "روريتانيا", "RT", None),
         ("FD", "state", "فريدونيا", "FD", None), ("SY", "state", "سيلفانيا", "SY", None),
         ("GD", "state", "غراندونيا", "GD", None)]


def test_frame_merging_the_stops_of_a_tour_the_story_does_not_tell_made_are_ahead():
    from .test_visits import _events
    text = ("وزير خارجية روريتانيا كريم أولاد يزور فريدونيا وسيلفانيا وغراندونيا في أولى جولاته. "
            "وبدأ كريم أولاد أمس زيارة رسمية إلى فريدونيا تستمر يومين. ويبحث الجانبان التعاون")
    got = _events(text, _TOUR, "ar")
    assert ("visit", ("person:oulad", "FD")) in got
    assert ("visit", ("person:oulad", "SY")) not in got and ("visit", ("person:oulad", "GD")) not in got


def test_frame_merging_a_tour_told_by_its_listing_alone_or_stop_by_stop_is_made():
    from .test_visits import _events
    headline = "وزير خارجية روريتانيا كريم أولاد يزور فريدونيا وسيلفانيا في أولى جولاته. "
    got = _events(headline + "ويبحث الوزير التعاون", _TOUR, "ar")
    assert ("visit", ("person:oulad", "FD")) in got and ("visit", ("person:oulad", "SY")) in got
    text = headline + "وزار كريم أولاد أمس فريدونيا. ثم زار كريم أولاد سيلفانيا اليوم"
    got = _events(text, _TOUR, "ar")
    assert ("visit", ("person:oulad", "FD")) in got and ("visit", ("person:oulad", "SY")) in got


def _headlined_events(headline: str, body: str, specs) -> list[tuple[str, str, tuple[str, ...]]]:
    """(type, status, parties) of a hand-built Arabic document whose first line is its headline."""
    import re as _re
    from communique.records import Document, Entity, Mention
    from communique.stages.events import EventContext, extract_events
    text = headline + "\n\n" + body
    ents = [Entity(i, kind, form, [form], [Mention(m.start(), m.end(), form, kind, 0)  # type: ignore[arg-type]
                                           for m in _re.finditer(_re.escape(form), text)],
                   affiliation=aff, country=country) for i, kind, form, country, aff in specs]
    doc = Document(id="sha256:h", source="h.txt", text=text, lang="ar", title_span=(0, len(headline)))
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    sents, start = [(0, len(headline))], len(headline) + 2
    for part in body.split(". "):
        sents.append((start, start + len(part) + 1))
        start += len(part) + 2
    return sorted((e.type, e.status, tuple(p.entity for p in e.parties)) for e in extract_events(doc, ents, sents, [], ctx))


_HOSTS = [("person:oulad", "person", "كريم أولاد", None, "RT"), ("person:vance", "person", "إلسه فانس", None, "SY"),
          ("RT", "state", "روريتانيا", "RT", None), ("SY", "state", "سيلفانيا", "SY", None)]


def test_frame_merging_a_headline_of_a_meeting_the_body_says_is_to_come_is_planned():
    headline = "كريم أولاد يلتقي إلسه فانس في العاصمة"
    body = "أعلنت الرئاسة أمس أن الرئيس كريم أولاد سيلتقي الوزيرة إلسه فانس يوم الخميس المقبل. وتجمع البلدين علاقات قديمة"
    got = _headlined_events(headline, body, _HOSTS)
    assert not any(status == "occurred" and t == "meet" for t, status, _ in got)
    body = "التقى الرئيس كريم أولاد أمس الوزيرة إلسه فانس. وتجمع البلدين علاقات قديمة"
    got = _headlined_events(headline, body, _HOSTS)
    assert ("meet", "occurred", ("person:oulad", "person:vance")) in got
