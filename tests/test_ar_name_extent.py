"""Arabic person names end before a place noun with a preposition glued to it (invented names)."""


def test_a_place_noun_after_bi_is_never_a_name_word():
    from communique.stages.person_names import is_arabic_name_word

    for word in ("بمطار", "بمقر", "بمجلس", "بوزارة"):
        assert not is_arabic_name_word(word) and not is_arabic_name_word(word, inside=True)
    for word in ("بدر", "بهاء", "بلال"):     # names that start with the letter ب
        assert is_arabic_name_word(word)


def test_a_name_followed_by_at_the_airport_of_a_city_stops_at_the_name(run_one):
    text = ("حل رئيس جمهورية نورلاند، كارلو فيستاني، اليوم الاثنين، بالعاصمة المالية باماكو في زيارة عمل.\n\n"
            "وكان في استقبال فيستاني بمطار باماكو الرئيس المالي ماريك دوفالي، إلى جانب عدد من أعضاء الحكومة.")
    rec = run_one(text, published="2024-05-06")
    forms = [f for e in rec["entities"] if e["kind"] == "person" for f in e.get("forms", [e["name"]])]
    assert forms and not any("بمطار" in f for f in forms), forms


def test_a_name_the_ner_read_on_over_at_the_airport_ends_before_it():
    from communique.stages.person_names import arabic_person_extent

    text = "وكان في استقبال فيستاني بمطار باماكو الرئيس المالي."
    start = text.index("فيستاني")
    end = text.index(" الرئيس")
    s, e = arabic_person_extent(text, start, end, [])
    assert text[s:e] == "فيستاني"


def test_a_verb_the_ner_read_as_a_given_name_is_left_out():
    from communique.stages.person_names import arabic_person_extent

    text = "وأكد المصدر أن الوفد سيناقش كريم فادي بلوران في الملفات."
    start = text.index("سيناقش")
    end = text.index(" في")
    s, e = arabic_person_extent(text, start, end, [])
    assert text[s:e] == "كريم فادي بلوران"


def test_a_future_verb_before_a_family_name_is_left_out_and_faisal_stays_a_name():
    from communique.stages.person_names import arabic_person_extent, is_arabic_name_word

    text = "وقال المتحدث إن الوفد سيناقش بلوران، غدا."
    start = text.index("سيناقش")
    s, e = arabic_person_extent(text, start, text.index("،"), [])
    assert text[s:e] == "بلوران"
    assert is_arabic_name_word("فيصل") and not is_arabic_name_word("فقال", inside=True)
