"""Reader queries (tests/data/search-queries.tsv) put to the site's search.

The tuning half and the search's rules are checked with Material's own search worker run in
Node on the session's built site (benchmarks/search_worker.mjs: the same worker file,
lunr.id.min.js and search_index.json the browser loads, one Node process for every query),
so they need no browser and run in the quick check. A thin browser test then types a handful
of queries into the real search box and expects the same pages. The test half is only
reported, by benchmarks/search_bench.py, so that no test pins it."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from searchtools import (
    QUERIES,
    QUERY_FILE,
    TEST,
    TOP,
    TUNING,
    NodeMissing,
    Query,
    QueryFileError,
    SearchBox,
    batch_of,
    declared_splits,
    load_queries,
    worker_answers,
)
from sitetools import LoopbackServer

# Floors for the tuning half (decisions/search-rounds.md): measured 2026-12-07 (1,780 queries of
# twenty-six batches and the 40 tuned first) at 98.0 % and 84.8 % (the 1,184 of the first
# seventeen batches: 98.6 % and 86.8 %; the later writers' first places are fewer); the
# ranking is deterministic, so a drop of a handful of queries fails.
TUNING_TOP3 = 0.975
TUNING_TOP1 = 0.84
# Questions this guide does not cover reach /masalah-lain/ in the top 3 (120 of the 124 of
# the tuning half on 2026-12-07, batch 17's included), and it comes first for few of the
# others ("tidak bisa login" labelled for the FAQ before the page existed).
OTHER_PROBLEMS = "masalah-lain/"
OTHER_PROBLEMS_TOP3 = 0.93
OTHER_PROBLEMS_FIRST_ELSEWHERE = 0.02
# The 40 queries tuned with the first version of the search (their note says so) must each
# stay in the top 3.
TUNED_BEFORE = [q for q in TUNING if q.note.startswith("tuned since the first round")]

# Where a query's words call for one page first.
PAGE_FIRST = [
    # A word of a cause page's own title brings that page first, not the long FAQ.
    ("joki", "penyebab/kecurangan-joki/"),
    ("manipulasi sistem", "penyebab/manipulasi-sistem/"),
    ("data palsu", "penyebab/data-palsu/"),
    ("prosedur tidak selesai", "penyebab/prosedur-tidak-selesai/"),
    ("terlambat membeli pelatihan", "penyebab/terlambat-membeli-pelatihan/"),
    # Other verbs and slang for the same thing (the synonym list); asking to open the
    # account again is about a block, not another problem.
    ("buka blokir akun", "pemulihan/"),
    ("nomor cs prakerja", "pemulihan/call-center/"),
    # Typos of five letters or more (one edit).
    ("formulr pengaduan", "pemulihan/formulir-pengaduan/"),
    ("kronlogi", "pemulihan/kronologi/"),
    # A problem this guide does not cover: the page that says so and gives the channels.
    ("lupa password prakerja", "masalah-lain/"),
    # Why, or who blocks, about nothing more specific: the causes page ("mengapa" is typed,
    # as it stems to "apa"); a why that names a cause stays on that cause's page.
    ("mengapa akun prakerja diblokir", "penyebab/"),
    ("apa yang bikin akun prakerja terblokir", "penyebab/"),
    ("yang memutuskan akun diblokir siapa", "penyebab/"),
    ("kenapa diblokir padahal pelatihan sudah selesai", "penyebab/prosedur-tidak-selesai/"),
    # The face check failing is the official FAQ's mark of a joki.
    ("wajah tidak cocok lalu diblokir", "penyebab/kecurangan-joki/"),
    # "kartu" of the programme's name tells no page apart: only the block is named.
    ("kartu prakerja saya kena blokir", ""),
    # The reader's "saya" is the home page title's "Anda": a pronoun is not looked for in
    # titles, or the causes page ("Kenapa akun Prakerja saya diblokir?") would take it.
    ("akun prakerja sy diblokir", ""),
    # Chat's "diblok" is "diblokir".
    ("sebab akun diblok", "penyebab/"),
    # The complaint's procedure as a whole is the recovery path, not the chronology.
    ("alur pengaduan akun diblokir dari awal", "pemulihan/"),
    # A negated block names none: another problem ("gak" is read as "tidak").
    ("akun gak diblokir tapi lupa password", "masalah-lain/"),
    # The app showing the block, no cause named: the home page.
    ("di aplikasi muncul tulisan akun diblokir", ""),
    # Who may join, without a block, is a question of registering.
    ("batas umur ikut prakerja", "masalah-lain/"),
    # What being blocked means is the home page's first answer; what another word for it
    # means ("dinonaktifkan", read as "diblokir" by the synonym list) is the causes page's.
    ("akun diblokir artinya apa", ""),
    ("dinonaktifkan artinya apa", "penyebab/"),
    # The first step, asked with other words around it, is the recovery path.
    ("langkah pertama kalau akun diblokir", "pemulihan/"),
    # A field of the official form, the form named: the page that goes through it.
    ("isian formulir pengaduan yang bikin bingung", "pemulihan/formulir-pengaduan/"),
    # Javanese and Sundanese question words mixed in ("kenopo", "piye carane").
    ("kenopo akun prakerjaku diblokir", "penyebab/"),
    ("piye carane ngadu akun diblokir", "pemulihan/"),
    # Whoever asks for the password is a scammer; a lost old number is another problem.
    ("ada yang minta password prakerja saya", "aman-dari-penipuan/"),
    ("nomor lama hilang", "masalah-lain/"),
    # Negations of other languages readers mix in: "kagak" (Betawi) is "tidak".
    ("akun diblokir padahal kagak curang", "faq/"),
    # A rule's word that no page holds is read as typed, not as the page word one edit away
    # ("selanjutnya" is not corrected away from the rule's "gelombang selanjutnya").
    ("gelombang selanjutnya dibuka kapan", "masalah-lain/"),
    # The programme's other steps and account details are other problems; the page that
    # says so holds neither word, and still comes first (Material's weight for the words a
    # page holds is made up half way for a rule's page).
    ("jadwal pelatihan", "masalah-lain/"),
    ("redeem kode voucher gagal", "masalah-lain/"),
    ("ganti nama di profil prakerja", "masalah-lain/"),
    ("kartu prakerja buat cicilan hp bisa", "masalah-lain/"),
    ("kode voucher tidak bisa ditukar di tokopedia", "masalah-lain/"),
    # "kasih" (give) asks for a code only with one: giving a review is another problem,
    # giving the password away a scam.
    ("kasih rating pelatihan gimana", "masalah-lain/"),
    ("jangan kasih password ke siapa pun", "aman-dari-penipuan/"),
    # A training's test taken by someone else is the cause "joki", not another problem.
    ("post test dikerjakan joki", "penyebab/kecurangan-joki/"),
    # A test's score is another problem, unless someone else took the test for the reader.
    ("skor ujian prakerja keluar kapan", "masalah-lain/"),
    ("nilai post test joki", "penyebab/kecurangan-joki/"),
    # "karena apa" asks why; a regional asking word ("kudu") tells no page apart.
    ("biasanya akun diblokir karena apa", "penyebab/"),
    ("kudu piye nek akun diblokir", "pemulihan/"),
    # A word of one letter the reader typed a space after, which no page holds ("q" for
    # "aku"), finds nothing: not every word it starts ("QR").
    ("prakerja q blokir", ""),
    # "peserta" (a participant) stems as "kepesertaan" does, and compares no words.
    ("arti diblokir bagi peserta", ""),
    # How long an account stays blocked: the FAQ's answer; "mhs" is a student.
    ("sudah lama diblokir", "faq/"),
    ("mhs diblokir", "penyebab/tidak-memenuhi-syarat/"),
    # An address changed is another problem, as a phone number or an email changed.
    ("pindah alamat di akun prakerja", "masalah-lain/"),
    # A code not sent ("terkirim" stems as "kirimkan" does) is another problem; someone who
    # tells the reader to send it is a scammer; a training provider that sends no link is
    # another problem.
    ("kode otp tidak terkirim", "masalah-lain/"),
    ("ada yang suruh kirimkan otp", "aman-dari-penipuan/"),
    ("lembaga pelatihan gak kirim link zoom", "masalah-lain/"),
    # The app's message pasted in quotes: Material makes each quoted word required, and no
    # page says "telah"; a joki offering to open the account is a scam, the block that came
    # of a joki its cause.
    ('"akun anda telah diblokir" artinya', ""),
    ("jasa joki buka blokir", "aman-dari-penipuan/"),
    ("akun diblokir karena joki cara bukanya", "penyebab/kecurangan-joki/"),
]
# Where a rule must hold back: the joki's message has its own answers, and whether a
# student may join is the cause's question, not another problem.
NOT_FIRST = [("muncul tulisan terindikasi kecurangan", ""), ("mahasiswa boleh ikut prakerja?", "masalah-lain/"),
             ("link grup wa untuk bagikan panduan", "aman-dari-penipuan/")]
# Where a rule of words.yml names the page that answers, though the words are elsewhere.
RULE_TOP3 = [
    # The page for other problems holds neither word: the rule lifts it into the list.
    ("pencairan insentif", "masalah-lain/"),
    # `typed` phrases keep the stop word "ini" and the form "ngaku" that stemming reads as "aku".
    ("situs ini resmi?", "tentang/"),
    ("orang ngaku petugas prakerja", "aman-dari-penipuan/"),
    # Someone asking for the code is a scam, not a code that does not arrive.
    ("ada yang minta kode otp", "aman-dari-penipuan/"),
    # The registration test and a training video that does not play are other problems.
    ("tes kemampuan dasar susah", "masalah-lain/"),
    ("video pelatihan tidak bisa diputar", "masalah-lain/"),
    # Registering for the programme, without a word of blocking, is another problem.
    ("registrasi akun prakerja", "masalah-lain/"),
    ("insentif belum cair, akun tidak diblokir", "masalah-lain/"),
    # A rule's phrase with one other word between its words ("tanpa ada alasan": blocked
    # although no rule was broken, which the recovery path answers too).
    ("diblokir tanpa ada alasan jelas", "pemulihan/"),
    ("berapa lama pengaduan dibalas", "faq/"),
    # "ini web" as much as "web ini".
    ("ini web pemerintah bukan", "tentang/"),
    # A negation before what the app shows ("ga ada tulisan diblokir"), and the negations
    # of regional Malay ("dak"): the account is not blocked, so the incentive not paid is
    # another problem.
    ("insentif belum cair, ga ada tulisan diblokir", "masalah-lain/"),
    ("insentif belum masuk, akun dak diblokir", "masalah-lain/"),
    # A cause denied: blocked although no rule was broken.
    ("ga pernah pakai joki ga pernah bohong kenapa diblokir", "faq/"),
    # Someone on a social network offering to open the account is a scam.
    ("ada akun ig yang bisa bantu buka blokir prakerja", "aman-dari-penipuan/"),
]
# Words of no list and of no topic of this guide may be another problem in words nobody
# listed: the page for other problems comes third, under the two best answers; with a word
# of the block or of a topic of this guide, nothing is placed.
PLACED_THIRD = ["jam tayang pelatihan", "grup alumni prakerja", "pelatihan offline di kota saya",
                # "buat" (make, for) is not "dibuatkan" (made for the reader by someone else)
                "prakerja bisa buat modal usaha"]
NOT_PLACED = ["akun diblokir jam tayang pelatihan", "kronologi jam tayang pelatihan"]
# Without "ini" the same words ask for Prakerja's own site, not about this guide.
OFFICIAL_SITE = "situs resmi prakerja"
# Words only a page's front matter `keywords:` hold.
KEYWORD_ONLY = [("kongkalikong", "penyebab/manipulasi-sistem/"), ("deadline", "penyebab/terlambat-membeli-pelatihan/")]
# Addresses as typed, though pages write them defanged or as link text.
ADDRESSES = [
    ("prakerja.co.id", "aman-dari-penipuan/"),
    ("https://bantuan.prakerja.go.id/hc/id/requests/new", "pemulihan/formulir-pengaduan/"),
    ("info@prakerja.go.id", "pemulihan/email/"),
    ("08001503001", "pemulihan/call-center/"),
]
# lunr's query syntax (presence, fuzziness, boosts, fields, quotes) and half-typed words.
SYNTAX = ['"akun diblokir"', "+akun -joki", "blokir~1", "blokir^2", "*blokir", "title:akun",
          "0800-", "info@", "dibl", "pemblo", "di", "yang", "https://", "[.]"]
# Words no page holds, nor anything one edit from them.
NOTHING_MATCHES = "qwxyzzy"


def _extra_texts() -> list[str]:
    return [text for text, _ in PAGE_FIRST + RULE_TOP3 + NOT_FIRST + KEYWORD_ONLY + ADDRESSES] + SYNTAX + [
        *PLACED_THIRD, *NOT_PLACED, OFFICIAL_SITE, "pelatihan", "pelatiham", "pemblokiran akun diblokirnya", "yang dan",
        NOTHING_MATCHES, LACKING, QUOTED, QUOTED_TYPO]


@pytest.fixture(scope="module")
def answers(site_dir: Path) -> dict[str, dict]:
    """Every query of the tuning half and of the tests below, answered by Material's worker
    in Node on the session's site, in one Node process."""
    try:
        return worker_answers(site_dir, [q.text for q in TUNING] + _extra_texts())
    except NodeMissing as error:
        pytest.fail(str(error), pytrace=False)


