"""Sources by key, change notes, /pembaruan/ and the Atom feed."""

from __future__ import annotations

import datetime as _dt
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data
from playwright.sync_api import Browser
from sitetools import (
    ROOT,
    LoopbackServer,
    copy_project,
    failed_build_output,
    goto_with_theme,
    mkdocs_config,
    page_urls,
)

DOCS = ROOT / "docs"
# The project's fact sheet: the only copy the build and the tests read (sources/README.md).
FACT_SHEET = [ROOT / "sources" / "facts.md", ROOT / "sources" / "facts-2026-12.md", ROOT / "sources" / "README.md"]
FLAGGED_HEADING = "## Sources never to cite"
# Pages that state no fact and say so (`sources: []`): the change list only.
NO_FACT_PAGES = {"pembaruan.md"}
FEED_PAGES = {"", "pembaruan/"}  # where a subscriber or a feed reader looks for the feed


def _pages() -> list[tuple[Path, dict]]:
    return [(p, get_data(p.read_text(encoding="utf-8"))[1]) for p in sorted(DOCS.rglob("*.md"))]


def _url(path: Path) -> str:
    rel = path.relative_to(DOCS).with_suffix("").as_posix()
    return "" if rel == "index" else (rel.removesuffix("index") if rel.endswith("/index") else rel + "/")


def _keys(meta: dict) -> list[str]:
    return [next(iter(i)) if isinstance(i, dict) else i for i in meta.get("sources") or []]


def _soup(site_dir: Path, rel_url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / rel_url / "index.html").read_text(encoding="utf-8"), "lxml")


def _newest_key(partial: str) -> tuple[_dt.date, int]:
    """How the footer ranks a partial date ('2024', '2021-12', '2024-10-11'): by the first day
    it can mean, the more precise date first on a tie (a bare year is never shown over a day
    of that year)."""
    parts = [int(p) for p in partial.split("-")]
    return _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), len(parts)


def flagged_hosts(sheet: str) -> list[str]:
    """The host names listed under the fact sheet's "Sources never to cite"."""
    section = sheet.split(FLAGGED_HEADING, 1)[1].split("\n## ", 1)[0] if FLAGGED_HEADING in sheet else ""
    return re.findall(r"^- ([a-z0-9.-]+\.[a-z]{2,})", section, re.M)


def fact_sheet_problems(registry: dict, pages: list[tuple[str, dict]], sheet: str, cited_hosts: list[str]) -> list[str]:
    """Every registered source named as the fact sheet names it, with its date; no page citing
    a key the registry lacks; nothing registered, allowlisted or linked from a flagged host."""
    flagged = flagged_hosts(sheet)
    problems = [] if flagged else [f"the fact sheet has no list under {FLAGGED_HEADING!r}"]
    for key, entry in registry.items():
        named = entry["fact_sheet"]
        if named not in sheet:
            problems.append(f"{key}: fact_sheet {named!r} is not how the fact sheet (sources/) names any source")
        stated = re.search(r"(\d{4}(?:-\d{2}){0,2})\)$", named)
        if (stated.group(1) if stated else None) != entry.get("date"):
            problems.append(f"{key}: date {entry.get('date')!r}; the fact sheet says {named!r}")
        text = " ".join(str(entry.get(f, "")) for f in ("publisher", "title", "fact_sheet")).lower()
        problems += [f"{key}: a source the fact sheet flags ({host}); expected never cited" for host in flagged
                     if host.split(".")[0] in text]
    problems += [f"mkdocs.yml cited_hosts: {host} is flagged in the fact sheet; expected it removed"
                 for host in cited_hosts for f in flagged if host == f or host.endswith("." + f) or f.endswith("." + host)]
    for page, text in pages:
        meta = get_data(text)[1]
        problems += [f"{page}: source key {k!r} is not in extra.sources (the fact sheet)" for k in _keys(meta)
                     if k not in registry]
        for host in flagged:
            for url in re.findall(r"https?://([^/\s)>\"']+)", text):
                if url.lower() == host or url.lower().endswith("." + host):
                    problems.append(f"{page}: links to {url}, which the fact sheet flags; expected never cited")
    return problems


def _sheet() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in FACT_SHEET)


