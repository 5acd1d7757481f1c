"""Folding and normalization properties (hypothesis) and the matching keys of SCHEMA.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.records import RawDocument
from communique.stages.normalize import content_id, normalize
from communique.textnorm import fold, match_key


def test_textnorm_match_key_examples():
    assert match_key("M. Nasser Bourita") == match_key("Nasser Bourita")
    assert match_key("للتحالف الإسلامي العسكري لمحاربة الإرهاب") == match_key("التحالف الإسلامي العسكري لمحاربة الإرهاب")
    assert match_key("Secrétaire-Général") == "secretaire general"
    assert match_key("Haji Awang Halbi bin Haji Mohammad Yussof") == "halbi bin haji mohammad yussof"


@given(st.text(max_size=80))
def test_textnorm_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=30, max_size=400))
def test_normalize_never_raises_and_ids_follow_text(text):
    doc = normalize(RawDocument(source="x.txt", content=text.encode("utf-8", "surrogatepass")),
                    find_date_line=lambda line: None, is_place=lambda name: False)
    if hasattr(doc, "stage"):
        assert doc.stage == "normalize" and doc.reason
    else:
        assert doc.id == content_id(doc.text)
        assert doc.title is None or doc.text.startswith(doc.title)


def test_dates_parse_date_string_falls_back_on_dateparser_for_complete_dates_only():
    from communique.stages.dates import parse_date_string

    assert parse_date_string("25 Sept. 2016", "en").value == "2016-09-25"
    assert parse_date_string("12 ans", "fr") is None           # a duration, not a date
    assert parse_date_string("lundi sa maison", "fr") is None  # the 'sa' trap of search_dates


@pytest.mark.parametrize("line, is_date", [
    ("Thursday, 23 May 2024 - 10:30 GMT", True),
    ("Mis à jour le 3 janv. 2025", True),
    ("23 Sept. 2024", True),
    ("17 ذو القعدة 1445 هـ", True),
    ("Photo: 23 May 2024", False),             # a word no date line holds
    ("(copy 12)", False),
    ("Room 12, second floor", False),
])
def test_normalize_date_lines_are_read_only_when_every_word_may_be_a_date_word(line, is_date):
    from communique.stages.dates import find_dates
    from communique.stages.dates_ar import find_dates_ar
    from communique.stages.normalize import is_date_line

    def finder(lang):
        return (lambda text: find_dates_ar(text, None)) if lang == "ar" else (lambda text: find_dates(text, lang, None))

    assert any(is_date_line(line, lang, finder(lang)) for lang in ("en", "fr", "ar")) is is_date
