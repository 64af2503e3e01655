"""Reader queries typed into Material's real search box, in headless Chromium, against the
served site. The tuning half of tests/data/search-queries.tsv is checked here; the test half
is only reported, by benchmarks/search_bench.py, so that no test pins it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from searchtools import QUERIES, QUERY_FILE, TEST, TOP, TUNING, Query, QueryFileError, SearchBox, load_queries
from sitetools import LoopbackServer

# Floors for the tuning half (decisions/search.md): measured 2026-12-03 (496 queries
# of five batches) at 96.6 % and 85.7 %; the ranking is deterministic, so a drop of a
# handful of queries fails.
TUNING_TOP3 = 0.96
TUNING_TOP1 = 0.84
# The 40 queries tuned with the first version of the search (their note says so) must each
# stay in the top 3.
TUNED_BEFORE = [q for q in TUNING if q.note.startswith("tuned since the first round")]


@dataclass
class Session:
    box: SearchBox
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    results: dict[Query, list[str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def session(site: LoopbackServer, browser: Browser) -> Iterator[Session]:
    """One page of the site, with its search box, reused by every query; the tuning half is
    typed once, in file order, and its results kept."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    # Material's worker reports a query it cannot run as console warnings.
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("warning", "error") else None)
    page.on("pageerror", lambda e: console.append(f"page error: {e}"))
    page.on("worker", lambda w: w.on("console", lambda m: console.append(f"worker {m.type}: {m.text}")))
    session = Session(SearchBox(page, site.url), requests, console)
    for query in TUNING:
        session.results[query] = session.box.search(query.text)[0]
    yield session
    context.close()


def _rank(session: Session, query: Query) -> int:
    results = session.results[query]
    return results.index(query.expected) + 1 if query.expected in results else 0


# -- The query file ---------------------------------------------------------------------


def test_query_set_is_large_varied_and_split() -> None:
    assert len(QUERIES) >= 190, len(QUERIES)
    assert len(TEST) >= 100 and abs(len(TUNING) - len(TEST) - 40) <= 1, (len(TUNING), len(TEST))
    kinds = {q.kind for q in TEST}
    assert kinds >= {"root", "affix", "slang", "typo", "question", "number", "address", "abbrev", "loanword"}, kinds
    texts = [q.text.lower() for q in QUERIES]
    assert len(texts) == len(set(texts)), "a query is listed twice"


def test_every_expected_page_and_section_exists(site_dir: Path) -> None:
    missing = []
    for query in QUERIES:
        page = site_dir / query.expected / "index.html"
        if not page.is_file():
            missing.append(f"{QUERY_FILE.name}:{query.line}: /{query.expected} is not a page of the site")
        elif query.section:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            if soup.find(id=query.section) is None:
                missing.append(f"{QUERY_FILE.name}:{query.line}: /{query.expected} has no heading #{query.section}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("akun diblokir\tpenyebab/\troot\ttuning\t", "expected page 'penyebab/'; expected a site path"),
        ("akun diblokir\t/penyebab/\troot\tlater\t", "set 'later'; expected one of tuning, test"),
        ("akun diblokir\t/penyebab/\troot", "3 tab-separated cells; expected 5"),
        ("\t/penyebab/\troot\ttest\t", "an empty query"),
    ],
)
def test_a_bad_query_line_is_named_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    broken = tmp_path / "queries.tsv"
    lines = QUERY_FILE.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines) - 3, line)
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(QueryFileError) as error:
        load_queries(broken)
    assert str(error.value).startswith(f"{broken}:{len(lines) - 3}: "), str(error.value)
    assert message in str(error.value), str(error.value)


# -- In the browser ---------------------------------------------------------------------


def test_worker_loads_the_indonesian_extension(session: Session) -> None:
    assert any(url.endswith("/assets/javascripts/lunr/min/lunr.id.min.js") for url in session.requests), (
        "the search worker did not load lunr.id.min.js:\n" + "\n".join(session.requests)
    )


def test_tuning_half_finds_its_pages(session: Session) -> None:
    ranks = {query: _rank(session, query) for query in TUNING}
    top3 = sum(0 < rank <= TOP for rank in ranks.values()) / len(ranks)
    top1 = sum(rank == 1 for rank in ranks.values()) / len(ranks)
    misses = [f"line {q.line}: {q.text!r} -> /{q.expected}, got {session.results[q][:TOP]}"
              for q, rank in ranks.items() if not 0 < rank <= TOP]
    assert top3 >= TUNING_TOP3 and top1 >= TUNING_TOP1, (
        f"top 3 {top3:.1%} (floor {TUNING_TOP3:.0%}), first {top1:.1%} (floor {TUNING_TOP1:.0%}); "
        "not in the top 3:\n" + "\n".join(misses)
    )
    assert session.console == [], session.console


