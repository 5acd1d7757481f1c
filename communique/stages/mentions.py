"""Mentions: spaCy NER + KB gazetteer + rules -> Mention records (persons with titles, acronyms)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..records import Mention
from ..textnorm import fold, is_arabic
from .gazetteer import Gazetteer, GazetteerMatch
from .titles import HONORIFIC_RE, ORG_HEADS, TITLE_RE

__all__ = ["find_mentions", "sentence_spans", "MentionContext"]

_PERSON_LABELS = {"PER", "PERSON", "PERS"}
_ORG_LABELS = {"ORG"}
_PLACE_LABELS = {"LOC", "GPE", "FAC"}
_NAME_PARTICLES = {"bin", "ben", "ibn", "bint", "al", "el", "abu", "abou", "de", "van", "von", "da", "le", "ould",
                   "ul", "ud", "al-", "el-", "بن", "ابن", "أبو", "ابو", "آل", "bin.", "binti"}
_ACRONYM_PAREN = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z&\-]{1,11}(?: [A-Z][A-Za-z]{1,6})?)\s*\)")
_ARABIC_ACR = re.compile(r"\(\s*(?P<acr>[\u0600-\u06ff]{2,8})\s*\)")
_DESCRIPTIVE = re.compile(
    r"(?<![\w-])(?P<det>le|la|l'|l’|les|the|cette|this|ce|du|de la|au|à la)\s+"
    r"(?P<np>(?:[\w-]+\s+){0,2}?(?P<head>[A-Za-zÀ-ÿ]+)(?:\s+(?P<adj>onusien(?:ne)?|islamique|africain(?:e)?|arabe|"
    r"international(?:e)?|militaire|régional(?:e)?|onusiens))?)(?![\w-])", re.I)
_CAP_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")


class MentionContext:
    """Resources the mention rules need, built once per process."""

    def __init__(self, gazetteer: Gazetteer, is_place: Callable[[str], bool],
                 place_lookup: Callable[[str], Any] | None = None) -> None:
        self.gazetteer = gazetteer
        self.is_place = is_place
        self.place_lookup = place_lookup


def _strip_arabic_clitic(text: str, start: int, end: int, ctx: MentionContext) -> tuple[int, int]:
    """'وواشنطن' -> 'واشنطن' when the clitic-less word is a known place or actor."""
    for n in (1, 2):
        if end - start - n >= 3 and all(c in "وفبلك" for c in text[start: start + n]):
            rest = text[start + n: end]
            if ctx.is_place(rest) or ctx.gazetteer.lookup(rest):
                return start + n, end
    return start, end


_ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "gen", "maj", "lt", "col", "brig", "st",
                  "sgt", "capt", "prof", "pr", "no", "nos", "vol", "etc", "jr", "sr", "inc", "ltd", "co", "corp",
                  "av", "bd", "gov", "sen", "rep", "amb", "hon", "messrs", "fig", "art", "p", "pp", "cf", "vs", "env",
                  "retd", "rtd", "adm", "cdr", "cmdr", "sec", "dept", "min", "approx", "jan", "feb", "aug", "sept",
                  "oct", "nov", "dec", "janv", "févr", "avr", "juil"}
_SENT_END = re.compile(r"[.!?؟]+[\"»”’)]*(?=\s)")


def _is_sentence_end(text: str, m: re.Match[str], limit: int) -> bool:
    """A . ! ? ؟ that ends a sentence: not after an abbreviation or initial, not before lowercase."""
    word = re.search(r"([\w.]+)[.!?؟]*$", text[max(0, m.start() - 12): m.start() + 1])
    token = (word.group(1) if word else "").rstrip(".").lower()
    if text[m.start()] == "." and (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
                                   or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token)):
        return False
    nxt = re.match(r"\s*(\S)", text[m.end(): limit])
    return not (nxt and nxt.group(1).islower() and not is_arabic(nxt.group(1)))


def sentence_spans(text: str, sdoc: Any = None) -> list[tuple[int, int]]:
    """Sentence offsets by rule: line breaks, and . ! ? ؟ before a space unless they end an
    abbreviation or an initial ('M. Bourita', 'Maj. Gen.', 'J. Smith'). Press-release lists of
    names stay in one sentence, which spaCy's parser often splits."""
    cuts: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in _SENT_END.finditer(text, line.start(), line.end()):
            if not _is_sentence_end(text, m, line.end()):
                continue
            cuts.append((start, m.end()))
            start = m.end()
        cuts.append((start, line.end()))
    out = []
    for s, e in cuts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _tokens(sdoc: Any) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in sdoc if not t.is_space]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, quotes, punctuation and a possessive from a span; cut at a line break."""
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while start < end and (text[start].isspace() or text[start] in "\"'«»“”(,;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"'«»“”),;:.-–—"):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def _strip_lead(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Drop leading words matched by `pattern` (titles, honorifics, articles) from a span."""
    changed = True
    while changed and start < end:
        changed = False
        m = pattern.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
            while start < end and text[start] in " \t.,":
                start += 1
            changed = True
    return start, end


