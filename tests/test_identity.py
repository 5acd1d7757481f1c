"""One identity across documents and scripts: `--actor` resolution, merge keys, and the seed
reported again in English and Arabic (reports written for this test)."""

from __future__ import annotations

import json

import pytest

from communique.cli import main
from communique.errors import CommuniqueError
from communique.corpus.merging import merge_corpus
from communique.corpus.persons import Sighting, link_persons
from communique.corpus.resolve import resolve_actor_ref

from .conftest import SEED

ALIASES = [
    ("person:nasser-bourita", "person", "Nasser Bourita", "Nasser Bourita"),
    ("person:nasser-bourita", "person", "Nasser Bourita", "Bourita"),
    ("person:sergey-lavrov", "person", "Sergey Lavrov", "Sergey Lavrov"),
    ("person:sergey-lavrov", "person", "Sergey Lavrov", "Lavrov"),
    ("person:ali-hassan", "person", "Ali Hassan", "Ali Hassan"),
    ("person:omar-hassan", "person", "Omar Hassan", "Omar Hassan"),
    ("Q1028", "state", "Morocco", "Maroc"),
]


def test_resolve_exact_alias_and_id():
    assert resolve_actor_ref("bourita", ALIASES) == [("person:nasser-bourita", "Nasser Bourita")]
    assert resolve_actor_ref("Q1028", ALIASES) == [("Q1028", "Morocco")]
    assert resolve_actor_ref("le Maroc", ALIASES) == [("Q1028", "Morocco")]


def test_resolve_other_script_by_transliteration_key():
    assert resolve_actor_ref("بوريطة", ALIASES) == [("person:nasser-bourita", "Nasser Bourita")]
    assert resolve_actor_ref("سيرغي لافروف", ALIASES) == [("person:sergey-lavrov", "Sergey Lavrov")]


def test_resolve_fuzzy_spelling_then_nothing():
    assert resolve_actor_ref("Lavrof", ALIASES) == [("person:sergey-lavrov", "Sergey Lavrov")]
    assert resolve_actor_ref("Czaputowicz", ALIASES) == []


def test_resolve_ambiguous_surname_returns_every_candidate():
    assert resolve_actor_ref("Hassan", ALIASES) == [("person:ali-hassan", "Ali Hassan"),
                                                    ("person:omar-hassan", "Omar Hassan")]


def test_romanized_sighting_links_by_its_arabic_spelling():
    # the romanization of عادل الجبير ('Adel al-Jabir') differs in its vowels from the press spelling
    links = link_persons([Sighting("d1", "person:adel-al-jubeir", "Adel al-Jubeir", forms=("Adel al-Jubeir",)),
                          Sighting("d2", "person:x", "Adel al-Jabir", forms=("عادل الجبير", "الجبير"))])
    assert links[("d1", "person:adel-al-jubeir")] == links[("d2", "person:x")]


def _record(parties: list[tuple[str, str, str, str | None]], date: str | None, etype: str = "meet") -> dict:
    """A document record: parties as (entity id, kind, name, affiliation id)."""
    ents = [{"id": e, "kind": k, "name": n} for e, k, n, _ in parties]
    ents += [{"id": a, "kind": "state", "name": a} for *_, a in parties if a]
    return {"entities": ents, "events": [{"type": etype, "date": date, "status": "occurred",
                                          "parties": [{"entity": e, "affiliation": a} for e, _, _, a in parties]}]}


BOURITA = ("person:bourita", "person", "Nasser Bourita", "Q1028")
LAVROV = ("person:lavrov", "person", "Sergey Lavrov", "Q159")
CZAPUTOWICZ = ("person:czaputowicz", "person", "Jacek Czaputowicz", "Q36")


def test_merge_state_report_with_ministers_report():
    merged = merge_corpus([
        ("fr", _record([BOURITA, LAVROV], "2018-09-27")),
        ("ar", _record([("Q1028", "state", "Morocco", None), ("Q159", "state", "Russia", None)], "2018-09")),
        ("en", _record([("person:b2", "person", "بوريطة", "Q1028"), ("Q159", "state", "Russia", None)], None)),
    ])
    assert [sorted(g) for g in merged] == [["ar", "en", "fr"]]


