"""The unit of work of every engine: a batch of RawDocuments -> Extraction, Rejected or Skipped records."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from ..pipeline import Pipeline
from ..records import Document, Extraction, RawDocument, Rejected
from ..stages.nlp import parse

__all__ = ["Skipped", "Result", "process_batch", "chunked"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input whose normalized text is already stored: not parsed again (resumed or repeated runs)."""

    source: str
    doc_id: str


Result = Extraction | Rejected | Skipped


def process_batch(pipeline: Pipeline, raws: Iterable[RawDocument | Rejected],
                  stored: Collection[str] = frozenset()) -> list[Result]:
    """prepare (normalize + language) every input, skip the ids in `stored` before any spaCy work,
    then parse and analyze the rest; one result per input, in input order."""
    results: list[Result | None] = []
    todo: list[tuple[int, Document]] = []
    for raw in raws:
        doc = raw if isinstance(raw, Rejected) else pipeline.prepare(raw)
        if isinstance(doc, Rejected):
            results.append(doc)
        elif doc.id in stored:
            results.append(Skipped(doc.source, doc.id))
        else:
            todo.append((len(results), doc))
            results.append(None)
    if todo:
        res = pipeline.res
        with res.models.memory_zone():      # every spaCy Doc of the batch is analyzed inside
            parsed = parse((doc for _, doc in todo), res.models, res.settings.batch_size)
            for (i, _), (doc, sdoc) in zip(todo, parsed):
                results[i] = pipeline.analyze(doc, sdoc)
    return [r for r in results if r is not None]

def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
