"""What the pages ship and load (the performance budget): structural checks of the built
site and of a real page load in Chromium. Not timed and no size thresholds: the figures
themselves are measured by the benchmark, these tests keep the means in place."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from sitetools import ROOT, LoopbackServer, build_site, copy_project, html_files, mkdocs_config

from akun_diblokir import images, slim

LUNR = "assets/javascripts/lunr"


def _soup(site_dir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "lxml")


def test_output_has_no_source_maps_or_references_to_them(site_dir: Path) -> None:
    maps = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.map")]
    assert not maps, f"source maps in the output: {maps}"
    referring = [
        p.relative_to(site_dir).as_posix()
        for p in [*site_dir.rglob("*.js"), *site_dir.rglob("*.css"), *site_dir.rglob("*.html")]
        if "sourceMappingURL" in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert not referring, f"files still pointing to source maps: {referring}"


def test_only_the_lunr_files_the_search_languages_need_ship(site_dir: Path) -> None:
    langs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    shipped = {p.relative_to(site_dir / LUNR).as_posix() for p in (site_dir / LUNR).rglob("*") if p.is_file()}
    expected = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"} | {
        f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"
    }
    assert shipped == expected, f"lunr files shipped: {sorted(shipped)}, expected {sorted(expected)}"


def test_pages_link_the_pruned_theme_stylesheets_and_they_still_style_the_site(site_dir: Path) -> None:
    sheets = sorted(p.name for p in (site_dir / "assets" / "stylesheets").glob("*.css"))
    linked = {
        href.rsplit("/", 1)[-1]
        for path in html_files(site_dir)
        for href in re.findall(r"""href=["']?([^"' >]+\.css)""", path.read_text(encoding="utf-8"))
    }
    assert linked <= set(sheets), f"pages link style sheets that are not in the output: {linked - set(sheets)}"
    main = next(p for p in (site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    css = main.read_text(encoding="utf-8")
    # Rules the site needs stay (header, search results that scripts add, both palettes)...
    for needed in (".md-header", ".md-search-result__item", ".md-code__button", ".md-footer__link"):
        assert needed in css, f"{main.name} lost {needed}"
    palette = next((site_dir / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    assert "slate" in palette and "indigo" in palette
    # ...while rules for features this site does not use are gone.
    # (.md-top: the "back to top" button, off: it covered text on phones.)
    for unused in (".md-tabs__link", ".md-post", ".md-typeset .grid", "[dir=rtl]", "[data-md-color-primary=red]", ".md-top"):
        assert unused not in css + palette, f"{unused} still shipped"


def test_the_projects_style_sheets_ship_as_one_file_in_their_order(site_dir: Path) -> None:
    """Each sheet a page links blocks its first paint: the components of extra_css (kept
    apart in docs/ for review) are one file on the site, the print rules last."""
    folder = site_dir / "assets" / "stylesheets"
    components = [Path(entry).stem for entry in mkdocs_config()["extra_css"]]
    assert not [p.name for p in folder.iterdir() if p.name.split(".")[0] in components], "a component sheet ships"
    bundles = list(folder.glob("site.*.min.css"))
    assert len(bundles) == 1, bundles
    problems = []
    for page in html_files(site_dir):
        sheets = [link["href"] for link in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select("link[rel=stylesheet]")]
        if not sheets:  # the redirect pages of the short addresses have no style
            continue
        own = [href for href in sheets if "/site." in href or href.startswith("site.")]
        if len(own) != 1 or len(sheets) != 3:
            problems.append(f"{page.relative_to(site_dir)}: {sheets}")
    assert not problems, "\n".join(problems[:5])
    # Each component's first selector, found in the bundle in the order of extra_css.
    flat = re.sub(r"\s+", "", bundles[0].read_text(encoding="utf-8"))
    where = []
    for entry in mkdocs_config()["extra_css"]:
        source = re.sub(r"/\*.*?\*/", "", (ROOT / "docs" / entry).read_text(encoding="utf-8"), flags=re.S)
        first = re.sub(r"\s+", "", source.split("{", 1)[0])
        where.append((flat.find(first + "{"), entry))
    assert all(at >= 0 for at, _ in where) and where == sorted(where), where


def test_the_projects_own_scripts_ship_minified(site_dir: Path) -> None:
    """The scripts of docs/assets/javascripts stay readable there and ship without their
    comments and indentation: the complaint builder's script is on its page's first load."""
    sources = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
    assert sources, "no script of the project found"
    for source in sources:
        shipped = (site_dir / "assets" / "javascripts" / source.name).read_text(encoding="utf-8")
        assert "/*" not in shipped and "\n  " not in shipped, f"{source.name} ships as written"
        assert len(shipped) < 0.8 * len(source.read_text(encoding="utf-8")), source.name
        # Every template literal ships as written: rjsmin alone squeezed the spaces of one
        # written inside another's ${...} ("- ${a}" became "-${a}" in the builder's email).
        text = source.read_text(encoding="utf-8")
        spans = slim._template_literals(text)
        assert spans is not None, f"{source.name}: the scan for template literals lost its way"
        assert [text[a:b] for a, b in spans if text[a:b] not in shipped] == [], source.name


@pytest.mark.parametrize("script", [
    'x = `Lampiran:\\n${list.map(a => `- ${a}`).join("\\n")}`\n',  # a template inside a template
    'const r = /[`"]  +/g\nx = `a  ${b}` / 2 / c\n',  # a regex literal holding a backtick, divisions
    '// a `comment`\nx = "`" + \'`\' + `  ${"}"}  `\n',  # backticks in a comment and in strings
    'if (x) return /\\s$/.test(k) ? `- ${a}` : `  `\n',  # a regex after "return"
])
def test_minifying_a_script_keeps_its_template_literals_as_written(script: str) -> None:
    spans = slim._template_literals(script)
    small = slim.minify_script(script)
    assert spans and small is not None and len(small) < len(script), (spans, small)
    assert all(script[a:b] in small for a, b in spans), small


def test_a_script_the_scan_cannot_read_ships_unminified_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "docs" / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "site" / "assets" / "javascripts").mkdir(parents=True)
    broken = "x = `never closed ${a}\n  y = 1\n"
    for root in ("docs", "site"):
        (tmp_path / root / "assets" / "javascripts" / "a.js").write_text(broken, encoding="utf-8")
    notes: list[str] = []
    slim.minify_own_scripts(tmp_path / "site", tmp_path / "docs", notes)
    assert (tmp_path / "site" / "assets" / "javascripts" / "a.js").read_text(encoding="utf-8") == broken
    assert notes == ["a.js: left unminified (its strings could not be told apart safely)"], notes


def test_only_a_pages_markup_and_inline_code_keep_a_theme_rule() -> None:
    # A class in the text readers see (a source named "fame.grid.id", an address
    # info@...) puts no class on an element; the same word as a class, a state attribute or
    # in an inline script does.
    page = (
        '<p>GridFame (fame.grid.id), <a href="mailto:info@prakerja.go.id" title="tabbed">info@prakerja.go.id</a></p>'
        '<div class="card x" data-md-state=blink><script>el.classList.add("annotate")</script>'
        '<style>.admonition{}</style><img src="/typeset/card.png" alt="focus">'
    )
    words, _, _ = slim.used_words(page, script=False)
    assert {"card", "x", "blink", "annotate", "admonition", "data-md-state", "div"} <= words, words
    assert not {"grid", "info", "fame", "GridFame", "tabbed", "typeset", "focus"} & words, words
    # A script's every word counts: it may add any of them as a class.
    assert {"grid", "info"} <= slim.used_words('x.className = "grid"; y = "info"', script=True)[0]


@pytest.mark.builds
def test_other_search_languages_keep_exactly_their_lunr_files(tmp_path: Path) -> None:
    # The same project with English and German search instead of the Indonesian one.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  - akun_diblokir\n", "  - akun_diblokir:\n      indonesian_search: false\n")
    text = text.replace("  - search\n", "  - search:\n      lang: [en, de]\n", 1)
    config.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    shipped = sorted(p.name for p in (tmp_path / "out" / LUNR / "min").iterdir())
    assert shipped == ["lunr.de.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"], shipped


def test_page_load_starts_no_search_until_the_reader_searches(site: LoopbackServer, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    workers: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("worker", lambda w: workers.append(w.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "pemulihan/", wait_until="networkidle")
    # Material's bundle starts after the page is on screen; once it has (it marks <html> with
    # .js), everything it would fetch on its own has been asked for by the next network idle.
    page.wait_for_function("document.documentElement.classList.contains('js')", timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "search_index" in u or "/lunr/" in u or "/workers/" in u], requests
    assert not workers, f"a worker started on page load: {workers}"

    page.locator("input.md-search__input").focus()
    page.keyboard.type("formulir")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert any(u.endswith("/search/search_index.json") for u in requests), requests
    assert workers, "results appeared without Material's search worker"
    context.close()
    assert not errors, errors


def test_theme_script_loads_after_the_page_is_on_screen_and_still_starts(site: LoopbackServer, browser: Browser) -> None:
    # overrides/partials/lazy-scripts.html: Material's bundle is fetched only after the load
    # event and after the page's first paints are on screen, then started by the replayed
    # DOMContentLoaded (copy buttons, palette toggle). A request started before the largest
    # paint is on screen counts towards Lighthouse's simulated LCP. Waiting two frames after
    # the load event was not enough: the bundle often started 10-40 ms before the paint of
    # this page was shown.
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "teks-siap-pakai/")
    page.locator(".md-code__button, .md-clipboard").first.wait_for(timeout=20_000)
    timing = page.evaluate("""() => new Promise(resolve => {
        // LCP entries are only given to an observer (buffered: the ones already reported).
        new PerformanceObserver(list => {
            const nav = performance.getEntriesByType('navigation')[0];
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const bundle = performance.getEntriesByType('resource').find(r => /\\/bundle\\.[^/]*\\.js$/.test(r.name));
            resolve({load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null, bundle: bundle ? bundle.startTime : null,
                     lcp: Math.max(...list.getEntries().map(e => e.startTime)),
                     held: document.querySelectorAll('script[type="text/plain"][data-after-load]').length});
        }).observe({type: 'largest-contentful-paint', buffered: true});
    })""")
    context.close()
    assert timing["bundle"] is not None, "Material's bundle was never fetched"
    assert timing["fcp"] is not None, "the page reported no first contentful paint"
    assert timing["bundle"] >= timing["load"], f"the bundle was fetched before the page had loaded: {timing}"
    for paint in ("fcp", "lcp"):
        assert timing["bundle"] >= timing[paint], f"the bundle was fetched before the {paint} was on screen: {timing}"
    assert timing["held"] == 0, "a held script tag was left in the page"
    assert not errors, errors


def test_dark_mode_readers_get_the_dark_palette_before_the_theme_script(site: LoopbackServer, browser: Browser) -> None:
    # overrides/main.html picks the palette of the system setting before the content paints;
    # here the bundle never arrives, so only that can have chosen it.
    for system, scheme in (("dark", "slate"), ("light", "default")):
        context = browser.new_context(color_scheme=system)  # type: ignore[arg-type]
        context.route(re.compile(r".*/bundle\.[^/]*\.js$"), lambda route: route.abort())
        page = context.new_page()
        page.goto(site.url + "kontak/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme, system
        context.close()


def test_search_dialog_has_an_accessible_name(site: LoopbackServer, site_dir: Path, browser: Browser) -> None:
    for path in html_files(site_dir):
        dialog = _soup(site_dir, path.relative_to(site_dir).as_posix()).select_one("[data-md-component=search]")
        if dialog is None:  # redirect pages
            continue
        assert dialog.get("role") == "dialog" and (dialog.get("aria-label") or "").strip(), (
            f"{path.relative_to(site_dir)}: the search dialog has no accessible name"
        )
    page = browser.new_page()
    page.goto(site.url)
    name = page.evaluate("""async () => {
        const el = document.querySelector('[data-md-component=search]');
        return el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') &&
            document.getElementById(el.getAttribute('aria-labelledby')).textContent);
    }""")
    page.close()
    assert name and name.strip() == "Cari"


def test_kit_qr_codes_are_inside_the_page_with_their_size(site_dir: Path) -> None:
    # The recovery path is HTML now (readable on a phone); the diagram's file stays published at its address.
    assert (site_dir / "assets/images/alur-pengaduan.svg").is_file(), "the SVG is no longer published at its address"
    kit = _soup(site_dir, "kit-webinar/index.html")
    qr = kit.select("article svg.kit-qr")
    entries = mkdocs_config()["extra"]["webinar_links"]
    assert len(qr) == len(entries)
    # Inside the page as markup (akun_diblokir/kit.py): no image request or image decode
    # competes with the text (a data: PNG there added 75 ms to Lighthouse's LCP), and the box
    # is reserved before it paints.
    assert not kit.select("article .kit-tautan img"), "the kit page shows its QR codes as images again"
    assert all(svg.get("width") and svg.get("height") and svg.get("viewbox") for svg in qr), qr




def test_only_small_svgs_of_the_site_itself_are_inlined(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    small, big = tmp_path / "assets" / "kecil.svg", tmp_path / "assets" / "besar.svg"
    small.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n  <title>A "kecil" #1 50%</title>\n</svg>', encoding="utf-8")
    big.write_text("<svg>" + " " * images.MAX_BYTES + "</svg>", encoding="utf-8")
    html = (
        '<img alt="a" src="../assets/kecil.svg"><img alt="b" src="../assets/besar.svg">'
        '<img alt="c" src="https://contoh.example/x.svg"><img alt="d" src="../assets/hilang.svg">'
    )
    out = BeautifulSoup(images.inline_small_svgs(html, "pemulihan/index.html", tmp_path), "html.parser")
    srcs = [img["src"] for img in out.find_all("img")]
    assert srcs[1:] == ["../assets/besar.svg", "https://contoh.example/x.svg", "../assets/hilang.svg"]
    assert unquote(srcs[0]) == 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"><title>A "kecil" #1 50%</title></svg>'
