"""Small SVG images go inside the page (issue 8, performance budget).

An `<img>` in an article whose `src` is one of the site's own SVG files of at most
`_MAX_BYTES` gets that file as a `data:image/svg+xml,...` address instead: no request of its
own, so a diagram at the top of a page paints with the page's text (on a slow connection a
separate request costs a round trip or two, and Lighthouse counts it in the page's LCP). The
Markdown keeps the ordinary link, so the strict build still checks it, and the file is
still published at its own address. The Content-Security-Policy allows `data:` images.

The favicon (`theme.favicon`), when it is such an SVG, goes into every page the same way:
browsers fetch it while the page renders, one more request on a fresh connection.

Hand-written because no project dependency inlines images; it touches only `<img>` tags
of the page content whose file it finds among the site's files.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_MAX_BYTES = 8 * 1024
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+\.svg)(")', re.IGNORECASE)


def svg_data_uri(svg: str) -> str:
    """The SVG as a percent-encoded data: address, usable inside a double-quoted attribute.
    Spaces are encoded too: a URL with a raw space is invalid in an href (Nu HTML Checker)."""
    compact = re.sub(r">\s+<", "><", svg.strip())
    return "data:image/svg+xml," + quote(compact, safe="/:=;,.'()-_")


def inline_small_svgs(html: str, page_url: str, files_by_url: dict[str, Path]) -> str:
    def replace(match: re.Match[str]) -> str:
        src = match.group(2)
        if urlsplit(src).scheme or src.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), unquote(src)))
        path = files_by_url.get(target.lstrip("/"))
        if path is None or path.stat().st_size > _MAX_BYTES:
            return match.group(0)
        return match.group(1) + svg_data_uri(path.read_text(encoding="utf-8")) + match.group(3)

    return _IMG_SRC.sub(replace, html)


def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    favicon = config.theme["favicon"]
    path = Path(config.docs_dir) / str(favicon)
    if str(favicon).endswith(".svg") and path.is_file() and path.stat().st_size <= _MAX_BYTES:
        config.theme["favicon"] = svg_data_uri(path.read_text(encoding="utf-8"))
    return config


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    svgs = {f.url: Path(f.abs_src_path) for f in files if f.url.endswith(".svg") and f.abs_src_path}
    # Relative image paths are relative to the page's directory ("pemulihan/" for pemulihan/index.html).
    return inline_small_svgs(html, page.url, svgs)
