"""Casualty and prisoner tallies: who was killed, hurt, held or moved, how many, by whom, says who.

One row per counted phrase of people that a cue ties to a SPEC category (see
``extract.people`` for the phrases, ``extract.cues`` for the categories). The figures
come from the convention table in ``lexicon/quantities.yml``; a phrase without a figure
keeps ``best`` empty. The status follows the words around the count (negation → denied,
a deal → agreed, a demand → demanded) and, once claims are extracted, whose word it is:
a count inside a claim's content is ``claimed`` by that speaker, otherwise the outlet
``reported`` it. Toll updates ("the death toll rose to 19 from 12") record the figure
they revise. A sentence whose words hold no category word of the lexicons is skipped before
any of this (``extract.tally_gates``), and so is each step whose trigger words are absent.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache, cached_property

from conflictbook.actors import countries_in, find_actors
from conflictbook.article import Article, Sentence
from conflictbook.extract.agents import agent, attack_verbs, attacker, attributed_to, clause_start, speaker_kill
from conflictbook.extract.casualty_terms import grammar, terms
from conflictbook.extract.cues import Cue, find_cues, pronoun_objects
from conflictbook.extract.dates import FUTURE_RE
from conflictbook.extract.people import PeoplePhrase, people_phrases
from conflictbook.extract.quantities import find_quantities, number_value
from conflictbook.extract.speakers import plural
from conflictbook.extract.tally_days import StoryDays
from conflictbook.extract.tally_gates import gate_words, gates
from conflictbook.extract.tally_sources import (
    Spoken,
    reproduced_statements,
    said_after,
    said_before,
    subject_before,
    without_asides,
)
from conflictbook.lexicon import load
from conflictbook.records import Claim, Tally, TimelineEvent

_SEGMENT_END = re.compile(r"[,;:]")
_BREAK = re.compile(r"[,;:\"\u201c\u201d]")
_PARTICIPLE_TAIL = re.compile(r"[^.;:,]{0,40},\s+(?:[a-z]+ly\s+)?[a-z]+ing\s[^.;:,]*$")  # ", raising the total to"
_GAPPED_AND = re.compile(r"[^,;:.]\s+and\s+$")                    # "... in Sirga and 21 in Tolo-Be"
_PLACE_NEXT = re.compile(r"\s+(?:in|at|on|from|near)\s+(?:the\s+)?[A-Z]")
_QUOTE = re.compile(r"[\"\u201c\u201d]")
_ATTACK_VICTIMS = frozenset({"killed", "injured", "abducted", "hostage"})  # what an attack does to its victims
_FORCE_VICTIMS = _ATTACK_VICTIMS | {"detained", "captured"}  # ... and a raid or a crackdown
_PERSON_KINDS = frozenset({"person", "unnamed-person"})
_APPOSED_MAX = 6   # the longest list of named members an apposition may give a count ("two informants, a cook and ...")
_NOW_REACH = 25     # characters before an active cue searched for "still"/"currently": a state now


@cache
def _captors() -> frozenset[str]:
    """Subjects that hold people as hostages ("gunmen", "kidnappers"), from lexicon/casualties.yml."""
    return frozenset(w.lower() for w in load("casualties")["tally_context"]["captors"])


class _Context:
    """What the rows of one article share: its actors' countries, claims and dated events."""

    def __init__(self, article: Article, claims: list[Claim], events: list[TimelineEvent]):
        self.article = article
        self.claims = [c for c in claims if c.span_start >= 0 and c.span_end > c.span_start]
        self.events = events
        self.days = StoryDays(article, events)
        self._mentions: dict[tuple[str, int], list] = {}

    @cached_property
    def countries(self) -> set[str]:
        """Asked only when a row looks for its actors: most articles' sentences give none."""
        return countries_in(self.article.text)

    def trailing_claim(self, sentence: Sentence, start: int) -> Claim | None:
        """The claim whose cue a participle clause with the count follows in SENTENCE.

        "..., the ministry said on Thursday, raising the total number of deaths to 18,406": the
        figure after the attribution still rests on the ministry's word.
        """
        for claim in self.claims:
            if claim.sentence != sentence.index or claim.cue_end < 0 or claim.cue_end > sentence.start + start:
                continue
            between = self.article.text[claim.cue_end: sentence.start + start]
            if _PARTICIPLE_TAIL.match(between) and not _QUOTE.search(between):
                return claim
        return None

    def claim_at(self, offset: int, end: int | None = None) -> Claim | None:
        """The narrowest claim whose content holds OFFSET (or overlaps OFFSET..END: a span may open mid-phrase)."""
        end = offset + 1 if end is None else max(end, offset + 1)
        inside = [c for c in self.claims if c.span_start < end and offset < c.span_end]
        return min(inside, key=lambda c: (not c.span_start <= offset, c.span_end - c.span_start)) if inside else None

    @cached_property
    def statements(self) -> list[tuple[int, int, Spoken]]:
        return reproduced_statements(self.article, self.claims)

    def spoken(self, sentence: Sentence, phrase: PeoplePhrase) -> Spoken | None:
        """Whose word the count rests on by the sentence's grammar, when no claim covers it."""
        offset = sentence.start + phrase.start
        quoted = [who for start, end, who in self.statements if start <= offset < end]
        if quoted:
            return quoted[0]
        return said_before(self.article, sentence, self.claims, phrase.start) \
            or said_after(self.article, sentence, self.claims, phrase.end)

    def actors(self, text: str, offset: int = 0):
        """Actor mentions in TEXT, found once per stretch: the cues of one phrase look at the same clause."""
        key = (text, offset)
        if key not in self._mentions:
            self._mentions[key] = find_actors(text, self.countries, offset)
        return self._mentions[key]

