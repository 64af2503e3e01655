"""Accessibility (WCAG 2.2 AA) of the built site, in a real headless Chromium.

- axe-core (the copy bundled with axe-playwright-python, injected from disk: nothing is
  fetched) with the WCAG 2.0/2.1/2.2 A and AA rules, on every page, in both palettes, plus
  the states a page only reaches by use: search results shown, the phone navigation drawer open;
- the keyboard alone reaches and uses search, navigation and a copy button, and always shows
  where the focus is;
- with JavaScript off, every page's content and navigation are there and usable;
- links to other sites open safely and say that they leave the site.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page
from sitetools import THEME_READY, LoopbackServer, goto_with_theme, html_files, page_urls

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# Material's palettes in mkdocs.yml: the browser's colour-scheme preference picks one.
PALETTES = {"light": "default", "dark": "slate"}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
SEARCH_QUERY = "akun"
EXTERNAL_NOTE = "(membuka situs lain)"

# Style of the focused element: a visible focus indicator is an outline or a box shadow.
_FOCUS_STYLE = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // A visually hidden input (Material's palette switch, the phone menu checkbox) shows its
  // focus on a label of it that is on screen.
  const box = focused.getBoundingClientRect();
  const hidden = box.width === 0 || getComputedStyle(focused).opacity === '0';
  const shown = l => l && l.tagName === 'LABEL' && l.getBoundingClientRect().width > 0;
  const label = [focused.nextElementSibling, ...(focused.labels || [])].find(shown);
  const e = hidden && label ? label : focused;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    what: `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent || '').trim().slice(0, 40)}`,
    outline: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0,
    shadow: s.boxShadow,
    inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0,
  };
}"""


# No transition or finite animation still running (an endless one, like a spinner, never ends).
_SETTLED = """() => document.getAnimations().every(
  a => a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity)"""


def _all_pages(site: LoopbackServer, site_dir: Path) -> list[str]:
    return page_urls(site_dir) + [site.url + "404.html"]


def _axe(page: Page, label: str) -> list[str]:
    # Measure the state the reader sees, not a fade-in half way (e.g. the search overlay).
    page.wait_for_function(_SETTLED)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)  # the file bundled with axe-playwright-python: no download
    results = page.evaluate("options => axe.run(options)", AXE_OPTIONS)
    assert results["testEngine"]["name"] == "axe-core" and results["toolOptions"]["runOnly"]["values"] == WCAG_TAGS
    return [
        f"{label}: {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {n['target']}: {n['failureSummary']}" for n in v["nodes"][:5])
        for v in results["violations"]
    ]


def _switch_palette(page: Page) -> str:
    """Use the theme's own palette switch, as a reader does; returns the new scheme."""
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("[data-md-component='palette'] label >> visible=true").click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=before)
    return page.locator("body").get_attribute("data-md-color-scheme") or ""


