"""The MkDocs adapter: one plugin object (`plugins: - akun_diblokir` in mkdocs.yml) over the
package's engine-independent parts. It holds the build's state; nothing lives in module
globals.

- on_config: reads the project once (project.py), binds the content layer (content.py) to
  it, reports the configuration's problems, and makes Material's search Indonesian
  (search_index.py) unless `indonesian_search: false`;
- on_page_markdown: checks the page's source (sources.py) as it is built, so `mkdocs serve`
  names a problem at once, and tells the content layer which page it renders;
- on_post_build: the search index's extra fields, then `finish` and `audit` (pipeline.py)
  on the built site, before Material's offline plugin copies the index.

Every problem is a WARNING, so the strict build (and `mkdocs serve`) fails on it.
"""

from __future__ import annotations

import datetime
import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from akun_diblokir import content, pagemeta, pipeline, search_index, sources
from akun_diblokir.project import Project

log = logging.getLogger("mkdocs.plugins.akun_diblokir")

EXTENSION = "akun_diblokir.content"


class GuideConfig(Config):
    indonesian_search = config_options.Type(bool, default=True)


class GuidePlugin(BasePlugin[GuideConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.extension: content.GuideExtension | None = None
        self.names: dict[str, list[str]] = {}  # page URL -> what the menu calls it
        self.keywords: dict[str, list[str]] = {}  # page URL -> its front matter keywords
        self.lunr_id: str | None = None  # the search worker's language file (search_index.lunr_id_source)

    # Before Material's search plugin fills in its defaults, and before its offline plugin
    # switches directory URLs off (the kit's addresses are the online site's).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig, /) -> MkDocsConfig:
        project = Project.load(Path(config.config_file_path), site_url=config.site_url or "",
                               use_directory_urls=config.use_directory_urls)
        if project.registry is None:  # the registry itself is broken: nothing can be checked against it
            raise PluginError("\n".join(map(str, project.problems)))
        for problem in sources.config_problems(project):
            log.warning("%s", problem)
        self.project, self.names, self.keywords, self.lunr_id = project, {}, {}, None
        self.extension = self._bind_extension(config, project)
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            config.extra["feed_path"] = None  # a feed needs the online site
        if self.config.indonesian_search:
            self._indonesian_search(config)
        return config

    @staticmethod
    def _bind_extension(config: MkDocsConfig, project: Project) -> content.GuideExtension:
        names = [e if isinstance(e, str) else None for e in config.markdown_extensions]
        if EXTENSION not in names:
            raise PluginError(f"{config.config_file_path}: the akun_diblokir plugin needs its content layer: "
                              f"add `- {EXTENSION}` under `markdown_extensions:`")
        extension = content.GuideExtension(**(config.mdx_configs.get(EXTENSION) or {}))
        extension.project = project
        config.markdown_extensions[names.index(EXTENSION)] = extension  # type: ignore[call-overload]
        config.mdx_configs.pop(EXTENSION, None)
        return extension

    def _indonesian_search(self, config: MkDocsConfig) -> None:
        plugin = next((config.plugins[n] for n in ("material/search", "search") if n in config.plugins), None)
        if plugin is None or not plugin.config.enabled:
            raise PluginError(f"{config.config_file_path}: Indonesian search needs Material's search plugin: "
                              "add `- search` under `plugins:` (or set `indonesian_search: false`).")
        try:  # the worker's language file, written into the site by on_files
            self.lunr_id = search_index.lunr_id_source(Path(config.config_file_path).parent, Path(config.docs_dir))
        except search_index.SearchSourceError as error:
            raise PluginError(str(error)) from None
        # The plugin validated `lang` already (and turned an unsupported "id" into "en").
        if plugin.config.lang not in (None, [search_index.LANG]):
            log.warning("%s: the search plugin has `lang:` set (validated as %s); the akun_diblokir plugin makes "
                        "the search Indonesian instead: remove `lang:` from `plugins: - search:`.",
                        config.config_file_path, plugin.config.lang)
        plugin.config.lang = [search_index.LANG]
        if not plugin.config.separator:
            plugin.config.separator = search_index.SEPARATOR
        if plugin.config.pipeline is None:
            plugin.config.pipeline = list(search_index.PIPELINE)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.lunr_id is not None:  # in place of any copy the theme has
            old = files.get_file_from_path(search_index.ASSET)
            if old is not None:
                files.remove(old)
            files.append(File.generated(config, search_index.ASSET, content=self.lunr_id))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.indonesian_search:  # mkdocs serve rebuilds when a search source changes
            server.watch(str(Path(config.config_file_path).parent / search_index.SOURCES))
        return server

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # Before the pages are read, a page's title is the one the menu gives it, or None.
        for page in nav.pages:
            if page.title:
                self.names[page.url] = [str(page.title)]
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.project is not None and self.extension is not None
        project = self.project
        path = project.shown(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri
        problems, meta = sources.check_page(page.file.content_string, src_uri=page.file.src_uri, path=path,
                                            project=project)
        for problem in problems:
            log.warning("%s", problem)
        if isinstance(meta.get("last_checked"), datetime.date):
            page.meta["last_checked"] = meta["last_checked"]  # a quoted date read as a date, for the theme
        keys = [key for key, _ in pagemeta.page_sources(page.meta)]
        page.meta["newest_source"] = pagemeta.newest_source(keys, project.sources)  # shown in the footer
        words = page.meta.get("keywords")
        if isinstance(words, list):  # anything else is refused by the page checks
            self.keywords[page.url] = [str(w) for w in words]
        self.extension.page = content.PageContext(src=page.file.src_uri, url=page.url, meta=dict(page.meta))
        return markdown

    @event_priority(-50)  # after the search plugin writes its index, before the offline plugin copies it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.project is not None
        if self.config.indonesian_search:
            self._index_fields(Path(config.site_dir))
        site = Path(config.site_dir)
        notes = pipeline.finish(self.project, site)
        for note in notes:
            log.info("akun_diblokir: %s", note)
        for problem in pipeline.audit(self.project, site):
            log.warning("%s", problem)

    def _index_fields(self, site: Path) -> None:
        index = site / search_index.INDEX
        try:
            data: dict[str, Any] = json.loads(index.read_text(encoding="utf-8"))
            lang = data["config"]["lang"]
            search_index.add_names(data, self.names)
            search_index.add_keywords(data, self.keywords)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise PluginError(f"{index}: cannot read it ({error!r}); expected Material's search index "
                              "(config.lang, config.fields, docs with location and title)") from None
        if lang != [search_index.LANG]:
            raise PluginError(f"{index}: names search languages {lang}, expected [{search_index.LANG!r}]: "
                              "the search plugin no longer takes the language set in on_config.")
        index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        if not (site / search_index.ASSET).is_file():
            raise PluginError(f"the build did not copy {search_index.ASSET} to the site.")
