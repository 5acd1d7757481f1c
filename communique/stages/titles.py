"""Title and honorific lexicons (fr/en/ar): which words make a phrase a function or a rank."""

from __future__ import annotations

import re

__all__ = ["TITLE_RE", "HONORIFIC_RE", "TITLE_WORDS", "is_title_word", "ORG_HEADS"]

_TITLES_EN = [
    "under-secretary-general", "under secretary-general", "under secretary general", "deputy secretary-general",
    "deputy secretary general", "assistant secretary-general", "secretary-general", "secretary general",
    "executive director", "director-general", "director general", "deputy director", "director",
    "deputy prime minister", "prime minister", "deputy defence minister", "deputy defense minister",
    "defence deputy minister", "defense deputy minister", "deputy minister", "assistant minister", "second minister",
    "foreign minister", "defence minister", "defense minister", "interior minister", "minister",
    "vice president", "vice-president", "president", "senate chairman", "chairman", "chairwoman", "chairperson",
    "chief of army staff", "chief of staff", "army chief", "commander-in-chief", "commander in chief", "commander",
    "chief executive", "chief", "head of delegation", "head", "major general", "maj. gen.", "maj gen",
    "lieutenant general", "lt. gen.", "lt gen", "brigadier general", "brigadier", "general", "gen.", "gen",
    "colonel", "col.", "admiral", "ambassador", "special envoy", "envoy", "special representative", "representative",
    "high commissioner", "commissioner", "crown prince", "king", "prince", "emir", "sheikh", "sultan",
    "spokesperson", "spokesman", "governor", "mayor", "senator", "coordinator", "secretary", "premier", "coas",
    "counterpart", "ministers", "foreign ministers", "official",
]
_TITLES_FR = [
    "secrétaire général adjoint", "secrétaire générale adjointe", "sg adjoint", "secrétaire général",
    "secrétaire générale", "secrétaire d'état", "directeur exécutif", "directrice exécutive", "directeur général",
    "directrice générale", "directeur", "directrice", "premier ministre", "ministre délégué", "ministre",
    "vice-président", "présidente", "président", "chef de la diplomatie", "chef d'état-major", "chef",
    "commandant en chef", "commandant", "général de division", "général de brigade", "général de corps d'armée",
    "général", "colonel", "amiral", "ambassadeur", "ambassadrice", "envoyé spécial", "représentant spécial",
    "représentant", "haut-commissaire", "haut commissaire", "commissaire", "prince héritier", "roi", "prince",
    "émir", "cheikh", "porte-parole", "gouverneur", "maire", "coordonnateur", "coordinateur", "responsable",
    "homologue", "ministres", "chefs de la diplomatie", "chefs",
]
_TITLES_AR = [
    "الأمين العام المساعد", "الأمين العام", "نائب الأمين العام", "الأمين", "المدير التنفيذي", "المدير العام", "مدير",
    "المدير", "رئيس الوزراء", "رئيس", "نائب رئيس", "وزير", "الوزير", "نائب وزير", "مساعد وزير", "ولي العهد",
    "الملك", "الأمير", "أمير", "الشيخ", "السفير", "سفير", "المبعوث", "مبعوث", "المندوب", "قائد", "القائد",
    "اللواء الطيار الركن", "اللواء الركن", "اللواء", "الفريق أول", "الفريق", "العميد", "العقيد", "المشير",
    "الجنرال", "المتحدث", "الناطق", "محافظ", "المحافظ", "المسؤول", "المسؤولة", "مدير عام", "المدير العام",
]
TITLE_WORDS = sorted(set(_TITLES_EN + _TITLES_FR + _TITLES_AR), key=len, reverse=True)

TITLE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in TITLE_WORDS) + r")(?![\w-])", re.I)

HONORIFIC_RE = re.compile(
    r"(?<![\w])(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|H\.E\.|S\.E\.|His Excellency|Her Excellency|"
    r"His Royal Highness|His Highness|Son Excellence|Son Altesse(?: royale)?|Doctor|Yang Berhormat|Dato|Datuk|Tan Sri|"
    r"Pehin|Haji|Hajah|Awang|Dayang|Datu|Dato'?|Paduka|Seri|Sri|Yang Mulia|Retired|Esq\.?|retd\.?|\(r\)|\(retd\)|معالي|سمو|السيد|السيدة|الدكتور|فخامة|سعادة|صاحب السمو)"
    r"(?![\w])", re.I)

ORG_HEADS = {
    "coalition", "alliance", "centre", "center", "bureau", "office", "organisation", "organization", "union",
    "council", "conseil", "agence", "agency", "committee", "comité", "commission", "secretariat", "secrétariat",
    "ministry", "ministère", "league", "ligue", "force", "forces", "command", "structure", "task", "directorate",
    "direction", "institut", "institute", "coalition's",
}


def is_title_word(word: str) -> bool:
    """True when a single word is (part of) a title."""
    return bool(TITLE_RE.fullmatch(word))
