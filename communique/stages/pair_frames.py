"""The learned path's sentence frames: pair candidates scored by the pair model, one frame per clique of actors
the model pairs with one another (stages.events finishes them as on the rule path)."""

from __future__ import annotations

from ..records import Document, Entity
from .decide import LinearModel
from .frames import Frame
from .pairs import PairCandidate, pair_candidates
from .parties import party_rule_flags

__all__ = ["pair_frames", "parties_in_order"]


def pair_frames(doc: Document, entities: list[Entity], sents: list[tuple[int, int]],
                model: LinearModel) -> list[Frame]:
    """Pair candidates scored by the model; in each sentence the actors that the model pairs with each
    other are one frame (a clique), so a list of counterparts gives one frame per counterpart."""
    ent_by_id = {e.id: e for e in entities}
    by_sentence: dict[tuple[int, int], list[tuple[float, PairCandidate]]] = {}
    for cand in pair_candidates(doc, entities, sents, party_rule_flags):
        p = model.probability(cand.features)
        if p >= model.threshold:
            by_sentence.setdefault(cand.sentence, []).append((p, cand))
    frames: list[Frame] = []
    for span, scored in by_sentence.items():
        for clique in _cliques(scored):
            p, best = max((x for x in scored if {x[1].a, x[1].b} <= clique), key=lambda x: x[0])
            parties = parties_in_order(clique, ent_by_id, span)
            frames.append(Frame(best.trigger.type, best.status, parties,
                                {pid: (ent_by_id[pid].titles or [None])[0] for pid in parties}, [span], best.trigger,
                                probability=round(p, 3)))
    frames.sort(key=lambda f: f.evidence[0])
    return frames


def parties_in_order(clique: set[str], ent_by_id: dict[str, Entity], span: tuple[int, int]) -> list[str]:
    """A frame's parties in the order the sentence names them; the ones it does not name (the previous
    subject, the story's protagonist) first, by id: the same order in every process, whatever the set's."""
    return sorted(clique, key=lambda pid: (_first_position(ent_by_id[pid], span), pid))


def _first_position(ent: Entity, span: tuple[int, int]) -> int:
    inside = [m.start for m in ent.mentions if span[0] <= m.start < span[1]]
    return inside[0] if inside else -1


def _cliques(scored: list[tuple[float, PairCandidate]]) -> list[set[str]]:
    """Maximal sets of actors that the model pairs with one another (Bron-Kerbosch; sentences are small)."""
    adj: dict[str, set[str]] = {}
    for _, c in scored:
        adj.setdefault(c.a, set()).add(c.b)
        adj.setdefault(c.b, set()).add(c.a)
    out: list[set[str]] = []

    def grow(r: set[str], p: set[str], x: set[str]) -> None:
        if not p and not x:
            out.append(r)
            return
        for v in sorted(p):
            grow(r | {v}, p & adj[v], x & adj[v])
            p = p - {v}
            x = x | {v}

    grow(set(), set(adj), set())
    return out
