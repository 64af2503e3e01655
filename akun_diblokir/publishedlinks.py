"""Published links: the URLs and heading ids that slides, PDFs, chats and QR codes point to.

published-links.txt (repository root) lists them, one per line, as site paths:
`/pemulihan/email/` for a page, `/pemulihan/email/#kirim` for a heading. The list only grows.
`check()` says which listed link no longer reaches an existing page and heading in a built
site, following the redirect pages that mkdocs-redirects writes; `current_links()` lists what
a built site offers now, so a new page or heading cannot go unlisted. Both read a page with
the pipeline's parser (pagescan.py); the pipeline runs `check()` on what it has read already.

Command line (`make links`): builds the site and prints the links missing from the list,
ready to append, then any listed link that is broken.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from akun_diblokir.pagescan import PageScan, scan_page
from akun_diblokir.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
LIST_NAME = "published-links.txt"
LIST_FILE = ROOT / LIST_NAME
_BASE = "http://site.invalid"  # only to resolve relative redirect targets with urljoin
_MAX_HOPS = 5


@dataclass(frozen=True)
class Listed:
    line: int
    link: str


class ListError(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_list(path: Path = LIST_FILE) -> list[Listed]:
    """The links in `path`; blank lines and lines starting with '# ' are comments."""
    links: list[Listed] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("# ") or line == "#":
            continue
        page, _, fragment = line.partition("#")
        if not page.startswith("/") or "//" in page or " " in line or (fragment == "" and "#" in line):
            raise ListError(Problem(path.name, number, f"found {raw!r}",
                                    "expected a site path such as /pemulihan/email/ or /pemulihan/email/#kirim"))
        if line in seen:
            raise ListError(Problem(path.name, number, f"{line} is already listed on line {seen[line]}",
                                    "expected each link once"))
        seen[line] = number
        links.append(Listed(number, line))
    return links


# A page of the built site (site-relative file name, e.g. "pemulihan/index.html") as the
# pipeline's parser reads it, or None when there is no such file.
Pages = Callable[[str], PageScan | None]


def site_pages(site_dir: Path) -> Pages:
    """Pages read from a built site directory, each parsed once."""
    cache: dict[str, PageScan | None] = {}

    def page(rel: str) -> PageScan | None:
        if rel not in cache:
            path = site_dir / rel
            cache[rel] = scan_page(path.read_text(encoding="utf-8"), None) if path.is_file() else None
        return cache[rel]

    return page


def _html_file(pages: Pages, path: str) -> tuple[str, PageScan] | None:
    rel = path.lstrip("/")
    candidates = [rel + "index.html"] if rel == "" or rel.endswith("/") else [
        rel,
        rel + "/index.html",  # what a static server does for a path without "/"
    ]
    for candidate in candidates:
        if candidate.endswith(".html") and (scan := pages(candidate)) is not None:
            return candidate, scan
    return None


def resolve(site: Path | Pages, link: str) -> tuple[str | None, str]:
    """Follow `link` through redirects; (problem or None, final path#fragment)."""
    pages = site_pages(site) if isinstance(site, Path) else site
    url = urljoin(_BASE, link)
    fragment = urldefrag(url).fragment
    for _ in range(_MAX_HOPS):
        path = urlsplit(url).path
        found = _html_file(pages, path)
        if found is None:
            return f"no page at {path}", path
        name, scan = found
        if scan.refresh is None:
            if not scan.article or name == "404.html":
                return f"{path} is not a page of the site", path
            if fragment and fragment not in scan.ids:
                return f"page {path} has no heading with id #{fragment}", f"{path}#{fragment}"
            return None, path + (f"#{fragment}" if fragment else "")
        next_url = urljoin(url, scan.refresh)
        if not next_url.startswith(_BASE + "/"):
            return f"{path} redirects off the site, to {scan.refresh}", path
        # mkdocs-redirects' script carries the original #fragment over unless the target has one.
        next_fragment = urldefrag(next_url).fragment
        fragment = next_fragment or fragment
        url = urldefrag(next_url).url
    return f"more than {_MAX_HOPS} redirects (a loop?) starting at {link}", link


def check(site: Path | Pages, links: list[Listed] | list[str]) -> list[Problem]:
    """One problem per listed link that does not reach an existing page and heading."""
    pages = site_pages(site) if isinstance(site, Path) else site
    problems = []
    for item in links:
        listed = item if isinstance(item, Listed) else Listed(0, item)
        problem, _ = resolve(pages, listed.link)
        if problem:
            problems.append(Problem(LIST_NAME, listed.line or 1, f"{listed.link} is broken: {problem}",
                                    "expected every published link to keep working (restore the page or heading, "
                                    "or add a redirect)"))
    return problems


def current_links(site_dir: Path) -> list[str]:
    """Every page, every heading id on it, and every redirect path of a built site."""
    pages: list[str] = []
    redirects: list[str] = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel == "404.html":
            continue
        path = "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        scan = scan_page(html.read_text(encoding="utf-8"), None)
        if scan.refresh is not None:
            redirects.append(path)
        elif scan.article:
            pages.append(path)
            pages.extend(f"{path}#{heading}" for heading in scan.heading_ids)
    return pages + redirects


def missing_from_list(site_dir: Path, listed: list[Listed]) -> list[str]:
    have = {item.link for item in listed}
    return [link for link in current_links(site_dir) if link not in have]


def main() -> int:
    """`make links`: build the site into a temporary folder, then list what the list lacks."""
    try:
        listed = read_list()
    except ListError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = dict(os.environ, SITE_URL="http://127.0.0.1:8000/", VENV=str(Path(sys.executable).parent.parent))
        built = subprocess.run(["bash", str(ROOT / "scripts" / "build.sh"), "mkdocs", str(site)], cwd=ROOT, env=env,
                               capture_output=True, text=True)
        if built.returncode != 0:
            print(f"error: the strict build failed:\n{built.stdout}{built.stderr}", file=sys.stderr)
            return 1
        missing = missing_from_list(site, listed)
        broken = check(site, listed)
    if missing:
        print(f"# {len(missing)} link(s) the site has that {LIST_FILE.name} lacks; append them:")
        print("\n".join(missing))
    else:
        print(f"# {LIST_FILE.name} lists every page, heading and redirect of the site.")
    if broken:
        print(f"# {len(broken)} listed link(s) broken: restore them or add a redirect.", file=sys.stderr)
        print("\n".join(map(str, broken)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
