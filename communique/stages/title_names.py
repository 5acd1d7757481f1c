"""Latin-script names that NER runs together with the words of a title (English press style, no commas):
"Minister of Foreign Affairs and Expatriates Aline Dor" (a ministry's words read into the name) and
"Secretary-General of the Island Parliament Union Aline Dor" (a name read into the organization)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lang import entries
from .titles import ORG_HEADS, TITLE_RE

__all__ = ["strip_ministry_words", "in_ministry_name", "name_after_organization", "portfolio_of_title",
           "institutions_fr", "names_a_document"]

_MINISTRY_WORDS = entries("en", "ministry_words.txt")
_MINISTRY_WORD = re.compile(r"(?:(?:" + "|".join(_MINISTRY_WORDS) + r")(?![\w'-])[\s,]*)+")
#: "Secretary-General of the", "President of": the organization that follows is the title's
_TITLE_OF = re.compile(r"(?:" + TITLE_RE.pattern + r")\s+(?:of|for)\s+(?:the\s+)?$", re.I)
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+|[A-Z]\.")
#: the words that join a title to its portfolio and one portfolio to the next (elided articles glued to the
#: next word: "de l'Énergie")
_PORTFOLIO_JOINS = {"en": r"of|for|the|and|&",
                    "fr": r"de|des|du|la|et|aux?|chargée?|auprès|à|délégu[ée]e?|d['’][ÉE]tat|adjointe?"}
_ELIDED = {"en": r"(?!)", "fr": r"[ld]['’]"}
_PORTFOLIO_PATTERN = {
    lang: r"(?:(?:" + "|".join(entries(lang, "ministry_words.txt")) + r"|" + joins + r")"
          + ("s?" if lang == "fr" else "") + r"(?![\w'’-])[\s,]*|" + _ELIDED[lang] + r")+"
    for lang, joins in _PORTFOLIO_JOINS.items()}
_PORTFOLIO = {lang: re.compile(p, 0 if lang == "en" else re.I) for lang, p in _PORTFOLIO_PATTERN.items()}
#: a French state institution written in lower case, which NER misses: "le ministère égyptien des Affaires
#: étrangères", "la présidence de la République", "l'armée libanaise"
_INSTITUTION_FR = re.compile(
    r"(?<![\w-])(?P<head>ministère|présidence|armée|département d['’]État)(?P<rest>(?:\s+[\w'’-]+){0,16})")
_PORTFOLIO_WORD = re.compile(r"(?<![\w'’-])(?:" + "|".join(entries("fr", "ministry_words.txt")) + r")s?(?![\w'’-])", re.I)
#: a lower-case adjective between a title and its portfolio: "le ministre malien des Affaires étrangères"
_TITLE_ADJECTIVE = re.compile(r"^[a-zà-ÿ’'-]+\s+(?=(?:de|des|du)(?![\w-])|d['’])")
_JOIN_END = re.compile(r"(?:[\s,]+(?:" + _PORTFOLIO_JOINS["fr"] + r"|[ld]['’]))+$|[\s,]+$", re.I)


def strip_ministry_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A person span without the ministry words in front of it ("Expatriates Aline Dor" -> "Aline Dor");
    None when nothing but such words is left ("Endowments"). A span of one word after them stays whole."""
    form = text[start:end]
    if _MINISTRY_WORD.fullmatch(form):
        return None
    m = _MINISTRY_WORD.match(form)
    if not m or len(form[m.end():].split()) < 2:
        return start, end
    return start + m.end(), end


def in_ministry_name(text: str, start: int, end: int) -> bool:
    """Capitalized words that end with, or are followed by, a word of a ministry's name ("Vellian
    Expatriates", "Harbour" in "Harbour Affairs"): part of the ministry's name, not a person's."""
    words = text[start:end].split()
    following = re.match(r"\s+([A-Z]\S*)", text[end:end + 40])      # not "and": "Karl Ostrum and his host"
    return bool(words) and (bool(_MINISTRY_WORD.fullmatch(words[-1]))
                            or bool(following and _MINISTRY_WORD.fullmatch(following.group(1))))


