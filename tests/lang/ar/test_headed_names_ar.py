"""Arabic names of bodies and places from their head nouns, on sentences written for these tests
(fictional bodies, places, people and states): the construct chain and its adjectives, the words that end a
name, a portfolio that belongs to a title, a body inside a person's function that is no party, a state
adjective right before a name."""

from __future__ import annotations

import pytest

from communique.records import Entity, Mention
from communique.stages.gazetteer import Gazetteer, GazetteerEntry
from communique.stages.mentions import MentionContext, find_mentions
from communique.stages.headed_names_ar import arabic_headed_names
from communique.stages.parties import sentence_parties


def _orgs(text: str, blocked: list[tuple[int, int]] = (), states: tuple[str, ...] = ()) -> list[str]:
    return [text[s:e] for s, e, _ in arabic_headed_names(text, list(blocked), lambda form: form in states)]


@pytest.mark.parametrize("text, org", [
    # the construct chain and its adjectives, with the article, joined portfolios of a ministry
    ("وأعلنت وزارة الشؤون الخارجية والتعاون الدولي أن الوفد وصل.", "وزارة الشؤون الخارجية والتعاون الدولي"),
    ("وقرر المجلس العسكري الانتقالي في البلاد تمديد المهلة.", "المجلس العسكري الانتقالي"),
    # a construct noun without the article on the chain; a clitic before the head is not in the name
    ("وانعقد مجلس وزراء الداخلية العرب أمس.", "مجلس وزراء الداخلية العرب"),
    ("وأشاد الوفد بالهيئة الوطنية للمياه.", "الهيئة الوطنية للمياه"),
    # 'لـ' goes on a name (the Assembly of a body) ...
    ("وتحدث أمام الجمعية العامة للاتحاد الزراعي.", "الجمعية العامة للاتحاد الزراعي"),
])
def test_organizations_ar_head_and_chain(text, org):
    assert _orgs(text) == [org]


@pytest.mark.parametrize("text, org", [
    ("وقال الناطق باسم الرئاسة الفلانية اليوم إن اللقاء مثمر.", "الرئاسة الفلانية"),     # a time word
    ("وأوضح مجلس الأمن الوطني الذي اجتمع أمس أن الوضع هادئ.", "مجلس الأمن الوطني"),   # a pronoun
    ("واستقبل وكيل وزارة الخارجية للشؤون القنصلية الوفد.", "وزارة الخارجية"),          # a title's 'لـ'
    ("وأشادت رئاسة المجلس الأعلى بالنتائج.", "المجلس الأعلى"),                           # the second head
    ("وانطلقت أشغال مجلس وزراء الخارجية المقررة في العاصمة.", "مجلس وزراء الخارجية"),   # the event's
])
def test_organizations_ar_words_that_end_a_name(text, org):
    assert _orgs(text) == [org]


@pytest.mark.parametrize("text", [
    # a summit or a presidency qualified by what it is like, not by whose it is, is no name
    "وأكد الوزير أهمية القمة الحاسمة التي تعقد الأسبوع المقبل.",
    "وتسلم الرئيس الرئاسة الدورية للمجموعة.",
    "وشارك الوفد في أشغال القمة العادية الرابعة.",
])
def test_organizations_ar_an_evaluative_or_periodic_adjective_ends_the_name(text):
    assert _orgs(text) == []


def test_organizations_ar_a_new_head_after_and_starts_a_new_name():
    assert _orgs("وحضر ممثلو الاتحاد الزراعي والاتحاد المهني.") == ["الاتحاد الزراعي", "الاتحاد المهني"]


def test_organizations_ar_portfolio_of_a_title_is_no_organization():
    assert _orgs("وقال وزير الخارجية الزمرستاني إن اللقاء مثمر.") == []
    assert _orgs("وذكرت الخارجية الزمرستانية أن اللقاء مثمر.") == ["الخارجية الزمرستانية"]


