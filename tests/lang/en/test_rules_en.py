"""English rule families on sentences written for the tests: sentences, titles, honorifics, triggers,
status cues, acronym definitions, names, dates and mentions (lexicons under communique/lang/en/)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.stages.acronyms import acronym_definitions
from communique.stages.dates import find_dates
from communique.stages.gazetteer import Gazetteer
from communique.stages.mentions import MentionContext, find_mentions
from communique.stages.person_names import extend_name
from communique.stages.person_titles import attach_titles
from communique.stages.sentences import sentence_spans
from communique.stages.titles import HONORIFIC_RE, TITLE_RE
from communique.stages.triggers import find_triggers, reads_as_sport, status_of


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_en_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Lt. Gen. Karl Ostrum arrived on Monday. Talks followed with Dr. J. Vance on trade, fisheries etc. and ports."
    assert _sentences(text) == ["Lt. Gen. Karl Ostrum arrived on Monday.",
                                "Talks followed with Dr. J. Vance on trade, fisheries etc. and ports."]


def test_titles_en_words_and_longest_title():
    assert [m.group(0) for m in TITLE_RE.finditer("The Deputy Prime Minister and the army chief met a senator.")] \
        == ["Deputy Prime Minister", "army chief", "senator"]


def test_titles_en_attached_before_and_after_a_name(mention_at):
    text = "Deputy Minister of Finance Karl Ostrum met Greta Valm, Secretary General of the Harbour Union, in Vells."
    mentions = [mention_at(text, "Karl Ostrum", "person"), mention_at(text, "Greta Valm", "person"),
                mention_at(text, "Harbour Union", "organization")]
    out = {m.form: m for m in attach_titles(text, mentions, sentence_spans(text))}
    assert out["Karl Ostrum"].title == "Deputy Minister"
    assert out["Greta Valm"].title == "Secretary General"
    org = out["Greta Valm"].title_org
    assert org is not None and text[int(org.split(":")[0]): int(org.split(":")[1])] == "Harbour Union"


def test_titles_en_a_determined_title_is_a_person_reference(mention_at):
    text = "The minister welcomed the Nordvikian ambassador, and a spokesman said so."
    out = attach_titles(text, [mention_at(text, "Nordvikian", "state")], sentence_spans(text))
    refs = [(m.form, m.kind, m.title) for m in out if m.descriptive]
    assert refs == [("minister", "person", "minister"), ("Nordvikian ambassador", "person", "ambassador")]


def test_honorifics_en_are_matched_as_words():
    assert HONORIFIC_RE.findall("Mr. Karl Ostrum, H.E. Dato Seri Amin and Misty Dr. Who") == \
        ["Mr.", "H.E.", "Dato", "Seri", "Dr."]


def test_triggers_en_types_and_nominal():
    sentence = ("The minister held talks with his counterpart and signed a memorandum of understanding "
                "after a meeting with the envoy.")
    assert [(t.text, t.type, t.nominal) for t in find_triggers(sentence, "en")] == [
        ("held talks", "meet", False), ("signed", "agreement", False),
        ("memorandum of understanding", "agreement", False), ("meeting", "meet", True)]


def test_triggers_en_call_and_visit():
    sentence = "The president phoned the prime minister before his trip to Vells."
    assert [(t.text, t.type) for t in find_triggers(sentence, "en")] == [("phoned", "call"), ("trip to", "visit")]


def test_triggers_en_a_session_which_opened_is_no_participation():
    sentence = "The ministers met beside the Harbour Council session, which opened on Monday."
    assert "opened" not in [t.text for t in find_triggers(sentence, "en")]
    assert [t.text for t in find_triggers("The governor opened the session of the Harbour Council.", "en")] == ["opened"]


def test_triggers_en_a_caption_receiving_a_guest():
    sentence = "Governor Tomas Moro receiving the mayor of Vells at the port. Photo: Agency"
    assert [(t.text, t.type) for t in find_triggers(sentence, "en")] == [("receiving", "meet")]
    assert find_triggers("The port is receiving equipment from the donors.", "en") == []


@pytest.mark.parametrize("sentence", [
    "The new port will meet the needs of both countries.",
    "The leaders hope to take relations further and meet the aspirations of their peoples.",
    "The plan met the expectations of the donors.",
    "The government met the protests with a crackdown.",
])
def test_triggers_en_meeting_a_need_or_an_aspiration_is_no_meeting(sentence):
    assert [t.text for t in find_triggers(sentence, "en")] == []


def test_triggers_en_meeting_a_person_is_still_a_meeting():
    assert [t.text for t in find_triggers("The minister met the envoy of the council on Monday.", "en")] == ["met"]


@pytest.mark.parametrize("sentence, word, etype", [
    ("The envoy sat down with the foreign minister on Tuesday.", "sat down with", "meet"),
    ("The king granted an audience to the visiting delegation.", "granted an audience to", "meet"),
    ("The two ministers put their signatures to the accord.", "put their signatures to", "agreement"),
    ("The president also talked to his counterpart by phone.", "talked to his counterpart by phone", "call"),
    ("The minister landed in Vells on Monday.", "landed in", "visit"),
    ("The summit brought together the leaders of the three states.", "brought together", "conference"),
])
def test_triggers_en_words_of_meetings_signatures_and_calls(sentence, word, etype):
    assert (word, etype) in [(t.text, t.type) for t in find_triggers(sentence, "en")]


@pytest.mark.parametrize("sentence, word, status", [
    ("The minister will visit Vells next month.", "visit", "planned"),
    ("The envoy is expected to meet the governor.", "meet", "planned"),
    ("The minister did not meet the envoy.", "meet", "negated"),
    ("The signing ceremony was cancelled.", "signing", "negated"),
    ("The summit was postponed because of the storm.", "summit", "negated"),
    ("The governor has put off his visit to Vells.", "visit", "negated"),
    ("The envoy called off the meeting at the last minute.", "meeting", "negated"),
    ("She had been due to meet the governor on Friday.", "meet", "negated"),
    ("The minister was supposed to visit Vells.", "visit", "negated"),
    ("The two ministers meet tomorrow in Vells.", "meet", "planned"),
    ("The minister intends to visit Vells.", "visit", "planned"),
    ("The talks are slated to open in Vells.", "talks", "planned"),
    ("He invited his counterpart to visit Vells.", "visit", "planned"),
    ("He looks forward to meeting the governor.", "meeting", "planned"),
    ("Talks later this month in Vells.", "Talks", "planned"),
    ("The minister met the envoy on Monday.", "met", "occurred"),
    ("The visit of the governor to the island, planned for Friday, has been officially postponed.", "visit", "negated"),
    ("The talks between the two delegations in the port city were cancelled.", "talks", "negated"),
    ("The governor pulls out of a meeting with the envoy.", "meeting", "negated"),
    ("The envoy skipped the meeting of the council on Sunday.", "meeting", "negated"),
    ("The governor may still travel to the summit in Vells.", "travel", "planned"),
    ("The mayor has received an invitation from the governor to visit the island.", "received", "planned"),
    ("He accepted an invitation from his counterpart to visit Vells in the spring.", "visit", "planned"),
    ("The meeting of the two envoys will take place in Vells.", "meeting", "planned"),
    ("The envoys met at the invitation of the governor and agreed on a road map.", "met", "occurred"),
    ("The governor met the envoy; the second round of talks was postponed.", "met", "occurred"),
    ("The governor met the envoy in Vells to prepare the regional summit that will take place in May.", "met", "occurred"),
    ("The governor invited Harbour Affairs Minister Ilse Vance of Sylvania to pay a visit to Vells.", "visit", "planned"),
    ("The mayor received an invitation from Sylvanian leader President Tomas Moro to make a state visit in May.",
     "visit", "planned"),
    ("Invited by his counterpart, the governor visited the island on Monday.", "visited", "occurred"),
    ("The envoy, who was invited by the council, met the governor on Monday.", "met", "occurred"),
    ("The envoy said he looked forward to visiting the island at a convenient date.", "visiting", "planned"),
    ("The governor had been scheduled to hold talks with the mayor of the coastal city of Vells, to be received "
     "by the council.", "received", "planned"),
    ("The governor had been due to fly from Vells to Port Aubin on Sunday for a two-day official visit.", "visit",
     "planned"),
    ("The governor flew to Vells on Sunday for a two-day official visit.", "visit", "occurred"),
    ("On the programme of the visit are talks with the mayor of Vells.", "talks", "planned"),
    ("On the agenda of the talks were trade and fisheries.", "talks", "occurred"),
    ("The visit the mayor was due to pay to Vells next week has been mentioned by the council.", "visit", "negated"),
    ("The mayor was received by the governor in Vells.", "received", "occurred"),
    ("The governor was due to tour the harbour of the coastal city of Vells, to open the spring fair and to attend a "
     "banquet.", "attend", "planned"),
    ("The governor arrived in Vells on Monday to hold talks with the mayor, and to attend the fair.", "attend",
     "occurred"),
])
def test_status_en_planned_negated_occurred(sentence: str, word: str, status: str):
    assert status_of(sentence, sentence.index(word), "en") == status


@pytest.mark.parametrize("sentence, word, status", [
    # a schedule qualifying the event noun
    ("His team briefed reporters ahead of his planned meeting with Governor Ilse Vance.", "meeting", "planned"),
    ("The proposed talks between the two envoys drew criticism.", "talks", "planned"),
    ("Those expected to attend include Governor Ilse Vance and Mayor Tomas Moro.", "attend", "planned"),
    # the predicate of the event noun's clause, past a long noun phrase
    ("A virtual meeting between Sylvanian President Tomas Moro and his Freedonian counterpart is expected next week.",
     "meeting", "planned"),
    # ... not a second verb of the trigger's subject, nor a relative clause about a person
    ("The governor met the envoy on Monday and is expected in Vells on Tuesday.", "met", "occurred"),
    ("The governor met the envoy, who is expected in Vells on Tuesday.", "met", "occurred"),
    # a negation does not reach past a colon
    ("It was not the envoys' first encounter: they had held talks in Vells in 1990.", "talks", "occurred"),
])
def test_status_en_schedules_of_event_nouns_in_articles(sentence: str, word: str, status: str):
    assert status_of(sentence, sentence.index(word), "en") == status


def test_acronyms_en_long_form_and_later_uses():
    text = "Delegates from the Regional Fisheries Council (RFC) met in Vells. The RFC will meet again."
    spans: dict = {}
    found = acronym_definitions(text, spans)
    assert {text[s:e]: acr for (s, e), acr in found.items()} == {"Regional Fisheries Council": "RFC"}
    uses = [text[s:e] for (s, e), info in spans.items() if info.get("alias_type") == "acronym"]
    assert uses == ["RFC", "RFC"]


def test_acronyms_en_implausible_letters_are_no_definition():
    spans: dict = {}
    assert acronym_definitions("Delegates from the Regional Fisheries Council (XYZ) met.", spans) == {}
    assert spans == {}


def test_names_en_extend_over_particles_not_titles():
    text = "Minister Karl bin Ostrum Haldor spoke; General Minister"
    assert text[text.index("Karl"): extend_name(text, text.index("Karl"), {}, first=True)] == "Karl bin Ostrum Haldor"
    end = text.index("General") + len("General")
    assert extend_name(text, end, {}) == end        # "Minister" is a title, not a name word


def test_dates_en_months_weekdays_relative_days():
    text = "The talks took place on Tuesday, 4 March 2025, and again yesterday; in May the board met."
    assert [(d.text, d.value) for d in find_dates(text, "en", date(2025, 3, 10))] == [
        ("Tuesday, 4 March 2025", "2025-03-04"), ("yesterday", "2025-03-09")]


def test_mentions_en_title_person_acronym_and_not_places(ner_doc):
    text = ("Foreign Minister Karl Ostrum received delegates of the Harbour Authority Union (HAU) in Vells. "
            "The union and the HAU thanked the country.")
    doc = ner_doc(text, "en", [("Harbour Authority Union", "ORG"), ("Vells", "GPE"), ("country", "GPE")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    out = [(m.form, m.kind, m.title, m.acronym, m.descriptive) for m in find_mentions(text, doc, ctx, "en")]
    assert out == [("Karl Ostrum", "person", "Foreign Minister", None, False),
                   ("Harbour Authority Union", "organization", None, "HAU", False),
                   ("HAU", "organization", None, None, False),
                   ("Vells", "place", None, None, False),
                   ("union", "organization", None, None, True),
                   ("HAU", "organization", None, None, False)]


def test_mentions_en_a_name_set_off_after_a_title_is_a_person():
    from communique.stages.mentions import _named_after_a_title

    text = "The Foreign Minister of Vellia, Tomas Orrin, met the envoy."
    assert _named_after_a_title(text, text.index("Tomas"), "Tomas Orrin", set())
    assert not _named_after_a_title(text, text.index("Vellia"), "Vellia", set())   # one word, no comma


def test_honorifics_en_majesty_and_highness_abbreviations():
    assert HONORIFIC_RE.findall("His Majesty King Oren met HH Sheikh Tamal and HRH Prince Orlo") == \
        ["His Majesty", "HH", "HRH"]


def test_mentions_en_calendar_words_are_no_person_names():
    from communique.stages.mentions import _CALENDAR_WORDS

    assert {"monday", "september"} <= _CALENDAR_WORDS and "may" not in _CALENDAR_WORDS   # May is also a name


def test_mentions_en_ministry_words_are_not_part_of_the_name(ner_doc):
    text = ("The Minister of Foreign Affairs and Vellian Expatriates Karl Ostrum met the Minister of "
            "Religious Endowments and Harbour Affairs Tomas Orrin in Vells.")
    doc = ner_doc(text, "en", [("Expatriates Karl Ostrum", "PERSON"), ("Endowments", "PERSON"),
                               ("Tomas Orrin", "PERSON"), ("Vells", "GPE")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en")]
    assert out == [("Karl Ostrum", "person"), ("Tomas Orrin", "person"), ("Vells", "place")]


def test_mentions_en_a_name_after_the_organization_of_a_title(ner_doc):
    text = ("The envoy received the Secretary-General of the Harbour Authority Union Tomas Orrin. "
            "The Governor of Bank Vellara Nordvik spoke.")
    doc = ner_doc(text, "en", [("Harbour Authority Union Tomas Orrin", "ORG"), ("Bank Vellara Nordvik", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en") if not TITLE_RE.match(m.form)]
    assert out == [("Harbour Authority Union", "organization"), ("Tomas Orrin", "person"),
                   ("Bank Vellara Nordvik", "organization")]   # no head noun before the last words: one name


def test_names_en_in_a_ministry_name_or_not():
    from communique.stages.title_names import in_ministry_name, strip_ministry_words

    text = "the Minister of Harbour Affairs and Vellian Expatriates Karl Ostrum and his host"
    at = text.index
    assert in_ministry_name(text, at("Harbour"), at("Harbour") + 7)
    assert in_ministry_name(text, at("Vellian"), at("Vellian") + len("Vellian Expatriates"))
    assert not in_ministry_name(text, at("Karl"), at("Karl") + len("Karl Ostrum"))
    assert strip_ministry_words(text, at("Expatriates"), at(" and his")) == (at("Karl"), at(" and his"))
    assert strip_ministry_words("Endowments", 0, 10) is None
    assert strip_ministry_words("Affairs Ostrum", 0, 14) == (0, 14)        # one word left: not stripped


def test_mentions_en_the_portfolio_of_a_title_is_no_organization(ner_doc):
    text = ("The Minister of State for Foreign Affairs and Trade, Karl Ostrum, met the Harbour Council. "
            "The Labour group welcomed the visit.")
    doc = ner_doc(text, "en", [("Foreign Affairs and Trade", "ORG"), ("Karl Ostrum", "PERSON"),
                               ("Harbour Council", "ORG"), ("Labour", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en") if not TITLE_RE.match(m.form)]
    assert out == [("Karl Ostrum", "person"), ("Harbour Council", "organization"), ("Labour", "organization")]


@pytest.mark.parametrize("text, tagged, expected", [
    ("The guests were the Foreign Minister of Vellara, Tomas Orrin Orrin, and Nordvik's Minister of Trade, "
     "Karl Ostrum. The Secretary of the Council, Vellian Harbour Parliament, and the Speaker, Gulf Times, replied.",
     [("Tomas Orrin Orrin", "ORG"), ("Karl Ostrum", "ORG"), ("Vellian Harbour Parliament", "ORG"), ("Gulf Times", "ORG")],
     [("Tomas Orrin Orrin", "person"), ("Karl Ostrum", "person"), ("Vellian Harbour Parliament", "organization"),
      ("Gulf Times", "organization")]),            # a name set off after a title is a person, whatever NER tagged
    ("The envoy thanked his Vellaran counterpart, Tomas Orrin Vell, for the welcome.", [("Orrin Vell", "PERSON")],
     [("Tomas Orrin Vell", "person")]),             # the first name NER left out after a title and a comma
])
def test_mentions_en_names_after_a_title_and_a_comma(ner_doc, text, tagged, expected):
    doc = ner_doc(text, "en", tagged)
    found = find_mentions(text, doc, MentionContext(Gazetteer([]), lambda form: False), "en")
    assert [(m.form, m.kind) for m in found if not TITLE_RE.match(m.form) and m.kind != "state"] == expected


def _title_orgs(mention_at, text: str, specs: list[tuple[str, str, int]]) -> dict[str, str | None]:
    """(form, kind, sentence) mentions -> each person's title organization, as the form of that mention."""
    mentions = [mention_at(text, form, kind, sentence=sent) for form, kind, sent in specs]
    spans = {f"{m.start}:{m.end}": m.form for m in mentions}
    return {m.form: spans.get(m.title_org or "") for m in attach_titles(text, mentions, sentence_spans(text))
            if m.kind == "person" and not m.descriptive}


