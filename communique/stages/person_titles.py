"""Titles of persons: person mentions and the text around them -> mentions with their title and the
organization or state of that title; title-only references ('le directeur de l'UNCCT') -> person mentions."""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Mention
from ..textnorm import is_arabic
from .sentences import clause_start, sentence_index
from .spans import overlaps
from .titles import HONORIFIC_RE, TITLE_RE, TITLE_WORDS

__all__ = ["attach_titles"]

Span = tuple[int, int]

_WHO_IS = re.compile(r"^\s*(?:(?:who is|who was|qui est|the|le|la|l'|l’|former|ancien|ex-)\s*)*"
                     r"(?:[A-Z][a-z]+(?:an|ian|i|ese|ish|ien|ienne|ais|aise|ain|aine)\s+)?")
_REPRESENTED = re.compile(r"(?:represented by|representing|représenté(?:e)? par|représentant)\b", re.I)
# the determiner (and "former") that makes a title a reference to one person: "le directeur", "the new head"
_DETERMINED = re.compile(r"(?:\b(?:le|la|l'|l’|the|du|de la|au|à la|his|her|its)\s+(?:(?:former|ancien|ex-|new|"
                         r"nouveau|outgoing|current|actuel)\s+)?(?:(?:newly|recently|visiting|resident|appointed|"
                         r"accredited|incoming)\s+){0,3}|ال)$")
_COMPLEMENT = re.compile(
    r"^(?:\s*(?:of|de|du|des|for|pour|d'|d’|the|la|le|l'|l’|and|et|&|at|in|à|aux?|[A-ZÀ-Ý][\w'’-]*|"
    r"\((?:[^)]{1,12})\)|[a-zàâçéèêëîïôûù]+(?:ain|aine|ais|aise|ien|ienne|ois|oise|an|ian|ese|i)))*\s*$")
_TITLE_CHAIN = re.compile(r"\s*(?:(?:of|de|du|des|the|la|l'|l’|and|et|&)\s+|[A-ZÀ-Ý][\w'’-]*\s+){0,6}")
_LEADING_TITLE = re.compile(r"\s*(?:(?:le|la|l'|l’|the|son|sa|his|her|former|ancien|ex-)\s*)*", re.I)
_OF = re.compile(r"\s+(?:of the|of|de la|de l'|de l’|des|du|d'|d’|de|for|pour|in charge of|chargée? (?:du|de la|des|de l'))\s*",
                 re.I)


def attach_titles(text: str, mentions: list[Mention], sents: list[Span],
                  verbs: set[int] = frozenset()) -> list[Mention]:  # type: ignore[assignment]
    """Attach pre-name titles, reverse appositions and appositions to person mentions; title-only
    references ("le directeur de l'UNCCT") become descriptive person mentions. `verbs` holds the
    offsets of verbs (a title's complement has none)."""
    out: list[Mention] = []
    person_spans = [(m.start, m.end) for m in mentions if m.kind == "person" and not m.descriptive]
    used_titles: list[Span] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind != "person" or m.descriptive:
            out.append(m)
            continue
        titles, orgs = _titles_before(text, m, mentions, person_spans, verbs, used_titles)
        after_titles, after_orgs = _title_after(text, m, sents[m.sentence][1], mentions, person_spans, used_titles)
        titles += after_titles
        orgs += after_orgs or _delegation_headed(text, m, sents[m.sentence][1], mentions)
        orgs = orgs or _state_after_of(text, m, mentions)
        if titles and not orgs:
            orgs = _state_of_the_setting(text, m, sents[m.sentence][0], mentions)
        out.append(replace(m, title="; ".join(dict.fromkeys(titles)) or None,
                           title_org=orgs[0] if orgs else None))
    out = _respective_states(text, out, sents)
    out.extend(_title_only_references(text, mentions, sents, used_titles))
    out.sort(key=lambda x: x.start)
    return out


_RESPECTIVELY = re.compile(r"\b(?:respectivement|respectively)\b", re.I)
_STATE_LIST_GAP = re.compile(r"\s*(?:,|et|and)?\s*(?:,|et|and)?\s*(?:de\s+la|de\s+l['’]|des|du|de|d['’]|of|the|of\s+the)?\s*", re.I)


