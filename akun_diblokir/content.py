"""The content layer: one Python-Markdown extension that every engine runs (MkDocs and
Zensical load it from `markdown_extensions:` in mkdocs.yml), so the blocks it generates are
in the table of contents and the search index of either build, rendered once.

For each page it adds, before the Markdown is parsed:
- the list of sources under `## Sumber {#sumber}` and "Riwayat perubahan", from front matter;
- on the page with the change-list marker (docs/pembaruan.md), every change of the site;
- in place of each webinar-kit marker, the kit's links with their QR codes (kit.py);
- on cause pages, recovery pages and the FAQ, the help bar after the first paragraph;
and, after it is rendered, the absolute address of each link to another page of the site
(`data-alamat`), which the print style sheet writes after the link text.

The page being rendered: Zensical hands it to every extension through its rendering-context
preprocessor; the MkDocs adapter (mkdocs_plugin.py) sets it on the extension before each page.
Rules about the sources (a missing Sumber heading, a marker on two pages, a cause page
without a first paragraph) are checked by sources.py, for every entry point.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from akun_diblokir import deploy, help_bar, kit, pagemeta, paths, templating
from akun_diblokir.project import Project

SUMBER_HEADING = re.compile(r"^## Sumber \{#sumber\}[ \t]*$", re.MULTILINE)


@dataclass
class PageContext:
    src: str  # path under docs/ ("penyebab/data-palsu.md")
    url: str  # site-relative URL as the engine writes it ("penyebab/data-palsu/")
    meta: dict[str, Any] = field(default_factory=dict)
    # Zensical reads every relative link of a page, raw HTML included, as relative to the
    # page's source file and rewrites it for the page's URL; MkDocs leaves raw HTML alone.
    links_from_source: bool = False

    @property
    def directory_urls(self) -> bool:
        return not self.url.endswith(".html")

    @property
    def link_base(self) -> str:
        """The site-relative folder the page's relative links start from, before the engine."""
        if self.links_from_source:
            folder = posixpath.dirname(self.src)
            return f"{folder}/" if folder else ""
        return self.url if self.directory_urls or not self.url else posixpath.dirname(self.url) + "/"

    def link(self, target: str) -> str:
        """A raw-HTML link from this page to the site-relative URL `target`."""
        return paths.relative_url(target, self.link_base)


def generate(markdown: str, page: PageContext, project: Project) -> str:
    """The page's Markdown with its generated blocks (raw HTML blocks are left to the parser)."""
    here = posixpath.dirname(page.src)
    if pagemeta.MARKER in markdown:
        listing = pagemeta.render_change_list(
            project.changes, lambda change: posixpath.relpath(change.page, here or "."), page.link(pagemeta.FEED_PATH))
        markdown = markdown.replace(pagemeta.MARKER, listing, 1)
    official = project.extra.get("official") or {}
    for marker, template in kit.MARKERS.items():
        if marker in markdown:
            links, _ = project.kit  # their problems are the sources checks' (sources.py)
            rendered = kit.render_markdown(links, here, template=template, url_dir=page.link_base.rstrip("/"),
                                           official=official)
            markdown = markdown.replace(marker, rendered, 1)
    markdown = _with_sources(markdown, page, project, here)
    if help_bar.in_scope(page.src):
        # On a cause page the builder opens with that cause chosen (?penyebab=<page name>).
        cause = posixpath.splitext(posixpath.basename(page.src))[0] if here == "penyebab" else ""
        bar = templating.render(help_bar.TEMPLATE, official=official,
                                builder=page.link(paths.page_url("susun-pengaduan.md", page.directory_urls)),
                                cause="" if cause == "index" else cause,
                                ready_texts=page.link(paths.page_url("teks-siap-pakai.md", page.directory_urls)))
        markdown = help_bar.insert_after_first_paragraph(markdown, bar.strip())
    return markdown


def _with_sources(markdown: str, page: PageContext, project: Project, here: str) -> str:
    headings = list(SUMBER_HEADING.finditer(markdown))
    if not headings or markdown[headings[-1].end():].strip():
        return markdown  # sources.py names the page and the line
    keys = pagemeta.page_sources(page.meta)
    cited = [(project.sources[key], about) for key, about in keys if key in project.sources]
    title = str(page.meta.get("title") or "")
    section = pagemeta.render_sources_section(cited, pagemeta.page_changes(page.meta, page.src, title),
                                              posixpath.relpath("pembaruan.md", here or "."))
    return markdown.rstrip() + "\n" + section


def print_addresses(html: str, page: PageContext, site_url: str) -> str:
    """Each link of `html` to another page or file of the site with its absolute address."""
    base = urljoin(site_url, page.link_base)

    def absolute(href: str) -> str:
        parts = urlsplit(href)
        if parts.path.endswith(".md"):  # a source link the engine has not rewritten yet
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), parts.path))
            url = paths.page_url(target, page.directory_urls)
            return urljoin(site_url, url) + (f"#{parts.fragment}" if parts.fragment else "")
        return urljoin(base, href)

    return deploy.add_print_addresses(html, absolute)


class _Blocks(Preprocessor):
    def __init__(self, md: Markdown, extension: GuideExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        found = self.extension.context(self.md)
        if found is None:
            return lines
        project, page = found
        return generate("\n".join(lines), page, project).split("\n")


class _PrintAddresses(Postprocessor):
    def __init__(self, md: Markdown, extension: GuideExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        found = self.extension.context(self.md)
        if found is None:
            return text
        project, page = found
        return print_addresses(text, page, project.site_url)


class GuideExtension(Extension):
    """`markdown_extensions: [akun_diblokir.content]`."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"config_file": ["mkdocs.yml", "the project's configuration, relative to the engine's root"]}
        super().__init__(**kwargs)
        self.project: Project | None = None  # set by the MkDocs adapter
        self.page: PageContext | None = None  # set by the MkDocs adapter before each page

    def extendMarkdown(self, md: Markdown) -> None:
        # After snippets are included (32), before fenced code (25) and raw HTML blocks (20) are
        # read, so the generated Markdown is parsed like the page's own.
        md.preprocessors.register(_Blocks(md, self), "akun_diblokir_blocks", 31)
        # After raw HTML is put back (30), so the help bar's links get their addresses too.
        md.postprocessors.register(_PrintAddresses(md, self), "akun_diblokir_print_addresses", 5)

    def context(self, md: Markdown) -> tuple[Project, PageContext] | None:
        if self.page is not None and self.project is not None:
            return self.project, self.page
        zensical = next((p for p in md.preprocessors if type(p).__name__ == "ContextPreprocessor"), None)
        if zensical is None:
            return None
        if self.project is None:
            config = zensical.config
            self.project = Project.load(Path(config["root_dir"]) / self.getConfig("config_file"),
                                        site_url=str(config.get("site_url") or ""))
        meta = zensical.page.meta if isinstance(zensical.page.meta, dict) else {}
        # The footer shows the newest source next to the date the page was checked; Zensical
        # hands this dict to the theme after rendering (the MkDocs plugin sets it there).
        keys = [key for key, _ in pagemeta.page_sources(meta)]
        meta["newest_source"] = pagemeta.newest_source(keys, self.project.sources)
        return self.project, PageContext(src=str(zensical.page.path), url=str(zensical.page.url),
                                         meta=dict(meta), links_from_source=True)


def makeExtension(**kwargs: Any) -> GuideExtension:
    return GuideExtension(**kwargs)