_MINISTRY_COMPLEMENT = re.compile(
    r"\s+(?:of|for|de|des|du|de la)\s+(?:the\s+)?(?:(?:Foreign|Home|Religious|Islamic|Executive|Political|Economic|"
    r"Defen[cs]e|Interior|Justice|Finance|Economy|Health|Education|Information|Communications?|Trade|Commerce|"
    r"Industry|Energy|State|Security|Army|Staff|Affairs|Naval|Air|National|Planning|Transport|Tourism|Culture|"
    r"Youth|Sports?|Labour|Labor|Agriculture|Development|Cooperation|International|and|&)\s*)+(?=\s*[A-Z])")
_LEAD_WORDS = re.compile(r"(?:the|le|la|les|l'|l’|former|ex-|retired|feu)\b\s*", re.I)
# Common nouns NER tags as places.
_NOT_PLACES = {"etats", "etat", "etats allies", "etats membres", "state", "states", "member states", "royaume",
               "kingdom", "region", "région", "pays", "country", "countries", "monde", "world", "capitale", "capital"}


def _is_name_token(word: str) -> bool:
    return (bool(_CAP_WORD.match(word)) and not TITLE_RE.fullmatch(word) and not HONORIFIC_RE.fullmatch(word)
            and word.lower() not in ORG_HEADS and word.lower() not in _NOT_NAMES)


_NOT_NAMES = {"on", "in", "at", "the", "and", "le", "la", "les", "et", "of", "de", "to", "for", "with", "avec",
              "mr", "mrs", "ms", "ministers", "minister", "ministry", "armed", "army", "defence", "defense",
              "staff", "affairs", "foreign", "headquarters", "house", "parliament", "senate", "government",
              "kingdom", "republic", "royaume", "république", "state", "states", "united", "nations"}


