"""Event dates: which of a document's dates an event takes, on sentences written for these tests
(fictional people); the date mentions are built by hand where the finder is not under test."""

from __future__ import annotations

import pytest

from communique.records import DateMention, Document, Event, Evidence
from communique.stages.event_dates import EventDate, event_date
from communique.stages.frames import Frame
from communique.stages.triggers import Trigger


def _doc(text: str, published: str | None = None, dateline_date: str | None = None) -> Document:
    return Document(id="sha256:t", source="t.txt", text=text, lang="en", published=published,
                    dateline_date=dateline_date)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n":
            out.append((start, i + 1))
            start = i + 2
    return out


def _frame(text: str, trigger: str, sentences: list[tuple[int, int]]) -> Frame:
    t = text.index(trigger)
    return Frame("meet", "occurred", ["person:a", "person:b"], {}, sentences, Trigger(t, t + len(trigger), trigger, "meet", False))


def _date(text: str, written: str, value: str, precision: str, relative: bool = False) -> DateMention:
    start = text.index(written)
    return DateMention(start, start + len(written), written, value, precision, relative)  # type: ignore[arg-type]


def test_event_date_takes_a_year_of_the_triggers_sentence_before_a_day_of_another_sentence():
    text = "Envoy Lina Varo hosted minister Tom Ekel on 3 March 2031. They had first met in 2027 in Lome."
    sents = _sentences(text)
    dates = [_date(text, "3 March 2031", "2031-03-03", "day"), _date(text, "2027", "2027", "year")]
    frame = _frame(text, "met", sents)     # both sentences are the event's; "met" is in the second
    assert event_date(_doc(text), frame, dates, None, sents) == EventDate("2027", "year", 0.2)


def test_event_date_takes_a_day_before_a_year_among_other_sentences():
    text = "Envoy Lina Varo met minister Tom Ekel. The talks on 3 March 2031 followed a visit in 2027."
    sents = _sentences(text)
    dates = [_date(text, "3 March 2031", "2031-03-03", "day"), _date(text, "2027", "2027", "year")]
    assert event_date(_doc(text), _frame(text, "met", sents), dates, None, sents).value == "2031-03-03"


def test_event_date_passes_over_a_year_that_starts_a_span():
    text = "Envoy Lina Varo, in office since 2027, met minister Tom Ekel. It was on 3 March 2031."
    sents = _sentences(text)
    dates = [_date(text, "2027", "2027", "year"), _date(text, "3 March 2031", "2031-03-03", "day")]
    assert event_date(_doc(text), _frame(text, "met", sents), dates, None, sents).value == "2031-03-03"


def test_event_date_of_a_headline_event_is_the_first_date_of_the_lead():
    text = ("Lina Varo meets Tom Ekel\nThe envoy Lina Varo received on Monday 3 March the minister Tom Ekel. "
            "A joint statement followed.")
    sents = _sentences(text)
    dates = [_date(text, "Monday 3 March", "2031-03-03", "day")]
    got = event_date(_doc(text, published="2031-03-05"), _frame(text, "meets", [sents[0]]), dates, None, sents)
    assert got == EventDate("2031-03-03", "day", 0.1)


def test_event_date_of_a_body_event_without_a_date_falls_back_on_the_dateline_then_the_publication():
    text = "Lina Varo meets Tom Ekel\nThe talks were cordial. The envoy Lina Varo met the minister Tom Ekel."
    sents = _sentences(text)
    frame = _frame(text, "met", [sents[2]])
    assert event_date(_doc(text, "2031-03-05", "2031-03-04"), frame, [], None, sents) == EventDate("2031-03-04", "day", 0.15)
    assert event_date(_doc(text, "2031-03-05"), frame, [], None, sents) == EventDate("2031-03-05", "day", 0.05)
    assert event_date(_doc(text), frame, [], None, sents) == EventDate()


def test_event_date_passes_over_the_date_of_a_document_it_cites():
    text = "On 3 March 2031 envoy Lina Varo, under a decision dated 5 May 2030, met minister Tom Ekel."
    sents = _sentences(text)
    dates = [_date(text, "5 May 2030", "2030-05-05", "day"), _date(text, "3 March 2031", "2031-03-03", "day")]
    assert event_date(_doc(text), _frame(text, "met", sents), dates, None, sents).value == "2031-03-03"


def _event(text: str, sentence: str, value: str, precision: str) -> Event:
    start = text.index(sentence)
    return Event(id="e1", type="meet", status="occurred", date=value, date_precision=precision, location=None,
                 parties=(), topics=(), evidence=(Evidence(sentence, start, start + len(sentence)),), confidence=0.5)


