#!/usr/bin/env bash
# Accuracy floor: extract the reference articles and fail when a table's strict score drops
# below the level already reached (raise these as the extractors improve, never lower them).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -f "$shared/tools/score.py" ]; then
  echo "check_scores: skipped: $shared/tools/score.py not found (reference articles live beside the checkout)"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.venv/bin/conflictbook extract "$shared/seeds" "$shared/articles" --out "$out" --quiet
# Seed article: the acceptance levels of the issues.
.venv/bin/python "$shared/tools/score.py" --pred "$out" --gold "$shared/gold/000_7ac6687362326750.yml" \
  --min meta=1.0 --min timeline=1.0 --min tallies=1.0 --min claims=1.0 --min comparison=1.0
# All reference articles together.
.venv/bin/python "$shared/tools/score.py" --pred "$out" --gold "$shared/gold" \
  --min meta=1.0 --min timeline=1.0 --min tallies=1.0 --min claims=1.0 --min comparison=1.0
# Held-out set in benchmarks/heldout (fictional, annotated without reading the extractors):
# the levels reached, so no change loses generalisation silently.
.venv/bin/conflictbook extract benchmarks/heldout/articles --out "$out/heldout" --quiet || true
.venv/bin/python "$shared/tools/score.py" --pred "$out/heldout" --gold benchmarks/heldout/gold \
  --min meta=1.0 --min timeline=0.96 --min tallies=0.89 --min claims=0.97 --min comparison=0.66
# Second held-out set (benchmarks/heldout2, written blind in new styles; first scored at overall 0.610,
# then used for development): the levels reached.
.venv/bin/conflictbook extract benchmarks/heldout2/articles --out "$out/heldout2" --quiet || true
.venv/bin/python "$shared/tools/score.py" --pred "$out/heldout2" --gold benchmarks/heldout2/gold \
  --min meta=1.0 --min timeline=0.98 --min tallies=0.90 --min claims=0.98 --min comparison=0.59
# Third held-out set (benchmarks/heldout3, written blind in real-reporting styles; first scored at overall
# 0.718, then used for development): the levels reached.
.venv/bin/conflictbook extract benchmarks/heldout3/articles --out "$out/heldout3" --quiet || true
.venv/bin/python "$shared/tools/score.py" --pred "$out/heldout3" --gold benchmarks/heldout3/gold \
  --min meta=1.0 --min timeline=1.0 --min tallies=0.87 --min claims=0.89 --min comparison=0.47
# Fourth held-out set (benchmarks/heldout4, written blind; kept blind: no rule was written from its misses).
# Its floor only guards against losing what unseen styles already get.
.venv/bin/conflictbook extract benchmarks/heldout4/articles --out "$out/heldout4" --quiet || true
.venv/bin/python "$shared/tools/score.py" --pred "$out/heldout4" --gold benchmarks/heldout4/gold \
  --min meta=1.0 --min timeline=0.93 --min tallies=0.59 --min claims=0.81 --min comparison=0.25
