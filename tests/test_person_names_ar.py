"""Arabic names found after a title word (stages/person_names.py), on sentences written for these tests."""
from __future__ import annotations

import re

from communique.stages.person_names import AR_NAME_LEAD, arabic_names_after_titles


def _names(text: str, blocked_forms: list[str]) -> list[str]:
    anchors = [m.end() for m in AR_NAME_LEAD.finditer(text)]
    blocked = [m.span() for form in blocked_forms for m in re.finditer(re.escape(form), text)]
    return [text[s:e] for s, e in arabic_names_after_titles(text, anchors, blocked, [])]


def test_person_names_ar_the_given_name_ali_opens_a_name_after_a_title():
    text = ("واجتمع الوزير على هامش الدورة مع نظيره من روريتانيا علي سمير بلوران، "
            "ونظيره من بلاد الجبل سليم فادي.")
    assert _names(text, ["روريتانيا", "بلاد الجبل"]) == ["علي سمير بلوران", "سليم فادي"]


def test_person_names_ar_ali_is_the_preposition_where_the_text_never_writes_its_alef_maqsura():
    text = "وأكد الوزير علي هامش الدورة ان التعاون مستمر، والتقي نظيره سليم فادي."
    assert "علي هامش" not in " ".join(_names(text, []))
