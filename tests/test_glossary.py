"""One word for one thing: no reader page uses a variant that glossary.yml avoids,
outside a quotation, the suggested subject "Akun Terblokir", the preferred term followed by
the variant in brackets, or a line marked <!-- glosarium: sebutan lain -->."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sitetools import ROOT, copy_project

from akun_diblokir import pagemeta

GLOSSARY = ROOT / "glossary.yml"
MARKER = "<!-- glosarium: sebutan lain -->"
SUBJECT = "Akun Terblokir"  # the seed article's suggested subject and title, exact case
_MASKS = [
    re.compile(r"<!--.*?-->", re.S),  # comments (the marker itself included)
    re.compile(r"\]\([^)\s]*\)"),  # link targets
    re.compile(r"(?:https?|mailto|tel):\S+"),  # bare addresses
    re.compile(r"\{[^{}\n]*\}"),  # attribute lists: heading ids, classes
    re.compile(r'"[^"]{0,300}?"', re.S),  # quotations
    re.compile(r"“[^”]{0,300}?”", re.S),
    re.compile(re.escape(SUBJECT)),
    # front matter `keywords:`: the readers' own words for search, never shown on the page
    pagemeta.KEYWORDS_BLOCK_RE,
]


def load_glossary(path: Path = GLOSSARY) -> list[dict]:
    terms = _glossary(path)["terms"]
    for number, entry in enumerate(terms):
        assert isinstance(entry.get("term"), str) and isinstance(entry.get("avoid"), list), (
            f"{path.name}: terms[{number}] needs 'term' (text) and 'avoid' (list); found {entry!r}"
        )
    return terms


def _glossary(path: Path = GLOSSARY) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(phrase: str) -> str:
    """A regex for the phrase as whole words; a line break or spaces may stand between them."""
    return r"(?<![\w-])" + r"\s+".join(map(re.escape, phrase.split())) + r"(?![\w-])"


def _blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, newlines kept (lines stay where they are)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def avoided_uses(text: str, terms: list[dict]) -> list[tuple[int, str, str]]:
    """(line, variant found, preferred term) for every avoided variant outside the exceptions."""
    masked = "\n".join(" " * len(line) if MARKER in line else line for line in text.split("\n"))
    for pattern in _MASKS:
        for match in reversed(list(pattern.finditer(masked))):
            masked = _blank(masked, match.start(), match.end())
    for entry in terms:
        # "terlambat (telat)": the preferred term names the other word once, in brackets.
        words = r"\s+".join(map(re.escape, entry["term"].split()))
        for match in re.finditer(rf"(?<![\w-]){words}\s*\(([^()]*)\)", masked, re.I):
            masked = _blank(masked, match.start(1), match.end(1))
    # A preferred term may contain its variant ("FAQ resmi Prakerja" holds "FAQ").
    for entry in terms:
        for match in reversed(list(re.finditer(_words(entry["term"]), masked, re.I))):
            masked = _blank(masked, match.start(), match.end())
    found = []
    for entry in terms:
        for variant in entry["avoid"]:
            words = r"\s+".join(map(re.escape, variant.split()))  # a line break may split them
            for match in re.finditer(rf"(?<![\w-]){words}(?![\w-])", masked, re.I):
                line = masked.count("\n", 0, match.start()) + 1
                found.append((line, text[match.start():match.end()], entry["term"]))
    return sorted(found)


def glossary_problems(files: list[Path], terms: list[dict], root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root).as_posix()}:{line}: '{variant}'; expected '{term}' (glossary.yml), "
        f"or a quotation, or '{term} ({variant})', or the line marked {MARKER}"
        for path in files
        for line, variant, term in avoided_uses(path.read_text(encoding="utf-8"), terms)
    ]


def test_reader_pages_use_the_glossary_terms() -> None:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) > 15, pages
    problems = glossary_problems(pages, load_glossary())
    assert not problems, "\n".join(problems)


def test_menu_labels_use_the_glossary_terms() -> None:
    """The menu (nav in mkdocs.yml) is reader-facing too."""
    nav = re.search(r"^nav:\n(.*)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.S | re.M)
    assert nav, "mkdocs.yml has no nav"
    labels = "\n".join(re.sub(r":\s*\S+\.md\s*$", "", line) for line in nav.group(1).splitlines())
    uses = avoided_uses(labels, load_glossary())
    assert not uses, f"mkdocs.yml nav labels use avoided variants: {uses}"


def _body(text: str) -> tuple[str, int]:
    """The page after its front matter, and the number of lines before it."""
    match = re.match(r"---\n.*?\n---\n", text, re.S)
    return (text[match.end():], match.group(0).count("\n")) if match else (text, 0)


def unexplained_first_uses(text: str, explain: list[dict]) -> list[tuple[int, str, str]]:
    """(line, term, expected) where a page's first use of a term (outside quotations, link
    targets and comments) is not followed by its explanation in brackets."""
    body, offset = _body(text)
    # Texts to copy (fenced blocks) are what the reader sends to Prakerja, not the page's prose.
    masked = re.sub(r"^```.*?^```", lambda m: re.sub(r"[^\n]", " ", m.group(0)), body, flags=re.S | re.M)
    for pattern in _MASKS[:5]:  # comments, link targets, addresses, attribute lists, quotations
        for match in reversed(list(pattern.finditer(masked))):
            masked = _blank(masked, match.start(), match.end())
    problems = []
    for entry in explain:
        first = re.search(_words(entry["term"]), masked, re.I)
        if first is None:
            continue
        expected = entry["first_use"]
        written = re.sub(r"\s+", " ", body[first.start():first.start() + len(expected) + 20])
        if not written.lower().startswith(expected.lower()):
            line = offset + body.count("\n", 0, first.start()) + 1
            problems.append((line, entry["term"], expected))
    return problems


def test_words_readers_may_not_know_are_explained_at_first_use_on_every_page() -> None:
    explain = _glossary()["explain"]
    problems = [
        f"{path.relative_to(ROOT).as_posix()}:{line}: first '{term}' unexplained; expected '{expected}'"
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for line, term, expected in unexplained_first_uses(path.read_text(encoding="utf-8"), explain)
    ]
    assert not problems, "\n".join(problems)


def test_the_first_use_check_finds_an_unexplained_term() -> None:
    explain = _glossary()["explain"]
    page = ('---\ntitle: Contoh\n---\n\n# Contoh\n\nKirim swafoto sambil memegang KK.\n'
            'Manajemen Pelaksana (pengelola Program Kartu Prakerja) memutuskan.\n')
    assert unexplained_first_uses(page, explain) == [(7, "swafoto", "swafoto (selfie)")]
    assert unexplained_first_uses(page.replace("swafoto sambil", "swafoto (selfie) sambil"), explain) == []
    # a quotation of the dashboard is not the page's own first use
    quoted = page.replace("Kirim swafoto", 'Pesan "swafoto gagal". Kirim swafoto (selfie)')
    assert unexplained_first_uses(quoted, explain) == []


def test_words_for_site_builders_are_not_on_reader_pages() -> None:
    words = _glossary()["not_for_readers"]
    problems = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: '{word}'; expected words for readers"
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for word in words if word.lower() in line.lower() and not line.startswith("keywords:")
    ]
    assert not problems, "\n".join(problems)


def _link_labels(block: str) -> list[tuple[str, str]]:
    """(label, page) of each list item that is one link: "- [label](page.md)", "1. [label](page.md)."."""
    return re.findall(r"^\s*(?:[-*]|\d+\.)\s+\[([^\]]+)\]\(([^)#]+\.md)\)", block, re.M)


def cause_label_problems(root: Path = ROOT) -> list[str]:
    causes = {c["slug"]: c["label"] for c in _glossary()["causes"]}
    docs = root / "docs"
    problems = []
    pages = sorted(p.stem for p in (docs / "penyebab").glob("*.md") if p.stem != "index")
    if sorted(causes) != pages:
        problems.append(f"glossary.yml causes {sorted(causes)}; expected the pages of docs/penyebab/: {pages}")
    home = (docs / "index.md").read_text(encoding="utf-8")
    block = re.search(r'<div class="pilihan" id="penyebab" markdown>(.*?)</div>', home, re.S)
    listed = _link_labels(block.group(1)) if block else []
    expected = [(label, f"penyebab/{slug}.md") for slug, label in causes.items()]
    if listed != expected:
        problems.append(f"docs/index.md: causes {listed}; expected {expected}")
    overview = (docs / "penyebab" / "index.md").read_text(encoding="utf-8")
    section = re.search(r"\{#daftar\}\n(.*?)\n## ", overview, re.S)
    listed = _link_labels(section.group(1)) if section else []
    expected = [(label, f"{slug}.md") for slug, label in causes.items()]
    if listed != expected:
        problems.append(f"docs/penyebab/index.md#daftar: causes {listed}; expected {expected}")
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for slug, label in causes.items():
        if not re.search(rf"^\s+- {re.escape(label)}: penyebab/{slug}\.md$", nav, re.M):
            problems.append(f"mkdocs.yml nav: penyebab/{slug}.md is not labelled {label!r}")
        page = docs / "penyebab" / f"{slug}.md"
        h1 = re.search(r"^# (.*?)(?:\s*\{#[^}]*\})?$", page.read_text(encoding="utf-8"), re.M) if page.is_file() else None
        if h1 is None or label.lower() not in h1.group(1).lower():
            problems.append(f"docs/penyebab/{slug}.md: H1 {h1.group(1) if h1 else None!r} does not hold {label!r}")
    builder = root / "overrides" / "partials" / "susun-pengaduan.html"
    offered = re.findall(r'^\s*\["([a-z-]+)", "([^"]+)", "[^"]*"\],?$', builder.read_text(encoding="utf-8"), re.M)
    if offered != list(causes.items()):
        problems.append(f"{builder.relative_to(root)}: causes {offered}; expected {list(causes.items())}")
    return problems


def test_each_cause_has_one_label_on_home_list_menu_and_heading() -> None:
    problems = cause_label_problems()
    assert not problems, "\n".join(problems)


@pytest.mark.builds
def test_a_cause_label_that_differs_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("[Manipulasi sistem]", "[Mengakali sistem]", 1),
                    encoding="utf-8")
    page = project / "docs" / "penyebab" / "data-palsu.md"
    page.write_text(re.sub(r"^# .*$", "# Akun diblokir karena identitas palsu {#data-palsu}",
                           page.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    builder = project / "overrides" / "partials" / "susun-pengaduan.html"
    builder.write_text(builder.read_text(encoding="utf-8").replace('"Manipulasi sistem"', '"Curang sistem"', 1),
                       encoding="utf-8")
    problems = cause_label_problems(project)
    assert len(problems) == 3, problems
    assert problems[0].startswith("docs/index.md: causes") and "Mengakali sistem" in problems[0], problems
    assert problems[1].startswith("docs/penyebab/data-palsu.md: H1 'Akun diblokir karena identitas palsu'"), problems
    assert problems[2].startswith("overrides/partials/susun-pengaduan.html: causes") and "Curang sistem" in problems[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found, with its line
        ("Judul\n\nAkun Anda terblokir sejak kemarin.\n", [(3, "terblokir", "diblokir")]),
        ("Selesaikan\nsetiap kelas.\n", [(2, "kelas", "pelatihan")]),
        # the search keywords in front matter are the readers' words; the text after them is not
        ("---\nkeywords: [telat, kelas]\n---\nJangan telat.\n", [(4, "telat", "terlambat")]),
        ("---\nkeywords:\n  - telat\ntitle: Kelas\n---\n", [(4, "Kelas", "pelatihan")]),
        ("Buka pusat\nbantuan resmi.\n", [(1, "pusat\nbantuan", "formulir pengaduan")]),
        ("Tidak bisa LOGIN.\n", [(1, "LOGIN", "masuk")]),
        ("Jika telat (terlambat) membeli\n", [(1, "telat", "terlambat")]),  # the wrong way round
        ("Subjek akun terblokir.\n", [(1, "terblokir", "diblokir")]),  # not the subject's exact case
        ("Menurut FAQ Prakerja, akun\n", [(1, "FAQ", "FAQ resmi Prakerja")]),
        ("Jika pemeriksaan\nwajah gagal\n", [(1, "pemeriksaan\nwajah", "verifikasi wajah")]),
        ("Tunggu balasan dari tim.\n", [(1, "balasan", "tanggapan")]),
        ("Catat jawaban petugas.\n", [(1, "jawaban petugas", "tanggapan")]),
        # allowed
        ('Orang juga menulis "terblokir".\n', []),
        ("Pesan “Akun dinonaktifkan”.\n", []),
        ("Pakai subjek **Akun Terblokir**.\n", []),
        ("[surel](mailto:info@prakerja.go.id?subject=Akun%20Terblokir)\n", []),
        ("Jika terlambat (telat) membeli\n", []),
        ("tangkapan layar\n(screenshot)\n", []),
        ("## Pendaftaran luring {#offline}\n", []),
        ("Orang menyebutnya dinonaktifkan. <!-- glosarium: sebutan lain -->\n", []),
        ("Kelasnya bukan kata 'kelas-kelasan' di sini: pelatihan.\n", []),
        ("Menurut FAQ resmi Prakerja, akun\n", []),
        ("Jawaban singkat untuk pertanyaan Anda.\n", []),
    ],
)
def test_the_glossary_check_finds_variants_and_allows_the_exceptions(text: str, expected: list) -> None:
    assert avoided_uses(text, load_glossary()) == expected


def test_a_variant_on_a_page_is_reported_with_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "penyebab" / "contoh.md"
    page.parent.mkdir(parents=True)
    page.write_text('---\ntitle: Contoh\n---\n\n# Contoh\n\nAkun "terblokir" lalu\nAnda tidak bisa login.\n',
                    encoding="utf-8")
    problems = glossary_problems([page], load_glossary(), root=tmp_path)
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/penyebab/contoh.md:8: 'login'; expected 'masuk'"), problems
