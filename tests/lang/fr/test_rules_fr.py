"""French rule families on sentences written for the tests: sentences, titles, honorifics, triggers,
status cues, acronym definitions, names, dates and mentions (lexicons under communique/lang/fr/)."""

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
from communique.stages.triggers import find_triggers, hosts_a_gathering, reads_as_sport, status_of


def test_sentences_fr_abbreviations_and_initials_do_not_end_a_sentence():
    text = "M. Paul Verlaine-Roux a reçu Mme Ginette Arnal. Ils ont évoqué la pêche, les ports, etc. et le fret."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "M. Paul Verlaine-Roux a reçu Mme Ginette Arnal.", "Ils ont évoqué la pêche, les ports, etc. et le fret."]


def test_titles_fr_words_and_longest_title():
    text = "Le secrétaire général adjoint a vu le chef de la diplomatie et l'ambassadrice."
    assert [m.group(0) for m in TITLE_RE.finditer(text)] == [
        "secrétaire général adjoint", "chef de la diplomatie", "ambassadrice"]
    assert [m.group(0) for m in TITLE_RE.finditer("L'émissaire vellien et l'envoyée spéciale du conseil.")] == [
        "émissaire", "envoyée spéciale"]


def test_titles_fr_attached_before_the_name_and_title_only_reference(mention_at):
    text = "Le ministre de la Pêche, Paul Arnal, a reçu le directeur de l'Office des ports."
    mentions = [mention_at(text, "Paul Arnal", "person"), mention_at(text, "Office des ports", "organization")]
    out = attach_titles(text, mentions, sentence_spans(text))
    assert [(m.form, m.title, m.descriptive) for m in out if m.kind == "person"] == [
        ("Paul Arnal", "ministre", False), ("directeur de l'Office des ports", "directeur", True)]
    org = out[1].title_org
    assert org is not None and text[int(org.split(":")[0]): int(org.split(":")[1])] == "Office des ports"


def test_honorifics_fr_are_matched_as_words():
    assert HONORIFIC_RE.findall("M. Arnal, Mme Roux et Son Excellence Paul Vasseur ; Mmes Dupin") == \
        ["M.", "Mme", "Son Excellence", "Mmes"]


def test_triggers_fr_types_and_nominal():
    sentence = "Le ministre s'est entretenu avec son homologue et a signé un accord après une réunion avec l'envoyé."
    assert [(t.text, t.type, t.nominal) for t in find_triggers(sentence, "fr")] == [
        ("s'est entretenu", "meet", False), ("signé", "agreement", False), ("réunion", "meet", True)]


def test_triggers_fr_call_visit_conference():
    sentence = "Après un entretien téléphonique, le ministre s'est rendu à Vells où il a pris part au forum."
    assert [(t.text, t.type) for t in find_triggers(sentence, "fr")] == [
        ("entretien téléphonique", "call"), ("s'est rendu", "visit"), ("pris part", "conference")]


