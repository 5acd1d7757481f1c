"""One identity across documents and scripts: `--actor` resolution, merge keys, linking rules, and one
meeting reported in French, English and Arabic (reports and persons invented for this test)."""

from __future__ import annotations

import json

import pytest

from communique.cli import main
from communique.errors import CommuniqueError
from communique.corpus.report_keys import merge_corpus
from communique.corpus.persons import Sighting, link_persons
from communique.corpus.resolve import resolve_actor_ref

from .conftest import SEED

# invented persons (no name of the annotated sets)
ALIASES = [
    ("person:tarik-zenati", "person", "Tarik Zenati", "Tarik Zenati"),
    ("person:tarik-zenati", "person", "Tarik Zenati", "Zenati"),
    ("person:pavel-grekov", "person", "Pavel Grekov", "Pavel Grekov"),
    ("person:pavel-grekov", "person", "Pavel Grekov", "Grekov"),
    ("person:ali-mansouri", "person", "Ali Mansouri", "Ali Mansouri"),
    ("person:omar-mansouri", "person", "Omar Mansouri", "Omar Mansouri"),
    ("Q1028", "state", "Morocco", "Maroc"),
]


def test_resolve_exact_alias_and_id():
    assert resolve_actor_ref("zenati", ALIASES) == [("person:tarik-zenati", "Tarik Zenati")]
    assert resolve_actor_ref("Q1028", ALIASES) == [("Q1028", "Morocco")]
    assert resolve_actor_ref("le Maroc", ALIASES) == [("Q1028", "Morocco")]


def test_resolve_other_script_by_transliteration_key():
    assert resolve_actor_ref("زناتي", ALIASES) == [("person:tarik-zenati", "Tarik Zenati")]
    assert resolve_actor_ref("بافل غريكوف", ALIASES) == [("person:pavel-grekov", "Pavel Grekov")]


def test_resolve_fuzzy_spelling_then_nothing():
    assert resolve_actor_ref("Grekof", ALIASES) == [("person:pavel-grekov", "Pavel Grekov")]
    assert resolve_actor_ref("Wyszkowski", ALIASES) == []


def test_resolve_ambiguous_surname_returns_every_candidate():
    assert resolve_actor_ref("Mansouri", ALIASES) == [("person:ali-mansouri", "Ali Mansouri"),
                                                      ("person:omar-mansouri", "Omar Mansouri")]


def test_romanized_sighting_links_by_its_arabic_spelling():
    # the romanization of نبيل القدسي ('Nabil al-Qadsi') differs in its vowels from the press spelling
    links = link_persons([Sighting("d1", "person:nabil-al-qudsi", "Nabil al-Qudsi", forms=("Nabil al-Qudsi",)),
                          Sighting("d2", "person:x", "Nabil al-Qadsi", forms=("نبيل القدسي", "القدسي"))])
    assert links[("d1", "person:nabil-al-qudsi")] == links[("d2", "person:x")]


def _record(parties: list[tuple[str, str, str, str | None]], date: str | None, etype: str = "meet") -> dict:
    """A document record: parties as (entity id, kind, name, affiliation id)."""
    ents = [{"id": e, "kind": k, "name": n} for e, k, n, _ in parties]
    ents += [{"id": a, "kind": "state", "name": a} for *_, a in parties if a]
    return {"entities": ents, "events": [{"type": etype, "date": date, "status": "occurred",
                                          "parties": [{"entity": e, "affiliation": a} for e, _, _, a in parties]}]}


ZENATI = ("person:zenati", "person", "Tarik Zenati", "Q1028")
GREKOV = ("person:grekov", "person", "Pavel Grekov", "Q159")
WYSZKOWSKI = ("person:wyszkowski", "person", "Marek Wyszkowski", "Q36")


