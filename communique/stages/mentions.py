"""Mentions: spaCy NER + KB gazetteer + rules -> Mention records (persons with titles, acronyms)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..lang import entries, entries_all, rows_all
from ..records import Mention
from ..textnorm import fold, is_arabic
from .acronyms import acronym_definitions
from .gazetteer import Gazetteer
from .mention_spans import Spans
from .mention_spans import add_span as _add, replace_inside
from .listed_persons import persons_listed_with_their_states
from .org_extent import a_purpose, organ_of_the_body
from .mentions_ar import arabic_mentions, arabic_places, strip_arabic_clitic
from .mentions_latin import dateline_places, descriptive_references, news_agencies, world_regions
from .person_names import (NOT_NAMES, arabic_person_extent, drop_lone_arabic_words, extend_name, is_name_token,
                           name_words_alone, persons_by_surname)
from .person_titles import attach_titles
from .sentences import sentence_index, sentence_spans
from .spans import clean_span, strip_lead
from .title_names import (in_ministry_name, institutions_fr, name_after_organization, names_a_document,
                          portfolio_of_title, strip_ministry_words)
from .titles import HONORIFIC_RE, ORG_HEADS, TITLE_RE, TITLE_WORDS

__all__ = ["find_mentions", "MentionContext", "strip_arabic_clitic"]


_PERSON_LABELS = {"PER", "PERSON", "PERS"}
_ORG_LABELS = {"ORG"}
_VERB_POS = {"VERB", "AUX"}
_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}      # Penn Treebank (English)
_NAME_BREAK_TAGS = {"VB", "VBG", "VBN", "VBZ"}
_PLACE_LABELS = {"LOC", "GPE", "FAC"}
_CALENDAR_WORDS = ({fold(row[0]) for row in rows_all("weekdays.tsv")}
                   | {fold(row[0]) for row in rows_all("months.tsv") if row[-1] != "yes"})   # not "May", "Mars"
_MINISTRY_COMPLEMENT = re.compile(
    r"\s+(?:of|for|de|des|du|de la)\s+(?:the\s+)?(?:(?:" + "|".join(entries("en", "ministry_words.txt")) +
    r")\s*)+(?=\s*[A-Z])")
#: "President of the Republic, Aline Dor", "le président de la République Paul Arnal"
_OF_THE_REPUBLIC = re.compile(r"\s+(?:of the Republic|de la République)\s*,?(?=\s+[A-Z])")
_LEAD_WORDS = re.compile(r"(?:the|le|la|les|l'|l’|former|ex-|retired|feu)\b\s*", re.I)
_PLACE_LEAD_WORDS = re.compile(r"(?:au|aux|à|en)\s+")      # "au Caire": the contracted preposition of French
_TITLE_OR_HONORIFIC = re.compile(TITLE_RE.pattern + r"|" + HONORIFIC_RE.pattern, re.I)
_HONORIFICS_AFTER = re.compile(r"\s+(?:(?:" + HONORIFIC_RE.pattern + r")\s*)*", re.I)
# Common nouns NER tags as places.
_NOT_PLACES = set(entries_all("not_places.txt"))
#: a lower-case word after a title: the state's adjective of a French title ("ministre libyen")
_LOWER_WORD = re.compile(r"[ \t]+((?-i:[a-zà-ÿ])[\w'’-]*)(?=[ \t,])")
_LINE_INITIAL_WORD = re.compile(r"[\s•*·–-]*(?P<word>[^\W\d_][\w'’-]*) ")

#: forms remembered by MentionContext.is_known (a short string and a bool each)
_KNOWN_MEMO_SIZE = 1 << 16


class MentionContext:
    """Resources the mention rules need, built once per process."""

    def __init__(self, gazetteer: Gazetteer, is_place: Callable[[str], bool],
                 place_lookup: Callable[[str], Any] | None = None) -> None:
        self.gazetteer = gazetteer
        self.is_place = is_place
        self.place_lookup = place_lookup
        self._known: dict[str, bool] = {}       # form -> is_known: Arabic words are asked again with each clitic

    def is_demonym(self, word: str) -> bool:
        """A word the KB knows as the adjective of a state ("libanaise", "Egyptian")."""
        return any(e.alias_type == "demonym" for e in self.gazetteer.lookup(word))

    def is_known(self, form: str) -> bool:
        """A known place or KB actor."""
        known = self._known.get(form)
        if known is None:
            if len(self._known) >= _KNOWN_MEMO_SIZE:
                self._known.clear()
            known = self._known[form] = bool(self.is_place(form) or self.gazetteer.lookup(form))
        return known


def _tokens_and_verbs(sdoc: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) offsets of every non-space token and of the verbs among them, in one pass over the
    spaCy Doc. A verb is a VERB or AUX token, or one with a Penn verb tag where no attribute ruler mapped the
    tags to parts of speech (the English pipeline is loaded without it: `nlp._EXCLUDE`)."""
    tokens: list[tuple[int, int]] = []
    verbs: list[tuple[int, int]] = []
    attrs, verb_pos, verb_tags = _token_attributes()
    for idx, length, space, pos, tag in sdoc.to_array(attrs).tolist():    # no Token object per token
        if space:
            continue
        span = (idx, idx + length)
        tokens.append(span)
        if pos in verb_pos or tag in verb_tags:
            verbs.append(span)
    return tokens, verbs