def find_mentions(text: str, sdoc: Any, ctx: MentionContext, lang: str) -> list[Mention]:
    """All named mentions of a document, typed and with the titles attached to persons."""
    sents = sentence_spans(text, sdoc)
    tokens = _tokens(sdoc)
    gaz = ctx.gazetteer.match(text, tokens)
    spans: dict[tuple[int, int], dict[str, Any]] = {}

    def add(start: int, end: int, kind: str, **extra: Any) -> None:
        start, end = _clean_span(text, start, end)
        if end - start < 2:
            return
        for key in list(spans):
            if _overlaps(key, (start, end)):
                return
        spans[(start, end)] = {"kind": kind, **extra}

    # 1. KB aliases first: they are the most precise (organizations, states, demonyms) -- except a
    # state inside a longer organization name ("Radio Television Brunei", "Pakistan Army").
    ner_orgs = [_clean_span(text, e.start_char, e.end_char) for e in sdoc.ents if e.label_ in _ORG_LABELS
                and not re.search(r"\s(?:و(?=\S)|and\s|et\s)", e.text)]      # not "X and Y" glued by NER
    for g in gaz:
        if g.entry.kind == "state" and any(s <= g.start and g.end <= e and (e - s) > (g.end - g.start) + 3
                                            and not TITLE_RE.search(text[s:e]) for s, e in ner_orgs):
            continue
        add(g.start, g.end, g.entry.kind, kb=g.entry.actor_id, alias_type=g.entry.alias_type)

    # 3. Persons from NER, repaired: titles and honorifics stripped, names extended to the right.
    word_at = {s: (s, e) for s, e in tokens}
    token_starts = sorted(word_at)
    for ent in sdoc.ents:
        if ent.label_ not in _PERSON_LABELS:
            continue
        start, end = _clean_span(text, ent.start_char, ent.end_char)
        start, end = _strip_lead(text, start, end, re.compile(TITLE_RE.pattern + r"|" + HONORIFIC_RE.pattern, re.I))
        start, end = _strip_lead(text, start, end, _LEAD_WORDS)
        end = _extend_name(text, end, token_starts, word_at, spans)
        form = text[start:end]
        if not form or (not is_arabic(form) and not form[0].isupper()):
            continue
        if TITLE_RE.fullmatch(form) or ctx.gazetteer.lookup(form):
            continue
        add(start, end, "person")

    # 4. Persons named right after a title ("Foreign Minister Shah Mehmood Qureshi") that NER missed.
    for m in TITLE_RE.finditer(text):
        if m.group(0).lower().endswith("s") and m.group(0).lower() not in {"coas"}:
            continue
        if is_arabic(m.group(0)):
            continue        # Arabic names after titles come from the NER model, not from capitalization
        pos = m.end()
        cm = _MINISTRY_COMPLEMENT.match(text, pos)
        if cm:
            pos = cm.end()
        hm = re.match(r"\s+(?:(?:" + HONORIFIC_RE.pattern + r")\s*)*", text[pos:], re.I)
        if hm:
            pos += hm.end()
        if pos in word_at:
            end = _extend_name(text, pos, token_starts, word_at, spans, first=True)
            if end > pos and not ctx.gazetteer.lookup(text[pos:end]) and not ctx.is_place(text[pos:end]):
                add(pos, end, "person")

    # 5. Organizations and places from NER (not a word of a title: "Defence Deputy Minister").
    title_spans = [(t.start(), t.end()) for t in TITLE_RE.finditer(text)]
    for ent in sdoc.ents:
        start, end = _clean_span(text, ent.start_char, ent.end_char)
        if any(ts <= start and end <= te for ts, te in title_spans):
            continue
        if ent.label_ in _ORG_LABELS | _PLACE_LABELS or ent.label_ == "MISC":
            # a function phrase tagged as an entity: keep what follows the title
            tm = TITLE_RE.match(text, start, end)
            if tm:
                continue
            start, end = _strip_lead(text, start, end, _LEAD_WORDS)
            form = text[start:end]
            if not form or TITLE_RE.search(form):
                continue
            if ent.label_ == "MISC":
                continue
            if is_arabic(form):
                start, end = _strip_arabic_clitic(text, start, end, ctx)
                form = text[start:end]
                gov = re.match(r"(?:حكومة|دولة)\s+", form)
                if gov and ctx.gazetteer.lookup(form[gov.end():]):
                    continue        # "حكومة ساحل العاج": the state, matched by the gazetteer
            elif re.match(r"(?:the\s+)?(?:government|gouvernement)\s+(?:of|du|de la|de l'|des)\s+", form, re.I):
                continue
            if ent.label_ in _PLACE_LABELS or ctx.is_place(form):
                if is_arabic(form) and len(form.split()) == 1 and not ctx.is_place(form):
                    continue        # a lone Arabic word the gazetteers do not know ("لانعقاد")
                if fold(form) not in _NOT_PLACES:
                    add(start, end, "place")
            elif not is_arabic(form) and not form[0].isupper():
                continue
            else:
                add(start, end, "organization")

    # 2. Acronym definitions "Long Name (ACR)": the long form and every later use of ACR.
    acronyms = _acronym_definitions(text, sdoc, spans, gaz)

    # 2b. A known person's surname or given name used alone ("Madani", "Imran").
    _name_words_alone(text, spans)

    # 5b. Arabic place names the NER missed, from the exact place index (cities of 100k+ people).
    if lang == "ar" and ctx.place_lookup is not None:
        for s_tok, e_tok in tokens:
            word = text[s_tok:e_tok]
            if len(word) < 4 or not is_arabic(word) or any(_overlaps(k, (s_tok, e_tok)) for k in spans):
                continue
            s2, e2 = _strip_arabic_clitic(text, s_tok, e_tok, ctx)
            place = ctx.place_lookup(text[s2:e2])
            if place is not None and place.kind == "city" and (place.population or 0) >= 100_000:
                add(s2, e2, "place")

    # 6. Descriptive back-references to organizations ("le Centre onusien", "the coalition").
    org_forms = [fold(text[s:e]) for (s, e), v in spans.items() if v["kind"] == "organization"]
    for m in _DESCRIPTIVE.finditer(text):
        head = fold(m.group("head"))
        if head.rstrip("s") not in ORG_HEADS and head not in ORG_HEADS:
            continue
        if not any(head in f.split() for f in org_forms):
            continue
        s, e = m.start("np"), m.end("np")
        if any(_overlaps(k, (s, e)) for k in spans):
            continue
        add(s, e, "organization", descriptive=True)

    mentions: list[Mention] = []
    for (start, end), info in sorted(spans.items()):
        form = text[start:end]
        acr = acronyms.get((start, end))
        mentions.append(Mention(
            start=start, end=end, form=form, kind=info["kind"], sentence=_sentence_index(sents, start),
            acronym=acr, descriptive=bool(info.get("descriptive")), kb_id=info.get("kb"),
        ))
    verbs = {t.idx for t in sdoc if t.pos_ in {"VERB", "AUX"} and not TITLE_RE.fullmatch(t.text)}
    mentions = _persons_by_surname(mentions, ctx)
    return attach_titles(text, mentions, sents, verbs)


