"""In-document coreference (stages.coref) of title-only references, on mentions built by hand for sentences
written for the tests (fictional people and states)."""

from __future__ import annotations

import pytest

from communique.records import Mention
from communique.stages.coref import cluster_mentions


def _mention(text: str, form: str, kind: str, nth: int = 0, **info: object) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(form, start + 1)
    return Mention(start, start + len(form), form, kind, 0, **info)  # type: ignore[arg-type]


def _span(m: Mention) -> str:
    return f"{m.start}:{m.end}"


def _people(reference: str, title: str, moro_title: str | None) -> dict[str, list[str]]:
    """Persons and their mention forms: a Sylvanian and a Freedonian, then a title-only reference."""
    text = "Karl Brand, ministre de la Sylvanie, a reçu Tomas Moro, de la Freedonie. " + reference
    sy, fd = _mention(text, "Sylvanie", "state", kb_id="SY"), _mention(text, "Freedonie", "state", kb_id="FD")
    demonym = "freedonienne" if "freedonienne" in reference else "freedonien"
    mentions = [_mention(text, "Karl Brand", "person", title="ministre", title_org=_span(sy)), sy,
                _mention(text, "Tomas Moro", "person", title=moro_title, title_org=_span(fd)), fd,
                _mention(text, title, "person", nth=1 if title == "ministre" else 0, title=title, descriptive=True),
                _mention(text, demonym, "state", kb_id="FD")]
    return {e.id: [m.form for m in e.mentions] for e in cluster_mentions(mentions, place_name=lambda s: None)
            if e.kind == "person"}


@pytest.mark.parametrize("reference, title, moro_title", [
    ("Le ministre freedonien a salué l'accord.", "ministre", "ministre"),
    ("Le chef de la diplomatie freedonienne a salué l'accord.", "chef de la diplomatie", None),
])
def test_coref_a_title_beside_a_state_refers_to_the_person_of_that_state(reference, title, moro_title):
    assert _people(reference, title, moro_title) == {"person:karl-brand": ["Karl Brand"],
                                                      "person:tomas-moro": ["Tomas Moro", title]}


def test_coref_a_title_beside_a_state_is_not_its_holder_of_another_office():
    assert _people("Le chef de la diplomatie freedonienne a salué l'accord.", "chef de la diplomatie", "émir") == {
        "person:karl-brand": ["Karl Brand"], "person:tomas-moro": ["Tomas Moro"]}


def test_coref_the_head_of_diplomacy_of_a_state_is_its_minister_before_a_namesake_title_of_no_state():
    text = ("Le chef de la diplomatie Karl Brand a quitté la salle. Le ministre freedonien Tomas Moro a parlé. "
            "Le chef de la diplomatie freedonienne a salué l'accord.")
    fd = _mention(text, "freedonien", "state", kb_id="FD")
    mentions = [_mention(text, "Karl Brand", "person", title="chef de la diplomatie"),
                _mention(text, "Tomas Moro", "person", title="ministre", title_org=_span(fd)), fd,
                _mention(text, "chef de la diplomatie", "person", nth=1, title="chef de la diplomatie", descriptive=True),
                _mention(text, "freedonienne", "state", kb_id="FD")]
    people = {e.id: [m.form for m in e.mentions] for e in cluster_mentions(mentions, place_name=lambda s: None)
              if e.kind == "person"}
    assert people == {"person:karl-brand": ["Karl Brand"], "person:tomas-moro": ["Tomas Moro", "chef de la diplomatie"]}


def test_coref_a_title_naming_its_state_prefers_the_person_of_that_state():
    text = "President Karl Brand spoke on Monday. Tomas Moro, of Sylvania, hosted talks. The president of Sylvania left."
    sy1 = _mention(text, "Sylvania", "state", kb_id="SY")
    sy2 = _mention(text, "Sylvania", "state", nth=1, kb_id="SY")
    mentions = [_mention(text, "Karl Brand", "person", title="President"), sy1,
                _mention(text, "Tomas Moro", "person", title_org=_span(sy1)), sy2,
                _mention(text, "president of Sylvania", "person", title="president", descriptive=True)]
    people = {e.id: [m.form for m in e.mentions] for e in cluster_mentions(mentions, place_name=lambda s: None)
              if e.kind == "person"}
    assert people == {"person:karl-brand": ["Karl Brand"], "person:tomas-moro": ["Tomas Moro", "president of Sylvania"]}


def test_coref_a_full_name_that_goes_on_with_a_family_name_is_one_person():
    text = "Tête-à-tête entre Karim Vell Arnal et Tomas Moro. Karim Vell Arnal Oduya a reçu Tomas Moro. Karim Vell Doss est venu."
    mentions = [_mention(text, "Karim Vell Arnal", "person"), _mention(text, "Tomas Moro", "person"),
                _mention(text, "Karim Vell Arnal Oduya", "person"), _mention(text, "Tomas Moro", "person", nth=1),
                _mention(text, "Karim Vell Doss", "person")]
    people = sorted(sorted(m.form for m in e.mentions) for e in cluster_mentions(mentions, place_name=lambda s: None))
    assert people == [["Karim Vell Arnal", "Karim Vell Arnal Oduya"], ["Karim Vell Doss"], ["Tomas Moro", "Tomas Moro"]]


def test_coref_a_title_only_reference_is_no_holder_of_another_office_of_that_title():
    text = "Le ministre a reçu l'envoyé. Le Premier ministre Karl Brand a parlé ensuite."
    mentions = [_mention(text, "ministre", "person", title="ministre", descriptive=True),
                _mention(text, "Karl Brand", "person", title="Premier ministre")]
    people = {e.id: [m.form for m in e.mentions] for e in cluster_mentions(mentions, place_name=lambda s: None)}
    assert people == {"person:karl-brand": ["Karl Brand"]}
