"""MkDocs adapter of the help bar (akun_diblokir/help_bar.py): renders the theme's partial
for each page in scope and puts it after the first paragraph.

On the rendered page, so the bar is not in the search index (the search plugin has read the
content before) and the post-build pipeline checks its contacts like any other link.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# mkdocs.yml loads this file by path; the package akun_diblokir is its parent's parent.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from akun_diblokir import deploy, help_bar
from akun_diblokir.problems import shown_path

log = logging.getLogger("mkdocs.hooks.help_bar")


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    if not help_bar.in_scope(page.file.src_uri):
        return output
    template = config.theme.get_env().get_template(help_bar.TEMPLATE)
    bar = template.render(config=config, page=page, base_url=get_relative_url(".", page.url))
    # Its links print with their addresses, as the content's do (hooks/print_links.py).
    bar = deploy.add_print_addresses(bar, page.canonical_url or "")
    result = help_bar.insert_after_first_paragraph(output, bar)
    if result is None:
        root = Path(config.config_file_path).parent
        path = shown_path(Path(config.docs_dir) / page.file.src_uri, root)
        log.warning("%s", help_bar.no_paragraph(path, page.file.content_string))
        return output
    return result
