"""Parties: the actor mentions of a trigger sentence -> those that can be an event's parties.

The rules of the rule events (`stages.events`): an affiliation inside a person's title, a venue, a place
after a locative word, an organization completing a noun, "cooperation between A and B", a temporal clause
are no parties; an unnamed counterpart ("his Iranian counterpart") is the one person of that state the
story names. `party_rule_flags` names the same rules as features of the learned pair decision.
"""

from __future__ import annotations

import re

from ..lang import rows_all
from ..records import Entity, Mention
from ..textnorm import is_arabic
from .person_names import AR_NAME_LEAD
from .title_names import names_a_document
from .titles import TITLE_RE, TITLE_WORDS
from .venue import LOCATIVE as _LOCATIVE

__all__ = ["sentence_parties", "named_counterparts", "state_person", "offices_of", "before_relative_clause",
           "party_rule_flags", "EVENT_NAME", "VISIT_TO"]

# (and a news agency that closes a dateline: "(VNA) -", "/VNA/ ")
_NON_PARTY_AFTER = re.compile(r"^(?:\)\s*(?:--|[-–—:])|/\.?\s)|^\s*(?:reported|said|says|reports|stated|announced|a rapporté|rapporte|indique|"
                              r"a fait savoir|fait savoir|a annoncé|annonce|a précisé|précise|"
                              r"a indiqué|officials?|officers?|responsables?|experts?|charter|"
                              r"member|members|membres|countries|pays|states|session|website|headquarters)\b", re.I)
# "..., the ministry's spokesman X said.", "..., a déclaré X.": the speaker closing the sentence
_SPEAKER_AT_END = re.compile(r"\s*,?\s+(?:said|says|told\s+(?:\w+\s+){0,3}?\w+|added|noted|explained|a\s+(?:indiqué|déclaré|précisé|"
                             r"ajouté|souligné|expliqué)|indique|déclare|précise)(?:\s+(?:on\s+\w+|lundi|mardi|mercredi|jeudi|"
                             r"vendredi|samedi|dimanche))?\s*[.!][\"»”’]?(?=\s|$)", re.I)
#: "..., a indiqué la porte-parole X.", "..., said spokesman X.": the speaker after an inverted verb ends the sentence
_SPEAKER_INVERTED = re.compile(r",\s+(?:a\s+(?:indiqué|déclaré|précisé|ajouté|souligné|expliqué)|indique|déclare|précise|"
                               r"said|says|added)\s+(?:le\s+|la\s+|l['’]|the\s+)?(?:[\w'’-]+\s+){0,5}$", re.I)
#: a source in square brackets after a picture's caption: "[Reuters]", "[Twitter/QNA]"
_CREDIT = re.compile(r"\s*(?:[/,]\s*[\w .-]{1,30})?\]")
#: the signature of an embedded social media post: "— Foreign Ministry (@account) April 14, 2024"
_POST_SIGNED = re.compile(r"[^\w(@]{0,8}\(@\w+\)")
_DASH_BEFORE = re.compile(r"[—–]\s*$")
_SENTENCE_END_AFTER = re.compile(r"\s*[.!][\"»”’]?(?=\s|$)")
# "Travelling straight from Saudi Arabia, X reached ...", "venant du Caire": where the traveller comes from
_ORIGIN_BEFORE = re.compile(r"\b(?:travel\w*|coming|arriving|arrived|flew|flying|returning|returned|venant|venue?s?|"
                            r"arrivée?s?|en\s+provenance|revenant|de\s+retour)\s+(?:\w+\s+)?(?:from|de|du|des|d['’])\s+"
                            r"(?:the\s+|la\s+|le\s+|l['’])?$", re.I)
_NON_PARTY_BEFORE = re.compile(r"(?:sidelines of|marge de|margin of|siège de|headquarters of|session of|session de|"
                               r"members of|membres de|on behalf of|au nom de|selon|according to|statement from|"
                               r"bien|comme)\s+(?:the\s+|la\s+|le\s+|l'|l’|de la\s+|du\s+)?$|(?:مقر|مقره|مقرها|وفقا ل|بحسب)\s*$|"
                               r"(?<!\S)(?:بيان|باسم|[وف]?(?:نقلت|ذكرت|أفادت|أوضحت|أعلنت|قالت))\s+$", re.I)
