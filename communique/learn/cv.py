"""Document-level k-fold cross-validation of the learned event decisions, and the final training."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..stages.decide import LinearModel
from ..stages.occurrence import OCCURRENCE_MODEL
from .examples import FOLDS, Example, load_examples
from .scoring import score_examples
from .train import PAIR_MODEL, events_with, fit, occurrence_rows, pair_rows

__all__ = ["cross_validate", "train_models", "format_cv", "PAIR_THRESHOLD", "OCCURRENCE_THRESHOLD"]

#: thresholds chosen by the cross-validated event F1 over all folds (TRAINING.md)
PAIR_THRESHOLD = 0.3
OCCURRENCE_THRESHOLD = 0.4
C = 0.3


def train_models(examples: Sequence[Example], pipeline: Pipeline) -> tuple[LinearModel, LinearModel]:
    """The pair model, then the occurrence model on the events the pair model makes."""
    pairs = replace(fit(pair_rows(examples), c=C, name=PAIR_MODEL), threshold=PAIR_THRESHOLD)
    occurrence = fit(occurrence_rows(examples, pipeline.event_ctx, pairs), c=C, name=OCCURRENCE_MODEL)
    return pairs, replace(occurrence, threshold=OCCURRENCE_THRESHOLD)


def cross_validate(dirs: Sequence[str | Path], pipeline: Pipeline, cache: str | Path | None = None) -> dict[str, Any]:
    """Train on four folds, score the fifth, for each fold; the rules alone are scored beside."""
    examples = load_examples(dirs, pipeline, cache)
    models = {k: train_models([ex for ex in examples if ex.fold != k], pipeline) for k in range(FOLDS)}
    base = replace(pipeline.event_ctx, pair_model=None, occurrence_model=None)
    learned, _ = score_examples(examples, lambda ex: events_with(
        ex, replace(base, occurrence_model=models[ex.fold][1]), models[ex.fold][0]))
    rules, _ = score_examples(examples, lambda ex: events_with(ex, base, None))
    return {"folds": FOLDS, "documents": len(examples), "learned": learned, "rules": rules}


def format_cv(result: dict[str, Any]) -> str:
    """Event figures of the rules and of the cross-validated learned decisions, per language and set."""
    cols = ["", "docs", "event P", "event R", "event F1", "ev F1/doc", "party F1", "type", "date", "venue"]
    lines = []
    for name in ("rules", "learned"):
        r = result[name]
        title = "rules" if name == "rules" else f"learned ({result['folds']}-fold cross-validation)"
        lines.append(title)
        rows = list(r["languages"].items()) + [(f"set {k}", v) for k, v in r["sets"].items()] + [("all", r["all"])]
        table = [[k, str(v["documents"]), *(_f(x) for x in (
            v["event"]["p"], v["event"]["r"], v["event"]["f1"], v["event_macro_f1"], v["party"]["f1"],
            v["type_accuracy"], v["date_accuracy"], v["location_accuracy"]))] for k, v in rows]
        widths = [max(len(c), *(len(row[i]) for row in table)) for i, c in enumerate(cols)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
        lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in table]
        bands = r["all"]["confidence_bands"]
        lines.append("precision by confidence: " + ", ".join(
            f"{b}: {_f(v['precision'])} (n={v['events']})" for b, v in bands.items()))
        lines.append("")
    return "\n".join(lines).rstrip()


def _f(x: Any) -> str:
    return "-" if x is None else f"{x:.2f}"
