"""Name tokens -> consonant skeletons and vowel gaps, in one alphabet for both scripts.

A token's skeleton keeps its consonants in the small common alphabet of the package docstring;
its gaps keep the vowels between them (class, long, quality) for :mod:`.scoring` to compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..textnorm import is_arabic
from .names import ALIF_MAQSURA, TA_MARBUTA, arabic_name_words, latin_name_words

# A unit is ("C", class) or ("V", vowel class "A"|"O", n_chars, tail) where tail is the
# vowel's own quality (a, e, i, o, u; "" unknown): Saad / Saeed differ there.
_LAT_VOWELS = {"a": "A", "e": "A", "i": "A", "y": "A", "o": "O", "u": "O"}
# digraphs that write a long vowel; aa/ae/ua (often a vowel on each side of ʿayn) are not
_LAT_LONG = {"ou", "oo", "ee", "ei", "ai", "ay", "ey", "ie", "ii", "uu", "ui", "oi"}
_LAT_MULTI = [  # longest first
    ("tsch", "x"), ("shch", "x"), ("sch", "x"), ("tch", "x"), ("dzh", "g"), ("sh", "x"), ("ch", "x"),
    ("zh", "g"), ("kh", "k"), ("gh", "g"), ("dj", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"),
    ("ck", "k"),
]
_LAT_SINGLE = {
    "b": "b", "p": "b", "d": "d", "t": "t", "f": "f", "v": "f", "g": "g", "j": "g", "k": "k", "q": "k",
    "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "z": "z", "h": "h",
}
# digraphs that may also be two letters (Fat-hi, Ad-ham, Is-haq) or g for ق (Gaddafi)
_LAT_SPLITTABLE = {"th", "dh", "sh", "kh", "gh"}


def latin_units(word: str, *, split: frozenset[str] = frozenset(), g_as_k: bool = False,
                 w_as_f: bool = False, dh_as_z: bool = False) -> list[tuple]:
    """Units of a folded Latin word; the flags read it another way (Fat-hi, Gaddafi, Wladimir, Kadhimi)."""
    w = re.sub(r"[^a-z]", "", word)
    if dh_as_z:
        w = w.replace("dh", "z")
    units: list[tuple] = []
    i, n = 0, len(w)
    while i < n:
        ch = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        if i == 0 and w.startswith("ou") and n > 2 and w[2] in "aei":
            units.append(("C", "w"))
            i += 2
        elif ch == "y" and i == 0 and nxt in "aeiou" and nxt:
            units.append(("C", "y"))
            i += 1
        elif ch == "w":
            units.append(_latin_w(w, i, w_as_f))
            i += 1
        elif ch in _LAT_VOWELS:
            i = _latin_vowel(w, i, units)
        elif ch == "c" and nxt == "h" and i + 2 < n and w[i + 2] in "rl":
            units.append(("C", "k"))            # Christophe, Chloé
            i += 2
        else:
            i = _latin_consonant(w, i, units, split, g_as_k)
    # French/English silent final e (Lecorne, Abderrahmane): not a vowel of the name
    if len(units) > 2 and w.endswith("e") and not w.endswith(("ee", "ie", "ye", "ae", "oe", "ue")) \
            and units[-1][0] == "V" and units[-2][0] == "C":
        units.pop()
    return units


def _latin_w(w: str, i: int, w_as_f: bool) -> tuple:
    if i == 0:
        return ("C", "f") if w_as_f else ("C", "w")     # Wladimir = Vladimir
    if i == len(w) - 1 and w[i - 1] in "aeiou" and len(w) > 3:
        return ("C", "f")                               # Voronkow = Voronkov
    return ("C", "f") if w_as_f else ("V", "O", 1, "u")


def _latin_vowel(w: str, i: int, units: list[tuple]) -> int:
    ch, pair = w[i], w[i:i + 2]
    if pair in _LAT_LONG:                   # ou oo ee ei ai ...: a written long vowel
        units.append(("V", _LAT_VOWELS[ch] if pair not in {"ui", "oi"} else "M", 2,
                      "i" if pair[1] in "iy" or pair == "ee" else pair[1]))
        return i + 2
    units.append(("V", _LAT_VOWELS[ch], 1, "i" if ch == "y" else ch))
    return i + 1


def _latin_consonant(w: str, i: int, units: list[tuple], split: frozenset[str], g_as_k: bool) -> int:
    for multi, cls in _LAT_MULTI:
        if w.startswith(multi, i) and multi not in split:
            units.append(("C", cls))
            return i + len(multi)
    ch, nxt = w[i], w[i + 1:i + 2]
    if ch == "c":
        units.append(("C", "s" if nxt in "eiy" and nxt else "k"))
    elif ch == "x":
        units.extend([("C", "k"), ("C", "s")])
    elif ch == "g" and g_as_k:
        units.append(("C", "k"))
    elif ch in _LAT_SINGLE:
        units.append(("C", _LAT_SINGLE[ch]))
    return i + 1


AR_CONSONANTS = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "g", "غ": "g", "گ": "g", "ژ": "g",
    "ح": "h", "ه": "h", "خ": "k", "ق": "k", "ك": "k", "ک": "k", "د": "d", "ذ": "d", "ض": "d",
    "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ص": "s", "ش": "x", "چ": "x", "ف": "f", "ڤ": "f",
    "ل": "l", "م": "m", "ن": "n",
}


_AR_ALT = {"ظ": "d", "ث": "s", "ذ": "z", "ض": "z"}


def _arabic_units(word: str, override: dict[str, str] | None = None) -> list[tuple]:
    """Units of a folded Arabic word (ة as the placeholder); `override` remaps consonants."""
    cons_map = AR_CONSONANTS if not override else {**AR_CONSONANTS, **override}
    units: list[tuple] = []
    n = len(word)
    for i, ch in enumerate(word):
        prev = word[i - 1] if i else ""
        if ch == "ا":
            units.append(("V", "A", 2, "a"))
        elif ch == "و":
            units.append(("C", "w") if i == 0 else ("V", "O", 2, "u"))
        elif ch in "يی":
            units.append(("C", "y") if i == 0 else ("V", "A", 2, "i"))
        elif ch in (TA_MARBUTA, ALIF_MAQSURA):
            units.append(("V", "A", 2, "a"))
        elif ch == "ع":
            units.append(("V", "A", 1, "") if i == 0 else ("V", "?", 0, ""))   # ʿayn: a vowel slot
        elif ch == "ه" and i == n - 1 and n >= 3 and prev not in "اوي":
            units.append(("V", "A", 2, "a"))     # ه written for ة (فاطمه)
        elif ch in cons_map:
            units.append(("C", cons_map[ch]))
        # ء and anything else: silent
    return units


@dataclass(frozen=True, slots=True)
class NameToken:
    script: str                    # "lat" | "ar"
    surface: str                   # folded token
    skel: str
    gaps: tuple                    # len(skel) + 1 entries: None | (class, long)
    alts: frozenset[str]           # alternative skeletons (ambiguous digraphs)
    initial: bool = False
    final_e: bool = False          # a silent final e was dropped (Lecorne)
    #: alternative skeletons heard only in Arabic writing: a word-initial c before a, o or u is k in every
    #: Latin-script spelling (Colter is no Salter), though Arabic may write a foreign name's c as s or j
    arabic_only: frozenset[str] = frozenset()


def _skeleton_of(units: list[tuple], script: str) -> tuple[str, tuple]:
    cons: list[str] = []
    gaps: list[list[tuple]] = [[]]
    for u in units:
        if u[0] == "C":
            if cons and cons[-1] == u[1] and not gaps[-1]:
                continue                        # doubled letter
            cons.append(u[1])
            gaps.append([])
        else:
            gaps[-1].append(u)
    if gaps[0]:                                 # word-initial vowel / alef / ʿayn
        cons.insert(0, "a")
        # the initial vowel's class stays in gap 0 for Latin (Omar / Amr); unknown in Arabic
        gaps = [gaps[0] if script == "lat" else [], []] + gaps[1:]
    if len(cons) >= 3 and cons[-1] == "h":       # -ah / ة / final h
        cons.pop()
        last = gaps.pop()
        gaps[-1] = gaps[-1] + last
        if script == "lat" and gaps[-1] and gaps[-1][-1][3] == "e":   # Haniyeh = Haniya
            gaps[-1] = gaps[-1][:-1] + [gaps[-1][-1][:3] + ("a",)]
    sig: list[tuple | None] = []
    for g in gaps:
        if not g:
            sig.append(None)
            continue
        classes = {u[1] for u in g if u[1] != "?"} or {"M"}
        cls = classes.pop() if len(classes) == 1 else "M"
        long = any(u[2] >= 2 for u in g)
        tails = [u[3] for u in g if u[3]]
        sig.append((cls, long, tails[-1] if tails else ""))
    return "".join(cons), tuple(sig)


@lru_cache(maxsize=65536)
def latin_token(word: str) -> NameToken:
    skel, gaps = _skeleton_of(latin_units(word), "lat")
    alts = {skel}
    present = [d for d in _LAT_SPLITTABLE if d in word]
    for d in present:
        alts.add(_skeleton_of(latin_units(word, split=frozenset({d})), "lat")[0])
    if "g" in word:
        alts.add(_skeleton_of(latin_units(word, g_as_k=True), "lat")[0])
    if "w" in word:
        alts.add(_skeleton_of(latin_units(word, w_as_f=True), "lat")[0])
    if "dh" in word:
        alts.add(_skeleton_of(latin_units(word, dh_as_z=True), "lat")[0])
    for prefix in ("ben", "bin", "ibn"):
        if word.startswith(prefix) and len(word) >= len(prefix) + 3 and word[len(prefix)] not in "aeiouy":
            alts.add(_skeleton_of(latin_units(word[len(prefix):]), "lat")[0])
    if skel.startswith("a") and len(skel) >= 5:
        alts.add(skel[1:])                      # Brahim / Ibrahim
    hard_c = word[:1] == "c" and word[1:2] in ("a", "o", "u")
    heard: set[str] = set()
    for spelling in _foreign_spellings(word):
        (heard if hard_c and spelling[:1] in ("s", "j") else alts).add(_skeleton_of(latin_units(spelling), "lat")[0])
    final_e = len(word) > 3 and word.endswith("e") and word[-2] not in "aeiouy"
    return NameToken("lat", word, skel, gaps, frozenset(alts | heard), initial=len(word) == 1, final_e=final_e,
                     arabic_only=frozenset(heard - alts))


#: how European spellings sound, as Arabic writes them: Joseph جوزيف (s said z), Recep رجب and
#: Fayçal فيصل (c said j or s), Barrot بارو (French silent final consonant), Guterres جوتيريش
#: (Portuguese final s), John جون (h not said), Mahamat محمد (final t for d), pinyin or Portuguese
#: initial x said sh (Xiang شيانغ)
_FOREIGN_SPELLINGS = (
    (re.compile(r"(?<=[aeiouy])s(?=[aeiouy])"), "z"),
    (re.compile(r"c(?![hk])"), "s"),
    (re.compile(r"c(?![hk])"), "j"),
    (re.compile(r"(?<=\w{2}[aeiouy])[tdsxz]$"), ""),
    (re.compile(r"(?<=\w{3})s$"), "sh"),
    (re.compile(r"(?<=[aeiou])h(?=[^aeiouy])"), ""),
    (re.compile(r"(?<=\w{3})t$"), "d"),
    (re.compile(r"^x(?=[aeiou])"), "sh"),
)


def _foreign_spellings(word: str) -> set[str]:
    """Respellings of a Latin word by the rules of :data:`_FOREIGN_SPELLINGS` (each one alone)."""
    return {pattern.sub(repl, word) for pattern, repl in _FOREIGN_SPELLINGS} - {word}


@lru_cache(maxsize=65536)
def arabic_token(word: str) -> NameToken:
    skel, gaps = _skeleton_of(_arabic_units(word), "ar")
    alts = {skel}
    for letter, cls in _AR_ALT.items():         # Kadhimi / Kazimi, Othman / Osman
        if letter in word:
            alts.add(_skeleton_of(_arabic_units(word, {letter: cls}), "ar")[0])
    if "نب" in word:                            # نب is said mb: جنبلاط / Jumblatt
        alts.add(skel.replace("nb", "mb"))
    if skel.startswith("a") and len(skel) >= 5:
        alts.add(skel[1:])
    return NameToken("ar", word, skel, gaps, frozenset(alts))


def name_tokens(name: str) -> list[NameToken]:
    if is_arabic(name):
        return [arabic_token(w) for w in arabic_name_words(name) if arabic_token(w).skel]
    return [latin_token(w) for w in latin_name_words(name) if latin_token(w).skel]


def latin_skeleton(name: str) -> str:
    """Transliteration skeleton of a Latin-script name (name tokens joined by spaces).

    >>> latin_skeleton("Al-Moghedi") == latin_skeleton("Mughaidi") == "mgd"
    True
    """
    return " ".join(latin_token(w).skel for w in latin_name_words(name) if latin_token(w).skel)


def arabic_skeleton(name: str) -> str:
    """Skeleton of an Arabic-script name in the alphabet of :func:`latin_skeleton`.

    >>> arabic_skeleton("المغيدي")
    'mgd'
    """
    return " ".join(arabic_token(w).skel for w in arabic_name_words(name) if arabic_token(w).skel)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Blocking key: the skeleton of the last name token (the surname), either script (remembered per
    name: coreference asks it of the same words again for every pair of person names)."""
    toks = name_tokens(name)
    return toks[-1].skel if toks else ""

