"""The fast paths of hot stages give what their plain versions give: folding without a test per character,
whole-word name uses without a regular expression per document, gazetteer matching that stops where no alias
begins (hypothesis, on invented words)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.stages.gazetteer import _MAX_WORDS, Gazetteer, GazetteerEntry, _accept
from communique.stages.person_names import _whole_word_uses
from communique.textnorm import _ARABIC, _PUNCT, _fold, fold_arabic


def _fold_per_character(text: str) -> str:
    """textnorm's folding as it was written first: one test per character."""
    if text.isascii():
        return _PUNCT.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text)
    if _ARABIC.search(text):
        text = "".join(ch for ch in text if not unicodedata.combining(ch) or _ARABIC.match(ch))
        return _PUNCT.sub(" ", fold_arabic(unicodedata.normalize("NFKC", text).casefold())).strip()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _PUNCT.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_fold_drops_marks_as_the_per_character_version(text):
    assert _fold(text) == _fold_per_character(text)


def test_fold_keeps_arabic_marks_and_drops_latin_accents():
    assert _fold("Élise Dûval-Örn") == _fold_per_character("Élise Dûval-Örn") == "elise duval orn"
    assert _fold("مُحَمَّد Zoé") == _fold_per_character("مُحَمَّد Zoé")


_NAME_WORDS = ["Dorvan", "Dorvansky", "Aline", "Alinea", "Kessa", "Kessa-Lund", "Lund"]


def _regex_uses(text: str, words: set[str]) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NAME_WORDS + [" ", "-", ", ", "x", "é", "2", "\n"]), max_size=30),
       st.sets(st.sampled_from(_NAME_WORDS), min_size=1))
def test_whole_word_uses_are_those_of_a_regular_expression(pieces, words):
    text = "".join(pieces)
    assert _whole_word_uses(text, words) == _regex_uses(text, words)


def test_whole_word_uses_prefer_the_longest_word():
    text = "Dorvansky met Dorvan, not Dorvans or Kessa-Lund's aide Lund."
    assert _whole_word_uses(text, {"Dorvan", "Dorvansky", "Lund", "Kessa-Lund"}) == \
        [(0, 9), (14, 20), (37, 47), (55, 59)]


_ALIASES = ["Island Union", "Island Union of Ports", "Ports Council", "Union", "Norvia", "Norvian", "IUP",
            "Council of the Island Union of Ports and Harbours"]
_GAZETTEER = Gazetteer(GazetteerEntry(f"Q{i}", "organization", "acronym" if a.isupper() else "name", a)
                       for i, a in enumerate(_ALIASES))


def _match_without_reach(gaz: Gazetteer, text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Gazetteer.match as a full search: every alias of up to _MAX_WORDS tokens from each token, the longest
    accepted one taken (what it did first)."""
    words = gaz._token_words(text, tokens)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        accepted = []
        if words[i] in gaz._first:
            for j in range(i + 1, min(len(tokens), i + _MAX_WORDS) + 1):
                key = " ".join(w for w in words[i:j] if w)
                entry = _accept(text[tokens[i][0]: tokens[j - 1][1]], gaz._by_key[key]) \
                    if words[j - 1] and key in gaz._by_key else None
                accepted += [(j, entry)] if entry is not None else []
        if accepted:
            j, entry = accepted[-1]
            out.append((tokens[i][0], tokens[j - 1][1], entry.form))
        i = accepted[-1][0] if accepted else i + 1
    return out


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Island", "Union", "of", "Ports", "and", "Harbours", "Council", "the", "IUP",
                                 "Norvia", "Norvian", "island", "'s", ",", "met"]), max_size=25))
def test_gazetteer_match_finds_the_longest_aliases_as_a_full_search(words):
    text = " ".join(words)
    tokens, at = [], 0
    for w in words:
        tokens.append((at, at + len(w)))
        at += len(w) + 1
    got = [(m.start, m.end, m.entry.form) for m in _GAZETTEER.match(text, tokens)]
    assert got == _match_without_reach(_GAZETTEER, text, tokens)


def test_gazetteer_match_reads_past_a_shorter_alias():
    text = "the Council of the Island Union of Ports and Harbours met the Island Union"
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    assert [text[m.start:m.end] for m in _GAZETTEER.match(text, tokens)] == \
        ["Council of the Island Union of Ports and Harbours", "Island Union"]
