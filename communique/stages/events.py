"""Events: sentences, entities, dates and places -> Event records assembled into document frames."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..records import DateMention, Document, Entity, Event, Location, Mention
from .decide import LinearModel
from .event_dates import date_beside
from .occurrence import decide_events, score_pairs, speaks_for_others
from .frames import Frame, corefer_frames
from .event_records import finish_events
from .frame_joins import attendees_join, continues_last_frame, met_at_the_signing, signed_at_the_meeting
from .frame_merging import (absorb_state_frames, headlines_of_plans, merge_frames, one_signing_of_many, tour_stops_ahead,
                            visits_called_off, with_companions, without_attendance, without_headline_echoes)
from .numbered_sides import group_in_clause, numbered_group, numbered_group_phrase
from .pair_frames import pair_frames
from .party_groups import party_groups, verb_first_groups
from .clauses import (clause_start, named_before_he_who, next_clause_verb, object_pronoun, opens_also_clause,
                      received_by, reported_clause, relative_clause_end, reports_a_noun_subject, subject_of_a_joined_verb,
                      told_again, visit_told_before)
from .titles import TITLE_RE
from .triggers import (Trigger, a_topic_discussed, find_triggers, headline_future, hosts_a_gathering, names_a_time,
                       reads_as_sport, status_of)
from .counterparts import (counterparts_listed_after, counterparts_of_an_unnamed_subject, interlocutors_listed,
                           listed_states, met_someone_unnamed)
from .parties import (EVENT_NAME as _EVENT_NAME, before_relative_clause, named_counterparts, offices_of,
                      party_rule_flags, sentence_parties)
from .sides_told import (counterparts, meeting_recalled_in_a_call, sides_told_by_the_phrase,
                         the_two_of_the_last_meeting, the_two_sides_told_before)
from .venue import VenueQuery
from .visits import arrival_verb, places_in_countries, visit_frames, visit_noun_ar, visits_without_frame
from .visits_beside import visits_beside_meetings, visits_of_earlier_stops, visits_of_the_next_subject

__all__ = ["extract_events", "EventContext", "party_rule_flags"]

_ACTOR_KINDS = {"person", "organization", "state"}
_REPORTING = re.compile(r"^\s*(?:reported|said|says|reports|stated|announced|a rapporté|rapporte|indique|a indiqué)\b", re.I)
_CONFERENCE_NOUN = re.compile(r"\b(?:meeting|council|summit|conference|session|forum|réunion|conseil|sommet|conférence|"
                              r"assembly|assemblée|congress|congrès|مؤتمر|اجتماع|قمة|منتدى|دورة)\b", re.I)
#: "In a separate meeting, X sat down with Y", "lors d'une réunion bilatérale": a meeting of two, not a conference
_MEETING_OF_TWO = re.compile(r"\b(?:separate|bilateral|private|one-on-one|closed-door|face-to-face)\s+meeting\b|"
                             r"\bréunion\s+(?:bilatérale|séparée|restreinte|en\s+tête-à-tête)|اجتماع\s+(?:ثنائي|منفصل)", re.I)
#: a conference noun that convenes (stages' conveners): also with the Arabic article and proclitics ("الاجتماع الوزاري")
_CONVENED_NOUN = re.compile(_CONFERENCE_NOUN.pattern + r"|(?<!\w)[وفبل]?(?:ال|لل)(?:مؤتمر|اجتماع|قمة|منتدى|دورة)(?!\w)",
                            re.I)
_BETWEEN = re.compile(r"\b(?:between|entre)\b|بين", re.I)
_BETWEEN_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:between|entre)\s|\s+(?:[\w'’-]+\s+){0,2}?بين\s|"
                            # Arabic puts the act's verb and day before it: "مكالمة هاتفية جرت يوم الاثنين بين"
                            r"\s+(?:(?!مع\s|[وب]?(?:ال|لل)(?:علاقات|تعاون|شراكة))[^\s،,.]+\s+){3,6}?بين\s|"
                            # "لقاء جمع X بـY", "المحادثات التي جمعت X بـY": the verb "brought together" names both
                            r"\s+(?:[^\s،,.]+\s+){0,2}?(?:جمع|جمعت|يجمع|تجمع)\s", re.I)
# "Before Mr X, Y had met Z", "Comme son prédécesseur X, Y a reçu Z": a person named in an opening
# comparison is not the subject of the verb after it
_OPENING_PHRASE = re.compile(r"\s*(?:before|after|like|unlike|as with|avant|après|comme|à l'instar d[eu']|"
                             r"contrairement à)\s[^,;:]{1,60},", re.I)
#: "Because X had to stay home, Y met Z", "Bien que X soit absent, Y a reçu Z": an opening subordinate clause
_OPENING_CLAUSE = re.compile(r"\s*(?:because|since|although|though|while|whereas|parce\s+que|puisque|bien\s+que|"
                             r"alors\s+que|tandis\s+que|même\s+si)\s[^,;:]{1,150},", re.I)
#: what makes a meeting noun an event: 'talks with', 'réunion avec'
_NOMINAL_COMPLEMENT = re.compile(r"\s+(?:(?:\w+\s+){0,2}?|(?:of|de|du|des|d['’])\s*(?:[\w'’.-]+\s+){1,6}?)"
                                 r"(?:with|avec|between|entre|مع|بين)\b|"
                                 r"\s+(?:at|in|à|au|en)\s+(?:[\w'’.-]+\s+){1,6}?(?:between|entre)\b|"
                                 r"\s+(?:[^\s،,.]+\s+){0,4}?(?:مع|بين)(?!\w)|"     # "لقاء رفيع المستوى عقد في X بين"
                                 # "المشاورات التي جرت في الأسابيع الماضية بين": a relative verb of holding, then "بين"
                                 r"\s+(?:الذي|التي)\s+(?:جرت|جرى|عقدت|عقد|أجريت|أجري|دارت|دار)\s+(?:[^\s،,.]+\s+){0,5}?"
                                 r"(?:مع|بين)(?!\w)|"
                                 # "لقاء جمع X بـY", "المحادثات التي جمعت X بنظرائه", "اللقاء الذي جمعهما"
                                 r"\s+(?:[^\s،,.]+\s+){0,2}?(?:جمع|جمعت|يجمع|تجمع)(?:ه|ها|هما|هم)?(?!\w)", re.I)
#: "Meeting Iraqi Foreign Minister X, Y welcomed ...": a capitalized gerund opens the sentence as a verb would
_OPENING_GERUND = re.compile(r"(?-i:Meeting)$")
#: a determiner right before a trigger that is a verb or a noun ("cette rencontre") makes it the noun
_NOUN_OR_VERB = re.compile(r"rencontres?", re.I)
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:la|une|cette|chaque|ces|les|des|leurs?)\s+"
                                r"(?:(?:première|dernière|nouvelle|précédente)\s+)?$", re.I)
#: "X also attended the meeting on Z": one more conference (but "was also attended by Y": the same one)
_ALSO_ATTENDED = re.compile(r"\balso\s+(?:attended|took\s+part|participated)\b", re.I)
_BY_AGENT = re.compile(r"\s+by\b", re.I)
#: "X and Y, for their part, looked at the summit's preparations in a separate meeting": the clause's subjects met
_IN_A_MEETING_AT_THE_END = re.compile(r"\bin\s+an?\s+(?:separate|bilateral|private|closed-door|one-on-one|"
                                      r"face-to-face|brief)\s+(?:meeting|talks)\s*[.;]", re.I)
#: "held meetings with A; B; and C", "a reçu tour à tour A et B": one meeting with each, even of one side
_ONE_BY_ONE = re.compile(r"\b(?:held\s+(?:separate\s+)?meetings\s+with|separate(?:ly)?\s+(?:meetings|talks)|separately|"
                         r"one\s+after\s+the\s+other|in\s+turn|tour\s+à\s+tour|séparément|entretiens\s+séparés|"
                         r"successivement|l['’]un\s+après\s+l['’]autre)\b|"
                         r"(?:لقاءات|اجتماعات|محادثات|مباحثات)\s+(?:ثنائية\s+)?منفصلة|(?:كل|كلا)\s+على\s+حدة|بشكل\s+منفصل", re.I)
_BETWEEN_NAMED = re.compile(r"\s+(?:(?:at|in|à|au|en)\s+)?(?:[\w'’.-]+\s+){0,6}?(?:between|entre)\s", re.I)


@dataclass
class EventContext:
    """Resources: place geocoder (name -> Location | None) and topic tagger (text -> topic ids)."""

    geocode: Callable[[str], Location | None]
    topics: Callable[[str, str], list[str]]
    #: the learned pair decision (stages.pairs, stages.decide); None: the party rules decide alone
    pair_model: LinearModel | None = None
    #: the learned occurrence decision (stages.occurrence); None: every rule event is kept
    occurrence_model: LinearModel | None = None
    #: the learned in-document event coreference (stages.frames); None: frames sharing two sides merge
    coref_model: LinearModel | None = None
    #: the learned venue choice (stages.venue); None: the locative rule
    venue_model: LinearModel | None = None
    #: the pair model read by the confidence on the rule path (its probability of the chosen parties)
    pair_scorer: LinearModel | None = None
    #: called with the venue question of every event, in order (training reads the candidates)
    observe_venue: Callable[[VenueQuery], None] | None = None


def extract_events(doc: Document, entities: list[Entity], sents: list[tuple[int, int]],
                   dates: list[DateMention], ctx: EventContext) -> list[Event]:
    """Sentence-level triggers with their parties, merged into one frame per real event."""
    if ctx.pair_model is not None:
        events = _events_from_pairs(doc, entities, sents, dates, ctx, ctx.pair_model)
    else:
        events = _events_from_rules(doc, entities, sents, dates, ctx)
    if ctx.occurrence_model is not None:
        scores = score_pairs(doc, entities, sents, ctx.pair_scorer or ctx.pair_model, events)
        events = decide_events(doc, events, entities, ctx.occurrence_model, scores)
    return events


@dataclass
class _Story:
    """What the rule path carries from one sentence of a document to the next."""

    doc: Document
    ent_by_id: dict[str, Entity]
    actor_mentions: list[tuple[Mention, Entity]]
    place_mentions: list[tuple[Mention, Entity]]
    frames: list[Frame] = field(default_factory=list)
    #: (sentence span, organization) of each conference noun with an organization near it
    conveners: list[tuple[tuple[int, int], str]] = field(default_factory=list)
    #: the person the last sentence was about: the subject of a sentence that names none
    last_subject: str | None = None
    #: (sentence span, trigger) of each visit that happened and made no visit frame (stages.visits)
    visits_told: list[tuple[tuple[int, int], Trigger]] = field(default_factory=list)
    #: the place mentions with each city's country from the gazetteer: where a visit goes (stages.visits)
    visit_places: list[tuple[Mention, Entity]] = field(default_factory=list)
    #: the gazetteer country of each place entity (a city visited stands for its state)
    place_countries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, entities: list[Entity]) -> _Story:
        actor_mentions = sorted([(m, e) for e in entities if e.kind in _ACTOR_KINDS for m in e.mentions],
                                key=lambda x: x[0].start)
        place_mentions = sorted([(m, e) for e in entities if e.kind in {"place", "state"} for m in e.mentions],
                                key=lambda x: x[0].start)
        if doc.dateline_span:
            d0, d1 = doc.dateline_span
            actor_mentions = [(m, e) for m, e in actor_mentions if not (d0 <= m.start < d1)]
        return cls(doc, {e.id: e for e in entities}, actor_mentions, place_mentions)


def _events_from_rules(doc: Document, entities: list[Entity], sents: list[tuple[int, int]],
                       dates: list[DateMention], ctx: EventContext) -> list[Event]:
    """The rule path: each sentence's triggers and parties give frames, lists of counterparts give one frame
    each, frames told twice are merged, then date, venue and confidence."""
    story = _Story.of(doc, entities)
    story.visit_places = places_in_countries(story.place_mentions, ctx.geocode)
    story.place_countries = {e.id: e.country for _, e in story.visit_places if e.kind == "place" and e.country}
    for span in sents:
        _read_sentence(story, span)
    text, lang, ent_by_id = doc.text, doc.lang or "en", story.ent_by_id
    frames = sorted(story.frames + counterparts_listed_after(text, sents, story.actor_mentions, ent_by_id, lang)
                    + interlocutors_listed(text, sents, story.actor_mentions, lang), key=lambda f: f.evidence[0])
    frames = with_companions(text, frames, ent_by_id)
    for f in frames:
        f.told_on = date_beside(doc, f, dates)
    merged = one_signing_of_many(text, [f for f in merge_frames(frames, ent_by_id) if len(f.parties) >= 2], ent_by_id)
    merged = absorb_state_frames(merged, ent_by_id)
    merged = visits_beside_meetings(text, story.visits_told, merged, story.visit_places, ent_by_id,
                                    story.place_countries)
    if lang in _SUBJECT_CARRIES:    # a clitic name of an Arabic sentence is no mention: its visit is not the next's
        merged = visits_of_the_next_subject(text, story.visits_told, merged, sents, story.actor_mentions,
                                            story.visit_places, ent_by_id, story.place_countries)
    merged = visits_of_earlier_stops(text, merged, story.visit_places, ent_by_id, story.place_countries)
    merged = tour_stops_ahead(visits_called_off(text, merged, ent_by_id))
    merged = headlines_of_plans(doc, merged, ent_by_id)
    return finish_events(doc, without_headline_echoes(doc, merged, ent_by_id), dates, story.place_mentions,
                       ent_by_id, ctx, sents)


def _read_sentence(story: _Story, span: tuple[int, int]) -> None:
    """The frames of one sentence, added to the story's."""
    text, lang = story.doc.text, story.doc.lang or "en"
    s_start, s_end = span
    sentence = text[s_start:s_end]
    _note_conveners(story, span)
    triggers = [] if reads_as_sport(sentence, lang) else find_triggers(sentence, lang, s_start)
    if attendees_join(story.frames, text, span, story.actor_mentions, story.ent_by_id, triggers, lang):
        return
    if not triggers:
        if lang in _SUBJECT_CARRIES:
            story.last_subject = _named_subject(story.actor_mentions, s_start, s_end) or story.last_subject
        return
    triggers = [replace(t, type="conference") if t.type == "meet" and not t.nominal and _CONFERENCE_NOUN.search(
                text[max(s_start, t.start - 30): t.start]) and not _MEETING_OF_TWO.search(text, max(s_start, t.start - 30), t.start)
                or hosts_a_gathering(text, t) else t for t in triggers]
    if signed_at_the_meeting(story.frames, text, span, triggers, lang, story.actor_mentions, story.ent_by_id) or \
            met_at_the_signing(story.frames, text, span, triggers, lang, story.actor_mentions, story.ent_by_id):
        return
    if meeting_recalled_in_a_call(story.frames, text, span, triggers, lang):
        return
    if continues_last_frame(story.frames, story.doc.text, span, story.actor_mentions):      # "the two sides welcomed X's visit to the island": a visit beside it
        story.visits_told += visits_without_frame(text, span, triggers, lang, [])
        return
    in_sent = [(m, e) for m, e in story.actor_mentions if s_start <= m.start < s_end]
    named = named_counterparts(text, in_sent, story.ent_by_id)
    parties = sentence_parties(text, named, story.ent_by_id)
    visits = visit_frames(text, span, triggers, lang, parties, story.visit_places, story.ent_by_id,
                          story.last_subject, story.place_countries)
    story.frames += visits
    story.visits_told += visits_without_frame(text, span, triggers, lang, visits)
    opening = _OPENING_PHRASE.match(text, s_start, s_end)
    told_before = len(story.frames)
    for trig in _useful_triggers(triggers, text, s_start, s_end, lang):
        ids_before, ids_after = _trigger_sides(story, span, trig, triggers, parties, opening)
        groups = _trigger_groups(story, span, trig, named, ids_before, ids_after)
        status = "planned" if headline_future(story.doc, trig) else status_of(sentence, trig.start - s_start, lang)
        told = len(story.frames)
        _add_frames(story, span, trig, status, groups, visits)
        if told_again(text, trig, s_end):     # "had met X in June and again in August": two meetings
            story.frames += [replace(f, again=True, parties=list(f.parties), evidence=list(f.evidence))
                             for f in story.frames[told:]]
        if groups and groups[0]:
            persons = [p for p in groups[0] if story.ent_by_id[p].kind == "person"]
            makers = [p for p in ids_before or persons if not speaks_for_others(story.ent_by_id[p].titles)]
            story.last_subject = makers[0] if makers else story.last_subject
    story.frames[told_before:] = without_attendance(story.frames[told_before:], story.ent_by_id)
    if parties and parties[0][1].kind == "person" and parties[0][0].start < triggers[0].start \
            and not speaks_for_others(parties[0][1].titles):
        story.last_subject = parties[0][1].id     # not a spokesperson: "قال المتحدث X إن الرئيس Y سيتوجه"


