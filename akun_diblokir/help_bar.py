"""The help bar (issue 15) right after the first paragraph of every cause page, every
recovery page and the FAQ: the three official channels as large buttons, so a reader on a
phone reaches one without scrolling.

The bar itself is a template, `overrides/partials/bantuan-cepat.html`, fed by the registry
(extra.official); this module decides where it goes. Hand-written because neither template
engine can insert after the first paragraph: Jinja's `replace` takes a count, Zensical's
(MiniJinja) does not, and no Markdown extension inserts a template.
"""

from __future__ import annotations

import re

from akun_diblokir.problems import Problem

TEMPLATE = "partials/bantuan-cepat.html"
# Pages (source paths under docs/) that get the bar.
_SCOPE = re.compile(r"^(penyebab/[^/]+|pemulihan/[^/]+|faq)\.md$")
# The page's H1 (the article's; the theme's header has none) and the paragraph right after it.
_FIRST_PARAGRAPH = re.compile(r"<h1\b.*?</h1>\s*<p\b.*?</p>", re.DOTALL)
_H1_LINE = re.compile(r"^# ", re.MULTILINE)


def in_scope(src_uri: str) -> bool:
    return bool(_SCOPE.match(src_uri))


def insert_after_first_paragraph(html: str, bar: str) -> str | None:
    """`html` with `bar` after the paragraph that follows the first H1; None if there is none."""
    match = _FIRST_PARAGRAPH.search(html)
    if match is None:
        return None
    return html[: match.end()] + "\n" + bar + html[match.end() :]


def no_paragraph(path: str, source: str) -> Problem:
    """The problem of a page in scope whose H1 is not followed by a paragraph."""
    match = _H1_LINE.search(source)
    line = source.count("\n", 0, match.start()) + 1 if match else 1
    return Problem(
        path, line, "the H1 is not followed by a paragraph",
        f"the answer in one paragraph right after the H1 (the help bar {TEMPLATE} goes after it)",
    )
