"""For trainers: redirect pages that preview, _redirects, robots.txt, icons, a deploy
build that needs SITE_URL, the webinar slide deck the site publishes, the handout and deck
files of `make handout`."""

from __future__ import annotations

import datetime
import io
import os
import re
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
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader
from sitetools import ROOT, LoopbackServer, html_files, mkdocs_config

from akun_diblokir import contacts, kit, publishedlinks, slides
from akun_diblokir import deploy as deploy_files
from akun_diblokir.project import Project

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


# --- The webinar kit on a laptop and a phone ------------------------------------------------

_KIT_LAYOUT = """() => {
  const lines = e => new Set([...e.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  const text = e => e.textContent.trim();
  const problems = [];
  for (const e of document.querySelectorAll("article .alamat-utuh"))
    if (lines(e) > 1) problems.push(`an address breaks inside ${text(e)}`);
  for (const e of document.querySelectorAll("article .kit-ringkasan td:first-child a, article .kit-tautan figcaption a"))
    if (lines(e) > 1) problems.push(`"${text(e)}" breaks across lines`);
  for (const block of document.querySelectorAll("article .kit-tautan")) {
    const code = block.querySelector("svg.kit-qr").getBoundingClientRect();
    const address = block.querySelector(".kit-tautan__alamat").getBoundingClientRect();
    const beside = address.left >= code.right && address.top < code.bottom;
    if (innerWidth >= 1000 && !beside) problems.push(`${text(block.querySelector("h3")).replace("¶", "")}: the QR code is not beside its address`);
  }
  if (document.documentElement.scrollWidth > innerWidth) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  return problems;
}"""


@pytest.mark.parametrize("width,height", [(1366, 768), (360, 740)])
def test_kit_labels_and_addresses_stay_whole_and_each_code_sits_beside_its_address(
    site: LoopbackServer, browser: Browser, width: int, height: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(site.url + "kit-webinar/", wait_until="load")
    problems = page.evaluate(_KIT_LAYOUT)
    checked = page.locator("article .alamat-utuh").count()
    page.close()
    assert checked > 30 and not problems, f"{width} px: " + "; ".join(problems)


# --- The webinar slide deck ---------------------------------------------------------------

# What each slide is about (the list), by the docs pages its QR codes open.
DECK_PAGES = [
    ["penyebab/index.md"],  # what "diblokir" means, and the causes
    ["pemulihan/index.md"],  # the three official channels, with what to prepare
    ["susun-pengaduan.md", "teks-siap-pakai.md"],  # the complaint builder and the ready texts
    ["aman-dari-penipuan.md"],  # the scam warnings
    ["index.md"],  # where to read more
]
EMU_PER_PT = 12700


def _page_path(src: str) -> str:
    return src.removesuffix("index.md").removesuffix(".md") + ("" if src.endswith("index.md") else "/")


def _short_path(src: str) -> str:
    """The speakable path of a page: its short redirect in the kit, else its own path."""
    entry = next((e for e in mkdocs_config()["extra"]["webinar_links"] if e["page"] == src and e.get("short")), None)
    return str(entry["short"]).strip("/") + "/" if entry else _page_path(src)


def _decode(png: bytes) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]


def _slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _check_deck(deck, site_url: str) -> None:
    """What every copy of the deck must be: 16:9, at least five slides of real text boxes,
    nothing outside a slide, on each slide the QR codes of its pages and their short addresses."""
    assert len(deck.slides) >= len(DECK_PAGES) >= 5
    width, height = deck.slide_width, deck.slide_height
    assert width * 9 == height * 16, (width, height)
    host = site_url.split("://", 1)[1]
    for number, (slide, pages) in enumerate(zip(deck.slides, DECK_PAGES, strict=False), start=1):
        for shape in slide.shapes:
            inside = 0 <= shape.left and 0 <= shape.top and shape.left + shape.width <= width and shape.top + shape.height <= height
            assert inside, f"slide {number}: {shape.name!r} is not inside the slide"
        boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        # Editable: the text is in text boxes (title, body, addresses, footer), each picture a QR code.
        assert len(boxes) >= 4 and sum(len(b.text_frame.text) for b in boxes) > 200, f"slide {number}: too little text"
        assert all(p.width * p.height < width * height / 4 for p in pictures), f"slide {number}: a picture as big as a slide"
        codes = [url for picture in pictures for url in _decode(picture.image.blob)]
        assert codes == [site_url + _page_path(src) for src in pages], f"slide {number}: QR codes {codes}"
        text = _slide_text(slide)
        for src in pages:
            assert host + _short_path(src) in text, f"slide {number}: no short address {host + _short_path(src)}"


