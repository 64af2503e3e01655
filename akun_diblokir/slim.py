"""Slim the built site: ship only what the pages use (performance budget).

After the build, in the output directory only (the theme's files are untouched):

- source maps (`*.map`) are deleted and the `sourceMappingURL` comments that point to them
  are stripped, so no browser asks for a file that is not there;
- of the lunr language files, only those the search worker loads for the configured search
  languages stay (lunr.stemmer.support, lunr.multi and lunr.<lang> for each language; the
  segmenters of Japanese, Hindi and Thai only for those languages);
- Material's two style sheets lose the rules that can match nothing on this site: a rule is
  dropped only when a class or attribute value its selector requires appears in the markup
  of no built HTML file (the text readers see does not count) and in no shipped script
  (scripts add classes at run time, so every word of them counts as used). Custom
  properties left unused are dropped with them. The pruned sheet gets a new content-hashed
  name (`main.<hash>.min.css`), so caches never mix it up with Material's full sheet, and
  every page links to it.

- the project's own scripts (`docs/assets/javascripts/*.js`, readable in the sources) are
  minified in the built site: the complaint builder's script is on its page's first load.

The style sheet pruner is hand-written (a small brace and quote aware splitter, not a full
CSS parser) because it only needs to split minified rules and selectors, and no project
dependency does that. A sheet it cannot read (unbalanced braces) is left as it was, with a
note in the build log; no error of the splitter ends the build.

The pipeline (pipeline.py) calls these steps with the words of the pages it has read, and
renames the style sheet links in each page before it writes the page, once.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import rjsmin

_SCRIPTS = "assets/javascripts"
_LUNR_DIR = f"{_SCRIPTS}/lunr"
_STYLESHEETS = "assets/stylesheets"
# Material's own sheets (content-hashed names); the project's sheets (base.css, ...) are not pruned.
_PRUNED_SHEETS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
_SOURCE_MAP_COMMENT = re.compile(r"\n?(?://[#@] sourceMappingURL=[^\n]*|/\*[#@] sourceMappingURL=[^*]*\*/)\n?")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
# A prefix of class names a script builds at run time, e.g. `md-source__fact--${name}`.
_TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")
_DIR = re.compile(r"\sdir=[\"']?([A-Za-z]+)")


class SlimError(Exception):
    """The build did not write a file the search languages need."""


def search_languages(site: Path) -> list[str] | None:
    """The languages of the lunr search index the engine wrote (MkDocs/Material), else None."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None
    try:
        return list(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])
    except (ValueError, KeyError, TypeError):
        return None


def _needed_lunr_files(langs: list[str]) -> set[str]:
    """Files under assets/javascripts/lunr/ that Material's search worker imports."""
    needed = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    for lang in langs:
        if lang == "ja":
            needed.add("tinyseg.js")
        elif lang in ("hi", "th"):
            needed.add("wordcut.js")
        if lang != "en":
            needed.add(f"min/lunr.{lang}.min.js")
    return needed


def remove_source_maps(site: Path) -> int:
    maps = sorted(site.rglob("*.map"))
    for path in maps:
        path.unlink()
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        if "sourceMappingURL" in text:
            path.write_text(_SOURCE_MAP_COMMENT.sub("\n", text).rstrip("\n") + "\n", encoding="utf-8")
    return len(maps)


def remove_unused_lunr(site: Path, langs: list[str] | None) -> int:
    lunr = site / _LUNR_DIR
    if langs is None or not lunr.is_dir():
        return 0
    needed = _needed_lunr_files(langs)
    missing = sorted(f for f in needed - {"min/lunr.multi.min.js"} if not (lunr / f).is_file())
    if missing:
        raise SlimError(
            f"{_LUNR_DIR}/{missing[0]}:1: the search languages {langs} need "
            f"{', '.join(f'{_LUNR_DIR}/{m}' for m in missing)}, which the build did not write; "
            "expected the theme or overrides/ to provide them"
        )
    removed = 0
    for path in sorted(p for p in lunr.rglob("*") if p.is_file()):
        if path.relative_to(lunr).as_posix() not in needed:
            path.unlink()
            removed += 1
    return removed


# --- style sheets ------------------------------------------------------------------------

def used_words(text: str, *, script: bool) -> tuple[set[str], set[str], set[str]]:
    """The words of a page or script, the class prefixes a script builds, and the text
    directions a page declares (dir="..."; no script sets one).

    Of a page only its markup counts: tag and attribute names, attribute values other than
    addresses and text for people (`_PROSE_ATTRIBUTES`), and inline scripts and styles.
    The text readers see never puts a class on an element: a source named "fame.grid.id"
    must not keep the theme's `.grid` rules."""
    if script:
        return set(_WORD.findall(text)), {p for p in _TEMPLATE_PREFIX.findall(text) if len(p) > 3}, set()
    markup = _Markup()
    markup.feed(text)
    markup.close()
    return markup.words, set(), set(_DIR.findall(text))


