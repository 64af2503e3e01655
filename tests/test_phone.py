"""The reader's path on a phone, measured in a real Chromium at 360x740, device
scale 2, touch, in the light and the dark palette (the system setting), with and without
JavaScript: one browser context per mode, every page inside it.

Screenshots of every page in every mode go to tests/screenshots/phone/<mode>/ (git-ignored):
the whole page with JavaScript, the first screen without it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Page
from sitetools import ROOT, LoopbackServer, build_site, copy_project, goto_with_theme, mkdocs_config, page_urls

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots" / "phone"
PHONE = {"width": 360, "height": 740}
MODES = {
    "light-js": ("light", True),
    "dark-js": ("dark", True),
    "light-nojs": ("light", False),
    "dark-nojs": ("dark", False),
}
# The cause pages in the order the home page lists them (glossary.yml: one label per cause).
CAUSES = [f"penyebab/{c['slug']}/" for c in yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))["causes"]]
# Pages with the help bar (akun_diblokir/help_bar.py).
HELP_BAR = re.compile(r"^(penyebab/|pemulihan/|faq/$)")
MIN_TARGET = 24  # WCAG 2.2, 2.5.8 (AA)
PRIMARY_TARGET = 44  # WCAG 2.5.5 (AAA): the help bar, the home page's choices, copy, search
MIN_CONTRAST = 3.0  # WCAG 1.4.11, a control against what surrounds it


def registry_hrefs() -> list[str]:
    """The three channels' links as the registry (extra.official) defines them."""
    k = mkdocs_config()["extra"]["official"]
    return [
        k["form"]["url"],
        f"mailto:{k['email']['address']}?subject={quote(k['email']['subject'])}",
        f"tel:{k['phone']['number']}",
    ]


def phone_context(browser: Browser, scheme: str, js: bool) -> BrowserContext:
    return browser.new_context(
        viewport=PHONE, device_scale_factor=2, has_touch=True, is_mobile=True,
        color_scheme=scheme, java_script_enabled=js,
    )


def open_page(page: Page, url: str, js: bool) -> None:
    if js:
        goto_with_theme(page, url)
    else:
        page.goto(url)
    page.evaluate("document.fonts.ready")


def site_pages(site: LoopbackServer, site_dir: Path) -> list[str]:
    """Every page of the sitemap, relative to the site ("" is the home page)."""
    return [url.removeprefix(site.url) for url in page_urls(site_dir)]


# In the page: computed colours (rgb() or rgba()) composited and compared as WCAG does.
COLOURS_JS = """
  const parse = c => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [255, 255, 255, 1];
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat([a]);
  };
  // The colour behind an element: its ancestors' backgrounds, composited.
  const behind = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    layers.push(parse(getComputedStyle(document.documentElement).backgroundColor));
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
"""

