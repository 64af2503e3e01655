"""Webinar kit: the key links with their full URLs and QR codes, made at build time.

The links are listed once, in mkdocs.yml under `extra: webinar_links:`. For each one a QR
code PNG sized for slides (assets/qr/<name>.png) encodes the page's absolute URL built from
`site_url`, so a deployment on another domain gets correct codes without editing anything.
The page shows each code as an inline `<svg>` (one path, about 1.5 KB that gzip shrinks
well): no image request and no image decode competes with the text on a slow connection,
which in Lighthouse delayed the page's LCP (a `data:` PNG did); the slide-sized PNG is the
download. Each marker element of `MARKERS` is replaced, on the one page that has it, by its
template (templates/) rendered with the links and the contacts registry, by the content
layer (content.py) in the page's Markdown, so that its headings are in the table of contents
and the search index of either engine: the kit's list (`MARKER`) and overview table
and the slide deck's download link and print button (docs/kit-webinar.md), the handout's
three channels, QR codes of the links marked `selebaran: true` and print button
(docs/selebaran.md). `finish` writes the PNGs and the deck (slides.py) into the built site.
"""

from __future__ import annotations

import html
import io
import math
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import segno

from akun_diblokir import paths, templating
from akun_diblokir.config import key_line
from akun_diblokir.problems import Problem

MARKER = '<div id="kit-webinar-tautan"></div>'
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "kit-webinar-links.md"
# Marker element -> the template that replaces it; each marker on exactly one page.
MARKERS = {
    MARKER: TEMPLATE,
    '<div id="kit-webinar-ringkasan"></div>': "kit-webinar-overview.html",
    '<div id="selebaran-kanal"></div>': "selebaran-kanal.html",
    '<div id="selebaran-kode-qr"></div>': "selebaran-kode-qr.html",
    '<div id="kit-webinar-slide"></div>': "kit-webinar-slide.html",
    '<div id="kit-webinar-cetak"></div>': "kit-webinar-cetak.html",
    '<div id="selebaran-cetak"></div>': "selebaran-cetak.html",
}
# The slide deck `finish` writes (slides.py) and the print button's script (a file: the CSP
# allows no inline handler), both site-relative.
DECK = "assets/slides/akun-prakerja-diblokir.pptx"
PRINT_SCRIPT = "assets/javascripts/cetak.js"


QR_DIR = "assets/qr"
SLIDE_PX = 1000  # smallest side of the PNG: sharp on a full-HD slide and in print
PAGE_PX = 200  # smallest side of the code shown on the page (CSS pixels)
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"name", "label", "page", "short", "selebaran"}


@dataclass(frozen=True)
class KitLink:
    name: str  # short lowercase id: heading id on the kit page and PNG file name
    label: str  # what the link is, in Indonesian
    url: str  # absolute canonical URL of the page (what the QR code encodes)
    short_url: str  # absolute speakable URL (a redirect, or the page itself)
    png: str  # site-relative path of the generated PNG
    png_bytes: bytes = b""
    px: int = 0  # side of the PNG in pixels
    svg: str = ""  # the code shown on the page, as inline <svg> markup
    on_handout: bool = False  # `selebaran: true`: also on the printed handout (/selebaran/)

    @property
    def short_display(self) -> str:
        return self.short_url.split("://", 1)[-1]


def redirect_maps(config: dict[str, Any]) -> dict[str, str]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("redirects"), dict):
            return {str(k): str(v) for k, v in (plugin["redirects"].get("redirect_maps") or {}).items()}
    return {}


def _short_targets(config: dict[str, Any]) -> dict[str, str]:
    """Speakable path ('formulir/') -> target page src ('pemulihan/formulir-pengaduan.md')."""
    targets = {}
    for old, new in redirect_maps(config).items():
        path = old.removesuffix("index.md") if old.endswith("/index.md") else old.removesuffix(".md") + "/"
        targets[path] = new
    return targets


