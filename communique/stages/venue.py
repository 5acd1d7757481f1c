"""Venue: where an event took place, chosen among the places a document names.

Two ways, over the same document: the locative rule (a place after "in", "à", "في" in the event's own
sentences, else the previous sentence, the previous event of the story, the dateline) and a learned
choice (`LinearModel` "venue", trained by `communique.learn.venue`) that scores every candidate place of
the document with features of where and how it is written relative to the event: in its sentences or
elsewhere, after which preposition, a city or a country, a party's own country or not, the dateline.

A venue is reported under its gazetteer name (English, as the gold convention and the map want it:
"Beyrouth" and "بيروت" are Beirut); a building the gazetteer does not know keeps its written form.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..lang import entries, entries_all, rows
from ..records import Document, Entity, Location, Mention
from ..textnorm import fold, is_arabic
from .decide import LinearModel
from .frames import Frame
from .triggers import status_of

__all__ = ["VenueCandidate", "VenueQuery", "venue_candidates", "learned_venue", "written_as_setting", "LOCATIVE",
           "VENUE_MODEL", "dateline_location", "resolve_place", "usual_name"]

VENUE_MODEL = "venue"

LOCATIVE = re.compile(
    r"(?:\b(?:in|at|à|au|aux|en|dans|near|to|vers)\s+(?:the\s+|la\s+|le\s+|l'|l’)?(?:(?:capital|city|ville|capitale)\s+(?:of\s+)?)?$"
    r"|(?:^|\s)(?:في|ب|إلى|الى)\s*$|(?:العاصمة\s*(?:\w+\s*)?)$|\b(?:capital|capitale|city|ville)\s*,?\s*$|(?:يزور|زار|زارت|visited|visiting|visite|visité)\s*$)", re.I)

#: an Arabic title in its construct form ("رئيس", "سفير"): its complement names whose office it is
_CONSTRUCT_TITLES = sorted((t for t in entries("ar", "titles.txt") if not t.startswith("ال")), key=len, reverse=True)
#: the time words of a date written with the article ("اليوم", "الأحد", "الماضي"): no part of a title
_TIME_WORDS = sorted({r[0] for r in rows("ar", "weekdays.tsv")}
                     | {r[0] for r in rows("ar", "relative_days.tsv") if r[0].startswith("ال") and " " not in r[0]}
                     | {"اليوم", "الماضي", "المقبل", "الجاري"}, key=len, reverse=True)
#: a place that completes a title ("رئيس المجلس الانتقالي بجمهورية X", "سفير المملكة في X"): of X, not in X;
#: the definite words of the title's complement only (a name or a time word between them is a setting:
#: "رئيس الوزراء فلان صباح اليوم بجمهورية X"); "ب ب" where `_word_before` adds back the proclitic it sees
_TITLE_OF = re.compile(r"(?:^|\s)و?(?:" + "|".join(map(re.escape, _CONSTRUCT_TITLES)) + r")"
                       r"(?:\s+(?!(?:" + "|".join(map(re.escape, _TIME_WORDS)) + r")(?:\s|$))ال\S+){1,3}"
                       r"\s+(?:في\s*|ب\s*)+(?:(?:جمهورية|مملكة|دولة|إمارة|سلطنة)\s*)?$")

#: "the situation in X", "la guerre en X", "الأوضاع في X": a place after a noun of a state of affairs is what
#: an event is about ("discussed the developments in X"), not where it took place
_TOPIC_NOUNS = sorted((n for code in ("en", "fr", "ar") for n in entries(code, "topic_nouns.txt")), key=len, reverse=True)
_TOPIC_OF = re.compile(r"(?:^|[\s(])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _TOPIC_NOUNS) + r")"
                       r"(?:\s+(?:in|on|à|au|aux|en|dans)\s+(?:the\s+|la\s+|le\s+|l'|l’)?|\s+في\s*|\s+ب)$", re.I)

# the word before a place, by what it says of the place (first match wins)
_BEFORE = (
    ("of", _TITLE_OF),
    ("topic", _TOPIC_OF),
    # a visit still to be paid: an invitation or a plan ("invited him to visit", "إلى القيام بزيارة رسمية إلى")
    ("future_visit", re.compile(r"(?:\bto\s+(?:pay\s+(?:a|an)\s+(?:\w+\s+)?visit\s+to|visit)|"
                                r"\b(?:de|à)\s+(?:se\s+rendre|effectuer\s+une\s+visite(?:\s+\w+)?)\s+(?:à|au|aux|en)|"
                                r"(?:القيام|للقيام)\s+بزيارة(?:\s+\S+){0,2}\s+(?:إلى|الى|ل))\s*(?:the\s+|la\s+|le\s+|l'|l’)?$",
                                re.I)),
    ("visit", re.compile(r"(?:\bvisit(?:ed|ing|s)?|\bvisit to|\bvisite (?:à|au|en)|\bvisité|\btrip to|\btour of|"
                         r"\bvoyage (?:à|au|en)|يزور|زار|زارت|زيارة(?:\s+\S+){0,3}\s+(?:إلى|الى|ل))\s*(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)),
    ("arrive", re.compile(r"(?:\barriv\w*|\blanded|\bcame|\bcome|\btravell?ed|\bflew|\bwent|\bmoved\s+on|انتقل|\brendu\w*|\bse rend\w*|\bwelcomed|\bwelcome|وصل\w*|"
                          r"حل\w*|قدم)\s+(?:in|to|at|à|au|aux|en|إلى|الى)?\s*(?:the\s+|la\s+|le\s+|l'|l’)?$"
                          r"|(?:وصل|وصلت|يصل|تصل|انتقل|انتقلت)(?:\s+\S+){1,3}\s+(?:إلى|الى)\s*$", re.I)),    # "وصل الوزير إلى X"
    ("from", re.compile(r"(?:\bfrom|\bde|\bdu|\bd'|\bd’|من|\bdepuis)\s*(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)),
    ("to", re.compile(r"(?:\bto|\bvers|\bpour|\btoward|إلى|الى|ل)\s*(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)),
    ("at", re.compile(r"(?:\bat|\bau siège|\bheadquarters in|\bheld in|\btenue à|\btenu à|\bqui s'est tenue? à|"
                      r"\bhosted in|\bhosted by|\bà l'invitation|مقر|بمقر|في مقر)\s*(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)),
    ("capital", re.compile(r"(?:\bcapital|\bcapitale|\bcity|\bville|العاصمة)\s*(?:of\s+|de\s+|d'|,)?\s*(?:\S+\s+)?$", re.I)),
    ("in", re.compile(r"(?:\bin|\bà|\bau|\baux|\ben|\bdans|\bnear|في|ب)\s*(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)),
)
# what follows a place that makes it a description rather than a setting
_AFTER = (
    ("based", re.compile(r"^\s*-?(?:based|basé\w*)\b", re.I)),
    ("possessive", re.compile(r"^(?:'s|’s)\b")),
    ("adjective", re.compile(r"^\s+(?:government|ministry|minister|embassy|foreign|president|army|forces|"
                             r"gouvernement|ministère|ministre|ambassade)\b", re.I)),
)
_BUILDING = re.compile(r"\b(?:House|Palace|Hall|Building|Palais|Hôtel|Hotel|Headquarters|Residence|Résidence|"
                       r"Siège|Center|Centre|Villa|قصر|مقر|فندق)\b", re.I)


@dataclass
class VenueCandidate:
    """One place the venue could be, with the features of all its mentions."""

    location: Location
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class VenueQuery:
    """What the venue decision reads of one event (a finished frame) and its document."""

    doc: Document
    frame: Frame
    place_mentions: Sequence[tuple[Mention, Entity]]
    ent_by_id: dict[str, Entity]
    sents: Sequence[tuple[int, int]]
    previous: Location | None          # the previous occurred event's venue, when it has the same date
    geocode: Callable[[str], Location | None]

    def party_countries(self) -> set[str]:
        """The parties' own countries (theirs or their affiliations'): rarely where they met."""
        out = set()
        for p in self.frame.parties:
            ent = self.ent_by_id[p]
            aff = self.ent_by_id.get(ent.affiliation or "")
            out |= {c for c in (ent.country, aff.country if aff else None) if c}
        return out


def _position(q: VenueQuery, start: int) -> str:
    """Where a mention stands relative to the event's sentences."""
    if any(s <= start < e for s, e in q.frame.evidence):
        return "evidence"
    if any(s <= start < e for s, e in q.frame.support):
        return "support"
    first = q.frame.evidence[0][0]
    if q.doc.dateline_span and q.doc.dateline_span[0] <= start < q.doc.dateline_span[1]:
        return "dateline"
    if q.sents and q.sents[0][0] <= start < q.sents[0][1]:
        return "headline"
    para_start = q.doc.text.rfind("\n", 0, first) + 1
    if para_start <= start < first:
        return "paragraph_before"
    if start < first:
        return "before"
    para_end = q.doc.text.find("\n", first)
    if para_end == -1 or start < para_end:
        return "paragraph_after"
    return "after"


