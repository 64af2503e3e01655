"""The offline copy (`make offline`): a zip that works opened from disk, search included."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from sitetools import ROOT


def test_offline_zip_opens_from_disk_and_search_finds_pages(tmp_path: Path, browser: Browser) -> None:
    # The same script `make offline` runs, writing into a temp folder instead of dist/.
    env = dict(os.environ, SITE_URL="https://panduan.example.org/")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make-offline.py"), "--out", str(tmp_path / "dist")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    archive = tmp_path / "dist" / "akun-prakerja-diblokir-offline.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert all(n.startswith("akun-prakerja-diblokir/") for n in names), names[:5]
        zf.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / "akun-prakerja-diblokir"
    assert list((root / "assets" / "qr").glob("*.png")), "the offline copy has no QR codes"
    # The webinar kit in the copy still gives the online addresses, as the online site has
    # them: each copy box (a long and a short address of each link) holds the address its
    # copy button copies, folder-style, never a file of this copy.
    kit = BeautifulSoup((root / "kit-webinar.html").read_text(encoding="utf-8"), "lxml")
    boxes = [code.get_text() for code in kit.select("article .kit-tautan pre > code")]
    for url in ("https://panduan.example.org/pemulihan/formulir-pengaduan/", "https://panduan.example.org/formulir/"):
        assert url in boxes, f"offline kit has wrong URLs: no copy box holds {url}; boxes: {boxes}"
    wrong = [url for url in boxes if not url.startswith("https://panduan.example.org/") or ".html" in url]
    assert len(boxes) > len(kit.select("article .kit-tautan")) and not wrong, f"offline kit has wrong URLs: {wrong}"

    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:"))
            else outside.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto((root / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("formulir", delay=20)  # key by key, as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    first = results.first.locator("a").first.get_attribute("href") or ""
    assert first.startswith("file:") and ".html" in first, f"search links to {first!r}, not a file"

    # A short path works from disk too: the redirect page leads to the real page.
    page.goto((root / "formulir.html").as_uri())
    page.wait_for_url("**/pemulihan/formulir-pengaduan.html", timeout=5000)
    assert page.locator("article h1").count() == 1

    context.close()
    assert not outside, f"the offline copy requested: {outside}"
    assert not errors, errors
