"""Arabic entities on sentences written for these tests (fictional people, bodies, places and states): places
with and without the noun of their kind, a name glued to the conjunction, a state's government, bodies joined
by 'و', head nouns alone, the NER's one-word body after a title, the start of a name the NER opened with 'بن',
news outlets before a dateline's place or named in quotes."""

from __future__ import annotations

import pytest

from communique.records import Entity, Mention
from communique.stages.gazetteer import Gazetteer, GazetteerEntry
from communique.stages.headed_names_ar import arabic_headed_names, is_lone_head_noun
from communique.stages.mentions import MentionContext, find_mentions
from communique.stages.outlets_ar import arabic_outlet_names
from communique.stages.place_forms_ar import PLACE_KIND_NOUNS, add_headed_place_forms, merge_conjunction_forms

_PLACES = {"مرسى النور", "فريدونيا"}


def _mentions(ner_doc, text: str, ents: list[tuple[str, str]], gazetteer: Gazetteer | None = None) -> list[tuple[str, str]]:
    doc = ner_doc(text, "ar", ents)
    ctx = MentionContext(gazetteer or Gazetteer([]), lambda form: form in _PLACES)
    return [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "ar") if not m.descriptive]


def _entity(eid: str, kind: str, text: str, *forms: str) -> Entity:
    mentions = [Mention(start=text.index(f), end=text.index(f) + len(f), form=f, kind=kind, sentence=0) for f in forms]
    return Entity(id=eid, kind=kind, name=forms[0], forms=list(dict.fromkeys(forms)), mentions=mentions)


# -- places with and without the noun of their kind -----------------------------------------------------------

@pytest.mark.parametrize("text, form, added", [
    ("ووصل الوفد إلى منطقة زمران صباحا.", "زمران", "منطقة زمران"),          # the noun before the mention
    ("وتفقد الوزير محافظة الوادي الأخضر.", "الوادي الأخضر", "محافظة الوادي الأخضر"),
    ("وعقد اللقاء بمدينة زمران.", "زمران", "مدينة زمران"),                # behind a clitic: the form has none
    ("وزار الوفد بمنطقة زمران مشاريع.", "بمنطقة زمران", "زمران"),          # a mention with the noun: the bare name
])
def test_entities_ar_a_place_gets_its_form_with_and_without_the_noun_of_its_kind(text, form, added):
    ent = add_headed_place_forms(text, [_entity("p", "place", text, form)])[0]
    assert form in ent.forms and added in ent.forms


@pytest.mark.parametrize("noun", PLACE_KIND_NOUNS)
def test_entities_ar_every_noun_of_a_place_kind_gives_the_headed_form(noun):
    text = f"وتوجه الوفد إلى {noun} زمران أمس."
    ent = add_headed_place_forms(text, [_entity("p", "place", text, "زمران")])[0]
    assert f"{noun} زمران" in ent.forms


def test_entities_ar_a_person_or_a_two_letter_name_gets_no_headed_form():
    text = "والتقى الوزير زمران في حي زم أمس."
    person = _entity("x", "person", text, "زمران")
    place = _entity("p", "place", text, "حي زم")
    out = add_headed_place_forms(text, [person, place])
    assert out[0].forms == ["زمران"] and out[1].forms == ["حي زم"]


def test_entities_ar_a_name_glued_to_the_conjunction_joins_the_same_name():
    text = "وتضم المبادرة دول الوادي والدول المجاورة، وبحثت الاتحاد الزراعي ودول الوادي."
    plain = _entity("a", "organization", text, "دول الوادي")
    glued = _entity("b", "place", text, "ودول الوادي")
    other = _entity("c", "organization", text, "الاتحاد الزراعي")
    person = Entity(id="d", kind="person", name="سليم", forms=["سليم"], affiliation="b")
    out = merge_conjunction_forms([plain, glued, other, person])
    assert [e.id for e in out] == ["a", "c", "d"]
    assert out[0].forms == ["دول الوادي", "ودول الوادي"] and len(out[0].mentions) == 2
    assert out[2].affiliation == "a"


