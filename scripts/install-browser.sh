#!/usr/bin/env bash
# Install headless Chromium from the distribution's packages, for the browser check of the
# HTML report (tests/test_report_browser.py). Idempotent: does nothing when a Chromium binary
# is already on PATH; runs `apt-get update` only when the package lists do not know chromium.
# Needs root (or sudo) and a Debian/Ubuntu system; prints a reason and exits 1 otherwise.
set -euo pipefail

for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then
    echo "install-browser: $name already installed ($(command -v "$name"))"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get (not Debian/Ubuntu); install Chromium by hand to run the browser check" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo -n)
  else
    echo "install-browser: needs root or sudo to apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show chromium >/dev/null 2>&1; then
  echo "install-browser: apt-get update (chromium not in the package lists yet)"
  "${sudo_cmd[@]}" apt-get update -qq
fi
echo "install-browser: apt-get install chromium"
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null 2>&1 || { echo "install-browser: chromium not found after install" >&2; exit 1; }
echo "install-browser: installed $(chromium --version 2>/dev/null || echo chromium)"
