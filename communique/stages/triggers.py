"""Event triggers and status cues (lang/<code>/triggers.tsv, status.tsv) -> Trigger records and a status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import LANGUAGES, entries, rows
from ..records import Document

__all__ = ["TRIGGERS", "find_triggers", "hosts_a_gathering", "shares_in_a_task", "status_of", "reads_as_combat", "reads_as_sport", "Trigger", "names_a_time", "headline_future",
           "a_topic_discussed"]


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    nominal: bool        # "meeting with", "réunion avec": a noun needs a 'with'/'avec' to count


def _rx(words: list[str]) -> re.Pattern[str]:
    """Whole words; an Arabic short vowel before the match is a letter's ("يُتوقع" holds no "توقع")."""
    return re.compile(r"(?<![\w\u064b-\u0652-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


def _trigger_groups(code: str) -> list[tuple[str, re.Pattern[str], bool]]:
    """lang/<code>/triggers.tsv -> (type, pattern, nominal) groups: consecutive rows of one type and nominal."""
    groups: list[tuple[str, bool, list[str]]] = []
    for etype, nominal, pattern in rows(code, "triggers.tsv"):
        key = (etype, nominal == "yes")
        if not groups or groups[-1][:2] != key:
            groups.append((*key, []))
        groups[-1][2].append(pattern)
    return [(etype, _rx(words), nominal) for etype, nominal, words in groups]


def _status_cues(code: str, status: str) -> re.Pattern[str]:
    """The cues of one status in lang/<code>/status.tsv as one pattern; 'word' rows match whole words."""
    runs: list[tuple[str, list[str]]] = []
    for row_status, match, pattern in rows(code, "status.tsv"):
        if row_status != status:
            continue
        if not runs or runs[-1][0] != match:
            runs.append((match, []))
        runs[-1][1].append(pattern)
    if not runs:
        return re.compile(r"(?!)")       # no cue of this status in the language
    return re.compile("|".join((r"\b(?:%s)\b" if match == "word" else "(?:%s)") % "|".join(alts)
                               for match, alts in runs), re.I)


TRIGGERS: dict[str, list[tuple[str, re.Pattern[str], bool]]] = {code: _trigger_groups(code) for code in LANGUAGES}
_PLANNED = {code: _status_cues(code, "planned") for code in LANGUAGES}
_NEGATED = {code: _status_cues(code, "negated") for code in LANGUAGES}
# cues that tell the fate of an event noun they follow in its clause: "the visit ..., planned for tomorrow, has
# been postponed", "la visite ... a été reportée", "الزيارة ... أرجئت"; read up to the clause's end
_PLANNED_AFTER = {code: _status_cues(code, "planned-after") for code in LANGUAGES}
_NEGATED_AFTER = {code: _status_cues(code, "negated-after") for code in LANGUAGES}
#: the predicate of the event noun's clause, read to the clause's end as a negated-after cue: "a meeting between A and
#: B is expected next week", "une rencontre entre A et B est attendue" (the noun phrase may be long)
_PLANNED_PREDICATE = {code: _status_cues(code, "planned-predicate") for code in LANGUAGES}
#: cues that end right before the trigger and reach further back: "invited Moroccan Foreign Minister X to pay a
#: visit", "a invité son homologue X à effectuer une visite" (the one invited has not come yet)
_PLANNED_BEFORE = {code: _status_cues(code, "planned-before") for code in LANGUAGES}
#: cues set off by a comma after the event noun's whole phrase, however long: "حفل التوقيع على وثيقة ...، المرتقب
#: تنظيمه يوم غد" (the ceremony is the one expected), read up to _APPOSITION_REACH
_PLANNED_APPOSITION = {code: _status_cues(code, "planned-apposition") for code in LANGUAGES}
_APPOSITION_REACH = 140
#: a period ends a clause, not the one of an initial or an honorific ("que M. Vell doit effectuer")
_CLAUSE_END = re.compile(r"[;:!?؟؛]|(?<!\b[A-Z])(?<!Mme)(?<!Mr)(?<!Dr)(?<!MM)\.(?:\s|$)|\s(?:but|while|whereas|mais|tandis|alors que|بينما|لكن)\s|"
                         r"،\s*[وف](?=\S)")       # "استقبل X الوزير Y، فسلّمه ...": a new clause of its own
#: how far after the trigger each kind of cue is read: a passive "has been postponed" closes the noun
#: phrase of its subject however long; "planned for", "المرتقب", "qui se tiendra" qualify the noun next to them
_NEGATED_REACH, _PLANNED_REACH = 160, 60
#: how far before the trigger a planned-before cue may start
_INVITED_REACH = 130


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
    "fr": r"dizaines|centaines|milliers|millions?|plus\s+d'une?|plus\s+de\s+[\d\s]+|réfugiés|déplacés",
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
#: a crowd right before the verb: "refugees hosted by X", "les réfugiés accueillis par X" (en and fr)
_CROWD_BEFORE = {"en": re.compile(r"\b(?:refugees|displaced|migrants|asylum\s+seekers|pilgrims|students)\s+(?:\w+\s+)?$", re.I),
                 "fr": re.compile(r"\b(?:réfugiés|déplacés|migrants|demandeurs\s+d['’]asile|pèlerins|étudiants|personnes)\s+"
                                  r"(?:\w+\s+)?$", re.I)}
_CROWD = {lang: re.compile(_GAP[lang] + "(?:" + nouns + r")(?![\w-])") for lang, nouns in _CROWDS.items()}


def reads_as_combat(sentence: str, start: int, end: int, etype: str, lang: str) -> bool:
    """True when the words beside the trigger sentence[start:end] tell of fighting, victims or crowds."""
    if lang not in _COMBAT:
        return False
    if _COMBAT[lang].match(sentence, end) or (etype == "meet" and _CROWD[lang].match(sentence, end)):
        return True
    if etype == "meet" and lang in _CROWD_BEFORE and _CROWD_BEFORE[lang].search(sentence, max(0, start - 40), start):
        return True
    if lang == "ar":
        return bool(_FIGHTERS["ar"].match(sentence, end))
    return bool(_FIGHTERS[lang].search(sentence[max(0, start - 80): start]))


_SPORT = {code: _rx(list(entries(code, "sports.txt"))) if entries(code, "sports.txt") else None for code in LANGUAGES}


def reads_as_sport(sentence: str, lang: str) -> bool:
    """True when the sentence has a word of sport (lang/<code>/sports.txt): players met, a team hosted."""
    pattern = _SPORT.get(lang)
    return bool(pattern and pattern.search(sentence))


#: a verb of saying a few words before a call trigger (lang/<code>/statement_channels.txt), the words between them not
#: a clause of their own ("said they were committed ... after a phone call between A and B" is a call)
_SAID = {code: re.compile(r"(?<![\w-])(?:" + "|".join(entries(code, "statement_channels.txt")) + r")"
                          r"(?:\s+(?!(?:أن|بأن|that|que|qu['’]\S*|after|après|بعد|following)(?!\w))[^\s.;:]+){0,8}?[\s,،]+"
                          r"(?:(?:in|on|during|by|over|en|au|lors\s+d['’]une?|par|في|خلال)\s+)?(?:an?\s+|the\s+|une?\s+)?$", re.I)
         for code in LANGUAGES if entries(code, "statement_channels.txt")}
#: ... and no other side told right after it: "a phone call with X", "from X", "which took place on Monday between X
#: and Y", "اتصالا هاتفيا بوزير الخارجية" are calls
_CALL_WITH = re.compile(r"\s*(?:[^\s.;:،]+\s+){0,5}?(?:with|between|from|entre|avec|de|d['’]|مع|بين|من)(?:\s|(?<=['’]))|"
                        r"\s*ب(?!عد|شأن|حث)", re.I)       # "said by phone to X", "à l'AFP": X is the one told


def reads_as_statement_channel(sentence: str, start: int, end: int, lang: str) -> bool:
    """'X said in a phone call that ...', 'وأكد X، في اتصال هاتفي أمس، أن ...': a call that is only how a statement
    was made (to the press), not a call between two parties."""
    said = _SAID.get(lang)
    return bool(said and said.search(sentence, max(0, start - 90), start) and not _CALL_WITH.match(sentence, end))


#: "شارك X في دراسة ...", "القوات المشاركة ضمن التحالف في الحصار": a share in a task (lang/<code>/participation_tasks.txt),
#: up to four words (the subject, "ضمن قوات التحالف") between the verb and "في"
_TASK = {code: re.compile(r"(?:\s+[^\s،,.;:]+){0,4}?\s+في\s+(?:ال)?(?:"
                          + "|".join(re.sub("ة$", "[ةت]", w) for w in entries(code, "participation_tasks.txt"))
                          + r")(?:ه|ها|هم|هما)?(?![\w-])", re.I)     # "دراسة" + "ها": "دراستها"
         for code in LANGUAGES if entries(code, "participation_tasks.txt")}


def shares_in_a_task(sentence: str, end: int, lang: str) -> bool:
    """A participation trigger ending at `end` whose "in" is a task or an operation (studying a text, a blockade,
    a campaign): taking part in work, not attending a conference."""
    task = _TASK.get(lang)
    return bool(task and task.match(sentence, end))


def find_triggers(sentence: str, lang: str, offset: int = 0) -> list[Trigger]:
    """Triggers in one sentence, leftmost first; overlapping patterns keep the first listed type."""
    if not offset:
        return list(_triggers_in(sentence, lang))
    return [Trigger(offset + t.start, offset + t.end, t.text, t.type, t.nominal)
            for t in _triggers_in(sentence, lang)]


@lru_cache(maxsize=4096)
def _triggers_in(sentence: str, lang: str) -> tuple[Trigger, ...]:
    """find_triggers at offset 0, read once per sentence: the event rules and the pair candidates both ask."""
    out: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for etype, pattern, nominal in TRIGGERS.get(lang, TRIGGERS["en"]):
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if not nominal and reads_as_combat(sentence, m.start(), m.end(), etype, lang):
                continue
            if etype == "call" and reads_as_statement_channel(sentence, m.start(), m.end(), lang):
                continue
            if etype == "conference" and shares_in_a_task(sentence, m.end(), lang):
                continue
            taken.append((m.start(), m.end()))
            out.append(Trigger(m.start(), m.end(), m.group(0), etype, nominal))
    out.sort(key=lambda t: t.start)
    return tuple(out)


#: an Arabic verb in the imperfect right after "ثم" (then): it goes on the plan a cue before it in the sentence tells
#: ("سيصل ... ثم يزور"), read up to _CHAIN_REACH characters back
_THEN_IMPERFECT = re.compile(r"(?<=ثم )[يت]")
_CHAIN_REACH = 250

#: Arabic short vowels, tanween, shadda, sukun and the tatweel: the status cues are written without them
_TASHKEEL = re.compile("[\u064b-\u0652\u0640]")


#: "following", "in the wake of", "إثر", "عقب": the event noun after them happened before the clause's own event;
#: a cue of that clause ("the visit was postponed following a call") is not the event noun's
_IN_THE_WAKE_OF = re.compile(r"(?:\b(?:following|in\s+the\s+wake\s+of|suite\s+à|à\s+la\s+suite\s+d['’e])|"
                             r"(?<!\w)(?:إثر|اثر|عقب|أعقاب|اعقاب))\s*(?:(?:an?|the|une?|la|le)\s+|l['’])?$", re.I)


@lru_cache(maxsize=8192)
def status_of(sentence: str, trigger_pos: int, lang: str) -> str:
    """'planned' or 'negated' from cues in the clause of the trigger, else 'occurred' (remembered: the venue
    features ask it of every place of a document once per event)."""
    bare = _TASHKEEL.sub if lang == "ar" else None      # "يُرتقب" reads as "يرتقب"
    wake = _IN_THE_WAKE_OF.search(sentence, max(0, trigger_pos - 20), trigger_pos)
    floor = wake.start() if wake else 0     # "postponed following a call": the call's own words tell its status
    # a negation does not reach across a colon or semicolon: "Ce n'était pas leur première rencontre : ils avaient tenu"
    bound = max(sentence.rfind(c, 0, trigger_pos) for c in ";:") + 1 if lang != "ar" else 0
    window = sentence[max(0, bound, floor, trigger_pos - 60): trigger_pos + 40]
    before = sentence[max(floor, trigger_pos - 50): trigger_pos + 25]
    after = sentence[trigger_pos: trigger_pos + _NEGATED_REACH]
    if bare is not None:
        window, before, after = bare("", window), bare("", before), bare("", after)
    if _NEGATED.get(lang, _NEGATED["en"]).search(window):
        return "negated"
    if _PLANNED.get(lang, _PLANNED["en"]).search(before) or \
            _PLANNED_BEFORE.get(lang, _PLANNED_BEFORE["en"]).search(sentence[max(0, trigger_pos - _INVITED_REACH): trigger_pos]):
        return "planned"
    chain = sentence[max(0, trigger_pos - _CHAIN_REACH): trigger_pos]
    if bare is not None and _THEN_IMPERFECT.match(sentence, trigger_pos) and _PLANNED["ar"].search(bare("", chain)):
        return "planned"    # "كان X سيصل إلى A ... ثم يزور B": the next stop of a plan
    end = _CLAUSE_END.search(after)
    clause = after[:end.start()] if end else after
    if _NEGATED_AFTER.get(lang, _NEGATED_AFTER["en"]).search(clause):
        return "negated"
    if _PLANNED_AFTER.get(lang, _PLANNED_AFTER["en"]).search(clause[:_PLANNED_REACH]) or \
            _PLANNED_PREDICATE.get(lang, _PLANNED_PREDICATE["en"]).search(clause) or \
            _PLANNED_APPOSITION.get(lang, _PLANNED_APPOSITION["en"]).search(clause[:_APPOSITION_REACH]):
        return "planned"
    return "occurred"


#: "After the signing, ...", "Après la signature, ...": a trigger noun that dates what follows by an event told before
_TIME_OF_EVENT = re.compile(r"\b(?:before|after|prior\s+to|following|during|avant|après|pendant|lors\s+de)\s+"
                            r"(?:the|this|that|la|le|l['’]|cette|ce)\s*$", re.I)


def names_a_time(text: str, trig: Trigger, s_start: int) -> bool:
    """A trigger noun set off by a comma after 'before the', 'after the' ("After the signing, X met Y"): the time
    of an event already told, not a new one."""
    return bool(_TIME_OF_EVENT.search(text, max(s_start, trig.start - 25), trig.start)) and text[trig.end: trig.end + 1] == ","


#: a headline's future: "Minister to visit Vells", "Envoys to attend harbour forum" (English headlines
#: drop the "is" of "is to")
_HEADLINE_TO = re.compile(r"(?<![\w-])to\s+$")


def headline_future(doc: Document, trig: Trigger) -> bool:
    """An English headline's trigger right after 'to': what is to happen, not what happened."""
    title = doc.title_span
    if doc.lang != "en" or title is None or not title[0] <= trig.start < title[1] or "." in doc.text[title[0]:title[1]]:
        return False        # a first line of full sentences is no headline
    return bool(_HEADLINE_TO.search(doc.text, title[0], trig.start))


#: what a meeting talked about: "The council reviewed the talks between A and B", "looked at the negotiations"
_DISCUSSED = re.compile(r"\b(?:looked\s+at|look\s+at|review(?:ed|s|ing)?|discuss(?:ed|es|ing)?|examin(?:ed|es|ing)|"
                        r"took\s+stock\s+of|follow(?:ed|s)?\s+up\s+on|pass(?:é|er)\s+en\s+revue|examin[ée]\w*)\s+"
                        r"(?:the|les|la|le|l['’])\s+(?:[\w-]+\s+){0,2}$|"
                        # Arabic: a process or a framework the talks are ("في إطار المشاورات", "استئناف المفاوضات")
                        r"(?<!\S)[وفبل]?(?:ال)?(?:إطار|آلية|استئناف|مسار|عملية|مواصلة|استمرار)\s+$", re.I)


def a_topic_discussed(text: str, trig: Trigger, s_start: int) -> bool:
    """A trigger noun that is what a meeting looked at ("reviewed the recent talks between A and B") or, in Arabic,
    the process or framework it names ("في إطار المشاورات السياسية بين", "استئناف المفاوضات بين"): a topic, not an
    event the sentence tells."""
    return bool(_DISCUSSED.search(text, max(s_start, trig.start - 50), trig.start))


#: a verb of hosting whose object is a gathering: "having hosted last year's summit in Glasgow", "a accueilli le sommet"
_HOSTING = re.compile(r"host(?:ed|s|ing)?|accueill\w*", re.I)
_GATHERING_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:summit|conference|forum|congress|assembly|games|sommet|"
                              r"conférence|congrès|assemblée|jeux)s?\b", re.I)


def hosts_a_gathering(text: str, trig: Trigger) -> bool:
    """A meeting verb of hosting whose object is a summit or conference: the host takes part in a conference, it does
    not meet the gathering."""
    return trig.type == "meet" and not trig.nominal and bool(_HOSTING.fullmatch(trig.text)) and \
        bool(_GATHERING_AFTER.match(text, trig.end))
