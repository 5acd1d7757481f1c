"""Roles in English: a title as a document states it (fr/en/ar) -> the English canonical role.

Corpus events keep the role as written (``role``) and add ``role_en`` beside it, so that one output
reads in one language whatever the language of the report: "ministre des Affaires étrangères",
"Foreign Minister" and "وزير الخارجية" are all "Minister of Foreign Affairs".

    >>> english_role("le ministre des Affaires étrangères")
    'Minister of Foreign Affairs'
    >>> english_role("الأمين العام")
    'Secretary-General'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..textnorm import fold

__all__ = ["english_role", "with_english_roles", "ROLES"]

#: English role -> the ways fr, en and ar write it (matched folded, longest first)
ROLES: dict[str, tuple[str, ...]] = {
    "Minister of Foreign Affairs": (
        "ministre des affaires étrangères", "ministre des affaires etrangeres", "chef de la diplomatie",
        "foreign minister", "minister of foreign affairs", "foreign affairs minister", "secretary of state",
        "وزير الخارجية", "وزير الشؤون الخارجية", "وزيرة الخارجية"),
    "Minister of Defence": (
        "ministre de la défense", "ministre des armées", "defence minister", "defense minister",
        "minister of defence", "minister of defense", "وزير الدفاع"),
    "Minister of the Interior": ("ministre de l'intérieur", "interior minister", "minister of the interior",
                                 "home minister", "وزير الداخلية"),
    "Deputy Prime Minister": ("vice-premier ministre", "deputy prime minister", "نائب رئيس الوزراء"),
    "Prime Minister": ("premier ministre", "chef du gouvernement", "prime minister", "premier",
                       "رئيس الوزراء", "رئيس الحكومة", "رئيس مجلس الوزراء"),
    "Deputy Minister": ("vice-ministre", "ministre délégué", "deputy minister", "نائب وزير", "نائب الوزير"),
    "Minister": ("ministre", "ministres", "minister", "ministers", "وزير", "الوزير", "وزيرة", "الوزراء"),
    "Vice President": ("vice-président", "vice president", "vice-president", "نائب الرئيس", "نائب رئيس"),
    "President": ("président de la république", "chef de l'état", "président", "présidente", "president",
                  "رئيس الجمهورية", "الرئيس", "رئيس"),
    "Deputy Secretary-General": ("secrétaire général adjoint", "deputy secretary-general",
                                 "deputy secretary general", "نائب الأمين العام"),
    "Assistant Secretary-General": ("assistant secretary-general", "الأمين العام المساعد"),
    "Under-Secretary-General": ("secrétaire général adjoint des nations unies", "under-secretary-general",
                                "under secretary-general", "وكيل الأمين العام"),
    "Secretary-General": ("secrétaire général", "secrétaire générale", "secretary-general", "secretary general",
                          "الأمين العام", "الامين العام", "أمين عام"),
    "Director-General": ("directeur général", "directrice générale", "director-general", "director general",
                         "المدير العام"),
    "Executive Director": ("directeur exécutif", "directrice exécutive", "executive director", "المدير التنفيذي"),
    "Director": ("directeur", "directrice", "director", "المدير", "مدير"),
    "Crown Prince": ("prince héritier", "crown prince", "ولي العهد"),
    "King": ("roi", "king", "الملك", "ملك"),
    "Emir": ("émir", "emir", "amir", "الأمير", "أمير"),
    "Prince": ("prince", "الأمير"),
    "Ambassador": ("ambassadeur", "ambassadrice", "ambassador", "السفير", "سفير", "السفيرة"),
    "Special Envoy": ("envoyé spécial", "special envoy", "المبعوث الخاص", "المبعوث"),
    "Special Representative": ("représentant spécial", "special representative", "الممثل الخاص"),
    "Chief of Staff": ("chef d'état-major", "chief of staff", "chief of army staff", "رئيس الأركان",
                       "رئيس هيئة الأركان"),
    "Commander": ("commandant", "commander", "قائد", "القائد"),
    "Major General": ("général de division", "major general", "maj. gen.", "اللواء"),
    "Lieutenant General": ("général de corps d'armée", "lieutenant general", "الفريق"),
    "General": ("général", "general", "الفريق أول", "المشير"),
    "Speaker of Parliament": ("président de l'assemblée", "président du parlement", "speaker",
                              "رئيس مجلس النواب", "رئيس البرلمان", "رئيس مجلس الشعب"),
    "Governor": ("gouverneur", "governor", "المحافظ", "محافظ"),
    "Spokesperson": ("porte-parole", "spokesperson", "spokesman", "المتحدث الرسمي", "المتحدث باسم"),
    "Counterpart": ("homologue", "counterpart", "نظيره", "نظيرته", "نظيره"),
    "Chairman": ("chairman", "chairperson", "chairwoman", "président du conseil", "رئيس مجلس"),
}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    pairs = [(fold(form), role) for role, forms in ROLES.items() for form in forms]
    pairs.sort(key=lambda p: -len(p[0]))
    # a word of its own, or after an Arabic proclitic (والأمين العام)
    return [(re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وبلف]))" + re.escape(f) + r"(?!\w)"), role) for f, role in pairs]


@lru_cache(maxsize=4096)
def english_role(role: str | None) -> str | None:
    """The English canonical role of a stated title (the longest known phrase in it wins), or None
    when it holds no known title."""
    if not role:
        return None
    text = fold(role)
    best: tuple[int, int, str] | None = None
    for pattern, english in _patterns():
        m = pattern.search(text)
        if m and (best is None or (m.end() - m.start(), -m.start()) > best[:2]):
            best = (m.end() - m.start(), -m.start(), english)
    return best[2] if best else None


def with_english_roles(events: list[dict]) -> list[dict]:
    """Corpus events whose parties carry ``role_en`` (the English role) beside ``role`` as stated."""
    for ev in events:
        for p in ev.get("parties", []):
            p["role_en"] = english_role(p.get("role"))
    return events
