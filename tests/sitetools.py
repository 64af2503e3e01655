"""Test helpers: the package's local-site helpers (akun_diblokir/localsite.py), and the guard
that keeps builds out of the quick tiers (conftest.py sets the running test's tiers)."""

from __future__ import annotations

from pathlib import Path

from akun_diblokir import localsite
from akun_diblokir.config import load_config
from akun_diblokir.localsite import (  # noqa: F401 - the helpers the tests import from here
    CHROMIUM_ARGS,
    PROJECT_PARTS,
    ROOT,
    THEME_READY,
    VENV_BIN,
    BuildResult,
    LoopbackServer,
    chromium_path,
    free_port,
    goto_with_theme,
    html_files,
    page_urls,
)

# The tiers of the running test (conftest.py): only `builds` and `browser` tests build copies.
RUNNING_TIERS: set[str] = set()


def _may_build(what: str) -> None:
    if RUNNING_TIERS and not RUNNING_TIERS & {"builds", "browser"}:
        raise AssertionError(f"{what} in a test of tier {sorted(RUNNING_TIERS)}; expected @pytest.mark.builds on "
                             "a test that builds a copy of the project (make check leaves those out)")


def build_site(project: Path, site_dir: Path, site_url: str, *, tool: str = "mkdocs", timeout: float = 300,
               session: bool = False) -> BuildResult:
    """A real strict build (`session`: the session's one build, which any tier reads)."""
    if not session:
        _may_build("build_site()")
    return localsite.build_site(project, site_dir, site_url, tool=tool, timeout=timeout)


def copy_project(dest: Path) -> Path:
    _may_build("copy_project()")
    return localsite.copy_project(dest)


def failed_build_output(project: Path, site_dir: Path) -> str:
    """Build a broken copy of the project; the build must fail with a message, not a traceback."""
    result = build_site(project, site_dir, "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    return result.output


def mkdocs_config() -> dict:
    """mkdocs.yml as plain data (its !ENV and python tags read as None)."""
    return load_config(ROOT / "mkdocs.yml")
