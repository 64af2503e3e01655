"""Host files and Indonesian redirect pages after the build; the logic is in deploy_files.py.

Runs after mkdocs-redirects has written its pages and before headers.py hashes the inline
scripts of every page (event priorities), so the redirect pages' script is allowed by hash.
"""

from __future__ import annotations

import logging
from pathlib import Path

import deploy_files
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.deploy")
_TEMPLATE = "partials/redirect-page.html"


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return deploy_files.add_print_addresses(html, page.canonical_url or "")


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return deploy_files.drop_orphan_toc_label(output)


@event_priority(-50)  # after mkdocs-redirects (0), before headers.py (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    plugin = config.plugins.get("redirects")
    maps = plugin.config.get("redirect_maps", {}) if plugin is not None else {}
    entries = deploy_files.redirects(maps, config.use_directory_urls)
    template = config.theme.get_env().get_template(_TEMPLATE)
    for entry in entries:
        if not (site_dir / entry.target_file).is_file():
            log.warning("mkdocs.yml: redirect_maps: %s leads to %s, which the build did not write; "
                        "expected a page of docs/.", entry.source, entry.target_file)
            continue
        page = template.render(**deploy_files.redirect_page_context(site_dir, entry))
        (site_dir / entry.source_file).write_text(page, encoding="utf-8")
    (site_dir / deploy_files.REDIRECTS_FILE).write_text(
        deploy_files.redirects_file(config.site_url or "/", entries), encoding="utf-8")
    (site_dir / deploy_files.ROBOTS_FILE).write_text(deploy_files.robots_txt(config.site_url or "/"), encoding="utf-8")