def test_event_date_keeps_the_previous_events_day_over_another_date_of_its_sentence():
    text = ("On 6 May 2031 envoy Lina Varo was received by Tom Ekel after the death, on 29 April 2031, of his aunt. "
            "On the sidelines, Lina Varo also met minister Aki Sorn.")
    sents = _sentences(text)
    dates = [_date(text, "6 May 2031", "2031-05-06", "day"), _date(text, "29 April 2031", "2031-04-29", "day")]
    previous = _event(text, text[sents[0][0]: sents[0][1]], "2031-05-06", "day")
    got = event_date(_doc(text), _frame(text, "met", [sents[1]]), dates, previous, sents)
    assert got == EventDate("2031-05-06", "day", 0.1)


def test_event_date_takes_no_year_of_the_previous_event_but_the_publication_date():
    text = "Envoy Lina Varo welcomed the accord signed in 2027. She thanked minister Tom Ekel for the invitation."
    sents = _sentences(text)
    previous = _event(text, text[sents[0][0]: sents[0][1]], "2027", "year")
    got = event_date(_doc(text, published="2031-03-05"), _frame(text, "thanked", [sents[1]]),
                     [_date(text, "2027", "2027", "year")], previous, sents)
    assert got == EventDate("2031-03-05", "day", 0.05)


@pytest.mark.parametrize("text, first, since, later", [
    ("Le 3 mars 2031, Lina Varo reçoit Tom Ekel. C'est sa première visite depuis le 20 avril. "
     "Ensuite, Lina Varo reçoit le ministre Aki Sorn.", "3 mars 2031", "20 avril", "reçoit le ministre"),
    ("استقبل السفير سامي وردان يوم 3 مارس 2031 الوزير كمال راجح. وهي الزيارة الأولى منذ 20 أبريل الماضي. "
     "وفي أعقاب ذلك، استقبل السفير الوزير نادر حلمي.", "3 مارس 2031", "20 أبريل الماضي", "استقبل السفير الوزير"),
])
def test_event_date_passes_over_a_day_that_starts_a_span_for_the_storys_date(text, first, since, later):
    sents = _sentences(text)
    dates = [_date(text, first, "2031-03-03", "day"), _date(text, since, "2030-04-20", "day")]
    got = event_date(_doc(text), _frame(text, later, [sents[2]]), dates, None, sents)
    assert got == EventDate("2031-03-03", "day", 0.1)


def test_event_date_returns_to_the_storys_day_after_a_flashback_dated_by_a_month():
    text = ("قبل يومين زار الوزير كمال راجح عمّان. وكان السفير سامي وردان قد التقاه في أكتوبر من 2029. "
            "وأثبتت الزيارة متانة العلاقات.")
    sents = _sentences(text)
    dates = [_date(text, "قبل يومين", "2031-03-03", "day", True), _date(text, "أكتوبر من 2029", "2029-10", "month")]
    previous = _event(text, text[sents[1][0]: sents[1][1]], "2029-10", "month")
    got = event_date(_doc(text, published="2031-03-05"), _frame(text, "الزيارة", [sents[2]]), dates, previous, sents)
    assert got == EventDate("2031-03-03", "day", 0.1)


def test_event_date_keeps_the_previous_events_month_where_no_day_was_written_before():
    text = "Envoy Lina Varo met minister Tom Ekel in October 2029. She also met minister Aki Sorn."
    sents = _sentences(text)
    dates = [_date(text, "October 2029", "2029-10", "month")]
    previous = _event(text, text[sents[0][0]: sents[0][1]], "2029-10", "month")
    got = event_date(_doc(text, published="2031-03-05"), _frame(text, "also met", [sents[1]]), dates, previous, sents)
    assert got == EventDate("2029-10", "month", 0.1)


def test_event_date_is_the_one_of_the_triggers_own_clause():
    text = "Envoy Lina Varo left Port Aubin on 3 May and met minister Tom Ekel in Vells on Tuesday, 4 May."
    sents = _sentences(text)
    dates = [_date(text, "3 May", "2031-05-03", "day"), _date(text, "Tuesday, 4 May", "2031-05-04", "day")]
    assert event_date(_doc(text), _frame(text, "met", sents), dates, None, sents).value == "2031-05-04"


