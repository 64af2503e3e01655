"""Checks of the sources alone (no build): mkdocs.yml's registries and kit, and every page's
front matter, relative links, Sumber heading and first paragraph. Every entry point runs
the same rules: the MkDocs adapter page by page while `mkdocs serve` rebuilds, `python -m
akun_diblokir check` and `audit` over all of docs/."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from akun_diblokir import contacts, content, frontmatter, help_bar, kit, mdlinks, pagemeta, theme_guard
from akun_diblokir.config import key_line
from akun_diblokir.problems import Problem, line_at
from akun_diblokir.project import Project

SUMBER_LINE = "## Sumber {#sumber}"


def check_page(source: str, *, src_uri: str, path: str, project: Project) -> tuple[list[Problem], dict[str, Any]]:
    """Problems of one page's source, and its front matter as read."""
    problems, meta = frontmatter.check_front_matter(source, path)
    if meta:
        today = datetime.datetime.now(datetime.UTC).date()
        problems += pagemeta.check_meta(source, meta, path, project.extra.get("sources"), today)
    problems += mdlinks.check_links(source, src_uri=src_uri, path=path, docs_dir=project.docs_dir)
    problems += _sumber_problems(source, path)
    if help_bar.in_scope(src_uri):
        problems += help_bar.check(source, path)
    return problems, meta


def _sumber_problems(source: str, path: str) -> list[Problem]:
    """Each page ends with the Sumber heading: the content layer renders its list there."""
    headings = list(content.SUMBER_HEADING.finditer(source))
    if not headings:
        return [Problem(path, line_at(source, len(source.rstrip("\n"))), f"no line '{SUMBER_LINE}'",
                        "expected it as the page's last heading (its list comes from front matter 'sources')")]
    tail = source[headings[-1].end():]
    if tail.strip():
        first = headings[-1].end() + len(tail) - len(tail.lstrip())
        return [Problem(path, line_at(source, first), f"text after '{SUMBER_LINE}'",
                        "expected nothing after it (the list is rendered from front matter 'sources')")]
    return []


def config_problems(project: Project) -> list[Problem]:
    """mkdocs.yml: allowlist entries the deny rules refuse, the source registry, the copied
    theme partials, the webinar kit's entries, and each kit marker on exactly one page."""
    registry = project.registry  # first: a broken registry adds its problem to project.problems
    problems = list(project.problems)
    if registry is not None:
        line = key_line(project.config_file, f"extra.{contacts.REGISTRY_KEY}.cited_hosts")
        for message in registry.config_problems():
            found, _, expected = message.partition("; ")
            problems.append(Problem("mkdocs.yml", line, found, expected or "expected only hosts the deny rules allow"))
    for key, message in pagemeta.registry_problems(project.extra.get("sources")):
        found, _, expected = message.partition("; ")
        problems.append(Problem("mkdocs.yml", key_line(project.config_file, f"extra.sources.{key}" if key else "extra.sources"),
                                found, expected or "expected a valid source entry"))
    problems += theme_guard.check_copied_partials(project.theme_dir, project.root)
    problems += project.kit[1]
    problems += _marker_problems(project)
    return problems


def _marker_problems(project: Project) -> list[Problem]:
    pages = sorted(project.docs_dir.rglob("*.md"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    problems = []
    for marker in kit.MARKERS:
        holders = [(project.shown(page), line_at(text, text.index(marker))) for page, text in texts.items() if marker in text]
        if len(holders) != 1:
            where, line = holders[1] if len(holders) > 1 else ("mkdocs.yml", key_line(project.config_file, "extra.webinar_links"))
            problems.append(Problem(where, line, f"the marker {marker} is on {[h for h, _ in holders] or 'no page'}",
                                    "expected it on exactly one page (docs/kit-webinar.md or docs/selebaran.md)"))
    return problems


def check_sources(project: Project) -> list[Problem]:
    problems = config_problems(project)
    for page in sorted(project.docs_dir.rglob("*.md")):
        problems += check_page(page.read_text(encoding="utf-8"), src_uri=page.relative_to(project.docs_dir).as_posix(),
                               path=project.shown(page), project=project)[0]
    return problems


def check_config_file(config_file: Path) -> list[Problem]:
    """The sources of the project of `config_file`."""
    project = Project.load(config_file)
    problems = check_sources(project)
    return problems
