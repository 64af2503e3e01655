"""Search benchmark (not a test): the reader queries of tests/data/search-queries.tsv typed
into Material's real search box in headless Chromium, on the same content built several ways:

- "Material default": the project with `indonesian_search: false` for its plugin (what Material does
  for `theme.language: id`: English lunr with no stemmer, stop words or trimmer);
- "Indonesian, basic": the hook with every switch of lunr.id's FEATURES line off,
  Material's word separator and no page keywords (stemmer, stop words, trimmer, nasal
  variants, numbers);
- the same plus ONE later change (address separator, ranking, synonyms, typos, the
  pages' front matter keywords);
- "Indonesian": the project as it is.

For each: the share of queries whose page is first (top 1) and among the first three pages
listed (top 3), and the mean reciprocal rank, on the tuning and the test half. "Top 3" is
what the reader sees: Material lists one entry per page (its sections under it), so the
rank of a query is the position of its page among those entries (a page#section answer
counts for its page). Then the time from the last keystroke to the settled result list
(median and 90th percentile) and what search downloads. With --scale, the project as it is
with N times as many articles (benchmarks/synthetic.py): index size and keystroke times.

    CHROMIUM_PATH=/usr/bin/chromium .venv/bin/python benchmarks/search_bench.py [--repeat 3] [--throttle 4] [--quick] [--scale 10 100]
    .venv/bin/python benchmarks/search_bench.py --fast [--site DIR]
    .venv/bin/python benchmarks/search_bench.py --worker

--fast is the tuning loop: one build (or a built --site), Material's own worker file run in Node
(benchmarks/search_worker.mjs) instead of a browser, hit rates only, in seconds. Its ranks are
the worker's; the browser rounds are the figures decisions/search-rounds.md reports. --worker builds every
variant and gives the hit-rate table of both halves from the worker, figures only.

Misses are listed for the tuning half only; the test half is reported as figures, so that
nobody tunes on it by accident (see the header of tests/data/search-queries.tsv).
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, sync_playwright
from searchtools import QUERIES, TOP, NodeMissing, Query, SearchBox, built_copy, worker_answers
from sitetools import CHROMIUM_ARGS, LoopbackServer, build_site, chromium_path, copy_project
from synthetic import add_articles

from akun_diblokir import search_index
from akun_diblokir.pagemeta import KEYWORDS_BLOCK_RE

PLUGIN_LINE = "  - akun_diblokir\n"
SEARCH_LINE = "  - search\n"
MATERIAL_SEPARATOR = r"'[\s\-]+'"
LUNR_ID = "assets/javascripts/lunr/min/lunr.id.min.js"
FEATURES_RE = re.compile(r"^    var FEATURES = \{[^}\n]*\}$", re.M)
SWITCHES = ("ranking", "synonyms", "typos")


@dataclass
class Run:
    name: str
    server: LoopbackServer
    site_dir: Path
    top3: int = 0
    top1: int = 0
    misses: list[str] = field(default_factory=list)
    keystroke_ms: list[float] = field(default_factory=list)
    ready_ms: list[float] = field(default_factory=list)
    ranks: dict[Query, int] = field(default_factory=dict)  # 0: not listed

    def sizes(self) -> list[tuple[str, int, int]]:
        files = [self.site_dir / "search" / "search_index.json", self.site_dir / LUNR_ID]
        return [
            (f.name, f.stat().st_size, len(gzip.compress(f.read_bytes(), compresslevel=6)))
            for f in files
            if f.is_file()
        ]


# --- variants of the project ---------------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        sys.exit(f"{path.name}: expected {old.strip()!r}; the benchmark cannot make its variant")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _without_hook(project: Path) -> None:
    _edit(project / "mkdocs.yml", PLUGIN_LINE, "  - akun_diblokir:\n      indonesian_search: false\n")


def _material_separator(project: Path) -> None:
    _edit(project / "mkdocs.yml", SEARCH_LINE, f"  - search:\n      separator: {MATERIAL_SEPARATOR}\n")


def _features(project: Path, on: set[str]) -> None:
    path = project / search_index.SOURCES / search_index.WRAPPER
    text = path.read_text(encoding="utf-8")
    if len(FEATURES_RE.findall(text)) != 1:
        sys.exit(f"{path}: expected one line `    var FEATURES = {{ ... }}`; cannot switch its changes")
    flags = ", ".join(f"{name}: {'true' if name in on else 'false'}" for name in SWITCHES)
    path.write_text(FEATURES_RE.sub(f"    var FEATURES = {{ {flags} }}", text), encoding="utf-8")


def _without_keywords(project: Path) -> None:
    """The pages' front matter `keywords:` removed (the index then has no keywords field)."""
    found = 0
    for page in (project / "docs").rglob("*.md"):
        text, count = KEYWORDS_BLOCK_RE.subn("", page.read_text(encoding="utf-8"), count=1)
        if count:
            found += count
            page.write_text(text, encoding="utf-8")
    if not found:
        sys.exit("docs/: no page has front matter `keywords:`; the benchmark cannot make its variant")


