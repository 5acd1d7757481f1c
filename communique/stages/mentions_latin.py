"""Mentions of Latin-script text that NER leaves out: news agencies named as a dispatch's source, the place of a
dateline in capitals, world regions of two words or more, descriptive back-references to organizations named
before ("le Centre onusien", "the coalition")."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lang import entries
from ..textnorm import fold
from .mention_spans import Spans, add_span
from .spans import overlaps
from .titles import ORG_HEADS

__all__ = ["news_agencies", "dateline_places", "world_regions", "descriptive_references"]

_DESCRIPTIVE = re.compile(
    r"(?<![\w-])(?P<det>le|la|l'|l’|les|the|cette|this|ce|du|de la|au|à la)\s+"
    r"(?P<np>(?:[\w-]+\s+){0,2}?(?P<head>[A-Za-zÀ-ÿ]+)(?:\s+(?P<adj>onusien(?:ne)?|islamique|africain(?:e)?|arabe|"
    r"international(?:e)?|militaire|régional(?:e)?|onusiens))?)(?![\w-])", re.I)
#: regions of two words or more ("Moyen-Orient", "Horn of Africa"); a lone continent is often a word of a longer name
_REGIONS = {lang: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(r) for r in sorted(entries(lang, "regions.txt"),
                                                                                   key=len, reverse=True)
                                                          if re.search(r"[\s-]", r)) + r")(?![\w-])")
            for lang in ("en", "fr")}

# a news agency's acronym where a dispatch or a photo names its source: "CAIRO, May 3 (MENA) -", "/TASS/.",
# "NEW YORK - SABA" at a line's end, "AP Photo", "Jane Roe / AFP" (the annotations count them as organizations)
_AGENCY = re.compile(r"\(([A-Z]{2,6})\)\s*(?:--|[-–—:])|/\s?([A-Z]{2,6})\s?/|\s[-–—]\s*([A-Z]{2,6})[ \t]*$"
                     r"|\b([A-Z]{2,5})\s+Photo\b|[a-z]\s?/\s?([A-Z]{2,5})\)?[ \t]*$", re.M)


def news_agencies(text: str, spans: Spans) -> None:
    """News agencies named as the source of a dispatch or a photo (Latin script)."""
    for m in _AGENCY.finditer(text):
        group = next(g for g in range(1, 6) if m.group(g))
        add_span(text, spans, m.start(group), m.end(group), "organization")


# a place in capitals that opens a paragraph before a comma or a dash: a dateline ("ALGIERS, May 3 -")
_DATELINE_PLACE = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý'’. -]{2,30}?)\s*(?:,|[-–—]|\()", re.M)
_DATELINE_ZONE = 1500       # characters from the start where a dispatch's dateline stands


def dateline_places(text: str, is_place: Callable[[str], bool], spans: Spans) -> None:
    """The place of a dateline in capitals, which NER leaves out (Latin script)."""
    for m in _DATELINE_PLACE.finditer(text, 0, min(len(text), _DATELINE_ZONE)):
        form = m.group(1).strip()
        if is_place(form) or is_place(form.title()):
            add_span(text, spans, m.start(1), m.start(1) + len(form), "place")


def world_regions(text: str, lang: str, spans: Spans) -> None:
    """World regions of two words or more (lang/<code>/regions.txt) that NER missed or typed as a name of another
    kind ("au Moyen-Orient", tagged MISC): places, the longest first."""
    for m in _REGIONS[lang].finditer(text):
        add_span(text, spans, m.start(), m.end(), "place")


def descriptive_references(text: str, spans: Spans) -> None:
    """Descriptive back-references to organizations named before ("le Centre onusien", "the coalition")."""
    org_forms = [fold(text[s:e]) for (s, e), v in spans.items() if v["kind"] == "organization"]
    for m in _DESCRIPTIVE.finditer(text):
        head = fold(m.group("head"))
        if head.rstrip("s") not in ORG_HEADS and head not in ORG_HEADS:
            continue
        if not any(head in f.split() for f in org_forms):
            continue
        s, e = m.start("np"), m.end("np")
        if any(overlaps(k, (s, e)) for k in spans):
            continue
        add_span(text, spans, s, e, "organization", descriptive=True)
