"""Checks of the sources alone (no build): the registry, and every page's front matter and
relative links. `make check` and `python -m akun_diblokir check` run them; the MkDocs
adapter runs the page checks page by page while `mkdocs serve` rebuilds."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from akun_diblokir import contacts, frontmatter, mdlinks, pagemeta, theme_guard
from akun_diblokir.config import key_line, load_config
from akun_diblokir.problems import Problem, shown_path


def check_page(
    source: str, *, src_uri: str, path: str, docs_dir: Path, source_registry: object = None
) -> tuple[list[Problem], dict[str, Any]]:
    """Problems of one page's source, and its front matter as read. `source_registry` is
    extra.sources of mkdocs.yml, which the page's `sources` must name (pagemeta.py)."""
    problems, meta = frontmatter.check_front_matter(source, path)
    if meta:
        today = datetime.datetime.now(datetime.UTC).date()
        problems += pagemeta.check_meta(source, meta, path, source_registry, today)
    return problems + mdlinks.check_links(source, src_uri=src_uri, path=path, docs_dir=docs_dir), meta


def source_registry_problems(config_file: Path) -> list[Problem]:
    """extra.sources of mkdocs.yml: the sources pages may cite (pagemeta.py)."""
    raw = (load_config(config_file).get("extra") or {}).get("sources")
    return [Problem("mkdocs.yml", key_line(config_file, f"extra.sources.{key}" if key else "extra.sources"),
                    *message.split("; ", 1)) for key, message in pagemeta.registry_problems(raw)]


def registry_problems(config_file: Path) -> list[Problem]:
    """Allowlist entries the deny rules always refuse (the registry's own errors stop the build)."""
    config = load_config(config_file)
    try:
        registry = contacts.registry_from_extra(config.get("extra") or {}, config.get("site_url"), config_file)
    except contacts.RegistryError:
        return []  # reported by the pipeline (Build.from_config)
    line = key_line(config_file, f"extra.{contacts.REGISTRY_KEY}.cited_hosts")
    return [Problem("mkdocs.yml", line, *message.split("; ", 1)) for message in registry.config_problems()]


def theme_problems(config_file: Path) -> list[Problem]:
    """The copied Material partials still match the installed theme (theme_guard.py)."""
    theme = load_config(config_file).get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    theme_dir = (config_file.parent / custom).resolve() if custom else None
    return theme_guard.check_copied_partials(theme_dir, config_file.parent)


def check_sources(config_file: Path) -> list[Problem]:
    config = load_config(config_file)
    root = config_file.parent
    docs_dir = (root / (config.get("docs_dir") or "docs")).resolve()
    problems = registry_problems(config_file) + theme_problems(config_file) + source_registry_problems(config_file)
    cited = (config.get("extra") or {}).get("sources")
    for page in sorted(docs_dir.rglob("*.md")):
        problems += check_page(page.read_text(encoding="utf-8"), src_uri=page.relative_to(docs_dir).as_posix(),
                               path=shown_path(page, root), docs_dir=docs_dir, source_registry=cited)[0]
    return problems