def test_axe_finds_no_wcag_violation_on_any_page_in_either_palette(
    site: LoopbackServer, site_dir: Path, browser: Browser
) -> None:
    problems: list[str] = []
    checked: dict[str, set[str]] = {}
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    # Each page in the palette it opens with (the one chosen last), then in the other one.
    for url in _all_pages(site, site_dir):
        goto_with_theme(page, url)
        scheme = page.locator("body").get_attribute("data-md-color-scheme") or ""
        problems += _axe(page, f"{url} [{scheme}]")
        other = _switch_palette(page)
        problems += _axe(page, f"{url} [{other}]")
        checked[url] = {scheme, other}
    context.close()
    assert all(schemes == set(PALETTES.values()) for schemes in checked.values()), checked

    for palette in PALETTES:
        # Search results, with the query highlighted, only exist once the reader searches.
        context = browser.new_context(color_scheme=palette)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(site.url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[palette]
        page.wait_for_function(THEME_READY)
        page.keyboard.press("/")
        page.keyboard.type(SEARCH_QUERY)
        page.locator(".md-search-result__item").first.wait_for()
        problems += _axe(page, f"search results for {SEARCH_QUERY!r} [{palette}]")
        context.close()

        # The phone layout: full-screen search results, then the navigation drawer open.
        context = browser.new_context(color_scheme=palette, **PHONE)  # type: ignore[arg-type]
        page = context.new_page()
        goto_with_theme(page, site.url)
        page.locator("label.md-header__button[for='__search']").click()
        page.keyboard.type(SEARCH_QUERY)
        page.locator(".md-search-result__item").first.wait_for()
        problems += _axe(page, f"phone search results for {SEARCH_QUERY!r} [{palette}]")
        page.goto(site.url)
        page.locator(".md-header label[for='__drawer']").click()
        page.locator(".md-sidebar--primary .md-nav__link[href] >> visible=true").first.wait_for()
        problems += _axe(page, f"phone navigation drawer [{palette}]")
        context.close()
    assert not problems, "\n".join(problems)


_NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"


def _without_transitions(page: Page) -> None:
    """The end state of each key press is what is checked, not a panel half way through
    sliding in; without transitions it is there at once (and the test stays fast)."""
    page.add_style_tag(content=_NO_TRANSITIONS)


def _press_tab(page: Page) -> dict | None:
    """Tab once and return how the focused element looks, once nothing moves any more."""
    page.keyboard.press("Tab")
    if not page.evaluate(_SETTLED):
        page.wait_for_function(_SETTLED)
    return page.evaluate(_FOCUS_STYLE)


def _tab_to(page: Page, selector: str, *, limit: int = 60) -> list[str]:
    """Press Tab until the focus is on an element matching `selector`; check on the way that
    every focused element shows a focus indicator and is on screen. Returns the problems."""
    problems: list[str] = []
    for _ in range(limit):
        focus = _press_tab(page)
        if focus is None:
            continue
        if focus["outline"] < 2 and focus["shadow"] == "none":
            problems.append(f"{page.url}: no visible focus indicator on {focus['what']}")
        if not focus["inView"]:
            problems.append(f"{page.url}: focused element is off screen: {focus['what']}")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return problems
    raise AssertionError(f"{page.url}: {limit} presses of Tab never reached {selector}")


def _soup(site_dir: Path, url: str) -> BeautifulSoup:
    path = site_dir / urlsplit(url).path.lstrip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _first_page_with_code(site_dir: Path, site: LoopbackServer) -> str:
    for url in page_urls(site_dir):
        if _soup(site_dir, url).select_one("article pre > code"):
            return url
    raise AssertionError("no page has a code block, so no copy button can be tested")


def test_keyboard_alone_reaches_and_uses_search_navigation_and_copy(
    site: LoopbackServer, site_dir: Path, browser: Browser
) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    problems: list[str] = []

    # Search: Tab to the search field, type, arrow down to a result, Enter opens it.
    goto_with_theme(page, site.url)
    _without_transitions(page)
    problems += _tab_to(page, "input.md-search__input")
    page.keyboard.type(SEARCH_QUERY)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')"), "ArrowDown did not reach a result"
    problems += [] if page.evaluate(_FOCUS_STYLE)["outline"] >= 2 else ["search result: no visible focus"]
    target = urlsplit(page.evaluate("document.activeElement.href"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: urlsplit(u).path == target.path)
    assert SEARCH_QUERY in page.locator("article").inner_text().lower()

    # Navigation: Tab to a link of the site navigation to another page, Enter follows it.
    page.goto(site.url)
    _without_transitions(page)
    nav_link = ".md-sidebar--primary .md-nav__link[href]:not(.md-nav__link--active):not([href^='#'])"
    problems += _tab_to(page, nav_link)
    target = urlsplit(page.evaluate("document.activeElement.href"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: urlsplit(u).path == target.path)
    assert target.path != "/"

    # Copy button: as a keyboard user gets past the menus on a long page (the webinar kit
    # has about 50 menu and table-of-contents links before its first copy box): the skip
    # link, the first stop, then Tab to the first copy button; Enter copies the code block.
    goto_with_theme(page, _first_page_with_code(site_dir, site))
    _without_transitions(page)
    problems += _tab_to(page, "a.md-skip", limit=1)
    page.keyboard.press("Enter")
    problems += _tab_to(page, "button.md-clipboard, button.md-code__button", limit=40)
    expected = page.evaluate(
        "document.querySelector(document.activeElement.dataset.clipboardTarget).innerText"
    )
    page.keyboard.press("Enter")
    page.locator(".md-dialog--active").wait_for()  # Material's "copied" message
    assert page.evaluate("navigator.clipboard.readText()").strip() == expected.strip()
    context.close()
    assert not problems, "\n".join(problems)


# Navigation links and section labels a reader can actually see and tap: inside the window
# and not covered by anything (a closed drawer or panel is moved off screen, not hidden).
_NAV_ON_SCREEN = """() => [...document.querySelectorAll(
    '.md-sidebar--primary a.md-nav__link[href], .md-sidebar--primary label.md-nav__link[for^="__nav"],'
    + ' .md-sidebar--primary label.md-nav__title[for^="__nav"]')].filter(e => {
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height) return false;
  const t = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return t !== null && (t === e || e.contains(t));
}).map(e => e.href ? {href: new URL(e.href).pathname} : {toggle: e.htmlFor, back: e.classList.contains('md-nav__title')})"""


def _settle(page: Page) -> None:
    """Wait until CSS transitions (drawer, panels) end; polled, as page scripts are off."""
    for _ in range(100):
        if page.evaluate(_SETTLED):
            return
        page.wait_for_timeout(20)


def _open_drawer(page: Page) -> None:
    # The slide-in animations only cost test time: the end state is what is checked.
    # (Not add_style_tag: it waits for a load event that never comes with scripts off.)
    page.evaluate("""() => document.head.append(Object.assign(document.createElement('style'),
        {textContent: '*, *::before, *::after { transition: none !important; }'}))""")
    page.locator(".md-header label[for='__drawer']").click()
    _settle(page)


def _phone_nav_reachable(page: Page) -> set[str]:
    """Every page path reachable from the open phone drawer by tapping section labels
    (CSS-only checkbox toggles) and their "back" titles."""
    reachable: set[str] = set()

    def walk(depth: int) -> None:
        items = page.evaluate(_NAV_ON_SCREEN)
        reachable.update(i["href"] for i in items if "href" in i)
        if depth == 0:
            return
        for section in [i["toggle"] for i in items if "toggle" in i and not i["back"]]:
            page.locator(f".md-sidebar--primary label.md-nav__link[for='{section}']").click()
            _settle(page)
            walk(depth - 1)
            page.locator(f".md-sidebar--primary label.md-nav__title[for='{section}']").click()
            _settle(page)

    walk(3)
    return reachable


@pytest.mark.parametrize("theme_script", ["loaded", "not yet"])
@pytest.mark.parametrize("layout", ["phone", "tablet", "desktop"])
def test_every_focus_stop_is_on_screen_and_visibly_focused(
    site: LoopbackServer, site_dir: Path, browser: Browser, layout: str, theme_script: str
) -> None:
    viewport = {"phone": PHONE, "tablet": {"viewport": {"width": 1000, "height": 800}},
                "desktop": {"viewport": {"width": 1280, "height": 800}}}[layout]
    context = browser.new_context(**viewport)  # type: ignore[arg-type]
    if theme_script == "not yet":
        # Material's bundle comes after the page (overrides/partials/lazy-scripts.html): a
        # reader may press Tab before it runs, as without JavaScript.
        context.route(re.compile(r".*/bundle\.[^/]*\.js$"), lambda route: route.abort())
    page = context.new_page()
    page.goto(_first_page_with_code(site_dir, site))  # nav, links and copy buttons
    if theme_script == "loaded":
        page.wait_for_function(THEME_READY)
    _without_transitions(page)
    layout = f"{layout}, theme script {theme_script}"
    problems: list[str] = []
    stops = 0
    for _ in range(150):
        focus = _press_tab(page)
        if focus is None:  # past the last element: the whole page was walked
            break
        stops += 1
        if focus["outline"] < 2 and focus["shadow"] == "none":
            problems.append(f"[{layout}] no visible focus indicator on {focus['what']}")
        if not focus["inView"]:
            problems.append(f"[{layout}] focused element is off screen: {focus['what']}")
    else:
        problems.append(f"[{layout}] 150 presses of Tab did not reach the end of the page")
    context.close()
    assert stops > 10 and not problems, "\n".join(problems)


def test_keyboard_alone_opens_the_phone_menu_and_follows_a_link(site: LoopbackServer, browser: Browser) -> None:
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site.url)
    _without_transitions(page)
    problems = _tab_to(page, "input[data-md-toggle='drawer']")
    page.keyboard.press("Space")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Space did not open the menu"
    nav_link = ".md-sidebar--primary a.md-nav__link[href]:not([href='.']):not([href^='#'])"
    problems += _tab_to(page, nav_link)
    target = urlsplit(page.evaluate("document.activeElement.href"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: urlsplit(u).path == target.path)
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("layout", ["desktop", "phone"])
def test_every_page_is_readable_and_navigable_without_javascript(
    site: LoopbackServer, site_dir: Path, browser: Browser, layout: str
) -> None:
    # Desktop: a window tall enough for the whole (sticky) sidebar, so every link in it can
    # be on screen at once.
    options = PHONE if layout == "phone" else {"viewport": {"width": 1280, "height": 2000}}
    context = browser.new_context(java_script_enabled=False, **options)  # type: ignore[arg-type]
    page = context.new_page()
    problems: list[str] = []
    urls = page_urls(site_dir)
    paths = {urlsplit(u).path for u in urls}
    for url in urls:
        page.goto(url)
        # Proof that scripts really are off: the theme's script would replace "no-js".
        assert "no-js" in (page.locator("html").get_attribute("class") or ""), url
        article = page.locator("article.md-content__inner")
        if not article.locator("h1").is_visible() or len(article.inner_text().strip()) < 100:
            problems.append(f"{url}: the article is not visible")
        # Controls that need JavaScript must not be offered.
        for control in (".md-search", "[data-md-component='palette']"):
            if page.locator(control).first.is_visible():
                problems.append(f"{url}: {control} is shown but cannot work without JavaScript")
        if layout == "phone":
            _open_drawer(page)
            on_screen = page.evaluate(_NAV_ON_SCREEN)
            if not any("href" in i for i in on_screen) or not any("toggle" in i or i["href"] == "/" for i in on_screen):
                problems.append(f"{url} [phone]: the open menu shows no way to the other pages: {on_screen}")
        else:
            shown = {i["href"] for i in page.evaluate(_NAV_ON_SCREEN) if "href" in i}
            if paths - shown - {urlsplit(url).path}:
                problems.append(f"{url} [desktop]: navigation does not show {sorted(paths - shown)}")
    if layout == "phone":
        page.goto(site.url)
        _open_drawer(page)
        missing = paths - _phone_nav_reachable(page) - {"/"}
        if missing:
            problems.append(f"phone menu without JavaScript: no way to reach {sorted(missing)}")

    # Following a navigation link works without scripts too.
    page.goto(site.url)
    if layout == "phone":
        _open_drawer(page)
    target = [i["href"] for i in page.evaluate(_NAV_ON_SCREEN) if "href" in i and i["href"] != "/"][-1]
    page.locator(f".md-sidebar--primary a.md-nav__link[href='{target.lstrip('/')}']").click()
    page.wait_for_url(lambda u: urlsplit(u).path == target)
    assert page.locator("article h1").is_visible()
    context.close()
    assert not problems, "\n".join(problems)


def _external(href: str, own_host: str) -> bool:
    parts = urlsplit(href)
    return parts.scheme in ("http", "https") and parts.netloc != own_host


def test_external_links_open_safely_and_say_they_leave_the_site(site: LoopbackServer, site_dir: Path) -> None:
    own_host = urlsplit(site.url).netloc
    problems: list[str] = []
    external = 0
    for path in html_files(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect page: nothing to read
        for a in soup.find_all("a", href=True):
            rel = set(a.get("rel") or [])
            note = a.find(class_="tautan-luar__catatan")
            name = f"{path.relative_to(site_dir)}: <a href={a['href']!r}>"
            if _external(a["href"], own_host):
                external += 1
                if not {"noopener", "noreferrer", "external"} <= rel:
                    problems.append(f"{name} has rel={sorted(rel)}, expected noopener, noreferrer, external")
                if note is None or note.get_text().strip() != EXTERNAL_NOTE:
                    problems.append(f"{name} does not say that it leaves the site")
            elif note is not None or "external" in rel:
                problems.append(f"{name} stays on the site but is marked as leaving it")
    assert external > 0, "no link to another site found: nothing was checked"
    # The note is added after the search index is made: it must not be found by search.
    assert EXTERNAL_NOTE not in (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert not problems, "\n".join(problems)


def test_external_link_marker_is_announced_and_shown(site: LoopbackServer, site_dir: Path, browser: Browser) -> None:
    own_host = urlsplit(site.url).netloc
    url = next(
        (u for u in page_urls(site_dir)
         if any(_external(a["href"], own_host) for a in _soup(site_dir, u).select("article a[href]"))),
        None,
    )
    assert url, "no page links to another site in its text: nothing to check"
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    link = page.locator("article a[rel~='external']").first
    # Screen readers: the link's accessible name ends with the note...
    assert link.get_attribute("href") and EXTERNAL_NOTE in (link.evaluate("a => a.textContent") or "")
    assert page.get_by_role("link", name=EXTERNAL_NOTE, exact=False).count() >= 1
    # ...which is not shown as text; an icon is shown instead.
    note_box = link.locator(".tautan-luar__catatan").bounding_box()
    assert note_box is not None and note_box["width"] <= 1 and note_box["height"] <= 1
    icon = link.evaluate("a => { const s = getComputedStyle(a, '::after'); return [s.content, s.width, s.maskImage || s.webkitMaskImage]; }")
    assert icon[0] != "none" and float(icon[1].rstrip("px")) >= 8 and icon[2].startswith("url("), icon
    context.close()
