"""Arabic mentions the NER leaves out or cuts: names after titles, bodies and places by their head nouns, outlets,
regions, numbered sessions, bodies named after persons, cities behind a clitic (stages.mentions calls these)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..lang import entries
from ..textnorm import is_arabic
from .coordinated_names_ar import split_coordinated_arabic_persons
from .headed_names_ar import arabic_bodies_named_for_persons, arabic_headed_names, is_lone_head_noun
from .mention_spans import Spans, add_span, replace_inside
from .outlets_ar import arabic_outlet_names
from .person_names import (AR_NAME_LEAD, arabic_names_after_titles, arabic_names_before_titles,
                           merge_adjacent_arabic_persons, nisba_family_names)
from .session_names_ar import arabic_session_names
from .spans import overlaps
from .titles import TITLE_RE

if TYPE_CHECKING:
    from .mentions import MentionContext

__all__ = ["AR_KINSHIP_LEAD", "arabic_mentions", "arabic_places", "strip_arabic_clitic"]

#: every Arabic region, behind a proclitic too ("والصحراء", "بمنطقة الساحل"), the longest first
_AR_REGIONS = re.compile(r"(?<!\w)(?:[وفبل]|وب|ول)?(" + "|".join(
    re.escape(r) for r in sorted(entries("ar", "regions.txt"), key=len, reverse=True)) + r")(?!\w)")
_CLITICS = "".join(entries("ar", "clitics.txt"))
#: a kinship word with a possessive pronoun, before a name like a title: "ونجله سليم الحداد"
AR_KINSHIP_LEAD = re.compile(r"(?<![\w])(?:" + "|".join(entries("ar", "kinship_leads.txt")) + r")(?![\w])")


def arabic_mentions(text: str, sdoc: Any, ctx: "MentionContext", spans: Spans) -> None:
    """The Arabic rules, in order, over the spans the KB and the NER gave."""
    _arabic_headed_names(text, ctx, spans)
    for start, end in arabic_session_names(text):
        replace_inside(text, spans, start, end, "organization")    # "الدورة الثالثة عشرة لاجتماع ..."
    _arabic_outlets(text, spans, ctx.is_place)
    _arabic_regions(text, spans)
    _arabic_persons_after_titles(text, sdoc, spans)
    for start, end in arabic_bodies_named_for_persons(text, [k for k, v in spans.items() if v["kind"] == "person"]):
        replace_inside(text, spans, start, end, "organization")    # "مركز الأمير فلان للدراسات"
    _split_coordinated_bodies(text, spans)
    _drop_lone_nouns(text, spans)


#: "و" and the word after it inside a name
_AND_WORD = re.compile(r"[ \t]+و(?P<word>\S+)")


def _split_coordinated_bodies(text: str, spans: Spans) -> None:
    """Organizations the NER read as one over "و": a title after "و" ends the body's name ("المركز والمستشار
    فلان"); a definite noun and its adjectives ("الجيش الوطني") joined by "و" to another definite noun ("والقوات
    الشعبية") are two bodies. A name whose first words are in the construct state ("وزارة الخارجية والتعاون",
    "الهيئة العامة للسياحة والتراث") goes on over "و"."""
    for key in [k for k, v in spans.items() if v["kind"] == "organization" and not v.get("kb")]:
        start, end = key
        pieces, piece_start = [], start + (1 if text[start] == "و" and text[start + 1:start + 3] == "ال" else 0)
        for m in _AND_WORD.finditer(text, start, end):
            before = text[piece_start:m.start()].split()
            if TITLE_RE.match(m.group("word")) or AR_NAME_LEAD.fullmatch(m.group("word")):
                end = m.start()
                break
            if m.group("word").startswith("ال") and before and all(w.startswith("ال") for w in before):
                pieces.append((piece_start, m.start()))
                piece_start = m.start("word")
        if (piece_start, end) == key:
            continue
        spans.pop(key)
        for s_, e_ in [*pieces, (piece_start, end)]:
            if " " in text[s_:e_].strip() or not text[s_:e_].rstrip().endswith("ة"):
                add_span(text, spans, s_, e_, "organization")   # not a common noun alone ("الشرطة")


def _drop_lone_nouns(text: str, spans: Spans) -> None:
    """Organizations of one word that is a head noun of bodies or a title ("والبرلمان", "لحزب", "ومندوب"): the
    NER's reading of a common noun, no body's name; one the KB knows stays."""
    for key in [k for k, v in spans.items() if v["kind"] == "organization" and not v.get("kb")]:
        word = text[key[0]:key[1]]
        if " " not in word and (is_lone_head_noun(word) or TITLE_RE.fullmatch(re.sub(r"^[وفبل]", "", word))):
            spans.pop(key)


def strip_arabic_clitic(text: str, start: int, end: int, is_known: Callable[[str], bool]) -> tuple[int, int]:
    """'وواشنطن' -> 'واشنطن': drop one or two clitic letters when the rest (3+ letters) is known and the
    whole word is not ('باريس' stays: no clitic in it)."""
    if is_known(text[start:end]):
        return start, end
    for n in (1, 2):
        if end - start - n >= 3 and all(c in _CLITICS for c in text[start: start + n]):
            if is_known(text[start + n: end]):
                return start + n, end
    return start, end


def _one_bare_word_body(text: str, key: tuple[int, int], info: dict[str, Any]) -> bool:
    """An organization of the NER of one word without the article that no KB knows: after a title, the first
    word of the name that follows it may be one ("رئيس الحكومة فلان فلاني", the NER reading "فلان")."""
    word = text[key[0]:key[1]]
    return info["kind"] == "organization" and not info.get("kb") and " " not in word and not word.startswith("ال")


def _arabic_persons_after_titles(text: str, sdoc: Any, spans: Spans) -> None:
    """Arabic names after a title or a word like 'نظيره' (or an occupation the NER tagged), or before a
    comma and a title, that the NER missed; then person spans that touch are joined into one name."""
    anchors = [m.end() for m in AR_NAME_LEAD.finditer(text)] + [e.end_char for e in sdoc.ents if e.label_ == "OCC"]
    anchors += [m.end() for m in AR_KINSHIP_LEAD.finditer(text)]
    persons = [k for k, v in spans.items() if v["kind"] == "person"]
    first_names = [k for k, v in spans.items() if _one_bare_word_body(text, k, v)]
    blocked = [k for k, v in spans.items() if v["kind"] != "person" and k not in first_names]
    for start, end in arabic_names_after_titles(text, anchors, blocked, persons):
        if is_lone_head_noun(text[start:end].split()[0]):
            continue        # "الأمين العام لحزب فلان": a body's name, no person's
        inside = [k for k in first_names if start <= k[0] and k[1] <= end]
        if any(k[0] != start for k in inside):
            continue        # a body's name inside: no person's name
        for key in inside:
            spans.pop(key)      # "رئيس الحكومة فلان فلاني" where the NER read "فلان" as a body
        add_span(text, spans, start, end, "person")
    persons = [k for k, v in spans.items() if v["kind"] == "person"]
    for start, end in arabic_names_before_titles(text, blocked, persons):
        add_span(text, spans, start, end, "person")
    merged = merge_adjacent_arabic_persons(text, [k for k, v in spans.items() if v["kind"] == "person"])
    for old, new in merged.items():
        info = spans.pop(old)
        spans.setdefault(new, info)
    coordinated = [k for k, v in spans.items() if v["kind"] == "person" and not v.get("kb")]
    for old, names in split_coordinated_arabic_persons(text, coordinated).items():
        info = spans.pop(old)
        for name in names:
            spans.setdefault(name, dict(info))
    states = [k for k, v in spans.items() if v["kind"] == "state"]
    for old, new in nisba_family_names(text, [k for k, v in spans.items() if v["kind"] == "person"], states).items():
        for key in [k for k in states if old[1] <= k[0] and k[1] <= new[1]]:
            spans.pop(key)      # "الروريتاني" closing "رئيس الوزراء فلان فلان الروريتاني": the family name
        spans[new] = spans.pop(old)


def _arabic_headed_names(text: str, ctx: "MentionContext", spans: Spans) -> None:
    """Arabic names of bodies and places from their head nouns (headed_names_ar); one replaces the names of
    the NER inside it (a name the NER cut short: "منظمة التعاون" of "منظمة التعاون الإسلامي")."""
    ner_orgs = [k for k, v in spans.items() if v["kind"] == "organization" and "kb" not in v]
    blocked = [k for k in spans if k not in ner_orgs]

    def is_state(form: str) -> bool:
        return any(e.kind == "state" for e in ctx.gazetteer.lookup(form))

    states = [k for k, v in spans.items() if v["kind"] == "state"]
    bodies = [k for k in blocked if spans[k]["kind"] == "organization"]
    for start, end, kind in arabic_headed_names(text, blocked, is_state, states, bodies):
        inside = [k for k in spans if overlaps(k, (start, end))]
        if any(s < start or e > end for s, e in inside):
            continue        # the NER's name is longer
        for key in inside:      # the NER's shorter names, a state's adjective ("السعودية")
            spans.pop(key)
        add_span(text, spans, start, end, kind)


#: "فلان نيوز", "بفلان بوست": a news outlet's word and the suffix of its name (lang/ar/outlet_suffixes.txt)
_AR_OUTLET = re.compile(r"(?<![\w])[^\s،,.:;؛()\"“”«»\-–]+[ \t]+(?:" + "|".join(
    re.escape(w) for w in entries("ar", "outlet_suffixes.txt")) + r")(?![\w])")


def _arabic_outlets(text: str, spans: Spans, is_place: Callable[[str], bool]) -> None:
    """Arabic names of news outlets by the word that ends them, by a dateline or by the noun of their kind
    (outlets_ar); they replace shorter names found inside."""
    for m in _AR_OUTLET.finditer(text):
        replace_inside(text, spans, m.start(), m.end(), "organization")
    for start, end in arabic_outlet_names(text, is_place):
        replace_inside(text, spans, start, end, "organization")


def _arabic_regions(text: str, spans: Spans) -> None:
    """Arabic regions ("الساحل", "الصحراء", "بحيرة تشاد"): places the NER leaves out or reads as the state in
    them; not the region of a group of its states ("دول الساحل", "دول الخليج": a body's or a group's name)."""
    for m in _AR_REGIONS.finditer(text):
        if re.search(r"(?<!\w)دول\s+$", text[max(0, m.start() - 5): m.start()]):
            continue
        replace_inside(text, spans, m.start(1), m.end(1), "place")


def arabic_places(text: str, tokens: list[tuple[int, int]], ctx: "MentionContext", spans: Spans) -> None:
    """Arabic place names the NER missed, from the exact place index (cities of 100k+ people)."""
    assert ctx.place_lookup is not None
    taken = bytearray(len(text))
    for s, e in spans:
        taken[s:e] = b"\x01" * (e - s)
    city_start: dict[str, int | None] = {}       # word -> where its city name starts in it (None: no city)
    for s_tok, e_tok in tokens:
        word = text[s_tok:e_tok]
        if len(word) < 4 or any(taken[s_tok:e_tok]) or not is_arabic(word) or TITLE_RE.fullmatch(word):
            continue        # a title is no clitic and a city: "وكيل" is an under-secretary, not "و" + Kiel
        if word not in city_start:
            s2, _ = strip_arabic_clitic(word, 0, len(word), ctx.is_known)
            place = ctx.place_lookup(word[s2:])
            big_city = place is not None and place.kind == "city" and (place.population or 0) >= 100_000
            city_start[word] = s2 if big_city else None
        if (skip := city_start[word]) is not None:
            add_span(text, spans, s_tok + skip, e_tok, "place")
