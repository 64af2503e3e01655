"""Published links: the URLs and heading ids that slides, PDFs, chats and QR codes point to.

published-links.txt (repository root) lists them, one per line, as site paths:
`/pemulihan/email/` for a page, `/pemulihan/email/#kirim` for a heading. The list only grows.
`check()` says which listed link no longer reaches an existing page and heading in a built
site, following the redirect pages that mkdocs-redirects writes; `current_links()` lists what
a built site offers now, so a new page or heading cannot go unlisted.

Command line (`make links`): builds the site and prints the links missing from the list,
ready to append, then any listed link that is broken.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LIST_FILE = ROOT / "published-links.txt"
_BASE = "http://site.invalid"  # only to resolve relative redirect targets with urljoin
_MAX_HOPS = 5
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


@dataclass(frozen=True)
class Listed:
    line: int
    link: str


class ListError(ValueError):
    pass


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
            raise ListError(
                f"{path.name}:{number}: expected a site path such as /pemulihan/email/ or "
                f"/pemulihan/email/#kirim, found {raw!r}"
            )
        if line in seen:
            raise ListError(f"{path.name}:{number}: {line} is already listed on line {seen[line]}")
        seen[line] = number
        links.append(Listed(number, line))
    return links


def _html_file(site_dir: Path, path: str) -> Path | None:
    rel = path.lstrip("/")
    candidates = [site_dir / rel / "index.html"] if rel == "" or rel.endswith("/") else [
        site_dir / rel,
        site_dir / rel / "index.html",  # what a static server does for a path without "/"
    ]
    return next((c for c in candidates if c.is_file() and c.suffix == ".html"), None)


def _refresh_target(soup: BeautifulSoup) -> str | None:
    """The URL of a `<meta http-equiv="refresh">` page (a redirect), else None."""
    for meta in soup.find_all("meta"):
        if str(meta.get("http-equiv", "")).lower() == "refresh":
            _, _, url = str(meta.get("content", "")).partition("url=")
            return url.strip().strip("'\"") or None
    return None


def _heading_ids(soup: BeautifulSoup) -> list[str]:
    article = soup.select_one("article.md-content__inner") or soup
    return [str(h["id"]) for h in article.find_all(_HEADINGS) if h.get("id")]


def resolve(site_dir: Path, link: str) -> tuple[str | None, str]:
    """Follow `link` through redirects; (problem or None, final path#fragment)."""
    url = urljoin(_BASE, link)
    fragment = urldefrag(url).fragment
    for _ in range(_MAX_HOPS):
        path = urlsplit(url).path
        html = _html_file(site_dir, path)
        if html is None:
            return f"no page at {path}", path
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        target = _refresh_target(soup)
        if target is None:
            if soup.find("article", class_="md-content__inner") is None or html.name == "404.html":
                return f"{path} is not a page of the site", path
            if fragment and fragment not in {el.get("id") for el in soup.find_all(id=True)}:
                return f"page {path} has no heading with id #{fragment}", f"{path}#{fragment}"
            return None, path + (f"#{fragment}" if fragment else "")
        next_url = urljoin(url, target)
        if not next_url.startswith(_BASE + "/"):
            return f"{path} redirects off the site, to {target}", path
        # mkdocs-redirects' script carries the original #fragment over unless the target has one.
        next_fragment = urldefrag(next_url).fragment
        fragment = next_fragment or fragment
        url = urldefrag(next_url).url
    return f"more than {_MAX_HOPS} redirects (a loop?) starting at {link}", link


def check(site_dir: Path, links: list[Listed] | list[str]) -> list[str]:
    """One message per listed link that does not reach an existing page and heading."""
    problems = []
    for item in links:
        listed = item if isinstance(item, Listed) else Listed(0, item)
        problem, _ = resolve(site_dir, listed.link)
        if problem:
            where = f"{LIST_FILE.name}:{listed.line}: " if listed.line else ""
            problems.append(f"{where}{listed.link} is broken: {problem}")
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
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        if _refresh_target(soup) is not None:
            redirects.append(path)
        elif soup.find("article", class_="md-content__inner") is not None:
            pages.append(path)
            pages.extend(f"{path}#{heading}" for heading in _heading_ids(soup))
    return pages + redirects


def missing_from_list(site_dir: Path, listed: list[Listed]) -> list[str]:
    have = {item.link for item in listed}
    return [link for link in current_links(site_dir) if link not in have]


def main() -> int:
    from sitetools import build_site

    try:
        listed = read_list()
    except ListError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        result = build_site(ROOT, Path(tmp) / "site", "http://127.0.0.1:8000/")
        if result.returncode != 0:
            print(f"error: the strict build failed:\n{result.output}", file=sys.stderr)
            return 1
        missing = missing_from_list(result.site_dir, listed)
        broken = check(result.site_dir, listed)
    if missing:
        print(f"# {len(missing)} link(s) the site has that {LIST_FILE.name} lacks; append them:")
        print("\n".join(missing))
    else:
        print(f"# {LIST_FILE.name} lists every page, heading and redirect of the site.")
    if broken:
        print(f"# {len(broken)} listed link(s) broken: restore them or add a redirect.", file=sys.stderr)
        print("\n".join(broken), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
