"""The complaint builder at /susun-pengaduan/, in a real headless Chromium on the
site served with exactly the headers of its `_headers` (strict Content-Security-Policy), on
a 360 px phone.

- the contract (input names and output ids), the causes (the pages of docs/penyebab/) and
  the contact details (the registry in mkdocs.yml) in the built page; no jargon for readers;
- five steps ("Langkah n dari 5") with Next and Back, then "Periksa jawaban Anda" with a
  "Ubah" link per answer; the phone's Back button goes back a step;
- every answer lands in its place, in the reader's own voice; the cause is asked about,
  never admitted; the `mailto:` carries the body or, over 2,000 characters, says it opens
  the subject only, with the notice above it;
- errors as GOV.UK shows them: a summary (role=alert) linking to each field, the message at
  the field, aria-invalid; an email needs a domain with a dot, a phone number follows the
  phonenumbers library's rule for Indonesian mobile numbers;
- OTP codes and passwords never reach an output (texts, email link, summary, clipboard,
  what is kept), and the field says why;
- arriving from a cause page (?penyebab=<page>) chooses that cause; other values are ignored;
- answers survive a reload, are kept after the page closes only when asked; "Hapus semua
  jawaban" says what it did and can be undone;
- markup and script payloads show literally and run nothing; no request while the reader
  types, copies and keeps; with the script blocked, nothing is sent anywhere;
- every button stays at least 4.5:1 in every state in both palettes; axe in both palettes;
  the whole flow with the keyboard; the page without scripts in both palettes;
- the contact checker reads the page's script.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import phonenumbers
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, Route
from sitetools import ROOT, THEME_READY, LoopbackServer, build_site, copy_project
from test_a11y import _FOCUS_STYLE, PALETTES, PHONE, _axe
from test_security import _CSP_LISTENER, parse_headers_file

from akun_diblokir import contacts

REGISTRY = contacts.load_registry(ROOT / "mkdocs.yml")
PATH = "susun-pengaduan/"
SCRIPT = "docs/assets/javascripts/susun-pengaduan.js"
CAUSES = sorted(p.stem for p in (ROOT / "docs" / "penyebab").glob("*.md") if p.stem != "index")
CONTRACT_INPUTS = ("nama", "email", "telepon", "status", "penyebab", "tanggal", "kronologi", "bukti")
OUTPUTS = ("sp-f-data-diri", "sp-f-email", "sp-f-status", "sp-f-judul", "sp-f-masalah", "teks-email")
STEPS = 5

ANSWERS = {
    "nama": "Siti Rahmawati",
    "email": "siti.rahma@contoh.test",
    "telepon": "0812 3456 7890",
    "tanggal": ("2024-03-05", "5 Maret 2024"),
    "rows": [("2024-02-28", "28 Februari 2024", "Saya dinyatakan sebagai penerima."),
             ("2024-03-01", "1 Maret 2024", "Saya membeli pelatihan menjahit.")],
    "alasan": "Saya mengikuti semua pelatihan sendiri.",
}


@pytest.fixture(scope="module")
def served(site_dir: Path) -> Iterator[LoopbackServer]:
    """The built site served with exactly the headers of its `_headers` file."""
    headers = parse_headers_file(site_dir / "_headers")["/*"]
    server = LoopbackServer(site_dir, headers=headers).start()
    yield server
    server.stop()


_THEME_FETCHES_DONE = """() => !document.querySelector('link[rel=alternate]')
  || performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0)"""
_BUILDER_READY = "() => document.documentElement.classList.contains('susun-siap')"


@contextmanager
def builder(browser: Browser, server: LoopbackServer, query: str = "", **options: object) -> Iterator[tuple[Page, list[str]]]:
    """The builder page on a phone, with every console error, page error, dialog and CSP
    violation collected into the list that comes with it (checked on exit)."""
    context = browser.new_context(**{**PHONE, **options})  # type: ignore[arg-type]
    context.add_init_script(_CSP_LISTENER)
    problems: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    try:
        response = page.goto(server.url + PATH + query, wait_until="networkidle")
        assert response is not None and response.ok
        assert response.headers.get("content-security-policy"), "served without its CSP"
        # The theme's bundle comes after the page and then fetches sitemap.xml (for the feed's
        # rel="alternate" link): wait for both, so that tests recording requests see only theirs.
        if options.get("java_script_enabled", True):
            page.wait_for_function(_BUILDER_READY)
            page.wait_for_function(THEME_READY)
            page.wait_for_function(_THEME_FETCHES_DONE)
        yield page, problems
        problems += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations || []")]
    finally:
        context.close()


def output(page: Page, name: str) -> str:
    return page.locator(f"#{name}").text_content() or ""


def current_step(page: Page) -> str:
    return page.locator(".susun-langkah:not([hidden])").get_attribute("data-langkah") or ""


def next_step(page: Page) -> None:
    page.locator(".susun-langkah:not([hidden]) [data-lanjut]").click()


def fill_step_1(page: Page, answers: dict = ANSWERS) -> None:
    page.fill("#sp-nama", answers["nama"])
    page.fill("#sp-email", answers["email"])
    page.fill("#sp-telepon", answers["telepon"])


def fill_everything(page: Page, answers: dict = ANSWERS, cause: str = "kecurangan-joki") -> None:
    """Answer the five steps and arrive at the summary."""
    assert current_step(page) == "1"
    fill_step_1(page, answers)
    next_step(page)
    assert current_step(page) == "2", page.locator("#sp-galat-ringkasan").inner_text()
    page.check("input[name=status][value=calon]")
    page.select_option("#sp-penyebab", cause)
    next_step(page)
    page.fill("#sp-tanggal", answers["tanggal"][0])
    page.check("input[name=pesan][value=kecurangan]")
    next_step(page)
    for n, (iso, _, event) in enumerate(answers["rows"]):
        if n:
            page.click("#sp-tambah")
        row = page.locator("#sp-kronologi > li").nth(n)
        row.locator("input[name=kronologi-tanggal]").fill(iso)
        row.locator("input[name=kronologi]").fill(event)
    page.fill("#sp-alasan", answers["alasan"])
    next_step(page)
    page.check("input[name=bukti][value=tangkapan-layar]")
    page.check("input[name=bukti][value=foto-ektp]")
    next_step(page)
    assert current_step(page) == "periksa"


def go_to_step(page: Page, step: int) -> None:
    """From step 1 to `step`, with the fewest answers the steps on the way ask for."""
    for n in range(1, step):
        if n == 1:
            page.fill("#sp-nama", ANSWERS["nama"])
            page.fill("#sp-email", ANSWERS["email"])
        elif n == 2:
            page.check("input[name=status][value=peserta]")
        elif n == 3:
            page.fill("#sp-tanggal", ANSWERS["tanggal"][0])
        next_step(page)
    assert current_step(page) == str(step)


def mailto_parts(href: str) -> tuple[str, dict[str, list[str]]]:
    assert href.startswith("mailto:"), href
    address, _, query = href[len("mailto:"):].partition("?")
    # RFC 6068: percent-encoding only ('+' is a plus sign), so no parse_qs(+ as space) surprise.
    params = {k: [unquote(v) for v in vs] for k, vs in parse_qs(query.replace("+", "%2B"), keep_blank_values=True).items()}
    return unquote(address), params


def soup(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")


# --- the built page -------------------------------------------------------------------------


def test_page_keeps_the_input_contract_and_offers_every_cause_page(site_dir: Path) -> None:
    page = soup(site_dir, PATH)
    form = page.select_one("form#susun-form")
    assert form is not None
    names = {tag.get("name") for tag in form.select("input, select, textarea")}
    assert set(CONTRACT_INPUTS) <= names, set(CONTRACT_INPUTS) - names
    assert {i["value"] for i in form.select("input[name=status]")} == {"peserta", "calon"}
    causes = sorted(o["value"] for o in form.select("select[name=penyebab] option"))
    assert causes == sorted(["tidak-tahu", *CAUSES]), causes
    # Each cause is asked about ("Apakah akun saya diblokir karena dianggap ...?").
    for option in form.select("select[name=penyebab] option:not([value=tidak-tahu])"):
        assert option.get("data-tanya", "").startswith("dianggap "), option
    for wanted in ("#tautan-email", "#teks-email", "#teks-formulir"):
        assert page.select_one(wanted) is not None, wanted
    # The evidence of the evidence page, the four verification documents included; the
    # reader's letter names each in the first person.
    evidence = {i["value"]: i["data-teks"] for i in form.select("input[name=bukti]")}
    assert {"tangkapan-layar", "foto-ektp", "foto-kk", "swafoto-ektp", "swafoto-kk"} <= set(evidence)
    assert not [t for t in evidence.values() if re.search(r"\bAnda\b", t)], evidence
    # Every label a reader sees is tied to its field.
    for field in form.select("input:not([type=radio]):not([type=checkbox]), select, textarea"):
        assert page.select_one(f"label[for='{field['id']}']") is not None, field
    # Five steps, then the summary.
    numbers = [p.get_text(strip=True) for p in form.select(".susun-langkah__nomor")]
    assert numbers == [f"Langkah {n} dari {STEPS}" for n in range(1, STEPS + 1)], numbers
    assert form.select_one("#sp-periksa h3").get_text(strip=True) == "Periksa jawaban Anda"
    # A step is hidden until the reader reaches it: its heading is no link target (no id), so
    # the list of published links, which collects heading ids, promises none.
    assert not form.select(":is(h1, h2, h3, h4, h5, h6)[id]"), form.select(":is(h1, h2, h3, h4, h5, h6)[id]")
    for step in form.select(".susun-langkah"):
        assert step.select_one(".susun-langkah__judul > span[id]")["id"] in step["aria-labelledby"].split(), step["id"]


def test_the_form_can_send_nothing_even_before_its_script_runs(site_dir: Path) -> None:
    """No submit button, no action, inert until the script starts: the form has nothing that
    sends it (with several fields and no submit button, Enter submits nothing)."""
    form = soup(site_dir, PATH).select_one("form#susun-form")
    assert form.has_attr("inert")
    assert not form.has_attr("action") and not form.has_attr("method"), form.attrs
    buttons = form.select("button, input[type=submit], input[type=image]")
    submits = [b for b in buttons if b.name == "input" or b.get("type") != "button"]
    assert not submits, submits


def test_contact_details_come_from_the_registry_and_the_script_holds_none(site_dir: Path) -> None:
    page = soup(site_dir, PATH)
    assert page.select_one("#tautan-email")["href"] == REGISTRY.mailto
    assert [a["href"] for a in page.select("a[data-email]")] == [REGISTRY.mailto] * 2
    assert page.select_one("#tombol-formulir")["href"] == REGISTRY.form_url
    assert page.select_one(f"a[href='tel:{REGISTRY.phone_e164}']").get_text(strip=True) == REGISTRY.phone_display
    assert page.select_one("#sp-f-judul").get_text() == REGISTRY.email_subject
    # The script as written and as shipped (minified by finish) hold no contact detail.
    for where, script in ((SCRIPT, (ROOT / SCRIPT).read_text(encoding="utf-8")),
                          ("the site's copy", (site_dir / "assets/javascripts/susun-pengaduan.js").read_text(encoding="utf-8"))):
        digits = re.sub(r"\D", "", script)
        assert "const STORAGE_KEY" in script, where
        for detail in (REGISTRY.email, REGISTRY.email_subject, urlsplit(REGISTRY.form_url).hostname,
                       "mailto:", "tel:", REGISTRY.phone_e164.lstrip("+")):
            assert detail not in script and detail not in digits, f"{where} holds {detail!r}"
    # Loaded on this page only.
    others = [p for p in site_dir.rglob("*.html") if "susun-pengaduan.js" in p.read_text(encoding="utf-8")]
    assert others == [site_dir / PATH / "index.html"], others


JARGON = re.compile(r"javascript|localstorage|local storage", re.IGNORECASE)


def test_readers_see_no_jargon(site_dir: Path) -> None:
    """No "JavaScript" or "localStorage" in what readers read: the pages' text (the part shown
    without scripts included) and every sentence the script writes (its string literals with spaces)."""
    for path in (PATH, "teks-siap-pakai/"):
        article = soup(site_dir, path).select_one("article")
        for hidden in article.select("script, template"):
            hidden.decompose()
        found = JARGON.findall(article.get_text(" "))
        assert not found, f"/{path}: {found}"
    # Words readers see have spaces between them; a name in code ("localStorage") has none.
    strings = re.findall(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`', (ROOT / SCRIPT).read_text(encoding="utf-8"))
    prose = [s for s in strings if " " in s]
    assert len(prose) > 20, prose
    assert not [s for s in prose if JARGON.search(s)], [s for s in prose if JARGON.search(s)]


def test_pages_readers_come_from_link_to_the_builder(site_dir: Path) -> None:
    pages = ["", "pemulihan/", "teks-siap-pakai/"] + [f"penyebab/{c}/" for c in CAUSES]
    missing = [p or "/" for p in pages
               if not soup(site_dir, p).select("article a[href*='susun-pengaduan/']")]
    assert not missing, f"no link to /susun-pengaduan/ in the article of {missing}"


def test_each_cause_page_links_to_the_builder_with_its_cause(site_dir: Path) -> None:
    for cause in CAUSES:
        link = soup(site_dir, f"penyebab/{cause}/").find("a", string="Susun teks pengaduan")
        assert link is not None and link["href"].endswith(f"susun-pengaduan/?penyebab={cause}"), (cause, link)
    # Pages that are not about one cause link without one.
    for path in ("penyebab/", "pemulihan/", "faq/"):
        link = soup(site_dir, path).find("a", string="Susun teks pengaduan")
        assert link is not None and link["href"].endswith("susun-pengaduan/"), (path, link)


def test_ready_texts_copy_first_then_open_the_mail_app(site_dir: Path) -> None:
    section = soup(site_dir, "teks-siap-pakai/").select_one("article")
    heading = section.select_one("#email")
    steps = heading.find_next("ol").select("li")
    assert "Salin" in steps[0].get_text(), steps[0]
    block = heading.find_next(class_="teks-salin")
    mail = heading.find_next("a", href=REGISTRY.mailto)
    # The link that opens the mail app comes after the text to copy, as the steps say.
    assert mail in block.find_all_next("a"), "the mail link comes before the text to copy"


def test_home_links_to_the_builder_on_the_first_phone_screen(site: LoopbackServer, browser: Browser) -> None:
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site.url, wait_until="networkidle")
    link = page.locator("article a[href$='susun-pengaduan/']").first
    box = link.bounding_box()
    context.close()
    assert box is not None and box["y"] + box["height"] <= PHONE["viewport"]["height"], box  # type: ignore[index]


# --- steps, summary and texts ---------------------------------------------------------------


def test_every_answer_lands_in_its_place_in_the_readers_own_voice(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        assert page.locator("#sp-langkah-1").is_visible() and page.locator("#sp-langkah-2").is_hidden()
        fill_everything(page)
        data, email, status = output(page, "sp-f-data-diri"), output(page, "sp-f-email"), output(page, "sp-f-status")
        assert data == f"Nama lengkap (sesuai KTP): {ANSWERS['nama']}\nNomor ponsel terdaftar: {ANSWERS['telepon']}"
        assert email == ANSWERS["email"]
        assert status == "Calon peserta penerima Kartu Prakerja"
        assert output(page, "sp-f-judul") == REGISTRY.email_subject
        problem = output(page, "sp-f-masalah")
        chronology = re.search(r"Kronologi:\n((?:\d+\. .*\n?)+)", problem)
        assert chronology, problem
        assert chronology.group(1).strip().split("\n") == [
            f"1. {ANSWERS['rows'][0][1]} - {ANSWERS['rows'][0][2]}",
            f"2. {ANSWERS['rows'][1][1]} - {ANSWERS['rows'][1][2]}",
            (f"3. {ANSWERS['tanggal'][1]} - Akun saya diblokir. Pesan yang muncul: "
             "\"Akun kamu terindikasi melakukan kecurangan\""),
        ]
        # The cause is a question, not an admission.
        question = ("Apakah akun saya diblokir karena dianggap memakai joki atau kartu saya dipakai orang lain? "
                    "Mohon jelaskan aturan yang menjadi dasar pemblokiran akun saya.")
        assert question in problem, problem
        assert f"Saya merasa tidak melanggar karena: {ANSWERS['alasan']}" in problem
        assert "Foto e-KTP" in problem and "[" not in problem, problem
        # The form text, in the form's order.
        form_text = page.locator("#teks-formulir").inner_text()
        positions = [form_text.index(output(page, name).split("\n")[0]) for name in OUTPUTS[:-1]]
        assert positions == sorted(positions), form_text

        body = output(page, "teks-email")
        for value in (ANSWERS["nama"], ANSWERS["email"], ANSWERS["telepon"], ANSWERS["alasan"], question,
                      chronology.group(1).strip()):
            assert value in body, value
        assert body.rstrip().endswith(f"Hormat saya,\n{ANSWERS['nama']}")
        # Her letter speaks as "saya": "Anda" (the Prakerja team, in her letter) never appears,
        # and nothing reads as an admission.
        for name in OUTPUTS:
            assert not re.search(r"\bAnda\b", output(page, name)), (name, output(page, name))
            assert "Dugaan penyebab" not in output(page, name)
        for href in page.locator("a[data-email]").evaluate_all("l => l.map(a => a.getAttribute('href'))"):
            address, params = mailto_parts(href)
            assert address == REGISTRY.email
            assert params["subject"] == [REGISTRY.email_subject]
            assert params["body"] == [body.replace("\n", "\r\n")]
        assert page.locator("#tautan-email").inner_text() == "Buka aplikasi email (alamat, subjek dan isi terisi)"
        assert page.locator(".susun-email-panjang:visible").count() == 0

        # The evidence still missing: the verification documents not ticked, nothing ticked.
        missing = page.locator("#sp-bukti li[data-bukti]:visible").evaluate_all("l => l.map(e => e.dataset.bukti)")
        assert missing == ["foto-kk", "swafoto-ektp", "swafoto-kk"], missing
    assert not problems, "\n".join(problems)


def test_the_summary_shows_each_answer_and_changes_it_in_its_step(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        fill_everything(page)
        assert page.evaluate("document.activeElement.matches('#sp-periksa .susun-langkah__judul')")
        rows = page.locator("#sp-ringkas .susun-ringkas__baris")
        summary = dict(zip(rows.locator("dt").all_inner_texts(), rows.locator("dd:not(.susun-ringkas__ubah)").all_inner_texts(), strict=True))
        assert summary["Nama lengkap"] == ANSWERS["nama"]
        assert summary["Tanggal Anda tahu akun diblokir"] == ANSWERS["tanggal"][1]
        assert summary["Kejadian sebelumnya"].split("\n") == [f"{r[1]} - {r[2]}" for r in ANSWERS["rows"]]
        # One "Ubah" per answer, each saying (to screen readers) what it changes.
        assert rows.count() == rows.locator("a[data-ubah]").count() == 10
        change = page.get_by_role("link", name="Ubah nama lengkap")
        change.click()
        assert current_step(page) == "1"
        assert page.evaluate("document.activeElement.id") == "sp-nama"
        page.fill("#sp-nama", "Siti R.")
        next_step(page)
        # Back to the summary, not on to step 2.
        assert current_step(page) == "periksa"
        assert page.locator("#sp-ringkas dd").first.inner_text() == "Siti R."
        assert output(page, "teks-email").rstrip().endswith("Hormat saya,\nSiti R.")
        # Back goes back a step: the button, and the phone's Back button.
        page.locator("#sp-periksa [data-kembali]").click()
        assert current_step(page) == "5"
        page.go_back()
        page.wait_for_function("!document.querySelector('#sp-langkah-4').hidden")
        assert page.url == served.url + PATH
    assert not problems, "\n".join(problems)


def test_a_long_email_says_it_opens_the_subject_only_with_the_notice_above(
    served: LoopbackServer, browser: Browser
) -> None:
    with builder(browser, served) as (page, problems):
        go_to_step(page, 4)
        for n in range(0, 12):
            if n:
                page.click("#sp-tambah")
            row = page.locator("#sp-kronologi > li").nth(n)
            row.locator("input[name=kronologi]").fill(f"Kejadian nomor {n}: saya menghubungi kanal resmi dan menunggu jawaban.")
        for link in page.locator("a[data-email]").all():
            assert link.get_attribute("href") == REGISTRY.mailto
            assert link.inner_text() == "Buka aplikasi email (hanya alamat dan subjek)"
        notice = page.locator("#email ~ .susun-kirim-email .susun-email-panjang")  # the email section's
        assert notice.is_visible()
        assert notice.bounding_box()["y"] < page.locator("#tautan-email").bounding_box()["y"]  # type: ignore[index]
        assert notice.locator("button[data-salin=teks-email]").is_visible()
        assert "Kejadian nomor 11" in output(page, "teks-email")
        # Shorter again: the body comes back, and the button says so.
        for _ in range(11):
            page.locator("#sp-kronologi > li .susun-hapus-baris").last.click()
        href = page.locator("#tautan-email").get_attribute("href") or ""
        assert len(href) <= 2000 and mailto_parts(href)[1]["body"], href
        assert page.locator("#tautan-email").inner_text() == "Buka aplikasi email (alamat, subjek dan isi terisi)"
        assert notice.is_hidden()
    assert not problems, "\n".join(problems)


PAYLOADS = [
    "<img src=x onerror=\"window.__pwned=1\">",
    "</textarea><script>window.__pwned=2</script>",
    "\"><svg onload=window.__pwned=3>",
    "</pre><a href=\"javascript:window.__pwned=4\">x</a>",
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=["img-onerror", "textarea-script", "svg-onload", "pre-link"])
def test_markup_in_every_field_shows_literally_and_runs_nothing(
    served: LoopbackServer, browser: Browser, payload: str
) -> None:
    with builder(browser, served) as (page, problems):
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        for selector in ("#sp-nama", "#sp-email", "#sp-telepon"):
            page.fill(selector, payload)
        # Past the checks of step 1 with an address and a phone number, then the payload again.
        page.fill("#sp-email", ANSWERS["email"])
        page.fill("#sp-telepon", ANSWERS["telepon"])
        next_step(page)
        page.check("input[name=status][value=peserta]")
        next_step(page)
        page.fill("#sp-tanggal", "2024-03-05")
        page.fill("#sp-pesan-lain", payload)
        next_step(page)
        page.fill("#sp-kronologi input[name=kronologi]", payload)
        page.fill("#sp-alasan", payload)
        page.locator(".susun-langkah:not([hidden]) [data-kembali]").click()
        page.locator(".susun-langkah:not([hidden]) [data-kembali]").click()
        page.locator(".susun-langkah:not([hidden]) [data-kembali]").click()
        page.fill("#sp-email", payload)
        page.fill("#sp-telepon", payload)
        for name in OUTPUTS:
            tags = page.locator(f"#{name} *").count()
            assert tags == 0, f"#{name} holds {tags} element(s) made from reader input"
        assert output(page, "sp-f-data-diri").count(payload) == 2  # name and phone
        assert output(page, "sp-f-email") == payload
        assert output(page, "sp-f-masalah").count(payload) == 3  # chronology row, message, reason
        assert output(page, "teks-email").count(payload) == 7  # name twice, email, phone, row, message, reason
        assert page.evaluate("window.__pwned") is None
        assert not requests, requests
    assert not problems, "\n".join(problems)


def test_no_request_leaves_the_page_while_the_reader_types_copies_and_keeps(
    served: LoopbackServer, browser: Browser
) -> None:
    with builder(browser, served) as (page, problems):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url.rstrip("/"))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.check("#sp-simpan")
        page.locator("#sp-nama").press_sequentially("Siti Rahmawati", delay=5)
        page.locator("#sp-email").press_sequentially("siti@contoh.test", delay=5)
        page.fill("#sp-nama", "")
        page.fill("#sp-email", "")
        fill_everything(page)
        for button in page.locator("button[data-salin]:visible").all():
            button.click()
            target = button.get_attribute("data-salin")
            page.locator(f"button[data-salin='{target}']:has-text('Tersalin')").first.wait_for()
            assert page.evaluate("navigator.clipboard.readText()") == output(page, target or ""), target
            assert (page.locator("#sp-kabar").text_content() or "").startswith("Tersalin")
        page.click("#sp-hapus")
        # The answers are gone (the tap did its work), and the network has settled since.
        page.wait_for_function("document.querySelector('#sp-nama').value === ''")
        page.wait_for_load_state("networkidle")
        assert not requests, requests
    assert not problems, "\n".join(problems)


# --- checking the answers -------------------------------------------------------------------


def _message(page: Page, selector: str) -> str:
    """The text of the field's error message, found through its aria-describedby."""
    ids = (page.locator(selector).first.get_attribute("aria-describedby") or "").split()
    if not ids:  # radio buttons: their group is described
        ids = (page.locator(selector).first.locator("xpath=ancestor::fieldset").get_attribute("aria-describedby") or "").split()
    return " ".join(page.locator(f"#{i}").text_content() or "" for i in ids if i.endswith("-galat")).strip()


