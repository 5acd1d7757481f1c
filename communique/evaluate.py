"""Evaluation: pipeline output vs gold annotations (../shared/devset layout) -> per-language scores."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from .errors import InputError
from .records import RawDocument, Rejected
from .textnorm import match_key

__all__ = ["evaluate_dir", "score_document", "same_venue", "DocScore", "format_table", "BANDS", "gold_ids_of"]

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))
CONFIDENT = 0.8     # "confidence means something": precision of the events at or above it


@dataclass
class DocScore:
    """Counts for one document; summed per language by `aggregate`."""

    doc: str
    lang: str
    ent_tp_pred: int = 0
    ent_pred: int = 0
    ent_tp_gold: int = 0
    ent_gold: int = 0
    variant_total: int = 0
    variant_merged: int = 0
    ev_tp: int = 0
    ev_pred: int = 0
    ev_gold: int = 0
    party_tp: int = 0
    party_pred: int = 0
    party_gold: int = 0
    type_ok: int = 0
    family_ok: int = 0
    date_total: int = 0
    date_ok: int = 0
    loc_total: int = 0
    loc_ok: int = 0
    evidence_bad: int = 0
    bands: dict[str, list[int]] = field(default_factory=dict)   # band -> [correct, total]
    confident: int = 0          # occurred events with confidence >= CONFIDENT
    confident_ok: int = 0       # ... of them matched to gold
    matched: set[int] = field(default_factory=set)   # indices of the occurred predicted events matched to gold
    pairs: list[tuple[int, int]] = field(default_factory=list)   # (occurred predicted event, gold event) matched
    errors: list[str] = field(default_factory=list)


def _keys(forms: list[str]) -> set[str]:
    return {k for k in (match_key(f) for f in forms) if k}


def gold_ids_of(pred_entity: dict[str, Any] | None, gold_entities: list[dict[str, Any]]) -> set[str]:
    if pred_entity is None:
        return set()
    keys = _keys(pred_entity["forms"])
    return {g["id"] for g in gold_entities if keys & _keys(g["forms"])}


_FAMILY = {"meet": "meet", "visit": "meet"}


def score_document(record: dict[str, Any], gold: dict[str, Any]) -> DocScore:
    """Apply the matching rules of SCHEMA.md to one document record and its gold annotation."""
    s = DocScore(doc=gold["id"], lang=gold["lang"])
    gents = gold["entities"]
    pents = record.get("entities", [])
    _score_entities(s, pents, gents)
    # events (occurred only)
    pevs = [e for e in record.get("events", []) if e.get("status", "occurred") == "occurred"]
    gevs = gold["events"]
    s.ev_pred, s.ev_gold = len(pevs), len(gevs)
    s.evidence_bad = _bad_evidence(pevs, record["document"].get("text", ""))
    matches = _match_events(pevs, gevs, {e["id"]: e for e in pents}, gents)
    s.ev_tp = len(matches)
    for i, j, c in matches:
        _score_matched_event(s, pevs[i], gevs[j], c)
    s.pairs = sorted((i, j) for i, j, _ in matches)
    s.matched = {i for i, _, _ in matches}
    _score_confidence(s, pevs)
    used_g = {j for _, j, _ in matches}
    for j, gev in enumerate(gevs):
        if j not in used_g:
            s.errors.append("missed event " + gev["type"] + " " + ",".join(p["id"] for p in gev["parties"]))
    return s


def _score_entities(s: DocScore, pents: list[dict[str, Any]], gents: list[dict[str, Any]]) -> None:
    """Entity precision and recall counts, and the variant merge rate."""
    s.ent_pred, s.ent_gold = len(pents), len(gents)
    matched_gold: set[str] = set()
    for e in pents:
        ids = gold_ids_of(e, gents)
        if ids:
            s.ent_tp_pred += 1
            matched_gold |= ids
    s.ent_tp_gold = len(matched_gold)
    for g in gents:
        gkeys = _keys(g["forms"])
        if len(gkeys) >= 2:
            s.variant_total += 1
            if any(len(_keys(e["forms"]) & gkeys) >= 2 for e in pents):
                s.variant_merged += 1


def _bad_evidence(pevs: list[dict[str, Any]], text: str) -> int:
    """Evidence spans that are not the text at their offsets, or lone ones without the trigger."""
    bad = 0
    for ev in pevs:
        for evid in ev["evidence"]:
            if text[evid["start"]: evid["end"]] != evid["text"] or (
                    ev.get("trigger") and ev["trigger"] not in evid["text"] and len(ev["evidence"]) == 1):
                bad += 1
    return bad


def _match_events(pevs: list[dict[str, Any]], gevs: list[dict[str, Any]], by_id: dict[str, dict[str, Any]],
                  gents: list[dict[str, Any]]) -> list[tuple[int, int, set[str]]]:
    """One-to-one (predicted, gold, covered gold parties) matches: the most gold parties covered first; ties
    go to the same type family, then the same type (a visit to the visit, the meeting held during it to the
    meeting), then a compatible date, then the nearer position."""
    covered_ids = []
    for ev in pevs:
        pids: set[str] = set()
        for p in ev["parties"]:
            pids |= gold_ids_of(by_id.get(p["entity"]), gents)
            pids |= gold_ids_of(by_id.get(p.get("affiliation") or ""), gents)
        covered_ids.append(pids)
    pairs = []
    for i, ev in enumerate(pevs):
        for j, gev in enumerate(gevs):
            c = {gp["id"] for gp in gev["parties"] if gp["id"] in covered_ids[i]}
            need = min(2, len(gev["parties"]))
            if len(c) >= need and need > 0:
                same_type = _FAMILY.get(ev["type"], ev["type"]) == _FAMILY.get(gev["type"], gev["type"])
                pd, gd = ev.get("date") or "", gev.get("date") or ""
                same_date = bool(pd and gd and (pd.startswith(gd) or gd.startswith(pd)))
                pairs.append((len(c), same_type, ev["type"] == gev["type"], same_date, -abs(i - j), i, j, c))
    pairs.sort(key=lambda x: x[:7], reverse=True)
    used_p, used_g = set(), set()
    matches = []
    for *_, i, j, c in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matches.append((i, j, c))
    return matches


def _score_matched_event(s: DocScore, ev: dict[str, Any], gev: dict[str, Any], covered: set[str]) -> None:
    """Parties, type, date and venue of one matched event."""
    s.party_tp += len(covered)
    s.party_pred += len(ev["parties"])
    s.party_gold += len(gev["parties"])
    s.type_ok += ev["type"] == gev["type"]
    s.family_ok += _FAMILY.get(ev["type"], ev["type"]) == _FAMILY.get(gev["type"], gev["type"])
    if gev.get("date"):
        s.date_total += 1
        pd = ev.get("date") or ""
        if pd.startswith(gev["date"]) and len(pd) >= len(gev["date"]):
            s.date_ok += 1
        else:
            s.errors.append(f"date {pd or None} != {gev['date']}")
    gloc = gev.get("location")
    if gloc:
        s.loc_total += 1
        ploc = ev.get("location") or {}
        if same_venue(ploc, gloc):
            s.loc_ok += 1
        else:
            s.errors.append(f"location {ploc.get('name')} != {gloc.get('name')}")


def _score_confidence(s: DocScore, pevs: list[dict[str, Any]]) -> None:
    """Matched and total events per confidence band and above CONFIDENT; every unmatched one as an error."""
    for i, ev in enumerate(pevs):
        band = next(f"{lo:.2f}-{min(hi, 1):.2f}" for lo, hi in BANDS if lo <= ev["confidence"] < hi)
        s.bands.setdefault(band, [0, 0])
        s.bands[band][1] += 1
        s.bands[band][0] += i in s.matched
        if ev["confidence"] >= CONFIDENT:
            s.confident += 1
            s.confident_ok += i in s.matched
        if i not in s.matched:
            s.errors.append("extra event " + ev["type"] + " " + ",".join(p["entity"] for p in ev["parties"]))


def same_venue(predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    """SCHEMA.md: the venue name contains or is contained in the gold name; or, when no name is
    predicted, the same country."""
    pn, gn = (predicted.get("name") or "").casefold(), (gold.get("name") or "").casefold()
    return bool(pn and gn and (pn in gn or gn in pn)) or (not pn and predicted.get("country") == gold.get("country"))


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 1.0
    r = tp_g / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def aggregate(scores: list[DocScore]) -> dict[str, Any]:
    """Sum document counts into P/R/F1 and accuracies (micro), plus the per-document event F1 mean."""
    t = DocScore(doc="*", lang="*")
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in scores:
        for name in t.__dataclass_fields__:
            if isinstance(getattr(t, name), int):
                setattr(t, name, getattr(t, name) + getattr(s, name))
        for b, (c, n) in s.bands.items():
            bands[b][0] += c
            bands[b][1] += n
    macro = [(_prf(s.ev_tp, s.ev_pred, s.ev_tp, s.ev_gold)["f1"]) for s in scores]
    return {
        "documents": len(scores),
        "entity": _prf(t.ent_tp_pred, t.ent_pred, t.ent_tp_gold, t.ent_gold),
        "variant_merge": _ratio(t.variant_merged, t.variant_total),
        "event": _prf(t.ev_tp, t.ev_pred, t.ev_tp, t.ev_gold),
        "event_macro_f1": round(sum(macro) / len(macro), 3) if macro else None,
        "party": _prf(t.party_tp, t.party_pred, t.party_tp, t.party_gold),
        "type_accuracy": _ratio(t.type_ok, t.ev_tp),
        "type_family_accuracy": _ratio(t.family_ok, t.ev_tp),
        "date_accuracy": _ratio(t.date_ok, t.date_total),
        "location_accuracy": _ratio(t.loc_ok, t.loc_total),
        "evidence_errors": t.evidence_bad,
        "confidence_bands": {b: {"precision": _ratio(c, n), "events": n} for b, (c, n) in sorted(bands.items())},
        "confident": {"threshold": CONFIDENT, "precision": _ratio(t.confident_ok, t.confident), "events": t.confident},
        "counts": {"events_gold": t.ev_gold, "events_pred": t.ev_pred, "events_matched": t.ev_tp},
    }


def load_gold(directory: Path) -> list[tuple[dict[str, Any], Path]]:
    gold_dir, docs_dir = directory / "gold", directory / "docs"
    if not gold_dir.is_dir() or not docs_dir.is_dir():
        raise InputError(f"{directory} must hold docs/ and gold/ folders (the layout of ../shared/devset)")
    out = []
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        docs = sorted(docs_dir.glob(gpath.stem + ".*"))
        if docs:
            out.append((gold, docs[0]))
    return out


def evaluate_dir(directory: str | Path | Sequence[str | Path], pipeline: Any) -> dict[str, Any]:
    """Run the pipeline on DIR/docs of one or more folders, read as one corpus, and score against DIR/gold,
    per language, per folder ("set") and overall. The gold file's `published` is given to the pipeline
    as the document's publication date, as a corpus with a date field would."""
    from .export import document_record

    dirs = [directory] if isinstance(directory, (str, Path)) else list(directory)
    named = [(Path(d).name, gold, path) for d in dirs for gold, path in load_gold(Path(d))]
    items = [(gold, path) for _, gold, path in named]
    set_of = {str(path): name for name, _, path in named}
    raws = [RawDocument(source=str(path), content=path.read_bytes(), published=gold.get("published"))
            for gold, path in items]
    scores: list[DocScore] = []
    records: dict[str, dict[str, Any]] = {}
    rejected = []
    # the pipeline yields rejects at once and parsed documents in batches: match results by source
    results = {(r.source if isinstance(r, Rejected) else r.document.source): r for r in pipeline.run(raws)}
    by_set: dict[str, list[DocScore]] = defaultdict(list)
    for gold, path in items:
        result = results[str(path)]
        if isinstance(result, Rejected):
            rejected.append({"source": result.source, "stage": result.stage, "reason": result.reason})
            record: dict[str, Any] = {"document": {"text": ""}, "entities": [], "events": []}
        else:
            record = document_record(result)
        records[gold["id"]] = record
        scores.append(score_document(record, gold))
        by_set[set_of[str(path)]].append(scores[-1])
    by_lang: dict[str, list[DocScore]] = defaultdict(list)
    for s in scores:
        by_lang[s.lang].append(s)
    result: dict[str, Any] = {"languages": {lang: aggregate(v) for lang, v in sorted(by_lang.items())},
                              "all": aggregate(scores), "rejected": rejected}
    if len(by_set) > 1:
        result["sets"] = {name: aggregate(v) for name, v in sorted(by_set.items())}
    result["corpus"] = _corpus_pairs(items, records)
    result["linking"] = _linking(items, records)
    result["documents"] = {s.doc: s.errors for s in scores if s.errors}
    return result