def _rank(pages: list[str], query: Query) -> int:
    return pages.index(query.expected) + 1 if query.expected in pages else 0


# -- The query file ---------------------------------------------------------------------


def test_query_set_is_large_varied_and_split() -> None:
    assert len(QUERIES) >= 190 and len(TEST) >= 100, (len(QUERIES), len(TEST))
    # The queries tuned with the first version of the search are all tuning queries.
    assert len(TUNED_BEFORE) == 40 and all(q.set == "tuning" for q in QUERIES if batch_of(q) == 0)
    # Every later batch was split ONCE, before any tuning, into halves, by the seed its
    # header names: the sets of its rows are what that seed gives (a query moved from one
    # half to the other fails here, even where the counts would stay within one).
    splits = declared_splits()
    batches = sorted({batch_of(q) for q in QUERIES} - {0})
    assert [s.batch for s in splits] == batches, (splits, batches)
    for split in splits:
        rows = [q for q in QUERIES if batch_of(q) == split.batch]
        assert abs(2 * split.tuning - split.size) <= 1, f"batch {split.batch}: {split} is not split into halves"
        assert len(rows) == split.size, f"batch {split.batch}: {len(rows)} rows; the header says {split.size}"
        moved = [f"line {q.line}: {q.text!r} is {q.set}" for q, want in zip(rows, split.sets(), strict=True)
                 if q.set != want]
        assert not moved, f"batch {split.batch} is not split as seed {split.seed} gives:\n" + "\n".join(moved)
    kinds = {q.kind for q in TEST}
    assert kinds >= {"root", "affix", "slang", "typo", "question", "number", "address", "abbrev", "loanword"}, kinds
    texts = [q.text.lower() for q in QUERIES]
    assert len(texts) == len(set(texts)), "a query is listed twice"


