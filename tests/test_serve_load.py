"""Load (bounded, 127.0.0.1 only): 50 concurrent clients read the API while documents are posted."""

from __future__ import annotations

import statistics
import threading
import time

import httpx

CLIENTS = 50
REQUESTS_EACH = 20
GIVEN = ["Amélie", "Bastien", "Corentin", "Delphine", "Eudes"]
FAMILY = ["Vantrois", "Marbrier", "Olinde", "Ferrandel", "Quillac"]


def posted_text(i: int) -> str:
    """A French release written for this test: invented people, one meeting each."""
    return (f"Nantes, {i + 1}-5-2024 - Le ministre de la Mer, {GIVEN[i]} {FAMILY[i]}, a reçu jeudi à Nantes le "
            f"directeur de l'Office des Phares, {GIVEN[(i + 2) % 5]} {FAMILY[(i + 3) % 5]}. Les deux responsables "
            f"ont évoqué la sécurité des côtes et la formation des gardiens (réunion n° {i}).")


def test_serve_load_readers_while_posting(examples_db, start_server, pipeline, tmp_path):
    base = start_server(examples_db, tmp_path, pipeline=pipeline, token="load-token", rate_per_second=100_000,
                        burst=100_000)
    before = httpx.get(base + "/api/documents").json()["total"]
    paths = ["/api/events?limit=20", "/api/events?q=ministre", "/api/events?lang=ar", "/api/actors?q=a",
             "/api/network", "/api/timeline?unit=week", "/api/documents"]
    latencies: list[float] = []
    errors: list[str] = []
    posted: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS + 1)

    def reader(n: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            start.wait()
            for k in range(REQUESTS_EACH):
                t0 = time.perf_counter()
                r = client.get(paths[(n + k) % len(paths)])
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {r.text[:100]}")

    def poster() -> None:
        with httpx.Client(base_url=base, timeout=120, headers={"authorization": "Bearer load-token"}) as client:
            start.wait()
            for i in range(5):
                r = client.post("/api/documents", json={"text": posted_text(i), "source": f"load_{i}.txt"})
                with lock:
                    if r.status_code != 201:
                        errors.append(f"post {r.status_code} {r.text[:100]}")
                    else:
                        posted.append(r.json()["document"])

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(CLIENTS)]
    threads.append(threading.Thread(target=poster))
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    assert errors == []
    assert len(latencies) == CLIENTS * REQUESTS_EACH
    assert len(posted) == 5 and httpx.get(base + "/api/documents").json()["total"] == before + 5
    for doc_id in posted:                              # every posted document is stored and readable
        assert httpx.get(f"{base}/api/documents/{doc_id}").json()["text"].startswith("Nantes")
    hits = httpx.get(base + "/api/events", params={"q": "Office des Phares", "limit": 50}).json()["total"]
    assert hits >= 1
    p95 = statistics.quantiles(latencies, n=20)[18]
    print(f"\nload: {len(latencies)} reads by {CLIENTS} clients + 5 posts in {wall:.1f} s: "
          f"{len(latencies) / wall:.0f} requests/s, p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, 0 errors, 5/5 documents stored")