@pytest.mark.parametrize("text, specs, expected", [
    ("Vellaran Foreign Minister Tomas Orrin met Nordvik's Deputy Prime Minister, Karl Ostrum, and Ada Vell.",
     [("Vellaran", "state", 0), ("Tomas Orrin", "person", 0), ("Nordvik", "state", 0), ("Karl Ostrum", "person", 0),
      ("Ada Vell", "person", 0)],
     {"Tomas Orrin": "Vellaran", "Karl Ostrum": "Nordvik", "Ada Vell": None}),          # a state before the title
    ("Harbour Union Secretary General Aline Dor signed the charter.",
     [("Harbour Union", "organization", 0), ("Aline Dor", "person", 0)], {"Aline Dor": "Harbour Union"}),   # a body
    ("Aline Dor led the Vellaran delegation at the fair. "
     "In Nordvik, he held talks with Foreign Minister Karl Ostrum on fisheries.",
     [("Aline Dor", "person", 0), ("Vellaran", "state", 0), ("Nordvik", "state", 1), ("Karl Ostrum", "person", 1)],
     {"Aline Dor": "Vellaran", "Karl Ostrum": "Nordvik"}),      # the delegation headed; the sentence's setting
    ("Among those present were Tomas Orrin of Vellara, Karl Ostrum of Nordvik, and Ada Vell.",
     [("Tomas Orrin", "person", 0), ("Vellara", "state", 0), ("Karl Ostrum", "person", 0), ("Nordvik", "state", 0),
      ("Ada Vell", "person", 0)],
     {"Tomas Orrin": "Vellara", "Karl Ostrum": "Nordvik", "Ada Vell": None}),            # "A of X, B of Y"
    ("On Monday, Tomas Orrin, the Vellands’ foreign minister, met Karl Ostrum.",
     [("Tomas Orrin", "person", 0), ("Vellands", "state", 0), ("Karl Ostrum", "person", 0)],
     {"Tomas Orrin": "Vellands", "Karl Ostrum": None}),            # a state's possessive in an apposition
])
def test_titles_en_the_state_or_body_of_a_person(mention_at, text, specs, expected):
    assert _title_orgs(mention_at, text, specs) == expected


