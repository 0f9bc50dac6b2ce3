#!/usr/bin/env bash
# Set up everything conflictbook needs on a fresh machine with Python 3.11: a virtual
# environment in .venv with the package (editable) and its test extras, the Jupyter kernel
# papermill runs, and headless Chromium for the report check. Idempotent: re-running
# skips what is already in place. Needs only the package registries (PyPI, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

pick_python() {
  for candidate in "${PYTHON:-}" python3.11 python3 python; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "setup: Python 3.11 is required (set PYTHON=/path/to/python3.11)" >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  py=$(pick_python)
  echo "setup: creating .venv with $($py --version)"
  "$py" -m venv .venv
fi

stamp=".venv/.conflictbook-installed-$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing conflictbook and its dependencies into .venv (first run takes a few minutes)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
  .venv/bin/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (conflictbook)" >/dev/null
  rm -f .venv/.conflictbook-installed-*
  touch "$stamp"
fi

if [ -f scripts/install-browser.sh ]; then
  bash scripts/install-browser.sh || echo "setup: warning: headless Chromium could not be installed; the browser check of the report will be skipped" >&2
fi
echo "setup: ready (.venv/bin/conflictbook)"
