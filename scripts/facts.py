"""`make facts`: which pages were checked against their sources longest ago, and how old
each source is, for maintainers. It only reports: it never fails because time passed.

Reads the front matter of docs/*.md (`last_checked`, `sources`) and the source registry
(`extra.sources` in mkdocs.yml).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the package akun_diblokir

from akun_diblokir import pagemeta  # noqa: E402 - after the path it is found on
from akun_diblokir.config import load_config  # noqa: E402


def report(root: Path, today: _dt.date) -> str:
    raw = (load_config(root / "mkdocs.yml").get("extra") or {}).get("sources") or {}
    registry = pagemeta.load_registry(raw) if not pagemeta.registry_problems(raw) else {}
    rows = []
    for path in sorted((root / "docs").rglob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        checked = meta.get("last_checked")
        keys = [key for key, _ in pagemeta.page_sources(meta)]
        rows.append((str(checked or "?"), path.relative_to(root).as_posix(), pagemeta.newest_source(keys, registry)))
    lines = ["Pages by the date they were last checked against their sources (oldest first):", ""]
    lines.append(f"  {'last_checked':<12}  {'days ago':>8}  {'newest source':<13}  page")
    for checked, page, newest in sorted(rows):
        try:
            age = str((today - _dt.date.fromisoformat(checked)).days)
        except ValueError:
            age = "?"
        lines.append(f"  {checked:<12}  {age:>8}  {newest or '-':<13}  {page}")
    lines += ["", "Sources by date (oldest first; '-' = the fact sheet gives no date):", ""]
    for source in sorted(registry.values(), key=lambda s: (s.date or "9999", s.key)):
        lines.append(f"  {source.date or '-':<10}  {source.key:<24}  {source.publisher}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this repository)")
    args = parser.parse_args()
    print(report(args.root, _dt.date.today()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
