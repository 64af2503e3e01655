"""Search that understands Indonesian.

Material's search plugin accepts only the languages lunr-languages ships, and Indonesian
is not one of them: `search: lang: id` falls back to English, and with `theme.language: id`
Material leaves the index unstemmed. This hook names Indonesian ("id") in the search
index configuration, so Material's search worker loads
`assets/javascripts/lunr/min/lunr.<lang>.min.js` for it; the theme override
`overrides/assets/javascripts/lunr/min/lunr.id.min.js` provides that file (Indonesian
stemmer, stop words, trimmer, synonyms, and query-time stemming of the wildcard terms the
search box sends). It also sets the word separator (SEPARATOR) unless mkdocs.yml does.
Material's search interface is unchanged.

It also gives each page's document in the index a `names` field: what the menu and the
front matter call the page, where that differs from the H1 Material indexes as its title
(the handout's H1 is its printed headline "Akun Prakerja diblokir?", the menu calls it
"Selebaran"; the FAQ's is "Tanya jawab", the menu says "(FAQ)"). Readers search for a page
by the name they saw; the field weighs NAMES_BOOST, less than a title.

And a `keywords` field: the page's front matter `keywords:`, the words readers type for
what the page answers that its text does not use (a relative who did the training for
you, "deadline", "cetak"). akun_diblokir/pagemeta.py checks them (plain words, never an
address or a number, each once); the field weighs KEYWORDS_BOOST.
"""

from __future__ import annotations

import sys
from pathlib import Path as _Path

# mkdocs.yml loads this file by path; the package akun_diblokir is its parent's parent.
sys.path.insert(0, str(_Path(__file__).resolve().parents[2]))

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.hooks.search_id")

LANG = "id"
# Material's names for lunr's pipeline functions; lunr.id provides all three.
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
ASSET = "assets/javascripts/lunr/min/lunr.id.min.js"
INDEX = "search/search_index.json"
# Material's default splits words at spaces and hyphens only, so an address typed as written
# ("prakerja.vip", a URL) never meets the page, which writes it defanged ("prakerja[.]vip")
# or as link text: split at the punctuation of addresses and URLs too, and at a full stop
# unless a digit follows (times such as 08.00 stay whole).
SEPARATOR = r'[\s\-,:;!?=\[\]()"/@]+|\.(?!\d)'
NAMES_BOOST = 2  # measured on the tuning half: 1, 2 and 3 gave top 1 +0, +2 and -3 queries
# Page URL -> the names the menu and the front matter give it, for this build.
_names: dict[str, list[str]] = {}
# Measured on the tuning half with the keywords of the pages: 0.5, 1, 2 and 3 gave top 1
# 77.6, 79.4, 81.0 and 81.3 %, top 3 96.6, 96.9, 97.5 and 96.0 %.
KEYWORDS_BOOST = 2
# Page URL -> its front matter keywords, for this build.
_keywords: dict[str, list[str]] = {}


def _search_plugin(config: MkDocsConfig) -> Any | None:
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    return None


@event_priority(100)  # before the search plugin fills in its defaults in its own on_config
def on_config(config: MkDocsConfig, /) -> None:
    plugin = _search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        raise PluginError(
            f"{config.config_file_path}: akun_diblokir/hooks/search_id.py needs Material's search "
            "plugin: add `- search` under `plugins:` (or remove this hook from `hooks:`)."
        )
    if not any((Path(d) / ASSET).is_file() for d in config.theme.dirs):
        raise PluginError(
            f"akun_diblokir/hooks/search_id.py: the theme has no {ASSET}; expected it in the "
            f"theme's custom_dir ({config.theme.custom_dir or 'not set'})."
        )
    # The plugin validated `lang` already (and turned an unsupported "id" into "en"), so a
    # value set in mkdocs.yml is overridden here: say so rather than ignore it silently.
    if plugin.config.lang not in (None, [LANG]):
        log.warning(
            "%s: the search plugin has `lang:` set (validated as %s); "
            "akun_diblokir/hooks/search_id.py makes the search Indonesian instead: "
            "remove `lang:` from `plugins: - search:`.",
            config.config_file_path,
            plugin.config.lang,
        )
    _names.clear()
    _keywords.clear()
    plugin.config.lang = [LANG]
    if not plugin.config.separator:  # mkdocs.yml may still set its own
        plugin.config.separator = SEPARATOR
    if plugin.config.pipeline is None:
        plugin.config.pipeline = list(PIPELINE)


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Any) -> Navigation:
    # Before the pages are read, a page's title is the one the menu gives it, or None.
    for page in nav.pages:
        if page.title:
            _names[page.url] = [str(page.title)]
    return nav


def on_page_markdown(markdown: str, /, *, page: Any, config: MkDocsConfig, files: Any) -> None:
    words = page.meta.get("keywords")
    if isinstance(words, list):  # anything else is refused by the page checks (pagemeta.py)
        _keywords[page.url] = [str(w) for w in words]


def _add_page_field(index: dict[str, Any], field: str, boost: float,
                    values_of: Callable[[dict[str, Any]], list[str]]) -> int:
    """Give each page document (not a section) of a search index the field `field` made of
    `values_of(doc)`, weighing `boost`; returns how many got one."""
    added = 0
    for doc in index["docs"]:
        values = values_of(doc) if "#" not in doc["location"] else []
        if values:
            doc[field] = " · ".join(values)
            added += 1
    index["config"]["fields"][field] = {"boost": boost}
    return added


def add_names(index: dict[str, Any], names: dict[str, list[str]]) -> int:
    """Give each page document of a search index a `names` field (the names that its title
    does not already say); returns how many got one."""
    def extra(doc: dict[str, Any]) -> list[str]:
        title = str(doc.get("title", "")).strip().lower()
        return [n for n in names.get(doc["location"], []) if n.strip().lower() != title]

    return _add_page_field(index, "names", NAMES_BOOST, extra)


def add_keywords(index: dict[str, Any], keywords: dict[str, list[str]]) -> int:
    """Give each page document of a search index its front matter keywords as a `keywords`
    field; returns how many got one."""
    return _add_page_field(index, "keywords", KEYWORDS_BOOST, lambda doc: keywords.get(doc["location"], []))


@event_priority(-50)  # after the search plugin writes the index, before any plugin copies it
def on_post_build(*, config: MkDocsConfig) -> None:
    plugin = _search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return
    site = Path(config.site_dir)
    index = site / INDEX
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
        lang = data["config"]["lang"]
        add_names(data, _names)
        add_keywords(data, _keywords)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PluginError(
            f"akun_diblokir/hooks/search_id.py: cannot read {index}: {error!r}; expected Material's "
            "search index (config.lang, config.fields, docs with location and title)"
        ) from None
    if lang != [LANG]:
        raise PluginError(
            f"akun_diblokir/hooks/search_id.py: {index} names search languages {lang}, expected "
            f"[{LANG!r}]: the search plugin no longer takes the language set in on_config."
        )
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    if not (site / ASSET).is_file():
        raise PluginError(f"akun_diblokir/hooks/search_id.py: the build did not copy {ASSET} to the site.")
