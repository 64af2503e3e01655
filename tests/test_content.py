"""The articles: every cause and every recovery channel of the seed article has its page,
every page carries its front matter and a Sumber list, and the pages link where readers
need to go next."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from sitetools import ROOT, LoopbackServer, copy_project, failed_build_output, goto_with_theme, page_urls

DOCS = ROOT / "docs"
REQUIRED_FIELDS = ("title", "description", "last_checked")

# The five causes of the seed article ("Penyebab Mengapa Akun Prakerja Diblokir"), in its
# order, each mapped to its page and to a phrase the page must use for that cause.
SEED_CAUSES = {
    "Melakukan Kecurangan (diwakilkan orang lain atau jasa joki)": ("penyebab/kecurangan-joki/", "joki"),
    # The site says "pelatihan" where the seed says "kelas" (glossary.yml).
    "Tidak Menyelesaikan Prosedur": ("penyebab/prosedur-tidak-selesai/", "tidak menyelesaikan pelatihan"),
    "Tidak Membeli Kelas Tepat Waktu": ("penyebab/terlambat-membeli-pelatihan/", "15 hari kalender"),
    "Manipulasi Sistem": ("penyebab/manipulasi-sistem/", "pembelian palsu"),
    "Menggunakan Data Palsu (atau KTP milik orang lain)": ("penyebab/data-palsu/", "KTP milik orang lain"),
}
# Causes the other sources add to the seed article's five (sources/facts-2026-12.md), each
# with a phrase its page must use.
OTHER_CAUSES = {
    "Tidak memenuhi syarat dan ketentuan (Tirto, 2024)": ("penyebab/tidak-memenuhi-syarat/", "tidak sedang menempuh pendidikan formal"),
}
ALL_CAUSES = {**SEED_CAUSES, **OTHER_CAUSES}
# The three recovery channels of the seed article ("Cara Mengatasi"), each mapped to its
# page and to the official link that page must carry.
SEED_CHANNELS = {
    "Isi Formulir Pengaduan": ("pemulihan/formulir-pengaduan/", "https://bantuan.prakerja.go.id/hc/id/requests/new"),
    "Hubungi Lewat Email": ("pemulihan/email/", "mailto:info@prakerja.go.id?subject=Akun%20Terblokir"),
    "Hubungi Call Center": ("pemulihan/call-center/", "tel:+628001503001"),
}
RECOVERY_PAGES = [
    "pemulihan/",
    "pemulihan/formulir-pengaduan/",
    "pemulihan/email/",
    "pemulihan/call-center/",
    "pemulihan/bukti/",
    "pemulihan/kronologi/",
]
# Phrases from the seed article's closing advertising paragraphs.
SEED_ADVERTISING = [
    "bukalapak",
    "kerja sama dengan kami",
    "mitra g-trust",
    "webinar panduan mendaftar",
    "uang tambahan",
    "generasi gemilang",
    "cek dan beli sekarang",
    "lolos program kartu prakerja",
    "suitable-img",
]
INDONESIAN_MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
]


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{path.relative_to(ROOT)}: no front matter block"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict), f"{path.relative_to(ROOT)}: front matter is not a mapping"
    return data


def _soup(site_dir: Path, rel_url: str) -> BeautifulSoup:
    page = site_dir / rel_url / "index.html"
    assert page.is_file(), f"no built page for /{rel_url}"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")


def _content(soup: BeautifulSoup):
    article = soup.select_one("article.md-content__inner")
    assert article is not None, "page has no article"
    return article


def _rel_urls(site: LoopbackServer, site_dir: Path) -> list[str]:
    return [u[len(site.url):] for u in page_urls(site_dir)]


def _links(site: LoopbackServer, rel_url: str, soup: BeautifulSoup) -> set[str]:
    """Every link in the page's article, resolved to an absolute URL without fragment."""
    base = site.url + rel_url
    return {urljoin(base, a["href"]).split("#")[0] for a in _content(soup).find_all("a", href=True)}


def _md_files() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("cause", list(ALL_CAUSES), ids=[v[0] for v in ALL_CAUSES.values()])
def test_every_seed_cause_has_its_page(site_dir: Path, cause: str) -> None:
    rel_url, phrase = ALL_CAUSES[cause]
    text = _content(_soup(site_dir, rel_url)).get_text(" ", strip=True)
    assert phrase.lower() in text.lower(), f"/{rel_url} ({cause}) does not mention {phrase!r}"


