"""The handout as files for trainers: `make handout` (SITE_URL required).

Builds the site for SITE_URL (strict), serves it on loopback and, with headless Chromium,
writes into dist/ (or --out):
- selebaran.pdf: /selebaran/ printed on A4, exactly one page (the print style sheet);
- selebaran-slide.png: 1920 × 1080, the same page laid out as a slide (the three official
  channels and the home page's QR code) by scripts/handout-slide.css.
The QR codes encode the addresses of SITE_URL, so build with the address you deploy.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from akun_diblokir.localsite import CHROMIUM_ARGS, ROOT, LoopbackServer, build_site, chromium_path

PAGE = "selebaran/"
PDF_NAME = "selebaran.pdf"
PNG_NAME = "selebaran-slide.png"
SLIDE = {"width": 1920, "height": 1080}
SLIDE_CSS = ROOT / "scripts" / "handout-slide.css"


def make_handout(out_dir: Path, site_url: str) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path, png_path = out_dir / PDF_NAME, out_dir / PNG_NAME
    with tempfile.TemporaryDirectory() as tmp:
        result = build_site(ROOT, Path(tmp) / "site", site_url)
        if result.returncode != 0:
            raise SystemExit(f"error: the strict build failed:\n{result.output}")
        server = LoopbackServer(result.site_dir).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(color_scheme="light")
                page.goto(server.url + PAGE, wait_until="load")
                pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
                pages = len(PdfReader(io.BytesIO(pdf)).pages)
                if pages != 1:
                    raise SystemExit(f"error: docs/selebaran.md prints on {pages} A4 pages; expected 1 "
                                     "(shorten the page or the print style sheet's spacing).")
                pdf_path.write_bytes(pdf)
                slide = browser.new_page(viewport=SLIDE, device_scale_factor=1, color_scheme="light")
                slide.goto(server.url + PAGE, wait_until="load")
                slide.add_style_tag(path=str(SLIDE_CSS))
                slide.screenshot(path=str(png_path), type="png")
                browser.close()
        finally:
            server.stop()
    return pdf_path, png_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the files (default: dist/)")
    args = parser.parse_args()
    site_url = os.environ.get("SITE_URL", "")
    if not site_url.startswith(("http://", "https://")) or not site_url.endswith("/"):
        print("error: set SITE_URL to the address the site will be served from, for example: "
              "SITE_URL=https://panduan.example.org/ make handout", file=sys.stderr)
        return 2
    for path in make_handout(args.out.resolve(), site_url):
        print(f"{path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
