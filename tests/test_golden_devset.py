"""Golden documents from the bundled examples, compared field by field (French and English)."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLES


def _events(record: dict) -> list[tuple]:
    ents = {e["id"]: e for e in record["entities"]}
    out = []
    for ev in record["events"]:
        if ev["status"] != "occurred":
            continue
        names = tuple(sorted(ents[p["entity"]]["name"] for p in ev["parties"]))
        out.append((ev["type"], ev["date"], (ev["location"] or {}).get("name"), names))
    return sorted(out, key=lambda x: (x[1] or "", x[3]))


@pytest.fixture(scope="module")
def fr_008(run_one):
    return run_one(EXAMPLES / "fr_008.txt")


def test_golden_fr_008_eight_meetings_one_day(fr_008):
    events = _events(fr_008)
    counterparts = {n for _, _, _, names in events for n in names} - {"Nasser Bourita"}
    assert counterparts == {"Sergey Lavrov", "Jacek Czaputowicz", "Anders Samuelsen", "Roberto Ampuero",
                            "Retno Lestari Priansari Marsudi", "Pham Binh Minh", "Nikos Christodoulides",
                            "Vladimir Voronkov"}
    assert len(events) == 8
    assert {(t, d, loc) for t, d, loc, _ in events} == {("meet", "2018-09-27", "New York")}


def test_golden_fr_008_affiliations(fr_008):
    ents = {e["name"]: e for e in fr_008["entities"]}
    by_id = {e["id"]: e for e in fr_008["entities"]}
    assert by_id[ents["Sergey Lavrov"]["affiliation"]]["name"] == "Russian Federation"
    assert by_id[ents["Anders Samuelsen"]["affiliation"]]["name"] == "Denmark"
    assert by_id[ents["Vladimir Voronkov"]["affiliation"]]["acronym"] == "UNOCT"
    assert set(ents["Nasser Bourita"]["forms"]) == {"Nasser Bourita", "Bourita"}


def test_golden_en_012_four_meetings(run_one):
    record = run_one(EXAMPLES / "en_012.txt", published="2019-02-13")
    events = _events(record)
    assert [(d, names) for _, d, _, names in events] == [
        ("2019-02-11", ("Qamar Javed Bajwa", "Raheel Sharif")),
        ("2019-02-12", ("Imran Khan", "Raheel Sharif")),
        ("2019-02-12", ("Raheel Sharif", "Sadiq Sanjrani")),
        ("2019-02-12", ("Raheel Sharif", "Shah Mehmood Qureshi")),
    ]
    assert {loc for _, d, loc, _ in events if d == "2019-02-11"} == {"Rawalpindi"}


def test_golden_en_016_editorial_has_no_event(run_one):
    assert _events(run_one(EXAMPLES / "en_016.txt")) == []


def test_golden_ar_008_signing_in_riyadh(run_one):
    record = run_one(EXAMPLES / "ar_008.txt", published="2020-02-19")
    ents = {e["id"]: e for e in record["entities"]}
    events = [e for e in record["events"] if e["status"] == "occurred"]
    # the signing; the guest's visit (told in a relative clause of the signatory); the meeting named after it
    assert [e["type"] for e in events] == ["agreement", "visit", "meet"]
    ev = events[0]
    assert ev["date"] == "2020-02-19" and ev["location"]["name"] == "Riyadh" and ev["location"]["country"] == "SA"
    parties = {ents[p["entity"]]["name"]: p for p in ev["parties"]}
    assert set(parties) == {"Mohammed bin Saeed al-Mughidi", "Andro Wesquemann"}
    assert {ents[p["entity"]]["name"] for p in events[1]["parties"]} == {"Andro Wesquemann", "Saudi Arabia"}
    assert {ents[p["entity"]]["name"] for p in events[2]["parties"]} == set(parties)
    assert "محمد بن سعيد المغيدي" in ents[parties["Mohammed bin Saeed al-Mughidi"]["entity"]]["forms"]
    assert ents[parties["Mohammed bin Saeed al-Mughidi"]["affiliation"]]["acronym"] == "IMCTC"
    assert ents[parties["Andro Wesquemann"]["affiliation"]]["name"] == "United States Central Command"


def test_golden_ar_006_call_and_meeting(run_one):
    record = run_one(EXAMPLES / "ar_006.txt")
    ents = {e["id"]: e for e in record["entities"]}
    got = sorted((e["type"], tuple(sorted(max(ents[p["entity"]]["forms"], key=len) for p in e["parties"])))
                 for e in record["events"] if e["status"] == "occurred")
    assert got == [("call", ("حسين إبراهيم طه", "ناصر بوريطة")), ("meet", ("حسين إبراهيم طه", "موريساندا كوياتي"))]
    bourita = next(e for e in record["entities"] if "ناصر بوريطة" in e["forms"])
    assert ents[bourita["affiliation"]]["name"] == "Morocco"


def test_golden_ar_012_condemnation_has_no_event(run_one):
    assert [e for e in run_one(EXAMPLES / "ar_012.txt")["events"] if e["status"] == "occurred"] == []
