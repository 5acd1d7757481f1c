"""Arabic date expressions (communique.stages.dates_ar)."""

from datetime import date

import pytest

from communique.stages.dates_ar import find_dates_ar, gregorian_to_hijri, hijri_to_gregorian

BASE = date(2024, 5, 23)          # a Thursday


def one(text, base=BASE):
    found = find_dates_ar(text, base)
    for m in found:
        assert text[m.start:m.end] == m.text
    assert len(found) == 1, found
    return found[0]


def test_weekday_and_full_date():
    m = one("الأربعاء 19 فبراير 2020")
    assert (m.value, m.precision, m.relative) == ("2020-02-19", "day", False)
    assert m.text == "الأربعاء 19 فبراير 2020"


def test_maghrebi_month():
    m = one("انعقد الاجتماع يوم 24 جانفي 2023 بتونس")
    assert (m.text, m.value, m.precision) == ("24 جانفي 2023", "2023-01-24", "day")


def test_today_weekday_date_is_one_consistent_expression():
    found = find_dates_ar("اليوم الثلاثاء 24 جانفي 2023", BASE)
    assert {m.value for m in found} == {"2023-01-24"}
    assert len(found) == 1 and found[0].text == "اليوم الثلاثاء 24 جانفي 2023"


def test_yesterday_and_friends():
    assert one("وصل الوزير أمس إلى الرياض").value == "2024-05-22"
    assert one("وصل الوزير أمس إلى الرياض").relative is True
    assert one("أول أمس").value == "2024-05-21"
    assert one("بالأمس").value == "2024-05-22"
    assert one("استقبله الرئيس في العاصمة الليلة الماضية").value == "2024-05-22"     # last night
    assert one("يصل غداً").value == "2024-05-24"
    assert one("بعد غد").value == "2024-05-25"
    assert one("اليوم").value == "2024-05-23"
    assert not find_dates_ar("في الفصل الخامس من التقرير", BASE)     # امس inside الخامس


def test_hijri_date():
    m = one("1 رمضان 1445هـ")
    assert m.value == "2024-03-11"
    assert m.precision == "day" and m.text == "1 رمضان 1445هـ"
    # Umm al-Qura, not the tabular calendar (which gives 22 April)
    assert one("1 شوال 1444 هـ").value == "2023-04-21"
    assert one("١٤٤٥هـ").precision == "year"
    assert one("رمضان 1445هـ").value == "2024-03"


def test_hijri_and_gregorian_side_by_side():
    found = find_dates_ar("الأحد 15 رمضان 1445 هـ الموافق 24 مارس 2024م", BASE)
    assert [m.value for m in found] == ["2024-03-25", "2024-03-24"]    # tabular: one day off
    assert found[0].text == "الأحد 15 رمضان 1445 هـ"


def test_calendar_round_trip():
    d = date(2020, 1, 1)
    for _ in range(800):
        y, m, day = gregorian_to_hijri(d)
        assert hijri_to_gregorian(y, m, day) == d
        d = date.fromordinal(d.toordinal() + 1)


def test_arabic_indic_digits():
    m = one("١٩ فبراير ٢٠٢٠")
    assert (m.value, m.precision) == ("2020-02-19", "day")
    assert one("٢٠٢٠-٠٢-١٩").value == "2020-02-19"
    assert one("بتاريخ ۱۹/۰۲/۲۰۲۰").value == "2020-02-19"        # Persian digits


@pytest.mark.parametrize("text, value", [
    ("19 شباط 2020", "2020-02-19"), ("19 شباط/فبراير 2020", "2020-02-19"), ("3 كانون الثاني 2021", "2021-01-03"),
    ("10 تشرين الأول 2019", "2019-10-10"), ("5 آب 2022", "2022-08-05"), ("1 أيار 2023", "2023-05-01"),
    ("7 يونيه 2021", "2021-06-07"), ("7 يوليه 2021", "2021-07-07"), ("2 إبريل 2020", "2020-04-02"),
    ("14 جويلية 2022", "2022-07-14"), ("1 أوت 2022", "2022-08-01"), ("25 ديسمبر 2022", "2022-12-25"),
    ("12 شتنبر 2023", "2023-09-12"), ("3 غشت 2023", "2023-08-03"), ("30 يوليوز 2023", "2023-07-30"),
    ("الـ19 من شهر فبراير 2020", "2020-02-19"),
])
def test_month_series(text, value):
    m = one(text)
    assert (m.value, m.precision) == (value, "day")


