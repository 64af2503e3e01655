"""Printed pages: every page printed to A4 PDF by Chromium, as a trainer would.

The text of each printed sheet (pypdf) and its QR codes (rasterised with pypdfium2, decoded
with zxing-cpp) are checked: the handout is one sheet, no sheet ends with a heading cut off
from its text, no QR code is on a sheet without its label, links print their addresses, the
official contacts print on the recovery and ready-to-use texts pages."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pypdfium2
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page
from pypdf import PdfReader
from sitetools import ROOT, LoopbackServer, build_site, mkdocs_config, page_urls

HANDOUT = "selebaran/"
QR_PAGES = ("kit-webinar/", "selebaran/")


@dataclass
class Printed:
    pdf: bytes
    sheets: list[str]  # extracted text of each printed sheet

    def qr_codes(self) -> list[list[str]]:
        """The QR codes decoded on each sheet."""
        doc = pypdfium2.PdfDocument(self.pdf)
        return [[c.text for c in zxingcpp.read_barcodes(doc[i].render(scale=2).to_pil().convert("L"))]
                for i in range(len(doc))]


def _print(page: Page, url: str) -> Printed:
    page.goto(url, wait_until="load")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return Printed(pdf, [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages])


@pytest.fixture(scope="module")
def printed(site: LoopbackServer, site_dir: Path, browser: Browser) -> Iterator[dict[str, Printed]]:
    """Every page of the sitemap, printed once, in one tab (path relative to the site -> Printed)."""
    page = browser.new_page()
    yield {url.removeprefix(site.url): _print(page, url) for url in page_urls(site_dir)}
    page.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _article(site_dir: Path, path: str) -> BeautifulSoup:
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")
    return soup.select_one("article.md-content__inner")


def test_every_page_was_printed_and_the_handout_is_one_sheet(printed: dict[str, Printed]) -> None:
    assert len(printed) >= 20 and HANDOUT in printed
    assert len(printed[HANDOUT].sheets) == 1, f"the handout prints on {len(printed[HANDOUT].sheets)} sheets"


def test_each_printed_page_starts_with_the_guide_its_address_and_date(site: LoopbackServer, printed: dict[str, Printed]) -> None:
    for path, doc in printed.items():
        first = " ".join(_lines(doc.sheets[0])[:2])  # the line may wrap
        assert first.startswith("Akun Prakerja Diblokir · panduan independen"), (path, first)
        assert (site.url + path) in first and "cek sumber" in first, (path, first)


def test_no_sheet_ends_with_a_heading_cut_off_from_its_text(site_dir: Path, printed: dict[str, Printed]) -> None:
    problems = []
    for path, doc in printed.items():
        headings = [" ".join(h.get_text(" ", strip=True).replace("¶", "").split())
                    for h in _article(site_dir, path).find_all(["h1", "h2", "h3", "h4"])]
        for number, sheet in enumerate(doc.sheets[:-1], start=1):
            last = " ".join(_lines(sheet)[-1].split())
            if any(h.endswith(last) for h in headings):
                problems.append(f"{path} sheet {number} ends with the heading {last!r}")
        for number, sheet in enumerate(doc.sheets, start=1):
            body = [line for line in _lines(sheet)[1 if number == 1 else 0:] if line not in headings]
            if not body:
                problems.append(f"{path} sheet {number} holds only headings")
    assert not problems, "\n".join(problems)


def test_every_printed_qr_code_has_its_label_on_the_same_sheet(printed: dict[str, Printed]) -> None:
    labels = {}
    for entry in mkdocs_config()["extra"]["webinar_links"]:
        labels[entry["name"]] = entry["label"]
    found: dict[str, list[str]] = {}
    for path in QR_PAGES:
        doc = printed[path]
        for number, (codes, text) in enumerate(zip(doc.qr_codes(), doc.sheets, strict=True), start=1):
            for url in codes:
                found.setdefault(path, []).append(url)
                # The kit page and the handout name each code by its label, printed with it.
                assert any(_flat(label) in _flat(text) and url_matches(url, name) for name, label in labels.items()), (
                    f"{path} sheet {number}: QR code {url} without its label on the same sheet")
    kit = mkdocs_config()["extra"]["webinar_links"]
    assert len(found["kit-webinar/"]) == len(kit)
    assert len(found[HANDOUT]) == sum(1 for e in kit if e.get("selebaran"))


def url_matches(url: str, name: str) -> bool:
    entry = next(e for e in mkdocs_config()["extra"]["webinar_links"] if e["name"] == name)
    page = entry["page"].removesuffix(".md").removesuffix("index")
    return url.rstrip("/").endswith(page.rstrip("/")) if page else url.count("/") == 3


def test_printed_links_show_their_addresses_and_in_page_links_do_not(site: LoopbackServer, site_dir: Path, printed: dict[str, Printed]) -> None:
    problems = []
    checked = 0
    for path, doc in printed.items():
        text = _flat("".join(doc.sheets))
        soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")
        # The footer's contacts print too, except on the handout, which shows them itself.
        footer = ", .kontak-resmi a[href]" if path != HANDOUT else ""
        for link in soup.select("article.md-content__inner a[href]" + footer):
            href = link["href"]
            if href.startswith(("#", "mailto:", "tel:")) or link.has_attr("download") or "headerlink" in link.get("class", []):
                continue
            if link.find_parent(class_="riwayat"):  # the change history does not print
                continue
            if link.find_parent(class_="susun-form"):  # nor the builder's questions (its filled texts do)
                continue
            url = urljoin(site.url + path, href)
            checked += 1
            if _flat(url) not in text:
                problems.append(f"{path}: link {link.get_text(strip=True)!r} prints without {url}")
        if "(#" in text:
            problems.append(f"{path}: an in-page link prints its #address")
    assert checked > 50
    assert not problems, "\n".join(problems)


def test_the_contacts_print_first_so_no_sheet_holds_only_them(printed: dict[str, Printed]) -> None:
    """At the end of a page, the contacts block alone could fill the last sheet; printed
    after the guide's line and before the page, they are what a reader sees first."""
    title = "Kanal bantuan resmi Kartu Prakerja"
    problems = []
    for path, doc in printed.items():
        if path == HANDOUT:  # the handout prints its channels itself
            continue
        first = doc.sheets[0]
        if title not in first:
            problems.append(f"{path}: the official contacts are not on the first printed sheet")
        elif first.index(title) > first.find("panduan independen") + 200:
            problems.append(f"{path}: the official contacts come after the page's own text on the first sheet")
        if len(doc.sheets) > 1 and doc.sheets[-1].lstrip().startswith(title):
            problems.append(f"{path}: the last printed sheet starts with the contacts")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["pemulihan/", "teks-siap-pakai/", HANDOUT])