def _variants(quick: bool) -> list[tuple[str, list]]:
    """(name, edits of the copy) for each build; an edit is (function, *arguments)."""
    before = [(_material_separator,), (_features, set())]
    variants = [("Material default", [(_without_hook,)])]
    if not quick:
        variants += [
            ("Indonesian, basic", [*before, (_without_keywords,)]),
            ("  + address separator only", [(_features, set()), (_without_keywords,)]),
            ("  + ranking only", [(_material_separator,), (_features, {"ranking"}), (_without_keywords,)]),
            ("  + synonyms only", [(_material_separator,), (_features, {"synonyms"}), (_without_keywords,)]),
            ("  + typos only", [(_material_separator,), (_features, {"typos"}), (_without_keywords,)]),
            ("  + page keywords only", before),
        ]
    variants.append(("Indonesian (all of it)", []))
    return variants


def _variant_project(tmp: Path, number: int, edits: list) -> Path:
    """A copy of the project with a variant's edits applied."""
    project = copy_project(tmp / f"project-{number}")
    for edit, *arguments in edits:
        edit(project, *arguments)
    return project


def _build(project: Path, out: Path) -> LoopbackServer:
    server = LoopbackServer(out)
    result = build_site(project, out, server.url, timeout=3600)
    if result.returncode != 0:
        server.stop()
        sys.exit(f"build of {project} failed:\n{result.output}")
    return server.start()


# --- typing the queries ------------------------------------------------------------------


def _round(
    run: Run,
    browser: Browser,
    throttle: float,
    *,
    count_hits: bool,
    timeout_ms: int = 10_000,
    queries: list[Query] | None = None,
) -> None:
    """Load a page in a fresh context (cold cache), wait for search, type every query."""
    context = browser.new_context()
    page = context.new_page()
    if throttle > 1:
        # Chromium's CPU throttling slows the page and its worker, as a cheap phone would.
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    start = time.perf_counter()
    box = SearchBox(page, run.server.url, timeout_ms=timeout_ms)
    run.ready_ms.append((time.perf_counter() - start) * 1000)
    for query in QUERIES if queries is None else queries:
        results, elapsed = box.search(query.text)
        run.keystroke_ms.append(elapsed)
        if count_hits:
            rank = results.index(query.expected) + 1 if query.expected in results else 0
            run.ranks[query] = rank
            run.top3 += 0 < rank <= TOP
            run.top1 += rank == 1
            if not 0 < rank <= TOP and query.set == "tuning":
                run.misses.append(f"{query.text!r} ({query.kind}, line {query.line})")
    context.close()


# --- report --------------------------------------------------------------------------------


def _scores(run: Run, half: str) -> tuple[int, int, int, float]:
    ranks = [rank for query, rank in run.ranks.items() if query.set == half]
    n = len(ranks)
    top1 = sum(rank == 1 for rank in ranks)
    top3 = sum(0 < rank <= TOP for rank in ranks)
    mrr = sum(1 / rank for rank in ranks if rank) / n if n else 0.0
    return n, top1, top3, mrr