def test_organizations_ar_a_state_adjective_ends_the_name_and_a_state_government_is_the_state():
    text = "ونقلت وكالة الأنباء الزمرستانية الخبر."
    adjective = (text.index("الزمرستانية"), text.index("الزمرستانية") + len("الزمرستانية"))
    assert [text[s:e] for s, e, _ in arabic_headed_names(text, [adjective], lambda form: False, [adjective])] \
        == ["وكالة الأنباء الزمرستانية"]
    assert _orgs(text, [adjective]) == ["وكالة الأنباء"]     # a name found before, no state's adjective
    text = "ونقلت وكالة الأنباء الزمرستانية الرسمية الخبر."
    adjective = (text.index("الزمرستانية"), text.index("الزمرستانية") + len("الزمرستانية"))
    assert [text[s:e] for s, e, _ in arabic_headed_names(text, [adjective], lambda form: False, [adjective])] \
        == ["وكالة الأنباء الزمرستانية الرسمية"]
    assert _orgs("وأعلنت الحكومة الزمرستانية موافقتها.", states=("الزمرستانية",)) == []


@pytest.mark.parametrize("text, place", [
    ("وجرت المباحثات في قصر الضيافة بالعاصمة.", "قصر الضيافة"),            # a place of the article
    ("وحطت طائرته في مطار فلانستان الدولي مساء أمس.", "مطار فلانستان الدولي"),  # a name without it
    ("وانتشرت القوات على ضفتي نهر فلان وشرقه.", "نهر فلان"),                  # no 'و' after a place
])
def test_places_ar_head_and_name(text, place):
    names = arabic_headed_names(text, [], lambda form: False)
    assert [(text[s:e], kind) for s, e, kind in names] == [(place, "place")]


def test_places_ar_head_with_the_article_or_without_a_name_is_no_place():
    assert _orgs("وتحدث عن القصر الذي بناه الملك.") == []           # "the palace": named before
    assert _orgs("وتوجه الوفد إلى مطار خاص في المدينة.") == []        # an adjective without the article


def test_clitic_ar_a_known_word_keeps_its_first_letter():
    from communique.stages.mentions import strip_arabic_clitic
    known = {"باريس", "اريس", "واشنطن"}.__contains__
    assert strip_arabic_clitic("باريس", 0, 5, known) == (0, 5)
    assert strip_arabic_clitic("وواشنطن", 0, 7, known) == (1, 7)


