"""Polish from the editorial and UX review, checked in the real built site:
- the footer's contacts block claims no exclusivity and calls the email subject a suggestion;
- the ready-to-copy texts wrap on a phone instead of scrolling sideways, and still copy as written;
- a phone number never breaks across lines;
- a missing page, at any depth, shows the Indonesian 404 page whose links all work.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from sitetools import ROOT, LoopbackServer, html_files

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
               "resultTypes": ["violations"]}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
# The texts to copy: page, number of .teks-salin blocks, Markdown source.
COPY_TEXTS = [("teks-siap-pakai/", 3, "docs/teks-siap-pakai.md"), ("pemulihan/kronologi/", 1, "docs/pemulihan/kronologi.md")]
MISSING = "a/b/c/"  # a path that is no page, three levels deep
NOT_FOUND_H1 = "Halaman tidak ditemukan"
# The 404 page's links: path below the site's root, and the H1 of the page it must reach.
NOT_FOUND_LINKS = {
    "": "Akun Prakerja Anda diblokir?",
    "penyebab/": "Kenapa akun Prakerja saya diblokir?",
    "pemulihan/": "Cara memulihkan akun Prakerja yang diblokir",
    "kontak/": "Kontak resmi Kartu Prakerja",
}


def _pages(site_dir: Path) -> list[tuple[str, BeautifulSoup]]:
    pages = []
    for path in html_files(site_dir):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text[:2000]:  # redirect stubs have no footer
            pages.append((path.relative_to(site_dir).as_posix(), BeautifulSoup(text, "html.parser")))
    return pages


def test_footer_claims_no_exclusivity_and_calls_the_subject_a_suggestion(site_dir: Path) -> None:
    pages = _pages(site_dir)
    assert len(pages) > 10
    for name, soup in pages:
        block = soup.select_one("footer .kontak-resmi")
        assert block is not None, name
        text = " ".join(block.get_text(" ", strip=True).split())
        # The sources never say these are the only official channels.
        assert not re.search(r"(?i)\b(hanya|satu-satunya|selain itu tidak)\b", text), f"{name}: {text}"
        assert "Kanal di atas adalah kanal resmi" in text, f"{name}: {text}"
        assert re.search(r"Jangan percaya nomor WhatsApp, akun Telegram, atau situs lain", text), f"{name}: {text}"
        # The subject is the seed article's suggestion, not an official rule.
        assert "subjek yang disarankan: “Akun Terblokir”" in text, f"{name}: {text}"


def _fence_texts(markdown: str) -> list[str]:
    return re.findall(r"^``` \{ \.text \.teks-salin \}\n(.*?)\n```$", markdown, flags=re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize(("path", "count", "source"), COPY_TEXTS, ids=[c[0] for c in COPY_TEXTS])
def test_texts_to_copy_wrap_on_a_phone_and_copy_as_written(
    site: LoopbackServer, browser: Browser, path: str, count: int, source: str
) -> None:
    expected = _fence_texts((ROOT / source).read_text(encoding="utf-8"))
    assert len(expected) == count, f"{source}: {len(expected)} fences with .teks-salin, expected {count}"
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    page.goto(site.url + path, wait_until="networkidle")
    blocks = page.evaluate(
        """() => [...document.querySelectorAll('article .teks-salin pre > code')].map(c => ({
          whiteSpace: getComputedStyle(c).whiteSpace,
          overflowWrap: getComputedStyle(c).overflowWrap,
          scroll: c.scrollWidth, client: c.clientWidth,
          lines: Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)),
          breaks: c.textContent.trim().split('\\n').length,
        }))"""
    )
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    copied = []
    for i in range(count):
        page.locator("article .teks-salin").nth(i).locator("button[data-md-type='copy']").click()
        copied.append(page.evaluate("() => navigator.clipboard.readText()"))
    context.close()
    assert len(blocks) == count, blocks
    for block in blocks:
        assert block["whiteSpace"] == "pre-wrap" and block["overflowWrap"] == "anywhere", block
        assert block["scroll"] <= block["client"], f"{path}: a text to copy scrolls sideways at 360 px: {block}"
    # Long lines really wrapped (more lines on screen than in the text), so the check means something.
    assert any(b["lines"] > b["breaks"] for b in blocks), blocks
    assert overflow <= 0, f"{path}: the page is {overflow}px wider than a 360 px phone"
    # The copy button copies the text with its own line breaks, not the wrapped lines.
    assert [c.strip() for c in copied] == [e.strip() for e in expected]


def test_phone_numbers_never_break_across_lines(site: LoopbackServer, browser: Browser) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site.url + "kontak/", wait_until="networkidle")
    links = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="tel:"]')].map(a => ({
          text: a.textContent.trim(), whiteSpace: getComputedStyle(a).whiteSpace,
          lines: a.getClientRects().length }))"""
    )
    context.close()
    assert len(links) >= 2, links  # in the page and in the footer
    for link in links:
        assert link["whiteSpace"] == "nowrap" and link["lines"] == 1, link


def test_a_missing_deep_path_shows_the_indonesian_404_whose_links_work(
    site: LoopbackServer, site_dir: Path, browser: Browser
) -> None:
    # A second server on the same files that answers missing paths with 404.html, as hosts do.
    server = LoopbackServer(site_dir, error_page="404.html").start()
    context = browser.new_context()
    failed: list[str] = []
    try:
        page = context.new_page()
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        response = page.goto(server.url + MISSING, wait_until="networkidle")
        assert response is not None and response.status == 404
        assert page.locator("html").get_attribute("lang") == "id"
        assert page.locator("article h1").inner_text().strip() == NOT_FOUND_H1
        assert NOT_FOUND_H1 in page.title()
        # Styles and scripts load from the deep path too: only the page itself is missing.
        assert failed == [f"404 {server.url}{MISSING}"], failed
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.evaluate(AXE_SCRIPT)  # the copy bundled with axe-playwright-python: no download
        results = page.evaluate("options => axe.run(options)", AXE_OPTIONS)
        assert results["violations"] == [], [(v["id"], v["nodes"][0]["target"]) for v in results["violations"]]

        hrefs = page.locator("article a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        targets = [urlsplit(urljoin(server.url + MISSING, h)).path for h in hrefs]
        assert targets == [urlsplit(server.url).path + p for p in NOT_FOUND_LINKS], targets
        for i, (path, h1) in enumerate(NOT_FOUND_LINKS.items()):
            page.goto(server.url + MISSING)
            with page.expect_navigation():
                page.locator("article a[href]").nth(i).click()
            assert urlsplit(page.url).path == "/" + path, page.url
            title = page.locator("article h1").first.inner_text().strip().removesuffix("¶").strip()
            assert title != NOT_FOUND_H1, f"{hrefs[i]} leads to the 404 page"
            assert title == h1, (path, title)
        assert failed == [f"404 {server.url}{MISSING}"] * (1 + len(NOT_FOUND_LINKS)), failed
    finally:
        context.close()
        server.stop()
