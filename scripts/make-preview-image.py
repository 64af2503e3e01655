"""Render the link-preview image (1200 × 630 PNG) from scripts/preview-image.html.

Run once after editing the HTML, then commit both files:
    CHROMIUM_PATH=$(scripts/ensure-chromium.sh) .venv/bin/python scripts/make-preview-image.py
The site serves the result as assets/social/preview.png (see overrides/main.html).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "preview-image.html"
TARGET = ROOT / "docs" / "assets" / "social" / "preview.png"
WIDTH, HEIGHT = 1200, 630


def main() -> int:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        print("error: set CHROMIUM_PATH to a Chromium executable (scripts/ensure-chromium.sh finds one).",
              file=sys.stderr)
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        page.goto(SOURCE.as_uri())
        page.screenshot(path=str(TARGET), type="png")
        browser.close()
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