@lru_cache(maxsize=1)
def _token_attributes() -> tuple[list[int], set[int], set[int]]:
    """The token attributes `_tokens_and_verbs` reads (offset, length, space, part of speech, tag), and the
    verb parts of speech and tags as spaCy's ids (spaCy imported here: the process has parsed already)."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH, POS, TAG
    from spacy.parts_of_speech import IDS
    from spacy.strings import hash_string

    return [IDX, LENGTH, IS_SPACE, POS, TAG], {IDS[p] for p in _VERB_POS}, {hash_string(t) for t in _VERB_TAGS}


def find_mentions(text: str, sdoc: Any, ctx: MentionContext, lang: str) -> list[Mention]:
    """All named mentions of a document, typed and with the titles attached to persons."""
    sents = sentence_spans(text)
    tokens, verb_tokens = _tokens_and_verbs(sdoc)
    spans: Spans = {}
    institutions = institutions_fr(text, ctx.is_demonym) if lang == "fr" else []
    _kb_mentions(text, sdoc, ctx.gazetteer.match(text, tokens), spans, institutions)
    for start, end in institutions:
        _add(text, spans, start, end, "organization")
    _ner_persons(text, sdoc, ctx, spans)
    _persons_after_titles(text, {s for s, _ in tokens}, ctx, spans)
    if lang == "en":
        persons_listed_with_their_states(text, spans)
    if lang != "ar":
        _persons_after_honorifics(text, {s for s, _ in tokens}, ctx, spans)
    _ner_organizations_and_places(text, sdoc, ctx, spans, {s for s, _ in verb_tokens}, lang)
    if lang == "ar":
        arabic_mentions(text, sdoc, ctx, spans)
    else:
        news_agencies(text, spans)
        dateline_places(text, ctx.is_place, spans)
        world_regions(text, lang, spans)
    acronyms = acronym_definitions(text, spans)
    name_words_alone(text, spans)         # a known person's surname or given name used alone
    if lang == "ar" and ctx.place_lookup is not None:
        arabic_places(text, tokens, ctx, spans)
    descriptive_references(text, spans)
    mentions = [Mention(start=start, end=end, form=text[start:end], kind=info["kind"],
                        sentence=sentence_index(sents, start), acronym=acronyms.get((start, end)),
                        descriptive=bool(info.get("descriptive")), kb_id=info.get("kb"))
                for (start, end), info in sorted(spans.items())]
    verbs = {s for s, e in verb_tokens if not TITLE_RE.fullmatch(text[s:e])}
    mentions = attach_titles(text, persons_by_surname(mentions, ctx.gazetteer), sents, verbs)
    return drop_lone_arabic_words(text, mentions) if lang == "ar" else mentions


def _kb_mentions(text: str, sdoc: Any, gaz: list[Any], spans: Spans, institutions: list[tuple[int, int]]) -> None:
    """KB aliases first: they are the most precise (organizations, states, demonyms) -- except a state
    inside a longer organization name ("Radio Television Brunei", "Pakistan Army", an institution of
    `institutions`: "l'armée libanaise")."""
    ner_orgs = [clean_span(text, e.start_char, e.end_char) for e in sdoc.ents if e.label_ in _ORG_LABELS
                and not re.search(r"\s(?:و(?=\S)|and\s|et\s)", e.text)]      # not "X and Y" glued by NER
    ner_orgs += institutions
    for g in gaz:
        if g.entry.kind == "state" and _in_portfolio(text, g.start, g.end):
            continue        # "des Affaires américaines", "des Mauritaniens de l'Extérieur": words of a title (SCHEMA.md)
        if g.entry.kind == "state" and any(s <= g.start and g.end <= e and (e - s) > (g.end - g.start) + 3
                                            and not TITLE_RE.search(text[s:e]) for s, e in ner_orgs):
            continue
        _add(text, spans, g.start, g.end, g.entry.kind, kb=g.entry.actor_id, alias_type=g.entry.alias_type)


#: a state's adjective or people inside a portfolio: "directrice des affaires américaines", "ministre ... des
#: Sylvaniens de l'Extérieur", "Minister of Foreign Affairs and Sylvanian Expatriates"
_PORTFOLIO_BEFORE = re.compile(r"\b(?:affaires|affairs)\s+$", re.I)
_PORTFOLIO_AFTER = re.compile(r"\s+(?:de\s+l['’]\s*ext[ée]rieur|à\s+l['’]\s*[ée]tranger|r[ée]sid\w*\s+à\s+l['’]\s*[ée]tranger|"
                              r"de\s+la\s+diaspora|abroad|expatriates)\b", re.I)


#: a state's government or administration named by the state or its adjective: "حكومة فلانيا", "الحكومة الفلانية"
_AR_GOVERNMENT = re.compile(r"(?:ال)?(?:حكومة|دولة|إدارة)\s+")


def _government_of_state(form: str, lookup: Callable[[str], list[Any]]) -> bool:
    """An Arabic name that is a state's government by the state's name or adjective ("الحكومة الفلانية"): the
    state itself, which the gazetteer matches (the annotations keep no such organization)."""
    gov = _AR_GOVERNMENT.match(form)
    return bool(gov) and any(e.kind == "state" for e in lookup(form[gov.end():]))


def _in_portfolio(text: str, start: int, end: int) -> bool:
    return bool(_PORTFOLIO_BEFORE.search(text, max(0, start - 12), start) or _PORTFOLIO_AFTER.match(text, end))


#: what a body is against, named: "Coalition internationale contre Daech", "Alliance against Malaria"
_ORG_TARGET = re.compile(r"\s+(?:contre|against)\s+(?:l['’]|le\s+|la\s+|the\s+)?(?-i:[A-Z])[\w'’-]+")


def _people_abroad_of_title(text: str, start: int, end: int) -> bool:
    """"de la Coopération et des Sylvaniens de l'Extérieur" after a title: the end of the title's portfolio."""
    after = next((m for m in (_PORTFOLIO_AFTER.search(text, start, min(len(text), end + 30)),) if m), None)
    return after is not None and after.start() <= end and bool(TITLE_RE.search(text, max(0, start - 160), start))