def _note_conveners(story: _Story, span: tuple[int, int]) -> None:
    """'a meeting of the council of X', 'la conférence organisée par X': the organization nearest a
    conference noun convenes it (a conference told later without an organization takes it)."""
    text = story.doc.text
    s_start, s_end = span
    for cm in _CONVENED_NOUN.finditer(text[s_start:s_end]):
        pos = s_start + cm.start()
        near = [(e.id.startswith("org:"), abs(m.start - pos), e.id) for m, e in story.actor_mentions
                if e.kind == "organization" and s_start <= m.start < s_end and -60 < m.start - pos < 100
                and not any(_EVENT_NAME.search(f) for f in e.forms)
                and not _REPORTING.match(text[m.end: m.end + 20])]
        if near:
            story.conveners.append((span, min(near)[2]))


def _trigger_sides(story: _Story, span: tuple[int, int], trig: Trigger, triggers: list[Trigger],
                   parties: list[tuple[Mention, Entity]], opening: re.Match[str] | None) -> tuple[list[str], list[str]]:
    """The actors before a trigger (its subject) and after it (its objects), in its clause."""
    text, lang, last_subject = story.doc.text, story.doc.lang or "en", story.last_subject
    s_start, s_end = span
    clause = trig.start if opens_also_clause(text, trig) else clause_start(text, s_start, trig.start)
    before = [p for p in parties if clause <= p[0].start and p[0].end <= trig.start
              and not (opening and p[0].end <= opening.end() <= trig.start)]
    before = subject_of_a_joined_verb(text, story.actor_mentions, clause, s_start, trig, triggers, parties, before)
    subordinate = _OPENING_CLAUSE.match(text, s_start, trig.start)
    if subordinate and any(p[0].start >= subordinate.end() for p in before):
        before = [p for p in before if p[0].start >= subordinate.end()]   # "Because X was ill, Y met Z": not X
    if lang == "ar":        # "... X، وهو من وقع الاتفاقية": X signed it
        before = named_before_he_who(text, story.actor_mentions, s_start, trig) or before
    reported = reported_clause(text, clause, trig.start)
    noun_subject = reports_a_noun_subject(text, clause, trig.start)     # nor the story's subject
    if reported is not None and (any(p[0].start >= reported for p in before) or noun_subject):
        # "X a indiqué que Y a reçu Z": Y, not X; "X said that the talks took place during Z's visit": not X
        before = [p for p in before if p[0].start >= reported]
    cut = _AFTER_CLAUSE_END.search(text, trig.end, s_end)
    end = min([cut.start() if cut else s_end, next_clause_verb(text, triggers, trig, lang),
               relative_clause_end(text, clause, trig, s_end)]
              # "زيارة X إلى Y في أعقاب مكالمة بين A وB": who comes after another event's trigger is its party
              + [t.start for t in triggers if trig.type == "visit" and t.type != "visit" and t.start > trig.end])
    after = [p for p in parties if trig.start < p[0].start < end]  # also inside: "talked to X by phone";
    # not past a new clause with a subject of its own (", and Y was ...", "كما اجتمع بـC")
    after = before_relative_clause(text, s_start, after)
    ids_before = list(dict.fromkeys(e.id for _, e in before))
    ids_after = list(dict.fromkeys(e.id for _, e in after))
    group = [] if ids_before else numbered_group(text, span, trig.start, lang, story.actor_mentions)
    if group:
        return group, []    # "Lors de leur rencontre à Lys, les deux hommes avaient ...": the persons told before
    told = sides_told_by_the_phrase(text, trig, lang, clause, parties, s_start, last_subject, ids_after) \
        or the_two_sides_told_before(text, trig, story.frames, story.ent_by_id)
    if told is not None:
        return told
    if len(ids_after) >= 2 and _BETWEEN_AFTER.match(text, trig.end):
        ids_before = []     # "X said, after a phone call between A and B": A and B are the parties
    possessive = re.search(r"\b(?:his|her|its|their|sa|son|ses|leur)\s+(?:\w+\s+)?$",
                           text[max(s_start, trig.start - 25): trig.start], re.I) or (
        lang == "ar" and after and _AR_HIS_COUNTERPART.search(text, trig.end, after[0][0].start))
    main_subject = _subject_after_opening(text, span, trig, after)
    if not ids_before and main_subject is not None:     # "In his talks with X, Y said": Y's talks with X
        ids_before, ids_after = [main_subject], [x for x in ids_after if x != main_subject]
    elif not ids_before and last_subject in ids_after and (possessive or len(ids_after) > 1):
        ids_before = [last_subject]
        ids_after = [x for x in ids_after if x != last_subject]
    elif not ids_before and last_subject and (len(counterparts(after, text)) == 1 or possessive
                                              or received_by(trig, text)) \
            and last_subject not in ids_after and not _BETWEEN.search(text[trig.end: s_end]) and not noun_subject:
        ids_before = [last_subject]
    elif ids_before and not ids_after and last_subject and last_subject not in ids_before \
            and object_pronoun(text, trig, s_start):
        ids_after = [last_subject]      # "Y l'a reçu", "Y received him": the story's subject is the object
    if not ids_before:      # "in which both ministers were taking part": the two of the meeting just told
        ids_before = the_two_of_the_last_meeting(text, clause, trig, story.frames, story.ent_by_id)
    if lang == "ar" and not ids_before and last_subject and last_subject not in ids_after \
            and _bare_title_subject(text, trig, parties):
        ids_before = [last_subject]     # "ناقش الوزير مع ...": "the minister" is the story's subject
    return ids_before, ids_after


