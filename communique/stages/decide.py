"""Learned decisions: a linear model over named features (weights in a committed JSON file) -> probabilities.

Trained by `communique.learn.train` (scikit-learn's logistic regression); at run time a dot product over
the features a candidate has, no scikit-learn needed. One model per decision, each with a threshold chosen
by cross-validation and written beside the weights.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LinearModel", "load_model", "MODELS_DIR"]

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True)
class LinearModel:
    """p(yes | features) = sigmoid(bias + sum of weight * value); `threshold` is where 'yes' starts."""

    name: str
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "bias": self.bias, "threshold": self.threshold,
                           "weights": dict(sorted(self.weights.items()))}, ensure_ascii=False, indent=0)


def load_model(name: str, directory: Path = MODELS_DIR) -> LinearModel | None:
    """The committed model `name` (models/<name>.json), or None when it has not been trained."""
    path = directory / f"{name}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(data["name"], data["weights"], data["bias"], data.get("threshold", 0.5))
