"""Complaint builder benchmark (not a test): how fast /susun-pengaduan/ answers a keystroke.

Builds the site strictly, serves it on loopback with its `_headers`, opens the builder in
headless Chromium as a 360 px phone with the CPU slowed down (default 4x, Chromium's
Emulation.setCPUThrottlingRate), and types a reader's answers key by key: name, email, a
chronology of several rows and a long reason (the texts grow as the reader types). For each
keystroke it measures:

- "work": from the input event to the moment the page's texts have changed (a
  MutationObserver on the email text, which the builder rewrites on every keystroke): the
  builder's own script;
- "update": the same from the key event (the browser's own handling of the key included);
- "frame": from the key event to the end of the next frame after that change (the next
  animation frame and the task after it), about when the reader sees it.

It also reports the browser's own Event Timing durations of the keydown events (the measure
behind INP: from the key event to the next paint, in steps of 8 ms, only those of 16 ms or
more), so both measures can be compared. Typing starts once the theme's script has loaded
(it loads after the page), so its start-up is not counted. A trailing space changes no text
(answers are trimmed): such keystrokes are counted apart. For comparison, the same text is
then typed into a plain text field added outside the builder (no script listens to it):
what the browser and the machine take on their own.

Before that, the journey (not throttled): a reader on a cause page taps "Susun teks
pengaduan" and goes through the five steps with the fewest answers the builder asks for (name,
email, status, date; the cause comes chosen from the cause page), to the email app with the
filled email, and on to the five texts for the official form, each copied. It counts taps
(each on the middle of its target, as a thumb), swipes (a target below or above the screen
is brought into view; one swipe moves at most three quarters of the screen) and typed
characters (a date counts as its 8 digits). Goal: at most 15 taps and 5 swipes.

    CHROMIUM_PATH=/usr/bin/chromium .venv/bin/python benchmarks/complaint_bench.py [--throttle 4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import Page, sync_playwright
from sitetools import CHROMIUM_ARGS, ROOT, THEME_READY, LoopbackServer, build_site, chromium_path
from test_security import parse_headers_file

PATH = "susun-pengaduan/"
# Installed before the page's own scripts (through the browser, not the page: the CSP
# does not apply), so the key listener runs first.
PROBE = """
window.__keys = [];
window.__slow = [];
window.__plain = [];
addEventListener('keydown', event => {
  const entry = {key: event.key, start: event.timeStamp, input: null, update: null, frame: null};
  window.__keys.push(entry);
}, true);
addEventListener('input', () => {
  const entry = window.__keys[window.__keys.length - 1];
  if (entry && entry.input === null) entry.input = performance.now();
}, true);
new PerformanceObserver(list => {
  for (const e of list.getEntries())
    if (e.name === 'keydown') (window.__baseline ? window.__plain : window.__slow).push(e.duration);
}).observe({type: 'event', durationThreshold: 16, buffered: true});
addEventListener('DOMContentLoaded', () => {
  const target = document.getElementById('teks-email');
  if (!target) return;
  new MutationObserver(() => {
    const entry = window.__keys[window.__keys.length - 1];
    if (!entry || entry.update !== null) return;
    const now = performance.now();
    entry.update = now - entry.start;
    entry.work = entry.input === null ? null : now - entry.input;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { entry.frame = performance.now() - entry.start; };
      channel.port2.postMessage(null);
    });
  }).observe(target, {childList: true, characterData: true, subtree: true});
}, {once: true});
"""

ANSWERS = [
    ("#sp-nama", "Siti Rahmawati"),
    ("#sp-email", "siti.rahma@contoh.test"),
    ("#sp-kronologi > li:nth-child(1) input[name=kronologi]", "Saya dinyatakan sebagai penerima Kartu Prakerja."),
    ("#sp-kronologi > li:nth-child(2) input[name=kronologi]", "Saya membeli pelatihan pertama saya."),
    ("#sp-kronologi > li:nth-child(3) input[name=kronologi]", "Saya menyelesaikan pelatihan dan mengirim ulasan."),
    ("#sp-alasan", ("Saya mengikuti semua pelatihan sendiri, dengan ponsel saya sendiri, dan tidak pernah "
                    "memberikan akun saya kepada orang lain. Verifikasi wajah saya lakukan sendiri.")),
]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _next(page: Page) -> None:
    page.locator(".susun-langkah:not([hidden]) [data-lanjut]").click()


def _type_answers(page: Page) -> None:
    """The answers typed key by key, each in its step (1: name and email; 4: chronology and
    reason); the steps between get the fewest answers they ask for."""
    step_of = {"#sp-nama": 1, "#sp-email": 1}
    step = 1
    for selector, text in ANSWERS:
        wanted = step_of.get(selector, 4)
        while step < wanted:
            if step == 1:
                _next(page)
                page.check("input[name=status][value=peserta]")
            elif step == 2:
                _next(page)
                page.fill("#sp-tanggal", "2024-03-05")
            elif step == 3:
                _next(page)
                for _ in range(2):
                    page.click("#sp-tambah")
            step += 1
        page.locator(selector).focus()
        page.keyboard.type(text, delay=60)  # about a quick phone typist
    page.wait_for_timeout(300)


class Journey:
    """Taps, swipes and typed characters of a reader on a 360 x 740 phone."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.taps = 0
        self.swipes = 0
        self.typed = 0

    def _into_view(self, selector: str) -> None:
        box = self.page.locator(selector).first.bounding_box()
        assert box is not None, f"{selector} is not shown"
        height = self.page.viewport_size["height"]  # type: ignore[index]
        header = 48  # the theme's header covers the top of the screen
        if box["y"] >= header and box["y"] + box["height"] <= height:
            return
        target = box["y"] - (height - box["height"]) / 2  # to the middle of the screen
        self.swipes += math.ceil(abs(target) / (0.75 * height))
        self.page.evaluate("dy => window.scrollBy(0, dy)", target)

    def tap(self, selector: str) -> None:
        self._into_view(selector)
        box = self.page.locator(selector).first.evaluate(
            "e => { const r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2] }")
        self.page.touchscreen.tap(*box)
        self.taps += 1

    def type(self, selector: str, text: str) -> None:
        self.tap(selector)
        self.page.keyboard.type(text)
        self.typed += len(text)

    def date(self, selector: str, iso: str) -> None:
        self.tap(selector)
        self.page.fill(selector, iso)
        self.typed += len(iso.replace("-", ""))

    def figures(self) -> str:
        return f"{self.taps} taps, {self.swipes} swipes, {self.typed} typed characters"