# Runs in the page: colours, sizes and overlaps as Chromium renders them.
MEASURE = """() => {""" + COLOURS_JS + """
  const name = el => (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || el.tagName)
    .trim().replace(/\\s+/g, ' ').slice(0, 50);
  const visible = el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility === 'visible' && r.right > 0 && r.left < innerWidth
      && !el.closest('[hidden], .md-search, .md-sidebar--secondary') && Number(s.opacity) > 0;
  };
  // A link inside running text: inline, with other text in the same block (WCAG's exception).
  const inText = el => {
    if (el.tagName !== 'A' || !getComputedStyle(el).display.startsWith('inline')) return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    return block && block.textContent.trim().length > el.textContent.trim().length + 1;
  };
  // A label is a target of its own when its control is hidden (the theme's header buttons);
  // the label of a visible field only names it, and the field is measured.
  const ownTarget = el => el.tagName !== 'LABEL' || !visible(document.getElementById(el.htmlFor) || el);
  const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]')]
    .filter(visible).filter(ownTarget);
  const small = controls.filter(el => !inText(el)).map(el => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.width < 24 - 0.5 || r.height < 24 - 0.5)
    .map(([el, r]) => `${name(el)} (${Math.round(r.width)}x${Math.round(r.height)})`);
  // Text covered by an element placed over the flow (absolute, fixed, sticky), header aside.
  const placed = [...document.querySelectorAll('.md-main *, .md-footer *')].filter(el =>
    ['absolute', 'fixed', 'sticky'].includes(getComputedStyle(el).position) && visible(el));
  const texts = [];
  const walker = document.createTreeWalker(document.querySelector('.md-main'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || !visible(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) texts.push([n, r]);
  }
  const overlaps = [];
  for (const el of placed) {
    const a = el.getBoundingClientRect();
    for (const [n, r] of texts) {
      if (el.contains(n)) continue;
      const w = Math.min(a.right, r.right) - Math.max(a.left, r.left);
      const h = Math.min(a.bottom, r.bottom) - Math.max(a.top, r.top);
      if (w > 1 && h > 1) { overlaps.push(`${name(el)} over "${n.textContent.trim().slice(0, 30)}"`); break; }
    }
  }
  const target = el => {
    const r = el.getBoundingClientRect();
    const own = parse(getComputedStyle(el).backgroundColor);
    const around = behind(el.parentElement);
    // A filled control against what surrounds it; an outlined or bare one by its border or ink.
    const edge = own[3] > 0 ? over(own, around) : parse(getComputedStyle(el).borderTopWidth !== '0px'
      ? getComputedStyle(el).borderTopColor : getComputedStyle(el).color);
    return {name: name(el), href: el.getAttribute('href'), w: r.width, h: r.height, top: r.top, bottom: r.bottom,
            contrast: ratio(over(edge, around), around),
            text: ratio(parse(getComputedStyle(el).color), over(own, around))};
  };
  const pick = sel => [...document.querySelectorAll(sel)].filter(visible).map(target);
  const title = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  return {
    // Against the screen, not innerWidth: a phone widens its layout viewport to the content.
    scroll: Math.max(document.documentElement.scrollWidth, innerWidth) - screen.width,
    screen: screen.width,
    wideTables: [...document.querySelectorAll('article table')].filter(t => t.scrollWidth > t.clientWidth + 1).length,
    small, overlaps,
    helpBar: pick('.bantuan-cepat__tombol'),
    helpLinks: pick('.bantuan-cepat__lain a'),
    choices: pick('.pilihan a'),
    copy: pick('.md-code__button[data-md-type=copy]'),
    search: pick('label.md-header__button[for=__search]'),
    titleCut: title ? title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1 : null,
    salin: [...document.querySelectorAll('.salin-dengan-tombol, .salin-tanpa-tombol')].filter(visible).map(e => e.className),
  };
}"""


def _big_and_clear(targets: list[dict], where: str) -> list[str]:
    problems = []
    for t in targets:
        if t["w"] < PRIMARY_TARGET - 0.5 or t["h"] < PRIMARY_TARGET - 0.5:
            problems.append(f"{where}: {t['name']!r} is {t['w']:.0f}x{t['h']:.0f} px; expected at least 44x44")
        if t["contrast"] < MIN_CONTRAST:
            problems.append(f"{where}: {t['name']!r} has {t['contrast']:.2f}:1 against its background; expected 3:1")
        if t["text"] < 4.5:
            problems.append(f"{where}: the text of {t['name']!r} has {t['text']:.2f}:1; expected 4.5:1")
    return problems