def test_titles_en_a_title_after_the_and_a_few_modifiers_refers_to_one_person(mention_at):
    text = "The newly accredited Ambassador of Vellara met the mayor."
    mentions = [mention_at(text, "Vellara", "state")]
    refs = [m for m in attach_titles(text, mentions, sentence_spans(text)) if m.descriptive]
    assert [m.form for m in refs][:1] == ["Ambassador of Vellara"]


def test_triggers_en_presenting_credentials_is_meeting_the_head_of_state():
    sentence = "The new ambassador presented his credentials to President Tomas Moro on Monday."
    assert [(t.text, t.type) for t in find_triggers(sentence, "en")] == [("presented his credentials to", "meet")]


def test_titles_en_the_speaker_is_a_title():
    assert TITLE_RE.fullmatch("Speaker") and TITLE_RE.fullmatch("chief diplomat") and TITLE_RE.fullmatch("Counterparts")


def test_mentions_en_a_name_ends_before_a_verb_of_a_headline(ner_doc):
    text = "Minister Tom Arle Meets Harbour Envoy\n\nThe envoy and Ada Said pledged to Offer Support to the port."
    doc = ner_doc(text, "en", [("Tom Arle Meets", "PERSON"), ("Offer Support", "PERSON"), ("Ada Said", "PERSON")])
    for token in doc:        # the English tagger's tags, set by hand: present, base form, and a past tense name
        token.tag_ = {"Meets": "VBZ", "Offer": "VB", "Said": "VBD", "pledged": "VBD"}.get(token.text, "NNP")
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en") if not TITLE_RE.match(m.form)]
    assert out == [("Tom Arle", "person"), ("Ada Said", "person")]