def _told_agent(ctx: _Context, sentence: Sentence, phrase: PeoplePhrase, cue: Cue, status: str, source: str) -> str:
    """Who did it when the count's own clause does not say: told by the speaker's words or the attack before.

    "the army said 40 insurgents were neutralised": the side that claims with its own word for killing;
    "Insurgents ambushed a convoy on Monday. At least 20 soldiers were killed.": the one attack told in
    the clause or sentence right before a passive count of its victims, unless the victims are the attackers.
    """
    text = sentence.text
    if status == "claimed" and speaker_kill(text, cue):
        claim = ctx.claim_at(sentence.start + phrase.start, sentence.start + phrase.end) \
            or ctx.trailing_claim(sentence, phrase.start)
        spoken = ctx.spoken(sentence, phrase) if claim is None else None
        kind = claim.speaker_kind if claim else spoken.kind if spoken else ""
        return source if kind not in _PERSON_KINDS else ""  # a spokesman speaks for the side, he did not kill
    if cue.voice != "passive" or cue.mood or cue.category not in _FORCE_VICTIMS:
        return ""
    if grammar().object_pronoun.search(phrase.text) or grammar().possessives & set(phrase.text.lower().split()):
        return ""  # "twelve of them were captured": whose people is not said here
    who = attacker(ctx.actors, text[: phrase.start])
    if not who and sentence.index > 0 and not attack_verbs(text[: phrase.start]):
        before = ctx.article.sentences[sentence.index - 1]
        if before.paragraph == sentence.paragraph and not before.headline:
            who = attacker(ctx.actors, before.text)
    words = {w.lower() for w in re.findall(r"[\w\-]+", who)}
    if not who or words & {w.lower() for w in re.findall(r"[\w\-]+", phrase.text)}:
        return ""  # "three of the attackers were killed": their own losses
    return who


def _appositions(text: str, phrases: list[PeoplePhrase], cues: list[list[Cue]]) -> list[int]:
    """Counts followed by an apposition that lists each of them ("two informants, a cook and a mechanic,").

    The list holds exactly as many one-person phrases as the count says, between commas; the verb after
    the closing comma is the count's, and the members are no counts of their own.
    """
    found = []
    for k, phrase in enumerate(phrases):
        size = phrase.best or 0
        if cues[k] or not 2 <= size <= _APPOSED_MAX or k + size >= len(phrases):
            continue
        members = phrases[k + 1: k + 1 + size]
        last = members[-1]
        if not text[phrase.end:].lstrip().startswith(",") or any(m.best != 1 for m in members):
            continue
        if not cues[k + size] or not text[last.end: cues[k + size][0].start].lstrip().startswith(","):
            continue
        if any(c and c != cues[k + size] for c in cues[k + 1: k + size]) \
                or cues[k + size][0].voice not in ("passive", "intransitive"):
            continue
        found.append(k)
    return found


