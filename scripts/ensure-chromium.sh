#!/usr/bin/env bash
# Makes sure a headless Chromium is available for the browser tests and prints its path.
# Order: $CHROMIUM_PATH, a system Chromium, Debian's package (as root), Playwright's own build.
set -euo pipefail
cd "$(dirname "$0")/.."
found() { echo "$1"; exit 0; }
[ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && found "$CHROMIUM_PATH"
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && found "$c"; done
if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
  echo "==> installing Debian's chromium package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
  [ -x /usr/bin/chromium ] && found /usr/bin/chromium
fi
if [ ! -r /etc/debian_version ] && .venv/bin/playwright install chromium >&2; then
  p=$(.venv/bin/python -c 'from playwright.sync_api import sync_playwright as s
with s() as p: print(p.chromium.executable_path)')
  [ -x "$p" ] && found "$p"
fi
echo "error: no headless Chromium found. Install Chromium (Debian/Ubuntu: 'sudo apt-get install chromium') or set CHROMIUM_PATH to its executable." >&2
exit 1
