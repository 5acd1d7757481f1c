"""Names -> corpus actors: an actor id or any form in any script resolved to the actors it names (exact
alias, with or without the titles before it, then transliteration key, then fuzzy), and the corpus events of
the actor a name resolves to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from ..errors import CommuniqueError
from ..store import Store
from ..textnorm import fold, is_arabic, match_key
from ..translit import SAME_NAME_THRESHOLD, name_key, same_name
from ..translit.names import is_title_word

if TYPE_CHECKING:
    from .actors import ActorIndex, CorpusActor

__all__ = ["find_actor", "resolve_actor_ref", "resolve_actor_ids", "actor_query_events", "FUZZY_THRESHOLD"]


def find_actor(idx: ActorIndex, ref: str) -> CorpusActor:
    """An actor by id, or by any of its forms in any script, resolved as `events --actor` resolves
    (:func:`resolve_actor_ref`), then by the words of a name ('Voronkov'); names the choices when
    ambiguous."""
    if ref in idx.actors:
        return idx.actors[ref]
    aliases = [(a.id, a.kind, a.name, f) for a in idx.actors.values() for f in (a.name, *a.forms)]
    found = [aid for aid, _ in resolve_actor_ref(ref, aliases, {a.id: a.document_count for a in idx.actors.values()})]
    hits = [idx.actors[a] for a in found]
    key = match_key(ref)
    if not hits and key:
        words = set(key.split())     # a surname or part of a name: 'Voronkov'
        hits = [a for a in idx.actors.values() if any(words <= set(match_key(f).split()) for f in a.forms)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise CommuniqueError(f"no actor {ref!r}; list them with `communique actors list`")
    raise CommuniqueError(f"{ref!r} names {len(hits)} actors: " +
                          "; ".join(f"{a.id} ({a.name})" for a in sorted(hits, key=lambda a: a.id)) +
                          "; give one of these ids")


#: fuzzy resolution: the least similarity (difflib ratio of folded forms) of a misspelt name
FUZZY_THRESHOLD = 0.85


def resolve_actor_ref(ref: str, aliases: Iterable[tuple[str, str, str, str]],
                      documents: Mapping[str, int] | None = None) -> list[tuple[str, str]]:
    """The actors a name in any script refers to, as (actor id, name): its id or an exact alias
    first, then the transliteration key (a person's name or surname in the other script: لافروف
    for Lavrov; the persons whose forms score best under translit.same_name), then a fuzzy match of
    at least :data:`FUZZY_THRESHOLD`. ``aliases`` are (actor id, kind, actor name, form) rows. The
    first step that finds anything decides (of several actors with a full name as an exact alias, the one
    whose own name it is; a name with a title before it is, after the exact alias, the one
    actor with a form holding every word of it, "King Aldric" in "King Aldric II", else the alias without
    its titles); several actors found there are all returned (the
    caller names them), unless ``documents`` (actor -> how many documents name it) shows one of them
    named in at least :data:`PROMINENT_RATIO` times as many documents as any other (a lone "Putin"
    is the president, not a namesake seen once)."""
    rows = list(aliases)
    names = {a: n for a, _, n, _ in rows}
    if ref in names:
        return [(ref, names[ref])]
    key = match_key(ref)
    if not key:
        return []
    hits = sorted({a for a, _, _, form in rows if match_key(form) == key})
    untitled = _untitled(ref)
    if len(hits) > 1 and len(key.split()) > 1:     # a full name: the actor whose own name it is
        own = [a for a in hits if match_key(names[a]) in (key, untitled)] or _own_across_scripts(ref, hits, names)
        hits = own if len(own) == 1 else hits
    if not hits and untitled != key:         # a titled name: the one actor with a form holding it, else untitled
        covering = _covering(ref, sorted(names), rows)
        hits = covering if len(covering) == 1 else \
            sorted({a for a, _, _, form in rows if match_key(form) == untitled})
    if not hits:    # an Arabic name by its key: its proclitics left out (والفلاني: الفلاني)
        hits = _by_transliteration(key if is_arabic(ref) else ref, rows)
    if not hits:
        hits = sorted({a for a, _, _, form in rows
                       if SequenceMatcher(None, key, match_key(form)).ratio() >= FUZZY_THRESHOLD})
    if len(hits) > 1 and untitled != key:
        hits = _covering(ref, hits, rows) or hits
    if len(hits) > 1 and documents:
        ranked = sorted(hits, key=lambda a: -documents.get(a, 0))
        if documents.get(ranked[0], 0) >= PROMINENT_RATIO * max(documents.get(ranked[1], 0), 1):
            hits = ranked[:1]
    return [(a, names[a]) for a in hits]


def _own_across_scripts(ref: str, hits: list[str], names: Mapping[str, str]) -> list[str]:
    """Of several actors holding an Arabic full name as an alias, those whose (Latin) name it transliterates
    best under same_name, when that reaches the threshold: "كريم حداد" is Karim Haddad's own name, not that
    of an actor a document named "Karim Haddad Waimad Talmouni" by running two names together
    ("كريم حداد وعماد تلموني")."""
    if not is_arabic(ref):
        return []
    scores = {a: same_name(ref, names[a]) for a in hits if not is_arabic(names[a])}
    top = max(scores.values(), default=0.0)
    return sorted(a for a, s in scores.items() if s >= top - RESOLVE_MARGIN) if top >= SAME_NAME_THRESHOLD else []


def _untitled(ref: str) -> str:
    """The match key of a name without the titles before it ("King Aldric" -> aldric, "Cheikh Dr. X Y" -> x y)."""
    words = fold(ref).split()
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    return match_key(" ".join(words))


def _covering(ref: str, hits: list[str], rows: list[tuple[str, str, str, str]]) -> list[str]:
    """Of several candidates, those with a form holding every word of the name, its title included ("King
    Aldric" in "King Aldric II"; none: the caller keeps them all)."""
    words = set(fold(ref).split())
    keep = set(hits)
    return sorted({a for a, _, _, form in rows if a in keep and words <= set(fold(form).split())})


#: a candidate named in this many times the documents of every other one is the one meant
PROMINENT_RATIO = 3


#: persons whose best same_name score is within this of the best one are all candidates
RESOLVE_MARGIN = 0.02


def _by_transliteration(ref: str, rows: list[tuple[str, str, str, str]]) -> list[str]:
    """Persons with a form of the same surname skeleton; those whose forms score best under
    same_name when any reaches the threshold, else all of them."""
    surname = name_key(ref)
    if not surname:
        return []
    best: dict[str, float] = {}
    for a, kind, _, form in rows:
        if kind == "person" and name_key(form) == surname:
            best[a] = max(best.get(a, 0.0), same_name(ref, form))
    top = max(best.values(), default=0.0)
    if top >= SAME_NAME_THRESHOLD:
        return sorted(a for a, score in best.items() if score >= top - RESOLVE_MARGIN)
    return sorted(best)


def resolve_actor_ids(store: Store, ref: str) -> tuple[str, ...] | None:
    """The corpus actor a name in any form and script names (`communique events --actor`), resolved by
    :func:`resolve_actor_ref`; None when the store keeps no corpus actor tables (the caller matches the
    name within the reports' forms instead). A name of no actor, or of several, is refused with their
    ids and names."""
    aliases = store.actor_aliases()
    if aliases is None:
        return None
    hits = resolve_actor_ref(ref, aliases, store.actor_documents())
    if not hits:
        raise CommuniqueError(f"no actor {ref!r}; list them with `communique actors list`")
    if len(hits) > 1:
        raise CommuniqueError(f"{ref!r} names {len(hits)} actors: " +
                              "; ".join(f"{a} ({n})" for a, n in hits) + "; give one of these ids")
    return (hits[0][0],)


def actor_query_events(store: Store, ref: str | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Corpus events with their parties as corpus actors and their English roles (`communique events`),
    newest first, filtered in SQL over the browse tables (``filters``: EventFilter fields such as type,
    since, until); with ``ref``, only the events of the actor it names (:func:`resolve_actor_ids`): every
    event one of whose reports gives that actor as a party or a party's affiliation. A store without actor
    tables matches ``ref`` within the forms its reports give their parties."""
    from ..kb.roles import with_english_roles
    from ..store.browse import EventFilter

    ids = resolve_actor_ids(store, ref) if ref is not None else None
    query = EventFilter(actor_ids=ids or (), actor=ref if ids is None else None, limit=None, **filters)
    return with_english_roles(store.list_events(query))
