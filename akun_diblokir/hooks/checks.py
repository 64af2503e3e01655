"""MkDocs adapter of the project's checks (akun_diblokir/): a thin layer, no logic of its own.

- on_config: the registry of official contacts (a broken registry stops the build);
- on_page_markdown: each page's front matter and relative links, as the page is built, so
  `mkdocs serve` names a problem at once (quoted last_checked dates become dates for the theme);
- on_post_build, after every plugin: the post-build pipeline (akun_diblokir/pipeline.py).

Every problem is a WARNING, so the strict build (and `mkdocs serve`) fails on it.
"""

from __future__ import annotations

import datetime
import logging
import sys
from pathlib import Path

# mkdocs.yml loads this file by path; the package is its parent's parent.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from akun_diblokir import pipeline, sources
from akun_diblokir.problems import shown_path

log = logging.getLogger("mkdocs.hooks.akun_diblokir")


class _Current:
    """The build in progress (MkDocs calls hooks as functions, so it is held here)."""

    build: pipeline.Build | None = None


def on_config(config: MkDocsConfig, /) -> MkDocsConfig:
    build = pipeline.Build.from_config(Path(config.config_file_path), Path(config.site_dir), config.site_url or "")
    if build.problems:  # the registry itself is broken: nothing can be checked against it
        raise PluginError("\n".join(map(str, build.problems)))
    for problem in (sources.registry_problems(build.config_file) + sources.theme_problems(build.config_file)
                    + sources.source_registry_problems(build.config_file)):
        log.warning("%s", problem)
    _Current.build = build
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _Current.build
    assert build is not None
    source = page.file.content_string  # the file as written (front matter included)
    path = shown_path(Path(page.file.abs_src_path), build.root) if page.file.abs_src_path else page.file.src_uri
    problems, meta = sources.check_page(source, src_uri=page.file.src_uri, path=path, docs_dir=build.docs_dir,
                                        source_registry=config.extra.get("sources"))
    for problem in problems:
        log.warning("%s", problem)
    if isinstance(meta.get("last_checked"), datetime.date):
        page.meta["last_checked"] = meta["last_checked"]  # a quoted date read as a date, for the theme
    return markdown


@event_priority(-100)  # after every plugin has written its files (redirects, search index, minify)
def on_post_build(*, config: MkDocsConfig) -> None:
    build = _Current.build
    assert build is not None
    build.site_dir = Path(config.site_dir)
    pipeline.run(build)
    for note in build.notes:
        log.info("akun_diblokir: %s", note)
    for problem in pipeline.unique(build.problems):
        log.warning("%s", problem)
