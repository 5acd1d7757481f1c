"""Visits: a sentence's visit trigger, its visitor and the place visited -> a visit frame (visitor, host state).

An official visit is an event of its own beside the meetings held during it (SCHEMA.md): "X arrived in
Algeria for an official visit and met President Y" tells a visit of X to Algeria and a meeting of X and
Y. The host is the state that the sentence places the visit in ("visited Ghana", "en visite à Accra"
after the trigger, "landed in Ghana" before it: a city stands for its state when the document names that
state), the visitor is the person who makes the visit (the person nearest before the trigger, the
sentence's subject for "his visit", the story's last subject when the sentence names no one before it,
"la visite effectuée par X"). A person never visits their own state.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import replace

from ..records import Entity, Location, Mention
from ..textnorm import is_arabic
from .clauses import reports_a_noun_subject
from .frames import Frame
from .titles import TITLE_RE
from .triggers import Trigger, status_of
from .venue import LOCATIVE, written_as_setting

__all__ = ["arrival_verb", "visit_frames", "venue_in_host", "places_in_countries",
           "visits_without_frame", "visit_noun_ar", "OPENING_WORDS", "TO_WHOM", "VISITOR_RIGHT_AFTER", "at_home", "host_of",
           "host_state", "state_of"]

#: "landed in", "arrived in", "se trouve à": the place after them is where the visitor is
_ARRIVAL = re.compile(r"(?:landed|arrived|arrives|arriving|travel(?:l)?ed|came|comes|went|goes|flew|flies|atterri|arrivée?s?|"
                      r"arrivé|rendu|rendue|trouve|séjourne|visit\w*|trip|voyage|tour(?:née)?)\s+"
                      r"(?:\w+\s+){0,2}?(?:in|into|to|at|à|au|aux|en|dans)\s+(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)
#: a sentence that opens on the arrival: "Arrivé au Caire, en Égypte, mardi, X ...", "Landed in Y, X ..."
_OPENING_ARRIVAL = re.compile(r"\s*(?:arriv[ée]\w*|arrived|arriving|landed|landing|atterri\w*)\s+(?:in|at|à|au|aux|en|dans)\s"
                              r"[^.;:]{0,40}?(?:,\s+(?:in|en|au|aux)\s+(?:the\s+|la\s+|le\s+|l'|l’)?)?$", re.I)
_PRONOUN_SUBJECT = re.compile(r",\s+(?:il|elle|he|she)\s", re.I)
#: a sentence whose subject is a pronoun: "He then landed in X" tells the story's subject's journey
_PRONOUN_OPENING = re.compile(r"\s*(?:il|elle|he|she)\s", re.I)
_POSSESSIVE = re.compile(r"\b(?:his|her|sa|son)\s+(?:\w+\s+){0,2}$", re.I)
_BY = re.compile(r"\b(?:by|par)\s+(?:the\s+|le\s+|la\s+|l'|l’)?(?:[\w'’-]+,?\s+){0,5}$", re.I)
#: "the trip to Africa of X", "la visite à Alger du ministre X": the visit noun's own complement names the visitor
_OF_AFTER = re.compile(r"\s*(?:(?:to|in|à|au|aux|en)\s+)?(?:[\w'’-]+\s+){0,3}?(?:of|de|du|d['’])\s*"
                       r"(?:the\s+|le\s+|la\s+|l['’])?(?:[\w'’-]+\s+){0,4}$", re.I)
#: "En visite au Qatar, le président X ...", "On a two-day visit to Y, X ...": an opening phrase of the visit
OPENING_WORDS = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}$")
#: "X, who is leading a delegation on a visit to Y": a relative clause that presents a person, not the news
_RELATIVE = re.compile(r"(?:,|،)\s*(?:who|qui|الذي|التي)\b", re.I)
#: "the visit King X paid to Y", "la visite que le ministre X effectue à Y": the person named between the
#: visit noun and its verb makes it
_PAID_AFTER = re.compile(r"\s+(?:(?:has|had)\s+)?(?:paid|made|makes|is\s+making|(?:a|avait)\s+(?:effectuée|faite)|effectue|effectuait)\b",
                         re.I)
#: "زيارة (رسمية) أداها / قام بها / يجريها": in Arabic the verb after the visit noun comes before its maker
_AR_PAID_AFTER = re.compile(r"(?:[ \t]+[^\s،,.]+){0,2}?[ \t]+(?:(?:أدا|أجرا|يؤدي|تؤدي|يجري|تجري)ها|"
                            r"(?:قام|قامت|يقوم|تقوم)[ \t]+بها)(?!\w)")
#: "X, envoyé spécial d'Emmanuel Y, s'est rendu à", "X, special envoy of President Y, travelled to": Y completes
#: the title of the subject and makes no visit
_COMPLEMENT_OF_TITLE = re.compile(r"\b(?:\w+\s+)?(?:envoyée?|représentante?|émissaire|conseill(?:er|ère)|porte-parole|envoy|"
                                  r"representative|adviser|advisor|spokes(?:man|woman|person))\s+(?:spéciale?\s+|personnel(?:le)?\s+|"
                                  r"special\s+|personal\s+)?(?:de\s+|d['’]|du\s+|of\s+)(?:(?:the|le|la)\s+)?(?:\w+\s+){0,2}$", re.I)
#: an apposition after the subject that names another person: "X, conseiller d'Y, ...", "X, adviser of Y, ..."
#: (Arabic: any title set off by its commas, "X، المستشار الدبلوماسي للرئيس Y، بأنه زار": its complement has no particle)
_APPOSITION_OF = re.compile(r"\s*,\s*[^,;:.]{0,60}?(?:\bof|\bto|\bde|\bdu|\bd['’])\s*(?:the\s+|la\s+|le\s+|l['’])?(?:\w+\s+){0,2}?|"
                            r"\s*،\s*[^,،;:.]{0,60}\s", re.I)
_APPOSITION_END = re.compile(r"[^,،;:.]{0,40}[,،]")
_THAT_BEFORE = re.compile(r"^\s+(?:que|qu['’])?\s*(?:le\s+|la\s+|l['’])?(?:[\w'’-]+\s+){0,6}$", re.I)
_RELATIVE_VISIT = re.compile(r"(?:,|،)\s*(?:who|qui)\s+(?:is|was|est|était|se\s+trouv\w+)\s+(?:currently\s+|actuellement\s+)?"
                             r"(?:on\s+|en\s+)?(?:an?\s+|une\s+)?(?:\w+\s+){0,2}$|(?:,|،)\s*(?:who|qui)\s+(?:effectue|effectuait|"
                             r"is\s+paying|was\s+paying|is\s+making|was\s+making)\s+(?:an?\s+|une\s+)?(?:\w+\s+){0,2}$|"
                             # "X، الذي يقوم حاليا بزيارة", "X، التي تؤدي زيارة" (not "الذي يزور": who is in town)
                             r"[،,]\s*(?:الذي|التي)\s+(?:[يت]قوم|[يت]ؤدي|يجري|تجري)\s+(?:[^\s،,]+\s+){0,2}$", re.I)
_HOST_LIST_GAP = re.compile(r"\s*(?:,|and|et)?\s*(?:,|and|et)?\s*(?:(?:in|to|en|au|aux|à)\s+)?(?:the\s+|la\s+|le\s+|l'|l’)?|"
                            # a tour's stops, a stop's own adjective before the next: "إلى ليبيا ثم تونس
                            # فالجزائر والمغرب", "شملت قبرص الرومية وإسبانيا"
                            r"(?:[ \t]+ال[^\s،,.]+)?[ \t]*(?:[،,][ \t]*)?(?:ثم[ \t]+|[وف])?(?:(?:إلى|الى)[ \t]+)?", re.I)
#: a tour that takes its traveller somewhere: "جولة ... شملت قبرص", "جولة حملته إلى ليبيا" (Arabic)
_TOUR_STOPS = re.compile(r"(?:^|\s)(?:شمل(?:ت)?|تشمل|ستشمل|حملت(?:ه|ها)|قادت(?:ه|ها)|تقود(?:ه|ها))[ \t]+(?:(?:إلى|الى)[ \t]+)?$")
_WINDOW = 120      # characters between the trigger and the place it is about
#: an Arabic verb of visit or arrival opens its clause and its subject follows it: "زار الأمين العام X دولة قطر",
#: "وصل وزير الخارجية X، صباح اليوم، إلى كوالالمبور", "حلّ رئيس المجلس X بمصر في زيارة رسمية"
_AR_VISIT_VERB = re.compile(r"(?:[وف])?(?:زار|زارت|زاروا|يزور|تزور)")
_AR_ARRIVAL_VERB = re.compile(r"و?(?:وصل|وصلت|يصل|تصل|حطّ|حطّت|حطت|حلّ|حلّت)")     # not "ف": "فيصل" is a name
#: how far an Arabic verb's place may stand after it: its subject (a name and a long title) comes between
_AR_VERB_WINDOW = 200
#: a one-word adjective of a state ("المصري", "السعودية") after a title is the visitor's, not the place visited
_AR_NISBA = re.compile(r"[وب]?ال\S+(?:ي|ية|يّ|يّة)")
_CLAUSE_BREAK = re.compile(r"[.،,؛:!?؟]")
_AR_DEFINITE = re.compile(r"[وب]?ال")
_SENTENCE_BREAK = re.compile(r"[.؛:!?؟]")
#: words between an Arabic name and a relative pronoun that is still the name's ("X، المبعوث الخاص للأمين العام، الذي")
_AR_APPOSITION_WORDS = 5


def places_in_countries(places: list[tuple[Mention, Entity]], geocode: Callable[[str], Location | None]
                        ) -> list[tuple[Mention, Entity]]:
    """The place mentions, each city that carries no country given its gazetteer country ("landed in Port Lys":
    a visit to the state of Port Lys when the document names that state)."""
    located: dict[str, Entity] = {}
    out = []
    for m, e in places:
        if e.kind == "place" and not e.country:
            if e.id not in located:
                loc = geocode(e.name) or geocode(m.form)
                located[e.id] = replace(e, country=loc.country) if loc is not None and loc.country else e
            e = located[e.id]
        out.append((m, e))
    return out


def visit_frames(text: str, span: tuple[int, int], triggers: list[Trigger], lang: str,
                 in_sent: list[tuple[Mention, Entity]], places: list[tuple[Mention, Entity]],
                 ent_by_id: dict[str, Entity], last_subject: str | None,
                 countries: dict[str, str] | None = None) -> list[Frame]:
    """One visit frame per visit trigger of the sentence whose visitor and host state are both found.
    `countries`: the gazetteer country of each place entity (a city stands for its state)."""
    frames: list[Frame] = []
    countries = countries or {}
    for trig in (t for t in triggers if t.type == "visit"):
        found = host_state(text, span, trig, places, ent_by_id, countries) or _host_body(text, trig, in_sent)
        if found is None:
            continue
        visitor = _verb_subject(trig, in_sent, found, ent_by_id)
        if visitor is None and not arrival_verb(trig):
            visitor = _visitor(text, span, trig, in_sent, last_subject, found[0], ent_by_id, countries)
        for host in _listed_hosts(text, span, found, places, ent_by_id, countries) if visitor else []:
            if any(f.parties == [visitor, host.id] for f in frames) or at_home(ent_by_id[visitor], host, ent_by_id, countries) \
                    or _titled_of(text, span, ent_by_id[visitor], host, in_sent):
                continue        # "landed in X for a visit": one visit; "Ruritanian President X visited Y": at home
            status = status_of(text[span[0]:span[1]], trig.start - span[0], lang)
            roles = {visitor: (ent_by_id[visitor].titles or [None])[0], host.id: None}
            frames.append(Frame("visit", status, [visitor, host.id], roles, [span], trig, host=host.id))
    return frames


def arrival_verb(trig: Trigger) -> bool:
    """An Arabic verb of arrival ("وصل", "حطّ", "حلّ"): a visit only with the place arrived in (`visit_frames`)."""
    return bool(_AR_ARRIVAL_VERB.fullmatch(trig.text))


def _verb_subject(trig: Trigger, in_sent: list[tuple[Mention, Entity]], found: tuple[Entity, Mention],
                  ent_by_id: dict[str, Entity]) -> str | None:
    """The subject of an Arabic verb of visit or arrival: the first person between the verb and the place."""
    if not (_AR_VISIT_VERB.fullmatch(trig.text) or _AR_ARRIVAL_VERB.fullmatch(trig.text)):
        return None
    host, place = found
    return next((e.id for m, e in in_sent if e.kind == "person" and trig.end <= m.start < place.start
                 and not TITLE_RE.fullmatch(m.form) and not at_home(e, host, ent_by_id)), None)


def _listed_hosts(text: str, span: tuple[int, int], found: tuple[Entity, Mention], places: list[tuple[Mention, Entity]],
                  ent_by_id: dict[str, Entity], countries: dict[str, str]) -> list[Entity]:
    """The host and the states listed right after it: 'visits to South Africa, Angola and Eswatini', 'des
    visites en Afrique du Sud, en Angola et en Eswatini' (a city counts for its state)."""
    host, mention = found
    hosts, end = [host], mention.end
    for m, e in places:
        if m.start < end or not m.start < span[1]:
            continue
        state = host_of(e, ent_by_id, countries)
        if state is None or not _HOST_LIST_GAP.fullmatch(text, end, m.start):
            break
        hosts.append(state)
        end = m.end
    return list({h.id: h for h in hosts}.values())


