#!/usr/bin/env python
"""Train the small Arabic NER pipeline shipped in ``communique/models/ar_ner``.

Reproducible end to end: fixed data split, fixed seed, fixed config.

Data (read from ``--data``, never copied into the repository):

* ``anercorp/ANERCorp``: one ``token TAG`` a line (BIO; PERS, LOC, ORG, MISC),
  no sentence breaks.  We split into sentences after sentence-final
  punctuation tokens and hold out the LAST 10% of the sentences (by position)
  as a test set.
* ``wojood-sample/train.txt`` / ``val.txt``: nested NER, ``token TAG [TAG ...]``,
  sentences separated by blank lines.  ``train.txt`` is used for training,
  ``val.txt`` only for held-out evaluation.

Label set of the shipped model: PERS, ORG, LOC, OCC (see ``TRAINING.md`` that
this script writes next to the model for every data preparation decision).

Usage (from the repository root)::

    .venv/bin/python scripts/train_ar_ner.py --data ../shared/data

The model is written to ``communique/models/ar_ner`` (``--out``).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shlex
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "communique" / "models" / "ar_ner"

LABELS = ("PERS", "ORG", "LOC", "OCC")
SEED = 0

# ANERCorp type -> model label (None: dropped, i.e. O)
ANER_MAP = {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC", "MISC": None}
# Wojood type -> model label; every type not listed here is dropped (O).
WOJOOD_MAP = {
    "PERS": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "OCC": "OCC",
    # NORP (groups of people: اللاجئين, الفلسطينيين, الطلبة ...) -> O on purpose.
}

# Title words added to the Wojood-derived list of OCC first words (see mask_titles).
EXTRA_TITLE_HEADS = {
    "الرئيس", "رئيس", "لرئيس", "وزير", "الوزير", "لوزير", "ووزير", "الأمين", "أمين", "الملك",
    "الأمير", "السفير", "المتحدث", "نائب", "ولي", "المستشار", "المدير", "مدير", "قائد",
    "الجنرال", "العاهل", "المبعوث", "المندوب", "رئيسة", "وزيرة",
}

# Tokens after which an ANERCorp sentence ends.
SENT_END = {".", "!", "?", "؟", "۔", "…", "..."}
MAX_SENT_TOKENS = 150  # ANERCorp runs without final punctuation are chopped

# Sentence boundaries of the shipped rule-based sentencizer: the spaCy
# defaults (which include '.', '!', '?', '؟', '۔') plus newline tokens.
NEWLINE_TOKENS = ["\n", "\n\n", "\n\n\n", "\n\n\n\n", "\r\n", "\r\n\r\n", " \n", "\n "]

ANER_TAG_RE = re.compile(r"^(O|[BI]-(?:PERS|LOC|ORG|MISC))(.*)$")
WOJOOD_TAG_RE = re.compile(r"^(O|[BI]-[A-Z]+)$")

EXAMPLE_SENTENCE = (
    "التقى الأمين العام لمنظمة التعاون الإسلامي حسين إبراهيم طه "
    "وزير الخارجية المغربي ناصر بوريطة في الرياض."
)


# --------------------------------------------------------------------------
# Reading the corpora
# --------------------------------------------------------------------------

class Sent:
    """A gold sentence: words, entity spans ``(start, end, label)``, and token
    indices whose entity annotation is *missing* (not O, not an entity)."""

    __slots__ = ("words", "spans", "missing")

    def __init__(self, words, spans, missing=()):
        self.words = list(words)
        self.spans = list(spans)
        self.missing = set(missing)


def bio_to_spans(tags, label_map):
    """BIO tags -> list of (start, end, label) after mapping; an I- without a
    matching open span starts a new span."""
    spans = []
    start, cur = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        kind, typ = (tag.split("-", 1) + [None])[:2] if tag != "O" else ("O", None)
        if cur is not None and (kind != "I" or typ != cur):
            if label_map.get(cur):
                spans.append((start, i, label_map[cur]))
            start, cur = None, None
        if kind == "B" or (kind == "I" and cur is None):
            start, cur = i, typ
    return spans


def read_anercorp_tokens(path: Path):
    """Yield (token, tag) pairs, repairing the few malformed lines of the file:
    empty tokens (`` O``) are skipped; a tag glued to the next token
    (``. Oالإصابة O``) is split; two tokens before one tag (``الصالحية ونايفة O``)
    both get that tag (B- then I-)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            fields = line.split()
            pending = []
            for field in fields:
                m = ANER_TAG_RE.match(field)
                if m and pending:
                    tag, rest = m.group(1), m.group(2)
                    for j, tok in enumerate(pending):
                        yield tok, (tag if j == 0 or tag == "O" else "I-" + tag[2:])
                    pending = [rest] if rest else []
                else:
                    pending.append(field)
            # a trailing token without tag (never seen) is dropped