# Attributes whose values are addresses or text for people, never class names or states.
_PROSE_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "cite", "poster", "content", "alt", "title", "placeholder",
    "aria-label", "aria-description", "aria-roledescription", "data-alamat", "download",
})


class _Markup(HTMLParser):
    """The words of a page's markup (see used_words)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: set[str] = set()
        self._raw = False  # inside <script> or <style>: their text is code

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.words.add(tag)
        for name, value in attrs:
            self.words.update(_WORD.findall(name))
            if value and name not in _PROSE_ATTRIBUTES:
                self.words.update(_WORD.findall(value))
        self._raw = tag in ("script", "style")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw = False

    def handle_endtag(self, tag: str) -> None:
        self._raw = False

    def handle_data(self, data: str) -> None:
        if self._raw:
            self.words.update(_WORD.findall(data))


def prune_stylesheets(
    site: Path, words: set[str], prefixes: Iterable[str], directions: set[str], notes: list[str]
) -> dict[str, str]:
    """Prune the theme's sheets; returns {old link path: new link path} for the pages."""
    folder = site / _STYLESHEETS
    sheets = sorted(p for p in folder.glob("*.css") if _PRUNED_SHEETS.match(p.name)) if folder.is_dir() else []
    if not sheets:
        return {}
    prefixes = tuple(sorted(prefixes))

    def used(token: str, attribute: str = "") -> bool:
        if attribute == "dir":  # [dir=rtl] rules only for pages written right to left
            return token in directions
        return token in words or token.startswith(prefixes)

    # Custom properties still referenced anywhere else (other sheets, pages, scripts).
    others = [p.read_text(encoding="utf-8") for p in folder.glob("*.css") if p not in sheets]
    pruned_texts: dict[Path, str] = {}
    for path in sheets:
        try:
            pruned_texts[path] = _prune_css(path.read_text(encoding="utf-8"), used)
        except ValueError as error:  # a sheet the splitter cannot read is shipped as it was
            others.append(path.read_text(encoding="utf-8"))  # its custom properties stay referenced
            notes.append(f"{_STYLESHEETS}/{path.name}: left unpruned ({error})")
    pruned_texts = _drop_unused_custom_properties(pruned_texts, others, words)

    renamed: dict[str, str] = {}
    for path, text in pruned_texts.items():
        stem = path.name.split(".")[0]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        new = path.with_name(f"{stem}.{digest}.min.css")
        before = path.stat().st_size
        path.unlink()
        new.write_text(text, encoding="utf-8")
        renamed[f"{_STYLESHEETS}/{path.name}"] = f"{_STYLESHEETS}/{new.name}"
        notes.append(f"{_STYLESHEETS}/{path.name} -> {new.name} ({before // 1024} -> {len(text.encode()) // 1024} KiB)")
    return renamed