def test_entities_ar_a_name_that_starts_with_waw_stays_its_own_entity():
    text = "وأعلنت وزارة الزراعة أن زارة قرية صغيرة."
    ministry = _entity("a", "organization", text, "وزارة")
    village = _entity("b", "place", text, "زارة قرية")
    assert len(merge_conjunction_forms([ministry, village])) == 2


# -- states: a government by the state's adjective ----------------------------------------------------------

def test_entities_ar_a_government_by_its_states_adjective_is_no_organization(ner_doc):
    gazetteer = Gazetteer([GazetteerEntry("XL", "state", "demonym", "الزمرستانية")])
    text = "وتعمل الحكومة الزمرستانية على إنجاح القمة."
    kinds = _mentions(ner_doc, text, [("الحكومة الزمرستانية", "ORG")], gazetteer)
    assert not any(kind == "organization" for _, kind in kinds), kinds


# -- bodies -------------------------------------------------------------------------------------------------------

def _orgs(text: str, blocked: list[tuple[int, int]] = ()) -> list[str]:
    return [text[s:e] for s, e, kind in arabic_headed_names(text, list(blocked), lambda form: False)]


@pytest.mark.parametrize("text, org", [
    # "general", "supreme": the body's purpose after 'لـ' belongs to its name, after a title too
    ("وعرض التقرير رئيس الهيئة العامة للطيران الزراعي.", "الهيئة العامة للطيران الزراعي"),
    ("واجتمع عضو المجلس الأعلى للمياه بالوفد.", "المجلس الأعلى للمياه"),
    # new head nouns of bodies
    ("وأعلن تنظيم النور المسلح مسؤوليته.", "تنظيم النور المسلح"),
    ("وهاجمت جماعة الفجر المسلحة قرية على الحدود.", "جماعة الفجر المسلحة"),
    ("وزار الوفد مستشفى الأمل الجامعي.", "مستشفى الأمل الجامعي"),
    ("وأصدرت السفارة الزمرستانية بيانا.", "السفارة الزمرستانية"),
    ("وأعلنت مندوبية المملكة الزراعية عن المعرض.", "مندوبية المملكة الزراعية"),
    ("وتعاقد نادي النجم الرياضي مع المدرب.", "نادي النجم الرياضي"),
    ("واحتضن المعرض المتحف الوطني، بحضور الوزير.", "المتحف الوطني"),
    # a title after 'و' ends the body's name
    ("وأعلنت جماعة الفجر والرئيس السابق رفضهما للاتفاق.", "جماعة الفجر"),
])
def test_entities_ar_bodies_by_their_head_noun(text, org):
    assert org in _orgs(text)


@pytest.mark.parametrize("text, place", [
    ("ووصل الوفد إلى منطقة الوادي الأخضر أمس.", "منطقة الوادي الأخضر"),
    ("وعقد الاجتماع في مدينة زمران الساحلية.", "مدينة زمران"),           # the head's adjective after the name
    ("وتقع منطقة بحيرة زمران شمالا.", "بحيرة زمران"),                      # the name starts at the second head
])
def test_entities_ar_places_by_their_head_noun(text, place):
    assert _orgs(text) == [place]


@pytest.mark.parametrize("word", ["والبرلمان", "لحزب", "جامعة", "الإقليم", "بالتنظيم"])
def test_entities_ar_a_head_noun_alone_is_no_name(word):
    assert is_lone_head_noun(word)


@pytest.mark.parametrize("word", ["النور", "زمران", "الاتحادية"])
def test_entities_ar_a_name_word_is_no_lone_head_noun(word):
    assert not is_lone_head_noun(word)


def test_entities_ar_the_ner_reading_a_head_noun_alone_as_a_body_gives_no_organization(ner_doc):
    text = "وصادق والبرلمان على القانون، وتحدث ممثل لحزب عن المشروع."
    kinds = _mentions(ner_doc, text, [("والبرلمان", "ORG"), ("لحزب", "ORG")])
    assert not any(kind == "organization" for _, kind in kinds), kinds