@pytest.mark.parametrize("mode", list(MODES))
def test_every_page_on_a_phone(site: LoopbackServer, site_dir: Path, browser: Browser, mode: str) -> None:
    """On every page: no sideways scrolling, no table wider than the screen, no control under
    24x24 px outside running text, nothing placed over text, the site name in full; the help
    bar's channels in the first screen with the registry's links; copy buttons, the help bar
    and search at least 44x44 px and 3:1. Writes a screenshot of each page."""
    scheme, js = MODES[mode]
    folder = SCREENSHOTS / mode
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    context = phone_context(browser, scheme, js)
    page = context.new_page()
    problems: list[str] = []
    expected = registry_hrefs()
    for rel in site_pages(site, site_dir):
        open_page(page, site.url + rel, js)
        where = f"/{rel} ({mode})"
        page.screenshot(path=folder / f"{rel.strip('/').replace('/', '_') or 'beranda'}.png", full_page=js)
        m = page.evaluate(MEASURE)
        assert m["screen"] == PHONE["width"], f"the phone screen is {m['screen']} px wide"
        if m["scroll"] > 0:
            problems.append(f"{where}: the page scrolls sideways by {m['scroll']} px")
        if m["wideTables"]:
            problems.append(f"{where}: {m['wideTables']} table(s) wider than the screen")
        problems += [f"{where}: control under 24x24 px: {s}" for s in m["small"]]
        problems += [f"{where}: {o}" for o in m["overlaps"]]
        if m["titleCut"] is not False:
            problems.append(f"{where}: the header does not name the site in full")
        if HELP_BAR.match(rel):
            bar = m["helpBar"]
            if [t["href"] for t in bar] != expected:
                problems.append(f"{where}: help bar links {[t['href'] for t in bar]}; expected {expected}")
            problems += [f"{where}: {t['name']!r} is below the first screen" for t in bar if t["bottom"] > PHONE["height"]]
            problems += _big_and_clear(bar + m["helpLinks"], where)
        elif m["helpBar"]:
            problems.append(f"{where}: a help bar on a page that should not have one")
        problems += _big_and_clear(m["copy"] + m["search"], where)
        if js and not m["search"]:
            problems.append(f"{where}: no search button")
        if rel == "teks-siap-pakai/":
            if js and len(m["copy"]) < 3:
                problems.append(f"{where}: {len(m['copy'])} copy buttons; expected one per text (3)")
            wanted = "salin-dengan-tombol" if js else "salin-tanpa-tombol"
            if m["salin"] != [wanted]:
                problems.append(f"{where}: copy instructions shown: {m['salin']}; expected only .{wanted}")
        if rel == "":
            choices = m["choices"]
            if len(choices) != len(CAUSES) + 3:
                problems.append(f"{where}: {len(choices)} choices; expected the {len(CAUSES)} causes and three channels")
            problems += [f"{where}: {t['name']!r} is below the first screen" for t in choices if t["bottom"] > PHONE["height"]]
            if [t["href"] for t in choices[-3:]] != expected:
                problems.append(f"{where}: channel links {[t['href'] for t in choices[-3:]]}; expected {expected}")
            problems += _big_and_clear(choices, where)
    context.close()
    assert not problems, "\n".join(problems)


def test_search_field_shows_its_focus_in_both_palettes(site: LoopbackServer, browser: Browser) -> None:
    """Tapping search on a phone opens the field over the page: its focus ring must contrast
    with the page there (it was invisible in light and a white bar in dark)."""
    problems = []
    for scheme in ("light", "dark"):
        context = phone_context(browser, scheme, True)
        page = context.new_page()
        open_page(page, site.url, True)
        page.tap("label.md-header__button[for=__search]")
        page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
        ring = page.evaluate(MEASURE_RING)
        context.close()
        if ring["style"] == "none" or ring["width"] < 2:
            problems.append(f"{scheme}: focus ring {ring}")
        elif ring["contrast"] < MIN_CONTRAST:
            problems.append(f"{scheme}: focus ring {ring['colour']} has {ring['contrast']:.2f}:1 against {ring['bg']}")
    assert not problems, problems


MEASURE_RING = """() => {""" + COLOURS_JS + """
  const el = document.activeElement, s = getComputedStyle(el);
  const bg = behind(el);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor, bg: String(bg),
          contrast: ratio(over(parse(s.outlineColor), bg), bg)};
}"""


TAP_RECORDER = """() => {
  window.__tapped = [];
  document.addEventListener('click', event => {
    const a = event.target.closest('a');
    if (!a) return;
    window.__tapped.push(a.getAttribute('href'));
    if (!a.getAttribute('href').startsWith('.') && !a.getAttribute('href').startsWith('#')) event.preventDefault();
  }, true);
}"""


def _tap_center(page: Page, locator) -> None:
    """A tap in the middle of the target (of its first line, if a link wraps)."""
    locator.scroll_into_view_if_needed()
    box = locator.evaluate("e => { const r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2] }")
    page.touchscreen.tap(*box)


def test_the_journey_takes_one_tap(site: LoopbackServer, browser: Browser) -> None:
    """From the home page one tap reaches each cause page, the complaint builder and each
    official channel; from each cause page one tap, without scrolling, opens each channel.
    A tap lands on the point under the thumb, so nothing may cover the target. Channels leave
    the site: the tap is recorded and stopped there (no request leaves loopback)."""
    expected = registry_hrefs()
    context = phone_context(browser, "light", True)
    page = context.new_page()
    problems = []
    for target in [*CAUSES, "susun-pengaduan/"]:
        open_page(page, site.url, True)
        link = page.locator(f"article a[href$='{target}']").first
        with page.expect_navigation():
            _tap_center(page, link)
        if page.url != site.url + target:
            problems.append(f"home: tapping the link to /{target} opened {page.url}")
    for start in ["", *CAUSES]:
        for n, href in enumerate(expected):
            open_page(page, site.url + start, True)
            page.evaluate(TAP_RECORDER)
            selector = ".pilihan--kanal a" if start == "" else ".bantuan-cepat__tombol"
            link = page.locator(selector).nth(n)
            box = link.bounding_box()
            if start and box["y"] + box["height"] > PHONE["height"]:
                problems.append(f"/{start}: channel {href} needs scrolling")
                continue
            _tap_center(page, link)
            tapped = page.evaluate("window.__tapped")
            if tapped != [href]:
                problems.append(f"/{start}: one tap on channel {n + 1} opened {tapped}; expected [{href!r}]")
    context.close()
    assert not problems, "\n".join(problems)


