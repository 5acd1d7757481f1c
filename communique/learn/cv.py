"""Document-level k-fold cross-validation of the learned event decisions, and the final training."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..stages.decide import LinearModel
from ..stages.events import EventContext
from ..stages.occurrence import CONFIDENCE_MODEL, OCCURRENCE_MODEL
from ..stages.venue import VENUE_MODEL
from .examples import FOLDS, Example, load_examples
from .scoring import score_examples
from .train import PAIR_MODEL, coref_rows, events_with, fit, occurrence_rows, pair_rows
from .venue import venue_rows

__all__ = ["cross_validate", "train_models", "learned_context", "format_cv", "SHIPPED", "PAIR_THRESHOLD",
           "COREF_THRESHOLD", "OCCURRENCE_THRESHOLD"]

#: thresholds chosen by the cross-validated event F1 over all folds (TRAINING.md)
PAIR_THRESHOLD = 0.3
OCCURRENCE_THRESHOLD = 0.4
COREF_THRESHOLD = 0.5
COREF_MODEL = "coref"
#: the venue choice: the best candidate is kept unless its probability is below this
VENUE_THRESHOLD = 0.05
C = 0.1
#: the venue choice's regularisation (TRAINING.md: cross-validated venue accuracy en 0.80 -> 0.82 against C,
#: ar and fr the same)
VENUE_C = 0.03
#: the confidence's regularisation (TRAINING.md: 0.03 gives precision 0.90 at >= 0.8 on 91 events, C 0.88 on 146)
CONFIDENCE_C = C


def train_models(examples: Sequence[Example], pipeline: Pipeline,
                 use: Sequence[str] | None = None) -> dict[str, LinearModel]:
    """The pair model; the coreference model on the frames it makes; the venue choice on the events of
    the rules; the confidence of the rule events (reading the pair model out of fold); with "occurrence"
    in `use`, the occurrence model on the events both make (measured, not shipped: TRAINING.md)."""
    use = SHIPPED if use is None else use
    pair_examples = pair_rows(examples)
    pairs = replace(fit(pair_examples, c=C, name=PAIR_MODEL), threshold=PAIR_THRESHOLD)
    coref = replace(fit(coref_rows(examples, pairs), c=C, name=COREF_MODEL), threshold=COREF_THRESHOLD)
    models = {"pairs": pairs, "coref": coref}
    rules = _rules_only(pipeline.event_ctx)
    if "venue" in use or "confidence" in use:
        venue = fit(venue_rows(examples, rules), c=VENUE_C, name=VENUE_MODEL)
        models["venue"] = replace(venue, threshold=VENUE_THRESHOLD)
    if "confidence" in use:
        # the occurrence features over the events of the rules, kept all (threshold 0): a calibrated confidence
        rows = _confidence_rows(examples, pair_examples, replace(rules, venue_model=models["venue"]), pairs)
        models["confidence"] = replace(fit(rows, c=CONFIDENCE_C, name=CONFIDENCE_MODEL), threshold=0.0)
    if "occurrence" in use:
        ctx = replace(rules, coref_model=coref, venue_model=models.get("venue"))
        occurrence = fit(occurrence_rows(examples, ctx, pairs), c=C, name=OCCURRENCE_MODEL)
        models["occurrence"] = replace(occurrence, threshold=OCCURRENCE_THRESHOLD)
    return models


def _confidence_rows(examples: Sequence[Example], pair_examples: Sequence[tuple[Example, dict[str, float], bool]],
                     ctx: EventContext, pairs: LinearModel) -> list[tuple[Example, dict[str, float], bool]]:
    """The confidence's rows, each document's pairs scored by a pair model trained without its fold: the
    confidence learns how far to trust the pair model on documents it has not seen (scored by a model
    that saw them, it would trust it too much)."""
    folds = sorted({ex.fold for ex in examples})
    if len(folds) < 2:
        return occurrence_rows(examples, replace(ctx, pair_scorer=pairs))
    rows = []
    for k in folds:
        scorer = fit([r for r in pair_examples if r[0].fold != k], c=C, name=PAIR_MODEL)
        rows += occurrence_rows([ex for ex in examples if ex.fold == k], replace(ctx, pair_scorer=scorer))
    return rows


def learned_context(ctx: EventContext, models: dict[str, LinearModel], use: Sequence[str] = ("pairs", "coref",
                    "occurrence", "venue")) -> EventContext:
    """An event context that runs the given learned decisions (the calibrated confidence only over the
    events of the rules: on the learned path the pair model's probability is the confidence)."""
    return replace(ctx, pair_model=models.get("pairs") if "pairs" in use else None,
                   coref_model=models.get("coref") if "coref" in use else None,
                   occurrence_model=models.get("occurrence") if "occurrence" in use else
                   models.get("confidence") if "confidence" in use and "pairs" not in use else None,
                   venue_model=models.get("venue") if "venue" in use else None,
                   pair_scorer=models.get("pairs") if "confidence" in use and "pairs" not in use else None)


def _rules_only(ctx: EventContext) -> EventContext:
    return replace(ctx, pair_model=None, occurrence_model=None, coref_model=None, venue_model=None, pair_scorer=None)


#: the decisions `--events learned` runs (the occurrence model is trained and cross-validated, but
#: measured, it does not add to the event F1 of these two: TRAINING.md)
SHIPPED = ("pairs", "coref", "venue", "confidence")
#: what the default pipeline (rule events) runs of them
DEFAULT = ("venue", "confidence")


def cross_validate(dirs: Sequence[str | Path], pipeline: Pipeline, cache: str | Path | None = None,
                   use: Sequence[str] = SHIPPED) -> dict[str, Any]:
    """Train on four folds, score the fifth, for each fold; the rules alone are scored beside."""
    examples = load_examples(dirs, pipeline, cache)
    models = {k: train_models([ex for ex in examples if ex.fold != k], pipeline, use) for k in range(FOLDS)}
    base = _rules_only(pipeline.event_ctx)
    contexts = {k: learned_context(base, m, use) for k, m in models.items()}
    defaults = {k: learned_context(base, m, DEFAULT) for k, m in models.items()}
    learned, _ = score_examples(examples, lambda ex: events_with(ex, contexts[ex.fold]))
    default, _ = score_examples(examples, lambda ex: events_with(ex, defaults[ex.fold]))
    rules, _ = score_examples(examples, lambda ex: events_with(ex, base))
    return {"folds": FOLDS, "documents": len(examples), "learned": learned, "default": default, "rules": rules}


def format_cv(result: dict[str, Any]) -> str:
    """Event figures of the rules and of the cross-validated learned decisions, per language and set."""
    cols = ["", "docs", "event P", "event R", "event F1", "ev F1/doc", "party F1", "type", "date", "venue"]
    lines = []
    titles = {"rules": "rules (nothing learned)",
              "default": f"default: rule events, learned venue and confidence ({result['folds']}-fold cross-validation)",
              "learned": f"learned events, venue and confidence ({result['folds']}-fold cross-validation)"}
    for name in (n for n in titles if n in result):
        r = result[name]
        title = titles[name]
        lines.append(title)
        rows = list(r["languages"].items()) + [(f"set {k}", v) for k, v in r["sets"].items()] + [("all", r["all"])]
        table = [[k, str(v["documents"]), *(_f(x) for x in (
            v["event"]["p"], v["event"]["r"], v["event"]["f1"], v["event_macro_f1"], v["party"]["f1"],
            v["type_accuracy"], v["date_accuracy"], v["location_accuracy"]))] for k, v in rows]
        widths = [max(len(c), *(len(row[i]) for row in table)) for i, c in enumerate(cols)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
        lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in table]
        bands, conf = r["all"]["confidence_bands"], r["all"]["confident"]
        lines.append("precision by confidence: " + ", ".join(
            f"{b}: {_f(v['precision'])} (n={v['events']})" for b, v in bands.items())
            + f"; at >= {conf['threshold']}: {_f(conf['precision'])} (n={conf['events']})")
        lines.append("")
    return "\n".join(lines).rstrip()


def _f(x: Any) -> str:
    return "-" if x is None else f"{x:.2f}"
