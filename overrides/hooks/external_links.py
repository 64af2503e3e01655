"""External links: open safely and say that they leave the site.

Every link in a built page (Markdown content and templates alike, e.g. the contacts footer)
whose address is http(s) on another host than `site_url` gets `rel="external noopener
noreferrer"` (no window.opener for the other site, and no Referer telling it which page of a
blocked-account guide the reader came from) and, before its closing tag, the marker from
overrides/partials/external-link-marker.html: text that screen readers announce, shown as
an icon by extra.css. Links stay in the same tab: on a cheap phone a new tab is easy to lose.

Runs on the finished page (on_post_page, and on_post_template for 404.html), after the
search plugin has indexed the content, so the marker text does not end up in search results.
"""

from __future__ import annotations

import html
import logging
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.external_links")

_MARKER_TEMPLATE = "partials/external-link-marker.html"
_REL = ("external", "noopener", "noreferrer")
_marker_html = ""


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    global _marker_html
    _marker_html = env.get_template(_MARKER_TEMPLATE).render(config=config).strip()
    return env


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return _mark_external_links(output, page.file.src_uri, config)


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    # Pages made from a template alone, such as 404.html (the contacts footer is on it too).
    return _mark_external_links(output_content, template_name, config)


def _mark_external_links(output: str, name: str, config: MkDocsConfig) -> str:
    own_host = urlsplit(config.site_url or "").netloc.lower()
    finder = _AnchorFinder(output)
    finder.feed(output)
    finder.close()
    if finder.unclosed:
        log.warning("%s: a link (<a>) that starts at line %d is never closed; expected </a>.",
                    name, finder.unclosed)
    # Rewrite from the end so earlier offsets stay valid.
    for anchor in reversed(finder.anchors):
        if not _is_external(anchor.href, own_host):
            continue
        output = (
            output[: anchor.start]
            + _start_tag(anchor.attrs)
            + output[anchor.tag_end : anchor.close]
            + _marker_html
            + output[anchor.close :]
        )
    return output


def _is_external(href: str | None, own_host: str) -> bool:
    if not href:
        return False
    parts = urlsplit(href.strip())
    return parts.scheme.lower() in ("http", "https") and parts.netloc.lower() != own_host


def _start_tag(attrs: list[tuple[str, str | None]]) -> str:
    rel: list[str] = []
    rendered: list[str] = []
    for name, value in attrs:
        if name == "rel":
            rel.extend((value or "").split())
        elif value is None:
            rendered.append(f" {name}")
        else:
            rendered.append(f' {name}="{html.escape(value, quote=True)}"')
    rel.extend(token for token in _REL if token not in rel)
    return "<a" + "".join(rendered) + f' rel="{" ".join(rel)}">'


class _Anchor:
    def __init__(self, start: int, tag_end: int, attrs: list[tuple[str, str | None]]) -> None:
        self.start, self.tag_end, self.attrs = start, tag_end, attrs
        self.href = dict(attrs).get("href")
        self.close = -1


class _AnchorFinder(HTMLParser):
    """Finds each <a ...>...</a> with its character offsets in the page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        # HTMLParser reports (line, column); the rewrite needs offsets into the text.
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.anchors: list[_Anchor] = []
        self._open: _Anchor | None = None
        self._open_line = 0
        self.unclosed = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self._open = _Anchor(start, start + len(raw), attrs)
        self._open_line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self._open.close = self._offset()
            self.anchors.append(self._open)
            self._open = None

    def close(self) -> None:
        super().close()
        if self._open is not None:
            self.unclosed = self._open_line