def host_of(place: Entity, ent_by_id: dict[str, Entity], countries: dict[str, str]) -> Entity | None:
    """The host a place of a visit names: a state; a city's state when the document names that state, else the
    city itself ("en visite à Port-Lys", of a state the story never names); None for a place of no known country."""
    if place.kind == "state":
        return place
    country = place.country or countries.get(place.id)
    if not country:
        return None
    return next((e for e in ent_by_id.values() if e.kind == "state" and e.country == country), place)


def host_state(text: str, span: tuple[int, int], trig: Trigger, places: list[tuple[Mention, Entity]],
                ent_by_id: dict[str, Entity], countries: dict[str, str]) -> tuple[Entity, Mention] | None:
    """The state visited (and its mention): a state or city of the sentence after a locative or arrival word near the trigger."""
    best: tuple[int, Entity, Mention] | None = None
    for m, e in places:
        if not (span[0] <= m.start < span[1]):
            continue
        if e.kind == "state" and _capital_of(text, span, trig, m):
            found = (e, m)      # "arrivée dans la capitale algérienne", "à Nouakchott, la capitale mauritanienne"
            best = min(best or (abs(m.start - trig.start), *found), (abs(m.start - trig.start), *found), key=lambda b: b[0])
            continue
        if m.form[:1].islower():
            continue
        before = text[max(span[0], m.start - 40): m.start]
        opening = m.start < trig.start and bool(_OPENING_ARRIVAL.match(text, span[0], m.start))
        verb_object = _ar_verb_place(text, trig, m)
        if abs(m.start - trig.start) > _WINDOW and not opening and verb_object is None:
            continue        # far from the trigger: only the place of an opening "Arrivé au Caire, en Égypte, ..."
        if verb_object is False or not (opening or verb_object or _ARRIVAL.search(before) or (
                m.start >= trig.end and (LOCATIVE.search(before[-25:]) or _TOUR_STOPS.search(before)
                                         or _with_proclitic(m, e)))):
            continue        # before the trigger, only a place one arrives in: "landed in X ... for a visit"
        state = host_of(e, ent_by_id, countries)
        if state is None:
            continue
        distance = abs(m.start - trig.start)
        if best is None or distance < best[0]:
            best = (distance, state, m)
    return (best[1], best[2]) if best else None


