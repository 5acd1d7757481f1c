"""Arabic bodies named for a person, and visits to a body, on sentences written for these tests (fictional
people, states and bodies)."""
from __future__ import annotations

from communique.stages.headed_names_ar import arabic_bodies_named_for_persons

from .test_visits import _events


def _bodies(text: str, persons: list[str] = ()) -> list[str]:
    spans = [(text.index(p), text.index(p) + len(p)) for p in persons]
    return [text[s:e] for s, e in arabic_bodies_named_for_persons(text, spans)]


def test_bodies_visited_ar_a_body_named_for_a_titled_person_is_one_name():
    assert _bodies("زار الوزير أمس مركز الأمير سليم بن فادي للدراسات البحرية، والتقى مديره.") == \
        ["مركز الأمير سليم بن فادي للدراسات البحرية"]
    assert _bodies("وافتتح مؤسسة الشيخ سليم الحداد للأعمال الخيرية والإنسانية في المدينة.", ["الشيخ سليم الحداد"]) == \
        ["مؤسسة الشيخ سليم الحداد للأعمال الخيرية والإنسانية"]


def test_bodies_visited_ar_no_purpose_after_the_name_is_no_body_named_for_him():
    assert _bodies("وقال رئيس مجلس الأمير سليم إن الاجتماع مثمر.") == []
    assert _bodies("التقى مدير المركز الأمير سليم بن فادي في مكتبه.") == []


def test_bodies_visited_ar_a_visit_to_a_body_where_no_state_is_named_has_the_body_for_host():
    text = ("قام إلسه فانس، الأمين العام لمنظمة الجبل، اليوم بزيارة إلى مركز الجبل للدراسات، واجتمع خلالها بمدير "
            "المركز سليم فادي.")
    specs = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:host", "person", "سليم فادي", None, None),
             ("org:relief", "organization", "مركز الجبل للدراسات", None, None),
             ("org:range", "organization", "منظمة الجبل", None, None)]
    got = _events(text, specs, "ar")
    assert ("visit", ("person:vance", "org:relief")) in got
    assert ("meet", ("person:vance", "person:host")) in got
