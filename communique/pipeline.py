"""The pipeline: RawDocument records -> Extraction records (or Rejected ones), stages in order."""

from __future__ import annotations

import re
import sys
import traceback
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from .config import Settings
from .records import DateMention, Document, Extraction, Location, RawDocument, Rejected, Skipped
from .stages.coref import add_royal_forms, cluster_mentions
from .stages.entity_kinds import exact_city, settle_kinds
from .stages.dates import find_dates, years_from_context
from .stages.events import EventContext, extract_events
from .stages.gazetteer import Gazetteer, GazetteerEntry
from .stages.language import build_detector, detect_language
from .stages.linking import link_entities
from .corpus.copies import fingerprint
from .stages.mentions import MentionContext, find_mentions
from .stages.nlp import ModelSet, parse
from .stages.place_forms_ar import add_headed_place_forms, merge_conjunction_forms
from .stages.normalize import normalize
from .stages.sections import SECTION_CHARS, join_sections, split_sections
from .stages.sentences import sentence_spans
from .stages.topics import TopicTagger, load_topics
from .textnorm import is_arabic

__all__ = ["Resources", "load_resources", "Pipeline", "RunCounts", "EventInputs", "chunked"]

_DIGIT = re.compile(r"\d")                 # any script's digits (Arabic-Indic too)

T = TypeVar("T")


@dataclass
class Resources:
    """Everything loaded once per process: models, knowledge base, places, topics, detector."""

    settings: Settings
    models: ModelSet
    actors: Any
    places: Any
    gazetteer: Gazetteer
    topics: TopicTagger
    detector: Any


def load_resources(settings: Settings | None = None) -> Resources:
    """Build the resources of a run (spaCy models load lazily, once, on first use)."""
    from .kb import load_actors, load_places

    settings = settings or Settings()
    actors = load_actors()
    if settings.kb_overlay:
        from .kb.actors import load_overlay

        for actor in load_overlay(settings.kb_overlay):
            actors.add(actor)
    places = load_places()
    entries = []
    for actor in actors:
        for alias in actor.aliases:
            form, alias_type = (alias["form"], alias["type"]) if isinstance(alias, dict) else (alias.form, alias.type)
            entries.append(GazetteerEntry(actor.id, actor.kind, alias_type, form))
    return Resources(
        settings=settings, models=ModelSet({"ar": settings.ar_model} if settings.ar_model else None), actors=actors, places=places,
        gazetteer=Gazetteer(entries), topics=load_topics(),
        detector=build_detector(settings.languages),
    )


@dataclass
class EventInputs:
    """What the event stage reads of one document: its entities, sentences and dates."""

    doc: Document
    entities: list[Any]
    sents: list[tuple[int, int]]
    dates: list[DateMention]


@dataclass
class RunCounts:
    """What a run did: documents stored, events found, rejects by stage and reason."""

    documents: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    skipped: int = 0                 # of `documents`: already stored by an earlier run, not processed again
    refresh_seconds: float = 0.0     # the end-of-run refresh of the cross-document tables