def test_merge_state_report_with_ministers_report():
    merged = merge_corpus([
        ("fr", _record([ZENATI, GREKOV], "2018-09-27")),
        ("ar", _record([("Q1028", "state", "Morocco", None), ("Q159", "state", "Russia", None)], "2018-09")),
        ("en", _record([("person:z2", "person", "زناتي", "Q1028"), ("Q159", "state", "Russia", None)], None)),
    ])
    assert [sorted(g) for g in merged] == [["ar", "en", "fr"]]


def test_merge_keeps_apart_other_days_and_other_counterparts():
    merged = merge_corpus([
        ("a", _record([ZENATI, GREKOV], "2018-09-27")),
        ("b", _record([ZENATI, GREKOV], "2018-10-15")),
        ("c", _record([ZENATI, WYSZKOWSKI], "2018-09-27")),   # same day, same Moroccan side
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


# The seed's meeting as its English and Arabic sites would tell it (written for the test; the seed itself is
# read from ../shared/examples, never copied)
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
    assert main(["events", "--db", seed_store, "--actor", "Wyszkowski"]) == 2
    assert "no actor 'Wyszkowski'" in capsys.readouterr().err


def test_ambiguous_actor_names_its_candidates(tmp_path):
    from communique.corpus.resolve import actor_query_events
    from communique.store import open_store

    with open_store(str(tmp_path / "x.duckdb")) as store:
        store.ensure_actor_tables()
        store.con.execute("INSERT INTO corpus_actors VALUES ('person:ali-mansouri', 'person', 'Ali Mansouri', "
                          "'learned', 1), ('person:omar-mansouri', 'person', 'Omar Mansouri', 'learned', 1)")
        with pytest.raises(CommuniqueError, match=r"'Mansouri' names 2 actors: person:ali-mansouri \(Ali Mansouri\); "
                                                  r"person:omar-mansouri \(Omar Mansouri\)"):
            actor_query_events(store, "Mansouri")


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
    from communique.corpus.report_keys import corpus_assignments
    from communique.records import ReportParty, StoredReport

    def report(ev_id, doc, date, actors):
        return StoredReport(ev_id, doc, "meet", date, None, tuple(
            ReportParty(a, "person" if a.startswith("person:") else "state", a, a) for a in actors))

    reports = [report("e1", "d1", None, ["person:grekov", "Q159"]),
               report("e2", "d2", "2015-08-01", ["person:grekov", "Q159", "person:al-qudsi"])]
    merged, _ = corpus_assignments(reports)
    assert len({cid for _, cid in merged}) == 1            # (Grekov, Russia) taken for two counterparts
    merged, _ = corpus_assignments(reports, {"person:grekov": {"Q159"}})
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
        Sighting("d1", "p1", "Pavel Grekov", forms=("Pavel Grekov",), affiliation="Q159", affiliation_kind="state"),
        Sighting("d2", "p2", "Pavel Grekov", forms=("Pavel Grekov",), affiliation="Q159", affiliation_kind="state"),
        Sighting("d3", "p3", "Pavel Grékov", forms=("Pavel Grékov",), affiliation="Q262", affiliation_kind="state"),
        Sighting("d4", "p4", "Omar Ali", forms=("Omar Ali",), affiliation="Q79", affiliation_kind="state"),
        Sighting("d5", "p5", "Omar Ali", forms=("Omar Ali",), affiliation="Q1049", affiliation_kind="state"),
    ])
    assert links[("d1", "p1")] == links[("d2", "p2")] == links[("d3", "p3")]
    assert links[("d4", "p4")] != links[("d5", "p5")]


def test_a_far_more_prominent_namesake_is_the_one_meant():
    assert resolve_actor_ref("Mansouri", ALIASES, {"person:ali-mansouri": 9, "person:omar-mansouri": 1}) == \
        [("person:ali-mansouri", "Ali Mansouri")]
    assert len(resolve_actor_ref("Mansouri", ALIASES, {"person:ali-mansouri": 2, "person:omar-mansouri": 1})) == 2