def _ner_persons(text: str, sdoc: Any, ctx: MentionContext, spans: Spans) -> None:
    """Persons from NER, repaired: titles and honorifics stripped, names extended to the right."""
    others = [clean_span(text, e.start_char, e.end_char) for e in sdoc.ents
              if e.label_ in _ORG_LABELS | _PLACE_LABELS]
    for ent in sdoc.ents:
        if ent.label_ not in _PERSON_LABELS:
            continue
        start, end = clean_span(text, ent.start_char, ent.end_char)
        start, end = strip_lead(text, start, end, _TITLE_OR_HONORIFIC)
        start, end = strip_lead(text, start, end, _LEAD_WORDS)
        start, end = strip_lead(text, start, end, _PLURAL_TITLE)
        place_end = _before_an_article_and_title(text, start, end)
        if place_end is not None:       # "Vells le Vice-Premier Ministre": a place, then a title
            if ctx.is_place(text[start:place_end]):
                _add(text, spans, start, place_end, "place")
            continue
        if not is_arabic(text[start:end]) and all(w.lower() in NOT_NAMES for w in text[start:end].split()):
            continue        # "Holds" of a title-case headline, "Covid"
        if _one_verb(sdoc, start, end):
            continue        # "Assistaient à l'audience X et Y": a verb that opens the sentence
        if is_arabic(text[start:end]):
            start, end = arabic_person_extent(text, start, end, list(spans) + others,
                                              [k for k, v in spans.items() if v["kind"] == "person"])
        else:
            kept = strip_ministry_words(text, start, end)
            if kept is None:
                continue        # "Endowments": a word of a ministry's name
            start, end = kept
            end = _before_a_verb(text, sdoc, start, extend_name(text, end, spans))
            start = _first_name_at_line_start(text, start, ctx)
            start = _first_name_after_a_title(text, start, ctx)
        form = text[start:end]
        if not form or (not is_arabic(form) and not form[0].isupper()):
            continue
        if TITLE_RE.fullmatch(form) or ctx.gazetteer.lookup(form) or fold(form) in _CALENDAR_WORDS:
            continue        # "Lundi", "Septembre": a capitalized date word, not a name
        _add(text, spans, start, end, "person")