#: an Arabic visit right before the body visited: "قام بزيارة إلى مركز ...", "زار مقر ..."
_AR_TO_BODY = re.compile(r"[ \t]+(?:(?:إلى|الى)[ \t]+)?")


def _host_body(text: str, trig: Trigger, in_sent: list[tuple[Mention, Entity]]) -> tuple[Entity, Mention] | None:
    """An organization visited where no state or city is: the one right after an Arabic visit noun and "إلى" or
    after a visit verb ("بزيارة إلى معهد فلان للدراسات": the centre is the host)."""
    if not is_arabic(trig.text) or not (_AR_VISIT_VERB.fullmatch(trig.text) or "زيار" in trig.text):
        return None
    gap = re.compile(r"[ \t]+(?:إلى|الى)[ \t]+") if "زيار" in trig.text else _AR_TO_BODY
    return next(((e, m) for m, e in in_sent if e.kind == "organization" and m.start > trig.end
                 and gap.fullmatch(text, trig.end, m.start)), None)


def _with_proclitic(m: Mention, e: Entity) -> bool:
    """An Arabic place written with its preposition attached: "للأردن", "بالرباط", "لمصر" (a visit to it, in it)."""
    return m.form.startswith(("لل", "بال")) or (m.form[:1] in "بل" and any(f == m.form[1:] for f in e.forms))


