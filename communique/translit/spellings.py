"""(Arabic name, Latin name) pairs of one person -> the Latin spelling a corpus uses for each Arabic word."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..textnorm import fold
from .romanize import AR_LEADING_TITLES, plain_arabic, prepare_arabic
from .scoring import token_similarity
from .skeleton import name_tokens



def _spelling_key(word: str) -> str:
    """The key of an Arabic word in a spellings table: prepared, article off, placeholders back."""
    w = prepare_arabic(word)
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    return plain_arabic(w)


#: name particles (bin, Ould, Abu, Al): their spelling is the romanizer's, not a corpus's
_AR_PARTICLES = {fold(w) for w in ("بن", "ابن", "بنت", "ولد", "أبو", "ابو", "أبي", "آل", "ال", "عبد")}

_LAT_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|il)[-\s]", re.IGNORECASE)


def learn_spellings(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Arabic word -> the Latin spelling documents use for it, from (Arabic name, Latin name) pairs of
    one person (corpus actors named in both scripts): each Arabic word is paired with the Latin word
    it sounds like (same skeleton, tok similarity >= 0.9); the most frequent spelling wins. Used by
    :func:`arabic_to_latin` for persons a corpus names only in Arabic (سيرغي -> Sergey)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for arabic, latin in names:
        lat = [(w, name_tokens(w)) for w in latin.replace("-", " - ").split() if w != "-"]
        lat = [(_LAT_ARTICLE_PREFIX.sub("", w), t[0]) for w, t in lat if len(t) == 1]
        for word in arabic.split():
            if fold(word) in AR_LEADING_TITLES or fold(word) in _AR_PARTICLES:
                continue
            toks = name_tokens(word)
            if len(toks) != 1 or len(toks[0].skel) < 2:
                continue
            hits = [w for w, t in lat if token_similarity(toks[0], t) >= 0.9]
            if len(hits) == 1 and hits[0][:1].isupper():
                counts[_spelling_key(word)][hits[0]] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}