@pytest.mark.parametrize("query", TUNED_BEFORE, ids=[q.text for q in TUNED_BEFORE])
def test_query_tuned_before_stays_in_the_top_three(session: Session, query: Query) -> None:
    assert 0 < _rank(session, query) <= TOP, (
        f"{query.text!r} ({query.kind}): expected /{query.expected} in the top {TOP}, got "
        + ", ".join(f"/{r}" for r in session.results[query][:5])
    )


def test_a_page_takes_one_place_in_the_list(session: Session) -> None:
    # Material lists a page once, its matching sections under it, so a section and its
    # page never both take a place among the first three.
    doubled = {q.text: r for q, r in session.results.items() if len(r) != len(set(r))}
    assert not doubled, doubled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of a cause page's own title brings that page first, not the long FAQ.
        ("joki", "penyebab/kecurangan-joki/"),
        ("manipulasi sistem", "penyebab/manipulasi-sistem/"),
        ("data palsu", "penyebab/data-palsu/"),
        ("prosedur tidak selesai", "penyebab/prosedur-tidak-selesai/"),
        ("terlambat membeli pelatihan", "penyebab/terlambat-membeli-pelatihan/"),
        # Other verbs and slang for the same thing (the synonym list).
        ("buka blokir akun", "pemulihan/"),
        ("nomor cs prakerja", "pemulihan/call-center/"),
        # Typos of five letters or more (one edit).
        ("formulr pengaduan", "pemulihan/formulir-pengaduan/"),
        ("kronlogi", "pemulihan/kronologi/"),
    ],
)
def test_page_that_answers_comes_first(session: Session, text: str, expected: str) -> None:
    results, _ = session.box.search(text)
    assert results[:1] == [expected], f"{text!r}: expected /{expected} first, got {results[:4]}"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("kongkalikong", "penyebab/manipulasi-sistem/"), ("deadline", "penyebab/terlambat-membeli-pelatihan/")],
)
def test_a_word_only_the_keywords_hold_finds_the_page(session: Session, site_dir: Path, word: str,
                                                      expected: str) -> None:
    # Front matter `keywords:` become the page's `keywords` field in the index.
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    holding = {d["location"] for d in docs if word in (d.get("title", "") + " " + d.get("text", "")).lower()}
    assert holding == set(), f"{word!r} is in the text of {holding}: pick a word only keywords hold"
    assert word in next(d for d in docs if d["location"] == expected).get("keywords", ""), expected
    results, _ = session.box.search(word)
    assert results[:1] == [expected], f"{word!r}: expected /{expected} first, got {results[:4]}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Addresses as typed, though pages write them defanged or as link text.
        ("prakerja.co.id", "aman-dari-penipuan/"),
        ("https://bantuan.prakerja.go.id/hc/id/requests/new", "pemulihan/formulir-pengaduan/"),
        ("info@prakerja.go.id", "pemulihan/email/"),
        ("08001503001", "pemulihan/call-center/"),
    ],
)
def test_addresses_and_numbers_are_findable(session: Session, text: str, expected: str) -> None:
    results, _ = session.box.search(text)
    assert expected in results[:TOP], f"{text!r}: expected /{expected} in the top {TOP}, got {results[:4]}"


def test_a_typo_finds_what_the_word_finds(session: Session) -> None:
    # The typo is replaced by the index term one edit away, so Material's term analysis
    # sees it found (no "Tidak ada: ..." under the first result).
    results, _ = session.box.search("pelatihan")
    typo, _ = session.box.search("pelatiham")
    assert results and typo[:3] == results[:3], (results[:5], typo[:5])
    assert session.box.missing_terms() == []


def test_stemmed_words_are_not_reported_missing(session: Session) -> None:
    # Material marks the query words a result lacks ("Tidak ada: ..."), comparing them with
    # the indexed terms; it must compare the stemmed word, or the best page, which has
    # them all, would be marked as lacking the affixed ones.
    results, _ = session.box.search("pemblokiran akun diblokirnya")
    assert results[:1] and results[0] in ("", "penyebab/", "selebaran/"), results
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
                 "0800-", "info@", "dibl", "pemblo", "di", "yang", "https://", "[.]"]:
        found[text] = len(session.box.search(text)[0])
    assert session.console[before:] == [], session.console[before:]
    assert found['"akun diblokir"'] > 0 and found["+akun -joki"] > 0 and found["yang"] == 0, found
