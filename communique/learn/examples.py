"""Annotated folders (docs/ + gold/) -> Examples: each document's event-stage inputs with its gold and fold."""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus.union_find import find_root
from ..evaluate import load_gold
from ..pipeline import EventInputs, Pipeline
from ..records import RawDocument, Rejected

__all__ = ["Example", "load_examples", "assign_folds", "gold_folds", "FOLDS"]

FOLDS = 5


@dataclass
class Example:
    """One annotated document, analyzed up to the event stage."""

    name: str                 # gold id ("fr_201")
    set_name: str             # folder name ("annotated", "devset")
    gold: dict[str, Any]
    inputs: EventInputs | None    # None when the pipeline rejected the document
    fold: int = 0


def load_examples(dirs: Sequence[str | Path], pipeline: Pipeline, cache: str | Path | None = None,
                  keep: Callable[[dict[str, Any]], bool] | None = None) -> list[Example]:
    """Run the pipeline up to the event stage on every gold document of `dirs` (the gold `published`
    date given as a corpus would); with `cache`, reuse a pickle keyed by the folders' contents. With
    `keep`, only the documents whose gold it accepts are analyzed and returned (their folds are those of
    the whole folders); `keep` and `cache` do not go together."""
    if keep is not None and cache:
        raise ValueError("load_examples: give keep or cache, not both")
    every = [(Path(d).name, gold, path) for d in dirs for gold, path in load_gold(Path(d))]
    folds = {ex.name: ex.fold for ex in _with_folds(every, dirs)}
    items = [item for item in every if keep is None or keep(item[1])]
    key = hashlib.sha1(b"".join(path.read_bytes() + json.dumps(g, sort_keys=True).encode()
                                for _, g, path in items)).hexdigest()
    if cache and Path(cache).exists():
        stored = pickle.loads(Path(cache).read_bytes())
        if stored["key"] == key:
            return stored["examples"]
    raws = [RawDocument(source=str(path), content=path.read_bytes(), published=gold.get("published"))
            for _, gold, path in items]
    from ..stages.nlp import parse

    prepared = {}
    for raw in raws:
        doc = pipeline.prepare(raw)
        prepared[raw.source] = doc
    docs = [d for d in prepared.values() if not isinstance(d, Rejected)]
    inputs = {doc.source: pipeline.event_inputs(doc, sdoc) for doc, sdoc in parse(docs, pipeline.res.models)
              if not isinstance(sdoc, Rejected)}      # spaCy failed on it: no inputs, scored as empty
    examples = [Example(gold["id"], set_name, gold, inputs.get(str(path)), folds[gold["id"]])
                for set_name, gold, path in items]
    if cache:
        Path(cache).write_bytes(pickle.dumps({"key": key, "examples": examples}))
    return examples


def _with_folds(items: Sequence[tuple[str, dict[str, Any], Path]], dirs: Sequence[str | Path]) -> list[Example]:
    """Examples without inputs for the (set name, gold, path) items, their folds assigned."""
    examples = [Example(gold["id"], set_name, gold, None) for set_name, gold, _ in items]
    assign_folds(examples, [Path(d) / "folds.json" for d in dirs])
    return examples


def gold_folds(dirs: Sequence[str | Path]) -> list[tuple[Example, Path]]:
    """Every gold document of `dirs` with its fold and its document path (nothing analyzed)."""
    items = [(Path(d).name, gold, path) for d in dirs for gold, path in load_gold(Path(d))]
    return list(zip(_with_folds(items, dirs), (path for *_, path in items)))


def assign_folds(examples: list[Example], fold_files: Sequence[Path]) -> None:
    """Folds from the folders' folds.json; documents without one go by cluster groups (documents that
    share a gold cluster key stay in one fold), hashed, so that the split never changes."""
    fixed: dict[str, int] = {}
    for f in fold_files:
        if f.exists():
            fixed.update(json.loads(f.read_text(encoding="utf-8")))
    index = {ex.name: i for i, ex in enumerate(examples)}
    parent = list(range(len(examples)))
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for ex in examples:
        for ev in ex.gold.get("events", []) + ex.gold.get("other_events", []):
            if ev.get("cluster"):
                by_cluster[ev["cluster"]].append(index[ex.name])
    for members in by_cluster.values():
        for other in members[1:]:
            parent[find_root(parent, other)] = find_root(parent, members[0])
    groups: dict[int, list[Example]] = defaultdict(list)
    for i, ex in enumerate(examples):
        groups[find_root(parent, i)].append(ex)
    for members in groups.values():
        known = [fixed[m.name] for m in members if m.name in fixed]
        fold = known[0] if known else int(hashlib.sha1(min(m.name for m in members).encode()).hexdigest(), 16) % FOLDS
        for m in members:
            m.fold = fold
