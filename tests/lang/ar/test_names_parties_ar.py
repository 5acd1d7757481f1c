"""Arabic person names and parties on sentences written for these tests (fictional people and states):
one-word NER persons, words that end a name, the 'و' of a name after a demonym, a title's demonym that
stands for the person who holds it."""

from __future__ import annotations

import pytest

from communique.records import Document, Entity, Mention
from communique.stages.events import EventContext, extract_events
from communique.stages.person_names import is_arabic_name_word
from communique.stages.titles import TITLE_RE
from communique.stages.triggers import find_triggers, status_of

from .test_rules_ar import _persons_ar


@pytest.mark.parametrize("text, word", [
    ("وشارك الوفد لأول مرة بعد غياب دام 13 عاما.", "دام"),        # a verb
    ("وتحدث التقرير عن وجود فتور في العلاقات.", "فتور"),              # a noun
    ("وأمل الوزير أن تتواصل المشاورات، لكن سلفه رفض ذلك.", "سلفه"),  # a noun with a possessive
])
def test_names_ar_a_lone_word_without_title_is_no_person(ner_doc, text, word):
    assert _persons_ar(ner_doc, text, [(word, "PER")]) == []


@pytest.mark.parametrize("text, ner, person", [
    # one word, but introduced by a title, by an honorific, or by a title after a comma
    ("واستقبل الرئيس الفاروقي الوفد.", "الفاروقي", "الفاروقي"),
    ("وحضر السيد الفاروقي اللقاء.", "الفاروقي", "الفاروقي"),
    ("واستقبل الوفد أمس بالعاصمة، سانتوري، نائب وزير الخارجية الزمرستاني.", "سانتوري", "سانتوري"),
])
def test_names_ar_a_lone_word_with_a_title_stays(ner_doc, text, ner, person):
    assert _persons_ar(ner_doc, text, [(ner, "PER")]) == [person]


def test_names_ar_a_name_in_quotes_after_a_title(ner_doc):
    text = "ولم يكشف المتحدث باسم الرئاسة، السفير “سليم الحداد”، عن أي تفاصيل."
    assert _persons_ar(ner_doc, text, []) == ["سليم الحداد"]


def test_names_ar_a_lone_word_of_a_longer_name_stays(ner_doc):
    text = "وقال الحداد إن اللقاء مثمر. وكان سليم الحداد قد استقبل الوفد."
    assert _persons_ar(ner_doc, text, [("الحداد", "PER"), ("سليم الحداد", "PER")]) == ["الحداد", "سليم الحداد"]


@pytest.mark.parametrize("text, ner, person", [
    # the name ends before a noun of press prose that follows it
    ("وسلم سليم الحداد دعوة رسمية إلى الوزير.", "سليم الحداد", "سليم الحداد"),
    ("وبحث سليم الحداد هاتفيا مع نظيره الملفات.", "سليم الحداد", "سليم الحداد"),
    ("وتولى كريم النوري الرئاسة الدورية للمنظمة.", "كريم النوري", "كريم النوري"),
    # a family name of the '-ية' shape inside the span the NER read as a name is kept
    ("واستقبل الوزير خالد العطية الوفد.", "خالد العطية", "خالد العطية"),
])
def test_names_ar_name_extent_stops_at_prose(ner_doc, text, ner, person):
    assert _persons_ar(ner_doc, text, [(ner, "PER")]) == [person]


def test_names_ar_accusative_and_adjective_words_are_no_name_words():
    assert not is_arabic_name_word("تقديراً")           # tanween: an adverb or an accusative noun
    assert not is_arabic_name_word("الثنائية")           # an adjective with the article, outside a name
    assert is_arabic_name_word("العطية", inside=True)     # ... a family name inside an NER name span
    assert is_arabic_name_word("الحداد")