def read_anercorp(path: Path):
    sents, words, tags = [], [], []

    def flush():
        if words:
            sents.append(Sent(words, bio_to_spans(tags, ANER_MAP)))

    pairs = list(read_anercorp_tokens(path))
    for i, (tok, tag) in enumerate(pairs):
        words.append(tok)
        tags.append(tag)
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else "O"
        inside = nxt.startswith("I-")
        if not inside and (tok in SENT_END or (len(words) >= MAX_SENT_TOKENS and tag == "O")):
            flush()
            words, tags = [], []
    flush()
    return sents, len(pairs)


def wojood_spans(tag_rows):
    """All nested spans of one Wojood sentence as (start, end, type).

    Each type is decoded independently: B-T opens a span of type T, I-T
    continues the open T span (or opens one if none is open)."""
    types = {t[2:] for row in tag_rows for t in row if t != "O"}
    spans = []
    for typ in types:
        start = None
        for i, row in enumerate(tag_rows + [[]]):
            b, inside = "B-" + typ in row, "I-" + typ in row
            if start is not None and (b or not inside):
                spans.append((start, i, typ))
                start = None
            if b or (inside and start is None):
                start = i
    return spans


def outermost(spans):
    """Keep non-overlapping spans, preferring the one that starts earliest,
    then the longest (i.e. the outermost of a nest)."""
    kept, end = [], -1
    for s, e, lab in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]), x[2])):
        if s >= end:
            kept.append((s, e, lab))
            end = e
    return kept


def read_wojood(path: Path, raw_occ=None):
    sents, words, rows = [], [], []

    def flush():
        if words:
            raw = wojood_spans(rows)
            if raw_occ is not None:
                raw_occ.extend(tuple(words[s:e]) for s, e, t in raw if t == "OCC")
            mapped = [(s, e, WOJOOD_MAP[t]) for s, e, t in raw if t in WOJOOD_MAP]
            sents.append(Sent(words, outermost(mapped)))

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            fields = line.split()
            if not fields:
                flush()
                words, rows = [], []
                continue
            tags = [t for t in fields[1:] if WOJOOD_TAG_RE.match(t)] or ["O"]
            words.append(fields[0])
            rows.append(tags)
    flush()
    return sents


def mask_titles(sents, title_heads, window=3):
    """ANERCorp has no OCC type: titles are annotated O there, which would
    teach the model that "وزير الخارجية" is not an OCC.  For an O token that
    is the first word of a Wojood-train OCC span, mark it and the following O
    tokens (up to ``window`` tokens in all, stopping at an entity) as
    *missing* so that they neither support nor contradict OCC."""
    n = 0
    for sent in sents:
        in_ent = set()
        for s, e, _ in sent.spans:
            in_ent.update(range(s, e))
        i = 0
        while i < len(sent.words):
            if i not in in_ent and sent.words[i] in title_heads:
                j = i
                while j < len(sent.words) and j < i + window and j not in in_ent:
                    sent.missing.add(j)
                    j += 1
                n += 1
                i = j
            else:
                i += 1
    return n


# --------------------------------------------------------------------------
# spaCy
# --------------------------------------------------------------------------

