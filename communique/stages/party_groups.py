"""Who met whom in one sentence: the groups of parties a trigger's subject and objects make (one group per
counterpart or per side for bilateral events, one group for a conference)."""

from __future__ import annotations

from ..records import Entity

__all__ = ["party_groups", "verb_first_groups"]


def party_groups(etype: str, before: list[str], after: list[str], ent_by_id: dict[str, Entity],
                 listed: list[str], delegations: bool = False, one_by_one: bool = False) -> list[list[str]]:
    """Who met whom: one group per counterpart for bilateral types (per state: `_same_side`; a listed state is
    one; with `delegations`, as Arabic reports list them, the persons of no known state join the first:
    `_sides`), one group for a conference."""
    if etype == "conference":
        return [list(dict.fromkeys(before + after))]
    if before and after:
        subject = before[0]
        others = [x for x in after if x != subject]
        persons = [x for x in others if ent_by_id[x].kind == "person"]
        if ent_by_id[subject].kind != "person" and len(persons) >= 2 and etype == "agreement":
            return [persons]      # "X's statement: the signing was done by A and B"
        persons = persons + [x for x in listed if x not in {subject, ent_by_id[subject].affiliation, *persons}
                             and etype in ("meet", "call")]
        if len(persons) > 1:
            extra = [x for x in before[1:2] if ent_by_id[x].kind == "person"]
            sides = [[p] for p in persons] if one_by_one else \
                _sides(persons, ent_by_id) if delegations else _same_side(persons, ent_by_id)
            return [[subject] + extra + group for group in sides]
        if one_by_one and not persons and len(others) > 1:
            return [[subject, x] for x in others]     # "separate meetings with the envoys of A, B and C"
        counterpart = persons[:1] or others[:1]
        extra = [x for x in before[1:] if ent_by_id[x].kind == "person"][:1]
        return [[subject] + extra + counterpart]
    group = list(dict.fromkeys(before or after))
    persons = [x for x in group if ent_by_id[x].kind == "person"]
    if len(persons) >= 2 and len(group) > (2 if etype != "agreement" else 3):
        group = persons + [x for x in group if x not in persons]    # "the Moroccan and French ministers, A and B, ..."
    return [group[:2] if etype != "agreement" else group[:3]]


def verb_first_groups(ids: list[str], ent_by_id: dict[str, Entity]) -> list[list[str]]:
    """Arabic verb-first sentences ("استقبل A B ووزير خارجيته C"): the verb's subject, then whom it met,
    one group per side (`_sides`)."""
    subject, others = ids[0], ids[1:]
    persons = [x for x in others if ent_by_id[x].kind == "person"]
    if not persons:
        return [[subject, others[0]]]
    return [[subject] + side for side in _sides(persons, ent_by_id)]


def _sides(persons: list[str], ent_by_id: dict[str, Entity]) -> list[list[str]]:
    """Persons met in one sentence, one group per state of theirs; the persons of no known state (a
    delegation, those present, the head of a council of no known state) go with the first group."""
    states = {p: _state_of(ent_by_id[p], ent_by_id) for p in persons}
    groups: dict[str, list[str]] = {}
    for p in persons:
        if states[p]:
            groups.setdefault(states[p], []).append(p)
    sides = list(groups.values()) or [[]]
    sides[0] += [p for p in persons if not states[p]]
    return sides


def _state_of(person: Entity, ent_by_id: dict[str, Entity]) -> str | None:
    """The state a person stands for: their affiliation when it is a state, else that body's own state
    (its affiliation, or a state of its country); None for a body of no known state."""
    body = ent_by_id.get(person.affiliation or "")
    if body is None or body.kind == "state":
        return person.affiliation
    if body.affiliation:
        return body.affiliation
    return next((e.id for e in ent_by_id.values() if e.kind == "state" and body.country and e.country == body.country),
                None)


def _same_side(persons: list[str], ent_by_id: dict[str, Entity]) -> list[list[str]]:
    """Counterparts met in one sentence, one group per side: persons of one state (or organization) are
    one delegation ("the President and the Foreign Minister of X"), persons of different sides or of none
    are met one by one."""
    groups: dict[str, list[str]] = {}
    for p in persons:
        groups.setdefault(ent_by_id[p].affiliation or p, []).append(p)
    return list(groups.values())
