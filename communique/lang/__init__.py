"""Language data: the word lists and patterns under lang/<code>/ (one entry a line) -> tuples of strings.

Each file opens with `#` comment lines that say its format; blank lines and lines starting with `#`
are skipped. `.txt` files hold one entry a line, `.tsv` files one row a line, columns separated by a tab.
Entries are read as written (no stripping beyond the line break), in file order, once per process.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["LANGUAGES", "entries", "rows", "entries_all", "rows_all"]

LANGUAGES = ("en", "fr", "ar")


def _lines(code: str, name: str) -> tuple[str, ...]:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: one of {', '.join(LANGUAGES)}")
    path = files(__name__).joinpath(code, name)
    if not path.is_file():
        return ()
    text = path.read_text(encoding="utf-8")
    return tuple(line for line in text.split("\n") if line.strip() and not line.startswith("#"))


@cache
def entries(code: str, name: str) -> tuple[str, ...]:
    """The entries of lang/<code>/<name>, in file order; () when the language has no such file."""
    return _lines(code, name)


@cache
def rows(code: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the table lang/<code>/<name>, each split on tabs."""
    return tuple(tuple(line.split("\t")) for line in _lines(code, name))


def entries_all(name: str) -> tuple[str, ...]:
    """The entries of <name> in every language (en, fr, ar), one language after the other."""
    return tuple(e for code in LANGUAGES for e in entries(code, name))


def rows_all(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of table <name> in every language, one language after the other."""
    return tuple(r for code in LANGUAGES for r in rows(code, name))
