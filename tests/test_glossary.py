"""One word for one thing: no reader page uses a variant that glossary.yml avoids,
outside a quotation, the suggested subject "Akun Terblokir", the preferred term followed by
the variant in brackets, or a line marked <!-- glosarium: sebutan lain -->."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sitetools import ROOT

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
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]
    for number, entry in enumerate(terms):
        assert isinstance(entry.get("term"), str) and isinstance(entry.get("avoid"), list), (
            f"{path.name}: terms[{number}] needs 'term' (text) and 'avoid' (list); found {entry!r}"
        )
    return terms


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