CONFIG = """
[paths]
train = null
dev = null
vectors = null
init_tok2vec = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "ar"
pipeline = ["tok2vec","ner"]
batch_size = 256
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
{embed}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = {dropout}
accumulate_gradient = 1
patience = 0
max_epochs = {epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


EMBED_MULTIHASH = """@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [{rows},1000,2500,500]
include_static_vectors = false
"""

# Character embedding: NORM hash embedding + the first and last 8 UTF-8 bytes
# (= 4 Arabic letters each side) of every token, which sees clitics (و، ب، ل، ال)
# and suffixes (ة، ات، ين، ها) that spaCy's 1-char PREFIX feature misses.
EMBED_CHAR = """@architectures = "spacy.CharacterEmbed.v2"
width = {width}
rows = {rows}
nM = 32
nC = 16
include_static_vectors = false
feature = "NORM"
"""


def sourced_components(cfg_text: str, model: Path) -> str:
    """The config with tok2vec and ner taken, weights included, from `model` (fine-tuning)."""
    head, rest = cfg_text.split("[components]\n", 1)
    _, tail = rest.split("[corpora]\n", 1)
    sourced = "".join(f'[components.{name}]\nsource = "{model}"\n\n' for name in ("tok2vec", "ner"))
    return f"{head}[components]\n\n{sourced}[corpora]\n{tail}"


def read_silver(args, title_heads):
    """Silver in-domain sentences (training folds, held-out fold), title words masked as in ANERCorp."""
    if not args.in_domain:
        return [], []
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))      # the communique package of this checkout
    from ar_ner_indomain import mask_title_entities, read_in_domain

    docs = read_in_domain(args.in_domain, SENT_END, seed=SEED)
    train = [Sent(w, sp, m) for d in docs if d.fold != args.hold_out_fold for w, sp, m in d.sents]
    test = [Sent(w, sp, m) for d in docs if d.fold == args.hold_out_fold for w, sp, m in d.sents]
    mask_title_entities(train, title_heads)
    mask_titles(train, title_heads)
    return train, test


def to_doc(vocab, sent: Sent):
    from spacy.tokens import Doc, Span

    doc = Doc(vocab, words=sent.words)
    ents = [Span(doc, s, e, label=lab) for s, e, lab in sent.spans]
    missing = [Span(doc, i, i + 1) for i in sorted(sent.missing)]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def write_docbin(vocab, sents, path: Path):
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for s in sents:
        db.add(to_doc(vocab, s))
    db.to_disk(path)


def predict_examples(nlp, sents, ignore_labels=()):
    """Run the pipeline on the gold sentences (space-joined, re-tokenized) and
    pair each prediction with its gold doc.  Predicted entities whose label is
    in ``ignore_labels`` are removed first (ANERCorp has no OCC annotation, so
    an OCC prediction there is neither right nor wrong)."""
    from spacy.training import Example

    examples = []
    for sent, doc in zip(sents, nlp.pipe(" ".join(s.words) for s in sents)):
        if ignore_labels:
            doc.ents = [e for e in doc.ents if e.label_ not in ignore_labels]
        examples.append(Example(doc, to_doc(nlp.vocab, sent)))
    return examples


def score(examples):
    """Per-label and overall P/R/F1 (exact span match) with gold span counts."""
    from spacy.scorer import get_ner_prf

    scores = get_ner_prf(examples)
    per = scores.get("ents_per_type") or {}
    gold = Counter(e.label_ for eg in examples for e in eg.reference.ents)
    rows = {}
    for lab in LABELS:
        if gold[lab]:
            d = per.get(lab, {"p": 0.0, "r": 0.0, "f": 0.0})
            rows[lab] = (d["p"], d["r"], d["f"], gold[lab])
    rows["overall"] = (scores["ents_p"] or 0.0, scores["ents_r"] or 0.0, scores["ents_f"] or 0.0,
                       sum(gold.values()))
    return rows


def fmt_table(name, rows):
    out = [f"**{name}**", "", "| label | P | R | F1 | gold spans |", "|---|---|---|---|---|"]
    for lab, (p, r, f, n) in rows.items():
        out.append(f"| {lab} | {100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f} | {n} |")
    return "\n".join(out)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data dir (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model output dir (default: %(default)s)")
    ap.add_argument("--epochs", type=int, default=12, help="max training epochs (default: %(default)s)")
    ap.add_argument("--width", type=int, default=96, help="tok2vec width (default: %(default)s)")
    ap.add_argument("--embed", choices=("char", "multihash"), default="multihash",
                    help="tok2vec embedding: CharacterEmbed or MultiHashEmbed (default: %(default)s)")
    ap.add_argument("--rows", type=int, default=5000, help="hash rows for NORM (default: %(default)s)")
    ap.add_argument("--dropout", type=float, default=0.1, help="training dropout (default: %(default)s)")
    ap.add_argument("--wojood-repeat", type=int, default=2,
                    help="times the Wojood train sentences are repeated in training (default: %(default)s)")
    ap.add_argument("--no-title-mask", action="store_true",
                    help="do not mark ANERCorp title words as missing annotation")
    ap.add_argument("--threads", type=int, default=2, help="BLAS/OpenMP threads (default: %(default)s)")
    ap.add_argument("--in-domain", type=Path, nargs="+", default=[], metavar="DIR",
                    help="annotated folders (docs/ + gold/) whose Arabic gold forms give silver training "
                         "sentences (scripts/ar_ner_indomain.py); default: none")
    ap.add_argument("--hold-out-fold", type=int, default=None, metavar="K",
                    help="leave the in-domain documents of fold K out of training and score them (default: none)")
    ap.add_argument("--in-domain-repeat", type=int, default=2,
                    help="times the in-domain sentences are repeated in training (default: %(default)s)")
    ap.add_argument("--init-from", type=Path, default=None, metavar="MODEL",
                    help="continue training the tok2vec and ner of this pipeline (e.g. the shipped one) on the "
                         "in-domain sentences and --replay sentences of ANERCorp/Wojood, instead of training "
                         "from scratch (default: from scratch)")
    ap.add_argument("--replay", type=int, default=2000,
                    help="with --init-from: ANERCorp/Wojood training sentences sampled into the training set, "
                         "so the model does not forget them (default: %(default)s)")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keep DocBins and spaCy checkpoints here (default: a temp dir, removed)")
    args = ap.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.util import fix_random_seed

    random.seed(SEED)
    fix_random_seed(SEED)
    t0 = time.time()

    data = args.data.resolve()
    aner_path = data / "anercorp" / "ANERCorp"
    woj_train_path = data / "wojood-sample" / "train.txt"
    woj_val_path = data / "wojood-sample" / "val.txt"
    for p in (aner_path, woj_train_path, woj_val_path):
        if not p.is_file():
            sys.exit(f"missing data file: {p}")

    # ---- data ------------------------------------------------------------
    aner, n_aner_tokens = read_anercorp(aner_path)
    n_test = len(aner) // 10
    aner_train, aner_test = aner[: len(aner) - n_test], aner[len(aner) - n_test:]
    occ_spans = []
    woj_train = read_wojood(woj_train_path, raw_occ=occ_spans)
    woj_val = read_wojood(woj_val_path)

    title_heads = {span[0] for span in occ_spans if len(span[0]) >= 2} | EXTRA_TITLE_HEADS
    n_masked = 0 if args.no_title_mask else mask_titles(aner_train, title_heads)

    # model selection (spaCy's model-best) uses every 20th training sentence,
    # which is then not trained on; the held-out test sets are never seen.
    def split_dev(sents):
        return [s for i, s in enumerate(sents) if i % 20 != 19], [s for i, s in enumerate(sents) if i % 20 == 19]

    a_tr, a_dev = split_dev(aner_train)
    w_tr, w_dev = split_dev(woj_train)
    ind_train, ind_test = read_silver(args, title_heads)
    i_tr, i_dev = split_dev(ind_train)
    train_sents = a_tr + w_tr * args.wojood_repeat
    if args.init_from:
        train_sents = random.Random(SEED).sample(train_sents, min(args.replay, len(train_sents)))
    train_sents += i_tr * args.in_domain_repeat
    random.Random(SEED).shuffle(train_sents)
    dev_sents = a_dev + w_dev + i_dev

    stats = {
        "aner_tokens": n_aner_tokens,
        "aner_sents": len(aner),
        "aner_train": len(aner_train),
        "aner_test": len(aner_test),
        "woj_train": len(woj_train),
        "woj_val": len(woj_val),
        "title_heads": len(title_heads),
        "masked": n_masked,
        "train": len(train_sents),
        "dev": len(dev_sents),
        "train_ents": Counter(l for s in a_tr + w_tr for *_, l in s.spans),
        "in_domain_train": len(ind_train),
        "in_domain_train_used": len(i_tr),
        "in_domain_test": len(ind_test),
        "in_domain_ents": Counter(l for s in ind_train for *_, l in s.spans),
    }
    print("data:", {k: v for k, v in stats.items()}, flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="ar_ner_")) if args.workdir is None else args.workdir
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        blank = spacy.blank("ar")
        write_docbin(blank.vocab, train_sents, tmp / "train.spacy")
        write_docbin(blank.vocab, dev_sents, tmp / "dev.spacy")
        embed = (EMBED_CHAR if args.embed == "char" else EMBED_MULTIHASH).format(width=args.width, rows=args.rows)
        cfg_text = CONFIG.format(
            embed=embed, seed=SEED, width=args.width, rows_norm=args.rows, epochs=args.epochs,
            eval_frequency=200 if args.init_from else 500,
            dropout=args.dropout,
        )
        if args.init_from:
            cfg_text = sourced_components(cfg_text, args.init_from.resolve())
        (tmp / "config.cfg").write_text(cfg_text, encoding="utf-8")

        # ---- train -----------------------------------------------------------
        t_train = time.time()
        spacy_train(
            tmp / "config.cfg",
            tmp / "output",
            overrides={"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")},
        )
        train_secs = time.time() - t_train

        # fine-tuning keeps the last weights: the dev split is mostly ANERCorp/Wojood, whose best would
        # be the starting point itself
        nlp = spacy.load(tmp / "output" / ("model-last" if args.init_from else "model-best"))
    finally:
        if args.workdir is None:
            shutil.rmtree(tmp, ignore_errors=True)

    # ---- sentence segmentation -----------------------------------------------
    from spacy.pipeline import Sentencizer

    punct = list(Sentencizer.default_punct_chars) + NEWLINE_TOKENS
    nlp.add_pipe("sentencizer", first=True, config={"punct_chars": punct})

    # ---- held-out evaluation --------------------------------------------------
    ex_aner = predict_examples(nlp, aner_test, ignore_labels=("OCC",))
    ex_woj = predict_examples(nlp, woj_val)
    res = {
        "ANERCorp held-out (last 10% of sentences; OCC predictions ignored)": score(ex_aner),
        "Wojood sample val.txt": score(ex_woj),
        "Both held-out sets together": score(ex_aner + ex_woj),
    }
    if ind_test:
        res[f"In-domain silver, held-out fold {args.hold_out_fold} (OCC predictions ignored)"] = score(
            predict_examples(nlp, ind_test, ignore_labels=("OCC",)))
    tables = "\n\n".join(fmt_table(k, v) for k, v in res.items())
    print("\n" + tables + "\n", flush=True)

    # ---- save ------------------------------------------------------------------
    nlp.meta.update({
        "name": "ar_ner",
        "version": "0.1.0",
        "description": "Arabic NER (PERS, ORG, LOC, OCC) + rule-based sentencizer for communique; "
                       "trained with scripts/train_ar_ner.py",
        "license": "CC BY-SA 4.0",
        "author": "communique",
        "sources": [
            {"name": "ANERCorp (CAMeL Lab release)", "url": "https://camel.abudhabi.nyu.edu/anercorp/",
             "license": "CC BY-SA 4.0", "author": "Yassine Benajiba; CAMeL Lab, NYU Abu Dhabi"},
            {"name": "Wojood (sample)", "url": "https://github.com/SinaLab/ArabicNER",
             "license": "MIT", "author": "Mohammed Khalilia / SinaLab, Birzeit University"},
        ],
    })
    out = args.out.resolve()
    kept = kept_sections(out / "TRAINING.md")
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    size = dir_size(out)

    doc = nlp(EXAMPLE_SENTENCE)
    example_ents = [(e.text, e.label_) for e in doc.ents]
    print("example:", example_ents)

    total_secs = time.time() - t0
    write_report(out / "TRAINING.md", args, stats, tables, train_secs, total_secs, size, example_ents)
    if kept:
        with open(out / "TRAINING.md", "a", encoding="utf-8") as fh:
            fh.write("\n" + kept)
    size = dir_size(out)
    print(f"model written to {out} ({size / 1e6:.1f} MB); training {train_secs:.0f}s, total {total_secs:.0f}s")
    return 0


#: sections of TRAINING.md written by hand (measurements of other scripts): kept when the model is rewritten
KEPT_HEADING = "## Measured outside this script"


def kept_sections(path: Path) -> str:
    """The hand-written tail of an existing TRAINING.md, from KEPT_HEADING on ("" when none)."""
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text[text.index(KEPT_HEADING):] if KEPT_HEADING in text else ""


def in_domain_text(args, stats) -> str:
    """The TRAINING.md bullet on the in-domain silver data ("" without --in-domain)."""
    if not args.in_domain:
        return ""
    ie = stats["in_domain_ents"]
    fine_tune = "" if not args.init_from else f"""
