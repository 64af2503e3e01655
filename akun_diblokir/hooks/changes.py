"""MkDocs adapter of the sources and change notes (issue 17, akun_diblokir/pagemeta.py).

- Each page ends with `## Sumber {#sumber}`; the list under it is rendered from the page's
  front matter `sources` (keys of `extra.sources` in mkdocs.yml), followed by the section
  "Riwayat perubahan" from `changes`, newest first (templates/sumber-riwayat.md).
- The newest date among the page's sources goes to `page.meta.newest_source`, which the
  footer of the page shows next to `last_checked` (overrides/partials/source-file.html).
- The page with the marker line below (docs/pembaruan.md) gets every change of the site,
  newest first, and the site gets the same entries as an Atom feed, feed.xml, with absolute
  URLs from site_url. overrides/main.html links it from every page's head (its path is
  `extra.feed_path` in mkdocs.yml); the offline copy (`make offline`) gets no link, since a
  feed needs the online site.
Another engine gets all of these from the post-build pipeline (pipeline.py, pagemeta.py).
The front matter itself (unknown key, bad date, ...) is checked by checks.py (sources.py).
"""

from __future__ import annotations

import logging
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

# mkdocs.yml loads this file by path; the package akun_diblokir is its parent's parent.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from akun_diblokir import pagemeta

log = logging.getLogger("mkdocs.hooks.changes")

MARKER = pagemeta.MARKER
FEED_PATH = pagemeta.FEED_PATH
_SUMBER_RE = re.compile(r"^## Sumber \{#sumber\}[ \t]*$", re.MULTILINE)


@dataclass
class _Build:
    """What one build knows: the registry and every change of the site."""

    registry: dict[str, pagemeta.Source] = field(default_factory=dict)
    changes: list[pagemeta.Change] = field(default_factory=list)


_build = _Build()


def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    global _build
    raw = config.extra.get("sources")
    # A broken registry is reported by checks.py (sources.source_registry_problems).
    _build = _Build(registry={} if pagemeta.registry_problems(raw) else pagemeta.load_registry(raw))
    offline = config.plugins.get("material/offline")
    offline_copy = bool(offline is not None and offline.config.enabled)
    if offline_copy:
        config.extra["feed_path"] = None
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    pages, url_of = [], {}
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        pages.append((file.src_uri, str(meta.get("title") or file.name), meta))
        url_of[file.src_uri] = urljoin(config.site_url, file.url)  # the home page's url is "./"
    _build.changes = pagemeta.all_changes(pages)
    feed = pagemeta.atom_feed(
        _build.changes, site_url=config.site_url, site_name=config.site_name,
        feed_url=config.site_url + FEED_PATH, url_of=url_of,
    )
    files.append(File.generated(config, FEED_PATH, content=feed))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    here = posixpath.dirname(src) or "."
    if MARKER in markdown:
        listing = pagemeta.render_change_list(_build.changes, lambda change: posixpath.relpath(change.page, here),
                                              posixpath.relpath(FEED_PATH, here))
        markdown = markdown.replace(MARKER, listing, 1)
    offset = page.file.content_string.count("\n") - markdown.count("\n")
    heading = list(_SUMBER_RE.finditer(markdown))
    if not heading:
        log.warning("docs/%s:%d: no line '## Sumber {#sumber}'; expected it as the page's last heading "
                    "(its list comes from front matter 'sources')", src, offset + markdown.count("\n") + 1)
        return markdown
    tail = markdown[heading[-1].end():]
    if tail.strip():
        first = heading[-1].end() + len(tail) - len(tail.lstrip())
        log.warning("docs/%s:%d: text after '## Sumber {#sumber}'; expected nothing after it "
                    "(the list is rendered from front matter 'sources')", src, offset + markdown.count("\n", 0, first) + 1)
        return markdown
    keys = pagemeta.page_sources(page.meta)
    cited = [(_build.registry[key], about) for key, about in keys if key in _build.registry]
    page.meta["newest_source"] = pagemeta.newest_source([k for k, _ in keys], _build.registry)
    section = pagemeta.render_sources_section(
        cited, pagemeta.page_changes(page.meta, src, page.title or ""), posixpath.relpath("pembaruan.md", here))
    return markdown.rstrip() + "\n" + section
