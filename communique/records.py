"""Typed records passed between stages (Document, Mention, Entity, Event, Rejected) and between the store
and the corpus layer (StoredEntity, StoredReport, ActorRecord)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "RawDocument", "Provenance", "Document", "Span", "DateMention", "Mention", "Entity", "Location",
    "Party", "Evidence", "Event", "Extraction", "Rejected", "Skipped",
    "StoredEntity", "ReportParty", "StoredReport", "ActorFact", "ActorRecord",
]

EntityKind = Literal["person", "organization", "state", "place"]
EventType = Literal["meet", "visit", "call", "agreement", "conference"]
EventStatus = Literal["occurred", "planned", "negated"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a document came from."""

    source: str                      # path or URL as given
    position: str | None = None      # line number, archive offset, feed item
    fetched: str | None = None       # ISO timestamp when fetched from the network


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader yields: undecoded or decoded content plus the metadata the source gives."""

    source: str
    content: bytes | str
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    provenance: Provenance | None = None
    is_html: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after normalization; every span offset refers to `text`."""

    id: str                          # "sha256:<hex>" of the normalized text
    source: str
    text: str
    lang: str | None = None
    title: str | None = None
    published: str | None = None     # ISO date when the source says it
    dateline_place: str | None = None
    dateline_date: str | None = None  # ISO date (or YYYY-MM) read from the dateline
    dateline_span: tuple[int, int] | None = None
    title_span: tuple[int, int] | None = None
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text, resolved when possible."""

    start: int
    end: int
    text: str
    value: str | None                # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None when unresolvable
    precision: Precision | None
    relative: bool = False           # resolved against the publication date ("jeudi", "أمس")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named mention in a document, with what the rules attached to it."""

    start: int
    end: int
    form: str                        # text[start:end]
    kind: EntityKind
    sentence: int                    # sentence index
    title: str | None = None         # attached title/function ("Secrétaire général")
    title_org: str | None = None     # surface form of the organization in the function phrase
    acronym: str | None = None       # acronym defined next to this form
    descriptive: bool = False        # "le Centre onusien", "the UN centre"
    kb_id: str | None = None         # KB actor the gazetteer matched


@dataclass(slots=True)
class Entity:
    """One actor within a document: its forms, titles, affiliation and KB link."""

    id: str
    kind: EntityKind
    name: str
    forms: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    acronym: str | None = None
    affiliation: str | None = None   # entity id
    wikidata: str | None = None
    country: str | None = None       # ISO 3166 alpha-2 for states and places


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Party:
    entity: str                      # entity id
    role: str | None = None
    affiliation: str | None = None   # entity id
    side: str | None = None          # "host" | "guest" | None


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: EventType
    status: EventStatus
    date: str | None
    date_precision: Precision | None
    location: Location | None
    parties: tuple[Party, ...]
    topics: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    trigger: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline produced for one document."""

    document: Document
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    #: MinHash of the text (corpus.copies.fingerprint): near-duplicate detection in the store, computed by
    #: the worker that parsed the document; None when the text has no words or it was not computed
    fingerprint: bytes | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document that could not be processed, with the stage and the reason."""

    source: str
    stage: str
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input whose normalized text is already stored: not parsed again (resumed or repeated runs)."""

    source: str
    doc_id: str


# -- what the corpus layer (communique.corpus) reads from a store and writes back ----------------

@dataclass(frozen=True, slots=True)
class StoredEntity:
    """One entity of one stored document, as cross-document linking reads it."""

    doc_id: str
    entity_id: str
    kind: str
    name: str
    affiliation: str | None = None
    titles: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.entity_id)


@dataclass(frozen=True, slots=True)
class ReportParty:
    """A party of a stored report, with its corpus actor when the store keeps actor tables."""

    entity: str
    kind: str | None = None
    name: str | None = None
    actor: str | None = None            # its corpus actor
    acts_for: str | None = None         # corpus actor of the state or organization a person acts for


@dataclass(frozen=True, slots=True)
class StoredReport:
    """One stored occurred event with its parties: what cross-document merging reads."""

    id: str
    doc_id: str
    type: str
    date: str | None = None
    country: str | None = None
    parties: tuple[ReportParty, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorFact:
    """Something seen of a corpus actor (a form, a title, an affiliation): when, in how many documents."""

    value: str
    first_seen: str | None = None
    last_seen: str | None = None
    documents: int = 0
    origin: str | None = None           # forms only: document | overlay | user | romanized


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One corpus actor as the store keeps it (store/actors.sql)."""

    id: str
    kind: str
    name: str
    origin: str                         # kb | learned | overlay | user
    documents: int
    forms: tuple[ActorFact, ...] = ()
    titles: tuple[ActorFact, ...] = ()
    affiliations: tuple[ActorFact, ...] = ()
