"""Casualty and prisoner tallies: who was killed, hurt, held or moved, how many, by whom, says who.

One row per counted phrase of people that a cue ties to a SPEC category (see
``extract.people`` for the phrases, ``extract.cues`` for the categories). The figures
come from the convention table in ``lexicon/quantities.yml``; a phrase without a figure
keeps ``best`` empty. The status follows the words around the count (negation → denied,
a deal → agreed, a demand → demanded) and, once claims are extracted, whose word it is:
a count inside a claim's content is ``claimed`` by that speaker, otherwise the outlet
``reported`` it. Toll updates ("the death toll rose to 19 from 12") record the figure
they revise.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from conflictbook.actors import countries_in, find_actors
from conflictbook.article import Article, Sentence
from conflictbook.extract.casualty_terms import grammar, terms
from conflictbook.extract.cues import Cue, find_cues, pronoun_objects
from conflictbook.extract.people import PeoplePhrase, people_phrases
from conflictbook.extract.quantities import find_quantities, number_value
from conflictbook.records import Claim, Tally, TimelineEvent

_BY = re.compile(r"\s*(?:[\w\-]+\s+){0,5}?by\s+", re.IGNORECASE)
_MEANS_OF = re.compile(r"(?P<means>(?:[\w\-]+\s+){0,2}[\w\-]+)\s+(?:from|of)\s+", re.IGNORECASE)
_COORDINATED_VERB = re.compile(r"\s+[a-z]+\s+and\s*$")


class _Context:
    """What the rows of one article share: its actors' countries, claims and dated events."""

    def __init__(self, article: Article, claims: list[Claim], events: list[TimelineEvent]):
        self.article = article
        self.claims = [c for c in claims if c.span_start >= 0 and c.span_end > c.span_start]
        self.events = events
        self.countries = countries_in(article.text)

    def claim_at(self, offset: int) -> Claim | None:
        inside = [c for c in self.claims if c.span_start <= offset < c.span_end]
        return min(inside, key=lambda c: c.span_end - c.span_start) if inside else None

    def actors(self, text: str, offset: int = 0):
        return find_actors(text, self.countries, offset)

    def day(self, sentence: Sentence, offset: int) -> date | None:
        """The single day of the dated event nearest OFFSET in the same sentence."""
        best, distance = None, None
        for event in self.events:
            if event.sentence != sentence.index and not (sentence.start <= event.span_start < sentence.end):
                continue
            start, end = (d.date() if isinstance(d, datetime) else d for d in (event.start, event.end))
            if start is None or start != end:
                continue
            gap = abs(event.span_start - offset) if event.span_start >= 0 else 10**6
            if distance is None or gap < distance:
                best, distance = start, gap
        return best


def _clause_start(text: str, position: int) -> int:
    """Start of the clause holding POSITION: after a reported 'that', a quote mark, or a conjunction."""
    start = 0
    for match in terms().reporting_that.finditer(text, 0, position):
        start = max(start, match.end())
    for match in grammar().clause_open.finditer(text, start, position):
        start = max(start, match.end())
    return start


def _canonical(ctx: _Context, text: str) -> str:
    found = ctx.actors(text)
    return found[0].actor.name if found else ""


