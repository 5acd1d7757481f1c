"""Can two person names of one document be one person? (in-document coreference of names)

Names are lists of folded words, honorifics stripped ("Tarek bin Omran" -> ["tarek", "bin", "omran"]).
A full name joins another full name when their family names and given names agree and every middle word of the
shorter stands, in order, in the longer ("Ismo Darel Kanti" = "Ismo Kanti"; "Fadi bin Naser bin Kalil" is not
"Fadi bin Omran bin Kalil"), or when the shorter is the longer cut before a particle ("Tarek bin Omran" = "Tarek bin
Omran Al Kalil"). A lone word joins a full name holding it, except a word right after a patronymic particle ("Omran"
is the father of "Tarek bin Omran", not him) or a middle word.
"""

from __future__ import annotations

from ..textnorm import is_arabic

__all__ = ["compatible_names", "conflicting_names", "lone_word_match", "is_full_name", "PARTICLES"]

PARTICLES = {"bin", "ben", "ibn", "al", "el", "bint", "abu", "abou", "aboul", "abul", "de", "ould", "بن", "ابن", "ابو", "ال",
             "آل"}
#: "son of", "daughter of": the word after one is the father's name, not the person's
_PATRONYMIC = {"bin", "ibn", "bint", "binti", "ben", "بن", "ابن", "بنت"}


def _skeleton(word: str) -> str:
    from .coref import name_skeleton

    return name_skeleton(word)


def _spelling_of(a: str, b: str) -> bool:
    """Two spellings of one name word ("Karim", "Kareem"), not a word and a longer one that holds its
    consonants ("Abdel", "Abdellah")."""
    return len(a) > 3 and len(b) > 3 and abs(len(a) - len(b)) <= 2 and _skeleton(a) == _skeleton(b)


def _same_word(a: str, b: str) -> bool:
    return a == b or _spelling_of(a, b)


def _same_given_name(a: str, b: str) -> bool:
    """Same given name, or a Latin initial of it ("J." for "John"); Arabic script writes no initials."""
    if _same_word(a, b):
        return True
    if is_arabic(a) or is_arabic(b):
        return False
    return a[0] == b[0] and min(len(a.rstrip(".")), len(b.rstrip("."))) <= 2


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in PARTICLES]


def _in_order(short: list[str], long_: list[str]) -> bool:
    i = 0
    for w in long_:
        if i < len(short) and _same_word(short[i], w):
            i += 1
    return i == len(short)


def _cut_before_particle(short: list[str], long_: list[str]) -> bool:
    """'tarek bin omran' of 'tarek bin omran al vessa': the longer goes on with a particle."""
    n = len(short)
    return (len(long_) > n and long_[n] in PARTICLES and len(_content(short)) >= 2
            and all(_same_word(a, b) for a, b in zip(short, long_)))


def compatible_names(a: list[str], b: list[str]) -> bool:
    """Two full names (two content words or more each) can be one person."""
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    (short, cshort), (long_, clong) = sorted([(a, ca), (b, cb)], key=lambda x: len(x[1]))
    if len(cshort) == 1:
        return lone_word_match(short, long_) is not None
    if _cut_before_particle(short, long_):
        return True
    if all(_same_word(x, y) for x, y in zip(cshort, clong)):
        return True     # "Karim Vell Arnal" and "Karim Vell Arnal Oduya": the full name goes on with a family name
    if not _same_word(cshort[-1], clong[-1]) or not _same_given_name(cshort[0], clong[0]):
        return False
    return _in_order(cshort[1:-1], clong[1:-1])


def conflicting_names(a: list[str], b: list[str]) -> bool:
    """Two full names that share their given name or their family name and are not one person ("Karim Vello",
    "Nadia Vello"): a lone "Vello" does not make them one."""
    ca, cb = _content(a), _content(b)
    shared = _same_word(ca[0], cb[0]) or _same_word(ca[-1], cb[-1])
    return shared and not compatible_names(a, b)


def lone_word_match(lone: list[str], name: list[str]) -> str | None:
    """How a name of one content word ("Vello", "bin Omran") is a word of a full name: "exact", "variant"
    (a spelling of it) or None. Not a middle word of the name, not a father's name after "bin" unless the lone
    form says "bin" too."""
    content = _content(lone)
    if len(content) != 1:
        return None
    word = content[0]
    with_particle = len(lone) > 1 and lone[-2] in _PATRONYMIC
    positions = [i for i, w in enumerate(name) if w not in PARTICLES]
    for k, i in enumerate(positions):
        after_patronymic = i > 0 and name[i - 1] in _PATRONYMIC
        middle = 0 < k < len(positions) - 1
        if not (with_particle if after_patronymic else not (middle or with_particle)):
            continue
        if name[i] == word:
            return "exact"
        if _spelling_of(word, name[i]):
            return "variant"
    return None


def is_full_name(words: list[str]) -> bool:
    """Two content words or more ("Nadia Vello", not "bin Omran")."""
    return len(_content(words)) >= 2
