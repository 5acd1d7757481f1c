"""Service safety pieces on their own: the token bucket, the token check, evidence and mention marks."""

from __future__ import annotations

from communique.serve.guard import TokenBuckets, token_matches
from communique.serve.marks import fill_periods, mark_text, timeline_bars


def test_serve_guard_bucket_allows_a_burst_then_refills_at_the_rate():
    buckets = TokenBuckets(rate=2.0, burst=3)
    assert [buckets.allow("10.0.0.1", now=100.0) for _ in range(4)] == [True, True, True, False]
    assert buckets.allow("10.0.0.2", now=100.0)              # another client has its own bucket
    assert buckets.allow("10.0.0.1", now=100.5)               # 0.5 s at 2/s: one token back
    assert not buckets.allow("10.0.0.1", now=100.5)
    assert [buckets.allow("10.0.0.1", now=200.0) for _ in range(4)] == [True, True, True, False]  # capped at burst


def test_serve_guard_bucket_memory_is_bounded():
    buckets = TokenBuckets(rate=1.0, burst=1, max_keys=10)
    for i in range(50):
        assert buckets.allow(f"10.0.1.{i}", now=1.0)
    assert len(buckets._buckets) <= 10


def test_serve_guard_token_needs_an_exact_match_and_a_configured_token():
    assert token_matches("s3cret-token", "s3cret-token")
    assert not token_matches("s3cret-tokem", "s3cret-token")
    assert not token_matches("", "s3cret-token")
    assert not token_matches(None, "s3cret-token")
    assert not token_matches("anything", None)
    assert not token_matches("", "")


def test_serve_marks_cut_text_at_every_span_and_keep_all_text():
    text = "Le ministre Jean Valcour a reçu la déléguée. Fin."
    mentions = [{"start": 12, "end": 24, "kind": "person", "name": "Jean Valcour"}]
    evidence = [{"start": 0, "end": 44}]
    segments = mark_text(text, mentions, evidence, focus={(0, 44)})
    assert "".join(s.text for s in segments) == text
    person = next(s for s in segments if "ent-person" in s.classes)
    assert person.text == "Jean Valcour" and person.evidence and person.title == "Jean Valcour"
    assert [s.anchor for s in segments].count(True) == 1 and segments[0].anchor
    assert segments[-1].text == " Fin." and segments[-1].classes == ()


def test_serve_marks_ignore_spans_outside_the_text():
    segments = mark_text("court", [{"start": 3, "end": 99, "kind": "person"}], [{"start": -1, "end": 2}])
    assert [(s.text, s.classes) for s in segments] == [("court", ())]


def test_serve_timeline_bars_scale_to_the_peak():
    chart = timeline_bars([("2024-01", 2), ("2024-02", 4)], width=100, height=120)
    assert [b["n"] for b in chart["bars"]] == [2, 4]
    assert chart["bars"][1]["h"] == 100 and chart["bars"][0]["h"] == 50
    assert timeline_bars([])["bars"] == []


def test_serve_fill_periods_adds_the_empty_months_and_weeks():
    assert fill_periods([("2023-11", 2), ("2024-02", 1)], "month") == [
        ("2023-11", 2), ("2023-12", 0), ("2024-01", 0), ("2024-02", 1)]
    assert fill_periods([("2020-W52", 1), ("2021-W02", 3)], "week") == [
        ("2020-W52", 1), ("2020-W53", 0), ("2021-W01", 0), ("2021-W02", 3)]
    wide = [("1900-01", 1), ("2024-01", 1)]
    assert fill_periods(wide, "month") == wide          # a century of empty months is not drawn
    assert fill_periods([("2024-01", 5)], "month") == [("2024-01", 5)]