def _subject(ctx: _Context, text: str, cue: Cue, victims: list[tuple[int, int]]) -> str:
    """The agent of an active cue: the first actor of its clause, or a short subject written out."""
    start = _clause_start(text, cue.start)
    clause = text[start: cue.start]
    for mention in ctx.actors(clause, offset=start):
        if not any(s <= mention.start < e for s, e in victims):
            return mention.actor.name
    if cue.voice != "active" or cue.mood:
        return ""  # a deal "to relocate 400 members" names no agent of its own
    said = list(grammar().reported.finditer(clause))
    if said:
        clause = clause[said[-1].end():]
    for mention in ctx.actors(clause):
        return mention.actor.name
    if terms().before_tail.pattern and grammar().perfect.search(clause):
        return ""
    coordinated = _COORDINATED_VERB.search(clause)
    if coordinated and coordinated.group(0).split()[0] not in terms().persons_plural:
        clause = clause[: coordinated.start()]
    subject = grammar().subject_tail.sub("", clause).strip(" ,")
    words = subject.split()
    verb = next((i for i, w in enumerate(words) if i and w.islower() and w.endswith("ed")), None)
    if verb is not None:
        words = words[:verb]  # "Jihadists ambushed a convoy, killing 17": the subject ends at its verb
        subject = " ".join(words)
    if not words or len(words) > 7 or words[0].lower() in terms().pronouns or _not_agent(words[-1]):
        return ""
    if any(w.lower() in terms().reporting_words for w in words) or words[-1].lower() in ("of", "to", "that"):
        return ""
    if any(w.lower() in grammar().conjunctions for w in words[-1:]) or re.search(r"[,;]", subject):
        return ""
    return subject


def _not_agent(word: str) -> bool:
    """Events and things ("the war", "shelling", "a blast") do things in sentences but are no perpetrator."""
    low = word.lower().strip(".,;:")
    return low in terms().not_agents or low in terms().not_people


def _possessor(ctx: _Context, text: str, before: int, victims: list[tuple[int, int]]) -> str:
    """'its'/'their' refers back to the nearest actor named before BEFORE in the sentence."""
    mentions = [m for m in ctx.actors(text[:before]) if not any(s <= m.start < e for s, e in victims)]
    return mentions[-1].actor.name if mentions else ""


def _agent(ctx: _Context, text: str, phrase: PeoplePhrase, cue: Cue, victims: list[tuple[int, int]]) -> str:
    """Who did it: the active subject, the by-phrase, or the actor of an attack in the sentence."""
    if cue.voice in ("active", "noun"):
        return _subject(ctx, text, cue, victims)
    anchor = cue.end if cue.voice != "implied" else phrase.end
    by = _BY.match(text, anchor)
    if by:
        stretch = re.split(r"[,;.]", text[by.end(): by.end() + 80])[0]
        means = _MEANS_OF.match(stretch)
        if means and _not_agent(means.group("means").split()[-1]):
            stretch = stretch[means.end():]  # "killed by fire from the security forces"
        mentions = ctx.actors(stretch)
        if mentions and len(stretch[: mentions[0].start].split()) <= 2:
            return mentions[0].actor.name
        agent = grammar().agent.match(stretch)
        words = agent.group("agent").split() if agent else []
        if words and words[0].lower() not in terms().pronouns and not _not_agent(words[-1]):
            return agent.group("agent")
    for match in terms().attack.finditer(text):
        who = match.group("who").strip()
        named = _canonical(ctx, who)
        if named:
            return named
        if who.split()[:1] and who.split()[0].lower() in grammar().possessives:
            return _possessor(ctx, text, match.start(), victims)
    return ""


def _status(ctx: _Context, text: str, sentence: Sentence, phrase: PeoplePhrase, cue: Cue) -> tuple[str, str]:
    """(status, source) of one count."""
    t = terms()
    claim = ctx.claim_at(sentence.start + phrase.start)
    source = claim.speaker if claim else ctx.article.outlet_or_default
    if phrase.denied or cue.negated or (phrase.kind == "any" and grammar().denied_that.search(text[: phrase.start])):
        return "denied", source
    left = text[: min(cue.start, phrase.start)]
    nominal = cue.voice == "noun"
    unreal = bool(cue.mood) or grammar().unreal_tail.search(text[: cue.start]) is not None
    if cue.voice == "implied":
        return ("claimed" if claim else "reported"), source
    if (cue.mood and t.agreed.search(text)) or ((nominal or unreal) and t.agreed.search(left)):
        return "agreed", source
    demand_that = any(left[m.end():].lstrip().lower().startswith("that ") for m in t.demanded.finditer(left))
    condition = grammar().condition.search(left)  # "would hold them until the government freed 25 of its members"
    if (cue.mood and t.demanded.search(text)) or ((nominal or unreal) and t.demanded.search(left)) or demand_that \
            or condition:
        return "demanded", source
    return ("claimed" if claim else "reported"), source


