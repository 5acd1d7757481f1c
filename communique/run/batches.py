"""The unit of work of every engine: a batch of RawDocuments -> Extraction, Rejected or Skipped records.

The work itself is `Pipeline.process`, the same path `Pipeline.run` takes; engines call it through
`process_batch`."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..pipeline import Pipeline, chunked
from ..records import Extraction, RawDocument, Rejected, Skipped

__all__ = ["Skipped", "Result", "process_batch", "chunked"]

Result = Extraction | Rejected | Skipped


def process_batch(pipeline: Pipeline, raws: Iterable[RawDocument | Rejected],
                  stored: Collection[str] = frozenset()) -> list[Result]:
    """`Pipeline.process`: one result per input, in input order, the ids in `stored` skipped before spaCy."""
    return pipeline.process(raws, stored)
