"""Measure corpus identity: annotated + devset extracted into ONE store, then

- same-event pairs: "these two documents report the same event", the store's merged events
  (``events.corpus_event``) against the gold ``cluster`` keys (as ``communique eval`` scores one folder);
- two-script persons (gold person ids named in Arabic and in Latin script somewhere in the corpus):
  the share whose every found form reaches one corpus actor, and the share for which
  ``communique events --actor FORM`` gives the same (non-empty) events for each of their gold forms;
- romanization: the name shown for such a person (its corpus actor's name) equals one of its Latin
  gold forms; and the romanizer alone (``translit.arabic_to_latin`` of its Arabic name).

    .venv/bin/python bench/identity_eval.py [--db /tmp/identity.duckdb] [--reuse] [--show 10] [--json]

Each document gets its gold ``published`` date, as ``communique eval`` gives it. ``--reuse`` keeps an
existing store (no extraction) and recomputes only its cross-document tables with the current code.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from communique.config import Settings  # noqa: E402
from communique.evaluate import load_gold  # noqa: E402
from communique.textnorm import is_arabic, match_key  # noqa: E402

SHARED = REPO.parent / "shared"


def extract_corpus(items: list[tuple[dict[str, Any], Path]], db: str) -> None:
    """Every document into one store, as a JSONL corpus carrying its gold publication date."""
    from communique.run.local import extract_paths

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for gold, path in items:
                fh.write(json.dumps({"text": path.read_text(encoding="utf-8"), "published": gold.get("published"),
                                     "url": str(path)}, ensure_ascii=False) + "\n")
        extract_paths([str(corpus)], Settings(db=db), quiet=True)


def pair_scores(gold_groups: dict[str, set[str]], pred_groups: dict[str, set[str]]) -> dict[str, Any]:
    def pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
        out = set()
        for docs in groups.values():
            ds = sorted(docs)
            out |= {(a, b) for i, a in enumerate(ds) for b in ds[i + 1:]}
        return out

    g, p = pairs(gold_groups), pairs(pred_groups)
    tp = len(g & p)
    return {"gold": len(g), "predicted": len(p), "p": tp / len(p) if p else 1.0, "r": tp / len(g) if g else 1.0,
            "missed": sorted(g - p), "false": sorted(p - g)}


def mergeable_misses(con: Any, missed: list[tuple[str, str]], doc_of: dict[str, str]) -> list[tuple[str, str]]:
    """The missed pairs merging could join: the two documents have occurred reports of one event family,
    with compatible dates and venues, sharing two parties (corpus actors, with the states and organizations
    the corpus sees them act for). The other misses need extraction (an event, a party, a date or a type
    missing or wrong in one report)."""
    from communique.corpus.merging import FAMILY, dates_compatible

    links = {(d, e): a for d, e, a in con.execute("SELECT doc_id, entity_id, actor_id FROM actor_links").fetchall()}
    acts_for: dict[str, set[str]] = defaultdict(set)
    for a, aff in con.execute("SELECT actor_id, affiliation FROM actor_affiliations").fetchall():
        acts_for[a].add(aff)
    reports: dict[str, list[tuple[str, str | None, str | None, set[str]]]] = defaultdict(list)
    parties: dict[str, set[str]] = defaultdict(set)
    for ev, d, e, aff in con.execute("SELECT e.id, e.doc_id, p.entity_id, p.affiliation FROM events e JOIN "
                                     "event_parties p ON p.event_id = e.id WHERE e.status = 'occurred'").fetchall():
        a = links.get((d, e), e)
        parties[ev] |= {a, *acts_for.get(a, ()), *([links.get((d, aff), aff)] if aff else [])}
    for ev, d, t, date, country in con.execute("SELECT id, doc_id, type, date, country FROM events "
                                               "WHERE status = 'occurred'").fetchall():
        reports[d].append((FAMILY.get(t, t), date, country, parties[ev]))

    def joinable(x: tuple[str, Any, Any, set[str]], y: tuple[str, Any, Any, set[str]]) -> bool:
        return x[0] == y[0] and dates_compatible(x[1], y[1]) and not (x[2] and y[2] and x[2] != y[2]) \
            and len(x[3] & y[3]) >= 2

    return [(a, b) for a, b in missed if any(joinable(x, y) for x in reports.get(doc_of.get(a, ""), [])
                                              for y in reports.get(doc_of.get(b, ""), []))]


def two_script_persons(items: list[tuple[dict[str, Any], Path]]) -> dict[str, dict[str, Any]]:
    """Gold person -> its forms per document, for persons with Arabic and Latin forms. Gold ids are
    surname conventions that two persons may share (person:abbas is Mahmoud Abbas in one document,
    Ahmed Abbas in another): a person is a gold id and a canonical name that same_name keeps apart
    from the id's other canonical names."""
    from communique.translit import SAME_NAME_THRESHOLD, same_name

    persons: dict[str, dict[str, Any]] = defaultdict(lambda: {"docs": defaultdict(set), "canonical": None})
    seen: dict[str, list[str]] = defaultdict(list)         # gold id -> its distinct persons' canonical names
    for gold, _ in items:
        for ent in gold["entities"]:
            if ent["kind"] != "person":
                continue
            canonical = ent.get("canonical") or ""
            same = next((c for c in seen[ent["id"]] if same_name(c, canonical) >= SAME_NAME_THRESHOLD), None)
            if same is None:
                seen[ent["id"]].append(canonical)
                same = canonical
            key = ent["id"] if same == seen[ent["id"]][0] else f"{ent['id']}#{same}"
            persons[key]["canonical"] = same
            persons[key]["docs"][gold["id"]] |= set(ent["forms"])
    out = {}
    for gid, p in persons.items():
        forms = {f for fs in p["docs"].values() for f in fs}
        if any(is_arabic(f) for f in forms) and any(not is_arabic(f) for f in forms):
            out[gid] = p
    return out


