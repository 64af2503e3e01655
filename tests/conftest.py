"""Session fixtures: the site is built once, strictly, and served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from sitetools import ROOT, LoopbackServer, build_site, chromium_path


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoopbackServer]:
    """The real site: strict build into a temp dir, served over HTTP on loopback."""
    site_dir = tmp_path_factory.mktemp("site")
    server = LoopbackServer(site_dir)
    result = build_site(ROOT, site_dir, server.url)
    if result.returncode != 0:
        server.stop()
        pytest.fail(f"strict build failed:\n{result.output}", pytrace=False)
    server.build_output = result.output  # type: ignore[attr-defined]
    server.site_dir = site_dir  # type: ignore[attr-defined]
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_dir(site: LoopbackServer) -> Path:
    return site.site_dir  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from sitetools import CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