@pytest.mark.parametrize("channel", list(SEED_CHANNELS), ids=[v[0] for v in SEED_CHANNELS.values()])
def test_every_seed_channel_has_its_page_with_the_official_link(site_dir: Path, channel: str) -> None:
    rel_url, href = SEED_CHANNELS[channel]
    hrefs = {a["href"] for a in _content(_soup(site_dir, rel_url)).find_all("a", href=True)}
    assert href in hrefs, f"/{rel_url} ({channel}) has no link {href}; links: {sorted(hrefs)}"


def test_every_cause_page_links_to_the_recovery_steps(site: LoopbackServer, site_dir: Path) -> None:
    recovery = site.url + "pemulihan/"
    causes = sorted(p.stem for p in (DOCS / "penyebab").glob("*.md") if p.stem != "index")
    assert {u for u, _ in ALL_CAUSES.values()} == {f"penyebab/{c}/" for c in causes}, causes
    missing = [u for u, _ in ALL_CAUSES.values() if recovery not in _links(site, u, _soup(site_dir, u))]
    assert not missing, f"cause pages without a link to /pemulihan/: {missing}"


def test_every_recovery_page_links_to_evidence_and_chronology(site: LoopbackServer, site_dir: Path) -> None:
    targets = {site.url + "pemulihan/bukti/", site.url + "pemulihan/kronologi/"}
    problems = []
    for rel_url in RECOVERY_PAGES:
        needed = targets - {site.url + rel_url}  # a page need not link to itself
        missing = needed - _links(site, rel_url, _soup(site_dir, rel_url))
        if missing:
            problems.append(f"/{rel_url} lacks links to {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_every_source_page_has_the_front_matter_fields() -> None:
    problems = []
    for path in _md_files():
        meta = _front_matter(path)
        for field in REQUIRED_FIELDS:
            if not meta.get(field):
                problems.append(f"{path.relative_to(DOCS)}: missing {field}")
    assert not problems, "\n".join(problems)


def test_every_built_page_shows_title_description_and_last_checked_date(
    site: LoopbackServer, site_dir: Path
) -> None:
    problems = []
    for path in _md_files():
        rel = path.relative_to(DOCS).with_suffix("")
        rel_url = "" if rel.name == "index" and rel.parent == Path(".") else (
            f"{rel.parent.as_posix()}/" if rel.name == "index" else f"{rel.as_posix()}/"
        )
        meta = _front_matter(path)
        soup = _soup(site_dir, rel_url)
        title = soup.title.get_text() if soup.title else ""
        if str(meta["title"]) not in title:
            problems.append(f"/{rel_url}: <title> {title!r} lacks {meta['title']!r}")
        description = soup.find("meta", attrs={"name": "description"})
        if description is None or description.get("content") != meta["description"]:
            problems.append(f"/{rel_url}: meta description is not the front matter's")
        checked = meta["last_checked"]
        time = soup.select_one(f'time[datetime="{checked.isoformat()}"]')
        shown = f"{checked.day} {INDONESIAN_MONTHS[checked.month - 1]} {checked.year}"
        if time is None or time.get_text(strip=True) != shown:
            problems.append(f"/{rel_url}: last-checked date {shown!r} is not shown")
    assert not problems, "\n".join(problems)


@pytest.mark.builds
def test_page_with_a_missing_or_bad_field_fails_the_build_naming_file_line_and_field(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")

    def edit(rel: str, old: str, new: str) -> None:
        page = project / "docs" / rel
        text = page.read_text(encoding="utf-8")
        assert old in text, f"{rel}: {old!r} not found"
        page.write_text(text.replace(old, new, 1), encoding="utf-8")

    faq = (project / "docs" / "faq.md").read_text(encoding="utf-8")
    edit("faq.md", re.search(r"^description:.*\n", faq, re.MULTILINE).group(0), "")
    tentang = (project / "docs" / "tentang.md").read_text(encoding="utf-8")
    edit("tentang.md", re.search(r"^last_checked:.*$", tentang, re.MULTILINE).group(0), "last_checked: 2026-02-30")
    email = (project / "docs" / "pemulihan" / "email.md").read_text(encoding="utf-8")
    edit("pemulihan/email.md", re.search(r"^title:.*\n", email, re.MULTILINE).group(0), "")
    out = failed_build_output(project, tmp_path / "out")
    assert re.search(r"faq\.md:1: .*'description'.*missing", out), out
    assert re.search(r"tentang\.md:4: .*'last_checked'.*2026-02-30", out), out
    assert re.search(r"pemulihan/email\.md:1: .*'title'.*missing", out), out


def test_every_page_has_a_sumber_list(site: LoopbackServer, site_dir: Path) -> None:
    problems = []
    for rel_url in _rel_urls(site, site_dir):
        heading = _content(_soup(site_dir, rel_url)).find(id="sumber")
        following = heading.find_next_sibling() if heading else None
        if heading is None or heading.name != "h2" or "Sumber" not in heading.get_text():
            problems.append(f"/{rel_url}: no '## Sumber {{#sumber}}' heading")
        elif rel_url == "pembaruan/":  # states no fact (`sources: []`) and says so
            if following is None or "tidak memuat fakta dari sumber" not in following.get_text():
                problems.append(f"/{rel_url}: no sources, and the page does not say so")
        elif following is None or following.name != "ul" or not following.find("li"):
            problems.append(f"/{rel_url}: the Sumber heading is not followed by a list")
    assert not problems, "\n".join(problems)


def test_no_page_contains_the_seed_advertising(site: LoopbackServer, site_dir: Path) -> None:
    problems = []
    for rel_url in _rel_urls(site, site_dir):
        text = _soup(site_dir, rel_url).get_text(" ", strip=True).lower()
        problems += [f"/{rel_url}: {phrase!r}" for phrase in SEED_ADVERTISING if phrase in text]
    assert not problems, "\n".join(problems)


def test_linkable_headings_have_short_explicit_ids() -> None:
    problems = []
    for path in _md_files():
        in_code = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("```"):
                in_code = not in_code
            if in_code or not re.match(r"#{1,3} ", line):
                continue
            if not re.search(r"\{#[a-z0-9][a-z0-9-]{0,23}\}\s*$", line):
                problems.append(f"{path.relative_to(DOCS)}:{number}: heading without a short lowercase id: {line}")
    assert not problems, "\n".join(problems)


def test_faq_answers_at_least_ten_questions(site_dir: Path) -> None:
    headings = _content(_soup(site_dir, "faq/")).find_all(["h2", "h3"])
    questions = [h for h in headings if "?" in h.get_text()]
    assert len(questions) >= 10, [q.get_text() for q in questions]
    assert all(q.get("id") for q in questions)


def test_words_readers_use_are_findable(site: LoopbackServer, site_dir: Path) -> None:
    text = " ".join(
        _content(_soup(site_dir, u)).get_text(" ", strip=True).lower() for u in _rel_urls(site, site_dir)
    )
    missing = [w for w in ("terblokir", "dinonaktifkan", "kepesertaan dicabut", "telat", "joki", "ktp",
                           "screenshot", "tangkapan layar") if w not in text]
    assert not missing, f"words readers search for are missing from the site: {missing}"


def test_ready_to_use_texts_copy_with_one_tap_and_mailto_prefills(
    site: LoopbackServer, browser: Browser
) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    goto_with_theme(page, site.url + "teks-siap-pakai/", wait_until="networkidle")  # Material adds the copy buttons
    copied = {}
    for section in ("email", "pengaduan"):
        block = page.locator(f"article h2#{section} ~ div.highlight").first
        expected = block.locator("code").inner_text().strip()
        # One tap on Material's copy button puts the whole text on the clipboard.
        block.locator("button[data-md-type='copy']").click()
        copied[section] = (expected, page.evaluate("() => navigator.clipboard.readText()").strip())
    hrefs = page.locator("article a[href^='mailto:']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    context.close()
    for section, (expected, got) in copied.items():
        assert len(expected) > 100 and got == expected, f"#{section}: copied {got[:80]!r}"
    assert copied["email"][0] != copied["pengaduan"][0]
    assert "mailto:info@prakerja.go.id?subject=Akun%20Terblokir" in hrefs, hrefs


LAST_STEP = "Tunggu tanggapan tim Prakerja"


def _flow_steps(site_dir: Path) -> list[str]:
    """The steps of the recovery path on pemulihan/ (an ordered list under #alur)."""
    content = _content(_soup(site_dir, "pemulihan/"))
    return [li.get_text(" ", strip=True) for li in content.select(".alur ol > li")]


def test_flow_is_text_in_the_page(site_dir: Path) -> None:
    """The recovery path is an ordered list of text that screen readers, search and
    translation read (it was a picture that looked like buttons); it starts from the
    blocked account and names the official channels."""
    content = _content(_soup(site_dir, "pemulihan/"))
    heading = content.find(id="alur")
    assert heading is not None and heading.name == "h2"
    intro = heading.find_next_sibling("p")
    assert intro is not None and "diblokir" in intro.get_text(), intro
    steps = _flow_steps(site_dir)
    assert len(steps) == 5, steps
    assert "formulir" in steps[3].lower() and "email" in steps[3].lower() and "call center" in steps[3].lower(), steps[3]


def test_flow_ends_by_waiting_for_the_answer_and_promises_no_result(site_dir: Path) -> None:
    """The last step is a step the reader takes, "Tunggu tanggapan tim Prakerja", not an
    outcome; no step says the complaint has been received or the account reopened."""
    steps = _flow_steps(site_dir)
    content = _content(_soup(site_dir, "pemulihan/"))
    last_title = content.select(".alur ol > li")[-1].find("strong").get_text(strip=True)
    assert last_title == LAST_STEP, f"the path's last step reads {last_title!r}"
    for step in steps:
        assert "terkirim" not in step.lower() and "dibuka kembali" not in step.lower(), step


def test_home_shows_causes_channels_and_independence_on_the_first_phone_screen(
    site: LoopbackServer, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site.url, wait_until="networkidle")
    below = page.evaluate(
        """() => {
          const wanted = [...document.querySelectorAll(
            'article #penyebab a, article #bantuan a, article #independen')];
          return {count: wanted.length,
                  below: wanted.filter(e => e.getBoundingClientRect().bottom > innerHeight)
                               .map(e => e.textContent.trim())};
        }"""
    )
    context.close()
    # the causes, three channels and the independence note
    assert below["count"] == len(ALL_CAUSES) + 3 + 1, below
    assert not below["below"], f"below the first 360x740 screen: {below['below']}"


# The third content review's findings: phrases no source supports, and one wording for the
# official addresses and for the channels this guide names.
UNSUPPORTED = [
    "situs resmi hanya",  # leaves out bantuan.prakerja.go.id, the form's host
    "abaikan balasan",  # no source says which address the help centre replies from
    "hanya lewat tiga kanal",  # live chat was an official channel in 2021
    "termasuk sabtu dan minggu",
    "tautan permanen",
    "tidak sama dengan akun diblokir",  # no source tells "dicabut" from "diblokir"
    "kepesertaan dicabut\" berbeda",
    "manipulasi insentif atau pembelian palsu](",  # a guessed cause for a waiting incentive
]
OFFICIAL_ADDRESSES = "Alamat resmi Kartu Prakerja ada di prakerja.go.id, termasuk www.prakerja.go.id dan bantuan.prakerja.go.id."
OFFICIAL_ADDRESS_PAGES = ["index.md", "aman-dari-penipuan.md", "kontak.md", "selebaran.md"]
THREE_CHANNELS = "Panduan ini hanya menyebut tiga kanal resmi ini."


def _prose(markdown: str) -> str:
    """Page text as a reader sees it: links as their text, no emphasis, one space."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(text.replace("**", "").replace("`", "").split())


def review_wording_problems(pages: dict[str, str]) -> list[str]:
    problems = []
    for name, text in pages.items():
        body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # change notes may quote what was removed
        prose = _prose(body).lower()
        problems += [f"{name}: {phrase!r}; no source supports it" for phrase in UNSUPPORTED if phrase in prose]
        # The OTP warning is for anyone, *including* those who claim to be from Prakerja.
        for warning in re.findall(r"[^.]*kode OTP[^.]*mengaku[^.]*\.", _prose(body)):
            if not re.search(r"\b(juga|termasuk)\b", warning):
                problems.append(f"{name}: {warning.strip()!r}; expected the warning for anyone, "
                                "including (juga, termasuk) those who claim to be from Prakerja")
    for name in OFFICIAL_ADDRESS_PAGES:
        if OFFICIAL_ADDRESSES not in _prose(pages.get(name, "")):
            problems.append(f"{name}: expected the one wording {OFFICIAL_ADDRESSES!r}")
    for name in ("kontak.md", "selebaran.md", "pemulihan/index.md", "aman-dari-penipuan.md"):
        if THREE_CHANNELS not in _prose(pages.get(name, "")):
            problems.append(f"{name}: expected {THREE_CHANNELS!r}")
    return problems


def test_review_findings_stay_fixed() -> None:
    pages = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in _md_files()}
    problems = review_wording_problems(pages)
    assert not problems, "\n".join(problems)


def test_review_wording_check_finds_the_old_sentences() -> None:
    pages = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in _md_files()}
    pages["kontak.md"] = pages["kontak.md"].replace("Alamat resmi Kartu Prakerja ada di", "Situs resmi hanya ada di")
    pages["x.md"] = ("Periksa email. Abaikan balasan dari alamat lain.\n"
                     "Jangan berikan kode OTP kepada orang yang mengaku dari Prakerja.\n")
    problems = review_wording_problems(pages)
    assert "x.md: 'abaikan balasan'; no source supports it" in problems, problems
    assert any(p.startswith("x.md: 'Jangan berikan kode OTP kepada orang yang mengaku") for p in problems), problems
    assert any(p.startswith("kontak.md: 'situs resmi hanya'") for p in problems), problems
    assert any(p.startswith("kontak.md: expected the one wording") for p in problems), problems
