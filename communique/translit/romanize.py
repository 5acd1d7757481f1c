"""Arabic-script names -> Latin script, English-press style (محمد بن سعيد -> Mohammed bin Saeed)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from ..textnorm import fold, fold_arabic
from .foreign import load_foreign_model
from .names import TA_MARBUTA


@lru_cache(maxsize=1)
def common_names() -> dict[str, str]:
    """data/arabic_names.tsv: folded Arabic name word -> its usual English-press spelling."""
    text = resources.files(__package__).joinpath("data/arabic_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {ar: lat for ar, lat in rows}


def common_spelling(word: str) -> str | None:
    """The usual spelling of a common Arabic name word (folded: محمد -> Mohammed), or None."""
    return common_names().get(word)

_ROM_CONS = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh",
    "ف": "f", "ڤ": "v", "ق": "q", "ك": "k", "ک": "k", "گ": "g", "چ": "ch", "ژ": "zh", "ل": "l",
    "م": "m", "ن": "n", "ه": "h",
}
_HAMZA_YA = "\ue001"            # ئ kept apart for romanization (رائد -> Raed)
_HAMZA_I = "\ue002"             # إ kept apart for romanization (الإسلام -> al-Islam)
_SUN = set("تثدذرزسشصضطظلن")
_AR_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def prepare_arabic(word: str) -> str:
    """Diacritics off, letter variants unified, ة kept (as the placeholder)."""
    word = unicodedata.normalize("NFKC", word.replace("ة", TA_MARBUTA).replace("ئ", _HAMZA_YA)
                                 .replace("إ", _HAMZA_I))
    return fold_arabic(_AR_DIAC.sub("", word))


def plain_arabic(w: str) -> str:
    """The folded spelling of a prepared word (placeholders back to their fold_arabic forms)."""
    return w.replace(TA_MARBUTA, "ه").replace(_HAMZA_I, "ا").replace(_HAMZA_YA, "ي")


def _rom_word(w: str, spellings: Mapping[str, str] | None = None) -> str:
    """Romanize one folded Arabic word (article already removed); ``spellings`` first (see
    :func:`learn_spellings`), then the table of common names, then the letter rules."""
    key = plain_arabic(w)
    if spellings and key in spellings:
        return spellings[key]
    if key in common_names():
        return common_names()[key]
    word = _foreign_reading(w) or _NativeReading(w).read()
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=1 << 14)
def _foreign_reading(w: str) -> str | None:
    """The learned transliterator's spelling of a word its foreignness score calls foreign, else None."""
    model = load_foreign_model()
    letters = w.replace(_HAMZA_I, "ا") if w.startswith(_HAMZA_I) else w
    if model is None or len(plain_arabic(w)) < 2 or not model.is_foreign(letters):
        return None
    return model.romanize(letters) or None


_LONG_VOWELS = "اوي"


