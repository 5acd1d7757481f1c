"""Long documents: one parsed Document -> sections analyzed alone -> one Extraction with whole-text offsets.

The extraction stages look at every pair of candidate spans of a document, so their cost grows with the
square of its length (a 200,000-character text takes a minute, a 2 MB one would take hours). A document
longer than SECTION_CHARS is cut at paragraph, line or sentence boundaries (stages.nlp.split_text, snapped to
token starts) into sections that the stages see one at a time; their results are joined back: mention and
evidence offsets shifted to index the whole text, entities with the same id (the same KB actor or person
key) merged into one, event ids made unique per section. Coreference and document frames do not reach
across sections: the price of a document of that size.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import replace
from typing import Any

from ..records import Document, Entity, Event, Extraction
from .nlp import split_text

__all__ = ["SECTION_CHARS", "split_sections", "join_sections"]

#: longer documents are analyzed in sections of at most about this many characters
SECTION_CHARS = 30_000


def split_sections(doc: Document, sdoc: Any, limit: int = SECTION_CHARS) -> list[tuple[int, Document, Any]]:
    """(offset in doc.text, section Document, section spaCy Doc) for each section of a long document."""
    starts = [t.idx for t in sdoc]
    bounds = []
    for start, _ in split_text(doc.text, limit):
        at = bisect_left(starts, start)            # the first token at or after the cut
        if at < len(starts) and (not bounds or starts[at] > bounds[-1]):
            bounds.append(starts[at])
    if not bounds:
        return [(0, doc, sdoc)]
    bounds[0] = 0
    token_at = {idx: i for i, idx in enumerate(starts)}
    out = []
    for k, start in enumerate(bounds):
        first = token_at[start]
        last = token_at[bounds[k + 1]] if k + 1 < len(bounds) else len(sdoc)
        part = sdoc[first:last].as_doc()
        section = replace(doc, text=part.text, **({} if k == 0 else {"title_span": None, "dateline_span": None}))
        out.append((start, section, part))
    return out


def join_sections(doc: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction for the whole document from its sections' Extractions (offsets made whole-text)."""
    entities: dict[str, Entity] = {}
    events: list[Event] = []
    for offset, ex in parts:
        for ent in ex.entities:
            mentions = [replace(m, start=m.start + offset, end=m.end + offset) for m in ent.mentions]
            known = entities.get(ent.id)
            if known is None:
                entities[ent.id] = replace(ent, mentions=mentions, forms=list(ent.forms), titles=list(ent.titles))
                continue
            known.mentions.extend(mentions)
            known.forms.extend(f for f in ent.forms if f not in known.forms)
            known.titles.extend(t for t in ent.titles if t not in known.titles)
            known.affiliation = known.affiliation or ent.affiliation
        for ev in ex.events:
            evidence = tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in ev.evidence)
            new_id = "ev:" + hashlib.sha1(f"{ev.id}@{offset}".encode()).hexdigest()[:16]
            events.append(replace(ev, id=new_id, evidence=evidence))
    first = parts[0][1].document if parts else doc
    whole = replace(doc, dateline_date=doc.dateline_date or first.dateline_date)
    return Extraction(document=whole, entities=tuple(entities.values()), events=tuple(events))
