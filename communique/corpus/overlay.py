"""A user overlay YAML -> the persons it names (PersonSeed), fixed before linking."""

from __future__ import annotations

from pathlib import Path

from .persons import PersonSeed, person_slug

__all__ = ["load_person_overlay"]


def load_person_overlay(path: str | Path) -> list[PersonSeed]:
    """The ``kind: person`` entries of a user overlay YAML (the file :func:`load_overlay` reads)::

        actors:
          - id: person:al-moghedi               # optional; default person:<slug of name>
            kind: person
            name: Mohammed bin Saeed Al-Moghedi
            aliases: [المغيدي, Al-Moghidi]       # strings, or {form: ...}
            titles: [Secretary-General]
            affiliation: kb:imctc                # actor id (optional)
            affiliation_kind: organization       # state | organization (optional)
    """
    import yaml

    with Path(path).open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh) or []
    items = doc.get("actors", []) if isinstance(doc, dict) else doc
    out: list[PersonSeed] = []
    for item in items:
        if not isinstance(item, dict) or item.get("kind") != "person":
            continue
        name = str(item.get("name") or "").strip()
        aliases = tuple(str(a["form"] if isinstance(a, dict) else a) for a in item.get("aliases", ()) or ())
        if not name and not aliases:
            raise ValueError(f"{path}: a person needs a name or aliases: {item!r}")
        name = name or aliases[0]
        kind = item.get("affiliation_kind")
        if kind not in (None, "state", "organization"):
            raise ValueError(f"{path}: affiliation_kind must be state or organization, not {kind!r}")
        aff = item.get("affiliation")
        if aff and kind is None:
            kind = "state" if str(aff).startswith("iso:") else "organization"
        out.append(PersonSeed(
            id=str(item.get("id") or f"person:{person_slug(name)}"), name=name, aliases=aliases,
            titles=tuple(str(t) for t in item.get("titles", ()) or ()), affiliation=aff, affiliation_kind=kind,
            sources=(f"overlay:{Path(path).name}",)))
    return out