@pytest.mark.parametrize("sentence, word, status", [
    ("Le ministre devrait rencontrer l'envoyé demain.", "rencontrer", "planned"),
    ("Une nouvelle visite aura lieu à Vells.", "visite", "planned"),
    ("La visite a été annulée.", "visite", "negated"),
    ("Le ministre n'a pas rencontré l'envoyé.", "rencontré", "negated"),
    ("La visite du ministre a été reportée à une date ultérieure.", "visite", "negated"),
    ("Le ministre repousse sa visite à Vells.", "visite", "negated"),
    ("La réunion a été ajournée.", "réunion", "negated"),
    ("Samedi, elle devait rencontrer le gouverneur.", "rencontrer", "negated"),
    ("Le ministre rencontrera le gouverneur à Vells.", "rencontrera", "planned"),
    ("Le ministre se rendra à Vells la semaine prochaine.", "se rendra", "planned"),
    ("Il s'entretiendra avec son homologue.", "s'entretiendra", "planned"),
    ("Le ministre reçoit demain l'envoyé.", "reçoit", "planned"),
    ("Le ministre a rencontré l'envoyé lundi.", "rencontré", "occurred"),
    ("La visite du gouverneur dans la ville portuaire a été une nouvelle fois reportée.", "visite", "negated"),
    ("Le gouverneur n'avait pas pris part à la réunion du conseil.", "pris part", "negated"),
    ("Il avait déjà manqué la réunion des gouverneurs de la région.", "réunion", "negated"),
    ("La rencontre entre les deux envoyés se tiendra à Vells.", "rencontre", "planned"),
    ("La visite du gouverneur, prévue pour la fin du mois, portera sur le commerce.", "visite", "planned"),
    ("Le maire a reçu une invitation du gouverneur à se rendre dans l'île.", "reçu", "planned"),
    ("Les envoyés se sont rencontrés à l'invitation du gouverneur et ont signé un accord.", "rencontrés", "occurred"),
    ("Le gouverneur a reçu l'envoyé à Vells pour préparer le sommet régional qui se tiendra en mai.", "reçu", "occurred"),
    ("Le gouverneur a invité son homologue sylvanien, M. Tomas Moro, à effectuer une visite officielle à Vells.",
     "visite", "planned"),
    ("Le maire, invité par son homologue, a effectué une visite à Vells lundi.", "visite", "occurred"),
    ("La visite du gouverneur à Vells a été remise à plus tard.", "visite", "negated"),
    ("Le ministre conduira une tournée dans les pays voisins.", "tournée", "planned"),
    ("Le gouverneur réunira les envoyés à Vells.", "réunira", "planned"),
    ("Au programme de ce séjour figure, mardi, un entretien avec le gouverneur de Vells.", "entretien", "planned"),
    ("Le gouverneur comptait effectuer une visite à Vells en mai.", "visite", "planned"),
    ("Venu pour le compte du conseil, le maire a rencontré le gouverneur.", "rencontré", "occurred"),
    ("La visite que la délégation du conseil régional devait effectuer à Vells pour discuter du port a été "
     "évoquée.", "visite", "negated"),
    ("La ministre maintient sa visite et sera lundi à Vells, au lendemain d'une étape à Lys.", "visite", "planned"),
    ("Le ministre a rejoint la salle où sera signé l'accord de pêche.", "signé", "planned"),
    ("Ils ont évoqué la visite d'État que M. Karim Oulad doit effectuer prochainement à Vells.", "visite", "planned"),
    ("Le gouverneur doit se rendre à Vells mardi.", "se rendre", "planned"),
    ("La visite doit permettre de renforcer les liens entre les deux ports.", "visite", "occurred"),
    ("Le maire a appelé de ses vœux une participation de haut niveau de Vells à ce sommet.", "participation",
     "planned"),
    ("Vells devant recevoir en mai le gouverneur de Lys, le port se prépare.", "recevoir", "planned"),
])
def test_status_fr_planned_negated_occurred(sentence: str, word: str, status: str):
    assert status_of(sentence, sentence.index(word), "fr") == status


@pytest.mark.parametrize("sentence, word, status", [
    # le prédicat de la proposition du nom d'événement, après un long groupe nominal
    ("Une rencontre virtuelle entre le président sylvanien Tomas Moro et son homologue Ilse Vance est par ailleurs "
     "attendue dès la semaine prochaine.", "rencontre", "planned"),
    ("Ce sera la première rencontre entre les deux présidents.", "rencontre", "planned"),
    ("L'éventuelle visite du gouverneur à Vells divise la presse.", "visite", "planned"),
    # ... pas le second verbe du sujet du déclencheur
    ("Le gouverneur a rencontré l'envoyé lundi et est attendu mardi à Vells.", "rencontré", "occurred"),
    # une négation ne passe pas un deux-points
    ("Ce n'était pas leur première rencontre : les deux hommes avaient déjà tenu une réunion à Vells.", "réunion",
     "occurred"),
])
def test_status_fr_schedules_of_event_nouns_in_articles(sentence: str, word: str, status: str):
    assert status_of(sentence, sentence.index(word), "fr") == status


def test_acronyms_fr_long_form_from_a_head_word_and_later_uses():
    text = "L'Agence nationale des routes (ANR) a signé. Selon l'ANR, les travaux commencent."
    spans: dict = {}
    found = acronym_definitions(text, spans)
    assert {text[s:e]: acr for (s, e), acr in found.items()} == {"Agence nationale des routes": "ANR"}
    assert sorted(text[s:e] for s, e in spans) == ["ANR", "ANR", "Agence nationale des routes"]


def test_names_fr_extend_over_particles():
    text = "Le colonel Paul Ould Arnal et le ministre"
    end = text.index("Paul") + len("Paul")
    assert text[text.index("Paul"): extend_name(text, end, {})] == "Paul Ould Arnal"


