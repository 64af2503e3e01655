"""The help bar right after the first paragraph of every cause page, every recovery page and
the FAQ: the three official channels as large buttons, so a reader on a phone reaches one
without scrolling.

The bar itself is a template (templates/help-bar.html) fed by the registry (extra.official);
this module decides where it goes, in the page's Markdown, so that every engine gets it from
the content layer (content.py). Hand-written because no Markdown extension inserts a block
after a page's first paragraph.
"""

from __future__ import annotations

import re

from akun_diblokir.problems import Problem

TEMPLATE = "help-bar.html"
# Pages (source paths under docs/) that get the bar.
_SCOPE = re.compile(r"^(penyebab/[^/]+|pemulihan/[^/]+|faq)\.md$")
_H1 = re.compile(r"^# \S")
_FENCE = re.compile(r"^\s*(```|~~~)")
# A line that starts something other than a paragraph: a heading, raw HTML, a list, a quote,
# a table, an admonition or details block, a fence, an attribute list.
_NOT_PARAGRAPH = re.compile(r"^\s*(#|<|[-*+] |\d+[.)] |>|\||!!!|\?\?\?|```|~~~|\{)")


def in_scope(src_uri: str) -> bool:
    return bool(_SCOPE.match(src_uri))


def _first_paragraph(lines: list[str]) -> tuple[int | None, int | None]:
    """(index of the H1 line, index after the paragraph that follows it) of a page's lines."""
    fenced = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or not _H1.match(line):
            continue
        start = number + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        if start >= len(lines) or _NOT_PARAGRAPH.match(lines[start]):
            return number, None
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        return number, end
    return None, None


def insert_after_first_paragraph(markdown: str, bar: str) -> str:
    """`markdown` with the block `bar` after the paragraph that follows the H1 (unchanged if
    there is none: sources.py reports that page)."""
    lines = markdown.split("\n")
    _, end = _first_paragraph(lines)
    if end is None:
        return markdown
    return "\n".join(lines[:end] + ["", bar, ""] + lines[end:])


def check(source: str, path: str) -> list[Problem]:
    """The problem of a page in scope whose H1 is not followed by a paragraph."""
    lines = source.split("\n")
    h1, end = _first_paragraph(lines)
    if end is not None:
        return []
    return [Problem(path, (h1 or 0) + 1, "the H1 is not followed by a paragraph" if h1 is not None else "no H1 line ('# Title')",
                    "expected the answer in one paragraph right after the H1 (the help bar goes after it)")]
