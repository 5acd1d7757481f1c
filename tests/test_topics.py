"""Topic tagger: keywords of the taxonomy on sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.stages.topics import load_topics


@pytest.fixture(scope="module")
def tag():
    return load_topics()


def test_wildcard_keyword_takes_any_word_ending(tag):
    assert "counter-terrorism" in tag("The two ministers discussed terrorists crossing the border.", "en")


def test_whole_word_keyword_does_not_match_inside_a_longer_word(tag):
    assert "cooperation" in tag("They praised the cooperation between the ports.", "en")
    assert "cooperation" not in tag("They praised the cooperationist movement.", "en")
    assert "cooperation" not in tag("They praised the noncooperation movement.", "en")


def test_accents_and_case_are_folded(tag):
    assert "security-cooperation" in tag("Les deux parties ont évoqué la COOPERATION SECURITAIRE.", "fr")


def test_arabic_proclitic_and_article_before_a_keyword(tag):
    assert "counter-terrorism" in tag("وبحث الجانبان جهود مكافحة والإرهاب في المنطقة", "ar")
    assert "cooperation" in tag("وأشاد الوزير بالتعاون بين البلدين", "ar")


def test_topics_come_in_taxonomy_order_and_none_for_other_matters(tag):
    topics = tag("They spoke of cooperation and of terrorism.", "en")
    assert topics.index("counter-terrorism") < topics.index("cooperation")
    assert tag("The weather was mild on Tuesday.", "en") == []