def test_names_ar_the_waw_of_a_name_after_a_demonym_is_kept(ner_doc):
    text = "وصل وزير الخارجية الزمرستاني وانغ لي إلى العاصمة، والتقى الرئيس سليم الحداد ومراد التوزاني."
    ents = [("وانغ لي", "PER"), ("سليم الحداد", "PER"), ("ومراد التوزاني", "PER")]
    assert _persons_ar(ner_doc, text, ents, states=("الزمرستاني",)) == ["وانغ لي", "سليم الحداد", "مراد التوزاني"]


def test_titles_ar_honorific_title_of_a_king_and_ranks():
    text = "واستقبل خادم الحرمين الشريفين الوفد بحضور أمين عام المجلس. وحضر وكيل وزارة الخارجية والرئيس."
    assert [m.group(0) for m in TITLE_RE.finditer(text)] == ["خادم الحرمين الشريفين", "أمين عام", "وكيل وزارة"]


def _events(text: str, specs: list[tuple[str, str, str, str | None]],
            titles: dict[str, list[str]] | None = None) -> list[tuple[str, ...]]:
    """(id, kind, form, affiliation) entities, one mention each (the form's first occurrence; a second
    id row of the same id adds its next occurrence), with their `titles` -> parties of the occurred rule
    events."""
    ents: dict[str, Entity] = {}
    for ent_id, kind, form, affiliation in specs:
        known = ents.get(ent_id)
        after = known.mentions[-1].end if known else 0
        start = text.index(form, after)
        mention = Mention(start, start + len(form), form, kind, 0)  # type: ignore[arg-type]
        if known:
            known.mentions.append(mention)
        else:
            ents[ent_id] = Entity(ent_id, kind, form, [form], [mention], list((titles or {}).get(ent_id, [])),  # type: ignore[arg-type]
                                  affiliation=affiliation)
    doc = Document(id="sha256:a", source="a.txt", text=text, lang="ar")
    ctx = EventContext(geocode=lambda name: None, topics=lambda text, lang: [])
    sents = [(0, text.index("\n")), (text.index("\n") + 1, len(text))]
    return [tuple(sorted(p.entity for p in e.parties))
            for e in extract_events(doc, list(ents.values()), sents, [], ctx) if e.status == "occurred"]


@pytest.mark.parametrize("headline", [
    "سليم الحداد يستقبل نظيره الزمرستاني في العاصمة",
    "سليم الحداد يستقبل وزير الخارجية الزمرستاني في العاصمة",
])
def test_parties_ar_a_title_demonym_without_name_is_the_person_of_that_state(headline):
    text = headline + "\nوكان وزير الخارجية الزمرستاني مراد التوزاني قد وصل أمس إلى العاصمة."
    specs = [("person:haddad", "person", "سليم الحداد", None), ("XL", "state", "الزمرستاني", None),
             ("XL", "state", "الزمرستاني", None), ("person:touzani", "person", "مراد التوزاني", "XL")]
    assert _events(text, specs) == [("person:haddad", "person:touzani")]


def test_parties_ar_a_demonym_before_a_name_is_not_replaced():
    # "الرئيس الزمرستاني كريم النوري": the demonym is the named person's, not another person of that state
    text = ("وصل سليم الحداد ومراد التوزاني إلى العاصمة أمس\n"
            "والتقى سليم الحداد الرئيس الزمرستاني كريم النوري.")
    specs = [("person:haddad", "person", "سليم الحداد", None), ("person:touzani", "person", "مراد التوزاني", "XL"),
             ("person:haddad", "person", "سليم الحداد", None), ("XL", "state", "الزمرستاني", None),
             ("person:nouri", "person", "كريم النوري", None)]
    assert _events(text, specs, titles={"person:touzani": ["رئيس الوزراء"]}) == [("person:haddad", "person:nouri")]


_HADDAD = ("person:haddad", "person", "سليم الحداد", None)