def test_dates_fr_months_weekdays_relative_days():
    text = "Les entretiens ont eu lieu le mardi 4 mars 2025 puis hier, et la veille du forum."
    assert [(d.text, d.value) for d in find_dates(text, "fr", date(2025, 3, 10))] == [
        ("mardi 4 mars 2025", "2025-03-04"), ("hier", "2025-03-09"), ("la veille", "2025-03-09")]


def test_mentions_fr_persons_titles_and_not_places(ner_doc):
    text = ("Le ministre des Finances, Paul Arnal, a reçu M. Henri Vasseur, directeur de l'Office des ports "
            "de Vells. Il a salué le pays.")
    doc = ner_doc(text, "fr", [("Paul Arnal", "PER"), ("M. Henri Vasseur", "PER"), ("Office des ports", "ORG"),
                               ("Vells", "LOC"), ("pays", "LOC")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    out = [(m.form, m.kind, m.title) for m in find_mentions(text, doc, ctx, "fr")]
    assert out == [("Paul Arnal", "person", "ministre"), ("Henri Vasseur", "person", "directeur"),
                   ("Office des ports", "organization", None), ("Vells", "place", None)]


def test_mentions_fr_a_name_set_off_after_a_title_is_a_person():
    from communique.stages.mentions import _named_after_a_title

    text = "Mercredi, la ministre vellienne des Affaires étrangères, Aline Dorval-Mas, a reçu l'envoyé."
    assert _named_after_a_title(text, text.index("Aline"), "Aline Dorval-Mas", set())
    other = "Le ministre s'est rendu à Vells, Haute Marne, où il a reçu l'envoyé."
    verbs = {other.index("est"), other.index("rendu")}
    assert not _named_after_a_title(other, other.index("Haute"), "Haute Marne", verbs)   # a verb: a clause
    assert not _named_after_a_title(text, text.index("Affaires"), "Affaires étrangères", set())  # no comma


def test_honorifics_fr_monsieur_and_excellences():
    assert HONORIFIC_RE.findall("Monsieur Paul Vasseur et Leurs Excellences les ambassadeurs") == \
        ["Monsieur", "Leurs Excellences"]


def test_mentions_fr_weekdays_are_no_person_names():
    from communique.stages.mentions import _CALENDAR_WORDS

    assert {"lundi", "mercredi", "septembre"} <= _CALENDAR_WORDS


@pytest.mark.parametrize("text, form, portfolio", [
    ("Le ministre des Affaires étrangères et de la Coopération régionale, Paul Arnal, a reçu", "Coopération régionale",
     True),
    ("la ministre déléguée chargée de la Communauté nationale à l'étranger a reçu", "Communauté nationale", True),
    ("le ministre de l'Économie et du Commerce a signé", "Économie et du Commerce", True),
    ("le ministre a reçu la délégation de la Coopération internationale", "Coopération internationale", False),
    ("le ministre de la Défense a reçu le Conseil national de sécurité", "Conseil national", False),
    # after the demonym of the title
    ("Le ministre malien des Affaires étrangères et de la Coopération internationale, Paul Arnal, a reçu",
     "Coopération internationale", True),
    ("la ministre vellienne des Affaires étrangères, Mme Aline Dor, a reçu", "Affaires étrangères", True),
    ("le ministre égyptien de l'Approvisionnement et du Commerce intérieur a reçu", "Approvisionnement", True),
    ("le ministre malien a reçu la délégation de la Coopération internationale", "Coopération internationale", False),
])
def test_mentions_fr_the_portfolio_of_a_title_is_no_organization(text, form, portfolio):
    from communique.stages.title_names import portfolio_of_title

    at = text.index(form)
    assert portfolio_of_title(text, at, at + len(form), "fr") is portfolio


def test_mentions_fr_places_without_contraction_compass_word_or_portfolio(ner_doc):
    text = ("Arrivé au Vells mardi, le ministre de l'Énergie et des Mines a rencontré son homologue. "
            "Ils ont parlé de l'Ouest et du port de Vells.")
    doc = ner_doc(text, "fr", [("au Vells", "LOC"), ("Mines", "LOC"), ("Ouest", "LOC"), ("port de Vells", "LOC")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "fr") if not TITLE_RE.match(m.form)]
    assert out == [("Vells", "place"), ("port de Vells", "place")]


@pytest.mark.parametrize("text, found", [
    ("Le ministère vellien des Affaires étrangères a fait savoir que", ["ministère vellien des Affaires étrangères"]),
    ("selon la présidence de la République, l'entretien", ["présidence de la République"]),
    ("L'armée vellienne a reçu", ["armée vellienne"]),
    ("le ministère de la Santé vellien a signé", ["ministère de la Santé vellien"]),
    ("du ministère de l'Énergie, des Mines et de la Coopération régionale, M. Paul Arnal",
     ["ministère de l'Énergie, des Mines et de la Coopération régionale"]),
    ("l'armée et la police", []),                     # a head noun alone is no institution
    ("la présidence du forum", []),
])
def test_mentions_fr_institutions_in_lower_case(text, found):
    from communique.stages.title_names import institutions_fr

    spans = institutions_fr(text, lambda word: word in {"vellien", "vellienne"})
    assert [text[s:e] for s, e in spans] == found


def test_parties_fr_the_institution_that_reports_is_no_party():
    from communique.stages.parties import _NON_PARTY_AFTER

    assert _NON_PARTY_AFTER.match(" a fait savoir que le ministre a reçu")
    assert _NON_PARTY_AFTER.match(" annonce que")
    assert not _NON_PARTY_AFTER.match(" a reçu le ministre")


@pytest.mark.parametrize("sentence, word, etype", [
    ("Le ministre a en outre vu le secrétaire général adjoint.", "a en outre vu", "meet"),
    ("Le président a accordé une audience à la délégation.", "accordé une audience", "meet"),
    ("Les deux ministres ont tenu une séance de travail.", "tenu une séance de travail", "meet"),
    ("Il a eu des entretiens séparés avec les ministres.", "entretiens", "meet"),
    ("L'échange téléphonique entre les deux ministres a duré une heure.", "échange téléphonique", "call"),
    ("La session s'est tenue avec la participation du secrétaire général.", "avec la participation du", "conference"),
    ("Le ministre a parlé à la tribune de l'Assemblée générale.", "à la tribune de", "conference"),
    ("Le président avait réuni autour de lui les chefs d'Etat de la région.", "avait réuni", "conference"),
    ("Sa tournée comprend des visites en Sylvanie et en Freedonie.", "visites", "visit"),
    ("Le ministre s'est penché avec son homologue sur la crise.", "s'est penché avec", "meet"),
    ("Il a fait le point avec M. Arnal sur la coopération.", "fait le point avec", "meet"),
    ("Il a examiné avec Paul Arnal les dossiers en cours.", "examiné avec", "meet"),
    ("Il a profité de son séjour pour s'entretenir de pêche avec la Chambre de commerce.", "s'entretenir", "meet"),
    ("Un tête-à-tête avec le président a suivi.", "tête-à-tête", "meet"),
    ("Il a eu une entrevue avec le président.", "entrevue", "meet"),
    ("Le ministre avait fait escale en Sylvanie.", "fait escale", "visit"),
    ("Le ministre Paul Arnal est arrivé mardi au Caire.", "est arrivé mardi au", "visit"),
    ("Il a quitté Vells pour sa participation aux travaux du conseil régional.", "participation aux", "conference"),
    ("À Vells, il s'était entretenu avec l'émissaire du conseil.", "s'était entretenu", "meet"),
    ("La veille, elle s'était rendue à Lys.", "s'était rendue", "visit"),
    ("Les deux ministres ont échangé les mémorandums d'entente.", "ont échangé les mémorandums", "agreement"),
])
def test_triggers_fr_words_of_meetings_audiences_and_calls(sentence, word, etype):
    assert (word, etype) in [(t.text, t.type) for t in find_triggers(sentence, "fr")]


def test_triggers_fr_a_vu_le_jour_is_no_meeting():
    assert find_triggers("Le projet a vu le jour en 2010.", "fr") == []


def test_triggers_fr_a_verb_of_discussing_with_is_a_meeting_only_with_someone():
    assert find_triggers("Le ministre a évoqué avec satisfaction la reprise des vols.", "fr") == []


def test_triggers_fr_taking_part_is_a_conference_only_in_a_meeting_or_a_named_one():
    assert find_triggers("Ils sont soupçonnés d'avoir participé à des activités contre l'État.", "fr") == []
    assert find_triggers("Le pays a participé à la reconstruction du port.", "fr") == []
    assert [t.text for t in find_triggers("Le ministre a participé mardi aux travaux du conseil.", "fr")] == ["participé"]
    assert [t.text for t in find_triggers("Il participera au Forum de Vells.", "fr")] == ["participera"]


def test_triggers_fr_an_instrument_exchanged_by_two_is_an_agreement_not_fire_or_prisoners():
    text = "Le deuxième, relatif à la pêche, a été échangé par Paul Arnal et Ana Sol."
    assert [t.type for t in find_triggers(text, "fr")] == ["agreement"]
    assert find_triggers("Des prisonniers ont été échangés par les deux camps.", "fr") == []
    assert find_triggers("Les deux armées ont échangé des tirs à la frontière.", "fr") == []


def test_triggers_fr_an_arrival_is_a_visit_only_to_a_named_place():
    assert find_triggers("Le ministre est arrivé à la conclusion que le port doit rouvrir.", "fr") == []


def test_sports_fr_words_of_sport_are_read():
    assert reads_as_sport('Les joueurs ont rencontré le sélectionneur.', "fr")
    assert not reads_as_sport('Les ministres se sont rencontrés.', "fr")
def test_dates_fr_avant_hier():
    found = find_dates("Le ministre a reçu l'envoyé avant-hier.", "fr", date(2025, 3, 10))
    assert [(d.text, d.value) for d in found] == [("avant-hier", "2025-03-08")]


def test_dates_fr_a_month_alone_after_fin_de():
    found = find_dates("À la fin d'octobre, le ministre a reçu l'envoyé.", "fr", date(2025, 3, 10))
    assert [(d.text, d.value, d.precision) for d in found] == [("octobre", "2024-10", "month")]
    assert not find_dates("Il a reçu l'envoyé en mars.", "fr", date(2025, 3, 10))    # "mars" is also a word


def test_dates_fr_a_day_and_capitalized_month_that_name_a_movement_are_no_date():
    text = "Les rebelles du M12 (Mouvement du 12 Avril) ont rencontré le médiateur le 3 mai."
    assert [d.text for d in find_dates(text, "fr", date(2025, 6, 10))] == ["3 mai"]
    found = find_dates("La réunion du 12 avril a eu lieu à Lomé.", "fr", date(2025, 6, 10))
    assert [(d.text, d.value) for d in found] == [("12 avril", "2025-04-12")]
    found = find_dates("NIAMEY, 12 Avril (ANP) - Le ministre a reçu l'envoyé.", "fr", date(2025, 6, 10))
    assert [(d.text, d.value) for d in found] == [("12 Avril", "2025-04-12")]     # a dateline's month


def test_mentions_fr_dateline_place_in_capitals_and_news_agency(ner_doc):
    text = "VELLS, 3 mars (AVP) - Le ministre Karl Ostrum a reçu l'envoyé Tomas Orrin à Vells."
    doc = ner_doc(text, "fr", [("Karl Ostrum", "PER"), ("Tomas Orrin", "PER"), ("Vells", "LOC")])
    ctx = MentionContext(Gazetteer([]), lambda form: form.lower() == "vells")
    out = [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "fr")]
    assert ("VELLS", "place") in out and ("AVP", "organization") in out


def test_mentions_fr_world_regions_of_two_words_are_places(ner_doc):
    text = "Les deux ministres ont évoqué la situation au Moyen-Orient et les échanges avec l'Europe."
    doc = ner_doc(text, "fr", [("Moyen-Orient", "MISC")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "fr")
           if not TITLE_RE.match(m.form)]
    assert out == [("Moyen-Orient", "place")]      # a lone continent is left to NER


@pytest.mark.parametrize("text, ner, name", [
    ("La délégation comprenait :\n-Omar Vell Arnal, ministre délégué,\n-Karim Dor, ambassadeur.", "Vell Arnal",
     "Omar Vell Arnal"),
    ("Karim Vell Arnal, Secrétaire général de l'Union, a condamné l'attaque.", "Vell Arnal", "Karim Vell Arnal"),
    ("Pour Aline Dor, la visite est un succès.", "Aline Dor", "Aline Dor"),
    ("Le ministre a reçu Aline Dor.", "Aline Dor", "Aline Dor"),
])
def test_mentions_fr_first_name_that_opens_the_line(ner_doc, text, ner, name):
    doc = ner_doc(text, "fr", [(ner, "PER")])
    out = [m.form for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "fr")
           if m.kind == "person" and not TITLE_RE.match(m.form)]
    assert name in out