def _percent(part: int, whole: int) -> str:
    return f"{part:>3}/{whole} {100 * part / whole:5.1f}%"


def _report(runs: list[Run], timed: list[Run], how: str = "typed into Material's search box\nin headless Chromium") -> None:
    width = max(len(r.name) for r in runs)
    print(f"\n{len(QUERIES)} reader queries (tests/data/search-queries.tsv), {how}")
    print("rank = position of the expected page among the pages listed\n")
    print(f"{'':{width}}  {'tuning half':^34}  {'test half':^34}")
    print(f"{'':{width}}  {'top 1':>12} {'top 3':>12} {'MRR':>6}  {'top 1':>12} {'top 3':>12} {'MRR':>6}")
    for r in runs:
        cells = []
        for half in ("tuning", "test"):
            n, top1, top3, mrr = _scores(r, half)
            cells.append(f"{_percent(top1, n)} {_percent(top3, n)} {mrr:6.3f}")
        print(f"{r.name:{width}}  {cells[0]}  {cells[1]}")
    if timed:
        _report_times(timed, width)
    for r in runs:
        if r.misses:
            print(f"\n{r.name}: tuning queries not in the top {TOP}: " + ", ".join(r.misses))


def _report_times(timed: list[Run], width: int) -> None:
    print(f"\n{'':{width}}  {'keystroke→results ms':>22}  {'ready ms':>9}")
    print(f"{'':{width}}  {'median':>10} {'p90':>11}  {'median':>9}")
    for r in timed:
        p90 = statistics.quantiles(r.keystroke_ms, n=10)[-1]
        print(f"{r.name:{width}}  {statistics.median(r.keystroke_ms):10.1f} {p90:11.1f}  {statistics.median(r.ready_ms):9.0f}")
    print(f"\n{'Downloaded by search (bytes)':{width + 20}}  {'raw':>9}  {'gzip -6':>8}")
    for r in timed:
        for file, raw, packed in r.sizes():
            print(f"{r.name:{width}}  {file:18}  {raw:>9}  {packed:>8}")


def _worker_pages(site_dir: Path, queries: list[Query]) -> list[list[str]]:
    """The result pages of each query from Material's worker run in Node on `site_dir`."""
    try:
        answers = worker_answers(site_dir, [q.text for q in queries])
    except NodeMissing as error:
        sys.exit(f"--fast and --worker: {error}; without it, run the browser rounds")
    except RuntimeError as error:
        sys.exit(str(error))
    return [answers[q.text]["pages"] for q in queries]


def _worker_table(tmp: Path) -> None:
    """Every variant's hit rates on both halves from the worker in Node: figures only, no
    query listed (the browser rounds give the same ranks, in minutes instead of seconds)."""
    runs = []
    for number, (name, edits) in enumerate(_variants(quick=False)):
        project = _variant_project(tmp, number, edits)
        out = tmp / f"site-{number}"
        result = build_site(project, out, "http://127.0.0.1:8000/", timeout=3600)
        if result.returncode != 0:
            sys.exit(f"build of {project} failed:\n{result.output}")
        run = Run(name, None, out)  # type: ignore[arg-type]
        for query, pages in zip(QUERIES, _worker_pages(out, QUERIES), strict=True):
            run.ranks[query] = pages.index(query.expected) + 1 if query.expected in pages else 0
        runs.append(run)
    _report(runs, [], how="sent to Material's search worker\nrun in Node (benchmarks/search_worker.mjs)")