# "la 73ème session de l'assemblée générale des Nations-Unies": an organization completing a common noun
_NOUN_COMPLEMENT = re.compile(r"(?<![\w'’])(?!(?:rencontre|réunion|meeting|visit|visite|coopération|cooperation|"
                              r"entretiens?|talks|relations|partenariat)\b)[a-zàâçéèêëîïôûù]{4,}\s+(?:de|des|du|of)\s+"
                              r"(?:la\s+|l'|l’|the\s+)?$")
EVENT_NAME = re.compile(r"\b(?:Show|Exhibition|Expo|Salon|Fair|Festival|Games|Cup|Olympics|Week)\b")
def _named_event_or_text(e: Entity) -> bool:
    """An organization named as an event ('World Defense Show') or a text ('Treaty of Friendship')."""
    return e.kind == "organization" and any(EVENT_NAME.search(f) or names_a_document(f, "en")
                                            or names_a_document(f, "fr") for f in e.forms)
_RELATION_BETWEEN = re.compile(
    r"\b(?:cooperation|coopération|relations|partnership|partenariat|ties|liens|échanges?|exchanges?|"
    r"collaboration|coordination|العلاقات|التعاون|الشراكة)(?:\s+[\w'’-]+){0,4}?\s+(?:between|entre|بين)(?:\s+[\w'’-]+){0,6}?\s*$|"
    r"(?:between|entre)\s+(?:the\s+|la\s+|le\s+|l'|l’)?[^.;:]{0,40}\b(?:and|et)\s+(?:the\s+|la\s+|le\s+|l'|l’)?$", re.I)
#: "signed between A and B", "talks between A and B", "accord conclu entre A et B": the act's own parties follow
#: its "between" (a relation noun before the act does not make them bystanders)
_ACT_BEFORE_BETWEEN = re.compile(
    r"\b(?:sign\w*|inked|concluded|talks|meetings?|(?:phone\s+)?calls?|agreements?|accords?|deals?|pacts?|treat(?:y|ies)|"
    r"m[ée]moran\w*|MoUs?|protocol\w*|conventions?|conclue?s?|pass[ée]e?s?|entretiens?|réunions?|rencontres?|"
    r"pourparlers|discussions)\s+(?:(?:at|in|à|au|en)\s+)?(?:[\w'’-]+\s+){0,6}?(?:between|entre)\s", re.I)


def _bystanders_between(text: str, pos: int) -> bool:
    """'cooperation between A and B': A and B are what the relation is about, not who met; unless the
    'between' follows an act ('signed between A and B', 'talks in Z between A and B')."""
    if _RELATION_BETWEEN.search(text[max(0, pos - 60): pos]) is None:
        return False
    window = text[max(0, pos - 110): pos]
    last = max((m.start() for m in re.finditer(r"\b(?:between|entre)\s", window, re.I)), default=None)
    return last is None or not _ACT_BEFORE_BETWEEN.search(window[: last + 8])


# "visited", "arrived in", and a visit noun with its qualifiers: "official visit to", "visite de travail au",
# "زيارة رسمية إلى"
VISIT_TO = re.compile(r"(?:(?:came|come|comes|arrived|arrives|visit\w*|trip|travel\w*|rend\w*|arrivé\w*|يزور|زار|زيارة)"
                      r"\s+(?:to|in|à|au|aux|en|إلى|الى)?|(?:visit|visite|trip|voyage|tour(?:née)?|زيارة)"
                      r"(?:\s+(?:[\w'’-]+)){1,3}?\s+(?:to|in|à|au|aux|en|إلى|الى|لـ?))\s*(?:the\s+)?$", re.I)
_VENUE_WORDS = re.compile(r"\b(?:House|Palace|Hall|Building|Palais|Hôtel|Hotel|Headquarters|Residence|Résidence)\b")
_TEMPORAL_CLAUSE = re.compile(r"\b(?:before|after|avant|après|prior to|following)\s+(?:his|her|their|its|sa|son|leur|the|la|le)\s+"
                              r"(?:meeting|visit|talks|call|réunion|rencontre|entretien|visite)\s+(?:with|avec)\s+"
                              r"(?:[\w.'’-]+\s+){0,3}$", re.I)