def test_dates_fr_a_month_without_year_takes_the_year_written_before_it():
    from communique.stages.dates import years_from_context

    text = "La visite d'août 2020 fut brève. En mai 2021, le port rouvrit ; en septembre, le gouverneur vint à Vells."
    dates = find_dates(text, "fr", None)
    resolved = years_from_context(dates, lambda year: find_dates(text, "fr", None, year_hint=year))
    assert [(d.text, d.value) for d in resolved] == [
        ("août 2020", "2020-08"), ("mai 2021", "2021-05"), ("septembre", "2021-09")]
    # a month before any written year takes the first one
    text = "En septembre, le gouverneur vint à Vells. Le port rouvrit en mai 2021."
    dates = find_dates(text, "fr", None)
    resolved = years_from_context(dates, lambda year: find_dates(text, "fr", None, year_hint=year))
    assert [d.value for d in resolved] == ["2021-09", "2021-05"]


def test_dates_fr_a_month_without_year_read_forward_from_a_later_month_of_the_year_before():
    from communique.stages.dates import years_from_context

    text = "La visite fut annoncée en novembre 2022. Le gouverneur reçut l'envoyé le 16 janvier."
    dates = find_dates(text, "fr", None)
    resolved = years_from_context(dates, lambda year: find_dates(text, "fr", None, year_hint=year))
    assert [d.value for d in resolved] == ["2022-11", "2023-01-16"]