@pytest.mark.parametrize("second_line, met, expected", [
    # verb first, two persons of one state: one meeting
    ("والتقى سليم الحداد الرئيس الزمرستاني كريم النوري ووزير الخارجية الزمرستاني مراد التوزاني.",
     [("person:nouri", "كريم النوري", "XL"), ("person:touzani", "مراد التوزاني", "XL")],
     [("person:haddad", "person:nouri", "person:touzani")]),
    # counterparts of two states: one meeting each
    ("والتقى سليم الحداد نظيريه الزمرستاني كريم النوري والفريدوني مراد التوزاني.",
     [("person:nouri", "كريم النوري", "XL"), ("person:touzani", "مراد التوزاني", "FD")],
     [("person:haddad", "person:nouri"), ("person:haddad", "person:touzani")]),
    # subject first, two persons of one state
    ("سليم الحداد يلتقي الرئيس الزمرستاني كريم النوري ووزير الخارجية مراد التوزاني",
     [("person:nouri", "كريم النوري", "XL"), ("person:touzani", "مراد التوزاني", "XL")],
     [("person:haddad", "person:nouri", "person:touzani")]),
    # verb first, a companion of no known state joins the meeting
    ("واستقبل سليم الحداد وزير الخارجية الزمرستاني مراد التوزاني، وكان برفقته كريم النوري.",
     [("person:touzani", "مراد التوزاني", "XL"), ("person:nouri", "كريم النوري", None)],
     [("person:haddad", "person:nouri", "person:touzani")]),
    # "كما اجتمع": a meeting of its own, whose subject is the sentence's; its object is not the first verb's
    ("والتقى سليم الحداد نظيره الزمرستاني كريم النوري، كما اجتمع بالممثل الأعلى للاتحاد الفلاني وليد الخطيب.",
     [("person:nouri", "كريم النوري", "XL"), ("person:khatib", "وليد الخطيب", None)],
     [("person:haddad", "person:nouri"), ("person:haddad", "person:khatib")]),
])
def test_parties_ar_one_event_per_side_met(second_line, met, expected):
    text = "وصل سليم الحداد إلى العاصمة أمس\n" + second_line
    specs = [_HADDAD, _HADDAD] + [(pid, "person", form, state) for pid, form, state in met]
    assert _events(text, specs) == expected


def test_events_ar_a_meeting_noun_with_qualifiers_before_between():
    # "during a high-level meeting that the capital hosted between A and B"
    text = ("أعلنت زمرستان دعمها للمبادرة\n"
            "جاء ذلك خلال لقاء رفيع المستوى احتضنته العاصمة بين الوزير سليم الحداد ونظيره كريم النوري.")
    specs = [_HADDAD, ("person:nouri", "person", "كريم النوري", "XL")]
    assert _events(text, specs) == [("person:haddad", "person:nouri")]


def test_parties_ar_meetings_listed_after_the_sentence_that_announced_them():
    # "these meetings included his counterpart from X, A, and from Y, B": the story's subject met each
    text = ("عقد سليم الحداد أمس سلسلة لقاءات ثنائية مع نظرائه\n"
            "وشملت هذه اللقاءات نظيره من زمرستان كريم النوري، ونظيره من فريدونيا مراد التوزاني.")
    specs = [_HADDAD, ("person:nouri", "person", "كريم النوري", "XL"), ("person:touzani", "person", "مراد التوزاني", "FD")]
    assert _events(text, specs) == [("person:haddad", "person:nouri"), ("person:haddad", "person:touzani")]


def test_triggers_ar_a_vowel_before_is_part_of_the_word():
    assert [t.text for t in find_triggers("وكان يُتوقع أن يعلن الوزير عن استثمارات", "ar")] == []
    assert [t.text for t in find_triggers("ووقع الوزيران الاتفاق", "ar")] == ["ووقع"]


