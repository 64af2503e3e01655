"""The project as every entry point sees it: mkdocs.yml read once, the registries built
from it, the pages' front matter read once. The Markdown extension (content.py), the MkDocs
adapter (mkdocs_plugin.py), `finish` and `audit` (pipeline.py) all start from one Project."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from akun_diblokir import contacts, kit, pagemeta, templating
from akun_diblokir.config import load_config
from akun_diblokir.problems import Problem, parse_problem, shown_path


@dataclass
class Project:
    config_file: Path
    config: dict[str, Any]
    site_url: str = ""
    # As the online site has them: the offline copy switches them off, but its QR codes and
    # kit addresses still name the online pages.
    use_directory_urls: bool = True
    problems: list[Problem] = field(default_factory=list)  # of the registry of contacts itself

    @classmethod
    def load(cls, config_file: Path, *, site_url: str | None = None, use_directory_urls: bool | None = None,
             config: dict[str, Any] | None = None) -> Project:
        config_file = Path(config_file).resolve()
        config = load_config(config_file) if config is None else config
        url = site_url if site_url is not None else str(config.get("site_url") or "")
        directory_urls = bool(config.get("use_directory_urls", True)) if use_directory_urls is None else use_directory_urls
        return cls(config_file, config, url, directory_urls)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def extra(self) -> dict[str, Any]:
        return self.config.get("extra") or {}

    @property
    def docs_dir(self) -> Path:
        return (self.root / (self.config.get("docs_dir") or "docs")).resolve()

    @property
    def theme_dir(self) -> Path | None:
        theme = self.config.get("theme") or {}
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        return (self.root / custom).resolve() if custom else None

    def shown(self, path: Path) -> str:
        return shown_path(path, self.root)

    @functools.cached_property
    def registry(self) -> contacts.Registry | None:
        """The registry of official contacts; None (and a problem) if it is broken."""
        try:
            return contacts.registry_from_extra(self.extra, self.site_url, self.config_file)
        except contacts.RegistryError as error:
            self.problems.append(parse_problem(str(error)))
            return None

    @functools.cached_property
    def sources(self) -> dict[str, pagemeta.Source]:
        raw = self.extra.get("sources")
        return {} if pagemeta.registry_problems(raw) else pagemeta.load_registry(raw)

    @functools.cached_property
    def pages(self) -> list[tuple[str, str, dict[str, Any]]]:
        """(src path, title, front matter) of every page in docs/."""
        return pagemeta.read_pages(self.docs_dir)

    @functools.cached_property
    def changes(self) -> list[pagemeta.Change]:
        return pagemeta.all_changes(self.pages)

    @functools.cached_property
    def kit(self) -> tuple[list[kit.KitLink], list[Problem]]:
        """The webinar kit's links with their QR codes, and the problems of their entries."""
        return kit.read_links(self.config, config_file=self.config_file, docs_dir=self.docs_dir,
                              site_url=self.site_url, use_directory_urls=self.use_directory_urls)

    @functools.cached_property
    def template_findings(self) -> dict[str, Problem]:
        """Contact details written in the theme's and the package's templates, by key: a
        finding of a built page that is not in its Markdown comes from one of them."""
        findings: dict[str, Problem] = {}
        folders = [self.theme_dir, templating.TEMPLATES]
        files = sorted(p for folder in folders if folder and folder.is_dir() for p in folder.rglob("*.html"))
        if self.registry is not None:
            for problem in contacts.check_markup_files(files, root=self.root, registry=self.registry):
                findings.setdefault(problem.key, problem)
        return findings