def test_every_expected_page_and_section_exists(site_dir: Path) -> None:
    missing = []
    for query in QUERIES:
        page = site_dir / query.expected / "index.html"
        if not page.is_file():
            missing.append(f"{QUERY_FILE.name}:{query.line}: /{query.expected} is not a page of the site")
        elif query.section:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            if soup.find(id=query.section) is None:
                missing.append(f"{QUERY_FILE.name}:{query.line}: /{query.expected} has no heading #{query.section}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("akun diblokir\tpenyebab/\troot\ttuning\t", "expected page 'penyebab/'; expected a site path"),
        ("akun diblokir\t/penyebab/\troot\tlater\t", "set 'later'; expected one of tuning, test"),
        ("akun diblokir\t/penyebab/\troot", "3 tab-separated cells; expected 5"),
        ("\t/penyebab/\troot\ttest\t", "an empty query"),
    ],
)
def test_a_bad_query_line_is_named_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    broken = tmp_path / "queries.tsv"
    lines = QUERY_FILE.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines) - 3, line)
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(QueryFileError) as error:
        load_queries(broken)
    assert str(error.value).startswith(f"{broken}:{len(lines) - 3}: "), str(error.value)
    assert message in str(error.value), str(error.value)


# -- Material's worker in Node, on the built site ----------------------------------------