class _NativeReading:
    """One Arabic word read letter by letter as an Arabic name: ا و ي are long vowels (or
    consonants next to a vowel and initially), short vowels are guessed (a by default)."""

    def __init__(self, word: str) -> None:
        self.letters = list(word)
        self.n = len(word)
        self.out: list[str] = []
        self.prev_vowel = False           # the last emitted sound is a vowel

    def is_cons(self, k: int) -> bool:
        """Letter k is a consonant (و/ي read as consonants next to a vowel or initially)."""
        letters, n = self.letters, self.n
        if k >= n:
            return False
        c = letters[k]
        if c == "و":
            return k == 0 or (k + 1 < n and letters[k + 1] in "اي") or (k > 0 and letters[k - 1] == "ا")
        if c == "ي":
            return k == 0 or (k + 1 < n and letters[k + 1] == "ا") or (k > 0 and letters[k - 1] in "او")
        return c in _ROM_CONS or c == "ع"

    def read(self) -> str:
        i = self._opening()
        while i < self.n:
            i = self._letter(i)
        return "".join(self.out)

    def _opening(self) -> int:
        """A word-initial إ, alef or ʿayn: the initial vowel; returns the next letter's index."""
        letters, n = self.letters, self.n
        if n > 1 and letters[0] == _HAMZA_I:
            self.out.append("I")
        elif n > 1 and letters[0] in "اع":
            nxt = letters[1]
            if nxt == "و" and n > 2:
                self.out.append("O")
            elif nxt == "ي" and letters[0] == "ع":
                self.out.append("Ei")
            else:
                self.out.append("A")
            self.prev_vowel = True
            return 2 if (nxt == "و" and n > 2) or (nxt == "ي" and letters[0] == "ع") or nxt == "ا" else 1
        else:
            return 0
        self.prev_vowel = True
        return 1

    def _letter(self, i: int) -> int:
        """Emit letter i; returns the next index."""
        letters, n, out = self.letters, self.n, self.out
        c = letters[i]
        if c in "ا" + _HAMZA_I:
            out.append("a" if c == "ا" else "i")
        elif c == TA_MARBUTA or (c == "ه" and i == n - 1 and n >= 3 and letters[i - 1] not in _LONG_VOWELS):
            out.append("ya" if out and out[-1] == "i" and letters[i - 1] == "ي" else "a")
            if out[-1] == "ya":
                out[-2] = "i"
        elif c == "ي" and i == 1 and out == ["I"]:
            return i + 1                        # إي -> I (إيهود)
        elif c == "ي" and i == 1 and n >= 3 and not self.is_cons(i) and self.is_cons(i + 1) \
                and letters[0] not in "اع" and (i + 2 >= n or self.is_cons(i + 2)):
            out.append("ai")                    # Qais, Faisal, Zain, Haidar
        elif c == "ي" and not self.is_cons(i):
            out.append("a" if i == n - 1 and n > 1 and letters[i - 1] == "ي" else "i")
        elif c == "و" and not self.is_cons(i):
            out.append("ou")
        elif c in "ءأ":
            return i + 1
        elif c == _HAMZA_YA:
            out.append("e" if i < n - 1 else "")
        else:
            return self._consonant(i)
        self.prev_vowel = True
        return i + 1

    def _consonant(self, i: int) -> int:
        letters, out = self.letters, self.out
        c = letters[i]
        if c == "ع":
            nxt = letters[i + 1] if i + 1 < self.n else ""
            if nxt == "ي" and self.prev_vowel and "".join(out).endswith("a"):
                out.append("ee")                # سعيد -> Saeed
                self.prev_vowel = True
                return i + 2
            cons = "a" if self.prev_vowel and "".join(out).endswith("a") and self.is_cons(i + 1) else ""
        else:
            cons = _ROM_CONS.get(c, "w" if c == "و" else "y" if c == "ي" else "")
            if not cons:
                return i + 1
        out.append(cons)
        if self.is_cons(i + 1):
            self._short_vowel(i, c, cons)
        else:
            self.prev_vowel = False
        return i + 1

    def _short_vowel(self, i: int, c: str, cons: str) -> None:
        """The short vowel guessed after consonant i when a consonant follows it."""
        letters, n = self.letters, self.n
        final_pair = i + 2 == n or (i + 3 == n and letters[-1] in "ي" + TA_MARBUTA)
        after_long = i > 1 and letters[i - 1] in _LONG_VOWELS and not self.is_cons(i - 1) \
            and not (i == 2 and letters[1] == "ي")
        if final_pair and after_long:
            vowel = "i"                         # fa:il -> Khalid, Tahir, Yousif, Maliki
        elif final_pair and self.prev_vowel and (n <= 3 or (i == 2 and letters[1] == "ي")):
            vowel = "a"                         # Asad
        elif self.prev_vowel and c != "ع" or (c == "ع" and cons):
            self.prev_vowel = False             # closes the syllable
            return
        elif i == 0 and c == "م" and i + 2 < n and letters[i + 2] in "اي":
            vowel = "u"                         # Mubarak, Munir, Mughidi
        else:
            vowel = "a"
        self.out.append(vowel)
        self.prev_vowel = True


