"""Person names: a name's start in a text -> its full extent; name words used alone -> more person mentions."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..lang import entries, entries_all, rows
from ..records import Mention
from ..textnorm import fold, fold_arabic, is_arabic
from .gazetteer import Gazetteer
from .spans import overlaps
from .titles import HONORIFIC_RE, ORG_HEADS, TITLE_RE, TITLE_WORDS

__all__ = ["extend_name", "name_words_alone", "persons_by_surname", "is_name_token", "is_arabic_name_word",
           "arabic_name_words", "arabic_person_extent", "arabic_names_after_titles", "merge_adjacent_arabic_persons",
           "drop_lone_arabic_words", "arabic_names_before_titles", "AR_NAME_LEAD", "NOT_NAMES"]

Spans = dict[tuple[int, int], dict[str, Any]]

NAME_PARTICLES = set(entries_all("name_particles.txt"))
NOT_NAMES = set(entries_all("not_names.txt"))
_CAP_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
_NAME_WORD = re.compile(r"[^\s,;:()\[\]«»\"“”]+")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|as|ash|at|an|ar|az)[-‐]", re.I)


def is_name_token(word: str) -> bool:
    """A capitalized word that is not a title, an honorific, an organization head or a common word."""
    return (bool(_CAP_WORD.match(word)) and not TITLE_RE.fullmatch(word) and not HONORIFIC_RE.fullmatch(word)
            and word.lower() not in ORG_HEADS and word.lower() not in NOT_NAMES)


def extend_name(text: str, end: int, spans: Spans, *, first: bool = False) -> int:
    """Extend a person name over the following capitalized words and name particles on the same line
    ("Gen Qamar" -> "Gen Qamar Javed Bajwa"), not into a mention of `spans`; with first=True the name
    starts at `end` (and an Arabic word is taken as its first word)."""
    pos = end
    out = end
    count = 0
    while count < 7:
        gap = re.match(r"[ \t]*", text[pos:]).group(0)
        if not first and not gap:
            break
        m = _NAME_WORD.match(text, pos + len(gap))
        if not m:
            break
        word = m.group(0).rstrip(".'’")
        w_start, w_end = m.start(), m.start() + len(word)
        if not word or any(overlaps(k, (w_start, w_end)) for k in spans):
            break
        core = _ARTICLE_PREFIX.sub("", word)
        if word.lower() in NAME_PARTICLES:
            pos = w_end
            count += 1
            first = False
            continue
        if (core and is_name_token(core) and is_name_token(word[0].upper() + word[1:])) or (is_arabic(word) and first):
            pos = w_end
            out = w_end
            count += 1
            first = False
            if m.group(0) != word:      # "Al-Moghidi." ends the name
                break
            continue
        break
    return out


def name_words_alone(text: str, spans: Spans) -> None:
    """Add person mentions (to `spans`) for a known person's name words used alone: the capitalized
    words of 4+ letters of a name of two or more, or an Arabic name's last word."""
    words: set[str] = set()
    for (s, e), info in spans.items():
        if info["kind"] == "person":
            form = text[s:e]
            if is_arabic(form):
                parts = form.split()
                if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1] not in NAME_PARTICLES:
                    words.add(parts[-1])      # the family name: "حموشي" after "عبد اللطيف حموشي"
                continue
            parts = [w for w in re.split(r"\s+", form) if len(w) >= 4 and w[0].isupper()]
            if len(parts) >= 2:
                words.update(parts)
    words -= {w for w in words if w.lower() in NOT_NAMES or TITLE_RE.fullmatch(w)}
    if not words:
        return
    if not any(is_arabic(w) for w in words):
        found = _whole_word_uses(text, words)
    else:
        found = _arabic_word_uses(text, words)
    for span in found:
        if not any(overlaps(k, span) for k in spans):
            spans[span] = {"kind": "person"}


