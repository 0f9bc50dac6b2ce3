"""Check that every gold row of a held-out set is findable, and write a "perfect" prediction from the gold.

    PYTHONPATH=src python benchmarks/check_gold.py benchmarks/heldout3 OUT_DIR [SCORE_PY]

Each gold mention (with its context) must sit inside ONE sentence of its article as read by
``conflictbook.ingest`` and segmented by ``conflictbook.article``; each comparison phrase inside
one sentence. The prediction written to OUT_DIR takes the mention as span, that sentence as
evidence and the first accepted value of every field, so scoring it must give 1.000 on every
table. Exit code 1 when a gold string cannot be found.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path, PurePosixPath

import yaml

from conflictbook.ingest import iter_inputs

HERE = Path(__file__).resolve().parent      # benchmarks/
SPANS = {"timeline": "when_text", "tallies": "quantity_text", "claims": "text"}


def load_scorer(path: Path):
    """The acceptance scorer as a module (for its normalisation and column lists)."""
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module                   # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def first(value):
    """The first accepted alternative of a gold value."""
    return value[0] if isinstance(value, list) else value


def span_row(table: str, index: int, gold: dict) -> dict:
    """The fields of one perfect prediction row (besides article_id, span and evidence)."""
    if table == "timeline":
        return {"event_id": index, "start": first(gold["start"]), "end": first(gold["end"]),
                "precision": first(gold["precision"])}
    if table == "tallies":
        best = first(gold.get("best", ""))
        return {"tally_id": index, "category": first(gold["category"]), "best": "" if best == "any" else best,
                "perpetrator": first(gold.get("perpetrator", "")), "status": first(gold.get("status", "")),
                "date": first(gold.get("date", ""))}
    return {"claim_id": index, "speaker": first(gold["speaker"]), "mode": first(gold["mode"]),
            "via": first(gold.get("via", ""))}


def main(set_dir: Path, out: Path, scorer_path: Path) -> int:
    score = load_scorer(scorer_path)
    norm = score.norm
    articles = {}
    for article in iter_inputs([str(set_dir / "articles")]):
        if hasattr(article, "sentences"):
            articles[article.article_id] = article
            articles.setdefault(PurePosixPath(article.source_path).name, article)
    rows: dict[str, list[dict]] = {name: [] for name in score.COLUMNS}
    problems = 0
    for gold_file in sorted((set_dir / "gold").glob("*.yml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        article = articles[gold["article"]]
        sentences = [(s.text, norm(s.text)) for s in article.sentences]
        meta = gold.get("meta") or {}
        rows["articles"].append({"article_id": article.article_id, "source_path": article.source_path,
                                 **{k: first(meta.get(k, "")) for k in ("title", "outlet", "author", "section")},
                                 "published": meta.get("published", "")})
        for table, span in SPANS.items():
            for index, row in enumerate(gold.get(table) or []):
                mention, context = norm(row.get("mention")), norm(row.get("context"))
                hits = [text for text, low in sentences if mention in low and context in low]
                if not hits:
                    print(f"{gold_file.name} {table}: not in one sentence: {row.get('mention')!r}")
                    problems += 1
                elif not row.get("optional"):
                    rows[table].append({"article_id": article.article_id, span: row["mention"],
                                        "evidence": hits[0], **span_row(table, index, row)})
        for topic in gold.get("comparison") or []:
            for source, phrases in (topic.get("sources") or {}).items():
                phrase = first(phrases)
                hits = [text for text, low in sentences if norm(phrase) in low]
                if not hits:
                    print(f"{gold_file.name} comparison {topic['id']}: not in one sentence: {phrase!r}")
                    problems += 1
                    continue
                rows["comparison"].append({"topic_id": f"{article.article_id}:{topic['id']}", "topic": topic["id"],
                                           "article_id": article.article_id, "source": source, "stance": "reports",
                                           "position": phrase, "evidence": hits[0],
                                           "verdict": first(topic["verdict"])})
    out.mkdir(parents=True, exist_ok=True)
    for name, columns in score.COLUMNS.items():
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows({c: row.get(c, "") for c in columns} for row in rows[name])
    print(f"{problems} gold string(s) not found; perfect prediction written to {out}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    default_scorer = HERE.parents[1] / "shared" / "tools" / "score.py"
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) == 4 else default_scorer))
