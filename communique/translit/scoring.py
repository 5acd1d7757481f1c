"""Two name strings (either script) -> a score that they name the same person."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..textnorm import fold, is_arabic
from .names import unmark
from .romanize import arabic_to_latin, common_spelling
from .skeleton import latin_token, NameToken, name_tokens

# Chosen on bench/translit_eval.py: the lowest threshold keeping false merges <= 1% on the
# distinct-name pairs while positives stay >= 90%.
SAME_NAME_THRESHOLD = 0.85

def _gap_conflict(g1, g2, s1: str, s2: str, lat_long_vs_none: float | None = None,
                  position: str = "") -> float:
    """Evidence (0..1) that two vowel slots between the same consonants differ.
    position: "first" (initial vowel or first syllable), "final" or ""."""
    if g1 is None and g2 is None:
        return 0.0
    if g1 is not None and g2 is not None:
        (c1, l1, t1), (c2, l2, t2) = g1, g2
        if s1 == s2 == "ar" and l1 != l2:
            return 1.0                          # سعد / سعيد
        if c1 != c2 and "M" not in (c1, c2):
            if l1 and l2:
                return 1.0
            if s1 == s2 == "lat":               # Hassan / Hussein, Omar / Amr; Yusuf / Youssef
                return 1.0 if position == "first" else 0.6
            return 0.5                          # Arabic writes foreign short vowels long (Trump)
        if c1 == c2 == "A":
            for (ta, la), tb in (((t1, l1), t2), ((t2, l2), t1)):
                if ta in "ie" and la and tb == "a":
                    return 1.0                  # a long i against an a: Saad / Saeed, Hassan / حسين
            if position == "final" and s1 == s2 == "lat" and {t1, t2} in ({"a", "i"}, {"a", "e"}):
                return 1.0 if {t1, t2} == {"a", "i"} else 0.6   # Ali / Alia; Saleh / Salah
        return 0.0
    present, p_script, a_script = (g1, s1, s2) if g1 is not None else (g2, s2, s1)
    if not present[1]:                          # a short vowel against none
        return _LAT_SHORT_VS_NONE if p_script == a_script == "lat" else 0.0
    if a_script == "ar":                        # Arabic writes no long vowel here
        if p_script == "ar":
            return 1.0                          # حسن / حسين
        return _LAT_LONG_VS_NONE if lat_long_vs_none is None else lat_long_vs_none  # Shoukry
    if p_script == "ar":                        # Arabic long vowel, no vowel in the Latin
        return 1.0
    return 0.5


_CONFLICT_COST = 0.2
_LAT_SHORT_VS_NONE = 0.5     # Latin-Latin: a vowel against none (Hassan / Hasini, Ammar / Amr)
_LAT_LONG_VS_NONE = 0.5      # Latin ou/ee/ai where Arabic writes no long vowel (French ou = u)


def _vowel_conflicts(t1: NameToken, t2: NameToken) -> float:
    if len(t1.gaps) != len(t2.gaps):
        return 0.0
    if t1.script != t2.script:
        ar, lat = (t1, t2) if t1.script == "ar" else (t2, t1)
        proxy = _proxy_tok(ar.surface)
        if proxy is not None and proxy.skel == lat.skel:
            # a known Arabic name: its usual spelling has the short vowels (محمد: Mohammed,
            # not Mahmoud); its own long vowels still count (نوري: not Nour)
            own = sum(_gap_conflict(a, b, "ar", "lat", lat_long_vs_none=0.0) for a, b in zip(ar.gaps, lat.gaps))
            return max(own, _gaps_conflict(proxy.gaps, lat.gaps, "lat", "lat"))
    total = _gaps_conflict(t1.gaps, t2.gaps, t1.script, t2.script)
    if t1.script == t2.script == "ar" and len(t1.skel) >= _ALEF_WORD_SKELETON:
        total -= _UNWRITTEN_ALEF_DISCOUNT * sum(_unwritten_alef(a, b) for a, b in zip(t1.gaps, t2.gaps))
    if (t1.final_e or t2.final_e) and (t1.gaps[-1] is None) != (t2.gaps[-1] is None) \
            and t1.script == t2.script:
        total -= 0.85                           # Lecorne ~ Lecornu: a French final e
    return total


#: Arabic leaves the long a of some names unwritten (إسحاق / إسحق, إسماعيل / إسمعيل, سليمان / سليمن): in a
#: word of this many consonants or more, an alef against no vowel is half a conflict (short words keep
#: it whole: حامد is not حمد)
_ALEF_WORD_SKELETON = 4
_UNWRITTEN_ALEF_DISCOUNT = 0.5


def _unwritten_alef(g1, g2) -> bool:
    """One Arabic gap holds an alef alone (a written long a) where the other holds no vowel."""
    present = g1 if g2 is None else g2 if g1 is None else None
    return present is not None and present == ("A", True, "a")


def _gaps_conflict(g1: tuple, g2: tuple, s1: str, s2: str) -> float:
    """Sum of gap conflicts. Latin-Latin: a short vowel moved to the next medial gap
    (Boutfaliqa / Bouteflika, a guessed vowel) counts a quarter; a final vowel against none
    counts in full (Nabil / Nabila, Hassan / Hasini)."""
    total = 0.0
    k = 0
    n = len(g1)
    while k < n:
        a, b = g1[k], g2[k]
        if k == n - 1 and s1 == s2 == "lat" and (a is None) != (b is None):
            total += 1.0
            break
        if k + 2 < n and s1 == s2 == "lat" and (a is None) != (b is None):
            a2, b2 = g1[k + 1], g2[k + 1]
            if (a2 is None) != (b2 is None) and (a is None) == (b2 is None) \
                    and not any(g[1] for g in (a, b, a2, b2) if g is not None):
                total += 0.25
                k += 2
                continue
        total += _gap_conflict(a, b, s1, s2, position="first" if k <= 1 else "final" if k == n - 1 else "")
        k += 1
    return total


@lru_cache(maxsize=4096)
def _proxy_tok(surface: str) -> NameToken | None:
    rom = common_spelling(unmark(surface))
    if rom is None or " " in rom:
        return None
    return latin_token(fold(rom))


def _initial_match(ini: NameToken, other: NameToken) -> bool:
    if other.initial:
        return ini.surface == other.surface
    if other.script == "lat" and other.surface[:1] == ini.surface:
        return True
    first = other.skel[:1]
    return first == ini.skel[:1] or {ini.surface, first} <= {"s", "x", "c"} or \
        {ini.surface, first} <= {"k", "c", "q", "g"}


def token_similarity(t1: NameToken, t2: NameToken) -> float:
    """Similarity of two name tokens in [0, 1]."""
    if t1.initial or t2.initial:
        if t1.initial and t2.initial:
            return 1.0 if t1.surface == t2.surface else 0.0
        ini, other = (t1, t2) if t1.initial else (t2, t1)
        return 0.9 if _initial_match(ini, other) else 0.0
    if t1.script == t2.script and t1.surface == t2.surface:
        return 1.0
    if t1.skel == t2.skel:
        conflicts = _vowel_conflicts(t1, t2)
        return max(0.0, 1.0 - _CONFLICT_COST * min(conflicts, 4))
    alts1, alts2 = _alts_against(t1, t2), _alts_against(t2, t1)
    if alts1 & alts2:
        return 0.95
    sim = max(Indel.normalized_similarity(a, b) for a in alts1 for b in alts2)
    return 0.9 * sim ** 3


def _alts_against(t: NameToken, other: NameToken) -> frozenset[str]:
    """The alternative skeletons of ``t`` compared with ``other``: those heard only in Arabic writing
    (NameToken.arabic_only) count against an Arabic word alone."""
    return t.alts if other.script == "ar" or not t.arabic_only else t.alts - t.arabic_only


def _subsequence(short: list[NameToken], long: list[NameToken]) -> bool:
    j = 0
    for t in long:
        if j < len(short) and token_similarity(short[j], t) >= 0.9:
            j += 1
    return j == len(short)


def _extended_name(ta: list[NameToken], tb: list[NameToken]) -> float:
    """A full name and the same name with more after it: a second surname (Albares / Albares Bueno),
    a family name (Haroun / Haroun Bakit), a lineage (Nabil bin Tarek / ... bin Samir). Both have a
    given name and a surname, and every word of the shorter matches the longer's word in turn."""
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) < 2 or len(long) == len(short) or any(t.initial for t in short):
        return 0.0
    if all(token_similarity(s, t) >= 0.9 for s, t in zip(short, long)) and len(short[-1].skel) >= 2:
        return 0.9
    return 0.0


