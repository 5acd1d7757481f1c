"""Throughput: the full communique pipeline vs bare spaCy (nlp.pipe, same models) on the same corpus.

Both sides include model loading and use both cores (spaCy n_process=2, communique --workers 2); the
one-process pipeline is shown too, and the run with the learned event decisions (Settings.event_model="learned")
beside the rules. communique's side is the whole run: reading files, NLP, extraction, writing the DuckDB store and
the cross-document merge. The corpus is the bundled examples repeated (and varied by a suffix so content hashes
differ) to --docs documents. Prints documents/s, the ratio, peak memory, and what the learned parts add to a run.
Each figure is the fastest of --repeat runs (the runs of one round take turns, so load on a shared machine falls
on every side alike).
Run: python bench/throughput.py [--docs 180] [--processes 2] [--per-language] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))       # measure the checkout beside this script, not another installed copy


def corpus(n: int, lang: str | None = None) -> list[tuple[str, str]]:
    files = sorted((ROOT / "examples").glob(f"{lang}_*.txt" if lang else "*.txt"))
    out = []
    for i in range(n):
        f = files[i % len(files)]
        out.append((f.stem[:2], f.read_text(encoding="utf-8") + f"\n\n(copy {i})"))
    return out


def run_pipeline(n: int, lang: str | None = None, workers: int = 1, events: str = "rules") -> dict:
    """The full pipeline into a DuckDB store (reading, NLP, extraction, writing, merging)."""
    import tempfile

    from communique import Settings
    from communique.run.local import extract_paths

    docs = corpus(n, lang)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, (_, text) in enumerate(docs):
            (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        settings = Settings(db=str(Path(tmp) / "bench.duckdb"), event_model=events)
        counts = extract_paths([str(folder)], settings, workers=workers, quiet=True)
        elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "docs": counts.documents, "events": counts.events}


def run_spacy(n: int, processes: int, lang: str | None = None) -> dict:
    import spacy

    from communique.config import SPACY_MODELS

    docs = corpus(n, lang)
    t0 = time.perf_counter()
    by_lang: dict[str, list[str]] = {}
    for lang, text in docs:
        by_lang.setdefault(lang, []).append(text)
    count = 0
    for lang, texts in by_lang.items():
        nlp = spacy.load(SPACY_MODELS[lang]) if lang != "ar" or Path(SPACY_MODELS["ar"]).exists() else None
        if nlp is None:
            nlp = spacy.blank("ar")
            nlp.add_pipe("sentencizer")
        for _ in nlp.pipe(texts, batch_size=16, n_process=processes):
            count += 1
    return {"seconds": time.perf_counter() - t0, "docs": count}


def child(kind: str, n: int, processes: int, lang: str | None = None, workers: int = 1, events: str = "rules") -> dict:
    extra = (["--lang", lang] if lang else []) + ["--workers", str(workers), "--events", events]
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--docs", str(n), "--processes", str(processes),
                          *extra], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _stop_fork_server() -> None:
    """Wait for the fork server of the workers (when one ran), so that its CPU time and that of the workers it
    forked count in RUSAGE_CHILDREN. `_stop` is the standard library's own (used by its tests)."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()


def fastest(runs: dict[str, tuple], repeat: int) -> dict[str, dict]:
    """Each named child run `repeat` times, round after round; the fastest run of each name."""
    best: dict[str, dict] = {}
    for _ in range(repeat):
        for name, spec in runs.items():
            r = child(*spec)
            if name not in best or r["seconds"] < best[name]["seconds"]:
                best[name] = r
    return best


def _line(label: str, r: dict, base: dict) -> str:
    rate, b_rate = r["docs"] / r["seconds"], base["docs"] / base["seconds"]
    return (f"{label:42} {rate:7.1f} docs/s  {r['cpu_seconds']:6.1f} CPU s  peak RSS "
            f"{max(r['peak_rss_mb'], r['peak_rss_children_mb']):4.0f} MB  ratio {rate / b_rate:.2f} "
            f"(CPU {base['cpu_seconds'] / r['cpu_seconds']:.2f})  {r.get('events', '-')} events")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=180)
    ap.add_argument("--processes", type=int, default=2, help="spaCy n_process for the baseline")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest counts")
    ap.add_argument("--child", choices=["pipeline", "spacy"])
    ap.add_argument("--lang", choices=["fr", "en", "ar"], help="only this language's examples")
    ap.add_argument("--per-language", action="store_true", help="also one row per language")
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--events", choices=["rules", "learned"], default="rules", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        result = (run_pipeline(args.docs, args.lang, args.workers, args.events) if args.child == "pipeline"
                  else run_spacy(args.docs, args.processes, args.lang))
        _stop_fork_server()
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        result["cpu_seconds"] = sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                                     resource.getrusage(resource.RUSAGE_CHILDREN)))
        print(json.dumps(result))
        return
    n, k = args.docs, args.processes
    best = fastest({"spacy": ("spacy", n, k), "one": ("pipeline", n, k, None, 1),
                    "both": ("pipeline", n, k, None, k), "learned": ("pipeline", n, k, None, k, "learned")},
                   args.repeat)
    base = best["spacy"]
    print(f"corpus: {n} documents (bundled examples, fr/en/ar), model loading included, fastest of {args.repeat}; "
          "ratio: docs/s over bare spaCy's (CPU: bare spaCy's CPU seconds over ours)")
    print(_line(f"bare spaCy nlp.pipe (n_process={k})", base, base))
    print(_line("communique, 1 process", best["one"], base))
    print(_line(f"communique, {k} workers", best["both"], base))
    print(_line(f"communique, {k} workers, learned events", best["learned"], base))
    print(f"learned event decisions add {100 * (best['learned']['seconds'] / best['both']['seconds'] - 1):+.1f}% "
          f"to a {k}-worker run ({100 * (best['learned']['cpu_seconds'] / best['both']['cpu_seconds'] - 1):+.1f}% "
          "CPU)", flush=True)
    if args.per_language:
        print(f"\nper language ({k} workers vs spaCy n_process={k}, that language's examples):")
        print(f"{'lang':5} {'spaCy docs/s':>13} {'communique docs/s':>18} {'ratio':>6} {'(CPU)':>6} {'learned':>8} "
              f"{'ratio':>6} {'(CPU)':>6}")
        for lang in ("fr", "en", "ar"):
            got = fastest({"spacy": ("spacy", n, k, lang), "rules": ("pipeline", n, k, lang, k),
                           "learned": ("pipeline", n, k, lang, k, "learned")}, args.repeat)
            br, rr, lr = (got[x]["docs"] / got[x]["seconds"] for x in ("spacy", "rules", "learned"))
            bc, rc, lc = (got[x]["cpu_seconds"] for x in ("spacy", "rules", "learned"))
            print(f"{lang:5} {br:13.1f} {rr:18.1f} {rr / br:6.2f} {bc / rc:6.2f} {lr:8.1f} {lr / br:6.2f} "
                  f"{bc / lc:6.2f}", flush=True)


if __name__ == "__main__":
    main()