@pytest.mark.parametrize("sentence, word, status", [
    # "and then he is to meet": a meeting still to come after the day's programme
    ("يبدأ المبعوث جولته بالعاصمة، على أن يلتقي بعد ذلك قائد الجيش", "يلتقي", "planned"),
    # the day after tomorrow, tomorrow; "غداة" (the day after) is past
    ("وتشارك الوزيرة في الاجتماع المنتظر تنظيمه يوم غد", "وتشارك", "planned"),
    ("التقى الوزير نظيره غداة وصوله إلى العاصمة", "التقى", "occurred"),
    # the future prefix on a verb of meeting
    ("وسيتباحث الوزير مع نظيره في ملفات التعاون", "مع", "planned"),
    ("ونستقبل الوفد في المطار", "ونستقبل", "occurred"),
    # "he deemed it likely that": a guess, not a report
    ("ورجح المبعوث أن تشارك في المشاورات دول الجوار", "تشارك", "planned"),
    # a cue is a word of its own, never letters inside a name
    ("وشارك سليم بغداني في الاجتماع", "وشارك", "occurred"),
    ("كما التقى نظيره أحمد معلم الحداد", "التقى", "occurred"),          # not the 'لم' of a negation
    ("ولم يلتق الوزير نظيره", "يلتق", "negated"),
    # "it is expected that" is still to come; "it was expected that" did not happen
    ("ويُنتظر أن يلتقي الوزير نظيره", "يلتقي", "planned"),
    ("وكان يُتوقع أن يلتقي الوزير نظيره", "يلتقي", "negated"),
    # a cue written with its short vowels reads as the bare cue
    ("يُرتقب أن يجتمع الوزير بنظيره في العاصمة", "يجتمع", "planned"),
    ("ومن المُقرر أن يلتقي المبعوث بالمحافظ", "يلتقي", "planned"),
    # "on his way to": the talks are still to come
    ("الوزير في طريقه إلى العاصمة لإجراء محادثات مع نظيره", "محادثات", "planned"),
    ("التقى الوزير نظيره في الطريق إلى المطار", "التقى", "occurred"),
    # "the two states intend to sign": a signing still to come
    ("وكشف الوزير أن البلدين ينويان توقيع اتفاقية للتعاون", "توقيع", "planned"),
    # "he invited his counterpart, during the call, to pay a visit": the visit is still to be paid
    ("ودعا الوزير، خلال هذه المكالمة، نظيره الزمرستاني إلى القيام بزيارة رسمية", "بزيارة", "planned"),
    ("دعا الوزير إلى تعزيز التعاون خلال زيارة نظيره", "زيارة", "occurred"),
])
def test_status_ar_cues(sentence, word, status):
    assert status_of(sentence, sentence.index(word), "ar") == status


@pytest.mark.parametrize("text, person", [
    # a name before a comma and a title
    ("وعقد الوزير اجتماعا مع كريم بن سالم العلوي، الأمين العام للهيئة، في العاصمة.", "كريم بن سالم العلوي"),
    ("والتقى الوفد أمس مراد التوزاني، وزير الخارجية.", "مراد التوزاني"),
    # a title, "من" and a state, then the name
    ("وشملت اللقاءات نظيره من زمرستان كريم النوري، ثم وفد الغرفة.", "كريم النوري"),
    # a title of representation
    ("واجتمع بالممثل الأعلى للهيئة للشؤون الخارجية مراد التوزاني.", "مراد التوزاني"),
])
def test_names_ar_before_a_comma_and_title_and_after_a_long_title(ner_doc, text, person):
    assert _persons_ar(ner_doc, text, [], states=("زمرستان",)) == [person]


@pytest.mark.parametrize("text", [
    "وأكد البيان أهمية التعاون الثنائي، وزير الخارجية قال ذلك.",    # words with the article: no name
    "وقال إن الاجتماع ناقش الملفات، الوزير أكد ذلك.",               # a verb and a plural before the comma
])
def test_names_ar_before_a_comma_and_title_not_a_name(ner_doc, text):
    assert _persons_ar(ner_doc, text, []) == []