def _respective_states(text: str, mentions: list[Mention], sents: list[Span]) -> list[Mention]:
    """"les ambassadeurs de Sylvanie et de Freedonie auprès de X, respectivement MM. A et B", "the envoys of X
    and Y, respectively A and B": the persons named after the word take, in order, the states of the last list
    of as many states before it in the sentence (a person's own stated state is kept)."""
    for rm in _RESPECTIVELY.finditer(text):
        s_start, s_end = next(((a, b) for a, b in sents if a <= rm.start() < b), (0, len(text)))
        persons = [i for i, m in enumerate(mentions) if m.kind == "person" and not m.descriptive
                   and rm.end() <= m.start < min(s_end, rm.end() + 120)]
        states = [m for m in mentions if m.kind == "state" and s_start <= m.start and m.end <= rm.start()]
        runs: list[list[Mention]] = []
        for m in states:
            if runs and _STATE_LIST_GAP.fullmatch(text, runs[-1][-1].end, m.start):
                runs[-1].append(m)
            else:
                runs.append([m])
        listed = next((run for run in reversed(runs) if len(run) == len(persons)), None)
        if len(persons) < 2 or listed is None:
            continue
        for i, state in zip(persons, listed):
            if mentions[i].title_org is None:
                mentions[i] = replace(mentions[i], title_org=f"{state.start}:{state.end}")
    return mentions


def _titles_before(text: str, m: Mention, mentions: list[Mention], person_spans: list[Span], verbs: set[int],
                   used_titles: list[Span]) -> tuple[list[str], list[str]]:
    """Titles right before the name, possibly after a comma ("TITLE de l'ORG, le général X"), and the
    organizations or states in them (as 'start:end'); a state named just before stands for the title's."""
    titles: list[str] = []
    orgs: list[str] = []
    start_of_clause = clause_start(text, m.start)
    # the title of this name starts after the previous person named in the sentence
    s_start = max([start_of_clause] + [e for s, e in person_spans if e <= m.start])
    for n, (chunk_start, chunk) in enumerate(_left_chunks(_unglued_titles(text[s_start: m.start]), s_start, limit=2)):
        if any(overlaps(p, (chunk_start, chunk_start + len(chunk))) for p in person_spans):
            break
        tm = _adjacent_title(text, chunk_start, chunk, mentions, verbs)
        if tm is None:
            # "..., de la Sylvanie, Karl Ostrum": a bare state phrase names the person's country (one
            # state, not the "Sylvania/Freedonia :" of a headline)
            states = _orgs_in(mentions, chunk_start, chunk_start + len(chunk))
            if n == 0 and states and len(chunk.split()) <= 4 and _one_state(mentions, chunk_start, chunk_start + len(chunk)) \
                    and not _COMPLEMENT_OF_PREVIOUS.match(chunk):
                orgs.extend(states)
            elif n == 0 and is_arabic(chunk):
                orgs.extend(_demonym_right_before(text, m, mentions))
            break
        titles.append(_title_text(chunk, tm))
        used_titles.append((chunk_start + tm.start(), chunk_start + len(chunk)))
        # Arabic function phrases put the state or body before the rank: "نائب رئيس أمن الدولة السعودي الوزير X"
        org_from = chunk_start if is_arabic(tm.group(0)) else chunk_start + tm.start()
        orgs.extend(_orgs_in(mentions, org_from, chunk_start + len(chunk), nearest_state=is_arabic(tm.group(0))))
        if not is_arabic(tm.group(0)):
            orgs.extend(_state_before_title(text, chunk_start + tm.start(), mentions))
        if _leading_title(chunk) is None:
            break
    rep = _REPRESENTED.search(text[start_of_clause: m.start])
    if rep:
        near = [x for x in mentions if x.kind == "state" and start_of_clause <= x.start < m.start
                and abs(x.start - (start_of_clause + rep.start())) < 40]
        orgs.extend(f"{x.start}:{x.end}" for x in near)
    return titles, orgs


_AND_BEFORE_TITLE = re.compile(r"(?<![\w-])[وف](?=(?:" + "|".join(re.escape(t) for t in TITLE_WORDS if is_arabic(t))
                               + r")(?![\w-]))")


def _unglued_titles(left: str) -> str:
    """The Arabic conjunction glued to a title read as a space ("ورئيس" -> " رئيس"), offsets kept: "X ورئيس
    المجلس الفلاني Y" gives Y a title like the first name's."""
    return _AND_BEFORE_TITLE.sub(" ", left) if is_arabic(left) else left


#: between a state and the title it qualifies: "French Foreign Minister", "Ruritania's Deputy Prime Minister"
_STATE_TITLE_GAP = re.compile(r"(?:['’]s)?\s")
_STATE_TITLE_GAP_AFTER = re.compile(r"(?:['’]s?)?\s+")