def _persons_by_surname(mentions: list[Mention], ctx: MentionContext) -> list[Mention]:
    """A place or organization mention that is a word of a person's name ('Bourita') is that person."""
    from dataclasses import replace

    name_words = {fold(w) for m in mentions if m.kind == "person" and not m.descriptive
                  for w in m.form.split() if len(w) > 2}
    out = []
    for m in mentions:
        if m.kind in {"place", "organization"} and m.kb_id is None and fold(m.form) in name_words \
                and ctx.gazetteer.lookup(m.form) == [] and not m.acronym:
            m = replace(m, kind="person")
        out.append(m)
    return out


_NAME_WORD = re.compile(r"[^\s,;:()\[\]«»\"“”]+")


def _name_words_alone(text: str, spans: dict[tuple[int, int], dict[str, Any]]) -> None:
    """Add mentions for a known person's name words used alone (capitalized, 4+ letters)."""
    words: set[str] = set()
    for (s, e), info in spans.items():
        if info["kind"] == "person":
            form = text[s:e]
            if is_arabic(form):
                parts = form.split()
                if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1] not in _NAME_PARTICLES:
                    words.add(parts[-1])      # the family name: "حموشي" after "عبد اللطيف حموشي"
                continue
            parts = [w for w in re.split(r"\s+", form) if len(w) >= 4 and w[0].isupper()]
            if len(parts) >= 2:
                words.update(parts)
    words -= {w for w in words if w.lower() in _NOT_NAMES or TITLE_RE.fullmatch(w)}
    if not words:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) +
                         r")(?![\w-])")
    for m in pattern.finditer(text):
        span = (m.start(), m.end())
        if not any(_overlaps(k, span) for k in spans):
            spans[span] = {"kind": "person"}


def _extend_name(text: str, end: int, token_starts: list[int], word_at: dict[int, tuple[int, int]],
                 spans: dict[tuple[int, int], dict[str, Any]], *, first: bool = False) -> int:
    """Extend a person name over the following capitalized words and name particles on the same line
    ("Gen Qamar" -> "Gen Qamar Javed Bajwa"); with first=True the name starts at `end`."""
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
        if not word or any(_overlaps(k, (w_start, w_end)) for k in spans):
            break
        core = re.sub(r"^(?:al|el|ul|ad|as|ash|at|an|ar|az)[-‐]", "", word, flags=re.I)
        if word.lower() in _NAME_PARTICLES:
            pos = w_end
            count += 1
            first = False
            continue
        if (core and _is_name_token(core) and _is_name_token(word[0].upper() + word[1:])) or (is_arabic(word) and first):
            pos = w_end
            out = w_end
            count += 1
            first = False
            if m.group(0) != word:      # "Al-Moghidi." ends the name
                break
            continue
        break
    return out


