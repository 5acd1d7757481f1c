"""Scale: the local engine with 1 and 2 worker processes and Ray with 2 actors against bare spaCy on one
corpus, then cost growth (time, peak memory per process, database size, cross-document merge) with the
corpus size, then, at the largest size, the end-of-run refresh after adding 1,000 documents against a full
refresh of the same store. Every run is a fresh child process; model loading is included.

Run: python bench/scale.py [--docs 600] [--sizes 1000 10000 100000] [--max-size 10000] [--no-ray] [--add 1000]
                           [--replay] [--keep DIR]
The corpus is bench/throughput.py's (the bundled examples, varied by a suffix line); the growth corpus
also rotates each copy's body paragraphs so that no two documents are the same text. Documents added to the
grown store are either more of the same 18 stories (every merge block and actor of the store is reached) or
new stories: varied copies of the 228 annotated press releases (../shared/annotated/docs).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, corpus  # noqa: E402  (bench/ is not a package)

sys.path.insert(0, str(ROOT))         # this checkout's communique, whichever is installed

STORIES = ROOT.parent / "shared" / "annotated" / "docs"


def varied_corpus(n: int) -> list[tuple[str, str]]:
    """n documents from the examples: headline and first paragraph kept, later paragraphs rotated per copy."""
    out = []
    for i, (lang, text) in enumerate(corpus(n)):
        paras = [p for p in text.split("\n\n") if p.strip()]
        head, body, tail = paras[:2], paras[2:-1], paras[-1:]
        k = (i // 18) % len(body) if body else 0
        out.append((lang, "\n\n".join(head + body[k:] + body[:k] + tail)))
    return out


def new_stories(n: int) -> list[tuple[str, str]]:
    """n documents from the annotated press releases (other stories than the examples'), varied likewise."""
    files = sorted(STORIES.glob("*.txt"))
    out = []
    for i in range(n):
        f = files[i % len(files)]
        paras = [p for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        head, body, tail = paras[:2], paras[2:-1], paras[-1:]
        k = (i // len(files)) % len(body) if body else 0
        out.append((f.stem[:2], "\n\n".join(head + body[k:] + body[:k] + tail) + f"\n\n(copy {i})"))
    return out


def write_jsonl(docs: list[tuple[str, str]], path: Path, prefix: str = "doc") -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, (_, text) in enumerate(docs):
            f.write(json.dumps({"url": f"{prefix}{i:06d}.txt", "text": text}, ensure_ascii=False) + "\n")


def _extract_texts(texts: list[str]) -> list:
    """In a worker process: the pipeline's Extraction (or Rejected) of each text."""
    from communique import Pipeline, Settings, load_resources
    from communique.records import RawDocument

    pipeline = Pipeline(load_resources(Settings()))
    return list(pipeline.run([RawDocument(source=f"base{i}.txt", content=t) for i, t in enumerate(texts)]))


def replay(corpus_file: str, db: str, workers: int = 2) -> Any:
    """Store a growth corpus as extract_paths would, extracting each distinct text once: the corpus's
    copies differ only by their last line ("(copy N)"), so each copy is its base text's extraction with the
    document and event ids and the fingerprint of its own text. The extraction runs in worker processes
    (the models are not in this one), the writing in this process through the same StoreWriter."""
    import dataclasses
    import hashlib
    from concurrent.futures import ProcessPoolExecutor

    from communique.corpus.copies import fingerprint
    from communique.records import Extraction
    from communique.run.writer import StoreWriter
    from communique.store import open_store

    rows = [json.loads(line) for line in Path(corpus_file).read_text(encoding="utf-8").splitlines()]
    bases = list(dict.fromkeys(r["text"].rsplit("\n\n(copy ", 1)[0] for r in rows))
    with ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(_extract_texts, [bases[i::workers] for i in range(workers)]))
    extracted: dict[str, Any] = {}
    for w, part in enumerate(parts):
        for j, ex in enumerate(part):
            extracted[bases[w + j * workers]] = ex
    with open_store(db) as store:
        writer = StoreWriter(store)
        for r in rows:
            base = extracted[r["text"].rsplit("\n\n(copy ", 1)[0]]
            if not isinstance(base, Extraction):
                writer.add(dataclasses.replace(base, source=r["url"]))
                continue
            suffix = r["text"].rsplit("\n\n", 1)[-1]
            text = base.document.text.rsplit("(copy ", 1)[0] + suffix
            doc_id = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
            events = tuple(dataclasses.replace(e, id="ev:" + hashlib.sha1(f"{doc_id}|{e.id}".encode()).hexdigest()[:16])
                           for e in base.events)
            writer.add(Extraction(dataclasses.replace(base.document, id=doc_id, text=text, source=r["url"]),
                                  base.entities, events, fingerprint(text)))
        return writer.close()


def child_add(corpus_file: str, db: str, mode: str) -> dict:
    """In a fresh process: add the corpus to a refreshed store (its end-of-run refresh is incremental),
    then time a full refresh of the same store."""
    from communique.config import Settings
    from communique.corpus import refresh_corpus
    from communique.run.local import extract_paths
    from communique.store import open_store

    t0 = time.perf_counter()
    if mode == "replay":
        counts = replay(corpus_file, db)
    else:
        counts = extract_paths([corpus_file], Settings(db=db), workers=2, engine="local", quiet=True)
    seconds = time.perf_counter() - t0
    with open_store(db) as store:
        t1 = time.perf_counter()
        refresh_corpus(store, full=True)
        full_s = time.perf_counter() - t1
    return {"docs": counts.documents, "seconds": seconds, "refresh_s": counts.refresh_seconds, "full_s": full_s,
            "peak_rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child_extract(corpus_file: str, db: str, engine: str, workers: int) -> dict:
    """In a fresh process: extract the corpus (its end-of-run refresh timed apart; the peak memory is the
    writer's, read then), then time a full refresh (the merged-event and actor recompute on its own)."""
    from communique.config import Settings
    from communique.corpus import refresh_corpus
    from communique.run.local import extract_paths
    from communique.store import open_store

    t0 = time.perf_counter()
    cpu0 = os.times()
    if engine == "replay":
        counts = replay(corpus_file, db, workers)
    else:
        counts = extract_paths([corpus_file], Settings(db=db), workers=workers, engine=engine, quiet=True)
    seconds = time.perf_counter() - t0
    cpu = os.times()
    self_ru, kids_ru = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    store = open_store(db)
    t1 = time.perf_counter()
    refresh_corpus(store, full=True)
    merge_s = time.perf_counter() - t1
    store.close()
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


def add_documents(tmp: Path, db: Path, n: int, size: int, mode: str) -> list[dict]:
    """Add n documents to a copy of the grown store, new stories, then (to another copy) more of the same, each
    followed by a full refresh of the same store; print and return the figures."""
    out = []
    batches = [("new stories", new_stories(n) if STORIES.is_dir() else []),
               ("more of the same stories", varied_corpus(size + n)[size:])]
    for label, docs in batches:
        if not docs:
            print(f"  +{n} {label}: not run ({STORIES} is missing)")
            continue
        path = tmp / "added.jsonl"
        write_jsonl(docs, path, prefix=f"added-{len(out)}-")
        work = tmp / "added.duckdb"         # each batch is added to a copy of the grown store
        shutil.copy(db, work)
        r = run_child("--child-add", str(path), str(work), mode)
        work.unlink()
        r.update(label=label, ratio=r["refresh_s"] / r["full_s"])
        out.append(r)
        print(f"  +{r['docs']} {label}: end-of-run refresh {r['refresh_s']:5.1f} s, full refresh of the same store "
              f"{r['full_s']:5.1f} s ({100 * r['ratio']:.0f}%), peak RSS {r['peak_rss_parent_mb']:.0f} MB  ({load()})",
              flush=True)
        path.unlink()
    return out


def grow(tmp: Path, db: Path, n: int, args: argparse.Namespace, results: dict[str, list[dict]]) -> None:
    """Store the growth corpus of n documents into ``db`` in a child process; print and keep the figures."""
    path = tmp / f"growth{n}.jsonl"
    write_jsonl(varied_corpus(n), path)
    r = run_child("--child", str(path), str(db), "replay" if args.replay else "local", str(args.growth_workers))
    r.update(n=n, rate=r["docs"] / r["seconds"])
    results["growth"].append(r)
    print(f"{n:>7} docs  {r['seconds']:7.0f} s  {r['rate']:5.1f} docs/s  end-of-run refresh {r['refresh_s']:5.1f} s"
          f"  full refresh again {r['merge_s']:5.1f} s  "
          f"peak RSS parent {r['peak_rss_parent_mb']:.0f} MB, per worker {r['peak_rss_worker_mb']:.0f} MB  "
          f"db {r['db_mb']:.0f} MB  {r['events']} events  cpu {r['cpu_s']:.0f}s (parent {r['cpu_parent_s']:.0f}s)  "
          f"({load()})", flush=True)
    path.unlink()


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
    ap.add_argument("--add", type=int, default=1000, help="documents added to the largest growth store (0: none)")
    ap.add_argument("--keep", metavar="DIR", help="keep the growth stores in DIR, and reuse those already there "
                    "(documents are added to copies)")
    ap.add_argument("--child", nargs=4, metavar=("CORPUS", "DB", "ENGINE", "WORKERS"), help=argparse.SUPPRESS)
    ap.add_argument("--replay", action="store_true",
                    help="growth series: extract each distinct text once and store every copy from it (see replay())")
    ap.add_argument("--child-add", nargs=3, metavar=("CORPUS", "DB", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        corpus_file, db, engine, workers = args.child
        print(json.dumps(child_extract(corpus_file, db, engine, int(workers))))
        return
    if args.child_add:
        print(json.dumps(child_add(*args.child_add)))
        return
    results: dict[str, list[dict]] = {"engines": [], "growth": [], "added": []}
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
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
        if sizes:
            print(f"\ngrowth: local engine, {args.growth_workers} workers, varied corpus")
        for n in sizes:
            db = Path(args.keep or tmp) / f"growth{n}{'-replay' if args.replay else ''}.duckdb"
            if db.exists():
                print(f"{n:>7} docs  the store kept in {db}", flush=True)
            else:
                grow(Path(tmp), db, n, args, results)
            if n == sizes[-1] and args.add:
                results["added"] = add_documents(Path(tmp), db, args.add, n, "replay" if args.replay else "extract")
            if not args.keep:
                db.unlink()
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