_RANK = ("evidence", "support", "paragraph_before", "headline", "dateline", "paragraph_after", "before", "after")


def _word_before(text: str, start: int) -> str:
    left = text[max(0, start - 40): start]
    if start > 0 and text[start - 1] in "بل" and (start < 2 or not text[start - 2].isalpha()):
        left += " ب"       # a proclitic the mention's span left out: "بالقاهرة", "لبيروت"
    return _class_before(left)


@lru_cache(maxsize=4096)
def _class_before(left: str) -> str:
    """The first class of _BEFORE whose cue ends `left` (every event of a document asks again of the same
    place mentions)."""
    return next((name for name, pattern in _BEFORE if pattern.search(left)), "none")


#: the words before a place that set something in it ("in", "at", "visited", "trip to", "وفي")
_SETTING = frozenset({"in", "at", "to", "visit", "arrive", "capital"})


def written_as_setting(text: str, start: int) -> bool:
    """The place at `start` follows a word that sets something in it ("in X", "à X", "وفي X", "trip to X")."""
    return _word_before(text, start) in _SETTING


def _word_after(text: str, end: int) -> str:
    return _class_after(text[end: end + 30])


@lru_cache(maxsize=4096)
def _class_after(right: str) -> str:
    return next((name for name, pattern in _AFTER if pattern.search(right)), "none")