* **Fine-tuning** (`--init-from`): tok2vec and ner start from the weights of the pipeline trained on
  ANERCorp + Wojood alone (the command above without `--init-from`, `--in-domain`); they are trained
  {args.epochs} more epochs on the in-domain sentences and {stats['train'] - args.in_domain_repeat * stats['in_domain_train_used']}
  ANERCorp/Wojood training sentences sampled with the seed (`--replay`), so that the model keeps what
  it learned there; the weights of the last epoch are kept. The counts and the ANERCorp/Wojood scores
  below are those of this run."""
    held = ("all folds" if args.hold_out_fold is None
            else f"the documents of every fold but {args.hold_out_fold} (fold {args.hold_out_fold} held out)")
    return f"""
* **In-domain silver data** (`--in-domain`, `scripts/ar_ner_indomain.py`): the Arabic documents of the
  annotated folders ({held}); every occurrence of every gold form is marked PERS (person), ORG
  (organization) or LOC (state, place), longest form first, without overlaps, on whole spaCy tokens
  (a form may start after one or two clitic letters of its token, which the mark then includes, as
  in ANERCorp; the pipeline strips the clitic). Adjectival forms of states (`ال…ي`, `ال…ية`) are
  *missing* annotation, not LOC. Sentences without any mark are kept at most one per two marked
  sentences; title words are masked as in ANERCorp, and so is an organization or place that starts
  within 3 tokens of a title word (`وزير الخارجية`: Wojood tags the whole title OCC; persons stay
  marked). {stats['in_domain_train']} sentences (entity spans
  {', '.join(f'{k} {ie[k]}' for k in LABELS if ie[k])}), repeated {args.in_domain_repeat}×, every 20th
  held back for model-best selection. Folds: `folds.json` of each folder, else
  `communique.learn.examples.assign_folds` (cluster groups hashed), the folds of `communique eval --cv`.{fine_tune}
