"""The Arabic NER pipeline shipped in communique/models/ar_ner.

Built by scripts/train_ar_ner.py; see communique/models/ar_ner/TRAINING.md.
"""

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL_DIR = Path(__file__).resolve().parents[1] / "communique" / "models" / "ar_ner"

SENTENCE = (
    "التقى الأمين العام لمنظمة التعاون الإسلامي حسين إبراهيم طه "
    "وزير الخارجية المغربي ناصر بوريطة في الرياض."
)


@pytest.fixture(scope="module")
def nlp():
    if not (MODEL_DIR / "meta.json").is_file():
        pytest.fail(f"model missing: run scripts/train_ar_ner.py to build {MODEL_DIR}")
    return spacy.load(MODEL_DIR)


def ents(doc):
    return {(e.text, e.label_) for e in doc.ents}


def test_meta_and_labels(nlp):
    assert nlp.lang == "ar"
    assert nlp.meta["name"] == "ar_ner"
    labels = set(nlp.get_pipe("ner").labels)
    assert {"PERS", "ORG", "LOC", "OCC"} <= labels
    assert {"PERS", "ORG", "LOC"} <= set(nlp.meta["labels"]["ner"])
    assert nlp.pipe_names[0] == "sentencizer"
    assert "ner" in nlp.pipe_names


def test_example_sentence(nlp):
    found = ents(nlp(SENTENCE))
    assert ("حسين إبراهيم طه", "PERS") in found
    assert ("ناصر بوريطة", "PERS") in found
    assert ("الرياض", "LOC") in found
    assert any(label == "ORG" and "التعاون الإسلامي" in text for text, label in found)
    assert ("وزير الخارجية المغربي", "OCC") in found


def test_sentences_and_pipe(nlp):
    texts = [
        "وصل الوفد إلى القاهرة. هل سيلتقي الرئيس؟ نعم",
        "السطر الأول\nالسطر الثاني",
        SENTENCE,
    ]
    docs = list(nlp.pipe(texts))
    assert [len(list(d.sents)) for d in docs] == [3, 2, 1]
    assert [s.text.strip() for s in docs[0].sents] == ["وصل الوفد إلى القاهرة.", "هل سيلتقي الرئيس؟", "نعم"]
    assert ents(docs[2]) == ents(nlp(SENTENCE))