def test_the_site_publishes_an_editable_deck_with_each_pages_qr_code_and_short_address(
    site: LoopbackServer, site_dir: Path
) -> None:
    data = (site_dir / kit.DECK).read_bytes()
    _check_deck(Presentation(io.BytesIO(data)), site.url)
    # The pages the codes open are live pages of this build.
    for pages in DECK_PAGES:
        for src in pages:
            status, kind, body = _get(site.url + _page_path(src))
            assert (status, kind) == (200, "text/html") and b"<h1" in body, src
    # The kit offers the deck for download.
    kit_page = _soup(site_dir / "kit-webinar" / "index.html")
    link = kit_page.select_one('article a[download$=".pptx"]')
    assert link is not None, "the kit page offers no .pptx"
    status, kind, body = _get(urljoin(site.url + "kit-webinar/", link["href"]))
    assert status == 200 and body == data and kind.endswith("presentationml.presentation"), (status, kind)


# A trainer reads the address under a QR code aloud and the room types it: at the size of
# the slides' body text at least, and each address once in the deck.
ADDRESS_MIN_PT = 16


def test_every_address_of_the_deck_is_large_enough_for_a_room_and_given_once(site_dir: Path) -> None:
    deck = Presentation(io.BytesIO((site_dir / kit.DECK).read_bytes()))
    addresses = []
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            if not (shape.has_text_frame and shape.name.startswith("Alamat")):
                continue
            run = shape.text_frame.paragraphs[-1].runs[-1]
            assert run.font.size.pt >= ADDRESS_MIN_PT, f"slide {number}: {run.text!r} at {run.font.size.pt} pt"
            addresses.append(run.text)
    # The body's addresses (the last slide's list of short ones) repeat none of the QR codes'
    # but the home page's, which that slide gives in both.
    body = [run.text for slide in deck.slides for shape in slide.shapes
            if shape.has_text_frame and not shape.name.startswith("Alamat")
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs if run.font.bold]
    home = addresses[-1]
    assert len(addresses) == len(set(addresses)) >= 5, addresses
    assert [a for a in addresses if a in body] == [home], (addresses, body)


def test_the_decks_contacts_are_the_registrys_and_the_contact_checker_reads_them(site: LoopbackServer, site_dir: Path) -> None:
    text = "\n".join(slides.deck_text((site_dir / kit.DECK).read_bytes()))  # speaker notes included
    registry = contacts.load_registry(ROOT / "mkdocs.yml", site.url)
    assert contacts.scan_text(text, registry) == []
    official = mkdocs_config()["extra"]["official"]
    for value in (official["form"]["url"], official["email"]["address"], official["phone"]["display"],
                  official["phone"]["hours"]):
        assert value in text, f"the deck does not give {value}"
    # The same checker finds a wrong number, a WhatsApp link or a look-alike site in this text.
    for planted in ("0800-150-3002", "https://wa.me/6281234567890", "prakerja.co.id"):
        assert contacts.scan_text(text.replace(official["phone"]["display"], planted, 1), registry), planted


