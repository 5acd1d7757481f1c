"""Quality gate: `communique eval ../shared/devset` must stay at or above the pinned per-language floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate import evaluate_dir

from .conftest import DEVSET

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(not DEVSET.exists(), reason="../shared/devset is not beside the checkout")


@pytest.fixture(scope="module")
def report(pipeline):
    return evaluate_dir(DEVSET, pipeline)


def _value(scores: dict, metric: str) -> float:
    if metric in {"entity_f1", "event_f1"}:
        return scores[metric.removesuffix("_f1")]["f1"]
    return scores[metric]


@pytest.mark.parametrize("lang", sorted(k for k in FLOORS if not k.startswith("_")))
def test_quality_gate_floors(report, lang):
    scores = report["languages"][lang]
    below = {m: (_value(scores, m), floor) for m, floor in FLOORS[lang].items() if _value(scores, m) < floor}
    assert not below, f"{lang} fell below its floors (measured, floor): {below}"


def test_quality_gate_evidence_is_honest(report):
    assert report["all"]["evidence_errors"] == 0


def test_quality_gate_negative_documents_have_no_events(report):
    # editorials and condemnation statements (gold "events": []) must produce no event
    for doc in ("en_016", "fr_016", "ar_012"):
        assert not any(e.startswith("extra event") for e in report["documents"].get(doc, [])), doc