def test_a_name_whose_words_a_longer_form_has_in_order_links():
    from communique.translit import SAME_NAME_THRESHOLD, same_name

    assert same_name("Tarik Zenati", "Mohammed Tarik Zenati") >= SAME_NAME_THRESHOLD
    assert same_name("Tarik Zenati", "Mohammed Samir Zenati") < SAME_NAME_THRESHOLD     # another given name
    links = link_persons([Sighting("d1", "p1", "Tarik Zenati", forms=("Tarik Zenati",)),
                          Sighting("d2", "p2", "Mohammed Tarik Zenati", forms=("Mohammed Tarik Zenati",)),
                          Sighting("d3", "p3", "Mohammed Samir Zenati", forms=("Mohammed Samir Zenati",))])
    assert links[("d1", "p1")] == links[("d2", "p2")] != links[("d3", "p3")]


def test_a_state_given_by_one_sighting_against_one_given_by_more_is_an_error():
    def seen(doc: str, state: str | None) -> Sighting:
        return Sighting(doc, "p", "Walid Rami", forms=("Walid Rami",), affiliation=state,
                        affiliation_kind="state" if state else None)

    # the sighting without a state joins one of them; the state given once does not keep the others out
    links = link_persons([seen("d1", "Q1"), seen("d2", "Q1"), seen("d3", "Q2"), seen("d4", None)])
    assert links[("d1", "p")] == links[("d2", "p")] == links[("d3", "p")] == links[("d4", "p")]
    links = link_persons([seen("d1", "Q1"), seen("d3", "Q2"), seen("d4", None)])   # once against once: two
    assert links[("d1", "p")] != links[("d3", "p")]


def _report(ev_id: str, doc: str, date: str | None, parties: list[tuple[str, str | None]]):
    from communique.records import ReportParty, StoredReport

    return StoredReport(ev_id, doc, "visit", date, "LB", tuple(
        ReportParty(a, "person" if a.startswith("person:") else "state", a, a, aff) for a, aff in parties))


def test_a_state_named_without_an_official_takes_the_officials_its_document_names():
    """An undated report of "Vellia and Lebanon" from a document about one Vellian minister's trip is not
    the dated visit of another Vellian minister; a report whose document names that minister may join."""
    from communique.corpus.report_keys import assign_corpus_ids, report_keys

    affiliations = {"person:orrin": {"Q30"}, "person:dask": {"Q30"}}
    named = {"d1": {"person:orrin"}, "d2": {"person:dask"}, "d3": {"person:orrin", "person:dask"}}
    reports = [_report("e1", "d1", "2024-05-02", [("person:orrin", "Q30"), ("Q822", None)]),
               _report("e2", "d2", None, [("Q30", None), ("Q822", None)]),
               _report("e3", "d3", None, [("Q30", None), ("Q822", None)])]
    keys = report_keys(reports, affiliations, lambda docs: {d: named[d] for d in docs})
    groups: dict[str, set[str]] = {}
    for ev, cid in assign_corpus_ids(keys)[0]:
        groups.setdefault(cid, set()).add(ev)
    assert sorted(map(sorted, groups.values())) == [["e1", "e3"], ["e2"]]
    # without the documents' persons (or with both reports dated the same day) the three are one
    assert len(assign_corpus_ids(report_keys(reports, affiliations))[0]) == 3
    assert len({cid for _, cid in assign_corpus_ids(report_keys(reports, affiliations))[0]}) == 1
    dated = [_report(r.id, r.doc_id, "2024-05-02", [(p.entity, p.acts_for) for p in r.parties]) for r in reports]
    keys = report_keys(dated, affiliations, lambda docs: {d: named[d] for d in docs})
    assert len({cid for _, cid in assign_corpus_ids(keys)[0]}) == 1


