"""Measure cross-document person linking (communique.corpus.persons.link_persons): false merges of
distinct real names, and links of one name's spellings across scripts.

    .venv/bin/python bench/linking_eval.py [--data ../shared/data] [--random 1000] [--show 8]

Names come from bench/translit_eval.py: distinct person names of the UniversalPetrarch Arabic
actor dictionary (MIT), each in Arabic and romanized by translit.arabic_to_latin, and the
hand-built press spelling pairs. Each name is a person entity of its own document.

- pairs: two documents, one distinct name each (the *blocked* pairs share a surname key: the
  ones the linker actually compares), in three script combinations; with no context, then with
  each person's country from the dictionary as its state affiliation. A false merge is a pair
  linked to one corpus actor.
- corpus: every dictionary person twice (Arabic, romanized) in one linking run of all of them,
  so that chains could form: distinct-person pairs that end in one actor, over the distinct
  pairs that share a block; persons whose two scripts reach one actor.
- press pairs: hand-built spellings of one name (Latin-Latin, Arabic-Latin, held out).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from translit_eval import (  # noqa: E402
    ARABIC_LATIN_PAIRS, DEFAULT_DATA, HARD_NEGATIVES, HELDOUT_PAIRS, LATIN_PAIRS, negative_pairs, petrarch_persons,
    possibly_same,
)

from communique.corpus.persons import Sighting, link_persons  # noqa: E402
from communique.translit import arabic_to_latin, name_key  # noqa: E402


def country_of(evidence: set[tuple[str, str]]) -> str | None:
    counts = Counter(code for code, _ in evidence)
    # ties broken by the code, not by the order of the set (which changes with the hash seed)
    return f"state:{min(counts, key=lambda code: (-counts[code], code))}" if counts else None


def linked(a: str, b: str, aff_a: str | None = None, aff_b: str | None = None) -> bool:
    s = [Sighting("d1", "e1", a, affiliation=aff_a, affiliation_kind="state" if aff_a else None),
         Sighting("d2", "e2", b, affiliation=aff_b, affiliation_kind="state" if aff_b else None)]
    links = link_persons(s)
    return links[("d1", "e1")] == links[("d2", "e2")]


def rate(hits: list[bool]) -> str:
    n = len(hits)
    return f"{sum(hits) / n:7.2%}  ({sum(hits)}/{n})" if n else "      -"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--random", type=int, default=1000, help="random distinct pairs (default 1000)")
    ap.add_argument("--show", type=int, default=8, help="false merges to print")
    args = ap.parse_args()

    persons = petrarch_persons(args.data)
    rom = {p: arabic_to_latin(p) for p in persons}
    country = {p: country_of(ev) for p, ev in persons.items()}
    blocked, rand = negative_pairs(persons, args.random)
    print(f"petrarch person names: {len(persons)}; distinct pairs: {len(blocked)} blocked (same surname key), "
          f"{len(rand)} random; {sum(c is not None for c in country.values())} names with a country")

    print("\nFalse merges, pairs of distinct names (one document each): linked to one actor")
    shown: list[str] = []
    totals: dict[str, list[bool]] = defaultdict(list)
    for label, pairs in (("blocked", blocked), ("random", rand)):
        for script, fa, fb in (("ar-ar", lambda p: p, lambda p: p), ("rom-ar", lambda p: rom[p], lambda p: p),
                               ("lat-lat", lambda p: rom[p], lambda p: rom[p])):
            for ctx in ("no context", "country"):
                hits = []
                for a, b in pairs:
                    ca, cb = (country[a], country[b]) if ctx == "country" else (None, None)
                    hit = linked(fa(a), fb(b), ca, cb)
                    hits.append(hit)
                    if hit and len(shown) < args.show:
                        shown.append(f"  {fa(a)} | {fb(b)}  ({ctx})")
                totals[f"{label}, {ctx}"] += hits
                print(f"  {script} {label:8} {ctx:11} {rate(hits)}")
    hard = [linked(a, b) for a, b in HARD_NEGATIVES]
    print(f"  hand-built look-alikes          {rate(hard)}")
    for label, hits in totals.items():
        print(f"  all scripts, {label:22} {rate(hits)}")
    every = [h for v in totals.values() for h in v] + hard
    print(f"  all pairs                       {rate(every)}")
    if shown:
        print("  examples:\n" + "\n".join(shown))

    print("\nCorpus run: every dictionary name in Arabic and romanized, one document each, linked together")
    sightings = []
    for i, p in enumerate(sorted(persons)):
        sightings.append(Sighting(f"ar{i}", "e", p, affiliation=country[p], affiliation_kind="state" if country[p] else None))
        sightings.append(Sighting(f"rom{i}", "e", rom[p], affiliation=country[p],
                                  affiliation_kind="state" if country[p] else None))
    links = link_persons(sightings)
    names = sorted(persons)
    actor_of = {p: (links[(f"ar{i}", "e")], links[(f"rom{i}", "e")]) for i, p in enumerate(names)}
    same_person = [a == b for a, b in actor_of.values()]
    members: dict[str, set[str]] = defaultdict(set)
    for p, acts in actor_of.items():
        for a in acts:
            members[a].add(p)
    merged_pairs = set()
    for ps in members.values():
        for a, b in combinations(sorted(ps), 2):
            if not possibly_same(a, b, persons):
                merged_pairs.add((a, b))
    keys: dict[str, set[str]] = defaultdict(set)
    for p in names:
        keys[name_key(p)].add(p)
        keys[name_key(rom[p])].add(p)
    candidates = {(a, b) for ps in keys.values() for a, b in combinations(sorted(ps), 2)
                  if not possibly_same(a, b, persons)}
    print(f"  actors: {len(members)} for {len(names)} names ({2 * len(names)} sightings)")
    print(f"  one name's two scripts on one actor  {rate(same_person)}")
    print(f"  distinct names on one actor: {len(merged_pairs)} pairs of {len(candidates)} blocked distinct pairs "
          f"({len(merged_pairs) / max(1, len(candidates)):.2%})")
    for a, b in sorted(merged_pairs)[: args.show]:
        print(f"    {a} ({rom[a]}) | {b} ({rom[b]})")

    print("\nPress spellings of one name (one document each): linked to one actor")
    for label, pairs in (("latin-latin", LATIN_PAIRS), ("arabic-latin", ARABIC_LATIN_PAIRS),
                         ("held-out", HELDOUT_PAIRS)):
        print(f"  {label:14} {rate([linked(a, b) for a, b in pairs])}")


if __name__ == "__main__":
    main()
