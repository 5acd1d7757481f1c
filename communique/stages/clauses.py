"""Clauses of a sentence around an event trigger: where its clause starts, a clause reported by a verb of
saying, an Arabic clause opened by "كما/ثم", object pronouns and agents ("received by"), a visit noun that refers
to the visit already told, the subject of a verb joined to its clause (a relative pronoun, ', and', 'while'), the
one an Arabic "، وهو من" refers to."""

from __future__ import annotations

import re

from ..records import Entity, Mention
from .triggers import Trigger

__all__ = ["clause_start", "named_before_he_who", "next_clause_verb", "object_pronoun", "opens_also_clause",
           "received_by", "relative_clause_end", "reported_clause", "subject_of_a_joined_verb", "told_again",
           "visit_told_before"]

#: a new clause: after '; ', ', but', ', mais', or ', and' with a lower-case inset ('..., and last week, in a call')
_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:but|while|whereas|mais|tandis\s+que|alors\s+que)\s|"
                           r",\s+(?:and|et)\s+(?!(?:his|her|its|their|the|an?|son|sa|ses|leur|leurs|le|la|les|un|une)\b)"
                           r"(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,3},\s")
#: an object pronoun: before the trigger in French ("Y l'a reçu"), after it in English ("Y received him")
_PRONOUN_BEFORE = re.compile(r"(?<![\w'’])(?:l'|l’|les\s+)(?:a|ont|avait|avaient)\s+$", re.I)
_PRONOUN_AFTER = re.compile(r"\s+(?:him|her)\b(?!\s+(?:own|\w+s)\b)", re.I)
# "he was received by A and by B", "il a été accueilli par A ainsi que par B": the story's subject met each of them
_BY_AGENT = re.compile(r"\s+(?:by|par)\s", re.I)
#: "X said that", "X a fait savoir que", "X indicated that": what follows is the reported clause
_REPORTED_THAT = re.compile(r"\b(?:said|says|stated|announced|indicated|reported|added|noted|confirmed|explained|"
                            r"a\s+(?:indiqué|déclaré|affirmé|annoncé|précisé|ajouté|souligné|expliqué|confirmé|rappelé)|"
                            r"a\s+fait\s+savoir|indique|déclare|affirme|annonce|précise|ajoute|souligne|explique)\s+"
                            r"(?:that|que|qu['’])\s*|"
                            # "قال X إن", "صرح X أمس بأن", "أوضح البيان أن": the verb, its subject, then the clause
                            r"(?<!\w)[وف]?(?:قال|أكد|صرح|أوضح|أفاد|ذكر|أشار|أعلن|كشف)(?:ت)?(?:[ \t]+[^\s.؛]+){0,10}?"
                            r"[ \t]+(?:ب|إلى[ \t]+)?[أإ]ن(?:ه|ها|هم|هما)?(?!\w)[ \t]*", re.I)
#: "During the visit, the minister was shown ...", "sa visite avait pour but ...": a visit noun with a definite or
#: possessive article and no destination after it refers to the visit the story tells; a state in its
#: sentence is not the host
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those|his|her|their|its|la|cette|ces|sa|ses|leur|leurs)\s+"
                              r"(?:[\w-]+\s+)?$|(?<!\w)(?:هذه|تلك)\s+$", re.I)      # "هذه الزيارة": this visit