def test_an_envoy_of_unknown_state_beside_a_host_is_the_official_of_the_state_named_with_him():
    """Vellia's minister Orrin received Marek (no state known to the corpus) "and Estavia": Marek is
    Estavia's official, so that report is not Orrin's dated talks with Estavia's minister Talven, years
    apart; another report of Orrin and Marek still joins it. Alone with a state, a person visits it."""
    from communique.corpus.report_keys import assign_corpus_ids, report_keys

    affiliations = {"person:orrin": {"Q30"}, "person:talven": {"Q50"}}
    reports = [_report("e1", "d1", "2025-02-28", [("person:orrin", "Q30"), ("person:talven", "Q50")]),
               _report("e2", "d2", None, [("person:orrin", None), ("person:marek", None), ("Q50", None)]),
               _report("e3", "d3", None, [("person:orrin", None), ("person:marek", None)])]
    keys = report_keys(reports, affiliations)
    assert frozenset({"person:marek", "Q50"}) in keys[1][5]
    groups: dict[str, set[str]] = {}
    for ev, cid in assign_corpus_ids(keys)[0]:
        groups.setdefault(cid, set()).add(ev)
    assert sorted(map(sorted, groups.values())) == [["e1"], ["e2", "e3"]]
    visit = report_keys([_report("e4", "d4", None, [("person:marek", None), ("Q30", None)])], affiliations)
    assert visit[0][5] == frozenset()


def test_a_romanized_sighting_is_compared_by_the_arabic_form_it_was_romanized_from():
    # سامي كوستليو romanizes to 'Sami Kostalju', whose skeleton (kstlg) is not the Arabic one (kstl)
    links = link_persons([Sighting("d1", "p1", "Sami Kostleu", forms=("Sami Kostleu",)),
                          Sighting("d2", "p2", "Sami Kostalju", forms=("سامي كوستليو",))])
    assert links[("d1", "p1")] == links[("d2", "p2")]


def test_an_undated_report_joins_only_a_meeting_near_its_documents_date():
    """Two calls of one pair (2023 and 2025): an undated report of a document published in 2023 joins the
    2023 call or none, never the 2025 one; in a large block (the sweep) as in the all-pairs reference."""
    from communique.corpus.merge_reference import merge_events_reference
    from communique.corpus.merging import PUBLISHED_WINDOW_DAYS, merge_events

    pair = frozenset({"Q1", "Q2"})
    calls = [("e1", "call", pair, "2025-03-31", None), ("e2", "call", pair, "2023-03-24", None)]
    undated = [("e3", "call", pair, None, None, frozenset(), frozenset(), "2023-04-03"),
               ("e4", "call", pair, None, None, frozenset(), frozenset(), "2024-06-01")]

    def merged(keys):
        groups = sorted(sorted(keys[i][0] for i in g) for g in merge_events(keys) if len(g) > 1)
        assert groups == sorted(sorted(keys[i][0] for i in g) for g in merge_events_reference(keys) if len(g) > 1)
        return groups

    assert merged(calls + undated[:1]) == [["e2", "e3"]]
    assert merged(calls + undated) == [["e2", "e3"]]            # 2024: within a month of neither call
    many = [(f"m{k}", "call", pair, f"2021-0{k}-15", None) for k in range(1, 8)]
    assert merged(many + calls + undated) == [["e2", "e3"]]
    # without the document's date it joins the first call it fits, as before
    assert merged(calls + [undated[0][:5]]) == [["e1", "e3"]]
    assert PUBLISHED_WINDOW_DAYS >= 7


def test_two_undated_reports_of_documents_far_apart_stay_apart():
    from communique.corpus.merging import merge_events

    pair = frozenset({"Q1", "Q2"})
    keys = [("e1", "meet", pair, None, None, frozenset(), frozenset(), "2020-01-10"),
            ("e2", "meet", pair, None, None, frozenset(), frozenset(), "2022-01-10"),
            ("e3", "meet", pair, None, None, frozenset(), frozenset(), "2022-01-12")]
    assert sorted(sorted(g) for g in merge_events(keys)) == [[0], [1, 2]]