# "at the head of a delegation that included A, B and C", "accompagné de A et de B": the members of a delegation
# stand with the one who leads it, they are no counterparts
_COMPANIONS = re.compile(r"\b(?:accompanied\s+by|joined\s+by|delegation\s+(?:that\s+)?(?:included|includes|including|"
                         r"comprising|made\s+up\s+of)|accompagn[ée]\w*\s+(?:de|d'|d’|par)|entour[ée]\w*\s+de|"
                         r"délégation\s+(?:comprenant|composée\s+d[e'’]))"
                         r"(?:[^.;:,]|,\s*(?=(?-i:[A-Z])|(?:and|et|ainsi|du|de|des|d'|d’|la|le|les|the|of)\b)){0,220}$", re.I)
# "handed over a letter from President X", "remettre ce message du président X": the sender is not in the room
# (the name may follow its title after a comma: "du Président de la République, Son Excellence X")
_SENDER = re.compile(r"\b(?:letters?|messages?|invitations?|greetings|condolences|lettres?|salutations|condoléances)"
                     r"\s+(?:[\w'’-]+\s+){0,3}?(?:from|de|du|d'|d’)\s*(?:the\s+|le\s+|la\s+|l'|l’)?(?:[\w'’.-]+\s+){0,4}"
                     r"(?:[\w'’.-]+,\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3})?$|"
                     # "سلّم رسالة من الملك X إلى ...", "رسالة إلى الرئيس Y من الأمير X"
                     r"(?<!\S)[وب]?(?:ال)?(?:رسالة|رسائل|تحيات|تهاني|دعوة)(?:\s+[^\s.؛]+){0,6}?\s+من\s+(?:[^\s.،,؛]+\s+){0,4}$",
                     re.I)
#: "after the death of X", "après le décès, le 2 mai, de X", "the late X": the one mourned is no party
_DECEASED = re.compile(r"(?:\b(?:death|passing|funeral|décès|disparition|obsèques|funérailles)\b[^.;:]{0,40}?"
                       r"(?:\bof|\bde|\bdu|\bd['’])\s*(?:the\s+|le\s+|la\s+|l['’])?(?:late\s+|feu\s+|regretté\s+)?|"
                       r"\bthe\s+late\s+|\b(?:feu|défunt|regretté)\s+)(?:[\w'’.-]+,?\s+){0,5}$|"
                       # "وفاة والده الرئيس X", "الرئيس الراحل X", "إثر مقتل X"
                       r"(?<!\w)(?:[وبل]?(?:وفاة|رحيل|مقتل|اغتيال|تأبين|جنازة)|(?:ال)?(?:راحل|مرحوم|فقيد)(?:ة)?)"
                       r"(?:\s+[^\s.،,؛]+){0,4}\s*[\"“«]?$", re.I)
# "chargé d'une mission spéciale par le Président X", "instructed by President X": who sends the envoy stays home
_SENDER_OF_ENVOY = re.compile(r"\b(?:charg[ée]e?\s+d['’]une\s+mission\s+(?:\w+\s+)?|mandat[ée]e?\s+|dépêch[ée]e?\s+|"
                              r"instructed\s+|dispatched\s+|sent\s+)(?:by|par)\s+(?:the\s+|le\s+|la\s+|l['’])?"
                              r"(?:[\w'’.-]+,?\s+){0,6}$", re.I)
