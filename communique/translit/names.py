"""Name strings -> name tokens: articles, patronymic particles and titles off, compounds joined.

Both scripts: Latin (Abd al-Rahman, Abu Bakr, Saad Eddine, Nasr Allah, Le Drian) and Arabic
(عبد الرحمن, أبو بكر, سعد الدين, نصر الله); each compound becomes one token.
"""

from __future__ import annotations

import re

from ..textnorm import fold, strip_honorifics

_APOSTROPHES = re.compile(r"(?<=\w)['’`ʼʿʾ´‘](?=\w)")
TA_MARBUTA = "\ue000"           # survives fold(); stands for ة until the letters are read
ALIF_MAQSURA = "\ue003"             # stands for ى (read a: مصطفى, يحيى), which fold() makes ي


def unmark(w: str) -> str:
    """A token with the placeholders back to their fold_arabic forms."""
    return w.replace(TA_MARBUTA, "ه").replace(ALIF_MAQSURA, "ي")

# ---------------------------------------------------------------------------------------
# Tokens: particles, articles, compounds (both scripts)
# ---------------------------------------------------------------------------------------

_LAT_ARTICLES = {"al", "el", "ul", "il", "ol"}
_LAT_SUN_ARTICLES = {"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er",
                     "es", "et", "ez", "ud", "un", "ur", "us", "ut", "uz", "ech", "ec"}
_LAT_DROP = {"bin", "ben", "ibn", "bint", "binti", "bte", "ould", "wuld", "walad",
             "de", "du", "des", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der",
             "sheikh", "shaikh", "sheik", "cheikh", "shaykh", "prince", "princess", "king", "queen",
             "emir", "sayyid", "sayed", "hajj", "haj", "general", "gen", "col", "colonel",
             "roi", "reine", "princesse", "emira", "crown"}
_LAT_ABU = {"abu", "abou", "abo", "aboul", "abul", "abi", "aba", "bou"}
_LAT_ABD = re.compile(r"^abd(?:[aeiou]{1,2}l|[aeiou]{1,2}(?=([tdsznrl])\1)|[aeiou]{0,2}(?=l))?")
_LAT_DIN = {"din", "deen", "dine", "eddine", "eddin", "uddin", "addin", "iddin", "ud din"}
_LAT_DIN_SUFFIX = re.compile(r"(?<=\w{3})(?:e|u|a|ou|i)?d?d(?:i|ee)ne?$")  # Saadeddine -> Saaddin
_LAT_ALLAH = {"allah", "ullah", "ollah", "ellah", "alla", "ulla"}

_AR_DROP = {"بن", "ابن", "بنت", "ولد", "الشيخ", "شيخ", "الامير", "الملك", "الرئيس", "اللواء",
            "العميد", "الفريق", "السيد", "السيده", "الحاج", "الدكتور"}
_AR_ABU = {"ابو", "ابي", "ابا"}


#: the particles of _LAT_DROP and _AR_DROP that are no title
_PARTICLES = {"bin", "ben", "ibn", "bint", "binti", "bte", "ould", "wuld", "walad", "de", "du", "des", "da", "di",
              "do", "dos", "das", "del", "della", "van", "von", "der", "بن", "ابن", "بنت", "ولد"}


def is_title_word(word: str) -> bool:
    """A folded word that is a title or honorific before a name (king, roi, cheikh, الملك, dr), not a name."""
    return word not in _PARTICLES and (word in _LAT_DROP or unmark(word) in _AR_DROP or
                                       bool(word) and not strip_honorifics([word, "x"])[0] == word)


def _latin_words(name: str) -> list[str]:
    text = _APOSTROPHES.sub("", name)
    return strip_honorifics(fold(text).split())


def latin_name_words(name: str) -> list[str]:
    """Folded Latin name tokens with articles and patronymic particles removed and
    compounds (Abd al-X, Abu X, X al-Din, X Allah) joined into one token."""
    words = _latin_words(name)
    out: list[str] = []
    i = 0
    pending_abu = ""
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w in _LAT_ARTICLES and nxt is not None:
            i += 1
            continue
        if w in _LAT_SUN_ARTICLES and nxt is not None and nxt.startswith(w[1:]):
            i += 1
            continue
        if w in _LAT_DROP and (nxt is not None or out):
            i += 1
            continue
        if w in _LAT_ABU and nxt is not None:
            pending_abu += "abu"
            i += 1
            continue
        if w in _LAT_DIN and out:
            out[-1] += "din"
            i += 1
            continue
        if w in {"le", "la"} and nxt is not None and out:
            words[i + 1] = w + nxt               # Le Drian = Ledrian
            i += 1
            continue
        if w in _LAT_ALLAH and out:
            out[-1] += "allah"
            i += 1
            continue
        if w in {"abd", "abdel", "abdul", "abdal", "abdoul", "abdol", "abdil", "abdou"} and nxt is not None \
                and w != "abdou":
            # Abd al-Rahman, Abdel Aziz, Abdul Rahman -> one token
            j = i + 1
            while j < len(words) - 1 and (words[j] in _LAT_ARTICLES or words[j] in _LAT_SUN_ARTICLES):
                j += 1
            w = "abd" + words[j]
            i = j
        elif w.startswith("abd") and len(w) > 5:
            m = _LAT_ABD.match(w)
            if m and len(w) - m.end() >= 2:
                w = "abd" + w[m.end():]
        w = _LAT_DIN_SUFFIX.sub("din", w)
        if pending_abu:
            w = pending_abu + w
            pending_abu = ""
        out.append(w)
        i += 1
    if pending_abu:
        out.append(pending_abu)
    return out


def _arabic_words(name: str) -> list[str]:
    text = name.replace("ة", TA_MARBUTA).replace("ى", ALIF_MAQSURA).replace("_", " ")
    words = fold(text).split()
    kept = strip_honorifics([unmark(w) for w in words])
    return words[len(words) - len(kept):]


def _strip_ar_article(w: str) -> str:
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


def arabic_name_words(name: str) -> list[str]:
    """Folded Arabic name tokens (ة kept as a placeholder) with the article and patronymic
    particles removed and compounds (عبد ال..., أبو ..., ... الدين, ... الله) joined."""
    words = _arabic_words(name)
    out: list[str] = []
    i = 0
    pending = ""
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == "ال" and nxt is not None:            # آل (family) folds to ال
            i += 1
            continue
        if unmark(w) in _AR_DROP and (nxt is not None or out):
            i += 1
            continue
        if w in _AR_ABU and nxt is not None:
            pending += "ابو"
            i += 1
            continue
        if w == "عبد" and nxt is not None:
            w = "عبد" + _strip_ar_article(nxt)
            i += 1
        elif w.startswith("عبدال") and len(w) > 6:
            w = "عبد" + w[5:]
        elif w in {"الدين", "الله"} and out:
            out[-1] += w[2:]
            i += 1
            continue
        w = _strip_ar_article(w)
        if pending:
            w = pending + w
            pending = ""
        out.append(w)
        i += 1
    if pending:
        out.append(pending)
    return out

