"""Small SVG images go inside the page (performance budget).

An `<img>` of a built page whose `src` is one of the site's own SVG files of at most
`MAX_BYTES` gets that file as a `data:image/svg+xml,...` address instead: no request of its
own, so a diagram at the top of a page paints with the page's text (on a slow connection a
separate request costs a round trip or two, and Lighthouse counts it in the page's LCP). The
Markdown keeps the ordinary link, so the engines still check it, and the file is still
published at its own address. The Content-Security-Policy allows `data:` images.

The favicon (`<link rel="icon">`), when it is such an SVG, goes into every page the same
way: browsers fetch it while the page renders, one more request on a fresh connection.

Hand-written because no project dependency inlines images; it touches only `<img>` and
icon `<link>` tags whose file it finds in the built site.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

MAX_BYTES = 8 * 1024
# Quoted or not: the minifier drops the quotes it can.
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=)("?)([^"\s>]+\.svg)(\2)(?=[\s>/])', re.IGNORECASE)
_ICON_HREF = re.compile(
    r'(<link\b(?=[^>]*\brel=(?:"(?:shortcut )?icon"|icon\b))[^>]*?\bhref=)("?)([^"\s>]+\.svg)(\2)(?=[\s>/])', re.IGNORECASE
)


def svg_data_uri(svg: str) -> str:
    """The SVG as a percent-encoded data: address, usable inside a double-quoted attribute.
    Spaces are encoded too: a URL with a raw space is invalid in an href (Nu HTML Checker)."""
    compact = re.sub(r">\s+<", "><", svg.strip())
    return "data:image/svg+xml," + quote(compact, safe="/:=;,.'()-_")


def inline_small_svgs(html: str, page: str, site_dir: Path, base_path: str = "/") -> str:
    """`html` of the built file `page` (site-relative, e.g. pemulihan/index.html) with its
    small SVG images and SVG favicon as data: addresses. `base_path` is the site's path on
    its host (from site_url): the 404 page links its files from there."""
    cache: dict[str, str | None] = {}

    def replace(match: re.Match[str]) -> str:
        src = match.group(3)
        if urlsplit(src).scheme or src.startswith("//") or (src.startswith("/") and not src.startswith(base_path)):
            return match.group(0)
        if src.startswith("/"):
            target = posixpath.normpath(unquote(src[len(base_path):]))
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page), unquote(src))).lstrip("/")
        if target not in cache:
            path = site_dir / target
            small = path.is_file() and path.stat().st_size <= MAX_BYTES
            cache[target] = svg_data_uri(path.read_text(encoding="utf-8")) if small else None
        uri = cache[target]
        return match.group(0) if uri is None else f'{match.group(1)}"{uri}"'

    return _ICON_HREF.sub(replace, _IMG_SRC.sub(replace, html))
