"""Quality gate of the learned decisions (the default pipeline's venue and confidence, and the learned event
path) on held-out folds: 5-fold document cross-validation on
../shared/annotated and ../shared/devset (models trained on four folds, scored on the fifth), per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.learn.cv import cross_validate

from .conftest import DEVSET, SHARED

ANNOTATED = SHARED / "annotated"
FLOORS = json.loads((Path(__file__).parent / "quality_floors_cv.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(not (ANNOTATED.exists() and DEVSET.exists()),
                                reason="../shared/annotated and ../shared/devset are not beside the checkout")


@pytest.fixture(scope="module")
def report(pipeline):
    return cross_validate([ANNOTATED, DEVSET], pipeline)


def _value(scores: dict, metric: str) -> float:
    if metric == "event_f1":
        return scores["event"]["f1"]
    if metric == "confident_precision":
        return scores["confident"]["precision"]
    return scores[metric]


@pytest.mark.parametrize("path, group", sorted((p, g) for p in ("default", "learned") for g in FLOORS[p]))
def test_quality_cv_floors(report, path, group):
    scores = report[path]["all"] if group == "all" else report[path]["languages"][group]
    below = {m: (_value(scores, m), floor) for m, floor in FLOORS[path][group].items() if _value(scores, m) < floor}
    assert not below, f"{path} {group} fell below its cross-validated floors (measured, floor): {below}"


def test_quality_cv_evidence_is_honest(report):
    assert report["learned"]["all"]["evidence_errors"] == 0