#: "his Xlandian counterpart", "his Xlandian and Ylandian counterparts" (each state of the list)
_COUNTERPART_AFTER = re.compile(r"(?:\s*(?:,|\band\b)\s*(?-i:[A-Z])[\w'’-]+){0,4}\s+(?:counterparts?|homologues?|peers?)\b", re.I)
#: "son homologue xlandais", "ses homologues xlandais et ylandais"
_COUNTERPART_BEFORE = re.compile(r"\b(?:homologues?)\s+(?:[\w'’-]+\s*(?:,|\bet\b)\s*){0,4}$", re.I)
# Arabic: a title or "نظيره" and its complement words with the article right before a demonym: "نظيره الروسي",
# "وزير الخارجية الكويتي", "رئيس الحكومة الإسباني" -- the person who holds it, where no name follows
_AR_APPOSITION = re.compile(r"[\s،,\"«“]*")
_AR_TITLE_BEFORE = re.compile(r"(?<!\S)(?P<lead>" + AR_NAME_LEAD.pattern + r")(?:\s+(?:[وفبلك]?ال|لل)\S+){0,2}\s+$")
# an Arabic body right after a title, before the name it is the function of: "رئيس المجلس الفلاني محمد"
_AR_TITLE_RIGHT_BEFORE = re.compile(r"(?<![\w-])[وف]?[بل]?(?:" + "|".join(re.escape(t) for t in TITLE_WORDS if re.search(
    "[\u0600-\u06ff]", t)) + r")\s+$")
_TITLE_BREAK = re.compile(r"[,.;:()]|\b(?:and|et|with|avec|to|à|met|a|has|had|was|is)\b", re.I)


def named_counterparts(text: str, parties: list[tuple[Mention, Entity]],
                       ent_by_id: dict[str, Entity]) -> list[tuple[Mention, Entity]]:
    """'met his Iranian counterpart', 'son homologue iranien', 'un appel du ministre iranien des Affaires
    étrangères': the counterpart, or the unnamed holder of a title, is the one person of that state the
    document names (of several, the one of the office of a person of the sentence); otherwise the state
    itself stays the party."""
    out = []
    person_mentions = [pm for p in ent_by_id.values() if p.kind == "person" for pm in p.mentions]
    person_starts = {pm.start for pm in person_mentions}
    state_starts = {m.start for m, e in parties if e.kind == "state"}
    for m, e in parties:
        held = _unnamed_title_holder(text, m, person_mentions, state_starts) if e.kind == "state" else None
        if e.kind == "state" and (_COUNTERPART_AFTER.match(text, m.end) or _COUNTERPART_BEFORE.search(text, 0, m.start)):
            others = [pe for _, pe in parties if pe.kind == "person" and pe.affiliation != e.id]
            e = state_person(text, e, ent_by_id, offices_of(others)) or e
        elif held is not None:
            holder = state_person(text, e, ent_by_id, held)
            if holder is not None and not (held and offices_of([holder]) and not offices_of([holder]) & held):
                e = holder      # not "the Russian foreign minister" for the one Russian named, its president
        elif e.kind == "state" and (lead := _AR_TITLE_BEFORE.search(text, max(0, m.start - 60), m.start)) \
                and _AR_APPOSITION.match(text, m.end).end() not in person_starts:
            e = _arabic_title_holder(text, e, lead.group("lead"), ent_by_id) or e
        out.append((m, e))
    return out


def state_person(text: str, state: Entity, ent_by_id: dict[str, Entity],
                 offices: frozenset[str] = frozenset()) -> Entity | None:
    """The one person of a state that the document names (by affiliation or title), if exactly one; of
    several, the one who holds one of `offices` ('his counterpart': the same office as his), if one."""
    persons = [p for p in ent_by_id.values() if p.kind == "person" and
               (_of_state(p, state, ent_by_id) or _titled_by(text, p, state))]
    if len(persons) > 1 and offices:
        persons = [p for p in persons if offices_of([p]) & offices] or persons
    return persons[0] if len(persons) == 1 else None


def _of_state(person: Entity, state: Entity, ent_by_id: dict[str, Entity]) -> bool:
    """The person's affiliation is the state, or a body of it ('Ministry of Foreign Affairs of Sylvania')."""
    if person.affiliation == state.id:
        return True
    body = ent_by_id.get(person.affiliation or "")
    return body is not None and body.kind == "organization" and (body.affiliation == state.id or any(
        re.search(r"\b" + re.escape(form) + r"\b", bf) for form in state.forms for bf in body.forms))


_COUNTERPART_WORD = re.compile(r"counterparts?|homologues?|peers?", re.I)


#: informal names of an office: "top diplomat" is the foreign minister
_OFFICE_NAMES = dict(rows_all("office_names.tsv"))


