"""Language identification: Document -> Document with lang (fr/en/ar only), or Rejected."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..records import Document, Rejected

__all__ = ["build_detector", "detect_language"]

_LINGUA_NAMES = {"fr": "FRENCH", "en": "ENGLISH", "ar": "ARABIC"}
_ARABIC = re.compile("[\u0600-\u06ff]")


def build_detector(languages: tuple[str, ...]) -> Any:
    """A lingua detector restricted to the supported languages (built once per process)."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, _LINGUA_NAMES[c]) for c in languages)).build()


def detect_language(doc: Document, detector: Any, languages: tuple[str, ...],
                    default: str | None = None) -> Document | Rejected:
    """Set doc.lang; a declared language is kept when supported; Arabic script decides Arabic."""
    if doc.lang:
        lang = doc.lang.lower()[:2]
        if lang in languages:
            return replace(doc, lang=lang)
        return Rejected(doc.source, "language", f"language {doc.lang!r} is not supported; supported: {', '.join(languages)}", doc.id)
    sample = doc.text[:3000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters and "ar" in languages and len(_ARABIC.findall(sample)) > 0.5 * letters:
        return replace(doc, lang="ar")
    result = detector.detect_language_of(sample)
    if result is None:
        if default:
            return replace(doc, lang=default)
        return Rejected(doc.source, "language", "language could not be identified; pass --lang", doc.id)
    code = result.iso_code_639_1.name.lower()
    return replace(doc, lang=code)
