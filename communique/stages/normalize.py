"""Normalization: RawDocument -> Document (decoded text, boilerplate dropped, title and dateline read)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ..lang import rows_all
from ..records import Document, RawDocument, Rejected
from ..textnorm import fold
from .dates import find_dates, parse_date_string

__all__ = ["normalize", "decode", "content_id", "read_dateline", "is_date_line"]

# Whole lines that are page furniture, in the three languages (compared case-insensitively).
_BOILERPLATE = {
    "share", "share:", "share this", "related articles", "related", "back to top button", "back to top",
    "read more", "advertisement", "print", "email", "tweet", "comments", "leave a comment",
    "partager", "partager :", "lire aussi", "publicité", "imprimer", "articles similaires", "à lire aussi",
    "إعلان", "شارك", "اقرأ أيضا", "اقرأ أيضاً", "مميز", "طباعة", "رأيك في الموضوع",
}
_BOILERPLATE_RE = re.compile(
    r"^(?:copyright\b.*|©.*|.*\ball rights reserved\b.*|.*tous droits réservés.*|"
    r"تأكد من ادخال المعلومات.*|آخر تعديل في.*|نشر في .*|المصدر\s*:.*|source\s*:\s*\S+\s*$)$",
    re.I,
)
_DATE_LABEL = re.compile(r"\b(?:date|publié le|published(?: on)?|updated|mis à jour le)\s*:?\s*(?P<d>.+)$", re.I)
_DATE_LINE_WORDS = {"am", "pm", "gmt", "utc", "à", "at", "le", "on", "updated", "published", "mis", "jour",
                    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
                    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "م", "ص", "مساء", "صباحا"}
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b")
_NOT_WORD = re.compile(r"[\d\s,.:;–—\-|/()]+")
#: the words a date itself may hold (month, weekday and relative-day names of every language, era words)
_DATE_WORDS = ({word for name in ("months.tsv", "weekdays.tsv", "hijri_months.tsv", "relative_days.tsv")
                for row in rows_all(name) for word in fold(row[0]).split()}
               | {fold(w) for w in ("the", "of", "and", "de", "du", "الموافق", "ميلادي", "ميلادية", "هجري", "هجرية")})
_MONTH_WORDS = tuple(fold(row[0]) for name in ("months.tsv", "hijri_months.tsv") for row in rows_all(name))
_DATELINE_PARAGRAPHS = 3
_DATELINE_SEP = re.compile(r"\s*(?:—|–|--|\s-\s|-\s|:\s|-\s*\(|/)")


def content_id(text: str) -> str:
    """Stable document id: the SHA-256 of the normalized text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes | str, detect: Callable[[bytes], str | None] | None = None) -> str | None:
    """Decode bytes (BOM, UTF-8, UTF-16, then detection: `detect` or charset_normalizer); None when nothing
    sensible comes out."""
    if isinstance(data, str):
        return data
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        return None
    if detect is not None:
        return detect(data)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _is_boilerplate(line: str) -> bool:
    low = line.strip().casefold()
    return low in _BOILERPLATE or bool(_BOILERPLATE_RE.match(line.strip()))


def is_date_line(line: str, lang: str, finder: Callable[[str], list] | None = None) -> bool:
    """A short line that is only a date (and maybe a time, a view count, a label)."""
    stripped = line.strip()
    if len(stripped) > 60 or not all(_may_be_in_a_date_line(w) for w in _NOT_WORD.sub(" ", stripped).split()):
        return False
    found = [d for d in (finder(stripped) if finder else []) if d.value]
    d = found[0] if found else parse_date_string(stripped, lang)
    if d is None:
        return False
    rest = (stripped[: d.start] + stripped[d.end :]).strip()
    rest = _TIME.sub("", rest)
    rest = re.sub(r"[\d\s,.:;–—\-|/()]+", " ", rest).strip()
    return all(len(w) <= 2 or w.casefold() in _DATE_LINE_WORDS for w in rest.split())


def _may_be_in_a_date_line(word: str) -> bool:
    """A word a date line may hold: a short one, a date line's label ("Updated"), or a word of the date itself
    (a month, weekday or relative day, or the abbreviation of a month: "Sept"). Reading a line for a date costs
    a dateparser call per language; every other line is dismissed on its words first."""
    if len(word) <= 2 or word.casefold() in _DATE_LINE_WORDS:
        return True
    key = fold(word)
    return key in _DATE_WORDS or any(month.startswith(key) for month in _MONTH_WORDS)


def _clean_lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]