def test_coref_an_arabic_family_name_written_after_lam_is_that_person():
    # "للحداد": "لـ" before the article writes one lam; the person of "سليم الحداد"
    text = "استقبل سليم الحداد الوفد. وجاءت الزيارة تلبية لدعوة وجهت للحداد."
    mentions = [_mention(text, "سليم الحداد", "person"), _mention(text, "للحداد", "person")]
    people = {e.id: [m.form for m in e.mentions] for e in cluster_mentions(mentions, place_name=lambda s: None)}
    assert list(people.values()) == [["سليم الحداد", "للحداد"]]
def _persons(text: str, forms: list[str]) -> list[list[str]]:
    """The person entities (their mention forms) of person mentions of `forms`, found in order in `text`."""
    mentions, pos = [], 0
    for form in forms:
        start = text.index(form, pos)
        mentions.append(Mention(start, start + len(form), form, "person", 0))
        pos = start + len(form)
    return sorted(([m.form for m in e.mentions] for e in cluster_mentions(mentions, place_name=lambda s: None)
                   if e.kind == "person"), key=len, reverse=True)


def test_coref_a_lone_surname_does_not_bridge_two_persons_of_one_family():
    text = "Karim Vello arrived. Vello then met Nadia Vello."
    assert _persons(text, ["Karim Vello", "Vello", "Nadia Vello"]) == [["Karim Vello", "Vello"], ["Nadia Vello"]]


def test_coref_arabic_lone_family_name_does_not_bridge_two_persons():
    text = "وصل سمير حداد ، وقال حداد إنه التقى كريم حداد"
    assert _persons(text, ["سمير حداد", "حداد", "كريم حداد"]) == [["سمير حداد", "حداد"], ["كريم حداد"]]


def test_coref_a_father_name_after_bin_is_not_the_son():
    text = "Crown Prince Tarek bin Omran met envoys. King Omran later received Tarek bin Omran."
    found = _persons(text, ["Tarek bin Omran", "Omran", "Tarek bin Omran"])
    assert found == [["Tarek bin Omran", "Tarek bin Omran"], ["Omran"]]


def test_coref_bin_with_the_father_name_is_the_son():
    text = "Tarek bin Omran met envoys. Bin Omran said so."
    assert _persons(text, ["Tarek bin Omran", "Bin Omran"]) == [["Tarek bin Omran", "Bin Omran"]]


def test_coref_two_patronymic_chains_differ_in_the_middle():
    text = "Fadi bin Naser bin Kalil and Fadi bin Omran bin Kalil met; Fadi bin Omran spoke."
    found = _persons(text, ["Fadi bin Naser bin Kalil", "Fadi bin Omran bin Kalil", "Fadi bin Omran"])
    assert found == [["Fadi bin Omran bin Kalil", "Fadi bin Omran"], ["Fadi bin Naser bin Kalil"]]


def test_coref_a_name_cut_before_a_particle_is_the_same_person():
    text = "Sheikh Tarek bin Omran Al Kalil met him. Tarek bin Omran said so."
    assert _persons(text, ["Tarek bin Omran Al Kalil", "Tarek bin Omran"]) == [
        ["Tarek bin Omran Al Kalil", "Tarek bin Omran"]]


def test_coref_a_lone_middle_name_is_not_the_person():
    text = "Ismo Darel Kanti met Darel. Ismo Kanti said so."
    assert _persons(text, ["Ismo Darel Kanti", "Darel", "Ismo Kanti"]) == [["Ismo Darel Kanti", "Ismo Kanti"],
                                                                          ["Darel"]]


def test_coref_arabic_given_names_sharing_a_first_letter_are_not_one_person():
    text = "التقى عادل سمير ناصر مع عمر خالد الناصر"
    assert len(_persons(text, ["عادل سمير ناصر", "عمر خالد الناصر"])) == 2


def test_coref_a_lone_name_prefers_the_person_written_the_same():
    text = "Mira Vardi met Olek Vardy. Vardi said so."
    assert _persons(text, ["Mira Vardi", "Olek Vardy", "Vardi"]) == [["Mira Vardi", "Vardi"], ["Olek Vardy"]]


def test_coref_a_king_and_a_prince_of_one_name_are_two_persons():
    text = "Le roi Ferand a reçu son fils. Le prince Ferand a salué le roi Ferand."
    mentions, pos = [], 0
    for title in ("roi", "prince", "roi"):
        start = text.index("Ferand", pos)
        mentions.append(Mention(start, start + 6, "Ferand", "person", 0, title=title))
        pos = start + 1
    entities = cluster_mentions(mentions, place_name=lambda s: None)
    assert sorted([m.title for m in e.mentions] for e in entities) == [["prince"], ["roi", "roi"]]
    assert len({e.id for e in entities}) == 2       # not merged again by id (linking)


def test_coref_a_lone_name_is_not_a_longer_name_of_the_same_consonants():
    text = "Abdellah spoke. Then Abdel Karem Vell met him."
    assert sorted(_persons(text, ["Abdellah", "Abdel Karem Vell"])) == [["Abdel Karem Vell"], ["Abdellah"]]


def test_coref_a_family_name_of_abou_and_a_word_is_the_person():
    text = "Karim Aboul Vell met him. Aboul Vell said so."
    assert _persons(text, ["Karim Aboul Vell", "Aboul Vell"]) == [["Karim Aboul Vell", "Aboul Vell"]]