def _error_summary(page: Page) -> list[tuple[str, str]]:
    summary = page.locator("#sp-galat-ringkasan")
    assert summary.is_visible() and summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "sp-galat-ringkasan"
    return [(a.get_attribute("href") or "", a.inner_text()) for a in summary.locator("a").all()]


def test_errors_show_as_govuk_shows_them(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        next_step(page)
        assert current_step(page) == "1"
        links = _error_summary(page)
        assert [href for href, _ in links] == ["#sp-nama", "#sp-email"], links
        for href, text in links:
            assert page.locator(href).get_attribute("aria-invalid") == "true", href
            assert text == _message(page, href) and text, (href, text)
        assert "nama lengkap" in links[0][1].lower() and "alamat email" in links[1][1].lower()
        assert page.locator("#sp-telepon").get_attribute("aria-invalid") is None  # optional
        # Each message in the summary leads to its field.
        page.locator("#sp-galat-ringkasan a[href='#sp-email']").click()
        assert page.evaluate("document.activeElement.id") == "sp-email"

        # An address needs a domain with a dot; a phone number, an Indonesian mobile number.
        page.fill("#sp-nama", ANSWERS["nama"])
        page.fill("#sp-email", "sari@gmail")
        page.fill("#sp-telepon", "12345")
        next_step(page)
        assert [h for h, _ in _error_summary(page)] == ["#sp-email", "#sp-telepon"]
        assert "titik" in _message(page, "#sp-email")
        assert "ponsel Indonesia" in _message(page, "#sp-telepon")
        page.fill("#sp-email", "sari@gmail.com")
        assert _message(page, "#sp-email") == ""
        assert page.locator("#sp-email").get_attribute("aria-invalid") is None
        page.fill("#sp-telepon", "+62 812-3456-7890")
        next_step(page)
        assert current_step(page) == "2" and page.locator("#sp-galat-ringkasan").is_hidden()

        next_step(page)
        assert [h for h, _ in _error_summary(page)] == ["#sp-status-peserta"]
        assert "status kepesertaan" in _message(page, "input[name=status]").lower()
        assert page.locator("input[name=status]").first.get_attribute("aria-invalid") == "true"
        page.check("input[name=status][value=peserta]")
        next_step(page)

        next_step(page)
        assert [h for h, _ in _error_summary(page)] == ["#sp-tanggal"]
        page.fill("#sp-tanggal", "2999-01-01")
        next_step(page)
        assert "belum lewat" in _message(page, "#sp-tanggal")
        page.fill("#sp-tanggal", "2024-03-05")
        next_step(page)
        assert current_step(page) == "4"
        assert page.locator("[aria-invalid=true]").count() == 0
    assert not problems, "\n".join(problems)


PHONE_SAMPLES = ["081234567890", "0812 3456 7890", "+62 812-3456-7890", "6281234567890", "08123456789",
                 "0812345678", "081234567", "08123456789012", "0841234567890", "0851 2345 678", "0899 1234 5678",
                 "021 2554 1246", "0800 150 3001", "12345", "+65 8123 4567", "0812-abc-7890", "(0812) 3456 7890"]


def test_the_phone_rule_is_the_phonenumbers_rule_for_indonesian_mobiles(served: LoopbackServer, browser: Browser) -> None:
    def expected(text: str) -> bool:
        # Letters: the library reads them as a phone keypad's ("0812-abc-7890" as 0812-222-7890),
        # for numbers advertised in words. Nobody writes an Indonesian mobile number so, and
        # the letter would carry the letters to the Prakerja team: the page refuses them.
        if re.search(r"[A-Za-z]", text):
            return False
        try:
            number = phonenumbers.parse(text, "ID")
        except phonenumbers.NumberParseException:
            return False
        return (number.country_code == 62 and phonenumbers.is_valid_number(number)
                and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE)

    with builder(browser, served) as (page, problems):
        wrong = []
        for sample in PHONE_SAMPLES:
            page.fill("#sp-telepon", sample)
            page.locator("#sp-telepon").blur()
            accepted = page.locator("#sp-telepon").get_attribute("aria-invalid") is None
            if accepted != expected(sample):
                wrong.append(f"{sample!r}: page {accepted}, phonenumbers {expected(sample)}")
        assert not wrong, "\n".join(wrong)
        assert {expected(s) for s in PHONE_SAMPLES} == {True, False}  # the samples test both ways
    assert not problems, "\n".join(problems)


# --- secrets --------------------------------------------------------------------------------


SECRETS = {
    "#sp-pesan-lain": ("Kode OTP saya 482913", "482913"),
    "row0": ("Saya memasukkan kode verifikasi 4829 lalu akun terkunci.", "4829"),
    "row1": ("Teman saya meminta password rahasia123 dan PIN 771204.", "rahasia123"),
    "#sp-alasan": ("Saya tidak pernah memberikan kata sandi kepada siapa pun. Kata sandi saya: Mawar!2024", "Mawar!2024"),
}
ALSO_GONE = ("771204",)
KEPT_AS_TYPED = "Saya tidak pernah memberikan kata sandi kepada siapa pun."


def test_otp_codes_and_passwords_never_reach_an_output(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url.rstrip("/"))
        page.check("#sp-simpan")
        go_to_step(page, 3)
        page.fill("#sp-tanggal", ANSWERS["tanggal"][0])
        page.check("input[name=pesan][value=lain]")
        fields = {"#sp-pesan-lain": page.locator("#sp-pesan-lain")}
        page.fill("#sp-pesan-lain", SECRETS["#sp-pesan-lain"][0])
        next_step(page)
        page.click("#sp-tambah")
        fields["row0"] = page.locator("#sp-kronologi input[name=kronologi]").nth(0)
        fields["row1"] = page.locator("#sp-kronologi input[name=kronologi]").nth(1)
        fields["#sp-alasan"] = page.locator("#sp-alasan")
        for key in ("row0", "row1", "#sp-alasan"):
            fields[key].fill(SECRETS[key][0])
        # The field says why, in one sentence.
        for key, field in fields.items():
            if key == "#sp-pesan-lain":
                continue
            note = " ".join(page.locator(f"#{i}").text_content() or ""
                            for i in (field.get_attribute("aria-describedby") or "").split() if i.endswith("-awas"))
            assert "OTP" in note and "kata sandi" in note and note.count(". ") == 0, (key, note)
        next_step(page)
        next_step(page)
        assert current_step(page) == "periksa"

        outputs = {name: output(page, name) for name in OUTPUTS}
        outputs["summary"] = page.locator("#sp-ringkas").inner_text()
        for n, href in enumerate(page.locator("a[data-email]").evaluate_all("l => l.map(a => a.getAttribute('href'))")):
            outputs[f"mailto {n}"] = unquote(href)
        outputs["kept"] = json.dumps(page.evaluate(
            "() => [sessionStorage.getItem('susun-pengaduan'), localStorage.getItem('susun-pengaduan')]"))
        for button in page.locator("button[data-salin]:visible").all():
            button.click()
            page.locator("#sp-kabar:has-text('Tersalin')").wait_for()
            outputs[f"copied {button.get_attribute('data-salin')}"] = page.evaluate("navigator.clipboard.readText()")
            page.evaluate("document.querySelector('#sp-kabar').textContent = ''")
        assert len(outputs) >= len(OUTPUTS) + 4
        secrets = [secret for _, secret in SECRETS.values()] + list(ALSO_GONE)
        leaks = [f"{where}: {secret}" for where, text in outputs.items() for secret in secrets if secret in text]
        assert not leaks, "\n".join(leaks)
        # The rest of what she wrote is there, the secret's place named in her own voice.
        problem = outputs["sp-f-masalah"]
        assert KEPT_AS_TYPED in problem, problem
        assert "Kode OTP saya (tidak saya tulis)" in problem
        assert "kode verifikasi (tidak saya tulis) lalu akun terkunci" in problem
        # A reload brings back what was kept: without the secrets.
        page.reload(wait_until="networkidle")
        page.wait_for_function(_BUILDER_READY)
        assert "482913" not in page.input_value("#sp-pesan-lain")
    assert not problems, "\n".join(problems)


# --- arriving from a cause page -------------------------------------------------------------


def test_arriving_from_a_cause_page_chooses_its_cause(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        for cause in CAUSES:
            page.goto(served.url + f"penyebab/{cause}/", wait_until="domcontentloaded")
            with page.expect_navigation():
                page.get_by_role("link", name="Susun teks pengaduan").click()
            page.wait_for_function(_BUILDER_READY)
            assert page.url == served.url + f"{PATH}?penyebab={cause}"
            assert page.input_value("#sp-penyebab") == cause, cause
            question = page.locator(f"#sp-penyebab option[value={cause}]").get_attribute("data-tanya")
            assert f"Apakah akun saya diblokir karena {question}?" in output(page, "sp-f-masalah")
            go_to_step(page, 2)
            assert page.locator("#sp-penyebab-dari").is_visible()
            page.evaluate("sessionStorage.clear()")
    assert not problems, "\n".join(problems)


_PAGE_TEXT = "document.body.innerText + document.body.innerHTML"


@pytest.mark.parametrize("value", ["bukan-penyebab", "<img src=x onerror=window.__pwned=1>", "index", ""])
def test_an_unknown_cause_in_the_address_is_ignored_and_never_shown(
    served: LoopbackServer, browser: Browser, value: str
) -> None:
    with builder(browser, served, query=f"?penyebab={value}") as (page, problems):
        assert page.input_value("#sp-penyebab") == "tidak-tahu"
        assert page.locator("#sp-penyebab-dari").is_hidden()
        assert page.evaluate("window.__pwned") is None
        assert "Saya tidak tahu mengapa akun saya diblokir." in output(page, "sp-f-masalah")
        # Never shown: the value is in the page no more often than without it in the address
        # (a word such as "index" is in the page anyway, in "tabindex").
        if value:
            shown = page.evaluate(_PAGE_TEXT).count(value)
            page.goto(served.url + PATH, wait_until="networkidle")
            page.wait_for_function(_BUILDER_READY)
            assert shown == page.evaluate(_PAGE_TEXT).count(value), (value, shown)
    assert not problems, "\n".join(problems)


# --- keeping and deleting -------------------------------------------------------------------


KEPT = "() => Object.keys(localStorage).filter(k => !k.includes('__'))"  # not the theme's own keys


def test_answers_survive_a_reload_and_are_kept_longer_only_when_asked(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        # The choice comes first: above the first question.
        box = page.locator("#sp-simpan").bounding_box()
        assert box is not None and box["y"] < page.locator("#sp-nama").bounding_box()["y"]  # type: ignore[index]
        fill_step_1(page)
        assert page.evaluate(KEPT) == []
        page.reload(wait_until="networkidle")
        page.wait_for_function(_BUILDER_READY)
        assert page.input_value("#sp-nama") == ANSWERS["nama"]  # a reload loses nothing
        # Another visit (the page closed): nothing, as it was not asked for.
        other = page.context.new_page()
        other.goto(served.url + PATH, wait_until="networkidle")
        other.wait_for_function(_BUILDER_READY)
        assert other.input_value("#sp-nama") == ""
        other.close()

        page.check("#sp-simpan")
        page.fill("#sp-nama", "Siti Kept")
        assert page.evaluate(KEPT) == ["susun-pengaduan"]
        other = page.context.new_page()
        other.goto(served.url + PATH, wait_until="networkidle")
        other.wait_for_function(_BUILDER_READY)
        assert other.input_value("#sp-nama") == "Siti Kept" and other.is_checked("#sp-simpan")
        other.close()
        page.uncheck("#sp-simpan")
        assert page.evaluate(KEPT) == []
    assert not problems, "\n".join(problems)


def test_deleting_everything_says_what_it_did_and_can_be_undone(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        assert page.locator("#sp-hapus").is_hidden()  # nothing to delete yet
        page.check("#sp-simpan")
        fill_everything(page)
        page.click("#sp-hapus")
        message = page.locator("#sp-dihapus")
        assert message.is_visible() and "sudah dihapus" in message.inner_text()
        assert page.evaluate("document.activeElement.id") == "sp-dihapus-teks"
        assert "sudah dihapus" in (page.locator("#sp-kabar").text_content() or "")
        assert page.input_value("#sp-nama") == "" and current_step(page) == "1"
        assert page.evaluate(KEPT) == [] and page.evaluate("sessionStorage.getItem('susun-pengaduan')") in (None, "")
        assert "[nama Anda]" in output(page, "sp-f-data-diri")

        page.click("#sp-batal-hapus")
        assert message.is_hidden()
        assert current_step(page) == "periksa"
        assert page.input_value("#sp-nama") == ANSWERS["nama"] and page.is_checked("#sp-simpan")
        assert page.evaluate(KEPT) == ["susun-pengaduan"]
        assert ANSWERS["alasan"] in output(page, "sp-f-masalah")
        assert "dikembalikan" in (page.locator("#sp-kabar").text_content() or "")

        # Deleted for good once she starts again.
        page.click("#sp-hapus")
        page.fill("#sp-nama", "Baru")
        assert message.is_hidden()
        page.reload(wait_until="networkidle")
        page.wait_for_function(_BUILDER_READY)
        assert page.input_value("#sp-nama") == "Baru" and page.input_value("#sp-email") == ""
    assert not problems, "\n".join(problems)


# --- nothing leaves by accident -------------------------------------------------------------


def test_with_the_script_blocked_nothing_sends_the_answers(served: LoopbackServer, browser: Browser) -> None:
    """The builder's script never arrives: first held (a slow network), then refused. Nothing
    the reader can do sends an answer anywhere: not while the form waits for its script, not
    in a browser that ignores `inert`, not after the page falls back to its no-script view."""
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    held: list[Route] = []
    context.route("**/susun-pengaduan.js", lambda route: held.append(route))
    page = context.new_page()
    requests: list[str] = []
    navigations: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("framenavigated", lambda f: navigations.append(f.url) if f == page.main_frame else None)
    try:
        page.goto(served.url + PATH, wait_until="domcontentloaded")
        page.wait_for_function("document.documentElement.classList.contains('susun-js')")
        # Waiting for the script: the form is there but takes nothing.
        page.locator("#sp-nama").click(force=True)
        page.keyboard.type(ANSWERS["nama"])
        page.keyboard.press("Enter")
        assert page.input_value("#sp-nama") == ""
        assert page.evaluate("document.activeElement.closest('form')") is None

        # A browser without `inert`: type into every field, press Enter in each, press every button.
        page.evaluate("document.getElementById('susun-form').removeAttribute('inert')")
        page.fill("#sp-nama", ANSWERS["nama"])
        page.fill("#sp-email", ANSWERS["email"])
        for field in page.locator("#susun-form input:visible").all():
            field.press("Enter")
        for button in page.locator("#susun-form button:visible").all():
            button.click()
        # The script is refused: the page shows what it shows without scripts.
        held[0].abort()
        page.wait_for_load_state("load")
        page.wait_for_function("!document.documentElement.classList.contains('susun-js')")
        assert page.locator("#susun-form").is_hidden() and page.locator(".susun-tanpa-js").is_visible()
        page.wait_for_load_state("networkidle")
        assert navigations == [served.url + PATH], navigations
        assert page.url == served.url + PATH
        carried = [u for u in requests for a in ("Siti", "siti.rahma", "nama=", "email=") if a in unquote(u)]
        assert not carried, carried
    finally:
        context.close()


# --- contrast in every state ----------------------------------------------------------------


# The text's contrast against what is behind it, composited down to the page (WCAG 1.4.3).
_CONTRAST = """el => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => { const a = top[3] + under[3] * (1 - top[3]);
    return [0, 1, 2].map(i => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / (a || 1)).concat([a]); };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const layers = [];
  for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
  let bg = [255, 255, 255, 1];
  const scheme = document.body.getAttribute('data-md-color-scheme');
  if (scheme === 'slate') bg = parse(getComputedStyle(document.body).backgroundColor);
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const fg = over(parse(getComputedStyle(el).color), bg);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return {ratio: (a + 0.05) / (b + 0.05), color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor,
          text: el.textContent.trim()};
}"""
_SETTLE = "el => Promise.all(el.getAnimations().map(a => a.finished)).then(() => true)"


def _states(page: Page, selector: str, copies: bool) -> list[tuple[str, dict]]:
    """The button's contrast at rest, hovered, focused from the keyboard, pressed and, for a
    copy button, showing "Tersalin": each as soon as the state begins and once settled."""
    button = page.locator(selector)
    button.scroll_into_view_if_needed()
    seen: list[tuple[str, dict]] = []

    def measure(state: str) -> None:
        seen.append((f"{state}, at once", button.evaluate(_CONTRAST)))
        button.evaluate(_SETTLE)
        seen.append((f"{state}, settled", button.evaluate(_CONTRAST)))

    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    measure("at rest")
    button.hover()
    measure("hovered")
    page.mouse.move(0, 0)
    page.keyboard.press("Shift")  # the next focus counts as the keyboard's (:focus-visible)
    button.focus()
    measure("focused")
    button.hover()
    page.mouse.down()
    measure("pressed")
    page.mouse.up()
    if copies:
        page.locator(f"{selector}:has-text('Tersalin')").wait_for()
        measure("Tersalin, under the finger")
        page.mouse.move(0, 0)
        measure("Tersalin")
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return seen


@pytest.mark.parametrize("palette", list(PALETTES))
def test_every_button_keeps_its_label_readable_in_every_state(
    served: LoopbackServer, browser: Browser, palette: str
) -> None:
    with builder(browser, served, color_scheme=palette) as (page, problems):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url.rstrip("/"))
        low: list[str] = []
        measured = 0

        def check(selector: str, copies: bool = False) -> None:
            nonlocal measured
            for state, m in _states(page, selector, copies):
                measured += 1
                if m["ratio"] < 4.5:
                    low.append(f"[{palette}] {selector} {state}: {m['ratio']:.2f}:1 ({m['text']!r} {m['color']} on {m['background']})")

        # Pressing a link follows it when the finger lifts: the links stay on the page (and no
        # request leaves loopback).
        page.evaluate("""() => document.addEventListener('click', e => {
            if (e.target.closest('a[href^="http"], a[href^="mailto:"]')) e.preventDefault() }, true)""")
        for target in page.locator("#teks-formulir button[data-salin], #email ~ .susun-kolom button[data-salin]").evaluate_all(
                "l => l.map(b => b.dataset.salin)"):
            check(f".susun-kolom button[data-salin='{target}']", copies=True)
        check("#tautan-email")
        check("#tombol-formulir")
        # Pressing a button does what it does when the finger lifts: each step below follows.
        fill_step_1(page)
        check("#sp-hapus")  # deletes the answers ...
        check("#sp-batal-hapus")  # ... and brings them back
        assert page.input_value("#sp-nama") == ANSWERS["nama"]
        check("#sp-langkah-1 [data-lanjut]")  # on to step 2
        assert current_step(page) == "2"
        check("#sp-langkah-2 [data-kembali]")  # back to step 1
        go_to_step(page, 4)
        check("#sp-tambah")  # a second row
        check("#sp-kronologi > li:first-child .susun-hapus-baris")  # the first row deleted
        assert measured >= 2 * 4 * 10
        assert not low, "\n".join(low)
    assert not problems, "\n".join(problems)


# --- accessibility --------------------------------------------------------------------------


@pytest.mark.parametrize("palette", list(PALETTES))
def test_axe_finds_nothing_on_a_phone_in_every_step(served: LoopbackServer, browser: Browser, palette: str) -> None:
    with builder(browser, served, color_scheme=palette) as (page, problems):
        assert page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[palette]
        violations = _axe(page, f"step 1 [{palette}]")
        next_step(page)
        page.fill("#sp-nama", "kode OTP 482913")
        violations += _axe(page, f"errors and a secrets note [{palette}]")
        page.fill("#sp-nama", "")
        page.reload(wait_until="networkidle")
        page.wait_for_function(_BUILDER_READY)
        for step in range(2, STEPS + 1):
            if current_step(page) != str(step):
                page.evaluate("sessionStorage.clear()")
                page.reload(wait_until="networkidle")
                page.wait_for_function(_BUILDER_READY)
                go_to_step(page, step)
            violations += _axe(page, f"step {step} [{palette}]")
        page.evaluate("sessionStorage.clear()")
        page.reload(wait_until="networkidle")
        page.wait_for_function(_BUILDER_READY)
        page.evaluate("history.replaceState(null, '')")
        fill_everything(page)
        violations += _axe(page, f"summary [{palette}]")
        page.click("#sp-hapus")
        violations += _axe(page, f"deleted, with undo [{palette}]")
    assert not violations, "\n".join(violations)
    assert not problems, "\n".join(problems)


def _tab_until(page: Page, selector: str, limit: int = 80) -> None:
    """Tab until `selector` has the focus; every stop on the way shows where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_STYLE)
        if focus is not None:
            assert focus["outline"] >= 2 or focus["shadow"] != "none", f"no visible focus on {focus['what']}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_the_whole_flow_works_with_the_keyboard_alone(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served, has_touch=False, is_mobile=False, locale="en-US") as (page, problems):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url.rstrip("/"))
        kb = page.keyboard
        _tab_until(page, "#sp-nama")
        kb.type("Siti Rahmawati")
        kb.press("Enter")  # Enter: the next field, not a submission
        assert page.evaluate("document.activeElement.id") == "sp-email"
        kb.type("siti@contoh.test")
        kb.press("Tab")  # phone: optional, left empty
        kb.press("Enter")  # from the last field: the next step
        assert current_step(page) == "2"
        assert page.evaluate("document.activeElement.matches('#sp-langkah-2 .susun-langkah__judul')")
        _tab_until(page, "input[name=status]")
        kb.press("ArrowDown")  # -> calon
        kb.press("Tab")
        kb.press("ArrowDown")  # cause: the next option
        _tab_until(page, "#sp-langkah-2 [data-lanjut]")
        kb.press("Enter")
        _tab_until(page, "#sp-tanggal")
        kb.type("03052024")  # the date field in the browser's en-US order: month, day, year
        _tab_until(page, "#sp-langkah-3 [data-lanjut]")
        kb.press("Enter")
        _tab_until(page, "#sp-kronologi input[name=kronologi]")
        kb.type("Saya membeli pelatihan.")
        _tab_until(page, "#sp-tambah")
        kb.press("Enter")  # a new row, its date field focused
        assert page.evaluate("document.activeElement.name") == "kronologi-tanggal"
        _tab_until(page, "#sp-kronologi > li:nth-child(2) input[name=kronologi]")
        kb.type("Saya mengirim ulasan.")
        _tab_until(page, "#sp-langkah-4 [data-lanjut]")
        kb.press("Enter")
        _tab_until(page, "input[name=bukti][value=tangkapan-layar]")
        kb.press("Space")
        _tab_until(page, "#sp-langkah-5 [data-lanjut]")
        kb.press("Enter")
        assert current_step(page) == "periksa"
        _tab_until(page, "button[data-salin=sp-f-masalah]", limit=120)
        kb.press("Enter")
        page.locator("#sp-kabar:has-text('Tersalin')").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert re.search(r"1\. Saya membeli pelatihan\.\n2\. Saya mengirim ulasan\.\n"
                         r"3\. 5 Maret 2024 - Akun saya diblokir\.", copied), copied
        assert output(page, "sp-f-status") == "Calon peserta penerima Kartu Prakerja"
        assert "dianggap memakai joki" in copied
        _tab_until(page, "#tautan-email")
        assert mailto_parts(page.evaluate("document.activeElement.href"))[1]["body"][0].startswith("Yth.")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", list(PALETTES))
def test_without_scripts_the_templates_and_official_links_are_there(
    served: LoopbackServer, browser: Browser, palette: str
) -> None:
    with builder(browser, served, java_script_enabled=False, color_scheme=palette) as (page, problems):
        assert page.locator("#susun-form").is_hidden() and page.locator(".susun-memuat").is_hidden()
        assert "tetap bisa memakai teks di bawah ini" in page.locator(".susun-tanpa-js").inner_text()
        assert page.locator("button[data-salin]:visible").count() == 0
        assert "[nama Anda]" in output(page, "sp-f-data-diri")
        assert "[tanggal] - [kejadian]" in output(page, "sp-f-masalah")
        assert "[nama Anda]" in output(page, "teks-email")
        # The email button says what it opens without the script: the address and subject.
        assert page.locator("#tautan-email").inner_text() == "Buka aplikasi email (alamat dan subjek terisi)"
        for href in (REGISTRY.form_url, REGISTRY.mailto, f"tel:{REGISTRY.phone_e164}"):
            assert page.locator(f"article a[href='{href}']:visible").count() >= 1, href
        assert not JARGON.search(page.locator("article").inner_text())
        violations = _axe_without_scripts(browser, page, palette)
    assert not violations, "\n".join(violations)
    assert not problems, "\n".join(problems)


def _axe_without_scripts(browser: Browser, page: Page, palette: str) -> list[str]:
    """axe on the page as it is without scripts. axe itself is a script, and its checks end in
    timers, which never run with scripts off (its promise would never settle): it runs on a
    copy of that page (its HTML without any <script>, the same style sheets, palette and
    screen) in a context where scripts run, and the copy has no script of the site to run."""
    html = page.evaluate("""() => {
        const copy = document.documentElement.cloneNode(true);
        copy.querySelectorAll('script').forEach(s => s.remove());
        return copy.outerHTML;
    }""")
    assert "no-js" in (page.locator("html").get_attribute("class") or "")  # scripts really were off
    html = html.replace("<head>", f'<head><base href="{page.url}">', 1)
    context = browser.new_context(**{**PHONE, "color_scheme": palette})  # type: ignore[arg-type]
    try:
        copy = context.new_page()
        copy.set_content("<!DOCTYPE html>" + html, wait_until="networkidle")
        assert copy.locator(".susun-tanpa-js").is_visible() and copy.locator("#susun-form").is_hidden()
        return _axe(copy, f"without scripts [{palette}]")
    finally:
        context.close()


# --- the contact checker reads the script ---------------------------------------------------


@pytest.mark.builds
def test_a_wrong_number_or_address_in_the_script_fails_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    script = project / SCRIPT
    lines = script.read_text(encoding="utf-8").split("\n")
    lines.insert(3, '// Bantuan cepat: 0812-3456-7890 atau admin@bukablokir.example')
    lines.insert(10, 'const CEPAT = "https://wa.me/6281234567890"')
    script.write_text("\n".join(lines), encoding="utf-8")
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    for expected in (f"{SCRIPT}:4: phone number '0812-3456-7890'", f"{SCRIPT}:4: email address 'admin@bukablokir.example'",
                     f"{SCRIPT}:11: messaging host", REGISTRY.phone_display, REGISTRY.email):
        assert expected in result.output, f"{expected!r} not in:\n{result.output}"


def test_dotted_names_in_code_are_not_taken_for_web_addresses() -> None:
    found = contacts.check_script("row.id = lunr.id; el.click()\nvar s = 'prakerja.vip'", file="x.js", registry=REGISTRY)
    assert [(p.line, p.key) for p in found] == [(2, "prakerja.vip")], found
