"""Portability: the same project (mkdocs.yml, docs/, overrides/) also builds with Zensical,
the successor of Material for MkDocs by its makers, without errors; every page of the nav
is there with its content, and the content layer (akun_diblokir/content.py, a Markdown
extension) gives its readers the same generated blocks (decisions/content-layer.md). What
Zensical still lacks, its Indonesian search, is in decisions/engines.md.

Zensical builds this site in well under a second; each test builds its own copy. Its search
is typed into in headless Chromium under the site's own Content-Security-Policy: the
overrides once left Zensical's search box at "Loading search…" for every query.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sitetools import ROOT, THEME_READY, VENV_BIN, copy_project
from test_security import parse_headers_file, served_with_csp_listener

ZENSICAL = VENV_BIN / "zensical"
SITE_URL = "https://panduan.example.org/akun/"
# A line of Zensical's output that reports a problem ("No issues found" is the clean case).
_PROBLEM_LINE = re.compile(r"(?i)\b(error|warning|traceback|aborted)\b|\b[1-9]\d* issues? found")


def zensical_build(project: Path) -> tuple[int, str]:
    """`zensical build --clean` of `project` (its mkdocs.yml has `strict: true`)."""
    env = dict(os.environ, SITE_URL=SITE_URL, NO_COLOR="1", TERM="dumb")
    proc = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", "mkdocs.yml"],
        cwd=project, env=env, capture_output=True, text=True, timeout=120,
    )
    return proc.returncode, proc.stdout + proc.stderr


def nav_pages(nav: list) -> Iterator[str]:
    for item in nav:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from nav_pages(value) if isinstance(value, list) else [value]


def built_path(src: str) -> str:
    """docs/x/y.md -> x/y/index.html; x/index.md -> x/index.html (directory URLs)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def markdown_h1(src: str) -> str:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    match = re.search(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", text, flags=re.MULTILINE)
    assert match, f"docs/{src} has no H1"
    return match.group(1).strip()


def html_h1(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    h1 = soup.select_one("article h1")
    assert h1 is not None, f"{path}: no H1 in the article"
    for link in h1.select(".headerlink"):
        link.decompose()
    return h1.get_text(" ", strip=True)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    code, output = zensical_build(project)
    assert code == 0, f"zensical build failed ({code}):\n{output}"
    problems = [line for line in output.splitlines() if _PROBLEM_LINE.search(line)]
    assert not problems, f"zensical reported problems:\n{output}"
    assert "No issues found" in output, output
    return project / "site"


@pytest.fixture(scope="module")
def zensical_served(zensical_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The module's Zensical build as `make build ENGINE=zensical` leaves it (the post-build
    steps of scripts/build.sh run on a copy, which writes `_headers`), under the path of
    SITE_URL (/akun/): (the folder to serve, the headers of its `_headers`)."""
    root = tmp_path_factory.mktemp("zensical-served")
    site = root / urlsplit(SITE_URL).path.strip("/")
    shutil.copytree(zensical_site, site)
    proc = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "akun_diblokir", "finish", str(site)],
        cwd=zensical_site.parent, env=dict(os.environ, SITE_URL=SITE_URL, NO_COLOR="1"),
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, f"post-build steps failed on the Zensical build:\n{proc.stdout}{proc.stderr}"
    rules = parse_headers_file(site / "_headers")
    assert list(rules) == ["/*"], rules
    return root, rules["/*"]


@pytest.mark.builds
def test_every_nav_page_is_built_by_zensical_with_its_heading(zensical_site: Path) -> None:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = list(nav_pages(config["nav"]))
    assert len(pages) >= 15, pages
    missing, wrong = [], []
    for src in pages:
        path = zensical_site / built_path(src)
        if not path.is_file():
            missing.append(f"{src} -> {built_path(src)}")
        elif html_h1(path) != markdown_h1(src):
            wrong.append(f"{built_path(src)}: H1 {html_h1(path)!r}, expected {markdown_h1(src)!r}")
    assert not missing, f"pages Zensical did not build: {missing}"
    assert not wrong, "\n".join(wrong)


@pytest.mark.builds
def test_theme_overrides_render_in_zensical(zensical_site: Path) -> None:
    """The overrides use only Jinja that Zensical's engine runs: footer contacts from the
    registry, the last-checked date, link previews and the Indonesian 404 page."""
    official = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["official"]
    soup = BeautifulSoup((zensical_site / "kontak" / "index.html").read_text(encoding="utf-8"), "html.parser")
    block = soup.select_one("footer .kontak-resmi")
    assert block is not None
    form = block.find("a", href=official["form"]["url"])
    assert form is not None and form.get_text(strip=True) == official["form"]["host"], block
    assert "subjek yang disarankan" in block.get_text(" ", strip=True)
    assert block.find("a", string="Semua kontak resmi") is None, "the contacts page links to itself"
    checked = soup.select_one("aside.last-checked time[datetime]")
    assert checked is not None, "no last-checked date"
    year, month, day = (int(n) for n in checked["datetime"].split("-"))
    assert checked.get_text(strip=True).startswith(f"{day} ") and checked.get_text(strip=True).endswith(f" {year}")
    assert soup.find("meta", property="og:url")["content"] == SITE_URL + "kontak/"
    home = BeautifulSoup((zensical_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("meta", property="og:type")["content"] == "website"
    not_found = BeautifulSoup((zensical_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.select_one("article h1").get_text(strip=True) == "Halaman tidak ditemukan"
    hrefs = [a["href"] for a in not_found.select("article a[href]")]
    assert hrefs == ["/akun/", "/akun/penyebab/", "/akun/pemulihan/", "/akun/kontak/"], hrefs


@pytest.mark.builds
def test_zensical_readers_get_the_help_bar_sources_kit_and_printed_addresses(zensical_site: Path) -> None:
    """The content layer runs inside Zensical too (markdown_extensions), before its table of
    contents and search index: the same generated blocks as the MkDocs build."""
    official = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["official"]
    causes = sorted((ROOT / "docs" / "penyebab").glob("*.md"))
    for src in [p for p in causes if p.name != "index.md"] + [ROOT / "docs" / "faq.md"]:
        rel = src.relative_to(ROOT / "docs").as_posix()
        soup = BeautifulSoup((zensical_site / built_path(rel)).read_text(encoding="utf-8"), "html.parser")
        bar = soup.select_one("article .bantuan-cepat")
        assert bar is not None, f"{rel}: no help bar"
        assert bar.find_previous_sibling().name == "p", f"{rel}: the help bar is not after the first paragraph"
        assert bar.find("a", href=official["form"]["url"]) is not None, rel
        builder = bar.find("a", string="Susun teks pengaduan")
        # A cause page's link opens the builder with that cause chosen; other pages' without one.
        cause = f"?penyebab={src.stem}" if src.parent.name == "penyebab" else ""
        assert builder["data-alamat"] == SITE_URL + "susun-pengaduan/" + cause, builder
        toc = [a.get_text(strip=True) for a in soup.select(".md-nav--secondary a")]
        assert "Sumber" in toc and "Riwayat perubahan" in toc, (rel, toc)
        assert soup.select("#sumber ~ ul li"), f"{rel}: no list of sources"
        footer = soup.select_one("aside.last-checked")
        assert footer is not None and "sumber terbaru" in footer.get_text(" ", strip=True), f"{rel}: {footer}"
    kit = BeautifulSoup((zensical_site / "kit-webinar" / "index.html").read_text(encoding="utf-8"), "html.parser")
    toc = [a.get_text(strip=True) for a in kit.select(".md-nav--secondary a")]
    assert "Mengisi formulir pengaduan resmi" in toc, toc
    assert kit.select_one("#formulir ~ svg.kit-qr, .kit-tautan svg.kit-qr") is not None
    png = kit.select_one('a[download="qr-formulir.png"]')["href"]
    assert (zensical_site / "kit-webinar" / png).resolve() == (zensical_site / "assets" / "qr" / "formulir.png").resolve(), png
    # The links of a page's text print with their absolute address.
    home = BeautifulSoup((zensical_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    addresses = {a["data-alamat"] for a in home.select("article a[data-alamat]")}
    assert SITE_URL + "pemulihan/formulir-pengaduan/" in addresses, addresses
    # The package lives outside the theme folder: Zensical publishes none of its source files.
    assert not list(zensical_site.rglob("*.py")) and not (zensical_site / "partials").exists()


# What a reader types into Zensical's search box, and the page that must be among the results.
ZENSICAL_QUERIES = {
    "joki": "penyebab/kecurangan-joki/",
    "formulir pengaduan": "pemulihan/formulir-pengaduan/",
}


@pytest.mark.parametrize(("query", "expected"), ZENSICAL_QUERIES.items(), ids=ZENSICAL_QUERIES.keys())
def test_zensical_search_shows_results_under_the_sites_policy(
    zensical_served: tuple[Path, dict[str, str]], browser: Browser, query: str, expected: str
) -> None:
    """Zensical's search dialog (its bundle draws it in a shadow root; Playwright's CSS
    selectors reach into it) finds the page, with the site's CSP and no script error."""
    root, headers = zensical_served
    base = urlsplit(SITE_URL).path.lstrip("/")
    with served_with_csp_listener(root, headers, browser) as (server_url, page):
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(server_url + base + "tentang/", wait_until="load")
        assert response is not None and response.headers.get("content-security-policy") == headers[
            "Content-Security-Policy"]
        page.wait_for_function(THEME_READY)  # the bundle comes after the first paint
        # The "/" shortcut: Zensical's bundle clicks the button in the header's search element.
        # (A click on Material's markup would open and at once close the dialog: the click
        # and the label's change of the #__search toggle each toggle it.)
        page.keyboard.press("/")
        field = page.locator("dialog[open] input[role=combobox]")
        field.press_sequentially(query)
        status = page.locator("dialog[open] [role=status]")
        result = page.locator(f'dialog[open] [role=listbox] a[role=option][href*="/{base}{expected}"]')
        try:
            result.first.wait_for(state="visible", timeout=15_000)
            found = True
        except PlaywrightTimeoutError:
            found = False
        if not found:
            shown = page.locator("dialog[open] [role=listbox] a[role=option]").evaluate_all(
                "links => links.map(a => new URL(a.href).pathname)")
            pytest.fail(f"{query!r}: /{base}{expected} is not among the results; the dialog says "
                        f"{status.inner_text().strip()!r}, results {shown}", pytrace=False)
        assert re.fullmatch(r"\d+ \w+", status.inner_text().strip()), status.inner_text()  # "29 results"
        assert not errors, errors
        assert not page.evaluate("window.__cspViolations || []")


BROKEN = {
    # The template expression Zensical could not run before the registry got form.host.
    "python-method-in-template": (
        "overrides/partials/kontak-resmi.html", "{{ k.form.host }}", '{{ k.form.url.split("/")[2] }}',
        "kontak-resmi.html",
    ),
    "link-to-a-missing-page": (
        "docs/tentang.md", "\n## Sumber", "\n[Halaman hilang](tidak-ada.md)\n\n## Sumber", "tentang.md",
    ),
}


@pytest.mark.parametrize(("file", "old", "new", "named"), BROKEN.values(), ids=BROKEN.keys())
@pytest.mark.builds
def test_a_broken_project_fails_the_zensical_build(tmp_path: Path, file: str, old: str, new: str, named: str) -> None:
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{file} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, output = zensical_build(project)
    assert code != 0, output
    assert named in output and _PROBLEM_LINE.search(output), output