@pytest.mark.parametrize("form, lang, document", [
    ("Harbour Trade and Cooperation Agreement", "en", True),
    ("Memorandum of Understanding", "en", True),
    ("MoUs", "en", True),
    ("Vellian Autonomy Initiative", "en", True),
    ("Government of National Accord", "en", False),       # "Accord" here names a government
    ("World Harbour Programme", "en", False),              # a programme may be a body
    ("Traité d'amitié et de coopération", "fr", True),
    ("Conseil de coopération", "fr", False),
])
def test_mentions_an_organization_span_that_names_a_document(form, lang, document):
    from communique.stages.title_names import names_a_document

    assert names_a_document(form, lang) is document


def test_mentions_en_a_portfolio_in_front_of_its_title(ner_doc):
    text = "The delegation included Energy and Natural Resources Minister Tom Arle and the Harbour Council."
    doc = ner_doc(text, "en", [("Energy and Natural Resources", "ORG"), ("Tom Arle", "PERSON"),
                               ("Harbour Council", "ORG")])
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en") if not TITLE_RE.match(m.form)]
    assert out == [("Tom Arle", "person"), ("Harbour Council", "organization")]


def test_sports_en_words_of_sport_are_read():
    assert reads_as_sport('The squad met the coach on Monday.', "en")
    assert not reads_as_sport('The ministers met on Monday.', "en")