#: a title in the plural before the names it heads ("les Présidents Ferand et Tomas", "Ministers Ostrum and Vell")
_PLURAL_TITLE = re.compile(r"(?:" + "|".join(re.escape(w) + "s" for w in TITLE_WORDS if " " not in w and w.isalpha()
                                             and not is_arabic(w) and not w.endswith("s")) + r")\b", re.I)
#: an article inside a span NER read as one name, and what may stand before the title after it
_ARTICLE_INSIDE = re.compile(r"\s+(?:le|la|the)\s+(?:vice[- ])?", re.I)


#: a plural title and the names before this one in its list: "les présidents Ferand et ", "Ministers Ostrum and "
_PLURAL_TITLE_LIST = re.compile(r"(?<![\w-])(?i:" + _PLURAL_TITLE.pattern + r")\s+"
                                r"(?:[A-ZÀ-Ý][\w'’-]*\s*(?:,|\bet\b|\band\b)\s*)*$")


def _listed_after_a_plural_title(text: str, start: int) -> bool:
    """A Latin name in a list right after a plural title ("les présidents Ferand et Ostrum"): a person."""
    return bool(_PLURAL_TITLE_LIST.search(text, max(0, start - 80), start))


def _before_an_article_and_title(text: str, start: int, end: int) -> int | None:
    """Where the words before an article and a title end, in a Latin span: "Vells le Vice-Premier Ministre"."""
    if is_arabic(text[start:end]):
        return None
    for m in _ARTICLE_INSIDE.finditer(text, start, end):
        if m.start() > start and TITLE_RE.match(text[m.end():end]):
            return m.start()
    return None