_OPENING_POSSESSIVE = re.compile(r"\s*(?:in|during|dans|pendant|lors\s+de|au\s+cours\s+de)\s+(?:his|her|their|ses|son|sa|leurs?)\s+"
                                 r"(?:[\w-]+\s+)?$", re.I)


def _subject_after_opening(text: str, span: tuple[int, int], trig: Trigger,
                           after: list[tuple[Mention, Entity]]) -> str | None:
    """The subject of the main clause after an opening phrase 'In his talks with X, Y underlined ...': Y."""
    if not _OPENING_POSSESSIVE.fullmatch(text, span[0], trig.start):
        return None
    comma = text.find(",", trig.end, span[1])
    return next((e.id for m, e in after if comma >= 0 and m.start > comma and e.kind == "person"), None)


def _bare_title_subject(text: str, trig: Trigger, parties: list[tuple[Mention, Entity]]) -> bool:
    """An Arabic verb whose subject is a title with the article and no name, state or body after it ("ناقش
    الوزير مع", "وأكد الرئيس أن"): the person the story is about."""
    if trig.nominal:
        return False
    m = re.compile(r"[ \t]+").match(text, trig.end)
    title = TITLE_RE.match(text, m.end()) if m else None
    if title is None or not title.group(0).startswith("ال"):
        return False
    return not any(title.start() <= pm.start <= title.end() + 2 for pm, _ in parties)     # the title is no one's