@pytest.mark.parametrize("text, first, since, trigger", [
    ("Le 3 mars 2031, Lina Varo accueille Tom Ekel. Sa visite est la première depuis le 20 avril.",
     "3 mars 2031", "20 avril", "visite"),
    ("استقبل السفير سامي وردان يوم 3 مارس 2031 الوزير كمال راجح. وتعد هذه الزيارة الأولى منذ 20 أبريل الماضي.",
     "3 مارس 2031", "20 أبريل الماضي", "الزيارة"),
])
def test_event_date_of_an_event_whose_only_date_starts_a_span_is_the_storys_date(text, first, since, trigger):
    sents = _sentences(text)
    dates = [_date(text, first, "2031-03-03", "day"), _date(text, since, "2030-04-20", "day", True)]
    frame = Frame("visit", "occurred", ["person:a", "person:b"], {}, [sents[1]],
                  Trigger(text.index(trigger), text.index(trigger) + len(trigger), trigger, "visit", True))
    assert event_date(_doc(text), frame, dates, None, sents) == EventDate("2031-03-03", "day", 0.1)


def test_event_date_of_a_visit_under_way_since_a_day_is_that_day():
    text = "Lina Varo est en visite à Lome depuis lundi. Elle a rencontré Tom Ekel."
    sents = _sentences(text)
    dates = [_date(text, "lundi", "2031-03-03", "day", True)]
    frame = Frame("visit", "occurred", ["person:a", "state:tg"], {}, [sents[0]],
                  Trigger(text.index("visite"), text.index("visite") + 6, "visite", "visit", True))
    assert event_date(_doc(text, published="2031-03-05"), frame, dates, None, sents).value == "2031-03-03"


@pytest.mark.parametrize("text, lang, weekday", [
    ("Lina Varo a reçu Tom Ekel mardi à Lome. La crise dure depuis le 15 avril 2023.", "fr", "mardi"),
    ("التقى السفير سامي وردان اليوم الخميس الوزير كمال راجح. وتستمر الأزمة منذ 15 أبريل 2023.", "ar", "الخميس"),
])
def test_document_dates_take_no_span_start_as_the_storys_anchor(pipeline, text, lang, weekday):
    """Without a publication date, the story's first full date anchors its weekdays, but not a date that
    starts a span ("since 15 April 2023" is no day of the story)."""
    doc = Document(id="sha256:t", source="t.txt", text=text, lang=lang)
    _, dates = pipeline._document_dates(doc, lang)
    assert [d.value for d in dates if weekday in d.text] == [None]


def test_document_dates_read_no_weekday_of_the_lead_as_the_datelines_date(pipeline):
    text = "AGENCE/Lome\nMardi, Lina Varo a reçu Tom Ekel. L'accord date du 23 mars 2030."
    doc = Document(id="sha256:t", source="t.txt", text=text, lang="fr", dateline_place="Lome",
                   dateline_span=(0, text.index("\n")))
    doc, _ = pipeline._document_dates(doc, "fr")
    assert doc.dateline_date is None


@pytest.mark.parametrize("text, relative", [
    ("On 3 March 2031, Lina Varo arrived in Lome. The summit, which was held on 1 March 2031, had ended. "
     "In Lome she met Tom Ekel.", "1 March 2031"),
    ("وصلت السفيرة لينا فارو إلى لومي يوم 3 مارس 2031 بعد القمة التي انعقدت يوم 1 مارس 2031. "
     "وفي لومي التقت الوزير توم إيكل.", "1 مارس 2031"),
    ("Le 3 mars 2031, Lina Varo est arrivée à Lome, après le sommet qui s'est tenu le 1 mars 2031. "
     "À Lome, elle a rencontré Tom Ekel.", "1 mars 2031"),
])
def test_event_date_takes_no_day_of_a_relative_clause_as_the_storys_date(text, relative):
    sents = _sentences(text)
    first = next(w for w in ("3 March 2031", "3 مارس 2031", "3 mars 2031") if w in text)
    dates = [_date(text, first, "2031-03-03", "day"), _date(text, relative, "2031-03-01", "day")]
    later = _frame(text, next(w for w in ("met", "التقت", "rencontré") if w in text), [sents[-1]])
    assert event_date(_doc(text), later, dates, None, sents) == EventDate("2031-03-03", "day", 0.1)
    # the report's own day stays the story's day in any clause ("the session the cabinet held today")
    assert event_date(_doc(text, published="2031-03-01"), later, dates, None, sents) == EventDate("2031-03-01", "day", 0.1)


