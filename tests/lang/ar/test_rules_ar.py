"""Arabic rule families on sentences written for the tests: sentences, titles, honorifics, triggers,
status cues, clitic stripping, names, dates and mentions (lexicons under communique/lang/ar/)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.stages.dates_ar import find_dates_ar
from communique.stages.gazetteer import Gazetteer, GazetteerEntry
from communique.stages.mentions import MentionContext, find_mentions, strip_arabic_clitic
from communique.stages.person_names import merge_adjacent_arabic_persons, name_words_alone
from communique.stages.person_titles import attach_titles
from communique.stages.sentences import sentence_spans
from communique.stages.titles import HONORIFIC_RE, TITLE_RE
from communique.stages.triggers import find_triggers, status_of


def test_sentences_ar_question_mark_and_period():
    text = "استقبل الوزير سليم الحداد نظيره. هل ناقشا ملف المياه؟ نعم، ناقشاه."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "استقبل الوزير سليم الحداد نظيره.", "هل ناقشا ملف المياه؟", "نعم، ناقشاه."]


def test_titles_ar_words_and_longest_title():
    text = "التقى نائب وزير المالية الأمين العام المساعد للهيئة واللواء الركن قائد القوات."
    assert [m.group(0) for m in TITLE_RE.finditer(text)] == [
        "نائب وزير", "الأمين العام المساعد", "قائد"]


def test_titles_ar_attached_and_a_title_with_a_following_demonym(mention_at):
    text = "استقبل وزير المالية سليم الحداد المسؤول الموريتاني في مكتبه."
    mentions = [mention_at(text, "سليم الحداد", "person"), mention_at(text, "الموريتاني", "state")]
    out = attach_titles(text, mentions, sentence_spans(text))
    assert [(m.form, m.title, m.descriptive) for m in out if m.kind == "person"] == [
        ("سليم الحداد", "وزير", False), ("المسؤول الموريتاني", "المسؤول", True)]


def test_honorifics_ar_are_matched_as_words():
    assert HONORIFIC_RE.findall("أشاد معالي السيد سليم الحداد وسعادة السفير بالسيدة") == ["معالي", "السيد"]


def test_triggers_ar_types_nominal_and_clitics():
    sentence = "التقى الوزير نظيره ووقع مذكرة تفاهم بعد اجتماع مع المبعوث."
    assert [(t.text, t.type, t.nominal) for t in find_triggers(sentence, "ar")] == [
        ("التقى", "meet", False), ("ووقع", "agreement", False), ("مذكرة تفاهم", "agreement", False),
        ("اجتماع", "meet", True)]


def test_triggers_ar_call_and_visit():
    sentence = "أجرى الرئيس اتصالا هاتفيا مع نظيره قبل زيارة إلى نواكشوط."
    assert [(t.text, t.type) for t in find_triggers(sentence, "ar")] == [("اتصالا هاتفيا", "call"), ("زيارة", "visit")]
    # the visit noun with a possessive suffix: "زيارته", "بزيارتها"
    sentence = "وبدأ المحافظ زيارته إلى الجزيرة بعد أن أنهت المبعوثة زيارتها للعاصمة."
    assert [(t.text, t.type) for t in find_triggers(sentence, "ar")] == [("زيارته", "visit"), ("زيارتها", "visit")]


@pytest.mark.parametrize("sentence, word, status", [
    ("سيزور الوزير العاصمة الأسبوع المقبل", "سيزور", "planned"),
    ("ومن المقرر أن يلتقي الوفد بالمحافظ", "يلتقي", "planned"),
    ("لم يلتق الوزير المبعوث", "يلتق", "negated"),
    ("ألغى الوزير زيارته", "زيارته", "negated"),
    ("وتقرر تأجيل زيارة الوزير إلى موعد لاحق", "زيارة", "negated"),
    ("أرجئت زيارة المبعوث إلى أجل غير مسمى", "زيارة", "negated"),
    ("وكان مقررا أن يلتقي الوزير المحافظ", "يلتقي", "negated"),
    ("يلتقي الوزير غدا نظيره في العاصمة", "يلتقي", "planned"),
    ("ويرتقب أن يزور المبعوث العاصمة", "يزور", "planned"),
    ("سيستقبل الرئيس الوفد الزائر", "سيستقبل", "planned"),
    ("ويعتزم الوزير زيارة العاصمة", "زيارة", "planned"),
    ("التقى الوزير المبعوث أمس", "التقى", "occurred"),
    ("وكانت زيارة المحافظ إلى الجزيرة، التي كان مقررا أن تبدأ السبت، أرجئت إلى موعد لاحق", "زيارة", "negated"),
    ("ناقش الجانبان الزيارة المرتقبة للمبعوث إلى العاصمة", "الزيارة", "planned"),
    ("وسلمه دعوة من المحافظ إلى المشاركة في القمة التي ستُعقد في العاصمة", "المشاركة", "planned"),
    ("وتلقى المحافظ دعوة من نظيره لزيارة الجزيرة", "وتلقى", "planned"),
    ("التقى الوزير المقرر الخاص للأمم المتحدة في جنيف", "التقى", "occurred"),
    ("استقبل المحافظ المبعوث بدعوة من الحكومة وبحثا التعاون", "استقبل", "occurred"),
    ("استقبل المحافظ اليوم المبعوث الخاص وبحثا معه التحضير للقمة الإقليمية التي ستعقد في العاصمة", "استقبل", "occurred"),
    # the future prefix on a verb of making a visit: "سيؤدي زيارة", "ستؤديها"
    ("وأشار المصدر إلى أن الوزير سيؤدي زيارة رسمية إلى الجزيرة", "زيارة", "planned"),
    # "tomorrow" after a verb that opens its sentence, in its clause, with no past time word before it
    ("يزور الرئيس سليم الحداد الجزيرة غدا في زيارة تستغرق يومين", "يزور", "planned"),
    ("زار الوزير المدينة أمس وعاد غدا", "زار", "occurred"),
    # a planned participle set off by a comma qualifies the event noun's whole phrase, however long
    ("تأتي الزيارة في سياق مشاركة الوزير في حفل التوقيع على وثيقة انضمام الجزيرة إلى معاهدة الصداقة والتعاون "
     "الإقليمية، المرتقب تنظيمه يوم غد", "مشاركة", "planned"),
    # a comma before "ف" or "و" opens a clause of its own: its future is not the reception's
    ("استقبل المحافظ اليوم المبعوث الخاص سليم الحداد، فسلمه الأخير دعوة إلى المشاركة في القمة التي ستعقد الشهر "
     "المقبل", "استقبل", "occurred"),
    # "أجّل" is read without its shadda ("أجل"), and so are "يؤجل" and "أجلت"; not "من أجل" (for the sake of)
    ("أجّل المحافظ زيارته إلى الجزيرة", "زيارته", "negated"),
    ("المبعوث يؤجل زيارته إلى الجزيرة", "زيارته", "negated"),
    # "ثم" + an imperfect verb goes on the plan a cue before it in the sentence tells; not without one
    ("وكان المبعوث سيصل، وفق البرنامج المعلن، إلى العاصمة غدا السبت، ليجري محادثات مطولة مع المحافظ ووزير "
     "خارجيته، ثم يزور الجزيرة", "يزور", "planned"),
    ("التقى الوزير المحافظ في العاصمة ثم يزور الجزيرة", "يزور", "occurred"),
    # the passive "ألغي" of a masculine noun ("اللقاء") after the event noun
    ("وكان اللقاء بين الوزيرين في العاصمة قد ألغي", "اللقاء", "negated"),
    ("زار المحافظ الجزيرة من أجل بحث التعاون", "زار", "occurred"),
])
def test_status_ar_planned_negated_occurred(sentence: str, word: str, status: str):
    assert status_of(sentence, sentence.index(word), "ar") == status


def test_clitics_ar_stripped_only_before_a_known_word():
    text = "وصل الوفد وبنواكشوط أمس"
    start = text.index("وبنواكشوط")
    end = start + len("وبنواكشوط")
    s, e = strip_arabic_clitic(text, start, end, lambda form: form == "نواكشوط")
    assert text[s:e] == "نواكشوط"
    assert strip_arabic_clitic(text, start, end, lambda form: False) == (start, end)
    short = "ولبن"       # a 4-letter word loses one letter at most: two would leave under 3
    assert strip_arabic_clitic(short, 0, 4, lambda form: form != short) == (1, 4)


def test_names_ar_family_name_used_alone():
    text = "استقبل سليم الحداد الوفد، وقال الحداد إن اللقاء مثمر."
    spans = {(text.index("سليم الحداد"), text.index("سليم الحداد") + len("سليم الحداد")): {"kind": "person"}}
    name_words_alone(text, spans)
    assert sorted(text[s:e] for s, e in spans) == ["الحداد", "سليم الحداد"]
    # behind the conjunction or "بـ" glued to it: the name word without them
    text = "استقبل سليم الحداد الوفد. وبدأ الرئيسان الفاروقي والحداد اجتماعا، وأشاد الوفد بالحداد. زيارة للحداد."
    spans = {(text.index("سليم الحداد"), text.index("سليم الحداد") + len("سليم الحداد")): {"kind": "person"}}
    name_words_alone(text, spans)
    assert [(s, text[s:e]) for s, e in sorted(spans)][1:] == [
        (text.index("والحداد") + 1, "الحداد"), (text.index("بالحداد") + 1, "الحداد"), (text.index("للحداد"), "للحداد")]


def test_dates_ar_gregorian_hijri_weekday_relative():
    text = "جرى اللقاء يوم الثلاثاء 4 مارس 2025 ثم أمس، الموافق 4 رمضان 1446هـ"
    assert [(d.text, d.value) for d in find_dates_ar(text, date(2025, 3, 10))] == [
        ("يوم الثلاثاء 4 مارس 2025", "2025-03-04"), ("أمس", "2025-03-09"), ("4 رمضان 1446هـ", "2025-03-04")]


def test_mentions_ar_person_place_without_clitic_and_title_reference(ner_doc):
    text = "استقبل وزير المالية سليم الحداد في وبنواكشوط رئيس هيئة الموانئ."
    doc = ner_doc(text, "ar", [("سليم الحداد", "PER"), ("وبنواكشوط", "LOC"), ("هيئة الموانئ", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "نواكشوط")
    out = [(m.form, m.kind, m.title, m.descriptive) for m in find_mentions(text, doc, ctx, "ar")]
    assert out == [("سليم الحداد", "person", "وزير", False), ("نواكشوط", "place", None, False),
                   ("رئيس", "person", "رئيس", True), ("هيئة الموانئ", "organization", None, False)]


def _persons_ar(ner_doc, text: str, ents: list[tuple[str, str]], states: tuple[str, ...] = ()) -> list[str]:
    doc = ner_doc(text, "ar", ents)
    gazetteer = Gazetteer([GazetteerEntry("XL", "state", "demonym", form) for form in states])
    ctx = MentionContext(gazetteer, lambda form: False)
    return [m.form for m in find_mentions(text, doc, ctx, "ar") if m.kind == "person" and not m.descriptive]


@pytest.mark.parametrize("text, person", [
    # a state's adjective closing a name after a title is the family name
    ("واستقبل الوفد رئيس الوزراء سليم كمال الزمرستاني.", "سليم كمال الزمرستاني"),
    # the title's state stands before the name; no title before the name; no mark after the adjective
    ("واستقبل الوفد رئيس الوزراء الزمرستاني سليم كمال.", "سليم كمال"),
    ("وقال سليم كمال الزمرستاني إن الوفد وصل.", "سليم كمال"),
    ("واستقبل الوفد رئيس الوزراء سليم كمال الزمرستاني وعددا من الوزراء.", "سليم كمال"),
])
def test_names_ar_a_state_adjective_closing_a_name_after_a_title_is_its_family_name(ner_doc, text, person):
    assert _persons_ar(ner_doc, text, [("سليم كمال", "PER")], states=("الزمرستاني",)) == [person]


@pytest.mark.parametrize("text, ner, person", [
    # a compound given name ("عبد" + word) is followed by the family name, up to a comma
    ("صرح الرئيس عبد الكريم الزعتري، أن العلاقات متينة.", "عبد الكريم", "عبد الكريم الزعتري"),
    # a particle (ولد, بن, آل) takes the word after it
    ("استقبل الوزير سالم ولد بيروك الوفد.", "سالم ولد", "سالم ولد بيروك"),
    # a long name the NER cut before its family name with the article
    ("وصل سليم حمد كريم الفاروقي أمس إلى العاصمة.", "سليم حمد كريم", "سليم حمد كريم الفاروقي"),
    # the conjunction glued to the name is not part of it; a given name that begins with و is kept
    ("حضر اللقاء سليم الحداد وكريم النوري.", "وكريم النوري", "كريم النوري"),
    ("حضر اللقاء وليد الخطيب.", "وليد الخطيب", "وليد الخطيب"),
    # a verb the NER read into the name is dropped, and the name is not extended over a verb
    ("وكان سليم الحداد سيستقبل الوفد.", "سليم الحداد سيستقبل", "سليم الحداد"),
    ("وقال سليم الحداد يرمي إلى تعزيز التعاون.", "سليم الحداد", "سليم الحداد"),
])
def test_names_ar_ner_name_extent(ner_doc, text, ner, person):
    assert _persons_ar(ner_doc, text, [(ner, "PER")]) == [person]


def test_names_ar_demonym_read_into_the_name_is_dropped(ner_doc):
    text = "وزار وزير الخارجية الزمرستاني سليم الحداد العاصمة."
    assert _persons_ar(ner_doc, text, [("الزمرستاني سليم الحداد", "PER")], states=("الزمرستاني",)) == ["سليم الحداد"]


@pytest.mark.parametrize("text, person", [
    # title, its complement (a demonym, words with the article, a construct noun and a state), one comma
    ("وقال وزير الخارجية الزمرستاني، مراد التوزاني، إن الزيارة ناجحة.", "مراد التوزاني"),
    ("التقى وزير خارجية زمرستان مراد التوزاني في العاصمة.", "مراد التوزاني"),
    ("واجتمع بنظيره الزمرستاني كريم بن سالم العلوي أمس.", "كريم بن سالم العلوي"),
    ("واستقبلت السفيرة نادية الحمراوي وفدا من رجال الأعمال.", "نادية الحمراوي"),
])
def test_names_ar_after_a_title(ner_doc, text, person):
    assert _persons_ar(ner_doc, text, [], states=("الزمرستاني", "زمرستان")) == [person]


@pytest.mark.parametrize("text", [
    "وزير الخارجية يؤجل زيارته إلى العاصمة.",           # a verb and a possessive: no name
    "ترأس الوزير اجتماعات اللجنة الدائمة.",              # a plural noun after the title
    "وصل الوفد إلى مطار الملك فهد الدولي.",              # a place named for a king
    "وحضر رئيس هيئة علماء البلاد الندوة.",               # the complement of a construct noun
    "وأكد الرئيس بالتحسن النسبي في الأوضاع.",            # a preposition glued to the article
])
def test_names_ar_after_a_title_not_a_name(ner_doc, text):
    assert _persons_ar(ner_doc, text, []) == []


def test_names_ar_touching_person_spans_are_one_name():
    text = "حضر سليم بن حمد الحداد وكريم"
    first, second = (4, 4 + len("سليم بن")), (text.index("حمد"), text.index("حمد") + len("حمد الحداد"))
    merged = (first[0], second[1])
    assert merge_adjacent_arabic_persons(text, [first, second]) == {first: merged, second: merged}


@pytest.mark.parametrize("sentence, sport", [
    ("زار خمسة من لاعبي النادي مستشفى الأطفال أمس", True),
    ("واستقبل الوزير المنتخب الوطني لكرة اليد", True),
    ("استقبل الرئيس المنتخب نظيره في القصر", False),       # the president-elect
    ("وتولى الرئيس الرئاسة الدورية للمجموعة", False),
])
def test_sport_ar_words_of_sport(sentence, sport):
    from communique.stages.triggers import reads_as_sport

    assert reads_as_sport(sentence, "ar") is sport


def test_mentions_ar_news_outlet_by_the_suffix_of_its_name(ner_doc):
    # "فلان نيوز": the word and the suffix are one organization, replacing what the NER read inside it
    text = "وقال مصدر لموقع سرمد نيوز إن الوفد وصل، وفق ما نقلته قناة بلاد ديجيتال."
    doc = ner_doc(text, "ar", [("سرمد", "PER")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    assert [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "ar")] == [
        ("سرمد نيوز", "organization"), ("بلاد ديجيتال", "organization")]


def test_mentions_ar_a_title_is_no_clitic_and_city_and_a_latin_word_of_the_page_no_place(ner_doc):
    from types import SimpleNamespace

    # "وكيل" is an under-secretary, not "و" + a city "كيل"; "GMT" of the page's clock is no place
    text = "آخر تحديث GMT 14:19\nوكان من بين الحاضرين وكيل الوزارة سليم الحداد ومستشار الوزير."
    doc = ner_doc(text, "ar", [("GMT", "LOC"), ("سليم الحداد", "PER")])
    city = SimpleNamespace(kind="city", population=250_000)
    ctx = MentionContext(Gazetteer([]), lambda form: form == "كيل", place_lookup=lambda word: city if word == "كيل" else None)
    assert [m.form for m in find_mentions(text, doc, ctx, "ar") if m.kind == "place"] == []


def test_mentions_ar_regions_behind_a_proclitic_and_over_the_state_in_them(ner_doc):
    # "والساحل", "بحيرة زمرستان": a region (lang/ar/regions.txt); "دول الساحل" names a group of states, not it
    text = "وبحث الوزيران الأوضاع في الساحل والصحراء وحول بحيرة تشاد، بحضور ممثلي دول الساحل."
    doc = ner_doc(text, "ar", [])
    gazetteer = Gazetteer([GazetteerEntry("TD", "state", "name", "تشاد")])
    ctx = MentionContext(gazetteer, lambda form: False)
    assert [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "ar")] == [
        ("الساحل", "place"), ("الصحراء", "place"), ("بحيرة تشاد", "place")]
