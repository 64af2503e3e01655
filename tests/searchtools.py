"""The reader queries of the search tests and benchmarks/search_bench.py
(tests/data/search-queries.tsv) and two ways to ask the site's search: Material's own worker
run in Node on a built site (benchmarks/search_worker.mjs: no browser, seconds for every
query) and Material's real search box in Chromium."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import Page
from sitetools import ROOT, build_site, copy_project, goto_with_theme

QUERY_FILE = Path(__file__).parent / "data" / "search-queries.tsv"
COLUMNS = ["query", "expected", "kind", "set", "note"]
SETS = ("tuning", "test")


class QueryFileError(ValueError):
    """A line of the query file that cannot be read, as `path:line: found; expected`."""


@dataclass(frozen=True)
class Query:
    text: str  # what the reader types
    expected: str  # site-relative URL of the page that answers it ("" is the home page)
    kind: str  # root, affix, slang, typo, question, number, address, ...
    set: str = "tuning"  # "tuning" (search may be tuned on it) or "test" (only reported)
    section: str = ""  # the heading id of the expected section, if the file names one
    line: int = 0  # line in the query file
    note: str = ""


def load_queries(path: Path = QUERY_FILE) -> list[Query]:
    """The reader queries of `path` (tab-separated, `#` comments, a header line)."""
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    queries: list[Query] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != COLUMNS:
                raise QueryFileError(f"{where}:{number}: header {cells}; expected {COLUMNS}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise QueryFileError(
                f"{where}:{number}: {len(cells)} tab-separated cells; expected {len(COLUMNS)} ({', '.join(COLUMNS)})"
            )
        text, expected, kind, set_, note = (cell.strip() for cell in cells)
        if not text:
            raise QueryFileError(f"{where}:{number}: an empty query; expected what a reader types")
        page, _, section = expected.partition("#")
        if not page.startswith("/") or not (page == "/" or page.endswith("/")):
            raise QueryFileError(
                f"{where}:{number}: expected page {expected!r}; expected a site path such as /penyebab/ "
                "or /penyebab/#siapa"
            )
        if set_ not in SETS:
            raise QueryFileError(f"{where}:{number}: set {set_!r}; expected one of {', '.join(SETS)}")
        if not kind:
            raise QueryFileError(f"{where}:{number}: an empty kind; expected e.g. root, affix, typo, question")
        queries.append(Query(text, page.removeprefix("/"), kind, set_, section, number, note))
    if not header_seen:
        raise QueryFileError(f"{where}:1: no header line; expected {COLUMNS}")
    return queries


# Realistic reader queries (tests/data/search-queries.tsv). Expected pages are by URL,
# which the site map fixes. The tests check the tuning half; the benchmark reports both.
QUERIES: list[Query] = load_queries()
TUNING: list[Query] = [q for q in QUERIES if q.set == "tuning"]
TEST: list[Query] = [q for q in QUERIES if q.set == "test"]



def batch_of(query: Query) -> int:
    """The batch a query came in, as the header of the query file numbers them: 0 for the
    queries tuned with the first version of the search, 1 for the first colleague's (their
    notes name no batch), n for those whose note starts "batch n:"."""
    found = re.match(r"batch (\d+):", query.note)
    if found:
        return int(found.group(1))
    return 0 if query.note.startswith("tuned since the first round") else 1


@dataclass(frozen=True)
class Split:
    """How the header of the query file says one batch was split: `order` = list(range(size))
    shuffled by random.Random(seed); the queries at the first `tuning` indices of `order`,
    in file order, are the tuning half."""

    batch: int
    size: int
    seed: int
    tuning: int

    def sets(self) -> list[str]:
        """The set of each query of the batch, in file order, as the seed gives them."""
        order = list(range(self.size))
        random.Random(self.seed).shuffle(order)
        first = set(order[: self.tuning])
        return ["tuning" if i in first else "test" for i in range(self.size)]


_SPLIT = re.compile(r"list\(range\((\d+)\)\);\s*random\.Random\((\d+)\)\.shuffle\(order\)[^\"]*?first (\d+) indices")


_BATCH = re.compile(r"\bBatch (\d+)\b")


def declared_splits(path: Path = QUERY_FILE) -> list[Split]:
    """The splits the header of `path` describes, in the header's order: each belongs to the
    batch the header last named before it ("Batch 20 (2026-12-07): ...", "Batch 16 typed
    ..."), the first one, which comes before any name, to batch 1."""
    header = " ".join(line.lstrip("#").strip() for line in path.read_text(encoding="utf-8").splitlines()
                      if line.startswith("#"))
    splits = []
    for found in _SPLIT.finditer(header):
        named = _BATCH.findall(header, 0, found.start())
        size, seed, tuning = (int(group) for group in found.groups())
        splits.append(Split(int(named[-1]) if named else 1, size, seed, tuning))
    return splits


# "Top 3" as the reader sees it: Material lists one result per page (its sections are
# grouped under it, the best one shown, the others folded under "n more"), ordered by the
# best score among the page and its sections; a query passes when its page is among the
# first TOP of these entries.
TOP = 3  # a query passes when its page is among the first TOP results

def built_copy(tmp: Path) -> Path:
    """A strict build of a copy of the project in `tmp`, for asking its search: the built
    site's folder; exits naming the build's output if the build fails (a tool's answer)."""
    site = tmp / "site"
    result = build_site(copy_project(tmp / "project"), site, "http://127.0.0.1:8000/")
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.output}")
    return site


