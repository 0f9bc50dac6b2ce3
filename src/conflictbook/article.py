"""The article model every extractor reads: text, metadata, paragraphs and sentences with offsets.

Offsets are character positions in ``Article.text`` so any extracted row can quote its
evidence verbatim and a notebook can highlight it in place. The headline, when known,
is the first paragraph of ``text`` (flagged ``headline``) so it is analysed like a
sentence, as SPEC asks, but extractors can tell it apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from conflictbook.lexicon import load_list

UNKNOWN_OUTLET = "article"
# Evidence and span cells longer than this are clipped with a trailing ellipsis: a real
# sentence is far shorter, and a table cell of a pathological "sentence" stays readable.
EVIDENCE_LIMIT = 600
ELLIPSIS = "\u2026"
WORD_RUN = re.compile(r"\w+")


def clip(text: str, limit: int = EVIDENCE_LIMIT) -> str:
    """TEXT, or its first LIMIT-1 characters and an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index, character span in the article text, and paragraph."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    headline: bool = False

    @property
    def evidence(self) -> str:
        """The sentence as an evidence cell: verbatim, clipped only past EVIDENCE_LIMIT."""
        return clip(self.text)

    @cached_property
    def words(self) -> frozenset[str]:
        """Its lower-cased word runs (``\\w+``): an extractor whose trigger words are all absent skips
        the sentence with one set test instead of a regex pass (computed once, shared by every stage)."""
        return frozenset(word.lower() for word in WORD_RUN.findall(self.text))


@dataclass
class Article:
    """One news article, as read from any input format."""

    article_id: str
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: datetime | date | None = None
    section: str = ""
    url: str = ""
    source_path: str = ""
    record: str = ""
    encoding: str = "utf-8"
    extra: dict = field(default_factory=dict)
    body_start: int = 0
    _sentences: list[Sentence] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, article_id: str, body: str, title: str = "", **meta) -> Article:
        """Assemble headline + body into one analysed text and split it into sentences."""
        paragraphs = [normalize_space(p) for p in split_paragraphs(body)]
        paragraphs = [p for p in paragraphs if p]
        head = normalize_space(title)
        if head and paragraphs and paragraphs[0].casefold() == head.casefold():
            paragraphs = paragraphs[1:]  # many feeds repeat the headline as the body's first line
        parts = ([head] if head else []) + paragraphs
        text = "\n\n".join(parts)
        article = cls(article_id=article_id, text=text, title=head, **meta)
        article.body_start = len(head) + 2 if head else 0
        return article

    @property
    def sentences(self) -> list[Sentence]:
        """The sentences, split on first use: a cached article (an incremental run) is never split."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text, headline_end=max(0, self.body_start - 2))
        return self._sentences

    @property
    def body(self) -> str:
        """The article text without its headline."""
        return self.text[self.body_start:]

    @property
    def outlet_or_default(self) -> str:
        """The outlet name, or ``article`` when unknown (SPEC)."""
        return self.outlet or UNKNOWN_OUTLET

    @property
    def n_words(self) -> int:
        return len(self.body.split())

    @property
    def publication_date(self) -> date | None:
        """The publication day (document creation time) that relative dates resolve against."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding character OFFSET (binary search over spans)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return sent
        return None

    def body_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.headline]


_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PARA_BREAK = re.compile(r"\n\s*\n")


def normalize_space(text: str) -> str:
    """Collapse runs of spaces and single line breaks (SPEC: evidence after whitespace normalisation)."""
    return _SPACE.sub(" ", text.replace("\r", "").replace("\n", " ")).strip()


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs are separated by blank lines; a body without blank lines splits on newlines."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        return []
    parts = _PARA_BREAK.split(body)
    if len(parts) == 1 and body.count("\n") >= 1:
        parts = body.split("\n")
    return parts


_ABBREVIATIONS = frozenset(load_list("abbreviations"))
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_OPENERS = "\"'\u201c\u2018([\u00ab"
# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?\u2026]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")


_NEXT_CHAR = re.compile(r" *([^ ])")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(text: str, end: int) -> str:
    """The run of ASCII letters and dots ending at END, from its first letter ('' if none).

    A backward scan, not ``re.search(...$)`` on a prefix copy: that retries from every
    position of the text and made splitting one long paragraph quadratic.
    """
    start = end
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and text[start] == ".":
        start += 1
    return text[start:end]


def _is_boundary(text: str, match: re.Match, limit: int | None = None) -> bool:
    """Reject boundaries after abbreviations, initials, and before lower-case continuations."""
    nxt = _NEXT_CHAR.match(text, match.end(), len(text) if limit is None else limit)
    if not nxt or nxt.group(1) == "\n":
        return True
    first = nxt.group(1)
    if first.islower() or first in ",;:)":
        return False
    if not (first.isupper() or first.isdigit() or first in _OPENERS or first in "-\u2013\u2014"):
        return False
    if match.group(0).startswith("."):
        token = _word_before(text, match.start())
        if token:
            if token.lower().rstrip(".") in _ABBREVIATIONS or len(token) == 1:
                return False
            if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):  # U.S, U.N
                return False
    return True


def split_sentences(text: str, headline_end: int = 0) -> list[Sentence]:
    """Rule-based sentence splitter with offsets, paragraph-aware (a sentence never crosses one)."""
    sentences: list[Sentence] = []
    for para_index, para_match in enumerate(re.finditer(r"[^\n]+", text)):
        p_start, p_end = para_match.span()
        start = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            if _is_boundary(text, match, p_end):
                _add(sentences, text, start, match.end(), para_index, headline_end)
                start = match.end()
        _add(sentences, text, start, p_end, para_index, headline_end)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, para: int, headline_end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], para, headline=start < headline_end))