def _split_top(text: str, separators: str) -> Iterable[tuple[str, str]]:
    """Split `text` at top-level characters in `separators` (outside strings, comments,
    parentheses and brackets); yields (chunk, separator) pairs, the last with ''."""
    depth = 0
    quote = ""
    start = i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 1
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and c in separators:
            yield text[start:i], c
            start = i + 1
        i += 1
    yield text[start:], ""


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level statements of a sheet: (prelude, block body) or (statement, None)."""
    out: list[tuple[str, str | None]] = []
    prelude = ""
    level = 0
    body: list[str] = []
    for chunk, sep in _split_top(css, "{};"):
        if level == 0:
            if sep == "{":
                prelude, level, body = chunk, 1, []
            elif sep == ";" or (sep == "" and chunk.strip()):
                out.append((chunk.strip() + (";" if sep else ""), None))
            elif sep == "}":
                raise ValueError("unbalanced '}'")
        else:
            body.append(chunk)
            if sep == "{":
                level += 1
                body.append("{")
            elif sep == "}":
                level -= 1
                if level == 0:
                    out.append((prelude.strip(), "".join(body)))
                else:
                    body.append("}")
            elif sep == ";":
                body.append(";")
    if level:
        raise ValueError("unbalanced '{'")
    return out


_GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container", "@document", "@-moz-document")
_FUNCTIONAL = re.compile(r":(not|is|where|has|matches|-webkit-any|-moz-any)\($")


def _prune_css(css: str, used) -> str:
    """The sheet without rules that can match nothing; ValueError if it cannot be read."""
    return _prune_blocks(_blocks(css), used)


def _prune_blocks(blocks: list[tuple[str, str | None]], used) -> str:
    out: list[str] = []
    for prelude, body in blocks:
        if body is None:
            out.append(prelude)
        elif prelude.startswith(_GROUPING_AT_RULES):
            inner = _prune_blocks(_blocks(body), used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):  # @font-face, @keyframes, @page, ...: kept as they are
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s, _ in _split_top(prelude, ",") if _selector_can_match(s, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def _selector_can_match(selector: str, used) -> bool:
    """False only when the selector requires a class, id or attribute value that no page or
    script contains. :not(...) requires nothing; :is(...) and its kin require one branch."""
    rest: list[str] = []
    i = 0
    while i < len(selector):
        c = selector[i]
        if c == "(":
            # Find the matching parenthesis; the function name decides how it counts.
            depth, j = 1, i + 1
            while j < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[j], 0)
                j += 1
            inner = selector[i + 1 : j - 1]
            match = _FUNCTIONAL.search(selector[: i + 1])
            if match and match.group(1) != "not":
                if not any(_selector_can_match(s, used) for s, _ in _split_top(inner, ",")):
                    return False
            rest.append(" ")
            i = j
        elif c == "[":
            j = selector.find("]", i)
            j = len(selector) if j < 0 else j
            attribute = selector[i + 1 : j]
            name, eq, value = attribute.partition("=")
            value = value.strip().strip("\"'")
            exact = eq and not name.endswith(("*", "^", "$", "|", "~"))
            if exact and _WORD.fullmatch(value) and not used(value, name.strip().lower()):
                return False
            rest.append(" ")
            i = j + 1
        elif c == "\\":  # escaped character in an identifier: keep the selector
            return True
        else:
            rest.append(c)
            i += 1
    flat = "".join(rest)
    return all(used(name) for name in re.findall(r"[.#](-?[A-Za-z_][\w-]*)", flat))


_CUSTOM_PROPERTY = re.compile(r"^\s*(--[\w-]+)\s*:")


def _drop_unused_custom_properties(texts: dict[Path, str], others: list[str], words: set[str]) -> dict[Path, str]:
    """Drop `--name: ...` declarations that nothing references, until none is left."""
    while True:
        corpus = "\n".join([*texts.values(), *others])
        counts: dict[str, int] = {}
        for name in re.findall(r"--[\w-]+", corpus):
            counts[name] = counts.get(name, 0) + 1
        declared: dict[str, int] = {}
        for name in re.findall(r"[{;]\s*(--[\w-]+)\s*:", corpus):
            declared[name] = declared.get(name, 0) + 1
        # Referenced = mentioned more often than declared, or named by a page or script.
        unused = {
            name for name, n in declared.items()
            if counts.get(name, 0) <= n and name.lstrip("-") not in words and name not in words
        }
        pruned = {path: _without_declarations(text, unused) for path, text in texts.items()}
        # Done when nothing changes: `others` may declare an unused property too (base.css
        # repeats the dark palette's variables), and those declarations stay.
        if pruned == texts:
            return texts
        texts = pruned


def _without_declarations(css: str, names: set[str]) -> str:
    out: list[str] = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith(_GROUPING_AT_RULES):
            out.append(f"{prelude}{{{_without_declarations(body, names)}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            decls = [
                d for d, _ in _split_top(body, ";")
                if d.strip() and not ((m := _CUSTOM_PROPERTY.match(d)) and m.group(1) in names)
            ]
            if decls:
                out.append(f"{prelude}{{{';'.join(decls)}}}")
    return "".join(out)


_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^")
_REGEX_KEYWORDS = ("return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await", "delete")


def _template_literals(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each outermost template literal of a script, or None where the scan
    loses its way (an unclosed string, comment or template). Written by hand: rjsmin reads a
    template literal written inside another one's ${...} as code and squeezes its spaces
    ("- ${a}" became "-${a}" in the complaint builder's email), and no project dependency
    parses modern JavaScript; a regex literal is told from a division by what precedes it."""
    spans: list[tuple[int, int]] = []
    depth: list[int] = []  # per open template: the brace depth of its current ${...}, or -1 in its text
    start = i = 0
    n = len(text)
    previous = ""  # the last code character before i, for regex literals
    while i < n:
        c = text[i]
        if depth and depth[-1] == -1:  # inside a template's text
            if c == "\\":
                i += 2
                continue
            if c == "`":
                depth.pop()
                if not depth:
                    spans.append((start, i + 1))
                else:
                    depth[-1] = 0
                i += 1
                previous = "`"
                continue
            if text.startswith("${", i):
                depth[-1] = 0
                i += 2
                previous = "{"
                continue
            i += 1
            continue
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i == -1 else i
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end == -1:
                return None
            i = end + 2
            continue
        if c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == "\n":
                    return None
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                return None
            i, previous = j + 1, c
            continue
        if c == "/" and (previous in _REGEX_AFTER or not previous or
                         re.search(r"(?:^|[^\w$])(?:" + "|".join(_REGEX_KEYWORDS) + r")\s*$", text[max(0, i - 12):i])):
            j, in_class = i + 1, False
            while j < n and (in_class or text[j] != "/"):
                if text[j] == "\n":
                    return None
                if text[j] == "\\":
                    j += 1
                elif text[j] == "[":
                    in_class = True
                elif text[j] == "]":
                    in_class = False
                j += 1
            i, previous = j + 1, "/"
            continue
        if c == "`":
            if not depth:
                start = i
            depth.append(-1)
            i += 1
            continue
        if depth and c == "{":
            depth[-1] += 1
        elif depth and c == "}":
            if depth[-1] == 0:
                depth[-1] = -1  # back in the template's text
                i += 1
                continue
            depth[-1] -= 1
        if not c.isspace():
            previous = c
        i += 1
    return None if depth else spans


