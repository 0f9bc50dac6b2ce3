#!/usr/bin/env bash
# Set everything up, run the main job on the bundled sample corpus, and open the report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out=${OUT:-out/sample}
status=0
.venv/bin/conflictbook report data/sample --out "$out" --notebook corpus || status=$?
page="$out/report.html"
echo
echo "Tables: $(cd "$out" && pwd)/{articles,timeline,tallies,claims,comparison,errors}.csv"
if [ -n "$page" ] && [ -f "$page" ]; then
  echo "Report: $(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
  .venv/bin/python -m webbrowser -t "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" >/dev/null 2>&1 || true
fi
# Exit code 1 means some input became a row in errors.csv (the sample corpus has none).
exit "$status"