def _trigger_groups(story: _Story, span: tuple[int, int], trig: Trigger, named: list[tuple[Mention, Entity]],
                    ids_before: list[str], ids_after: list[str]) -> list[list[str]]:
    """The parties of each event a trigger tells: one group, or one per counterpart of a list."""
    text, lang, ent_by_id = story.doc.text, story.doc.lang or "en", story.ent_by_id
    s_start, s_end = span
    if lang == "ar" and not ids_before and not trig.nominal and len(ids_after) >= 3 \
            and trig.type != "conference" and not _BETWEEN.search(text[trig.end: s_end]):
        return verb_first_groups(ids_after, ent_by_id)
    if not ids_before and counterparts_of_an_unnamed_subject(text, trig.end, s_end, ids_after, ent_by_id):
        return []       # "Minister meets with his Xlandian and Ylandian counterparts": they did not meet each other
    if len(ids_before) >= 2 and not ids_after and met_someone_unnamed(text, trig):
        return []       # "A and B held talks with the crew": A and B are one side, the other is no actor
    listed = listed_states(text, [p for p in named if p[0].start >= trig.end], ids_after, ent_by_id,
                           offices_of([ent_by_id[x] for x in ids_before]))
    return party_groups(trig.type, ids_before, ids_after, ent_by_id, listed, lang == "ar",
                         bool(_ONE_BY_ONE.search(text, s_start, s_end)))


