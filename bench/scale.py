"""Scale: the local engine with 1 and 2 worker processes and Ray with 2 actors against bare spaCy on one
corpus, then cost growth (time, peak memory per process, database size, cross-document merge) with the
corpus size. Every run is a fresh child process writing a fresh DuckDB file; model loading is included.

Run: python bench/scale.py [--docs 600] [--sizes 1000 10000 100000] [--max-size 10000] [--no-ray]
The corpus is bench/throughput.py's (the bundled examples, varied by a suffix line); the growth corpus
also rotates each copy's body paragraphs so that no two documents are the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, corpus  # noqa: E402  (bench/ is not a package)


def varied_corpus(n: int) -> list[tuple[str, str]]:
    """n documents from the examples: headline and first paragraph kept, later paragraphs rotated per copy."""
    out = []
    for i, (lang, text) in enumerate(corpus(n)):
        paras = [p for p in text.split("\n\n") if p.strip()]
        head, body, tail = paras[:2], paras[2:-1], paras[-1:]
        k = (i // 18) % len(body) if body else 0
        out.append((lang, "\n\n".join(head + body[k:] + body[:k] + tail)))
    return out


def write_jsonl(docs: list[tuple[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, (_, text) in enumerate(docs):
            f.write(json.dumps({"url": f"doc{i:06d}.txt", "text": text}, ensure_ascii=False) + "\n")


def child_extract(corpus_file: str, db: str, engine: str, workers: int) -> dict:
    """In a fresh process: extract the corpus (its end-of-run refresh timed apart), then time a refresh
    with nothing new (the cost of the full merged-event and actor recompute on its own)."""
    from communique.config import Settings
    from communique.run.local import extract_paths
    from communique.store import open_store

    t0 = time.perf_counter()
    cpu0 = os.times()
    counts = extract_paths([corpus_file], Settings(db=db), workers=workers, engine=engine, quiet=True)
    seconds = time.perf_counter() - t0
    cpu = os.times()
    store = open_store(db)
    t1 = time.perf_counter()
    store.refresh_corpus_events()
    merge_s = time.perf_counter() - t1
    store.close()
    self_ru, kids_ru = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "engine": engine, "workers": workers, "seconds": seconds, "docs": counts.documents,
        "events": counts.events, "rejected": sum(counts.rejected.values()), "merge_s": merge_s,
        "refresh_s": counts.refresh_seconds,
        "cpu_s": (cpu.user - cpu0.user) + (cpu.system - cpu0.system) + (cpu.children_user - cpu0.children_user)
        + (cpu.children_system - cpu0.children_system),
        "cpu_parent_s": (cpu.user - cpu0.user) + (cpu.system - cpu0.system),
        "peak_rss_parent_mb": self_ru.ru_maxrss / 1024, "peak_rss_worker_mb": kids_ru.ru_maxrss / 1024,
        "db_mb": Path(db).stat().st_size / 1024**2,
    }


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"child {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def spacy_baseline(n: int, processes: int) -> dict:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "throughput.py"), "--child", "spacy", "--docs", str(n),
                          "--processes", str(processes)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load() -> str:
    return "load avg {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=600, help="corpus size for the engine comparison")
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000], help="corpus sizes for growth")
    ap.add_argument("--max-size", type=int, default=10000, help="skip growth sizes above this (time budget)")
    ap.add_argument("--growth-workers", type=int, default=2)
    ap.add_argument("--no-ray", action="store_true", help="leave out the Ray engine")
    ap.add_argument("--no-engines", action="store_true", help="only the growth series")
    ap.add_argument("--json", help="also write every measurement to this file")
    ap.add_argument("--child", nargs=4, metavar=("CORPUS", "DB", "ENGINE", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        corpus_file, db, engine, workers = args.child
        print(json.dumps(child_extract(corpus_file, db, engine, int(workers))))
        return
    results: dict[str, list[dict]] = {"engines": [], "growth": []}
    print(f"machine: {os.cpu_count()} cores; {load()} at start", flush=True)
    with tempfile.TemporaryDirectory(prefix="communique-scale-") as tmp:
        if not args.no_engines:
            path = Path(tmp) / "engines.jsonl"
            write_jsonl(corpus(args.docs), path)
            base = spacy_baseline(args.docs, 2)
            b_rate = base["docs"] / base["seconds"]
            print(f"\ncorpus: {args.docs} documents (bench/throughput.py corpus), model loading included")
            print(f"{'bare spaCy nlp.pipe (n_process=2)':38s} {b_rate:6.1f} docs/s  ({load()})", flush=True)
            configs = [("local", 1), ("local", 2)] + ([] if args.no_ray else [("ray", 2)])
            one = None
            for engine, workers in configs:
                r = run_child("--child", str(path), str(Path(tmp) / f"{engine}{workers}.duckdb"), engine, str(workers))
                rate = r["docs"] / r["seconds"]
                one = one or rate
                r.update(rate=rate, ratio_spacy=rate / b_rate, speedup=rate / one, spacy_rate=b_rate)
                results["engines"].append(r)
                label = f"communique {engine}, {workers} {'actors' if engine == 'ray' else 'workers'}"
                mem = "" if engine == "ray" else \
                    f"  peak RSS parent {r['peak_rss_parent_mb']:.0f} MB, per worker {r['peak_rss_worker_mb']:.0f} MB"
                print(f"{label:38s} {rate:6.1f} docs/s  x{r['speedup']:.2f} vs 1 worker  "
                      f"/spaCy {r['ratio_spacy']:.2f}  {r['events']} events  cpu {r['cpu_s']:.0f}s "
                      f"(parent {r['cpu_parent_s']:.0f}s){mem}  ({load()})",
                      flush=True)
        sizes = [s for s in args.sizes if s <= args.max_size]
        if sizes:
            print(f"\ngrowth: local engine, {args.growth_workers} workers, varied corpus")
        for n in sizes:
            path = Path(tmp) / f"growth{n}.jsonl"
            write_jsonl(varied_corpus(n), path)
            db = Path(tmp) / f"growth{n}.duckdb"
            r = run_child("--child", str(path), str(db), "local", str(args.growth_workers))
            r.update(n=n, rate=r["docs"] / r["seconds"])
            results["growth"].append(r)
            print(f"{n:>7} docs  {r['seconds']:7.0f} s  {r['rate']:5.1f} docs/s  end-of-run refresh {r['refresh_s']:5.1f} s"
                  f"  refresh again {r['merge_s']:5.1f} s  "
                  f"peak RSS parent {r['peak_rss_parent_mb']:.0f} MB, per worker {r['peak_rss_worker_mb']:.0f} MB  "
                  f"db {r['db_mb']:.0f} MB  {r['events']} events  cpu {r['cpu_s']:.0f}s (parent {r['cpu_parent_s']:.0f}s)  "
                  f"({load()})", flush=True)
            db.unlink()
            path.unlink()
        skipped = [s for s in args.sizes if s > args.max_size]
        if skipped and results["growth"]:
            last = results["growth"][-1]
            for n in skipped:
                print(f"{n:>7} docs  not run (--max-size {args.max_size}); at {last['rate']:.1f} docs/s it would take "
                      f"~{n / last['rate'] / 60:.0f} min plus a merge that grows with the reports per actor pair")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
