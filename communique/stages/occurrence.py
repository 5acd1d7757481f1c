"""Occurrence: an event the rules propose -> features for the learned "did this event happen, as stated here?".

The rules find triggers and parties; whether the sentence tells a meeting that took place (and not a
plan, a wish, a generic statement, a football match, a meeting told in passing without who) is decided
by a trained model (`stages.decide`) over these features, and its probability becomes the event's
confidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..lang import entries_all
from ..records import Document, Entity, Event
from ..textnorm import fold
from .decide import LinearModel
from .triggers import status_of

__all__ = ["event_features", "decide_events", "score_pairs", "PairScores", "OCCURRENCE_MODEL", "CONFIDENCE_MODEL"]

OCCURRENCE_MODEL = "occurrence"
#: the same features and model family over the events of the rules, every event kept (threshold 0): its
#: probability is the confidence of a rule event
CONFIDENCE_MODEL = "confidence"
_WORD = re.compile(r"[\w'’-]+")
#: a spokesperson reports a meeting, rarely is one of its parties (lang/<code>/spokesperson_titles.txt)
_SPOKESPERSON = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(t) for t in entries_all("spokesperson_titles.txt")) + ")",
                           re.I)


def speaks_for_others(titles: list[str]) -> bool:
    """A spokesperson's title ("المتحدث باسم الرئاسة", "spokesperson"): one who reports events, not their maker."""
    return any(_SPOKESPERSON.search(" " + t) for t in titles)


#: sentence span -> pair of actor ids -> the pair model's probability that they are two parties of one event
PairScores = dict[tuple[int, int], dict[frozenset[str], float]]


def score_pairs(doc: Document, entities: list[Entity], sents: list[tuple[int, int]],
                model: LinearModel | None, events: Sequence[Event] | None = None) -> PairScores | None:
    """The pair model's probability of every actor pair of every trigger sentence (stages.pairs), or of the
    sentences of `events` only (the ones the confidence reads): a witness of the parties the rules chose;
    None without a model."""
    if model is None:
        return None
    from .parties import party_rule_flags
    from .pairs import pair_candidates

    wanted = None
    if events is not None:
        spans = [(ev.start, ev.end) for event in events for ev in event.evidence]

        def wanted(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in spans)

    out: PairScores = {}
    for cand in pair_candidates(doc, entities, sents, party_rule_flags, wanted):
        pairs = out.setdefault(cand.sentence, {})
        key = frozenset((cand.a, cand.b))
        pairs[key] = max(pairs.get(key, 0.0), model.probability(cand.features))
    return out


def event_features(doc: Document, event: Event, index: int, events: Sequence[Event],
                   ent_by_id: dict[str, Entity], pair_scores: PairScores | None = None) -> dict[str, float]:
    """Named features of one proposed event (see the module docstring)."""
    text, lang = doc.text, doc.lang or "en"
    first = event.evidence[0]
    f: dict[str, float] = {"bias": 1.0, f"lang={lang}": 1.0, f"type={event.type}": 1.0,
                           f"type={event.type}/{lang}": 1.0, "rule_confidence": event.confidence}
    trigger = event.trigger or ""
    f[f"trig={lang}:{fold(trigger)[:24]}"] = 1.0
    pos = first.text.find(trigger) if trigger else -1
    if pos >= 0:
        f[f"status={status_of(first.text, pos, lang)}"] = 1.0
        for w in _WORD.findall(first.text[max(0, pos - 50): pos]):
            f[f"before={lang}:{fold(w)[:20]}"] = 1.0
        for w in _WORD.findall(first.text[pos + len(trigger): pos + len(trigger) + 30]):
            f[f"after={lang}:{fold(w)[:20]}"] = 1.0
    kinds = sorted(ent_by_id[p.entity].kind for p in event.parties if p.entity in ent_by_id)
    f[f"kinds={'+'.join(kinds[:3])}"] = 1.0
    f["parties"] = min(len(event.parties), 6) / 6
    f["persons"] = min(kinds.count("person"), 4) / 4
    f["titled"] = sum(1 for p in event.parties if p.role) / max(1, len(event.parties))
    f["affiliated"] = sum(1 for p in event.parties if p.affiliation) / max(1, len(event.parties))
    f["evidence"] = min(len(event.evidence), 4) / 4
    f["has_date"] = float(event.date is not None)
    f[f"precision={event.date_precision}"] = 1.0
    published = doc.published or doc.dateline_date
    if event.date and published:
        f["after_publication"] = float(event.date[:len(published)] > published[:len(event.date)])
        f["years_before"] = min(max(0, int(published[:4]) - int(event.date[:4])), 5) / 5
    f["has_venue"] = float(event.location is not None)
    f["in_title"] = float(bool(doc.title_span and doc.title_span[0] <= first.start < doc.title_span[1]))
    f["position"] = first.start / max(1, len(text))
    f["long_doc"] = float(len(text) > 3000)
    f["events_in_doc"] = min(len(events), 8) / 8
    f["rank"] = min(index, 8) / 8
    f["quote"] = float(any(q in first.text for q in '"«»“”'))
    f["question"] = float("?" in first.text or "؟" in first.text)
    f.update(_party_features(event, first.start + pos if pos >= 0 else first.start, ent_by_id))
    f.update(_earlier_features(event, events[:index]))
    if pair_scores is not None:
        f.update(_pair_model_features(event, pair_scores))
    return f


