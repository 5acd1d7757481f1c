"""Latency of the web API on a generated store: list, filter and search calls, 50th/95th/99th percentiles.

    .venv/bin/python bench/serve_bench.py [--events 100000] [--requests 200] [--db /tmp/serve_bench.duckdb]

Generates `--events` documents of one event each (invented fr/en/ar names and sentences, 2000-2024 dates,
venues in 40 countries), stores them with the DuckDB store and refreshes the corpus tables as
`communique extract` does, then starts `communique serve` in its own process on 127.0.0.1 and times
`--requests` sequential calls of each kind from one client. Not a test: the figures go to the README.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.records import Document, Entity, Event, Evidence, Extraction, Location, Party  # noqa: E402
from communique.corpus import refresh_corpus  # noqa: E402
from communique.store import open_store  # noqa: E402

GIVEN = ["Amel", "Bruno", "Chadi", "Dounia", "Elias", "Farid", "Gaelle", "Hichem", "Ines", "Jalil", "Karim", "Lina"]
FAMILY = ["Benali", "Corvin", "Darmoul", "Estrade", "Fakhri", "Guerbi", "Haddou", "Issami", "Jourdel", "Kessab",
          "Lamrani", "Mokdad", "Nardelli", "Ouazzani", "Perrault", "Qassimi", "Rahmouni", "Saidi", "Tazi", "Valmont"]
AR_GIVEN = ["امال", "برونو", "شادي", "دنيا", "الياس", "فريد", "غايل", "هشام", "ايناس", "جليل", "كريم", "لينا"]
AR_FAMILY = ["بنعلي", "كورفان", "درمول", "استراد", "فخري", "قربي", "حدو", "عصامي", "جوردال", "كساب", "لمراني",
             "مقداد", "ناردلي", "الوزاني", "بيرو", "القاسمي", "رحموني", "سعيدي", "التازي", "فالمون"]
COUNTRIES = [(c, 10.0 + i, -20.0 + 3 * i) for i, c in enumerate(
    "MA DZ TN EG SA AE QA KW JO LB FR BE CH CA US GB DE ES IT PT SN ML NE TD NG KE ET SD LY MR TR IR PK IN ID "
    "MY BN RU CN JP".split())]
TYPES = ["meet", "meet", "meet", "visit", "call", "agreement", "conference"]
SENTENCES = {
    "fr": "{a} a reçu {b} pour évoquer la coopération sécuritaire et la lutte contre le terrorisme.",
    "en": "{a} met {b} to discuss security cooperation and counter-terrorism.",
    "ar": "استقبل {a} السيد {b} لبحث التعاون الأمني ومكافحة الإرهاب.",
}


def person(rng: random.Random, lang: str) -> tuple[str, str, str]:
    """(entity id, name, form as written) of an invented person; 12 x 20 x 50 distinct people."""
    g, f, n = rng.randrange(len(GIVEN)), rng.randrange(len(FAMILY)), rng.randrange(50)
    name = f"{GIVEN[g]} {FAMILY[f]}{'' if n == 0 else f' {n}'}"
    form = f"{AR_GIVEN[g]} {AR_FAMILY[f]}{'' if n == 0 else f' {n}'}" if lang == "ar" else name
    return f"person:{name.lower().replace(' ', '-')}", name, form


def extraction(i: int, rng: random.Random) -> Extraction:
    lang = rng.choice(["fr", "fr", "en", "en", "ar"])
    (a_id, a_name, a_form), (b_id, b_name, b_form) = person(rng, lang), person(rng, lang)
    while b_id == a_id:
        b_id, b_name, b_form = person(rng, lang)
    day = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentence = SENTENCES[lang].format(a=a_form, b=b_form)
    title = f"{a_form} / {b_form} ({i})"
    text = f"{title}\n\n{sentence}"
    start = len(title) + 2
    country, lat, lon = rng.choice(COUNTRIES)
    doc = Document(id=f"sha256:bench{i:09d}", source=f"bench/{lang}_{i}.txt", text=text, lang=lang, title=title,
                   published=day)
    ents = tuple(Entity(id=e, kind="person", name=n, forms=[f]) for e, n, f in ((a_id, a_name, a_form),
                                                                                 (b_id, b_name, b_form)))
    event = Event(id=f"ev:bench{i:09d}", type=rng.choice(TYPES), status="occurred", date=day, date_precision="day",
                  location=Location(f"City {country}", country, lat, lon),
                  parties=(Party(a_id), Party(b_id)), topics=("counter-terrorism",),
                  evidence=(Evidence(sentence, start, start + len(sentence)),), confidence=round(rng.random(), 2))
    return Extraction(doc, ents, (event,))


def build(db: Path, n: int) -> None:
    rng = random.Random(12)
    t0 = time.perf_counter()
    with open_store(str(db)) as store:
        for lo in range(0, n, 5000):
            store.write_many([extraction(i, rng) for i in range(lo, min(n, lo + 5000))])  # type: ignore[attr-defined]
        t1 = time.perf_counter()
        refresh_corpus(store)
    print(f"store: {n} documents, {n} events written in {t1 - t0:.0f} s, refreshed in {time.perf_counter() - t1:.0f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(base: str, requests: int) -> None:
    import httpx

    calls = {
        "list (page 1)": "/api/events?limit=50",
        "list (page 200)": "/api/events?limit=50&offset=10000",
        "filter type+lang+country": "/api/events?type=visit&lang=fr&country=MA",
        "filter date range": "/api/events?since=2010-01-01&until=2012-06-30",
        "filter actor (Latin)": "/api/events?actor=Darmoul",
        "filter actor (Arabic)": "/api/events?actor=درمول",
        "search French": "/api/events?q=coopération sécuritaire",
        "search Arabic (variants)": "/api/events?q=الامني",
        "search + filter + sort": "/api/events?q=terrorism&type=meet&sort=confidence",
        "timeline (week)": "/api/timeline?unit=week&lang=ar",
        "event by id": None,
    }
    with httpx.Client(base_url=base, timeout=60) as client:
        some = client.get("/api/events?limit=500").json()["events"]
        print(f"{'call':28} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'matches':>8}")
        for name, path in calls.items():
            times = []
            total = None
            for k in range(requests):
                url = path or f"/api/events/{some[k % len(some)]['id']}"
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
                total = r.json().get("total", 1)
            q = statistics.quantiles(times, n=100)
            print(f"{name:28} {statistics.median(times):7.1f} {q[94]:7.1f} {q[98]:7.1f} {total:>8}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", default="/tmp/serve_bench.duckdb")
    args = ap.parse_args()
    db = Path(args.db)
    if not db.exists():
        build(db, args.events)
    port = free_port()
    t0 = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port),
                               "--rate-limit", "100000"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        import httpx

        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
        print(f"server ready in {time.perf_counter() - t0:.1f} s (browse index built)")
        measure(f"http://127.0.0.1:{port}", args.requests)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
