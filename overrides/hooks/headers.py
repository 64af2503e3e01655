"""Security headers for static hosts: writes `_headers` (Netlify / Cloudflare Pages format).

The Content-Security-Policy allows no inline script by default: after the build, every
built HTML file is parsed and each inline script the browser would run (the theme's
palette and storage helpers, redirect pages, ...) is allowed by its SHA-256 hash. Inline
event handlers and javascript: URLs cannot be allowed that way, so they fail the build,
as do inline style attributes (style-src has no 'unsafe-inline'; put styles in extra.css).
Inline <style> elements are allowed by hash like scripts.

The README shows the same headers for nginx.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.headers")

HEADERS_FILE = "_headers"

# Script types a browser executes (HTML "JavaScript MIME type essence match", plus module);
# others, such as Material's application/json __config block, are data and need no hash.
_JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
}

# Everything the site loads comes from its own host (no fonts, CDN or analytics); images
# also from data: URIs (the theme's CSS icons); the search worker is a same-origin script
# (new Worker(url)) that fetches search/search_index.json (connect-src).
_CSP = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],  # + hashes of inline scripts
    "style-src": ["'self'"],  # + hashes of inline <style> elements
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}

_OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # No Referer to other sites: they need not learn which page of this guide a reader used.
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}


# Built file -> Markdown source, so a problem names the file a writer can fix.
_sources: dict[str, str] = {}


def on_pre_build(*, config: MkDocsConfig) -> None:
    _sources.clear()


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    _sources[page.file.dest_uri] = page.file.src_uri
    return output


# After every other writer of HTML (e.g. the redirects plugin's pages).
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    script_hashes: set[str] = set()
    style_hashes: set[str] = set()
    for path in sorted(site_dir.rglob("*.html")):
        built = path.relative_to(site_dir).as_posix()
        source = _sources.get(built)
        name = f"{source} (built into {built})" if source else built
        scanner = _InlineCodeScanner(name)
        scanner.feed(path.read_text(encoding="utf-8"))
        scanner.close()
        for problem in scanner.problems:
            log.warning("%s", problem)
        script_hashes.update(_hash(s) for s in scanner.scripts)
        style_hashes.update(_hash(s) for s in scanner.styles)

    csp = {name: list(sources) for name, sources in _CSP.items()}
    csp["script-src"] += sorted(script_hashes)
    csp["style-src"] += sorted(style_hashes)
    headers = {"Content-Security-Policy": "; ".join(f"{k} {' '.join(v)}" for k, v in csp.items())}
    headers.update(_OTHER_HEADERS)
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers.items()]
    (site_dir / HEADERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.info("headers: wrote %s with %d script and %d style hashes",
             HEADERS_FILE, len(script_hashes), len(style_hashes))


def _hash(text: str) -> str:
    # Browsers hash the element's text after HTML input preprocessing (CRLF/CR -> LF), UTF-8.
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


class _InlineCodeScanner(HTMLParser):
    """Collects inline <script>/<style> text and inline code that a hash cannot allow."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=False)
        self.name = name
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.problems: list[str] = []
        self._collect: list[str] | None = None
        self._target: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_attrs(tag, attrs)
        values = dict(attrs)
        if tag == "script" and "src" not in values:
            if (values.get("type") or "").strip().lower() in _JS_TYPES:
                self._collect, self._target = [], self.scripts
        elif tag == "style":
            self._collect, self._target = [], self.styles

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_attrs(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._collect is not None:
            self._collect.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._collect is not None and self._target is not None:
            self._target.append("".join(self._collect))
            self._collect = self._target = None

    def _check_attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            where = f"{self.name}, line {line}, <{tag} {name}=...>"
            if name.startswith("on"):
                self.problems.append(
                    f"{where}: an inline event handler, which the Content-Security-Policy "
                    "blocks; expected the behaviour in a script file instead."
                )
            elif name == "style":
                self.problems.append(
                    f"{where}: an inline style attribute, which the Content-Security-Policy "
                    "blocks; expected a class styled in docs/assets/stylesheets/extra.css."
                )
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(
                    f"{where}: a javascript: URL, which the Content-Security-Policy blocks; "
                    "expected a real link."
                )