def _office(title_word: str) -> str:
    """A title word as an office: lower case, singular, its informal name read as the office it names."""
    word = re.sub(r"s$", "", title_word.lower())
    return _OFFICE_NAMES.get(word, word)


def offices_of(persons: list[Entity]) -> frozenset[str]:
    """The title words the persons' titles hold, lower case and singular ('Foreign Ministers' -> 'foreign minister')."""
    return frozenset(_office(t.group(0)) for p in persons for title in p.titles
                     for t in TITLE_RE.finditer(title) if not _COUNTERPART_WORD.fullmatch(t.group(0)))


#: the words a title holds around its state: 'the Iranian foreign minister', 'le ministre iranien des Affaires
#: étrangères'; what follows must not be a name ('le président sylvanien Karim Al-Masri' names him)
_TITLE_COMPLEMENT = re.compile(r"(?:\s+(?:(?:of|for|de|des|du|la|le|the|and|et|affaires|étrangères|"
                               r"(?-i:[A-Z])[\w'’-]*)(?![\w'’-])|d['’]|l['’]))*(?:\s*,\s*)?", re.I)

#: between a state and the title after it: 'Iranian foreign minister', "Uganda's Minister of State", "a French
#: parliamentary delegation" (the one who leads it)
_STATE_TO_TITLE = re.compile(r"(?:['’]s)?\s+(?=\w)")
_TITLE_BEFORE = re.compile(r"(?:" + TITLE_RE.pattern + r")\s+$", re.I)
#: "the foreign ministers of Xland, Yland and Zland met", "the Ambassador of Xland": a title whose state follows "of"
_TITLE_OF_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in TITLE_WORDS if not is_arabic(t)) + r")s?\s+of\s+"
                              r"(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*(?:,|\band\b)\s*(?:the\s+)?){0,4}$", re.I)
_LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b)\s*(?:the\s+)?", re.I)
_LIST_ITEM_END = re.compile(r"[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]*)*(?=\s*(?:,|\band\b|\s(?:met|held|signed|agreed)\b))", re.I)


def _title_of_state(text: str, m: Mention, state_starts: set[int]) -> re.Match[str] | None:
    """'the Ambassador of Xland', 'the foreign ministers of Xland, Yland and Zland' (a plural only over a list of
    states, one holder each; not 'the military chiefs of Xland')."""
    found = _TITLE_OF_BEFORE.search(text, max(0, m.start - 80), m.start)
    if found is None:
        return None
    head, _, states = found.group(0).partition(" of ")
    plural = head.lower().endswith("s") and not TITLE_RE.fullmatch(head)
    listed = bool(re.search(r",|\band\b", states)) or any(
        _LIST_GOES_ON.fullmatch(text, m.end, start) and _LIST_ITEM_END.match(text, start) for start in state_starts if start > m.end)
    return found if not plural or listed else None


_DELEGATION_AFTER = re.compile(r"(?:[\w-]+\s+)?delegations?\b", re.I)
_DELEGATION_BEFORE = re.compile(r"\b(?:delegations?|délégations?)\s+(?:[\w-]+\s+)?(?:(?:from|of|de|du|des|d['’])\s*)?"
                                r"(?:the\s+|la\s+|le\s+|l['’])?$", re.I)


def _unnamed_title_holder(text: str, m: Mention, person_mentions: list[Mention],
                          state_starts: set[int] = frozenset()) -> frozenset[str] | None:  # type: ignore[assignment]
    """A state adjective or name inside a title that no name follows: 'the Iranian foreign minister',
    'du ministre iranien des Affaires étrangères', 'le président égyptien'; not 'X, Sylvanian Foreign Minister'.
    The office the title names ({'foreign minister'}; empty for a delegation), or None."""
    gap = _STATE_TO_TITLE.match(text, m.end)
    title_after = (TITLE_RE.match(text, gap.end()) or _DELEGATION_AFTER.match(text, gap.end())) if gap else None
    title_before = (m.form[:1].islower() and _TITLE_BEFORE.search(text, max(0, m.start - 40), m.start)) or \
        _DELEGATION_BEFORE.search(text, max(0, m.start - 40), m.start) or _title_of_state(text, m, state_starts)
    if title_after is None and not title_before:
        return None
    end = _TITLE_COMPLEMENT.match(text, title_after.end() if title_after else m.end).end()
    named_before = any(m.start - 4 <= p.end <= m.start and text[p.end: m.start].strip() == ","
                       for p in person_mentions)
    if named_before or any(m.end < p.start <= end for p in person_mentions):
        return None
    title = (title_after or title_before).group(0)      # type: ignore[union-attr]
    return frozenset(_office(t.group(0)) for t in TITLE_RE.finditer(title))