def test_every_registered_source_is_one_of_the_fact_sheet_sources_and_none_is_flagged() -> None:
    config = mkdocs_config()["extra"]
    pages = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(DOCS.rglob("*.md"))]
    problems = fact_sheet_problems(config["sources"], pages, _sheet(), config["official"]["cited_hosts"])
    assert not problems, "\n".join(problems)


def test_a_key_outside_the_fact_sheet_and_a_flagged_source_are_reported() -> None:
    """The check above can fail: a page citing an unknown key, a registered source the fact
    sheet does not name, a flagged source registered, allowlisted and linked."""
    config = mkdocs_config()["extra"]
    sheet = _sheet()
    assert {"rancahpost.com", "kompasiana.com", "arkademi.com"} <= set(flagged_hosts(sheet)), flagged_hosts(sheet)
    registry = {**config["sources"],
                "rancah-2021": {"publisher": "rancahpost.com", "fact_sheet": "rancahpost.com"},
                "blog-2099": {"publisher": "Blog", "date": "2099", "fact_sheet": "blog (2099)"}}
    page = "---\nsources:\n  - rancah-2021\n  - tidak-ada\n---\n\nLihat [ini](https://www.kompasiana.com/x).\n"
    problems = fact_sheet_problems(registry, [("docs/x.md", page)], sheet, [*config["official"]["cited_hosts"], "arkademi.com"])
    assert any(p.startswith("rancah-2021: a source the fact sheet flags (rancahpost.com)") for p in problems), problems
    assert "blog-2099: fact_sheet 'blog (2099)' is not how the fact sheet (sources/) names any source" in problems, problems
    assert "mkdocs.yml cited_hosts: arkademi.com is flagged in the fact sheet; expected it removed" in problems, problems
    assert "docs/x.md: source key 'tidak-ada' is not in extra.sources (the fact sheet)" in problems, problems
    assert "docs/x.md: links to www.kompasiana.com, which the fact sheet flags; expected never cited" in problems, problems


def test_every_page_cites_registered_sources_each_once_and_every_source_is_cited() -> None:
    registry = mkdocs_config()["extra"]["sources"]
    problems, cited = [], set()
    for path, meta in _pages():
        keys = _keys(meta)
        cited.update(keys)
        if not keys and path.relative_to(DOCS).as_posix() not in NO_FACT_PAGES:
            problems.append(f"{path.relative_to(ROOT)}: no sources")
        problems += [f"{path.relative_to(ROOT)}: unknown source {k!r}" for k in keys if k not in registry]
        if len(set(keys)) != len(keys):
            problems.append(f"{path.relative_to(ROOT)}: a source listed twice: {keys}")
    problems += [f"mkdocs.yml: source {k!r} is cited by no page" for k in sorted(set(registry) - cited)]
    assert not problems, "\n".join(problems)


def test_sumber_lists_name_exactly_the_page_sources_and_the_footer_the_newest_date(site_dir: Path) -> None:
    registry = mkdocs_config()["extra"]["sources"]
    problems = []
    for path, meta in _pages():
        soup = _soup(site_dir, _url(path))
        heading = soup.select_one("article h2#sumber")
        listing = heading.find_next_sibling("ul")
        items = [li.get_text(" ", strip=True) for li in listing.find_all("li")] if listing else []
        keys = _keys(meta)
        expected = [registry[k]["publisher"] for k in keys]
        if not keys:  # `sources: []`: a page that states no fact says so, and shows no source date
            said = heading.find_next_sibling("p")
            if said is None or "tidak memuat fakta dari sumber" not in said.get_text():
                problems.append(f"/{_url(path)}: no sources, and the page does not say so")
            if soup.select_one(".last-checked time.sumber-terbaru") is not None:
                problems.append(f"/{_url(path)}: a newest-source date without sources")
            continue
        if len(items) != len(keys) or not all(i.startswith(e) for i, e in zip(items, expected, strict=False)):
            problems.append(f"/{_url(path)}: Sumber {items} is not {expected}")
        dates = [registry[k]["date"] for k in keys if registry[k].get("date")]
        newest = max(dates, key=_newest_key)
        shown = soup.select_one(".last-checked time.sumber-terbaru")
        if shown is None or shown["datetime"] != newest:
            problems.append(f"/{_url(path)}: footer shows newest source {shown}, expected {newest}")
        # A page citing a dated source never shows a bare year as its newest source.
        if shown is not None and len(shown["datetime"]) == 4 and any(len(d) == 10 and d.startswith(shown["datetime"])
                                                                     for d in dates):
            problems.append(f"/{_url(path)}: footer shows the year {shown['datetime']} although the page cites a dated source of it")
        footer = soup.select_one(".last-checked").get_text(" ", strip=True)
        if not footer.startswith("Diperiksa terhadap sumber pada"):
            problems.append(f"/{_url(path)}: footer reads {footer!r}")
    assert not problems, "\n".join(problems)