def measure(items: list[tuple[dict[str, Any], Path]], db: str, show: int) -> dict[str, Any]:
    from communique.store import open_store
    from communique.translit import arabic_to_latin

    store = open_store(db)
    try:
        con = store.con
        doc_of = {Path(src).stem: d for d, src in con.execute("SELECT id, source FROM documents").fetchall()}
        ents: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
        for d, e, forms in con.execute("SELECT doc_id, entity_id, forms FROM entities").fetchall():
            ents[d].append((e, {match_key(f) for f in json.loads(forms)} - {""}))
        links = {(d, e): a for d, e, a in con.execute("SELECT doc_id, entity_id, actor_id FROM actor_links").fetchall()}
        names = dict(con.execute("SELECT id, name FROM corpus_actors").fetchall())
        name_of_doc = {d: n for n, d in doc_of.items()}
        # same-event pairs
        gold_groups: dict[str, set[str]] = defaultdict(set)
        for gold, _ in items:
            for ev in gold["events"]:
                gold_groups[ev["cluster"]].add(gold["id"])
        pred_groups: dict[str, set[str]] = defaultdict(set)
        for cid, d in con.execute("SELECT corpus_event, doc_id FROM events WHERE status = 'occurred' "
                                  "AND corpus_event IS NOT NULL").fetchall():
            pred_groups[cid].add(name_of_doc.get(d, d))
        pairs = pair_scores(gold_groups, pred_groups)
        pairs["mergeable"] = mergeable_misses(con, pairs["missed"], doc_of)
        persons = two_script_persons(items)
        rows = [person_row(store, gid, p, doc_of, ents, links, names, arabic_to_latin) for gid, p in sorted(persons.items())]
        corpus_spellings(con, rows)
    finally:
        store.close()
    n = len(rows) or 1
    return {
        "pairs": pairs,
        "persons": len(rows),
        "one_actor": sum(r["one_actor"] for r in rows) / n,
        "actor_query_agrees": sum(r["agrees"] for r in rows) / n,
        "both": sum(r["one_actor"] and r["agrees"] for r in rows) / n,
        "display_name_ok": sum(r["display_ok"] for r in rows) / n,
        "romanizer_ok": sum(r["romanized_ok"] for r in rows) / n,
        "romanizer_spellings_ok": sum(r["spelled_ok"] for r in rows) / n,
        "rows": rows,
    }


