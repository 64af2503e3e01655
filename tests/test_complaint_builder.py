"""The complaint builder at /susun-pengaduan/, in a real headless Chromium on the
site served with exactly the headers of its `_headers` (strict Content-Security-Policy).

- the contract (input names and output ids), the causes (the pages of docs/penyebab/) and
  the contact details (the registry in mkdocs.yml) in the built page;
- filling every field fills every output in its place; the `mailto:` carries the registry's
  address and subject and the body, or, over 2,000 characters, the subject only and a notice;
- markup and script payloads in every field show literally and run nothing (no console
  error, no CSP violation, no dialog, no request);
- no request leaves the page while the reader types, adds rows, copies and keeps answers;
- messages at the field for empty required fields, a bad email, an OTP code or a password;
- answers kept on the device only when the reader asks, deleted with one tap;
- axe in both palettes on a phone, the whole flow with the keyboard only, the page without
  JavaScript; the links to the page from the home, cause, recovery and texts pages;
- the contact checker reads the page's script: a wrong number or address in it fails the
  build, naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page
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
TEXT_FIELDS = ("#sp-nama", "#sp-email", "#sp-telepon", "#sp-pesan-lain", "#sp-alasan")

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

@contextmanager
def builder(browser: Browser, server: LoopbackServer, **options: object) -> Iterator[tuple[Page, list[str]]]:
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
        response = page.goto(server.url + PATH, wait_until="networkidle")
        assert response is not None and response.ok
        assert response.headers.get("content-security-policy"), "served without its CSP"
        # The theme's bundle comes after the page and then fetches sitemap.xml (for the feed's
        # rel="alternate" link): wait for both, so that tests recording requests see only theirs.
        if options.get("java_script_enabled", True):
            page.wait_for_function(THEME_READY)
            page.wait_for_function(_THEME_FETCHES_DONE)
        yield page, problems
        problems += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations || []")]
    finally:
        context.close()


def output(page: Page, name: str) -> str:
    return page.locator(f"#{name}").text_content() or ""


def fill_everything(page: Page, answers: dict = ANSWERS) -> None:
    page.fill("#sp-nama", answers["nama"])
    page.fill("#sp-email", answers["email"])
    page.fill("#sp-telepon", answers["telepon"])
    page.check("input[name=status][value=calon]")
    page.select_option("#sp-penyebab", "kecurangan-joki")
    page.check("input[name=pesan][value=kecurangan]")
    page.fill("#sp-tanggal", answers["tanggal"][0])
    for n, (iso, _, event) in enumerate(answers["rows"]):
        if n:
            page.click("#sp-tambah")
        row = page.locator("#sp-kronologi > li").nth(n)
        row.locator("input[name=kronologi-tanggal]").fill(iso)
        row.locator("input[name=kronologi]").fill(event)
    page.fill("#sp-alasan", answers["alasan"])
    page.check("input[name=bukti][value=tangkapan-layar]")
    page.check("input[name=bukti][value=foto-ektp]")


def mailto_parts(href: str) -> tuple[str, dict[str, list[str]]]:
    assert href.startswith("mailto:"), href
    address, _, query = href[len("mailto:"):].partition("?")
    # RFC 6068: percent-encoding only ('+' is a plus sign), so no parse_qs(+ as space) surprise.
    params = {k: [unquote(v) for v in vs] for k, vs in parse_qs(query.replace("+", "%2B"), keep_blank_values=True).items()}
    return unquote(address), params


def soup(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")


# --- the built page -------------------------------------------------------------------------


def test_page_keeps_the_input_contract_and_offers_the_five_cause_pages(site_dir: Path) -> None:
    page = soup(site_dir, PATH)
    form = page.select_one("form#susun-form")
    assert form is not None
    names = {tag.get("name") for tag in form.select("input, select, textarea")}
    assert set(CONTRACT_INPUTS) <= names, set(CONTRACT_INPUTS) - names
    assert {i["value"] for i in form.select("input[name=status]")} == {"peserta", "calon"}
    causes = sorted(o["value"] for o in form.select("select[name=penyebab] option"))
    assert causes == sorted(["tidak-tahu", *CAUSES]), causes
    for wanted in ("#tautan-email", "#teks-email", "#teks-formulir"):
        assert page.select_one(wanted) is not None, wanted
    # The evidence of the evidence page, the four verification documents included.
    evidence = {i["value"] for i in form.select("input[name=bukti]")}
    assert {"tangkapan-layar", "foto-ektp", "foto-kk", "swafoto-ektp", "swafoto-kk"} <= evidence
    # Every label a reader sees is tied to its field.
    for field in form.select("input:not([type=radio]):not([type=checkbox]), select, textarea"):
        assert page.select_one(f"label[for='{field['id']}']") is not None, field


def test_contact_details_come_from_the_registry_and_the_script_holds_none(site_dir: Path) -> None:
    page = soup(site_dir, PATH)
    assert page.select_one("#tautan-email")["href"] == REGISTRY.mailto
    assert page.select_one("#tombol-formulir")["href"] == REGISTRY.form_url
    assert page.select_one(f"a[href='tel:{REGISTRY.phone_e164}']").get_text(strip=True) == REGISTRY.phone_display
    assert page.select_one("#sp-f-judul").get_text() == REGISTRY.email_subject
    script = (ROOT / SCRIPT).read_text(encoding="utf-8")
    digits = re.sub(r"\D", "", script)
    for detail in (REGISTRY.email, REGISTRY.email_subject, urlsplit(REGISTRY.form_url).hostname,
                   "mailto:", "tel:", REGISTRY.phone_e164.lstrip("+")):
        assert detail not in script and detail not in digits, f"{SCRIPT} holds {detail!r}"
    assert (site_dir / "assets/javascripts/susun-pengaduan.js").read_text(encoding="utf-8") == script
    # Loaded on this page only.
    others = [p for p in site_dir.rglob("*.html") if "susun-pengaduan.js" in p.read_text(encoding="utf-8")]
    assert others == [site_dir / PATH / "index.html"], others


def test_pages_readers_come_from_link_to_the_builder(site_dir: Path) -> None:
    pages = ["", "pemulihan/", "teks-siap-pakai/"] + [f"penyebab/{c}/" for c in CAUSES]
    missing = [p or "/" for p in pages
               if not soup(site_dir, p).select("article a[href$='susun-pengaduan/']")]
    assert not missing, f"no link to /susun-pengaduan/ in the article of {missing}"


def test_home_links_to_the_builder_on_the_first_phone_screen(site: LoopbackServer, browser: Browser) -> None:
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site.url, wait_until="networkidle")
    link = page.locator("article a[href$='susun-pengaduan/']").first
    box = link.bounding_box()
    context.close()
    assert box is not None and box["y"] + box["height"] <= PHONE["viewport"]["height"], box  # type: ignore[index]


# --- filling it in --------------------------------------------------------------------------


def test_every_answer_lands_in_its_place_and_the_email_link_carries_the_body(
    served: LoopbackServer, browser: Browser
) -> None:
    with builder(browser, served) as (page, problems):
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
        assert "kartu dipakai orang lain atau memakai joki" in problem
        assert f"Saya merasa tidak melanggar karena: {ANSWERS['alasan']}" in problem
        assert "Foto e-KTP" in problem and "[" not in problem, problem
        # The form text, in the form's order.
        form_text = page.locator("#teks-formulir").inner_text()
        positions = [form_text.index(output(page, name).split("\n")[0]) for name in OUTPUTS[:-1]]
        assert positions == sorted(positions), form_text

        body = output(page, "teks-email")
        for value in (ANSWERS["nama"], ANSWERS["email"], ANSWERS["telepon"], ANSWERS["alasan"], chronology.group(1).strip()):
            assert value in body, value
        assert body.rstrip().endswith(f"Hormat saya,\n{ANSWERS['nama']}")
        address, params = mailto_parts(page.locator("#tautan-email").get_attribute("href") or "")
        assert address == REGISTRY.email
        assert params["subject"] == [REGISTRY.email_subject]
        assert params["body"] == [body.replace("\n", "\r\n")]
        assert page.locator("#sp-email-panjang").is_hidden()

        # The evidence still missing: the verification documents not ticked, nothing ticked.
        missing = page.locator("#sp-bukti li[data-bukti]:visible").evaluate_all("l => l.map(e => e.dataset.bukti)")
        assert missing == ["foto-kk", "swafoto-ektp", "swafoto-kk"], missing
        page.select_option("#sp-penyebab", "terlambat-membeli-pelatihan")
        page.check("input[name=pesan][value='']")
        missing = page.locator("#sp-bukti li[data-bukti]:visible").evaluate_all("l => l.map(e => e.dataset.bukti)")
        assert missing == ["pengumuman", "pembelian"], missing
        assert "terlambat membeli pelatihan pertama" in output(page, "sp-f-masalah")
    assert not problems, "\n".join(problems)


def test_a_long_email_gets_a_subject_only_link_and_a_notice(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        fill_everything(page)
        for n in range(2, 12):
            page.click("#sp-tambah")
            row = page.locator("#sp-kronologi > li").nth(n)
            row.locator("input[name=kronologi]").fill(f"Kejadian nomor {n}: saya menghubungi kanal resmi dan menunggu jawaban.")
        href = page.locator("#tautan-email").get_attribute("href") or ""
        assert href == REGISTRY.mailto, href[:200]
        assert page.locator("#sp-email-panjang").is_visible()
        assert "Kejadian nomor 11" in output(page, "teks-email")
        # Shorter again: the body comes back, the notice goes.
        for _ in range(10):
            page.locator("#sp-kronologi > li .susun-hapus-baris").last.click()
        href = page.locator("#tautan-email").get_attribute("href") or ""
        assert len(href) <= 2000 and mailto_parts(href)[1]["body"], href
        assert page.locator("#sp-email-panjang").is_hidden()
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
        page.check("input[name=pesan][value=lain]")
        for selector in TEXT_FIELDS:
            page.fill(selector, payload)
        page.fill("#sp-kronologi input[name=kronologi]", payload)
        page.fill("#sp-tanggal", "2024-03-05")
        page.locator("#sp-nama").press("Tab")
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
        page.locator("#sp-nama").press_sequentially("Siti Rahmawati", delay=5)
        page.locator("#sp-email").press_sequentially("siti@contoh.test", delay=5)
        fill_everything(page)
        page.check("#sp-simpan")
        for button in page.locator("button[data-salin]").all():
            button.click()
            target = button.get_attribute("data-salin")
            page.locator(f"button[data-salin='{target}']:has-text('Tersalin')").wait_for()
            assert page.evaluate("navigator.clipboard.readText()") == output(page, target or ""), target
            assert (page.locator("#sp-kabar").text_content() or "").startswith("Tersalin")
        page.click("#sp-hapus")
        # The answers are gone (the tap did its work), and the network has settled since.
        page.wait_for_function("document.querySelector('#sp-nama').value === ''")
        page.wait_for_load_state("networkidle")
        assert not requests, requests
    assert not problems, "\n".join(problems)


# --- messages at the field ------------------------------------------------------------------


def _message(page: Page, selector: str) -> str:
    """The text of the field's error message, found through its aria-describedby."""
    ids = (page.locator(selector).first.get_attribute("aria-describedby") or "").split()
    if not ids:  # radio buttons: their group is described
        ids = (page.locator(selector).first.locator("xpath=ancestor::fieldset").get_attribute("aria-describedby") or "").split()
    return " ".join(page.locator(f"#{i}").text_content() or "" for i in ids if i.endswith("-galat")).strip()


