"""Session fixtures: the site is built once, strictly, and served on loopback.

Every test has one tier (pyproject.toml registers them), so that `make check` can leave out
the slow ones:
- `browser`: drives headless Chromium (it uses the `browser` fixture: given here);
- `builds`: builds a copy of the project of its own: marked explicitly with
  `@pytest.mark.builds`; sitetools refuses to build for a test without that mark;
- `site`: reads the session's one strict build (`site`, `site_dir`: given here);
- `sources`: everything else, reading the sources only (docs/, mkdocs.yml).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sitetools
from playwright.sync_api import Browser, sync_playwright
from searchtools import NodeMissing, WorkerScope
from sitetools import ROOT, LoopbackServer, build_site, chromium_path

_KINDS = ("browser", "builds", "site", "sources")


def _kind(item: pytest.Item) -> str:
    fixtures = set(getattr(item, "fixturenames", ()))
    if "browser" in fixtures:
        return "browser"
    if fixtures & {"site", "site_dir"}:
        return "site"
    return "sources"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not any(item.get_closest_marker(kind) for kind in _KINDS):
            item.add_marker(_kind(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    # What sitetools checks before it builds a copy of the project (or the session's site).
    sitetools.RUNNING_TIERS.clear()
    sitetools.RUNNING_TIERS.update(kind for kind in _KINDS if item.get_closest_marker(kind))
    return (yield)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoopbackServer]:
    """The real site: strict build into a temp dir, served over HTTP on loopback."""
    site_dir = tmp_path_factory.mktemp("site")
    # LinkChecker's own header lifts its politeness delay (0.1-0.6 s a request) for this host:
    # the server is ours and on loopback, and the delay made the link check take minutes.
    server = LoopbackServer(site_dir, headers={"LinkChecker": "loopback test server"})
    result = build_site(ROOT, site_dir, server.url, session=True)
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


@pytest.fixture(scope="module")
def lunr_page(site_dir: Path) -> Iterator[WorkerScope]:
    """The site's search worker scope in Node: its lunr with the site's lunr.id loaded."""
    try:
        scope = WorkerScope(site_dir)
    except NodeMissing as error:
        pytest.fail(str(error), pytrace=False)
    yield scope
    scope.close()