def test_dates_fr_a_year_alone_gives_no_year_to_a_month_without_one():
    from communique.stages.dates import years_from_context

    text = "Depuis 2016, les deux ports coopèrent. Le gouverneur reçut l'envoyé le 16 janvier."
    dates = find_dates(text, "fr", None)
    resolved = years_from_context(dates, lambda year: find_dates(text, "fr", None, year_hint=year))
    assert [d.value for d in resolved] == ["2016", None]


def test_mentions_fr_a_name_after_a_title_and_its_states_adjective_is_a_person(ner_doc):
    from communique.stages.gazetteer import GazetteerEntry

    text = "Lundi, le Premier ministre vellien Karim Dorval-Mas a reçu son homologue.\nMardi la presse en a parlé."
    doc = ner_doc(text, "fr", [("Premier ministre vellien Karim Dorval-Mas", "MISC")])   # NER ran title and name together
    ctx = MentionContext(Gazetteer([GazetteerEntry("VL", "state", "demonym", "vellien")]), lambda form: False)
    out = [(m.form, m.kind, m.title) for m in find_mentions(text, doc, ctx, "fr") if m.kind == "person"]
    assert ("Karim Dorval-Mas", "person", "Premier ministre") in out
    text = "Il a reçu son homologue vellien\nMardi, la presse en a parlé."     # never the next line's first word
    doc = ner_doc(text, "fr", [])
    assert [m.form for m in find_mentions(text, doc, ctx, "fr") if m.kind == "person" and not m.descriptive] == []