def minify_script(text: str) -> str | None:
    """A script minified by rjsmin with its template literals kept as written, or None when
    it cannot be done safely (the scan loses its way, or rjsmin moved a placeholder)."""
    spans = _template_literals(text)
    if spans is None:
        return None
    marks = [f'"__kb_template_{n}__"' for n in range(len(spans))]
    guarded, last = [], 0
    for (a, b), mark in zip(spans, marks, strict=True):
        guarded += [text[last:a], mark]
        last = b
    small = rjsmin.jsmin("".join(guarded) + text[last:])
    for (a, b), mark in zip(spans, marks, strict=True):
        if small.count(mark) != 1:
            return None
        small = small.replace(mark, text[a:b])
    return small.strip() + "\n"


def minify_own_scripts(site: Path, docs_dir: Path, notes: list[str]) -> None:
    """The built copies of the project's own scripts (the `.js` files of docs/assets/javascripts,
    kept readable there for review), minified in place, their template literals as written
    (minify_script). Minifying a minified script changes nothing, so finishing a finished site
    writes no byte. A script that cannot be minified safely is shipped as it is, with a note."""
    saved = 0
    for source in sorted((docs_dir / _SCRIPTS).glob("*.js")):
        built = site / _SCRIPTS / source.name
        if not built.is_file():
            continue
        text = built.read_text(encoding="utf-8")
        small = minify_script(text)
        if small is None:
            notes.append(f"{source.name}: left unminified (its strings could not be told apart safely)")
            continue
        if small != text:
            built.write_text(small, encoding="utf-8")
            saved += len(text.encode()) - len(small.encode())
    if saved:
        notes.append(f"minified the project's scripts ({saved // 1024} KiB less)")


def bundle_own_stylesheets(site: Path, extra_css: list[str], pages: dict[str, str], notes: list[str]) -> dict[str, str]:
    """The project's own style sheets (`extra_css`, split by component in docs/ for review)
    shipped as one file, `site.<hash>.min.css`, in their order: every sheet a page links
    blocks its first paint, and six small ones cost more round trips than one. Each page's
    links to them become one link to the bundle; the component files are removed. A finished
    site has no component file left, so bundling again changes nothing. Returns the pages."""
    folder = site / _STYLESHEETS
    parts: list[tuple[str, Path]] = []
    for entry in map(str, extra_css):
        if not entry.startswith(_STYLESHEETS + "/"):
            continue
        name = Path(entry).name
        # the minify plugin ships <name>.min.css; an engine without it ships <name>.css
        for candidate in (folder / f"{name.removesuffix('.css')}.min.css", folder / name):
            if candidate.is_file():
                parts.append((candidate.name, candidate))
                break
    if not parts:
        return pages
    text = "\n".join(path.read_text(encoding="utf-8").strip() for _, path in parts) + "\n"
    bundle = f"site.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.css"
    names = "|".join(re.escape(name) for name, _ in parts)
    link = re.compile(r'<link rel="?stylesheet"? href="?((?:\.\./)*|/?[^" >]*?/)?' + re.escape(_STYLESHEETS)
                      + r"/(?:" + names + r')"?\s*/?>\s*')
    out: dict[str, str] = {}
    for rel, html in pages.items():
        found = list(link.finditer(html))
        if found:
            prefix = found[0].group(1) or ""
            first = f'<link rel="stylesheet" href="{prefix}{_STYLESHEETS}/{bundle}">'
            html = html[: found[0].start()] + first + link.sub("", html[found[0].start():])
        out[rel] = html
    (folder / bundle).write_text(text, encoding="utf-8")
    for _, path in parts:
        path.unlink()
    notes.append(f"{len(parts)} project style sheets -> {_STYLESHEETS}/{bundle} ({len(text.encode()) // 1024} KiB)")
    return out