def test_month_and_year_precision():
    assert (one("فبراير 2020").value, one("فبراير 2020").precision) == ("2020-02", "month")
    m = one("في عام 2023م")
    assert (m.value, m.precision, m.text) == ("2023", "year", "عام 2023م")
    assert one("2023م").value == "2023"
    assert one("منذ 1948").value == "1948"


def test_day_month_without_year_takes_base_year_or_nearest_past():
    assert one("في 15 مارس").value == "2024-03-15"
    assert one("في 15 مارس").relative is True
    assert one("في 10 ديسمبر").value == "2023-12-10"     # more than a month after base: last year
    assert one("في 30 مايو").value == "2024-05-30"       # a week ahead: this year


def test_weekdays():
    assert one("التقى الوزير الخميس نظيره").value == "2024-05-23"       # same day = base
    assert one("الأحد").value == "2024-05-19"
    assert one("يوم الاثنين").value == "2024-05-20"
    m = one("الاثنين الماضي")
    assert (m.value, m.text) == ("2024-05-20", "الاثنين الماضي")
    assert one("الخميس الماضي").value == "2024-05-16"                    # strictly before
    assert one("السبت المقبل").value == "2024-05-25"
    both = find_dates_ar("السبت والأحد", BASE)
    assert [m.value for m in both] == ["2024-05-18", "2024-05-19"]


def test_periods():
    assert (one("الأسبوع الماضي").value, one("الأسبوع الماضي").precision) == ("2024-05", "month")
    assert one("الشهر الماضي").value == "2024-04"
    assert (one("العام الجاري").value, one("العام الجاري").precision) == ("2024", "year")
    assert one("السنة الماضية").value == "2023"
    assert one("فبراير الماضي").value == "2024-02"
    assert one("نيسان المقبل").value == "2025-04"
    assert not find_dates_ar("قال الأمين العام الحالي للأمم المتحدة", BASE)


def test_no_base_relative_is_unresolved():
    for text in ("أمس", "الاثنين", "في 15 مارس", "الأسبوع الماضي"):
        m = one(text, base=None)
        assert (m.value, m.precision, m.relative) == (None, None, True)
    assert one("19 فبراير 2020", base=None).value == "2020-02-19"