def _ar_verb_place(text: str, trig: Trigger, m: Mention) -> bool | None:
    """For an Arabic verb of visit or arrival and a place after it in its clause: True when the place is where
    the verb takes its subject (the object of "زار", a place after "إلى", "في" or "ب" for an arrival verb), False
    when it cannot be (a state's adjective, a place of another clause), None for any other trigger or place."""
    visit_verb, arrival_verb = _AR_VISIT_VERB.fullmatch(trig.text), _AR_ARRIVAL_VERB.fullmatch(trig.text)
    if not (visit_verb or arrival_verb) or m.start < trig.end or m.start - trig.end > _AR_VERB_WINDOW:
        return None
    gap = text[trig.end: m.start]
    if _SENTENCE_BREAK.search(gap) or (" " not in m.form and _AR_NISBA.fullmatch(m.form)):
        return False
    if arrival_verb:        # the subject's title and the time may be set off by commas: "، صباح اليوم،"
        return bool(LOCATIVE.search(text[max(trig.end, m.start - 25): m.start]))
    return not _CLAUSE_BREAK.search(gap)


#: "la capitale algérienne", "la capitale de la Malaisie", "the capital of Qatar", "the Qatari capital"
_CAPITAL_BEFORE = re.compile(r"\b(?:capitale\s+(?:(?:de\s+la|du|de\s+l['’]|d['’]|des)\s*)?|capital\s+of\s+(?:the\s+)?)$", re.I)
_CAPITAL_AFTER = re.compile(r"\s+capital\b")
_CAPITAL_TAIL = re.compile(r"(?:,\s+)?(?:the\s+|la\s+)?capitale?\b.*$", re.I | re.S)
#: where one arrives: the capital named after an arrival word, or after the visit trigger
_ARRIVAL_NEAR = re.compile(r"\b(?:arriv\w*|landed|reached|atterri\w*|rendue?s?|visit\w*|trip|voyage|séjourne\w*)\b[^.;]{0,60}$", re.I)