def _fast(site_dir: Path) -> None:
    """Tuning-half hit rates from Material's worker run in Node on `site_dir` (no browser, no
    timings). The test half is not even queried here: a tuning loop must never see it."""
    queries = [q for q in QUERIES if q.set == "tuning"]
    answers = _worker_pages(site_dir, queries)
    run = Run("Indonesian (worker in Node)", None, site_dir)  # type: ignore[arg-type]
    not_first = []
    for query, pages in zip(queries, answers, strict=True):
        rank = pages.index(query.expected) + 1 if query.expected in pages else 0
        run.ranks[query] = rank
        if rank != 1:
            where = f"{query.text!r} -> /{query.expected} at {rank or '-'}; first /{pages[0] if pages else '-'}"
            (not_first if 0 < rank <= TOP else run.misses).append(where)
    n, top1, top3, mrr = _scores(run, "tuning")
    print(f"tuning half, Material's worker in Node: top 1 {_percent(top1, n)}, top 3 {_percent(top3, n)}, MRR {mrr:.3f}")
    for title, lines in ((f"not in the top {TOP}", run.misses), (f"in the top {TOP}, not first", not_first)):
        if lines:
            print(f"\n{title}:\n  " + "\n  ".join(lines))


def _scale(browser: Browser, tmp: Path, factor: int, throttle: float) -> None:
    """The project as it is with `factor` times as many articles: index size, keystrokes."""
    project = copy_project(tmp / f"x{factor}")
    articles = len(list((project / "docs").rglob("*.md")))
    add_articles(project, articles * (factor - 1))
    started = time.perf_counter()
    server = _build(project, tmp / f"site-x{factor}")
    built = time.perf_counter() - started
    try:
        run = Run(f"{factor}x", server, tmp / f"site-x{factor}")
        _round(run, browser, throttle, count_hits=False, timeout_ms=120_000)
        times = run.keystroke_ms
        index = run.sizes()[0]
        print(
            f"{factor}x content ({articles * factor} articles, build {built:.0f} s): search_index.json "
            f"{index[1]:,} B raw, {index[2]:,} B gzip; ready {run.ready_ms[0]:.0f} ms; keystroke→results "
            f"median {statistics.median(times):.1f} ms, p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms "
            f"({len(times)} queries)"
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds of the query set (default and all)")
    parser.add_argument("--throttle", type=float, default=1, help="Chromium CPU slowdown factor, e.g. 4")
    parser.add_argument("--quick", action="store_true", help="only Material default and the project as it is")
    parser.add_argument("--scale", type=int, nargs="*", default=[], help="also N times the content, e.g. 10 100")
    parser.add_argument("--fast", action="store_true", help="hit rates only, Material's worker in Node (tuning loop)")
    parser.add_argument("--site", type=Path, help="with --fast: a built site to query instead of building one")
    parser.add_argument("--worker", action="store_true",
                        help="every variant's hit rates on both halves from the worker in Node, in about two minutes")
    args = parser.parse_args()
    if args.worker:
        with tempfile.TemporaryDirectory() as tmp_name:
            return _worker_table(Path(tmp_name))
    if args.fast:
        if args.site:
            return _fast(args.site)
        with tempfile.TemporaryDirectory() as tmp_name:
            return _fast(built_copy(Path(tmp_name)))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        runs: list[Run] = []
        try:
            for number, (name, edits) in enumerate(_variants(args.quick)):
                project = _variant_project(tmp, number, edits)
                out = tmp / f"site-{number}"
                runs.append(Run(name, _build(project, out), out))
            timed = [runs[0], runs[-1]]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
                for run in runs:  # hits: one round each
                    _round(run, browser, args.throttle, count_hits=True)
                for run in timed:  # warm-up round, not counted
                    _round(Run(run.name, run.server, run.site_dir), browser, args.throttle, count_hits=False)
                for run in timed:
                    run.keystroke_ms.clear()
                    run.ready_ms.clear()
                for _ in range(args.repeat):  # builds alternate, so drift hits both alike
                    for run in timed:
                        _round(run, browser, args.throttle, count_hits=False)
                if args.throttle > 1:
                    print(f"\nCPU throttled {args.throttle:g}x (Chromium's Emulation.setCPUThrottlingRate)")
                _report(runs, timed)
                if args.scale:
                    print()
                for factor in args.scale:
                    _scale(browser, tmp, factor, args.throttle)
                browser.close()
        finally:
            for run in runs:
                run.server.stop()


if __name__ == "__main__":
    main()