def _corpus_pairs(items: list[tuple[dict[str, Any], Path]], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Pairwise 'these two documents report the same event': gold clusters vs cross-document merging."""
    from .corpus.report_keys import merge_corpus

    gold_pairs: set[tuple[str, str]] = set()
    clusters: dict[str, set[str]] = defaultdict(set)
    for gold, _ in items:
        for ev in gold["events"]:
            clusters[ev["cluster"]].add(gold["id"])
    for docs in clusters.values():
        ds = sorted(docs)
        gold_pairs |= {(a, b) for i, a in enumerate(ds) for b in ds[i + 1:]}
    merged = merge_corpus([(doc_id, rec) for doc_id, rec in records.items()])
    pred_pairs: set[tuple[str, str]] = set()
    for group in merged:
        ds = sorted({src for src in group})
        pred_pairs |= {(a, b) for i, a in enumerate(ds) for b in ds[i + 1:]}
    tp = len(gold_pairs & pred_pairs)
    return {"pairs_gold": len(gold_pairs), "pairs_pred": len(pred_pairs), **_prf(tp, len(pred_pairs), tp, len(gold_pairs))}


def corpus_actor_links(records: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Corpus actor of every predicted entity of document records (keyed by document name):
    persons linked across documents by communique.corpus.persons, others keep their ids."""
    from .corpus.persons import Sighting, link_persons

    sightings = []
    for doc, rec in records.items():
        ents = {e["id"]: e for e in rec.get("entities", [])}
        for e in rec.get("entities", []):
            if e["kind"] != "person":
                continue
            aff = ents.get(e.get("affiliation") or "")
            sightings.append(Sighting(
                doc_id=doc, entity_id=e["id"], name=e["name"], forms=tuple(e["forms"]), titles=tuple(e["titles"]),
                affiliation=e.get("affiliation"),
                affiliation_kind=aff["kind"] if aff and aff["kind"] in ("state", "organization") else None,
                affiliation_name=aff["name"] if aff else None))
    links = link_persons(sightings)
    for doc, rec in records.items():
        for e in rec.get("entities", []):
            links.setdefault((doc, e["id"]), e["id"])
    return links


def _linking(items: list[tuple[dict[str, Any], Path]], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Do all forms of one gold entity, in every document and language, reach one corpus actor?

    Units are (gold id, document, form) for each gold form found among a predicted entity's forms
    (the matching rules of SCHEMA.md). A unit is right when its actor is the one most of that gold
    id's units reach and no other gold id's units reach it."""
    links = corpus_actor_links(records)
    units: dict[tuple[str, str, str], tuple[str, str, str | None]] = {}   # -> (kind, lang, actor)
    for gold, _ in items:
        rec = records[gold["id"]]
        pents = rec.get("entities", [])
        for g in gold["entities"]:
            for form in g["forms"]:
                k = match_key(form)
                if not k or (g["id"], gold["id"], k) in units:
                    continue
                pe = next((e for e in pents if k in _keys(e["forms"])), None)
                units[(g["id"], gold["id"], k)] = (g["kind"], gold["lang"],
                                                   links[(gold["id"], pe["id"])] if pe else None)
    by_gold: dict[str, list[str]] = defaultdict(list)
    golds_of_actor: dict[str, set[str]] = defaultdict(set)
    for (gid, _, _), (_, _, actor) in units.items():
        if actor is not None:
            by_gold[gid].append(actor)
            golds_of_actor[actor].add(gid)
    major = {gid: max(sorted(set(acts)), key=acts.count) for gid, acts in by_gold.items()}

    def right(gid: str, actor: str | None) -> bool:
        return actor is not None and actor == major[gid] and golds_of_actor[actor] == {gid}

    def summary(kinds: set[str] | None) -> dict[str, Any]:
        sel = [(gid, a) for (gid, _, _), (kind, _, a) in units.items() if kinds is None or kind in kinds]
        found = [(gid, a) for gid, a in sel if a is not None]
        ok = sum(right(gid, a) for gid, a in found)
        return {"forms": len(sel), "found": len(found), "right": ok, "accuracy": _ratio(ok, len(found))}

    def spread(key: int) -> dict[str, Any]:
        seen: dict[str, set[str]] = defaultdict(set)
        for (gid, doc, _), (_, lang, a) in units.items():
            if a is not None:
                seen[gid].add(doc if key == 0 else lang)
        multi = [gid for gid, where in seen.items() if len(where) >= 2]
        one = [gid for gid in multi if len(set(by_gold[gid])) == 1 and golds_of_actor[by_gold[gid][0]] == {gid}]
        return {"gold_actors": len(multi), "one_actor": len(one)}

    errors = sorted(f"{gid}: {len(set(acts))} actors ({', '.join(sorted(set(acts)))})"
                    for gid, acts in by_gold.items() if len(set(acts)) > 1)
    errors += sorted(f"{a}: {len(gids)} gold entities ({', '.join(sorted(gids))})"
                     for a, gids in golds_of_actor.items() if len(gids) > 1)
    return {**summary(None), "persons": summary({"person"}), "cross_document": spread(0),
            "cross_language": spread(1), "errors": errors}


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of the main figures per language."""
    cols = ["lang", "docs", "ent F1", "variants", "event P", "event R", "event F1", "ev F1/doc", "party F1",
            "type", "date", "venue"]
    rows = []
    sets = [(f"set {name}", r) for name, r in result.get("sets", {}).items()]
    for lang, r in list(result["languages"].items()) + sets + [("all", result["all"])]:
        def f(x: Any) -> str:
            return "-" if x is None else f"{x:.2f}"
        rows.append([lang, str(r["documents"]), f(r["entity"]["f1"]), f(r["variant_merge"]), f(r["event"]["p"]),
                     f(r["event"]["r"]), f(r["event"]["f1"]), f(r["event_macro_f1"]), f(r["party"]["f1"]),
                     f(r["type_accuracy"]), f(r["date_accuracy"]), f(r["location_accuracy"])])
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in rows]
    c = result["corpus"]
    lines.append(f"corpus same-event pairs: P {c['p']:.2f}  R {c['r']:.2f}  F1 {c['f1']:.2f} "
                 f"({c['pairs_pred']} predicted, {c['pairs_gold']} gold)")
    lk = result.get("linking")
    if lk:
        def r(x: Any) -> str:
            return "-" if x is None else f"{x:.2f}"
        lines.append(f"linking: {r(lk['accuracy'])} of {lk['found']} found gold forms reach the right actor "
                     f"(persons {r(lk['persons']['accuracy'])}, n={lk['persons']['found']}); one actor for "
                     f"{lk['cross_document']['one_actor']}/{lk['cross_document']['gold_actors']} cross-document and "
                     f"{lk['cross_language']['one_actor']}/{lk['cross_language']['gold_actors']} cross-language "
                     "gold actors")
    bands = result["all"]["confidence_bands"]
    conf = result["all"]["confident"]
    lines.append("precision by confidence: " + ", ".join(
        f"{b}: {v['precision'] if v['precision'] is not None else '-'} (n={v['events']})" for b, v in bands.items())
        + f"; at >= {conf['threshold']}: {conf['precision'] if conf['precision'] is not None else '-'} (n={conf['events']})")
    return "\n".join(lines)
