"""Language identification: Document -> Document with lang (fr/en/ar only), or Rejected."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..records import Document, Rejected

__all__ = ["build_detector", "detect_language"]

_LINGUA_NAMES = {"fr": "FRENCH", "en": "ENGLISH", "ar": "ARABIC"}
_ARABIC = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"[^\W\d_]+")
#: the commonest words of each Latin-script language: a text where they are rare is in none of them (lingua,
#: restricted to fr/en/ar, would call German or Spanish "en" or "fr")
_COMMON_WORDS = {
    "en": frozenset("the of and to in a is was with for on at by as that from has have it an are were this".split()),
    "fr": frozenset("le la les de des et à du en un une est pour avec au aux par sur qui que dans a été il ses"
                    .split()),
}
_MIN_WORDS = 40             # shorter samples are not judged (headlines, lists of names)
_MIN_COMMON_SHARE = 0.12    # English and French press releases: 0.25-0.40 of their words


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
    if not _reads_as(sample, code):
        return Rejected(doc.source, "language", f"language not supported: the text does not read as {code} (too "
                        f"few of its common words); supported: {', '.join(languages)}", doc.id)
    return replace(doc, lang=code)


def _reads_as(sample: str, lang: str) -> bool:
    """Whether a Latin-script sample has the share of common words that text in `lang` has."""
    common = _COMMON_WORDS.get(lang)
    words = [w.lower() for w in _WORD.findall(sample)]
    if common is None or len(words) < _MIN_WORDS:
        return True
    return sum(w in common for w in words) >= _MIN_COMMON_SHARE * len(words)