def _capital_of(text: str, span: tuple[int, int], trig: Trigger, m: Mention) -> bool:
    """A state named as the owner of the capital the visitor arrives in (after an arrival word or the trigger)."""
    before = text[max(span[0], m.start - 30): m.start]
    named = _CAPITAL_BEFORE.search(before) or (m.form[:1].isupper() and _CAPITAL_AFTER.match(text, m.end, span[1]))
    if not named or abs(m.start - trig.start) > _WINDOW:
        return False
    if m.start >= trig.end:     # "landed in Port Lys, the capital of X": the place the trigger is about, then its state
        between = _CAPITAL_TAIL.sub("", text[trig.end: m.start])
        return not re.search(r"[,;:]", between) and len(between.split()) <= 6
    return bool(_ARRIVAL_NEAR.search(text, max(span[0], m.start - 90), m.start))


def _visitor(text: str, span: tuple[int, int], trig: Trigger, in_sent: list[tuple[Mention, Entity]],
             last_subject: str | None, host: Entity, ent_by_id: dict[str, Entity], countries: dict[str, str]) -> str | None:
    """The person who makes the visit (see the module docstring), never one of the host state."""
    persons = [(m, e) for m, e in in_sent if e.kind == "person" and not at_home(e, host, ent_by_id, countries)]
    maker = next((e.id for m, e in persons if m.start >= trig.end and _PAID_AFTER.match(text, m.end)
                  and _THAT_BEFORE.match(text[trig.end: m.start])), None)
    paid = _AR_PAID_AFTER.match(text, trig.end, span[1])
    if maker is None and paid:     # "زيارة أداها وزير خارجية البلد X": the person after the verb
        maker = next((e.id for m, e in persons if m.start >= paid.end()), None)
    if maker is None and is_arabic(trig.text) and not _AR_DEFINITE.match(trig.text):
        # "زيارة فلان للرياض", "بزيارة الرئيس X لمصر": the name the visit noun is construct to makes it
        maker = next((e.id for m, e in persons if m.start >= trig.end and VISITOR_RIGHT_AFTER.fullmatch(text, trig.end, m.start)
                      and not TO_WHOM.search(text, trig.end, m.start)), None)
    if maker is not None:
        return maker
    before = [(m, e.id) for m, e in persons if m.end <= trig.start]
    before = [x for x in before if not _COMPLEMENT_OF_TITLE.search(text, max(span[0], x[0].start - 30), x[0].start)] or before
    relative = _RELATIVE.search(text, before[-1][0].end, trig.start) if before else None
    if relative and is_arabic(relative.group(0)) and len(text[before[-1][0].end: relative.start()].split()) > _AR_APPOSITION_WORDS:
        relative = None     # "X في زيارة إلى مدينة كذا، التي تمثل ...": an Arabic relative is its nearest noun's
    if relative:
        # "X, envoy of Y, who is on an official visit to Z": the relative clause tells the visit itself
        return before[-1][1] if _RELATIVE_VISIT.search(text, before[-1][0].end, trig.start) else None
    if len(before) >= 2 and _APPOSITION_OF.fullmatch(text, before[-2][0].end, before[-1][0].start) \
            and _APPOSITION_END.match(text, before[-1][0].end, trig.start):
        return before[-2][1]    # "X, conseiller de Y, s'est rendu à Z": X, not the one X advises
    if before:      # "his visit": the sentence's subject; else the one nearest the trigger ("Y, who is visiting")
        return before[0 if _POSSESSIVE.search(text[max(span[0], trig.start - 25): trig.start]) else -1][1]
    for m, e in persons:
        if m.start >= trig.end and (_BY.search(text[max(trig.end, m.start - 60): m.start])
                                    or _OF_AFTER.match(text, trig.end, m.start)):
            return e.id
    comma = text.find(",", trig.end, span[1])
    if comma >= 0 and OPENING_WORDS.fullmatch(text, span[0], trig.start):
        after = [e.id for m, e in persons if m.start > comma]
        if after:
            return after[0]     # the subject the opening phrase describes
    if reports_a_noun_subject(text, span[0], trig.start):
        return None     # "Elle a ajouté qu'une mission de X s'était rendue à Y": not the one who reports it
    if last_subject in ent_by_id and not at_home(ent_by_id[last_subject], host, ent_by_id, countries) and (
            _POSSESSIVE.search(text[max(span[0], trig.start - 25): trig.start])
            or (not persons and ent_by_id[last_subject].kind == "person" and (_PRONOUN_SUBJECT.search(text, trig.end, span[1])
                                                                              or _PRONOUN_OPENING.match(text, span[0], trig.start)))):
        # "his visit"; "At the end of a two-day visit to X, she said": the story's subject
        return last_subject
    return None