def test_empty_required_fields_and_a_bad_email_get_a_message_at_the_field(
    served: LoopbackServer, browser: Browser
) -> None:
    with builder(browser, served) as (page, problems):
        page.click("button[type=submit]")
        required = {"#sp-nama": "nama lengkap", "#sp-email": "alamat email", "input[name=status]": "status kepesertaan",
                    "#sp-tanggal": "tanggal"}
        for selector, words in required.items():
            assert page.locator(selector).first.get_attribute("aria-invalid") == "true", selector
            assert words in _message(page, selector).lower(), (selector, _message(page, selector))
        assert page.evaluate("document.activeElement.id") == "sp-nama"
        assert "4 isian" in (page.locator("#sp-ringkasan").text_content() or "")
        assert page.locator("#sp-telepon").get_attribute("aria-invalid") is None  # optional

        page.fill("#sp-email", "siti@")
        page.locator("#sp-email").blur()
        assert "belum benar" in _message(page, "#sp-email")
        page.fill("#sp-email", "siti@contoh.test")
        assert _message(page, "#sp-email") == ""
        assert page.locator("#sp-email").get_attribute("aria-invalid") is None

        fill_everything(page)
        page.click("button[type=submit]")
        assert page.locator("[aria-invalid=true]").count() == 0
        assert "lengkap" in (page.locator("#sp-ringkasan").text_content() or "")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("text", "warning"), [("Kode OTP saya 482913", "OTP"), ("kata sandi saya rahasia", "kata sandi"),
                                               ("password: rahasia", "kata sandi")])
