"""Interview transcripts: paragraphs opened by a speaker label ("Tosk: …", "Q: …", "Female Reporter: …").

A Q&A interview or a broadcast transcript attributes speech by layout, not by a reporting
verb: each turn is a paragraph that opens with its speaker's label and a colon. Every
answer is a direct claim of the labelled speaker; a turn that asks (ends with "?") is the
interviewer's and is left to the sentence-level patterns, which still find the claims a
question reports ("The army says only 14 are missing. How many do you hold?").

Only an article laid out as a transcript is read this way: at least three labelled
paragraphs, at least two different labels and one of them used twice; labels of
live-blog and editing notes ("Update:", "Correction:", lexicon ``not_labels``) never make
a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictbook.article import Article
from conflictbook.lexicon import load_list

MIN_TURNS = 3
MAX_LABEL_WORDS = 4
# "Name Surname:", "Q:", "Female Reporter:", "Dr. Ana Vel:"; no digits (so never a time "10:30").
_LABEL = re.compile(rf"(?P<label>[A-Z][\w'\u2019.-]*(?:[^\S\n][A-Za-z][\w'\u2019.-]*){{0,{MAX_LABEL_WORDS - 1}}})"
                    r"[^\S\n]*:[^\S\n]+")
_QUESTION_LABELS = {"q", "question", "interviewer"}


@dataclass
class Turn:
    """One labelled paragraph: where its label and its content lie in ``article.text``."""

    label: str
    start: int          # the label's first character
    colon: int          # the colon after the label
    content_start: int
    end: int
    sentence: int       # index of the paragraph's first sentence
    question: bool      # the interviewer's turn: a question, or a prompt by the label that asks


def full_name(article: Article, label: str) -> str:
    """LABEL as the article first names it in full ("Tosk" -> "Mirela Tosk"), else LABEL."""
    if " " in label.strip():
        return label
    match = re.search(rf"(?:[A-Z][\w'\u2019-]+[^\S\n]+){{1,3}}{re.escape(label)}(?![\w-])", article.body)
    return match.group(0) if match else label


def _mark_interviewers(article: Article, turns: list[Turn]) -> None:
    """Every turn of the interviewer is a question turn: the label whose turns are mostly questions, the
    outlet's or the author's label, or Q."""
    asked: dict[str, list[bool]] = {}
    for turn in turns:
        asked.setdefault(turn.label, []).append(turn.question)
    own = {article.outlet.lower(), article.author.lower()} - {""}
    for label, questions in asked.items():
        if 2 * sum(questions) >= len(questions) or label.lower() in own:
            for turn in turns:
                if turn.label == label:
                    turn.question = True


def transcript_turns(article: Article) -> list[Turn]:
    """The turns of ARTICLE when it is laid out as a transcript, else []."""
    text = article.text
    firsts = {}
    for sent in article.sentences:
        if not sent.headline:
            firsts.setdefault(sent.paragraph, sent)
    last_end: dict[int, int] = {}
    for sent in article.sentences:
        last_end[sent.paragraph] = sent.end
    turns = []
    for paragraph, sent in sorted(firsts.items()):
        match = _LABEL.match(text, sent.start, sent.end)
        if not match:
            continue
        label = match.group("label")
        if not label[:1].isupper() or any(ch.isdigit() for ch in label):
            continue
        end = last_end[paragraph]
        content = text[match.end():end].rstrip()
        turns.append(Turn(label, sent.start, match.end("label"), match.end(), end, sent.index,
                          content.endswith("?") or label.lower().rstrip(".") in _QUESTION_LABELS))
    _mark_interviewers(article, turns)
    not_labels = {w.lower() for w in load_list("speakers", "not_labels")}
    turns = [t for t in turns if t.label.lower().rstrip(".") not in not_labels]
    labels = [t.label for t in turns]
    if len(turns) < MIN_TURNS or len(set(labels)) < 2 or all(labels.count(x) < 2 for x in set(labels)):
        return []
    return turns