def _arabic_word_uses(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Where the words stand alone in the text, an Arabic name word also behind the conjunction or "بـ" glued to
    it: "الفلاني والعلاني", "بالفلاني", "للفلاني"."""
    pattern = re.compile(r"(?<![\w-])(?:[وف]?ب?(?=ال|[^\W\d_]*[\u0600-\u06ff]))?(?P<word>" + "|".join(
        re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
    found = [(m.start("word"), m.end("word")) for m in pattern.finditer(text)
             if m.start("word") == m.start() or is_arabic(m.group("word"))]
    with_article = [w[2:] for w in words if w.startswith("ال") and len(w) > 4]
    if with_article:    # "للفلاني": "لـ" before the article writes one lam
        found += [m.span("word") for m in re.finditer(r"(?<![\w-])[وف]?(?P<word>لل(?:" + "|".join(
            re.escape(w) for w in sorted(with_article, key=len, reverse=True)) + r"))(?![\w-])", text)]
    return found


_WORD_CHAR = re.compile(r"[\w-]")


def _whole_word_uses(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Where the words stand alone in the text (no letter, digit or hyphen on either side), left to right
    without overlaps, the longest word where several start at one place: what a regular expression of the
    words, longest first, would find, without compiling one for each document."""
    longest: dict[int, int] = {}
    for w in words:
        at = text.find(w)
        while at != -1:
            end = at + len(w)
            if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, end) \
                    and end > longest.get(at, 0):
                longest[at] = end
            at = text.find(w, at + 1)
    out: list[tuple[int, int]] = []
    for at in sorted(longest):
        if not out or at >= out[-1][1]:
            out.append((at, longest[at]))
    return out


