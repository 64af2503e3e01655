"""Reader queries typed into Material's real search box, in headless Chromium, against the
served site: each must bring its page among the first three results."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser
from searchtools import QUERIES, TOP, Query, SearchBox
from sitetools import LoopbackServer


@dataclass
class Session:
    box: SearchBox
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def session(site: LoopbackServer, browser: Browser) -> Iterator[Session]:
    """One page of the site, with its search box, reused by every query."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    # Material's worker reports a query it cannot run as console warnings.
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("warning", "error") else None)
    page.on("pageerror", lambda e: console.append(f"page error: {e}"))
    page.on("worker", lambda w: w.on("console", lambda m: console.append(f"worker {m.type}: {m.text}")))
    yield Session(SearchBox(page, site.url), requests, console)
    context.close()


def test_query_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 25
    assert {q.kind for q in QUERIES} >= {"root", "affixed", "colloquial", "question", "number"}


def test_worker_loads_the_indonesian_extension(session: Session) -> None:
    assert any(url.endswith("/assets/javascripts/lunr/min/lunr.id.min.js") for url in session.requests), (
        "the search worker did not load lunr.id.min.js:\n" + "\n".join(session.requests)
    )


@pytest.mark.parametrize("query", QUERIES, ids=[q.text for q in QUERIES])
def test_query_finds_its_page_in_the_top_three(session: Session, query: Query) -> None:
    before = len(session.console)
    results, _ = session.box.search(query.text)
    assert query.expected in results[:TOP], (
        f"{query.text!r} ({query.kind}): expected /{query.expected} in the top {TOP}, got "
        + ", ".join(f"/{r}" for r in results[:5])
    )
    assert session.console[before:] == [], session.console[before:]


def test_stemmed_words_are_not_reported_missing(session: Session) -> None:
    # Material marks the query words a result lacks ("Tidak ada: ..."), comparing them with
    # the indexed terms; it must compare the stemmed word, or the best page, which has
    # them all, would be marked as lacking the affixed ones.
    results, _ = session.box.search("pemblokiran akun diblokirnya")
    assert results[:1] == ["penyebab/"], results
    missing = session.box.page.eval_on_selector_all(
        ".md-search-result__item:first-child > a .md-search-result__terms del",
        "els => els.map(e => e.textContent)",
    )
    assert missing == []


def test_stop_words_alone_find_nothing(session: Session) -> None:
    results, _ = session.box.search("yang dan")
    assert results == []


def test_query_syntax_and_partial_words_raise_no_warning(session: Session) -> None:
    # lunr's query syntax (presence, fuzziness, boosts, fields, quotes) and half-typed
    # words pass through the wildcard stemming without making a query the worker rejects.
    before = len(session.console)
    found = {}
    for text in ['"akun diblokir"', "+akun -joki", "blokir~1", "blokir^2", "*blokir", "title:akun",
                 "0800-", "info@", "dibl", "pemblo", "di", "yang"]:
        found[text] = len(session.box.search(text)[0])
    assert session.console[before:] == [], session.console[before:]
    assert found['"akun diblokir"'] > 0 and found["+akun -joki"] > 0 and found["yang"] == 0, found