def test_tuning_half_finds_its_pages(answers: dict[str, dict]) -> None:
    ranks = {query: _rank(answers[query.text]["pages"], query) for query in TUNING}
    top3 = sum(0 < rank <= TOP for rank in ranks.values()) / len(ranks)
    top1 = sum(rank == 1 for rank in ranks.values()) / len(ranks)
    misses = [f"line {q.line}: {q.text!r} -> /{q.expected}, got {answers[q.text]['pages'][:TOP]}"
              for q, rank in ranks.items() if not 0 < rank <= TOP]
    assert top3 >= TUNING_TOP3 and top1 >= TUNING_TOP1, (
        f"top 3 {top3:.1%} (floor {TUNING_TOP3:.0%}), first {top1:.1%} (floor {TUNING_TOP1:.0%}); "
        "not in the top 3:\n" + "\n".join(misses)
    )


def test_questions_this_guide_does_not_cover_reach_the_page_for_other_problems(answers: dict[str, dict]) -> None:
    off_topic = [q for q in TUNING if q.expected == OTHER_PROBLEMS]
    others = [q for q in TUNING if q.expected != OTHER_PROBLEMS]
    assert len(off_topic) >= 10, len(off_topic)
    missed = [q.text for q in off_topic if OTHER_PROBLEMS not in answers[q.text]["pages"][:TOP]]
    assert len(missed) <= (1 - OTHER_PROBLEMS_TOP3) * len(off_topic), missed
    # The rule for other problems must not swallow questions about a block.
    swallowed = [f"{q.text!r} -> /{q.expected}" for q in others
                 if answers[q.text]["pages"][:1] == [OTHER_PROBLEMS]]
    assert len(swallowed) <= OTHER_PROBLEMS_FIRST_ELSEWHERE * len(others), "\n".join(swallowed)


