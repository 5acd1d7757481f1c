"""stages.nlp: long texts parsed in chunks with whole-text offsets; a document spaCy fails on becomes a
Rejected record while the rest of its batch is parsed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.records import Document, Extraction, RawDocument, Rejected
from communique.stages.nlp import ModelSet, parse, split_text

SENTENCE = "The Minister of Trade, Omar Dalil, met the Ambassador of Norway, Paul Verner, in Rabat on 3 March 2024. "


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=5, max_value=60))
@settings(max_examples=200, deadline=None)
def test_nlp_split_text_covers_the_text_in_bounded_spans(text, limit):
    spans = split_text(text, limit)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= limit for s, e in spans) or text == ""
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_nlp_split_text_prefers_paragraphs_then_sentences():
    text = "a" * 60 + ". " + "b" * 30 + "\n\n" + "c" * 50
    assert split_text(text, 100) == [(0, 94), (94, len(text))]       # after the blank line
    text = "a" * 60 + ". " + "b" * 60
    assert split_text(text, 100) == [(0, 62), (62, 122)]             # after the sentence end
    assert split_text("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]   # no boundary: cut where it stands


def test_nlp_parse_long_text_keeps_whole_text_offsets():
    """Longer than spaCy's max_length (1,000,000): parsed in chunks, joined, entities index the whole text."""
    models = ModelSet()
    text = (SENTENCE * 30 + "\n\n") * 340
    assert len(text) > models.get("en").max_length
    doc = Document(id="sha256:long", source="long.txt", text=text, lang="en")
    [(_, sdoc)] = list(parse([doc], models))
    assert sdoc.text == text
    ents = [e for e in sdoc.ents if e.text == "Paul Verner"]
    assert len(ents) > 9000
    assert all(text[e.start_char:e.end_char] == "Paul Verner" for e in ents)
    assert ents[-1].start_char > 1_000_000


@pytest.fixture(scope="module")
def failing_models():
    """Real English pipelines with one more component that raises on a marker word: a bug met on one
    document inside nlp.pipe."""
    from spacy.language import Language

    @Language.component("fails_on_marker")
    def fails_on_marker(doc):
        if "XYZZY" in doc.text:
            raise ValueError("the component met XYZZY")
        return doc

    models = ModelSet()
    models.get("en").add_pipe("fails_on_marker")
    return models


def test_nlp_one_failing_document_is_rejected_the_batch_goes_on(failing_models):
    docs = [Document(id=f"sha256:{i}", source=f"d{i}.txt", text=t, lang="en")
            for i, t in enumerate([SENTENCE, SENTENCE + "XYZZY", SENTENCE * 2])]
    out = list(parse(docs, failing_models))
    assert [d.source for d, _ in out] == ["d0.txt", "d1.txt", "d2.txt"]
    assert out[1][1] == Rejected("d1.txt", "nlp", "internal error: ValueError: the component met XYZZY", "sha256:1")
    assert [e.text for e in out[0][1].ents if e.label_ == "PERSON"] == ["Omar Dalil", "Paul Verner"]
    assert out[2][1].text == SENTENCE * 2


def test_nlp_pipeline_rejects_only_the_failing_document(pipeline, failing_models):
    from communique.pipeline import Pipeline

    broken = Pipeline(replace(pipeline.res, models=failing_models))
    raws = [RawDocument(f"r{i}.txt", t) for i, t in enumerate([SENTENCE * 2, SENTENCE + "XYZZY " + SENTENCE])]
    first, second = broken.run(raws)
    assert isinstance(first, Extraction) and first.events
    assert isinstance(second, Rejected) and (second.stage, second.source) == ("nlp", "r1.txt")


def test_nlp_long_document_analyzed_in_sections_with_whole_text_offsets(pipeline):
    """Over SECTION_CHARS: the stages see sections; every offset they give indexes the whole text."""
    from communique.stages.sections import SECTION_CHARS

    text = "\n\n".join(f"RABAT, {d} March 2024 - " + SENTENCE * 3 for d in range(1, 29)) * 7
    assert len(text) > 2 * SECTION_CHARS
    [ex] = pipeline.run([RawDocument("long.txt", text)])
    assert isinstance(ex, Extraction)
    doc_text = ex.document.text
    mentions = [m for ent in ex.entities for m in ent.mentions]
    assert max(m.start for m in mentions) > 2 * SECTION_CHARS
    assert all(doc_text[m.start:m.end] == m.form for m in mentions)
    evidence = [e for ev in ex.events for e in ev.evidence]
    assert max(e.start for e in evidence) > 2 * SECTION_CHARS
    assert all(doc_text[e.start:e.end] == e.text for e in evidence)
    assert len({ev.id for ev in ex.events}) == len(ex.events)
    assert len([e for e in ex.entities if e.name == "Paul Verner"]) == 1       # one entity across sections


def test_nlp_model_set_loads_the_arabic_pipeline_the_settings_name(tmp_path):
    """Settings.ar_model: another Arabic pipeline folder is loaded in place of the shipped one; a folder
    that holds none fails with a message that names the setting's use."""
    import spacy

    from communique.config import Settings
    from communique.errors import InputError
    from communique.pipeline import load_resources

    other = spacy.blank("ar")
    other.add_pipe("sentencizer")
    other.meta["name"] = "other_ar"
    other.to_disk(tmp_path / "other")
    assert load_resources(Settings(ar_model=str(tmp_path / "other"))).models.get("ar").meta["name"] == "other_ar"
    assert ModelSet().get("ar").meta["name"] == "ar_ner"
    with pytest.raises(InputError, match="train_ar_ner.py --out"):
        ModelSet({"ar": str(tmp_path / "missing")}).get("ar")


@pytest.mark.parametrize("lang, text, verbs", [
    ("en", "The minister met the envoy on Monday and said that the talks would continue.",
     ["met", "said", "would", "continue"]),
    ("fr", "La ministre a reçu l'envoyé lundi et a déclaré que les discussions allaient continuer.",
     ["a", "reçu", "a", "déclaré", "allaient", "continuer"]),
])
def test_nlp_verbs_are_read_without_the_attribute_ruler(pipeline, lang, text, verbs):
    """The pipelines load without their attribute ruler (speed); the verbs the title rules need still come from
    the English tagger's Penn tags and the French morphologizer."""
    from communique.stages.mentions import _tokens_and_verbs

    nlp = pipeline.res.models.get(lang)
    assert "attribute_ruler" not in nlp.pipe_names
    tokens, verb_spans = _tokens_and_verbs(nlp(text))
    assert [text[s:e] for s, e in verb_spans] == verbs
    assert len(tokens) == len(text.replace("'", " ").split()) + 1       # every token, the final full stop too