def _status(ctx: _Context, text: str, sentence: Sentence, phrase: PeoplePhrase, cue: Cue) -> tuple[str, str]:
    """(status, source) of one count."""
    t = terms()
    claim = ctx.claim_at(sentence.start + phrase.start, sentence.start + phrase.end) \
        or ctx.trailing_claim(sentence, phrase.start)
    outlet = ctx.article.outlet_or_default
    speaker = claim.speaker if claim else ""
    if not claim:
        spoken = ctx.spoken(sentence, phrase)
        speaker = spoken.speaker if spoken else ""
    if speaker.casefold() == outlet.casefold():
        speaker = ""  # "according to a tally by the Meridian Wire" in the Meridian Wire: its own voice
    source = speaker or outlet
    if phrase.denied or cue.negated or (phrase.kind == "any" and grammar().denied_that.search(text[: phrase.start])):
        return "denied", source
    left = text[: min(cue.start, phrase.start)]
    nominal = cue.voice == "noun"
    unreal = bool(cue.mood) or grammar().unreal_tail.search(text[: cue.start]) is not None
    if cue.voice == "implied":
        return ("claimed" if speaker else "reported"), source
    if (cue.mood and t.agreed.search(text)) or ((nominal or unreal) and t.agreed.search(left)):
        return "agreed", source
    demand_that = any(left[m.end():].lstrip().lower().startswith("that ") for m in t.demanded.finditer(left))
    condition = grammar().condition.search(left)  # "would hold them until the government freed 25 of its members"
    if (cue.mood and t.demanded.search(text)) or ((nominal or unreal) and t.demanded.search(left)) or demand_that \
            or condition:
        return "demanded", source
    return ("claimed" if speaker else "reported"), source


def _location(ctx: _Context, text: str, cue: Cue) -> str:
    """A place named right after the cue ("killed in Daraa", "held at Camp 13"), else empty."""
    match = grammar().place.match(text, cue.end)
    if not match:
        return ""
    place = match.group("place").strip()
    if ctx.actors(place) or place.split()[0] in ("The", "A", "An"):
        return ""
    return place


def _scope(text: str, phrase: PeoplePhrase, cue: Cue) -> str:
    """'cumulative' when the clause of the count makes it a running or period total, else 'event'."""
    if " ".join(text[cue.start: cue.end].lower().split()) in terms().state_cues:
        return "event"  # "three activists have been behind bars since May": who is held now
    last = max(phrase.end, cue.end)
    comma = _SEGMENT_END.search(text, last)
    end = comma.start() if comma else len(text)
    if cue.start < phrase.start:  # active: the verb, its object and what follows ("detained 500 since May")
        parts = [text[cue.start: end]]
    else:  # the whole segment, without a reduced relative ("12 hostages held since May will be freed")
        start = max((m.end() for m in _SEGMENT_END.finditer(text, 0, phrase.start)), default=0)
        relative = terms().after_cue.search(text, phrase.end, cue.start) if cue.start > phrase.end else None
        parts = [text[start: relative.start()], text[cue.start: end]] if relative else [text[start: end]]
    intro = _SEGMENT_END.search(text)
    if intro and intro.end() <= min(phrase.start, cue.start) and (
            len(text[: intro.start()].split()) <= 6 or terms().cumulative.match(text.lstrip())):
        parts.append(text[: intro.start()])  # "So far this year, ...", "Since the start of the war in 2023, ..."
    for part in parts:
        if terms().superlative_since.search(part):
            part = part[: terms().superlative_since.search(part).start()]  # "the first swap since the war"
        if terms().cumulative.search(part):
            return "cumulative"
    if cue.voice == "active" and terms().running_subject.search(text[: cue.start]):
        return "cumulative"
    if phrase.kind in ("toll", "running") and terms().running_noun.search(text, 0, phrase.start):
        return "cumulative"  # "the death toll from the war rose to 9,000"
    return "event"