def _arabic_title_holder(text: str, state: Entity, lead: str, ent_by_id: dict[str, Entity]) -> Entity | None:
    """'نظيره الروسي', 'وزير الخارجية الكويتي' without a name: the one person of that state the story
    names (of several, the one whose titles hold the title word)."""
    persons = [p for p in ent_by_id.values() if p.kind == "person" and
               (_of_state(p, state, ent_by_id) or _titled_by(text, p, state) and not _of_another_state(p, state, ent_by_id))]
    word = re.sub(r"^[وفبلك]{0,2}(?:ال)?", "", lead)
    if len(persons) > 1:
        persons = [p for p in persons if any(word in t for t in p.titles)]
    elif persons and persons[0].titles and not word.startswith("نظير") and not any(word in t for t in persons[0].titles):
        return None     # "رئيس الحكومة الإسباني" is not the one Spaniard named, a minister
    return persons[0] if len(persons) == 1 else None


def _of_another_state(person: Entity, state: Entity, ent_by_id: dict[str, Entity]) -> bool:
    """The person's affiliation is a state other than `state` ("وزير الخارجية القطري نظيره التركي X": X is Turkish)."""
    aff = ent_by_id.get(person.affiliation or "")
    return aff is not None and aff.kind == "state" and aff.id != state.id


def _titled_by(text: str, person: Entity, state: Entity) -> bool:
    """A mention of the person follows a mention of the state in one title: 'Iranian Foreign Minister X',
    'his Iranian counterpart, X', 'son homologue iranien, X'."""
    return any(0 <= pm.start - sm.end <= 45 and (not _TITLE_BREAK.search(text[sm.end: pm.start]) or _COUNTERPART_NAMED.fullmatch(
        text, sm.end, pm.start) and (_COUNTERPART_AFTER.match(text, sm.end) or _COUNTERPART_BEFORE.search(text, 0, sm.start)))
               for pm in person.mentions for sm in state.mentions)


#: the name after 'his Iranian counterpart' or 'son homologue iranien', set off by a comma
_COUNTERPART_NAMED = re.compile(r"(?:\s+(?:counterparts?|homologues?|peers?))?\s*,\s*(?:(?:Mr|Mrs|Ms|Dr|M|Mme)\.?\s+)?", re.I)


def _speaks_at_the_end(text: str, m: Mention) -> bool:
    """The person who closes the sentence as its speaker: '..., X said.', '..., a indiqué X.'"""
    return bool(_SPEAKER_AT_END.match(text, m.end)) or (
        bool(_SENTENCE_END_AFTER.match(text, m.end)) and bool(_SPEAKER_INVERTED.search(text, max(0, m.start - 80), m.start)))


def _sends_the_envoy(text: str, m: Mention, in_sent: list[tuple[Mention, Entity]]) -> bool:
    """'chargé d'une mission par le Président de la République, X': X sent the envoy; not 'sent by X, Y met Z'
    (a person between the cue and the mention: the mention is the envoy)."""
    cue = _SENDER_OF_ENVOY.search(text, max(0, m.start - 90), m.start)
    return cue is not None and not any(pe.kind == "person" and cue.start() <= pm.start < m.start for pm, pe in in_sent)


