"""Interview transcripts: labelled answers are direct claims of their speaker (all names invented)."""

from __future__ import annotations

from datetime import date

import pytest

from conflictbook.article import Article
from conflictbook.extract.claims import extract_claims
from conflictbook.extract.transcript import transcript_turns

INTERVIEW = """Colonel Ansa Briel has led the Lowland Guard's northern brigade since 2022. We spoke to her on Monday.

Valley Review: The ministry says only six soldiers are missing. How many do you hold?

Briel: Eleven. They were captured at the ford on Saturday and none of them is hurt.

Valley Review: Officials accuse your brigade of shelling the market.

Briel: That is false. We had no guns within range of the market.

Valley Review: Would you exchange them?

Briel: Yes, for our 20 men held in Carrow."""


def claims_of(body: str, outlet: str = "Valley Review"):
    article = Article.build("t", body, published=date(2025, 3, 12), outlet=outlet)
    return article, extract_claims(article)


def test_answers_are_direct_claims_of_the_full_name():
    _article, claims = claims_of(INTERVIEW)
    answers = [c for c in claims if c.cue == ":"]
    assert [c.speaker for c in answers] == ["Ansa Briel"] * 3
    assert {c.mode for c in answers} == {"direct"}
    assert answers[0].text.startswith("Eleven. They were captured")


def test_interviewer_turns_are_not_claims_but_claims_inside_them_are():
    _article, claims = claims_of(INTERVIEW)
    speakers = [c.speaker for c in claims]
    assert "Valley Review" not in speakers
    assert "ministry" in speakers and "Officials" in speakers or "officials" in speakers


@pytest.mark.parametrize("body", [
    # live-blog labels are not speakers
    "Update: The bridge reopened.\n\nUpdate: Two buses crossed.\n\nCorrection: The bridge is in Arlo.\n\nUpdate: Calm.",
    # times are not labels
    "10:30 Shelling resumed.\n\n11:15 A convoy left.\n\n12:00 The road closed.",
    # a single labelled paragraph is not a transcript
    "Mayor Ivo Stan: We will rebuild.\n\nThe town was shelled on Monday.\n\nResidents fled.",
])
def test_not_a_transcript(body):
    article = Article.build("t", body, published=date(2025, 3, 12))
    assert transcript_turns(article) == []
