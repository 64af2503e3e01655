"""For trainers: redirect pages that preview, _redirects, robots.txt, icons, a deploy
build that needs SITE_URL, the handout files of `make handout`."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pypdfium2
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import Browser
from pypdf import PdfReader
from sitetools import ROOT, LoopbackServer, html_files, mkdocs_config

from akun_diblokir import deploy as deploy_files
from akun_diblokir import publishedlinks

DEPLOY_URL = "https://panduan.example.org/"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _redirect_maps() -> dict[str, str]:
    plugins = mkdocs_config()["plugins"]
    return next(p["redirects"]["redirect_maps"] for p in plugins if isinstance(p, dict) and "redirects" in p)


def _preview_tags(soup: BeautifulSoup) -> dict[str, str]:
    tags = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name") or ""
        if key == "description" or key.startswith(("og:", "twitter:")):
            tags[key] = meta.get("content")
    return tags


# --- Redirect pages, _redirects ----------------------------------------------------------


def test_redirect_pages_are_indonesian_noindex_with_the_targets_canonical_and_preview(site_dir: Path) -> None:
    maps = _redirect_maps()
    assert len(maps) >= 6
    for entry in deploy_files.redirects(maps):
        page = _soup(site_dir / entry.source_file)
        target = _soup(site_dir / entry.target_file)
        where = f"/{entry.source} -> /{entry.target}"
        assert page.html.get("lang") == "id", where
        assert page.title.string == target.title.string, where
        og_title = target.find("meta", property="og:title")["content"]
        assert page.find("a", id="tujuan").get_text(strip=True) == og_title, where
        assert page.find("link", rel="canonical")["href"] == target.find("link", rel="canonical")["href"], where
        preview = _preview_tags(page)
        assert preview == _preview_tags(target) and "og:image" in preview and "twitter:card" in preview, where
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex", where
        assert "Redirecting" not in page.get_text() and "redirected" not in page.get_text(), where


def test_redirects_file_lists_every_redirect_map_and_every_short_path_is_published(site_dir: Path) -> None:
    lines = [line for line in (site_dir / "_redirects").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    expected = []
    for old, new in _redirect_maps().items():
        source = "/" + old.removesuffix(".md") + "/"
        target = "/" + new.removesuffix(".md").removesuffix("index") + ("" if new.endswith("index.md") else "/")
        expected.append(f"{source} {target} 301")
    assert lines == expected
    published = {item.link for item in publishedlinks.read_list()}
    for line in lines:
        source, target, _ = line.split()
        assert source in published and target in published, line
        problem, final = publishedlinks.resolve(site_dir, source)
        assert problem is None and final == target, (line, problem, final)


def test_redirects_file_uses_the_path_of_site_url() -> None:
    entries = deploy_files.redirects({"formulir.md": "pemulihan/formulir-pengaduan.md", "lama/index.md": "index.md"})
    text = deploy_files.redirects_file("https://example.org/akun/", entries)
    assert text.splitlines()[1:] == [
        "/akun/formulir/ /akun/pemulihan/formulir-pengaduan/ 301",
        "/akun/lama/ /akun/ 301",
    ]


def test_short_path_with_a_heading_lands_on_the_heading(site: LoopbackServer, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(site.url + "formulir/#isi", wait_until="load")
    page.wait_for_url(site.url + "pemulihan/formulir-pengaduan/#isi")
    page.goto(site.url + "teks/", wait_until="load")
    page.wait_for_url(site.url + "teks-siap-pakai/")
    assert page.locator("h1").inner_text().startswith("Teks siap pakai")
    page.close()


# --- robots.txt, icons, valid markup -----------------------------------------------------


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read()


def test_robots_txt_announces_the_absolute_sitemap(site: LoopbackServer) -> None:
    status, _, body = _get(site.url + "robots.txt")
    lines = body.decode().splitlines()
    assert status == 200 and f"Sitemap: {site.url}sitemap.xml" in lines and "User-agent: *" in lines
    assert _get(site.url + "sitemap.xml")[0] == 200


def test_favicon_ico_and_touch_icon_are_served(site: LoopbackServer, site_dir: Path) -> None:
    status, _, body = _get(site.url + "favicon.ico")
    ico = Image.open(io.BytesIO(body))
    assert status == 200 and ico.format == "ICO" and {(16, 16), (32, 32)} <= set(ico.info["sizes"])
    for page in html_files(site_dir):
        soup = _soup(page)
        if soup.find("article") is None:
            continue  # redirect pages
        link = soup.find("link", rel="apple-touch-icon")
        assert link is not None, page
        url = urljoin(site.url + page.relative_to(site_dir).as_posix(), link["href"])
        status, kind, body = _get(url)
        assert (status, kind, Image.open(io.BytesIO(body)).size) == (200, "image/png", (180, 180)), page
        icon = soup.find("link", rel="icon")["href"]
        assert " " not in icon and icon.startswith("data:image/svg+xml,"), page


def test_no_label_points_at_a_missing_control(site_dir: Path) -> None:
    problems = []
    for page in html_files(site_dir):
        soup = _soup(page)
        ids = {el["id"] for el in soup.find_all(id=True)}
        problems += [f"{page.relative_to(site_dir)}: <label for={label['for']}>"
                     for label in soup.find_all("label", attrs={"for": True}) if label["for"] not in ids]
    assert not problems, problems
    # The pages Material gives such a label (section index pages) still show the contents title.
    assert _soup(site_dir / "pemulihan" / "index.html").select_one(".md-nav--secondary .md-nav__title")


# --- A deploy build needs SITE_URL ---------------------------------------------------------


def _make(*args: str, env: dict[str, str], cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], check=False, cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.builds  # runs `make build` (a subprocess the marker rule cannot see through _make)
@pytest.mark.builds
def test_make_build_without_site_url_stops_with_one_sentence_and_builds_with_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    out = tmp_path / "site"
    refused = _make("build", f"SITE_DIR={out}", env=env)
    assert refused.returncode != 0 and not out.exists()
    assert refused.stderr.splitlines()[0].startswith("error: set SITE_URL to the address"), refused.stderr
    wrong = _make("build", f"SITE_DIR={out}", env=dict(env, SITE_URL="panduan.example.org"))
    assert wrong.returncode != 0 and "expected an http:// or https:// address" in wrong.stderr and not out.exists()
    built = _make("build", f"SITE_DIR={out}", env=dict(env, SITE_URL=DEPLOY_URL))
    assert built.returncode == 0, built.stdout + built.stderr
    home = _soup(out / "index.html")
    assert home.find("link", rel="canonical")["href"] == DEPLOY_URL
    assert f"Sitemap: {DEPLOY_URL}sitemap.xml" in (out / "robots.txt").read_text()


# --- make handout ----------------------------------------------------------------------------


@pytest.mark.browser  # `make handout` builds the site and prints it with Chromium
def test_make_handout_from_a_clean_checkout_writes_a_one_page_pdf_and_a_slide(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in filter(None, tracked.stdout.split("\0")):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    # The environment is the one this test runs in (set-up only checks it: no download).
    for env_dir in (".venv", ".tools"):
        (clone / env_dir).symlink_to(ROOT / env_dir)
    assert not (clone / "dist").exists()
    env = dict(os.environ, SITE_URL=DEPLOY_URL)
    result = _make("handout", env=env, cwd=clone)
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = PdfReader(clone / "dist" / "selebaran.pdf")
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = pdf.pages[0].extract_text()
    assert "0800-150-3001" in text and "info@prakerja.go.id" in text and DEPLOY_URL + "selebaran/" in text
    slide = Image.open(clone / "dist" / "selebaran-slide.png")
    assert slide.size == (1920, 1080)
    codes = zxingcpp.read_barcodes(slide.convert("L"))
    assert [code.text for code in codes] == [DEPLOY_URL]
    refused = _make("handout", env={k: v for k, v in env.items() if k != "SITE_URL"}, cwd=clone)
    assert refused.returncode != 0 and "set SITE_URL" in refused.stderr
    assert pypdfium2.PdfDocument(clone / "dist" / "selebaran.pdf")  # also a PDF another reader opens
