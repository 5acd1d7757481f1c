"""Train the learned event decisions (pair, event-coreference and venue models) on the annotated corpus and the devset,
write them to communique/models/, and their cross-validated scores to communique/models/events_cv.txt
(quoted by communique/models/TRAINING.md).

    python scripts/train_events.py [--shared ../shared]      (make train)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from communique import Pipeline, Settings, load_resources
from communique.learn.cv import SHIPPED, cross_validate, format_cv, train_models
from communique.learn.examples import load_examples
from communique.stages.decide import MODELS_DIR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--cache", default=None, help="pickle of the analyzed corpus, reused while it is current")
    args = parser.parse_args()
    dirs = [Path(args.shared) / "annotated", Path(args.shared) / "devset"]
    started = time.time()
    pipeline = Pipeline(load_resources(Settings()))
    examples = load_examples(dirs, pipeline, cache=args.cache)
    models = train_models(examples, pipeline)
    for model in (models[name] for name in SHIPPED):
        (MODELS_DIR / f"{model.name}.json").write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"{model.name}: {len(model.weights)} weights, threshold {model.threshold}")
    report = format_cv(cross_validate(dirs, pipeline, cache=args.cache))
    print(report)
    print(f"trained and cross-validated in {time.time() - started:.0f} s")
    (MODELS_DIR / "events_cv.txt").write_text(report + "\n", encoding="utf-8")

if __name__ == "__main__":
    main()