class Pipeline:
    """Ordered stages over records; `run` yields one Extraction or Rejected per input document."""

    def __init__(self, resources: Resources) -> None:
        self.res = resources
        self.mention_ctx = MentionContext(resources.gazetteer, self._is_place, resources.places.lookup)
        self.event_ctx = EventContext(geocode=self._geocode, topics=resources.topics)
        if resources.settings.event_model == "learned":
            self.event_ctx = _with_learned_models(self.event_ctx)
        self.event_ctx = _with_default_models(self.event_ctx, resources.settings)

    # -- resources as callables ------------------------------------------------------------------
    def _is_place(self, name: str) -> bool:
        if self.res.places.lookup(name) is not None:
            return True
        return any(a.kind == "state" for a in self.res.actors.lookup(name))

    def _place_name(self, name: str) -> str | None:
        place = self.res.places.lookup(name)
        return place.name if place is not None else None

    def _city_name(self, name: str) -> str | None:
        return exact_city(self.res.places.lookup, name)

    def _geocode(self, name: str) -> Location | None:
        place = self.res.places.lookup(name)
        if place is not None:
            return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
        states = [a for a in self.res.actors.lookup(name) if a.kind == "state"]
        if states:
            return Location(name=states[0].name, country=states[0].country)
        return None

    def _date_line(self, line: str) -> str | None:
        from .stages.normalize import is_date_line

        if not _DIGIT.search(line):
            return None                         # a date line gives a day or a year in digits
        # a line in Arabic letters is read as Arabic only (the English and French readers call dateparser)
        langs = ("ar",) if is_arabic(line) else ("en", "fr", "ar")
        for lang in langs:
            if is_date_line(line, lang, lambda text, lang=lang: self._find_dates(text, lang, None)):
                found = self._find_dates(line, lang, None)
                values = [d.value for d in found if d.value and len(d.value) == 10]
                if values:
                    return values[0]
        return None

    def _find_dates(self, text: str, lang: str, base: date | None, year_hint: int | None = None) -> list[DateMention]:
        if lang == "ar":
            from .stages.dates_ar import find_dates_ar

            return find_dates_ar(text, base)
        return find_dates(text, lang, base, year_hint=year_hint)

    # -- stages ----------------------------------------------------------------------------------
    def prepare(self, raw: RawDocument) -> Document | Rejected:
        """normalize + language: cheap stages run before batching for spaCy."""
        s = self.res.settings
        size = len(raw.content)
        if size > s.max_input_bytes:
            unit = "bytes" if isinstance(raw.content, bytes) else "characters"
            return Rejected(raw.source, "normalize", f"too large: {size:,} {unit} read, over the limit of "
                            f"{s.max_input_bytes:,}")
        try:
            doc = normalize(raw, find_date_line=self._date_line, is_place=self._is_place, min_chars=s.min_chars,
                            html_extractor=s.html_extractor)
            if isinstance(doc, Rejected):
                return doc
            if len(doc.text) > s.max_chars:
                return Rejected(raw.source, "normalize", f"too large: {len(doc.text):,} characters of text, over "
                                f"the limit of {s.max_chars:,}", doc.id)
            return detect_language(doc, self.res.detector, s.languages, s.default_language)
        except Exception as exc:  # a bug on one document must not kill the batch
            return self._internal_error(raw.source, "normalize", exc)

    def analyze(self, doc: Document, sdoc: Any) -> Extraction | Rejected:
        """mentions -> coreference -> linking -> dates -> events for one parsed document (a long one in
        sections, stages.sections)."""
        if isinstance(sdoc, Rejected):      # spaCy failed on this document (stages.nlp.parse)
            return sdoc
        if len(doc.text) <= SECTION_CHARS:
            return self._analyze_whole(doc, sdoc)
        parts = []
        try:
            for offset, section, section_sdoc in split_sections(doc, sdoc):
                result = self._analyze_whole(section, section_sdoc)
                if isinstance(result, Rejected):
                    return replace(result, source=doc.source, doc_id=doc.id)
                parts.append((offset, result))
            return replace(join_sections(doc, parts), fingerprint=fingerprint(doc.text))
        except Exception as exc:
            return self._internal_error(doc.source, "sections", exc, doc.id)

    def _analyze_whole(self, doc: Document, sdoc: Any) -> Extraction | Rejected:
        stage = "mentions"
        try:
            inputs = self.event_inputs(doc, sdoc)
            stage = "events"
            events = extract_events(inputs.doc, inputs.entities, inputs.sents, inputs.dates, self.event_ctx)
            stage = "fingerprint"
            minhash = fingerprint(doc.text)
        except _StageFailure as failure:
            return self._internal_error(doc.source, failure.stage, failure.__cause__, doc.id)  # type: ignore[arg-type]
        except Exception as exc:
            return self._internal_error(doc.source, stage, exc, doc.id)
        return Extraction(document=inputs.doc, entities=tuple(inputs.entities), events=tuple(events),
                          fingerprint=minhash)

    def _internal_error(self, source: str, stage: str, exc: BaseException, doc_id: str | None = None) -> Rejected:
        """A bug met on one document: a reject record (the traceback goes to stderr only with `debug`)."""
        if self.res.settings.debug:
            traceback.print_exception(exc, file=sys.stderr)
        return Rejected(source, stage, f"internal error: {type(exc).__name__}: {str(exc)[:300]}", doc_id)

    def event_inputs(self, doc: Document, sdoc: Any) -> EventInputs:
        """mentions -> coreference -> linking -> dates: what the event stage reads (kept apart so that
        training can cache it and rerun only the event stage)."""
        lang = doc.lang or "en"
        stage = "mentions"
        try:
            mentions = find_mentions(doc.text, sdoc, self.mention_ctx, lang)
            stage = "coreference"
            entities = add_royal_forms(doc.text, cluster_mentions(mentions, place_name=self._place_name))
            entities = settle_kinds(doc.text, entities, self._city_name)
            if lang == "ar":
                entities = merge_conjunction_forms(add_headed_place_forms(doc.text, entities))
            stage = "linking"
            entities = link_entities(entities, self.res.actors)
            stage = "dates"
            doc, dates = self._document_dates(doc, lang)
            stage = "mentions"
            return EventInputs(doc, entities, sentence_spans(doc.text), dates)
        except Exception as exc:
            raise _StageFailure(stage) from exc

    def _document_dates(self, doc: Document, lang: str) -> tuple[Document, list[DateMention]]:
        """Every date of the text, resolved against the publication date, the dateline or the story's
        first full date; the dateline's date when the normalizer could not read it."""
        base = _as_date(doc.published) or _as_date(doc.dateline_date)
        dates = self._find_dates(doc.text, lang, base)
        if base is None:
            # no publication date: the story's first full date anchors weekdays and 'today'
            years = [int(d.value[:4]) for d in dates if d.value and len(d.value) == 10 and not d.relative]
            if years and lang != "ar":          # the Arabic finder takes no year hint: the same dates again
                dates = self._find_dates(doc.text, lang, None, year_hint=years[0])
            elif lang != "ar":
                dates = years_from_context(dates, lambda year: self._find_dates(doc.text, lang, None, year_hint=year))
            from .stages.event_dates import starts_span
            from .stages.writing_day import writing_day
            from .stages.triggers import status_of

            anchors = [d.value for d in dates if d.value and len(d.value) == 10 and re.search(r"\d", d.text)
                       and not starts_span(doc.text, d.start)       # "since 15 April 2023": a span's start
                       and status_of(doc.text[max(0, d.start - 60): d.end], min(60, d.start), lang) != "planned"]
            if anchors:
                anchor = date.fromisoformat(anchors[0])
                dates = self._find_dates(doc.text, lang, anchor)
                written = writing_day(dates, anchor)     # "tomorrow Tuesday": written on a Monday
                if written != anchor:
                    dates = self._find_dates(doc.text, lang, written)
        if doc.dateline_date is None and doc.dateline_span:
            s, e = doc.dateline_span
            # a date written in the dateline or just after it; a day word without digits there ("AA/Alger
            # Mardi, ...") opens the lead and is the event's, not the dateline's
            in_dateline = [d for d in dates if s <= d.start < e + 25 and d.value and re.search(r"\d", d.text)]
            if in_dateline:
                doc = replace(doc, dateline_date=in_dateline[0].value)
        return doc, dates

    def run(self, raws: Iterable[RawDocument | Rejected]) -> Iterator[Extraction | Rejected]:
        """The whole pipeline, streaming, in batches of `batch_size` inputs (`process`)."""
        for batch in chunked(raws, self.res.settings.batch_size):
            yield from self.process(batch)  # type: ignore[misc]   # nothing is stored: nothing is skipped

    def process(self, raws: Iterable[RawDocument | Rejected],
                stored: Collection[str] = frozenset()) -> list[Extraction | Rejected | Skipped]:
        """One batch, the unit of work of every engine: prepare (normalize + language) every input, skip the
        ids in `stored` before any spaCy work, then parse and analyze the rest; one result per input, in
        input order."""
        results: list[Extraction | Rejected | Skipped | None] = []
        todo: list[tuple[int, Document]] = []
        for raw in raws:
            doc = raw if isinstance(raw, Rejected) else self.prepare(raw)
            if isinstance(doc, Rejected):
                results.append(doc)
            elif doc.id in stored:
                results.append(Skipped(doc.source, doc.id))
            else:
                todo.append((len(results), doc))
                results.append(None)
        if todo:
            with self.res.models.memory_zone():      # every spaCy Doc of the batch is analyzed inside
                parsed = parse((doc for _, doc in todo), self.res.models, self.res.settings.batch_size)
                for (i, _), (doc, sdoc) in zip(todo, parsed):
                    results[i] = self.analyze(doc, sdoc)
        return [r for r in results if r is not None]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class _StageFailure(Exception):
    """An error inside one stage of `event_inputs`, named so that the reject says which."""

    def __init__(self, stage: str) -> None:
        super().__init__(stage)
        self.stage = stage