def test_report_keys_date_undated_reports_by_their_documents():
    from communique.corpus.report_keys import assign_corpus_ids, report_keys

    reports = [_report("e1", "d1", "2025-03-31", [("Q1", None), ("Q822", None)]),
               _report("e2", "d2", None, [("Q1", None), ("Q822", None)])]
    published = {"d1": "2025-04-01", "d2": "2023-04-03"}
    keys = report_keys(reports, {}, None, lambda docs: {d: published[d] for d in docs})
    assert keys[1][7] == "2023-04-03" and len(keys[0]) == 6
    assert len({cid for _, cid in assign_corpus_ids(keys)[0]}) == 2
    assert len({cid for _, cid in assign_corpus_ids(report_keys(reports, {}))[0]}) == 1


def test_two_officials_of_one_state_are_one_side_not_counterparts():
    """Two visits to Vellia, by two foreign ministers, both told with Vellia's president and prime minister:
    the hosts alone are not the pair that makes them one meeting."""
    from communique.corpus.report_keys import assign_corpus_ids, report_keys

    affiliations = {"person:orrin": {"Q30"}, "person:dask": {"Q30"}, "person:velko": {"Q40"}, "person:mirra": {"Q50"}}
    reports = [_report("e1", "d1", None, [("person:orrin", None), ("person:dask", None), ("person:velko", None)]),
               _report("e2", "d2", None, [("person:orrin", None), ("person:dask", None), ("person:mirra", None)]),
               _report("e3", "d3", None, [("person:dask", None), ("person:velko", None)])]
    groups: dict[str, set[str]] = {}
    for ev, cid in assign_corpus_ids(report_keys(reports, affiliations))[0]:
        groups.setdefault(cid, set()).add(ev)
    assert sorted(map(sorted, groups.values())) == [["e1", "e3"], ["e2"]]
    # unknown to the corpus as colleagues, the two hosts make a block: the three are one
    assert len({cid for _, cid in assign_corpus_ids(report_keys(reports, {}))[0]}) == 1


def test_a_lone_name_takes_the_one_full_name_of_its_document():
    from communique.corpus.lone_names import complete_lone_names

    s = [Sighting("d1", "p1", "Orvan"), Sighting("d1", "p2", "Orvan Kessler", affiliation="Q30",
                                                  affiliation_kind="state"),
         Sighting("d2", "p1", "Orvan"), Sighting("d2", "p2", "Orvan Kessler"), Sighting("d2", "p3", "Orvan Daly"),
         Sighting("d3", "p1", "Kessler"), Sighting("d3", "p2", "Marta Kessler"),
         Sighting("d4", "p1", "Orvan")]
    names = {x.key: x.name for x in complete_lone_names(s)}
    assert names[("d1", "p1")] == "Orvan Kessler" and names[("d3", "p1")] == "Marta Kessler"
    assert names[("d2", "p1")] == "Orvan" and names[("d4", "p1")] == "Orvan"       # two, or none, to choose from
    links = link_persons(complete_lone_names(s))        # as corpus.actors reads the stored persons
    assert links[("d1", "p1")] == links[("d1", "p2")] == links[("d2", "p2")]
    assert links[("d3", "p1")] != links[("d1", "p2")]
    # a document read in part: its names are read from the store
    part = complete_lone_names(s[:1], lambda docs: {"d1": ["Orvan", "Orvan Kessler"]})
    assert part[0].name == "Orvan Kessler"


def test_a_state_kept_after_a_strong_join_lets_a_lone_surname_join():
    """A full name given a second state once (an extraction error) joins its cluster; the cluster keeps the
    state most sightings give, so a lone surname with no state can still join it."""
    s = [Sighting(f"d{k}", "p", "Abdelkrim Bouzerdani", affiliation="Q1", affiliation_kind="state") for k in range(3)]
    s += [Sighting("d9", "p", "Abdelkrim Bouzerdani", affiliation="Q2", affiliation_kind="state"),
          Sighting("d8", "p", "Bouzerdani")]
    links = link_persons(s)
    assert len(set(links.values())) == 1


