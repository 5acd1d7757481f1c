"""spaCy per language: Documents -> (Document, spaCy Doc) pairs, batched with nlp.pipe."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from ..config import SPACY_MODELS
from ..errors import ModelMissingError
from ..records import Document

__all__ = ["ModelSet", "load_model", "parse"]

# Components our stages never read: excluded at load time. Sentences come from our own rules
# (stages.mentions.sentence_spans), so the dependency parser is not needed.
_EXCLUDE = {"fr": ["lemmatizer", "parser"], "en": ["lemmatizer", "parser"], "ar": []}


def load_model(lang: str) -> Any:
    """Load the spaCy pipeline of one language, excluding what the stages do not use."""
    import spacy

    name = SPACY_MODELS[lang]
    try:
        nlp = spacy.load(name, exclude=_EXCLUDE.get(lang, []))
    except OSError as exc:
        if lang == "ar":
            nlp = spacy.blank("ar")
            nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "؟", "!", "\n"]})
            return nlp
        raise ModelMissingError(name) from exc
    return nlp


class ModelSet:
    """Loads each language's pipeline once, on first use, and keeps it for the process."""

    def __init__(self) -> None:
        self._models: dict[str, Any] = {}

    def get(self, lang: str) -> Any:
        if lang not in self._models:
            self._models[lang] = load_model(lang)
        return self._models[lang]

    @contextmanager
    def memory_zone(self) -> Iterator[None]:
        """spaCy's memory zone on every model loaded: the strings and lexemes a batch adds (numbers, names,
        typos) are freed at its end, so a worker's memory stays flat over millions of documents. spaCy
        objects must not outlive the block (the stages keep only plain records)."""
        with ExitStack() as stack:
            for nlp in list(self._models.values()):
                if hasattr(nlp, "memory_zone"):
                    stack.enter_context(nlp.memory_zone())
            yield


def parse(docs: Iterable[Document], models: ModelSet, batch_size: int = 16) -> Iterator[tuple[Document, Any]]:
    """Run spaCy over documents grouped by language, preserving the input order within a batch."""
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _parse_batch(batch, models, batch_size)
            batch = []
    if batch:
        yield from _parse_batch(batch, models, batch_size)


def _parse_batch(batch: list[Document], models: ModelSet, batch_size: int) -> Iterator[tuple[Document, Any]]:
    results: dict[int, Any] = {}
    by_lang: dict[str, list[int]] = {}
    for i, doc in enumerate(batch):
        by_lang.setdefault(doc.lang or "en", []).append(i)
    for lang, idx in by_lang.items():
        nlp = models.get(lang)
        for i, sdoc in zip(idx, nlp.pipe((batch[i].text for i in idx), batch_size=batch_size)):
            results[i] = sdoc
    for i, doc in enumerate(batch):
        yield doc, results[i]