def _tolls(text: str) -> list[tuple[str, int, int, int | None]]:
    """Toll statements: (category, start, end of the figure, revised figure)."""
    t = terms()
    found = []
    previous = t.toll_previous.search(text)
    revised = number_value(previous.group("figure")) if previous else None
    numbered = "number" in text.lower()
    for pattern in (t.toll, t.toll_update, t.toll_number):
        for match in pattern.finditer(text) if pattern is not t.toll_number or numbered else ():
            if previous and previous.start() <= match.start() < previous.end():
                continue
            if any(start <= match.start() < end for _, start, end, _ in found):
                continue
            quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
            if not quantities or quantities[0].start - match.end() > 2:
                continue
            q = quantities[0]
            if pattern is t.toll_number:  # "the number of civilians killed has risen to 80": the participle says
                category = t.category("after", match.group("cue")) or t.category("intransitive", match.group("cue"))
            else:
                category = t.toll_category.get(" ".join(match.group("noun").lower().split()), "killed")
            found.append((category, match.start(), q.end, revised if revised != q.best else None))
    return found


# "its fighters had ", "their men ", "our units have ": the subject of an active cue is the speaker's own side
_OWN_SUBJECT = re.compile(r"(?<![\w-])(?:its|their|our)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:(?:had|has|have|also|reportedly)"
                          r"\s+)*[\"\u201c]?$", re.IGNORECASE)


def _plural_of(noun: str) -> str:
    """NOUN as a plural person noun of the lexicon ("member" -> "members", "policeman" -> "policemen"), NOUN
    itself when already plural, "" when no plural is known."""
    t = terms()
    if noun.lower() in t.persons_plural:
        return noun
    form = plural(noun)
    return form if form.lower() in t.persons_plural else ""


def _toll_victims(stretch: str) -> str:
    """Who a toll counts, from the words between its noun and its figure: the people noun named there ("the
    death toll among civilians rose to 20" -> "civilians"), else nothing (never the toll's own words)."""
    t = terms()
    words = re.findall(r"[\w'\u2019-]+", stretch)
    return next((w for w in words if w.lower() in t.persons_plural), "")


def _estimates(text: str) -> list[tuple[str, str, object, tuple[int, int], str, int | None]]:
    """'put the number of captured fighters at 40', 'bringing to 300 the number of people bused out'.

    The fifth field is the phrase kind: ``running`` for totals a new figure is added to ("bringing ... to"),
    cumulative when its words say so ("since May", "of the war"), else the toll of one event; the last is
    where the verb of an estimate starts (its subject gives the figure), else None.
    """
    t = terms()
    found = []
    running = []
    givers: dict[int, int] = {}  # figure start -> start of the verb whose subject gives it ("Medics put ...")
    for match in t.estimate.finditer(text):
        quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
        if quantities and quantities[0].start == match.end():
            found.append((match.group("what"), quantities[0], match.span("what")))
            givers[quantities[0].start] = match.start()
    bringing = t.bringing_verb.search(text) is not None
    for match in t.bringing_of.finditer(text) if bringing else ():
        quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
        if quantities and quantities[0].start == match.end():
            found.append((match.group("what"), quantities[0], match.span("what")))
            running.append(quantities[0].start)
    for match in t.bringing_toll.finditer(text) if bringing else ():
        quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
        if quantities and quantities[0].start == match.end() and not any(q.start == quantities[0].start
                                                                          for _, q, _ in found):
            found.append((match.group("noun"), quantities[0], match.span("noun")))
            running.append(quantities[0].start)
    for match in t.bringing.finditer(text):
        quantities = find_quantities(match.group("figure"), offset=match.start("figure"))
        if quantities:
            found.append((match.group("what"), quantities[0], match.span("what")))
            running.append(quantities[0].start)
    rows = []
    for what, q, span in found:
        cue = t.after_cue.search(what)
        category = None
        if cue:
            category = t.category("after", cue.group(0)) or t.category("intransitive", cue.group(0))
        if category is None:
            category = next((t.implied(w) for w in what.split() if t.implied(w)), None)
        if category is None:
            category = t.toll_category.get(" ".join(what.lower().split()))  # "the death toll": killed
        event_noun = category is None and bool(what.split()) and what.split()[0].lower() in t.negated_events
        if event_noun:  # "the number of arrests across the country ...": detained, no victims named
            category = t.negated_events[what.split()[0].lower()]
        if category:
            victims = what[: cue.start()].strip() if cue and cue.start() > 0 else what.strip()
            victims = "" if event_noun else victims
            rows.append((category, victims, q, span, "running" if q.start in running else "estimate",
                         givers.get(q.start)))
    return rows