def _state_before_title(text: str, title_start: int, mentions: list[Mention]) -> list[str]:
    """A state adjective or possessive, or a body, right before an English or French title ("French Foreign Minister X",
    "Ruritania's Minister of Trade, X", "Harbour Union Secretary General X"): the state or body of the person who
    holds it (after those of the title's own complement, "Ambassador to Y")."""
    return [f"{x.start}:{x.end}" for x in mentions if x.kind in {"state", "organization"} and x.end < title_start
            and _STATE_TITLE_GAP.fullmatch(text, x.end, title_start)]


def _demonym_right_before(text: str, m: Mention, mentions: list[Mention]) -> list[str]:
    """An Arabic state adjective right before the name ("مع نظرائه الإيراني X"): the person's country."""
    return [f"{x.start}:{x.end}" for x in mentions if x.kind == "state" and x.end <= m.start
            and not text[x.end:m.start].strip(" \t\"“”«»")]


def _title_after(text: str, m: Mention, s_end: int, mentions: list[Mention], person_spans: list[Span],
                 used_titles: list[Span]) -> tuple[list[str], list[str]]:
    """An apposition after the name: "X, Secrétaire général de l'OCI," -> its title and organizations."""
    am = re.match(r"\s*,\s*([^,;]{2,160})", text[m.end: s_end])
    if not am:
        return [], []
    chunk = am.group(1)
    chunk_start = m.end + am.start(1)
    lead = _WHO_IS.match(chunk)
    at = lead.end() if lead else 0
    tm = TITLE_RE.match(chunk, at)
    owner = None
    if not tm:      # "X, the Vellands' foreign minister,": a state's possessive before the title
        owner = next((x for x in mentions if x.kind == "state" and x.start == chunk_start + at), None)
        gap = _STATE_TITLE_GAP_AFTER.match(chunk, owner.end - chunk_start) if owner else None
        tm = TITLE_RE.match(chunk, gap.end()) if gap else None
    if not tm or any(overlaps(p, (chunk_start, chunk_start + len(chunk))) for p in person_spans):
        return [], []
    used_titles.append((chunk_start + tm.start(), chunk_start + len(chunk)))
    orgs = _orgs_in(mentions, chunk_start + tm.start(), chunk_start + len(chunk))
    return [_title_text(chunk, tm)], orgs + ([f"{owner.start}:{owner.end}"] if owner else [])


#: "X led the Xlandian delegation", "X, who headed the Xlandian team"
_HEADED_THE = re.compile(r"[^.;]*?\b(?:headed|heads|heading|led|leads|leading)\s+the\s+$", re.I)
_DELEGATION_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:delegation|team|mission)\b", re.I)
#: a sentence set in a state: "In Xland, he held talks with Foreign Minister X on fisheries"
_IN_STATE_OPENING = re.compile(r"\s*In\s+$")


#: "A of Xland, B of Yland": the state after "of" is the previous name's, not the next one's
_COMPLEMENT_OF_PREVIOUS = re.compile(r"\s*(?:of|from)\s", re.I)
_OF_RIGHT_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$", re.I)


def _state_after_of(text: str, m: Mention, mentions: list[Mention]) -> list[str]:
    """'A of Xland, B of Yland': a Latin name right followed by 'of' and a state is of that state."""
    if is_arabic(m.form):
        return []
    return [f"{x.start}:{x.end}" for x in mentions if x.kind == "state" and m.end < x.start <= m.end + 10
            and _OF_RIGHT_AFTER.fullmatch(text, m.end, x.start)][:1]


def _delegation_headed(text: str, m: Mention, s_end: int, mentions: list[Mention]) -> list[str]:
    """'X led the Xlandian delegation': the state of the delegation the person heads."""
    for x in mentions:
        if x.kind == "state" and m.end < x.start < s_end and _HEADED_THE.fullmatch(text, m.end, x.start) \
                and _DELEGATION_NOUN.match(text, x.end):
            return [f"{x.start}:{x.end}"]
    return []


def _state_of_the_setting(text: str, m: Mention, s_start: int, mentions: list[Mention]) -> list[str]:
    """A titled person named in a sentence that opens 'In <state>,': an official of that state ("In Xland, he
    talked with Foreign Minister X")."""
    for x in mentions:
        if x.kind == "state" and s_start <= x.start < m.start and _IN_STATE_OPENING.fullmatch(text, s_start, x.start) \
                and text[x.end: x.end + 1] == ",":
            return [f"{x.start}:{x.end}"]
    return []


