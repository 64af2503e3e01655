#!/usr/bin/env bash
# Build the site with ENGINE (mkdocs or zensical) into SITE_DIR: `make build [ENGINE=...]`.
# Either engine renders the pages through the project's Markdown extension (the content
# layer); then the same two verbs run on its output: `finish` (post-build steps, idempotent)
# and `audit` (every check, read-only), which fail with the same messages for both engines.
# MkDocs runs both already from the project's plugin; running them again changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
engine="${1:-mkdocs}"
site_dir="${2:-site}"
bin="${VENV:-.venv}/bin"  # the tests build copies of the project with the project's .venv
case "$engine" in
  mkdocs)
    "$bin/mkdocs" build --strict -d "$site_dir"
    ;;
  zensical)
    # Zensical writes into site_dir of mkdocs.yml (site/) and reads `strict: true` there.
    "$bin/zensical" build --clean -f mkdocs.yml
    if [ "$site_dir" != "site" ]; then rm -rf "$site_dir"; mv site "$site_dir"; fi
    "$bin/python" -m akun_diblokir finish "$site_dir"
    ;;
  *)
    echo "error: ENGINE=$engine is not known; expected mkdocs or zensical" >&2
    exit 2
    ;;
esac
"$bin/python" -m akun_diblokir audit "$site_dir"
