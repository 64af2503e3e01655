"""The files for trainers: `make handout` (SITE_URL required).

Builds the site for SITE_URL (strict) and writes into dist/ (or --out):
- selebaran.pdf: /selebaran/ printed on A4 by headless Chromium, exactly one page (the
  print style sheet);
- slides.pptx: the webinar slide deck the build publishes (akun_diblokir/slides.py), to
  import into PowerPoint, Google Slides or Canva;
- slides.pdf: the same deck rendered by LibreOffice (SOFFICE, else `soffice` on PATH).
The QR codes encode the addresses of SITE_URL, so build with the address you deploy.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from sitetools import CHROMIUM_ARGS, ROOT, LoopbackServer, build_site, chromium_path

from akun_diblokir import kit

PAGE = "selebaran/"
PDF_NAME = "selebaran.pdf"
DECK_NAME = "slides.pptx"
DECK_PDF_NAME = "slides.pdf"
OLD_FILES = ("selebaran-slide.png",)  # what earlier versions wrote; the deck replaces it


def print_handout(site_dir: Path, pdf_path: Path) -> None:
    server = LoopbackServer(site_dir).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(color_scheme="light")
            page.goto(server.url + PAGE, wait_until="load")
            pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
            browser.close()
    finally:
        server.stop()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    if pages != 1:
        raise SystemExit(f"error: docs/selebaran.md prints on {pages} A4 pages; expected 1 "
                         "(shorten the page or the print style sheet's spacing).")
    pdf_path.write_bytes(pdf)


def deck_to_pdf(deck: Path, pdf_path: Path) -> None:
    """Render the deck with LibreOffice, in a profile of its own (no first-run state shared
    with a desktop LibreOffice, and two runs at once do not collide)."""
    soffice = os.environ.get("SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("error: no LibreOffice found to render the slides as PDF; run `make handout`, which "
                         "installs it, or set SOFFICE to its soffice executable.")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", tmp, str(deck)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        rendered = Path(tmp) / (deck.stem + ".pdf")
        if proc.returncode != 0 or not rendered.is_file():
            raise SystemExit(f"error: LibreOffice did not render {deck.name}:\n{proc.stdout}{proc.stderr}")
        shutil.move(rendered, pdf_path)


def make_handout(out_dir: Path, site_url: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in OLD_FILES:
        (out_dir / name).unlink(missing_ok=True)
    pdf_path, deck_path, deck_pdf = out_dir / PDF_NAME, out_dir / DECK_NAME, out_dir / DECK_PDF_NAME
    with tempfile.TemporaryDirectory() as tmp:
        result = build_site(ROOT, Path(tmp) / "site", site_url)
        if result.returncode != 0:
            raise SystemExit(f"error: the strict build failed:\n{result.output}")
        print_handout(result.site_dir, pdf_path)
        shutil.copyfile(result.site_dir / kit.DECK, deck_path)
    deck_to_pdf(deck_path, deck_pdf)
    return [pdf_path, deck_path, deck_pdf]


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
