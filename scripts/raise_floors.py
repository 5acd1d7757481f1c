"""Raise tests/quality_floors.json to the figures `communique eval ../shared/devset` measures now.

Refuses to lower any floor: a floor only moves up. Usage: python scripts/raise_floors.py [DEVSET]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from communique import Pipeline, Settings, load_resources
from communique.evaluate import evaluate_dir

FLOORS = Path(__file__).resolve().parent.parent / "tests" / "quality_floors.json"
METRICS = {"entity_f1": ("entity", "f1"), "event_f1": ("event", "f1"), "variant_merge": ("variant_merge",),
           "event_macro_f1": ("event_macro_f1",), "date_accuracy": ("date_accuracy",),
           "location_accuracy": ("location_accuracy",)}


def main() -> int:
    devset = sys.argv[1] if len(sys.argv) > 1 else str(FLOORS.parent.parent.parent / "shared" / "devset")
    report = evaluate_dir(devset, Pipeline(load_resources(Settings())))
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for lang in [k for k in floors if not k.startswith("_")]:
        for metric, path in METRICS.items():
            value = report["languages"][lang]
            for key in path:
                value = value[key]
            old = floors[lang].get(metric, 0.0)
            if value < old:
                print(f"{lang} {metric}: measured {value} is below the floor {old}; fix the regression first")
                return 1
            floors[lang][metric] = value
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in floors.items() if not k.startswith("_")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