def person_row(store: Any, gid: str, p: dict[str, Any], doc_of: dict[str, str],
               ents: dict[str, list[tuple[str, set[str]]]], links: dict[tuple[str, str], str],
               names: dict[str, str], romanize: Any) -> dict[str, Any]:
    try:
        from communique.corpus.resolve import actor_query_events
    except ImportError:                   # before `--actor` resolved names to actors: the substring filter
        from communique.store.queries import corpus_events

        def actor_query_events(store: Any, ref: str) -> list[dict[str, Any]]:
            return corpus_events(store.con, actor=ref)

    actors: set[str] = set()
    scripts: set[bool] = set()
    arabic_actors: set[str] = set()
    for doc, forms in p["docs"].items():
        d = doc_of.get(doc)
        for form in forms:
            k = match_key(form)
            hit = next((e for e, keys in ents.get(d, []) if k in keys), None)
            if hit is not None:
                a = links.get((d, hit), hit)
                actors.add(a)
                scripts.add(is_arabic(form))
                if is_arabic(form):
                    arabic_actors.add(a)
    forms = sorted({f for fs in p["docs"].values() for f in fs})
    latin = {match_key(f) for f in forms if not is_arabic(f)} | {match_key(p["canonical"] or "")}
    answers = {}
    for form in forms:
        try:
            answers[form] = frozenset(ev["id"] for ev in actor_query_events(store, form))
        except Exception as exc:          # an ambiguous or unknown name: no answer
            answers[form] = frozenset({f"error: {exc}"})
    agrees = len(set(answers.values())) == 1 and all(not any(x.startswith("error") for x in a) and a
                                                    for a in answers.values())
    arabic = max((f for f in forms if is_arabic(f)), key=lambda f: (len(f.split()), len(f)))
    shown = {names.get(a, a) for a in arabic_actors}
    one_actor = len(actors) == 1 and len(scripts) == 2
    return {"id": gid, "canonical": p["canonical"], "actors": sorted(actors), "one_actor": one_actor,
            "agrees": agrees, "cause": failure_cause(one_actor, agrees, actors, scripts, answers), "answers": {f: sorted(a)[:3] for f, a in answers.items()},
            "shown": sorted(shown), "display_ok": bool(shown) and all(match_key(s) in latin for s in shown),
            "arabic": arabic, "romanized": romanize(arabic), "romanized_ok": match_key(romanize(arabic)) in latin,
            "latin": sorted(latin)}


def failure_cause(one_actor: bool, agrees: bool, actors: set[str], scripts: set[bool],
                  answers: dict[str, frozenset[str]]) -> str | None:
    """Why a two-script person is not one actor with agreeing `--actor` events, the first that applies:
    extraction (a script's forms not found; found as a place or organization; in no occurred report, so
    that no form can show its events), else linking (several person actors) or resolution (one actor,
    but a form resolves elsewhere or to several actors)."""
    if one_actor and agrees:
        return None
    if len(scripts) < 2:
        return "extraction: a script's forms not found"
    if any(not a.startswith("person:") for a in actors):
        return "extraction: found as a place or organization"
    shown = [a for a in answers.values() if not any(x.startswith("error") for x in a)]
    if shown and not any(shown):       # the forms that resolve name an actor of no occurred report
        return "extraction: in no occurred report"
    if len(actors) > 1:
        return "linking: several person actors"
    return "resolution: a form names another actor or several"