@pytest.mark.parametrize("query", TUNED_BEFORE, ids=[q.text for q in TUNED_BEFORE])
def test_query_tuned_before_stays_in_the_top_three(answers: dict[str, dict], query: Query) -> None:
    pages = answers[query.text]["pages"]
    assert 0 < _rank(pages, query) <= TOP, (
        f"{query.text!r} ({query.kind}): expected /{query.expected} in the top {TOP}, got "
        + ", ".join(f"/{r}" for r in pages[:5])
    )


def test_a_page_takes_one_place_in_the_list(answers: dict[str, dict]) -> None:
    # Material lists a page once, its matching sections under it, so a section and its
    # page never both take a place among the first three.
    doubled = {text: a["groups"] for text, a in answers.items() if len(a["groups"]) != len(set(a["groups"]))}
    assert not doubled, doubled


def test_only_results_above_the_ranking_floor_are_listed(answers: dict[str, dict], site_dir: Path) -> None:
    # Every page shares some expanded word with almost any query; the list (and its count,
    # "n dokumen ditemukan") holds only the documents scoring a fifth of the best or more.
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = len({d["location"] for d in docs if "#" not in d["location"]})
    listed = [len(answers[q.text]["pages"]) for q in TUNING]
    assert statistics.median(listed) <= pages / 3, (statistics.median(listed), pages)
    assert sum(n == pages for n in listed) <= len(listed) / 20, sorted(listed)[-30:]


def test_no_worker_warnings(answers: dict[str, dict]) -> None:
    # Material's worker reports a query it cannot run as console warnings: lunr's query
    # syntax and half-typed words must pass through the wildcard stemming unharmed.
    warned = {text: a["warnings"] for text, a in answers.items() if a["warnings"]}
    assert not warned, warned
    found = {text: len(answers[text]["pages"]) for text in SYNTAX}
    assert found['"akun diblokir"'] > 0 and found["+akun -joki"] > 0 and found["yang"] == 0, found


