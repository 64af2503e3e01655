"""One pass of an HTML parser over a built page, for every step of the pipeline.

It collects, with their lines: the links (<a>, with their offsets, for external_links), the
inline scripts and styles (for the CSP hashes), inline code a hash cannot allow, contact
findings in link attributes, text-like attributes and text, heading ids and the target of
a refresh redirect (published links).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from akun_diblokir import contacts
from akun_diblokir.contacts import Registry, Verdict

# Script types a browser executes (HTML "JavaScript MIME type essence match", plus module);
# others, such as Material's application/json __config block, are data and need no hash.
JS_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class Anchor:
    start: int
    tag_end: int
    attrs: list[tuple[str, str | None]]
    close: int = -1

    @property
    def href(self) -> str | None:
        return dict(self.attrs).get("href")


@dataclass
class InlineCode:
    line: int
    tag: str
    attr: str
    kind: str  # "handler", "style" or "javascript-url"


@dataclass
class PageScan:
    anchors: list[Anchor] = field(default_factory=list)
    unclosed_anchor: int = 0  # line of an <a> never closed
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    inline_code: list[InlineCode] = field(default_factory=list)
    contacts: list[tuple[int, Verdict]] = field(default_factory=list)
    heading_ids: list[str] = field(default_factory=list)  # of the headings in the article
    ids: set[str] = field(default_factory=set)  # of every element
    article: bool = False  # the page has the theme's article (a page, not a redirect)
    refresh: str | None = None  # target of <meta http-equiv="refresh"> (a redirect page)


class _Scanner(HTMLParser):
    def __init__(self, text: str, registry: Registry | None) -> None:
        # convert_charrefs=False: script text must reach the hash exactly as written.
        super().__init__(convert_charrefs=False)
        self.registry = registry
        self.result = PageScan()
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._open: Anchor | None = None
        self._open_line = 0
        self._raw: list[str] | None = None  # text of an inline <script> or <style>
        self._raw_target: list[str] | None = None
        self._skip = 0  # inside <script>/<style> (data, not text shown to readers)
        self._text: list[str] = []
        self._text_line = 0
        self._article_depth = 0

    # --- text, kept together across character references as readers see it
    def _flush(self) -> None:
        if self._text and self.registry is not None:
            data = "".join(self._text)
            self.result.contacts += [
                (self._text_line + data.count("\n", 0, o), v) for o, v in contacts.scan_text(data, self.registry)
            ]
        self._text = []

    def _add_text(self, data: str) -> None:
        if not self._text:
            self._text_line = self.getpos()[0]
        self._text.append(data)

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw.append(data)
        elif not self._skip:
            self._add_text(data)

    def handle_entityref(self, name: str) -> None:
        if not self._skip:
            self._add_text(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        if not self._skip:
            self._add_text(html.unescape(f"&#{name};"))

    # --- tags
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self._attrs(tag, attrs)
        values = dict(attrs)
        if values.get("id"):
            self.result.ids.add(str(values["id"]))
        if tag == "article":
            if self._article_depth or "md-content__inner" in str(values.get("class", "")).split():
                self._article_depth += 1
                self.result.article = True
        if tag == "a":
            start = self._offset()
            self._open = Anchor(start, start + len(self.get_starttag_text() or ""), attrs)
            self._open_line = self.getpos()[0]
        elif tag in ("script", "style"):
            self._skip += 1
            if tag == "style" or ("src" not in values and (values.get("type") or "").strip().lower() in JS_TYPES):
                self._raw, self._raw_target = [], (self.result.scripts if tag == "script" else self.result.styles)
        elif tag in _HEADINGS and values.get("id") and self._article_depth:
            self.result.heading_ids.append(str(values["id"]))
        elif tag == "meta" and str(values.get("http-equiv", "")).lower() == "refresh":
            _, _, url = str(values.get("content", "")).partition("url=")
            self.result.refresh = url.strip().strip("'\"") or None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self._attrs(tag, attrs)
        if dict(attrs).get("id"):
            self.result.ids.add(str(dict(attrs)["id"]))

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        if tag == "a" and self._open is not None:
            self._open.close = self._offset()
            self.result.anchors.append(self._open)
            self._open = None
        elif tag in ("script", "style") and self._skip:
            self._skip -= 1
            if self._raw is not None and self._raw_target is not None:
                self._raw_target.append("".join(self._raw))
            self._raw = self._raw_target = None

    def close(self) -> None:
        super().close()
        self._flush()
        if self._open is not None:
            self.result.unclosed_anchor = self._open_line

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.result.inline_code.append(InlineCode(line, tag, name, "handler"))
            elif name == "style":
                self.result.inline_code.append(InlineCode(line, tag, name, "style"))
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.result.inline_code.append(InlineCode(line, tag, name, "javascript-url"))
            if not value or self.registry is None:
                continue
            if name in contacts.URL_ATTRS or (name == "data" and tag == "object"):
                self.result.contacts += [(line, v) for v in contacts.judge_url(value, self.registry)]
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    self.result.contacts += [(line, v) for v in contacts.judge_url(url, self.registry)]
            elif name in contacts.TEXT_ATTRS:
                self.result.contacts += [
                    (line + value.count("\n", 0, o), v) for o, v in contacts.scan_text(value, self.registry)
                ]


def scan_page(text: str, registry: Registry | None) -> PageScan:
    scanner = _Scanner(text, registry)
    scanner.feed(text)
    scanner.close()
    return scanner.result