def _kind(loc: Location, form: str) -> str:
    if loc.lat is None and loc.country:
        return "country"
    if loc.lat is not None:
        return "city"
    return "building" if _BUILDING.search(form) else "unknown"


_LEADING = re.compile(r"^(?:(?:au|aux|à|en|in|at|the|le|la|les|l'|l’|du|de)\s+|l'|l’)+", re.I)
# an Arabic place written with its administrative word: "محافظة X" (governorate), "مدينة X" (city), "ولاية X"
_ADMINISTRATIVE = re.compile(r"^(?:محافظة|مدينة|ولاية|إمارة|منطقة)\s+")


#: "الجزائر العاصمة": the state's name followed by "the capital" names the capital city that shares it
_THE_CAPITAL_AFTER = re.compile(r"\s+العاصمة(?![\u0621-\u064a])(?![ \t]+ال)")


def resolve_place(q: VenueQuery, m: Mention, ent: Entity) -> Location | None:
    """The gazetteer's place for a mention ("au Caire" -> Cairo), else the written form. An Arabic
    mention linked to a state is that country where a city shares its written name ("الجزائر" is Algeria
    and Algiers, "الكويت" Kuwait and Kuwait City; "Alger" and "Algérie" differ); a lowercase Latin word is no city ("russe" is an
    adjective, not Ruse): None."""
    bare = _ADMINISTRATIVE.sub("", _LEADING.sub("", m.form))
    if ent.kind == "state" and is_arabic(m.form):
        country = q.geocode(ent.name)
        city = q.geocode(m.form) if _THE_CAPITAL_AFTER.match(q.doc.text, m.end) else None
        if country is not None and city is not None and city.lat is not None and city.country == country.country:
            return usual_name(q, city)     # "الجزائر العاصمة", "الكويت العاصمة": the capital of the state's name
        if country is not None and country.lat is None:
            return usual_name(q, country)
    word = _whole_word(q.doc.text, m)
    loc = (q.geocode(word) if word != m.form else None) or q.geocode(m.form) \
        or (q.geocode(bare) if bare != m.form else None) or q.geocode(ent.name)
    if loc is not None and loc.lat is not None and bare[:1].islower() and bare[:1].isascii():
        return None
    return usual_name(q, loc) if loc is not None else Location(name=m.form)


def _whole_word(text: str, m: Mention) -> str:
    """The written word a mention starts inside of, where a letter its span left out may be the place's
    own and no proclitic ("باريس" read as ب + "اريس", "فيينا" as ف + "يينا"): the word, else the form."""
    start = m.start
    while start > 0 and text[start - 1].isalpha() and m.start - start < 3:
        start -= 1
    return text[start: m.end] if start < m.start and not text[start - 1: start].isalpha() else m.form


#: the marks of scholarly transliteration the gazetteer's names carry and the press does not write:
#: long vowels and the ʿayn ("Al Mayādīn", "Al-`Ula" are written Al Mayadin, Al-Ula)
_TRANSLITERATION_MARKS = str.maketrans({"ā": "a", "ī": "i", "ū": "u", "ē": "e", "ō": "o", "Ā": "A", "Ī": "I",
                                        "Ū": "U", "Ē": "E", "Ō": "O", "`": "", "ʿ": "", "ʾ": ""})