def _add_frames(story: _Story, span: tuple[int, int], trig: Trigger, status: str, groups: list[list[str]],
                visits: list[Frame]) -> None:
    """One frame per group of parties of a trigger; `groups` is narrowed in place as the visit rules say."""
    text, ent_by_id = story.doc.text, story.ent_by_id
    etype = trig.type
    if arrival_verb(trig):
        return      # "وصل X إلى Y": the visit of visit_frames, if any, and no meeting of the persons named
    if any(v.trigger == trig for v in visits):
        # the visit is the visitor's and the host state's (visit_frames); a person met on it: a meeting
        etype = "meet"
        groups[:] = [] if visit_noun_ar(trig) else \
            [g for g in groups if sum(ent_by_id[p].kind == "person" for p in g) >= 2]
    if etype == "visit":
        groups[:] = [] if visit_told_before(text, trig, span[0], span[1]) else \
            [g for g in groups if any(ent_by_id[p].kind == "person" for p in g)]   # a person visits
    for group in groups:
        evidence = [span]
        if trig.type == "conference" and story.conveners and not any(
                ent_by_id[g].kind == "organization" for g in group):
            convener_span, convener = story.conveners[-1]
            if convener not in group:
                group = group + [convener]
                if convener_span != evidence[0]:
                    evidence.append(convener_span)
        if len(group) < (1 if trig.type == "conference" else 2):
            continue
        roles = {pid: _role(ent_by_id[pid]) for pid in group}
        states = [p for p in group if ent_by_id[p].kind == "state"]
        host = states[0] if etype == "visit" and len(states) == 1 else None   # "X visited Ghana"
        another = etype == "conference" and bool(_ALSO_ATTENDED.search(text, max(span[0], trig.start - 8), trig.end)) \
            and not _BY_AGENT.match(text, trig.end)
        story.frames.append(Frame(etype, status, group, roles, evidence, trig, host=host, another=another))


