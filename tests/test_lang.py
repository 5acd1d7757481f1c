"""The language data files (communique/lang/<code>/): format, loader, and that an install ships them."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import pytest

from communique.lang import LANGUAGES, entries, entries_all, rows

LANG_DIR = Path(__file__).resolve().parent.parent / "communique" / "lang"
DATA_FILES = sorted(p for p in LANG_DIR.glob("*/*") if p.is_file())
# columns of each table; months.tsv has a third column (ordinary word) in French and English
COLUMNS = {"triggers.tsv": 3, "status.tsv": 3, "weekdays.tsv": 2, "relative_days.tsv": 2, "hijri_months.tsv": 2,
           "months.tsv": {"en": 3, "fr": 3, "ar": 2}, "name_heads.tsv": 2, "office_names.tsv": 2,
           "ordinal_days.tsv": 2}
PATTERN_FILES = {"honorifics.txt", "ministry_words.txt"}


def test_lang_every_language_has_titles_triggers_and_status_cues():
    for code in LANGUAGES:
        assert entries(code, "titles.txt"), code
        assert rows(code, "triggers.tsv"), code
        assert rows(code, "status.tsv"), code


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lang_file_has_a_header_and_well_formed_entries(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# "), "the file opens with a comment that says its format"
    code, name = path.parent.name, path.name
    data = entries(code, name)
    assert data and all(e == e.strip() for e in data)
    if name.endswith(".tsv"):
        want = COLUMNS[name][code] if isinstance(COLUMNS[name], dict) else COLUMNS[name]
        assert {len(r) for r in rows(code, name)} == {want}
    if name in {"triggers.tsv", "status.tsv"}:
        for row in rows(code, name):
            re.compile(row[-1])
    if name in PATTERN_FILES:
        for entry in data:
            re.compile(entry)


def test_lang_triggers_and_status_columns_take_known_values():
    for code in LANGUAGES:
        assert {r[0] for r in rows(code, "triggers.tsv")} <= {"meet", "visit", "call", "agreement", "conference"}
        assert {r[1] for r in rows(code, "triggers.tsv")} <= {"yes", "no"}
        assert {(r[0], r[1]) for r in rows(code, "status.tsv")} <= {
            (status, match) for status in ("planned", "negated", "planned-after", "negated-after", "planned-before",
                                                                                                 "planned-apposition", "planned-predicate")
            for match in ("word", "part")}


def test_lang_name_heads_take_known_kinds():
    assert {r[1] for r in rows("ar", "name_heads.tsv")} == {"body", "portfolio", "place"}


def test_lang_loader_order_and_unknown_language():
    assert entries_all("connectors.txt")[:2] == entries("en", "connectors.txt")[:2]
    assert entries("ar", "connectors.txt") == ()          # no such file: no entries
    with pytest.raises(ValueError, match="en, fr, ar"):
        entries("es", "titles.txt")


def test_lang_files_are_package_data():
    """A wheel or a clean install carries every data file: pyproject's package-data globs match them."""
    config = tomllib.loads((LANG_DIR.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["communique"]
    for path in DATA_FILES:
        relative = path.relative_to(LANG_DIR.parent).as_posix()
        assert any(fnmatch.fnmatch(relative, g) for g in globs), relative