def test_titles_fr_two_states_before_a_name_name_no_state_of_the_person(mention_at):
    text = "Vellie/Lysie : Karim Dorval-Mas et son homologue se sont vus."
    mentions = [mention_at(text, "Vellie", "state"), mention_at(text, "Lysie", "state"),
                mention_at(text, "Karim Dorval-Mas", "person")]
    out = attach_titles(text, mentions, sentence_spans(text))
    assert [m.title_org for m in out if m.form == "Karim Dorval-Mas"] == [None]
    text = "Diplomatie vellienne : Karim Dorval-Mas a reçu son homologue."
    mentions = [mention_at(text, "vellienne", "state"), mention_at(text, "Karim Dorval-Mas", "person")]
    out = attach_titles(text, mentions, sentence_spans(text))
    assert [m.title_org for m in out if m.form == "Karim Dorval-Mas"] == [f"{text.index('vellienne')}:{text.index('vellienne') + 9}"]


def test_mentions_fr_a_states_people_in_a_portfolio_is_no_state(ner_doc):
    from communique.stages.gazetteer import GazetteerEntry

    text = ("Le ministre des Affaires étrangères et des Velliens de l'Extérieur, Karim Arnal, a reçu Mme Ana Sol, "
            "directrice des affaires lysiennes, et le ministre vellien.")
    doc = ner_doc(text, "fr", [("Karim Arnal", "PER"), ("Ana Sol", "PER")])
    entries = [GazetteerEntry("VL", "state", "demonym", "Velliens"), GazetteerEntry("VL", "state", "demonym", "vellien"),
               GazetteerEntry("LY", "state", "demonym", "lysiennes")]
    ctx = MentionContext(Gazetteer(entries), lambda form: False)
    assert [m.form for m in find_mentions(text, doc, ctx, "fr") if m.kind == "state"] == ["vellien"]


