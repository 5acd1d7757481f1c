"""Acronym definitions: 'Long Name (ACR)' in a text -> the long form as a mention and every use of ACR."""

from __future__ import annotations

import re
from typing import Any

from ..lang import entries_all
from .spans import overlaps
from .titles import ORG_HEADS, TITLE_RE

__all__ = ["acronym_definitions"]

Spans = dict[tuple[int, int], dict[str, Any]]

_ACRONYM_PAREN = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z&\-]{1,11}(?: [A-Z][A-Za-z]{1,6})?)\s*\)")
_CONNECTORS = set(entries_all("connectors.txt"))
_TITLE_OF = re.compile(r"(?:%s)\s+(?:of the|of|de la|de l'|du|des|de)\s+" % TITLE_RE.pattern, re.I)
# A capitalized organization head word ("Structure", "Centre"), longest first.
_HEAD_TO_END = re.compile(r"(?:^|[\s'’])((?:%s)\b[^,;.()]{0,90})$" % "|".join(
    w.capitalize() for w in sorted(ORG_HEADS, key=len, reverse=True)))


def acronym_definitions(text: str, spans: Spans) -> dict[tuple[int, int], str]:
    """'Long Name (ACR)': mark the long form as a mention in `spans` (span -> kind and extras, changed
    in place) and add every use of ACR with the long form's kind and KB id. Returns long span -> ACR."""
    found: dict[tuple[int, int], str] = {}
    for m in _ACRONYM_PAREN.finditer(text):
        acr = m.group("acr")
        acr_span = (m.start("acr"), m.end("acr"))
        long_span = _long_span(text, len(text[: m.start()].rstrip()), acr, acr_span, spans)
        if long_span is None:
            continue
        if not _plausible_acronym(acr, text[long_span[0]: long_span[1]]) and long_span not in spans:
            continue
        info = spans.get(long_span)
        if info is None:
            info = _new_long_form(text, long_span, acr, acr_span, spans)
            if info is None:
                continue
        found[long_span] = acr
        acr_info = spans.get(acr_span)
        if acr_info is not None and acr_info.get("kb") and not info.get("kb") and info["kind"] == "organization":
            info["kb"] = acr_info["kb"]          # "Organisation de coopération islamique (OCI)" is the KB's OCI
        for use in re.finditer(r"(?<![\w-])" + re.escape(acr) + r"(?![\w-])", text):
            span = (use.start(), use.end())
            if span == acr_span or not any(overlaps(k, span) for k in spans):
                spans[span] = {"kind": info["kind"], "kb": info.get("kb"), "alias_type": "acronym"}
    return found


def _long_span(text: str, end: int, acr: str, acr_span: tuple[int, int], spans: Spans) -> tuple[int, int] | None:
    """The long form ending at `end` (right before the parenthesis): an organization or state
    mention, else a run of capitalized words (after a title of), else a phrase from a head word."""
    long_span = next(((s, e) for (s, e) in spans if e == end and (e - s) > 6
                      and spans[(s, e)]["kind"] in {"organization", "state"}), None)
    if long_span is None:
        long_span = _capitalized_run_before(text, end)
        if long_span is not None:
            # "Executive Director of UN Counter Terrorism ... (CTED)": the name starts after the title
            tm = _TITLE_OF.match(text[long_span[0]: long_span[1]])
            if tm:
                long_span = (long_span[0] + tm.end(), long_span[1])
    if long_span is None:
        long_span = _long_span_from_head(text, end, acr, acr_span, spans)
    return long_span


def _long_span_from_head(text: str, end: int, acr: str, acr_span: tuple[int, int],
                         spans: Spans) -> tuple[int, int] | None:
    """'la Structure régionale anti-terroriste de l'OCS (Sco Rats)': from an organization head word
    (capitalized) through lowercase words to the parenthesis, within one clause; registered in `spans`
    when the acronym is known or its first letters are the phrase's initials."""
    head = _HEAD_TO_END.search(text[:end])
    if not head:
        return None
    long_span = (head.start(1), end)
    acr_info = spans.get(acr_span)
    words = re.findall(r"\w+", text[long_span[0]: long_span[1]])
    initials = "".join(w[0] for w in words if w.lower() not in _CONNECTORS).lower()
    letters = re.sub(r"[^a-z]", "", acr.lower())
    if not ((acr_info and acr_info.get("kb")) or (letters and initials.startswith(letters[:2]))):
        return None
    for k in [k for k in spans if long_span[0] <= k[0] and k[1] <= long_span[1]]:
        del spans[k]
    spans[long_span] = {"kind": "organization", "kb": acr_info.get("kb") if acr_info else None}
    return long_span


def _new_long_form(text: str, long_span: tuple[int, int], acr: str, acr_span: tuple[int, int],
                   spans: Spans) -> dict[str, Any] | None:
    """Register a long form that is not yet a mention as an organization; the mentions inside it give
    way only when the acronym is a known actor and plausible for it, else None (left as it is). The
    KB id comes from the acronym afterwards."""
    inner = [k for k in spans if overlaps(k, long_span)]
    if inner:
        acr_info = spans.get(acr_span)
        if not (all(long_span[0] <= k[0] and k[1] <= long_span[1] for k in inner)
                and acr_info is not None and acr_info.get("kb")
                and _plausible_acronym(acr, text[long_span[0]: long_span[1]])):
            return None
        for k in inner:
            del spans[k]
    spans[long_span] = {"kind": "organization"}
    return spans[long_span]


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
    """True when the acronym's letters are (nearly all) initials of the long form's capitalized words."""
    initials = "".join(w[0] for w in re.findall(r"[\w]+", long_form) if w[0].isupper()).lower()
    letters = re.sub(r"[^a-z]", "", acr.lower())
    if not letters:
        return False
    it = iter(initials)
    return sum(ch in initials for ch in letters) >= max(2, len(letters) - 1) or all(ch in it for ch in letters)
