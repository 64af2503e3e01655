"""Render the site's icons from docs/assets/favicon.svg: /favicon.ico and /apple-touch-icon.png.

Browsers and chat apps ask for /favicon.ico on their own, and iOS for a 180 × 180 PNG
(`apple-touch-icon`, linked from overrides/main.html). Run once after editing the SVG, then
commit the results (Chromium draws the SVG, Pillow writes the ICO):
    CHROMIUM_PATH=$(scripts/ensure-chromium.sh) .venv/bin/python scripts/make-icons.py
"""

from __future__ import annotations

import io
import sys

from PIL import Image
from playwright.sync_api import sync_playwright

from akun_diblokir.localsite import CHROMIUM_ARGS, ROOT, chromium_path

SOURCE = ROOT / "docs" / "assets" / "favicon.svg"
ICO = ROOT / "docs" / "favicon.ico"
TOUCH = ROOT / "docs" / "apple-touch-icon.png"
ICO_SIZES = (16, 32, 48)
TOUCH_PX, TOUCH_PAD = 180, 20  # iOS fills transparency with black: white square, padded shield


def _render(page, svg: str, px: int, pad: int, background: str) -> Image.Image:
    inner = px - 2 * pad
    page.set_viewport_size({"width": px, "height": px})
    page.set_content(
        f'<html><body style="margin:0;background:{background}">'
        f'<div style="width:{inner}px;height:{inner}px;padding:{pad}px">'
        f'{svg.replace("<svg ", f"<svg width={inner!r} height={inner!r} ", 1)}</div></body></html>'
    )
    return Image.open(io.BytesIO(page.screenshot(type="png", omit_background=background == "transparent")))


def main() -> int:
    svg = SOURCE.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(device_scale_factor=1)
        largest = _render(page, svg, max(ICO_SIZES), 0, "transparent")
        touch = _render(page, svg, TOUCH_PX, TOUCH_PAD, "#ffffff")
        browser.close()
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    touch.convert("RGB").save(TOUCH, format="PNG", optimize=True)
    for target in (ICO, TOUCH):
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
