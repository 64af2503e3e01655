#!/usr/bin/env bash
# Installs the pinned Lighthouse of benchmarks/package-lock.json into benchmarks/node_modules
# (npm ci, only when it is missing or another version), for the benchmark (make bench).
set -euo pipefail
cd "$(dirname "$0")/../benchmarks"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: Node.js with npm not found. Install Node 20 (Debian/Ubuntu: 'sudo apt-get install nodejs npm')." >&2
  exit 1
fi
want=$(node -p 'require("./package.json").devDependencies.lighthouse')
have=$(node_modules/.bin/lighthouse --version 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "==> installing Lighthouse $want into benchmarks/node_modules (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
