"""Swapping the engine cannot silently drop a guarantee: `make build` (scripts/build.sh)
with MkDocs and with Zensical runs the same checks (akun_diblokir/) and fails with the same
messages, naming file and line; both outputs get a `_headers` whose CSP allows exactly
their inline scripts."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitetools import ROOT, VENV_BIN, copy_project, html_files
from test_security import parse_csp, parse_headers_file, served_with_csp_listener

ENGINES = ("mkdocs", "zensical")
SITE_URL = "http://127.0.0.1:8000/"
PAGE = "docs/tentang.md"
# One fault per line of one page; each message can be told from the others.
# (Markdown line, what the message must say after `docs/tentang.md:<line>: `)
FAULTS = {
    "wrong call-center digit": ("Telepon 0800-150-3002 setiap hari.", "phone number '0800-150-3002'"),
    "superseded number": ("Nomor lama 021-25541246 juga bisa.", "phone number '021-25541246'"),
    "look-alike email domain": ("Tulis ke info@prakerja.co.id saja.", "email address 'info@prakerja.co.id' is not in the registry"),
    "WhatsApp link": ("[Chat admin](https://wa.me/6281234567890)", "messaging host (WhatsApp/Telegram) 'wa.me'"),
    "look-alike form host": ("[Formulir](https://bantuan-prakerja.id/hc/id/requests/new)",
                             "look-alike host (not an official Prakerja host) 'bantuan-prakerja.id'"),
    "mailto with another subject": ("[Email](mailto:info@prakerja.go.id?subject=Halo)",
                                    "mailto: link 'mailto:info@prakerja.go.id?subject=Halo' has subject 'Halo'"),
    "tel: to another number": ("[Telepon](tel:+628001503009)", "tel: link 'tel:+628001503009' (+628001503009)"),
}


def engine_build(project: Path, engine: str, site_dir: Path) -> tuple[int, str]:
    """`make build ENGINE=<engine>` of a copy: scripts/build.sh with the project's .venv."""
    env = dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", VENV=str(VENV_BIN.parent))
    proc = subprocess.run([str(project / "scripts" / "build.sh"), engine, str(site_dir)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


def broken_copy(dest: Path) -> tuple[Path, dict[str, int]]:
    """A copy with every fault put into PAGE (and no description in docs/faq.md)."""
    project = copy_project(dest)
    (project / "scripts").mkdir()
    (project / "scripts" / "build.sh").write_bytes((ROOT / "scripts" / "build.sh").read_bytes())
    (project / "scripts" / "build.sh").chmod(0o755)
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    head, sumber = text.split("\n## Sumber", 1)
    lines: dict[str, int] = {}
    for name, (markdown, _) in FAULTS.items():
        head += "\n\n" + markdown
        lines[name] = head.count("\n") + 1
    page.write_text(head + "\n\n## Sumber" + sumber, encoding="utf-8")
    faq = project / "docs" / "faq.md"
    faq.write_text(re.sub(r"^description:.*\n", "", faq.read_text(encoding="utf-8"), count=1, flags=re.M),
                   encoding="utf-8")
    return project, lines


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.builds
def test_every_fault_fails_the_build_of_either_engine_naming_file_and_line(tmp_path: Path, engine: str) -> None:
    project, lines = broken_copy(tmp_path / "project")
    code, out = engine_build(project, engine, tmp_path / "site")
    assert code != 0, out
    assert "Traceback" not in out, out
    for name, (_, message) in FAULTS.items():
        assert f"{PAGE}:{lines[name]}: {message}" in out, f"{name}: not reported as {PAGE}:{lines[name]}\n{out}"
    assert "docs/faq.md:1: front matter field 'description' is missing or empty" in out, out


@pytest.fixture(scope="module", params=ENGINES)
def engine_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built by each engine through `make build ENGINE=...` (scripts/build.sh)."""
    base = tmp_path_factory.mktemp(request.param)
    project = copy_project(base / "project")
    (project / "scripts").mkdir()
    (project / "scripts" / "build.sh").write_bytes((ROOT / "scripts" / "build.sh").read_bytes())
    (project / "scripts" / "build.sh").chmod(0o755)
    code, out = engine_build(project, request.param, base / "site")
    assert code == 0, out
    return base / "site"


def test_both_engines_output_a_policy_that_allows_their_inline_scripts_and_chromium_sees_no_violation(
    engine_site: Path, browser: Browser
) -> None:
    rules = parse_headers_file(engine_site / "_headers")
    assert list(rules) == ["/*"], rules
    headers = rules["/*"]
    script_src = parse_csp(headers["Content-Security-Policy"])["script-src"]
    assert "'unsafe-inline'" not in script_src and any(s.startswith("'sha256-") for s in script_src), script_src
    with served_with_csp_listener(engine_site, headers, browser) as (base_url, page):
        problems: list[str] = []
        pages = [p for p in html_files(engine_site) if "http-equiv" not in p.read_text(encoding="utf-8")[:2000]]
        assert len(pages) >= 15, pages
        for path in pages:
            url = base_url + path.relative_to(engine_site).as_posix().removesuffix("index.html")
            response = page.goto(url, wait_until="load")
            assert response is not None and response.headers.get("content-security-policy") == headers[
                "Content-Security-Policy"], url
            # The theme script comes after the first paint (overrides/partials/lazy-scripts.html).
            page.wait_for_function("() => !document.querySelector('script[data-after-load]')")
            page.wait_for_load_state("networkidle")
            problems += [f"{url}: {v}" for v in page.evaluate("window.__cspViolations || []")]
        assert not problems, "\n".join(problems)


@pytest.mark.builds
def test_both_engines_show_the_sources_the_change_notes_and_the_feed(engine_site: Path) -> None:
    """The Sumber list, "Riwayat perubahan" and /pembaruan/ come from the MkDocs hook
    or, with another engine, from the post-build pipeline; feed.xml is written either way."""
    import feedparser
    from bs4 import BeautifulSoup

    problems = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        url = "" if rel == "index" else (rel.removesuffix("index") if rel.endswith("/index") else rel + "/")
        soup = BeautifulSoup((engine_site / url / "index.html").read_text(encoding="utf-8"), "lxml")
        sumber = soup.select_one("article h2#sumber")
        # A page that states no fact (`sources: []`) says so in one sentence instead of a list.
        states_no_fact = re.search(r"^sources: \[\]", md.read_text(encoding="utf-8"), re.M) is not None
        following = sumber.find_next_sibling() if sumber is not None else None
        if states_no_fact:
            if following is None or following.name != "p" or "tidak memuat fakta" not in following.get_text():
                problems.append(f"/{url}: no sentence under the Sumber heading saying the page states no fact")
        elif following is None or following.name != "ul":
            problems.append(f"/{url}: no list under the Sumber heading")
        if soup.select_one("article h2#riwayat") is None:
            problems.append(f"/{url}: no 'Riwayat perubahan' heading")
    listing = BeautifulSoup((engine_site / "pembaruan" / "index.html").read_text(encoding="utf-8"), "lxml")
    feed = feedparser.parse((engine_site / "feed.xml").read_bytes())
    assert not problems, "\n".join(problems)
    assert not feed.bozo and len(feed.entries) >= 15, feed.get("bozo_exception")
    assert len(listing.select_one("article h2#daftar").find_next_sibling("ul").select("li time")) == len(feed.entries)
