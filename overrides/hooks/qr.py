"""Webinar kit: the key links with their full URLs and QR codes, made at build time.

The links are listed once, in mkdocs.yml under `extra: webinar_links:`. For each one this
hook makes a QR code PNG sized for slides (assets/qr/<name>.png) that encodes the page's
absolute URL built from `site_url`, so a deployment on another domain gets correct codes
without editing anything. The page shows each code as an inline `<svg>` (one path, about
1.5 KB that gzip shrinks well): no image request and no image decode competes with the text
on a slow connection, which in Lighthouse delayed the page's LCP (a `data:` PNG did); the
slide-sized PNG is the download. Each marker line of _MARKERS is replaced, on the one page
that has it, by its template rendered with the links and the contacts registry: the kit
page's overview table and details (docs/kit-webinar.md) and the handout's channels and QR
codes (docs/selebaran.md, the links marked `selebaran: true`).
"""

from __future__ import annotations

import html
import io
import logging
import math
import posixpath
import re
from dataclasses import dataclass, replace
from urllib.parse import urljoin

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.qr")

MARKER = "<!-- kit-webinar:tautan -->"
# Marker line -> template that replaces it (each marker on exactly one page).
_MARKERS = {
    MARKER: "partials/kit-webinar-links.md",
    "<!-- kit-webinar:ringkasan -->": "partials/kit-webinar-overview.html",
    "<!-- selebaran:kanal -->": "partials/selebaran-kanal.html",
    "<!-- selebaran:kode-qr -->": "partials/selebaran-kode-qr.html",
}
_QR_DIR = "assets/qr"
_SLIDE_PX = 1000  # smallest side of the PNG: sharp on a full-HD slide and in print
_PAGE_PX = 200  # smallest side of the code shown on the page (CSS pixels)
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"name", "label", "page", "short", "selebaran"}


@dataclass(frozen=True)
class KitLink:
    name: str  # short lowercase id: heading id on the kit page and PNG file name
    label: str  # what the link is, in Indonesian
    url: str  # absolute canonical URL of the page (what the QR code encodes)
    short_url: str  # absolute speakable URL (a redirect, or the page itself)
    png: str  # src URI of the generated PNG
    px: int = 0  # side of the PNG in pixels
    svg: str = ""  # the code shown on the page, as inline <svg> markup
    on_handout: bool = False  # `selebaran: true`: also on the printed handout (/selebaran/)

    @property
    def short_display(self) -> str:
        return self.short_url.split("://", 1)[-1]


_links: list[KitLink] = []
_rendered_on: dict[str, list[str]] = {}
_online: dict[str, bool] = {"use_directory_urls": True}


def _where(index: int, key: str | None = None) -> str:
    return f"mkdocs.yml: extra.webinar_links[{index}]" + (f".{key}" if key else "")


def _short_targets(config: MkDocsConfig) -> dict[str, str]:
    """Speakable path ('formulir/') -> target page src ('pemulihan/formulir-pengaduan.md')."""
    plugin = config.plugins.get("redirects")
    maps = plugin.config.get("redirect_maps", {}) if plugin is not None else {}
    targets = {}
    for old, new in maps.items():
        old = str(old)
        path = old.removesuffix("index.md") if old.endswith("/index.md") else old.removesuffix(".md") + "/"
        targets[path] = str(new)
    return targets


