"""Arabic spellings of foreign names -> Latin (موزارت -> mozart, نيكسون -> nixon): learned.

Two small models trained by :mod:`.training` on GeoNames places named in both scripts, shipped in
``data/foreign_names.json.gz`` (data, features and scores: ``data/TRAINING.md``):

- a joint n-gram ("graphone") model: each Arabic letter writes a Latin chunk of 0-4 letters (the
  chunks hold the short vowels Arabic does not write: ر -> "ro"); the model gives the probability of
  a letter:chunk pair after the four before it (stupid backoff), and a beam search finds the likeliest
  spelling of a word;
- a foreignness score: a logistic regression over the word's letter n-grams, foreign place names
  against Arabic words, telling which words this model should read and which are Arabic names for the
  English-press rules of :mod:`.romanize`.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["ForeignModel", "load_foreign_model", "graphones", "word_grams", "MODEL_FILE", "START", "END"]

MODEL_FILE = "data/foreign_names.json.gz"
START, END = "<s>", "</s>"
_EDGE = "#"
_LOG_BACKOFF = math.log(0.4)   # stupid backoff: a shorter history's estimate counts this much less
_LOG_FLOOR = math.log(1e-6)    # an unseen pair
_BEAM = 8               # spellings kept after each letter
_CHUNKS_PER_LETTER = 12  # the most frequent chunks of a letter tried at each step
_CHUNK_SHARE = 0.003     # ... and only those it writes this often (rarer ones cost time, not accuracy)


def graphones(letters: str, chunks: list[str]) -> list[str]:
    """The letter:chunk tokens of an aligned word."""
    return [f"{a}:{c}" for a, c in zip(letters, chunks)]


def word_grams(letters: str) -> list[str]:
    """Letter 1- to 3-grams of a word with its edges marked: the foreignness features."""
    w = _EDGE + letters + _EDGE
    return [w[i:i + n] for n in (1, 2, 3) for i in range(len(w) - n + 1) if w[i:i + n] != _EDGE]


@dataclass(frozen=True)
class ForeignModel:
    """The trained tables: n-gram counts of letter:chunk tokens; letter n-gram -> foreignness weight."""

    order: int
    ngrams: dict[str, int]
    gram_weights: dict[str, float]
    bias: float = 0.0
    threshold: float = 0.0
    _log_probs: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    _chunks: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # one pass over the n-grams as strings ("a:x b:y" -> history "a:x"): loading is paid once per process
        history: dict[str, int] = {}
        chunks: dict[str, Counter[str]] = {}
        for key, n in self.ngrams.items():
            head, _, last = key.rpartition(" ")
            history[head] = history.get(head, 0) + n
            if not head and last != END:
                letter, chunk = last.split(":", 1)
                chunks.setdefault(letter, Counter())[chunk] += n
        log = math.log
        self._log_probs.update({key: log(n / history[key.rpartition(" ")[0]]) for key, n in self.ngrams.items()})
        for letter, cs in chunks.items():    # a letter's chunks seen in at least 0.3% of its cases
            total = sum(cs.values())
            self._chunks[letter] = [c for c, k in cs.most_common(_CHUNKS_PER_LETTER) if k >= _CHUNK_SHARE * total]

    def _log_prob(self, history: tuple[str, ...], token: str) -> float:
        """log P(token | history), stupid backoff to shorter histories."""
        weight = 0.0
        for start in range(len(history) + 1):
            lp = self._log_probs.get(" ".join((*history[start:], token)))
            if lp is not None:
                return weight + lp
            weight += _LOG_BACKOFF
        return weight + _LOG_FLOOR

    def romanize(self, letters: str) -> str:
        """The likeliest Latin spelling of a prepared Arabic word (lower case)."""
        beams: list[tuple[float, tuple[str, ...], str]] = [(0.0, (START,) * (self.order - 1), "")]
        for a in letters:
            grown = [(lp + self._log_prob(h, f"{a}:{c}"), (*h[1:], f"{a}:{c}"), out + c)
                     for lp, h, out in beams for c in self._chunks.get(a, [""])]
            grown.sort(key=lambda b: -b[0])
            beams = grown[:_BEAM]
        return max(beams, key=lambda b: b[0] + self._log_prob(b[1], END))[2]

    def foreignness(self, letters: str) -> float:
        """Log-odds that the word is a foreign name written in Arabic rather than an Arabic one."""
        return self.bias + sum(self.gram_weights.get(g, 0.0) for g in word_grams(letters))

    def is_foreign(self, letters: str) -> bool:
        return self.foreignness(letters) > self.threshold

    def to_json(self) -> dict:
        return {"order": self.order, "ngrams": self.ngrams, "gram_weights": self.gram_weights,
                "bias": self.bias, "threshold": self.threshold}


@lru_cache(maxsize=1)
def load_foreign_model() -> ForeignModel | None:
    """The shipped model, or None where the package was installed without it."""
    path = resources.files(__package__).joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return ForeignModel(order=data["order"], ngrams=data["ngrams"], gram_weights=data["gram_weights"],
                        bias=data["bias"], threshold=data["threshold"])