def test_an_otp_code_or_a_password_is_warned_next_to_its_field(
    served: LoopbackServer, browser: Browser, text: str, warning: str
) -> None:
    with builder(browser, served) as (page, problems):
        for selector in ("#sp-alasan", "#sp-kronologi input[name=kronologi]"):
            field = page.locator(selector)
            field.fill(text)
            note = " ".join(page.locator(f"#{i}").text_content() or ""
                            for i in (field.get_attribute("aria-describedby") or "").split())
            assert warning in note, (selector, note)
            field.fill("Saya membeli pelatihan pada 5 Maret 2024.")
            note = " ".join(page.locator(f"#{i}").text_content() or ""
                            for i in (field.get_attribute("aria-describedby") or "").split())
            assert "OTP" not in note and "sandi" not in note, note
    assert not problems, "\n".join(problems)


# --- kept on the device only when asked -----------------------------------------------------


KEPT = "() => Object.keys(localStorage).filter(k => !k.includes('__'))"  # not the theme's own keys


def test_answers_are_kept_only_when_asked_and_deleted_with_one_tap(served: LoopbackServer, browser: Browser) -> None:
    with builder(browser, served) as (page, problems):
        fill_everything(page)
        assert page.evaluate(KEPT) == []
        page.reload(wait_until="networkidle")
        assert page.input_value("#sp-nama") == ""

        fill_everything(page)
        page.check("#sp-simpan")
        page.fill("#sp-alasan", "Disimpan.")
        assert page.evaluate(KEPT) == ["susun-pengaduan"]
        page.reload(wait_until="networkidle")
        assert page.input_value("#sp-nama") == ANSWERS["nama"]
        assert page.is_checked("#sp-simpan") and page.is_checked("input[name=status][value=calon]")
        assert page.locator("#sp-kronologi input[name=kronologi]").evaluate_all("l => l.map(e => e.value)") == [
            r[2] for r in ANSWERS["rows"]]
        assert "Disimpan." in output(page, "sp-f-masalah")

        page.click("#sp-hapus")
        assert page.evaluate(KEPT) == []
        assert page.input_value("#sp-nama") == "" and not page.is_checked("#sp-simpan")
        assert "[nama Anda]" in output(page, "teks-email")
        page.reload(wait_until="networkidle")
        assert page.input_value("#sp-nama") == ""
    assert not problems, "\n".join(problems)


