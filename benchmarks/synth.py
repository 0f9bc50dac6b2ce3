"""A synthetic corpus with known answers: articles generated from templates, plus their gold values.

Every article is fictional (invented places, groups and offices) and carries, in known
sentences, casualty and prisoner counts (category and number), dates (weekday names and
day-month dates, resolved against the publication date) and attributed statements, padded
with neutral filler to a realistic length. The gold values let a benchmark check accuracy
at scale, not only speed.

    python benchmarks/synth.py OUT_DIR [--articles 10000] [--per-file 1000] [--seed 7]

writes ``OUT_DIR/corpus-NNN.jsonl`` and ``OUT_DIR/gold.jsonl`` (one line per article).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

PLACES = ["Arlo", "Brennick", "Castel Vey", "Dunmore Ridge", "Esker", "Felton Cross", "Garrow", "Halden",
          "Istvale", "Jorvik Flats", "Kettering Pass", "Lowmere"]
GROUPS = ["Northern Liberation Front", "Valley Defence Brigades", "Coastal Resistance Movement",
          "Eastern Salvation Army"]
OFFICES = ["the regional health ministry", "the provincial governor's office", "the civil defence agency",
           "a local monitoring group"]
SPEAKERS = [("Marta Kovan", "a spokeswoman for the civil defence agency"),
            ("Tomas Reyl", "a district official"),
            ("Ilse Varn", "a nurse at the main hospital"),
            ("Oren Falk", "a commander of the local militia")]
OUTLETS = ["Meridian Wire", "Radio Kestrel", "The Harbour Courier"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                "twenty"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLER = [
    "Residents described long queues outside the few bakeries that were still open.",
    "The road between the two towns has been closed to civilian traffic for weeks.",
    "Aid convoys have struggled to reach the area because of damaged bridges.",
    "Local traders said prices for fuel and flour had risen sharply.",
    "Schools in the district remain shut and many families have moved in with relatives.",
    "Diplomats in the capital called for calm and urged both sides to return to talks.",
    "Electricity is available for only a few hours each evening, residents said.",
    "The fighting has turned farmland along the river into a no-go zone.",
    "Journalists were not allowed to enter the town independently.",
    "Mobile phone networks were down for much of the week, making it hard to verify accounts.",
    "Humanitarian groups warned that stocks of medicine were running low.",
    "Many shops along the main street had their shutters pulled down.",
    "Farmers said they had been unable to bring in the harvest.",
    "Church and mosque leaders appealed for the protection of places of worship.",
    "The front line has barely moved since the start of the year, analysts said.",
    "Local radio stations broadcast lists of shelters and water points.",
]


@dataclass
class Gold:
    """What a correct extraction finds in one article."""

    article_id: str
    published: str
    tallies: list[tuple[str, int]] = field(default_factory=list)   # (category, best)
    dates: list[str] = field(default_factory=list)                # ISO start dates of dated events
    speakers: list[str] = field(default_factory=list)             # canonical speaker names


def _count(rng: random.Random) -> tuple[str, int]:
    """A count written as a word, digits, or digits with a thousands separator."""
    style = rng.random()
    if style < 0.35:
        n = rng.randint(2, 20)
        return NUMBER_WORDS[n], n
    if style < 0.85:
        n = rng.randint(21, 400)
        return str(n), n
    n = rng.randint(1001, 9999)
    return f"{n:,}", n


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _sentences(rng: random.Random, published: date, gold: Gold) -> list[str]:
    """The fact sentences of one article, recording their gold values."""
    out = []
    place, group = rng.choice(PLACES), rng.choice(GROUPS)
    back = rng.randint(1, 6)
    weekday_day = published - timedelta(days=back)
    words, n = _count(rng)
    office = rng.choice(OFFICES)
    out.append(f"{_cap(words)} civilians were killed when shells hit a market in {place} on "
               f"{WEEKDAYS[weekday_day.weekday()]}, {office} said.")
    gold.tallies.append(("killed", n))
    gold.dates.append(weekday_day.isoformat())
    day = published - timedelta(days=rng.randint(8, 40))
    words, n = _count(rng)
    out.append(f"Fighters of the {group} captured {words} soldiers near {rng.choice(PLACES)} on "
               f"{day.day} {MONTHS[day.month - 1]}, the group said in a statement.")
    gold.tallies.append(("captured", n))
    gold.dates.append(day.isoformat())
    if rng.random() < 0.6:
        words, n = _count(rng)
        out.append(f"At least {words} people were wounded in the attack, according to {rng.choice(OFFICES)}.")
        gold.tallies.append(("injured", n))
    name, role = rng.choice(SPEAKERS)
    out.append(f"\u201cWe have nowhere left to go,\u201d said {name}, {role}.")
    gold.speakers.append(name)
    return out


def make_article(index: int, rng: random.Random, words_target: int = 550) -> tuple[dict, Gold]:
    """One JSONL record and its gold values."""
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
    article_id = f"synth-{index:06d}"
    gold = Gold(article_id, published.isoformat())
    facts = _sentences(rng, published, gold)
    paragraphs, words = [], 0
    fact_slots = sorted(rng.sample(range(2, 12), len(facts)))
    slot = 0
    while words < words_target or slot < len(facts):
        if slot < len(facts) and len(paragraphs) >= fact_slots[slot] - 1:
            paragraph = facts[slot]
            slot += 1
        else:
            paragraph = " ".join(rng.sample(FILLER, rng.randint(2, 4)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    title = f"Fighting flares near {rng.choice(PLACES)}"
    record = {"id": article_id, "title": title, "outlet": rng.choice(OUTLETS), "published": published.isoformat(),
              "text": "\n\n".join(paragraphs)}
    return record, gold


def write_corpus(out_dir: Path, n_articles: int = 10_000, per_file: int = 1000, seed: int = 7,
                 first_id: int = 0) -> list[Path]:
    """Write the corpus files and gold.jsonl into OUT_DIR; returns the corpus files (ids from FIRST_ID on)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files: list[Path] = []
    with (out_dir / "gold.jsonl").open("w", encoding="utf-8") as gold_out:
        handle = None
        for index in range(n_articles):
            if index % per_file == 0:
                if handle:
                    handle.close()
                files.append(out_dir / "corpus" / f"corpus-{index // per_file:03d}.jsonl")
                files[-1].parent.mkdir(exist_ok=True)
                handle = files[-1].open("w", encoding="utf-8")
            record, gold = make_article(first_id + index, rng)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            gold_out.write(json.dumps(gold.__dict__) + "\n")
        if handle:
            handle.close()
    return files


def load_gold(path: Path) -> dict[str, Gold]:
    golds = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        data["tallies"] = [tuple(t) for t in data["tallies"]]
        golds[data["article_id"]] = Gold(**data)
    return golds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = write_corpus(args.out, args.articles, args.per_file, args.seed)
    print(f"wrote {args.articles} articles in {len(files)} file(s) under {args.out}/corpus, gold in gold.jsonl")


if __name__ == "__main__":
    main()
