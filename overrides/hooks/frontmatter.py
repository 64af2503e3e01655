"""Front matter check: every page needs `title`, a one-sentence `description` and a valid
`last_checked` date (YYYY-MM-DD), because the page shows when its facts were last checked;
its `sources` (keys of extra.sources) and `changes` (dated notes) are checked too (issue 17).

A missing or invalid field is logged as a WARNING naming the file, the line and the field,
so `mkdocs build --strict` fails with a clear message instead of a traceback.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import pagemeta  # sources and change notes (issue 17)

log = logging.getLogger("mkdocs.hooks.frontmatter")

_REQUIRED = ("title", "description", "last_checked")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A second sentence starts after ". ", "! " or "? " followed by a capital letter.
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z]")


def _front_matter_lines(source: str) -> list[str] | None:
    """The lines between the opening and closing `---`, or None if there is no block."""
    lines = source.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return lines[1:end]
    return None


def _line_of(field: str, block: list[str] | None) -> int:
    """1-based line of `field:` in the file; the opening `---` (line 1) if it is absent."""
    for number, line in enumerate(block or [], start=2):
        if re.match(rf"^{re.escape(field)}\s*:", line):
            return number
    return 1


def _item_line(field: str, index: int, block: list[str] | None) -> int:
    """1-based line of item `index` of the list under `field:` (the field's line if not found)."""
    start = _line_of(field, block)
    if index < 0 or block is None or start == 1:
        return start
    items = 0
    for number, line in enumerate(block[start - 1:], start=start + 1):
        if re.match(r"^\S", line):
            break
        if re.match(r"^\s*- ", line):
            if items == index:
                return number
            items += 1
    return start


def _check_sources_and_changes(path: str, meta: dict, block: list[str], config: MkDocsConfig) -> bool:
    """`sources` (keys of extra.sources) and `changes` (dated one-sentence notes), issue 17:
    messages as `path:line: what was found; what is expected`."""
    registry = config.extra.get("sources")
    registry = registry if isinstance(registry, dict) else {}
    today = _dt.datetime.now(_dt.timezone.utc).date()
    found = False
    for field, problems in (
        ("sources", pagemeta.sources_problems(meta, registry)),
        ("changes", pagemeta.changes_problems(meta, today)),
    ):
        for index, problem in problems:
            log.warning("docs/%s:%d: %s", path, _item_line(field, index, block), problem)
            found = True
    return found


def _problem(path: str, line: int, field: str, expected: str) -> bool:
    log.warning("%s:%d: front matter field '%s': %s", path, line, field, expected)
    return True


def _check_date(value: object) -> str | None:
    """None if `value` is a valid calendar date, else what was expected."""
    if isinstance(value, _dt.datetime):
        return f"expected a date YYYY-MM-DD without a time, got {value!s}"
    if isinstance(value, _dt.date):
        return None
    text = str(value).strip()
    if not _DATE_RE.match(text):
        return f"expected a date YYYY-MM-DD, got {text!r}"
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return f"expected a real calendar date YYYY-MM-DD, got {text!r}"
    return None


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = page.file.src_uri
    source = page.file.content_string
    block = _front_matter_lines(source)
    if block is None:
        _problem(path, 1, "title", "no front matter block; expected '---' with title, description, last_checked")
        return markdown
    meta = page.meta
    if not meta:
        # MkDocs silently drops front matter it cannot load (bad YAML, or a value such as
        # 2026-13-40 that YAML's date resolver rejects). Re-read it as plain text to say why.
        try:
            meta = yaml.load("\n".join(block), Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str/list/dict
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(error, "problem", None) or str(error)
            log.warning("%s:%d: front matter is not valid YAML: %s", path, line, problem)
            return markdown
        if not isinstance(meta, dict):
            _problem(path, 2, "title", "front matter is not a list of 'field: value' lines")
            return markdown
    found = False
    for field in _REQUIRED:
        value = meta.get(field)
        line = _line_of(field, block)
        if value is None or (isinstance(value, str) and not value.strip()):
            found = _problem(path, line, field, "missing or empty")
            continue
        if field == "last_checked":
            expected = _check_date(value)
            if expected:
                found = _problem(path, line, field, expected)
            elif not isinstance(value, _dt.date):
                # Quoted dates stay strings; the template needs a real date.
                meta[field] = _dt.date.fromisoformat(str(value).strip())
        elif not isinstance(value, str):
            found = _problem(path, line, field, f"expected text, got {type(value).__name__}")
        elif field == "description" and _SENTENCE_BREAK_RE.search(value):
            found = _problem(path, line, field, "expected one sentence")
    found = _check_sources_and_changes(path, meta, block, config) or found
    if meta is not page.meta and not found:
        log.warning("%s:2: front matter could not be loaded as YAML (check every value)", path)
    return markdown
