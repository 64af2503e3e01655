"""Relative links between the Markdown pages, with the line they are on.

The engines check links too (MkDocs' strict build, Zensical), but name no line; this check
names `docs/x.md:12` and runs with either engine. It knows only what an author writes:
`[text](other.md#id)`, `![alt](img.svg)` and `[ref]: other.md` targets, outside code. The
regular expressions are hand-written because no dependency of the build parses Markdown
with line numbers (Python-Markdown keeps none).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from akun_diblokir.problems import Problem, line_at

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?^\1\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{\s*([^}]*)\})?\s*#*\s*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")
GENERATED_MARK = "<!-- "  # a page with generated parts (the kit's link list) has ids of its own


def _masked(source: str) -> str:
    """The source with code blocks, code spans and comments blanked (lines kept)."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    for pattern in (_FENCE, _COMMENT, _CODE_SPAN):
        source = pattern.sub(blank, source)
    return source


def _slug(text: str) -> str:
    """Python-Markdown's default toc slug (markdown.extensions.toc.slugify)."""
    text = unicodedata.normalize("NFKD", re.sub(r"<[^>]+>|\{[^}]*\}", "", text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def page_ids(source: str) -> set[str]:
    masked = _masked(source)
    ids = {m.group(1) or m.group(2) for m in _ATTR_ID.finditer(masked)}
    for m in _HEADING.finditer(masked):
        if not (m.group(2) and "#" in m.group(2)):
            ids.add(_slug(m.group(1)))
    return ids


def check_links(source: str, *, src_uri: str, path: str, docs_dir: Path) -> list[Problem]:
    """Problems with the relative links of one page (`src_uri` relative to docs_dir)."""
    masked = _masked(source)
    problems: list[Problem] = []
    targets = [(m.start(1), m.group(1)) for m in _INLINE.finditer(masked)]
    targets += [(m.start(1), m.group(1)) for m in _REFERENCE.finditer(masked)]
    for offset, target in sorted(targets):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith("/"):
            continue
        line = line_at(source, offset)
        if target.startswith("#"):
            rel, fragment = src_uri, target[1:]
        else:
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path)))
            fragment = parts.fragment
            file = docs_dir / rel
            if rel.startswith("../") or not (file.is_file() or (file / "index.md").is_file()):
                problems.append(Problem(path, line, f"link to '{target}', which is not a file in docs/",
                                        "expected the path of a page or file in docs/, relative to this page"))
                continue
        if fragment and rel.endswith(".md"):
            text = source if rel == src_uri else (docs_dir / rel).read_text(encoding="utf-8")
            if GENERATED_MARK in text and rel != src_uri:
                continue
            if fragment not in page_ids(text):
                problems.append(Problem(path, line, f"link to '{target}': docs/{rel} has no heading id '{fragment}'",
                                        "expected an id the page has (## Heading {#id})"))
    return problems
