"""The help bar (issue 15) right after the first paragraph of every cause page, every
recovery page and the FAQ: the three official channels as large buttons, so a reader on a
phone reaches one without scrolling.

The bar itself is a template, `overrides/partials/bantuan-cepat.html`, fed by the registry
(extra.official); this hook only decides where it goes. Hand-written because neither
template engine can insert after the first paragraph: Jinja's `replace` takes a count,
Zensical's (MiniJinja) does not, and no Markdown extension inserts a template. A page in
scope whose H1 is not followed by a paragraph fails the build, naming the file and line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.help_bar")

TEMPLATE = "partials/bantuan-cepat.html"
# Pages (source paths under docs/) that get the bar.
SCOPE = re.compile(r"^(penyebab/[^/]+|pemulihan/[^/]+|faq)\.md$")
# The page's H1 (the article's; the theme's header has none) and the paragraph right after it.
_FIRST_PARAGRAPH = re.compile(r"<h1\b.*?</h1>\s*<p\b.*?</p>", re.DOTALL)
_H1_LINE = re.compile(r"^# ", re.MULTILINE)


def in_scope(src_uri: str) -> bool:
    return bool(SCOPE.match(src_uri))


def insert_after_first_paragraph(html: str, bar: str) -> str | None:
    """`html` with `bar` after the paragraph that follows the first H1; None if there is none."""
    match = _FIRST_PARAGRAPH.search(html)
    if match is None:
        return None
    return html[: match.end()] + "\n" + bar + html[match.end() :]


def _h1_line(source: str) -> int:
    match = _H1_LINE.search(source)
    return source.count("\n", 0, match.start()) + 1 if match else 1


# After the page is rendered, so the bar is not in the search index (the search plugin reads
# the content before); listed before contacts.py in mkdocs.yml, so the contact checker sees it.
def on_post_page(html: str, /, *, page: Page, config: MkDocsConfig) -> str:
    if not in_scope(page.file.src_uri):
        return html
    env = config.theme.get_env()
    bar = env.get_template(TEMPLATE).render(
        config=config, page=page, base_url=get_relative_url(".", page.url)
    )
    result = insert_after_first_paragraph(html, bar)
    if result is None:
        shown = (Path(config.docs_dir) / page.file.src_uri).relative_to(Path(config.config_file_path).parent)
        log.warning(
            "%s:%d: the H1 is not followed by a paragraph; expected the answer in one paragraph "
            "right after the H1 (the help bar %s goes after it)",
            shown.as_posix(), _h1_line(page.file.content_string), TEMPLATE,
        )
        return html
    return result
