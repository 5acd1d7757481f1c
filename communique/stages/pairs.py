"""Pair candidates: trigger sentences and their actors -> (sentence, actor A, actor B) candidates with features.

Rules propose, a trained model decides: every two actors of a sentence that holds an event trigger (plus
the story's protagonist when the sentence only says "he", "his counterpart") are a candidate "A and B
took part in the same event here". Features describe the sentence (trigger types, status cues, position in
the story), each actor (kind, place around the trigger, the words next to it, what the party rules of
`stages.events` say of it) and the pair (what stands between them). `stages.decide` scores them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..records import Document, Entity, Mention
from ..textnorm import fold
from .triggers import Trigger, find_triggers, status_of

__all__ = ["PairCandidate", "pair_candidates", "Features"]

Features = dict[str, float]
_ACTOR_KINDS = {"person", "organization", "state"}
_WORD = re.compile(r"[\w'’-]+")
_MAX_ACTORS = 14             # actors of one sentence paired with each other (long lists keep the first ones)


@dataclass
class PairCandidate:
    """Two actors of one trigger sentence, with the features the pair model reads."""

    sentence: tuple[int, int]
    a: str                   # entity ids, a's mention first in the text (context actors come first)
    b: str
    trigger: Trigger
    status: str              # what the status cues of the trigger's clause say
    features: Features


@dataclass
class _Actor:
    entity: Entity
    mention: Mention | None      # None: a context actor, not named in the sentence
    flags: tuple[str, ...]


def pair_candidates(doc: Document, entities: list[Entity], sents: list[tuple[int, int]],
                    rule_flags: Any, wanted: Callable[[int, int], bool] | None = None) -> list[PairCandidate]:
    """Every pair of actors of each sentence with a trigger (see the module docstring).

    `rule_flags(text, mention, entity, in_sentence, ent_by_id)` names the party rules that reject an actor
    ("locative", "relation_between", ...): they become features, not filters. With `wanted(start, end)`, only
    the sentences it accepts give candidates (the others are still read for what later sentences see: the
    previous subject, the pairs seen before), with the same features as without it."""
    text, lang = doc.text, doc.lang or "en"
    ent_by_id = {e.id: e for e in entities}
    mentions = sorted([(m, e) for e in entities if e.kind in _ACTOR_KINDS for m in e.mentions],
                      key=lambda x: x[0].start)
    if doc.dateline_span:
        d0, d1 = doc.dateline_span
        mentions = [(m, e) for m, e in mentions if not (d0 <= m.start < d1)]
    starts = [m.start for m, _ in mentions]
    counts = Counter(e.id for _, e in mentions)
    # words are read with every name masked: the models learn the language around actors, never a name
    masked = _mask_names(text, entities)
    protagonist = _protagonist(mentions, counts)
    out: list[PairCandidate] = []
    previous_subject: str | None = None
    seen_pairs: Counter[frozenset[str]] = Counter()
    for index, (s, e) in enumerate(sents):
        triggers = find_triggers(text[s:e], lang, s)
        in_sent = mentions[bisect_left(starts, s): bisect_left(starts, e)]
        featured = wanted is None or wanted(s, e)       # the rule flags are features: read only where needed
        actors = _sentence_actors(text, in_sent, ent_by_id, rule_flags if featured else None)
        if not triggers:
            # no word of the lexicon: the model reads the sentence's words (two named actors at least)
            if len(actors) < 2:
                continue
            triggers = [Trigger(s, s, "", "meet", True)]
        else:
            named = {a.entity.id for a in actors}
            for ctx_id, flag in ((previous_subject, "ctx_previous"), (protagonist, "ctx_protagonist")):
                if ctx_id and ctx_id not in named and ctx_id in ent_by_id:
                    actors.insert(0, _Actor(ent_by_id[ctx_id], None, (flag,)))
                    named.add(ctx_id)
        sentence = _SentenceView(doc, masked, index, len(sents), (s, e), triggers, lang) if featured else None
        sentence_features = sentence.features() if sentence is not None and len(actors) > 1 else {}
        statuses: dict[int, str] = {}       # a trigger's status, read once
        for i, x in enumerate(actors):
            for y in actors[i + 1:]:
                if _same_side(x.entity, y.entity):
                    continue
                key = frozenset((x.entity.id, y.entity.id))
                if sentence is not None:
                    feats = sentence_features | _pair_features(masked, x, y, sentence, counts, seen_pairs[key])
                    trig = sentence.nearest_trigger(x, y)
                    if trig.start not in statuses:
                        statuses[trig.start] = status_of(text[s:e], trig.start - s, lang)
                    out.append(PairCandidate((s, e), x.entity.id, y.entity.id, trig, statuses[trig.start], feats))
                seen_pairs[key] += 1
        subject = next((a for a in actors if a.mention is not None and a.entity.kind == "person"
                        and a.mention.start < triggers[0].start), None)
        if subject is not None:
            previous_subject = subject.entity.id
    return out


def _protagonist(mentions: list[tuple[Mention, Entity]], counts: Counter[str]) -> str | None:
    """The person the story is about: the first person named, if named at least twice."""
    persons = [e for _, e in mentions if e.kind == "person"]
    if persons and counts[persons[0].id] >= 2:
        return persons[0].id
    return None


def _same_side(x: Entity, y: Entity) -> bool:
    """A person and their own organization or state are one side, never a pair."""
    return x.id == y.id or x.affiliation == y.id or y.affiliation == x.id


def _sentence_actors(text: str, in_sent: list[tuple[Mention, Entity]], ent_by_id: dict[str, Entity],
                     rule_flags: Any) -> list[_Actor]:
    """One actor per entity (its first mention in the sentence), at most _MAX_ACTORS; without `rule_flags`
    (a sentence that gives no candidates), no flags."""
    first: dict[str, tuple[Mention, Entity]] = {}
    for m, ent in in_sent:
        first.setdefault(ent.id, (m, ent))
    return [_Actor(ent, m, tuple(rule_flags(text, m, ent, in_sent, ent_by_id)) if rule_flags is not None else ())
            for m, ent in list(first.values())[:_MAX_ACTORS]]


class _SentenceView:
    """What the features need to know of one trigger sentence."""

    def __init__(self, doc: Document, masked: str, index: int, n_sents: int, span: tuple[int, int],
                 triggers: list[Trigger], lang: str) -> None:
        self.doc, self.masked, self.index, self.n_sents, self.span, self.triggers, self.lang = \
            doc, masked, index, n_sents, span, triggers, lang

    def nearest_trigger(self, x: _Actor, y: _Actor) -> Trigger:
        spots = [a.mention.start for a in (x, y) if a.mention is not None] or [self.span[0]]
        return min(self.triggers, key=lambda t: (t.nominal, min(abs(t.start - p) for p in spots)))

    def features(self) -> Features:
        text, (s, e) = self.masked, self.span
        f: Features = {f"lang={self.lang}": 1.0, "bias": 1.0}
        if not self.triggers[0].text:
            f["no_trigger"] = 1.0
            for w in _WORD.findall(text[s:e])[:60]:
                f[f"sw={self.lang}:{fold(w)[:20]}"] = 1.0
            return f | self._position()
        for t in self.triggers:
            f[f"trig={t.type}{'/n' if t.nominal else ''}"] = 1.0
            f[f"trigw={self.lang}:{fold(t.text)[:24]}"] = 1.0
            f[f"status={status_of(text[s:e], t.start - s, self.lang)}"] = 1.0
            window = text[max(s, t.start - 50): t.end + 30]
            for w in _WORD.findall(window):
                f[f"w={self.lang}:{fold(w)[:20]}"] = 1.0
        return f | self._position()

    def _position(self) -> Features:
        text, (s, e) = self.doc.text, self.span
        f: Features = {f"sent={min(self.index, 4)}": 1.0}
        f["in_title"] = float(bool(self.doc.title_span and self.doc.title_span[0] <= s < self.doc.title_span[1]))
        f["pos"] = s / max(1, len(text))
        f["long_doc"] = float(len(text) > 3000)
        f["quote"] = float(any(q in text[s:e] for q in '"«»“”'))
        f["question"] = float("?" in text[s:e] or "؟" in text[s:e])
        return f


def _mask_names(text: str, entities: list[Entity]) -> str:
    """The text with every named mention blanked out (same length, so offsets hold)."""
    chars = list(text)
    for ent in entities:
        for m in ent.mentions:
            chars[m.start:m.end] = "\0" * (m.end - m.start)
    return "".join(chars)


def _words_before(text: str, pos: int, n: int = 2) -> list[str]:
    return [fold(w)[:20] for w in _WORD.findall(text[max(0, pos - 40): pos])[-n:]]


def _words_after(text: str, pos: int, n: int = 1) -> list[str]:
    return [fold(w)[:20] for w in _WORD.findall(text[pos: pos + 30])[:n]]


def _actor_features(text: str, who: str, a: _Actor, sentence: _SentenceView, counts: Counter[str]) -> Features:
    ent, m = a.entity, a.mention
    f: Features = {f"{who}kind={ent.kind}": 1.0, f"{who}titled": float(bool(ent.titles)),
                   f"{who}kb": float(not ent.id.startswith(("person:", "org:", "place:"))),
                   f"{who}freq": min(counts[ent.id], 6) / 6}
    for flag in a.flags:
        f[f"{who}rule={flag}"] = 1.0
    if m is None:
        return f
    trig = min(sentence.triggers, key=lambda t: abs(t.start - m.start))
    side = "before" if m.end <= trig.start else "after"
    f[f"{who}{side}"] = 1.0
    f[f"{who}dist"] = min(abs(m.start - trig.start), 300) / 300
    for w in _words_before(text, m.start):
        f[f"{who}prev={sentence.lang}:{w}"] = 1.0
    for w in _words_after(text, m.end):
        f[f"{who}next={sentence.lang}:{w}"] = 1.0
    return f


def _pair_features(text: str, x: _Actor, y: _Actor, sentence: _SentenceView, counts: Counter[str],
                   seen_before: int) -> Features:
    f = _actor_features(text, "a_", x, sentence, counts) | _actor_features(text, "b_", y, sentence, counts)
    kinds = sorted((x.entity.kind, y.entity.kind))
    f[f"kinds={kinds[0]}+{kinds[1]}"] = 1.0
    f["repeat"] = float(seen_before > 0)
    f["same_affiliation"] = float(bool(x.entity.affiliation) and x.entity.affiliation == y.entity.affiliation)
    if x.mention is None or y.mention is None:
        f["context_pair"] = 1.0
        return f
    lo, hi = sorted((x.mention, y.mention), key=lambda m: m.start)
    between = text[lo.end: hi.start]
    words = _WORD.findall(between)
    f["gap"] = min(len(words), 30) / 30
    if len(words) <= 8:
        for w in words:
            f[f"between={sentence.lang}:{fold(w)[:20]}"] = 1.0
    f["trigger_between"] = float(any(lo.end <= t.start and t.end <= hi.start for t in sentence.triggers))
    f["comma_between"] = float("," in between or "،" in between)
    f["both_before"] = float(hi.end <= sentence.triggers[0].start)
    f["both_after"] = float(lo.start >= sentence.triggers[-1].end)
    return f
