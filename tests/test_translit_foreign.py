"""Foreign names written in Arabic (communique.translit.foreign, .training) and the romanizer's
general rules (regnal ordinals, hamza-alef words). Names are written for the test."""

import pytest

from communique.translit import arabic_to_latin, same_name, SAME_NAME_THRESHOLD
from communique.translit.foreign import ForeignModel, graphones, load_foreign_model, word_grams
from communique.translit.romanize import prepare_arabic
from communique.translit.training import align_pairs, choose_threshold, count_graphones

#: place-like pairs written for the test: each Arabic letter writes one chunk of the Latin word
PAIRS = [("باريس", "paris"), ("برلين", "berlin"), ("لندن", "london"), ("مدريد", "madrid"),
         ("روما", "roma"), ("بوردو", "bordo"), ("ليون", "lion"), ("ميلانو", "milano")]


def test_align_pairs_gives_each_letter_its_chunk():
    aligned = dict((ar, chunks) for ar, chunks in align_pairs(PAIRS, iterations=2))
    assert aligned["برلين"] == ["be", "r", "l", "i", "n"]      # a short vowel goes with its consonant
    assert aligned["لندن"] == ["lo", "n", "do", "n"]
    assert aligned["باريس"] == ["p", "a", "r", "i", "s"]       # ب for p
    assert aligned["ليون"] == ["l", "i", "o", "n"]             # ي and و as vowels
    assert all("".join(chunks) == lat for (ar, lat) in PAIRS for chunks in [aligned[ar]])


def test_count_graphones_counts_each_order():
    counts = count_graphones([("با", ["b", "a"])], order=3)
    assert counts["ب:b"] == 1 and counts["ا:a"] == 1 and counts["</s>"] == 1
    assert counts["<s> <s> ب:b"] == 1 and counts["ب:b ا:a"] == 1 and counts["ب:b ا:a </s>"] == 1
    assert graphones("با", ["b", "a"]) == ["ب:b", "ا:a"]


def test_a_model_trained_on_pairs_reads_them_back():
    model = ForeignModel(order=3, ngrams=count_graphones(align_pairs(PAIRS, iterations=2), order=3),
                         gram_weights={})
    assert model.romanize("باريس") == "paris"
    assert model.romanize("مدريد") == "madrid"
    assert model.romanize("ليدن") == "lidon"          # unseen word: ل-ي as in ليون, د-ن as in لندن


def test_foreignness_and_threshold_on_weights_written_for_the_test():
    model = ForeignModel(order=1, ngrams={"ا:a": 1}, gram_weights={"وف#": 3.0, "#ال": -2.0}, bias=-0.5)
    assert model.foreignness("بتروف") == pytest.approx(2.5)
    assert model.is_foreign("بتروف") and not model.is_foreign("الجابر")
    assert choose_threshold(model, ["بتروف"], ["الجابر", "سالم"], native_floor=1.0) == -0.5
    assert "#ب" in word_grams("بتروف") and "وف#" in word_grams("بتروف") and "#" not in word_grams("ب")


def test_shipped_model_reads_foreign_names():
    model = load_foreign_model()
    assert model is not None and model.order == 5
    assert model.is_foreign(prepare_arabic("شولتس"))            # Scholz
    assert not model.is_foreign(prepare_arabic("صباح"))
    assert arabic_to_latin("أولاف شولتس").startswith("Olaf ")
    assert arabic_to_latin("ألكسندر") == "Aleksandr"          # أل with hamza: no article
    rom = arabic_to_latin("أليكسي نافالني")
    assert not rom.startswith("Al-") and same_name(rom, "Alexei Navalny") >= SAME_NAME_THRESHOLD


def test_regnal_ordinals_become_roman_numerals():
    assert arabic_to_latin("الملك فيصل الثاني") == "Faisal II"
    assert arabic_to_latin("الملك الحسن الأول") == "Al-Hassan I"
    assert arabic_to_latin("خالد الثاني") == "Khaled II"
    assert arabic_to_latin("الثاني") == "Al-Thani"            # alone it is a name, not an ordinal
    assert arabic_to_latin("سعد آل ثاني") == "Saad Al Thani"  # آل ثاني: a family


def test_arabic_names_keep_the_native_rules():
    assert arabic_to_latin("خالد الهاشمي") == "Khaled al-Hashimi"
    assert arabic_to_latin("سمير بوليفة") == "Samir Boulifa"          # an invented Maghrebi name


def test_same_name_compares_the_romanization_of_a_foreign_name():
    from communique.translit.scoring import _name_score

    assert _name_score("هوغو تشافيز", "Hugo Chavez") < SAME_NAME_THRESHOLD      # letter by letter: no
    assert same_name("هوغو تشافيز", "Hugo Chavez") >= SAME_NAME_THRESHOLD       # its romanization: yes
    assert same_name("Hugo Chavez", "هوغو تشافيز") == same_name("هوغو تشافيز", "Hugo Chavez")


def test_same_name_keeps_apart_full_names_whose_second_names_differ():
    assert same_name("Jean Paul Martin", "Jean Marc Martin") == pytest.approx(0.8)
    assert same_name("كريم نبيل حداد", "Karim Samir Haddad") < SAME_NAME_THRESHOLD
    assert same_name("كريم نبيل حداد", "Karim Nabil Haddad") >= SAME_NAME_THRESHOLD
    assert same_name("Jean Paul Martin", "Jean Martin") >= SAME_NAME_THRESHOLD   # one side has no second name
    assert same_name("Karim Nabil Samir Haddad", "Karim Samir Haddad") >= SAME_NAME_THRESHOLD  # a later word
    assert same_name("داود يحيى حسن", "Daoud Yaya Hassan") >= SAME_NAME_THRESHOLD  # Yaya: a spelling of يحيى
