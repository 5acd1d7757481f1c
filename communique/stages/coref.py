"""In-document coreference: Mentions -> Entities (spelling variants, surnames, acronyms, back-references)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..records import Entity, Mention
from ..textnorm import fold, is_arabic, strip_honorifics
from .entity_kinds import persons_named_as_others
from .name_match import compatible_names, conflicting_names, is_full_name, lone_word_match
from .titles import HONORIFIC_RE, TITLE_RE

__all__ = ["cluster_mentions", "name_skeleton", "add_royal_forms"]


@lru_cache(maxsize=65536)
def name_skeleton(word: str) -> str:
    """A transliteration skeleton of one name word (translit's name key; a rough one where translit is
    unavailable), remembered per word: every pair of person names of a document asks it again."""
    try:
        from ..translit import name_key

        return name_key(word)
    except ImportError:  # pragma: no cover - translit ships with the package
        w = re.sub(r"^(?:al|el)[\s-]", "", fold(word))
        w = re.sub(r"(gh|kh|q)", "k", w)
        w = re.sub(r"[aeiouy]", "", w)
        return re.sub(r"(.)\1+", r"\1", w)


def _name_words(form: str) -> list[str]:
    # "للفلاني": "لـ" before the article writes one lam; the name word is "الفلاني"
    words = [re.sub(r"^لل(?=\w{3})", "ال", w) for w in fold(HONORIFIC_RE.sub(" ", form)).split()]
    return strip_honorifics(words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9\u0600-\u06ff]+", "-", fold(text)).strip("-") or "x"


_RANKS = re.compile(r"(?:g[ée]n[ée]ral|gen\.?|maj|major|lieutenant|lt|brigadier|colonel|col\.?|admiral|amiral|"
                    r"اللواء|الفريق|العميد|العقيد)\b(?! secretary)(?!-in)", re.I)
# Adjectives that stand for an organization's name words ("le Centre onusien" = the UN centre).
_ADJECTIVE_WORDS = {
    "onusien": {"nations", "unies"}, "onusienne": {"nations", "unies"},
    "un": {"united", "nations"}, "islamique": {"islamique"}, "islamic": {"islamic"},
}
_STOP = {"de", "du", "des", "la", "le", "l", "d", "of", "the", "for", "and", "et", "contre", "against", "to", "pour"}


def _org_words(form: str) -> set[str]:
    words: set[str] = set()
    for w in fold(form).split():
        if w in _STOP:
            continue
        words |= _ADJECTIVE_WORDS.get(w, {w})
    return words


def _merge_short_org_forms(entities: list[Entity], attach: Callable[[Entity, Mention], None]) -> None:
    """'Coalition islamique' after 'Coalition islamique militaire contre le terrorisme': one entity."""
    orgs = [e for e in entities if e.kind == "organization"]
    for short in orgs:
        if not short.id.startswith("org:") or not short.mentions:
            continue
        words = _org_words(short.forms[0])
        head = fold(short.forms[0]).split()[0] if short.forms[0].strip() else ""
        if len(words) < 1 or is_arabic(short.forms[0]):
            continue
        for long_ in orgs:
            if long_ is short or not long_.mentions:
                continue
            if any(len(_org_words(f)) > len(words) and words <= _org_words(f) and fold(f).split()[0] == head
                   for f in long_.forms):
                for m in short.mentions:
                    attach(long_, m)
                short.mentions.clear()
                break


# "the Saudi official", "le responsable africain": any person of that state or organization
_GENERIC_TITLES = {"official", "responsable", "المسوول", "المسووله", "representative", "représentant"}
#: a periphrasis of an office, read as the office: "le chef de la diplomatie turque" is the Turkish minister
_SAME_OFFICE = {fold("chef de la diplomatie"): fold("ministre des affaires étrangères"),
                fold("top diplomat"): "foreign minister"}


def _affiliation_rank(ent: Entity | None) -> int:
    """Which affiliation to keep: a known organization, then a state, then any organization."""
    if ent is None:
        return 9
    if ent.kind == "organization" and not ent.id.startswith("org:"):
        return 0
    return 1 if ent.kind == "state" else 2


def cluster_mentions(mentions: list[Mention], *, place_name: Callable[[str], str | None]) -> list[Entity]:
    """Group mentions into per-document entities; unresolvable back-references are dropped."""
    entities: list[Entity] = []
    by_key: dict[str, Entity] = {}
    span_entity: dict[str, Entity] = {}
    acronym_entity: dict[str, Entity] = {}

    def new(kind: str, key: str, name: str) -> Entity:
        ent = Entity(id=key, kind=kind, name=name)  # type: ignore[arg-type]
        entities.append(ent)
        by_key[key] = ent
        return ent

    def attach(ent: Entity, m: Mention) -> None:
        ent.mentions.append(m)
        if m.form not in ent.forms:
            ent.forms.append(m.form)
        for title in (m.title or "").split("; "):
            if title and title not in ent.titles:
                ent.titles.append(title)
        span_entity[f"{m.start}:{m.end}"] = ent

    mentions = persons_named_as_others(mentions, place_name)
    named = [m for m in mentions if not m.descriptive]
    # organizations, states and places first, so that persons can point to their affiliation
    for m in sorted(named, key=lambda x: (x.kind == "person", x.start)):
        if m.kind == "person":
            continue
        key = m.kb_id
        ent = by_key.get(key) if key else None
        if ent is None and m.kind == "organization":
            ent = acronym_entity.get(m.form) or by_key.get("org:" + _slug(m.form))
        if ent is None and m.kind == "place":
            canonical = place_name(m.form) or m.form
            key = "place:" + _slug(canonical)
            ent = by_key.get(key)
            if ent is None:
                ent = new("place", key, canonical)
        if ent is None:
            key = key or ("org:" + _slug(m.form) if m.kind == "organization" else f"{m.kind}:{_slug(m.form)}")
            ent = by_key.get(key) or new(m.kind, key, m.form)
        attach(ent, m)
        if m.acronym:
            acronym_entity[m.acronym] = ent
            ent.acronym = ent.acronym or m.acronym
    # acronym uses that appeared before their definition
    for ent in list(entities):
        if ent.kind == "organization" and ent.id.startswith("org:") and len(ent.forms) == 1 \
                and ent.forms[0] in acronym_entity and acronym_entity[ent.forms[0]] is not ent:
            target = acronym_entity[ent.forms[0]]
            for m in ent.mentions:
                attach(target, m)
            entities.remove(ent)

    _merge_short_org_forms(entities, attach)

    persons: list[tuple[Entity, list[list[str]]]] = []
    for m in [x for x in named if x.kind == "person"]:
        words = _name_words(m.form)
        if not words:
            continue
        match = _person_for(words, persons, m.title)
        if match is None:
            ent = new("person", "person:" + _slug(" ".join(words)), m.form)
            persons.append((ent, [words]))
        else:
            ent, names = match
            names.append(words)
            if len(words) > len(_name_words(ent.name)):
                ent.name = m.form
        attach(ent, m)
        aff = span_entity.get(m.title_org) if m.title_org else None
        if aff is not None and _affiliation_rank(aff) < _affiliation_rank(by_key.get(ent.affiliation or "")):
            ent.affiliation = aff.id
    person_ids: set[str] = set()
    for ent, _ in persons:
        ent.name = re.sub(r"\s+", " ", HONORIFIC_RE.sub("", ent.name)).strip(" .,") or ent.name
        if is_arabic(ent.name):
            from ..translit import arabic_to_latin

            # the canonical name is a Latin transliteration; the Arabic forms stay in `forms`
            ent.name = arabic_to_latin(ent.name) or ent.name
        if not ent.id.startswith("person:" + _slug(ent.name)):
            ent.id = "person:" + _slug(ent.name)
        base, n = ent.id, 1
        while ent.id in person_ids:     # two persons of one name: a king and the prince his son
            n += 1
            ent.id = f"{base}-{n}"
        person_ids.add(ent.id)

    # title-only references: to the person holding that title (same organization when stated);
    # an exact title beats a partial one, then the story's protagonist (most mentions), then proximity
    states = [x for x in named if x.kind == "state"]
    for m in [x for x in mentions if x.descriptive and x.kind == "person"]:
        target = _title_reference(m, [ent for ent, _ in persons], span_entity, states, by_key)
        if target is not None:
            attach(target, m)
    # descriptive organization references: nearest organization whose name shares the head noun
    for m in [x for x in mentions if x.descriptive and x.kind == "organization"]:
        words = set(fold(m.form).split())
        candidates = [e for e in entities if e.kind == "organization"
                      and any(words & set(fold(f).split()) for f in e.forms if not is_arabic(f))]
        if candidates:
            before = [e for e in candidates if e.mentions and e.mentions[0].start < m.start]
            target = (before or candidates)[-1]
            attach(target, m)
    for ent in entities:
        ent.forms = list(dict.fromkeys(ent.forms))
        titles = list({fold(t): t for t in reversed(ent.titles) if TITLE_RE.search(t)}.values())[::-1]
        ent.titles = sorted(titles, key=lambda t: bool(_RANKS.match(t)))
    return [e for e in entities if e.mentions]


def _person_for(words: list[str], persons: list[tuple[Entity, list[list[str]]]], title: str | None = None
                ) -> tuple[Entity, list[list[str]]] | None:
    """The person a name joins. A full name: the latest person with a full name that agrees with it, else the
    latest with a lone name that does and no full name in conflict with it -- a lone "Vello" never bridges
    "Karim Vello" and "Nadia Vello". A lone word: the latest person whose name holds it as written, else the
    latest holding a spelling of it. Never a person of the other royal rank ("le roi X", "le prince X")."""
    if not _REGNAL_NUMBER.fullmatch(" ".join(words)):       # "الثاني" alone: its title is a neighbour's
        persons = [(e, n) for e, n in persons if not _other_royal_rank(title, e.titles)]
    if is_full_name(words):
        for ent, names in reversed(persons):
            if any(compatible_names(words, n) for n in names if is_full_name(n)):
                return ent, names
        for ent, names in reversed(persons):
            full = [n for n in names if is_full_name(n)]
            if any(compatible_names(words, n) for n in names) and not any(conflicting_names(words, n) for n in full):
                return ent, names
        return None
    for wanted in ("exact", "variant"):
        for ent, names in reversed(persons):
            if any(lone_word_match(words, n) == wanted for n in names):
                return ent, names
    return None


#: a reigning monarch's style and an heir's or a prince's: a father and his son often share a name
_SOVEREIGN = re.compile(r"(?<!\w)(?:king|roi|queen|reine|sultan|ملك|الملك|سلطان|السلطان|خادم الحرمين)(?!\w)", re.I)
_HEIR = re.compile(r"(?<!\w)(?:prince(?:ss|sse)?|ولي العهد)(?!\w)", re.I)


_REGNAL_NUMBER = re.compile(r"[ivx]+|(?:ال)?(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)")


def _rank(title: str) -> str | None:
    if _HEIR.search(title):
        return "heir"
    return "sovereign" if _SOVEREIGN.search(title) else None


def _other_royal_rank(title: str | None, titles: list[str]) -> bool:
    rank = _rank(title or "")
    ranks = {_rank(t) for t in titles} - {None}
    return rank is not None and bool(ranks) and rank not in ranks


def _title_reference(m: Mention, persons: list[Entity], span_entity: dict[str, Entity], states: list[Mention],
                     by_key: dict[str, Entity]) -> Entity | None:
    """The person a title-only mention refers to: the one holding that title (same organization when stated); an
    exact title beats a partial one, then the story's protagonist (most mentions), then proximity. A state beside
    the title ('le ministre iranien') rules out the persons of another state and prefers its own; with no title
    match, it is the one person of that state of no other office."""
    title = fold(m.title or "")
    office = _SAME_OFFICE.get(title)
    org = span_entity.get(m.title_org) if m.title_org else None
    state = _state_beside(m, states, span_entity)
    scored = []
    for ent in persons:
        if state is not None and _of_other_state(ent, state, by_key):
            continue        # "le ministre iranien" is not the Saudi minister
        titles = [fold(t) for t in ent.titles]
        exact = title in titles
        partial = any(title and (title in t.split() or t in title.split() or title in t)
                      and not (_OTHER_OFFICE.search(t) and not _OTHER_OFFICE.search(title)) for t in titles) or \
            (office is not None and state is not None and ent.affiliation == state.id
             and any(t in office.split() for t in titles))      # the office itself, of the state named
        generic = title in _GENERIC_TITLES and org is not None and ent.affiliation == org.id
        if not (exact or partial or generic):
            continue
        if org is not None and ent.affiliation not in (None, org.id):
            continue
        before = any(x.start < m.start for x in ent.mentions)
        scored.append(((exact, org is not None and ent.affiliation == org.id, len(ent.mentions), before), ent))
    of_state = [ent for ent in persons if state is not None and ent.affiliation == state.id
                and not any(TITLE_RE.fullmatch(t) and not _COUNTERPART.fullmatch(t) for t in ent.titles)]
    same_state = [x for x in scored if state is not None and x[1].affiliation == state.id]
    if same_state or (scored and len(of_state) != 1):
        return max(same_state or scored, key=lambda x: x[0])[1]
    return of_state[0] if len(of_state) == 1 else None


#: a rank word that makes another office of a title: "premier ministre" is not "le ministre", "vice-président"
#: not "le président"
_OTHER_OFFICE = re.compile(r"^(?:premier|prime|vice|deputy|sous|under|assistant)\b|\b(?:adjoint|adjointe|délégué|déléguée)\b")
_COUNTERPART = re.compile(r"(?:counterparts?|homologues?|peers?|نظير\w*)", re.I)


def _state_beside(m: Mention, states: list[Mention], span_entity: dict[str, Entity]) -> Entity | None:
    """The state named right before or after a title-only mention, or inside it: 'le ministre iranien', 'the
    Iranian minister', 'the president of Sylvania'."""
    for x in states:
        if 0 <= x.start - m.end <= 2 or 0 <= m.start - x.end <= 2 or (m.start <= x.start and x.end <= m.end):
            return span_entity.get(f"{x.start}:{x.end}")
    return None


