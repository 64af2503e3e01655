"""Search that understands Indonesian (Material's search plugin), for the MkDocs adapter.

Material's search plugin accepts only the languages lunr-languages ships, and Indonesian
is not one of them: `search: lang: id` falls back to English, and with `theme.language: id`
Material leaves the index unstemmed. The adapter (mkdocs_plugin.py) names Indonesian ("id") in the search
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

from collections.abc import Callable
from typing import Any

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
# Measured on the tuning half with the keywords of the pages: 0.5, 1, 2 and 3 gave top 1
# 77.6, 79.4, 81.0 and 81.3 %, top 3 96.6, 96.9, 97.5 and 96.0 %.
KEYWORDS_BOOST = 2

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