def _acronym_definitions(text: str, sdoc: Any, spans: dict[tuple[int, int], dict[str, Any]],
                         gaz: list[GazetteerMatch]) -> dict[tuple[int, int], str]:
    """'Long Name (ACR)' and 'ACR (Long Name)': mark the long form and add every use of ACR."""
    found: dict[tuple[int, int], str] = {}
    for m in _ACRONYM_PAREN.finditer(text):
        acr = m.group("acr")
        before = text[: m.start()].rstrip()
        # the mention ending right before the parenthesis (not itself an acronym), else capitalized words back
        long_span = next(((s, e) for (s, e) in spans if e == len(before) and (e - s) > 6
                          and spans[(s, e)]["kind"] in {"organization", "state"}), None)
        if long_span is None:
            long_span = _capitalized_run_before(text, len(before))
            if long_span is not None:
                # "Executive Director of UN Counter Terrorism ... (CTED)": the name starts after the title
                tm = re.match(r"(?:%s)\s+(?:of the|of|de la|de l'|du|des|de)\s+" % TITLE_RE.pattern,
                              text[long_span[0]: long_span[1]], re.I)
                if tm:
                    long_span = (long_span[0] + tm.end(), long_span[1])
        if long_span is None:
            # "la Structure régionale anti-terroriste de l'OCS (Sco Rats)": from an organization head
            # word (capitalized) through lowercase words to the parenthesis, within one clause
            head = re.search(r"(?:^|[\s'’])((?:%s)\b[^,;.()]{0,90})$" % "|".join(
                w.capitalize() for w in sorted(ORG_HEADS, key=len, reverse=True)), before)
            if head:
                long_span = (head.start(1), len(before))
                acr_info = spans.get((m.start("acr"), m.end("acr")))
                words = re.findall(r"\w+", text[long_span[0]: long_span[1]])
                initials = "".join(w[0] for w in words if w.lower() not in _CONNECTORS).lower()
                letters = re.sub(r"[^a-z]", "", acr.lower())
                if (acr_info and acr_info.get("kb")) or (letters and initials.startswith(letters[:2])):
                    for k in [k for k in spans if long_span[0] <= k[0] and k[1] <= long_span[1]]:
                        del spans[k]
                    spans[long_span] = {"kind": "organization",
                                        "kb": acr_info.get("kb") if acr_info else None}
                else:
                    long_span = None
        if long_span is None:
            continue
        long_form = text[long_span[0]: long_span[1]]
        if not _plausible_acronym(acr, long_form) and long_span not in spans:
            continue
        info = spans.get(long_span)
        if info is None:
            inner = [k for k in spans if _overlaps(k, long_span)]
            acr_info = spans.get((m.start("acr"), m.end("acr")))
            if inner and all(long_span[0] <= k[0] and k[1] <= long_span[1] for k in inner) \
                    and acr_info is not None and acr_info.get("kb") and _plausible_acronym(acr, long_form):
                for k in inner:
                    del spans[k]
                spans[long_span] = {"kind": acr_info["kind"], "kb": acr_info["kb"]}
                info = spans[long_span]
            elif inner:
                continue
            spans[long_span] = {"kind": "organization"}
            info = spans[long_span]
        found[long_span] = acr
        acr_info = spans.get((m.start("acr"), m.end("acr")))
        if acr_info is not None and acr_info.get("kb") and not info.get("kb") and info["kind"] == "organization":
            info["kb"] = acr_info["kb"]          # "Organisation de coopération islamique (OCI)" is the KB's OCI
        kind = info["kind"]
        for use in re.finditer(r"(?<![\w-])" + re.escape(acr) + r"(?![\w-])", text):
            span = (use.start(), use.end())
            if span == (m.start("acr"), m.end("acr")) or not any(_overlaps(k, span) for k in spans):
                spans[span] = {"kind": kind, "kb": info.get("kb"), "alias_type": "acronym"}
    return found