def _read_links(config: MkDocsConfig, files: Files) -> list[KitLink]:
    entries = config.extra.get("webinar_links")
    if not isinstance(entries, list) or not entries:
        log.warning("mkdocs.yml: extra.webinar_links must be a list of links for the webinar kit.")
        return []
    site_url = config.site_url
    if not site_url:
        log.warning("mkdocs.yml: site_url is empty; the webinar kit needs it for absolute URLs.")
        return []
    redirects = _short_targets(config)
    links: list[KitLink] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not {"name", "label", "page"} <= entry.keys():
            log.warning("%s: expected a mapping with name, label, page (and optional short).", _where(i))
            continue
        if unknown := set(entry) - _KEYS:
            log.warning("%s: unknown key(s) %s; expected %s.", _where(i), sorted(unknown), sorted(_KEYS))
            continue
        name, label, page_src = str(entry["name"]), str(entry["label"]), str(entry["page"])
        if not _NAME.match(name) or any(link.name == name for link in links):
            log.warning("%s: %r must be a unique lowercase id like 'formulir'.", _where(i, "name"), name)
            continue
        page_file = files.get_file_from_path(page_src)
        if page_file is None or not page_file.is_documentation_page():
            log.warning("%s: %r is not a page in docs/.", _where(i, "page"), page_src)
            continue
        # The URL as the online site has it, also in the offline copy (which uses .html files).
        url = urljoin(site_url, File(page_src, "", "", _online["use_directory_urls"]).url)
        short_url = url
        if "short" in entry:
            short = str(entry["short"]).strip("/") + "/"
            if redirects.get(short) != page_src and urljoin(site_url, short) != url:
                log.warning(
                    "%s: /%s is neither the page's own path nor a redirect to %s "
                    "(add `%s.md: %s` under redirect_maps).",
                    _where(i, "short"), short, page_src, short.rstrip("/"), page_src,
                )
                continue
            short_url = urljoin(site_url, short)
        on_handout = entry.get("selebaran", False)
        if not isinstance(on_handout, bool):
            log.warning("%s: %r; expected true or false.", _where(i, "selebaran"), on_handout)
            continue
        links.append(KitLink(name, label, url, short_url, f"{_QR_DIR}/{name}.png", on_handout=on_handout))
    return links


def _qr_codes(url: str) -> tuple[bytes, int, str]:
    """A QR code PNG of `url` at least _SLIDE_PX wide, its side in pixels, and the same code
    as inline SVG markup shown _PAGE_PX wide, black on white in either palette."""
    qr = segno.make_qr(url, error="m")
    modules, _ = qr.symbol_size(scale=1, border=4)
    scale = math.ceil(_SLIDE_PX / modules)
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=4)
    svg = qr.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000", svgclass="kit-qr", lineclass=None)
    label = html.escape(f"Kode QR yang membuka {url}", quote=True)
    svg = svg.replace(
        "<svg ",
        f'<svg width="{_PAGE_PX}" height="{_PAGE_PX}" role="img" aria-label="{label}" shape-rendering="crispEdges" ',
        1,
    )
    return out.getvalue(), modules * scale, svg


@event_priority(100)  # before Material's offline plugin switches directory URLs off
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    _online["use_directory_urls"] = config.use_directory_urls
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    _links.clear()
    _rendered_on.clear()
    for link in _read_links(config, files):
        content, px, svg = _qr_codes(link.url)
        files.append(File.generated(config, link.png, content=content))
        _links.append(replace(link, px=px, svg=svg))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    here = posixpath.dirname(page.file.src_uri)
    page_dir = posixpath.dirname(page.url) if page.url.endswith(".html") else page.url.rstrip("/")
    for marker, name in _MARKERS.items():
        if marker not in markdown:
            continue
        _rendered_on.setdefault(marker, []).append(page.file.src_uri)
        rendered = config.theme.get_env().get_template(name).render(
            links=[
                {
                    "link": link,
                    "png": posixpath.relpath(link.png, here or "."),  # for Markdown links (MkDocs rewrites them)
                    "png_url": posixpath.relpath(link.png, page_dir or "."),  # for raw HTML
                }
                for link in _links
            ],
            official=config.extra.get("official", {}),
        )
        markdown = markdown.replace(marker, rendered, 1)
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    if not _links:
        return
    for marker in _MARKERS:
        pages = _rendered_on.get(marker, [])
        if len(pages) != 1:
            log.warning(
                "The marker line %r must be on exactly one page; found on %s.",
                marker, pages or "none (expected in docs/kit-webinar.md or docs/selebaran.md)",
            )