def _toll_objects(text: str, taken: set[int]) -> list[tuple[str, object, int, tuple[int, int]]]:
    """'put the death toll at 19', 'revised the total to 120': (toll noun, figure, verb start, noun span).

    Figures in TAKEN (already counted by another step) are left out.
    """
    found = []
    for match in terms().toll_object.finditer(text):
        quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
        if quantities and quantities[0].start == match.end() and quantities[0].start not in taken:
            found.append((" ".join(match.group("noun").lower().split()), quantities[0], match.start(),
                          match.span("noun")))
    return found


_ATTRIBUTED = re.compile(r"(?:\s+of\s+(?:the|these|those)\s+(?P<noun>[\w\-]+))?\s+(?:to|on)\s+(?P<who>[^,;.]{1,80}?)"
                         r"(?=\s+and\s+(?:\d|[a-z]+\s+(?:of|to|on)\b)|\s*[,;.]|$)", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")


def _attributions(text: str) -> list[tuple[object, str | None, tuple[int, int]]]:
    """'attributes 211 of the deaths to X and 96 to Y': (figure, category of its noun or None, span of X)."""
    found = []
    for verb in terms().attribution.finditer(text):
        at = verb.end()
        while True:
            quantities = find_quantities(text[at: at + 40], offset=at)
            if not quantities or quantities[0].start != at:
                break
            q = quantities[0]
            tail = _ATTRIBUTED.match(text, q.end)
            if not tail:
                break
            noun = tail.group("noun")
            found.append((q, terms().implied(noun) if noun else None, tail.span("who")))
            joined = _AND.match(text, tail.end())
            if not joined:
                break
            at = joined.end()
    return found


def extract_tallies(article: Article, claims: list[Claim], events: list[TimelineEvent]) -> list[Tally]:
    """Counts of people killed, hurt, held or moved in ARTICLE."""
    ctx = _Context(article, claims, events)
    rows: list[Tally] = []
    last_toll: dict[tuple[str, str], int] = {}
    last_figure: list[tuple[str, int | None]] = []  # (category, best) of the last toll or estimate: "the total"
    dated: dict[int, tuple[date, bool]] = {}  # sentence -> (the day its count happened, a victim of an attack)

    def add(sentence: Sentence, phrase: PeoplePhrase, cue: Cue, victims_spans, revises=None, giver=None, side=None):
        text = sentence.text
        status, source = _status(ctx, text, sentence, phrase, cue)
        if giver is not None and status == "reported" and not ctx.claim_at(sentence.start + phrase.start):
            counter = agent(ctx.actors, text, phrase, giver, [])
            if not counter:  # "It put the number of arrests at 1,000": "it" is the speaker just before
                spoken = subject_before(article, sentence, ctx.claims, giver.start)
                counter = spoken.speaker if spoken else ""
            if counter:  # "the ministry has put the death toll at 19": the figure rests on the ministry's word
                status, source = "claimed", counter
        if revises is None and phrase.kind == "toll":
            revises = last_toll.get((cue.category, source))
        if phrase.kind == "any" and status != "denied":
            return  # "asked whether any civilians were killed": "any" counts nobody unless denied
        low, best, high = (0, 0, 0) if phrase.kind == "any" else (phrase.low, phrase.best, phrase.high)
        scope = _scope(text, phrase, cue)
        now = terms().present_state.search(text, max(0, cue.start - _NOW_REACH), cue.start) is not None
        # "Gunmen who stormed a school on Saturday are still holding 33 pupils": a state now takes no earlier day
        after = sentence.start + cue.start if now and cue.voice == "active" else -1
        day, precision = ctx.days.day(sentence, sentence.start + phrase.start, after) if scope == "event" \
            else (None, "")
        state = " ".join(text[cue.start: cue.end].lower().split()) in terms().state_cues \
            or terms().present_state.search(text[: max(cue.start, phrase.start)]) is not None
        if day is None and scope == "event" and not cue.mood and not state and status in ("reported", "claimed",
                                                                                          "denied"):
            counted = cue.voice in ("active", "passive", "intransitive") and phrase.best is not None
            # not for who is held or missing now: that is no past event
            day = ctx.days.carried_day(sentence, dated, counted)
            precision = "day" if day else ""
            if day is None and counted:
                day, precision = ctx.days.carried_month(sentence)
        published = article.publication_date
        promised = cue.mood or status in ("agreed", "demanded")
        if day and published and day < published and promised and FUTURE_RE.search(text):
            day, precision = None, ""  # "held since 3 March will be freed": no past day for a promise
        perpetrator = side if side is not None else agent(ctx.actors, text, phrase, cue, victims_spans)
        own = perpetrator.lower().startswith(("its ", "their ", "our ")) or (
            not perpetrator and cue.voice == "active" and _OWN_SUBJECT.search(text, 0, cue.start) is not None)
        if own and status == "claimed":
            perpetrator = source   # "the Front said its fighters had killed five policemen": the speaker's side
        if not perpetrator and side is None:
            perpetrator = _told_agent(ctx, sentence, phrase, cue, status, source)
        category = cue.category
        if category == "detained" and cue.voice == "active" and perpetrator \
                and perpetrator.split()[-1].lower() in _captors():
            category = "hostage"  # "gunmen are still holding 20 pupils": captors, not the authorities, hold them
        rows.append(Tally(
            article_id=article.article_id, tally_id=f"{article.article_id}-T{len(rows) + 1:03d}",
            category=category, victims=phrase.victims, perpetrator=perpetrator,
            low=low, best=best, high=high, quantity_text=phrase.text, status=status,
            date=day, location=_location(ctx, text, cue),
            source=source, evidence=sentence.evidence, revises=revises, span_start=sentence.start + phrase.start,
            span_end=sentence.start + phrase.end, sentence=sentence.index, scope=scope, date_precision=precision,
        ))
        if day is not None and precision == "day":
            struck = category in _ATTACK_VICTIMS
            if sentence.index not in dated or (struck and not dated[sentence.index][1]):
                dated[sentence.index] = (day, struck)
        if phrase.kind == "toll" and phrase.best is not None:
            last_toll[(cue.category, source)] = phrase.best
        if phrase.kind in ("toll", "estimate", "running"):
            last_figure.append((cue.category, phrase.best))

    gate = gates()
    for sentence in article.sentences:
        words = gate_words(sentence.words)
        if not gate.row.holds(words):
            continue  # no category word of any kind: no count, toll or estimate of this sentence can give a row
        text = without_asides(sentence.text)  # "The other four, she said, were taken ...": the count and its verb
        found = people_phrases(text, words) if gate.people_in(words, text) else []
        things = [p.start for p in found if p.kind == "not-people"]
        phrases = [p for p in found if p.kind != "not-people"]
        tied: list[tuple[PeoplePhrase, list[Cue]]] = []
        estimates = _estimates(text) if gate.estimates.holds(words) else []
        phrases = [p for p in phrases if not any(a <= p.start < b for *_, (a, b), _kind, _verb in estimates)]
        found_cues = [find_cues(text, phrase, phrases) for phrase in phrases]
        for k in range(len(phrases) - 2, -1, -1):
            # "seven militants and a member of the militia were killed": coordinated subjects share the verb
            later = found_cues[k + 1]
            gap = text[phrases[k].end: phrases[k + 1].start]
            if not found_cues[k] and later and later[0].voice in ("passive", "intransitive") \
                    and grammar().coordination.fullmatch(" " + gap.lstrip() if gap.strip() else gap):
                found_cues[k] = later
        for k in _appositions(text, phrases, found_cues):
            # "two informants, a cook and a mechanic, were arrested": the members name the two counted
            last = k + phrases[k].best
            found_cues[k], found_cues[k + 1: last + 1] = found_cues[last], [[] for _ in range(phrases[k].best)]
        for k in range(1, len(phrases)):
            # "killed a commander and two of his aides": coordinated objects share the active verb
            earlier = found_cues[k - 1]
            gap = text[phrases[k - 1].end: phrases[k].start]
            listed = gap.strip() == "," and k + 1 < len(phrases)  # "a teacher, two porters and a boy"
            if not found_cues[k] and earlier and earlier[0].voice in ("active", "noun") and (
                    listed or grammar().coordination.fullmatch(" " + gap.lstrip() if gap.strip() else gap)):
                found_cues[k] = earlier
        previous_head, counted_head = "", False
        for index, phrase in enumerate(phrases):
            cues = found_cues[index]
            head = phrase.head.lower()
            if head and head not in terms().elliptical and head not in grammar().object_pronouns:
                if cues or not counted_head:  # the people counted, not the attackers ("by IS militants,
                    previous_head = phrase.head   # while four others died"): "others" are more of the victims
                counted_head = counted_head or bool(cues)
            elif head in terms().elliptical and previous_head:
                # "five villagers were killed and 20 others went missing": the others are villagers too
                noun = _plural_of(previous_head)   # "a member ... eight others": other members
                phrase = replace(phrase, victims=f"{'more' if head == 'more' else 'other'} {noun}" if noun else head)
            elif head in terms().relative_pronouns and previous_head and phrase.victims.lower() == head:
                phrase = replace(phrase, victims=previous_head)  # "five people were hurt, two of whom later died"
            if not cues:
                continue
            if phrase.kind == "headless" and (phrase.best or 0) < 2 and (
                    grammar().pronoun_one.search(text[: phrase.start]) or text[phrase.end:].lstrip().startswith("of")):
                continue  # "the second one hit", "one of them": a lone "one" is a pronoun
            near = text[phrase.end: cues[0].start]
            far = bool(_BREAK.search(near)) or len(near.split()) > 4
            if phrase.kind == "definite" and (cues[0].voice not in ("passive", "intransitive") or (
                    cues[0].voice == "intransitive" and far)):
                continue  # "The commander" counts one only as the subject of what happened to him
            if phrase.kind == "headless":
                # "five were killed" counts people unless a count of things came first ("seven houses ... five more")
                nearest = max((p.start for p in found if p.start < phrase.start), default=-1)
                same = any(p.head and p.best == phrase.best and p.end <= phrase.start for p in phrases)
                if (nearest in things and not same) or cues[0].voice == "implied":
                    # the nearest count before decides, unless people were counted with the same figure
                    # ("held three drivers for several hours; all three were released")
                    continue
                gap = text[phrase.end: cues[0].start]
                if cues[0].voice != "active" and gap.strip() and not terms().aux_tail.fullmatch(gap.lstrip()):
                    continue
            tied.append((phrase, cues))
        tolls = _tolls(text) if gate.tolls.holds(words) else []
        # "the number of people killed in the clashes rose to 45": the bare "people" is the toll's noun
        tied = [(p, c) for p, c in tied if p.kind != "bare" or not any(s <= p.start < e for _, s, e, _ in tolls)]
        victims_spans = [(p.start, p.end) for p, _ in tied]
        revised = next((r for *_, r in tolls if r is not None), None)
        attributed = _attributions(text) if gate.attributions.holds(words) else []
        sides = {q.start: attributed_to(ctx.actors, text[start:end]) for q, _, (start, end) in attributed}
        for phrase, cues in tied:
            for cue in cues:
                revises = revised if cue.category == "killed" and revised is not None and not tolls else None
                add(sentence, phrase, cue, victims_spans, revises, side=sides.get(phrase.quantity_start))
        for category, start, end, revises in tolls:
            if any(start <= p.start < end for p, _ in tied):
                continue
            q = find_quantities(text[start:end], offset=start)[-1]
            toll = PeoplePhrase(q.start, q.end, q.text, _toll_victims(text[start:q.start]), "", q.low, q.best, q.high,
                                "toll")
            add(sentence, toll, Cue(category, start, q.start, "passive"), victims_spans, revises)
        for category, what, q, span, kind, verb in estimates:
            if any(p.start <= q.start < p.end for p, _ in tied):
                continue
            figure = PeoplePhrase(q.start, q.end, q.text, what, "", q.low, q.best, q.high, kind)
            giver = Cue(category, verb, span[0], "active") if verb is not None else None
            add(sentence, figure, Cue(category, q.start, q.end, "passive"), victims_spans, giver=giver)
        taken = {p.start for p, _ in tied} | {start for _, start, _, _ in tolls} | {e[2].start for e in estimates}
        for noun, q, verb, (start, end) in _toll_objects(text, taken) if gate.estimates.holds(words) else ():
            if noun in terms().anaphoric_nouns:
                if not last_figure:
                    continue  # "the total" with no count before it: nothing says what it counts
                category, previous = last_figure[-1]
            else:
                category, previous = terms().toll_category.get(noun, "killed"), None
            toll = PeoplePhrase(q.start, q.end, q.text, text[start:end], "", q.low, q.best, q.high, "toll")
            giver = Cue(category, verb, start, "active")  # the verb's subject gives the figure
            add(sentence, toll, Cue(category, start, q.start, "passive"), victims_spans,
                previous if previous != q.best else None, giver)
        for match in terms().negated_event.finditer(text):
            if any(p.start <= match.start() < p.end for p, _ in tied):
                continue
            category = terms().negated_events[match.group("noun").lower()]
            none = PeoplePhrase(match.start(), match.end(), match.group(), "", match.group("noun"), 0, 0, 0, "negation")
            add(sentence, none, Cue(category, match.start(), match.end(), "implied"), victims_spans,
                side="")  # "there were no civilian casualties": nobody did what did not happen
        for q, category, _span in attributed:
            if any(p.start <= q.start < p.end for p, _ in tied):
                continue  # "attributed 40 of the deaths to ...": the counted phrase's row, with its side
            category = category or next((terms().implied(w) for w in re.findall(r"[\w\-]+", text)
                                         if terms().implied(w)), None)  # "Of the deaths ..., X attributes 211"
            if category is None:
                continue
            figure = PeoplePhrase(q.start, q.end, q.text, "", "", q.low, q.best, q.high, "attributed")
            add(sentence, figure, Cue(category, q.start, q.end, "implied"), victims_spans, side=sides[q.start])
        used = {p.start for p, _ in tied}
        for phrase in phrases:
            if phrase.kind != "headless" or phrase.start in used or phrase.best is None:
                continue
            before = text[: phrase.start]
            compared = grammar().comparison.search(before)
            referents = [(p, c) for p, c in tied if p.end <= phrase.start and c]
            if referents and not compared and _GAPPED_AND.search(before) and _PLACE_NEXT.match(text, phrase.end):
                cue = referents[-1][1][0]  # "63 people were killed in Sirga and 21 in Tolo": the verb gapped
                compared = cue.voice in ("passive", "intransitive") and referents[-1][0].end <= cue.start < phrase.start
            if not compared or not referents:
                continue
            referent, cues = referents[-1]  # "compared with 140": the same people as the count before
            used.add(phrase.start)
            add(sentence, replace(phrase, victims=referent.victims, head=referent.head),
                Cue(cues[0].category, phrase.start, phrase.end, "implied"), victims_spans)
        for cue, _them_end in pronoun_objects(text) if gate.pronouns.holds(words) else ():
            opens = clause_start(text, cue.start)
            antecedents = [p for p in phrases if p.end <= opens and p.start not in used and p.head]
            if not antecedents:
                continue
            phrase = antecedents[-1]
            used.add(phrase.start)
            add(sentence, phrase, cue, victims_spans + [(phrase.start, phrase.end)])
    return rows