def test_names_ar_first_name_the_ner_left_out_after_a_demonym(ner_doc):
    text = "والتقى نظراءه الزمرستاني سليم الحداد والفريدوني بدر عبد الكريم."
    ents = [("سليم الحداد", "PER"), ("عبد الكريم", "PER")]
    assert _persons_ar(ner_doc, text, ents, states=("الزمرستاني", "الفريدوني")) == ["سليم الحداد", "بدر عبد الكريم"]


@pytest.mark.parametrize("sentence, found", [
    ("عقد الوزير اجتماعا مع نظيره في العاصمة.", [("اجتماعا", "meet", True)]),
    ("وعقد الوزير لقاءات منفصلة مع نظرائه.", [("لقاءات", "meet", True)]),
    ("وتباحث الوزيران في الملفات الإقليمية.", [("وتباحث", "meet", False)]),
    ("ناقش الرئيس ونظيره سبل التعاون.", [("ناقش", "meet", False)]),
])
def test_triggers_ar_accusative_plural_and_discussion_verbs(sentence, found):
    assert [(t.text, t.type, t.nominal) for t in find_triggers(sentence, "ar")] == found


def test_parties_ar_the_subject_received_a_delegation_one_event():
    text = ("وصل مراد التوزاني إلى العاصمة أمس\n"
            "سليم الحداد يستقبل مراد التوزاني ومعه كريم النوري ونادية الحمراوي")
    specs = [("person:touzani", "person", "مراد التوزاني", "XL"), ("person:haddad", "person", "سليم الحداد", None),
             ("person:touzani", "person", "مراد التوزاني", "XL"), ("person:nouri", "person", "كريم النوري", None),
             ("person:hamraoui", "person", "نادية الحمراوي", None)]
    assert _events(text, specs) == [("person:haddad", "person:hamraoui", "person:nouri", "person:touzani")]


def test_events_ar_a_call_between_two_named_after_its_verb_and_day():
    # "X's arrival follows a phone call held last Monday between A and his counterpart B": A and B talked
    text = ("وصل سليم الحداد إلى العاصمة أمس\n"
            "وجاء وصول سليم الحداد في أعقاب مكالمة هاتفية جرت يوم الاثنين الماضي بين الرئيس كريم النوري "
            "ونظيره مراد التوزاني.")
    specs = [_HADDAD, _HADDAD, ("person:nouri", "person", "كريم النوري", "XL"),
             ("person:touzani", "person", "مراد التوزاني", "FD")]
    assert _events(text, specs) == [("person:nouri", "person:touzani")]


def test_events_ar_relations_between_two_states_after_a_meeting_are_no_parties():
    # "discussed with B the development of relations between X and Y": the meeting is A's and B's
    text = ("وصل سليم الحداد إلى العاصمة أمس\n"
            "وناقش سليم الحداد مع كريم النوري تطور العلاقات بين زمرستان وفريدونيا.")
    specs = [_HADDAD, _HADDAD, ("person:nouri", "person", "كريم النوري", "XL"),
             ("XL", "state", "زمرستان", None), ("FD", "state", "فريدونيا", None)]
    assert _events(text, specs) == [("person:haddad", "person:nouri")]


@pytest.mark.parametrize("tour, stops", [
    # "a two-day tour that included X (and its adjective) and Y"
    ("وكان سليم الحداد قد عاد أمس من جولة إقليمية دامت يومين شملت زمرستان الشقيقة وفريدونيا.", ["FD", "XL"]),
    # "a tour that took him to X, then Y, then Z"
    ("واختتم سليم الحداد جولة إقليمية حملته إلى زمرستان ثم فريدونيا فبلادستان.", ["BL", "FD", "XL"]),
])
def test_events_ar_a_tour_is_one_visit_per_state(tour, stops):
    text = "أشاد سليم الحداد بالنتائج\n" + tour
    specs = [_HADDAD, _HADDAD, ("XL", "state", "زمرستان", None), ("FD", "state", "فريدونيا", None)]
    if "بلادستان" in tour:
        specs.append(("BL", "state", "بلادستان", None))
    assert sorted(_events(text, specs)) == [tuple(sorted(("person:haddad", s))) for s in stops]


