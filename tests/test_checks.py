"""The engine-independent checks on the sources (akun_diblokir/): one message format,
`path:line: what was found; what is expected`, and the cases the review found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitetools import ROOT

from akun_diblokir import frontmatter, mdlinks, pagemeta, sources
from akun_diblokir.problems import Problem
from akun_diblokir.project import Project

FORMAT = re.compile(r"^(?:docs|mkdocs\.yml|overrides|published-links\.txt|site)[^:\s]*:\d+: \S.*; expected \S.*$")


def page(description: str) -> str:
    # `sources` names a key of extra.sources in mkdocs.yml.
    return (f"---\ntitle: Judul\ndescription: {description}\nlast_checked: 2026-11-28\nsources: [gtrust-2024]\n---\n\n"
            "# Judul\n\n## Sumber {#sumber}\n")


@pytest.mark.parametrize("description", [
    "Bukti yang disiapkan, mis. tangkapan layar dan KTP.",
    "Kanal resmi (dll. Formulir dan email) untuk akun diblokir.",
    "Surat kepada Yth. Petugas resmi, bukan ke nomor lain.",
])
def test_a_description_with_an_abbreviation_is_one_sentence(description: str) -> None:
    problems, _ = frontmatter.check_front_matter(page(description), "docs/x.md")
    assert problems == []


def test_a_description_of_two_sentences_is_refused_with_its_line() -> None:
    problems, _ = frontmatter.check_front_matter(page("Akun diblokir. Baca langkahnya."), "docs/x.md")
    assert [str(p) for p in problems] == [
        "docs/x.md:3: front matter field 'description' has more than one sentence; "
        "expected one sentence (search results and link previews show it)"
    ]


def test_a_broken_relative_link_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A {#a}\n", encoding="utf-8")
    source = "# B\n\nLihat [A](a.md#a) dan `[kode](tidak.md)`.\n\n[Hilang](tidak-ada.md)\n[Bagian](a.md#b)\n"
    problems = mdlinks.check_links(source, src_uri="b.md", path="docs/b.md", docs_dir=tmp_path)
    assert [(p.line, p.found) for p in problems] == [
        (5, "link to 'tidak-ada.md', which is not a file in docs/"),
        (6, "link to 'a.md#b': docs/a.md has no heading id 'b'"),
    ]


def test_the_real_sources_pass_and_every_message_has_one_format(tmp_path: Path) -> None:
    assert sources.check_sources(Project.load(ROOT / "mkdocs.yml")) == []
    # A few broken sources: every message in the one format.
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "a.md").write_text("title: tanpa blok\n", encoding="utf-8")
    (docs / "b.md").write_text(page("Dua. Kalimat.") + "[x](c.md)\n", encoding="utf-8")
    problems = sources.check_sources(Project.load(tmp_path / "mkdocs.yml"))
    # a.md: no front matter, no Sumber heading; b.md: two sentences, a missing page;
    # mkdocs.yml: the kit's markers and pages are not in this docs/.
    assert {(p.file, p.line) for p in problems} >= {("docs/a.md", 1), ("docs/b.md", 3), ("docs/b.md", 11)}, problems
    assert all(isinstance(p, Problem) and FORMAT.match(str(p)) for p in problems), problems


def test_a_style_a_theme_script_builds_from_a_constant_is_read_for_its_hash() -> None:
    from akun_diblokir import headers

    script = "var Tc='.l{color:red}@starting-style{.l{opacity:0}}';o.appendChild(C(\"style\",{},Tc.toString()))"
    assert headers.script_styles(script) == [".l{color:red}@starting-style{.l{opacity:0}}"]
    assert headers.script_styles('o.appendChild(C("style",{},makeCss()))') == []  # not the pattern: nothing built
    assert headers.script_styles('o.appendChild(C("style",{},css))') is None  # built from an unknown value


def keyword_page(keywords: str) -> str:
    return page("Satu kalimat.").replace("sources:", f"keywords: {keywords}\nsources:", 1)


def keyword_page_problems(keywords: str) -> list[Problem]:
    return sources.check_page(keyword_page(keywords), src_uri="x.md", path="docs/x.md",
                              project=Project.load(ROOT / "mkdocs.yml"))[0]


def test_plain_keywords_pass() -> None:
    meta = {"keywords": ["tenggat", "batas waktu", "e-ktp", "ktp suami", "15 hari", "jum'at"]}
    assert pagemeta.keywords_problems(meta) == []
    assert [p for p in keyword_page_problems("[tenggat, deadline]") if "keyword" in str(p)] == []


@pytest.mark.parametrize(("keywords", "found"), [
    ("tenggat", "front matter 'keywords' is 'tenggat'"),
    ("[]", "front matter 'keywords' is []"),
    ("[tenggat, 0811 2233 4455]", "keyword '0811 2233 4455' looks like a number to call"),
    ("[hubungi, wa.me/628112233]", "keyword 'wa.me/628112233'"),
    ("[admin@prakerja.vip]", "keyword 'admin@prakerja.vip'"),
    ("['<b>tebal</b>']", "keyword '<b>tebal</b>'"),
    ("[tenggat, {a: b}]", "keyword {'a': 'b'}"),
    ("[Tenggat, batas waktu, tenggat]", "keyword 'tenggat' listed twice"),
    ("[" + ", ".join(f"kata{n}" for n in range(31)) + "]", "front matter 'keywords' has 31 entries"),
])
def test_a_bad_keyword_is_refused_with_file_and_line(keywords: str, found: str) -> None:
    messages = [str(p) for p in keyword_page_problems(keywords)]
    assert len(messages) == 1 and messages[0].startswith(f"docs/x.md:5: {found}"), messages
    assert FORMAT.match(messages[0]), messages


def test_a_keyword_in_a_block_list_is_named_at_its_own_line() -> None:
    problems = keyword_page_problems("\n  - tenggat\n  - 'a/b'")
    assert [(p.line, p.found) for p in problems] == [(7, "keyword 'a/b'")], problems
