"""Throughput: the full communique pipeline vs bare spaCy (nlp.pipe, same models) on the same corpus.

Both sides include model loading. The corpus is the bundled examples repeated (and varied by a
suffix so content hashes differ) to --docs documents. Prints documents/s, the ratio, and peak memory.
Run: python bench/throughput.py [--docs 180] [--processes 2] [--per-language]
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


def corpus(n: int, lang: str | None = None) -> list[tuple[str, str]]:
    files = sorted((ROOT / "examples").glob(f"{lang}_*.txt" if lang else "*.txt"))
    out = []
    for i in range(n):
        f = files[i % len(files)]
        out.append((f.stem[:2], f.read_text(encoding="utf-8") + f"\n\n(copy {i})"))
    return out


def run_pipeline(n: int, lang: str | None = None) -> dict:
    from communique import Pipeline, Settings, load_resources
    from communique.records import RawDocument

    docs = corpus(n, lang)
    t0 = time.perf_counter()
    pipe = Pipeline(load_resources(Settings()))
    raws = [RawDocument(source=f"doc{i}.txt", content=text) for i, (_, text) in enumerate(docs)]
    results = list(pipe.run(raws))
    elapsed = time.perf_counter() - t0
    events = sum(len(r.events) for r in results if hasattr(r, "events"))
    return {"seconds": elapsed, "docs": len(results), "events": events}


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


def child(kind: str, n: int, processes: int, lang: str | None = None) -> dict:
    extra = ["--lang", lang] if lang else []
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--docs", str(n), "--processes", str(processes),
                          *extra], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=180)
    ap.add_argument("--processes", type=int, default=2, help="spaCy n_process for the baseline")
    ap.add_argument("--child", choices=["pipeline", "spacy"])
    ap.add_argument("--lang", choices=["fr", "en", "ar"], help="only this language's examples")
    ap.add_argument("--per-language", action="store_true", help="also one row per language")
    args = ap.parse_args()
    if args.child:
        result = (run_pipeline(args.docs, args.lang) if args.child == "pipeline"
                  else run_spacy(args.docs, args.processes, args.lang))
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps(result))
        return
    base = child("spacy", args.docs, args.processes)
    ours = child("pipeline", args.docs, args.processes)
    b_rate, o_rate = base["docs"] / base["seconds"], ours["docs"] / ours["seconds"]
    print(f"corpus: {args.docs} documents (bundled examples, fr/en/ar), load time included")
    print(f"bare spaCy nlp.pipe (n_process={args.processes}): {b_rate:7.1f} docs/s  "
          f"peak RSS {max(base['peak_rss_mb'], base['peak_rss_children_mb']):.0f} MB")
    print(f"communique pipeline (1 process):      {o_rate:7.1f} docs/s  peak RSS {ours['peak_rss_mb']:.0f} MB  "
          f"({ours['events']} events)")
    print(f"ratio communique / spaCy: {o_rate / b_rate:.2f}")
    if args.per_language:
        print("\nper language (same measurement, that language's examples only):")
        print(f"{'lang':5} {'spaCy docs/s':>13} {'communique docs/s':>18} {'ratio':>6}")
        for lang in ("fr", "en", "ar"):
            n = max(60, args.docs // 3)
            b, o = child("spacy", n, args.processes, lang), child("pipeline", n, args.processes, lang)
            br, orr = b["docs"] / b["seconds"], o["docs"] / o["seconds"]
            print(f"{lang:5} {br:13.1f} {orr:18.1f} {orr / br:6.2f}")


if __name__ == "__main__":
    main()
