"""Two verbs over a built site, as linters have them: `finish` changes it, `audit` only reads.

    engine build ──► finish: source maps and unused lunr files out; redirect pages in
                     Indonesian, _redirects, robots.txt; feed.xml; the kit's QR code PNGs and slide deck;
                     each page: small SVGs inlined, orphan TOC label dropped, external links
                     marked; theme CSS pruned to the words in use; _headers with CSP hashes
                 ──► audit:  the sources (sources.py); the theme internals the overrides rely
                     on; each page: contacts against the registry, inline code the CSP cannot
                     allow, unclosed links, CSP hashes present in _headers; SVGs and the
                     site's own scripts; published links still reachable

`finish` is idempotent: finishing a finished site changes no byte. `audit` never writes, so
it can check a deployed copy. Both need the project (mkdocs.yml, docs/) and the site folder;
neither knows which engine built it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from akun_diblokir import (
    contacts,
    deploy,
    external_links,
    headers,
    images,
    kit,
    pagemeta,
    paths,
    publishedlinks,
    sitemap,
    slides,
    slim,
    sources,
    theme_guard,
)
from akun_diblokir.pagescan import PageScan, scan_page
from akun_diblokir.problems import Problem
from akun_diblokir.project import Project


def _html_pages(site: Path) -> list[tuple[str, Path]]:
    return [(path.relative_to(site).as_posix(), path) for path in sorted(site.rglob("*.html"))]


def finish(project: Project, site: Path) -> list[str]:
    """Run the post-build steps on `site`; returns notes (what was done)."""
    notes: list[str] = []
    maps = slim.remove_source_maps(site)
    try:
        lunr = slim.remove_unused_lunr(site, slim.search_languages(site))
    except slim.SlimError as error:  # audit reports the index it cannot read
        notes.append(f"lunr files left as they are: {error}")
        lunr = 0
    notes.append(f"removed {maps} source maps and {lunr} lunr files")
    deploy.write_host_files(site, project.site_url, kit.redirect_maps(project.config))  # audit reports a missing target
    _write_feed(project, site)
    sitemap.write(site, project.site_url, project.docs_dir, project.pages)  # each page's own <lastmod>
    links, _ = project.kit
    for link in links:
        (site / link.png).parent.mkdir(parents=True, exist_ok=True)
        (site / link.png).write_bytes(link.png_bytes)
    slides.write_deck(project, site)  # the webinar slide deck (.pptx), offered by the kit

    slim.minify_own_scripts(site, project.docs_dir, notes)

    own_host = urlsplit(project.site_url).netloc.lower()
    base_path = urlsplit(project.site_url).path or "/"
    marker = external_links.marker_html()
    words, prefixes, directions = _script_words(site)
    pages: dict[str, str] = {}
    for rel, path in _html_pages(site):
        text = images.inline_small_svgs(path.read_text(encoding="utf-8"), rel, site, base_path)
        text = deploy.drop_orphan_toc_label(text)
        text = external_links.mark_external_links(text, scan_page(text, None).anchors, own_host, marker)
        w, _, d = slim.used_words(text, script=False)
        words |= w
        directions |= d
        pages[rel] = text
    renamed = slim.prune_stylesheets(site, words, prefixes, directions, notes)
    pages = slim.bundle_own_stylesheets(site, list(project.config.get("extra_css") or []), pages, notes)
    script_hashes: set[str] = set()
    style_hashes = _script_style_hashes(site)
    for rel, text in pages.items():
        for old, new in renamed.items():
            text = text.replace(old, new)
        path = site / rel
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        scan = scan_page(text, None)
        script_hashes.update(headers.csp_hash(s) for s in scan.scripts)
        style_hashes.update(headers.csp_hash(s) for s in scan.styles)
    headers.write_headers(site, script_hashes, style_hashes)
    notes.append(f"wrote {headers.HEADERS_FILE} with {len(script_hashes)} script and {len(style_hashes)} style hashes")
    return notes


def _script_words(site: Path) -> tuple[set[str], set[str], set[str]]:
    words: set[str] = set()
    prefixes: set[str] = set()
    for script in sorted(site.rglob("*.js")):
        w, p, _ = slim.used_words(script.read_text(encoding="utf-8", errors="replace"), script=True)
        words |= w
        prefixes |= p
    return words, prefixes, set()


def _script_style_hashes(site: Path) -> set[str]:
    """Hashes of the <style> texts the theme's scripts build from string constants."""
    hashes: set[str] = set()
    for script in sorted(site.rglob("*.js")):
        hashes.update(headers.csp_hash(t) for t in headers.script_styles(script.read_text(encoding="utf-8", errors="replace")) or ())
    return hashes


def _write_feed(project: Project, site: Path) -> None:
    url_of = {src: urljoin(project.site_url, paths.page_url(src)) for src, _, _ in project.pages}
    feed = pagemeta.atom_feed(project.changes, site_url=project.site_url, site_name=str(project.config.get("site_name")),
                              feed_url=urljoin(project.site_url, pagemeta.FEED_PATH), url_of=url_of)
    path = site / pagemeta.FEED_PATH
    if not path.is_file() or path.read_bytes() != feed:
        path.write_bytes(feed)


_CSP = re.compile(r"Content-Security-Policy:\s*(.*)")


