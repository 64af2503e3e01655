"""Sources and change notes of the pages, as plain functions over data.

- The source registry is `extra.sources` in mkdocs.yml: key -> publisher, title, date (as
  precise as the fact sheet gives it: YYYY, YYYY-MM or YYYY-MM-DD), fact_sheet.
- Each page names the keys it relies on in front matter `sources:` (a key, or a one-entry
  mapping `key: what the page takes from it`) and lists its changes in `changes:`
  (`{date: YYYY-MM-DD, note: one sentence}`).
- From these come the page's "Sumber" list and "Riwayat perubahan" section, the date of the
  newest source the page relies on, the site's change list (/pembaruan/) and its Atom feed.

Knows nothing of MkDocs: the content layer (content.py) renders with it for every engine,
sources.check_page runs `check_meta`, scripts/facts.py (`make facts`) reads dates with it.
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from akun_diblokir import templating
from akun_diblokir.frontmatter import front_matter_lines, more_than_one_sentence
from akun_diblokir.problems import Problem

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember"]
_PARTIAL_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEMPLATES = Path(__file__).resolve().parent / "templates"
# docs/pembaruan.md holds this element where the list of every change goes; the MkDocs
# hook replaces it in the Markdown, the post-build pipeline in a page another engine built.
MARKER = '<div id="pembaruan-daftar"></div>'
# At the site's root: Material's bundle reads every <link rel="alternate"> as a language
# version of the site and fetches sitemap.xml next to it, which exists only at the root.
FEED_PATH = "feed.xml"
SOURCE_FIELDS = {"publisher", "title", "date", "fact_sheet"}
# Atom ids that do not depend on where the site is deployed: a name-based UUID (RFC 4122,
# version 5) of the page's source path and the note's place, in this project's namespace. A
# tag: URI would need a domain the project owns; the site's address is chosen per deploy, and
# moving it must not make every entry look new to a feed reader.
FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:akun-prakerja-diblokir:pembaruan")


def feed_id(name: str) -> str:
    """'urn:uuid:…' for `name` (the feed itself, or 'page.md#riwayat-YYYY-MM-DD-N')."""
    return uuid.uuid5(FEED_NAMESPACE, name).urn


@dataclass(frozen=True)
class Source:
    key: str
    publisher: str
    title: str
    date: str  # "", "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    fact_sheet: str


@dataclass(frozen=True)
class Change:
    date: _dt.date
    note: str
    page: str  # src path of the page, relative to docs/
    title: str  # the page's title


def format_date(value: str | _dt.date) -> str:
    """'2024-05-29' -> '29 Mei 2024'; '2021-12' -> 'Desember 2021'; '2024' -> '2024'."""
    text = value.isoformat() if isinstance(value, _dt.date) else str(value)
    parts = text.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return text


def _valid_partial_date(text: str) -> bool:
    if not _PARTIAL_DATE_RE.match(text):
        return False
    padded = (text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10]
    try:
        _dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def registry_problems(raw: object) -> list[tuple[str, str]]:
    """(key, 'what was found; what is expected') for each problem of extra.sources."""
    if not isinstance(raw, Mapping) or not raw:
        return [("", f"extra.sources is {type(raw).__name__}; expected a mapping of source keys")]
    problems = []
    for key, entry in raw.items():
        if not isinstance(key, str) or not _KEY_RE.match(key):
            problems.append((str(key), f"source key {key!r}; expected lowercase words joined by '-'"))
            continue
        if not isinstance(entry, Mapping):
            problems.append((key, f"source '{key}' is {type(entry).__name__}; expected a mapping"))
            continue
        unknown = sorted(set(map(str, entry)) - SOURCE_FIELDS)
        if unknown:
            problems.append((key, f"source '{key}' has fields {unknown}; expected only {sorted(SOURCE_FIELDS)}"))
        for field in ("publisher", "fact_sheet"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                problems.append((key, f"source '{key}' has no {field}; expected text"))
        date = entry.get("date")
        if date is not None and not (isinstance(date, str) and _valid_partial_date(date)):
            problems.append((key, f"source '{key}' date {date!r}; expected a quoted date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""))
    return problems


def load_registry(raw: Mapping) -> dict[str, Source]:
    """The registry as Source objects (call registry_problems first)."""
    return {
        key: Source(key, entry["publisher"], entry.get("title") or "", entry.get("date") or "", entry["fact_sheet"])
        for key, entry in raw.items()
    }


def page_sources(meta: Mapping) -> list[tuple[str, str]]:
    """The page's `sources` as (key, what the page takes from it, or '')."""
    items = []
    for item in meta.get("sources") or []:
        if isinstance(item, Mapping):
            for key, about in item.items():
                items.append((str(key), "" if about is None else str(about)))
        else:
            items.append((str(item), ""))
    return items


