"""The Indonesian lunr extension (lunr.id.min.js, assembled from akun_diblokir/search/),
run in Node in the global scope of the site's own search worker (benchmarks/search_worker.mjs
--eval: the lunr it bundles, the lunr.id.min.js the build wrote), checked against the
Snowball Indonesian stemmer of the `snowballstemmer` package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import snowballstemmer
from searchtools import LUNR_ID, NodeMissing, WorkerScope, site_words, worker_answers
from sitetools import build_site, copy_project, mkdocs_config

from akun_diblokir import search_index

WORD_LIST = Path(__file__).parent / "data" / "indonesian_words.txt"

# Stem every word in one evaluate call, through the pipeline function the index uses.
STEM_ALL = "words => words.map(w => lunr.id.stemmer(new lunr.Token(w, {})).toString())"


def _mismatches(page: WorkerScope, words: list[str]) -> list[str]:
    reference = snowballstemmer.stemmer("indonesian")
    stems = page.evaluate(STEM_ALL, words)
    return [
        f"{word!r}: lunr.id {got!r}, Snowball {want!r}"
        for word, got, want in zip(words, stems, reference.stemWords(words), strict=True)
        if got != want
    ]


def test_stemmer_agrees_with_snowball_on_every_word_of_the_site(lunr_page: WorkerScope, site_dir: Path) -> None:
    words = site_words(site_dir)
    assert len(words) > 300, f"only {len(words)} words in the search index: is the site built?"
    bad = _mismatches(lunr_page, words)
    assert not bad, f"{len(bad)} of {len(words)} words differ:\n" + "\n".join(bad[:30])


def test_stemmer_agrees_with_snowball_on_the_word_list(lunr_page: WorkerScope) -> None:
    words = [
        line.strip()
        for line in WORD_LIST.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(words) >= 1000, f"{WORD_LIST.name} has only {len(words)} words"
    bad = _mismatches(lunr_page, words)
    assert not bad, f"{len(bad)} of {len(words)} words differ:\n" + "\n".join(bad[:30])


def test_stemmer_strips_the_affixes_readers_meet(lunr_page: WorkerScope) -> None:
    # Independent of the reference: the blocked-account family all meet at "blokir".
    words = ["diblokir", "terblokir", "pemblokiran", "memblokir", "diblokirnya", "blokirlah"]
    assert lunr_page.evaluate(STEM_ALL, words) == ["blokir"] * len(words)


def test_stop_words_are_few_and_spare_meaningful_words(lunr_page: WorkerScope) -> None:
    kept = lunr_page.evaluate(
        "words => words.filter(w => lunr.id.stopWordFilter(new lunr.Token(w, {})))",
        ["yang", "dan", "di", "ke", "dari", "untuk", "tidak", "bisa", "saya", "kenapa", "apa",
         "cara", "akun", "login", "belum", "sudah", "lupa", "bukan", "kok", "sih", "kan", "kanal"],
    )
    assert kept == ["tidak", "bisa", "saya", "kenapa", "apa", "cara", "akun", "login", "belum",
                    "sudah", "lupa", "bukan", "kanal"]
    # function words and chat particles only (about 40), not a general list of hundreds
    assert lunr_page.evaluate("lunr.id.stopWords.length") <= 40


def test_a_word_doubled_with_a_2_is_read_as_the_word(lunr_page: WorkerScope) -> None:
    # Chat writes "sebab-sebab" as "sebab2"; a 2 that starts a word, follows one letter or
    # stands among digits is left alone.
    words = ["tiba2", "sebab2", "ngapa2in", "p2", "2fa", "covid19"]
    trimmed = lunr_page.evaluate("words => words.map(w => lunr.id.trimmer(new lunr.Token(w, {})).toString())", words)
    assert trimmed == ["tiba", "sebab", "ngapain", "p2", "2fa", "covid19"], trimmed


def test_trimmer_keeps_digits_and_addresses(lunr_page: WorkerScope) -> None:
    trimmed = lunr_page.evaluate(
        "words => words.map(w => lunr.id.trimmer(new lunr.Token(w, {})).toString())",
        ["(0800", "3001).", "info@prakerja.go.id.", "“diblokir”,", "15"],
    )
    assert trimmed == ["0800", "3001", "info@prakerja.go.id", "diblokir", "15"]


# A small index built in the page with lunr.id, queried as Material's search box queries:
# every typed word ends with a trailing wildcard.
SMALL_INDEX = """queries => {
  const docs = {
    blocked: "Akun Prakerja Anda terblokir karena pelanggaran",
    late: "Terlambat membeli pelatihan pertama",
    scam: "Waspada penipuan yang meminta kode OTP",
    phone: "Hubungi call center 0800-150-3001 setiap hari",
    other: "Ulasan dan rating pelatihan",
    send: "Kirim email dan susun teks pengaduan",
  };
  const index = lunr(function () {
    this.use(lunr.id);
    this.ref("id");
    this.field("text");
    for (const [id, text] of Object.entries(docs)) this.add({ id, text });
  });
  return queries.map(q => index.search(q).map(r => r.ref));
}"""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("diblokir*", "blocked"),  # wildcard term, stemmed by the Query#clause wrapper
        ("pemblokiran*", "blocked"),
        ("blokir*", "blocked"),
        ("telat*", "late"),  # synonym group
        ("tipu*", "scam"),  # root consonant restored for peN- (penipuan)
        ("08001503001*", "phone"),  # phone number joined from its digit groups
        ("0800* 150* 3001*", "phone"),
        ("pelanggaran", "blocked"),  # no wildcard: the search pipeline stems
        ("+62 800* 150* 3001*", "phone"),  # "+" is not lunr's "required" for a phone number
        ("628001503001*", "phone"),  # the number typed the international way
        ("nipu*", "scam"),  # chat Indonesian: n+V for t+V (nipu: tipu, penipuan)
        ("ngirim*", "send"),  # ng+V for k+V (ngirim: kirim)
        ("nyusun*", "send"),  # ny+V for s+V (nyusun: susun)
        ("ngadu*", "send"),  # a reader word of the synonym list
        ("akunna*", "blocked"),  # Sundanese -na for -nya (akunnya: akun)
        ("kirimna*", "send"),
        ("suspended*", "blocked"),  # English -ed on a reader word of the synonym list
    ],
)
def test_wildcard_queries_are_stemmed(lunr_page: WorkerScope, query: str, expected: str) -> None:
    [refs] = lunr_page.evaluate(SMALL_INDEX, [query])
    assert refs[:1] == [expected], f"{query!r} found {refs}"


def test_stop_word_alone_finds_nothing_and_does_not_break_the_query(lunr_page: WorkerScope) -> None:
    assert lunr_page.evaluate(SMALL_INDEX, ["yang*", "yang* penipuan*"]) == [[], ["scam"]]


# A small index of titled documents built in the page with lunr.id, queried as Material's
# search box queries; returns [ref, score] best first.
TITLED_INDEX = """([docs, query]) => {
  const index = lunr(function () {
    this.use(lunr.id);
    this.ref("id");
    this.field("title");
    this.field("text");
    for (const [id, title, text] of docs) this.add({ id, title, text });
  });
  return index.search(query).map(r => [r.ref, r.score]);
}"""

# Every page of the site is about blocked Prakerja accounts: a word that most documents
# share weighs less than the word that tells one document apart (weighClauses).
SHARED_WORDS_DOCS = [
    ("title", "Akun Prakerja diblokir", "Akun Prakerja Anda diblokir. Akun diblokir karena data palsu."),
    ("slide", "Kit webinar", "Kode QR untuk slide webinar."),
    ("a", "Penyebab", "Akun Prakerja bisa diblokir karena joki."),
    ("b", "Pemulihan", "Akun Prakerja yang diblokir bisa diadukan."),
    ("c", "Bukti", "Bukti untuk akun Prakerja yang diblokir."),
    ("d", "Email", "Email tentang akun Prakerja yang diblokir."),
    ("e", "Kontak", "Kontak resmi untuk akun Prakerja yang diblokir."),
    ("f", "FAQ", "Tanya jawab akun Prakerja yang diblokir."),
    ("g", "Penipuan", "Jangan berikan kode OTP kepada siapa pun."),
    ("h", "Call center", "Telepon bebas pulsa setiap hari pukul 08.00 sampai 20.00."),
    ("i", "Kronologi", "Tulis urutan kejadian dengan tanggal."),
    ("j", "Selebaran", "Satu lembar A4 untuk dicetak."),
    ("k", "Tentang", "Panduan independen, bukan situs pemerintah."),
    ("l", "Pembaruan", "Daftar perubahan halaman."),
    ("m", "Teks", "Teks siap pakai untuk disalin."),
]


def test_a_word_that_tells_pages_apart_outweighs_a_word_most_pages_share(lunr_page: WorkerScope) -> None:
    # "diblokir" stands in 7 of 15 documents, "slide" in one; the shared word sits in a
    # title (weighed 3 times). With lunr's plain tf-idf the two scores are within 15 %.
    scores = lunr_page.evaluate(TITLED_INDEX, [SHARED_WORDS_DOCS, "slide* diblokir*"])
    assert [ref for ref, _ in scores[:2]] == ["slide", "title"], scores
    assert scores[0][1] >= 1.5 * scores[1][1], scores


# A query of words most documents share is answered by the home page (ref ""), which
# starts the reader on the way; a query with a telling word is not (startPageFirst).
START_PAGE_DOCS = [
    ("", "Akun Prakerja Anda diblokir?", "Mulai dari sini: kanal resmi dan langkah pemulihan untuk akun Prakerja."),
    ("penyebab", "Kenapa akun Prakerja diblokir?", "Akun Prakerja diblokir karena lima penyebab."),
    ("bukti", "Bukti", "Bukti untuk pengaduan akun Prakerja yang diblokir."),
    ("email", "Email", "Email pengaduan akun Prakerja yang diblokir."),
    ("otp", "Penipuan", "Jangan berikan kode OTP kepada siapa pun."),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("akun* prakerja* diblokir*", ""), ("blokir* prakerja*", ""), ("penyebab* akun* diblokir*", "penyebab")],
)
def test_a_query_of_shared_words_starts_at_the_home_page(lunr_page: WorkerScope, query: str, expected: str) -> None:
    refs = [ref for ref, _ in lunr_page.evaluate(TITLED_INDEX, [START_PAGE_DOCS, query])]
    assert refs[:1] == [expected], refs


# A word of one or two letters followed by another word is complete: it matches itself,
# not every longer word it starts (completeShortWords); the last word may be half-typed.
SHORT_WORD_DOCS = [
    ("tipu", "Penipuan", "Situs palsu seperti prakerja co id."),
    ("teks", "Teks", "Contoh teks untuk copas: contoh email, contoh formulir, contoh kronologi."),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("prakerja* co* id*", ["tipu"]), ("co*", ["teks", "tipu"])],
)
def test_a_short_word_before_another_is_matched_whole(lunr_page: WorkerScope, query: str, expected: list[str]) -> None:
    refs = [ref for ref, _ in lunr_page.evaluate(TITLED_INDEX, [SHORT_WORD_DOCS, query])]
    assert refs == expected, refs


# The same small index with positions as Material's tokenizer records them: "|" starts a
# new block (paragraph, list item, heading), a token's position is block << 20 | number.
POSITIONED_INDEX = TITLED_INDEX.replace(
    'this.field("title");',
    """this.metadataWhitelist = ["position"];
    this.tokenizer = (value, meta) => String(value).split("|").flatMap((block, b) =>
      block.trim().split(/\\s+/).map((word, i) =>
        new lunr.Token(word.toLowerCase(), Object.assign({}, meta, { position: (b << 20) | i }))));
    this.field("title");""",
)

# Four documents with the same words, so the same lunr score: only one holds the query's
# words side by side and in order, as typed (phraseFirst). Far apart, in two blocks, or in
# the other order they earn nothing.
PHRASE_DOCS = [
    ("apart", "Bantuan", "kanal untuk bantuan peserta yang resmi"),
    ("blocks", "Bantuan", "untuk bantuan peserta kanal | yang resmi"),
    ("reversed", "Bantuan", "resmi kanal untuk bantuan peserta yang"),
    ("side", "Bantuan", "kanal resmi untuk bantuan peserta yang"),
    ("other", "Kontak", "nomor telepon"),
]


def test_words_typed_side_by_side_rank_the_page_that_holds_them_so_first(lunr_page: WorkerScope) -> None:
    scores = dict(lunr_page.evaluate(POSITIONED_INDEX, [PHRASE_DOCS, "kanal* resmi*"]))
    assert set(scores) == {"apart", "blocks", "reversed", "side"}, scores
    others = [scores[ref] for ref in ("apart", "blocks", "reversed")]
    assert max(others) - min(others) < 1e-9, scores
    assert scores["side"] > 1.3 * max(others), scores


# In the title, words side by side count more than in the text.
TITLE_PHRASE_DOCS = [
    ("text", "Panduan bantuan", "kanal resmi untuk peserta"),
    ("title", "Kanal resmi", "panduan bantuan untuk peserta"),
    ("other", "Kontak", "nomor telepon"),
]


def test_words_side_by_side_in_a_title_outweigh_the_same_in_the_text(lunr_page: WorkerScope) -> None:
    plain = dict(lunr_page.evaluate(TITLED_INDEX, [TITLE_PHRASE_DOCS, "kanal* resmi*"]))
    phrased = dict(lunr_page.evaluate(POSITIONED_INDEX, [TITLE_PHRASE_DOCS, "kanal* resmi*"]))
    gain = {ref: phrased[ref] / plain[ref] for ref in ("text", "title")}
    assert gain["title"] > gain["text"] > 1.2, (plain, phrased)


# -- The hook ---------------------------------------------------------------------------


def test_index_names_indonesian(site_dir: Path) -> None:
    config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["id"]
    assert set(config["pipeline"]) == {"trimmer", "stopWordFilter", "stemmer"}
    assert (site_dir / LUNR_ID).is_file()


def _menu_names(nav: list, names: dict[str, str] | None = None) -> dict[str, str]:
    """Site path -> the name the menu (mkdocs.yml `nav`) gives the page, for titled entries."""
    names = {} if names is None else names
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        for title, target in entry.items():
            if isinstance(target, list):
                _menu_names(target, names)
            elif isinstance(target, str) and target.endswith(".md"):
                path = target.removesuffix(".md").removesuffix("index").removesuffix("/")
                names[f"{path}/" if path else ""] = title
    return names


def test_pages_are_found_by_the_name_the_menu_gives_them(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["names"]["boost"] > 0
    names = {doc["location"]: doc.get("names") for doc in index["docs"] if "#" not in doc["location"]}
    # The handout's H1 is its printed headline "Akun Prakerja diblokir?", the menu says
    # "Selebaran": the index holds the menu's name where it differs from the H1, on the page only.
    assert names["selebaran/"] == "Selebaran" and names["pemulihan/"] is None, names
    assert all("#" not in doc["location"] for doc in index["docs"] if "names" in doc)
    # A reader who types the name they saw in the menu gets that page first.
    menu = {path: name for path, name in _menu_names(mkdocs_config()["nav"]).items() if path in names}
    assert len(menu) >= 15, menu
    try:
        found = worker_answers(site_dir, menu.values())
    except NodeMissing as error:
        pytest.fail(str(error), pytrace=False)
    wrong = {name: found[name]["pages"][:3] for path, name in menu.items() if found[name]["pages"][:1] != [path]}
    assert not wrong, f"typed as the menu names them, these pages do not come first: {wrong}"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("asset", ["lunr.id.js", "includes ranking.js"]),
        ("lang", ["mkdocs.yml", "lang:", "akun_diblokir"]),
    ],
    ids=["missing-lunr-id", "search-lang-set"],
)
@pytest.mark.builds
def test_build_fails_clearly_on_broken_search_setup(tmp_path: Path, change: str, expected: list[str]) -> None:
    project = copy_project(tmp_path / "project")
    if change == "asset":
        (project / search_index.SOURCES / "ranking.js").unlink()
    else:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - search\n" in text, "mkdocs.yml: expected the search plugin as `  - search`"
        config.write_text(text.replace("  - search\n", "  - search:\n      lang: id\n"), encoding="utf-8")
    result = build_site(project, tmp_path / "out", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    assert all(part in result.output for part in expected), result.output
    assert "Traceback" not in result.output, result.output
