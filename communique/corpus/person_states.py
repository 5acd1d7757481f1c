"""Two person names given different states -> whether they may still name one person (an extraction error
gave one of them the wrong state)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..textnorm import fold
from ..translit import name_key, same_name

__all__ = ["DISTINCTIVE_SCORE", "DISTINCTIVE_SKELETON", "distinctive", "full_names_agree", "outvoted"]

#: two full names scoring this much, with a surname skeleton this long, join across a state conflict
DISTINCTIVE_SCORE = 0.95
DISTINCTIVE_SKELETON = 4


def _is_full(name: str) -> bool:
    return len(fold(name).split()) > 1


def full_names_agree(xs: Sequence[str], ys: Sequence[str]) -> bool:
    """Two full names, one of each list, that agree (:data:`DISTINCTIVE_SCORE`)."""
    return any(_is_full(x) and _is_full(y) and same_name(x, y) >= DISTINCTIVE_SCORE for x in xs for y in ys)


def distinctive(xs: Sequence[str], ys: Sequence[str]) -> bool:
    """Two full names, one of them rare enough (a long surname skeleton) that a different state
    affiliation is more likely an extraction error than another person: Sergueï Lavrov."""
    return any(_is_full(x) and _is_full(y) and len(name_key(x)) >= DISTINCTIVE_SKELETON
               and same_name(x, y) >= DISTINCTIVE_SCORE for x in xs for y in ys)


def outvoted(states_a: Collection[str], votes_a: Mapping[str, int],
             states_b: Collection[str], votes_b: Mapping[str, int]) -> bool:
    """Each cluster gives one state, one of them in a single sighting and the other in more (``votes``: state
    -> the sightings that give it): the single one is more likely an extraction error (a president given the
    state of the visitor he received)."""
    if len(states_a) != 1 or len(states_b) != 1:
        return False
    votes = sorted((votes_a[next(iter(states_a))], votes_b[next(iter(states_b))]))
    return votes[0] == 1 and votes[1] >= 2