def test_every_page_shows_its_change_notes_newest_first(site_dir: Path) -> None:
    problems = []
    for path, meta in _pages():
        heading = _soup(site_dir, _url(path)).select_one("article h2#riwayat")
        if heading is None or heading.get_text(strip=True).rstrip("¶") != "Riwayat perubahan":
            problems.append(f"/{_url(path)}: no 'Riwayat perubahan' heading")
            continue
        following = heading.find_next_sibling()
        notes = meta.get("changes") or []
        if not notes:
            if "Belum ada catatan perubahan" not in following.get_text():
                problems.append(f"/{_url(path)}: no notes, and it does not say so")
            continue
        # One line with the latest change, then every note folded (as GOV.UK pages do).
        newest = max(str(n["date"]) for n in notes)
        last = following.find("time")
        if following.name != "p" or not following.get_text(" ", strip=True).startswith("Terakhir diperbarui") \
                or last is None or last["datetime"] != newest:
            problems.append(f"/{_url(path)}: first line {following!s:.120}; expected 'Terakhir diperbarui' {newest}")
        folded = following.find_next_sibling("details")
        if folded is None or folded.has_attr("open") or folded.find("summary") is None:
            problems.append(f"/{_url(path)}: the notes are not folded in a closed <details>")
            continue
        shown = [(li.time["datetime"], li.get_text(" ", strip=True)) for li in folded.find_all("li")]
        if sorted(shown, key=lambda s: s[0], reverse=True) != shown or len(shown) != len(notes):
            problems.append(f"/{_url(path)}: notes {shown} not newest first or not all {len(notes)}")
        for note in notes:
            if not any(note["note"] in text for _, text in shown):
                problems.append(f"/{_url(path)}: note {note['note']!r} not shown")
    assert not problems, "\n".join(problems)


def test_pembaruan_lists_every_change_of_the_site_newest_first(site: LoopbackServer, site_dir: Path) -> None:
    total = sum(len(meta.get("changes") or []) for _, meta in _pages())
    assert total >= 15, "this issue's corrections are recorded as the first notes"
    listing = _soup(site_dir, "pembaruan/").select_one("article h2#daftar").find_next_sibling("ul")
    rows = listing.find_all("li", recursive=False)
    dates = [li.time["datetime"] for li in rows]
    assert len(rows) == total, f"{len(rows)} entries on /pembaruan/, {total} notes in front matter"
    assert dates == sorted(dates, reverse=True), dates
    for li in rows:
        assert li.find("a", href=True), li


def test_atom_feed_has_every_change_dated_titled_and_linked_to_a_live_page(
    site: LoopbackServer, site_dir: Path
) -> None:
    feed_url = site.url + "feed.xml"
    with urllib.request.urlopen(feed_url, timeout=10) as response:
        body = response.read()
    feed = feedparser.parse(body)
    assert not feed.bozo, f"the feed is not well-formed: {feed.bozo_exception}"
    assert feed.version == "atom10", feed.version
    total = sum(len(meta.get("changes") or []) for _, meta in _pages())
    assert len(feed.entries) == total, f"{len(feed.entries)} entries, {total} notes"
    live = set(page_urls(site_dir))
    today = _dt.datetime.now(_dt.UTC).date()
    ids, stamps = set(), []
    for entry in feed.entries:
        assert entry.get("title") and entry.get("summary"), entry
        assert entry.get("updated_parsed"), f"{entry.title}: no date"
        day = _dt.date(*entry.updated_parsed[:3])
        assert day <= today, f"{entry.title}: dated {day}, in the future"
        stamps.append(day)
        assert entry.link in live, f"{entry.title}: {entry.link} is not a page of the site"
        with urllib.request.urlopen(entry.link, timeout=10) as page:
            assert page.status == 200, entry.link
        ids.add(entry.id)
    assert len(ids) == len(feed.entries), "entry ids repeat"
    assert stamps == sorted(stamps, reverse=True), "entries are not newest first"
    # The home and updates pages link the feed from their head (where subscribers and feed
    # readers look); no other page does (test_pages_without_the_feed_link_cost_no_sitemap_request).
    for url in live:
        head = BeautifulSoup(urllib.request.urlopen(url, timeout=10).read(), "lxml").head
        links = [a for a in head.find_all("link", rel="alternate") if a.get("type") == "application/atom+xml"]
        expected = [feed_url] if url.removeprefix(site.url) in FEED_PAGES else []
        assert [urljoin(url, a["href"]) for a in links] == expected, f"{url}: {links}"