@pytest.mark.parametrize(("text", "expected"), PAGE_FIRST)
def test_page_that_answers_comes_first(answers: dict[str, dict], text: str, expected: str) -> None:
    pages = answers[text]["pages"]
    assert pages[:1] == [expected], f"{text!r}: expected /{expected} first, got {pages[:4]}"


@pytest.mark.parametrize(("text", "page"), NOT_FIRST)
def test_a_rule_holds_back_where_another_page_answers(answers: dict[str, dict], text: str, page: str) -> None:
    pages = answers[text]["pages"]
    assert pages and pages[0] != page, f"{text!r}: expected another page than /{page} first, got {pages[:4]}"


@pytest.mark.parametrize(("text", "expected"), RULE_TOP3)
def test_a_rule_brings_its_page_into_the_top_three(answers: dict[str, dict], text: str, expected: str) -> None:
    pages = answers[text]["pages"]
    assert expected in pages[:3], f"{text!r}: expected /{expected} in the top 3, got {pages[:4]}"


@pytest.mark.parametrize("text", PLACED_THIRD)
def test_a_question_of_no_topic_here_shows_the_page_for_other_problems_third(answers: dict[str, dict],
                                                                             text: str) -> None:
    pages = answers[text]["pages"]
    assert pages[2:3] == [OTHER_PROBLEMS], f"{text!r}: expected /{OTHER_PROBLEMS} third, got {pages[:4]}"


@pytest.mark.parametrize("text", NOT_PLACED)
def test_a_word_of_the_block_or_a_topic_here_places_nothing(answers: dict[str, dict], text: str) -> None:
    pages = answers[text]["pages"]
    assert OTHER_PROBLEMS not in pages[:3], f"{text!r}: expected no /{OTHER_PROBLEMS} in the top 3, got {pages[:4]}"


def test_a_typed_phrase_needs_its_stop_word(answers: dict[str, dict]) -> None:
    # "situs ini resmi?" asks about this guide (RULE_TOP3); OFFICIAL_SITE asks for Prakerja's own site.
    assert answers[OFFICIAL_SITE]["pages"][:1] != ["tentang/"], answers[OFFICIAL_SITE]["pages"]


@pytest.mark.parametrize(("word", "expected"), KEYWORD_ONLY)
def test_a_word_only_the_keywords_hold_finds_the_page(answers: dict[str, dict], site_dir: Path, word: str,
                                                      expected: str) -> None:
    # Front matter `keywords:` become the page's `keywords` field in the index.
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    holding = {d["location"] for d in docs if word in (d.get("title", "") + " " + d.get("text", "")).lower()}
    assert holding == set(), f"{word!r} is in the text of {holding}: pick a word only keywords hold"
    assert word in next(d for d in docs if d["location"] == expected).get("keywords", ""), expected
    pages = answers[word]["pages"]
    assert pages[:1] == [expected], f"{word!r}: expected /{expected} first, got {pages[:4]}"


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_addresses_and_numbers_are_findable(answers: dict[str, dict], text: str, expected: str) -> None:
    pages = answers[text]["pages"]
    assert expected in pages[:TOP], f"{text!r}: expected /{expected} in the top {TOP}, got {pages[:4]}"


def test_a_typo_finds_what_the_word_finds(answers: dict[str, dict]) -> None:
    # The typo is replaced by the index term one edit away, so Material's term analysis
    # sees it found (no "Tidak ada: ..." under the first result).
    word, typo = answers["pelatihan"], answers["pelatiham"]
    assert word["pages"] and typo["pages"][:3] == word["pages"][:3], (word["pages"][:5], typo["pages"][:5])
    assert typo["missing"] == []


def test_stemmed_words_are_not_reported_missing(answers: dict[str, dict]) -> None:
    # Material marks the query words a result lacks ("Tidak ada: ..."), comparing them with
    # the indexed terms; it must compare the stemmed word, or the best page, which has
    # them all, would be marked as lacking the affixed ones.
    found = answers["pemblokiran akun diblokirnya"]
    assert found["pages"][:1] and found["pages"][0] in ("", "penyebab/", "selebaran/"), found["pages"]
    assert found["missing"] == []
    # Quoted words too, which Material makes required and lunr would stem only later: the
    # best page holds "diblokir" as "blokir", and a quoted typo is read as its word.
    quoted = answers[QUOTED]
    assert quoted["pages"][:1] == [""] and quoted["missing"] == [], quoted
    assert "penyebab/prosedur-tidak-selesai/" in answers[QUOTED_TYPO]["pages"][:3], answers[QUOTED_TYPO]


