"""spaCy per language: Documents -> (Document, spaCy Doc) pairs, batched with nlp.pipe.

A long text is parsed in chunks of at most CHUNK_CHARS characters cut at paragraph, line or sentence
boundaries and joined back with Doc.from_docs, so every offset still indexes the whole text (spaCy refuses
texts over nlp.max_length, 1,000,000 characters, and its memory grows with the text it holds). A batch
whose nlp.pipe raises is parsed again one document at a time: only the document that fails becomes a
Rejected record (stage "nlp"), in place of its spaCy Doc."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from ..config import SPACY_MODELS
from ..errors import InputError, ModelMissingError
from ..records import Document, Rejected

__all__ = ["ModelSet", "load_model", "parse", "split_text", "CHUNK_CHARS"]

#: most characters spaCy sees at once; longer texts are parsed in chunks (well under nlp.max_length)
CHUNK_CHARS = 10_000
#: chunks of one long document per nlp.pipe batch: spaCy's NER holds about 1 GB per 100,000 characters
CHUNKS_PER_BATCH = 4

# Components our stages never read: excluded at load time. Sentences come from our own rules
# (stages.sentences.sentence_spans), so the dependency parser is not needed; the stages read no lemma, and of
# the parts of speech only "is a verb", which the English tagger's tags and the French morphologizer give
# without the attribute ruler (on the 164 en/fr documents of the development corpus, the same verb tokens).
_EXCLUDE = {"fr": ["lemmatizer", "parser", "attribute_ruler"], "en": ["lemmatizer", "parser", "attribute_ruler"],
            "ar": []}


def load_model(lang: str, name: str | None = None) -> Any:
    """Load the spaCy pipeline of one language (`name`, else SPACY_MODELS), excluding what the stages do
    not use."""
    import spacy

    shipped = name is None
    name = name or SPACY_MODELS[lang]
    try:
        nlp = spacy.load(name, exclude=_EXCLUDE.get(lang, []))
    except OSError as exc:
        if not shipped:
            raise InputError(f"cannot load the {lang} spaCy pipeline {name!r} ({exc}); give the folder "
                             "that scripts/train_ar_ner.py --out wrote, or leave the setting out") from exc
        if lang == "ar":
            nlp = spacy.blank("ar")
            nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "؟", "!", "\n"]})
            return nlp
        raise ModelMissingError(name) from exc
    return nlp


class ModelSet:
    """Loads each language's pipeline once, on first use, and keeps it for the process."""

    def __init__(self, names: dict[str, str] | None = None) -> None:
        self._models: dict[str, Any] = {}
        self._names = dict(names or {})      # language -> spaCy pipeline name or path, over SPACY_MODELS

    def get(self, lang: str) -> Any:
        if lang not in self._models:
            self._models[lang] = load_model(lang, self._names.get(lang))
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
    """Run spaCy over documents grouped by language, preserving the input order within a batch. Each pair
    holds the document's spaCy Doc, or a Rejected record when spaCy failed on that document."""
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _parse_batch(batch, models, batch_size)
            batch = []
    if batch:
        yield from _parse_batch(batch, models, batch_size)


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering `text`, each at most `limit` characters, cut after the last
    paragraph break, else line break, else sentence end, else space in the second half of the window
    (a run of `limit` characters without any of them is cut where it stands)."""
    spans, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        window = text[start + limit // 2: end]
        for sep in ("\n\n", "\n", ". ", "؟ ", "? ", "! ", " "):
            at = window.rfind(sep)
            if at >= 0:
                end = start + limit // 2 + at + len(sep)
                break
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _parse_batch(batch: list[Document], models: ModelSet, batch_size: int) -> Iterator[tuple[Document, Any]]:
    results: dict[int, Any] = {}
    by_lang: dict[str, list[int]] = {}
    for i, doc in enumerate(batch):
        by_lang.setdefault(doc.lang or "en", []).append(i)
    for lang, idx in by_lang.items():
        try:
            nlp = models.get(lang)
            results.update(zip(idx, _parse_texts(nlp, [batch[i] for i in idx], batch_size)))
        except Exception:       # one bad document must not cost the batch: find it, one document at a time
            for i in idx:
                results[i] = _parse_one(models, lang, batch[i], batch_size)
    for i, doc in enumerate(batch):
        yield doc, results[i]


def _parse_one(models: ModelSet, lang: str, doc: Document, batch_size: int) -> Any:
    try:
        return _parse_texts(models.get(lang), [doc], batch_size)[0]
    except Exception as exc:
        return Rejected(doc.source, "nlp", f"internal error: {type(exc).__name__}: {str(exc)[:300]}", doc.id)


def _parse_texts(nlp: Any, docs: list[Document], batch_size: int) -> list[Any]:
    """nlp.pipe over the documents; a long one is parsed alone, a few chunks at a time (spaCy's NER needs
    memory in proportion to the characters of a batch), and joined back into one Doc."""
    from spacy.tokens import Doc

    short = [i for i, doc in enumerate(docs) if len(doc.text) <= CHUNK_CHARS]
    out: dict[int, Any] = dict(zip(short, nlp.pipe((docs[i].text for i in short), batch_size=batch_size)))
    for i, doc in enumerate(docs):
        if i not in out:
            chunks = (doc.text[s:e] for s, e in split_text(doc.text))
            out[i] = Doc.from_docs(list(nlp.pipe(chunks, batch_size=CHUNKS_PER_BATCH)), ensure_whitespace=False)
    return [out[i] for i in range(len(docs))]