def visits_without_frame(text: str, span: tuple[int, int], triggers: list[Trigger], lang: str,
                         frames: list[Frame]) -> list[tuple[tuple[int, int], Trigger]]:
    """The sentence's visit triggers that happened and made none of `frames`: for `visits_beside_meetings`."""
    sentence = text[span[0]:span[1]]
    return [(span, t) for t in triggers if t.type == "visit" and not any(f.trigger == t for f in frames)
            and status_of(sentence, t.start - span[0], lang) == "occurred" and not arrival_verb(t)]


VISITOR_RIGHT_AFTER = re.compile(r"\s+(?:(?:of|by|de|du|des|d['’]|par)\s*)?(?:(?:the|le|la|l['’])\s*)?(?:[^\s,.;:،]+\s+)?", re.I)
TO_WHOM = re.compile(r"\b(?:to|in|à|au|aux|en|chez)\b|إلى|لدى", re.I)


def state_of(ent: Entity, ent_by_id: dict[str, Entity]) -> str | None:
    """The state an actor stands for: itself, its affiliation, or the state of its organization."""
    if ent.kind == "state":
        return ent.id
    body = ent_by_id.get(ent.affiliation or "")
    if body is None:
        return None
    if body.kind == "state":
        return body.id
    state = ent_by_id.get(body.affiliation or "")
    if state is not None and state.kind == "state":
        return state.id
    return next((e.id for e in ent_by_id.values() if e.kind == "state" and body.country and e.country == body.country), None)