#: ... a destination is a named place ("cette visite au Maroc"), not what the visits are part of ("ces visites de
#: proximité s'inscrivent dans la vision du président")
_DESTINATION_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:(?:to|in|à|au|aux|en|dans)\s+(?:(?:the|le|la|les|l['’])\s*)?"
                                r"(?-i:[A-ZÀ-ÝÉ])|(?:إلى|الى|في)\s)", re.I)
_ALSO_VERB = re.compile(r"(?:كما|ثم)\s+$")
_ALSO_HELD = re.compile(r"(?<!\S)(?:كما|ثم)\s+(?:عقد|عقدت|عقدا|أجرى|أجرت|أجريا)\s+$")
#: an Arabic visit noun with its article ("الغرض من الزيارة", "بالزيارة") is the visit told; not with a place
#: after it ("الزيارة التي أداها X إلى Y", "الزيارة لمصر")
_AR_DEFINITE = re.compile(r"[وفب]?ال|[وفبل]?زيارت(?:ه|ها|هما|هم)$")      # "في زيارته": his visit, told before
_AR_DESTINATION_AFTER = re.compile(r"(?:\s+[^\s.،,؛]+){0,6}?\s+(?:ل|إلى\s|الى\s|ب)", re.I)


def visit_told_before(text: str, trig: Trigger, s_start: int, s_end: int) -> bool:
    definite = _DEFINITE_BEFORE.search(text, max(s_start, trig.start - 30), trig.start) or _AR_DEFINITE.match(trig.text)
    return bool(definite) and not _DESTINATION_AFTER.match(text, trig.end, s_end) and \
        not _AR_DESTINATION_AFTER.match(text, trig.end, s_end)


def reported_clause(text: str, start: int, end: int) -> int | None:
    """Where the last clause reported by a verb of saying starts between start and end, if any."""
    found = None
    for m in _REPORTED_THAT.finditer(text, start, end):
        found = m.end()
    return found


#: a reported clause whose subject is a noun ("que cet entretien avait eu lieu", "qu'ensuite une mission s'était
#: rendue", "that the talks were held")
_NOUN_SUBJECT = re.compile(r"(?:(?:ensuite|alors|déjà|then|also)\s+)?(?:ce|cet|cette|ces|la|le|les|l['’]|un|une|des|this|"
                           r"these|the|an?)\s*(?-i:[a-zé])", re.I)


def reports_a_noun_subject(text: str, start: int, end: int) -> bool:
    """The last clause reported between start and end has a noun for its subject: whoever reports it is no party."""
    at = reported_clause(text, start, end)
    return at is not None and bool(_NOUN_SUBJECT.match(text, at))


def opens_also_clause(text: str, trig: Trigger) -> bool:
    """"كما التقى", "ثم اجتمع", "كما عقد جلسة عمل": an Arabic verb of meeting (or the noun of talks held) whose
    subject is the sentence's before it."""
    if trig.nominal:        # "كما عقد جلسة عمل مع", "ثم أجرى مباحثات مع": the noun of a verb of holding
        return bool(_ALSO_HELD.search(text, max(0, trig.start - 16), trig.start))
    return bool(_ALSO_VERB.search(text, max(0, trig.start - 10), trig.start))


def next_clause_verb(text: str, triggers: list[Trigger], trig: Trigger, lang: str) -> int:
    """Where the objects of an Arabic verb trigger end: at a later verb of meeting that opens a clause of its
    own ("التقى A وB، كما اجتمع بـC": C was met apart); elsewhere (and in other languages) the sentence's end."""
    if lang != "ar" or trig.nominal:
        return len(text)
    return next((t.start for t in triggers if t.start > trig.end and opens_also_clause(text, t)), len(text))


def clause_start(text: str, s_start: int, pos: int) -> int:
    """Where the clause of `pos` starts: after the last '; ' or ', and' / ', mais' before it ('The US has given aid,
    and last week, in a call with Y, Mr X promised': the US is no party of the call)."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, s_start, pos)]
    return starts[-1] if starts else s_start


def object_pronoun(text: str, trig: Trigger, s_start: int) -> bool:
    """'Y l'a reçu', 'Y received him': the one met is a person named before (see _PRONOUN_BEFORE)."""
    return trig.type in ("meet", "call") and bool(
        _PRONOUN_BEFORE.search(text, max(s_start, trig.start - 12), trig.start) or _PRONOUN_AFTER.match(text, trig.end))


def received_by(trig: Trigger, text: str) -> bool:
    """'was received by A and B': a meeting of the story's subject with each; 'signed by A and B': A and B sign."""
    return trig.type != "agreement" and bool(_BY_AGENT.match(text, trig.end))


#: "had met X in Vells in June and again in August", "s'était rendu à Lys en 2019 puis de nouveau en 2021": the
#: verb tells the same event twice, at two times
_AGAIN = re.compile(r"(?:,?\s+(?:and|then|et|puis)\s+(?:once\s+)?(?:again|more|de\s+nouveau|à\s+nouveau|encore)|"
                    r",?\s+(?:and|et)\s+(?:a\s+)?(?:second|seconde|deuxième)\s+time)\s+"
                    r"(?:in|on|last|the\s+following|en|le|au|l['’]|lors)\b", re.I)


def told_again(text: str, trig: Trigger, s_end: int) -> bool:
    """A verb trigger whose clause tells a second time of the same kind ("in June and again in August")."""
    if trig.nominal:
        return False
    cut = re.compile(r"[;:]|,\s+(?:but|while|mais|tandis)\s").search(text, trig.end, s_end)
    return bool(_AGAIN.search(text, trig.end, cut.start() if cut else s_end))


#: a relative clause set off by a comma: "Mr X, who as prime minister attended the summit, may travel to Y"
_RELATIVE_OPEN = re.compile(r",\s+(?:who|qui)\s[^,;:]*$", re.I)


def relative_clause_end(text: str, clause: int, trig: Trigger, s_end: int) -> int:
    """Where the objects of a trigger inside a relative clause set off by commas end: at the comma that closes it
    (Y above is no party of the summit); s_end for a trigger of a main clause."""
    if not _RELATIVE_OPEN.search(text, clause, trig.start):
        return s_end
    comma = text.find(",", trig.end, s_end)
    return comma if comma >= 0 else s_end


#: a relative pronoun right before the trigger ("A, which held talks with B", "A, who also met B")
_RELATIVE_SUBJECT = re.compile(r",\s+(?:which|who)\s+(?:(?:had|has|have|also|then|later|recently|previously|held|holds|"
                               r"hold)\s+)*$", re.I)
#: a verb coordinated after its first verb's objects, with no subject of its own
_COORDINATED_VERB = re.compile(r",\s+and\s+$", re.I)
#: a gerund after 'while', 'when': its subject is the subject of the main clause
_GERUND_OF_THE_SUBJECT = re.compile(r"\b(?:while|whilst|when|after|before|since)\s+$", re.I)


def subject_of_a_joined_verb(text: str, actors: list[tuple[Mention, Entity]], clause: int, s_start: int, trig: Trigger,
                             triggers: list[Trigger], parties: list[tuple[Mention, Entity]],
                             before: list[tuple[Mention, Entity]]) -> list[tuple[Mention, Entity]]:
    """The subject of a trigger joined to its clause by a relative pronoun, by ', and' after another verb's objects, or
    as a gerund after 'while' (English): the antecedent, the sentence's first subject, the main clause's subject."""
    relative = _RELATIVE_SUBJECT.search(text, max(clause, trig.start - 40), trig.start)
    antecedent = [p for p in actors if clause <= p[0].start and relative and p[0].end <= relative.start()]
    if antecedent:      # "the stance of A, which held meetings with B": the actor named before the pronoun
        return antecedent[-1:]
    first = min(triggers, key=lambda t: t.start)
    if not trig.nominal and first.start < trig.start and _COORDINATED_VERB.search(text, max(s_start, trig.start - 8),
                                                                                  trig.start):
        # "X held meetings with A; B; and C, and signed memorandums": the verb shares the sentence's first subject
        return [p for p in parties if p[0].end <= first.start][:1] or before
    if before and _GERUND_OF_THE_SUBJECT.search(text, max(clause, trig.start - 10), trig.start) \
            and re.match(r"\w+ing\b", trig.text):
        return before[:1]     # "X met his A and B counterparts while taking part in Z": X takes part, not A or B
    return before


#: "X، وهو من وقع ...", "X، وهي التي استقبلت ...": the verb after "he who" is X's
_HE_WHO_AR = re.compile(r"،\s*[وف]?(?:هو|هي)\s+(?:من|الذي|التي)\s+$")


def named_before_he_who(text: str, actors: list[tuple[Mention, Entity]], s_start: int,
                        trig: Trigger) -> list[tuple[Mention, Entity]]:
    """"... X، وهو من وقع الاتفاقية": X, the person named right before "، وهو من" (Arabic), is the verb's subject;
    [] when no "he who" opens the trigger's clause or no person ends right at its comma."""
    he_who = _HE_WHO_AR.search(text, max(s_start, trig.start - 20), trig.start)
    if he_who is None:
        return []
    return [p for p in actors if s_start <= p[0].start and p[0].end <= he_who.start()
            and p[1].kind == "person" and not text[p[0].end: he_who.start()].strip()]
