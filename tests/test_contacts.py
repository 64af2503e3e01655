"""The contact checker (akun_diblokir/contacts.py): every wrong or unofficial contact detail
is reported with its file, line and the registry's value, in the Markdown sources, in the
built HTML and through a real strict build; the real site passes clean."""

from __future__ import annotations

import copy
import dataclasses
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from sitetools import ROOT, LoopbackServer, build_site, copy_project, html_files

from akun_diblokir import contacts

REGISTRY = contacts.load_registry(ROOT / "mkdocs.yml")
PAGE = "docs/kontak.md"


def insert_line(path: Path, line: int, text: str) -> None:
    """Insert `text` so that it becomes line `line` of the file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(line - 1, text)
    path.write_text("\n".join(lines), encoding="utf-8")


def body_line(path: Path) -> int:
    """A line in the middle of the page body (after the front matter)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
    return start + (len(lines) - start) // 2 + 1


def one_digit_changed(number: str, index: int) -> str:
    index %= len(number)
    digit = number[index]
    return number[:index] + str((int(digit) + 1) % 10) + number[index + 1 :]


# Each bad detail: the line written into a page, what the report must quote, and the
# registry value the report must name.
BAD_DETAILS = [
    ("changed-digit-in-text", f"Hubungi {one_digit_changed(REGISTRY.phone_display, -1)} sekarang.",
     one_digit_changed(REGISTRY.phone_display, -1), REGISTRY.phone_display),
    ("changed-digit-in-tel-link", f"[Telepon](tel:{one_digit_changed(REGISTRY.phone_e164, 5)})",
     f"tel:{one_digit_changed(REGISTRY.phone_e164, 5)}", f"tel:{REGISTRY.phone_e164}"),
    ("plus62-unofficial-number", "Atau hubungi admin di +62 812-3456-7890.", "+62 812-3456-7890",
     REGISTRY.phone_display),
    ("dotted-unofficial-number", "Nomor bantuan: 0812.3456.7890", "0812.3456.7890", REGISTRY.phone_display),
    ("email-domain-letter", "Kirim email ke info@prakerje.go.id.", "info@prakerje.go.id", REGISTRY.email),
    ("mailto-other-subject", f"[Email](mailto:{REGISTRY.email}?subject=Buka%20Blokir)", "'Buka Blokir'",
     repr(REGISTRY.email_subject)),
    ("mailto-without-subject", f"[Email](mailto:{REGISTRY.email})", "has no subject", repr(REGISTRY.email_subject)),
    ("complaint-form-typo", "[Formulir](https://bantuan.prakerja.go.id/hc/id/requests/neww)", "requests/neww",
     REGISTRY.form_url),
    ("host-not-allowlisted", "[Bantuan cepat](https://bukablokir.net/form)", "bukablokir.net", "cited_hosts"),
    ("lookalike-host", "[Situs](https://prakerja.co.id/login)", "prakerja.co.id", "www.prakerja.go.id"),
    ("lookalike-hyphen-host", "<a href=\"https://bantuan-prakerja.com/\">bantuan</a>", "bantuan-prakerja.com",
     "bantuan.prakerja.go.id"),
    ("lookalike-bare-domain", "Buka prakerja.vip untuk bantuan.", "prakerja.vip", "www.prakerja.go.id"),
    # Unlinked look-alikes on the cheapest new top-level domains (any public suffix counts).
    ("lookalike-bare-sbs", "Isi data di prakerja-bantuan.sbs sekarang.", "prakerja-bantuan.sbs", "www.prakerja.go.id"),
    ("lookalike-bare-cam", "Pulihkan akun di prakerja-pulih.cam.", "prakerja-pulih.cam", "www.prakerja.go.id"),
    ("lookalike-bare-lol", "Situs PRAKERJA.LOL membuka blokir.", "prakerja.lol", "www.prakerja.go.id"),
    ("lookalike-bare-cfd", "Buka bantuan-prakerja.cfd lalu masuk.", "bantuan-prakerja.cfd", "www.prakerja.go.id"),
    ("lookalike-digit-for-letter", "Daftar ulang di pr4kerja.id saja.", "pr4kerja.id", "www.prakerja.go.id"),
    ("lookalike-swapped-letters", "Buka prakreja.cam untuk bantuan.", "prakreja.cam", "www.prakerja.go.id"),
    ("wa-me-link", "[Chat admin](https://wa.me/6281234567890)", "wa.me", REGISTRY.phone_display),
    ("api-whatsapp-link", "<https://api.whatsapp.com/send?phone=6281234567890>", "api.whatsapp.com",
     REGISTRY.phone_display),
    ("t-me-link", "[Grup bantuan](https://t.me/bantuanakun)", "t.me", REGISTRY.phone_display),
    ("whatsapp-number-text", "WhatsApp 0812-3456-7890 (admin)", "WhatsApp 0812-3456-7890", REGISTRY.phone_display),
    ("telegram-number-text", "Telegram: +62 813 1111 2222", "Telegram: +62 813 1111 2222", REGISTRY.phone_display),
    ("telegram-handle-text", "Hubungi admin di Telegram @bukablokir_cepat.", "Telegram @bukablokir_cepat",
     REGISTRY.phone_display),
]


