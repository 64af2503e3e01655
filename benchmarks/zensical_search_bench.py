"""Zensical's search against Material's on the reader queries (tests/data/search-queries.tsv),
on the same content: one Zensical build and one MkDocs build of a copy of the project.

- Zensical: its own worker and search.json, run in Node (benchmarks/zensical_search_worker.mjs).
  Its dialog lists one row per page or section, a page's sections not grouped under it, so
  two ranks are given: the row of the page's first row (what the reader sees) and its
  position with every page kept once (how Material counts, for a like-for-like figure).
- Material: the project's Indonesian search, Material's worker run in Node
  (benchmarks/search_worker.mjs, as `search_bench.py --fast`; its browser rounds agree).

Tuning half by default: top 1 and top 3, and the tuning queries Zensical misses. --test-half
adds ONE aggregate line per engine for the test half, no query listed (see the header of
tests/data/search-queries.tsv). --browser also types the tuning half into Zensical's real
search box in headless Chromium and counts the queries whose first three rows differ from
the Node run.

    .venv/bin/python benchmarks/zensical_search_bench.py [--test-half] [--browser] [--misses]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from searchtools import QUERIES, TOP, Query
from sitetools import CHROMIUM_ARGS, VENV_BIN, LoopbackServer, build_site, chromium_path, copy_project

HERE = Path(__file__).resolve().parent
SITE_URL = "http://127.0.0.1:8000/"

# Counts the worker's answers to queries (type 3) without changing what the page does.
_COUNT_REPLIES = """(() => {
  const Native = window.Worker
  window.__replies = 0
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    worker.addEventListener("message", e => { if (e.data && e.data.type === 3) window.__replies++ })
    return worker
  }
  window.Worker.prototype = Native.prototype
})()"""
_ROWS = """links => links.map(a => new URL(a.href).pathname.replace(/^\\//, ""))"""


def _node(script: str, site: Path, queries: list[Query]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        sys.exit("this benchmark needs Node.js (`node` on PATH)")
    proc = subprocess.run([node, str(HERE / script), str(site)], input="".join(q.text + "\n" for q in queries),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{script} failed:\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _rank(listed: list[str], expected: str) -> int:
    return listed.index(expected) + 1 if expected in listed else 0


def _build_zensical(project: Path) -> Path:
    env = dict(os.environ, SITE_URL=SITE_URL, NO_COLOR="1")
    proc = subprocess.run([str(VENV_BIN / "zensical"), "build", "--clean", "-f", "mkdocs.yml"], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        sys.exit(f"zensical build failed:\n{proc.stdout}{proc.stderr}")
    return project / "site"


def _line(name: str, ranks: list[int]) -> str:
    n = len(ranks)
    top1 = sum(r == 1 for r in ranks)
    top3 = sum(0 < r <= TOP for r in ranks)
    return f"{name:44} top 1 {top1:>3}/{n} {100 * top1 / n:5.1f} %   top {TOP} {top3:>3}/{n} {100 * top3 / n:5.1f} %"


def _browser_rows(site: Path, queries: list[Query]) -> list[list[str]]:
    """The result rows of each query typed into Zensical's search dialog in Chromium."""
    from playwright.sync_api import sync_playwright

    server = LoopbackServer(site).start()
    rows: list[list[str]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.add_init_script(_COUNT_REPLIES)
            page.goto(server.url, wait_until="load")
            page.wait_for_function("() => typeof window.document$ === 'object'")
            page.keyboard.press("/")
            field = page.locator("dialog[open] input[role=combobox]")
            field.wait_for()
            for query in queries:
                since = page.evaluate("window.__replies")
                field.fill(query.text)  # one input event: one query to the worker
                page.wait_for_function("n => window.__replies > n", arg=since)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                rows.append(page.locator("dialog[open] [role=listbox] a[role=option]").evaluate_all(_ROWS))
            browser.close()
    finally:
        server.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-half", action="store_true", help="also one aggregate line per engine for the test half")
    parser.add_argument("--browser", action="store_true", help="also type the tuning half into Zensical's dialog")
    parser.add_argument("--misses", action="store_true", help="list the tuning queries Zensical misses")
    args = parser.parse_args()
    halves = ["tuning", "test"] if args.test_half else ["tuning"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        zensical = _build_zensical(copy_project(tmp / "zensical"))
        result = build_site(copy_project(tmp / "mkdocs"), tmp / "mkdocs-site", SITE_URL)
        if result.returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.output}")
        for half in halves:
            queries = [q for q in QUERIES if q.set == half]
            z = _node("zensical_search_worker.mjs", zensical, queries)
            m = _node("search_worker.mjs", tmp / "mkdocs-site", queries)
            print(f"\n{half} half, {len(queries)} queries")
            print(_line("Material, Indonesian lunr (pages)", [_rank(a["pages"], q.expected) for q, a in zip(queries, m, strict=True)]))
            print(_line("Zensical (rows, as its dialog lists them)", [_rank(a["rows"], q.expected) for q, a in zip(queries, z, strict=True)]))
            print(_line("Zensical (pages, each page once)", [_rank(a["pages"], q.expected) for q, a in zip(queries, z, strict=True)]))
            print(f"{'Zensical: queries with no result at all':44} {sum(not a['rows'] for a in z):>3}/{len(queries)}")
            if half == "tuning" and args.misses:
                for q, a in zip(queries, z, strict=True):
                    if not 0 < _rank(a["rows"], q.expected) <= TOP:
                        print(f"  miss: {q.text!r} -> /{q.expected} (rows {a['rows'][:TOP]})")
            if half == "tuning" and args.browser:
                rows = _browser_rows(zensical, queries)
                differ = sum(r[:TOP] != a["rows"][:TOP] for r, a in zip(rows, z, strict=True))
                print(_line("Zensical (rows, typed in Chromium)", [_rank(r, q.expected) for q, r in zip(queries, rows, strict=True)]))
                print(f"{'first 3 rows differ between Chromium and Node':44} {differ:>3}/{len(queries)}")


if __name__ == "__main__":
    main()