def usual_name(q: VenueQuery, loc: Location) -> Location:
    """A city under its usual English name: without the marks of transliteration, and where the gazetteer
    adds "City" to it without it ("New York City" is New York; "Kuwait City" stays, Kuwait being the country)."""
    plain = loc.name.translate(_TRANSLITERATION_MARKS)
    if plain != loc.name:
        loc = replace(loc, name=plain)
    if loc.lat is None or not loc.name.endswith(" City"):
        return loc
    short = loc.name[: -len(" City")]
    same = q.geocode(short)
    return replace(loc, name=short) if same is not None and same.lat is not None and same.country == loc.country else loc


# after the proclitic ب only a name with the article ("بالقاهرة"): "ب" + any word finds a gazetteer homonym;
# after "العاصمة" and its adjective, the capital's name ("بالعاصمة الموريتانية نواكشوط")
_AFTER_LOCATIVE = re.compile(r"(?:\b(?:in|at|à|au|en|dans)|\b(?:visit|trip|journey|travell?ed|flew|went|came)\s+to)"
                             r"\s+((?:[A-Z][\w'’-]+\s?){1,4})"
                             r"|(?:^|\s)\S{0,2}العاصمة\s+(?:ال\S+ي[ةه]\s+)?([^\s،,.]+(?:\s[^\s،,.]+)?)"
                             r"|(?:^|\s)(?:في\s+|ب(?=ال))(\S+(?:\s\S+)?)")


def _place_spans(q: VenueQuery) -> list[tuple[int, int, Location, str, str]]:
    """(start, end, place, kind, source) of every place mention (source "inside_a_word" where the mention
    left out letters its written word begins with, a proclitic or not: "وكيل" read as و + a city), and of
    every place the gazetteer knows after a locative word that no mention covers ("received in Tunis ...",
    "في الدوحة"; source "scanned"; an Arabic city only in a country the document names: "في القارة" is "in
    the continent", not a town the gazetteer spells so)."""
    read = _places_read(q)
    out = [(start, end, loc, kind, source) for ent, start, end, loc, kind, source in read.spans
           if not (ent.id in q.frame.parties and q.frame.type != "visit")]
    named = _countries_named(q) | {x[2].country for x in out}
    for lm, group in read.uncovered:
        out += _scanned_place(q, lm, group, named)
    return sorted(out, key=lambda x: x[0])


@dataclass(frozen=True)
class _PlacesRead:
    """What the venue features read of a document's places, the same for each of its events: each place
    mention's (entity, start, end, place, kind, source), the locative matches no mention covers (with the
    group of `_AFTER_LOCATIVE`), whether the clause at a start is told as planned (filled as asked)."""

    key: tuple[object, ...]              # the query's document, place mentions, geocoder, sentences
    spans: list[tuple[Entity, int, int, Location, str, str]]
    uncovered: list[tuple[re.Match[str], int]]
    planned: dict[int, float] = field(default_factory=dict)


#: the document whose places were read last (its events are decided one after the other)
_last_read: list[_PlacesRead | None] = [None]


def _places_read(q: VenueQuery) -> _PlacesRead:
    """The places of the query's document, read once for all its events."""
    last, key = _last_read[0], (q.doc, q.place_mentions, q.geocode, q.sents)
    if last is not None and all(a is b for a, b in zip(last.key, key)):
        return last
    spans = []
    for m, ent in q.place_mentions:
        loc = resolve_place(q, m, ent)
        if loc is not None:
            inside = _whole_word(q.doc.text, m) != m.form and q.geocode(_whole_word(q.doc.text, m)) is None
            # the name's own start: "au Caire" is Cairo after "au", the word before it
            start = m.start + len(m.form) - len(_LEADING.sub("", m.form))
            spans.append((ent, start, m.end, loc, _kind(loc, m.form), "inside_a_word" if inside else "mention"))
    covered = [(m.start, m.end) for m, _ in q.place_mentions]
    uncovered = [(lm, group) for lm in _AFTER_LOCATIVE.finditer(q.doc.text)
                 for group in [next(g for g in (1, 2, 3) if lm.group(g))]
                 if not any(s <= lm.start(group) < e for s, e in covered)]
    read = _last_read[0] = _PlacesRead(key, spans, uncovered)
    return read


