#!/usr/bin/env bash
# Makes sure LibreOffice (headless, for `make handout`: the slide deck as PDF) is available and
# prints the path of its `soffice`. Order: $SOFFICE, a system LibreOffice, Debian's packages
# (as root; with the Liberation fonts, which have Arial's metrics, the deck's font).
set -euo pipefail
found() { echo "$1"; exit 0; }
[ -n "${SOFFICE:-}" ] && [ -x "$SOFFICE" ] && found "$SOFFICE"
for c in soffice libreoffice; do p=$(command -v "$c" || true); [ -n "$p" ] && found "$p"; done
for c in /usr/bin/soffice /usr/lib/libreoffice/program/soffice /opt/libreoffice*/program/soffice \
         /Applications/LibreOffice.app/Contents/MacOS/soffice; do [ -x "$c" ] && found "$c"; done
if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
  echo "==> installing Debian's libreoffice-impress package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends libreoffice-impress fonts-liberation >&2
  [ -x /usr/bin/soffice ] && found /usr/bin/soffice
fi
echo "error: no LibreOffice found to turn the slides into PDF. Install LibreOffice Impress (Debian/Ubuntu: 'sudo apt-get install libreoffice-impress') or set SOFFICE to its soffice executable." >&2
exit 1