def test_dark_palette_without_javascript_matches_the_dark_palette(site: LoopbackServer, browser: Browser) -> None:
    """base.css copies Material's dark ("slate") variables for readers without JavaScript
    whose system is dark: they must see what the theme's script shows them."""
    probes = {
        "body": "body",
        "text": "article p",
        "link": "article p a",
        "heading": "article h2",
        "code": ".teks-salin pre",
        "footer": ".md-footer-meta",
        "menu": ".md-nav__link",
    }
    script = """probes => Object.fromEntries(Object.entries(probes).map(([k, sel]) => {
        const s = getComputedStyle(document.querySelector(sel));
        return [k, [s.color, s.backgroundColor]];
    }))"""
    seen = {}
    for js in (True, False):
        context = phone_context(browser, "dark", js)
        page = context.new_page()
        open_page(page, site.url + "teks-siap-pakai/", js)
        seen[js] = page.evaluate(script, probes)
        context.close()
    assert seen[False]["body"][1] != "rgb(255, 255, 255)", "without JavaScript a dark system still gets the light palette"
    differ = {k: (seen[True][k], seen[False][k]) for k in probes if seen[True][k] != seen[False][k]}
    assert not differ, f"dark palette with JavaScript vs without (color, background): {differ}"


def test_theme_strings_are_indonesian(site_dir: Path, site: LoopbackServer, browser: Browser) -> None:
    """The custom translation partial keeps every key of Material's own Indonesian file and
    the strings a reader sees or hears are Indonesian (no "clipboard", "Header", "Footer")."""
    import material

    theirs = Path(material.__file__).parent / "templates/partials/languages/id.html"
    ours = ROOT / "overrides/partials/languages/id.html"
    keys = re.compile(r'^\s*"([\w.]+)":', re.MULTILINE)
    missing = set(keys.findall(theirs.read_text(encoding="utf-8"))) - set(keys.findall(ours.read_text(encoding="utf-8")))
    assert not missing, f"overrides/partials/languages/id.html lacks Material's keys {sorted(missing)}"
    context = phone_context(browser, "light", True)
    page = context.new_page()
    open_page(page, site.url + "teks-siap-pakai/", True)
    labels = page.evaluate("""() => [...document.querySelectorAll('[aria-label], [title]')]
        .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title')]).filter(Boolean)""")
    context.close()
    english = [t for t in labels if re.search(r"(?i)\b(clipboard|header|footer|copy|back to top)\b", t)]
    assert not english, f"English theme strings on /teks-siap-pakai/: {english}"
    assert {"Kepala halaman", "Kaki halaman", "Salin teks"} <= set(labels), sorted(set(labels))


def test_recovery_path_is_a_list_of_linked_steps(site: LoopbackServer, site_dir: Path) -> None:
    """The recovery path is text, not a picture of buttons: an ordered list whose every step
    is a link to where that step is explained, each target existing on the site."""
    soup = BeautifulSoup((site_dir / "pemulihan/index.html").read_text(encoding="utf-8"), "html.parser")
    steps = soup.select("article .alur ol > li")
    assert len(steps) == 5, [s.get_text(" ", strip=True) for s in steps]
    assert not soup.select("article img[src*='alur'], article img[alt^='Alur']"), "the diagram picture is back"
    for step in steps:
        links = step.find_all("a")
        assert len(links) == 1 and step.get_text(strip=True) == links[0].get_text(strip=True), (
            f"step {step.get_text(' ', strip=True)!r} is not one link"
        )
        url = urljoin(site.url + "pemulihan/", links[0]["href"])
        path, _, anchor = url.removeprefix(site.url).partition("#")
        target = site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
        assert target.is_file(), f"step links to {url}, which is not on the site"
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8") or f"id={anchor}" in target.read_text(encoding="utf-8"), url