def test_registry_contacts_print_in_full(path: str, printed: dict[str, Printed]) -> None:
    official = mkdocs_config()["extra"]["official"]
    text = _flat("".join(printed[path].sheets))
    for value in (official["form"]["url"], official["email"]["address"], official["phone"]["display"]):
        assert _flat(value) in text, f"{path}: {value} is not on the printed page"


def test_handout_qr_codes_lead_to_live_pages_of_a_site_on_another_domain(tmp_path: Path, browser: Browser) -> None:
    # The deployed address is not this machine: build for a real-looking domain, and let the
    # browser's requests to that domain reach the loopback server instead (no network).
    site_url = "http://panduan.example.org/"
    server = LoopbackServer(tmp_path / "site")
    result = build_site(ROOT, tmp_path / "site", site_url)
    assert result.returncode == 0, result.output
    server.start()
    context = browser.new_context()
    context.route(site_url + "**", lambda route: route.continue_(url=route.request.url.replace(site_url, server.url, 1)))
    try:
        page = context.new_page()
        handout = _print(page, site_url + HANDOUT)
        assert len(handout.sheets) == 1
        codes = handout.qr_codes()[0]
        expected = sum(1 for e in mkdocs_config()["extra"]["webinar_links"] if e.get("selebaran"))
        assert len(codes) == expected and all(c.startswith(site_url) for c in codes), codes
        for url in codes:
            response = page.goto(url, wait_until="load")
            assert response is not None and response.status == 200, url
            assert page.url == url and page.locator("article h1").count() == 1, url
    finally:
        context.close()
        server.stop()


def test_printed_pages_have_no_page_navigation(printed: dict[str, Printed]) -> None:
    for path, doc in printed.items():
        lines = {line for sheet in doc.sheets for line in _lines(sheet)}
        assert not {"Sebelumnya", "Selanjutnya"} & lines, f"{path}: the previous/next links are printed"


def test_print_is_black_on_white_in_the_dark_palette_too(site: LoopbackServer, browser: Browser) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.emulate_media(media="print", color_scheme="dark")  # before loading: no colour transition
    page.goto(site.url + "teks-siap-pakai/", wait_until="load")
    colours = page.evaluate("""() => {
        const css = sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).color);
        return {text: css("article p, .kontak-resmi a, .kontak-resmi li"),
                background: [getComputedStyle(document.body).backgroundColor,
                             getComputedStyle(document.querySelector(".md-footer-meta")).backgroundColor]};
    }""")
    context.close()
    dark = {"rgb(0, 0, 0)", "rgb(34, 34, 34)", "rgb(51, 51, 51)"}
    assert colours["text"] and set(colours["text"]) <= dark, set(colours["text"])
    assert all(bg in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)") for bg in colours["background"]), colours["background"]


def test_choices_and_texts_to_copy_print_as_text_without_blocks_or_bands(site: LoopbackServer, browser: Browser) -> None:
    """On paper, the home page's choices are lines of text with their addresses (as flex
    boxes the address became a column of its own, as filled buttons a block of ink, in the
    dark palette's lavender), and the texts to copy keep no band for the copy button that is
    not printed, and stay with the sentence that introduces them."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.emulate_media(media="print", color_scheme="dark")
    page.goto(site.url, wait_until="load")
    choices = page.evaluate("""() => [...document.querySelectorAll(".pilihan li > a")].map(a => {
        const s = getComputedStyle(a)
        return [a.textContent.trim(), s.display, s.backgroundColor, s.color]
    })""")
    page.goto(site.url + "teks-siap-pakai/", wait_until="load")
    texts = page.evaluate("""() => [...document.querySelectorAll("article pre > code")].map(c => {
        const box = c.closest(".highlight") || c.parentElement, before = box.previousElementSibling
        return [parseFloat(getComputedStyle(c).paddingTop),
                before && before.tagName === "P" ? getComputedStyle(before).breakAfter : "avoid"]
    })""")
    context.close()
    assert len(choices) >= 9, choices
    blocks = [c for c in choices if c[1] != "block" or c[2] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
              or c[3] != "rgb(0, 0, 0)"]
    assert not blocks, blocks
    assert texts and all(top <= 12 for top, _ in texts), texts
    assert all(after == "avoid" for _, after in texts), texts