@pytest.mark.builds
def test_bad_sources_changes_and_registry_fail_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    faq = project / "docs" / "faq.md"
    text = faq.read_text(encoding="utf-8")
    text = text.replace("  - kompascom-2021: akun tidak bisa dihapus\n", "  - kompas-2099: akun tidak bisa dihapus\n", 1)
    text = text.replace("  - date: 2026-12-02\n", "  - date: 2999-01-01\n", 1)
    text = text.rstrip("\n") + "\n\nTeks tambahan.\n"
    faq.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    assert 'date: "2024-10-11"' in yml
    config.write_text(yml.replace('date: "2024-10-11"', 'date: "2024-13-11"', 1), encoding="utf-8")
    registry_line = yml.splitlines().index(next(x for x in yml.splitlines() if x.strip().startswith("poskota-2024:"))) + 1
    lines = text.splitlines()
    key_line = lines.index("  - kompas-2099: akun tidak bisa dihapus") + 1
    date_line = lines.index("  - date: 2999-01-01") + 1
    tail_line = lines.index("Teks tambahan.") + 1
    out = failed_build_output(project, tmp_path / "out")
    assert re.search(rf"docs/faq\.md:{key_line}: source key 'kompas-2099'; expected one of extra\.sources", out), out
    assert re.search(rf"docs/faq\.md:{date_line}: change date 2999-01-01 is in the future; expected", out), out
    assert re.search(rf"mkdocs\.yml:{registry_line}: source 'poskota-2024' date '2024-13-11'; expected", out), out
    assert re.search(rf"docs/faq\.md:{tail_line}: text after '## Sumber {{#sumber}}'; expected nothing", out), out


@pytest.mark.builds
def test_make_facts_lists_the_oldest_checked_page_first_and_never_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "kontak.md"
    page.write_text(re.sub(r"^last_checked: .*$", "last_checked: 2001-02-03", page.read_text(encoding="utf-8"),
                           count=1, flags=re.M), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "facts.py"), "--root", str(project)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines() if re.match(r"^\s+\d{4}-\d{2}-\d{2}\s+\d+\s", line)]
    assert rows[0][0] == "2001-02-03" and rows[0][-1] == "docs/kontak.md", run.stdout
    assert len(rows) == len(list((project / "docs").rglob("*.md"))), run.stdout
    assert "poskota-2024" in run.stdout and "2024-10-11" in run.stdout, run.stdout


def test_pages_without_the_feed_link_cost_no_sitemap_request(site: LoopbackServer, browser: Browser) -> None:
    # Material's bundle fetches sitemap.xml next to every rel="alternate" link; on the home
    # page (which announces the feed) the request shows, so its absence elsewhere is real.
    seen: dict[str, list[str]] = {}
    for url in ["", "penyebab/kecurangan-joki/"]:
        context = browser.new_context()
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r, requests=requests: requests.append(r.url))
        try:
            goto_with_theme(page, site.url + url, wait_until="load")
            page.wait_for_load_state("networkidle")
        finally:
            context.close()
        seen[url] = [r for r in requests if r.endswith("/sitemap.xml")]
    assert seen[""], "the home page announces the feed, so the theme fetches sitemap.xml"
    assert not seen["penyebab/kecurangan-joki/"], seen


