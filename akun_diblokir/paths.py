"""Where things are: the one mapping between a page's source path in docs/, its URL and its
built file, as MkDocs and Zensical both name them."""

from __future__ import annotations

import posixpath
from pathlib import Path


def page_dest(src: str, use_directory_urls: bool = True) -> tuple[str, str]:
    """(site-relative URL, built file) of a Markdown source path ("penyebab/data-palsu.md")."""
    stem = src.removesuffix(".md")
    name = posixpath.basename(stem)
    if name in ("index", "README"):
        folder = posixpath.dirname(stem)
        return (f"{folder}/" if folder else ""), posixpath.join(folder, "index.html")
    if use_directory_urls:
        return f"{stem}/", f"{stem}/index.html"
    return f"{stem}.html", f"{stem}.html"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL of a docs page ("penyebab/", "faq/", "" for the home page)."""
    return page_dest(src, use_directory_urls)[0]


def relative_url(target: str, here: str) -> str:
    """The link from the page at site-relative URL `here` to the site-relative URL `target`,
    as the engines write links ("../kontak/", "./" for the page itself)."""
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    rel = posixpath.relpath("/" + target, "/" + base)
    if rel == ".":
        return "./"
    return rel + "/" if target == "" or target.endswith("/") else rel


def source_of(built: str, docs_dir: Path) -> Path | None:
    """The Markdown page that a built HTML file (site-relative) comes from, for either URL style."""
    stem = built.removesuffix(".html")
    stem = stem.removesuffix("/index") if stem.endswith("/index") else ("" if stem == "index" else stem)
    for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
        path = docs_dir / candidate
        if path.is_file():
            return path
    return None
