"""Actor knowledge base: states and international organisations with fr/en/ar aliases.

The packaged table (``communique/kb/data/actors.jsonl``, built by ``scripts/build_kb.py``)
holds every ISO 3166-1 state and every supraverden international organisation, plus curated
gap-fills (IMCTC, UNOCT, UNCCT, CTED, SCO RATS, ...). Look-ups are exact on
:func:`communique.textnorm.fold` keys; nothing here is fuzzy.

    >>> table = load_actors()
    >>> [a.name for a in table.lookup("CIMCT")]
    ['Islamic Military Counter Terrorism Coalition']

Acronym aliases only match surfaces that look like acronyms (all capitals such as ``ONU``,
``U.N.``, or at least two capitals such as ``Sco Rats``), or that equal the stored form
exactly (``Nato``), so that ``us`` or ``who`` never resolve to the United States or the WHO.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from communique.textnorm import fold, is_arabic, match_key

__all__ = ["Alias", "Actor", "ActorTable", "load_actors", "load_overlay", "DATA_PATH"]

DATA_PATH = Path(__file__).resolve().parent / "data" / "actors.jsonl"

KINDS = ("state", "organization")
ALIAS_LANGS = ("en", "fr", "ar", "und")
ALIAS_TYPES = ("name", "acronym", "demonym", "short")

_LATIN_ARTICLES = {"le", "la", "les", "l", "the"}


class Alias(NamedTuple):
    """One surface form of an actor."""

    form: str
    lang: str = "und"    # en | fr | ar | und
    type: str = "name"   # name | acronym | demonym | short


@dataclass(frozen=True, slots=True)
class Actor:
    """A state or an organisation. ``id`` is a Wikidata QID when known, else ``iso:XX``
    (states) or ``kb:<slug>``; ``country`` is ISO 3166-1 alpha-2 (for organisations, the
    headquarters country when known)."""

    id: str
    kind: str
    name: str
    acronym: str | None = None
    wikidata: str | None = None
    country: str | None = None
    aliases: tuple[Alias, ...] = ()
    sources: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        return cls(
            id=d["id"], kind=d["kind"], name=d["name"], acronym=d.get("acronym"),
            wikidata=d.get("wikidata"), country=d.get("country"),
            aliases=tuple(Alias(a["form"], a.get("lang", "und"), a.get("type", "name"))
                          for a in d.get("aliases", ())),
            sources=tuple(d.get("sources", ())),
        )

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "acronym": self.acronym,
                "wikidata": self.wikidata, "country": self.country,
                "aliases": [a._asdict() for a in self.aliases], "sources": list(self.sources)}

    def forms(self, lang: str | None = None, type: str | None = None) -> list[str]:
        """Alias forms, optionally filtered by language and/or type."""
        return [a.form for a in self.aliases
                if (lang is None or a.lang == lang) and (type is None or a.type == type)]


def _strip_article(key: str) -> str | None:
    """'le maroc' -> 'maroc', 'المغرب' -> 'مغرب'; None when there is no leading article."""
    words = key.split(" ")
    if len(words) > 1 and words[0] in _LATIN_ARTICLES:
        return " ".join(words[1:])
    first = words[0]
    if first.startswith("ال") and len(first) > 4:
        return " ".join([first[2:]] + words[1:])
    return None


def _acronym_surface_ok(surface: str, form: str) -> bool:
    """May this surface match the acronym alias ``form``?"""
    s = " ".join(surface.split())
    if s == form:
        return True
    if is_arabic(s):
        return True
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    if not any(c.islower() for c in letters):
        return True
    return sum(c.isupper() for c in letters) >= 2

#: forms whose lookup an ActorTable remembers
_FOUND_MEMO_SIZE = 1 << 16


class ActorTable:
    """In-memory actor table with exact folded-key indexes."""

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        self._by_id: dict[str, Actor] = {}
        self._names: dict[str, list[str]] = {}     # fold(name/short/demonym) -> ids
        self._bare: dict[str, list[str]] = {}      # article-stripped alias keys -> ids
        self._acr: dict[str, list[tuple[str, str]]] = {}  # fold(acronym) -> [(form, id)]
        self._found: dict[str, tuple[Actor, ...]] = {}     # form -> lookup(form), emptied by add()
        for actor in actors:
            self.add(actor)

    # -- building ---------------------------------------------------------------------
    @staticmethod
    def _push(index: dict, key: str, value) -> None:
        bucket = index.get(key)
        if bucket is None:
            index[key] = [value]
        elif value not in bucket:
            bucket.append(value)

    def _index(self, actor_id: str, aliases: Iterable[Alias]) -> None:
        for al in aliases:
            key = fold(al.form)
            if not key:
                continue
            if al.type == "acronym":
                self._push(self._acr, key, (al.form, actor_id))
            else:
                self._push(self._names, key, actor_id)
                bare = (_strip_article(key)
                        if is_arabic(key) and al.type != "demonym" else None)
                if bare:
                    self._push(self._bare, bare, actor_id)

    def add(self, actor: Actor) -> Actor:
        """Add an actor, or merge it into the actor with the same id (overlay semantics:
        non-empty scalar fields of ``actor`` win, aliases are united). Returns the stored
        actor."""
        if actor.kind not in KINDS:
            raise ValueError(f"actor {actor.id}: kind must be one of {KINDS}, not {actor.kind!r}")
        old = self._by_id.get(actor.id)
        aliases = list(actor.aliases)
        if not aliases and actor.name:
            aliases.append(Alias(actor.name, "und", "name"))
        if actor.acronym and not any(a.form == actor.acronym for a in aliases):
            aliases.append(Alias(actor.acronym, "und", "acronym"))
        if old is None:
            new = replace(actor, aliases=tuple(aliases))
            added = aliases
        else:
            seen = {(a.form, a.lang, a.type) for a in old.aliases}
            added = [a for a in aliases if (a.form, a.lang, a.type) not in seen]
            new = Actor(
                id=old.id, kind=actor.kind or old.kind, name=actor.name or old.name,
                acronym=actor.acronym or old.acronym, wikidata=actor.wikidata or old.wikidata,
                country=actor.country or old.country, aliases=old.aliases + tuple(added),
                sources=tuple(dict.fromkeys(old.sources + actor.sources)),
            )
        self._by_id[actor.id] = new
        self._index(actor.id, added)
        self._found.clear()
        return new

    def merge_overlay(self, path: str | Path) -> int:
        """Merge a user overlay YAML file (see :func:`load_overlay`); returns the count."""
        actors = load_overlay(path)
        for a in actors:
            self.add(a)
        return len(actors)

    # -- queries ----------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_id.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def _acronym_hits(self, key: str, surface: str) -> list[str]:
        return [aid for form, aid in self._acr.get(key, ()) if _acronym_surface_ok(surface, form)]

    def acronym_lookup(self, acr: str) -> list[Actor]:
        """Actors with an acronym alias equal to ``acr`` (folded), provided the surface looks
        like an acronym (all capitals, >= 2 capitals, or exactly the stored form)."""
        ids = self._acronym_hits(fold(acr), acr)
        return [self._by_id[i] for i in dict.fromkeys(ids)]

    def lookup(self, form: str) -> list[Actor]:
        """Actors whose alias matches ``form`` exactly after folding. Tries, in order: the
        folded form, :func:`match_key` (honorifics, Arabic proclitics), the form without a
        leading article (le/la/l'/les/the/ال), then aliases stored with an article against
        the bare form. Returns [] when nothing matches. Answers are remembered per form
        (the same words are looked up in every document) until an actor is added."""
        found = self._found.get(form)
        if found is None:
            if len(self._found) >= _FOUND_MEMO_SIZE:
                self._found.clear()
            found = self._found[form] = tuple(self._lookup(form))
        return list(found)

    def _lookup(self, form: str) -> list[Actor]:
        key = fold(form)
        if not key:
            return []
        candidates = [key]
        mk = match_key(form)
        if mk and mk != key:
            candidates.append(mk)
        for k in list(candidates):
            bare = _strip_article(k)
            if bare and bare not in candidates:
                candidates.append(bare)
        surface = form.strip()
        m = re.match(r"^(?:the|le|la|les|l['’])\s*", surface, re.I)
        acr_surface = surface[m.end():] if m else surface
        for k in candidates:
            ids = list(self._names.get(k, ())) + self._acronym_hits(k, acr_surface)
            if ids:
                return [self._by_id[i] for i in dict.fromkeys(ids)]
        for k in candidates:
            ids = self._bare.get(k)
            if ids:
                return [self._by_id[i] for i in ids]
        return []

    def lookup_one(self, form: str, kind: str | None = None) -> Actor | None:
        """The single actor for ``form`` (optionally of ``kind``), or None when ambiguous or
        unknown."""
        hits = [a for a in self.lookup(form) if kind is None or a.kind == kind]
        return hits[0] if len(hits) == 1 else None


def _slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60]


def _overlay_alias(item) -> Alias:
    if isinstance(item, str):
        return Alias(item, "ar" if is_arabic(item) else "und", "name")
    if not isinstance(item, dict) or not item.get("form"):
        raise ValueError(f"overlay alias needs a 'form': {item!r}")
    lang = item.get("lang") or ("ar" if is_arabic(item["form"]) else "und")
    typ = item.get("type", "name")
    if lang not in ALIAS_LANGS or typ not in ALIAS_TYPES:
        raise ValueError(f"overlay alias {item!r}: lang in {ALIAS_LANGS}, type in {ALIAS_TYPES}")
    return Alias(str(item["form"]), lang, typ)


def load_overlay(path: str | Path) -> list[Actor]:
    """Read a user overlay YAML file into actors, to merge with :meth:`ActorTable.add`.

    Format (top level: a list, or a mapping with an ``actors`` list)::

        actors:
          - id: kb:ministry-interior-sa   # optional; default kb:<slug of name>.
                                          # An existing id (e.g. Q1065) merges into that actor.
            kind: organization            # state | organization (default organization)
            name: Ministry of Interior of Saudi Arabia   # required for new actors
            acronym: MOI                  # optional
            wikidata: Q123                # optional
            country: SA                   # optional ISO 3166-1 alpha-2
            aliases:                      # strings, or {form, lang, type}
              - Saudi Ministry of Interior
              - {form: "وزارة الداخلية السعودية", lang: ar}
              - {form: "MOI", lang: en, type: acronym}

    ``lang`` is en|fr|ar|und (default: ar for Arabic script, else und); ``type`` is
    name|acronym|demonym|short (default name). Entries of ``kind: person`` are skipped here:
    :func:`communique.corpus.overlay.load_person_overlay` reads them from the same file.
    """
    import yaml

    with Path(path).open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh) or []
    items = doc.get("actors", []) if isinstance(doc, dict) else doc
    out: list[Actor] = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError(f"{path}: each actor must be a mapping, got {item!r}")
        if item.get("kind") == "person":
            continue                    # persons: communique.corpus.overlay.load_person_overlay
        name = str(item.get("name") or "")
        actor_id = item.get("id") or (f"kb:{_slug(name)}" if name else None)
        if not actor_id:
            raise ValueError(f"{path}: actor needs an id or a name: {item!r}")
        country = item.get("country")
        aliases = [_overlay_alias(a) for a in item.get("aliases", ()) or ()]
        if name and not any(fold(a.form) == fold(name) and a.type != "acronym" for a in aliases):
            aliases.insert(0, Alias(name, "ar" if is_arabic(name) else "und", "name"))
        out.append(Actor(
            id=str(actor_id), kind=item.get("kind", "organization"), name=name,
            acronym=item.get("acronym"), wikidata=item.get("wikidata"),
            country=str(country).upper() if country else None,
            aliases=tuple(aliases),
            sources=(f"overlay:{Path(path).name}",),
        ))
    return out


def load_actors(path: Path | str | None = None,
                overlays: Iterable[Path | str] = ()) -> ActorTable:
    """Load the actor table (default: the packaged ``data/actors.jsonl``), then merge the
    given overlay YAML files in order."""
    src = Path(path) if path is not None else DATA_PATH
    actors = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                actors.append(Actor.from_dict(json.loads(line)))
    table = ActorTable(actors)
    for ov in overlays:
        table.merge_overlay(ov)
    return table
