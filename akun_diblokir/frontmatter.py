"""Front matter check: every page needs `title`, a one-sentence `description` and a valid
`last_checked` date (YYYY-MM-DD), because the page shows when its facts were last checked.

`check_front_matter` reads a page's source as the author wrote it (any engine); every
problem names the file, the line and the field.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml

from akun_diblokir.problems import Problem

REQUIRED = ("title", "description", "last_checked")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A second sentence starts after ".", "!" or "?", white space and a capital letter, unless
# the full stop ends an Indonesian abbreviation (a short list is enough for one-line
# descriptions; a sentence splitter library would be a large dependency for this).
_SENTENCE_BREAK_RE = re.compile(r"(\S*)[.!?]\s+[A-Z]")
ABBREVIATIONS = frozenset(
    ["mis", "dll", "dsb", "dst", "dkk", "yth", "no", "nomor", "tgl", "hlm", "sdr", "bpk", "kab", "kec", "kel", "jl", "prov", "pt", "cv", "rp", "spt", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"]
)


def more_than_one_sentence(text: str) -> bool:
    return any(m.group(1).lower().strip("([{\"'.") not in ABBREVIATIONS for m in _SENTENCE_BREAK_RE.finditer(text))


def front_matter_lines(source: str) -> list[str] | None:
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


def _check_date(value: object) -> str | None:
    """None if `value` is a valid calendar date, else what was found."""
    if isinstance(value, _dt.datetime):
        return f"a date with a time, {value!s}"
    if isinstance(value, _dt.date):
        return None
    text = str(value).strip()
    if not _DATE_RE.match(text):
        return f"{text!r}, not a date YYYY-MM-DD"
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return f"{text!r}, not a real calendar date"
    return None


def check_front_matter(source: str, path: str) -> tuple[list[Problem], dict[str, Any]]:
    """Problems of the page's front matter, and the fields as read (last_checked as a date)."""
    expect_date = "expected a real calendar date YYYY-MM-DD, e.g. 2026-11-28"
    block = front_matter_lines(source)
    if block is None:
        return [Problem(path, 1, "no front matter block",
                        "expected '---' with title, description, last_checked")], {}
    try:
        # SafeLoader: dates become datetime.date (quoted dates stay strings, checked below).
        meta = yaml.safe_load("\n".join(block))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        return [Problem(path, line, f"front matter is not valid YAML ({problem})",
                        "expected 'field: value' lines")], {}
    except ValueError as error:  # YAML's date resolver on an impossible date such as 2026-02-30
        line = _line_of("last_checked", block)
        written = block[line - 2].partition(":")[2].strip() if line > 1 else ""
        return [Problem(path, line, f"front matter field 'last_checked' is {written!r}, an impossible date ({error})",
                        expect_date)], {}
    if not isinstance(meta, dict):
        return [Problem(path, 2, "front matter is not a list of 'field: value' lines",
                        "expected title, description, last_checked")], {}
    problems: list[Problem] = []
    for field in REQUIRED:
        value = meta.get(field)
        line = _line_of(field, block)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(Problem(path, line, f"front matter field '{field}' is missing or empty",
                                    f"expected {'one sentence' if field == 'description' else 'a value'}"
                                    if field != "last_checked" else expect_date))
        elif field == "last_checked":
            found = _check_date(value)
            if found:
                problems.append(Problem(path, line, f"front matter field 'last_checked' is {found}", expect_date))
            elif not isinstance(value, _dt.date):
                meta[field] = _dt.date.fromisoformat(str(value).strip())
        elif not isinstance(value, str):
            problems.append(Problem(path, line, f"front matter field '{field}' is {type(value).__name__}",
                                    "expected text"))
        elif field == "description" and more_than_one_sentence(value):
            problems.append(Problem(path, line, "front matter field 'description' has more than one sentence",
                                    "expected one sentence (search results and link previews show it)"))
    return problems, meta
