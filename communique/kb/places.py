"""Exact alternate-name place index (GeoNames cities >= 15000 inhabitants plus every capital,
and ISO 3166-1 countries with en/fr/ar names).

The index ships pre-built as ``communique/kb/data/places.tsv.gz`` (see
``scripts/build_kb.py``): each folded key (:func:`communique.textnorm.fold`) is owned by
exactly one place, so look-ups are a dict access.

    >>> load_places().lookup("Djeddah").name
    'Jeddah'

Ambiguity was resolved at build time: a country beats a city of the same name, except its
own capital on the capital's own or Arabic name (تونس -> Tunis, الجزائر -> Algiers); between
cities the most populous wins. Countries carry no coordinates (lat/lon None).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from communique.textnorm import fold, is_arabic, match_key

__all__ = ["Place", "PlaceIndex", "load_places", "DATA_PATH"]

DATA_PATH = Path(__file__).resolve().parent / "data" / "places.tsv.gz"
#: the press's names and spellings over the GeoNames table (renames, added forms, dropped forms)
USAGE_PATH = Path(__file__).resolve().parent / "data" / "place_usage.tsv"

_KINDS = {"c": "city", "k": "country"}
_ARTICLES = {"the", "le", "la", "les", "l"}
#: forms remembered by PlaceIndex.lookup before it starts again (a worker reads millions of documents)
_FOUND_MAX = 1 << 15


@dataclass(frozen=True, slots=True)
class Place:
    name: str                 # English (GeoNames / ISO) name
    country: str              # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int
    kind: str                 # "city" | "country"


class PlaceIndex:
    """Folded name -> place. Rows are parsed into :class:`Place` lazily."""

    __slots__ = ("_rows", "_keys", "_cache", "_found")

    def __init__(self, rows: list[str], keys: dict[str, int]) -> None:
        self._rows = rows
        self._keys = keys
        self._cache: dict[int, Place] = {}
        self._found: dict[str, int | None] = {}      # form -> row (None: unknown); the same forms recur

    def _place(self, i: int) -> Place:
        p = self._cache.get(i)
        if p is None:
            kind, name, cc, lat, lon, pop = self._rows[i].split("\t", 6)[:6]
            p = Place(name=name, country=cc, lat=float(lat) if lat else None,
                      lon=float(lon) if lon else None, population=int(pop or 0),
                      kind=_KINDS[kind])
            self._cache[i] = p
        return p

    def _candidates(self, form: str) -> list[str]:
        key = fold(form)
        out = [key] if key else []
        mk = match_key(form)
        if mk and mk not in out:
            out.append(mk)
        for k in list(out):
            words = k.split(" ")
            if len(words) > 1 and words[0] in _ARTICLES:
                alt = " ".join(words[1:])
            elif is_arabic(k) and k.startswith("ال") and len(words[0]) > 4:
                alt = k[2:]   # الخرطوم -> خرطوم: GeoNames lists some Arabic names without ال
            else:
                continue
            if alt not in out:
                out.append(alt)
        return out

    def lookup(self, form: str) -> Place | None:
        """The place whose name or alternate name folds to ``form`` (also tried: honorifics
        and Arabic proclitics removed, a leading le/la/les/l'/the dropped, the Arabic article
        dropped); None if unknown."""
        if form in self._found:
            i = self._found[form]
            return None if i is None else self._place(i)
        i = next((self._keys[k] for k in self._candidates(form) if k in self._keys), None)
        if len(self._found) >= _FOUND_MAX:
            self._found.clear()
        self._found[form] = i
        return None if i is None else self._place(i)

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and self.lookup(form) is not None

    def __len__(self) -> int:
        """Number of places (cities and countries) in the index."""
        return len(self._rows)

    @property
    def n_keys(self) -> int:
        return len(self._keys)


def _read(path: Path, usage: Path | None = None) -> PlaceIndex:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    rows: list[str] = []
    keys: dict[str, int] = {}
    for line in text.split("\n"):
        if not line or line[0] == "#":
            continue
        head, _, ks = line.rpartition("\t")
        keys.update(dict.fromkeys(ks.split("|"), len(rows)))
        rows.append(head)
    if usage is not None and usage.exists():
        _apply_usage(rows, keys, usage)
    return PlaceIndex(rows, keys)


def _apply_usage(rows: list[str], keys: dict[str, int], usage: Path) -> None:
    """The press's usage over the GeoNames table (USAGE_PATH): a place renamed to its usual English
    name ("Sana'a", "Marrakech"), written forms added to a place ("Ryad"), a form that names something
    else first dropped ("Xinhua", the agency)."""
    by_name = {tuple(row.split("\t", 3)[1:3]): i for i, row in enumerate(rows)}
    for line in usage.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        action, name, country, value = line.split("\t")[:4]
        if action == "drop":
            keys.pop(fold(name), None)
            continue
        i = by_name.get((name, country))
        if i is None:
            raise ValueError(f"{usage}: no place {name!r} in {country} to {action}")
        if action == "rename":
            kind, _, rest = rows[i].split("\t", 2)
            rows[i] = "\t".join((kind, value, rest))
            keys[fold(value)] = i
        elif action == "alias":
            keys.update(dict.fromkeys((fold(form) for form in value.split("|")), i))
        else:
            raise ValueError(f"{usage}: unknown action {action!r} (rename, alias or drop)")


@lru_cache(maxsize=4)
def _load_cached(path: str) -> PlaceIndex:
    return _read(Path(path), USAGE_PATH if Path(path) == DATA_PATH else None)


def load_places(path: Path | str | None = None) -> PlaceIndex:
    """Load the place index (default: the packaged ``data/places.tsv.gz``). Cached per path:
    the index is immutable."""
    return _load_cached(str(Path(path) if path is not None else DATA_PATH))