def _with_learned_models(ctx: EventContext) -> EventContext:
    """The event context with the committed pair and coreference models (`make train`)."""
    from .errors import CommuniqueError
    from .stages.decide import load_model

    pairs, coref = load_model("pairs"), load_model("coref")
    if pairs is None or coref is None:
        raise CommuniqueError("the learned event models (communique/models/pairs.json, coref.json) are "
                              "missing: train them with `make train`, or use the rules (event_model='rules')")
    return replace(ctx, pair_model=pairs, coref_model=coref)


def _with_default_models(ctx: EventContext, settings: Settings) -> EventContext:
    """The committed venue choice (unless `venue_model='rules'`) and, for the events of the rules, the
    calibrated confidence, which reads the pair model's view of the chosen parties (`make train`); without
    the files, the locative rule and the rule confidence."""
    from .stages.decide import load_model
    from .stages.occurrence import CONFIDENCE_MODEL
    from .stages.venue import VENUE_MODEL

    if settings.venue_model == "learned":
        ctx = replace(ctx, venue_model=load_model(VENUE_MODEL))
    if settings.event_model == "rules":
        ctx = replace(ctx, occurrence_model=load_model(CONFIDENCE_MODEL), pair_scorer=load_model("pairs"))
    return ctx


def _as_date(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
