"""Venue: the words around a place, the places the gazetteer finds after a locative word, the locative rule,
and the committed venue choice on sentences written for these tests (fictional people)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from communique.records import Document, Entity, Location, Mention
from communique.stages.decide import LinearModel
from communique.stages.frames import Frame
from communique.stages.triggers import Trigger
from communique.stages.venue import VenueQuery, _place_spans, _word_before, learned_venue
from communique.stages.venue_rules import rule_venue


@pytest.mark.parametrize("left, expected", [
    ("The two ministers held talks in ", "in"),
    ("The delegation arrived in ", "arrive"),
    ("during his official visit to ", "visit"),
    ("the ambassador, who flew in from ", "from"),
    ("at the summit held in ", "at"),
    ("Les deux ministres se sont entretenus à ", "in"),
    ("le ministre, arrivé à ", "arrive"),
    ("l'envoyé venu de ", "from"),
    ("التقى الوزيران في ", "in"),
    ("ثم وصل إلى ", "arrive"),
    ("ثم وصل الوزير سامي نور إلى ", "arrive"),
    ("إثر زيارة قام بها الوزير إلى ", "visit"),
    ("توجه الوفد إلى ", "to"),
    ("The minister said that ", "none"),
    # a visit still to be paid, and a journey already made
    ("The president invited his guest to visit ", "future_visit"),
    ("She is expected to pay an official visit to ", "future_visit"),
    ("Il l'a invité à effectuer une visite officielle en ", "future_visit"),
    ("ودعا الوزير نظيره إلى القيام بزيارة رسمية إلى ", "future_visit"),
    ("The minister then travelled to ", "arrive"),
    ("The envoy flew to ", "arrive"),
    ("ثم انتقل الوزير يوم الخميس إلى ", "arrive"),
    ("The minister will travel to ", "to"),
    # a place that completes an Arabic title is whose office it is, not where the event took place
    ("استقبل الوزير سفير المملكة المتحدة في ", "of"),
    ("التقى الأمير رئيس المجلس الأعلى الانتقالي بجمهورية ", "of"),
    ("وصل رئيس الحكومة سامي نور صباح اليوم ب", "in"),
    ("التقى وزير الخارجية اليوم في ", "in"),
    # a place after a noun of a state of affairs is what the talks were about
    ("They discussed the latest developments in ", "topic"),
    ("They reviewed the humanitarian situation in ", "topic"),
    ("pour évoquer la situation à ", "topic"),
    ("ils ont parlé de la guerre en ", "topic"),
    ("وبحث الجانبان الأوضاع في ", "topic"),
    ("وتناول اللقاء التطورات في ", "topic"),
    ("The Security Council met in ", "in"),
    ("وعقد مجلس الأمن جلسة في ", "in"),
])
def test_word_before_a_place(left, expected):
    assert _word_before(left + "Xville", len(left)) == expected


def test_word_before_an_arabic_proclitic_the_mention_left_out():
    text = "واجتمع الوزيران بالعاصمة"
    assert _word_before(text, text.index("العاصمة")) == "in"
    text = "واستقبل الأمير رئيس المجلس الانتقالي بجمهورية الجبل"
    assert _word_before(text, text.index("جمهورية")) == "of"


def _trigger(text: str, etype: str) -> Trigger:
    word = next(w for w in ("met", "rencontré", "spoke") if w in text)
    return Trigger(text.index(word), text.index(word) + len(word), word, etype, False)


def _query(text: str, places: list[tuple[str, str, str | None]], parties: list[Entity], etype: str = "meet",
           geocode=None, dateline: str | None = None, lang: str = "en") -> VenueQuery:
    doc = Document(id="sha256:t", source="t.txt", text=text, lang=lang, published="2031-03-04",
                   dateline_place=dateline)
    mentions = []
    for form, kind, country in places:
        start = text.index(form)
        ent = Entity(f"{kind}:{form}", kind, form, [form], [Mention(start, start + len(form), form, kind, 0)],
                     country=country)  # type: ignore[arg-type]
        mentions.append((ent.mentions[0], ent))
    frame = Frame(etype, "occurred", [p.id for p in parties], {}, [(0, len(text))],
                  _trigger(text, etype))
    return VenueQuery(doc, frame, mentions, {p.id: p for p in parties}, [(0, len(text))], None,
                      geocode or (lambda name: None))


_GAZETTEER = {"Tunis": Location("Tunis", "TN", 36.8, 10.2), "Tunisia": Location("Tunisia", "TN"),
              "Ghana": Location("Ghana", "GH"), "Accra": Location("Accra", "GH", 5.6, -0.2),
              "Lome": Location("Lome", "TG", 6.1, 1.2)}


def _person(name: str, country: str | None = None) -> Entity:
    return Entity(f"person:{name}", "person", name, [name], [], country=country)  # type: ignore[arg-type]


def test_place_spans_find_a_known_place_after_a_locative_word_no_mention_covers():
    text = "Prime Minister Ama Boateng met on Tuesday in Tunis the envoy Omar Hadi."
    q = _query(text, [], [_person("Ama Boateng"), _person("Omar Hadi")], geocode=_GAZETTEER.get)
    assert [(text[s:e], loc.name, kind, source) for s, e, loc, kind, source in _place_spans(q)] \
        == [("Tunis", "Tunis", "city", "scanned")]


_HOMONYMS = {"Tunis": Location("Tunis", "TN", 36.8, 10.2), "Tunisia": Location("Tunisia", "TN"),
             "Lakeport City": Location("Lakeport City", "XA", 1.0, 2.0), "Lakeport": Location("Lakeport City", "XA", 1.0, 2.0),
             "Bayland City": Location("Bayland City", "XB", 3.0, 4.0), "Bayland": Location("Bayland", "XB"),
             "vert": Location("Vert", "XC", 5.0, 6.0)}


def _arabic_tunisia_query(text: str) -> VenueQuery:
    """A query on an Arabic text whose one place mention is the state "تونس" (a city shares the written name)."""
    start = text.index("تونس")
    state = Entity("state:Tunisia", "state", "Tunisia", ["تونس"], [Mention(start, start + 4, "تونس", "state", 0)],
                   country="TN")
    gazetteer = {"تونس": Location("Tunis", "TN", 36.8, 10.2), "Tunisia": Location("Tunisia", "TN")}
    return replace(_query("The envoy met him.", [], []), doc=Document(id="sha256:t", source="t.txt", text=text, lang="ar"),
                   place_mentions=[(state.mentions[0], state)], geocode=gazetteer.get)


def test_place_spans_read_an_arabic_state_mention_as_its_country_though_a_city_shares_the_written_name():
    q = _arabic_tunisia_query("التقى الوزير سامي نور نظيره في تونس")
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["Tunisia"]
    latin = Entity("state:Tunisia", "state", "Tunisia", ["Tunis"], [Mention(0, 5, "Tunis", "state", 0)], country="TN")
    q = replace(q, doc=Document(id="sha256:t", source="t.txt", text="Tunis hosted the talks.", lang="en"),
                place_mentions=[(latin.mentions[0], latin)], geocode=_HOMONYMS.get)
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["Tunis"]


@pytest.mark.parametrize("text, expected", [
    ("التقى الوزير سامي نور نظيره اليوم في تونس العاصمة، وبحثا التعاون", "Tunis"),     # the state's name + "the capital"
    ("التقى الوزير سامي نور نظيره اليوم في تونس العاصمة الاقتصادية", "Tunisia"),      # another word: not the capital
    ("التقى الوزير سامي نور نظيره اليوم في تونس", "Tunisia"),
])
def test_place_spans_read_an_arabic_state_name_followed_by_the_capital_as_its_capital_city(text, expected):
    q = _arabic_tunisia_query(text)
    assert [loc.name for *_, loc, _, _ in _place_spans(q)][:1] == [expected]


def test_place_spans_give_a_city_its_usual_name_and_skip_a_lowercase_word():
    text = "The envoy Omar Hadi met in Lakeport a vert delegation of Bayland City."
    q = _query(text, [("Lakeport", "place", None), ("vert", "place", None), ("Bayland City", "place", None)],
               [_person("Omar Hadi")], geocode=_HOMONYMS.get)
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["Lakeport", "Bayland City"]


def test_rule_venue_skips_the_parties_own_country_and_falls_back_to_the_dateline():
    text = "The Ghana minister Kofi Adu met in Ghana the envoy Ali Sow."
    parties = [_person("Kofi Adu", "GH"), _person("Ali Sow")]
    q = _query(text, [("Ghana", "state", "GH")], parties, geocode=_GAZETTEER.get, dateline="Lome")
    assert rule_venue(q) == _GAZETTEER["Lome"]


def test_rule_venue_gives_a_call_no_venue_but_a_city_of_its_own_sentence():
    text = "Kofi Adu spoke by phone with Ali Sow."
    q = _query(text, [], [_person("Kofi Adu"), _person("Ali Sow")], etype="call", geocode=_GAZETTEER.get,
               dateline="Lome")
    assert rule_venue(q) is None


def test_learned_venue_keeps_the_best_candidate_above_the_threshold():
    text = "Kofi Adu met Ali Sow in Accra; he had come from Lome."
    q = _query(text, [], [_person("Kofi Adu"), _person("Ali Sow")], geocode=_GAZETTEER.get)
    model = LinearModel("venue", {"before=in": 2.0, "before=from": -2.0}, bias=0.0, threshold=0.5)
    location, p = learned_venue(q, model)
    assert location == _GAZETTEER["Accra"] and p > 0.8
    assert learned_venue(q, LinearModel("venue", {}, bias=-5.0, threshold=0.5))[0] is None


@pytest.mark.parametrize("text, venue", [
    ("ACCRA, March 3 (Agency) - The Foreign Minister of Ghana, Kofi Mensah, met the Egyptian Foreign Minister "
     "Ahmed Hassan at the Presidential Palace in Alexandria on Monday. The two ministers discussed trade.",
     "Alexandria"),
    ("Tunisian Prime Minister Leila Ben Salah received on Tuesday in Tunis the Secretary-General of the Arab "
     "League, Omar Haddad. They discussed regional security.", "Tunis"),
    ("RABAT, 4 mars (MAP) - Le ministre des Affaires étrangères, Karim Alaoui, s'est entretenu lundi à Dakar "
     "avec son homologue sénégalais Moussa Diop.", "Dakar"),
    ("التقى وزير الخارجية الأردني سامي الخطيب، اليوم الأحد في القاهرة، وزير الخارجية المصري حسن فؤاد، "
     "وبحث الجانبان العلاقات الثنائية.", "Cairo"),
])
def test_committed_venue_choice_on_written_reports(run_one, text, venue):
    record = run_one(text, published="2031-03-04")
    assert [ev["location"]["name"] for ev in record["events"]] == [venue]


def test_place_spans_read_the_whole_word_where_a_mention_left_out_a_letter_of_the_place():
    text = "وصل الوفد أمس إلى باريس في زيارة رسمية"
    start = text.index("اريس")
    ent = Entity("place:اريس", "place", "اريس", ["اريس"], [Mention(start, start + 4, "اريس", "place", 0)])
    gazetteer = {"باريس": Location("Paris", "FR", 48.9, 2.4), "اريس": Location("Arys", "KZ", 42.4, 68.8)}
    q = replace(_query("The envoy met him.", [], []), doc=Document(id="sha256:t", source="t.txt", text=text, lang="ar"),
                place_mentions=[(ent.mentions[0], ent)], geocode=gazetteer.get)
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["Paris"]


def test_place_spans_scan_after_the_proclitic_ba_only_a_name_with_the_article():
    text = "التقى الوزير سامي نور بالقاهرة ثم اجتمع بمراد"
    gazetteer = {"القاهرة": Location("Cairo", "EG", 30.1, 31.2), "مراد": Location("Murad", "EG", 1.0, 1.0),
                 "مصر": Location("Egypt", "EG")}
    q = replace(_query("The envoy met him.", [], []), doc=Document(id="sha256:t", source="t.txt", text=text, lang="ar",
                dateline_place="مصر"), geocode=gazetteer.get)
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["Cairo"]


def test_place_spans_take_an_arabic_word_after_fi_as_a_city_only_in_a_country_the_document_names():
    text = "التقى الوزير سامي نور في الميدان ثم في العاصمة الجديدة"
    gazetteer = {"الميدان": Location("Midan", "XE", 1.0, 1.0), "العاصمة الجديدة": Location("New Capital", "EG", 30.0, 31.7)}
    q = replace(_query("The envoy met him.", [], []), doc=Document(id="sha256:t", source="t.txt", text=text, lang="ar",
                dateline_place="مصر"), geocode=lambda name: gazetteer.get(name) or
                (Location("Egypt", "EG") if name == "مصر" else None))
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["New Capital"]


def test_a_continent_or_world_region_is_never_a_candidate():
    from communique.stages.venue import venue_candidates

    text = "Kofi Adu met Ali Sow in Accra to discuss terrorism in Africa and in the Sahel."
    q = _query(text, [("Accra", "place", "GH"), ("Africa", "place", None), ("Sahel", "place", None)],
               [_person("Kofi Adu"), _person("Ali Sow")], geocode=_GAZETTEER.get)
    assert [c.location.name for c in venue_candidates(q)] == ["Accra"]


def _features_of(q: VenueQuery) -> dict[str, dict[str, float]]:
    from communique.stages.venue import venue_candidates

    return {c.location.name: c.features for c in venue_candidates(q)}


def test_word_before_a_place_whose_mention_holds_the_preposition():
    text = "Le ministre Karim Alaoui a rencontré mercredi au Caire son homologue Omar Hadi."
    q = _query(text, [("au Caire", "place", None)], [_person("Karim Alaoui"), _person("Omar Hadi")],
               geocode={"Caire": Location("Cairo", "EG", 30.1, 31.2)}.get, lang="fr")
    assert _features_of(q)["Cairo"]["before=in"] == 1.0


def test_place_spans_read_the_capital_named_after_the_word_capital_and_its_adjective():
    text = "حل الوزير سامي نور اليوم بالعاصمة الغانية أكرا في زيارة عمل"
    gazetteer = {"أكرا": Location("Accra", "GH", 5.6, -0.2)}
    q = replace(_query("The envoy met him.", [], []), doc=Document(id="sha256:t", source="t.txt", text=text, lang="ar"),
                geocode=gazetteer.get)
    assert [(text[s:e], loc.name) for s, e, loc, _, _ in _place_spans(q)] == [("أكرا", "Accra")]


def test_a_place_outside_the_event_says_when_the_event_states_a_place_of_another_country():
    text = "Kofi Adu met Ali Sow in Accra."
    q = _query(text, [("Accra", "place", "GH")], [_person("Kofi Adu"), _person("Ali Sow")],
               geocode=_GAZETTEER.get, dateline="Lome")
    features = _features_of(q)
    assert features["Lome"].get("other_stated_here|dateline") == 1.0 and features["Lome"]["dateline"] == 1.0
    assert not any(k.startswith("other_stated_here") for k in features["Accra"])
    # the stated place is a country, the dateline its capital: nothing to say against the dateline
    text = "Kofi Adu met Ali Sow in Ghana."
    q = _query(text, [("Ghana", "state", "GH")], [_person("Kofi Adu"), _person("Ali Sow")],
               geocode=_GAZETTEER.get, dateline="Accra")
    assert not any(k.startswith("other_stated_here") for k in _features_of(q)["Accra"])


def test_the_kind_of_a_place_and_the_word_before_it_in_the_event_sentence_make_one_feature():
    text = "Kofi Adu met Ali Sow during his official visit to Ghana."
    q = _query(text, [("Ghana", "state", "GH")], [_person("Kofi Adu"), _person("Ali Sow")], geocode=_GAZETTEER.get)
    assert _features_of(q)["Ghana"]["kind=country|pos=evidence|before=visit"] == 1.0


def test_place_spans_scan_a_building_named_after_a_locative_word():
    text = "Envoy Ama Boateng met minister Omar Hadi at Harbour Union Headquarters on Tuesday."
    q = _query(text, [], [_person("Ama Boateng"), _person("Omar Hadi")], geocode=_GAZETTEER.get)
    assert [(loc.name, kind, source) for _, _, loc, kind, source in _place_spans(q)] \
        == [("Harbour Union Headquarters", "building", "scanned")]
    q = _query("Envoy Ama Boateng met minister Omar Hadi at Harbour Union on Tuesday.", [], [], geocode=_GAZETTEER.get)
    assert _place_spans(q) == []



def test_place_spans_scan_a_city_after_trip_to_and_the_city_that_ends_capitalized_words():
    text = "Envoy Ama Boateng met Omar Hadi on his first trip to Accra, then called at Fleet Base Lome."
    q = _query(text, [], [_person("Ama Boateng"), _person("Omar Hadi")], geocode=_GAZETTEER.get)
    assert [(text[s:e], loc.name, kind) for s, e, loc, kind, _ in _place_spans(q)] \
        == [("Accra", "Accra", "city"), ("Fleet Base Lome", "Lome", "city")]
    assert _features_of(q)["Lome"]["before=at"] == 1.0


def test_a_party_country_stated_as_visited_in_the_event_sentence_has_its_own_feature():
    text = "Kofi Adu met Ali Sow during his official visit to Ghana."
    q = _query(text, [("Ghana", "state", "GH")], [_person("Kofi Adu", "GH"), _person("Ali Sow")],
               geocode=_GAZETTEER.get)
    assert _features_of(q)["Ghana"]["party_country|visited_here"] == 1.0
    text = "Kofi Adu met Ali Sow to discuss trade with Ghana."
    q = _query(text, [("Ghana", "state", "GH")], [_person("Kofi Adu", "GH"), _person("Ali Sow")],
               geocode=_GAZETTEER.get)
    assert "party_country|visited_here" not in _features_of(q)["Ghana"]


def test_a_place_is_reported_without_transliteration_marks_and_found_after_an_arabic_administrative_word():
    text = "التقى الوزير سامي نور في محافظة الواحة"
    start = text.index("محافظة")
    ent = Entity("place:w", "place", "محافظة الواحة", ["محافظة الواحة"],
                 [Mention(start, len(text), "محافظة الواحة", "place", 0)])
    gazetteer = {"الواحة": Location("Al-Wāḥa `Ulyā", "XA", 1.0, 2.0)}
    q = replace(_query("The envoy met him.", [], []), doc=Document(id="sha256:t", source="t.txt", text=text, lang="ar"),
                place_mentions=[(ent.mentions[0], ent)], geocode=gazetteer.get)
    assert [loc.name for *_, loc, _, _ in _place_spans(q)] == ["Al-Waḥa Ulya"]


def test_a_place_of_the_trigger_sentence_and_a_place_told_as_planned_have_their_own_features():
    text = "Kofi Adu arrived in Accra, where he met Ali Sow. He is expected to travel to Lome on Friday."
    first = text.index(".") + 1
    q = _query(text, [("Accra", "place", "GH"), ("Lome", "place", "TG")], [_person("Kofi Adu"), _person("Ali Sow")],
               geocode=_GAZETTEER.get)
    q = replace(q, sents=[(0, first), (first + 1, len(text))], frame=replace(q.frame, evidence=[(0, first)]))
    features = _features_of(q)
    assert features["Accra"]["trigger_sentence|before=arrive"] == 1.0 and "only_told_as_planned" not in features["Accra"]
    assert features["Lome"]["only_told_as_planned"] == 1.0
    assert not any(k.startswith("trigger_sentence") for k in features["Lome"])


def test_a_place_the_talks_were_about_is_not_stated_as_the_setting():
    text = "Kofi Adu met Ali Sow in Accra to discuss the recent developments in Lome."
    q = _query(text, [("Accra", "place", "GH"), ("Lome", "place", "TG")], [_person("Kofi Adu"), _person("Ali Sow")],
               geocode=_GAZETTEER.get)
    features = _features_of(q)
    assert features["Accra"]["stated_here_alone"] == 1.0
    assert features["Lome"]["before=topic"] == 1.0 and "pos=evidence|before=in" not in features["Lome"]