"""


def write_report(path, args, stats, tables, train_secs, total_secs, size, example_ents):
    cmd = " ".join(["python", "scripts/train_ar_ner.py"] + [shlex.quote(x) for x in args.argv])
    te = stats["train_ents"]
    ents_line = ", ".join(f"{k} {te[k]}" for k in LABELS)
    ex = "; ".join(f"{t} → {l}" for t, l in example_ents) or "(none)"
    selection = "the weights of the last epoch (fine-tuning)" if args.init_from else "model-best on an internal dev split"
    if args.embed == "multihash":
        embed_desc = f"MultiHashEmbed width {args.width} on NORM/PREFIX/SUFFIX/SHAPE, {args.rows} NORM rows"
    else:
        embed_desc = f"CharacterEmbed width {args.width}, {args.rows} NORM rows, first/last 8 UTF-8 bytes"
    text = f"""# ar_ner — Arabic NER for communique

spaCy {__import__('spacy').__version__} pipeline: `sentencizer` (rule-based) → `tok2vec` (CNN, {embed_desc},
no static vectors; MaxoutWindowEncoder depth 4) → `ner` (transition-based, hidden width 64).
Labels: **PERS, ORG, LOC, OCC**. Load with `spacy.load("communique/models/ar_ner")`.

## Reproduce