_LINEAGE = {"bin", "ben", "ibn", "بن", "ابن"}
_FAMILY = {"al", "ال"}          # "Al Saud", آل سعود (folded): a family name, written apart from its name


def _lineage_and_family(a: str, b: str, ta: list[NameToken], tb: list[NameToken]) -> float:
    """One name goes on with a grandfather, the other ends with the family name (Nabil bin Tarek bin
    Samir / Nabil bin Tarek Al Amri): one person when the family-name side has a given name and a
    father's name (the word before its family name a lineage particle's) and the other has them first."""
    before = [fold(n).split()[-2:-1] for n in (a, b)]
    kinds = [("family" if w and w[0] in _FAMILY else "lineage" if w and w[0] in _LINEAGE else "") for w in before]
    if sorted(kinds) != ["family", "lineage"]:
        return 0.0
    family, lineage = (ta, tb) if kinds[0] == "family" else (tb, ta)
    if len(family) < 3 or len(lineage) < len(family) or any(t.initial for t in family + lineage):
        return 0.0
    if all(token_similarity(x, y) >= 0.9 for x, y in zip(family[:-1], lineage)):
        return 0.9
    return 0.0


def _context_words(ctx) -> set[str]:
    if ctx is None:
        return set()
    if isinstance(ctx, str):
        ctx = [ctx]
    return {w for c in ctx if c for w in fold(str(c)).split() if len(w) > 2}


