"""Person actors (their forms, and the names their documents wrote) -> display names and romanized forms:
a Latin name a document wrote, else the Arabic name romanized with the spellings the corpus uses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..textnorm import is_arabic, match_key
from ..translit import arabic_to_latin, learn_spellings
from .persons import PersonSeed, canonical_name

if TYPE_CHECKING:
    from .actors import CorpusActor

__all__ = ["ArabicName", "name_persons", "name_written", "romanize_persons", "arabic_full_form"]


@dataclass(frozen=True, slots=True)
class ArabicName:
    """A person actor's Arabic name (None: it has no Arabic form), whether it and the actor's Latin name
    teach the corpus a spelling, and whether the actor's name is romanized from it."""

    arabic: str | None
    spells: bool
    named_from_arabic: bool


def name_persons(actors: dict[str, CorpusActor], seeds: Mapping[str, PersonSeed]) -> None:
    """Display names of person actors: the overlay's name; else a Latin name a document wrote; else
    the Arabic name romanized with the spellings this corpus uses for its words (learned from the
    persons it names in both scripts: سيرغي is written Sergey). Arabic forms get their romanization
    as a form too."""
    arabic = name_written(actors)
    romanize_persons(actors, seeds, arabic, learn_spellings((n.arabic, actors[a].name)
                                                             for a, n in arabic.items() if n.spells and n.arabic))


def name_written(actors: Mapping[str, CorpusActor]) -> dict[str, ArabicName]:
    """Name the person actors a document wrote in Latin script (their canonical Latin name); the Arabic
    name of every person actor, in actor order."""
    out = {}
    for act in actors.values():
        if act.kind != "person":
            continue
        if act.origin != "overlay" and act.written:
            act.name = canonical_name(act.written) or act.name
        arabic = arabic_full_form(act, act.romanized)
        out[act.id] = ArabicName(arabic, act.origin != "overlay" and bool(act.written) and arabic is not None,
                                 act.origin != "overlay" and not act.written and arabic is not None)
    return out


def romanize_persons(actors: Mapping[str, CorpusActor], seeds: Mapping[str, PersonSeed],
                      arabic: Mapping[str, ArabicName], spellings: Mapping[str, str]) -> None:
    """Name the other person actors (the overlay's name; else the Arabic name romanized with the corpus's
    ``spellings``; else a romanized name); give every Arabic form its romanization as a form."""
    for aid, name in arabic.items():
        act = actors[aid]
        if act.origin == "overlay":
            act.name = seeds[act.id].name
        elif not act.written:
            act.name = (arabic_to_latin(name.arabic, spellings=spellings) if name.arabic else "") or \
                canonical_name(act.romanized or [f for f, (o, _) in act.forms.items() if o != "romanized"]) \
                or act.name
        for form, (origin, _) in list(act.forms.items()):
            if is_arabic(form) and origin != "romanized":
                act.add_form(arabic_to_latin(form, spellings=spellings), "romanized")


def arabic_full_form(act: CorpusActor, names: list[str] = ()) -> str | None:
    """A person's Arabic name: the one its documents romanized into ``names`` (their choice of the
    name among the forms), else the one with the most name words (titles left out of the count)."""
    arabic = [f for f, (o, _) in act.forms.items() if is_arabic(f) and o != "romanized"]
    chosen = {match_key(n) for n in names}

    def rank(form: str) -> tuple[bool, int, int, str]:
        rom = _romanized(form)
        return match_key(rom) in chosen, len(rom.split()), len(form), form

    return max(arabic, key=rank) if arabic else None


_romanized = lru_cache(maxsize=1 << 14)(arabic_to_latin)