def _useful_triggers(triggers: list[Trigger], text: str, s_start: int, s_end: int, lang: str) -> list[Trigger]:
    """Nominal triggers need 'with'/'avec'/'between' after them, or a numbered group of persons as their sides
    ("the two leaders held a meeting"); one trigger per type per sentence, but for an Arabic verb that opens a
    clause of its own ("كما اجتمع")."""
    out: list[Trigger] = []
    seen: set[str] = set()
    numbered = numbered_group_phrase(text, s_start, s_end, lang)
    for t in triggers:
        if _NOUN_OR_VERB.fullmatch(t.text) and _DETERMINER_BEFORE.search(text, max(s_start, t.start - 20), t.start):
            t = replace(t, nominal=True)     # "cette rencontre", "la rencontre": the noun, not the verb
        if t.nominal and not _NOMINAL_COMPLEMENT.match(text, t.end, s_end) and \
                not group_in_clause(text, t.start, t.end, numbered) and not (
                t.start == s_start and _OPENING_GERUND.match(t.text)) and not _IN_A_MEETING_AT_THE_END.search(
                text, max(s_start, t.start - 40), min(s_end, t.end + 3)):
            continue
        if t.nominal and re.search(r"\b(?:before|after|avant|après|prior to|following)\s+\w+\s*$", text[max(0, t.start - 25): t.start], re.I) \
                and not _BETWEEN_NAMED.match(text, t.end, s_end):
            continue        # "after talks with X, Y said"; but "came after talks in Z between A and B": A and B met
        if names_a_time(text, t, s_start) or (t.nominal and a_topic_discussed(text, t, s_start)):
            continue        # "After the signing, X met Y", "The council reviewed the talks between A and B"
        key = t.type
        if key in seen and not opens_also_clause(text, t):
            continue        # one per type, but "كما التقى": a meeting of its own
        seen.add(key)
        out.append(t)
    # a visit sentence with a meeting verb: the meeting wins (talks held during a visit are one event)
    types = {t.type for t in out}
    if "meet" in types and "visit" in types:
        out = [t for t in out if t.type != "visit"]
    if "call" in types:
        out = [t for t in out if t.type != "meet"]
    if "agreement" in types:
        out = [t for t in out if t.type != "visit"]     # the signing is the news; the visit is its setting
    return out


