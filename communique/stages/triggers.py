"""Event trigger lexicon (fr/en/ar): surface patterns -> event type, with status cues."""

from __future__ import annotations

import re

__all__ = ["TRIGGERS", "find_triggers", "status_of", "reads_as_combat", "Trigger"]

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    nominal: bool        # "meeting with", "réunion avec": a noun needs a 'with'/'avec' to count


def _rx(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


#: "received" of things, not of people: "received air support", "a reçu des hélicoptères" (lower case only,
#: so that "received the UN Support Mission" stays a meeting)
_NOT_THINGS = {
    "en": r"(?!(?:\s+(?!(?:to|with|and|on|in|at|for|by)\b)[^\s,.;:]+){0,3}?\s+(?-i:support|reinforcements|aircraft|"
          r"helicopters|jets|drones|missiles|weapons|arms|ammunition|equipment|systems|training|threats|orders)\b)",
    "fr": r"(?!(?:\s+(?!(?:avec|et|pour|sur|entre|par)\b)[^\s,.;:]+){0,3}?\s+(?-i:soutien|appui|renforts?|avions|"
          r"hélicoptères|drones|missiles|armes|munitions|équipements|systèmes|formation|menaces|ordres?)\b)",
}
#: "called on X to stop", "calls on both sides to": urging, not a courtesy call
_NOT_URGING = r"(?!(?:\s+[^\s.;]+){1,8}?\s+to\s+(?!discuss)[a-z])"

TRIGGERS: dict[str, list[tuple[str, re.Pattern[str], bool]]] = {
    "en": [
        ("call", _rx([r"(?:tele)?phone(?:d)?\s+call", r"telephoned", r"phoned", r"spoke\s+(?:by|on the)\s+(?:tele)?phone",
                      r"telephone\s+conversation", r"call\s+with"]), False),
        ("agreement", _rx([r"sign(?:ed|ing)", r"signs\s+(?:an?|the)", r"sealed", r"inked", r"memorandum of understanding", r"mou"]), False),
        ("conference", _rx([r"under\s+the\s+auspices", r"organi[sz]ed\s+(?:\w+\s+){0,3}(?:a|the)\s+(?:meeting|conference|summit|forum|seminar)",
                            r"convened", r"t(?:ook|akes?|aking)\s+part\s+in", r"participat(?:ed|es?|ing)\s+in", r"attend(?:ed|s|ing)?",
                            r"represent(?:ed|ing)", r"chaired", r"opened"]), False),
        ("visit", _rx([r"visit(?:ed|s|ing)?", r"paid\s+a\s+visit", r"came\s+to(?!\s+(?:the\s+)?(?:aid|rescue|power)\b)", r"arrived\s+in", r"trip\s+to"]), False),
        ("meet", _rx([r"met", r"meets?", r"held\s+(?:detailed\s+|bilateral\s+)?talks", r"holds?\s+talks", r"talks?\s+with",
                      r"received" + _NOT_THINGS["en"], r"receives?" + _NOT_THINGS["en"], r"hosted", r"called\s+on" + _NOT_URGING,
                      r"calls\s+on" + _NOT_URGING, r"conferred",
                      r"bilateral\s+meeting", r"courtesy\s+call"]), False),
        ("meet", _rx([r"meeting", r"meetings", r"talks", r"discussions"]), True),
    ],
    "fr": [
        ("call", _rx([r"par\s+t[ée]l[ée]phone", r"entretien\s+t[ée]l[ée]phonique", r"appel\s+t[ée]l[ée]phonique",
                      r"t[ée]l[ée]phon[ée]\w*", r"conversation\s+t[ée]l[ée]phonique"]), False),
        ("agreement", _rx([r"sign[ée]\w*", r"signature", r"scell[ée]\w*", r"m[ée]morandum\s+d'entente", r"paraph[ée]\w*"]), False),
        ("conference", _rx([r"sous\s+l'[ée]gide", r"organis[ée]\w*\s+(?:\w+\s+){0,3}(?:une|la|le)\s+(?:r[ée]union|conf[ée]rence|sommet|forum|s[ée]minaire)",
                            r"pris\s+part", r"prend\s+part", r"prendre\s+part", r"particip[ée]\w*", r"assist[ée]\w*\s+[àa]",
                            r"a\s+pr[ée]sid[ée]"]), False),
        ("visit", _rx([r"visit[ée]\w*", r"visite", r"se\s+rend\w*", r"s'est\s+rendu\w*"]), False),
        ("meet", _rx([r"rencontr[ée]\w*", r"s'(?:est|sont)\s+entretenu\w*", r"s'entretien\w*", r"entretiens?\s+(?:bilat[ée]raux?\s+)?(?:avec|entre)",
                      r"entretiens\s+bilat[ée]raux", r"re[çc]u\w*" + _NOT_THINGS["fr"], r"re[çc]oit" + _NOT_THINGS["fr"], r"accueilli\w*", r"a\s+vu", r"[ée]chang[ée]\w*\s+avec",
                      r"eu\s+des\s+[ée]changes", r"eu\s+une\s+rencontre", r"s'est\s+r[ée]uni\w*", r"se\s+sont\s+r[ée]unis"]), False),
        ("meet", _rx([r"r[ée]union", r"rencontre", r"entretien"]), True),
    ],
    "ar": [
        ("call", _rx([r"(?:[وف])?(?:ال)?اتصالا?ً?\s*(?:ال)?هاتفيا?ً?", r"(?:[وف])?(?:ال)?مكالمة\s+(?:ال)?هاتفية",
                      r"(?:[وف])?(?:ال)?اتصال\s+(?:ال)?هاتفي", r"هاتفيا?ً?"]), False),
        ("agreement", _rx([r"(?:[وف])?وق[ّ]?ع(?:ت|ا|وا|ها|هما)?", r"(?:[وف])?(?:ال)?توقيع", r"(?:[وف])?[يت]وق[ّ]?ع\w*",
                           r"(?:[وف])?(?:ب)?مذكرة\s+(?:ال)?تفاهم", r"(?:[وف])?(?:ال)?اتفاقية"]), False),
        ("conference", _rx([r"(?:[وف])?شارك(?:ت|وا)?", r"(?:[وف])?(?:ال)?مشاركة", r"(?:[وف])?[يت]شارك\w*",
                            r"(?:[وف])?حضر(?:ت|وا|ها)?", r"(?:[وف])?ترأس\w*"]), False),
        ("visit", _rx([r"زار|زارت|زاروا|يزور|تزور|[وب]?زيارة|الزيارة|بالزيارة"]), False),
        ("meet", _rx([r"(?:[وف])?التقى", r"(?:[وف])?يلتقي", r"(?:[وف])?التقت", r"(?:[وف])?استقبل\w*", r"(?:[وف])?[يت]ستقبل",
                      r"(?:[وف])?اجتمع\w*", r"(?:[وف])?يجتمع", r"(?:[وف])?[يت]?(?:بحث|ناقش|يناقش|يبحث)\s+مع",
                      r"(?:[وف])?بحثا", r"(?:[وف])?بحث\s+الطرفان", r"(?:[وف])?تناول\s+الجانبان"]), False),
        ("meet", _rx([r"(?:[وف])?(?:ال)?مباحثات", r"(?:[وف])?(?:ال)?محادثات", r"(?:[وف])?لقاء", r"(?:[وف])?اللقاء",
                      r"(?:[وف])?(?:ال)?اجتماع"]), True),
    ],
}

# Words of combat beside a trigger make it no cooperation event: "met stiff resistance", "ont rencontré une
# résistance", "received dozens of wounded", "troops arrived in", "التقت القوات", "وقعت اشتباكات" (وقع: took place).
# Matched in lower case in fr/en (names of forces and missions are capitalized).
_COMBAT_NOUNS = {
    "en": r"resistance|fire|gunfire|counter-?attacks?|ambush(?:es)?|battles?|fighting|clashes|wounded|injured|"
          r"casualties|bodies|funerals?|attacks?|assault|offensive|bombings?",
    "fr": r"résistance|riposte|contre-attaques?|embuscades?|combats?|tirs|blessés|victimes|corps|obsèques|funérailles|"
          r"l'attaque|l'attentat",
    "ar": r"(?:[وف]?(?:ب|في\s+|ل)?(?:ال)?)(?:مقاومة|معركة|معارك|اشتباكات?|مواجهات|قتال|كمين|هجوم|تفجير|انفجار|حادث|"
          r"اعتداء|قصف|غارة|جرحى|مصابين|قتلى|جثث|جنازة|تشييع)",
}
_CROWDS = {   # a meeting is not with a counted crowd: "hosted thousands of refugees", "استقبلت مصر آلاف"
    "en": r"dozens|scores|hundreds|thousands|millions?|more\s+than|refugees|displaced",
    "fr": r"dizaines|centaines|milliers|millions?|plus\s+d'une?|réfugiés|déplacés",
    "ar": r"(?:[وف]?(?:ال)?)(?:عشرات|مئات|آلاف|ألوف|ملايين|مليون|أكثر\s+من|لاجئي?ن?|نازحي?ن?)",
}
_GAP = {      # up to a few words between the trigger and the noun, not crossing a clause ("met to discuss the attacks")
    "en": r"(?:\s+(?!(?:to|with|and|on|in|at|for|by|of|from|about|over|against|after|before|during|following|amid|"
          r"where|who|which|that)\b)[^\s,.;:]+){0,3}?\s+",
    "fr": r"(?:\s+(?!(?:avec|et|pour|sur|entre|en|dans|au|aux|sujet|propos|concernant|contre|suite|face|malgré|après|"
          r"avant|lors|où|qui|que)\b)[^\s,.;:]+){0,3}?\s+",
    "ar": r"(?:\s+(?!(?:مع|على|و|بعد|قبل|خلال|اتفاق\w*|مذكرة)(?!\w))[^\s،,.;:]+){0,2}?\s+",
}
#: fighters as the subject: before the trigger in fr/en ("French troops arrived in"), right after it in Arabic
_FIGHTERS = {
    "en": re.compile(r"(?-i:troops|soldiers|forces|fighters|militants|gunmen|rebels|insurgents|jihadists|attackers|"
                     r"assailants|protesters|demonstrators|rioters|officers|policemen)"
                     r"(?:\s+(?:have|had|has|were|was|also|reportedly))*\s+$"),
    "fr": re.compile(r"(?-i:troupes|soldats|forces|combattants|militaires|jihadistes|djihadistes|rebelles|insurgés|"
                     r"assaillants|manifestants|policiers|gendarmes)(?:\s+[a-zéèêàâîôûç-]+){0,2}"
                     r"\s+(?:ont|sont|se\s+sont|avaient|s'étaient)\s+$"),
    "ar": re.compile(r"\s+(?:ال)?(?:قوات|جيشان|جيشين|جنود|مقاتلو|مقاتلي|مقاتلون|مسلحون|مسلحين|متمردون|متظاهرون|"
                     r"محتجون)(?!\w)"),
}
_COMBAT = {lang: re.compile(_GAP[lang] + "(?:" + nouns + r")(?![\w-])") for lang, nouns in _COMBAT_NOUNS.items()}
_CROWD = {lang: re.compile(_GAP[lang] + "(?:" + nouns + r")(?![\w-])") for lang, nouns in _CROWDS.items()}


def reads_as_combat(sentence: str, start: int, end: int, etype: str, lang: str) -> bool:
    """True when the words beside the trigger sentence[start:end] tell of fighting, victims or crowds."""
    if lang not in _COMBAT:
        return False
    if _COMBAT[lang].match(sentence, end) or (etype == "meet" and _CROWD[lang].match(sentence, end)):
        return True
    if lang == "ar":
        return bool(_FIGHTERS["ar"].match(sentence, end))
    return bool(_FIGHTERS[lang].search(sentence[max(0, start - 80): start]))


_PLANNED = {
    "en": re.compile(r"\b(?:will|shall|is to|are to|(?:is|was|were|are)\s+(?:also\s+)?(?:due|expected|scheduled|set)\s+to|"
                     r"plans? to|to be held|"
                     r"scheduled|would|next week|upcoming|is set to|are set to)\b", re.I),
    "fr": re.compile(r"\b(?:va|vont|devra|devrait|devraient|prévu\w*|se tiendra|aura lieu|attendu\w*|prochain\w*|"
                     r"lanceraient|compte\w*|rencontrera|visitera|signera)\b", re.I),
    "ar": re.compile(r"(?:سيلتقي|سيزور|سيوقع|سوف|المقرر|المقررة|المقبل|سيعقد|ستعقد|من المنتظر|من المقرر)"),
}
_NEGATED = {
    "en": re.compile(r"\b(?:did not|didn't|has not|have not|never|cancel(?:l)?ed|refused\s+(?:to|any)|no meeting)\b", re.I),
    "fr": re.compile(r"\b(?:n'a pas|n'ont pas|ne s'est pas|n'est pas|jamais|annul\w+|refusé\s+(?:de|toute?))\b", re.I),
    "ar": re.compile(r"(?:لم\s|لن\s|ألغى|ألغيت|رفض)"),
}


def find_triggers(sentence: str, lang: str, offset: int = 0) -> list[Trigger]:
    """Triggers in one sentence, leftmost first; overlapping patterns keep the first listed type."""
    out: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for etype, pattern, nominal in TRIGGERS.get(lang, TRIGGERS["en"]):
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if not nominal and reads_as_combat(sentence, m.start(), m.end(), etype, lang):
                continue
            taken.append((m.start(), m.end()))
            out.append(Trigger(offset + m.start(), offset + m.end(), m.group(0), etype, nominal))
    out.sort(key=lambda t: t.start)
    return out


def status_of(sentence: str, trigger_pos: int, lang: str) -> str:
    """'planned' or 'negated' from cues in the clause of the trigger, else 'occurred'."""
    window = sentence[max(0, trigger_pos - 60): trigger_pos + 40]
    if _NEGATED.get(lang, _NEGATED["en"]).search(window):
        return "negated"
    if _PLANNED.get(lang, _PLANNED["en"]).search(sentence[max(0, trigger_pos - 50): trigger_pos + 25]):
        return "planned"
    return "occurred"