def test_dates_en_two_days_ago():
    found = find_dates("The minister met the envoy two days ago.", "en", date(2025, 3, 10))
    assert [(d.text, d.value) for d in found] == [("two days ago", "2025-03-08")]


def test_dates_en_a_month_alone_after_in():
    found = find_dates("The envoy met the minister in October; in May talks resume.", "en", date(2025, 3, 10))
    assert [(d.text, d.value, d.precision) for d in found] == [("October", "2024-10", "month")]
    assert [d.value for d in find_dates("They met in October.", "en", None, year_hint=2021)] == ["2021-10"]


def test_mentions_en_dateline_place_in_capitals_and_news_agency(ner_doc):
    text = ("VELLS, March 3 (VNA) - Foreign Minister Karl Ostrum met envoy Tomas Orrin.\n"
            "Karl Ostrum in Vells. Photo: Ana Lund/VP")
    doc = ner_doc(text, "en", [("Karl Ostrum", "PERSON"), ("Tomas Orrin", "PERSON"), ("Vells", "GPE")])
    ctx = MentionContext(Gazetteer([]), lambda form: form.lower() == "vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en")]
    assert ("VELLS", "place") in out and ("VNA", "organization") in out and ("VP", "organization") in out


def test_mentions_en_a_span_that_runs_into_the_next_name_is_cut(ner_doc):
    text = ("The Harbour Authority Union (HAU signed with Vells. Karl Ostrum - but not Tomas Orrin - spoke. "
            "Photo by Ana Lund/VP")
    doc = ner_doc(text, "en", [("Harbour Authority Union (HAU", "ORG"), ("Vells", "GPE"),
                               ("Karl Ostrum - but", "PERSON"), ("Tomas Orrin", "PERSON"), ("Ana Lund/VP", "PERSON")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    forms = [m.form for m in find_mentions(text, doc, ctx, "en")]
    assert "Harbour Authority Union" in forms and "Karl Ostrum" in forms and "Ana Lund" in forms
    assert not any("(" in f or "/" in f or " - " in f for f in forms)


def _person(text: str, form: str) -> "Entity":
    from communique.records import Entity, Mention

    at = text.index(form)
    m = Mention(start=at, end=at + len(form), form=form, kind="person", sentence=0)
    return Entity(id="person:x", kind="person", name=form, forms=[form], mentions=[m])


@pytest.mark.parametrize("text, form, added", [
    ("Amman - His Majesty King Tarek III received the envoy on Sunday.", "Tarek III", "King Tarek III"),
    ("Le roi Tarek a reçu l'envoyé dimanche.", "Tarek", "roi Tarek"),
    ("Roi Tarek III reçoit l'envoyé", "Roi Tarek III", "Tarek III"),
    ("Sheikh Nasser Al-Vell met the envoy.", "Sheikh Nasser Al-Vell", "Nasser Al-Vell"),
])
def test_coref_royal_style_gives_a_second_form(text, form, added):
    from communique.stages.coref import add_royal_forms

    ent = add_royal_forms(text, [_person(text, form)])[0]
    assert ent.forms == [form, added]


def test_coref_no_royal_form_without_a_royal_style():
    from communique.stages.coref import add_royal_forms

    text = "Foreign Minister Tarek Vell received the Kingdom's envoy."
    assert add_royal_forms(text, [_person(text, "Tarek Vell")])[0].forms == ["Tarek Vell"]


@pytest.mark.parametrize("text, name", [
    ("Prime Minister Receives Vellian Envoy", ""),
    ("Council Chief Meets Parliamentary Delegation", ""),
    ("Foreign Minister Tarek Vell Holds Talks", "Tarek Vell"),
])
def test_mentions_en_headline_verbs_are_no_name_words(text, name):
    words = text.split()
    at = text.index(words[2])
    assert text[at:extend_name(text, at, {}, first=True)] == name


@pytest.mark.parametrize("text, ner, lang", [
    ("On Monday, President of the Republic Paul Arnal received the envoy.", "Republic Paul Arnal", "en"),
    ("Acting on instructions from the president of the Republic, Paul Arnal, the minister left.",
     "Republic, Paul Arnal", "en"),
    ("Le président de la République Paul Arnal a reçu l'envoyé.", "République Paul Arnal", "fr"),
])
def test_mentions_the_name_after_president_of_the_republic_is_a_person(ner_doc, text, ner, lang):
    doc = ner_doc(text, lang, [(ner, "ORG")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), lang)
           if not TITLE_RE.fullmatch(m.form)]
    assert ("Paul Arnal", "person") in out and not any(kind == "organization" for _, kind in out)


def test_mentions_en_world_regions_of_two_words_are_places(ner_doc):
    text = "The ministers discussed security in the Horn of Africa and trade with Asia."
    doc = ner_doc(text, "en", [])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "en")
           if m.kind != "person"]
    assert out == [("Horn of Africa", "place")]


def test_mentions_en_a_person_of_ner_made_only_of_words_that_are_never_names(ner_doc):
    text = "Vellia: President Holds Phone Talks With Karl Ostrum on Covid"
    doc = ner_doc(text, "en", [("Holds", "PERSON"), ("Karl Ostrum", "PERSON"), ("Covid", "PERSON")])
    out = [m.form for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "en")
           if m.kind == "person" and not TITLE_RE.fullmatch(m.form)]
    assert out == ["Karl Ostrum"]


def test_mentions_en_a_name_tagged_org_after_a_title_and_comma_is_a_person(ner_doc):
    text = ("Vellia's Deputy Prime Minister and Minister of Foreign Affairs, Karim al-Ostrum, met the "
            "Secretary-General of the Harbour Union, Harbour Authority Council, in Vells.")
    doc = ner_doc(text, "en", [("Karim al-Ostrum", "ORG"), ("Harbour Authority Council", "ORG"), ("Vells", "GPE")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "en") if m.form in {
        "Karim al-Ostrum", "Harbour Authority Council"}]
    assert out == [("Karim al-Ostrum", "person"), ("Harbour Authority Council", "organization")]
