"""The JSON API of `communique serve`, over HTTP on 127.0.0.1, on a store of the bundled examples."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import httpx
import pytest

from communique.store.browse import EventFilter, list_events
from communique.store.queries import corpus_events
from communique.textnorm import fold

from .conftest import EXAMPLES, needs_pg

TOKEN = {"authorization": "Bearer test-token"}
# written for these tests: invented people, an invented ministry
POSTED_FR = ("Tunis, 14-3-2024 - La ministre de la Recherche, Amélie Vantrois, a reçu mardi à Tunis le directeur "
             "de l'Institut des Marées, Gaspard Olinde. <script>alert('x')</script> "
             "<img src=x onerror=alert(1)> Les deux responsables ont évoqué la coopération scientifique.")


def get(web: str, path: str, **params) -> httpx.Response:
    return httpx.get(web + path, params=params, timeout=30)


def test_serve_api_events_match_corpus_events(web, examples_db):
    """The browse tables hold the records corpus_events builds; their filters, in SQL, keep what the
    definitions say (a report's type counts, dates compare at the filter's precision)."""
    import duckdb

    con = duckdb.connect(str(examples_db), read_only=True)
    try:
        expected = corpus_events(con)
        types = dict(con.execute("SELECT id, type FROM events").fetchall())
        assert list_events(con, EventFilter(limit=None), resolved=False).events == expected
        visits = [e for e in expected if "visit" in {e["type"], *(types[s["event"]] for s in e["sources"])}]
        assert visits and list_events(con, EventFilter(type="visit", limit=None), resolved=False).events == visits
        dated = [e for e in expected if e["date"] and e["date"] >= "2018-09" and e["date"][:7] <= "2019-06"]
        assert dated and list_events(con, EventFilter(since="2018-09", until="2019-06", limit=None),
                                     resolved=False).events == dated
        name = expected[0]["parties"][0]["name"]
        named = list_events(con, EventFilter(actor=name, limit=None), resolved=False).events
        assert expected[0] in named and all(e in expected for e in named) and len(named) < len(expected)
    finally:
        con.close()
    body = get(web, "/api/events", limit=500).json()
    assert body["total"] >= len(expected)
    assert len({e["id"] for e in body["events"]}) == len(body["events"])


def test_serve_api_filters(web):
    every = get(web, "/api/events", limit=500).json()["events"]
    for lang in ("fr", "en", "ar"):
        got = get(web, "/api/events", lang=lang, limit=500).json()["events"]
        assert got and all(any(s["lang"] == lang for s in ev["sources"]) for ev in got)
    visits = get(web, "/api/events", type="visit", limit=500).json()["events"]
    # as `communique events --type`: the merged event's type, or the type one of its reports gave
    assert visits and {e["id"] for e in every if e["type"] == "visit"} <= {e["id"] for e in visits} < {e["id"] for e in every}
    country = next(ev["location"]["country"] for ev in every if ev["location"] and ev["location"]["country"])
    venue = get(web, "/api/events", country=country.lower(), limit=500).json()["events"]
    assert venue and all(ev["location"]["country"] == country for ev in venue)
    dated = sorted(ev["date"] for ev in every if ev["date"] and len(ev["date"]) == 10)
    middle = dated[len(dated) // 2]
    later = get(web, "/api/events", since=middle, limit=500).json()["events"]
    assert later and all(ev["date"] >= middle for ev in later)
    oldest = get(web, "/api/events", sort="-date", limit=1).json()["events"][0]
    assert oldest["date"] is None or oldest["date"] <= dated[0]
    page2 = get(web, "/api/events", limit=5, offset=5).json()
    assert [e["id"] for e in page2["events"]] == [e["id"] for e in every[5:10]]


def test_serve_api_search_folds_arabic_variants_and_french_accents(web):
    every = get(web, "/api/events", limit=500).json()["events"]
    arabic = next(ev for ev in every if any(s["lang"] == "ar" for s in ev["sources"]))
    detail = get(web, f"/api/events/{arabic['id']}").json()
    word = max((w for e in detail["evidence"] for w in e["text"].split() if "ا" in w and len(w) > 4), key=len)
    variant = word.replace("ا", "أ", 1) + "\u064e"          # hamza on the alef and a fatha: folded away
    hits = get(web, "/api/events", q=variant, limit=500).json()["events"]
    assert arabic["id"] in [e["id"] for e in hits]
    french = next(ev for ev in every if any(s["lang"] == "fr" for s in ev["sources"]))
    detail = get(web, f"/api/events/{french['id']}").json()
    word = max((w.strip(".,;:«»()") for e in detail["evidence"] for w in e["text"].split()), key=len)
    hits = get(web, "/api/events", q=word.upper(), limit=500).json()["events"]
    assert french["id"] in [e["id"] for e in hits]
    assert get(web, "/api/events", q="zzqxwv").json()["total"] == 0


def test_serve_api_event_actor_document(web):
    ev = get(web, "/api/events", limit=1).json()["events"][0]
    detail = get(web, f"/api/events/{ev['id']}").json()
    assert detail["evidence"] and detail["evidence"][0]["text"]
    doc = get(web, f"/api/documents/{detail['evidence'][0]['document']}").json()
    e0 = detail["evidence"][0]
    assert doc["text"][e0["start"]:e0["end"]] == e0["text"]
    actor_id = detail["parties"][0]["entity"]
    actor = get(web, f"/api/actors/{actor_id}").json()
    assert actor["id"] == actor_id and ev["id"] in [e["id"] for e in actor["events"]]
    assert actor["aliases"]
    found = get(web, "/api/actors", q=actor["aliases"][0]["form"]).json()["actors"]
    assert actor_id in [a["id"] for a in found]
    net = get(web, "/api/network", actor_id=actor_id).json()
    assert actor_id in [n["id"] for n in net["nodes"]] and net["edges"]
    assert all(e["weight"] >= 1 for e in net["edges"])


def test_serve_api_timeline_counts_dated_events(web):
    every = get(web, "/api/events", limit=500).json()["events"]
    months = get(web, "/api/timeline").json()["counts"]
    assert sum(m["events"] for m in months) == sum(1 for e in every if e["date"] and len(e["date"]) >= 7)
    weeks = get(web, "/api/timeline", unit="week").json()["counts"]
    assert sum(w["events"] for w in weeks) == sum(1 for e in every if e["date"] and len(e["date"]) == 10)


def test_serve_api_downloads_follow_the_filter(web):
    visits = get(web, "/api/events", type="visit", limit=500).json()["events"]
    lines = get(web, "/api/events.jsonl", type="visit").text.splitlines()
    assert [json.loads(x)["id"] for x in lines] == [e["id"] for e in visits]
    rows = list(csv.reader(io.StringIO(get(web, "/api/events.csv", type="visit").text)))
    assert rows[0][0] == "id" and [r[0] for r in rows[1:]] == [e["id"] for e in visits]


@pytest.mark.parametrize("path,params", [
    ("/api/events", {"since": "yesterday"}), ("/api/events", {"type": "lunch"}), ("/api/events", {"limit": 0}),
    ("/api/events", {"limit": 100000}), ("/api/events", {"country": "FRA"}), ("/api/events", {"lang": "de"}),
    ("/api/events", {"sort": "id; DROP TABLE ev"}), ("/api/events", {"q": "x" * 201}),
    ("/api/events", {"offset": -1}), ("/api/network", {"max_edges": 0}), ("/api/timeline", {"unit": "day"}),
    ("/api/events/ce:1' OR '1'='1", {}),
])
def test_serve_api_rejects_bad_parameters(web, path, params):
    r = get(web, path, **params)
    assert r.status_code in (404, 422), r.text
    assert r.json()["detail"]


def test_serve_api_unknown_ids_are_404(web):
    for path in ("/api/events/ce:0000", "/api/actors/person:nobody-here", "/api/documents/sha256:00"):
        r = get(web, path)
        assert r.status_code == 404 and "no " in r.json()["detail"]


def test_serve_api_post_needs_the_token(web):
    body = {"text": POSTED_FR}
    assert httpx.post(web + "/api/documents", json=body).status_code == 401
    assert httpx.post(web + "/api/documents", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
    r = httpx.post(web + "/api/documents", content=b"{}", headers={**TOKEN, "content-type": "application/json"})
    assert r.status_code == 422
    r = httpx.post(web + "/api/documents", content=b"not json", headers={**TOKEN, "content-type": "application/json"})
    assert r.status_code == 400
    r = httpx.post(web + "/api/documents", content=b"x", headers={**TOKEN, "content-type": "image/png"})
    assert r.status_code == 415


def test_serve_api_post_stores_a_document_and_escapes_markup(web):
    before = get(web, "/api/documents").json()["total"]
    r = httpx.post(web + "/api/documents?source=posted_fr.txt", content=POSTED_FR.encode("utf-8"),
                   headers={**TOKEN, "content-type": "text/plain; charset=utf-8"}, timeout=120)
    assert r.status_code == 201, r.text
    doc_id = r.json()["document"]
    assert r.json()["events"] >= 1
    assert get(web, "/api/documents").json()["total"] == before + 1
    again = httpx.post(web + "/api/documents?source=posted_fr.txt", content=POSTED_FR.encode("utf-8"),
                       headers={**TOKEN, "content-type": "text/plain"}, timeout=120)
    assert again.status_code == 200 and again.json()["status"] == "already stored"
    hits = get(web, "/api/events", actor="Vantrois").json()["events"]
    assert hits and any(s["document"] == doc_id for s in hits[0]["sources"])
    page = httpx.get(f"{web}/documents/{doc_id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x onerror" not in page and "onerror=alert(1)" in page


def test_serve_api_post_rejects_empty_text_as_a_reject(web):
    r = httpx.post(web + "/api/documents", json={"text": "Court.", "source": "too_short.txt"}, headers=TOKEN,
                   timeout=60)
    assert r.status_code == 422 and r.json()["status"] == "rejected" and r.json()["stage"]
    rejects = get(web, "/api/documents").json()["rejected"]
    assert any(x["source"] == "too_short.txt" for x in rejects)


def test_serve_api_security_headers_and_body_limit(web):
    r = get(web, "/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    big = httpx.post(web + "/api/documents", content=b"a" * 2_000_001, headers={**TOKEN, "content-type": "text/plain"})
    assert big.status_code == 413
    assert "<script" not in r.text.split("</head>")[1]          # no inline script in the body
    assert " onclick=" not in r.text and " onload=" not in r.text


def test_serve_api_read_only_without_token(examples_db, start_server, tmp_path):
    base = start_server(examples_db, tmp_path)
    r = httpx.post(base + "/api/documents", json={"text": POSTED_FR})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert httpx.get(base + "/api/events").status_code == 200


def test_serve_api_flood_gets_429(examples_db, start_server, tmp_path):
    # one token back every 1,000 s: the burst is spent however slowly this machine answers
    base = start_server(examples_db, tmp_path, rate_per_second=0.001, burst=5)
    codes = [httpx.get(base + "/api/events", params={"limit": 1}).status_code for _ in range(12)]
    assert codes == [200] * 5 + [429] * 7
    r = httpx.get(base + "/api/events")
    assert r.status_code == 429 and r.headers["retry-after"] == "1"


def test_serve_api_openapi_without_cdn(web):
    schema = get(web, "/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}", "/api/network",
            "/api/documents", "/api/documents/{doc_id}"} <= set(schema["paths"])
    docs = get(web, "/docs").text
    assert "/api/events" in docs and "swagger-ui" not in docs and "https://" not in docs


def test_serve_fold_is_the_search_key():
    assert fold("أَحمد") == fold("احمد")


@needs_pg
def test_serve_api_on_postgres_sees_other_writers(pg_url, pipeline, start_server, tmp_path):
    """With --db postgresql://..., serve and extract processes share the server: what another writer
    stores shows up in the API (the browse index is rebuilt when the store changes)."""
    from communique import Settings
    from communique.run.local import extract_paths

    extract_paths([str(EXAMPLES / "fr_006.txt")], Settings(db=pg_url), pipeline=pipeline, quiet=True)
    base = start_server(pg_url, tmp_path, pipeline=pipeline, token="pg-token", recheck_seconds=0.0)
    first = httpx.get(base + "/api/events", params={"limit": 500}).json()
    assert first["total"] >= 1
    extract_paths([str(EXAMPLES / "en_005.txt")], Settings(db=pg_url), pipeline=pipeline, quiet=True)
    second = httpx.get(base + "/api/events", params={"limit": 500}).json()
    assert second["total"] > first["total"]
    assert any(s["lang"] == "en" for ev in second["events"] for s in ev["sources"])
    ev = second["events"][0]
    detail = httpx.get(f"{base}/api/events/{ev['id']}").json()
    assert detail["evidence"]
    doc = httpx.get(f"{base}/api/documents/{detail['evidence'][0]['document']}").json()
    assert doc["text"][detail["evidence"][0]["start"]:detail["evidence"][0]["end"]] == detail["evidence"][0]["text"]
    actor = httpx.get(f"{base}/api/actors/{ev['parties'][0]['entity']}")
    assert actor.status_code == 200 and actor.json()["aliases"]
    r = httpx.post(base + "/api/documents", json={"text": POSTED_FR, "source": "pg_posted.txt"},
                   headers={"authorization": "Bearer pg-token"}, timeout=120)
    assert r.status_code == 201, r.text
    assert httpx.get(base + "/api/events", params={"actor": "Vantrois"}).json()["total"] >= 1


def test_serve_corpus_events_by_ids_equals_the_full_scan(examples_db):
    import duckdb

    con = duckdb.connect(str(examples_db), read_only=True)
    try:
        every = corpus_events(con, include_planned=True)
        picked = [every[0]["id"], every[-1]["id"]]
        assert corpus_events(con, include_planned=True, ids=picked) == [e for e in every if e["id"] in picked]
        assert corpus_events(con, ids=["ce:none"]) == []
    finally:
        con.close()


def test_serve_api_never_answers_500_to_odd_input(web):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    odd = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
    paths = st.sampled_from(["/api/events", "/api/events.csv", "/api/timeline", "/api/actors", "/api/network",
                             "/api/documents", "/", "/network", "/documents"])
    names = st.sampled_from(["q", "actor", "actor_id", "type", "status", "country", "lang", "since", "until",
                             "sort", "limit", "offset", "unit", "kind", "max_edges"])

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(path=paths, params=st.dictionaries(names, odd, max_size=4), ident=odd)
    def check(path: str, params: dict, ident: str) -> None:
        r = httpx.get(web + path, params=params, timeout=30)
        assert r.status_code in (200, 422), (path, params, r.status_code, r.text[:200])
        for base in ("/api/events/", "/api/actors/", "/api/documents/", "/events/", "/actors/", "/documents/"):
            r = httpx.get(web + base + quote(ident, safe=""), timeout=30)
            assert r.status_code < 500, (base, ident, r.status_code)

    check()