def journey(browser, server_url: str, to_form: bool) -> list[str]:
    """From a cause page through the five steps, then to the email app with the filled email
    or (`to_form`) to the five form texts, each copied, and the official form."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url.rstrip("/"))
    page = context.new_page()
    page.goto(server_url + "penyebab/kecurangan-joki/", wait_until="networkidle")
    walk = Journey(page)
    with page.expect_navigation():
        walk.tap("a:text-is('Susun teks pengaduan')")
    page.wait_for_function("document.documentElement.classList.contains('susun-siap')")
    # The email app and the official form: the tap is recorded, the navigation stopped
    # (nothing leaves loopback).
    page.evaluate("""() => document.addEventListener('click', e => {
        const a = e.target.closest('a[href^="mailto:"], a[href^="https://"]');
        if (a) { e.preventDefault(); (window.__opened = window.__opened || []).push(a.href); } }, true)""")
    walk.type("#sp-nama", ANSWERS[0][1])
    walk.type("#sp-email", ANSWERS[1][1])
    walk.tap("#sp-langkah-1 [data-lanjut]")
    walk.tap("label:has(#sp-status-peserta)")
    walk.tap("#sp-langkah-2 [data-lanjut]")
    walk.date("#sp-tanggal", "2024-03-05")
    for n in (3, 4, 5):
        walk.tap(f"#sp-langkah-{n} [data-lanjut]")
    figures = []
    if to_form:
        walk.tap("#sp-periksa a[href='#formulir']")
        figures.append(walk.figures())
        for name in ("sp-f-data-diri", "sp-f-email", "sp-f-status", "sp-f-judul", "sp-f-masalah"):
            walk.tap(f"button[data-salin='{name}']")
            page.locator(f"button[data-salin='{name}']:has-text('Tersalin')").wait_for()
        walk.tap("#tombol-formulir")
        wanted = "https://"
    else:
        walk.tap("#sp-periksa a[data-email]")
        wanted = "mailto:"
    opened = page.evaluate("window.__opened || []")
    assert len(opened) == 1 and opened[0].startswith(wanted), opened
    assert "dianggap memakai joki" in (page.locator("#sp-f-masalah").text_content() or "")
    context.close()
    return [*figures, walk.figures()]


def _type_baseline(page: Page) -> None:
    page.evaluate("""() => { const field = document.createElement('input');
        field.setAttribute('aria-label', 'baseline'); field.className = 'baseline';
        document.querySelector('.md-content').prepend(field); window.__baseline = true; }""")
    page.locator("input.baseline").focus()
    for _, text in ANSWERS:
        page.keyboard.type(text, delay=60)
    page.wait_for_timeout(300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--throttle", type=float, default=4, help="Chromium CPU slowdown factor (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of typing (default 3)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        server = LoopbackServer(site_dir)
        result = build_site(ROOT, site_dir, server.url)
        if result.returncode != 0:
            server.stop()
            sys.exit(f"strict build failed:\n{result.output}")
        server.stop()
        server = LoopbackServer(site_dir, headers=parse_headers_file(site_dir / "_headers")["/*"]).start()
        updates: list[float] = []
        frames: list[float] = []
        work: list[float] = []
        slow: list[float] = []
        plain: list[float] = []
        unchanged = 0
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
                print("From a cause page (goal: at most 15 taps and 5 swipes):")
                (to_email,) = journey(browser, server.url, False)
                to_texts, copied = journey(browser, server.url, True)
                print(f"  to the email app, the email filled:                {to_email}")
                print(f"  to the five form texts, filled:                    {to_texts}")
                print(f"  and each of the five copied, the official form open: {copied}")
                for _ in range(args.repeat):
                    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                                  is_mobile=True, has_touch=True)
                    context.add_init_script(PROBE)
                    page = context.new_page()
                    if args.throttle > 1:
                        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": args.throttle})
                    page.goto(server.url + PATH, wait_until="networkidle")
                    page.wait_for_function(THEME_READY)
                    _type_answers(page)
                    keys = page.evaluate("window.__keys")
                    updates += [k["update"] for k in keys if k["update"] is not None]
                    frames += [k["frame"] for k in keys if k["frame"] is not None]
                    work += [k["work"] for k in keys if k.get("work") is not None]
                    slow += page.evaluate("window.__slow")
                    _type_baseline(page)
                    plain += page.evaluate("window.__plain")
                    missing = [k["key"] for k in keys if k["update"] is None]
                    unchanged += len(missing)
                    if set(missing) - {" "}:
                        print(f"warning: keystrokes other than spaces changed no text: {missing[:10]}")
                    context.close()
                browser.close()
        finally:
            server.stop()

    typed = sum(len(text) for _, text in ANSWERS)
    print(f"Complaint builder, {PATH}: {args.repeat} round(s) of {typed} keystrokes, "
          f"CPU throttled {args.throttle:g}x, 360x740 phone ({unchanged} trailing spaces changed no text)")
    print(f"{'':<34}{'median':>9}{'p90':>9}{'max':>9}")
    rows = (("input event -> texts updated (ms)", work), ("keystroke -> texts updated (ms)", updates),
            ("keystroke -> next frame (ms)", frames))
    for label, values in rows:
        print(f"{label:<34}{statistics.median(values):>9.1f}{_percentile(values, 0.9):>9.1f}{max(values):>9.1f}")
    total = len(updates) + unchanged
    for label, values in (("builder", slow), ("plain field", plain)):
        print(f"Event Timing, keydown to next paint, {label}: {len(values)} of {total} keystrokes took 16 ms or more"
              + (f" (median {statistics.median(values):.0f}, p90 {_percentile(values, 0.9):.0f}, "
                 f"max {max(values):.0f} ms)" if values else ""))


if __name__ == "__main__":
    main()
