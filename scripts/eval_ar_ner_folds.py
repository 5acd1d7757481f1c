#!/usr/bin/env python
"""Score an Arabic NER model inside the whole pipeline on the Arabic documents of some folds.

For each fold: entity P/R/F1 by the SCHEMA.md matching (all kinds, and persons alone) and event
P/R/F1 of the rules and of the default pipeline, with the Arabic spaCy pipeline at ``--model``
(default: the shipped ``communique/models/ar_ner``). Used for the held-out protocol of
``scripts/train_ar_ner.py --in-domain ... --hold-out-fold K`` (TRAINING.md of ar_ner).

Usage (from the repository root)::

    python scripts/eval_ar_ner_folds.py --folds 0 1 [--model /tmp/fold0] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_DIRS = [REPO.parent / "shared" / "annotated", REPO.parent / "shared" / "devset"]


def person_counts(record: dict, gold: dict) -> tuple[int, int, int, int]:
    """(predicted persons matched, predicted persons, gold persons matched, gold persons)."""
    from communique.evaluate import _keys

    gold_persons = [g for g in gold["entities"] if g["kind"] == "person"]
    pred = [e for e in record["entities"] if e["kind"] == "person"]
    tp_pred, matched = 0, set()
    for e in pred:
        ids = {g["id"] for g in gold_persons if _keys(e["forms"]) & _keys(g["forms"])}
        tp_pred += bool(ids)
        matched |= ids
    return tp_pred, len(pred), len(matched), len(gold_persons)


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def score_fold(examples, pipeline) -> dict:
    from communique.learn.cv import learned_context
    from communique.learn.scoring import record_of, score_examples
    from communique.learn.train import events_with

    rules = learned_context(pipeline.event_ctx, {}, ())
    by_rules, _ = score_examples(examples, lambda ex: events_with(ex, rules))
    by_default, _ = score_examples(examples, lambda ex: events_with(ex, pipeline.event_ctx))
    counts = [person_counts(record_of(ex, []), ex.gold) for ex in examples]
    persons = prf(*(sum(c[i] for c in counts) for i in range(4)))
    return {"documents": len(examples), "entity": by_rules["all"]["entity"], "person": persons,
            "person_gold": sum(c[3] for c in counts),
            "event_rules": by_rules["all"]["event"], "event_default": by_default["all"]["event"],
            "events_gold": by_rules["all"]["counts"]["events_gold"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="Arabic spaCy pipeline (default: the shipped one)")
    ap.add_argument("--folds", type=int, nargs="+", required=True, help="folds to score")
    ap.add_argument("--dirs", type=Path, nargs="+", default=DEFAULT_DIRS, help="annotated folders")
    ap.add_argument("--json", type=Path, default=None, help="write the scores here too")
    args = ap.parse_args(argv)

    from communique.config import Settings
    from communique.learn.examples import gold_folds, load_examples
    from communique.pipeline import Pipeline, load_resources

    pipeline = Pipeline(load_resources(Settings(ar_model=args.model)))
    wanted = {ex.name for ex, _ in gold_folds(args.dirs) if ex.fold in args.folds and ex.gold.get("lang") == "ar"}
    examples = load_examples(args.dirs, pipeline, keep=lambda g: g["id"] in wanted)
    result = {str(k): score_fold([ex for ex in examples if ex.fold == k], pipeline) for k in args.folds}
    for k, r in result.items():
        print(f"fold {k} ({r['documents']} docs, {r['person_gold']} gold persons, {r['events_gold']} gold events): "
              f"entity F1 {r['entity']['f1']:.3f}; person P/R/F1 {r['person']['p']:.3f}/{r['person']['r']:.3f}/"
              f"{r['person']['f1']:.3f}; event P/R/F1 rules {r['event_rules']['p']:.3f}/{r['event_rules']['r']:.3f}/"
              f"{r['event_rules']['f1']:.3f}, default {r['event_default']['f1']:.3f}")
    if args.json:
        args.json.write_text(json.dumps({"model": args.model, "folds": result}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