# -- Material's worker in Node -------------------------------------------------------------

SEARCH_WORKER = ROOT / "benchmarks" / "search_worker.mjs"


class NodeMissing(RuntimeError):
    """Node.js is not on PATH, so the search cannot be asked without a browser."""


def worker_answers(site_dir: Path, texts: Iterable[str], *, timeout: float = 300) -> dict[str, dict]:
    """Each text's answer from Material's search worker run in Node on the built site
    `site_dir` (benchmarks/search_worker.mjs: the site's own worker file, lunr.id.min.js and
    search_index.json), all in one Node process: {text: {"pages", "groups", "missing",
    "warnings"}} (see that file). Raises NodeMissing without Node, RuntimeError if it fails."""
    node = _node()
    unique = list(dict.fromkeys(texts))
    if any("\n" in text or not text.strip() for text in unique):
        raise ValueError("search_worker.mjs reads one query a line: expected texts without line breaks, not blank")
    proc = subprocess.run([node, str(SEARCH_WORKER), str(site_dir)], input="".join(t + "\n" for t in unique),
                          capture_output=True, text=True, timeout=timeout, check=False)
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) != len(unique):
        raise RuntimeError(f"{SEARCH_WORKER.name} on {site_dir} exited {proc.returncode} after {len(lines)} of "
                           f"{len(unique)} answers:\n{proc.stderr[-3000:]}")
    answers = [json.loads(line) for line in lines]
    return {text: answer for text, answer in zip(unique, answers, strict=True)}


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise NodeMissing("the search tests run Material's search worker in Node.js, and `node` is not on PATH: "
                          "install Node.js 18 or newer (apt-get install nodejs) and run them again")
    return node


