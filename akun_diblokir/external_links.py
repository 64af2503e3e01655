"""External links: open safely and say that they leave the site.

Every link of a built page (Markdown content and templates alike, e.g. the contacts footer)
whose address is http(s) on another host than the site's gets `rel="external noopener
noreferrer"` (no window.opener for the other site, and no Referer telling it which page of a
blocked-account guide the reader came from) and, before its closing tag, the marker of
akun_diblokir/templates/external-link-marker.html: text that screen readers announce, shown
as an icon by base.css. Links stay in the same tab: on a cheap phone a new tab is easy to lose.

Runs in the post-build pipeline, after the engine has indexed the content for search, so the
marker text does not end up in search results.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from akun_diblokir import templating
from akun_diblokir.pagescan import Anchor

MARKER_TEMPLATE = "external-link-marker.html"
_REL = ("external", "noopener", "noreferrer")


def marker_html() -> str:
    return templating.render(MARKER_TEMPLATE).strip()


def mark_external_links(output: str, anchors: list[Anchor], own_host: str, marker: str) -> str:
    """`output` with every external link among `anchors` (offsets into `output`) marked."""
    # Rewrite from the end so earlier offsets stay valid.
    for anchor in reversed(anchors):
        if not _is_external(anchor.href, own_host):
            continue
        if output[anchor.tag_end : anchor.close].endswith(marker):  # marked by an earlier run
            continue
        output = (
            output[: anchor.start]
            + _start_tag(anchor.attrs)
            + output[anchor.tag_end : anchor.close]
            + marker
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
