"""The one synonym list of the search (akun_diblokir/search/words.yml `synonyms`: a word the
pages use -> the words readers type for it), read from the built site's lunr.id.min.js in the
search worker's scope in Node (benchmarks/search_worker.mjs --eval) and checked for dead
entries and cycles; and typo correction on a small index."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from searchtools import WorkerScope, site_words
from sitetools import ROOT

from akun_diblokir import search_index

STEM = "word => lunr.id.stemmer(lunr.id.trimmer(new lunr.Token(word.toLowerCase(), {}))).toString()"


def synonym_problems(
    synonyms: dict[str, list[str]], stem: Callable[[str], str], index_stems: set[str]
) -> list[str]:
    """What is wrong with a synonym list, one line per problem: a page word whose stem the
    index does not hold (dead: it can never add anything), a reader word of more than one
    word, one that stems to its own page word (it adds nothing), and one that is itself a
    page word of the list (a chain: following it could cycle)."""
    problems = []
    keys = {stem(word): word for word in synonyms}
    for word, variants in synonyms.items():
        key = stem(word)
        if key not in index_stems:
            problems.append(f"{word!r}: dead entry, the index holds no {key!r}")
        for variant in variants:
            if len(variant.split()) != 1:
                problems.append(f"{word!r} -> {variant!r}: not one word (the index is of words)")
            elif stem(variant) == key:
                problems.append(f"{word!r} -> {variant!r}: stems to {key!r} already")
            elif stem(variant) in keys:
                problems.append(f"{word!r} -> {variant!r}: is the page word {keys[stem(variant)]!r} (a chain or cycle)")
    return problems


def _stemmer(page: WorkerScope) -> Callable[[str], str]:
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        if word not in cache:
            cache[word] = page.evaluate(STEM, word)
        return cache[word]

    return stem


def test_synonym_list_has_no_dead_entry_and_no_cycle(lunr_page: WorkerScope, site_dir: Path) -> None:
    synonyms = lunr_page.evaluate("lunr.id.synonymList")
    assert len(synonyms) >= 20, synonyms
    stem = _stemmer(lunr_page)
    # The stems the index holds from the pages themselves (without the list's additions).
    index_stems = {stem(word) for word in site_words(site_dir)}
    problems = synonym_problems(synonyms, stem, index_stems)
    assert problems == [], "\n".join(problems)


def _locations(site_dir: Path) -> set[str]:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"] for doc in docs}


def rule_problems(words: dict, locations: set[str]) -> list[str]:
    """What is dead in the ranking rules and the no-results answer of words.yml: a page or
    section they name that the index does not hold (a page: its location; page#id: that
    section). A rule without words is refused when the file is read (load_words)."""
    problems = []
    for rule in words.get("rules", []):
        problems += [f"rule {rule.get('name')!r}: {place!r} is not in the index"
                     for place in rule.get("favour", []) if place not in locations]
    problems += [f"no_results: {place!r} is not in the index" for place in words.get("no_results", [])
                 if place not in locations]
    return problems


def test_rules_and_the_no_results_answer_name_pages_of_the_index(site_dir: Path) -> None:
    words = search_index.load_words(ROOT / search_index.SOURCES / search_index.WORDS)
    assert len(words["rules"]) >= 5 and words["no_results"], words.keys()
    problems = rule_problems(words, _locations(site_dir))
    assert problems == [], "\n".join(problems)


def test_the_rule_check_finds_dead_places() -> None:
    made_up = {"rules": [{"name": "money", "words": ["biaya"], "favour": ["aman-dari-penipuan/", "bayar/"]},
                         {"name": "empty", "words": [], "favour": ["faq/#hilang"]}],
               "no_results": ["masalah-lain/#tidak-ada"]}
    problems = "\n".join(rule_problems(made_up, {"aman-dari-penipuan/", "faq/", "masalah-lain/"}))
    for expected in ["rule 'money': 'bayar/' is not in the index", "rule 'empty': 'faq/#hilang' is not in the index", "no_results: 'masalah-lain/#tidak-ada'"]:
        assert expected in problems, problems
    assert "aman-dari-penipuan/'" not in problems, problems


def test_the_check_finds_dead_entries_chains_and_cycles(lunr_page: WorkerScope) -> None:
    stem = _stemmer(lunr_page)
    made_up = {
        "diblokir": ["banned", "pemblokiran"],  # stems to the page word itself
        "xyzzy": ["foo"],  # dead: no page says it
        "pengaduan": ["komplain", "lapor"],  # "lapor" is a page word below: a chain
        "lapor": ["pengaduan"],  # and back: a cycle
        "email": ["kirim surat"],  # two words
    }
    problems = "\n".join(synonym_problems(made_up, stem, {"blokir", "adu", "lapor", "email"}))
    for expected in ["'diblokir' -> 'pemblokiran': stems to 'blokir'", "'xyzzy': dead entry",
                     "'pengaduan' -> 'lapor': is the page word 'lapor'", "'lapor' -> 'pengaduan': is the page word",
                     "'email' -> 'kirim surat': not one word"]:
        assert expected in problems, problems


def test_synonyms_index_the_readers_words_where_the_page_word_stands(lunr_page: WorkerScope) -> None:
    found = lunr_page.evaluate(
        """() => {
          const index = lunr(function () {
            this.use(lunr.id); this.ref("id"); this.field("text");
            this.add({ id: "late", text: "Terlambat membeli pelatihan" });
            this.add({ id: "call", text: "Hubungi call center resmi" });
            this.add({ id: "other", text: "Ulasan dan rating" });
          });
          return ["telat*", "cs*", "nelpon*"].map(q => index.search(q).map(r => r.ref));
        }"""
    )
    assert found == [["late"], ["call"], []], found


# A small index with lunr.id, queried as Material's box queries (trailing wildcards).
TYPO_INDEX = """queries => {
  const index = lunr(function () {
    this.use(lunr.id); this.ref("id"); this.field("text");
    this.add({ id: "form", text: "Isi formulir pengaduan resmi" });
    this.add({ id: "train", text: "Terlambat membeli pelatihan pertama" });
    this.add({ id: "rating", text: "Ulasan dan rating kelas" });
    this.add({ id: "dating", text: "Tanggal dan waktu kelas" });
    this.add({ id: "cheat", text: "Dianggap curang oleh sistem" });
  });
  return queries.map(q => index.search(q).map(r => r.ref).sort());
}"""


def test_a_typo_of_four_letters_or_more_is_corrected(lunr_page: WorkerScope) -> None:
    # "kels" is "kelas", which the synonym list also indexes where "pelatihan" stands.
    found = lunr_page.evaluate(TYPO_INDEX, ["formulr*", "pelatiham*", "pengadan*", "formulir*", "kels*"])
    assert found == [["form"], ["train"], ["form"], ["form"], ["dating", "rating", "train"]], found


def test_correct_and_short_words_are_not_fuzzed(lunr_page: WorkerScope) -> None:
    # "rating" is in the index: it finds its own document, not "tanggal"'s neighbours; a
    # word under four letters is never corrected ("sus" is not "sis", which starts
    # "sistem"); a half-typed word starts an index term and is left alone.
    found = lunr_page.evaluate(TYPO_INDEX, ["rating*", "rat*", "sus*"])
    assert found == [["rating"], ["rating"], []], found


def test_a_common_word_is_not_taken_for_a_typo(lunr_page: WorkerScope) -> None:
    # "berkurang" (stem "kurang") and "curang" are one edit apart, and "kurang" starts no
    # term of this index: a real word, it stays itself and finds nothing here. The site's
    # worker holds the common words near the site's own (the site says "curang").
    found = lunr_page.evaluate(TYPO_INDEX, ["berkurang*", "kurang*", "crang*"])
    assert found == [[], [], ["cheat"]], found
    shipped = lunr_page.evaluate("lunr.id.commonWords.length")
    assert 300 <= shipped <= 4000, shipped


def test_the_common_words_are_the_ones_a_typo_check_could_take_for_a_site_word() -> None:
    common = ["curang", "kurang", "berkurang", "dianggap", "jalan", "pelatihan", "bulan"]
    kept = search_index.words_near(common, "Dianggap curang saat pelatihan. Bukan begitu.")
    # A word of the text, or one its words start, is found as it is; a word two edits
    # from every word of the text is never corrected; "berkurang" is found by its stem.
    assert kept == ["bulan", "kurang"], kept


def test_a_broken_words_file_is_named_with_the_line_of_the_fault(tmp_path: Path) -> None:
    path = tmp_path / search_index.WORDS
    path.write_text("stop_words:\n  - [yang]\nsynonyms:\n  diblokir: [banned]\nrules:\n  - with: *nowhere\n",
                    encoding="utf-8")
    with pytest.raises(search_index.SearchSourceError) as error:
        search_index.load_words(path)
    assert str(error.value).startswith(f"{path}:6: cannot read it"), error.value
    assert "expected the search words in YAML" in str(error.value), error.value


GOOD_RULE = "  - name: money\n    words: [biaya]\n    favour: [aman-dari-penipuan/]\n"
# What follows the header (five lines) and GOOD_RULE (three): its first line is line 9.
FAULT_LINE = 9
FEE = "  - name: fee\n"


@pytest.mark.parametrize(("tail", "message"), [
    # a misspelt key: the rule would never apply, without a word
    (FEE + "    word: [biaya]\n    favour: [aman-dari-penipuan/]\n", "rule 'fee': unknown key 'word'; expected one of"),
    (FEE + "    typed: [bayar]\n    favour: aman-dari-penipuan/\n",
     "rule 'fee': favour: 'aman-dari-penipuan/'; expected a list of pages"),
    (FEE + "    words: biaya\n    favour: [faq/]\n", "rule 'fee': words: 'biaya'; expected a list"),
    (FEE + "    with: [bayar]\n    favour: [faq/]\n", "rule 'fee': no words, typed phrases nor unless"),
    (FEE + "    unless: [bayar]\n    favour: [faq/]\n    place: 0\n", "rule 'fee': place: 0; expected a whole number"),
    # "yang" is a stop word: the phrase would be any "bayar"
    (FEE + "    words: [yang bayar]\n    favour: [faq/]\n", "rule 'fee': words: 'yang bayar' is one word without its "
     "stop words; expected it in typed"),
    (FEE + "    unless: [bayar]\n    favour: [faq/]\n    place: '3'\n", "rule 'fee': place: '3'; expected a whole"),
    (FEE + "    words: [biaya]\n    favour: [faq/]\n    weight: 0\n", "rule 'fee': weight: 0; expected a number above 0"),
    (FEE + "    words: [biaya]\n    favour: [faq/]\n    rest: all\n", "rule 'fee': rest: 'all'; expected generic"),
    ("  - words: [biaya]\n    favour: [faq/]\nnegations: [tidak]\n", "rule 2: "),
    ("negations: tidak\n", "negations: 'tidak'; expected a list of words"),
])
def test_a_rule_or_list_of_the_wrong_shape_is_named_with_its_line(tmp_path: Path, tail: str, message: str) -> None:
    path = tmp_path / search_index.WORDS
    path.write_text("stop_words:\n  - [yang]\nsynonyms:\n  diblokir: [banned]\nrules:\n" + GOOD_RULE + tail,
                    encoding="utf-8")
    with pytest.raises(search_index.SearchSourceError) as error:
        search_index.load_words(path)
    assert f"{path}:{FAULT_LINE}: {message}" in str(error.value), error.value
    assert "money" not in str(error.value), error.value


@pytest.mark.parametrize(("line", "message"), [("Berkurang", "found 'Berkurang'"), ("aku", "found 'aku'"),
                                               ("dua kata", "found 'dua kata'")])
def test_a_bad_line_of_the_common_words_is_named_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / search_index.COMMON_WORDS
    path.write_text(f"# comment\nkurang\n{line}\n", encoding="utf-8")
    with pytest.raises(search_index.SearchSourceError) as error:
        search_index.load_common_words(path)
    assert str(error.value).startswith(f"{path}:3: {message}; expected one word"), error.value
