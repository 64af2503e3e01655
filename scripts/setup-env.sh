#!/usr/bin/env bash
# Creates .venv exactly from uv.lock. Needs only python3 with venv and pip:
# uv itself is installed from PyPI into a private tool venv (.tools/).
# Usage: scripts/setup-env.sh [uv sync options, e.g. --group test]
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
  echo "error: $PY not found. Install Python 3.11 or newer (with venv and pip)." >&2
  exit 1
fi
if [ ! -x .tools/bin/uv ] || [ "$(.tools/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  echo "==> installing uv $UV_VERSION into .tools/ (one time)"
  "$PY" -m venv .tools
  .tools/bin/pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
echo "==> syncing .venv from uv.lock"
# Never download a Python build: use the machine's own interpreter, by its real path
# (a pyenv shim's path differs from the venv's, and uv would recreate .venv every time).
PY_REAL=$("$PY" -c 'import sys; print(sys.executable)')
UV_PYTHON_DOWNLOADS=never .tools/bin/uv sync --frozen --python "$PY_REAL" "$@"