#: titles and honorifics before an Arabic name (folded), left out of its romanization
AR_LEADING_TITLES = {fold(w) for w in (
    "الشيخ", "شيخ", "الأمير", "الملك", "الرئيس", "اللواء", "العميد", "الفريق", "المشير", "السيد", "السيدة",
    "الحاج", "الدكتور", "د.", "معالي", "سمو", "فخامة", "الوزير", "السفير", "العقيد")}


#: ordinals after a ruler's name (عبد الله الثاني: Abdullah II), folded
_REGNAL = {fold(w): n for w, n in (("الأول", "I"), ("الثاني", "II"), ("الثالث", "III"), ("الرابع", "IV"),
                                   ("الخامس", "V"), ("السادس", "VI"), ("السابع", "VII"), ("الثامن", "VIII"),
                                   ("التاسع", "IX"), ("العاشر", "X"))}


def arabic_to_latin(name: str, *, assimilate: bool = False, spellings: Mapping[str, str] | None = None) -> str:
    """Romanization of an Arabic-script name, English-press style.

    محمد بن سعيد -> Mohammed bin Saeed; المغيدي -> Al-Mughidi; عبد العزيز -> Abdulaziz;
    عبد الله الثاني -> Abdullah II. With ``assimilate=True`` the article takes the sun letter
    (ash-Sharif, ar-Rashid). Common names come from a table; a word the learned foreignness score
    calls foreign is read by the learned transliterator of :mod:`.foreign` (موزارت -> Mozart);
    other words go through letter rules that read ا و ي as long vowels and guess short vowels (a by
    default). ``spellings`` (from :func:`learn_spellings`) give the Latin spelling a corpus uses for
    a word, before all of these.
    """
    raw = name.replace("_", " ").split()
    while len(raw) > 1 and fold(raw[0]) in AR_LEADING_TITLES:
        raw = raw[1:]                    # الشيخ الدكتور محمد ... -> Mohammed ...: a title is not a name
    raw = [r for r in raw if prepare_arabic(r)]
    words = [prepare_arabic(r) for r in raw]
    out: list[str] = []
    i = 0
    while i < len(words):
        i = _romanize_at(raw, words, i, out, assimilate, spellings)
    return " ".join(out)


def _romanize_at(raw: list[str], words: list[str], i: int, out: list[str], assimilate: bool,
                 spellings: Mapping[str, str] | None) -> int:
    """Romanize the word at i (with the next one for عبد X) onto ``out``; returns the next index."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    plain = plain_arabic(w)
    if plain == "عبد" and nxt is not None:
        rest = nxt[2:] if nxt.startswith("ال") and len(nxt) > 3 else nxt
        out.append("Abdullah" if rest in {"له", "لله"} else "Abdul" + _rom_word(rest, spellings).lower())
        return i + 2
    if plain.startswith("عبدال") and len(plain) > 6:
        rest = w[5:]
        out.append("Abdullah" if rest in {"له", "لله"} else "Abdul" + _rom_word(rest, spellings).lower())
    elif plain == "ال" and nxt is not None:          # آل (family)
        out.append("Al")
    elif plain == "الله" and out:
        out[-1] = out[-1] + "allah"
    elif out and nxt is None and plain in _REGNAL:
        out.append(_REGNAL[plain])
    elif plain.startswith("ال") and len(plain) > 3 and not raw[i].startswith(("أل", "إل")):
        # (an article is written without hamza: ألباريس is a name of its own)
        rest = w[2:]
        article = "a" + _ROM_CONS[rest[0]] if assimilate and rest[0] in _SUN else "al"
        out.append(f"{article.capitalize() if not out else article}-{_rom_word(rest, spellings)}")
    else:
        out.append(_rom_word(w, spellings))
    return i + 1
