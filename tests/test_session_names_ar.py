"""Arabic meetings named by a numbered session, and attending them, on sentences written for these tests
(fictional people, states and bodies)."""
from __future__ import annotations

from communique.stages.session_names_ar import arabic_session_names

from .test_visits import _events

_ATTENDEE = [("person:vance", "person", "إلسه فانس", None, "SY"), ("SY", "state", "سيلفانيا", "SY", None)]


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in arabic_session_names(text)]


def test_session_names_ar_a_numbered_session_names_its_meeting():
    assert _names("حضر الوزير اليوم أشغال الدورة الثالثة عشرة لاجتماع وزراء الزراعة في دول الجبل والسهل.") == \
        ["اجتماع وزراء الزراعة"]
    assert _names("وشارك في الدورة 12 لمنتدى الموانئ الجبلية المنعقدة في العاصمة.") == ["منتدى الموانئ الجبلية"]
    assert _names("على هامش الدورة الخامسة والعشرين لمؤتمر حوار السهول، التقى الوزير نظيره.") == ["مؤتمر حوار السهول"]


def test_session_names_ar_no_meeting_noun_or_no_number_names_nothing():
    assert _names("تستعد المنظمة لانعقاد الدورة التاسعة لمجلس وزراء الخارجية المقررة في الربيع.") == []
    assert _names("وقال إن الاجتماع لمؤتمر الشركاء تأجل.") == []


def test_session_names_ar_taking_part_told_by_a_possessive_noun_is_attending_the_meeting():
    text = "على هامش مشاركته في أعمال الدورة الرابعة لمؤتمر حوار الجبل، صرح إلسه فانس أمس بأن بلاده تدعم الحوار."
    specs = _ATTENDEE + [("org:dialogue", "organization", "مؤتمر حوار الجبل", None, None)]
    assert ("conference", ("org:dialogue", "person:vance")) in [(t, tuple(sorted(p))) for t, p in _events(text, specs, "ar")]


def test_session_names_ar_meeting_the_body_whose_meeting_one_attends_is_that_conference():
    text = ("أجرى وزير الخارجية إلسه فانس اليوم محادثات مع عدد من نظرائه، "
            "على هامش مشاركته في المؤتمر الوزاري لمنظمة التعاون الجبلي بالعاصمة.")
    specs = _ATTENDEE + [("org:mc", "organization", "منظمة التعاون الجبلي", None, None)]
    got = _events(text, specs, "ar")
    assert [t for t, p in got if set(p) == {"person:vance", "org:mc"}] == ["conference"]