def test_merge_keeps_apart_other_days_and_other_counterparts():
    merged = merge_corpus([
        ("a", _record([BOURITA, LAVROV], "2018-09-27")),
        ("b", _record([BOURITA, LAVROV], "2018-10-15")),
        ("c", _record([BOURITA, CZAPUTOWICZ], "2018-09-27")),   # same day, same Moroccan side
    ])
    assert merged == []


def test_merge_keeps_apart_two_officials_of_one_side():
    """Two reports naming different officials of one state meet the same foreign minister: two meetings
    (an undated one must not join the dated other), while a report naming the state alone may join."""
    host_fm = ("person:orrin", "person", "Tomas Orrin", "Q30")
    visitor = ("person:vell", "person", "Aline Vell", "Q142")
    host_pm = ("person:dask", "person", "Karl Dask", "Q30")
    merged = merge_corpus([
        ("a", _record([visitor, host_fm], "2024-05-02")),
        ("b", _record([visitor, host_pm], None)),
        ("c", _record([visitor, ("Q30", "state", "Vellia", None)], "2024-05")),
    ])
    assert [sorted(g) for g in merged] == [["a", "c"]]


ENGLISH = """IMCTC Secretary-General meets UNCCT Director in New York

New York, May 23, 2024

The Secretary-General of the Islamic Military Counter Terrorism Coalition (IMCTC), Major General Mohammed \
bin Saeed Al-Moghedi, met on Thursday at United Nations headquarters in New York with the Director of the \
United Nations Counter-Terrorism Centre (UNCCT), Mr. Mauro Modico.

The two sides discussed cooperation between the Coalition and the UN centre in countering terrorism.
"""

