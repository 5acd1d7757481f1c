"""Normalization: the dateline read at the start of the text, on documents written for these tests."""

from __future__ import annotations

from communique.records import Document
from communique.stages.normalize import read_dateline

_PLACES = {"lome", "niamey", "cairo"}


def _read(text: str, lang: str = "en") -> Document:
    title = text.split("\n")[0]
    doc = Document(id="sha256:t", source="t.txt", text=text, lang=lang, title=title, title_span=(0, len(title)))
    return read_dateline(doc, lambda s: s.lower() in _PLACES)


def test_normalize_dateline_after_the_headline():
    doc = _read("Envoy meets minister\n\nLOME, 3 March 2031 (TNA) - Envoy Lina Varo met minister Tom Ekel.")
    assert (doc.dateline_place, doc.dateline_date) == ("LOME", "2031-03-03")


def test_normalize_dateline_that_opens_a_text_without_headline():
    doc = _read("NIAMEY, 12 Avril (ANP) -- Lundi, le ministre Tom Ekel a reçu l'envoyée Lina Varo.\n\nSuite.", "fr")
    assert (doc.dateline_place, doc.dateline_span) == ("NIAMEY", (0, 22))
    doc = _read("CAIRO, March 3. /MENA/. Envoy Lina Varo flew into Lome to meet Tom Ekel.\n\nMore.")
    assert doc.dateline_place == "CAIRO"


def test_normalize_a_headline_that_opens_on_a_place_without_a_date_is_no_dateline():
    doc = _read("Cairo: envoy Lina Varo meets minister Tom Ekel\n\nThe talks were cordial.")
    assert doc.dateline_place is None