def _title_only_references(text: str, mentions: list[Mention], sents: list[Span],
                           used_titles: list[Span]) -> list[Mention]:
    """Titles that refer to a person without a name: 'le directeur de l'UNCCT', 'the Indian minister',
    'المسؤول السعودي' -> descriptive person mentions."""
    out = []
    for tm in TITLE_RE.finditer(text):
        span = (tm.start(), tm.end())
        if any(overlaps(span, u) for u in used_titles) or any(overlaps(span, (m.start, m.end)) for m in mentions):
            continue
        sent = sentence_index(sents, tm.start())
        s_start, s_end = sents[sent]
        if is_arabic(tm.group(0)):
            # Arabic adjectives follow the noun: "المسؤول السعودي", "الوزير الغيني"
            after = next((x for x in mentions if x.kind == "state" and x.start in (tm.end() + 1, tm.end())), None)
            if after is not None:
                out.append(Mention(start=tm.start(), end=after.end, form=text[tm.start():after.end], kind="person",
                                   sentence=sent, title=tm.group(0), title_org=f"{after.start}:{after.end}",
                                   descriptive=True))
                continue
        pre = text[max(s_start, tm.start() - 45): tm.start()]
        start = tm.start()
        orgs: list[str] = []
        demonym = next((x for x in mentions if x.kind == "state" and x.end in (tm.start() - 1, tm.start())
                        and x.start >= s_start), None)
        if demonym is not None:       # "the Indian minister": the reference starts at the demonym
            pre = text[max(s_start, demonym.start - 12): demonym.start]
            start = demonym.start
            orgs = [f"{demonym.start}:{demonym.end}"]
        if not _DETERMINED.search(pre.lower()) and not is_arabic(tm.group(0)):
            continue
        end = _title_phrase_end(text, mentions, tm.end(), s_end)
        orgs = orgs or _orgs_in(mentions, tm.start(), end)
        out.append(Mention(start=start, end=end, form=text[start:end], kind="person", sentence=sent,
                           title=tm.group(0), title_org=orgs[0] if orgs else None, descriptive=True))
    return out


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
        if _TITLE_CHAIN.fullmatch(chunk[prev.end(): first.start()]):
            first = prev
        else:
            break
    return first


def _leading_title(chunk: str) -> re.Match[str] | None:
    """A chunk that is a function phrase: it starts with (a determiner and) a title."""
    lead = _LEADING_TITLE.match(chunk)
    return TITLE_RE.match(chunk, lead.end() if lead else 0)


def _left_chunks(left: str, base: int, limit: int) -> list[tuple[int, str]]:
    """Up to `limit` comma-separated chunks of the text left of a name, nearest first; chunks of
    honorifics only are skipped, and a chunk without a title ends the walk."""
    out = []
    end = len(left)
    for _ in range(limit):
        piece = left[:end]
        cut = max(piece.rfind(","), piece.rfind(";"), piece.rfind(":"), piece.rfind("،"))
        chunk = piece[cut + 1:]
        if not HONORIFIC_RE.sub(" ", chunk).strip():
            end = cut
            if cut < 0:
                break
            continue
        out.append((base + cut + 1, chunk))
        if cut < 0:
            break
        end = cut
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
    m = _OF.match(text[pos:limit])
    if not m:
        return pos
    after = pos + m.end()
    for mention in mentions:
        if mention.start >= after and mention.start - after <= 2 and mention.kind in {"organization", "state"}:
            return mention.end
    return pos


def _one_state(mentions: list[Mention], start: int, end: int) -> bool:
    """At most one state named inside a span ("Sylvania/Freedonia :" over a story names two)."""
    return sum(1 for m in mentions if m.start >= start and m.end <= end and m.kind == "state") <= 1


def _orgs_in(mentions: list[Mention], start: int, end: int, nearest_state: bool = False) -> list[str]:
    """Organization or state mentions inside a span, organizations first (as 'start:end'); with
    `nearest_state` (Arabic, whose demonym follows the title's noun), of several states the last one, nearest
    the name ("التقى وزير الخارجية الفلاني رئيس الحكومة الزمرستانية X": X's state is the second)."""
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.kind in {"organization", "state"}]

    def order(m: Mention) -> tuple[int, int]:
        if nearest_state and m.kind == "state":
            return 0, -m.start
        return -len(m.form) if not m.acronym else -99, m.start

    # organizations before states; the most specific (longest) organization first
    inside.sort(key=lambda m: (0 if (m.kind == "organization" and m.kb_id) else 1 if m.kind == "state" else 2, *order(m)))
    return [f"{m.start}:{m.end}" for m in inside]
