"""A large store for the refresh benchmarks, made from a small one in seconds: every stored document copied
K-1 times under new ids (its id + "~cN"), with its entities, mentions, events, parties, evidence and
fingerprint; the copies are left unrefreshed (the next refresh checks them as near-duplicates and links and
merges them). Extracting 100,000 documents takes an hour on two cores; copying the 10k store of
`bench/scale.py --replay --keep DIR` ten times takes seconds (then a full refresh, minutes).

Run: python bench/copy_store.py SRC DST K [--refresh]     (DST: SRC with K times its documents)
     python bench/copy_store.py --add-new WITH_NEW DST    (store into DST the documents of WITH_NEW it lacks)
This is a benchmark fixture: it writes the DuckDB file's base tables directly (the product's SQL is in
communique/store/)."""

from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # this checkout's communique

#: base table -> its columns rewritten with a copy's suffix (the first one names the document or report)
COPIED = {"documents": ("id",), "entities": ("doc_id",), "mentions": ("doc_id",), "events": ("id", "doc_id"),
          "event_parties": ("event_id",), "evidence": ("event_id",), "fingerprints": ("doc_id",)}

#: columns a refresh writes: a copy starts without them
UNREFRESHED = ("corpus_event", "representative")


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()]


def copy_documents(src: str, dst: str, k: int) -> dict[str, int]:
    """``dst``: ``src`` with each document stored k-1 more times under new ids; returns the row counts."""
    shutil.copy(src, dst)
    con = duckdb.connect(dst)
    for table, ids in COPIED.items():
        columns = _columns(con, table)
        for n in range(1, k):
            select = [f"{c} || '~c{n}'" if c in ids else "NULL" if c in UNREFRESHED else c for c in columns]
            con.execute(f"INSERT INTO {table} SELECT {', '.join(select)} FROM {table} "
                        f"WHERE NOT contains({ids[0]}, '~c')")
    con.execute("CHECKPOINT")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COPIED}
    con.close()
    return counts


def add_new(with_new: str, dst: str) -> int:
    """Store into ``dst`` (unrefreshed) the documents of ``with_new`` that ``dst`` lacks; returns how many."""
    con = duckdb.connect(dst)
    con.execute(f"ATTACH '{with_new}' AS n (READ_ONLY)")
    before = con.execute("SELECT count(*) FROM main.documents").fetchone()[0]
    # the new documents named before any is stored (the documents table is written first)
    con.execute("CREATE TEMP TABLE new_docs AS SELECT id FROM n.documents WHERE id NOT IN (SELECT id FROM main.documents)")
    new_docs = "(SELECT id FROM new_docs)"
    for table, ids in COPIED.items():
        if table in ("event_parties", "evidence"):
            where = f"event_id IN (SELECT id FROM n.events WHERE doc_id IN {new_docs})"
        else:
            where = f"{ids[-1]} IN {new_docs}"
        con.execute(f"INSERT INTO main.{table} SELECT * FROM n.{table} WHERE {where}")
    con.execute("CHECKPOINT")
    added = con.execute("SELECT count(*) FROM main.documents").fetchone()[0] - before
    con.close()
    return added


def main() -> None:
    if sys.argv[1] == "--add-new":
        print(f"{add_new(sys.argv[2], sys.argv[3])} documents added")
        return
    src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(copy_documents(src, dst, k), flush=True)
    if "--refresh" in sys.argv:
        from communique.corpus import refresh_corpus
        from communique.store import open_store

        t, cpu = time.perf_counter(), time.process_time()
        with open_store(dst) as store:
            refresh_corpus(store, full=True)
        print(f"full refresh {time.perf_counter() - t:.1f} s (cpu {time.process_time() - cpu:.1f} s), peak RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
