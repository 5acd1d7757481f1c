"""Gazetteer: KB aliases -> token-level longest-match annotations over a spaCy Doc."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..textnorm import fold, is_arabic

__all__ = ["GazetteerEntry", "Gazetteer", "GazetteerMatch"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    actor_id: str
    kind: str            # "organization" | "state" | "place"
    alias_type: str      # "name" | "acronym" | "demonym" | "short"
    form: str            # the alias as written in the KB


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int           # character offsets in the document text
    end: int
    entry: GazetteerEntry


_MAX_WORDS = 12
#: tokens whose folded word `Gazetteer.match` remembers (a short string each)
_TOKEN_MEMO_SIZE = 1 << 16
# Acronyms and demonyms that are ordinary words in one of our languages.
_STOP_FORMS = {
    "un", "une", "des", "les", "la", "le", "is", "it", "as", "at", "in", "on", "or", "an", "am", "us",
    "so", "no", "to", "of", "pm", "ma", "me", "mr", "dr", "who", "was", "can", "it", "al", "el", "ar",
    "ai", "eu'", "sa", "ca", "ce", "se", "si", "il", "elle", "ou", "mai", "may", "and", "et", "non",
    "general", "union", "council", "conseil", "commission", "office", "centre", "center", "bureau",
    "agency", "agence", "court", "bank", "fund", "organisation", "organization", "secretariat", "forum",
    "assembly", "committee", "comite", "comité", "group", "groupe", "alliance", "coalition", "parliament",
}


class Gazetteer:
    """Longest-match lookup of KB aliases over token sequences (case rules per alias type)."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        self._first: set[str] = set()
        self._prefixes: set[str] = set()      # the first 1, 2, ... words of every key
        self._token_keys: dict[str, str] = {}    # token -> its folded word (match), remembered
        for entry in entries:
            key = fold(entry.form)
            if not key or len(key) < 2 or (key in _STOP_FORMS and entry.alias_type != "acronym"):
                continue
            words = key.split()
            if len(words) > _MAX_WORDS:
                continue
            self._by_key.setdefault(key, []).append(entry)
            self._first.add(words[0])
            self._prefixes.update(" ".join(words[:k]) for k in range(1, len(words) + 1))

    def __len__(self) -> int:
        return len(self._by_key)

    def lookup(self, form: str) -> list[GazetteerEntry]:
        return self._by_key.get(fold(form), [])

    def match(self, text: str, tokens: list[tuple[int, int]]) -> list[GazetteerMatch]:
        """Longest non-overlapping alias matches over (start, end) token offsets of `text`."""
        folded = self._token_words(text, tokens)
        out: list[GazetteerMatch] = []
        i = 0
        n = len(tokens)
        while i < n:
            if folded[i] not in self._first:
                i += 1
                continue
            best: tuple[int, GazetteerEntry] | None = None
            for j in range(self._reach(folded, i, min(n, i + _MAX_WORDS)), i, -1):
                if not folded[j - 1]:
                    continue
                key = " ".join(w for w in folded[i:j] if w)
                entries = self._by_key.get(key)
                if not entries:
                    continue
                surface = text[tokens[i][0]: tokens[j - 1][1]]
                entry = _accept(surface, entries)
                if entry is not None:
                    best = (j, entry)
                    break
            if best is None:
                i += 1
                continue
            j, entry = best
            start = tokens[i][0]
            raw = fold(text[tokens[i][0]: tokens[i][1]])
            if raw != folded[i] and raw.endswith(folded[i]):
                # "لمنظمة" -> the name starts after the clitic letters (diacritics skipped)
                skip = len(raw) - len(folded[i])
                while skip > 0 and start < tokens[i][1]:
                    if not _DIACRITIC.match(text[start]):
                        skip -= 1
                    start += 1
            out.append(GazetteerMatch(start, tokens[j - 1][1], entry))
            i = j
        return out

    def _token_words(self, text: str, tokens: list[tuple[int, int]]) -> list[str]:
        """Each token's folded word, its Arabic proclitics stripped (remembered per token)."""
        memo = self._token_keys
        if len(memo) >= _TOKEN_MEMO_SIZE:
            memo.clear()
        out = []
        for s, e in tokens:
            token = text[s:e]
            word = memo.get(token)
            if word is None:
                word = memo[token] = _strip_proclitic(fold(token), self._first)
            out.append(word)
        return out

    def _reach(self, folded: list[str], i: int, limit: int) -> int:
        """The last token (exclusive, at most `limit`) up to which the words from token i still begin some
        alias: no longer key can match, so the longest match is looked for from there down."""
        key = ""
        reach = i
        for j in range(i, limit):
            if folded[j]:
                key = f"{key} {folded[j]}" if key else folded[j]
                if key not in self._prefixes:
                    break
            reach = j + 1
        return reach


_DIACRITIC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_AR_ARTICLE_PROCLITIC = re.compile(r"^(?:[وف])?(?:[بكل])?ال|^(?:[وف])?لل")


def _strip_proclitic(word: str, first_words: set[str]) -> str:
    """Arabic clitics before a name: للتحالف -> التحالف, والمملكة -> المملكة, لمنظمة -> منظمة, وواشنطن -> واشنطن."""
    if not word or not is_arabic(word[0]) or word in first_words:
        return word
    if len(word) > 4:
        stripped = _AR_ARTICLE_PROCLITIC.sub("ال", word)
        if stripped != word:
            return stripped
    for n in (1, 2):
        if len(word) - n >= 3 and all(c in "وفبلك" for c in word[:n]) and word[n:] in first_words:
            return word[n:]
    return word


def _accept(surface: str, entries: list[GazetteerEntry]) -> GazetteerEntry | None:
    """Case rules: acronyms as written in capitals; names start with a capital (Latin script)."""
    for entry in entries:
        if entry.alias_type == "acronym":
            letters = [c for c in surface if c.isalpha()]
            words = surface.split()
            mixed = len(words) > 1 and all(w[:1].isupper() for w in words)       # "Sco Rats"
            if surface.replace(".", "") == entry.form.replace(".", "") or mixed or (
                    letters and all(c.isupper() for c in letters)):
                if len(letters) >= 2:
                    return entry
            continue
        if entry.alias_type == "demonym":
            return entry
        first = surface[0]
        if not first.isalpha() or (not first.isupper() and not is_arabic(first)):
            continue
        return entry
    return None