def sentence_parties(text: str, in_sent: list[tuple[Mention, Entity]],
                     ent_by_id: dict[str, Entity]) -> list[tuple[Mention, Entity]]:
    """Actor mentions that can be parties: not an affiliation inside a person's title, not a venue."""
    persons = [e for _, e in in_sent if e.kind == "person"]
    affiliations = {e.affiliation for e in persons if e.affiliation}
    inside_titles = set()
    for m, e in in_sent:
        if e.kind == "person":
            continue
        for pm, pe in in_sent:
            if pe.kind == "person" and pm.start <= m.start and m.end <= pm.end:
                inside_titles.add((m.start, m.end))
    out = []
    for m, e in in_sent:
        if _named_event_or_text(e):
            continue        # "World Defense Show": an event or a venue, not an actor
        if e.kind != "person":
            if e.id in affiliations or (m.start, m.end) in inside_titles:
                continue
            if _NON_PARTY_AFTER.match(text[m.end: m.end + 20]) or _NON_PARTY_BEFORE.search(text[max(0, m.start - 40): m.start]):
                continue
            if _ORIGIN_BEFORE.search(text, max(0, m.start - 45), m.start):
                continue        # where a traveller comes from is no party
            if _CREDIT.match(text, m.end) and "[" in text[max(0, m.start - 3): m.start]:
                continue        # "[Twitter/QNA]": a picture's credit
            if _POST_SIGNED.match(text, m.end) and _DASH_BEFORE.search(text, max(0, m.start - 4), m.start):
                continue        # "— Foreign Ministry (@account) April 14": who posted an embedded post
            before = text[max(0, m.start - 40): m.start]
            if _LOCATIVE.search(before[-25:]) and e.kind == "state" and not VISIT_TO.search(before):
                continue
            if e.kind == "organization" and _VENUE_WORDS.search(" ".join(e.forms)):
                continue
            if TITLE_RE.match(text, m.end + 1) and text[m.end: m.end + 1] == " ":
                continue        # "former Army Chief X": part of a title, not a party
            if _NOUN_COMPLEMENT.search(text[max(0, m.start - 40): m.start]):
                continue
            if e.kind == "organization" and _titles_a_person(text, m, in_sent):
                continue
        if _TEMPORAL_CLAUSE.search(text[max(0, m.start - 60): m.start]):
            continue            # "Before his meeting with Premier Khan, ..."
        if e.kind == "person" and _speaks_at_the_end(text, m):
            continue            # "..., Foreign Ministry spokesman X said.": who tells it
        if _COMPANIONS.search(text, max(0, m.start - 260), m.start):
            continue            # "a delegation that included Energy Minister X"
        if _SENDER.search(text, max(0, m.start - 110), m.start) or _sends_the_envoy(text, m, in_sent):
            continue            # "a letter from President X"
        if e.kind == "person" and _DECEASED.search(text, max(0, m.start - 110), m.start):
            continue            # "condolences on the death of X"
        if e.kind == "person" and _place_read_as_person(text, m, e):
            continue            # "met X in Kyiv": a city the name finder took for a person
        if e.kind == "person" and _POSSESSOR.match(text, m.end):
            continue            # "X's wife", "after X's character": the one X's noun names is meant, not X
        if _bystanders_between(text, m.start):
            continue            # "cooperation between Malaysia and Saudi Arabia": not who met
            if e.kind == "state" and m.form[:1].islower():
                continue
        out.append((m, e))
    return out


#: a person's relative or staff after "'s": "X's wife", "after X's character" (the one the noun names is meant)
_POSSESSOR = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:wife|husband|son|daughter|father|mother|brother|sister|family|widow|"
                        r"children|character|spokes(?:man|woman|person)|advis[eo]r|aides?|lawyers?|predecessor|"
                        r"successor|bodyguards?)\b", re.I)
_IN_BEFORE = re.compile(r"(?<![\w'’])(?:in|en)\s+$", re.I)   # not "à": "a dit à X"


def _place_read_as_person(text: str, m: Mention, e: Entity) -> bool:
    """A one-word 'person' without a title right after 'in', 'en': a place ('met X in Kyiv'), not 'in X's office'."""
    return not e.titles and " " not in m.form and bool(_IN_BEFORE.search(text, max(0, m.start - 6), m.start)) \
        and not re.match(r"['’]s?\b", text[m.end: m.end + 2])


def _titles_a_person(text: str, m: Mention, in_sent: list[tuple[Mention, Entity]]) -> bool:
    """An Arabic body named right after a title, with a person named in the sentence: the body of a person's
    function ("رئيس المجلس الفلاني محمد", "مع رئيس المجلس الفلاني"), not a party of its own."""
    return bool(_AR_TITLE_RIGHT_BEFORE.search(text, max(0, m.start - 40), m.start)) and any(
        e.kind == "person" for _, e in in_sent)