def _location(ctx: _Context, text: str, cue: Cue) -> str:
    """A place named right after the cue ("killed in Daraa", "held at Camp 13"), else empty."""
    match = grammar().place.match(text, cue.end)
    if not match:
        return ""
    place = match.group("place").strip()
    if ctx.actors(place) or place.split()[0] in ("The", "A", "An"):
        return ""
    return place


def _tolls(text: str) -> list[tuple[str, int, int, int | None]]:
    """Toll statements: (category, start, end of the figure, revised figure)."""
    t = terms()
    found = []
    previous = t.toll_previous.search(text)
    revised = number_value(previous.group("figure")) if previous else None
    for pattern in (t.toll, t.toll_update):
        for match in pattern.finditer(text):
            if previous and previous.start() <= match.start() < previous.end():
                continue
            quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
            if not quantities or quantities[0].start - match.end() > 2:
                continue
            q = quantities[0]
            category = t.toll_category.get(" ".join(match.group("noun").lower().split()), "killed")
            found.append((category, match.start(), q.end, revised if revised != q.best else None))
    return found


def _estimates(text: str) -> list[tuple[str, str, object, tuple[int, int]]]:
    """'put the number of captured fighters at 40', 'bringing to 300 the number of people bused out'."""
    t = terms()
    found = []
    for match in t.estimate.finditer(text):
        quantities = find_quantities(text[match.end(): match.end() + 40], offset=match.end())
        if quantities and quantities[0].start == match.end():
            found.append((match.group("what"), quantities[0], match.span("what")))
    for match in t.bringing.finditer(text):
        quantities = find_quantities(match.group("figure"), offset=match.start("figure"))
        if quantities:
            found.append((match.group("what"), quantities[0], match.span("what")))
    rows = []
    for what, q, span in found:
        cue = t.after_cue.search(what)
        category = None
        if cue:
            category = t.category("after", cue.group(0)) or t.category("intransitive", cue.group(0))
        if category is None:
            category = next((t.implied(w) for w in what.split() if t.implied(w)), None)
        if category:
            victims = what[: cue.start()].strip() if cue and cue.start() > 0 else what.strip()
            rows.append((category, victims, q, span))
    return rows


