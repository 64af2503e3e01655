#!/usr/bin/env bash
# Makes sure nginx is available for the benchmark (make bench) and prints its path.
# Order: $NGINX, nginx on PATH or in /usr/sbin, Debian's package (as root).
set -euo pipefail
found() { echo "$1"; exit 0; }
[ -n "${NGINX:-}" ] && [ -x "$NGINX" ] && found "$NGINX"
command -v nginx >/dev/null 2>&1 && found "$(command -v nginx)"
[ -x /usr/sbin/nginx ] && found /usr/sbin/nginx
if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
  echo "==> installing Debian's nginx" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq nginx-light >&2 || apt-get install -y -qq nginx >&2
  [ -x /usr/sbin/nginx ] && found /usr/sbin/nginx
fi
echo "error: nginx not found. Install it (Debian/Ubuntu: 'sudo apt-get install nginx-light' or 'nginx') or set NGINX to its executable." >&2
exit 1
