"""The foundation: a strict build, working links, and pages that stay on their own host."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitetools import VENV_BIN, LoopbackServer, build_site, copy_project, page_urls


def test_build_prints_no_warning(site: LoopbackServer) -> None:
    output = site.build_output  # type: ignore[attr-defined]
    assert not re.search(r"\bWARNING\b", output), output


def test_sitemap_lists_pages(site: LoopbackServer, site_dir: Path) -> None:
    urls = page_urls(site_dir)
    assert site.url in urls
    assert all(u.startswith(site.url) for u in urls), urls


@pytest.mark.builds
def test_linkchecker_finds_no_broken_link_or_anchor(site: LoopbackServer, tmp_path: Path) -> None:
    config = tmp_path / "linkcheckerrc"
    # AnchorCheck makes linkchecker verify every #fragment against the target page.
    config.write_text("[checking]\nthreads=4\nmaxrequestspersecond=100\n[AnchorCheck]\n", encoding="utf-8")
    proc = subprocess.run(
        [str(VENV_BIN / "linkchecker"), "--config", str(config), "--no-status", "--no-warnings", site.url],
        capture_output=True,
        text=True,
        timeout=240,
    )
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"linkchecker found problems:\n{report}"
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", report)
    assert checked and int(checked.group(2)) >= len(page_urls(site.site_dir)), report  # type: ignore[attr-defined]


def test_every_page_loads_without_leaving_loopback_or_console_error(
    site: LoopbackServer, site_dir: Path, browser: Browser
) -> None:
    problems: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    current = {"url": ""}
    page.on("request", lambda r: None if r.url.startswith((site.url, "data:", "blob:"))
            else problems.append(f"{current['url']}: request leaves the site: {r.url}"))
    page.on("console", lambda m: problems.append(f"{current['url']}: console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{current['url']}: page error: {e}"))
    urls = page_urls(site_dir) + [site.url + "404.html"]
    for url in urls:
        current["url"] = url
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[hilang](halaman-yang-tidak-ada.md)", "halaman-yang-tidak-ada.md"),
        ("[hilang](tentang.md#bagian-yang-tidak-ada)", "bagian-yang-tidak-ada"),
    ],
    ids=["missing-page", "missing-heading"],
)
@pytest.mark.builds
def test_strict_build_fails_on_broken_markdown_link(tmp_path: Path, link: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    assert "index.md" in result.output and expected in result.output, result.output