@pytest.mark.parametrize("text, ner, orgs", [
    # two definite nouns with their adjectives joined by 'و': two bodies
    ("وتقدمت القوات الوطنية والمقاومة الشعبية نحو المدينة.", "القوات الوطنية والمقاومة الشعبية",
     ["القوات الوطنية", "المقاومة الشعبية"]),
    ("وتعادل والنجم والأمل في المباراة.", "والنجم والأمل", ["النجم", "الأمل"]),
    # a name in the construct state goes on over 'و'
    ("وأعلنت الهيئة العامة للسياحة والتراث عن المعرض.", "الهيئة العامة للسياحة والتراث",
     ["الهيئة العامة للسياحة والتراث"]),
])
def test_entities_ar_bodies_joined_by_waw(ner_doc, text, ner, orgs):
    assert [f for f, kind in _mentions(ner_doc, text, [(ner, "ORG")]) if kind == "organization"] == orgs


# -- persons ------------------------------------------------------------------------------------------------------

def test_entities_ar_the_ners_one_word_body_after_a_title_opens_the_name(ner_doc):
    text = "وأجرى الاتصال لرئيس الحكومة كارلو فيستاني في موعد قريب."
    mentions = _mentions(ner_doc, text, [("كارلو", "ORG")])
    assert ("كارلو فيستاني", "person") in mentions and ("كارلو", "organization") not in mentions


def test_entities_ar_a_body_inside_the_words_after_a_title_makes_no_person(ner_doc):
    text = "وتوعد الزعيم بطرد زمران من الولاية."
    mentions = _mentions(ner_doc, text, [("زمران", "ORG")])
    assert not any(kind == "person" and "زمران" in form for form, kind in mentions), mentions


@pytest.mark.parametrize("text, ner, person", [
    # the 'و' of a list after a family name ends in '-ي' is the conjunction, not the name's
    ("وحضر اللاعبون كريم النوري وسامر فادي، وعدد من المسؤولين.", "وسامر فادي", "سامر فادي"),
    # the NER opened the name with 'بن' or the second word of a compound given name
    ("وعين المجلس نادر بن علي الكرمي، وماهر بن حمد الزعتري.", "بن حمد الزعتري", "ماهر بن حمد الزعتري"),
    ("وكان بين الحضور نور الدين الزعتري، رئيس الوفد.", "الدين الزعتري", "نور الدين الزعتري"),
    # "علي" closing a name where the text writes the preposition "على" with its alef maqsura
    ("وأكد عبد الكريم علي على أهمية التعاون.", "عبد الكريم علي", "عبد الكريم علي"),
])
def test_entities_ar_the_extent_of_a_name_the_ner_read(ner_doc, text, ner, person):
    assert person in [f for f, kind in _mentions(ner_doc, text, [(ner, "PERS")]) if kind == "person"]


def test_entities_ar_a_name_opening_with_abd_takes_no_verb_before_it(ner_doc):
    text = "وبذلك يصبح عبد الكريم الزعتري، رئيسا للوفد."
    persons = [f for f, kind in _mentions(ner_doc, text, [("عبد الكريم الزعتري", "PERS")]) if kind == "person"]
    assert persons == ["عبد الكريم الزعتري"]


# -- news outlets -------------------------------------------------------------------------------------------------

def _outlets(text: str) -> list[str]:
    return [text[s:e] for s, e in arabic_outlet_names(text, lambda form: form in _PLACES)]


@pytest.mark.parametrize("text, names", [
    ("زاد - مرسى النور\n\nاستقبل الوزير نظيره.", ["زاد"]),         # an agency of one word before the place
    ("اليوم - مرسى النور\n\nاستقبل الوزير نظيره.", []),              # a word with the article: no agency
    ("سليم الحداد - مرسى النور\n\nاستقبل الوزير نظيره.", []),        # two words: a byline
    ("وقال الوزير لـ«النجمة» إن المحادثات مثمرة.", ["النجمة"]),       # told to an outlet, in quotes
    ('وأوضح السفير، في حوار خص به "الأفق"، أن الشركات نشطة.', ["الأفق"]),
    ("ونقلت وسائل إعلام محلية عن «الرائد» أن الوزير سيصل.", ["الرائد"]),
    ("وتحدث الوزير طويلا عن «الحوار الوطني» في البلاد.", []),         # "about": no word of saying before it
])
def test_entities_ar_outlets(text, names):
    assert _outlets(text) == names