def test_the_first_slide_lists_the_cause_pages_and_a_new_one_appears_by_itself(tmp_path: Path) -> None:
    nav = next(item["Penyebab"] for item in mkdocs_config()["nav"] if isinstance(item, dict) and "Penyebab" in item)
    labels = [label for entry in nav if isinstance(entry, dict) for label in entry]
    causes = [p for p in (ROOT / "docs" / "penyebab").glob("*.md") if p.name != "index.md"]
    project = Project.load(ROOT / "mkdocs.yml", site_url=DEPLOY_URL)
    assert slides.cause_labels(project) == labels and len(labels) == len(causes) >= 5
    # A copy of the sources with two more cause pages: one in the menu, one not (by its title).
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for name, title in (("contoh-baru", "Contoh penyebab baru"), ("tanpa-menu", "Akun diblokir karena contoh lain")):
        (tmp_path / "docs" / "penyebab" / f"{name}.md").write_text(f"---\ntitle: {title}\n---\n\n# {title}\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    last = [m for m in re.finditer(r"^( +- )[^\n]*: penyebab/[a-z-]+\.md\n", config, re.MULTILINE)][-1]
    config = config[: last.end()] + f"{last.group(1)}Contoh di menu: penyebab/contoh-baru.md\n" + config[last.end():]
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    copy = Project.load(tmp_path / "mkdocs.yml", site_url=DEPLOY_URL)
    assert slides.cause_labels(copy) == [*labels, "Contoh di menu", "Akun diblokir karena contoh lain"]
    first = slides.deck_text(slides.build_deck(copy))[0]
    assert "Contoh di menu" in first and "Akun diblokir karena contoh lain" in first, first


def test_the_deck_is_the_same_bytes_when_built_again_and_names_no_machine(site: LoopbackServer, site_dir: Path) -> None:
    project = Project.load(ROOT / "mkdocs.yml", site_url=site.url)
    data = slides.build_deck(project)
    assert data == (site_dir / kit.DECK).read_bytes(), "the build and a rebuild of the same project differ"
    props = Presentation(io.BytesIO(data)).core_properties
    newest = max(m["last_checked"] for _, _, m in project.pages if isinstance(m.get("last_checked"), datetime.date))
    assert props.created == props.modified == datetime.datetime.combine(newest, datetime.time(12)), props.created
    assert props.author == props.last_modified_by == mkdocs_config()["site_name"] and props.language == "id-ID"


def test_slide_text_sizes_shrink_to_fit_their_box() -> None:
    long_list = [slides.para(f"Penyebab nomor {i} dengan nama yang cukup panjang", kind="bullet") for i in range(14)]
    size = slides.fitting_size(long_list, 7.0, 5.0, (24, 20, 16, 12))
    assert size < 24 and slides.height_needed(long_list, 7.0, size) <= 5.0
    assert slides.fitting_size(long_list[:3], 7.0, 5.0, (24, 20, 16)) == 24
    # A word wider than the box wraps onto lines of its own, as PowerPoint breaks it.
    assert slides.height_needed([slides.para("x" * 400)], 2.0, 20) > 4 * slides.height_needed([slides.para("x")], 2.0, 20)


# --- make handout ----------------------------------------------------------------------------


def _text_in_box(page: pypdfium2.PdfPage, shape, slide_height_pt: float) -> str:
    """The text PDFium finds inside `shape`'s box (2 pt of slack) on the rendered slide."""
    left, top = shape.left / EMU_PER_PT - 2, shape.top / EMU_PER_PT - 2
    right, bottom = left + shape.width / EMU_PER_PT + 4, top + shape.height / EMU_PER_PT + 4
    return page.get_textpage().get_text_bounded(left, slide_height_pt - bottom, right, slide_height_pt - top)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.browser  # `make handout` builds the site, prints it with Chromium and renders the deck with LibreOffice
def test_make_handout_from_a_clean_checkout_writes_the_handout_and_the_deck(tmp_path: Path, site: LoopbackServer) -> None:
    clone = tmp_path / "clone"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in filter(None, tracked.stdout.split("\0")):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    # The environment is the one this test runs in (set-up only checks it: no download), and
    # the package stays installed from the repository, not from this clone, which goes away.
    for env_dir in (".venv", ".tools"):
        (clone / env_dir).symlink_to(ROOT / env_dir)
    assert not (clone / "dist").exists()
    env = dict(os.environ, SITE_URL=DEPLOY_URL, UV_NO_INSTALL_PROJECT="1")
    result = _make("handout", env=env, cwd=clone)
    assert result.returncode == 0, result.stdout + result.stderr
    dist = clone / "dist"
    assert sorted(p.name for p in dist.iterdir()) == ["selebaran.pdf", "slides.pdf", "slides.pptx"]
    pdf = PdfReader(dist / "selebaran.pdf")
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = pdf.pages[0].extract_text()
    assert "0800-150-3001" in text and "info@prakerja.go.id" in text and DEPLOY_URL + "selebaran/" in text

    # The deck, as the build for DEPLOY_URL published it, and as LibreOffice renders it.
    deck = Presentation(dist / "slides.pptx")
    _check_deck(deck, DEPLOY_URL)
    rendered = pypdfium2.PdfDocument(dist / "slides.pdf")
    assert len(rendered) == len(deck.slides)
    registry = contacts.load_registry(ROOT / "mkdocs.yml", DEPLOY_URL)
    for number, (slide, page) in enumerate(zip(deck.slides, rendered, strict=True), start=1):
        width_pt, height_pt = page.get_size()
        assert round(width_pt * 9) == round(height_pt * 16), (width_pt, height_pt)
        # No text cut or run out of its box: each paragraph is found whole inside its box.
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            found = _flat(_text_in_box(page, shape, height_pt))
            for paragraph in shape.text_frame.paragraphs:
                assert _flat(paragraph.text) in found, f"slide {number}, {shape.name}: {paragraph.text!r} not inside its box"
        all_text = page.get_textpage().get_text_range()
        assert contacts.scan_text(all_text, registry) == [], f"slide {number}"
        # The codes as rendered decode to the deploy address, and lead to live pages (this
        # session's build has the same pages at its own address).
        image = page.render(scale=2).to_pil().convert("L")
        codes = sorted(code.text for code in zxingcpp.read_barcodes(image))
        assert codes == sorted(DEPLOY_URL + _page_path(src) for src in DECK_PAGES[number - 1]), f"slide {number}: {codes}"
        for url in codes:
            status, _, body = _get(site.url + url.removeprefix(DEPLOY_URL))
            assert status == 200 and b"<h1" in body, url
    rendered.close()
    whole = "\n".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(dist / "slides.pdf"))
    assert "0800-150-3001" in whole and "info@prakerja.go.id" in whole

    refused = _make("handout", env={k: v for k, v in env.items() if k != "SITE_URL"}, cwd=clone)
    assert refused.returncode != 0 and "set SITE_URL" in refused.stderr
    assert pypdfium2.PdfDocument(dist / "selebaran.pdf")  # also a PDF another reader opens