_romanized = lru_cache(maxsize=1 << 15)(arabic_to_latin)


def _name_score(a: str, b: str) -> float:
    """same_name without contexts, each name read in its own script."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 0.0
    sur = token_similarity(ta[-1], tb[-1])
    if ta[-1].initial or tb[-1].initial:
        sur = min(sur, 0.5)
    ga, gb = ta[:-1], tb[:-1]
    if ga and gb:
        g = token_similarity(ga[0], gb[0])
        contained = False
        if g < 0.8:
            short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
            contained = len(short) >= 2 and len(short) < len(long) and _subsequence(short, long)
            g = 0.8 if contained else g
        score = sur * (0.2 + 0.8 * g)
        if contained and sur >= 0.9 and len(short[-1].skel) >= 2:
            score = max(score, _CONTAINED)     # Ishaq Dar in Mohammed Ishaq Dar: every word, in order
    else:
        n = min(len(ta[-1].skel), len(tb[-1].skel))
        score = sur * (0.8 if n <= 2 else 0.88 if n == 3 else 0.92)
    if score < SAME_NAME_THRESHOLD:
        score = max(score, _extended_name(ta, tb), _lineage_and_family(a, b, ta, tb))
    if _middle_names_conflict(ta, tb):
        score *= _MIDDLE_CONFLICT
    return score


#: a full name every word of which a longer name has, in order, after a given name of its own
_CONTAINED = 0.9

#: two full names whose second names differ (Jean Noel X / Jean Claude Y): this much of the score is kept
_MIDDLE_CONFLICT = 0.8
_UNLIKE = 0.2


def _middle_names_conflict(ta: list[NameToken], tb: list[NameToken]) -> bool:
    """Both names have three words or more and the second word of neither is anything like a later
    word of the other (a father's name, a second given name): two persons who share a first name and
    a surname (محمد شهباز شريف is not Mahamat Zene Cherif). "Anything like" is a token similarity of
    _UNLIKE or more: spellings far apart (يحيى / Yaya) are not a conflict."""
    if len(ta) < 3 or len(tb) < 3 or ta[1].initial or tb[1].initial:
        return False
    return all(token_similarity(x[1], t) < _UNLIKE for x, y in ((ta, tb), (tb, ta)) for t in y[1:])


def _joined_words_score(arabic: str, latin: str) -> float:
    """An Arabic name written word by word where the Latin writes one word (نور سلطان / Noursoultan): the
    best score of the Arabic name with two neighbouring words joined, when it has one word more."""
    words = arabic.split()
    if len(words) != len(latin.split()) + 1:
        return 0.0
    return max(_name_score(" ".join(words[:k] + [words[k] + words[k + 1]] + words[k + 2:]), latin)
               for k in range(len(words) - 1))


def same_name(a: str, b: str, *, context_a: str | Iterable[str] | None = None,
              context_b: str | Iterable[str] | None = None) -> float:
    """Score in [0, 1] that two name strings (either script) name the same person.

    High when the surnames' skeletons agree (vowels compatible gap by gap) and the given
    names, when both sides have one, agree too (or one is an initial). A lone surname is
    capped by how informative its skeleton is (Khan < Bourita). Optional contexts (titles,
    affiliations, countries: strings) nudge the score by at most 5% either way.
    Decide with ``same_name(a, b) >= SAME_NAME_THRESHOLD``.

    An Arabic name against a Latin one is also compared as its romanization (:func:`arabic_to_latin`,
    whose learned reading of foreign names gives تشافيز -> Chavez) against the Latin name; the better
    score counts.
    """
    score = _name_score(a, b)
    if score < SAME_NAME_THRESHOLD and is_arabic(a) != is_arabic(b):
        arabic, latin = (a, b) if is_arabic(a) else (b, a)
        score = max(score, _name_score(_romanized(arabic), latin), _joined_words_score(arabic, latin))
    wa, wb = _context_words(context_a), _context_words(context_b)
    if wa and wb:
        overlap = len(wa & wb) / min(len(wa), len(wb))
        score *= 0.95 + 0.1 * overlap
    return max(0.0, min(1.0, score))

