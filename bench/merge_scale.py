"""Time communique.corpus.merging.merge_events on synthetic corpora of 10k, 100k and 1M reports.

    .venv/bin/python bench/merge_scale.py [--sizes 10000 100000 1000000] [--reference]

The generator draws real-looking reports: party keys like the store's (KB ids of ~250 states
and ~600 organisations, Zipf-popular, and persons as `p:<surname skeleton>`), one to three
parties for meetings/visits/calls/agreements and 4 to 15 for conferences, day/month/year or no
date over 2000-2024, a venue country or none, and ~30% of real events reported two to four
times (the "other languages" of one event: same parties and type, the date sometimes one day
off or only the month, the venue sometimes missing). It prints, per size, the time, the groups
and the growth of the cost against 10x more reports (1.0 = linear). --reference also times the
former all-pairs-per-block loop (slow beyond 100k).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from communique.corpus.merge_reference import merge_events_reference  # noqa: E402
from communique.corpus.merging import EventKey, merge_events  # noqa: E402

FAMILIES = ["meet"] * 55 + ["call"] * 15 + ["agreement"] * 10 + ["conference"] * 20
SURNAMES = ["brt", "lvrf", "mgd", "srf", "kn", "mdn", "th", "vrnkf", "qrs", "bjw", "snjrn", "zhr", "lbrd", "ysf",
            "hmx", "ls", "xkr", "sfd", "jbr", "qrqx", "tyb", "hrr", "br", "nsrlh", "bxr", "lmmr", "tbn", "xrf"]


def make_keys(n: int, seed: int = 1) -> list[EventKey]:
    rng = random.Random(seed)
    states = [f"Q{1000 + i}" for i in range(250)]
    orgs = [f"kb:org-{i}" for i in range(600)]
    persons = [f"p:{s}{i}" if i else f"p:{s}" for s in SURNAMES for i in range(40)]
    pool = states + orgs + persons
    weights = [1.0 / (r + 1) ** 0.9 for r in range(len(pool))]
    countries = [f"C{i}" for i in range(120)]
    start = date(2000, 1, 1).toordinal()
    keys: list[EventKey] = []
    while len(keys) < n:
        fam = rng.choice(FAMILIES)
        k = rng.randint(4, 15) if fam == "conference" else rng.choice((1, 2, 2, 2, 2, 3))
        parties = frozenset(rng.choices(pool, weights, k=k))
        day = date.fromordinal(start + rng.randrange(365 * 25))
        country = rng.choice(countries) if rng.random() < 0.7 else None
        reports = rng.choice((2, 2, 3, 4)) if rng.random() < 0.3 else 1
        for _ in range(reports):
            r = rng.random()
            if r < 0.08:
                d = None
            elif r < 0.15:
                d = day.isoformat()[:7]
            elif r < 0.18:
                d = day.isoformat()[:4]
            elif r < 0.30:
                d = (day + timedelta(days=rng.choice((-1, 1)))).isoformat()
            else:
                d = day.isoformat()
            c = country if rng.random() < 0.85 else None
            keys.append((f"ev:{len(keys)}", fam, parties, d, c))
    return keys[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--reference", action="store_true", help="also time the all-pairs loop (sizes <= 100k)")
    args = ap.parse_args()
    print(f"{'reports':>9} {'generate':>9} {'merge':>9} {'groups':>9} {'merged':>8} {'growth':>7}  peak RSS")
    prev: tuple[int, float] | None = None
    for n in args.sizes:
        t0 = time.perf_counter()
        keys = make_keys(n)
        t1 = time.perf_counter()
        groups = merge_events(keys)
        t2 = time.perf_counter()
        growth = ""
        if prev is not None:
            import math

            growth = f"{math.log(max(t2 - t1, 1e-9) / prev[1]) / math.log(n / prev[0]):.2f}"
        prev = (n, t2 - t1)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:>9} {t1 - t0:>8.1f}s {t2 - t1:>8.1f}s {len(groups):>9} {sum(len(g) > 1 for g in groups):>8} "
              f"{growth:>7}  {rss:.0f} MB", flush=True)
        if args.reference and n <= 100_000:
            t3 = time.perf_counter()
            ref = merge_events_reference(keys)
            t4 = time.perf_counter()
            same = sorted(map(sorted, ref)) == sorted(map(sorted, groups))
            print(f"{'':>9} reference all-pairs loop: {t4 - t3:.1f}s, {len(ref)} groups, "
                  f"{'same partition' if same else 'partition differs'}", flush=True)


if __name__ == "__main__":
    main()