class WorkerScope:
    """The global scope of Material's search worker on a built site, in one Node process
    (search_worker.mjs --eval): the worker's lunr with the site's lunr.id.min.js loaded, as
    the browser's worker has them. `evaluate` works as Playwright's page.evaluate: a function
    source is called with `arg`, an expression gives its value (JSON either way)."""

    def __init__(self, site_dir: Path) -> None:
        self.process = subprocess.Popen([_node(), str(SEARCH_WORKER), str(site_dir), "--eval"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)

    def evaluate(self, source: str, arg: object = None) -> object:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self.process.stdin.write(json.dumps({"source": source, "arg": arg}) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=10)
            stderr = self.process.stderr.read() if self.process.stderr else ""
            raise RuntimeError(f"{SEARCH_WORKER.name} --eval exited {self.process.returncode}:\n{stderr[-3000:]}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"evaluating {source[:200]!r} in the search worker's scope:\n{answer['error']}")
        return answer["value"]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


# -- Material's search box in Chromium ------------------------------------------------------

# Counts mutations of the result list, so a search can wait for the list to settle.
_OBSERVER = """() => {
  const list = document.querySelector(".md-search-result");
  window.__search = { mutations: 0, last: 0, keydown: 0 };
  new MutationObserver(() => {
    window.__search.mutations++;
    window.__search.last = performance.now();
  }).observe(list, { childList: true, subtree: true, characterData: true });
  document.querySelector("input.md-search__input").addEventListener("keydown", () => {
    window.__search.keydown = performance.now();
  }, true);
  const config = JSON.parse(document.getElementById("__config").textContent);
  return config.translations["search.result.placeholder"];
}"""

# True once the result list has changed since `since` and then stayed quiet for `quiet` ms.
_SETTLED = """([since, quiet]) => window.__search.mutations > since &&
  performance.now() - window.__search.last >= quiet"""


class SearchBox:
    """Material's search box on one loaded page of the site."""

    def __init__(self, page: Page, site_url: str, *, quiet_ms: int = 150, timeout_ms: int = 10_000) -> None:
        self.page = page
        self.site_url = site_url
        self.quiet_ms = quiet_ms
        self.timeout_ms = timeout_ms
        # Material's script comes after the load event; a focus given while it starts up can
        # be lost (seen at 10x content), so type once it runs, as a reader does.
        goto_with_theme(page, site_url, timeout_ms, wait_until="load")
        self.placeholder = page.evaluate(_OBSERVER)
        self.input = page.locator("input.md-search__input")
        self.meta = page.locator(".md-search-result__meta")
        # The worker is ready when the initializing message gives way to the placeholder.
        self.input.focus()
        self.page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').innerText.trim() === text",
            arg=self.placeholder,
            timeout=self.timeout_ms,
        )

    def _settle(self, since: int) -> None:
        self.page.wait_for_function(_SETTLED, arg=[since, self.quiet_ms], timeout=self.timeout_ms, polling=20)

    def clear(self) -> None:
        if self.input.input_value():
            self.input.press("Control+a")
            self.input.press("Backspace")
            self.page.wait_for_function(
                "text => document.querySelector('.md-search-result__meta').innerText.trim() === text",
                arg=self.placeholder,
                timeout=self.timeout_ms,
            )

    def results(self) -> list[str]:
        """Site-relative URLs of the result pages, best first."""
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__list > .md-search-result__item",
            "items => items.map(item => item.querySelector('a').href)",
        )
        base = urlsplit(self.site_url).path
        return [urlsplit(h).path.removeprefix(base) for h in hrefs]

    def search(self, text: str) -> tuple[list[str], float]:
        """Type `text` as a reader does and return the result URLs and the milliseconds from
        the last keydown to the last change of the result list.

        Material searches on keyup, not on input events, so all but the last character is
        filled in silently and the last one is a real key press: one search, for the whole
        text, timed from its keystroke."""
        self.clear()
        if len(text) > 1:
            self.input.fill(text[:-1])
        since = self.page.evaluate("window.__search.mutations")
        self.input.press(text[-1])
        self._settle(since)
        elapsed = self.page.evaluate("window.__search.last - window.__search.keydown")
        return self.results(), elapsed

    def missing_terms(self) -> list[str]:
        """Terms Material marks as missing ("Tidak ada: ...") in the first result."""
        return self.page.eval_on_selector_all(
            ".md-search-result__item:first-child .md-search-result__terms del, "
            ".md-search-result__item:first-child s",
            "els => els.map(e => e.textContent)",
        )


# -- lunr.id on its own ------------------------------------------------------------------

LUNR_ID = "assets/javascripts/lunr/min/lunr.id.min.js"


def site_words(site_dir: Path) -> list[str]:
    """Every word of the search index, lowercased as Material's tokenizer does, both as
    split and with punctuation trimmed from its ends."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words: set[str] = set()
    for doc in index["docs"]:
        for field in (doc.get("title", ""), doc.get("text", "")):
            text = BeautifulSoup(field, "lxml").get_text(" ")
            for token in separator.split(text.lower()):
                words.add(token)
                words.add(re.sub(r"^[\W_]+|[\W_]+$", "", token))
    words.discard("")
    return sorted(words)