def name_after_organization(text: str, start: int, end: int) -> int | None:
    """Where a person's name starts inside an English organization span that follows a title
    ("... Secretary-General of the Island Parliament Union Aline Dor"): two or three capitalized name words
    after the organization's last head noun; None when the span is the organization alone."""
    if not _TITLE_OF.search(text[max(0, start - 60):start]):
        return None
    words = [(m.start() + start, m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
    heads = [i for i, (_, w) in enumerate(words) if w.lower().strip(",") in ORG_HEADS]
    if not heads or heads[-1] == 0:
        return None
    tail = words[heads[-1] + 1:]
    if not 2 <= len(tail) <= 3 or not all(_NAME_WORD.fullmatch(w) for _, w in tail):
        return None
    if any(_MINISTRY_WORD.fullmatch(w) or w.lower() in ORG_HEADS for _, w in tail):
        return None
    return tail[0][0]


def portfolio_of_title(text: str, start: int, end: int, lang: str) -> bool:
    """An organization span that is only the portfolio of a title before it: "Coopération africaine" in "ministre
    des Affaires étrangères et de la Coopération africaine" (also after a demonym: "ministre malien des"), "Foreign Affairs" in "Minister of State for Foreign
    Affairs", or right after it ("Trade Minister"). Part of the title, not an organization; a head noun
    ("Conseil", "Council") makes it one."""
    portfolio = _PORTFOLIO.get(lang)
    form = text[start:end]
    if portfolio is None or not portfolio.fullmatch(form) or any(w.lower() in ORG_HEADS for w in form.split()):
        return False
    if TITLE_RE.match(text, end + 1) and text[end:end + 1] == " ":
        return True         # "Trade Minister Tom Arle": a portfolio in front of its title
    left = text[max(0, start - 160):start]
    title_at = [m.end() for m in TITLE_RE.finditer(left)]
    chains = (_TITLE_ADJECTIVE.sub("", left[at:].lstrip(" ,"), count=1) for at in title_at)
    return any(portfolio.fullmatch(chain) or not chain for chain in chains)


def institutions_fr(text: str, is_demonym: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of French state institutions written in lower case: a head noun (ministère, présidence, armée,
    département d'État) with a demonym after it ("l'armée libanaise"), a portfolio ("ministère des Affaires
    étrangères et de la Coopération"), "de la République", or both ("ministère de la Santé algérien")."""
    out: list[tuple[int, int]] = []
    for m in _INSTITUTION_FR.finditer(text):
        rest, at = m.group("rest"), m.end("head")
        end = at
        first = re.match(r"\s+([\w'’-]+)", rest)
        if first and is_demonym(first.group(1)):
            end = at + first.end()
        chain = _PORTFOLIO["fr"].match(text, end + 1) if end < len(text) and text[end] == " " else None
        if re.match(r"\s+de la République", text[end:end + 20]):
            end += len(" de la République")
        elif chain and _PORTFOLIO_WORD.search(text, end, chain.end()):
            tail = _JOIN_END.search(text, end, chain.end())
            end = tail.start() if tail else chain.end()
            after = re.match(r"\s+([\w'’-]+)", text[end:end + 40])
            if after and is_demonym(after.group(1)):
                end += after.end()
        if end > at and text[at:end].strip(" ,"):
            out.append((m.start("head"), end))
    return out


#: the head nouns of agreements, treaties and other documents: last word in English ("Trade and Cooperation
#: Agreement", "the Integrated Review"), first word in French or before "of" ("Memorandum of Understanding")
_DOCUMENT_HEADS = {lang: {w.casefold() for w in entries(lang, "document_words.txt")} for lang in ("en", "fr")}


def names_a_document(form: str, lang: str) -> bool:
    """An organization span that names a document (an agreement, a treaty, a memorandum, a review), not a body."""
    heads = _DOCUMENT_HEADS.get(lang)
    words = re.findall(r"[\w’'-]+", form)
    if not heads or not words:
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    if lang == "en":
        return last in heads or (first in heads and len(words) > 1 and words[1].casefold() in {"of", "on", "between"})
    return first in heads