#: what stands between a state's adjective and the name of its official: title words, no punctuation
_TITLE_GAP = re.compile(r"[^.,;:،؛()\n]{0,30}")


def _titled_of(text: str, span: tuple[int, int], visitor: Entity, host: Entity, in_sent: list[tuple[Mention, Entity]]) -> bool:
    """The visit sentence's title of the visitor names the host state right before the name ("Ruritanian President
    X", "الرئيس الروريتاني X", no other actor between): the visitor is of that state, whatever affiliation the
    mentions gave."""
    return any(span[0] <= h.end <= m.start < span[1] and _TITLE_GAP.fullmatch(text, h.end, m.start)
               and not any(h.end <= o.start < m.start for o, _ in in_sent)
               for m in visitor.mentions for h in host.mentions)


def at_home(visitor: Entity, host: Entity, ent_by_id: dict[str, Entity], countries: dict[str, str] | None = None) -> bool:
    """The visitor is of the host state or city (their affiliation is it, or one of its bodies)."""
    if visitor.affiliation is None:
        return False
    if visitor.affiliation == host.id:
        return True
    body = ent_by_id.get(visitor.affiliation)
    country = host.country or (countries or {}).get(host.id)
    return body is not None and (body.affiliation == host.id or (body.country is not None and body.country == country))


def venue_in_host(frame: Frame, location: Location | None, places: list[tuple[Mention, Entity]],
                  ent_by_id: dict[str, Entity], geocode: Callable[[str], Location | None], text: str) -> Location | None:
    """A visit to a state takes place in that state: a venue elsewhere (the dateline of the visitor's
    ministry, the visitor's capital) gives way to a place of the host state in the visit's sentences,
    else to the host state itself; so does a city of the host that the document never places anything
    in ("ALGIERS -" on a visit to Ruritania told only as "a visit to Ruritania" is a visit to Ruritania;
    "in Algiers" elsewhere keeps the city). Only for the visits whose host `visit_frames` found: a state
    party of another visit may be the visitor's own."""
    host = ent_by_id.get(frame.host or "")
    if frame.type != "visit" or host is None or not host.country:
        return location
    if location is not None and location.country == host.country and (
            location.lat is None or _told_with_locative(location, places, geocode, text)):
        return location
    for m, e in places:
        if e.kind == "place" and any(s <= m.start < t for s, t in frame.evidence):
            loc = geocode(e.name) or Location(e.name, e.country)
            if loc.country == host.country:     # a place entity's country is the gazetteer's
                return loc
    return geocode(host.name) or Location(host.name, host.country)


def _told_with_locative(city: Location, places: list[tuple[Mention, Entity]],
                        geocode: Callable[[str], Location | None], text: str) -> bool:
    """The document writes the city after a word that sets something in it ("in X", "à X", "وفي X", "trip
    to X"), as a place mention or under the city's own name."""
    for m, e in places:
        if written_as_setting(text, m.start):
            loc = geocode(e.name) or geocode(m.form)
            if loc is not None and loc.name == city.name:
                return True
    return any(written_as_setting(text, w.start()) for w in re.finditer(rf"\b{re.escape(city.name)}\b", text))


def visit_noun_ar(trig: Trigger) -> bool:
    """The Arabic noun of a visit ("زيارة X إلى Y", "الزيارة التي قام بها X"): it tells the visit alone; a meeting
    during it is told by a verb of its own ("التقى خلالها"), and the persons named around the noun (who welcomed it,
    who judged it) are not met by it."""
    return "زيار" in trig.text
