"""Building the real site, serving it on loopback and finding Chromium: shared by the tests,
the benchmarks and the scripts that render pages (handout, icons)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent  # the repository (the package is installed editable)
VENV_BIN = Path(sys.executable).parent
# The parts of the project that a build reads.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "akun_diblokir", "published-links.txt")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_site(
    project: Path, site_dir: Path, site_url: str, *, tool: str = "mkdocs", timeout: float = 300,
) -> BuildResult:
    """Run a real strict build of `project` into `site_dir`."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    cmd = [str(VENV_BIN / tool), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into `dest`, so a test can change it safely."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    error_page: str | None = None  # served with status 404 for a missing path, as hosts do

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / self.error_page if self.error_page else None
        if code != 404 or page is None or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class LoopbackServer:
    """A real HTTP server on a free loopback port; bound before the build so the
    build can know its own URL. With `error_page` ("404.html"), a missing path is answered
    with that page and status 404, as static hosts and nginx's error_page do."""

    def __init__(self, directory: Path, headers: dict[str, str] | None = None, error_page: str | None = None) -> None:
        handler = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {}), "error_page": error_page})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
        )
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():  # shutdown() waits forever on a server never started
            self.httpd.shutdown()
        self.httpd.server_close()


def page_urls(site_dir: Path) -> list[str]:
    """Every page URL the build published, from its sitemap."""
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text for loc in tree.findall(".//s:loc", ns) if loc.text]


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(
            "No Chromium found for the browser tests: run the tests with `make test`, "
            "which installs it, or set CHROMIUM_PATH."
        )
    return path


# Material's bundle is loaded after the page (overrides/partials/lazy-scripts.html); its
# keyboard shortcuts ("/" for search) work once it runs. It sets window.document$ when it runs.
THEME_READY = "() => typeof window.document$ === 'object' && !document.querySelector('script[data-after-load]')"


def goto_with_theme(page: Page, url: str, timeout_ms: float | None = None, **goto_options: Any) -> None:
    """Open `url` and wait until Material's bundle has run: its copy buttons, palette switch
    and search exist only from then on."""
    page.goto(url, **goto_options)
    page.wait_for_function(THEME_READY, timeout=timeout_ms)