def sources_problems(meta: Mapping, registry: Mapping[str, Source]) -> list[tuple[int, str]]:
    """(index of the item in `sources`, problem) for a page's front matter `sources`."""
    raw = meta.get("sources")
    # `sources: []` says so on purpose: a page that states no fact (the change list).
    if not isinstance(raw, list):
        return [(-1, f"front matter 'sources' is {raw!r}; expected a list of source keys of extra.sources in mkdocs.yml "
                     "([] only for a page that states no fact)")]
    problems = []
    seen = set()
    for index, item in enumerate(raw):
        if isinstance(item, Mapping) and len(item) == 1:
            key, about = next(iter(item.items()))
            if not isinstance(about, str) or not about.strip():
                problems.append((index, f"source '{key}' with {about!r}; expected 'key: what this page takes from it'"))
        elif isinstance(item, str):
            key = item
        else:
            problems.append((index, f"sources item {item!r}; expected a key or 'key: what this page takes from it'"))
            continue
        if key not in registry:
            problems.append((index, f"source key '{key}'; expected one of extra.sources in mkdocs.yml: {', '.join(registry)}"))
        elif key in seen:
            problems.append((index, f"source key '{key}' listed twice; expected each source once"))
        seen.add(key)
    return problems


def _as_date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return None
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def changes_problems(meta: Mapping, today: _dt.date) -> list[tuple[int, str]]:
    """(index of the item in `changes`, problem) for a page's front matter `changes`."""
    raw = meta.get("changes")
    if raw is None:
        return []
    if not isinstance(raw, list):
        return [(-1, f"front matter 'changes' is {type(raw).__name__}; expected a list of {{date: YYYY-MM-DD, note: one sentence}}")]
    problems = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping) or set(item) != {"date", "note"}:
            problems.append((index, f"change {item!r}; expected {{date: YYYY-MM-DD, note: one sentence}}"))
            continue
        date = _as_date(item["date"])
        if date is None:
            problems.append((index, f"change date {item['date']!r}; expected a date YYYY-MM-DD"))
        elif date > today:
            problems.append((index, f"change date {date} is in the future; expected today ({today}) or earlier"))
        note = item["note"]
        if not isinstance(note, str) or not note.strip():
            problems.append((index, f"change note {note!r}; expected one sentence"))
        elif more_than_one_sentence(note) or not note.rstrip().endswith("."):
            problems.append((index, f"change note {note!r}; expected one sentence ending with '.'"))
    return problems


# A keyword is plain words (letters, digits, single spaces, hyphens, apostrophes): never
# an address, a link or markup, and no run of four digits, so never a phone number --
# contacts come from the registry only, and the search index is shown to readers.
_KEYWORD_RE = re.compile(r"^[^\W_]+(?:[ '-][^\W_]+)*$")
_PHONE_LIKE_RE = re.compile(r"\d{4}")
# The `keywords:` field of a front matter block, as a flow list or a block list.
KEYWORDS_BLOCK_RE = re.compile(r"^keywords:.*\n?(?:[ \t]+-.*\n?)*", re.M)
KEYWORD_MAX_LENGTH = 40
KEYWORDS_MAX = 30


def keywords_problems(meta: Mapping) -> list[tuple[int, str]]:
    """(index of the item in `keywords`, problem) for a page's optional front matter
    `keywords`: the words readers type for the page that its text does not use."""
    raw = meta.get("keywords")
    if raw is None:
        return []
    if not isinstance(raw, list) or not raw:
        return [(-1, f"front matter 'keywords' is {raw!r}; expected a list of words readers search for, "
                     "e.g. [tenggat, deadline]")]
    if len(raw) > KEYWORDS_MAX:
        return [(-1, f"front matter 'keywords' has {len(raw)} entries; expected at most {KEYWORDS_MAX}, "
                     "the words that matter most")]
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        text = item.strip() if isinstance(item, str) else ""
        if not isinstance(item, str) or not _KEYWORD_RE.match(text) or len(text) > KEYWORD_MAX_LENGTH:
            problems.append((index, f"keyword {item!r}; expected plain words of at most {KEYWORD_MAX_LENGTH} "
                                    "characters (letters, digits, spaces, hyphens), no address or markup"))
        elif _PHONE_LIKE_RE.search(text):
            problems.append((index, f"keyword {item!r} looks like a number to call; expected words: "
                                    "contact details come from the registry (extra.official in mkdocs.yml)"))
        elif text.lower() in seen:
            problems.append((index, f"keyword {item!r} listed twice; expected each keyword once"))
        seen.add(text.lower())
    return problems


def page_changes(meta: Mapping, page: str, title: str) -> list[Change]:
    """The page's valid changes, newest first (call changes_problems first)."""
    changes = []
    for item in meta.get("changes") or []:
        date = _as_date(item.get("date")) if isinstance(item, Mapping) else None
        if date is not None:
            changes.append(Change(date, str(item["note"]).strip(), page, title))
    return sorted(changes, key=lambda c: c.date, reverse=True)


