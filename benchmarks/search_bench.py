"""Search benchmark (not a test): the reader query set of tests/searchtools.py typed into
Material's real search box in headless Chromium, on the same content built twice:

- "Indonesian": the project as it is (overrides/hooks/search_id.py + lunr.id);
- "Material default": the same project without that hook (what Material does for
  `theme.language: id`: English lunr with no stemmer, stop words or trimmer).

Prints the hit rate (expected page in the top 3, and first), the time from the last
keystroke to the settled result list (median and 90th percentile), the time until the
search box is ready after loading a page, and the size of what search downloads.

    CHROMIUM_PATH=/usr/bin/chromium .venv/bin/python benchmarks/search_bench.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from searchtools import QUERIES, TOP, SearchBox  # noqa: E402
from sitetools import CHROMIUM_ARGS, ROOT, LoopbackServer, build_site, chromium_path, copy_project  # noqa: E402

HOOK_LINE = "  - overrides/hooks/search_id.py\n"
LUNR_ID = "assets/javascripts/lunr/min/lunr.id.min.js"


@dataclass
class Run:
    name: str
    top3: int
    top1: int
    misses: list[str]
    keystroke_ms: list[float]
    ready_ms: list[float]
    index_raw: int
    index_gzip: int
    extension_raw: int
    extension_gzip: int


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _without_hook(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if HOOK_LINE not in text:
        sys.exit(f"mkdocs.yml: expected the hook line {HOOK_LINE.strip()!r} under `hooks:`")
    config.write_text(text.replace(HOOK_LINE, ""), encoding="utf-8")


def _build(project: Path, out: Path) -> LoopbackServer:
    server = LoopbackServer(out)
    result = build_site(project, out, server.url)
    if result.returncode != 0:
        server.stop()
        sys.exit(f"build of {project} failed:\n{result.output}")
    return server.start()


def _measure(name: str, server: LoopbackServer, site_dir: Path, browser, repeat: int) -> Run:  # noqa: ANN001
    keystroke: list[float] = []
    ready: list[float] = []
    top3 = top1 = 0
    misses: list[str] = []
    for round_ in range(repeat):
        context = browser.new_context()
        page = context.new_page()
        start = time.perf_counter()
        box = SearchBox(page, server.url)
        ready.append((time.perf_counter() - start) * 1000)
        for query in QUERIES:
            results, elapsed = box.search(query.text)
            keystroke.append(elapsed)
            if round_ == 0:
                top3 += query.expected in results[:TOP]
                top1 += results[:1] == [query.expected]
                if query.expected not in results[:TOP]:
                    misses.append(f"{query.text!r} ({query.kind})")
        context.close()
    index = site_dir / "search" / "search_index.json"
    extension = site_dir / LUNR_ID
    loaded = name.startswith("Indonesian")
    return Run(
        name, top3, top1, misses, keystroke, ready,
        index.stat().st_size, _gzip_size(index),
        extension.stat().st_size if loaded else 0, _gzip_size(extension) if loaded else 0,
    )


def _report(runs: list[Run]) -> None:
    n = len(QUERIES)
    width = max(len(r.name) for r in runs)
    print(f"\n{n} reader queries (tests/searchtools.py), typed into Material's search box in headless Chromium\n")
    print(f"{'':{width}}  {'top 3':>12}  {'first':>12}  {'keystroke→results ms':>22}  {'ready ms':>9}")
    print(f"{'':{width}}  {'':>12}  {'':>12}  {'median':>10} {'p90':>11}  {'median':>9}")
    for r in runs:
        p90 = statistics.quantiles(r.keystroke_ms, n=10)[-1]
        print(
            f"{r.name:{width}}  {r.top3:>3}/{n} {100 * r.top3 / n:5.1f}%  {r.top1:>3}/{n} {100 * r.top1 / n:5.1f}%"
            f"  {statistics.median(r.keystroke_ms):10.1f} {p90:11.1f}  {statistics.median(r.ready_ms):9.0f}"
        )
    print("\nDownloaded by search (bytes)      raw    gzip -6")
    for r in runs:
        print(f"{r.name:{width}}  search_index.json  {r.index_raw:>7}  {r.index_gzip:>7}")
        if r.extension_raw:
            print(f"{r.name:{width}}  lunr.id.min.js     {r.extension_raw:>7}  {r.extension_gzip:>7}")
    for r in runs:
        if r.misses:
            print(f"\n{r.name}: not in the top {TOP}: " + ", ".join(r.misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the query set per build (timings)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        default_project = copy_project(tmp / "default")
        _without_hook(default_project)
        builds = [
            ("Indonesian (lunr.id)", ROOT, tmp / "site-id"),
            ("Material default", default_project, tmp / "site-default"),
        ]
        servers = [(name, _build(project, out), out) for name, project, out in builds]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
                runs = [_measure(name, server, out, browser, args.repeat) for name, server, out in servers]
                browser.close()
        finally:
            for _, server, _ in servers:
                server.stop()
    _report(runs)


if __name__ == "__main__":
    main()