ARABIC = """الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب يلتقي مدير مركز الأمم المتحدة لمكافحة الإرهاب

نيويورك، 23 مايو 2024

التقى الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء محمد بن سعيد المغيدي، في مقر الأمم \
المتحدة بنيويورك، مدير مركز الأمم المتحدة لمكافحة الإرهاب السيد ماورو موديكو.

وبحث الجانبان أوجه التعاون بين التحالف والمركز الأممي في مجال محاربة الإرهاب والتطرف العنيف.
"""


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    if not SEED.exists():
        pytest.skip("../shared/examples is not beside the checkout")
    tmp = tmp_path_factory.mktemp("identity")
    (tmp / "en_moghedi.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp / "ar_moghedi.txt").write_text(ARABIC, encoding="utf-8")
    db = str(tmp / "seed.duckdb")
    assert main(["extract", str(SEED), str(tmp / "en_moghedi.txt"), str(tmp / "ar_moghedi.txt"), "--db", db,
                 "--quiet", "--format", "jsonl"]) == 0
    return db


def _events(capsys, db: str, *extra: str) -> list[dict]:
    capsys.readouterr()
    assert main(["events", "--db", db, "--format", "jsonl", *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_seed_in_three_languages_is_one_event_of_one_actor(seed_store, capsys):
    events = _events(capsys, seed_store)
    assert len(events) == 1
    ev = events[0]
    assert sorted(s["lang"] for s in ev["sources"]) == ["ar", "en", "fr"]
    names = {p["entity"]: p["name"] for p in ev["parties"]}
    assert len(names) == 2
    moghedi = next(a for a, n in names.items() if "Mogh" in n)
    roles = {p["entity"]: p["role_en"] for p in ev["parties"]}
    assert roles[moghedi] == "Secretary-General"
    assert set(roles.values()) == {"Secretary-General", "Director"}
    for form in ("Al-Moghidi", "Al-Mughidi", "Al-Moghedi", "المغيدي", "محمد بن سعيد المغيدي"):
        found = _events(capsys, seed_store, "--actor", form)
        assert [e["id"] for e in found] == [ev["id"]], form
        assert moghedi in {p["entity"] for p in found[0]["parties"]}


def test_actor_unknown_is_a_clear_error(seed_store, capsys):
    capsys.readouterr()
    assert main(["events", "--db", seed_store, "--actor", "Czaputowicz"]) == 2
    assert "no actor 'Czaputowicz'" in capsys.readouterr().err


def test_ambiguous_actor_names_its_candidates(tmp_path):
    from communique.corpus.resolve import actor_query_events
    from communique.store import open_store

    with open_store(str(tmp_path / "x.duckdb")) as store:
        store.ensure_actor_tables()
        store.con.execute("INSERT INTO corpus_actors VALUES ('person:ali-hassan', 'person', 'Ali Hassan', "
                          "'learned', 1), ('person:omar-hassan', 'person', 'Omar Hassan', 'learned', 1)")
        with pytest.raises(CommuniqueError, match=r"'Hassan' names 2 actors: person:ali-hassan \(Ali Hassan\); "
                                                  r"person:omar-hassan \(Omar Hassan\)"):
            actor_query_events(store, "Hassan")


@pytest.mark.parametrize("stated, english", [
    ("le ministre des Affaires étrangères et de la Coopération", "Minister of Foreign Affairs"),
    ("وزير الخارجية", "Minister of Foreign Affairs"),
    ("Foreign Minister", "Minister of Foreign Affairs"),
    ("والأمين العام", "Secretary-General"),
    ("Premier ministre", "Prime Minister"),
    ("ولي العهد", "Crown Prince"),
    ("porte-parole du gouvernement", "Spokesperson"),
    ("fondateur", None),
])
def test_english_role_of_a_stated_title(stated, english):
    from communique.kb.roles import english_role

    assert english_role(stated) == english


def test_a_person_and_the_state_it_acts_for_are_one_side():
    from communique.corpus.merging import corpus_assignments
    from communique.records import ReportParty, StoredReport

    def report(ev_id, doc, date, actors):
        return StoredReport(ev_id, doc, "meet", date, None, tuple(
            ReportParty(a, "person" if a.startswith("person:") else "state", a, a) for a in actors))

    reports = [report("e1", "d1", None, ["person:lavrov", "Q159"]),
               report("e2", "d2", "2015-08-01", ["person:lavrov", "Q159", "person:jubeir"])]
    merged, _ = corpus_assignments(reports)
    assert len({cid for _, cid in merged}) == 1            # (Lavrov, Russia) taken for two counterparts
    merged, _ = corpus_assignments(reports, {"person:lavrov": {"Q159"}})
    assert len({cid for _, cid in merged}) == 2


def test_romanization_leaves_titles_out_and_uses_the_corpus_spellings():
    from communique.translit import arabic_to_latin, learn_spellings

    assert arabic_to_latin("الشيخ الدكتور خالد بن سعد") == "Khaled bin Saad"
    spellings = learn_spellings([("فلاديمير كوزنتسوف", "Vladimir Kuznetsov"), ("سيرغي إيفانوف", "Sergey Ivanov"),
                                 ("خالد بن سعد", "Khalid Bin Saad")])
    assert spellings["فلاديمير"] == "Vladimir" and spellings["سيرغي"] == "Sergey"
    assert "بن" not in spellings                         # particles keep the romanizer's spelling
    assert arabic_to_latin("سيرغي فلاديمير", spellings=spellings) == "Sergey Vladimir"


def test_a_rare_full_name_joins_across_a_wrong_state_but_a_common_one_does_not():
    links = link_persons([
        Sighting("d1", "p1", "Sergey Lavrov", forms=("Sergey Lavrov",), affiliation="Q159", affiliation_kind="state"),
        Sighting("d2", "p2", "Sergey Lavrov", forms=("Sergey Lavrov",), affiliation="Q159", affiliation_kind="state"),
        Sighting("d3", "p3", "Sergueï Lavrov", forms=("Sergueï Lavrov",), affiliation="Q262", affiliation_kind="state"),
        Sighting("d4", "p4", "Omar Ali", forms=("Omar Ali",), affiliation="Q79", affiliation_kind="state"),
        Sighting("d5", "p5", "Omar Ali", forms=("Omar Ali",), affiliation="Q1049", affiliation_kind="state"),
    ])
    assert links[("d1", "p1")] == links[("d2", "p2")] == links[("d3", "p3")]
    assert links[("d4", "p4")] != links[("d5", "p5")]


def test_a_far_more_prominent_namesake_is_the_one_meant():
    assert resolve_actor_ref("Hassan", ALIASES, {"person:ali-hassan": 9, "person:omar-hassan": 1}) == \
        [("person:ali-hassan", "Ali Hassan")]
    assert len(resolve_actor_ref("Hassan", ALIASES, {"person:ali-hassan": 2, "person:omar-hassan": 1})) == 2
