"""Arabic: handing a letter over in person is a meeting of the one who hands it and the one who gets it, on
sentences written for these tests (fictional people and states)."""
from __future__ import annotations

from .test_visits import _events

_SPECS = [("person:vance", "person", "إلسه فانس", None, "SY"), ("person:moro", "person", "توماس مورو", None, "FD"),
          ("person:king", "person", "سليم الأول", None, "SY"),
          ("SY", "state", "سيلفانيا", "SY", None), ("FD", "state", "فريدونيا", "FD", None)]


def test_triggers_ar_letter_handed_over_is_a_meeting_without_its_sender():
    text = "ويوم الخميس توجه إلسه فانس إلى فريدونيا، وسلّم رسالة خطية من الملك سليم الأول إلى الرئيس توماس مورو."
    got = _events(text, _SPECS, "ar")
    assert ("meet", ("person:vance", "person:moro")) in got
    assert not any("person:king" in parties for _, parties in got)