From the repository root (the data is read from `../shared/data`, never copied):

```
{cmd}
```

Seed {SEED} (`[system] seed`, Python `random`, `spacy.util.fix_random_seed`), {args.threads} BLAS threads,
max {args.epochs} epochs, dropout {args.dropout}, {selection}. This run: training
{train_secs:.0f} s, whole script {total_secs:.0f} s on CPU; model size on disk
{size / 1e6:.1f} MB.

## Data preparation

* **ANERCorp** (`anercorp/ANERCorp`, {stats['aner_tokens']} tokens after repair): the file has no sentence
  breaks; a sentence ends after a token in `{' '.join(sorted(SENT_END))}` (never inside an entity),
  runs longer than {MAX_SENT_TOKENS} tokens are cut at the next O token → {stats['aner_sents']} sentences.
  Malformed lines are repaired: empty tokens are dropped, `. Oالإصابة O` is split into two
  tokens, `الصالحية ونايفة O` gives two tokens with the same tag.
  **MISC → O.** PERS/ORG/LOC kept.
* **Held-out split:** the LAST 10% of ANERCorp sentences by position ({stats['aner_test']} sentences) and
  the whole Wojood `val.txt` ({stats['woj_val']} sentences). Neither is used for training or model
  selection.
* **Wojood sample** (`train.txt` {stats['woj_train']} sentences, `val.txt`): nested tags; each
  type is decoded separately (B-T opens, I-T continues), then types are mapped
  PERS→PERS, ORG→ORG, GPE/LOC/FAC→LOC, OCC→OCC and every other type (NORP, DATE, EVENT, LAW,
  CARDINAL, …) is dropped. **NORP → O** (in Wojood it marks groups of people — اللاجئين,
  الفلسطينيين, الطلبة — not organisations). After mapping, the **outermost** span is kept where
  spans overlap (earliest start, then longest). Consequence: an OCC such as
  `سكرتير اللجنة القومية العربية في نابلس` is one OCC span and hides the nested ORG/LOC; a dropped
  outer type (e.g. an EVENT) does not hide the PERS/ORG/LOC inside it.
