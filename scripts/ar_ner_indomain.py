"""Annotated folders (docs/ + gold/) -> silver Arabic NER sentences for scripts/train_ar_ner.py.

Every occurrence of every gold form of the Arabic documents is marked with the entity's label
(person -> PERS, organization -> ORG, state and place -> LOC), longest form first, without overlaps,
on spaCy's Arabic tokens: a form must end where a token ends and start where a token starts or
after one or two clitic letters of the token (``والمغرب`` holds ``المغرب``); the mark then covers the
whole token, clitic included, as in ANERCorp and Wojood (the pipeline strips the clitic afterwards,
``communique.stages.mentions.strip_arabic_clitic``).  Adjectival forms of a state (``الجزائرية``,
``الفرنسي``: the annotation lists them as forms of the state) are marked *missing*, neither LOC nor
O: the model's other data tags them O (ANERCorp) or NORP, which we drop (Wojood).

Folds come from ``communique.learn.examples.assign_folds``: the folders' ``folds.json``, else the
hashed cluster groups (a devset document that reports the same event as an annotated one shares
its fold), so a held-out fold is never seen in training.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

KIND_LABELS = {"person": "PERS", "organization": "ORG", "state": "LOC", "place": "LOC"}
# "الجزائرية", "الفرنسي", "المغربيين": the article and a nisba ending make an adjective of the state
_DEMONYM = re.compile(r"^ال\w{2,}(?:ي|ية|يه|يين|يون)$")
#: unmarked sentences kept, at most this many per marked sentence (the rest is dropped)
NEGATIVE_RATIO = 0.5


@dataclass
class SilverDoc:
    """The silver sentences of one annotated document: (words, spans, missing) triples."""

    name: str
    fold: int
    sents: list[tuple[list[str], list[tuple[int, int, str]], set[int]]] = field(default_factory=list)


def _is_demonym(kind: str, form: str) -> bool:
    return kind == "state" and bool(_DEMONYM.match(form))


def _token_span(toks, ends: dict[int, int], token_of: list[int], start: int, end: int,
                clitics: str, text: str) -> tuple[int, int] | None:
    """Token indices [i, j) of a form at text[start:end], or None where it cuts a token."""
    i = token_of[start]
    if end not in ends or i < 0:
        return None
    lead = text[toks[i].idx:start]
    if len(lead) > 2 or any(c not in clitics for c in lead):
        return None
    return i, ends[end] + 1


def mark_document(text: str, gold: dict, tokenizer, clitics: str, sent_end: set[str]):
    """The sentences of one document with the gold forms marked: (words, spans, missing) triples."""
    doc = tokenizer(text)
    toks = [t for t in doc if not t.is_space]
    ends = {t.idx + len(t.text): i for i, t in enumerate(toks)}
    token_of = [-1] * (len(text) + 1)
    for i, t in enumerate(toks):
        for c in range(t.idx, t.idx + len(t.text)):
            token_of[c] = i
    forms = sorted({(f, e["kind"]) for e in gold["entities"] for f in e["forms"] if e["kind"] in KIND_LABELS},
                   key=lambda fk: (-len(fk[0]), fk[0]))
    taken: set[int] = set()
    spans, missing = [], set()
    for form, kind in forms:
        for m in re.finditer(re.escape(form), text):
            span = _token_span(toks, ends, token_of, m.start(), m.end(), clitics, text)
            if span is None or taken & set(range(*span)):
                continue
            taken |= set(range(*span))
            if _is_demonym(kind, form):
                missing |= set(range(*span))
            else:
                spans.append((span[0], span[1], KIND_LABELS[kind]))
    return _sentences(toks, sorted(spans), missing, sent_end, text)


def _sentences(toks, spans, missing, sent_end, text):
    """Cut the token sequence after sentence-final tokens and at line breaks (never inside a span)."""
    inside = {i for s, e, _ in spans for i in range(s, e - 1)}
    out, begin = [], 0
    for i, t in enumerate(toks):
        nxt = toks[i + 1].idx if i + 1 < len(toks) else len(text)
        brk = t.text in sent_end or "\n" in text[t.idx + len(t.text):nxt]
        if (brk and i not in inside) or i + 1 == len(toks):
            words = [x.text for x in toks[begin:i + 1]]
            out.append((words, [(s - begin, e - begin, lab) for s, e, lab in spans if begin <= s and e <= i + 1],
                        {k - begin for k in missing if begin <= k <= i}))
            begin = i + 1
    return out


def read_in_domain(dirs: list[Path], sent_end: set[str], seed: int = 0) -> list[SilverDoc]:
    """Silver sentences of the Arabic gold documents of `dirs`, with each document's fold."""
    import spacy

    from communique.lang import entries
    from communique.learn.examples import gold_folds

    tokenizer = spacy.blank("ar").tokenizer
    clitics = "".join(entries("ar", "clitics.txt"))
    rng = random.Random(seed)
    docs = []
    for ex, path in gold_folds(dirs):
        if ex.gold.get("lang") != "ar":
            continue
        sents = mark_document(path.read_text(encoding="utf-8"), ex.gold, tokenizer, clitics, sent_end)
        marked = [s for s in sents if s[1]]
        unmarked = [s for s in sents if not s[1]]
        rng.shuffle(unmarked)
        keep = unmarked[: int(len(marked) * NEGATIVE_RATIO)]
        docs.append(SilverDoc(ex.name, ex.fold, [s for s in sents if s in marked or s in keep]))
    return docs


def mask_title_entities(sents, title_heads: set[str], window: int = 3) -> int:
    """An organization or place inside a title ("وزير الخارجية", "رئيس جمهورية مصر": the entity
    starts within `window` tokens of a title word) is made *missing*: Wojood tags the whole title OCC,
    so marking its ministry ORG would teach titles as organizations. Persons stay marked. Returns the
    number of spans masked."""
    n = 0
    for sent in sents:
        heads = [i for i, w in enumerate(sent.words) if w in title_heads]
        keep = []
        for s, e, lab in sent.spans:
            if lab != "PERS" and any(h < s < h + window for h in heads):
                sent.missing.update(range(s, e))
                n += 1
            else:
                keep.append((s, e, lab))
        sent.spans = keep
    return n
