"""Search that understands Indonesian (Material's search plugin), for the MkDocs adapter.

Material's search plugin accepts only the languages lunr-languages ships, and Indonesian
is not one of them: `search: lang: id` falls back to English, and with `theme.language: id`
Material leaves the index unstemmed. The adapter (mkdocs_plugin.py) names Indonesian ("id") in the search
index configuration, so Material's search worker loads
`assets/javascripts/lunr/min/lunr.<lang>.min.js` for it. The adapter writes that file into
the site, assembled here (lunr_id_source) from the files of akun_diblokir/search/, one
concern each: the data (words.yml: stop words, synonyms, the words of the ranking rules),
the stemmer, the index-time pipeline, query rewriting and ranking. It also sets the word
separator (SEPARATOR) unless mkdocs.yml does. Material's search interface is unchanged.

It also gives each page's document in the index a `names` field: what the menu and the
front matter call the page, where that differs from the H1 Material indexes as its title
(the handout's H1 is its printed headline "Akun Prakerja diblokir?", the menu calls it
"Selebaran"; the FAQ's is "Tanya jawab", the menu says "(FAQ)"). Readers search for a page
by the name they saw; the field weighs NAMES_BOOST, less than a title.

And a `keywords` field: the page's front matter `keywords:`, the words readers type for
what the page answers that its text does not use (a relative who did the training for
you, "deadline", "cetak"). akun_diblokir/pagemeta.py checks them (plain words, never an
address or a number, each once); the field weighs KEYWORDS_BOOST.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import snowballstemmer
import yaml

LANG = "id"
# Material's names for lunr's pipeline functions; lunr.id provides all three.
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
ASSET = "assets/javascripts/lunr/min/lunr.id.min.js"
# The sources of ASSET, relative to the project's root (copies of the project build theirs).
SOURCES = Path("akun_diblokir") / "search"
WRAPPER = "lunr.id.js"
WORDS = "words.yml"
COMMON_WORDS = "common_words.txt"  # the common Indonesian words (scripts/make-common-words.py)
_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)//= (?P<kind>include|data|common) (?P<name>[\w.-]+)[ \t]*$")
INDEX = "search/search_index.json"
# Material's default splits words at spaces and hyphens only, so an address typed as written
# ("prakerja.vip", a URL) never meets the page, which writes it defanged ("prakerja[.]vip")
# or as link text: split at the punctuation of addresses and URLs too, and at a full stop
# unless a digit follows (times such as 08.00 stay whole).
SEPARATOR = r'[\s\-,:;!?=\[\]()"/@]+|\.(?!\d)'
NAMES_BOOST = 2  # measured on the tuning half: 1, 2 and 3 gave top 1 +0, +2 and -3 queries
# Measured on the tuning half with the keywords of the pages: 0.5, 1, 2 and 3 gave top 1
# 77.6, 79.4, 81.0 and 81.3 %, top 3 96.6, 96.9, 97.5 and 96.0 %.
KEYWORDS_BOOST = 2

def _add_page_field(index: dict[str, Any], field: str, boost: float,
                    values_of: Callable[[dict[str, Any]], list[str]]) -> int:
    """Give each page document (not a section) of a search index the field `field` made of
    `values_of(doc)`, weighing `boost`; returns how many got one."""
    added = 0
    for doc in index["docs"]:
        values = values_of(doc) if "#" not in doc["location"] else []
        if values:
            doc[field] = " · ".join(values)
            added += 1
    index["config"]["fields"][field] = {"boost": boost}
    return added


def add_names(index: dict[str, Any], names: dict[str, list[str]]) -> int:
    """Give each page document of a search index a `names` field (the names that its title
    does not already say); returns how many got one."""
    def extra(doc: dict[str, Any]) -> list[str]:
        title = str(doc.get("title", "")).strip().lower()
        return [n for n in names.get(doc["location"], []) if n.strip().lower() != title]

    return _add_page_field(index, "names", NAMES_BOOST, extra)


def add_keywords(index: dict[str, Any], keywords: dict[str, list[str]]) -> int:
    """Give each page document of a search index its front matter keywords as a `keywords`
    field; returns how many got one."""
    return _add_page_field(index, "keywords", KEYWORDS_BOOST, lambda doc: keywords.get(doc["location"], []))


class SearchSourceError(ValueError):
    """A source of the search worker's language file that cannot be used, as
    `path:line: found; expected`."""


def load_words(path: Path) -> dict[str, Any]:
    """words.yml as the worker's data: stop words (flattened) and the synonym list; raises
    SearchSourceError naming the line of a problem in the file (shape, or words_problems)."""
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise SearchSourceError(f"{path}:{line}: cannot read it ({error}); expected the search words in YAML") from None
    problems = words_problems(raw, text)
    if problems:
        raise SearchSourceError("\n".join(f"{path}:{line}: {message}" for line, message in problems))
    return {"stop_words": _flat(raw["stop_words"]), "synonyms": raw["synonyms"],
            **{key: raw.get(key) or [] for key in ("rules", *WORD_LISTS) if key not in ALIASES_ONLY}}


def _line_of(text: str, word: str) -> int:
    found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def words_problems(raw: Any, text: str = "") -> list[tuple[int, str]]:
    """(line, problem) for the search words, without stemming (the tests check the stemmed
    list against the index: tests/test_search_synonyms.py): the shape; a reader's word
    that is not one word; a reader's word that is itself a page word of the list (a chain,
    which could cycle) or listed twice."""
    if not isinstance(raw, dict):
        return [(1, f"found {type(raw).__name__}; expected a mapping with stop_words and synonyms")]
    problems: list[tuple[int, str]] = []
    keys, rule_lines = _top_lines(text)
    stop = raw.get("stop_words")
    if not isinstance(stop, list) or not all(isinstance(g, list) and all(isinstance(w, str) and w for w in g) for g in stop):
        problems.append((keys.get("stop_words", 1), "stop_words; expected groups (lists) of words"))
    synonyms = raw.get("synonyms")
    if not isinstance(synonyms, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and v and all(isinstance(w, str) and w for w in v)
            for k, v in synonyms.items()):
        problems.append((keys.get("synonyms", 1), "synonyms; expected page word: [readers' words, ...]"))
        return problems
    problems += _lists_and_rules_problems(raw, keys, rule_lines)
    page_words = {key.lower() for key in synonyms}
    seen: dict[str, str] = {}
    for key, variants in synonyms.items():
        for variant in variants:
            word = variant.lower()
            if len(word.split()) != 1:
                problems.append((_line_of(text, variant), f"{key}: {variant!r} is not one word; expected one word "
                                 "(the index is of words)"))
            elif word in page_words:
                problems.append((_line_of(text, variant), f"{key}: {variant!r} is itself a page word of the list "
                                 "(a chain, which could cycle); expected a reader's word only"))
            elif word in seen:
                problems.append((_line_of(text, variant), f"{key}: {variant!r} is listed under {seen[word]!r} "
                                 "too; expected each reader's word once"))
            seen.setdefault(word, key)
    return problems


# The lists of words.yml besides stop words and synonyms: each a list of words or phrases
# (a YAML alias of another list counts as its words).
WORD_LISTS = ("no_results", "asking_words", "reader_pronouns", "blocked", "negations", "shown", "named_causes",
              "causes", "topics")
# Lists there only for the rules to name as YAML aliases (already expanded in them): not sent to the worker.
ALIASES_ONLY = ("named_causes", "causes", "topics")
# A rule's keys (ranking.js reads them): lists of phrases, and the others.
RULE_PHRASES = ("words", "typed", "with", "unless", "unless_typed")
RULE_KEYS = {"name", "rest", "favour", "weight", "place", *RULE_PHRASES}


def _phrases(value: Any) -> bool:
    """Whether `value` is a list of phrases (strings), lists inside it counting as theirs."""
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in _flat(value))


def _flat(value: Any) -> list[str]:
    """The phrases of a list of phrases, lists inside it counting as theirs."""
    return [p for v in value for p in (_flat(v) if isinstance(v, list) else [v])] if isinstance(value, list) else []


def _top_lines(text: str) -> tuple[dict[str, int], list[int]]:
    """The line of each top-level key of a YAML text, and the line of each item of its
    `rules` list (from PyYAML's nodes, which know where they stand)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, []
    keys: dict[str, int] = {}
    rule_lines: list[int] = []
    for key, value in root.value:
        keys[str(key.value)] = key.start_mark.line + 1
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            rule_lines = [item.start_mark.line + 1 for item in value.value]
    return keys, rule_lines


def _lists_and_rules_problems(raw: dict[str, Any], keys: dict[str, int],
                              rule_lines: list[int]) -> list[tuple[int, str]]:
    """(line, problem) for the shape of the word lists and the ranking rules, which the
    search worker would otherwise misread without a word (a rule of a misspelt key that
    never applies); `keys` and `rule_lines` are _top_lines' answer."""
    problems = [(keys.get(key, 1), f"{key}: {raw[key]!r}; expected a list of words")
                for key in WORD_LISTS if key in raw and not _phrases(raw[key])]
    rules = raw.get("rules", [])
    stop = {word.lower() for word in _flat(raw.get("stop_words"))}
    if not isinstance(rules, list):
        return problems + [(keys.get("rules", 1), "rules; expected a list of rules (name, words, favour ...)")]
    for number, rule in enumerate(rules, start=1):
        line = rule_lines[number - 1] if number <= len(rule_lines) else keys.get("rules", 1)
        if not isinstance(rule, dict) or not isinstance(rule.get("name"), str):
            problems.append((line, f"rule {number}: {rule!r}; expected a mapping with a name"))
            continue
        name = rule["name"]

        def bad(message: str, name: str = name, line: int = line) -> None:
            problems.append((line, f"rule {name!r}: {message}"))
        for key in sorted(set(rule) - RULE_KEYS):
            bad(f"unknown key {key!r}; expected one of {', '.join(sorted(RULE_KEYS))}")
        for key in RULE_PHRASES:
            if key in rule and not _phrases(rule[key]):
                bad(f"{key}: {rule[key]!r}; expected a list of words or phrases")
            elif key in ("words", "with", "unless"):
                # stop words are dropped before a phrase is compared: "yang buat" would be any "buat"
                for phrase in _flat(rule.get(key)):
                    if " " in phrase and len([w for w in phrase.split() if w.lower() not in stop]) < 2:
                        bad(f"{key}: {phrase!r} is one word without its stop words; expected it in typed "
                            "(compared as typed) or as one word")
        if not rule.get("words") and not rule.get("typed") and not rule.get("unless"):
            bad("no words, typed phrases nor unless; expected words or typed phrases (or an unless, for a rule "
                "of every other query)")
        favour = rule.get("favour")
        if not isinstance(favour, list) or not favour or not all(isinstance(f, str) for f in favour):
            bad(f"favour: {favour!r}; expected a list of pages or page#section (\"\" is the home page)")
        if "rest" in rule and rule["rest"] != "generic":
            bad(f"rest: {rule['rest']!r}; expected generic (or no rest)")
        weight = rule.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            bad(f"weight: {weight!r}; expected a number above 0")
        place = rule.get("place", 1)
        if isinstance(place, bool) or not isinstance(place, int) or place < 1:
            bad(f"place: {place!r}; expected a whole number from 1 (the place the page is shown at)")
    return problems


_COMMON_WORD = re.compile(r"[a-z]{4,}")
_LETTERS = re.compile(r"[a-z]+")


def load_common_words(path: Path) -> list[str]:
    """The words of common_words.txt (one a line; `#` starts a comment line); raises
    SearchSourceError naming the line of anything else."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SearchSourceError(f"{path}:1: cannot read it ({error.strerror}); expected the common Indonesian "
                                "words (scripts/make-common-words.py)") from None
    words = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not _COMMON_WORD.fullmatch(line):
            raise SearchSourceError(f"{path}:{number}: found {line!r}; expected one word of 4 letters a-z or more, "
                                    "lowercase, alone on its line")
        words.append(line)
    return words


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def words_near(common: list[str], text: str) -> list[str]:
    """The words of `common` that the search's typo check could take for a typo of a word of
    `text` (the site's Markdown): one edit (insertion, deletion, substitution, swap) from a
    word of the text or its stem, neither in the text nor, by stem, the start of a word of
    it (the search finds those as they are). The rest of the list could never be taken for
    a typo, so it is not shipped. Stems are Snowball's, which the search's stemmer ports."""
    stem = snowballstemmer.stemmer("indonesian").stemWord
    site_words = set(_LETTERS.findall(text.lower()))
    site = site_words | {stem(w) for w in site_words}
    starts = sorted(site)
    near = set(site).union(*(_deletions(w) for w in site))

    def starts_a_site_word(prefix: str) -> bool:
        i = bisect.bisect_left(starts, prefix)
        return i < len(starts) and starts[i].startswith(prefix)

    kept = []
    for word in common:
        if word in site_words or starts_a_site_word(stem(word)):
            continue
        if any(form in near or not near.isdisjoint(_deletions(form)) for form in (word, stem(word))):
            kept.append(word)
    # A word whose stem is kept is found by its stem (query.js checks both).
    roots = set(kept)
    return sorted(w for w in kept if stem(w) == w or stem(w) not in roots)


def lunr_id_source(root: Path, docs_dir: Path | None = None) -> str:
    """The worker's language file, assembled from the files of `root`/SOURCES: each line
    `//= include NAME` of WRAPPER is replaced by that file (indented as the line),
    `//= data NAME` by `var WORDS = ...` (the words of NAME as JSON: no eval, no request),
    and `//= common NAME` by `var COMMON_WORDS = [...]`, the words of NAME near a word of
    the pages of `docs_dir` (words_near; none without it)."""
    folder = root / SOURCES
    try:
        wrapper = (folder / WRAPPER).read_text(encoding="utf-8")
    except OSError as error:
        raise SearchSourceError(f"{folder / WRAPPER}:1: cannot read it ({error.strerror}); expected the "
                                "wrapper of the search worker's language file") from None
    out: list[str] = []
    for number, line in enumerate(wrapper.splitlines(), start=1):
        match = _DIRECTIVE.match(line)
        if match is None:
            out.append(line)
            continue
        indent, kind, name = match.group("indent", "kind", "name")
        path = folder / name
        if kind == "data":
            words = json.dumps(load_words(path), ensure_ascii=False, separators=(",", ":"))
            out.append(f"{indent}var WORDS = {words}")
            continue
        if kind == "common":
            text = "\n".join(page.read_text(encoding="utf-8", errors="replace")
                             for page in sorted(docs_dir.rglob("*.md"))) if docs_dir else ""
            common = json.dumps(words_near(load_common_words(path), text), separators=(",", ":"))
            out.append(f"{indent}var COMMON_WORDS = {common}")
            continue
        try:
            part = path.read_text(encoding="utf-8")
        except OSError as error:
            raise SearchSourceError(f"{folder / WRAPPER}:{number}: includes {name}, which cannot be read "
                                    f"({error.strerror}); expected {path}") from None
        out.extend(indent + part_line if part_line.strip() else "" for part_line in part.rstrip("\n").splitlines())
    return "\n".join(out) + "\n"
