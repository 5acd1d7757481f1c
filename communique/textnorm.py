"""Text folding: raw surface forms -> comparison keys (Latin accents, Arabic letter variants)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_arabic", "match_key", "is_arabic", "strip_honorifics"]

_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})
_PUNCT = re.compile(r"[\s\-‐-―_'’`´\".,;:!?()\[\]{}«»“”/\\|·•،؛؟]+")
_ARABIC = re.compile("[\u0600-\u06ff]")
# proclitics before the article: لل / بال / وال / فال / كال / وبال / ولل
_AR_PROCLITIC = re.compile(r"^(?:و|ف)?(?:ب|ك|ل)?ال|^(?:و|ف)?لل")
_LEADING_ARTICLES = {"the", "le", "la", "les", "l", "el"}
_HONORIFICS = {
    "m", "mm", "mme", "mr", "mrs", "ms", "dr", "messrs", "h", "e", "he", "hrh", "sir",
    "mlle", "pr", "prof", "haji", "hajah", "awang", "dayang", "dato", "datuk", "pehin", "yang", "berhormat",
    "السيد", "السيدة", "الدكتور", "الدكتوره", "معالي", "سمو", "فخامه", "سعاده", "صاحب",
}


def is_arabic(text: str) -> bool:
    """True when the text contains Arabic letters."""
    return bool(_ARABIC.search(text))


def fold_arabic(text: str) -> str:
    """Remove Arabic diacritics and tatweel; unify alef, hamza carriers, ya and ta marbuta."""
    return _AR_DIACRITICS.sub("", text).translate(_AR_LETTERS)


#: longer texts (whole documents, paragraphs) are folded without the cache: 65,536 cached documents
#: were 200 MB more per worker process
FOLD_CACHE_MAX_CHARS = 100


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a surface form (cached for short forms: tokens
    and names repeat).

    >>> fold("Secrétaire-Général  de l'ONU")
    'secretaire general de l onu'
    """
    if len(text) > FOLD_CACHE_MAX_CHARS:
        return _fold(text)
    return _fold_cached(text)


def _fold(text: str) -> str:
    if text.isascii():          # the same key, without the Unicode passes that change nothing here
        return _PUNCT.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text)
    if _ARABIC.search(text):
        text = _without_marks(text, keep_arabic=True)
        return _PUNCT.sub(" ", fold_arabic(unicodedata.normalize("NFKC", text).casefold())).strip()
    text = _without_marks(text, keep_arabic=False)
    return _PUNCT.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _without_marks(text: str, *, keep_arabic: bool) -> str:
    """The text without its combining marks (accents after NFKD), Arabic ones kept when asked; one
    str.translate over the marks the text holds, not a test per character."""
    marks = {ord(ch): None for ch in set(text)
             if unicodedata.combining(ch) and not (keep_arabic and _ARABIC.match(ch))}
    return text.translate(marks) if marks else text


_fold_cached = lru_cache(maxsize=1 << 16)(_fold)


def strip_honorifics(words: list[str]) -> list[str]:
    """Drop leading honorifics ('M.', 'Mr', 'معالي') from folded words."""
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return words


def match_key(text: str) -> str:
    """The evaluation key of SCHEMA.md: fold, then drop leading articles, honorifics and
    Arabic proclitics before the article (للتحالف -> التحالف)."""
    words = fold(text).split()
    words = strip_honorifics(words)
    if len(words) > 1 and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    words = [_AR_PROCLITIC.sub("ال", w) if len(w) > 4 else w for w in words]
    return " ".join(words)