def normalize(
    raw: RawDocument,
    *,
    find_date_line: Callable[[str], str | None],
    is_place: Callable[[str], bool],
    min_chars: int = 20,
    html_extractor: str = "trafilatura",
) -> Document | Rejected:
    """Decode, drop boilerplate, keep paragraphs; read the title, page date and dateline.

    `find_date_line(line)` returns the ISO date of a line that is only a date (language aware),
    `is_place(name)` says whether a dateline head names a known place; `html_extractor` (one of
    stages.html.HTML_EXTRACTORS) turns HTML pages into text, title and date.
    """
    if raw.is_html and html_extractor == "resiliparse":
        from .html import decode_html

        text = decode(raw.content, decode_html)     # meta charset / uchardet for pages that are not UTF-8
    else:
        text = decode(raw.content)
    if text is None:
        return Rejected(raw.source, "normalize", "cannot decode the file: not UTF-8 and no encoding detected")
    if raw.is_html:
        from .html import extract_html

        extracted = extract_html(text, html_extractor)
        if extracted is None:
            return Rejected(raw.source, "normalize", "no main text found in the HTML page")
        text, title, published = extracted
        raw = replace(raw, title=raw.title or title, published=raw.published or published)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text[:20000]) // 20):
        return Rejected(raw.source, "normalize", "binary content, not text (control characters); check the file type")
    if sum(ch == "\ufffd" for ch in text) > max(10, len(text) // 20):
        return Rejected(raw.source, "normalize", "text is mostly undecodable bytes; try converting it to UTF-8")

    lines = [line for line in _clean_lines(text) if not _is_boilerplate(line)]
    paragraphs = [line for line in lines if line]
    # A leading short line without a verb before the headline is a section label ("Nation", "General").
    page_date = raw.published
    title = raw.title
    kept: list[str] = []
    seen_title = bool(title)
    for i, line in enumerate(paragraphs):
        head_zone = i < 8
        if head_zone and (iso := find_date_line(line)) is not None:
            if not seen_title:
                continue        # a banner date above the headline is the site's clock, not the story's
            page_date = page_date or iso
        if head_zone and not seen_title and len(line.split()) <= 2 and i + 1 < len(paragraphs) \
                and len(paragraphs[i + 1]) > 3 * len(line) and not line.endswith((".", ":")):
            continue  # section label
        if head_zone and (m := _DATE_LABEL.search(line)) and len(line) < 90 and find_date_line(m.group("d")):
            page_date = page_date or find_date_line(m.group("d"))
            continue
        if not seen_title:
            title = title or line
            seen_title = True
        kept.append(line)
    body = "\n\n".join(kept)
    if title and not body.startswith(title):
        body = title + "\n\n" + body
    if len(body.strip()) < min_chars:
        return Rejected(raw.source, "normalize", f"empty document (fewer than {min_chars} characters of text)")
    title_span = (0, len(title)) if title else None
    doc = Document(
        id=content_id(body), source=raw.source, text=body, lang=raw.lang, title=title,
        published=page_date, title_span=title_span, provenance=raw.provenance,
    )
    return read_dateline(doc, is_place)


def read_dateline(doc: Document, is_place: Callable[[str], bool]) -> Document:
    """Find 'PLACE, date —', 'PLACE (Agency) -', 'PLACE:' at the start of an early body paragraph, or of
    the headline where the text has none and opens on its dateline ('KOWEÏT, 24 Novembre (KUNA) -- ...':
    there a date must follow the place, as a headline 'Cairo: ...' names no dateline)."""
    offset = (doc.title_span[1] if doc.title_span else 0)
    if offset:
        found = _dateline_in(doc, 0, doc.text[:offset], is_place)
        if found is not None and found.dateline_span and _dated(found, found.text[slice(*found.dateline_span)]):
            return found
    for n, para in enumerate(re.finditer(r"[^\n]+", doc.text[offset:])):
        if n >= _DATELINE_PARAGRAPHS or para.start() > 600:
            break                       # a dateline opens one of the first paragraphs after the headline
        found = _dateline_in(doc, offset + para.start(), para.group(0), is_place)
        if found is not None:
            return found
    return doc


def _dated(doc: Document, head: str) -> bool:
    """A date is written after the place of a dateline's head (resolved or not: "24 Novembre")."""
    return bool(find_dates(head.partition(",")[2], doc.lang or "en", None))


def _dateline_in(doc: Document, start: int, line: str, is_place: Callable[[str], bool]) -> Document | None:
    """The document with the dateline that opens `line` (at `start` in its text), else None."""
    m = _DATELINE_SEP.search(line)
    head = line[: m.start()] if m and m.start() <= 60 else (line if len(line) <= 40 else None)
    if not head:
        return None
    pieces = [p.strip() for p in head.split(",") if p.strip()]
    if not (pieces and is_place(pieces[0]) and len(pieces[0].split()) <= 4):
        return None
    dateline_date = None
    base = date.fromisoformat(doc.published) if doc.published and len(doc.published) == 10 else None
    for piece in pieces[1:]:
        d = parse_date_string(piece, doc.lang or "en", base)
        if d and d.value:
            dateline_date = d.value
    return replace(doc, dateline_place=pieces[0], dateline_date=dateline_date, dateline_span=(start, start + len(head)))
