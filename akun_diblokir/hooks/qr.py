"""Webinar kit: the key links with their full URLs and QR codes, made at build time.

The links are listed once, in mkdocs.yml under `extra: webinar_links:`. For each one this
hook makes a QR code PNG sized for slides (assets/qr/<name>.png) that encodes the page's
absolute URL built from `site_url`, so a deployment on another domain gets correct codes
without editing anything. The page shows each code as an inline `<svg>` (one path, about
1.5 KB that gzip shrinks well): no image request and no image decode competes with the text
on a slow connection, which in Lighthouse delayed the page's LCP (a `data:` PNG did); the
slide-sized PNG is the download. The page that contains the marker line below
(docs/kit-webinar.md) gets the list rendered from the template
akun_diblokir/templates/kit-webinar-links.md (outside the theme folder, so no engine
publishes it as a file). MkDocs-only: other engines run no hook (README, "Portability").
"""

from __future__ import annotations

import sys
from pathlib import Path as _Path

# mkdocs.yml loads this file by path; the package akun_diblokir is its parent's parent.
sys.path.insert(0, str(_Path(__file__).resolve().parents[2]))

import html
import io
import logging
import math
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from akun_diblokir.config import key_line

log = logging.getLogger("mkdocs.hooks.qr")

MARKER = "<!-- kit-webinar:tautan -->"
_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_TEMPLATE = "kit-webinar-links.md"
_QR_DIR = "assets/qr"
_SLIDE_PX = 1000  # smallest side of the PNG: sharp on a full-HD slide and in print
_PAGE_PX = 200  # smallest side of the code shown on the page (CSS pixels)
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"name", "label", "page", "short"}


@dataclass(frozen=True)
class KitLink:
    name: str  # short lowercase id: heading id on the kit page and PNG file name
    label: str  # what the link is, in Indonesian
    url: str  # absolute canonical URL of the page (what the QR code encodes)
    short_url: str  # absolute speakable URL (a redirect, or the page itself)
    png: str  # src URI of the generated PNG
    px: int = 0  # side of the PNG in pixels
    svg: str = ""  # the code shown on the page, as inline <svg> markup

    @property
    def short_display(self) -> str:
        return self.short_url.split("://", 1)[-1]


@dataclass
class _Kit:
    """The state of one build."""

    use_directory_urls: bool = True  # as the online site has it (before the offline plugin)
    links: list[KitLink] = field(default_factory=list)
    rendered_on: list[str] = field(default_factory=list)


_kit = _Kit()


def _where(config: MkDocsConfig, index: int | None = None, key: str | None = None) -> str:
    dotted = "extra.webinar_links" + (f".{index}" if index is not None else "") + (f".{key}" if key else "")
    line = key_line(Path(config.config_file_path), dotted)
    return f"mkdocs.yml:{line}: extra.webinar_links" + (f"[{index}]" if index is not None else "") + (f".{key}" if key else "")


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
        log.warning("%s is not a list; expected the links of the webinar kit.", _where(config))
        return []
    site_url = config.site_url
    if not site_url:
        log.warning("mkdocs.yml:%d: site_url is empty; expected the site's address (SITE_URL) for the kit's absolute URLs.",
                    key_line(Path(config.config_file_path), "site_url"))
        return []
    redirects = _short_targets(config)
    links: list[KitLink] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not {"name", "label", "page"} <= entry.keys():
            log.warning("%s is not a mapping of name, label, page; expected those (and optional short).", _where(config, i))
            continue
        if unknown := set(entry) - _KEYS:
            log.warning("%s has unknown key(s) %s; expected only %s.", _where(config, i), sorted(unknown), sorted(_KEYS))
            continue
        name, label, page_src = str(entry["name"]), str(entry["label"]), str(entry["page"])
        if not _NAME.match(name) or any(link.name == name for link in links):
            log.warning("%s is %r; expected a unique lowercase id like 'formulir'.", _where(config, i, "name"), name)
            continue
        page_file = files.get_file_from_path(page_src)
        if page_file is None or not page_file.is_documentation_page():
            log.warning("%s is %r, not a page in docs/; expected a page's path.", _where(config, i, "page"), page_src)
            continue
        # The URL as the online site has it, also in the offline copy (which uses .html files).
        url = urljoin(site_url, File(page_src, "", "", _kit.use_directory_urls).url)
        short_url = url
        if "short" in entry:
            short = str(entry["short"]).strip("/") + "/"
            if redirects.get(short) != page_src and urljoin(site_url, short) != url:
                log.warning(
                    "%s is /%s, neither the page's own path nor a redirect to %s; "
                    "expected `%s.md: %s` under redirect_maps.",
                    _where(config, i, "short"), short, page_src, short.rstrip("/"), page_src,
                )
                continue
            short_url = urljoin(site_url, short)
        links.append(KitLink(name, label, url, short_url, f"{_QR_DIR}/{name}.png"))
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
    global _kit
    _kit = _Kit(use_directory_urls=config.use_directory_urls)
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    _kit.links.clear()
    _kit.rendered_on.clear()
    for link in _read_links(config, files):
        content, px, svg = _qr_codes(link.url)
        files.append(File.generated(config, link.png, content=content))
        _kit.links.append(replace(link, px=px, svg=svg))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    _kit.rendered_on.append(page.file.src_uri)
    here = posixpath.dirname(page.file.src_uri)
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=False).get_template(_TEMPLATE)
    rendered = template.render(
        links=[
            {
                "link": link,
                "png": posixpath.relpath(link.png, here or "."),
            }
            for link in _kit.links
        ]
    )
    return markdown.replace(MARKER, rendered, 1)


def on_post_build(*, config: MkDocsConfig) -> None:
    if _kit.links and len(_kit.rendered_on) != 1:
        log.warning(
            "docs/kit-webinar.md:1: the webinar kit list (%r) is on %s; expected it on exactly one page.",
            MARKER, _kit.rendered_on or "no page",
        )
