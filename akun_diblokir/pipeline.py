"""The post-build pipeline: every step over a built site, in one order, in one place.

    built site ──► slim: source maps out, unused lunr files out; theme bundle as the loader expects
                   ─► redirect pages in Indonesian, _redirects, robots.txt (deploy)
                   ▼
    each page ──► read once ─► small SVGs inlined ─► orphan TOC label dropped (kit list if the engine left its marker) ─► theme guard ─► one parse (pagescan) ─► external links marked
                   │             findings: contacts, inline code, inline script/style hashes,
                   │             heading ids and redirects, words used
                   ▼
    site-wide ──► theme CSS pruned (words of all pages and scripts) ─► each page written once
                   ─► SVG images and own scripts checked ─► _headers (CSP hashes) ─► published links reachable

Engine-independent: it needs the project's mkdocs.yml, docs/ and the built site directory.
MkDocs runs it from its last post-build event (akun_diblokir/hooks/checks.py), any other
engine through `python -m akun_diblokir check` (make build ENGINE=zensical). The state of
one build lives in a `Build` object, nothing in module globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from akun_diblokir import contacts, deploy, external_links, headers, images, kit, pagemeta, publishedlinks, slim, theme_guard
from akun_diblokir.config import load_config
from akun_diblokir.contacts import Registry
from akun_diblokir.pagescan import PageScan, scan_page
from akun_diblokir.problems import Problem, shown_path


@dataclass
class Build:
    """One build: where things are, and what the pipeline found."""

    config_file: Path
    site_dir: Path
    site_url: str = ""
    docs_dir: Path = Path("docs")
    theme_dir: Path | None = None  # the theme's custom_dir (overrides/)
    registry: Registry | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _template_findings: dict[str, Problem] | None = None
    _pages: list[tuple[str, str, dict]] | None = None  # (src, title, front matter) of docs/, read once

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @classmethod
    def from_config(cls, config_file: Path, site_dir: Path, site_url: str | None = None) -> Build:
        config = load_config(config_file)
        site_url = site_url if site_url is not None else str(config.get("site_url") or "")
        build = cls(config_file=config_file, site_dir=site_dir, site_url=site_url)
        try:
            build.registry = contacts.registry_from_extra(config.get("extra") or {}, site_url, config_file)
        except contacts.RegistryError as error:
            build.problems.append(_raw_problem(str(error)))
        docs = config.get("docs_dir") or "docs"
        build.docs_dir = (config_file.parent / docs).resolve()
        theme = config.get("theme") or {}
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        build.theme_dir = (config_file.parent / custom).resolve() if custom else None
        return build

    def shown(self, path: Path) -> str:
        return shown_path(path, self.root)

    def built(self, rel: str) -> str:
        """How a built file is named in a message: site/x/index.html in the repository."""
        return self.shown(self.site_dir / rel)

    def source_of(self, rel: str) -> Path | None:
        """The Markdown page a built HTML file comes from (directory or .html URLs)."""
        stem = rel.removesuffix(".html")
        stem = stem.removesuffix("/index") if stem.endswith("/index") else ("" if stem == "index" else stem)
        for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            path = self.docs_dir / candidate
            if path.is_file():
                return path
        return None

    def template_findings(self) -> dict[str, Problem]:
        """Contact details written in the theme's templates (overrides/), by key: a finding of
        a built page that is not in its Markdown comes from one of them."""
        if self._template_findings is None:
            self._template_findings = {}
            if self.theme_dir and self.theme_dir.is_dir() and self.registry:
                paths = sorted(self.theme_dir.rglob("*.html"))
                for problem in contacts.check_markup_files(paths, root=self.root, registry=self.registry):
                    self._template_findings.setdefault(problem.key, problem)
        return self._template_findings


def _raw_problem(message: str) -> Problem:
    """A message already in the `path:line: found; expected` form (e.g. RegistryError's)."""
    path, line, rest = (message.split(":", 2) + ["", ""])[:3]
    found, _, expected = rest.strip().partition("; ")
    return Problem(path, int(line) if line.isdigit() else 1, found, expected)


def run(build: Build) -> Build:
    """Run every step on build.site_dir; problems and notes are collected in `build`."""
    site = build.site_dir
    own_host = urlsplit(build.site_url).netloc.lower()
    base_path = urlsplit(build.site_url).path or "/"
    marker = external_links.marker_html()

    maps = slim.remove_source_maps(site)
    try:
        lunr = slim.remove_unused_lunr(site, slim.search_languages(site))
    except slim.SlimError as error:
        build.problems.append(_raw_problem(str(error)))
        lunr = 0
    build.notes.append(f"removed {maps} source maps and {lunr} lunr files")

    words: set[str] = set()
    prefixes: set[str] = set()
    directions: set[str] = set()
    style_hashes: set[str] = set()
    for script in sorted(site.rglob("*.js")):
        code = script.read_text(encoding="utf-8", errors="replace")
        w, p, _ = slim.used_words(code, script=True)
        words |= w
        prefixes |= p
        styles = headers.script_styles(code)
        if styles is None:
            build.problems.append(Problem(build.built(script.relative_to(site).as_posix()), 1,
                                          "the script builds a <style> element whose text is not a string constant",
                                          "expected a style sheet file, or a constant the CSP can allow by its hash"))
        style_hashes.update(headers.csp_hash(text) for text in styles or ())

    # Indonesian redirect pages (their inline script is hashed below), _redirects, robots.txt.
    build.problems += deploy.write_host_files(site, build.site_url, kit.redirect_maps(load_config(build.config_file)))
    if not (site / pagemeta.FEED_PATH).exists():  # the MkDocs hook writes it; other engines do not
        _write_feed(build)

    pages: dict[str, str] = {}
    scans: dict[str, PageScan] = {}
    script_hashes: set[str] = set()
    guard_reported = False
    build.problems += theme_guard.check_bundle(site, theme_dir=build.theme_dir, root=build.root)
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        text = images.inline_small_svgs(path.read_text(encoding="utf-8"), rel, site, base_path)
        text = deploy.drop_orphan_toc_label(text)
        if any(kit.marker_built(m).search(text) for m in kit.MARKERS):  # an engine without the MkDocs hook left a marker
            text = _render_kit(build, rel, text)
        if pagemeta.MARKER_BUILT.search(text) or pagemeta.SUMBER_BUILT.search(text):  # nor the sources hook
            text = _render_sources(build, rel, text)
        if not guard_reported:  # the theme's internals the overrides rely on (one page says it)
            guard = theme_guard.check_page(text, page=build.built(rel), theme_dir=build.theme_dir, root=build.root)
            build.problems += guard
            guard_reported = bool(guard)
        scan = scan_page(text, build.registry)
        _report_contacts(build, rel, scan)
        for code in scan.inline_code:
            found, expected = headers.inline_code_problem(code)
            source = build.source_of(rel)
            origin = f" (page {build.shown(source)})" if source else ""
            build.problems.append(Problem(build.built(rel), code.line, found + origin, expected))
        if scan.unclosed_anchor:
            build.problems.append(Problem(build.built(rel), scan.unclosed_anchor, "a link (<a>) that is never closed",
                                          "expected </a>"))
        script_hashes.update(headers.csp_hash(s) for s in scan.scripts)
        style_hashes.update(headers.csp_hash(s) for s in scan.styles)
        text = external_links.mark_external_links(text, scan.anchors, own_host, marker)
        w, _, d = slim.used_words(text, script=False)
        words |= w
        directions |= d
        pages[rel] = text
        scans[rel] = scan

    renamed = slim.prune_stylesheets(site, words, prefixes, directions, build.notes)
    for rel, text in pages.items():
        for old, new in renamed.items():
            text = text.replace(old, new)
        (site / rel).write_text(text, encoding="utf-8")

    if build.registry:
        for svg in sorted(site.rglob("*.svg")):
            rel = svg.relative_to(site).as_posix()
            source = build.docs_dir / rel
            name = build.shown(source) if source.is_file() else build.built(rel)
            build.problems += contacts.check_html(svg.read_text(encoding="utf-8"), file=name, registry=build.registry)
        # The site's own scripts, as text (docs/ and the theme folder; not the theme's bundle).
        folders = [folder for folder in (build.docs_dir, build.theme_dir) if folder and folder.is_dir()]
        scripts = [path for folder in folders for path in folder.rglob(f"*{contacts.SCRIPT_ASSETS}")]
        build.problems += contacts.check_script_files(scripts, root=build.root, registry=build.registry)

    headers.write_headers(site, script_hashes, style_hashes)
    build.notes.append(f"wrote {headers.HEADERS_FILE} with {len(script_hashes)} script and {len(style_hashes)} style hashes")

    listing = build.root / publishedlinks.LIST_NAME
    if listing.is_file():
        try:
            listed = publishedlinks.read_list(listing)
        except publishedlinks.ListError as error:
            build.problems.append(_raw_problem(str(error)))
        else:
            for message in publishedlinks.check(scans.get, listed):
                build.problems.append(_raw_problem(message))
    return build


def _render_kit(build: Build, rel: str, text: str) -> str:
    config = load_config(build.config_file)
    links, problems = kit.read_links(config, config_file=build.config_file, docs_dir=build.docs_dir,
                                     site_url=build.site_url)
    build.problems += problems
    for link in links:
        (build.site_dir / link.png).parent.mkdir(parents=True, exist_ok=True)
        (build.site_dir / link.png).write_bytes(link.png_bytes)
    for marker, template in kit.MARKERS.items():
        pattern = kit.marker_built(marker)
        if pattern.search(text):
            rendered = kit.render_html(links, rel, config, template)
            text = pattern.sub(lambda _, rendered=rendered: rendered, text, count=1)
    return text


def _docs_pages(build: Build) -> list[tuple[str, str, dict]]:
    if build._pages is None:
        build._pages = pagemeta.read_pages(build.docs_dir)
    return build._pages


def _write_feed(build: Build) -> None:
    config = load_config(build.config_file)
    site_url = build.site_url or str(config.get("site_url") or "")
    pages = _docs_pages(build)
    feed = pagemeta.atom_feed(pagemeta.all_changes(pages), site_url=site_url, site_name=str(config.get("site_name")),
                              feed_url=urljoin(site_url, pagemeta.FEED_PATH),
                              url_of={src: urljoin(site_url, pagemeta.url_of(src)) for src, _, _ in pages})
    (build.site_dir / pagemeta.FEED_PATH).write_bytes(feed)


def _render_sources(build: Build, rel: str, text: str) -> str:
    """The Sumber list, "Riwayat perubahan" and the /pembaruan/ list, as the MkDocs hook adds them."""
    source = build.source_of(rel)
    if source is None:
        return text
    config = load_config(build.config_file)
    raw = (config.get("extra") or {}).get("sources")
    registry = {} if pagemeta.registry_problems(raw) else pagemeta.load_registry(raw)
    pages = _docs_pages(build)
    src = source.relative_to(build.docs_dir).as_posix()
    title, meta = next(((t, m) for s, t, m in pages if s == src), ("", {}))
    return pagemeta.render_built_page(text, src=src, title=title, meta=meta, registry=registry,
                                      changes=pagemeta.all_changes(pages),
                                      to_html=lambda markdown: kit.markdown_html(markdown, config))


def _report_contacts(build: Build, rel: str, scan: PageScan) -> None:
    """A built page's contact findings, named where the author fixes them: the page's
    Markdown (read only now, for its lines), else the theme template, else the built file."""
    if not scan.contacts or build.registry is None:
        return
    source = build.source_of(rel)
    in_source: set[str] = set()
    if source is not None:
        for problem in contacts.check_markdown(source.read_text(encoding="utf-8"), file=build.shown(source),
                                               registry=build.registry):
            in_source.add(problem.key)
            build.problems.append(problem)
    templates = build.template_findings()
    for line, verdict in scan.contacts:
        if verdict.key in in_source:
            continue
        if verdict.key in templates:
            build.problems.append(templates[verdict.key])
        else:
            origin = f" (page {build.shown(source)})" if source else ""
            build.problems.append(Problem(build.built(rel), line, verdict.found + origin, verdict.expected, verdict.key))


def unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once (a template's problem shows on every page), in the order found."""
    seen: set[str] = set()
    out = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            out.append(problem)
    return out
