"""Sentence splitting with offsets: abbreviations, quotes, initials, headline flag."""

import pytest

from conflictbook.article import Article, normalize_space, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops arrived at dawn. They left by noon.", ["Troops arrived at dawn.", "They left by noon."]),
        ("Gen. Ivo Dask said the posts fell. No one was hurt.",
         ["Gen. Ivo Dask said the posts fell.", "No one was hurt."]),
        ("Soldiers of No. 7 Brigade moved in. Residents fled.",
         ["Soldiers of No. 7 Brigade moved in.", "Residents fled."]),
        ("The U.N. mission said it was alarmed. It called for calm.",
         ["The U.N. mission said it was alarmed.", "It called for calm."]),
        ("“We buried eleven people. The rest are missing,” said a farmer. He wept.",
         ["“We buried eleven people.", "The rest are missing,” said a farmer.", "He wept."]),
        ("He shouted “Run!” and fled. Nobody followed.", ["He shouted “Run!” and fled.", "Nobody followed."]),
        ("Talks began on Jan. 3 in the capital. They failed.",
         ["Talks began on Jan. 3 in the capital.", "They failed."]),
        ("J. K. Moreau, a medic, counted the dead. She said 12 died.",
         ["J. K. Moreau, a medic, counted the dead.", "She said 12 died."]),
        ("Shelling resumed... Then silence.", ["Shelling resumed...", "Then silence."]),
        ("Is it over? Nobody knows.", ["Is it over?", "Nobody knows."]),
        ("The toll was 3.5 times higher. Aid groups said so.",
         ["The toll was 3.5 times higher.", "Aid groups said so."]),
    ],
)
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_paragraphs_and_headline():
    article = Article.build("a1", "First para here. Second sentence.\n\nNext para.", title="Headline Words")
    assert article.text == "Headline Words\n\nFirst para here. Second sentence.\n\nNext para."
    assert [(s.paragraph, s.headline) for s in article.sentences] == [(0, True), (1, False), (1, False), (2, False)]
    assert article.body == "First para here. Second sentence.\n\nNext para."
    assert article.sentence_at(article.text.index("Second")).text == "Second sentence."
    assert article.sentence_at(len(article.text) + 5) is None
    assert article.n_words == 7


def test_single_newlines_are_paragraphs_when_no_blank_lines():
    article = Article.build("a2", "Line one is here.\nLine two is here.")
    assert [s.paragraph for s in article.sentences] == [0, 1]


def test_normalize_space():
    assert normalize_space("  a\u00a0 b\n c\t") == "a b c"


def test_outlet_default():
    assert Article.build("a3", "Text.").outlet_or_default == "article"


def test_evidence_is_verbatim_and_clipped_only_when_huge():
    short = Article.build("a4", "Troops left the town. " * 2).sentences[0]
    assert short.evidence == short.text
    huge = Article.build("a5", "word " * 400 + "end.").sentences[0]
    assert len(huge.evidence) == 600 and huge.evidence.endswith("\u2026")
    assert huge.text.startswith(huge.evidence[:-1])


def test_headline_repeated_as_first_body_line_is_kept_once():
    article = Article.build("a6", "Rebels Take Arlo\nRebels took the town of Arlo on Sunday.", title="Rebels Take Arlo")
    assert article.text == "Rebels Take Arlo\n\nRebels took the town of Arlo on Sunday."


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gunmen KILLED two guards, police said.", {"gunmen", "killed", "two", "guards", "police", "said"}),
    ("The rebels' base fell on 3 May.", {"the", "rebels", "base", "fell", "on", "3", "may"}),
    ("", set()),
])
def test_sentence_words_are_lower_cased_word_runs(sentence, expected):
    article = Article.build("w", sentence or "x")
    assert article.sentences[-1].words == (expected or {"x"})


def test_sentences_are_split_on_first_use_and_survive_pickling() -> None:
    """A cached article (an incremental run) is never split; a pickled one splits where it is read."""
    import pickle

    article = Article.build("lazy", "Two men were hurt. Police said so.", title="Headline here")
    assert article._sentences is None
    copy = pickle.loads(pickle.dumps(article))
    assert [s.text for s in article.sentences] == ["Headline here", "Two men were hurt.", "Police said so."]
    assert article.sentences[0].headline and not article.sentences[1].headline
    assert [s.text for s in copy.sentences] == [s.text for s in article.sentences]