@pytest.mark.parametrize(("text", "found", "registry_value"), [c[1:] for c in BAD_DETAILS],
                         ids=[c[0] for c in BAD_DETAILS])
@pytest.mark.builds
def test_bad_detail_in_a_page_is_reported_with_file_line_and_registry_value(
    tmp_path: Path, text: str, found: str, registry_value: str
) -> None:
    project = copy_project(tmp_path / "project")
    page = project / PAGE
    line = body_line(page)
    insert_line(page, line, text)
    problems = contacts.check_markdown_files([page], root=project, registry=REGISTRY)
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.file, problem.line) == (PAGE, line), problem
    assert found in problem.found, problem
    assert registry_value in problem.expected, problem


def test_lookalike_and_messaging_hosts_fail_even_when_allowlisted() -> None:
    allowlisted = dataclasses.replace(
        REGISTRY, cited_hosts=REGISTRY.cited_hosts | {"prakerja.co.id", "wa.me", "t.me"}
    )
    for url in ("https://prakerja.co.id/", "https://wa.me/6281234567890", "https://t.me/x"):
        problems = contacts.check_markdown(f"[x]({url})", file="x.md", registry=allowlisted)
        assert [p.line for p in problems] == [1], (url, problems)
    assert len(allowlisted.config_problems()) == 3, allowlisted.config_problems()


@pytest.mark.parametrize(
    ("host", "imitates"),
    [
        ("prakerja-bantuan.sbs", True), ("prakerja-pulih.cam", True), ("prakerja.lol", True),
        ("bantuan-prakerja.cfd", True), ("kartuprakerja.xn--p1ai", True), ("pr4kerja.id", True),
        ("prakreja.cam", True), ("prakerya.top", True), ("prakerjaa.com", True), ("prkerja.id", True),
        ("prakerja.go.id.bantuan.top", True), ("prakerja.co.id", True),
        ("www.prakerja.go.id", False), ("bantuan.prakerja.go.id", False), ("prakerja.go.id", False),
        ("kompas.com", False), ("pekerja.id", False), ("kerja.lol", False), ("tribunnewswiki.com", False),
    ],
)
def test_lookalike_rule_names_prakerja_and_near_misses_but_not_the_official_hosts(host: str, imitates: bool) -> None:
    assert contacts.imitates_official(host, REGISTRY) is imitates


