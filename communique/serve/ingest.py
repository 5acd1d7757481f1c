"""POST /api/documents: a posted text, HTML page or file -> the pipeline in this process -> the store."""

from __future__ import annotations

from typing import Any

from ..config import Settings
from ..records import Extraction, RawDocument, Rejected
from ..run.batches import process_batch
from ..run.writer import StoreWriter
from .state import ServerState

__all__ = ["ingest_document"]


def _new_pipeline(db: str) -> Any:
    from ..pipeline import Pipeline, load_resources

    return Pipeline(load_resources(Settings(db=db)))


def ingest_document(state: ServerState, raw: RawDocument) -> dict[str, Any]:
    """Run the pipeline on one input and store the result (or the reject) like `communique extract` does,
    then refresh the cross-document tables (the browse tables among them). Returns what happened."""
    with state.ingest_lock:     # one document at a time through the models; readers go on meanwhile
        pipeline = state.load_pipeline(lambda: _new_pipeline(state.settings.db))
        (result,) = process_batch(pipeline, [raw])
        with state.con():
            if isinstance(result, Extraction) and state.store.has_document(result.document.id):
                return {"status": "already stored", "document": result.document.id,
                        "events": sum(e.status == "occurred" for e in result.events)}
            writer = StoreWriter(state.store)
            writer.add(result)
            counts = writer.close()     # the corpus refresh rewrites the browse rows of the events it touched
    if isinstance(result, Rejected):
        return {"status": "rejected", "source": result.source, "stage": result.stage, "reason": result.reason}
    if counts.rejected:         # the store refused it: recorded as a `store` reject
        return {"status": "rejected", "source": raw.source, "stage": "store", "reason": next(iter(counts.rejected))}
    return {"status": "stored", "document": result.document.id,  # type: ignore[union-attr]
            "events": counts.events}
