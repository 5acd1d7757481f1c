"""Name keys that let one person's spellings meet across spellings and scripts.

Latin spellings of one name differ mostly in vowels and in digraph conventions
(Moghedi / Mughidi / Mughaidi, Hussein / Husain / Hossein, Qureshi / Koreshi); Arabic
script writes consonants and long vowels only. Both are mapped onto one *consonant
skeleton* in a small common alphabet:

    b t d g(ج غ g j gh dj) h(ح ه) k(ك ق خ k q c kh) s(س ص c) x(ش sh ch) z f(ف f v ph)
    l m n r w y a

where ``w``/``y`` are kept only word-initially (medial و ي, w, y are vowels), ``a`` stands
for a word-initial vowel, alef or ʿayn, all other vowels are dropped, doubled letters are
collapsed and a final ``h`` is dropped from skeletons of three or more letters (ة, -ah).
Measured on bench/translit_eval.py: dropping vowels rather than keeping one vowel class
is what lets Arabic (long vowels only) meet Latin spellings; the vowels are not thrown away
though, :func:`same_name` compares them gap by gap (Bourita / Barrett, محمد / محمود).

Modules: names (name strings -> name tokens), skeleton (tokens -> keys), scoring (same_name),
romanize (Arabic -> Latin, English-press rules), foreign (learned reverse transliteration of foreign
names written in Arabic), training (builds that model: make train-translit), spellings (a corpus's
own spellings of Arabic words).

Public functions:
    latin_skeleton(name)   skeleton of a Latin-script name (tokens joined by spaces)
    arabic_skeleton(name)  skeleton of an Arabic-script name, same alphabet
    arabic_to_latin(name)  English-press romanization (Mohammed bin Saeed; foreign names learned)
    name_key(name)         skeleton of the surname (last name token): the blocking key
    same_name(a, b)        score in [0, 1]; >= SAME_NAME_THRESHOLD means "same name"
    name_tokens(name)      the name's tokens (skeleton, vowel gaps, alternative skeletons)
    learn_spellings(pairs) Arabic word -> the Latin spelling a corpus uses for it
"""

from .romanize import arabic_to_latin
from .scoring import SAME_NAME_THRESHOLD, same_name
from .skeleton import NameToken, arabic_skeleton, latin_skeleton, name_key, name_tokens
from .spellings import learn_spellings

__all__ = [
    "latin_skeleton", "arabic_skeleton", "arabic_to_latin", "name_key", "same_name", "name_tokens",
    "learn_spellings", "NameToken", "SAME_NAME_THRESHOLD",
]
