"""Evaluation: matching predicted events to gold events (SCHEMA.md "How matching works"), on records built by
hand for the test (fictional people and states)."""

from __future__ import annotations

from communique.evaluate import score_document


def _event(etype: str, parties: list[tuple[str, str | None]]) -> dict:
    return {"type": etype, "status": "occurred", "confidence": 0.5, "evidence": [],
            "parties": [{"entity": e, "affiliation": a} for e, a in parties]}


def test_evaluate_a_visit_and_the_meeting_during_it_each_match_their_own_type():
    gold = {"id": "doc", "lang": "en",
            "entities": [{"id": "person:vance", "kind": "person", "forms": ["Ilse Vance"]},
                         {"id": "person:moro", "kind": "person", "forms": ["Tomas Moro"]},
                         {"id": "FD", "kind": "state", "forms": ["Freedonia"]}],
            "events": [{"type": "visit", "parties": [{"id": "person:vance"}, {"id": "FD"}]},
                       {"type": "meet", "parties": [{"id": "person:vance"}, {"id": "person:moro"}]}]}
    entities = [{"id": "p1", "kind": "person", "forms": ["Ilse Vance"]},
                {"id": "p2", "kind": "person", "forms": ["Tomas Moro"]},
                {"id": "s1", "kind": "state", "forms": ["Freedonia"]}]
    # the meeting covers the visit too (its host's affiliation is the host state): the tie goes to the same type
    record = {"document": {"text": ""}, "entities": entities,
              "events": [_event("meet", [("p1", None), ("p2", "s1")]), _event("visit", [("p1", None), ("s1", None)])]}
    s = score_document(record, gold)
    assert s.pairs == [(0, 1), (1, 0)]
    assert (s.ev_tp, s.type_ok) == (2, 2)