def test_titles_fr_respectivement_gives_each_person_the_state_listed_in_its_rank(mention_at):
    text = ("Il a reçu tour à tour les ambassadeurs de Vellie et de Lysie auprès de la Freedonie, respectivement "
            "MM. Karim Arnal et Ana Sol.")
    mentions = [mention_at(text, "Vellie", "state"), mention_at(text, "Lysie", "state"),
                mention_at(text, "Freedonie", "state"), mention_at(text, "Karim Arnal", "person"),
                mention_at(text, "Ana Sol", "person")]
    out = {m.form: m.title_org for m in attach_titles(text, mentions, sentence_spans(text)) if m.kind == "person"}
    at = {form: f"{text.index(form)}:{text.index(form) + len(form)}" for form in ("Vellie", "Lysie")}
    assert out == {"Karim Arnal": at["Vellie"], "Ana Sol": at["Lysie"]}


def test_mentions_fr_what_a_body_is_against_is_part_of_its_name(ner_doc):
    text = "Il prend part à la réunion de la Ligue maritime contre Piraterie à Vells."
    doc = ner_doc(text, "fr", [("Ligue maritime", "ORG"), ("Piraterie", "ORG"), ("Vells", "LOC")])
    ctx = MentionContext(Gazetteer([]), lambda form: form == "Vells")
    assert [(m.form, m.kind) for m in find_mentions(text, doc, ctx, "fr")] == [
        ("Ligue maritime contre Piraterie", "organization"), ("Vells", "place")]
def test_mentions_fr_a_plural_title_is_not_a_word_of_the_names_it_heads(ner_doc):
    text = "La déclaration que les Présidents Ferand et Ostrum ont signée a été publiée."
    doc = ner_doc(text, "fr", [("Présidents Ferand", "PER"), ("Ostrum", "PER")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "fr")]
    assert ("Ferand", "person") in out and not any(f.startswith("Présidents") for f, _ in out)


def test_mentions_fr_a_city_then_an_article_and_a_title_is_no_person(ner_doc):
    text = "Le ministre a accueilli à Vells le Vice-Premier Ministre, Karl Ostrum, hier."
    doc = ner_doc(text, "fr", [("Vells le Vice-Premier Ministre", "PER"), ("Karl Ostrum", "PER")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: f == "Vells"),
                                                   "fr")]
    assert ("Vells", "place") in out and ("Karl Ostrum", "person") in out
    assert not any(kind == "person" and "Vells" in form for form, kind in out)
@pytest.mark.parametrize("base, value", [(date(2031, 9, 12), "2031-05"), (date(2031, 3, 12), "2030-05"),
                                         (date(2031, 5, 12), "2030-05")])
def test_dates_fr_month_dernier_is_the_latest_such_month_before_the_base(base, value):
    found = find_dates("Le pays avait rejoint l'organisation en mai dernier.", "fr", base)
    assert [(d.text, d.value) for d in found] == [("mai dernier", value)]
    last_year = find_dates("Ils s'étaient vus en mai de l'année dernière.", "fr", base)
    assert [d.value for d in last_year] == [f"{base.year - 1}-05"]


def test_mentions_fr_a_verb_that_opens_the_sentence_is_no_person(ner_doc):
    text = "Assistaient à l'audience Paul Arnal et Ana Sol."
    doc = ner_doc(text, "fr", [("Assistaient", "PER"), ("Paul Arnal", "PER"), ("Ana Sol", "PER")])
    doc[0].pos_ = "VERB"
    ctx = MentionContext(Gazetteer([]), lambda form: False)
    assert [m.form for m in find_mentions(text, doc, ctx, "fr") if m.kind == "person"] == ["Paul Arnal", "Ana Sol"]


def test_mentions_fr_names_listed_after_a_plural_title_are_persons(ner_doc):
    text = "Ils ont repris l'échange entre les présidents Ferand et Ostrum, en se concentrant sur l'énergie."
    doc = ner_doc(text, "fr", [("Ferand", "LOC"), ("Ostrum", "LOC")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "fr")]
    assert ("Ferand", "person") in out and ("Ostrum", "person") in out


def test_triggers_fr_a_fronted_avec_and_a_verb_of_review_is_a_meeting():
    sentence = "Avec le chef de l'armée, Jean Dupuis, Karim Oulad a passé en revue les besoins urgents."
    assert [(t.text, t.type) for t in find_triggers(sentence, "fr")] == [("Avec", "meet")]
    assert not find_triggers("Avec le soutien du conseil, le port a été rénové.", "fr")    # no verb of review


