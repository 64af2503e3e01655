"""One message format for every check: `path:line: what was found; what is expected`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the repository (docs/x.md, mkdocs.yml, site/x/index.html)
    line: int
    found: str
    expected: str
    key: str = ""  # the detail itself, normalised (contacts: to match HTML and Markdown findings)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.found}; {self.expected}"


def shown_path(path: Path, root: Path) -> str:
    """`path` relative to the repository `root`, in POSIX form; as given when outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_problem(message: str) -> Problem:
    """A message already in the `path:line: found; expected` form (an exception's text)."""
    path, line, rest = (message.split(":", 2) + ["", ""])[:3]
    found, _, expected = rest.strip().partition("; ")
    return Problem(path, int(line) if line.strip().isdigit() else 1, found.strip() or message,
                   expected or "expected a valid entry")