QUOTED = '"akun diblokir"'
QUOTED_TYPO = '"pelatiham"'


# A question whose first answer (the page for other problems, by a rule) holds none of its
# words: Material names each lacking word ("Tidak ada: ...").
LACKING = "jadwal pelatihan dari lpk belum ada"


def test_a_lacking_word_is_named_as_the_reader_typed_it(answers: dict[str, dict]) -> None:
    # The worker searches stems ("latih" for "pelatihan"), which the reader never typed; the
    # box names the words as typed. Stop words ("dari") are not searched, so not named.
    found = answers[LACKING]
    assert found["pages"][:1] == ["masalah-lain/"], found["pages"]
    assert found["missing"] == ["jadwal", "pelatihan", "lpk", "belum", "ada"], found["missing"]


def test_stop_words_alone_find_nothing(answers: dict[str, dict]) -> None:
    assert answers["yang dan"]["pages"] == []


def test_no_match_offers_the_page_for_other_problems(answers: dict[str, dict]) -> None:
    # Instead of an empty list: the page for questions this guide does not cover, with its
    # section of official channels, the reader's word marked as not found.
    found = answers[NOTHING_MATCHES]
    assert found["pages"] == ["masalah-lain/"] and found["missing"] == [NOTHING_MATCHES], found


# -- In the browser: a thin check of the real page ----------------------------------------

# Typed into the real box; each must list the pages the worker in Node lists.
# The last two: a rule's typed phrase and a page the rule adds although the words missed it.
IN_THE_BOX = ["akun diblokir", "pemblokiran", "ngadu kemana", "formulr pengaduan", "lupa password prakerja",
              "08001503001", "bayar orang buat buka blokir", "situs ini resmi?", "pencairan insentif"]
RENDERED = 10


@dataclass
class Session:
    box: SearchBox
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def session(site: LoopbackServer, browser: Browser) -> Iterator[Session]:
    """One page of the site with its search box, and what it requests and logs."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    # Material's worker reports a query it cannot run as console warnings.
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("warning", "error") else None)
    page.on("pageerror", lambda e: console.append(f"page error: {e}"))
    page.on("worker", lambda w: w.on("console", lambda m: console.append(f"worker {m.type}: {m.text}")))
    yield Session(SearchBox(page, site.url), requests, console)
    context.close()


def test_the_box_lists_what_the_worker_in_node_lists(session: Session, site_dir: Path) -> None:
    assert any(url.endswith("/assets/javascripts/lunr/min/lunr.id.min.js") for url in session.requests), (
        "the search worker did not load lunr.id.min.js:\n" + "\n".join(session.requests)
    )
    try:
        node = worker_answers(site_dir, IN_THE_BOX)
    except NodeMissing as error:
        pytest.fail(str(error), pytrace=False)
    differ = {}
    for text in IN_THE_BOX:
        typed, _ = session.box.search(text)
        # Material renders the list ten entries at a time, the next ten on scrolling.
        if typed[:RENDERED] != node[text]["pages"][:RENDERED]:
            differ[text] = {"box": typed[:RENDERED], "node": node[text]["pages"][:RENDERED]}
    assert not differ, differ
    assert session.console == [], session.console


def test_no_results_state_offers_the_page_for_other_problems_and_the_channels(session: Session) -> None:
    results, _ = session.box.search(NOTHING_MATCHES)
    assert results == ["masalah-lain/"], results
    shown = session.box.page.locator(".md-search-result").inner_text()
    for channel in ("bantuan.prakerja.go.id", "info@prakerja.go.id", "0800-150-3001"):
        assert channel in shown, f"{channel!r} is not shown when nothing matches:\n{shown}"
    assert session.box.missing_terms() == [NOTHING_MATCHES]
    assert session.console == [], session.console