* **Title masking:** ANERCorp annotates titles as O, which contradicts Wojood's OCC. The
  {stats['title_heads']} title words — the first words (2+ characters) of Wojood-train OCC spans plus
  a short hand list (`EXTRA_TITLE_HEADS`: الرئيس, وزير, الأمين, السفير, …) — are looked up in
  ANERCorp train; each O occurrence and up to 2 following O tokens are marked as *missing*
  annotation ({stats['masked']} occurrences) so they neither teach nor contradict OCC.
* **Training set:** ANERCorp train + Wojood train repeated {args.wojood_repeat}× (the only OCC source),
  shuffled with the seed; every 20th sentence of each is held back as the dev set for
  model-best selection ({stats['train']} training / {stats['dev']} dev docs). Entity spans
  (before repetition): {ents_line}.{in_domain_text(args, stats).rstrip()}
* **Tokenization:** the gold token sequences are joined with spaces and re-tokenized with
  spaCy's Arabic tokenizer during training (spaCy aligns gold to it), so the model sees the
  same tokens as at run time. The tokenizer splits punctuation but not clitics (و, ب, ل, ال);
  both corpora are unsegmented too, so this is consistent.
* **Sentences:** a `sentencizer` first in the pipeline ends sentences at spaCy's default
  sentence-final characters (`.`, `!`, `?`, `؟`, `۔`, …) and at newline tokens.

## Held-out scores

{tables}

ANERCorp has no OCC annotation, so OCC is measured on Wojood val only. Wojood val uses Wojood's
own span conventions (OCC includes the organisation, e.g. `الأمين العام لمنظمة …`), which differ
from ANERCorp's, so its scores are lower.

Example `{EXAMPLE_SENTENCE}` → {ex}

Limitations and alternatives tried (same seed, same held-out sets, overall F1 on both sets
together within ±1.5 of each other): no title masking (OCC F1 on Wojood val 54 instead of ~63, and
the OCC/PERS boundary in the example above breaks), CharacterEmbed (first/last 4 letters),
10,000 NORM rows with dropout 0.2 and 20 epochs. The weak spot is PERS recall on the
ANERCorp tail, which is dominated by foreign and sports names not seen in training.

## Licenses and attribution

* **ANERCorp** — Yassine Benajiba, re-released by the CAMeL Lab (NYU Abu Dhabi) under
  **CC BY-SA 4.0**, https://camel.abudhabi.nyu.edu/anercorp/ . The model weights are derived from
  it, so this model is distributed under **CC BY-SA 4.0** (attribution + share-alike).
* **Wojood** (sample) — © 2021 Mohammed Khalilia (SinaLab, Birzeit University), **MIT License**,
  https://github.com/SinaLab/ArabicNER .
* spaCy — MIT License (Explosion).
"""
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