def test_organizations_ar_name_the_ner_cut_short_is_replaced(ner_doc):
    text = "وشارك في الاجتماع ممثل منظمة التعاون الزراعي الإقليمي أمس."
    doc = ner_doc(text, "ar", [("منظمة التعاون", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    orgs = [m.form for m in find_mentions(text, doc, ctx, "ar") if m.kind == "organization"]
    assert orgs == ["منظمة التعاون الزراعي الإقليمي"]


def test_organizations_ar_title_after_and_gives_the_name_its_body(ner_doc):
    text = "ناقش الرئيس “سليم الحداد” ورئيس المجلس العسكري الانتقالي “كريم النوري” سبل التعاون."
    doc = ner_doc(text, "ar", [("سليم الحداد", "PERS"), ("كريم النوري", "PERS")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    mentions = {m.form: m for m in find_mentions(text, doc, ctx, "ar")}
    second = mentions["كريم النوري"]
    assert second.title == "رئيس"
    assert text[slice(*map(int, second.title_org.split(":")))] == "المجلس العسكري الانتقالي"


def _mention(text: str, form: str, kind: str) -> tuple[Mention, Entity]:
    start = text.index(form)
    m = Mention(start=start, end=start + len(form), form=form, kind=kind, sentence=0)
    return m, Entity(id=form, kind=kind, name=form, forms=[form], mentions=[m])


@pytest.mark.parametrize("text, body", [
    ("استقبل سليم الحداد رئيس المجلس العسكري الانتقالي أمس.", "المجلس العسكري الانتقالي"),    # a function
    ("وأوضح بيان الرئاسة الفلانية أن سليم الحداد استقبل الوفد.", "الرئاسة الفلانية"),           # a statement's
    ("ونقلت وكالة الأنباء الفلانية أن سليم الحداد استقبل الوفد.", "وكالة الأنباء الفلانية"),    # a reporter
])
def test_parties_ar_a_body_of_a_function_or_a_source_is_no_party(text, body):
    in_sent = [_mention(text, "سليم الحداد", "person"), _mention(text, body, "organization")]
    in_sent.sort(key=lambda x: x[0].start)
    parties = sentence_parties(text, in_sent, {e.id: e for _, e in in_sent})
    assert [e.name for _, e in parties] == ["سليم الحداد"]


def test_parties_ar_a_body_met_stays_a_party():
    text = "استقبل سليم الحداد وفد المجلس العسكري الانتقالي أمس."
    in_sent = [_mention(text, "سليم الحداد", "person"), _mention(text, "المجلس العسكري الانتقالي", "organization")]
    parties = sentence_parties(text, in_sent, {e.id: e for _, e in in_sent})
    assert [e.name for _, e in parties] == ["سليم الحداد", "المجلس العسكري الانتقالي"]


def test_names_ar_state_adjective_right_before_a_name_is_its_country(ner_doc):
    text = "عقد الوزير سليم الحداد لقاءات منفصلة مع نظرائه الزمرستاني كريم النوري والفلاني وليد الخطيب."
    doc = ner_doc(text, "ar", [("سليم الحداد", "PERS"), ("كريم النوري", "PERS"), ("وليد الخطيب", "PERS")])
    gazetteer = Gazetteer([GazetteerEntry("XL", "state", "demonym", "الزمرستاني"),
                           GazetteerEntry("YL", "state", "demonym", "الفلاني")])
    mentions = {m.form: m for m in find_mentions(text, doc, MentionContext(gazetteer, lambda form: False), "ar")}
    first = mentions["كريم النوري"]
    assert text[slice(*map(int, first.title_org.split(":")))] == "الزمرستاني"


@pytest.mark.parametrize("text, body, org", [
    # a body of an organization found before: its complement right after the head, or after 'لـ'
    ("وأصدرت بعثة الأمم الزراعية في العاصمة بيانا.", "الأمم الزراعية", "بعثة الأمم الزراعية"),
    ("وألقى كلمة أمام الجمعية العامة للأمم الزراعية أمس.", "للأمم الزراعية", "الجمعية العامة للأمم الزراعية"),
])
def test_organizations_ar_a_body_of_an_organization_found_before(text, body, org):
    span = (text.index(body), text.index(body) + len(body))
    assert [text[s:e] for s, e, _ in arabic_headed_names(text, [span], lambda form: False, [], [span])] == [org]
    # a name found before that is no organization (a person, a place) still ends the name
    assert [text[s:e] for s, e, _ in arabic_headed_names(text, [span], lambda form: False)] == \
        ([] if org.startswith("بعثة") else ["الجمعية العامة"])


@pytest.mark.parametrize("text, orgs", [
    # a title of the lexicon that holds the body's words: the Prime Minister, no Council of Ministers
    ("واستقبل رئيس مجلس الوزراء الوفد.", []),
    ("والتقى الوزير، ورئيس مجلس الوزراء وزير الداخلية، الوفد.", []),
    ("وحضر النائب الثاني لرئيس مجلس الوزراء الحفل.", []),
    # a title that ends on the head keeps the body ("the under-secretary of the Ministry of ..."); the body alone
    ("وقال وكيل وزارة الخارجية إن الوفد وصل.", ["وزارة الخارجية"]),
    ("وقرر مجلس الوزراء أمس تمديد المهلة.", ["مجلس الوزراء"]),
])
def test_organizations_ar_a_title_that_holds_the_body_is_no_body(text, orgs):
    assert _orgs(text) == orgs