def _of_other_state(person: Entity, state: Entity, by_key: dict[str, Entity]) -> bool:
    aff = by_key.get(person.affiliation or "")
    return aff is not None and aff.kind == "state" and aff.id != state.id


#: a royal or princely style written as part of a name ("King Aldric II", "le roi Ferand", "Sheikh Tamor")
_ROYAL_WORDS = (r"(?:king|queen|prince|princess|princesse|emir|amir|émir|sultan|sheikh|sheikha|cheikh|cheikha|"
                r"roi|reine)")
_ROYAL = re.compile(_ROYAL_WORDS + r"\s+", re.I)
_ROYAL_BEFORE = re.compile(r"(?<![\w-])" + _ROYAL_WORDS + r"\s+$", re.I)


def add_royal_forms(text: str, entities: list[Entity]) -> list[Entity]:
    """A person's name with and without the royal style written before it: "King Aldric II" where the mention
    is "Aldric II", "Ferand IV" where it is "Roi Ferand IV". Both are surface forms of the document, and
    press releases write the name either way."""
    for ent in entities:
        if ent.kind != "person":
            continue
        for m in ent.mentions:
            if is_arabic(m.form) or m.descriptive:
                continue
            before = _ROYAL_BEFORE.search(text, max(0, m.start - 12), m.start)
            if before:
                ent.forms.append(text[before.start():m.end])
            styled = _ROYAL.match(m.form)
            if styled and styled.end() < len(m.form) and m.form[styled.end()].isupper():
                ent.forms.append(m.form[styled.end():])
        ent.forms = list(dict.fromkeys(ent.forms))
    return entities