def test_public_suffix_list_is_the_bundled_one_never_fetched(tmp_path: Path) -> None:
    """Every top-level domain is known offline: the checker reads the Public Suffix List that
    the installed tldextract bundles, opens no connection and writes no cache."""
    code = (
        "import socket\n"
        "attempts = []\n"
        "def refuse(*args, **kwargs):\n"
        "    attempts.append(args)\n"
        "    raise OSError('network refused by the test')\n"
        "socket.create_connection = refuse\n"
        "socket.socket.connect = refuse\n"
        "from akun_diblokir import contacts\n"
        "print([contacts.public_suffix(h) for h in ('a.sbs', 'a.cam', 'a.lol', 'a.cfd', 'www.prakerja.go.id', 'e.g')])\n"
        "print(len(attempts))\n"
    )
    env = {**os.environ, "TLDEXTRACT_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:2] == ["['sbs', 'cam', 'lol', 'cfd', 'go.id', '']", "0"], run.stdout
    assert not list(tmp_path.rglob("*")), "tldextract wrote files: " + ", ".join(map(str, tmp_path.rglob("*")))


def test_every_one_digit_change_of_the_number_is_reported() -> None:
    display = REGISTRY.phone_display
    for index, char in enumerate(display):
        if not char.isdigit():
            continue
        for digit in "0123456789":
            if digit == char:
                continue
            changed = display[:index] + digit + display[index + 1 :]
            problems = contacts.check_markdown(f"Telepon\n{changed}.", file="x.md", registry=REGISTRY)
            assert [(p.line, changed in p.found) for p in problems] == [(2, True)], (changed, problems)


def test_unofficial_contact_in_any_page_is_reported() -> None:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    for page in pages:
        lines = page.read_text(encoding="utf-8").split("\n")
        line = body_line(page)
        lines.insert(line - 1, "Hubungi WA 0813-2222-3333 atau https://wa.me/6281322223333")
        problems = contacts.check_markdown("\n".join(lines), file=page.name, registry=REGISTRY)
        assert {(p.file, p.line) for p in problems} == {(page.name, line)}, problems
        assert len(problems) == 2, problems


# Details that look like numbers or hosts but are not unofficial contacts.
HARMLESS = [
    "Diperiksa 2026-11-28; diumumkan 28 Februari 2024, batas 13 Maret 2024 (28/02/2024).",
    "Call center buka setiap hari pukul 08.00–20.00 WIB (08.00-20.00).",
    "Batas 15 hari kalender sejak 2023 (gelombang 48); dulu 30 hari (Permenko 11/2020).",
    "Situs palsu seperti prakerja[.]co[.]id, prakerja12[.]xyz dan kartu-prakerja[.]com.",
    # defanged look-alikes on new top-level domains, and words joined by a dot
    "Contoh: prakerja-bantuan[.]sbs dan prakerja[.]lol (titik ditulis [.]).",
    "Sesuai Permenko.No 11/2020; lihat berkas selebaran.pdf dan kerja.lol.",
    "Jangan percaya pesan WhatsApp atau Telegram yang menawarkan bantuan (WhatsApp, 2024).",
    "Email resmi berakhiran @prakerja.go.id; akun Instagram @prakerja.go.id.",
    f"Nomor {REGISTRY.phone_display}, 08001503001, 0800 150 3001, +62 800-150-3001, +628001503001.",
    "[Telepon](tel:08001503001) [Telepon](tel:+62-800-1503001)",
    f"[Email](mailto:{REGISTRY.email}?subject=Akun%20Terblokir)",
    "[Kompas TV](https://www.kompas.tv/bisnis/237544) dan https://money.kompas.com/read/2021/05/02/x.",
    "[Formulir](https://bantuan.prakerja.go.id/hc/id/requests/new), [situs](https://www.prakerja.go.id/)",
    "[Halaman lain](../pemulihan/email.md#email), ![gambar](assets/diagram.svg)",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_text_is_not_reported(text: str) -> None:
    assert contacts.check_markdown(text, file="x.md", registry=REGISTRY) == []
    assert contacts.check_html(f"<p>{text}</p>", file="x.html", registry=REGISTRY) == []



def test_repeated_text_is_reported_every_time_with_its_own_line() -> None:
    """The checker caches its verdicts per text chunk (the navigation repeats on every page):
    a chunk seen before is still reported, on every page and every line it is on."""
    wrong = "Hubungi 0811-2345-6789 sekarang"
    html = f"<nav><p>{wrong}</p>\n<p title='{wrong}'>x</p></nav>\n\n<p>{wrong}</p>"
    for page in ("a.html", "b.html"):
        problems = contacts.check_html(html, file=page, registry=REGISTRY)
        assert [(p.file, p.line) for p in problems] == [(page, 1), (page, 2), (page, 4)]


def test_cached_verdicts_belong_to_their_registry() -> None:
    text = f"<p>Telepon {REGISTRY.phone_display}</p>"
    assert contacts.check_html(text, file="x.html", registry=REGISTRY) == []
    other = dataclasses.replace(REGISTRY, phone_e164="+6281123456789", phone_display="0811-2345-6789")
    problems = contacts.check_html(text, file="x.html", registry=other)
    assert [p.key for p in problems] == [REGISTRY.phone_e164]

def assert_registry_rejects(change: Callable[[dict[str, Any]], object], pattern: str) -> None:
    """Change a copy of extra.official with `change`; the registry must refuse it."""
    extra = copy.deepcopy(yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"])
    change(extra["official"])
    with pytest.raises(contacts.RegistryError, match=pattern):
        contacts.registry_from_extra(extra)


def test_registry_rejects_a_display_that_is_another_number_and_a_lookalike_official_host() -> None:
    wrong = one_digit_changed(REGISTRY.phone_display, -1)
    assert_registry_rejects(lambda o: o["phone"].update(display=wrong), r"phone\.display .* not the same number")
    assert_registry_rejects(lambda o: o["web"]["hosts"].append("prakerja.co.id"),
                            r"'prakerja\.co\.id', which is not a \.go\.id host")
    # The display the pages use is the number the tel: links dial.
    assert phonenumbers.parse(REGISTRY.phone_display, "ID") == phonenumbers.parse(REGISTRY.phone_e164)


@pytest.mark.builds
def test_registry_form_host_is_the_host_of_the_form_url_and_official(tmp_path: Path) -> None:
    """The footer shows extra.official.form.host as the form link's text: it must be the
    host of form.url and in web.hosts, or the build fails naming mkdocs.yml and the value."""
    assert_registry_rejects(lambda o: o["form"].update(host="www.prakerja.go.id"), (
        r"^mkdocs\.yml:1: extra\.official\.form\.host 'www\.prakerja\.go\.id' is not the host of form\.url "
        r"'https://bantuan\.prakerja\.go\.id/hc/id/requests/new'; expected 'bantuan\.prakerja\.go\.id'"))
    assert_registry_rejects(lambda o: o["form"].pop("host"), r"extra\.official\.form\.host is missing")
    assert_registry_rejects(lambda o: o["web"]["hosts"].remove("bantuan.prakerja.go.id"),
                            r"form\.host 'bantuan\.prakerja\.go\.id' is not in web\.hosts")

    # The same mismatch in a real strict build.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      host: bantuan.prakerja.go.id" in text
    config.write_text(text.replace("      host: bantuan.prakerja.go.id", "      host: bantuan.prakerja.go.id.example"),
                      encoding="utf-8")
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    line = text[: text.index("      host: bantuan.prakerja.go.id")].count("\n") + 1
    assert f"mkdocs.yml:{line}: extra.official.form.host 'bantuan.prakerja.go.id.example'" in result.output, result.output
    assert "; expected 'bantuan.prakerja.go.id'" in result.output, result.output


def test_real_markdown_sources_pass_clean() -> None:
    problems = contacts.check_markdown_files((ROOT / "docs").rglob("*.md"), root=ROOT, registry=REGISTRY)
    problems += contacts.check_markup_files((ROOT / "docs").rglob("*.svg"), root=ROOT, registry=REGISTRY)
    assert problems == [], "\n".join(map(str, problems))


def test_built_site_passes_clean(site: LoopbackServer, site_dir: Path) -> None:
    registry = contacts.load_registry(ROOT / "mkdocs.yml", site.url)  # the site's own host is allowed
    problems = contacts.check_site(site_dir, registry=registry)
    assert problems == [], "\n".join(map(str, problems))


def test_contacts_block_on_every_page(site_dir: Path) -> None:
    pages = html_files(site_dir)
    assert len(pages) >= 3
    for page in pages:
        if "http-equiv=\"refresh\"" in page.read_text(encoding="utf-8")[:2000]:
            continue  # a redirect stub, not a page
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        block = soup.select_one("footer .kontak-resmi")
        assert block is not None, f"{page}: no contacts block in the footer"
        hrefs = [a["href"] for a in block.select("a[href]")]
        tel = [h for h in hrefs if h.startswith("tel:")]
        assert len(tel) == 1 and phonenumbers.parse(tel[0][4:]) == phonenumbers.parse(REGISTRY.phone_e164), hrefs
        assert REGISTRY.phone_display in block.get_text(), page
        assert REGISTRY.mailto in hrefs and REGISTRY.form_url in hrefs, (page, hrefs)


def test_bad_detail_in_built_html_is_reported_with_html_file_and_line(site_dir: Path, tmp_path: Path) -> None:
    html = tmp_path / "kontak" / "index.html"
    html.parent.mkdir()
    text = (site_dir / "kontak" / "index.html").read_text(encoding="utf-8")
    # Two new lines right after the <article> tag (the minified page has it mid-line).
    tag_end = text.index(">", text.index("<article")) + 1
    article = text.count("\n", 0, tag_end) + 2
    wrong = one_digit_changed(REGISTRY.phone_e164, 6)
    bad = [
        f'<p>Telepon <a href="tel:{wrong}">sekarang</a></p>',
        '<img alt="Admin: WA 0812 3456 7890" src="https://t.me/i/logo.png">',
    ]
    html.write_text(text[:tag_end] + "\n" + "\n".join(bad) + "\n" + text[tag_end:], encoding="utf-8")
    problems = contacts.check_site(tmp_path, registry=REGISTRY)
    reported = [(p.file, p.line) for p in problems]
    assert reported == [("kontak/index.html", article)] + [("kontak/index.html", article + 1)] * 2, problems
    assert f"tel:{wrong}" in problems[0].found and REGISTRY.phone_e164 in problems[0].expected


@pytest.mark.builds
def test_strict_build_fails_naming_file_line_and_registry_value(tmp_path: Path) -> None:
    """One real build with five faults: a changed digit in a page, a look-alike host added
    to the allowlist and linked, a WhatsApp link put into the theme's footer block, a
    WhatsApp number in an SVG image, and an unlinked look-alike host on a new top-level
    domain in a page."""
    project = copy_project(tmp_path / "project")
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    wrong = one_digit_changed(REGISTRY.phone_display, -2)
    line = text[: text.index(f"[{REGISTRY.phone_display}]")].count("\n") + 1
    page.write_text(text.replace(f"[{REGISTRY.phone_display}]", f"[{wrong}]", 1), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    cited_hosts:\n", "    cited_hosts:\n      - prakerja.co.id\n"),
        encoding="utf-8",
    )
    index = project / "docs" / "index.md"
    index_line = body_line(index)
    insert_line(index, index_line, "Lihat juga [situs ini](https://prakerja.co.id/bantuan).")
    svg = project / "docs" / "assets" / "favicon.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("</svg>", "\n<text>WA 0812 7777 6666</text></svg>"),
                   encoding="utf-8")
    svg_text = svg.read_text(encoding="utf-8")
    svg_line = svg_text[: svg_text.index("<text>WA")].count("\n") + 1
    faq = project / "docs" / "faq.md"
    faq_line = body_line(faq)
    insert_line(faq, faq_line, "Ada yang menyarankan prakerja-bantuan.sbs untuk membuka blokir.")
    partial = project / "overrides" / "partials" / "kontak-resmi.html"
    partial.write_text(partial.read_text(encoding="utf-8").replace(
        "</ul>", '<li><a href="https://wa.me/6281234567890">WhatsApp admin</a></li></ul>'), encoding="utf-8")

    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    out = result.output
    assert f"{PAGE}:{line}: phone number '{wrong}'" in out and REGISTRY.phone_display in out, out
    assert f"docs/index.md:{index_line}: look-alike host" in out and "'prakerja.co.id'" in out, out
    assert "cited_hosts lists 'prakerja.co.id'" in out, out
    # Found in the built pages, named in the theme template it comes from, once.
    partial_line = partial.read_text(encoding="utf-8").split("https://wa.me/")[0].count("\n") + 1
    assert f"overrides/partials/kontak-resmi.html:{partial_line}: messaging host (WhatsApp/Telegram) 'wa.me'" in out, out
    assert out.count("'wa.me'") == 1, out
    assert f"docs/assets/favicon.svg:{svg_line}: messaging number 'WA 0812 7777 6666'" in out, out
    # An unlinked look-alike on a new top-level domain, named in the page and line it is on.
    assert (f"docs/faq.md:{faq_line}: unlinked look-alike host (not an official Prakerja host) "
            "'prakerja-bantuan.sbs'") in out, out
