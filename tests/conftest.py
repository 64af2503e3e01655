"""Session fixtures: the site is built once, strictly, and served on loopback.

Every test gets one marker from what it uses (pyproject.toml registers them), so that
`make check` can leave out the slow ones; a test may also carry one explicitly:
- `browser`: drives headless Chromium (the `browser` fixture);
- `builds`: builds a copy of the project of its own (copy_project, build_site, zensical);
- `site`: reads the session's one strict build (`site`, `site_dir`);
- `sources`: reads the sources only (docs/, mkdocs.yml), no build.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from sitetools import ROOT, LoopbackServer, build_site, chromium_path

_KINDS = ("browser", "builds", "site", "sources")
_BUILDS = ("copy_project(", "build_site(", "zensical_build(", "zensical_site", "subprocess.run(")


def _kind(item: pytest.Item) -> str:
    fixtures = set(getattr(item, "fixturenames", ()))
    if "browser" in fixtures:
        return "browser"
    try:
        source = inspect.getsource(item.function)  # type: ignore[attr-defined]
    except (OSError, TypeError, AttributeError):
        source = ""
    if any(mark in source for mark in _BUILDS) or fixtures & {"zensical_site", "engine_site"}:
        return "builds"
    if fixtures & {"site", "site_dir"}:
        return "site"
    return "sources"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not any(item.get_closest_marker(kind) for kind in _KINDS):
            item.add_marker(_kind(item))


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
