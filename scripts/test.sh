#!/usr/bin/env bash
# The full test suite: set-up, lint, unit and notebook tests, then the accuracy floor on the
# reference articles (skipped with a message where ../shared is absent). .ci/run calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MPLBACKEND=Agg PYTHONHASHSEED=0
echo "== ruff"
.venv/bin/ruff check .
echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
echo "== accuracy floor on the reference articles"
bash scripts/check_scores.sh