def test_triggers_fr_hosting_an_event_is_no_meeting():
    assert not find_triggers("Le ministre a remercié le gouvernement vellien d'avoir accueilli la cérémonie.", "fr")
    assert not find_triggers("Son pays devant accueillir en décembre prochain le premier salon du livre.", "fr")
    # hosting a summit is taking part in it (a conference, test_events_long.py), planned here
    [trig] = find_triggers("Son pays devant accueillir en décembre le premier sommet du conseil.", "fr")
    assert trig.type == "meet" and hosts_a_gathering("Son pays devant accueillir en décembre le premier "
                                                     "sommet du conseil.", trig)
    assert [t.type for t in find_triggers("Le ministre a été accueilli par son homologue.", "fr")] == ["meet"]


def test_visits_fr_these_visits_are_the_ones_told_before():
    from communique.stages.clauses import visit_told_before

    def told(sentence: str) -> bool:
        trig = next(t for t in find_triggers(sentence, "fr") if t.type == "visit")
        return visit_told_before(sentence, trig, 0, len(sentence))

    assert told("Ces visites de proximité s'inscrivent dans la vision du président Jean Dupuis.")
    assert not told("Cette visite à Vells a permis de relancer la coopération portuaire.")


def test_mentions_fr_a_name_after_a_capitalized_honorific_is_a_person(ner_doc):
    text = "Le ministre a reçu SEM. Karim Al Oulad-Vell, ambassadeur de Ruritanie, puis Dr. Jean Dupuis."
    doc = ner_doc(text, "fr", [("SEM", "ORG"), ("Al Oulad-Vell", "ORG"), ("Ruritanie", "LOC"),
                               ("Dr. Jean Dupuis", "MISC")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: f == "Ruritanie"),
                                                   "fr")]
    assert ("Karim Al Oulad-Vell", "person") in out and ("Jean Dupuis", "person") in out
    assert not any(form == "SEM" for form, _ in out)        # an honorific is no organization


def test_mentions_fr_a_name_after_a_title_and_an_acronym_in_parentheses_is_a_person(ner_doc):
    text = "Lundi, le secrétaire général du Conseil portuaire de Ruritanie (CPR), Karim al-Vell, a reçu l'envoyé."
    doc = ner_doc(text, "fr", [("Conseil portuaire de Ruritanie", "ORG"), ("CPR", "ORG"), ("Karim al-Vell", "ORG")])
    out = [(m.form, m.kind) for m in find_mentions(text, doc, MentionContext(Gazetteer([]), lambda f: False), "fr")]
    assert ("Karim al-Vell", "person") in out


def test_titles_fr_abbreviations_of_minister():
    assert [m.group(0) for m in TITLE_RE.finditer("Le président a reçu le MAE français.")] == ["président", "MAE"]
    from communique.stages.person_names import NOT_NAMES

    assert "min" in NOT_NAMES        # "le Vice-Premier Ministre, Min. des Affaires étrangères"


def test_names_fr_the_verb_of_those_present_and_cabinet_are_no_name_words():
    text = "Assistaient à l'audience le directeur de Cabinet, M. Karim Vell."
    assert text[: extend_name(text, 0, {}, first=True)] == ""
    start = text.index("de Cabinet")
    assert extend_name(text, start, {}, first=True) == start


def test_titles_fr_counsellors_deputies_mediators_chancellors_sultans():
    text = ("Le vice-ministre vellien, le vice-premier ministre, la conseillère spéciale du gouverneur, le conseiller "
            "fédéral Karim Vell, le médiateur, la médiatrice, le chancelier, la chancelière et le sultan.")
    assert [m.group(0) for m in TITLE_RE.finditer(text)] == [
        "vice-ministre", "vice-premier ministre", "conseillère spéciale", "gouverneur", "conseiller", "médiateur",
        "médiatrice", "chancelier", "chancelière", "sultan"]


def test_triggers_fr_the_next_document_of_a_list_exchanged_by_ellipsis_is_a_signing():
    sentence = "Le cinquième, qui concerne l'énergie, l'a été par M. Karim Vell et la ministre de l'Eau, Mme Aline Dor."
    assert [t.type for t in find_triggers(sentence, "fr")] == ["agreement"]
    assert not find_triggers("Le premier ministre l'a été par le passé.", "fr")
    assert not find_triggers("Le second l'a été par le passé.", "fr")