@pytest.mark.builds
def test_a_help_bar_page_without_a_first_paragraph_fails_the_build(tmp_path: Path) -> None:
    """The help bar goes after the first paragraph: a cause page that starts with a list
    instead fails the strict build, naming the file and line."""
    project = copy_project(tmp_path / "project")
    page = project / "docs/penyebab/data-palsu.md"
    text = page.read_text(encoding="utf-8")
    h1 = re.search(r"^# .*$", text, re.MULTILINE)
    page.write_text(text[: h1.end()] + "\n\n- Daftar, bukan paragraf.\n" + text[h1.end():], encoding="utf-8")
    line = text[: h1.start()].count("\n") + 1
    result = build_site(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0, "the build passed without a paragraph after the H1"
    assert f"docs/penyebab/data-palsu.md:{line}: the H1 is not followed by a paragraph" in result.output, result.output[-2000:]


def test_copy_buttons_move_no_text_when_they_arrive(site: LoopbackServer, browser: Browser) -> None:
    """The theme's script adds the copy buttons after the first paint: the band they sit in
    is there before, so the texts do not jump (layout shift) when they arrive."""
    first_line = """() => [...document.querySelectorAll('article pre > code')].map(code => {
        const range = document.createRange();
        range.setStart(code.firstChild, 0);
        range.setEnd(code.firstChild, 1);
        return Math.round(range.getBoundingClientRect().top + scrollY);
    })"""
    tops = {}
    for theme in ("before", "after"):
        context = phone_context(browser, "light", True)
        if theme == "before":
            context.route(re.compile(r".*/bundle\.[^/]*\.js$"), lambda route: route.abort())
        page = context.new_page()
        open_page(page, site.url + "teks-siap-pakai/", theme == "after")
        tops[theme] = page.evaluate(first_line)
        buttons = page.locator(".md-code__button").count()
        context.close()
        assert (buttons > 0) == (theme == "after"), f"{buttons} copy buttons {theme} the theme script"
    assert len(tops["after"]) == 3 and tops["before"] == tops["after"], f"first text lines moved: {tops}"


# The header's two topics: the site's name, and the page's title that replaces it on
# scrolling (Material marks the title --active then).
HEADER_TITLE_JS = """() => {
  const header = document.querySelector(".md-header").getBoundingClientRect()
  const title = document.querySelector(".md-header__topic + .md-header__topic .md-ellipsis")
  const range = document.createRange()
  range.selectNodeContents(title)
  const lines = [...range.getClientRects()]
  const clip = title.getBoundingClientRect()
  // the lines of the title the reader sees whole: inside the header and the title's box
  const whole = lines.filter(r => r.top >= Math.max(header.top, clip.top) - 1 && r.bottom <= Math.min(header.bottom, clip.bottom) + 1)
  const cut = lines.filter(r => r.bottom > Math.max(header.top, clip.top) + 1 && r.top < Math.min(header.bottom, clip.bottom) - 1 && !whole.includes(r))
  return {lines: lines.length, whole: whole.length, cut: cut.length, text: title.textContent.trim()}
}"""


def test_the_page_title_in_the_header_fits_the_header(site: LoopbackServer, site_dir: Path, browser: Browser) -> None:
    """Scrolled down, the header shows the page's title: the longest titles too stay inside
    the header (at most two lines, cut with an ellipsis), not clipped at both ends."""
    def h1(rel: str) -> str:
        found = BeautifulSoup((site_dir / rel / "index.html").read_text(encoding="utf-8"), "html.parser").h1
        return found.get_text(" ", strip=True) if found else ""

    longest = sorted(site_pages(site, site_dir), key=lambda rel: len(h1(rel)), reverse=True)[:4]
    context = phone_context(browser, "light", True)
    page = context.new_page()
    problems = []
    for rel in longest:
        open_page(page, site.url + rel, True)
        page.mouse.wheel(0, 1200)
        page.wait_for_selector(".md-header__title--active", timeout=5000)
        m = page.evaluate(HEADER_TITLE_JS)
        if m["cut"] or not m["whole"]:
            problems.append(f"/{rel}: the title {m['text']!r} shows {m['cut']} line(s) cut by the header's edge")
    context.close()
    assert not problems, "\n".join(problems)