def test_events_ar_a_round_of_talks_is_no_tour():
    # "a new round of talks hosted by the capital of X": a meeting noun's round, no visit
    text = ("أشاد سليم الحداد بالنتائج\n"
            "وانطلقت أمس جولة جديدة من المحادثات احتضنتها عاصمة زمرستان.")
    specs = [_HADDAD, ("XL", "state", "زمرستان", None)]
    assert _events(text, specs) == []


def test_titles_ar_of_two_states_before_a_name_the_nearest_is_its_state(mention_at):
    # "the X foreign minister met, in the capital, the head of the Y government, Z": Z is of Y
    from communique.stages.person_titles import attach_titles

    text = "والتقى وزير الخارجية الزمرستاني في العاصمة رئيس الحكومة الفلانية كريم النوري."
    mentions = [mention_at(text, "الزمرستاني", "state"), mention_at(text, "الفلانية", "state"),
                mention_at(text, "كريم النوري", "person")]
    nouri = next(m for m in attach_titles(text, mentions, [(0, len(text))]) if m.form == "كريم النوري")
    assert text[slice(*map(int, nouri.title_org.split(":")))] == "الفلانية"


def test_parties_ar_the_head_of_a_council_of_no_known_state_joins_the_meeting():
    # "X met the head of government of Y, A, and the head of the presidential council, B": one meeting
    text = ("وصل سليم الحداد إلى العاصمة أمس\n"
            "والتقى سليم الحداد رئيس الحكومة الزمرستانية كريم النوري ورئيس المجلس الرئاسي مراد التوزاني.")
    specs = [_HADDAD, _HADDAD, ("XL", "state", "الزمرستانية", None),
             ("person:nouri", "person", "كريم النوري", "XL"), ("org:council", "organization", "المجلس الرئاسي", None),
             ("person:touzani", "person", "مراد التوزاني", "org:council")]
    assert _events(text, specs) == [("person:haddad", "person:nouri", "person:touzani")]


def test_events_ar_a_relative_clause_of_the_place_visited_does_not_hide_the_visitor():
    # "X began a visit to the capital of Y, which is the last stop of a tour that took him to Z": X visits Y and Z
    text = ("أشاد سليم الحداد بالنتائج\n"
            "وشرع سليم الحداد في زيارة رسمية إلى العاصمة الزمرستانية نوران، التي تمثل المحطة الأخيرة في جولة "
            "إقليمية حملته إلى فريدونيا.")
    specs = [_HADDAD, _HADDAD, ("XL", "state", "الزمرستانية", None), ("FD", "state", "فريدونيا", None)]
    assert sorted(_events(text, specs)) == [("FD", "person:haddad"), ("XL", "person:haddad")]


def test_names_ar_after_a_title_whose_complement_has_a_place_behind_a_clitic():
    # "received yesterday the ambassador of X in (ب) Y, A B,": the place after "بـ" is the title's complement
    from communique.stages.person_names import arabic_names_after_titles

    text = "استقبل سليم الحداد أمس سفيرة زمرستان بنوران كريمة النوري، واستعرض الجانبان العلاقات."
    state = (text.index("زمرستان"), text.index("زمرستان") + len("زمرستان"))
    place = (text.index("نوران"), text.index("نوران") + len("نوران"))
    anchor = text.index("سفيرة") + len("سفيرة")
    found = arabic_names_after_titles(text, [anchor], [state, place], [])
    assert [text[s:e] for s, e in found] == ["كريمة النوري"]


