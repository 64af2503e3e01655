"""Files for the web host and for link previews, made from a built site.

Plain functions over the configuration values and the built site directory: the post-build
pipeline (akun_diblokir/pipeline.py) writes the host files and redirect pages and fixes the
label; the content layer (content.py) adds the print addresses.

- Redirect pages in Indonesian: mkdocs-redirects writes English pages ("Redirecting...")
  without link-preview tags; a short path pasted into a chat then previews badly. Each one
  is rewritten from akun_diblokir/templates/redirect-page.html with the target page's title,
  canonical URL and preview tags (copied from the built target page), `noindex`.
- `_redirects` (Netlify / Cloudflare Pages): a permanent redirect per entry of redirect_maps.
- `robots.txt` naming the absolute sitemap URL.
- Printed links: each link of a page's content to another page of the site gets its absolute
  address in `data-alamat`, which the print style sheet writes after the link text.
- The table of contents label: Material writes `<label for="__toc">` in the page's sidebar,
  but on a section index page (navigation.indexes) there is no `__toc` control, so the
  label points at nothing (invalid HTML); there it becomes a plain element.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from akun_diblokir import paths, templating
from akun_diblokir.problems import Problem

REDIRECTS_FILE = "_redirects"
ROBOTS_FILE = "robots.txt"
TEMPLATES = Path(__file__).resolve().parent / "templates"
REDIRECT_TEMPLATE = "redirect-page.html"


@dataclass(frozen=True)
class Redirect:
    source: str  # path of the old page or short path on the site, e.g. "formulir/"
    target: str  # path of the page it leads to, e.g. "pemulihan/formulir-pengaduan/"
    source_file: str  # built file of the redirect page, e.g. "formulir/index.html"
    target_file: str  # built file of the target page


def redirects(redirect_maps: dict, use_directory_urls: bool = True) -> list[Redirect]:
    """The entries of mkdocs-redirects' redirect_maps, in their order."""
    found = []
    for old, new in redirect_maps.items():
        source, source_file = paths.page_dest(str(old), use_directory_urls)
        target_src, _, fragment = str(new).partition("#")
        target, target_file = paths.page_dest(target_src, use_directory_urls)
        found.append(Redirect(source, target + (f"#{fragment}" if fragment else ""), source_file, target_file))
    return found


def redirects_file(site_url: str, entries: list[Redirect]) -> str:
    """`_redirects` for Netlify and Cloudflare Pages: `/old/ /new/ 301`, paths under site_url's path."""
    base = urlsplit(site_url).path or "/"
    base = base if base.endswith("/") else base + "/"
    lines = ["# Permanent redirects (Netlify, Cloudflare Pages), made from redirect_maps in mkdocs.yml."]
    lines += [f"{base}{r.source} {base}{r.target} 301" for r in entries]
    return "\n".join(lines) + "\n"


def robots_txt(site_url: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"


class _HeadReader(HTMLParser):
    """The <title>, canonical link and preview <meta> tags of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.canonical = ""
        self.meta: list[list[tuple[str, str]]] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href", "")
        elif tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key == "description" or key.startswith(("og:", "twitter:")):
                self.meta.append([(k, v) for k, v in values.items()])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def read_head(html: str) -> _HeadReader:
    reader = _HeadReader()
    reader.feed(html)
    reader.close()
    reader.title = " ".join(reader.title.split())
    return reader


def redirect_page_context(site_dir: Path, entry: Redirect) -> dict:
    """What overrides/partials/redirect-page.html needs for one redirect page."""
    head = read_head((site_dir / entry.target_file).read_text(encoding="utf-8"))
    target, _, fragment = entry.target.partition("#")
    href = posixpath.relpath(target or ".", posixpath.dirname(entry.source) or ".")
    if target == "" or target.endswith("/"):
        href = "./" if href == "." else href + "/"
    href += f"#{fragment}" if fragment else ""
    heading = next((v for attrs in head.meta for k, v in attrs if k == "content" and ("property", "og:title") in attrs), head.title)
    return {"title": head.title, "heading": heading, "canonical": head.canonical, "meta": head.meta, "href": href}


_TOC_LABEL = re.compile(r"<label\b([^>]*?)\s+for=(?:\"__toc\"|__toc)([^>]*)>(.*?)</label>", re.DOTALL)
_TOC_CONTROL = re.compile(r"\bid=(?:\"__toc\"|__toc)[\s>]")


def drop_orphan_toc_label(html: str) -> str:
    """Material's table of contents title without its `for` when no `__toc` control exists."""
    if _TOC_CONTROL.search(html):
        return html
    return _TOC_LABEL.sub(lambda m: f"<div{m.group(1)}{m.group(2)}>{m.group(3)}</div>", html)


# Python-Markdown writes every link as `<a href="...">` (double quotes), so this finds the
# links of a page's content; the address a printed page shows must be absolute, and CSS
# alone cannot make a relative href absolute.
_CONTENT_LINK = re.compile(r'<a\b(?=[^>]*\bhref="([^"]*)")')
_HAS_ADDRESS = re.compile(r'<a\b(?=[^>]*\bdata-alamat=)')


def add_print_addresses(html: str, absolute: Callable[[str], str]) -> str:
    """`data-alamat` with the absolute address `absolute(href)` on each link of `html` to
    another page of the site (not in-page `#...` links, not links with a scheme, not a link
    that has one already); the print style sheet prints it."""

    def replace(match: re.Match[str]) -> str:
        href = match.group(1)
        if not href or href.startswith(("#", "//")) or urlsplit(href).scheme or _HAS_ADDRESS.match(html, match.start()):
            return match.group(0)
        return f'{match.group(0)} data-alamat="{html_escape(absolute(href))}"'

    return _CONTENT_LINK.sub(replace, html)


def write_host_files(site_dir: Path, site_url: str, redirect_maps: dict[str, str]) -> list[Problem]:
    """Rewrite the redirect pages of `redirect_maps` in Indonesian and write `_redirects` and
    `robots.txt` into the built site; a redirect whose target page was not built is a problem.
    Directory URLs or not is read from the built site (the offline copy has .html files)."""
    problems: list[Problem] = []
    entries = []
    for directory_urls in (True, False):
        entries = redirects(redirect_maps, directory_urls)
        if all((site_dir / e.target_file).is_file() for e in entries):
            break
    template = templating.environment().get_template(REDIRECT_TEMPLATE)
    for entry in entries:
        if not (site_dir / entry.target_file).is_file():
            problems.append(Problem("mkdocs.yml", 1, f"redirect_maps: /{entry.source} leads to {entry.target_file}, "
                                    "which the build did not write", "expected a page of docs/"))
            continue
        page = template.render(**redirect_page_context(site_dir, entry))
        (site_dir / entry.source_file).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / entry.source_file).write_text(page, encoding="utf-8")
    (site_dir / REDIRECTS_FILE).write_text(redirects_file(site_url or "/", entries), encoding="utf-8")
    (site_dir / ROBOTS_FILE).write_text(robots_txt(site_url or "/"), encoding="utf-8")
    return problems
