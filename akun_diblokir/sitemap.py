"""sitemap.xml with each page's own date: the engines write the build date as every page's
`<lastmod>`, which tells search engines that every page changed at every build. `finish`
puts in each page's last change instead (the later of its newest change note and its
`last_checked`), in sitemap.xml and sitemap.xml.gz; `audit` reports a date that differs.

The file is edited in place (only the text of `<lastmod>`, added where an entry has none), so
that the engine's layout stays as it wrote it. Idempotent: a finished sitemap is not
rewritten, and the gzip copy carries no timestamp, so finishing twice changes no byte.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from akun_diblokir import pagemeta, paths
from akun_diblokir.problems import Problem

SITEMAP = "sitemap.xml"
SITEMAP_GZ = "sitemap.xml.gz"
_URL = re.compile(r"<url>(.*?)</url>", re.S)
_LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.S)
_LASTMOD = re.compile(r"(<lastmod>)\s*(.*?)\s*(</lastmod>)", re.S)


def page_date(meta: Mapping[str, Any]) -> _dt.date | None:
    """A page's last change: the later of its newest change note and its `last_checked`."""
    dates = [c.date for c in pagemeta.page_changes(meta, "", "")]
    checked = pagemeta._as_date(meta.get("last_checked"))
    if checked is not None:
        dates.append(checked)
    return max(dates, default=None)


def _dates_by_loc(text: str, site_url: str, docs_dir: Path, metas: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    dates: dict[str, str] = {}
    for loc in _LOC.findall(text):
        if not loc.startswith(site_url):
            continue
        url = loc[len(site_url):]
        built = url + "index.html" if url == "" or url.endswith("/") else url
        source = paths.source_of(built, docs_dir)
        meta = metas.get(source.relative_to(docs_dir).as_posix()) if source else None
        date = page_date(meta) if meta is not None else None
        if date is not None:
            dates[loc] = date.isoformat()
    return dates


def with_page_dates(text: str, dates: Mapping[str, str]) -> str:
    """The sitemap `text` with each entry's `<lastmod>` set to its page's date."""

    def entry(match: re.Match[str]) -> str:
        body = match.group(1)
        loc = _LOC.search(body)
        date = dates.get(loc.group(1)) if loc else None
        if date is None:
            return match.group(0)
        if _LASTMOD.search(body):
            body = _LASTMOD.sub(lambda m: f"{m.group(1)}{date}{m.group(3)}", body, count=1)
        else:
            body = body.replace(loc.group(0), f"{loc.group(0)}<lastmod>{date}</lastmod>", 1)
        return f"<url>{body}</url>"

    return _URL.sub(entry, text)


def _metas(pages: list[tuple[str, str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {src: meta for src, _, meta in pages}


def write(site: Path, site_url: str, docs_dir: Path, pages: list[tuple[str, str, dict[str, Any]]]) -> bool:
    """Set the page dates in `site`'s sitemap (and its gzip copy); True if a file changed."""
    path = site / SITEMAP
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    new = with_page_dates(text, _dates_by_loc(text, site_url, docs_dir, _metas(pages)))
    changed = False
    if new != text:
        path.write_text(new, encoding="utf-8")
        changed = True
    packed = site / SITEMAP_GZ
    if packed.is_file():
        try:
            same = gzip.decompress(packed.read_bytes()).decode("utf-8") == new
        except (OSError, EOFError, UnicodeDecodeError):
            same = False
        if not same:
            packed.write_bytes(gzip.compress(new.encode("utf-8"), mtime=0))
            changed = True
    return changed


def problems(site: Path, site_url: str, docs_dir: Path, pages: list[tuple[str, str, dict[str, Any]]],
             shown: str) -> list[Problem]:
    """Each sitemap entry whose `<lastmod>` is not its page's date (`shown`: the file's name)."""
    path = site / SITEMAP
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    found = []
    for loc, date in _dates_by_loc(text, site_url, docs_dir, _metas(pages)).items():
        for match in _URL.finditer(text):
            if _LOC.search(match.group(1)) is None or _LOC.search(match.group(1)).group(1) != loc:
                continue
            lastmod = _LASTMOD.search(match.group(1))
            written = lastmod.group(2) if lastmod else None
            if written != date:
                line = text.count("\n", 0, match.start()) + 1
                found.append(Problem(shown, line, f"<lastmod> {written} for {loc}",
                                     f"expected {date}, the page's newest change note or last_checked "
                                     "(python -m akun_diblokir finish writes it)"))
    return sorted(found, key=lambda p: p.line)