# --- accessibility --------------------------------------------------------------------------


@pytest.mark.parametrize("palette", list(PALETTES))
def test_axe_finds_nothing_on_a_phone_filled_and_with_messages(
    served: LoopbackServer, browser: Browser, palette: str
) -> None:
    with builder(browser, served, color_scheme=palette) as (page, problems):
        assert page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[palette]
        violations = _axe(page, f"empty [{palette}]")
        page.click("button[type=submit]")
        page.fill("#sp-alasan", "123456")
        violations += _axe(page, f"messages shown [{palette}]")
        fill_everything(page)
        page.click("#sp-tambah")
        violations += _axe(page, f"filled [{palette}]")
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
        kb.press("Tab")
        kb.type("siti@contoh.test")
        kb.press("Tab")  # phone: optional, left empty
        kb.press("Tab")  # status: the first radio button
        kb.press("ArrowDown")  # -> calon
        kb.press("Tab")
        kb.press("ArrowDown")  # cause: the next option
        _tab_until(page, "#sp-tanggal")
        kb.type("03052024")  # the date field in the browser's en-US order: month, day, year
        _tab_until(page, "#sp-kronologi input[name=kronologi]")
        kb.type("Saya membeli pelatihan.")
        _tab_until(page, "#sp-tambah")
        kb.press("Enter")  # a new row, its date field focused
        assert page.evaluate("document.activeElement.name") == "kronologi-tanggal"
        _tab_until(page, "#sp-kronologi > li:nth-child(2) input[name=kronologi]")
        kb.type("Saya mengirim ulasan.")
        _tab_until(page, "input[name=bukti][value=tangkapan-layar]")
        kb.press("Space")
        _tab_until(page, "button[type=submit]")
        kb.press("Enter")
        assert "lengkap" in (page.locator("#sp-ringkasan").text_content() or "")
        _tab_until(page, "button[data-salin=sp-f-masalah]")
        kb.press("Enter")
        page.locator("#sp-kabar:has-text('Tersalin')").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "1. 5 Maret 2024 - Akun saya diblokir." not in copied  # rows come first
        assert re.search(r"1\. Saya membeli pelatihan\.\n2\. Saya mengirim ulasan\.\n"
                         r"3\. 5 Maret 2024 - Akun saya diblokir\.", copied), copied
        assert output(page, "sp-f-status") == "Calon peserta penerima Kartu Prakerja"
        assert "dipakai orang lain" in copied
        _tab_until(page, "#tautan-email")
        assert mailto_parts(page.evaluate("document.activeElement.href"))[1]["body"][0].startswith("Yth.")
    assert not problems, "\n".join(problems)


def test_without_javascript_the_templates_and_official_links_are_there(
    served: LoopbackServer, browser: Browser
) -> None:
    with builder(browser, served, java_script_enabled=False) as (page, problems):
        assert page.locator("#susun-form").is_hidden()
        assert "memerlukan JavaScript" in (page.locator(".susun-tanpa-js").inner_text())
        assert page.locator("button[data-salin]:visible").count() == 0
        assert "[nama Anda]" in output(page, "sp-f-data-diri")
        assert "[tanggal] - [kejadian]" in output(page, "sp-f-masalah")
        assert "[nama Anda]" in output(page, "teks-email")
        for href in (REGISTRY.form_url, REGISTRY.mailto, f"tel:{REGISTRY.phone_e164}"):
            assert page.locator(f"article a[href='{href}']:visible").count() >= 1, href
    assert not problems, "\n".join(problems)


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
