"""The seed document gives exactly its gold event (read from ../shared/examples, never copied)."""

from __future__ import annotations

import pytest

from .conftest import SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not beside the checkout")


@pytest.fixture(scope="module")
def seed(run_one):
    return run_one(SEED)


def test_golden_seed_one_meeting(seed):
    occurred = [e for e in seed["events"] if e["status"] == "occurred"]
    assert len(occurred) == 1
    ev = occurred[0]
    assert ev["type"] == "meet"
    assert ev["date"] == "2024-05-23" and ev["date_precision"] == "day"
    assert ev["location"]["name"] == "New York" and ev["location"]["country"] == "US"


def test_golden_seed_parties_roles_affiliations(seed):
    ev = seed["events"][0]
    ents = {e["id"]: e for e in seed["entities"]}
    assert len(ev["parties"]) == 2
    by_name = {ents[p["entity"]]["name"]: p for p in ev["parties"]}
    assert set(by_name) == {"Mohammed bin Saeed Al-Moghidi", "Mauro Modico"}
    moghidi, modico = by_name["Mohammed bin Saeed Al-Moghidi"], by_name["Mauro Modico"]
    assert ents[moghidi["entity"]]["kind"] == ents[modico["entity"]]["kind"] == "person"
    assert moghidi["role"] == "Secrétaire général"
    assert modico["role"].lower() == "directeur"
    imctc, uncct = ents[moghidi["affiliation"]], ents[modico["affiliation"]]
    assert imctc["acronym"] == "IMCTC" and "CIMCT" in imctc["forms"]
    assert "Coalition islamique militaire contre le terrorisme" in imctc["forms"]
    assert uncct["acronym"] == "UNCCT" and "Centre de lutte contre le terrorisme des Nations Unies" in uncct["forms"]
    assert "Centre onusien" in uncct["forms"]


def test_golden_seed_one_entity_for_spelling_variants(seed):
    holders = [e for e in seed["entities"] if "Al-Mughidi" in e["forms"]]
    assert len(holders) == 1
    assert {"Al-Moghidi", "Al-Mughidi", "Mohammed bin Saeed Al-Moghidi"} <= set(holders[0]["forms"])
    assert holders[0]["titles"][0] == "Secrétaire général"


def test_golden_seed_evidence_is_honest(seed, run_one):
    text = run_one(SEED)["document"]["text"]
    for ev in seed["events"]:
        assert ev["evidence"]
        for evd in ev["evidence"]:
            assert text[evd["start"]: evd["end"]] == evd["text"]
        assert any(ev["trigger"] in evd["text"] for evd in ev["evidence"])
