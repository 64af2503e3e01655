"""Search benchmark (not a test): the reader query set of tests/searchtools.py typed into
Material's real search box in headless Chromium, on the same content built twice:

- "Indonesian": the project as it is (akun_diblokir/hooks/search_id.py + lunr.id);
- "Material default": the same project without that hook (what Material does for
  `theme.language: id`: English lunr with no stemmer, stop words or trimmer).

Prints the hit rate (expected page in the top 3, and first), the time from the last
keystroke to the settled result list (median and 90th percentile), the time until the
search box is ready after loading a page, and the size of what search downloads.

    CHROMIUM_PATH=/usr/bin/chromium .venv/bin/python benchmarks/search_bench.py [--repeat 3] [--throttle 4]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import Browser, sync_playwright
from searchtools import QUERIES, TOP, SearchBox
from sitetools import CHROMIUM_ARGS, ROOT, LoopbackServer, build_site, chromium_path, copy_project

HOOK_LINE = "  - akun_diblokir/hooks/search_id.py\n"
LUNR_ID = "assets/javascripts/lunr/min/lunr.id.min.js"


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

    def sizes(self) -> list[tuple[str, int, int]]:
        files = [self.site_dir / "search" / "search_index.json"]
        if self.name.startswith("Indonesian"):
            files.append(self.site_dir / LUNR_ID)
        return [(f.name, f.stat().st_size, len(gzip.compress(f.read_bytes(), compresslevel=6))) for f in files]


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


def _round(run: Run, browser: Browser, throttle: float, *, count_hits: bool, timeout_ms: int = 10_000) -> None:
    """Load a page in a fresh context (cold cache), wait for search, type every query."""
    context = browser.new_context()
    page = context.new_page()
    if throttle > 1:
        # Chromium's CPU throttling slows the page and its worker, as a cheap phone would.
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    start = time.perf_counter()
    box = SearchBox(page, run.server.url, timeout_ms=timeout_ms)
    run.ready_ms.append((time.perf_counter() - start) * 1000)
    for query in QUERIES:
        results, elapsed = box.search(query.text)
        run.keystroke_ms.append(elapsed)
        if count_hits:
            run.top3 += query.expected in results[:TOP]
            run.top1 += results[:1] == [query.expected]
            if query.expected not in results[:TOP]:
                run.misses.append(f"{query.text!r} ({query.kind})")
    context.close()


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
    print(f"\n{'Downloaded by search (bytes)':{width + 20}}  {'raw':>7}  {'gzip -6':>7}")
    for r in runs:
        for file, raw, packed in r.sizes():
            print(f"{r.name:{width}}  {file:18}  {raw:>7}  {packed:>7}")
    for r in runs:
        if r.misses:
            print(f"\n{r.name}: not in the top {TOP}: " + ", ".join(r.misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the query set per build (timings)")
    parser.add_argument("--throttle", type=float, default=1, help="Chromium CPU slowdown factor, e.g. 4")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        default_project = copy_project(tmp / "default")
        _without_hook(default_project)
        builds = [
            ("Indonesian (lunr.id)", ROOT, tmp / "site-id"),
            ("Material default", default_project, tmp / "site-default"),
        ]
        runs = [Run(name, _build(project, out), out) for name, project, out in builds]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
                for run in runs:  # warm-up round, not counted
                    _round(Run(run.name, run.server, run.site_dir), browser, args.throttle, count_hits=False)
                for round_ in range(args.repeat):  # builds alternate, so drift hits both alike
                    for run in runs:
                        _round(run, browser, args.throttle, count_hits=round_ == 0)
                browser.close()
            if args.throttle > 1:
                print(f"\nCPU throttled {args.throttle:g}x (Chromium's Emulation.setCPUThrottlingRate)")
            _report(runs)
        finally:
            for run in runs:
                run.server.stop()


if __name__ == "__main__":
    main()