def test_a_titled_name_resolves_without_its_title_or_by_the_form_that_holds_it():
    rows = [("person:orvan-kessler", "person", "Orvan Kessler", "Orvan Kessler"),
            ("person:orvan-kessler", "person", "Orvan Kessler", "King Orvan II"),
            ("person:orvan-mali", "person", "Orvan Mali", "Orvan Mali"),
            ("person:orvan-mali", "person", "Orvan Mali", "Orvan"),
            ("person:dunya-salem", "person", "Dunya Salem", "Dunya Rafik Salem")]
    # the exact alias without the titles before it
    assert resolve_actor_ref("Cheikh Dr. Dunya Rafik Salem", rows) == [("person:dunya-salem", "Dunya Salem")]
    assert resolve_actor_ref("Roi Orvan Kessler", rows) == [("person:orvan-kessler", "Orvan Kessler")]
    # the one actor with a form holding the titled name, before the untitled alias ("Orvan" is Orvan Mali's)
    assert resolve_actor_ref("King Orvan", rows) == [("person:orvan-kessler", "Orvan Kessler")]
    assert resolve_actor_ref("Orvan", rows) == [("person:orvan-mali", "Orvan Mali")]


def test_a_document_without_a_date_joins_a_dated_meeting_only_with_the_same_officials():
    """Two presidents' call of 2025 (its document names Ostria's foreign minister Kern) and an undated call of
    theirs told by a document without any date that names Brandt, Ostria's minister before him: two calls.
    An undated document naming Kern, or naming more officials than the dated one, tells of the same call."""
    from communique.corpus.merge_reference import merge_events_reference
    from communique.corpus.merging import merge_events
    from communique.corpus.report_keys import assign_corpus_ids, report_keys

    affiliations = {"person:arno-vell": {"Q1"}, "person:piet-ost": {"Q2"}, "person:ilse-brandt": {"Q2"},
                    "person:otto-kern": {"Q2"}, "person:lena-vahl": {"Q1"}}
    presidents = [("person:arno-vell", "Q1"), ("person:piet-ost", "Q2")]
    named = {"d1": {"person:arno-vell", "person:piet-ost", "person:otto-kern"},
             "d2": {"person:arno-vell", "person:piet-ost", "person:ilse-brandt"},
             "d3": {"person:arno-vell", "person:piet-ost", "person:otto-kern", "person:lena-vahl"}}
    published = {"d1": "2025-04-01", "d2": None, "d3": None}

    def merged(docs: list[str], *, casts: bool = True) -> list[list[str]]:
        reports = [_report(f"e-{d}", d, "2025-03-31" if d == "d1" else None, presidents) for d in docs]
        keys = report_keys(reports, affiliations, lambda ds: {d: named[d] for d in ds} if casts else {},
                           lambda ds: {d: published[d] for d in ds})
        assert sorted(map(sorted, merge_events(keys))) == sorted(map(sorted, merge_events_reference(keys)))
        groups: dict[str, list[str]] = {}
        for ev, cid in assign_corpus_ids(keys)[0]:
            groups.setdefault(cid, []).append(ev)
        return sorted(sorted(g) for g in groups.values())

    assert merged(["d1", "d2"]) == [["e-d1"], ["e-d2"]]
    assert merged(["d1", "d3"]) == [["e-d1", "e-d3"]]
    # the undated call of Brandt's time joins neither the 2025 call nor a report that joined it
    assert merged(["d1", "d3", "d2"]) == [["e-d1", "e-d3"], ["e-d2"]]
    # without the documents' persons nothing places it: it joins, as before
    assert merged(["d1", "d2"], casts=False) == [["e-d1", "e-d2"]]


