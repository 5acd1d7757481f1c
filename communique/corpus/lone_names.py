"""Person sightings named by one word -> the full name of the one person of their document with that word."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache

from ..textnorm import fold
from ..translit import SAME_NAME_THRESHOLD, name_tokens, same_name
from ..translit.scoring import token_similarity
from ..translit.skeleton import NameToken
from .persons import Sighting

__all__ = ["LONE_WORD_MATCH", "DocNames", "complete_lone_names", "is_lone_name"]

#: a lone word and a word of a full name at least this alike (translit.token_similarity) are the same word
LONE_WORD_MATCH = 0.9

#: reads the person names of documents (doc id -> names)
DocNames = Callable[[Collection[str]], Mapping[str, Collection[str]]]


def is_lone_name(name: str) -> bool:
    """A person named by one word ("Orla", "Venmark")."""
    return len(fold(name).split()) == 1


def complete_lone_names(sightings: Sequence[Sighting], doc_names: DocNames | None = None) -> list[Sighting]:
    """Sightings named by one word (a given name or a surname: "Orla") take the full name of the one person
    of their document whose name has that word ("Orla Venmark"), so that linking compares them as that
    person; with two such persons (Orla Venmark, Orla Reyk) or none, a sighting keeps its name. ``doc_names``
    reads the person names of documents that ``sightings`` may hold only in part (default: every document
    is whole in ``sightings``)."""
    lone_docs = {s.doc_id for s in sightings if is_lone_name(s.name)}
    if not lone_docs:
        return list(sightings)
    if doc_names is None:
        names: Mapping[str, Collection[str]] = _names_by_doc(s for s in sightings if s.doc_id in lone_docs)
    else:
        names = doc_names(lone_docs)
    out = []
    for s in sightings:
        full = _the_full_name(s.name, tuple(sorted(names.get(s.doc_id, ())))) if is_lone_name(s.name) else None
        out.append(s if full is None else Sighting(s.doc_id, s.entity_id, full, s.forms, s.titles, s.affiliation,
                                                    s.affiliation_kind, s.affiliation_name))
    return out


def _names_by_doc(sightings: Iterable[Sighting]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for s in sightings:
        out[s.doc_id].add(" ".join(s.name.split()))
    return out


@lru_cache(maxsize=1 << 15)
def _tokens(name: str) -> tuple[NameToken, ...]:
    return tuple(name_tokens(name))


@lru_cache(maxsize=1 << 14)
def _lone_word(name: str) -> NameToken | None:
    toks = _tokens(name)
    return toks[0] if len(toks) == 1 and not toks[0].initial else None


@lru_cache(maxsize=1 << 14)
def _the_full_name(name: str, names: tuple[str, ...]) -> str | None:
    """The one full name of ``names`` (two name words or more) that has the lone word ``name``; the longest
    when all that have it name one person (Orla Venmark, Orla Tess Venmark)."""
    word = _lone_word(name)
    if word is None:
        return None
    hits = sorted({" ".join(n.split()) for n in names if len(_tokens(n)) >= 2 and any(
        token_similarity(word, t) >= LONE_WORD_MATCH for t in _tokens(n))}, key=lambda n: (-len(n), n))
    if not hits or any(same_name(hits[0], n) < SAME_NAME_THRESHOLD for n in hits[1:]):
        return None
    return hits[0]
