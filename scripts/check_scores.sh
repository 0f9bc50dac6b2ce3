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
# The held-out sets (fictional, each written and annotated by someone who never read the extractors;
# benchmarks/heldoutN/README.md): the levels reached, so no change loses generalisation silently.
#   heldout, heldout2 (blind first run 0.610), heldout3 (blind 0.718): used for development since;
#   heldout4 (blind 0.693): kept blind, no rule was written from its misses.
held_out() {   # held_out SET TIMELINE TALLIES CLAIMS COMPARISON
  .venv/bin/conflictbook extract "benchmarks/$1/articles" --out "$out/$1" --quiet || true
  .venv/bin/python "$shared/tools/score.py" --pred "$out/$1" --gold "benchmarks/$1/gold" \
    --min meta=1.0 --min "timeline=$2" --min "tallies=$3" --min "claims=$4" --min "comparison=$5"
}
held_out heldout  0.96 0.90 0.98 0.66
held_out heldout2 0.98 0.90 0.98 0.59
held_out heldout3 1.0  0.87 0.89 0.47
held_out heldout4 0.93 0.61 0.83 0.25