def test_an_undated_report_joins_the_meeting_nearest_its_documents_date():
    """Two calls of one pair 19 days apart, both within the month before a document's date: its undated
    report tells of the nearer one, in a small block, a large one and an incremental merge alike."""
    from communique.corpus.merging import merge_events, merge_into_groups

    pair = frozenset({"Q1", "Q2"})
    calls = [("e1", "call", pair, "2023-03-20", None), ("e2", "call", pair, "2023-04-08", None)]
    undated = ("e3", "call", pair, None, None, frozenset(), frozenset(), "2023-04-10")
    assert sorted(map(sorted, merge_events(calls + [undated]))) == [[0], [1, 2]]
    many = [(f"m{k}", "call", pair, f"2021-0{k}-15", None) for k in range(1, 8)]
    groups = merge_events(many + calls + [undated])
    assert [8, 9] in [sorted(g) for g in groups]
    assert sorted(map(sorted, merge_into_groups([[calls[0]], [calls[1]]], [undated]))) == [[0], [1, 2]]
    # a document published the day after the first call: that one
    early = undated[:7] + ("2023-03-21",)
    assert sorted(map(sorted, merge_events(calls + [early]))) == [[0, 2], [1]]


def test_resolve_an_arabic_name_with_a_proclitic_by_its_key():
    # "and Zenati": the conjunction written onto the article is no part of the name
    assert resolve_actor_ref("والزناتي", ALIASES) == [("person:tarik-zenati", "Tarik Zenati")]
    assert resolve_actor_ref("وزناتي", ALIASES) == []       # a bare و is the name's own letter


def test_resolve_a_full_name_two_actors_share_as_alias_to_the_one_it_names():
    """A document's coreference gave Omar Mansouri's name to Ali Mansouri once: "Omar Mansouri" is still
    Omar's; a surname both carry stays ambiguous."""
    aliases = ALIASES + [("person:ali-mansouri", "person", "Ali Mansouri", "Omar Mansouri")]
    assert resolve_actor_ref("Omar Mansouri", aliases) == [("person:omar-mansouri", "Omar Mansouri")]
    assert resolve_actor_ref("Mansouri", aliases) == [("person:ali-mansouri", "Ali Mansouri"),
                                                      ("person:omar-mansouri", "Omar Mansouri")]


def test_resolve_an_arabic_full_name_two_actors_share_to_the_one_whose_name_it_transliterates():
    """One document ran two names together ("كريم حداد وعماد تلموني": Karim Haddad and Imad Talmouni): its
    actor holds "كريم حداد" too, which is still Karim Haddad's own name."""
    joined = ("person:karim-haddad-waimad-talmouni", "person", "Karim Haddad Waimad Talmouni")
    aliases = [("person:karim-haddad", "person", "Karim Haddad", "كريم حداد"),
               ("person:karim-haddad", "person", "Karim Haddad", "Karim Haddad"),
               (*joined, "كريم حداد"), (*joined, "كريم حداد وعماد تلموني")]
    assert resolve_actor_ref("كريم حداد", aliases) == [("person:karim-haddad", "Karim Haddad")]
    # a one-word name stays ambiguous
    both = [("person:karim-haddad", "person", "Karim Haddad", "حداد"), (*joined, "حداد")]
    assert len(resolve_actor_ref("حداد", aliases + both)) == 2


def test_display_name_is_the_spelling_the_other_spellings_agree_with():
    """Of one person's Latin spellings (invented), a hyphen parts two name words (Al-Venmark is Al
    Venmark), and among spellings of as many words written as often, the one whose words the others
    write too is shown: not the odd one out, whatever the alphabet says."""
    from communique.corpus.persons import canonical_name

    assert canonical_name(["Bashir Orlan Al-Venmark", "Bachir Orlane Al Venmark", "Bashir Orlan"]) == \
        "Bashir Orlan Al-Venmark"
    assert canonical_name(["Ahmad Kessar Tovik", "Ahmed Kessir Tovik", "Ahmed Kessir"]) == "Ahmed Kessir Tovik"
    assert canonical_name(["Orla Venmark", "Orla Venmark", "Orla Venmark Tess"]) == "Orla Venmark Tess"
    assert canonical_name(["أورلا فينمارك", "Orla Venmark"]) == "Orla Venmark"