def persons_by_surname(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A place or organization mention that is a word of a person's name ('Bourita') is that person."""
    name_words = {fold(w) for m in mentions if m.kind == "person" and not m.descriptive
                  for w in m.form.split() if len(w) > 2}
    out = []
    for m in mentions:
        if m.kind in {"place", "organization"} and m.kb_id is None and fold(m.form) in name_words \
                and gazetteer.lookup(m.form) == [] and not m.acronym:
            m = replace(m, kind="person")
        out.append(m)
    return out


# -- Arabic names: no capitals, so a name's extent is read from the words around it --------------------

_AR_NAME_WORD = re.compile(r"[\u0621-\u063a\u0640-\u0652\u0670-\u06d3]+")
_AR_GAP = re.compile(r"[ \t]+")
_AR_OPENING_QUOTE = re.compile(r"[ \t]*[\"“«]")
_NEXT_WORD = re.compile(r"[ \t]*(\S+)")
_AR_NOT_NAMES = {fold_arabic(w) for w in entries("ar", "not_names.txt")}
_AR_COMPLEMENTS = {fold_arabic(w) for w in entries("ar", "title_complements.txt")}
_AR_RANK_WORDS = {fold_arabic(w) for w in ("ركن", "أول")}
_AR_WAW_NAMES = {fold_arabic(w) for w in entries("ar", "waw_names.txt")}
_AR_PARTICLES = {fold_arabic(w) for w in entries("ar", "name_particles.txt")}
_AR_TIME_WORDS = {fold_arabic(re.sub(r"^ال", "", row[0])) for name in ("weekdays.tsv", "months.tsv", "hijri_months.tsv")
                  for row in rows("ar", name)}
_AR_TITLES = sorted({re.sub(r"^ال", "", t) for t in TITLE_WORDS if is_arabic(t)}, key=len, reverse=True)
# a title as written in prose: with clitics and the article ("لرئيس", "والسفير"), feminine ("السفيرة"),
# or a word that introduces a name like a title ("بنظيره")
AR_NAME_LEAD = re.compile(
    r"(?<![\w])(?:(?:[وفبلك]{0,2}(?:ال)?|[وف]?لل)(?:" + "|".join(re.escape(t) + ("ة?" if " " not in t else "")
                                                           for t in _AR_TITLES) + r")|"
    + "|".join(entries("ar", "name_leads.txt")) + r")(?![\w])")


# word shapes of the prose around names, never of a name: a possessive pronoun ("زيارته", "فيها", not
# "عبد الله"), a preposition glued to the article ("بالوزير", "للدور"), an abstract noun or feminine
# adjective ("الثنائية", "عمليات")
_AR_NOT_NAME_SHAPE = re.compile(r"^.{2,}(?<!ل)ه$|^.{3,}(?:ها|هم|هما)$|^[وف]?(?:بال|لل|كال)..|^.{3,}يه$|^.{2,}يات$|"
                                r"^.{4,}ات$|^.{2,}(?:اً|ًا)$")
# an adjective with the article ("الثنائية"); inside a span the NER read as a name, a family name ("العطية")
_AR_ADJECTIVE_SHAPE = re.compile(r"^[وفبلك]?ال.{2,}ية$")


# a title's demonym right before a name: "وزير الخارجية الصيني وانغ": the "و" is the name's, not "and"
_AR_DEMONYM_BEFORE = re.compile(r"(?<!\S)[وف]?ال\S{2,}ي\s+$")


def _ar_key(word: str) -> str:
    return fold_arabic(word)


def _is_ar_place_after_bi(key: str) -> bool:
    """"بمطار", "بمقر", "بوزارة": "at the airport / the seat / the ministry", never a word of a name."""
    return key.startswith("ب") and key[1:] in _AR_COMPLEMENTS


def _is_press_verb_form(key: str) -> bool:
    """A verb or function word of the lexicon behind a conjunction ("وبحث", "فقال") or the future prefix "سـ" of an
    imperfect verb ("سيناقش", "وستبحث"): the same word as the lexicon's, never a name word."""
    bare = re.sub(r"^(?:و|ف(?![يتن]))(?=..)", "", key)     # "فيصل" is a name, not "ف" + "يصل"
    if bare != key and bare in _AR_NOT_NAMES:
        return True
    return bool(re.match(r"س[يتنا]..", bare)) and bare[1:] in _AR_NOT_NAMES


def _is_verb_or_function_word(key: str) -> bool:
    return key in _AR_NOT_NAMES or _is_press_verb_form(key)


def is_arabic_name_word(word: str, *, inside: bool = False) -> bool:
    """An Arabic word that may be a word of a name: Arabic letters only, not a function word, a verb or a
    noun of the press lexicon, a title, a time word or a title's complement; not the conjunction 'و' + word
    unless `inside` a span the NER read as a name ("ويليام" after a given name)."""
    key = _ar_key(word)
    if not _AR_NAME_WORD.fullmatch(word) or len(key) < 2:
        return False
    if key in _AR_NOT_NAMES or key in _AR_COMPLEMENTS or re.sub(r"^ال", "", key) in _AR_TIME_WORDS:
        return False
    if _is_press_verb_form(key):
        return False
    if _is_ar_place_after_bi(key):
        return False
    if AR_NAME_LEAD.fullmatch(word) or HONORIFIC_RE.fullmatch(word) or _AR_NOT_NAME_SHAPE.search(word):
        return False
    if not inside and _AR_ADJECTIVE_SHAPE.search(word):
        return False
    return inside or not (key.startswith("و") and key not in _AR_WAW_NAMES and len(key) > 3)


#: the preposition "على" as written with the alef maqsura: a text that writes it so writes "علي" only for the name
_AR_ALA = re.compile(r"(?<!\S)على(?!\S)")


def given_name_ali(word: str, text: str) -> bool:
    """"علي" is the given name when the text writes the preposition "على" with its alef maqsura elsewhere (the
    two fold to one key; a text that writes every final ى as ي is left as it was)."""
    return word == "علي" and _AR_ALA.search(text) is not None


def arabic_name_words(text: str, pos: int, blocked: list[tuple[int, int]], limit: int) -> tuple[list[tuple[int, int]], str]:
    """The name words right of `pos` on the same line, at most `limit` of them (a particle such as "بن",
    "ولد", "عبد" not counted: it takes the word after it, whatever it is), and whether they end at a
    boundary: a punctuation mark, the line's end, or a word that is no name word. A word inside a
    `blocked` span ends the run. The boundary is "mark" (a punctuation mark or the line's end), "word"
    (a word that is no name word) or "" (none: `limit` reached)."""
    words: list[tuple[int, int]] = []
    counted, after_particle = 0, False
    while True:
        gap = _AR_GAP.match(text, pos)
        if words and not gap:
            return _without_particles(text, words), "mark"      # a mark right after the word: "سليم،"
        m = _AR_NAME_WORD.match(text, gap.end() if gap else pos)
        if not m or (m.end() < len(text) and text[m.end()].isalnum()):
            return _without_particles(text, words), "mark"
        span = (m.start(), m.end())
        if any(overlaps(b, span) for b in blocked):
            return _without_particles(text, words), "word"
        if _ar_key(m.group(0)) in _AR_PARTICLES:
            words.append(span)
            pos, after_particle = m.end(), True
            continue
        if not after_particle and not is_arabic_name_word(m.group(0)) and not given_name_ali(m.group(0), text):
            return _without_particles(text, words), "word"
        if counted == limit:
            return _without_particles(text, words), ""
        words.append(span)
        counted += 1
        pos, after_particle = m.end(), False


def _without_particles(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name does not end with a particle ("سليم بن")."""
    while words and _ar_key(text[words[-1][0]:words[-1][1]]) in _AR_PARTICLES:
        words = words[:-1]
    return words


def _ar_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]


#: words that a name never opens with: "son/daughter of" between two names ("فلان بن فلان"), second words of
#: compound given names ("نور الدين", "فتح الله"); "عبد", "أبو", "آل" open names
_AR_SECOND_PARTS = {fold_arabic(w) for w in ("بن", "ابن", "ولد", "منت", "بنت", "الدين", "الله")}


def _name_start_before_second_part(text: str, start: int, blocked: list[tuple[int, int]]) -> int:
    """Where an Arabic name starts when the NER's span opens with a particle ("بن فلان الفلاني") or the second
    word of a compound given name ("الدين الفلاني"): at the name word before it ("فلان بن فلان"), the
    conjunction glued to that word included (dropped after)."""
    first = re.match(r"\S+", text[start:])
    if not first or _ar_key(first.group(0)) not in _AR_SECOND_PARTS:
        return start
    prev = _AR_WORD_BEFORE.search(text, max(0, start - 40), start)
    if prev is None or any(overlaps(b, prev.span(1)) for b in blocked):
        return start
    word = prev.group(1)
    bare = word[1:] if _ar_key(word).startswith("و") and len(word) > 3 else word
    if not is_arabic_name_word(bare, inside=True) or _ar_key(bare) in _AR_PARTICLES or bare.startswith("ال"):
        return start
    return prev.start(1)


def _title_demonym_before(text: str, start: int, persons: list[tuple[int, int]],
                          blocked: list[tuple[int, int]]) -> bool:
    """A title's demonym right before `start` ("وزير الخارجية الفلاني فلان"): a word with the article and "-ي"
    that a mention other than a person covers (the gazetteer knows its state); not the family name that ends
    the name before in a list ("فلان الفلاني وفلان")."""
    m = _AR_DEMONYM_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = (m.start() + len(m.group(0)) - len(m.group(0).lstrip("وف")), m.end() - len(m.group(0)) + len(m.group(0).rstrip()))
    return any(overlaps(b, word) for b in blocked if b not in persons)


def arabic_person_extent(text: str, start: int, end: int, blocked: list[tuple[int, int]],
                         persons: list[tuple[int, int]] = ()) -> tuple[int, int]:
    """An Arabic person span of the NER, repaired: a mention it overlaps at its start ("الكويتي" before the
    name), the conjunction "و" glued to its first word and non-name words at its end are dropped; the
    name is extended over up to two more name words when a boundary follows them ("عبد المجيد" +
    "تبون" before a comma)."""
    for b in sorted(blocked):
        if b[0] <= start < b[1] < end:
            start = b[1]
    while start < end and text[start] in " \t":
        start += 1
    start = _name_start_before_second_part(text, start, blocked)
    first = re.match(r"\S+", text[start:end])
    if first and _ar_key(first.group(0)).startswith("و") and _ar_key(first.group(0)) not in _AR_WAW_NAMES \
            and len(first.group(0)) > 3 and not _title_demonym_before(text, start, list(persons), blocked):
        start += 1
    prev = _AR_WORD_BEFORE.search(text, max(0, start - 40), start)
    if prev and is_arabic_name_word(prev.group(1)) and not any(overlaps(b, prev.span(1)) for b in blocked) \
            and _AR_DEMONYM_BEFORE.search(text, max(0, prev.start(1) - 30), prev.start(1)):
        start = prev.start(1)       # "والمصري بدر" + "عبد العاطي": the first name the NER left out
    words = [(start + s, start + e) for s, e in _ar_words(text, start, end)]
    while len(words) > 1 and _is_verb_or_function_word(_ar_key(text[words[0][0]:words[0][1]])) \
            and not given_name_ali(text[words[0][0]:words[0][1]], text) \
            and _ar_key(text[words[1][0]:words[1][1]]) not in _AR_SECOND_PARTS:
        words = words[1:]       # "سيناقش سليم الحداد": the verb before the name
    start = words[0][0] if words else start
    # the NER read on over "at the airport of <city>" ("فلان بمطار المدينة"): the name ends before it
    cut = next((i for i, (s, e) in enumerate(words) if i and _is_ar_place_after_bi(_ar_key(text[s:e]))), None)
    if cut:
        words = words[:cut]
    while len(words) > 1 and not is_arabic_name_word(text[words[-1][0]:words[-1][1]].strip("-–—"), inside=True) \
            and _ar_key(text[words[-1][0]:words[-1][1]]) not in _AR_PARTICLES \
            and not given_name_ali(text[words[-1][0]:words[-1][1]], text):
        words.pop()
    if not words:
        return start, end
    end = words[-1][1]
    while end > start and not text[end - 1].isalpha():
        end -= 1
    if len(words) == 1 and not is_arabic_name_word(text[start:end], inside=True):
        return start, end       # one word that is no name word ("سلفه"): nothing to extend
    more, boundary = arabic_name_words(text, end, blocked, limit=2)
    # a name the NER read as one or two words goes on to any boundary; a longer one only over family
    # names with the article ("الحداد") or up to a punctuation mark
    short = len([w for w in words if _ar_key(text[w[0]:w[1]]) not in _AR_PARTICLES]) <= 2
    if more and boundary and (short or boundary == "mark"
                              or all(_ar_key(text[s:e]).startswith("ال") for s, e in more)):
        end = more[-1][1]
    return start, end


def arabic_names_after_titles(text: str, anchors: list[int], blocked: list[tuple[int, int]],
                              persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Arabic names of two to four words right after a title phrase ("وزير خارجية البلد الجنوبي سليم
    الحداد،"): from each anchor (a title's end), the title's complement is skipped (words with the
    article, other mentions, construct nouns, honorifics, one comma); a name follows when its first word
    has no article and the name ends at a boundary. `persons` are names found before (not read again)."""
    out = []
    for pos in sorted(set(anchors)):
        before = re.search(r"(\S+)\s+\S+$", text[max(0, pos - 40):pos])
        if before and _ar_key(before.group(1)) in _AR_COMPLEMENTS:
            continue        # "مطار الملك ...": a place named for a person
        pos = _after_title_complement(text, pos, blocked)
        quote = _AR_OPENING_QUOTE.match(text, pos) if pos >= 0 else None
        pos = quote.end() if quote else pos        # 'السفير “سليم الحداد”': a name in quotes
        if pos < 0 or any(s <= pos + 1 < e for s, e in persons):
            continue
        words, boundary = arabic_name_words(text, pos, blocked, limit=4)
        counted = [w for w in words if _ar_key(text[w[0]:w[1]]) not in _AR_PARTICLES]
        if not boundary or len(counted) < 2 or _ar_key(text[words[0][0]:words[0][1]]).startswith("ال"):
            continue
        span = (words[0][0], words[-1][1])
        if not any(overlaps(span, p) for p in persons + out):
            out.append(span)
    return out


_AR_COMMA_TITLE = re.compile(r"[ \t]*[،,][ \t]*(?=(?:" + AR_NAME_LEAD.pattern + r"))")
_AR_WORD_BEFORE = re.compile(r"([^\s،,]+)[ \t]*$")


def arabic_names_before_titles(text: str, blocked: list[tuple[int, int]],
                               persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Arabic names of two to four words right before a comma and a title ("مع سليم الحداد، وزير
    الخارجية"): read leftwards over name words (particles taking the word after them) to a word that
    is none; the first word has no article."""
    out = []
    for cm in _AR_COMMA_TITLE.finditer(text):
        words: list[tuple[int, int]] = []
        pos = cm.start()
        while len(words) < 5:
            m = _AR_WORD_BEFORE.search(text, max(0, pos - 40), pos)
            if not m or not _AR_NAME_WORD.fullmatch(m.group(1)) or any(overlaps(b, m.span(1)) for b in blocked + persons):
                break
            key = _ar_key(m.group(1))
            if key not in _AR_PARTICLES and not is_arabic_name_word(m.group(1), inside=bool(words)) \
                    and not given_name_ali(m.group(1), text):
                break
            words.insert(0, m.span(1))
            pos = m.start(1)
        while words and _ar_key(text[words[0][0]:words[0][1]]) in _AR_PARTICLES:
            words = words[1:]
        counted = [w for w in words if _ar_key(text[w[0]:w[1]]) not in _AR_PARTICLES]
        if 2 <= len(counted) <= 4 and not _ar_key(text[words[0][0]:words[0][1]]).startswith("ال"):
            out.append((words[0][0], words[-1][1]))
    return out


def _possessive_complement(key: str) -> bool:
    """A title's complement with a possessive pronoun for the state or head named before ("ووزير خارجيته",
    "رئيس وزرائها"): the complement without the pronoun (a feminine's "ت" read as "ة", a hamza's seat as "ء")."""
    m = re.fullmatch(r"(..+?)(ه|ها|هم|هما)", key)
    if m is None:
        return False
    stem = m.group(1)
    forms = {stem, stem[:-1] + "ه" if stem.endswith("ت") else stem, stem[:-1] + "ء" if stem[-1] in "يو" else stem}
    return bool(forms & _AR_COMPLEMENTS)


def _after_title_complement(text: str, pos: int, blocked: list[tuple[int, int]]) -> int:
    """The position after a title's complement: words with the article, mentions (states, demonyms,
    organizations), construct nouns, honorifics and titles, prepositions of place, and one comma; -1 when
    it ends with a construct noun ("رئيس هيئة ..."): what follows is that noun's complement, not a name."""
    comma, construct = False, False
    for _ in range(8):
        m = _NEXT_WORD.match(text, pos)
        if not m:
            break
        word = m.group(1).rstrip("،,/")
        key = _ar_key(word)
        # a mention, also one behind a clitic ("بصنعاء": the place starts after "ب")
        span = next((b for b in blocked if b[0] < m.end(1) and m.start(1) < b[1]), None)
        if span is not None:
            pos, construct = span[1], False
        elif (re.match(r"(?:[وفبلك]?ال|لل)", key) or key in _AR_COMPLEMENTS or key in {"لدى", "في", "من"}
              or _possessive_complement(key)
              or AR_NAME_LEAD.fullmatch(word) or HONORIFIC_RE.fullmatch(word)):
            pos = m.start(1) + len(word)
            construct = key in _AR_COMPLEMENTS and key not in _AR_RANK_WORDS
        elif m.group(1) in {"،", ","} and not comma:
            comma, pos = True, m.end(1)
        else:
            break
        if text[pos:pos + 1] in {"،", ",", "/"} and not comma:
            comma, pos = True, pos + 1
    return -1 if construct else pos


def merge_adjacent_arabic_persons(text: str, persons: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Two Arabic person spans with only spaces between them are one name ("سليم بن" "حمد الحداد"):
    old span -> merged span."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    ordered = sorted(persons)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and re.fullmatch(r"[ \t]+", text[ordered[j][1]:ordered[j + 1][0]]):
            j += 1
        if j > i:
            for k in range(i, j + 1):
                out[ordered[k]] = (ordered[i][0], ordered[j][1])
        i = j + 1
    return out


#: a state's adjective after a name, right before a mark: "رئيس الوزراء فلان فلان الروريتاني." (a title's state
#: stands before the name: "رئيس الوزراء العراقي فلان")
_AR_NISBA_AFTER = re.compile(r"[ \t]+([وف]?ال\S{2,}ي)(?=[ \t]*(?:[.،,؛;:]|$))", re.M)
_AR_TITLE_ENDS = re.compile(r"(?:" + AR_NAME_LEAD.pattern + r")(?:[ \t]+(?:ال|لل)\S+){0,2}[ \t]+$")


def nisba_family_names(text: str, persons: list[tuple[int, int]], states: list[tuple[int, int]]
                       ) -> dict[tuple[int, int], tuple[int, int]]:
    """A person of two words or more after a title, then a state's adjective that closes the phrase: the
    adjective is the family name ("الوزير سليم فلان الموريتاني."): person span -> the span with it."""
    state_spans = set(states)
    out = {}
    for start, end in persons:
        m = _AR_NISBA_AFTER.match(text, end)
        if m and m.span(1) in state_spans and len(text[start:end].split()) >= 2 and \
                _AR_TITLE_ENDS.search(text, max(0, start - 60), start):
            out[(start, end)] = (start, m.end(1))
    return out


_AR_TITLE_AFTER = re.compile(r"\s*[،,]\s*(?:" + AR_NAME_LEAD.pattern + r")")
_AR_HONORIFIC_BEFORE = re.compile(r"(?:" + HONORIFIC_RE.pattern + r")[\s/\"«“]*$")


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.-]*")


def drop_lone_arabic_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Arabic person mentions of one word that no title or honorific introduces, that are no word of a
    longer person name of the document and no KB actor: a noun or verb the NER read as a name ("غياب دام",
    "وجود فتور"). A story introduces a person by a full name or a title first (before the name, or after
    it and a comma: "فلانوف، نائب وزير الخارجية"). A place of one Latin word no KB knows is dropped too."""
    name_words = {_ar_key(w) for m in mentions if m.kind == "person" and len(m.form.split()) > 1
                  for w in m.form.split()}
    out = []
    for m in mentions:
        if m.kind == "place" and m.kb_id is None and _LATIN_WORD.fullmatch(m.form):
            continue        # a Latin word of the page in an Arabic story ("آخر تحديث GMT", "Logo"): no place
        if (m.kind == "person" and is_arabic(m.form) and " " not in m.form.strip() and m.title is None
                and m.kb_id is None and not m.descriptive and _ar_key(re.sub(r"^لل", "ال", m.form)) not in name_words
                and not _AR_HONORIFIC_BEFORE.search(text, max(0, m.start - 20), m.start)
                and not _AR_TITLE_AFTER.match(text, m.end)):
            continue
        out.append(m)
    return out