def _scanned_place(q: VenueQuery, lm: re.Match[str], group: int,
                   named: set[str | None]) -> list[tuple[int, int, Location, str, str]]:
    """The place the gazetteer knows at the start of the words after a locative word (the longest name:
    "New York", then "New"); else a building ("at NATO Headquarters"); else a city that ends the
    capitalized words ("at GHQ Rawalpindi": the city after the place in it, from where the words start)."""
    start, words = lm.start(group), lm.group(group).split()
    for i in range(len(words), 0, -1):
        loc = q.geocode(" ".join(words[:i]))
        if loc is not None and loc.lat is not None and is_arabic(words[0]) and loc.country not in named \
                and group != 2:
            return []       # no capital letters: an Arabic word is a city only where its country is named
        if loc is not None:
            kind = "city" if loc.lat is not None else "country"
            return [(start, start + len(" ".join(words[:i])), usual_name(q, loc), kind, "scanned")]
    name = lm.group(group).strip()
    if group != 1:
        return []
    if _BUILDING.search(name):    # "at NATO Headquarters", "au Palais Carthage"
        return [(start, start + len(name), Location(name=name), "building", "scanned")]
    for i in range(1, len(words)):
        loc = q.geocode(" ".join(words[i:]))
        if loc is not None and loc.lat is not None:
            return [(start, start + len(name), usual_name(q, loc), "city", "scanned")]
    return []


def _countries_named(q: VenueQuery) -> set[str | None]:
    """The countries of the document's place mentions, of the parties and of the dateline."""
    dateline = q.geocode(q.doc.dateline_place) if q.doc.dateline_place else None
    return ({ent.country for _, ent in q.place_mentions} | q.party_countries()
            | {dateline.country if dateline is not None else None})


#: continents and world regions (lang/<code>/regions.txt): places, but never the venue of a meeting
_REGIONS = {fold(r) for r in entries_all("regions.txt")}


def venue_candidates(q: VenueQuery) -> list[VenueCandidate]:
    """Every place of the document (and the dateline, and the previous event's venue), with features."""
    text, frame = q.doc.text, q.frame
    trigger = frame.trigger.start
    parties = q.party_countries()
    lang = q.doc.lang or "en"
    by_name: dict[str, VenueCandidate] = {}
    order: list[str] = []
    for start, end, loc, kind, source in _place_spans(q):
        key = fold(loc.name)
        if loc.lat is None and key in _REGIONS:
            continue        # "en Afrique", "في الشرق الأوسط": a region, never a meeting's venue
        cand = by_name.get(key)
        if cand is None:
            cand = by_name[key] = VenueCandidate(loc, {f"kind={kind}": 1.0})
            order.append(key)
        f = cand.features
        pos, before, after = _position(q, start), _word_before(text, start), _word_after(text, end)
        f["mentions"] = f.get("mentions", 0.0) + 1
        f["told_as_planned"] = f.get("told_as_planned", 0.0) + _told_as_planned(q, start, lang)
        f[f"source={source}"] = 1.0
        for name in (f"pos={pos}", f"pos={pos}|before={before}", f"before={before}", f"after={after}",
                     f"lang={lang}|pos={pos}|before={before}", f"type={frame.type}|pos={pos}|before={before}"):
            f[name] = 1.0
        if pos == "evidence":
            f[f"kind={kind}|pos=evidence|before={before}"] = 1.0     # "a visit to <country>", "in <city>"
            if _in_trigger_sentence(q, start):
                f[f"trigger_sentence|before={before}"] = 1.0     # "arrived in X, where he was received"
            f["evidence_after_trigger" if start > trigger else "evidence_before_trigger"] = 1.0
            f["evidence_distance"] = min(f.get("evidence_distance", 9.0), math.log1p(abs(start - trigger)) / 3)
    _add_dateline(q, by_name, order)
    if q.previous is not None:
        key = fold(q.previous.name)
        if key not in by_name:
            by_name[key] = VenueCandidate(q.previous, {})
            order.append(key)
        by_name[key].features["previous_event"] = 1.0
    others = _Others.of(list(by_name.values()), q)
    return [_finish_features(by_name[k], i, parties, frame.type, others) for i, k in enumerate(order)]


def _in_trigger_sentence(q: VenueQuery, start: int) -> bool:
    trigger = q.frame.trigger.start
    return any(s <= start < e and s <= trigger < e for s, e in q.sents)


