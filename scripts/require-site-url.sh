#!/bin/sh
# Stops `make build` (and `make handout`, `make offline`: argument 1 names the target) when
# SITE_URL is not an http(s) address ending in "/": without it the build would ship canonical
# URLs, link previews, QR codes and the sitemap pointing at 127.0.0.1:8000.
target="${1:-build}"
case "${SITE_URL:-}" in
  http://*/|https://*/) exit 0 ;;
  "") echo "error: set SITE_URL to the address the site will be served from, for example: SITE_URL=https://panduan.example.org/ make $target" >&2 ;;
  *) echo "error: SITE_URL is '$SITE_URL'; expected an http:// or https:// address ending in /, for example https://panduan.example.org/" >&2 ;;
esac
exit 2
