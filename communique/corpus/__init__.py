"""The corpus layer: stored documents -> what holds across them (near-duplicate copies, corpus actors
linked across documents and scripts, real-world events merged from their reports), computed over
typed records that a store reads and writes (communique.store.corpus_tables); no SQL here."""

from communique.corpus.refresh import refresh_corpus

__all__ = ["refresh_corpus"]