def extract_tallies(article: Article, claims: list[Claim], events: list[TimelineEvent]) -> list[Tally]:
    """Counts of people killed, hurt, held or moved in ARTICLE."""
    ctx = _Context(article, claims, events)
    rows: list[Tally] = []
    last_toll: dict[tuple[str, str], int] = {}

    def add(sentence: Sentence, phrase: PeoplePhrase, cue: Cue, victims_spans, revises=None):
        text = sentence.text
        status, source = _status(ctx, text, sentence, phrase, cue)
        if revises is None and phrase.kind == "toll":
            revises = last_toll.get((cue.category, source))
        low, best, high = (0, 0, 0) if phrase.kind == "any" and status == "denied" else (phrase.low, phrase.best,
                                                                                         phrase.high)
        rows.append(Tally(
            article_id=article.article_id, tally_id=f"{article.article_id}-T{len(rows) + 1:03d}",
            category=cue.category, victims=phrase.victims, perpetrator=_agent(ctx, text, phrase, cue, victims_spans),
            low=low, best=best, high=high, quantity_text=phrase.text, status=status,
            date=ctx.day(sentence, sentence.start + phrase.start), location=_location(ctx, text, cue),
            source=source, evidence=text, revises=revises, span_start=sentence.start + phrase.start,
            span_end=sentence.start + phrase.end, sentence=sentence.index,
        ))
        if phrase.kind == "toll" and phrase.best is not None:
            last_toll[(cue.category, source)] = phrase.best

    for sentence in article.sentences:
        text = sentence.text
        found = people_phrases(text)
        things = [p.start for p in found if p.kind == "not-people"]
        phrases = [p for p in found if p.kind != "not-people"]
        tied: list[tuple[PeoplePhrase, list[Cue]]] = []
        estimates = _estimates(text)
        phrases = [p for p in phrases if not any(a <= p.start < b for *_, (a, b) in estimates)]
        found_cues = [find_cues(text, phrase, phrases) for phrase in phrases]
        for k in range(len(phrases) - 2, -1, -1):
            # "seven militants and a member of the militia were killed": coordinated subjects share the verb
            later = found_cues[k + 1]
            gap = text[phrases[k].end: phrases[k + 1].start]
            if not found_cues[k] and later and later[0].voice in ("passive", "intransitive") \
                    and grammar().coordination.fullmatch(" " + gap.lstrip() if gap.strip() else gap):
                found_cues[k] = later
        for k in range(1, len(phrases)):
            # "killed a commander and two of his aides": coordinated objects share the active verb
            earlier = found_cues[k - 1]
            gap = text[phrases[k - 1].end: phrases[k].start]
            if not found_cues[k] and earlier and earlier[0].voice in ("active", "noun") \
                    and grammar().coordination.fullmatch(" " + gap.lstrip() if gap.strip() else gap):
                found_cues[k] = earlier
        previous_head = ""
        for index, phrase in enumerate(phrases):
            cues = found_cues[index]
            head = phrase.head.lower()
            if head and head not in terms().elliptical and head not in grammar().object_pronouns:
                previous_head = phrase.head
            elif head in terms().elliptical and previous_head:
                # "five villagers were killed and 20 others went missing": the others are villagers too
                phrase = replace(phrase, victims=f"{'more' if head == 'more' else 'other'} {previous_head}")
            if not cues:
                continue
            if phrase.kind == "headless" and (phrase.best or 0) < 2 and (
                    grammar().pronoun_one.search(text[: phrase.start]) or text[phrase.end:].lstrip().startswith("of")):
                continue  # "the second one hit", "one of them": a lone "one" is a pronoun
            if phrase.kind == "headless":
                # "five were killed" counts people unless a count of things came first ("seven houses ... five more")
                if any(start < phrase.start for start in things) or cues[0].voice == "implied":
                    continue
                gap = text[phrase.end: cues[0].start]
                if cues[0].voice != "active" and gap.strip() and not terms().aux_tail.fullmatch(gap.lstrip()):
                    continue
            tied.append((phrase, cues))
        victims_spans = [(p.start, p.end) for p, _ in tied]
        tolls = _tolls(text)
        revised = next((r for *_, r in tolls if r is not None), None)
        for phrase, cues in tied:
            for cue in cues:
                revises = revised if cue.category == "killed" and revised is not None and not tolls else None
                add(sentence, phrase, cue, victims_spans, revises)
        for category, start, end, revises in tolls:
            if any(start <= p.start < end for p, _ in tied):
                continue
            q = find_quantities(text[start:end], offset=start)[-1]
            toll = PeoplePhrase(q.start, q.end, q.text, text[start:q.start].strip(), "", q.low, q.best, q.high, "toll")
            add(sentence, toll, Cue(category, start, q.start, "passive"), victims_spans, revises)
        for category, what, q, _span in estimates:
            if any(p.start <= q.start < p.end for p, _ in tied):
                continue
            figure = PeoplePhrase(q.start, q.end, q.text, what, "", q.low, q.best, q.high, "estimate")
            add(sentence, figure, Cue(category, q.start, q.end, "passive"), victims_spans)
        used = {p.start for p, _ in tied}
        for cue, _them_end in pronoun_objects(text):
            opens = _clause_start(text, cue.start)
            antecedents = [p for p in phrases if p.end <= opens and p.start not in used and p.head]
            if not antecedents:
                continue
            phrase = antecedents[-1]
            used.add(phrase.start)
            add(sentence, phrase, cue, victims_spans + [(phrase.start, phrase.end)])
    return rows
