"""False events: sentences about fighting, attacks, protests and arrests (tests/fixtures/negatives, written for
the tests) and the annotated documents without events must give (almost) no occurred event."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import InputError
from communique.negatives import false_events, load_negative_documents, load_negative_sentences

from .conftest import DEVSET, SHARED

NEGATIVES = Path(__file__).parent / "fixtures" / "negatives"
CEILING = 0.015     # issue 10: false events on such sentences stay under 1.5%, in every language
#: annotated documents without events (../shared/annotated and devset) on which the rules report an event,
#: measured when this test was written (most are planned or cancelled visits and sports items): never more
ANNOTATED_CEILING = {"ar": 6, "en": 6, "fr": 7}
ANNOTATED = [d for d in (SHARED / "annotated", DEVSET) if d.exists()]


def test_negatives_sentences_load_per_language(tmp_path):
    (tmp_path / "fr.txt").write_text("# commentaire\nDes soldats ont tiré sur la foule.\n\n", encoding="utf-8")
    (tmp_path / "xx.txt").write_text("not a supported language\n", encoding="utf-8")
    (item,) = load_negative_sentences(tmp_path)
    assert (item.name, item.lang, item.text) == ("fr.txt:2", "fr", "Des soldats ont tiré sur la foule.")
    with pytest.raises(InputError, match="en.txt"):
        load_negative_sentences(tmp_path / "absent")


def test_negatives_fixture_is_large_and_varied():
    items = load_negative_sentences(NEGATIVES)
    for lang in ("fr", "en", "ar"):
        assert sum(i.lang == lang for i in items) >= 150


def _rates(pipeline) -> dict:
    return false_events(load_negative_sentences(NEGATIVES), pipeline)


def test_negatives_rules_give_almost_no_event(pipeline):
    result = _rates(pipeline)
    assert set(result) == {"fr", "en", "ar"}
    over = {lang: r["false_events"] for lang, r in result.items() if r["rate"] >= CEILING}
    assert not over, f"false events at or over {CEILING:.1%}: {over}"


def test_negatives_learned_give_almost_no_event():
    from communique import Pipeline, Settings, load_resources

    result = _rates(Pipeline(load_resources(Settings(event_model="learned"))))
    over = {lang: r["false_events"] for lang, r in result.items() if r["rate"] >= CEILING}
    assert not over, f"false events at or over {CEILING:.1%}: {over}"


@pytest.mark.skipif(not ANNOTATED, reason="../shared/annotated is not beside the checkout")
def test_negatives_annotated_documents_stay_under_their_ceiling(pipeline):
    items = load_negative_documents(ANNOTATED)
    assert items and all(i.lang in ANNOTATED_CEILING for i in items)
    result = false_events(items, pipeline)
    over = {lang: (r["with_event"], [h["item"] for h in r["false_events"]]) for lang, r in result.items()
            if r["with_event"] > ANNOTATED_CEILING[lang]}
    assert not over, f"more annotated negatives with a false event than {ANNOTATED_CEILING}: {over}"