def test_events_ar_separate_meetings_of_the_minister_with_envoys_of_states():
    # "in separate meetings, the minister discussed with the ambassadors of X, Y and Z": one meeting each,
    # "the minister" being the story's subject
    text = ("التقى سليم الحداد اليوم رؤساء البعثات الدبلوماسية في العاصمة\n"
            "وفي لقاءات منفصلة، ناقش الوزير مع سفراء زمرستان وفريدونيا وبلادستان سبل التعاون.")
    specs = [_HADDAD, ("XL", "state", "زمرستان", None), ("FD", "state", "فريدونيا", None),
             ("BL", "state", "بلادستان", None)]
    assert sorted(_events(text, specs)) == [("BL", "person:haddad"), ("FD", "person:haddad"), ("XL", "person:haddad")]


def test_events_ar_a_verb_of_addressing_with_a_counterpart_is_a_meeting():
    # "the minister addressed with the ambassador of X the fields of cooperation"; "the statement addressed ..." is none
    text = ("التقى سليم الحداد اليوم رؤساء البعثات الدبلوماسية في العاصمة\n"
            "وتناول الوزير مع سفير زمرستان مجالات التعاون.")
    specs = [_HADDAD, ("XL", "state", "زمرستان", None)]
    assert _events(text, specs) == [("XL", "person:haddad")]
    assert [t.type for t in find_triggers("وتناول البيان مجالات التعاون مع زمرستان.", "ar")] == []


def test_events_ar_a_title_after_the_verb_that_names_someone_is_no_bare_subject():
    # "the minister X received the ambassador": the title is X's, the story's subject is no party
    text = ("التقى سليم الحداد اليوم رؤساء البعثات الدبلوماسية في العاصمة\n"
            "واستقبل الوزير كريم النوري سفير زمرستان.")
    specs = [_HADDAD, ("person:nouri", "person", "كريم النوري", None), ("XL", "state", "زمرستان", None)]
    assert _events(text, specs) == [("XL", "person:nouri")]


def test_events_ar_a_relative_clause_of_the_visitor_tells_the_visit():
    # "X held talks with his counterpart Y, who is currently paying a visit to Z": Y visits Z
    text = ("أشاد سليم الحداد بالنتائج\n"
            "وعقد سليم الحداد اليوم جلسة مباحثات مع نظيره كريم النوري، الذي يقوم حاليا بزيارة إلى زمرستان.")
    specs = [_HADDAD, _HADDAD, ("person:nouri", "person", "كريم النوري", "FD"), ("XL", "state", "زمرستان", None)]
    assert sorted(_events(text, specs)) == [("XL", "person:nouri"), ("person:haddad", "person:nouri")]


def test_names_ar_a_memorial_after_a_title_is_no_name(ner_doc):
    # "the minister went to the Memorial of the Martyr": a place of remembrance, not the minister's name
    text = "وقبل بدء المحادثات، قصد وزير الخارجية الزمرستاني مقام الشهيد بالعاصمة."
    assert _persons_ar(ner_doc, text, []) == []


def test_events_ar_the_visit_a_person_paid_names_its_visitor_after_the_verb():
    # "the call came the day after a visit that the foreign minister of X, A, paid to Y": A visits Y
    text = ("أجرى سليم الحداد مباحثات هاتفية مع نظيره مراد التوزاني\n"
            "ويأتي هذا الاتصال غداة زيارة أداها وزير خارجية فريدونيا كريم النوري إلى زمرستان.")
    specs = [_HADDAD, ("person:touzani", "person", "مراد التوزاني", "XL"), ("FD", "state", "فريدونيا", None),
             ("person:nouri", "person", "كريم النوري", "FD"), ("XL", "state", "زمرستان", None)]
    events = _events(text, specs)
    assert ("XL", "person:nouri") in events and ("person:haddad", "person:touzani") in events
