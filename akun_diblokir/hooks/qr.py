"""MkDocs adapter of the webinar kit (akun_diblokir/kit.py): the QR code PNGs become files of
the build, and the list goes into the page's Markdown in place of the marker, so its headings
are in the table of contents and the search index. Other engines get the list from the
post-build pipeline instead."""

from __future__ import annotations

import logging
import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path

# mkdocs.yml loads this file by path; the package akun_diblokir is its parent's parent.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from akun_diblokir import kit
from akun_diblokir.config import load_config

log = logging.getLogger("mkdocs.hooks.qr")


@dataclass
class _Kit:
    """The state of one build."""

    use_directory_urls: bool = True  # as the online site has it (before the offline plugin)
    links: list[kit.KitLink] = field(default_factory=list)
    rendered_on: dict[str, list[str]] = field(default_factory=dict)  # marker -> pages


_kit = _Kit()


@event_priority(100)  # before Material's offline plugin switches directory URLs off
def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    global _kit
    _kit = _Kit(use_directory_urls=config.use_directory_urls)
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    config_file = Path(config.config_file_path)
    links, problems = kit.read_links(
        load_config(config_file), config_file=config_file, docs_dir=Path(config.docs_dir),
        site_url=config.site_url or "", use_directory_urls=_kit.use_directory_urls,
    )
    for problem in problems:
        log.warning("%s", problem)
    for link in links:
        files.append(File.generated(config, link.png, content=link.png_bytes))
    _kit.links = links
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    here = posixpath.dirname(page.file.src_uri)
    url_dir = posixpath.dirname(page.url) if page.url.endswith(".html") else page.url.rstrip("/")
    for marker, template in kit.MARKERS.items():
        if marker in markdown:
            _kit.rendered_on.setdefault(marker, []).append(page.file.src_uri)
            rendered = kit.render_markdown(_kit.links, here, template=template, url_dir=url_dir,
                                           official=config.extra.get("official"))
            markdown = markdown.replace(marker, rendered, 1)
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    if not _kit.links:
        return
    for marker in kit.MARKERS:
        pages = _kit.rendered_on.get(marker, [])
        if len(pages) != 1:
            log.warning("docs/kit-webinar.md:1: the marker %r is on %s; expected it on exactly one page "
                        "(docs/kit-webinar.md or docs/selebaran.md).", marker, pages or "no page")