def _feed_for(site_url: str) -> bytes:
    from akun_diblokir import pagemeta

    pages = pagemeta.read_pages(DOCS)
    url_of = {src: urljoin(site_url, src.removesuffix(".md") + "/") for src, _, _ in pages}
    return pagemeta.atom_feed(pagemeta.all_changes(pages), site_url=site_url, site_name="Akun Prakerja Diblokir",
                              feed_url=urljoin(site_url, "feed.xml"), url_of=url_of)


def test_feed_ids_stay_when_the_site_moves_and_the_generator_names_the_software() -> None:
    """A feed reader keys entries by id: moving the site to another address must not make
    every entry look new. <generator> names the software that wrote the feed."""
    here, moved = feedparser.parse(_feed_for("https://panduan.example.org/")), feedparser.parse(
        _feed_for("https://lain.example.net/sub/"))
    ids = [e.id for e in here.entries]
    assert ids == [e.id for e in moved.entries] and here.feed.id == moved.feed.id
    assert len(set(ids)) == len(ids) > 15, ids
    for value in [here.feed.id, *ids]:
        assert value.startswith("urn:uuid:") and "example" not in value, value
    assert here.entries[0].link.startswith("https://panduan.example.org/")  # links still follow the site
    assert here.feed.generator == "python-feedgen", here.feed.get("generator")
    assert "Akun Prakerja Diblokir" not in here.feed.generator_detail.get("name", "")


def test_sitemap_lastmod_is_each_pages_last_change(site: LoopbackServer, site_dir: Path) -> None:
    """Not the build date: each page's newest change note or last_checked, whichever is later."""
    from akun_diblokir import sitemap

    soup = BeautifulSoup((site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    shown = {u.loc.get_text(strip=True): u.lastmod.get_text(strip=True) for u in soup.find_all("url")}
    problems = []
    for path, meta in _pages():
        url = site.url + _url(path)
        expected = sitemap.page_date(meta)
        if url not in shown:
            if path.relative_to(DOCS).as_posix() in NO_FACT_PAGES or "redirect" in str(meta):
                continue
            problems.append(f"{url}: not in sitemap.xml")
        elif shown[url] != expected.isoformat():
            problems.append(f"{url}: lastmod {shown[url]}, expected {expected}")
    assert len(shown) > 15 and not problems, "\n".join(problems)
    dates = {meta.get("last_checked") for _, meta in _pages()}
    assert len(set(shown.values())) > 1 or len(dates) == 1, "every page has the same date: the build date?"


def test_sitemap_page_dates_are_written_once_and_audit_reports_a_build_date(tmp_path: Path) -> None:
    from akun_diblokir import pagemeta, sitemap

    site_url = "https://panduan.example.org/"
    entries = "".join(f"<url><loc>{site_url}{u}</loc><lastmod>2099-01-01</lastmod></url>\n"
                      for u in ("", "faq/", "penyebab/data-palsu/"))
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n{entries}<url><loc>{site_url}faq/</loc></url>\n</urlset>\n'
    (tmp_path / "sitemap.xml").write_text(text, encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(b"not gzip")
    pages = pagemeta.read_pages(DOCS)
    before = sitemap.problems(tmp_path, site_url, DOCS, pages, "sitemap.xml")
    assert [p.line for p in before] == [3, 4, 5, 6], before
    assert "<lastmod> 2099-01-01" in before[0].found and "expected 20" in before[0].expected, before[0]
    assert "<lastmod> None" in before[3].found, before[3]  # an entry without <lastmod> gets one
    assert sitemap.write(tmp_path, site_url, DOCS, pages)
    first = (tmp_path / "sitemap.xml").read_bytes(), (tmp_path / "sitemap.xml.gz").read_bytes()
    assert sitemap.problems(tmp_path, site_url, DOCS, pages, "sitemap.xml") == []
    assert not sitemap.write(tmp_path, site_url, DOCS, pages)  # idempotent: nothing left to change
    assert ((tmp_path / "sitemap.xml").read_bytes(), (tmp_path / "sitemap.xml.gz").read_bytes()) == first
    faq = next(meta for src, _, meta in pages if src == "faq.md")
    assert f"<loc>{site_url}faq/</loc><lastmod>{sitemap.page_date(faq).isoformat()}</lastmod>" in first[0].decode()