def audit(project: Project, site: Path, *, with_sources: bool = True) -> list[Problem]:
    """Every check of the project on the built or deployed `site`; writes nothing."""
    problems = sources.check_sources(project) if with_sources else []
    registry = project.registry
    if registry is None:
        return unique(problems + project.problems)

    def built(rel: str) -> str:
        return project.shown(site / rel)

    problems += theme_guard.check_bundle(site, theme_dir=project.theme_dir, root=project.root)
    csp = _read_csp(site)
    if csp is None:
        problems.append(Problem(built(headers.HEADERS_FILE), 1, "no Content-Security-Policy in _headers",
                                "expected the file that `python -m akun_diblokir finish` writes"))
    for script in sorted(site.rglob("*.js")):
        if headers.script_styles(script.read_text(encoding="utf-8", errors="replace")) is None:
            problems.append(Problem(built(script.relative_to(site).as_posix()), 1,
                                    "the script builds a <style> element whose text is not a string constant",
                                    "expected a style sheet file, or a constant the CSP can allow by its hash"))
    problems += _redirect_problems(project, site)
    problems += sitemap.problems(site, project.site_url, project.docs_dir, project.pages, built(sitemap.SITEMAP))
    try:
        slim.search_languages(site)
    except slim.SlimError as error:
        problems.append(Problem(built("search"), 1, str(error), "expected a search index the pipeline can read"))

    scans: dict[str, PageScan] = {}
    guard_reported = False
    for rel, path in _html_pages(site):
        text = path.read_text(encoding="utf-8")
        if not guard_reported:  # the theme's internals the overrides rely on (one page says it)
            guard = theme_guard.check_page(text, page=built(rel), theme_dir=project.theme_dir, root=project.root)
            problems += guard
            guard_reported = bool(guard)
        scan = scan_page(text, registry)
        scans[rel] = scan
        problems += _contact_problems(project, site, rel, scan)
        source = paths.source_of(rel, project.docs_dir)
        origin = f" (page {project.shown(source)})" if source else ""
        for code in scan.inline_code:
            found, expected = headers.inline_code_problem(code)
            problems.append(Problem(built(rel), code.line, found + origin, expected))
        if scan.unclosed_anchor:
            problems.append(Problem(built(rel), scan.unclosed_anchor, "a link (<a>) that is never closed", "expected </a>"))
        if csp is not None:
            for kind, texts in (("script-src", scan.scripts), ("style-src", scan.styles)):
                for text_ in texts:
                    if headers.csp_hash(text_) not in csp.get(kind, ()):
                        problems.append(Problem(built(rel), 1, f"an inline {kind.split('-')[0]} whose hash is not in "
                                                f"{headers.HEADERS_FILE}{origin}",
                                                "expected every inline script and style allowed by its hash (run finish)"))

    for svg in sorted(site.rglob("*.svg")):
        rel = svg.relative_to(site).as_posix()
        source = project.docs_dir / rel
        name = project.shown(source) if source.is_file() else built(rel)
        problems += contacts.check_html(svg.read_text(encoding="utf-8"), file=name, registry=registry)
    folders = [folder for folder in (project.docs_dir, project.theme_dir) if folder and folder.is_dir()]
    scripts = [path for folder in folders for path in folder.rglob(f"*{contacts.SCRIPT_ASSETS}")]
    problems += contacts.check_script_files(scripts, root=project.root, registry=registry)

    listing = project.root / publishedlinks.LIST_NAME
    if listing.is_file():
        try:
            problems += publishedlinks.check(scans.get, publishedlinks.read_list(listing))
        except publishedlinks.ListError as error:
            problems.append(error.problem)
    return unique(problems)


def _read_csp(site: Path) -> dict[str, set[str]] | None:
    path = site / headers.HEADERS_FILE
    match = _CSP.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    if match is None:
        return None
    policy: dict[str, set[str]] = {}
    for directive in match.group(1).split(";"):
        name, *values = directive.split()
        policy[name] = set(values)
    return policy


def _redirect_problems(project: Project, site: Path) -> list[Problem]:
    problems = []
    maps = kit.redirect_maps(project.config)
    for directory_urls in (True, False):
        entries = deploy.redirects(maps, directory_urls)
        if all((site / e.target_file).is_file() for e in entries):
            return []
    for entry in deploy.redirects(maps, True):
        if not (site / entry.target_file).is_file():
            problems.append(Problem("mkdocs.yml", 1, f"redirect_maps: /{entry.source} leads to {entry.target_file}, "
                                    "which the build did not write", "expected a page of docs/"))
    return problems


def _contact_problems(project: Project, site: Path, rel: str, scan: PageScan) -> list[Problem]:
    """A built page's contact findings, named where the author fixes them: the page's
    Markdown (read only now, for its lines), else the theme template, else the built file."""
    registry = project.registry
    if not scan.contacts or registry is None:
        return []
    problems: list[Problem] = []
    source = paths.source_of(rel, project.docs_dir)
    in_source: set[str] = set()
    if source is not None:
        for problem in contacts.check_markdown(source.read_text(encoding="utf-8"), file=project.shown(source),
                                               registry=registry):
            in_source.add(problem.key)
            problems.append(problem)
    templates = project.template_findings
    for line, verdict in scan.contacts:
        if verdict.key in in_source:
            continue
        if verdict.key in templates:
            problems.append(templates[verdict.key])
        else:
            origin = f" (page {project.shown(source)})" if source else ""
            problems.append(Problem(project.shown(site / rel), line, verdict.found + origin, verdict.expected, verdict.key))
    return problems


def unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once (a template's problem shows on every page), in the order found."""
    seen: set[str] = set()
    out = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            out.append(problem)
    return out
