"""Performance benchmark of the site (not a test): `make bench`.

Builds the site strictly, serves it gzip-compressed by nginx on loopback and prints:

- Lighthouse (pinned in benchmarks/package.json) mobile scores and FCP, LCP, TBT, CLS of the
  home page and every article, with the LCP breakdown when LCP is over budget;
- the first-load transfer of every page by type, measured in headless Chromium;
- the search index size, the build's wall time (median of --runs strict builds);
- scaling: the same for copies of the project with 10x and 100x as many articles
  (benchmarks/synthetic.py), with build time per page and search keystroke->results time;
- a summary of every budget line, PASS or FAIL.

It exits 0 whatever the budget says (it is a report); 1 with one sentence on an error.

    .venv/bin/python benchmarks/bench.py [--quick] [--runs 3] [--json PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH)]  # the benchmark modules beside this one

from playwright.sync_api import Browser, sync_playwright  # noqa: E402 - after the sys.path lines above
from playwright.sync_api import Error as PlaywrightError  # noqa: E402 - after the sys.path lines above
from search_bench import QUERIES, Query, Run, _round  # noqa: E402 - after the sys.path lines above
from synthetic import add_articles  # noqa: E402 - after the sys.path lines above

from akun_diblokir.localsite import CHROMIUM_ARGS, ROOT, build_site, chromium_path, copy_project, free_port, page_urls  # noqa: E402 - after the sys.path lines above

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SEARCH_INDEX = "search/search_index.json"

# The performance budget (decisions/performance.md).
BUDGET_SCORE = 100
BUDGET_LCP_MS = 1000
BUDGET_FIRST_LOAD = 70 * 1024
BUDGET_KEYSTROKE_MS = 100


class BenchError(Exception):
    """A problem that stops the benchmark; printed as one sentence, without a traceback."""


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")  # so `finally` stops nginx


# --- nginx -----------------------------------------------------------------------------

# Hand-written instead of the distribution's mime.types, so the config is the same on any
# system that has an nginx binary. gzip as a real deployment does: text types, level 6.
NGINX_CONF = """daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
  types {{
    text/html html; text/css css; application/javascript js; application/json json map;
    image/svg+xml svg; image/png png; image/x-icon ico; application/xml xml; text/plain txt;
    application/manifest+json webmanifest; font/woff2 woff2;
  }}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {tmp}/client; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  sendfile on;
  gzip on;
  gzip_comp_level 6;
  gzip_types text/css application/javascript application/json image/svg+xml application/xml text/plain;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    error_page 404 /404.html;
  }}
}}
"""


def nginx_binary() -> str:
    path = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).is_file():
        raise BenchError(f"nginx not found at {path}: install it (Debian: apt-get install nginx-light) or set NGINX to its path.")
    return path


class Nginx:
    """nginx serving `root` on 127.0.0.1:`port`, with its config and logs in `tmp`."""

    def __init__(self, root: Path, port: int, tmp: Path) -> None:
        self.root, self.port, self.tmp = root, port, tmp
        self.url = f"http://127.0.0.1:{port}/"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Nginx:
        self.tmp.mkdir(parents=True, exist_ok=True)
        conf = self.tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=self.tmp, port=self.port, root=self.root), encoding="utf-8")
        cmd = [nginx_binary(), "-c", str(conf), "-p", str(self.tmp), "-e", str(self.tmp / "error.log")]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = (self.proc.stderr.read() if self.proc.stderr else b"").decode(errors="replace").strip()
                raise BenchError(f"nginx did not start: {err.splitlines()[-1] if err else 'no message'}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise BenchError(f"nginx did not answer on port {self.port} within 10 s.")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: nginx's fast shutdown, workers included
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --- building ----------------------------------------------------------------------------


@dataclass
class Site:
    name: str
    project: Path
    site_dir: Path
    port: int
    build_s: list[float] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def build(site: Site, runs: int) -> None:
    """`runs` strict builds of the project, timed; the last one is the site that is served."""
    for _ in range(runs):
        shutil.rmtree(site.site_dir, ignore_errors=True)
        start = time.perf_counter()
        result = build_site(site.project, site.site_dir, site.url, timeout=3600)
        site.build_s.append(time.perf_counter() - start)
        if result.returncode != 0:
            last = [line for line in result.output.splitlines() if line.strip()][-1:]
            raise BenchError(f"the strict build of {site.name} failed: {last[0] if last else 'no output'}")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # the level nginx is given above


# --- Lighthouse --------------------------------------------------------------------------

# Lighthouse 12.2.3's trace engine reads PipelineReporter's `chrome_frame_reporter`, which
# newer Chromium (the system one, e.g. 156) names `frame_reporter`: without this one-line
# compatibility fix, `render-blocking-resources` and the LCP element/phases fail with
# "Cannot read properties of undefined (reading 'frame_sequence')". Applied to the
# installed copy in benchmarks/node_modules only (npm ci restores the original).
_TRACE_HANDLER = "node_modules/@paulirish/trace_engine/models/trace/handlers/ScreenshotsHandler.js"
_OLD = "evt.args.data.beginEvent.args.chrome_frame_reporter.frame_sequence"
_NEW = "(evt.args.data.beginEvent.args.chrome_frame_reporter ?? evt.args.data.beginEvent.args.frame_reporter).frame_sequence"


def check_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        raise BenchError("Lighthouse is not installed: run `npm ci --prefix benchmarks` (or `make bench`).")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    if version != LIGHTHOUSE_VERSION:
        raise BenchError(f"Lighthouse {version or '?'} installed, {LIGHTHOUSE_VERSION} expected: run `npm ci --prefix benchmarks`.")
    handler = BENCH / _TRACE_HANDLER
    text = handler.read_text(encoding="utf-8") if handler.exists() else ""
    if _OLD in text and _NEW not in text:
        handler.write_text(text.replace(_OLD, _NEW), encoding="utf-8")


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run with its defaults (mobile, simulated throttling): scores, metrics and,
    for the LCP breakdown, the LCP phases and render-blocking resources."""
    cmd = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    env = dict(os.environ, CHROME_PATH=chromium_path())
    print(f"   lighthouse {url}", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0 or not out.exists():
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise BenchError(f"Lighthouse failed on {url}: {last}")
    lhr = json.loads(out.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise BenchError(f"Lighthouse failed on {url}: {lhr['runtimeError'].get('message')}")
    audits = lhr["audits"]
    num = lambda audit: audits[audit].get("numericValue")  # noqa: E731 - a one-line helper
    result = {
        "url": url,
        "scores": {c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "fcp_ms": num("first-contentful-paint"),
        "lcp_ms": num("largest-contentful-paint"),
        "tbt_ms": num("total-blocking-time"),
        "cls": num("cumulative-layout-shift"),
        "failed_audits": sorted(
            f"{c}:{ref['id']}"
            for c in CATEGORIES
            for ref in lhr["categories"][c]["auditRefs"]
            if ref.get("weight") and (audits[ref["id"]].get("score") is not None) and audits[ref["id"]]["score"] < 1
        ),
        "lcp_phases": {},
        "render_blocking": [],
    }
    for table in (audits["largest-contentful-paint-element"].get("details") or {}).get("items", []):
        for item in table.get("items", []):
            if "phase" in item:
                result["lcp_phases"][item["phase"]] = round(item["timing"])
            elif "node" in item:
                result["lcp_element"] = item["node"].get("selector")
    for item in (audits["render-blocking-resources"].get("details") or {}).get("items", []):
        result["render_blocking"].append(
            {"path": urlsplit(item["url"]).path, "bytes": item.get("totalBytes"), "wasted_ms": item.get("wastedMs")}
        )
    return result


def lighthouse_median(url: str, out: Path, runs: int) -> dict:
    """Lighthouse's advice against its run-to-run variance: several runs, keep the median one
    (ordered by performance score, then LCP). `runs` counts the runs."""
    results = sorted(
        (lighthouse(url, out.with_suffix(f".{n}.json")) for n in range(runs)),
        key=lambda r: (r["scores"]["performance"], -r["lcp_ms"]),
    )
    median = results[len(results) // 2]
    median["runs"] = runs
    return median


# --- first load in Chromium --------------------------------------------------------------

KINDS = ("html", "css", "js", "images", "other")


def _kind(resource_type: str, path: str) -> str:
    if resource_type == "document":
        return "html"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith(".js"):  # lunr is loaded by importScripts
        return "js"
    if resource_type == "image" or path.endswith((".svg", ".png", ".ico")):
        return "images"
    return "other"


def first_load(browser: Browser, url: str) -> dict:
    """Bytes on the wire (compressed bodies and headers) for a cold load of `url`, until the
    network is idle: everything the page and its workers fetch on their own."""
    context = browser.new_context()  # fresh: no cache
    requests = []
    context.on("requestfinished", lambda request: requests.append(request))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    totals = dict.fromkeys(KINDS, 0)
    files = []
    for request in requests:
        if not request.url.startswith("http"):
            continue  # data: URIs are inside the page already
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        path = urlsplit(request.url).path
        totals[_kind(request.resource_type, path)] += size
        files.append((path, size))
    context.close()
    return {"url": url, **totals, "total": sum(totals.values()), "requests": len(files), "files": files}


# --- search ------------------------------------------------------------------------------


def query_sample(size: int) -> list[Query]:
    """`size` reader queries of the query file, evenly spaced through it (every batch and
    kind in its share), the same ones every run; all of them for 0 or more than it holds.
    Typing all of the ~2,100 queries at 10x and 100x took the scaling part 50 minutes, and
    the median of a few hundred keystrokes moves by a millisecond or two."""
    if size <= 0 or size >= len(QUERIES):
        return list(QUERIES)
    return [QUERIES[i * len(QUERIES) // size] for i in range(size)]


def search_timing(browser: Browser, site: Site, rounds: int, sample: int) -> dict:
    """Material's search box driven by benchmarks/search_bench.py: each round loads the home
    page in a cold context, focuses the search box (which starts the search worker if it is
    lazy), waits until it is ready and types `sample` reader queries (query_sample). The first
    query of a round is reported on its own; the others are the keystroke->results figures."""
    run = Run(site.name, site, site.site_dir)  # _round needs only .url of the server
    queries = query_sample(sample)
    first, rest = [], []
    for number in range(rounds):
        before = len(run.keystroke_ms)
        # A large index takes the worker seconds to load: a generous timeout.
        _round(run, browser, 1, count_hits=number == 0, timeout_ms=120_000, queries=queries)
        timings = run.keystroke_ms[before:]
        first.append(timings[0])
        rest.extend(timings[1:])
    return {
        "ready_ms": statistics.median(run.ready_ms),
        "first_query_ms": statistics.median(first),
        "keystroke_median_ms": statistics.median(rest),
        "keystroke_max_ms": max(rest),
        "keystrokes": len(rest),
        "top3": run.top3,
    }


# --- report ------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[object]]) -> None:
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def page_name(url: str, site: Site) -> str:
    return "/" + url.removeprefix(site.url)


def print_lighthouse(results: list[dict], site: Site) -> None:
    runs = results[0].get("runs", 1)
    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile defaults (simulated slow 4G, 4x CPU), {site.name}"
          + (f", median of {runs} runs per page" if runs > 1 else ", one run per page"))
    rows = []
    for r in results:
        s = r["scores"]
        ok = all(v >= BUDGET_SCORE for v in s.values()) and r["lcp_ms"] <= BUDGET_LCP_MS
        rows.append([page_name(r["url"], site), s["performance"], s["accessibility"], s["best-practices"], s["seo"],
                     f"{r['fcp_ms']:.0f}", f"{r['lcp_ms']:.0f}", f"{r['tbt_ms']:.0f}", f"{r['cls']:.3f}", verdict(ok)])
    table(["page", "perf", "a11y", "bp", "seo", "FCP ms", "LCP ms", "TBT ms", "CLS", "budget"], rows)
    failed: dict[str, list[str]] = {}
    for r in results:
        for audit in r["failed_audits"]:
            failed.setdefault(audit, []).append(page_name(r["url"], site))
    for audit, pages in sorted(failed.items()):
        where = "every page" if len(pages) == len(results) else ", ".join(pages)
        print(f"  below 100 because of audit {audit} on {where}")
    over = [r for r in results if r["lcp_ms"] > BUDGET_LCP_MS]
    if over:
        best = min(results, key=lambda r: r["lcp_ms"])
        print(f"\n  LCP over {BUDGET_LCP_MS} ms on {len(over)}/{len(results)} pages; best reached "
              f"{best['lcp_ms']:.0f} ms ({page_name(best['url'], site)}). Breakdown of that page:")
        phases = ", ".join(f"{k} {v} ms" for k, v in best["lcp_phases"].items()) or "not reported"
        print(f"  LCP element {best.get('lcp_element', '?')}: {phases}")
        for item in best["render_blocking"]:
            print(f"  render-blocking {item['path']}: {item['bytes']} B transferred, {item['wasted_ms']} ms")


def print_first_loads(loads: list[dict], site: Site) -> None:
    print(f"\nFirst load in headless Chromium, cold cache, until network idle (KB on the wire, gzip), {site.name}")
    rows = [[page_name(f["url"], site), *(kb(f[k]) for k in KINDS), kb(f["total"]), f["requests"],
             verdict(f["total"] <= BUDGET_FIRST_LOAD)] for f in loads]
    table(["page", *KINDS, "total", "requests", "budget"], rows)
    heaviest = max(loads, key=lambda f: f["total"])
    print(f"  heaviest page {page_name(heaviest['url'], site)}: {kb(heaviest['total'])} KB; its largest files: "
          + ", ".join(f"{p} {kb(s)}" for p, s in sorted(heaviest["files"], key=lambda x: -x[1])[:4]))


def index_sizes(site: Site) -> dict:
    data = (site.site_dir / SEARCH_INDEX).read_bytes()
    return {"raw": len(data), "gzip": gzip_size(data)}


def _lines(*cmd: str) -> list[str]:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return (proc.stdout + proc.stderr).strip().splitlines()


def environment() -> dict:
    """What the figures depend on: the machine, its load, and the tools' versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("lscpu") if line.startswith("Model name")), "?")
    meminfo = Path("/proc/meminfo")
    mem_kib = int(meminfo.read_text().split()[1]) if meminfo.exists() else 0  # MemTotal comes first
    return {
        "cpu": f"{os.cpu_count()} cores, {cpu}",
        "ram_gib": round(mem_kib / 1024**2, 1),
        "load_1min_start": round(os.getloadavg()[0], 2),
        "chromium": (_lines(chromium_path(), "--version") or ["?"])[0],
        "node": (_lines("node", "--version") or ["?"])[0],
        "lighthouse": LIGHTHOUSE_VERSION,
        "nginx": (_lines(nginx_binary(), "-v") or ["?"])[0],
    }


# --- main --------------------------------------------------------------------------------


def measure_scaled(factor: int, articles: int, args: argparse.Namespace, tmp: Path, browser: Browser) -> dict:
    project = copy_project(tmp / f"project-{factor}x")
    add_articles(project, articles * (factor - 1))  # factor x as many articles in all
    site = Site(f"{factor}x site", project, tmp / f"site-{factor}x", free_port())
    runs = 1 if factor >= 100 and not args.full_runs else args.runs
    print(f"\n== {factor}x: {articles * factor} articles; {runs} strict build(s) ...", flush=True)
    build(site, runs)
    pages = page_urls(site.site_dir)
    synthetic = next(u for u in pages if "/sintetis/" in u)
    with Nginx(site.site_dir, site.port, tmp / f"nginx-{factor}x"):
        lh = [lighthouse_median(u, tmp / f"lh-{factor}x-{n}.json", args.lighthouse_runs)
              for n, u in enumerate([site.url, synthetic])]
        loads = [first_load(browser, u) for u in (site.url, synthetic)]
        search = search_timing(browser, site, args.search_rounds, args.search_queries)
    print_lighthouse(lh, site)
    print_first_loads(loads, site)
    build_s = statistics.median(site.build_s)
    return {"factor": factor, "pages": len(pages), "build_runs": runs, "build_s": build_s,
            "build_ms_per_page": 1000 * build_s / len(pages), "index": index_sizes(site),
            "lighthouse": lh, "first_load": loads, "search": search}


def run(args: argparse.Namespace) -> dict:
    check_lighthouse()
    nginx_binary()
    figures: dict = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "environment": environment()}
    print("== " + "; ".join(f"{k} {v}" for k, v in figures["environment"].items()), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name, sync_playwright() as p:
        tmp = Path(tmp_name)
        tmp.chmod(0o755)  # nginx started as root serves as "nobody", which must read the site
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        site = Site("the site", ROOT, tmp / "site", free_port())
        print(f"== the site: {args.runs} strict build(s) ...", flush=True)
        build(site, args.runs)
        pages = page_urls(site.site_dir)
        articles = len(pages) - 1
        lh_pages = pages[:1] if args.scaling else pages[:3] if args.quick else pages
        with Nginx(site.site_dir, site.port, tmp / "nginx"):
            print(f"== Lighthouse on {len(lh_pages)} pages, one after another ...", flush=True)
            figures["lighthouse"] = [lighthouse_median(u, tmp / f"lh-{n}.json", args.lighthouse_runs)
                                     for n, u in enumerate(lh_pages)]
            figures["first_load"] = [first_load(browser, u) for u in pages]
            figures["search"] = search_timing(browser, site, args.search_rounds, args.search_queries)
        print_lighthouse(figures["lighthouse"], site)
        print_first_loads(figures["first_load"], site)
        figures["index"] = index_sizes(site)
        figures["build_s"] = site.build_s
        figures["pages"] = len(pages)
        figures["scaling"] = [{"factor": 1, "pages": len(pages), "build_runs": args.runs,
                               "build_s": statistics.median(site.build_s),
                               "build_ms_per_page": 1000 * statistics.median(site.build_s) / len(pages),
                               "index": figures["index"], "first_load": figures["first_load"][:1],
                               "lighthouse": figures["lighthouse"][:1], "search": figures["search"]}]
        for factor in (10,) if args.quick and not args.scaling else (10, 100):
            figures["scaling"].append(measure_scaled(factor, articles, args, tmp, browser))
        browser.close()
    figures["environment"]["load_1min_end"] = round(os.getloadavg()[0], 2)
    return figures


def print_summary(figures: dict) -> list[tuple[str, str, bool]]:
    print("\nScaling (home page; search: reader queries of tests/data/search-queries.tsv, typed after the box is ready)")
    rows = []
    for s in figures["scaling"]:
        lh, load, search = s["lighthouse"][0], s["first_load"][0], s["search"]
        rows.append([f"{s['factor']}x", s["pages"], f"{s['build_s']:.1f} ({s['build_runs']})", f"{s['build_ms_per_page']:.0f}",
                     kb(s["index"]["raw"]), kb(s["index"]["gzip"]), kb(load["html"]), kb(load["total"]),
                     lh["scores"]["performance"], f"{lh['lcp_ms']:.0f}", f"{search['ready_ms']:.0f}",
                     f"{search['first_query_ms']:.0f}", f"{search['keystroke_median_ms']:.0f}", f"{search['keystroke_max_ms']:.0f}"])
    table(["scale", "pages", "build s (runs)", "ms/page", "index KB", "gz KB", "home HTML KB", "home load KB",
           "perf", "LCP ms", "ready ms", "1st query ms", "keys med ms", "keys max ms"], rows)

    lh = figures["lighthouse"]
    loads = figures["first_load"]
    largest = figures["scaling"][-1]
    scores_min = {c: min(r["scores"][c] for r in lh) for c in CATEGORIES}
    worst_lcp = max(lh, key=lambda r: r["lcp_ms"])
    heaviest = max(loads, key=lambda f: f["total"])
    lines = [
        *((f"Lighthouse {c} = {BUDGET_SCORE} on every page ({len(lh)})", f"lowest {scores_min[c]}",
           scores_min[c] >= BUDGET_SCORE) for c in CATEGORIES),
        (f"LCP <= {BUDGET_LCP_MS} ms on every page", f"worst {worst_lcp['lcp_ms']:.0f} ms, best "
         f"{min(r['lcp_ms'] for r in lh):.0f} ms", worst_lcp["lcp_ms"] <= BUDGET_LCP_MS),
        (f"first load <= {BUDGET_FIRST_LOAD // 1024} KB compressed on every page ({len(loads)})",
         f"heaviest {kb(heaviest['total'])} KB", heaviest["total"] <= BUDGET_FIRST_LOAD),
        *((f"build at {largest['factor']}x <= 12 times the build at {s10['factor']}x (grows linearly)",
           f"{largest['build_s'] / s10['build_s']:.1f} times ({s10['build_s']:.1f} s -> {largest['build_s']:.1f} s)",
           largest["build_s"] <= 12 * s10["build_s"]) for s10 in figures["scaling"][1:2] if largest is not s10),
        (f"Lighthouse performance = {BUDGET_SCORE} on the home page at {largest['factor']}x",
         f"{largest['lighthouse'][0]['scores']['performance']}",
         largest["lighthouse"][0]["scores"]["performance"] >= BUDGET_SCORE),
        (f"search keystroke->results <= {BUDGET_KEYSTROKE_MS} ms at {largest['factor']}x (median)",
         f"median {largest['search']['keystroke_median_ms']:.0f} ms, max {largest['search']['keystroke_max_ms']:.0f} ms",
         largest["search"]["keystroke_median_ms"] <= BUDGET_KEYSTROKE_MS),
    ]
    print(f"\nSummary ({figures['date']}; build of the site: median {statistics.median(figures['build_s']):.2f} s "
          f"of {len(figures['build_s'])} strict builds; search index {figures['index']['raw']} B raw, "
          f"{figures['index']['gzip']} B gzip)")
    table(["budget", "measured", "result"], [[name, value, verdict(ok)] for name, value, ok in lines])
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="development: Lighthouse on 3 pages, scaling 10x only")
    parser.add_argument("--scaling", action="store_true",
                        help="the scaling part only: Lighthouse on the home page at 1x, then the 10x and 100x sites")
    parser.add_argument("--runs", type=int, default=3, help="strict builds timed per site (median; default 3)")
    parser.add_argument("--full-runs", action="store_true", help="also time --runs builds at 100x (else one, it is slow)")
    parser.add_argument("--lighthouse-runs", type=int, default=None,
                        help="Lighthouse runs per page, the median one kept (default 3, with --quick 1)")
    # One round: the query file holds about 1,900 queries, so one round gives as many keystrokes
    # (three rounds tripled a scaling run that took 50 minutes with one).
    parser.add_argument("--search-rounds", type=int, default=1, help="rounds of the reader queries per site (default 1)")
    parser.add_argument("--search-queries", type=int, default=600, metavar="N",
                        help="reader queries typed per round, evenly spaced through the query file (default 600; 0: all)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write every figure to PATH as JSON")
    args = parser.parse_args()
    if args.lighthouse_runs is None:  # Lighthouse's advice: the median of several runs
        args.lighthouse_runs = 1 if args.quick else 3
    if min(args.runs, args.search_rounds, args.lighthouse_runs) < 1:
        parser.error("--runs, --search-rounds and --lighthouse-runs must be at least 1")
    if args.json and not args.json.parent.is_dir():
        parser.error(f"--json: the folder {args.json.parent} does not exist")
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        figures = run(args)
        figures["budget"] = [{"budget": n, "measured": v, "pass": ok} for n, v, ok in print_summary(figures)]
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
            print(f"\nfigures written to {args.json}")
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except RuntimeError as error:  # sitetools.chromium_path(): no Chromium
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except PlaywrightError as error:  # e.g. a timeout while waiting for search results
        print(f"bench: Chromium: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as error:
        print(f"bench: {Path(str(error.cmd[0])).name} took longer than {error.timeout:.0f} s.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
