"""Latency of the web API on a generated store: list, filter and search calls, 50th/95th/99th percentiles.

    .venv/bin/python bench/serve_bench.py [--events 100000] [--requests 200] [--db /tmp/serve_bench.duckdb]
                                          [--posts 1] [--baseline DIR --baseline-db PATH]

Generates `--events` documents of one event each (invented fr/en/ar names and sentences, 2000-2024 dates,
venues in 40 countries), stores them with the DuckDB store and refreshes the corpus tables as
`communique extract` does, then starts `communique serve --token` in its own process on 127.0.0.1, times its
start (until the first answer), `--requests` sequential calls of each kind from one client, and `--posts`
documents posted to POST /api/documents (after a rejected one that loads the models): the time from the post to
its event being listed by a search. `--baseline DIR` (a checkout of another version, e.g. `git worktree add`)
starts that version's server too, read-only on `--baseline-db` (a copy of the store), and the calls take turns
between the two servers, so that both are timed under the same load. Not a test: the figures go to the README.
A post adds to the store: pass a fresh `--db` (or a copy) for figures comparable with another run.
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


CALLS = {
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


def measure(bases: dict[str, str], requests: int) -> None:
    """`requests` calls of each kind to each server, the servers taking turns call by call (so that both
    see the same load on a shared machine); percentiles per server."""
    import httpx

    clients = {label: httpx.Client(base_url=base, timeout=60) for label, base in bases.items()}
    some = next(iter(clients.values())).get("/api/events?limit=500").json()["events"]
    print(f"{'call':28} " + " ".join(f"{label + ' ' + q:>16}" for label in bases for q in ("p50", "p95", "p99"))
          + f" {'matches':>8}")
    for name, path in CALLS.items():
        times: dict[str, list[float]] = {label: [] for label in bases}
        total = None
        for k in range(requests):
            url = path or f"/api/events/{some[k % len(some)]['id']}"
            for label, client in clients.items():
                t0 = time.perf_counter()
                r = client.get(url)
                times[label].append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
                total = r.json().get("total", 1)
        cells = []
        for label in bases:
            q = statistics.quantiles(times[label], n=100)
            cells += [statistics.median(times[label]), q[94], q[98]]
        print(f"{name:28} " + " ".join(f"{c:16.1f}" for c in cells) + f" {total:>8}")
    for client in clients.values():
        client.close()


# written for this bench: invented people and places
POSTED = ("Tunis, 14-3-2024 - La ministre de la Recherche, Amélie Vantrois, a reçu mardi à Tunis le directeur de "
          "l'Institut des Marées, Gaspard Olinde{n}. Les deux responsables ont évoqué la coopération scientifique "
          "et le projet {word}.")

#: too short to be a document: rejected at stage normalize, after the models are loaded, with nothing to refresh
WARMUP = "warm-up"


def measure_posts(base: str, posts: int, token: str) -> None:
    """POST documents one after the other; each one's time until a search lists its event."""
    import httpx

    headers = {"authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=None, headers=headers) as client:
        t0 = time.perf_counter()
        r = client.post("/api/documents", json={"text": WARMUP, "source": "warmup.txt"})
        print(f"first post (loads the models, {r.json().get('status')}) {time.perf_counter() - t0:.1f} s")
        for k in range(posts):
            word = f"Zorvalik{k}{random.randrange(10**6)}"
            t0 = time.perf_counter()
            r = client.post("/api/documents", json={"text": POSTED.format(n=f" {k + 2}", word=word),
                                                    "source": f"posted_{word}.txt"})
            answered = time.perf_counter() - t0
            while client.get("/api/events", params={"q": word}).json()["total"] < 1:
                time.sleep(0.05)
            print(f"post {k + 1}: {r.status_code} answered in {answered:.1f} s, listed after "
                  f"{time.perf_counter() - t0:.1f} s")


def start_server(root: Path, db: Path, token: str | None) -> tuple[subprocess.Popen[bytes], str]:
    """`communique serve` of the checkout at `root` on `db`; returns once it answers, saying how long it took."""
    import httpx

    port = free_port()
    t0 = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port),
                               "--rate-limit", "100000", *(["--token", token] if token else [])], cwd=root,
                              env={**os.environ, "PYTHONPATH": str(root)})
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=1)
            break
        except httpx.TransportError:
            if server.poll() is not None:
                raise SystemExit(f"the server of {root} did not start")
            time.sleep(0.2)
    print(f"server of {root} ready in {time.perf_counter() - t0:.1f} s")
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", default="/tmp/serve_bench.duckdb")
    ap.add_argument("--posts", type=int, default=1, help="documents to post after the reads (0: none)")
    ap.add_argument("--baseline", metavar="DIR", help="a checkout of another version: its server runs too (on "
                    "--baseline-db, read-only) and the calls alternate between the two")
    ap.add_argument("--baseline-db", metavar="PATH", help="a copy of --db for the baseline server")
    args = ap.parse_args()
    db = Path(args.db)
    if not db.exists():
        build(db, args.events)
    token = "bench-token" if args.posts else None
    servers = [start_server(ROOT, db, token)]
    try:
        bases = {"this": servers[0][1]}
        if args.baseline:
            servers.append(start_server(Path(args.baseline).resolve(), Path(args.baseline_db or args.db), None))
            bases["baseline"] = servers[1][1]
        measure(bases, args.requests)
        if args.posts:
            measure_posts(bases["this"], args.posts, token)
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
