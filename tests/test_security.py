"""Security headers: the `_headers` file the build writes, and the site served under it.

The policy is checked against the built HTML with an independent parser (every inline script
the browser runs has its hash in script-src), then the site is served on loopback with
exactly the headers of `_headers` and a real Chromium loads every built HTML file, searches
and copies a code block, while listening for Content-Security-Policy violations.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page
from sitetools import THEME_READY, LoopbackServer, build_site, copy_project, goto_with_theme, html_files

# Script types a browser runs; anything else (application/json, ld+json) is data.
_RUNNABLE = {None, "", "text/javascript", "application/javascript", "module"}

# Collects violations from the first moment of every document.
_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
"""


def parse_headers_file(path: Path) -> dict[str, dict[str, str]]:
    """Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        name, sep, value = line.strip().partition(":")
        assert current is not None and sep and name.strip(), f"{path.name}, line {number}: not a header: {line!r}"
        current[name.strip()] = value.strip()
    return rules


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            assert name.lower() not in directives, f"directive {name} given twice"
            directives[name.lower()] = sources
    return directives


@pytest.fixture(scope="module")
def headers(site_dir: Path) -> dict[str, str]:
    rules = parse_headers_file(site_dir / "_headers")
    # One rule for every path keeps the test server exactly like the static host.
    assert list(rules) == ["/*"], f"_headers has rules for {list(rules)}; the tests serve only '/*'"
    return rules["/*"]


def test_headers_file_sets_a_strict_policy(headers: dict[str, str]) -> None:
    csp = parse_csp(headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src", "connect-src", "worker-src", "img-src"):
        sources = csp[directive]
        assert "'self'" in sources, directive
        loose = [s for s in sources if s in ("*", "'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "blob:")
                 or "://" in s]
        assert not loose, f"{directive} allows {loose}"
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    features = dict(f.strip().split("=", 1) for f in headers["Permissions-Policy"].split(","))
    assert {"camera", "microphone", "geolocation"} <= set(features) and set(features.values()) == {"()"}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else_inline(
    site_dir: Path, headers: dict[str, str]
) -> None:
    script_src = set(parse_csp(headers["Content-Security-Policy"])["script-src"])
    needed: set[str] = set()
    problems: list[str] = []
    for path in html_files(site_dir):
        name = path.relative_to(site_dir).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script", src=False):
            if script.get("type") in _RUNNABLE:
                needed.add(_sha256(script.string or ""))
        for tag in soup.find_all(True):
            for attr in tag.attrs:
                if attr.startswith("on") or attr == "style":
                    problems.append(f"{name}: <{tag.name} {attr}=...> is inline code the policy blocks")
        for a in soup.find_all(href=re.compile(r"^\s*javascript:", re.IGNORECASE)):
            problems.append(f"{name}: {a} is a javascript: URL")
    assert needed, "no inline script found: the theme has some, so the scan is broken"
    missing = needed - script_src
    assert not missing, f"inline scripts without their hash in script-src: {missing}"
    unused = {s for s in script_src if s.startswith("'sha256-")} - needed
    assert not unused, f"script-src allows hashes of no script on the site: {unused}"
    assert not problems, "\n".join(problems)


@contextmanager
def served_with_csp_listener(site_dir: Path, headers: dict[str, str], browser: Browser) -> Iterator[tuple[str, Page]]:
    """(URL, Chromium page) of `site_dir` served with `headers`; every document of the page
    collects its CSP violations in window.__cspViolations."""
    server = LoopbackServer(site_dir, headers=headers).start()
    context = browser.new_context()
    try:
        context.add_init_script(_CSP_LISTENER)
        yield server.url, context.new_page()
    finally:
        context.close()
        server.stop()


def test_site_served_with_its_own_headers_shows_no_csp_violation(
    site: LoopbackServer, site_dir: Path, browser: Browser, headers: dict[str, str]
) -> None:
    with served_with_csp_listener(site_dir, headers, browser) as (base_url, page):
        problems: list[str] = []
        page.on("console", lambda m: problems.append(f"{page.url}: console {m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"{page.url}: page error: {e}"))

        def collect() -> None:
            problems.extend(f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []"))

        # Every built HTML file, redirect pages included (their inline script redirects), and
        # every copy button. Inline scripts are checked as the page parses, so "load" is enough.
        copied = 0
        for path in html_files(site_dir):
            url = base_url + path.relative_to(site_dir).as_posix().removesuffix("index.html")
            response = page.goto(url, wait_until="load")
            assert response is not None and response.ok, url
            assert response.headers.get("content-security-policy") == headers["Content-Security-Policy"], url
            if "http-equiv=\"refresh\"" in path.read_text(encoding="utf-8"):
                page.wait_for_url(lambda u, start=url: u != start)
                page.wait_for_load_state()
            page.wait_for_function(THEME_READY)  # Material adds the copy buttons
            buttons = page.locator("button.md-clipboard, button.md-code__button")
            for i in range(buttons.count()):
                buttons.nth(i).click()
                copied += 1
            if buttons.count():
                page.locator(".md-dialog--active").wait_for()  # Material's "copied" message
            collect()
        assert copied, "no copy button found: nothing was checked"

        # Search: the worker starts, fetches the index and answers.
        goto_with_theme(page, base_url, wait_until="networkidle")
        page.keyboard.press("/")
        page.keyboard.type("akun")
        page.locator(".md-search-result__item").first.wait_for()
        collect()

        assert not problems, "\n".join(problems)

        # The listener works: an inline script injected into the page must be reported.
        page.evaluate("() => { const s = document.createElement('script');"
                      " s.textContent = 'window.injected = 1'; document.body.append(s); }")
        # (Polled with evaluate: wait_for_function compiles its predicate, which the CSP forbids.)
        for _ in range(50):
            if page.evaluate("window.__cspViolations.length"):
                break
            page.wait_for_timeout(20)
        assert page.evaluate("window.__cspViolations[0]").startswith("script-src-elem blocked inline")
        assert page.evaluate("window.injected") is None


@pytest.mark.builds
def test_build_fails_on_inline_code_the_policy_would_block(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "tentang.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n\n<button type="button" onclick="alert(1)">Klik</button>\n\n<span style="color: red">Merah</span>\n',
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    for expected in ("tentang.md", "tentang/index.html", "onclick", "inline event handler", "style", "docs/assets/stylesheets/"):
        assert expected in result.output, f"{expected!r} not in:\n{result.output}"