def read_links(
    config: dict[str, Any], *, config_file: Path, docs_dir: Path, site_url: str, use_directory_urls: bool = True
) -> tuple[list[KitLink], list[Problem]]:
    """The kit's links with their QR codes, and the problems of extra.webinar_links."""
    problems: list[Problem] = []

    def problem(dotted: str, found: str, expected: str) -> None:
        shown = dotted.replace("extra.webinar_links.", "extra.webinar_links[", 1)
        shown = re.sub(r"\[(\d+)", r"[\1]", shown)
        problems.append(Problem("mkdocs.yml", key_line(config_file, dotted), f"{shown} {found}", expected))

    entries = (config.get("extra") or {}).get("webinar_links")
    if not isinstance(entries, list) or not entries:
        problem("extra.webinar_links", "is not a list", "expected the links of the webinar kit")
        return [], problems
    if not site_url:
        problems.append(Problem("mkdocs.yml", key_line(config_file, "site_url"), "site_url is empty",
                                "expected the site's address (SITE_URL) for the kit's absolute URLs"))
        return [], problems
    redirects = _short_targets(config)
    links: list[KitLink] = []
    for i, entry in enumerate(entries):
        where = f"extra.webinar_links.{i}"
        if not isinstance(entry, dict) or not {"name", "label", "page"} <= entry.keys():
            problem(where, "is not a mapping of name, label, page", "expected those (and optional short)")
            continue
        if unknown := set(entry) - _KEYS:
            problem(where, f"has unknown key(s) {sorted(unknown)}", f"expected only {sorted(_KEYS)}")
            continue
        name, label, page_src = str(entry["name"]), str(entry["label"]), str(entry["page"])
        if not _NAME.match(name) or any(link.name == name for link in links):
            problem(f"{where}.name", f"is {name!r}", "expected a unique lowercase id like 'formulir'")
            continue
        if not page_src.endswith(".md") or not (docs_dir / page_src).is_file():
            problem(f"{where}.page", f"is {page_src!r}, not a page in docs/", "expected a page's path")
            continue
        # The URL as the online site has it, also in the offline copy (which uses .html files).
        url = urljoin(site_url, paths.page_url(page_src, use_directory_urls))
        short_url = url
        if "short" in entry:
            short = str(entry["short"]).strip("/") + "/"
            if redirects.get(short) != page_src and urljoin(site_url, short) != url:
                problem(f"{where}.short", f"is /{short}, neither the page's own path nor a redirect to {page_src}",
                        f"expected `{short.rstrip('/')}.md: {page_src}` under redirect_maps")
                continue
            short_url = urljoin(site_url, short)
        on_handout = entry.get("selebaran", False)
        if not isinstance(on_handout, bool):
            problem(f"{where}.selebaran", f"is {on_handout!r}", "expected true or false")
            continue
        png, px, svg = qr_codes(url)
        links.append(KitLink(name, label, url, short_url, f"{QR_DIR}/{name}.png", png, px, svg, on_handout))
    return links, problems


def qr_codes(url: str) -> tuple[bytes, int, str]:
    """A QR code PNG of `url` at least SLIDE_PX wide, its side in pixels, and the same code
    as inline SVG markup shown PAGE_PX wide, black on white in either palette."""
    qr = segno.make_qr(url, error="m")
    modules, _ = qr.symbol_size(scale=1, border=4)
    scale = math.ceil(SLIDE_PX / modules)
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=4)
    svg = qr.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000", svgclass="kit-qr", lineclass=None)
    label = html.escape(f"Kode QR yang membuka {url}", quote=True)
    svg = svg.replace(
        "<svg ",
        f'<svg width="{PAGE_PX}" height="{PAGE_PX}" role="img" aria-label="{label}" shape-rendering="crispEdges" ',
        1,
    )
    return out.getvalue(), modules * scale, svg


def url_markup(url: str) -> str:
    """`url` as HTML that wraps only after a "/": each part up to and including its "/" kept
    whole (not split at a hyphen), a <wbr> between parts. Its text is the URL itself, so a
    copy button copies it unchanged. "https://" stays with the host."""
    parts = re.split(r"(?<=/)(?!/)", url)
    if len(parts) > 1 and parts[0].endswith("://"):
        parts[:2] = [parts[0] + parts[1]]
    return "<wbr>".join(f'<span class="alamat-utuh">{html.escape(part)}</span>' for part in parts if part)


def render_markdown(
    links: list[KitLink], here: str, *, template: str = TEMPLATE, url_dir: str | None = None,
    official: dict[str, Any] | None = None,
) -> str:
    """A marker's template as Markdown for a page in the docs folder `here` ("" for the top).
    `png` is for Markdown links (the engine rewrites them), `png_url` for raw HTML, relative
    to the page's URL folder `url_dir` (e.g. "kit-webinar")."""
    url_dir = here if url_dir is None else url_dir
    return templating.render(
        template,
        links=[
            {"link": link, "png": posixpath.relpath(link.png, here or "."), "png_url": posixpath.relpath(link.png, url_dir or ".")}
            for link in links
        ],
        official=official or {},
        url_markup=url_markup,
        deck_url=posixpath.relpath(DECK, url_dir or "."),
        script_url=posixpath.relpath(PRINT_SCRIPT, url_dir or "."),
    )