def corpus_spellings(con: Any, rows: list[dict[str, Any]]) -> None:
    """Romanize each two-script person's Arabic name with the spellings learned from the OTHER persons
    the store names in both scripts (translit.learn_spellings, leave one person out)."""
    from communique.translit import arabic_to_latin

    try:
        from communique.translit import learn_spellings
    except ImportError:                   # before spellings were learned from the corpus
        for r in rows:
            r["spelled"], r["spelled_ok"] = r["romanized"], r["romanized_ok"]
        return

    pairs: dict[str, tuple[str, str]] = {}
    latin_actors = {a for a, in con.execute("SELECT DISTINCT actor_id FROM actor_forms WHERE script = 'Latn' "
                                            "AND origin = 'document'").fetchall()}
    for a, name, form in con.execute(
            "SELECT a.id, a.name, f.form FROM corpus_actors a JOIN actor_forms f ON f.actor_id = a.id "
            "WHERE a.kind = 'person' AND f.script = 'Arab' AND f.origin = 'document'").fetchall():
        if a in latin_actors and len(form.split()) > len(pairs.get(a, ("",))[0].split()):
            pairs[a] = (form, name)
    for r in rows:
        spellings = learn_spellings(v for a, v in pairs.items() if a not in r["actors"])
        r["spelled"] = arabic_to_latin(r["arabic"], spellings=spellings)
        r["spelled_ok"] = match_key(r["spelled"]) in r["latin"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "identity_eval.duckdb"))
    ap.add_argument("--reuse", action="store_true", help="keep the store; recompute its cross-document tables")
    ap.add_argument("--show", type=int, default=10, help="failures listed per measure")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--shared", default=str(SHARED), help="folder holding annotated/ and devset/")
    args = ap.parse_args()
    items = [it for name in ("annotated", "devset") for it in load_gold(Path(args.shared) / name)]
    db = Path(args.db)
    if args.reuse and db.exists():
        from communique.store import open_store

        from communique.corpus import refresh_corpus

        with open_store(str(db)) as store:
            refresh_corpus(store, full=True)
    else:
        db.unlink(missing_ok=True)
        extract_corpus(items, str(db))
    res = measure(items, str(db), args.show)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1, default=list))
        return
    pr = res["pairs"]
    print(f"{len(items)} documents in one store ({db})")
    print(f"same-event pairs: P {pr['p']:.3f}  R {pr['r']:.3f}  ({pr['predicted']} predicted, {pr['gold']} gold)")
    print(f"two-script persons: {res['persons']}; one actor {res['one_actor']:.2f}; --actor agrees "
          f"{res['actor_query_agrees']:.2f}; both {res['both']:.2f}")
    print(f"romanization: shown name = corpus Latin name {res['display_name_ok']:.2f}; "
          f"romanizer alone {res['romanizer_ok']:.2f}; with the spellings of the corpus's other two-script "
          f"persons {res['romanizer_spellings_ok']:.2f}")
    print(f"missed pairs: {len(pr['missed'])}, of which merging could join {len(pr['mergeable'])} (the others "
          "need extraction: no two occurred reports of one family, compatible dates and venue, two shared parties)")
    print("missed pairs:", pr["missed"][: args.show])
    print("false pairs:", pr["false"][: args.show])
    causes: dict[str, int] = defaultdict(int)
    for r in res["rows"]:
        if r["cause"]:
            causes[r["cause"]] += 1
    print("two-script persons failing, by cause:", dict(sorted(causes.items(), key=lambda kv: -kv[1])))
    for r in [r for r in res["rows"] if not (r["one_actor"] and r["agrees"] and r["display_ok"])][: args.show]:
        print(f"  {r['id']} ({r['cause'] or 'shown name'}): actors {r['actors']} shown {r['shown']} romanized {r['romanized']!r} "
              f"answers {json.dumps(r['answers'], ensure_ascii=False)}")


if __name__ == "__main__":
    main()