_CONNECTORS = {"of", "for", "the", "and", "on", "against", "de", "du", "des", "la", "le", "l", "d", "et", "pour",
               "contre", "sur", "en", "à", "aux", "au"}


def _capitalized_run_before(text: str, end: int) -> tuple[int, int] | None:
    """The run of capitalized words (with connectors) ending at `end`, e.g. 'Malaysian Armed Forces'."""
    words = list(re.finditer(r"[\w'’-]+", text[max(0, end - 160): end]))
    base = max(0, end - 160)
    start = None
    caps = 0
    for w in reversed(words):
        word = w.group(0)
        if text[base + w.end(): end].count("\n") or re.search(r"[,.;:]", text[base + w.end(): end]):
            break
        if word[0].isupper():
            start = base + w.start()
            caps += 1
        elif word.lower().split("'")[0] in _CONNECTORS or word.lower() in _CONNECTORS:
            continue
        else:
            break
    if start is None or caps < 2:
        return None
    return start, end


def _plausible_acronym(acr: str, long_form: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[\w]+", long_form) if w[0].isupper()).lower()
    letters = re.sub(r"[^a-z]", "", acr.lower())
    if not letters:
        return False
    it = iter(initials)
    return sum(ch in initials for ch in letters) >= max(2, len(letters) - 1) or all(ch in it for ch in letters)


# --- titles ---------------------------------------------------------------------------------------

_WHO_IS = re.compile(r"^\s*(?:(?:who is|who was|qui est|the|le|la|l'|l’|former|ancien|ex-)\s*)*"
                     r"(?:[A-Z][a-z]+(?:an|ian|i|ese|ish|ien|ienne|ais|aise|ain|aine)\s+)?")


def attach_titles(text: str, mentions: list[Mention], sents: list[tuple[int, int]],
                  verbs: set[int] = frozenset()) -> list[Mention]:  # type: ignore[assignment]
    """Attach pre-name titles, reverse appositions and appositions to person mentions; title-only
    references ("le directeur de l'UNCCT") become descriptive person mentions."""
    from dataclasses import replace

    out: list[Mention] = []
    person_spans = [(m.start, m.end) for m in mentions if m.kind == "person" and not m.descriptive]
    used_titles: list[tuple[int, int]] = []
    by_start = sorted(mentions, key=lambda m: m.start)
    for m in by_start:
        if m.kind != "person" or m.descriptive:
            out.append(m)
            continue
        s_start, s_end = sents[m.sentence]
        titles: list[str] = []
        orgs: list[str] = []
        # (a) title right before the name, possibly after a comma: "TITLE de l'ORG, le général X"
        clause_start = _clause_start(text, m.start)
        # the title of this name starts after the previous person named in the sentence
        s_start = max([clause_start] + [e for s, e in person_spans if e <= m.start])
        left = text[s_start: m.start]
        for n, (chunk_start, chunk) in enumerate(_left_chunks(left, s_start, limit=2)):
            if any(_overlaps(p, (chunk_start, chunk_start + len(chunk))) for p in person_spans):
                break
            tm = _adjacent_title(text, chunk_start, chunk, mentions, verbs)
            if tm is None:
                # "..., du Danemark, Anders Samuelsen": a bare state phrase names the person's country
                states = _orgs_in(mentions, chunk_start, chunk_start + len(chunk))
                if n == 0 and states and len(chunk.split()) <= 4:
                    orgs.extend(states)
                break
            titles.append(_title_text(chunk, tm))
            used_titles.append((chunk_start + tm.start(), chunk_start + len(chunk)))
            # Arabic function phrases put the state or body before the rank: "نائب رئيس أمن الدولة السعودي الوزير X"
            org_from = chunk_start if is_arabic(tm.group(0)) else chunk_start + tm.start()
            orgs.extend(_orgs_in(mentions, org_from, chunk_start + len(chunk)))
            if _leading_title(chunk) is None:
                break
        rep = re.search(r"(?:represented by|representing|représenté(?:e)? par|représentant)\b",
                        text[clause_start: m.start], re.I)
        if rep:
            near = [x for x in mentions if x.kind == "state" and clause_start <= x.start < m.start
                    and abs(x.start - (clause_start + rep.start())) < 40]
            orgs.extend(f"{x.start}:{x.end}" for x in near)
        # (b) apposition after the name: "X, Secrétaire général de l'OCI,"
        right = text[m.end: s_end]
        am = re.match(r"\s*,\s*([^,;]{2,160})", right)
        if am:
            chunk = am.group(1)
            chunk_start = m.end + am.start(1)
            lead = _WHO_IS.match(chunk)
            tm = TITLE_RE.match(chunk, lead.end() if lead else 0)
            if tm and not any(_overlaps(p, (chunk_start, chunk_start + len(chunk))) for p in person_spans):
                titles.append(_title_text(chunk, tm))
                used_titles.append((chunk_start + tm.start(), chunk_start + len(chunk)))
                orgs.extend(_orgs_in(mentions, chunk_start + tm.start(), chunk_start + len(chunk)))
        out.append(replace(m, title="; ".join(dict.fromkeys(titles)) or None,
                           title_org=orgs[0] if orgs else None))
    # (c) title-only references
    for tm in TITLE_RE.finditer(text):
        span = (tm.start(), tm.end())
        if any(_overlaps(span, u) for u in used_titles) or any(_overlaps(span, (m.start, m.end)) for m in mentions):
            continue
        sent = _sentence_index(sents, tm.start())
        s_start, s_end = sents[sent]
        pre = text[max(s_start, tm.start() - 30): tm.start()]
        start = tm.start()
        orgs = []
        demonym = next((x for x in mentions if x.kind == "state" and x.end in (tm.start() - 1, tm.start())
                        and x.start >= s_start), None)
        if is_arabic(tm.group(0)):
            # Arabic adjectives follow the noun: "المسؤول السعودي", "الوزير الغيني"
            after = next((x for x in mentions if x.kind == "state" and x.start in (tm.end() + 1, tm.end())), None)
            if after is not None:
                orgs = [f"{after.start}:{after.end}"]
                end = after.end
                out.append(Mention(start=tm.start(), end=end, form=text[tm.start():end], kind="person", sentence=sent,
                                   title=tm.group(0), title_org=orgs[0], descriptive=True))
                continue
        if demonym is not None:
            pre = text[max(s_start, demonym.start - 12): demonym.start]
            start = demonym.start
            orgs = [f"{demonym.start}:{demonym.end}"]
        if not re.search(r"(?:\b(?:le|la|l'|l’|the|du|de la|au|à la|his|her|its)\s+(?:(?:former|ancien|ex-|new|nouveau|"
                         r"outgoing|current|actuel)\s+)?|ال)$", pre.lower()) \
                and not is_arabic(tm.group(0)):
            continue
        end = _title_phrase_end(text, mentions, tm.end(), s_end)
        orgs = orgs or _orgs_in(mentions, tm.start(), end)
        out.append(Mention(start=start, end=end, form=text[start:end], kind="person", sentence=sent,
                           title=tm.group(0), title_org=orgs[0] if orgs else None, descriptive=True))
    out.sort(key=lambda x: x.start)
    return out


_COMPLEMENT = re.compile(
    r"^(?:\s*(?:of|de|du|des|for|pour|d'|d’|the|la|le|l'|l’|and|et|&|at|in|à|aux?|[A-ZÀ-Ý][\w'’-]*|"
    r"\((?:[^)]{1,12})\)|[a-zàâçéèêëîïôûù]+(?:ain|aine|ais|aise|ien|ienne|ois|oise|an|ian|ese|i)))*\s*$")


def _adjacent_title(text: str, chunk_start: int, chunk: str, mentions: list[Mention],
                    verbs: set[int]) -> re.Match[str] | None:
    """The title phrase that ends a chunk (right before a name or its comma): title words, then only
    an of-complement ('Deputy Minister of Defence', 'directeur du Centre ... (UNCCT)', 'ministre marocain')."""
    matches = list(TITLE_RE.finditer(chunk))
    if not matches:
        return None
    last = matches[-1]
    tail_start, tail_end = chunk_start + last.end(), chunk_start + len(chunk)
    tail = list(text[tail_start:tail_end])
    for mention in mentions:
        if mention.kind in {"organization", "state", "place"} and tail_start <= mention.start and mention.end <= tail_end:
            for i in range(mention.start - tail_start, mention.end - tail_start):
                tail[i] = " "
    tail_text = HONORIFIC_RE.sub(" ", "".join(tail))
    if not _COMPLEMENT.match(tail_text):
        # a longer complement is fine when it has no verb ("ministre des affaires étrangères et de la coopération")
        if any(tail_start <= v < tail_end for v in verbs) or len(tail_text.split()) > 12 or re.search(r"[.!?;]", tail_text):
            return None
    first = last
    for prev in reversed(matches[:-1]):
        between = chunk[prev.end(): first.start()]
        if re.fullmatch(r"\s*(?:(?:of|de|du|des|the|la|l'|l’|and|et|&)\s+|[A-ZÀ-Ý][\w'’-]*\s+){0,6}", between):
            first = prev
        else:
            break
    return first


def _leading_title(chunk: str) -> re.Match[str] | None:
    """A chunk that is a function phrase: it starts with (a determiner and) a title."""
    lead = re.match(r"\s*(?:(?:le|la|l'|l’|the|son|sa|his|her|former|ancien|ex-)\s*)*", chunk, re.I)
    return TITLE_RE.match(chunk, lead.end() if lead else 0)


def _clause_start(text: str, pos: int) -> int:
    """Start of the sentence holding `pos` (same rules as sentence_spans)."""
    lo = max(0, pos - 300)
    line = text.rfind("\n", lo, pos)
    start = line + 1 if line >= 0 else lo
    for m in _SENT_END.finditer(text, start, pos):
        if _is_sentence_end(text, m, pos):
            start = m.end()
    return start


def _left_chunks(left: str, base: int, limit: int) -> list[tuple[int, str]]:
    """Up to `limit` comma-separated chunks of the text left of a name, nearest first."""
    out = []
    end = len(left)
    # honorifics right before the name are skipped
    for _ in range(limit):
        piece = left[:end]
        cut = max(piece.rfind(","), piece.rfind(";"), piece.rfind(":"), piece.rfind("،"))
        chunk = piece[cut + 1:]
        stripped = HONORIFIC_RE.sub(" ", chunk)
        if not stripped.strip():
            end = cut
            if cut < 0:
                break
            continue
        out.append((base + cut + 1, chunk))
        if cut < 0:
            break
        end = cut
        # only continue past a comma when the chunk just read was a title
        if not TITLE_RE.search(chunk):
            break
    return out


def _title_text(chunk: str, m: re.Match[str]) -> str:
    """The title as stated: the title words, extended over directly following title words."""
    end = m.end()
    while True:
        nxt = TITLE_RE.match(chunk, end + 1) if end + 1 < len(chunk) and chunk[end] == " " else None
        if not nxt:
            break
        end = nxt.end()
    return chunk[m.start(): end].strip()


def _title_phrase_end(text: str, mentions: list[Mention], pos: int, limit: int) -> int:
    """End of a function phrase 'directeur de l'UNCCT' / 'Secretary General of the OIC'."""
    m = re.match(r"\s+(?:of the|of|de la|de l'|de l’|des|du|d'|d’|de|for|pour|in charge of|chargée? (?:du|de la|des|de l'))\s*", text[pos:limit], re.I)
    if not m:
        return pos
    after = pos + m.end()
    for mention in mentions:
        if mention.start >= after and mention.start - after <= 2 and mention.kind in {"organization", "state"}:
            return mention.end
    return pos


def _orgs_in(mentions: list[Mention], start: int, end: int) -> list[str]:
    """Organization or state mentions inside a span, organizations first (as forms)."""
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.kind in {"organization", "state"}]
    # organizations before states; the most specific (longest) organization first
    inside.sort(key=lambda m: (0 if (m.kind == "organization" and m.kb_id) else 1 if m.kind == "state" else 2,
                               -len(m.form) if not m.acronym else -99, m.start))
    return [f"{m.start}:{m.end}" for m in inside]