def test_event_date_keeps_the_day_of_a_cleft_as_the_storys_date():
    text = ("C'est le ministre Tom Ekel qui l'a annoncé samedi 8 mars. Il avait reçu Lina Varo. "
            "En visite à Lome, elle a rencontré Aki Sorn.")
    sents = _sentences(text)
    dates = [_date(text, "samedi 8 mars", "2031-03-08", "day", True)]
    got = event_date(_doc(text), _frame(text, "rencontré", [sents[-1]]), dates, None, sents)
    assert got == EventDate("2031-03-08", "day", 0.1)


def test_writing_day_is_the_weekday_a_relative_day_with_its_weekday_pins():
    from datetime import date

    from communique.stages.dates_ar import find_dates_ar
    from communique.stages.writing_day import writing_day

    text = "وصلت السفيرة لينا فارو صباح الاثنين إلى لومي بعد جلسة 13 أبريل 2031. وتشارك غدا الثلاثاء في الاجتماع."
    anchor = date(2031, 4, 13)                        # a Sunday: "tomorrow Tuesday" is written on a Monday
    assert writing_day(find_dates_ar(text, anchor), anchor) == date(2031, 4, 14)
    plain = "وصلت السفيرة لينا فارو صباح الاثنين إلى لومي بعد جلسة 13 أبريل 2031."
    assert writing_day(find_dates_ar(plain, anchor), anchor) == anchor


def test_document_dates_read_weekdays_against_the_writing_day(pipeline):
    text = "وصلت السفيرة لينا فارو صباح الاثنين إلى لومي بعد جلسة 13 أبريل 2031. وتشارك غدا الثلاثاء في الاجتماع."
    doc = Document(id="sha256:t", source="t.txt", text=text, lang="ar")
    _, dates = pipeline._document_dates(doc, "ar")
    assert {d.text: d.value for d in dates}["الاثنين"] == "2031-04-14"


@pytest.mark.parametrize("text, noun", [
    ("On Monday the two ministers praised the visit King Aran Tol paid to Lome last spring.", "visit"),
    ("Lundi, les ministres ont salué la visite effectuée par le roi Aran Tol à Lome.", "visite"),
    ("ونوه المجلس اليوم الاثنين بنتائج الزيارة التي قام بها الأمير آران تول إلى لومي.", "الزيارة"),
])
def test_event_date_of_a_visit_told_as_done_before_the_story_is_none(text, noun):
    sents = _sentences(text)
    frame = Frame("visit", "occurred", ["person:a", "state:tg"], {}, [sents[0]],
                  Trigger(text.index(noun), text.index(noun) + len(noun), noun, "visit", True))
    previous = Event(id="e0", type="meet", status="occurred", date="2031-03-03", date_precision="day",
                     location=None, parties=(), topics=(), evidence=(Evidence(text[:5], 0, 5),), confidence=0.5)
    # neither the report's day nor the story's current date: the visit was paid before
    assert event_date(_doc(text, published="2031-03-03"), frame, [], previous, sents) == EventDate()


def test_event_date_passes_over_a_date_of_a_participle_set_off_after_a_name_in_another_sentence():
    text = ("Au sommet de Lome, Lina Varo a rencontré Tom Ekel. "
            "Le Sylvania, réintégré au sein de l'Union en mai dernier, a salué la rencontre.")
    sents = _sentences(text)
    dates = [_date(text, "mai dernier", "2031-05", "month", True)]
    frame = _frame(text, "rencontré", sents)        # both sentences tell the meeting
    assert event_date(_doc(text), frame, dates, None, sents) == EventDate()
    # in the trigger's own sentence the date is the event's
    own = "Lina Varo, arrivée à Lome en mai dernier, a rencontré Tom Ekel."
    frame = _frame(own, "rencontré", _sentences(own))
    assert event_date(_doc(own), frame, [_date(own, "mai dernier", "2031-05", "month", True)], None,
                      _sentences(own)).value == "2031-05"


@pytest.mark.parametrize("said", ["On the next day", "The following day", "A day later"])
def test_event_date_of_an_event_told_the_next_day_is_the_day_after_the_previous_event(said):
    text = f"On 6 May 2031 envoy Lina Varo met Tom Ekel. {said}, Lina Varo met minister Aki Sorn."
    sents = _sentences(text)
    dates = [_date(text, "6 May 2031", "2031-05-06", "day")]
    previous = _event(text, text[sents[0][0]: sents[0][1]], "2031-05-06", "day")
    got = event_date(_doc(text, published="2031-05-09"), _frame(text, "met minister", [sents[1]]), dates, previous, sents)
    assert got == EventDate("2031-05-07", "day", 0.1)