def party_rule_flags(text: str, m: Mention, e: Entity, in_sent: list[tuple[Mention, Entity]],
                     ent_by_id: dict[str, Entity]) -> list[str]:
    """The party rules of `sentence_parties` that speak against one actor mention, by name: features of
    the learned pair decision (stages.pairs), where the rules no longer decide alone."""
    flags = []
    before = text[max(0, m.start - 60): m.start]
    if _named_event_or_text(e):
        flags.append("event_name")
    if e.kind != "person":
        affiliations = {pe.affiliation for _, pe in in_sent if pe.kind == "person" and pe.affiliation}
        if e.id in affiliations:
            flags.append("affiliation")
        if any(pe.kind == "person" and pm.start <= m.start and m.end <= pm.end for pm, pe in in_sent):
            flags.append("inside_title")
        if _NON_PARTY_AFTER.match(text[m.end: m.end + 20]):
            flags.append("non_party_after")
        if _NON_PARTY_BEFORE.search(before[-40:]):
            flags.append("non_party_before")
        if _ORIGIN_BEFORE.search(before[-45:]):
            flags.append("origin")
        if _CREDIT.match(text, m.end) and "[" in text[max(0, m.start - 3): m.start]:
            flags.append("credit")
        if _LOCATIVE.search(before[-25:]):
            flags.append("locative_visit" if VISIT_TO.search(before[-40:]) else "locative")
        if e.kind == "organization" and _VENUE_WORDS.search(" ".join(e.forms)):
            flags.append("venue_words")
        if TITLE_RE.match(text, m.end + 1) and text[m.end: m.end + 1] == " ":
            flags.append("before_title")
        if _NOUN_COMPLEMENT.search(before[-40:]):
            flags.append("noun_complement")
        if e.kind == "state" and m.form[:1].islower():
            flags.append("adjective")
    if _TEMPORAL_CLAUSE.search(before):
        flags.append("temporal_clause")
    if e.kind == "person" and _speaks_at_the_end(text, m):
        flags.append("speaker_at_end")
    if _COMPANIONS.search(text, max(0, m.start - 260), m.start):
        flags.append("companion")
    if _SENDER.search(text, max(0, m.start - 110), m.start) or _sends_the_envoy(text, m, in_sent):
        flags.append("sender")
    if e.kind == "person" and _DECEASED.search(text, max(0, m.start - 110), m.start):
        flags.append("deceased")
    if _bystanders_between(text, m.start):
        flags.append("relation_between")
    if e.kind == "person" and _place_read_as_person(text, m, e):
        flags.append("place_as_person")
    return flags


#: a relative clause after the one met: ", à qui il a transmis ...", "la guerre que mène X", ", which Y ..."
_RELATIVE = re.compile(r"(?:,\s+(?:à\s+qui|auquel|à\s+laquelle|lequel|laquelle|dont|où|who|whom|whose|which|where)|"
                       r"(?<!ainsi\s)(?<!même\s)(?<!tandis\s)(?<!alors\s)(?<!bien\s)(?<!plus\s)(?<!moins\s)(?<!ce\s)"
                       r"\b(?:que|qu['’]|which|whom))\s*", re.I)
_CLEFT = re.compile(r"\b(?:c['’]est|c['’]était|ce\s+sont|it\s+(?:is|was))\b", re.I)


def before_relative_clause(text: str, s_start: int, after: list[tuple[Mention, Entity]]) -> list[tuple[Mention, Entity]]:
    """The objects of a trigger up to a relative clause opened after the first of them: the persons the
    clause names ('... à qui il a transmis les voeux du président X') took no part in the event; but
    'C'est lors d'une visite à A que B ...' (a cleft) names the subject after its 'que'."""
    if len(after) < 2:
        return after
    rel = _RELATIVE.search(text, after[0][0].end, after[-1][0].start)
    if rel is None or _CLEFT.search(text, s_start, rel.start()):
        return after
    return [p for p in after if p[0].start < rel.start()]