@pytest.mark.parametrize("text", [
    "قتل 19 شخصا في الهجوم", "بلغ عدد المشاركين 2020 مشاركا", "مارس الضغط على الحكومة",
    "صعد 45 مارس", "سجل 1445 حالة", "في 2020 شخصا",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates_ar(text, BASE) == []


def test_offsets_survive_diacritics_and_tatweel():
    text = "وَصَلَ الوَزِيرُ أَمْسِ، وَفِي ١٥ رَمَضَانَ ١٤٤٥ هـ"
    found = find_dates_ar(text, BASE)
    assert [m.text for m in found] == ["أَمْسِ", "١٥ رَمَضَانَ ١٤٤٥ هـ"]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_dates_ar_umm_al_qura_calendar():
    # Umm al-Qura month starts where the tabular calendar is a day off
    assert hijri_to_gregorian(1444, 10, 1) == date(2023, 4, 21)
    assert hijri_to_gregorian(1445, 11, 15) == date(2024, 5, 23)
    assert gregorian_to_hijri(date(2024, 5, 23)) == (1445, 11, 15)
    # Ramadan 1444 had 29 days: "30 Ramadan 1444" is no day; the month and year still are
    assert [(d.value, d.precision) for d in find_dates_ar("في 30 رمضان 1444هـ", BASE)] == [("2023-04", "month")]
    # outside hijridate's range the tabular calendar answers
    assert hijri_to_gregorian(1200, 1, 1).year == 1785


def test_dates_ar_numeric_hijri_dates_marked_h():
    m = one("وافق المجلس على الاتفاقية الموقعة بتاريخ 17 - 8 - 1422هـ في المدينة")
    assert (m.text, m.value, m.precision) == ("17 - 8 - 1422هـ", "2001-11-02", "day")
    assert one("وقعت بتاريخ 17 -5 - 1436هـ").value == "2015-03-08"
    assert one("صدر القرار في 1445/3/12هـ").value == "2023-09-27"
    # a span of Hijri years stays a year; a Gregorian numeric date is not read as Hijri
    assert one("للعام المالي (1434 - 1435هـ)").precision == "year"
    assert one("في 12/03/2024 م").value == "2024-03-12"


def test_dates_ar_two_days_ago():
    assert one("أجراها الوزير قبل يومين").value == "2024-05-21"


def test_dates_ar_month_and_year_joined_by_min():
    m = one("خلال لقاء في أكتوبر/ تشرين الأول من 2029، قال الوزير")
    assert (m.value, m.precision, m.text) == ("2029-10", "month", "أكتوبر/ تشرين الأول من 2029")
    m = one("وقع الطرفان في 12 مارس من 2030 على الاتفاق")
    assert (m.value, m.precision) == ("2030-03-12", "day")


def test_dates_ar_month_alone_after_a_preposition_is_the_latest_such_month():
    m = one("وقعت الاتفاقيات خلال زيارة الوزير إلى باريس في حزيران (يونيو).")
    assert (m.value, m.precision, m.text) == ("2023-06", "month", "حزيران (يونيو)")
    assert one("التقى الوفدان خلال شهر مارس").value == "2024-03"
    assert not find_dates_ar("مارس الوزير ضغوطا على الوفد", BASE)     # مارس the verb, no preposition


@pytest.mark.parametrize("text, expected", [
    ("فريدونيا اليوم -\n\nفريدونيا اليوم - الوزير يزور سيلفانيا", []),        # an outlet named "<place> today"
    ("وصل الوزير اليوم - الأحد - إلى سيلفانيا", [("اليوم", "2031-03-04"), ("الأحد", "2031-03-02")]),
    ("وقال اليوم: إن التعاون قائم", [("اليوم", "2031-03-04")]),
    ("اليوم الأحد، التقى الوزير نظيره", [("اليوم الأحد", "2031-03-04")]),
])
def test_find_dates_ar_a_line_label_of_one_word_and_today_before_a_dash_is_an_outlet_not_a_day(text, expected):
    assert [(d.text, d.value) for d in find_dates_ar(text, date(2031, 3, 4))] == expected


def _ordinal_days():
    from communique.lang import rows

    return [(words, int(day)) for words, day in rows("ar", "ordinal_days.tsv")]


@pytest.mark.parametrize("words, day", _ordinal_days())
def test_ordinal_day_of_last_month(words, day):
    """"في الرابع عشر من الشهر الماضي": the fourteenth of the month before the base (BASE: May 2024)."""
    m = one(f"وأبرم الاتفاق في {words} من الشهر الماضي في العاصمة")
    if day <= 30:
        assert (m.value, m.precision, m.relative) == (f"2024-04-{day:02d}", "day", True)
    else:
        assert m.value is None or m.precision != "day"      # 31 April: no such day


def test_day_of_this_and_next_month():
    assert one("يعقد المؤتمر في العاشر من الشهر المقبل").value == "2024-06-10"
    assert one("التقى الوزيران في 3 من الشهر الجاري").value == "2024-05-03"
    assert one("في الأول من هذا الشهر").value == "2024-05-01"
    assert not find_dates_ar("الفصل الخامس من التقرير", BASE)