def _pair_model_features(event: Event, scores: PairScores) -> dict[str, float]:
    """How sure the pair model is of the weakest and of the strongest pair of the event's parties, in
    the event's sentences (0 for a pair it never saw there)."""
    spans = [(e.start, e.end) for e in event.evidence]
    here = [pairs for (s, e), pairs in scores.items() if any(a < e and s < b for a, b in spans)]
    ids = [p.entity for p in event.parties]
    best = [max((pairs.get(frozenset((a, b)), 0.0) for pairs in here), default=0.0)
            for i, a in enumerate(ids) for b in ids[i + 1:]]
    if not best:
        return {}
    weakest = min(best)
    return {"pair_p_min": weakest, "pair_p_max": max(best), "pair_unseen": sum(1 for x in best if x == 0) / len(best),
            "pair_p_min>=0.5": float(weakest >= 0.5), "pair_p_min>=0.8": float(weakest >= 0.8),
            "pair_p_min<0.2": float(weakest < 0.2)}


def _earlier_features(event: Event, earlier: Sequence[Event]) -> dict[str, float]:
    """An event that repeats an earlier one of the document (the same two parties, or one of them on the
    same date) is often a second telling of it, or a party mistaken for the earlier one's."""
    mine = {p.entity for p in event.parties}
    shared = [len(mine & {p.entity for p in ev.parties}) for ev in earlier if ev.status == "occurred"]
    same_day = any(ev.date and ev.date == event.date and mine & {p.entity for p in ev.parties}
                   for ev in earlier if ev.status == "occurred")
    return {"earlier_same_pair": float(any(n >= 2 for n in shared)),
            "earlier_shares_party": float(any(n == 1 for n in shared)), "earlier_same_day_party": float(same_day)}


def _party_features(event: Event, trigger: int, ent_by_id: dict[str, Entity]) -> dict[str, float]:
    """What reveals a wrong party: not named in the event's sentences, named far from the trigger, named
    once in the whole document, a one-word person name, every party of one country (two of one side)."""
    spans = [(e.start, e.end) for e in event.evidence]
    missing, far, rare, short = 0, 0.0, 0, 0
    countries = []
    for p in event.parties:
        ent = ent_by_id.get(p.entity)
        if ent is None:
            continue
        inside = [m.start for m in ent.mentions if any(s <= m.start < e for s, e in spans)]
        missing += not inside
        if inside:
            far = max(far, min(math.log1p(abs(x - trigger)) for x in inside) / 6)
        rare += len(ent.mentions) <= 1
        short += ent.kind == "person" and len(ent.name.split()) == 1
        aff = ent_by_id.get(p.affiliation or ent.affiliation or "")
        countries.append(ent.country or (aff.country if aff is not None else None))
    n = max(1, len(event.parties))
    known = [c for c in countries if c]
    return {"party_missing": missing / n, "party_far": far, "party_rare": rare / n, "party_one_word": float(short > 0),
            "parties_one_country": float(len(known) >= 2 and len(known) == len(countries) and len(set(known)) == 1),
            "person_nearer_than_party": _nearer_person(event, trigger, ent_by_id),
            "party_spokesperson": float(any(_SPOKESPERSON.search(p.role or "") for p in event.parties))}


def _nearer_person(event: Event, trigger: int, ent_by_id: dict[str, Entity]) -> float:
    """1 when the trigger's sentence names a person who is no party nearer to the trigger than the
    farthest party ("A met B with C": C, not a party, nearer than B)."""
    own = next(((e.start, e.end) for e in event.evidence if e.start <= trigger < e.end), None)
    if own is None:
        return 0.0

    def distance(ent: Entity) -> int | None:
        near = [abs(m.start - trigger) for m in ent.mentions if own[0] <= m.start < own[1]]
        return min(near) if near else None

    parties = {p.entity for p in event.parties} | {p.affiliation for p in event.parties if p.affiliation}
    farthest = max((d for p in event.parties if p.entity in ent_by_id
                    for d in [distance(ent_by_id[p.entity])] if d is not None), default=None)
    if farthest is None:
        return 0.0
    return float(any(ent.kind == "person" and ent.id not in parties and (d := distance(ent)) is not None
                     and d < farthest for ent in ent_by_id.values()))


def decide_events(doc: Document, events: list[Event], entities: Sequence[Entity],
                  model: LinearModel, pair_scores: PairScores | None = None) -> list[Event]:
    """Occurred events the model believes, with its probability as their confidence; the others are
    dropped. Planned and negated events pass as the rules found them."""
    from dataclasses import replace

    ent_by_id = {e.id: e for e in entities}
    out = []
    for i, ev in enumerate(events):
        if ev.status != "occurred":
            out.append(ev)
            continue
        p = model.probability(event_features(doc, ev, i, events, ent_by_id, pair_scores))
        if p >= model.threshold:
            out.append(replace(ev, confidence=round(p, 2)))
    return out
