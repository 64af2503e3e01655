"""MkDocs adapter: each link of a page's content to another page of the site carries its
absolute address (`data-alamat`), which the print style sheet writes after the link text
(akun_diblokir/deploy.py). Other engines print such links without it."""

from __future__ import annotations

import sys
from pathlib import Path

# mkdocs.yml loads this file by path; the package akun_diblokir is its parent's parent.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from akun_diblokir import deploy


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return deploy.add_print_addresses(html, page.canonical_url or "")