def _told_as_planned(q: VenueQuery, start: int, lang: str) -> float:
    """1 where the place stands in a clause told as planned or called off ("is expected to meet ... in X"):
    a place of what is still to come, rarely where an event already took place (read once a document)."""
    planned = _places_read(q).planned
    if start not in planned:
        s, e = next(((s, e) for s, e in q.sents if s <= start < e), (start, start))
        planned[start] = float(status_of(q.doc.text[s:e], start - s, lang) != "occurred")
    return planned[start]


def _add_dateline(q: VenueQuery, by_name: dict[str, VenueCandidate], order: list[str]) -> None:
    if not q.doc.dateline_place:
        return
    loc = dateline_location(q)
    key = fold(loc.name)
    if key not in by_name:
        kind = "city" if loc.lat is not None else "country" if loc.country else "unknown"
        by_name[key] = VenueCandidate(loc, {f"kind={kind}": 1.0})
        order.append(key)
    by_name[key].features["dateline"] = 1.0


@dataclass(frozen=True)
class _Others:
    """What the features of one candidate read of all the candidates of an event, computed once."""

    countries_named: set[str | None]
    cities_named: set[str | None]
    stated_here: int                    # candidates stated with a locative word in the event's sentences
    dateline_country: str | None
    stated_countries: set[str | None]   # the countries of those candidates

    @classmethod
    def of(cls, cands: list[VenueCandidate], q: VenueQuery) -> _Others:
        dateline = q.geocode(q.doc.dateline_place) if q.doc.dateline_place else None
        return cls({c.location.country for c in cands if c.location.lat is None and c.location.country},
                   {c.location.country for c in cands if c.location.lat is not None},
                   sum(1 for c in cands if _stated_here(c.features)),
                   dateline.country if dateline is not None else None,
                   {c.location.country for c in cands if _stated_here(c.features)})


def _finish_features(cand: VenueCandidate, index: int, parties: set[str], etype: str,
                     others: _Others) -> VenueCandidate:
    f, loc = cand.features, cand.location
    if f.get("told_as_planned"):
        f["only_told_as_planned"] = float(f["told_as_planned"] >= f.get("mentions", 0.0))
        del f["told_as_planned"]
    f["mentions"] = math.log1p(f.get("mentions", 0.0))
    f["first_place"] = 1.0 if index == 0 else 0.0
    kind = next((k.split("=")[1] for k in f if k.startswith("kind=")), "unknown")
    if loc.country and loc.country in parties:
        f[f"party_country|kind={kind}"] = 1.0
        f[f"party_country|type={etype}"] = 1.0
        if f.get("pos=evidence|before=visit") or f.get("pos=evidence|before=arrive"):
            f["party_country|visited_here"] = 1.0      # "a visit to <the host's country>": where it took place
    if kind == "city" and loc.country in others.countries_named:
        f["city_of_named_country"] = 1.0
    if kind == "country" and loc.country in others.cities_named:
        f["country_of_named_city"] = 1.0
    if "dateline" not in f and others.dateline_country and others.dateline_country == loc.country:
        f[f"dateline_country|kind={kind}"] = 1.0
    f[f"type={etype}|kind={kind}"] = 1.0
    if _stated_here(f):
        f["stated_here_alone" if others.stated_here == 1 else "stated_here_among_others"] = 1.0
    elif others.stated_countries - {loc.country}:
        # the event's own sentences state a place in another country: the dateline, the headline's or
        # the previous event's place is rarely where this one took place
        f[f"other_stated_here|kind={kind}"] = 1.0
        for name in ("dateline", "previous_event", "first_place"):
            if f.get(name):
                f[f"other_stated_here|{name}"] = 1.0
    return cand


def _stated_here(f: dict[str, float]) -> bool:
    """Written in the event's own sentences after a locative word ("at ... in X", "à X", "في X")."""
    return any(f.get(f"pos=evidence|before={b}") for b in ("in", "at", "capital", "arrive", "visit"))


def learned_venue(q: VenueQuery, model: LinearModel) -> tuple[Location | None, float]:
    """The best-scored candidate and its probability; None below the model's threshold."""
    scored = [(model.probability(c.features), i, c) for i, c in enumerate(venue_candidates(q))]
    if not scored:
        return None, 0.0
    p, _, best = max(scored, key=lambda x: (x[0], -x[1]))
    return (best.location if p >= model.threshold else None), p


def dateline_location(q: VenueQuery) -> Location:
    """The dateline's place under its gazetteer name, else as written."""
    place = q.doc.dateline_place or ""
    loc = q.geocode(place)
    return usual_name(q, loc) if loc is not None else Location(name=place)