def newest_source(keys: Iterable[str], registry: Mapping[str, Source]) -> str:
    """The newest date among the sources, as precise as known ('' if none has a date).
    A partial date counts as its first possible day, and the more precise date wins a tie:
    a page citing '2024' and '2024-10-11' shows 11 Oktober 2024, a date it can stand by,
    not the bare year (a source dated only '2024' may be from any day of that year)."""
    dated = [registry[k].date for k in keys if k in registry and registry[k].date]
    return max(dated, key=lambda d: (d + "-01-01"[len(d) - 4:], len(d)), default="")


def all_changes(pages: Iterable[tuple[str, str, Mapping]]) -> list[Change]:
    """Every change of the site, newest first, then by page path: (src path, title, meta)."""
    changes = [c for src, title, meta in pages for c in page_changes(meta, src, title)]
    return sorted(changes, key=lambda c: (-c.date.toordinal(), c.page))


def atom_feed(changes: list[Change], *, site_url: str, site_name: str, feed_url: str,
              url_of: Mapping[str, str]) -> bytes:
    """An Atom 1.0 document of the changes, each entry linking to its page's absolute URL."""
    from feedgen.feed import FeedGenerator  # a library that writes valid Atom (ids, escaping, dates)
    from feedgen.version import version_str

    feed = FeedGenerator()
    feed.id(feed_id(FEED_PATH))
    feed.title(f"{site_name}: pembaruan")
    feed.subtitle("Perubahan isi panduan independen ini, yang terbaru lebih dulu.")
    feed.link(href=site_url + "pembaruan/", rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.language("id")
    feed.author({"name": site_name})
    # The software that wrote the feed (Atom's <generator>), without feedgen's default link to
    # its home page: a feed reader shows the name, and the feed links nowhere but the site.
    feed.generator("python-feedgen", version=version_str)
    newest = max((c.date for c in changes), default=_dt.datetime.now(_dt.UTC).date())
    feed.updated(_dt.datetime.combine(newest, _dt.time(), _dt.UTC))
    # feedgen writes entries in the reverse order of adding: add oldest first. An entry's id
    # is its page's source path, date and place among that page's notes of that day: stable
    # as notes grow and wherever the site is deployed.
    same_day: dict[tuple[str, _dt.date], int] = {}
    for change in reversed(changes):
        page_url = url_of[change.page]
        number = same_day[change.page, change.date] = same_day.get((change.page, change.date), 0) + 1
        entry = feed.add_entry()
        entry.id(feed_id(f"{change.page}#riwayat-{change.date.isoformat()}-{number}"))
        entry.title(change.title)
        entry.link(href=page_url, rel="alternate")
        entry.summary(change.note)
        stamp = _dt.datetime.combine(change.date, _dt.time(), _dt.UTC)
        entry.updated(stamp)
        entry.published(stamp)
    return feed.atom_str(pretty=True)


def _item_line(field: str, index: int, block: list[str]) -> int:
    """1-based file line of item `index` of the list under `field:` (the field's line if
    not found; line 1 if the field is absent)."""
    start = next((n for n, line in enumerate(block, start=2) if re.match(rf"^{field}\s*:", line)), 1)
    if index < 0 or start == 1:
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


def check_meta(source: str, meta: Mapping[str, Any], path: str, registry: object,
               today: _dt.date) -> list[Problem]:
    """Problems of a page's `sources`, `changes` and `keywords`, each at its line of the file."""
    block = front_matter_lines(source) or []
    known = registry if isinstance(registry, Mapping) else {}
    problems = []
    for field, found in (("sources", sources_problems(meta, known)), ("changes", changes_problems(meta, today)),
                         ("keywords", keywords_problems(meta))):
        for index, message in found:
            what, _, expected = message.partition("; ")
            problems.append(Problem(path, _item_line(field, index, block), what, expected))
    return problems


def render_sources_section(cited: list[tuple[Source, str]], changes: list[Change], all_changes: str) -> str:
    """Markdown under the page's "## Sumber {#sumber}": its sources, then "Riwayat perubahan"."""
    return templating.render("sumber-riwayat.md",
        cited=cited, changes=changes, date_text=format_date, all_changes=all_changes)


def render_change_list(changes: list[Change], link: Any, feed: str) -> str:
    """Markdown for /pembaruan/: the feed's link `feed`, then every change of the site;
    `link(change)` is the link to the changed page."""
    return templating.render("pembaruan-daftar.md",
        changes=changes, date_text=format_date, link=link, feed=feed, feed_name=feed.rsplit("/", 1)[-1])


def read_pages(docs_dir: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(src path, title, front matter) of every page in docs/ (unreadable front matter: {})."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        block = front_matter_lines(path.read_text(encoding="utf-8"))
        try:
            meta = yaml.safe_load("\n".join(block)) if block else {}
        except (yaml.YAMLError, ValueError):
            meta = {}
        meta = meta if isinstance(meta, dict) else {}
        pages.append((path.relative_to(docs_dir).as_posix(), str(meta.get("title") or path.stem), meta))
    return pages