def _one_verb(sdoc: Any, start: int, end: int) -> bool:
    """A span of one token that the tagger reads as a verb."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in _VERB_POS


def _first_name_at_line_start(text: str, start: int, ctx: MentionContext) -> int:
    """Where a Latin name starts when NER left out its first word and that word opens the line, after a list
    bullet or not ("-Omar Vell Arnal, ministre délégué", "Karim Vell Arnal, Secretary-General of ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _LINE_INITIAL_WORD.fullmatch(text, line_start, start)
    if m is None:
        return start
    word = m.group("word")
    if not is_name_token(word) or word.endswith(("'s", "’s")) or ctx.gazetteer.lookup(word) or ctx.is_place(word) \
            or fold(word) in _CALENDAR_WORDS:
        return start
    return m.start("word")


#: a title (and its complement) set off by a comma, then the one word NER left out of the name after it: "his
#: Xlandian counterpart, Aline Dor Vell" tagged "Dor Vell"
_TITLE_COMMA_WORD = re.compile(r"(?:" + TITLE_RE.pattern + r")(?:\s+(?:of|for|to)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3})?"
                               r"\s*,\s*(?P<word>[A-Z][a-z'’-]+)\s$", re.I)


def _first_name_after_a_title(text: str, start: int, ctx: MentionContext) -> int:
    """Where a Latin name starts when NER left out its first word after a title and a comma ("his Xlandian
    counterpart, Aline Dor Vell" tagged "Dor Vell"): at that word, when it can be a name."""
    m = _TITLE_COMMA_WORD.search(text, max(0, start - 120), start)
    if m is None or m.group("word")[0].islower():
        return start
    word = m.group("word")
    if not is_name_token(word) or ctx.gazetteer.lookup(word) or ctx.is_place(word) or fold(word) in _CALENDAR_WORDS:
        return start
    return m.start("word")


def _before_a_verb(text: str, sdoc: Any, start: int, end: int) -> int:
    """Where a Latin name ends before a verb that NER or the name extension ran it into, in a title-case
    headline above all ("Minister Tom Arle Meets Envoy", "Tom Arle Holds Talks"): the English tagger's
    present, base, gerund or participle forms; never a past tense ("Said" is a name too)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    cut = next((t.idx for t in span or () if t.tag_ in _NAME_BREAK_TAGS), end)
    return start + len(text[start:cut].rstrip(" -–,:"))


def _persons_after_titles(text: str, token_starts: set[int], ctx: MentionContext, spans: Spans) -> None:
    """Persons named right after a title ("Foreign Minister Shah Mehmood Qureshi") that NER missed;
    Arabic names after titles come from the NER model, not from capitalization."""
    for m in TITLE_RE.finditer(text):
        if m.group(0).lower().endswith("s") and m.group(0).lower() not in {"coas"}:
            continue        # a plural: "ministers"
        if is_arabic(m.group(0)):
            continue
        pos = m.end()
        dm = _LOWER_WORD.match(text, pos)
        if dm and ctx.is_demonym(dm.group(1)):
            pos = dm.end()      # "le Premier ministre libyen Karim Vell", "le ministre russe des Affaires étrangères X"
        cm = _MINISTRY_COMPLEMENT.match(text, pos) or _OF_THE_REPUBLIC.match(text, pos)
        if cm:
            pos = cm.end()
        hm = _HONORIFICS_AFTER.match(text[pos:])
        if hm:
            pos += hm.end()
        if pos in token_starts:
            end = extend_name(text, pos, spans, first=True)
            if end > pos and not ctx.gazetteer.lookup(text[pos:end]) and not ctx.is_place(text[pos:end]) \
                    and not in_ministry_name(text, pos, end) and fold(text[pos:end]) not in _CALENDAR_WORDS:
                _add(text, spans, pos, end, "person")


#: honorifics as written before a name ("M.", "Mme", "SEM.", "Dr.", "Son Excellence Monsieur"), then the space
_HONORIFIC_RUN = re.compile(r"(?:" + HONORIFIC_RE.pattern + r")(?:\s*(?:" + HONORIFIC_RE.pattern + r"))*[ \t]+", re.I)


def _persons_after_honorifics(text: str, token_starts: set[int], ctx: MentionContext, spans: Spans) -> None:
    """Capitalized words right after a capitalized honorific are a person's name, whatever NER tagged them
    ("a reçu SEM. Aline Dorval, ambassadrice", "accueilli par le ministre de la Santé, Dr. Karim Vell"): only
    a person is called "Monsieur" or "Son Excellence"."""
    for m in _HONORIFIC_RUN.finditer(text):
        pos = m.end()
        if not text[m.start()].isupper() or pos not in token_starts or not text[pos:pos + 1].isupper():
            continue
        end = extend_name(text, pos, spans, first=True)
        form = text[pos:end]
        if len(form.split()) >= 2 and not ctx.gazetteer.lookup(form) and not ctx.is_place(form) \
                and not in_ministry_name(text, pos, end) and not TITLE_RE.match(form):
            _add(text, spans, pos, end, "person")


def _ner_organizations_and_places(text: str, sdoc: Any, ctx: MentionContext, spans: Spans, verbs: set[int],
                                  lang: str) -> None:
    """Organizations and places from NER (not a word of a title: "Defence Deputy Minister", "ministre de la
    Coopération africaine"); `verbs` are the start offsets of the verb tokens."""
    title_spans = [(t.start(), t.end()) for t in TITLE_RE.finditer(text)]
    for ent in sdoc.ents:
        if ent.label_ not in _ORG_LABELS | _PLACE_LABELS:
            continue
        start, end = clean_span(text, ent.start_char, ent.end_char)
        if any(ts <= start and end <= te for ts, te in title_spans):
            continue
        if TITLE_RE.match(text, start, end):
            continue        # a function phrase tagged as an entity
        start, end = strip_lead(text, start, end, _LEAD_WORDS)
        form = text[start:end]
        if not form or TITLE_RE.search(form) or HONORIFIC_RE.fullmatch(form.rstrip(".")):
            continue        # ... or an honorific ("SEM.") read as a name
        if is_arabic(form):
            start, end = strip_arabic_clitic(text, start, end, ctx.is_known)
            form = text[start:end]
            if _government_of_state(form, ctx.gazetteer.lookup):
                continue        # "حكومة ساحل العاج", "الحكومة الفلانية": the state, matched by the gazetteer
        elif re.match(r"(?:the\s+)?(?:government|gouvernement)\s+(?:of|du|de la|de l'|des)\s+", form, re.I):
            continue
        if portfolio_of_title(text, start, end, lang) or _people_abroad_of_title(text, start, end):
            continue
        if ent.label_ in _PLACE_LABELS:
            start, end = strip_lead(text, start, end, _PLACE_LEAD_WORDS)     # "au Caire"
            form = text[start:end]
        if (_named_after_a_title(text, start, form, verbs) or _listed_after_a_plural_title(text, start)) \
                and not ctx.is_place(form) \
                and (ent.label_ in _PLACE_LABELS or (ent.label_ not in _ORG_LABELS and not _names_a_body(form, ctx))):
            _add(text, spans, start, end, "person")     # "la ministre ... des Affaires étrangères, Aline Dor,"
        elif ent.label_ in _ORG_LABELS and _person_after_a_title(text, start, form, verbs):
            _add(text, spans, start, end, "person")     # "Ruritania's Minister of Foreign Affairs, Aline Dor,"
        elif ent.label_ in _PLACE_LABELS or ctx.is_place(form):
            if is_arabic(form) and len(form.split()) == 1 and not ctx.is_place(form):
                continue        # a lone Arabic word the gazetteers do not know ("لانعقاد")
            if fold(form) not in _NOT_PLACES:
                _add(text, spans, start, end, "place")
        elif names_a_document(form, lang) or a_purpose(text, start, form, lang):
            continue        # "the Trade and Cooperation Agreement", "Traité d'amitié", "to Deepen X Cooperation"
        elif is_arabic(form) or form[0].isupper():
            name_at = None if is_arabic(form) else name_after_organization(text, start, end)
            if name_at is not None:     # "... of the Island Parliament Union Aline Dor"
                _add(text, spans, name_at, end, "person")
                end = name_at
            organ_end = organ_of_the_body(text, sdoc, start, end) if lang == "en" and name_at is None else end
            if organ_end > end:
                replace_inside(text, spans, start, organ_end, "organization")   # over the body's own name
                continue
            target = _ORG_TARGET.match(text, end)
            if target and name_at is None:      # "Coalition internationale contre Daech": what the body fights is its name's
                for key in [k for k in spans if end <= k[0] and k[1] <= target.end()]:
                    spans.pop(key)
                end = target.end()
            _add(text, spans, start, end, "organization")


def _names_a_body(form: str, ctx: MentionContext) -> bool:
    """An organization's name, not a person's: a KB actor other than a person, or a name with a head word of
    bodies ("Council")."""
    if any(e.kind != "person" for e in ctx.gazetteer.lookup(form)):
        return True
    return any(w.lower().strip(".,") in ORG_HEADS for w in form.split())


_NAME_ARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|an|ar|az|ul)[-‐][A-Z]")     # "Karim al-Vessa"


def _named_after_a_title(text: str, start: int, form: str, verb_starts: set[int]) -> bool:
    """A Latin name of two or more capitalized words set off by a comma right after a title phrase without
    a verb ("the Foreign Minister of Xland, Aline Dor, said"): a person, whatever NER tagged."""
    words = form.split()
    if is_arabic(form) or len(words) < 2:
        return False
    if not all(w[0].isupper() or _NAME_ARTICLE.match(w) for w in words if len(w) > 3):
        return False
    base = max(0, start - 130)
    left = text[base:start]
    if not re.search(r",\s*$", left):
        return False
    chunk_start = base + max(left.rstrip().rstrip(",").rfind(c) for c in ",.;:\n") + 1
    chunk = text[chunk_start:start]
    return bool(TITLE_RE.search(chunk)) and not any(chunk_start <= v < start for v in verb_starts)


_NAME_WORD = re.compile(r"(?:(?:al|el|ad|as|ash|at|an|ar|az|ul)[-‐])?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*")   # "al-Vessa" too
_BODY_WORDS = ORG_HEADS | set(entries("en", "body_words.txt"))


def _person_after_a_title(text: str, start: int, form: str, verb_starts: set[int]) -> bool:
    """A Latin 'organization' of two to four name words without a head noun, set off by a comma right after a
    title phrase ("the Foreign Minister of Xland, Aline Dor Vell", "Xland's Minister of Trade, Karl Ostrum"):
    a person. A verb may come before the title ("his guests were the Minister of Y, Aline Dor"), not after it."""
    words = form.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if any(w.lower() in _BODY_WORDS for w in words) or in_ministry_name(text, start, start + len(form)):
        return False
    left = text[max(0, start - 120):start]
    if not re.search(r"[\w)]\s*,\s*$", left):      # "the Secretary-General of the Vell Council (VC), Aline Dor"
        return False
    chunk_start = start - len(left) + max(left.rstrip().rstrip(",").rfind(c) for c in ",.;:\n") + 1
    titles = list(TITLE_RE.finditer(text, chunk_start, start))
    return bool(titles) and not any(titles[-1].end() <= v < start for v in verb_starts)
