"""Driving Material's real search box in Chromium, shared by the search tests and
benchmarks/search_bench.py, and the reader queries both use."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import Page
from sitetools import goto_with_theme


@dataclass(frozen=True)
class Query:
    text: str  # what the reader types
    expected: str  # site-relative URL of the page it must find ("" is the home page)
    kind: str  # root, affixed, colloquial, question, number, ...


# Realistic reader queries. Expected pages are by URL, which the site map fixes.
QUERIES: list[Query] = [
    # Root forms: what a reader types who knows the word, not the form the page uses.
    Query("blokir", "penyebab/", "root"),
    Query("curang", "penyebab/kecurangan-joki/", "root"),
    Query("adu", "pemulihan/formulir-pengaduan/", "root"),
    Query("bukti", "pemulihan/bukti/", "root"),
    Query("tipu", "aman-dari-penipuan/", "root"),
    Query("palsu", "penyebab/data-palsu/", "root"),
    Query("kronologi", "pemulihan/kronologi/", "root"),
    # Affixed forms the page does not use as such.
    Query("pemblokiran", "penyebab/", "affixed"),
    Query("diblokirnya", "penyebab/", "affixed"),
    Query("terblokir", "penyebab/", "affixed"),
    Query("kecurangan", "penyebab/kecurangan-joki/", "affixed"),
    Query("mengadukan", "pemulihan/formulir-pengaduan/", "affixed"),
    Query("penipuan", "aman-dari-penipuan/", "affixed"),
    Query("memanipulasi data", "penyebab/manipulasi-sistem/", "affixed"),
    Query("pembelian pelatihan terlambat", "penyebab/terlambat-membeli-pelatihan/", "affixed"),
    # Colloquial words and words no stemmer relates.
    Query("telat beli pelatihan", "penyebab/terlambat-membeli-pelatihan/", "colloquial"),
    Query("joki", "penyebab/kecurangan-joki/", "colloquial"),
    Query("pakai ktp orang lain", "penyebab/data-palsu/", "colloquial"),
    Query("KTP", "penyebab/data-palsu/", "colloquial"),
    Query("screenshot", "pemulihan/bukti/", "colloquial"),
    Query("akun dinonaktifkan", "penyebab/", "colloquial"),
    Query("akun kena suspend", "penyebab/", "colloquial"),
    Query("akun dibekukan", "penyebab/", "colloquial"),
    # Whole questions, as readers type them.
    Query("kenapa akun saya diblokir", "penyebab/", "question"),
    Query("Kenapa akun saya diblokir?", "penyebab/", "question"),
    Query("Cara mengatasi akun Prakerja yang terblokir", "pemulihan/", "question"),
    Query("akun diblokir padahal tidak melanggar", "faq/", "question"),
    Query("tidak bisa login", "faq/", "question"),
    Query("bagaimana cara memulihkan akun", "pemulihan/", "question"),
    Query("cara mengisi formulir pengaduan", "pemulihan/formulir-pengaduan/", "question"),
    Query("apa saja bukti yang harus disiapkan", "pemulihan/bukti/", "question"),
    Query("contoh email pengaduan akun terblokir", "pemulihan/email/", "question"),
    Query("hati hati penipu minta kode otp", "aman-dari-penipuan/", "question"),
    Query("ditipu orang yang mengaku petugas", "aman-dari-penipuan/", "question"),
    Query("saldo pelatihan hangus", "penyebab/terlambat-membeli-pelatihan/", "question"),
    # Numbers and addresses, typed as written and as dialled.
    Query("0800-150-3001", "pemulihan/call-center/", "number"),
    Query("08001503001", "pemulihan/call-center/", "number"),
    Query("0800 150 3001", "pemulihan/call-center/", "number"),
    Query("info@prakerja.go.id", "pemulihan/email/", "number"),
    Query("nomor call center prakerja", "pemulihan/call-center/", "number"),
]

TOP = 3  # a query passes when its page is among the first TOP results

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