#: languages where a person named in a sentence without an event stays the story's subject for the next
#: ("... Hadja Lahbib s'est associée ... . Au terme d'une visite à Kinshasa, elle a déclaré"); measured worse in
#: Arabic, whose object pronouns are clitics of the verb ("واستقبله")
_SUBJECT_CARRIES = ("en", "fr")


def _named_subject(actors: list[tuple[Mention, Entity]], s_start: int, s_end: int) -> str | None:
    """The first person a sentence without a trigger names: who the story goes on about."""
    return next((e.id for m, e in actors if s_start <= m.start < s_end and e.kind == "person"), None)


_AFTER_CLAUSE_END = re.compile(r",\s+(?:and|et)\s+"
                               r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3}\s+(?:was|were|is|are|has|had|will|would|"
                               r"also|est|était|sont|étaient|avait|avaient|a|ont|sera)\b|"
                               # Arabic: a comma and a particle that opens a clause ("، علماً أن", "، وقد", "، غير أن")
                               r"،\s*(?:(?:علما|علماً|علمًا)\s+(?:أن|بأن)|[وف]?(?:قد|لقد)\s|(?:غير|إلا)\s+أن|و?لكن\s)")


#: "نظيره X": the verb's object is the counterpart of the story's subject, who is the verb's subject
_AR_HIS_COUNTERPART = re.compile(r"(?<!\S)[وف]?(?:ب|ل)?نظير(?:ه|ته|يه|اه)(?!\S)")


def _role(ent: Entity) -> str | None:
    return ent.titles[0] if ent.titles else None


def _events_from_pairs(doc: Document, entities: list[Entity], sents: list[tuple[int, int]],
                       dates: list[DateMention], ctx: EventContext, model: LinearModel) -> list[Event]:
    """The learned path: sentence frames from the pair model, one frame per event by event coreference,
    then date, venue and confidence as on the rule path."""
    ent_by_id = {e.id: e for e in entities}
    place_mentions = sorted([(m, e) for e in entities if e.kind in {"place", "state"} for m in e.mentions],
                            key=lambda x: x[0].start)
    frames = pair_frames(doc, entities, sents, model)
    merged = corefer_frames(doc, frames, ent_by_id, dates, ctx.coref_model)
    return finish_events(doc, merged, dates, place_mentions, ent_by_id, ctx, sents)
