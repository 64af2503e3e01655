"""Links that last: published links, redirects, short paths, webinar QR codes, link previews."""

from __future__ import annotations

import io
import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from PIL import Image
from playwright.sync_api import Browser
from sitetools import ROOT, LoopbackServer, build_site, copy_project, goto_with_theme, mkdocs_config, page_urls

from akun_diblokir import publishedlinks

# The speakable paths the brief promises trainers (to say aloud in a webinar), and the pages they open.
SHORT_PATHS = {
    "formulir/": "pemulihan/formulir-pengaduan/",
    "email/": "pemulihan/email/",
    "telepon/": "pemulihan/call-center/",
    "bukti/": "pemulihan/bukti/",
    "kronologi/": "pemulihan/kronologi/",
}




def _url_path(src_uri: str) -> str:
    """Site path of a docs page, relative to site_url ('' for the home page)."""
    url = File(src_uri, "docs", "site", use_directory_urls=True).url
    return "" if url == "./" else url


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_content_type(), response.read()


def _soup(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")


# --- The list of published links -------------------------------------------------------


def test_every_published_link_reaches_its_page_and_heading(site_dir: Path) -> None:
    listed = publishedlinks.read_list()
    assert len(listed) >= len(page_urls(site_dir)), "published-links.txt lists fewer links than pages"
    problems = publishedlinks.check(site_dir, listed)
    assert not problems, "Published links broke (restore them or add a redirect):\n" + "\n".join(problems)


def test_published_links_list_is_current(site_dir: Path) -> None:
    missing = publishedlinks.missing_from_list(site_dir, publishedlinks.read_list())
    assert not missing, (
        "These pages, headings or redirects are not in published-links.txt; append them "
        "(`make links` prints them):\n" + "\n".join(missing)
    )


def test_checker_names_a_missing_page_and_a_missing_heading(site_dir: Path) -> None:
    problems = publishedlinks.check(site_dir, ["/halaman-yang-tidak-ada/", "/#bagian-yang-tidak-ada", "/"])
    assert len(problems) == 2, problems
    assert "/halaman-yang-tidak-ada/" in problems[0].found and "no page" in problems[0].found
    assert "/#bagian-yang-tidak-ada" in problems[1].found and "no heading" in problems[1].found


def test_list_with_a_bad_line_is_refused_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "published-links.txt"
    bad.write_text("# comment\n/\npemulihan/email/\n", encoding="utf-8")
    with pytest.raises(publishedlinks.ListError, match=r"published-links.txt:3: found .*; expected a site path"):
        publishedlinks.read_list(bad)


def _move_page(project: Path, old: str, new: str, *, redirect: bool) -> None:
    """Move docs/<old> to docs/<new> in the same folder, updating links, nav and config."""
    docs = project / "docs"
    (docs / old).rename(docs / new)
    old_name, new_name = Path(old).name, Path(new).name
    for md in docs.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        md.write_text(re.sub(rf"(?<![\w.-]){re.escape(old_name)}(?=[#)\s\"'])", new_name, text), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(old, new)
    if redirect:
        text, count = re.subn(r"^(\s*)redirect_maps:\n", rf"\g<0>\1  {old}: {new}\n", text, flags=re.MULTILINE)
        assert count == 1, "mkdocs.yml has no redirect_maps to add the redirect to"
    config.write_text(text, encoding="utf-8")


def _unreferenced_heading(project: Path, listed: list[str], skip_page: str) -> tuple[str, Path, str]:
    """A listed page#id with an explicit id in its source that no page links to."""
    docs = project / "docs"
    sources = {p: p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    for link in listed:
        page, _, heading = link.partition("#")
        if not heading or page == skip_page:
            continue
        uses = [p for p, text in sources.items() if re.search(rf"#{re.escape(heading)}(?![\w-])", text)]
        if len(uses) == 1 and re.search(rf"\{{[^}}\n]*#{re.escape(heading)}(?![\w-])", sources[uses[0]]):
            return link, uses[0], heading
    raise AssertionError("no published heading id that nothing links to: cannot simulate removing one")


@pytest.mark.builds
def test_moving_a_page_keeps_published_links_only_with_a_redirect(tmp_path: Path) -> None:
    old, new = "pemulihan/kronologi.md", "pemulihan/templat-kronologi.md"
    old_path = "/pemulihan/kronologi/"
    listed = publishedlinks.read_list()
    links_to_old_page = [item.link for item in listed if item.link.startswith(old_path)]
    assert len(links_to_old_page) >= 2, "published-links.txt should list the page and its headings"

    with_redirect = copy_project(tmp_path / "with-redirect")
    _move_page(with_redirect, old, new, redirect=True)
    built = build_site(with_redirect, tmp_path / "site-with-redirect", "http://127.0.0.1:8000/")
    assert built.returncode == 0, built.output
    assert publishedlinks.check(built.site_dir, listed) == []
    assert publishedlinks.resolve(built.site_dir, links_to_old_page[-1])[1].startswith("/pemulihan/templat-kronologi/")

    without = copy_project(tmp_path / "without-redirect")
    _move_page(without, old, new, redirect=False)
    removed_link, source, heading = _unreferenced_heading(without, [i.link for i in listed], old_path)
    source.write_text(
        re.sub(rf"#{re.escape(heading)}(?![\w-])", f"#{heading}-baru", source.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    built = build_site(without, tmp_path / "site-without-redirect", "http://127.0.0.1:8000/")
    # The build itself refuses it, naming each broken link with its line in the list.
    assert built.returncode != 0, built.output
    for item in listed:
        if item.link in links_to_old_page or item.link == removed_link:
            assert f"published-links.txt:{item.line}: {item.link} is broken" in built.output, built.output
    problems = publishedlinks.check(built.site_dir, listed)
    named = {problem.found.split(" is broken:")[0] for problem in problems}
    assert named == set(links_to_old_page) | {removed_link}, "\n".join(map(str, problems))
    # A new page or heading cannot go unlisted either.
    missing = publishedlinks.missing_from_list(built.site_dir, listed)
    assert "/pemulihan/templat-kronologi/" in missing and f"{removed_link}-baru" in missing, missing


# --- Short, speakable paths --------------------------------------------------------------


def test_short_paths_open_their_pages_in_the_browser(site: LoopbackServer, site_dir: Path, browser: Browser) -> None:
    page = browser.new_page()
    for short, target in SHORT_PATHS.items():
        heading = _soup(site_dir, target).select_one("article h2[id]")
        assert heading is not None, f"{target} has no h2 with an id"
        fragment = "#" + str(heading["id"])
        page.goto(site.url + short + fragment)
        page.wait_for_url(site.url + target + fragment, timeout=5000)
        assert page.locator("article h1").count() == 1, f"/{short} did not land on a page"
    page.goto(site.url + "penyebab/")
    assert page.url == site.url + "penyebab/" and page.locator("article h1").count() == 1
    page.close()


# --- Webinar kit and QR codes --------------------------------------------------------------


def test_webinar_kit_qr_codes_decode_to_their_urls_which_resolve(site: LoopbackServer, site_dir: Path, browser: Browser) -> None:
    entries = mkdocs_config()["extra"]["webinar_links"]
    status, _, body = _get(site.url + "kit-webinar/")
    assert status == 200
    blocks = BeautifulSoup(body, "lxml").select("article .kit-tautan")
    assert len(blocks) == len(entries), f"{len(blocks)} link blocks on the kit page, {len(entries)} in mkdocs.yml"
    # What a reader scans: each code as Chromium shows it on a phone screen (3 device pixels
    # per CSS pixel), captured and decoded; in the dark palette, where the code must bring its
    # own white background.
    context = browser.new_context(viewport={"width": 412, "height": 915}, device_scale_factor=3, color_scheme="dark")
    page = context.new_page()
    page.goto(site.url + "kit-webinar/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    on_screen = page.locator("article svg.kit-qr")
    for index, (block, entry) in enumerate(zip(blocks, entries, strict=True)):
        label = block.select_one("div.highlight pre code").get_text().strip()
        assert label.startswith(site.url), f"{entry['name']}: {label} is not built from site_url {site.url}"
        svg, download = block.select_one("svg.kit-qr"), block.select_one("a[download]")
        assert svg is not None and download is not None, f"{entry['name']}: QR code or download link missing"
        # On the page: the code as markup inside the page (no image request); to download:
        # the slide PNG.
        assert block.select_one("img") is None, f"{entry['name']}: an image on the page instead of the inline code"
        assert svg.get("role") == "img" and label in svg.get("aria-label", ""), f"{entry['name']}: the code has no name"
        assert int(svg["width"]) == int(svg["height"]) >= 200, f"{entry['name']}: shown at {svg['width']}x{svg['height']}"
        shown = on_screen.nth(index)
        shown.scroll_into_view_if_needed()
        box = shown.bounding_box()
        assert box and round(box["width"]) == round(box["height"]) == int(svg["width"]), f"{entry['name']}: on screen {box}"
        # One unit per module, scaled up: drawn without anti-aliasing, or module edges blur.
        assert shown.evaluate("svg => getComputedStyle(svg).shapeRendering") == "crispedges"
        capture = Image.open(io.BytesIO(shown.screenshot())).convert("L")
        # The quiet zone around the code is white (a phone camera needs the contrast).
        corners = [capture.getpixel((x, y)) for x in (8, capture.width - 9) for y in (8, capture.height - 9)]
        assert min(corners) >= 240, f"{entry['name']}: the code's margin is not white on screen: {corners}"
        decoded = zxingcpp.read_barcodes(capture)
        assert [d.text for d in decoded] == [label], f"{entry['name']}: the page's QR code decodes to {[d.text for d in decoded]}"
        png_url = urljoin(site.url + "kit-webinar/", str(download["href"]))
        assert str(download["download"]).endswith(".png")
        status, kind, data = _get(png_url)
        assert (status, kind) == (200, "image/png"), png_url
        image = Image.open(io.BytesIO(data))
        assert image.width == image.height >= 1000, f"{png_url}: {image.size} is too small for a slide"
        decoded = zxingcpp.read_barcodes(image.convert("L"))
        assert [d.text for d in decoded] == [label], f"{png_url} decodes to {[d.text for d in decoded]}"
        assert _get(label)[0] == 200
        path = "/" + label.removeprefix(site.url)
        assert publishedlinks.check(site_dir, [path]) == []
        assert path == "/" + _url_path(entry["page"]), f"{entry['name']}: QR opens {path}, not {entry['page']}"
    context.close()


def test_webinar_kit_has_a_copy_button_for_every_link(site: LoopbackServer, browser: Browser) -> None:
    page = browser.new_page()
    goto_with_theme(page, site.url + "kit-webinar/")  # Material adds the copy buttons
    blocks = page.locator("article .kit-tautan")
    assert blocks.count() == len(mkdocs_config()["extra"]["webinar_links"])
    entries = mkdocs_config()["extra"]["webinar_links"]
    for i, entry in enumerate(entries):
        block = blocks.nth(i)
        # The full address, and the short one when there is one: each its own box and button.
        boxes = block.locator("pre code")
        has_short = bool(entry.get("short")) and str(entry["short"]).strip("/") + "/" != _url_path(entry["page"])
        assert boxes.count() == (2 if has_short else 1), f"{entry['name']}: {boxes.count()} address boxes"
        buttons = block.locator('button[data-md-type="copy"], button.md-clipboard')
        assert buttons.count() == boxes.count(), f"kit link {i + 1}: {buttons.count()} copy buttons, {boxes.count()} addresses"
        for j in range(buttons.count()):
            target = buttons.nth(j).get_attribute("data-clipboard-target") or ""
            copied = page.locator(target).inner_text().strip()
            assert copied == boxes.nth(j).inner_text().strip() and copied.startswith(site.url), (entry["name"], copied)
    page.close()


@pytest.mark.builds
def test_qr_hook_rejects_a_link_to_a_missing_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(webinar_links:\n\s*- \{.*?page: )[^,}]+", r"\1halaman-lama.md", config.read_text(encoding="utf-8"))
    assert count == 1, "mkdocs.yml: no extra.webinar_links entry to break"
    config.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0
    line = text[: text.index("halaman-lama.md")].count("\n") + 1
    assert f"mkdocs.yml:{line}: extra.webinar_links[0].page is 'halaman-lama.md', not a page" in result.output, result.output


# --- Link previews -------------------------------------------------------------------------------


def _front_matter_descriptions() -> dict[str, str]:
    docs = ROOT / "docs"
    descriptions = {}
    for md in docs.rglob("*.md"):
        _, meta = get_data(md.read_text(encoding="utf-8"))
        descriptions[_url_path(md.relative_to(docs).as_posix())] = str(meta.get("description", ""))
    return descriptions


def test_every_page_has_link_preview_tags_with_absolute_urls(site: LoopbackServer, site_dir: Path) -> None:
    descriptions = _front_matter_descriptions()
    image = site.url + "assets/social/preview.png"
    problems = []
    for url in page_urls(site_dir):
        head = BeautifulSoup(_get(url)[2], "lxml").head
        meta = {m.get("property") or m.get("name"): m.get("content") for m in head.find_all("meta")}
        canonical = head.find("link", rel="canonical")
        expected = {
            "og:url": url,
            "og:locale": "id_ID",
            "og:image": image,
            "og:description": descriptions.get(url.removeprefix(site.url)),
            "description": descriptions.get(url.removeprefix(site.url)),
            "twitter:description": descriptions.get(url.removeprefix(site.url)),
            "twitter:card": "summary_large_image",
            "twitter:image": image,
        }
        for key, value in expected.items():
            if not value or meta.get(key) != value:
                problems.append(f"{url}: {key} is {meta.get(key)!r}, expected {value!r}")
        for key in ("og:title", "og:type", "og:site_name", "twitter:title", "og:image:alt"):
            if not meta.get(key):
                problems.append(f"{url}: no {key}")
        if canonical is None or canonical.get("href") != url:
            problems.append(f"{url}: canonical is {canonical and canonical.get('href')!r}")
    assert not problems, "\n".join(problems)
    status, kind, data = _get(image)
    assert (status, kind) == (200, "image/png")
    assert Image.open(io.BytesIO(data)).size == (1200, 630)
