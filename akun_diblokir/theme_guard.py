"""No silent breakage on a theme update: the overrides that depend on Material's internals
are checked against them, and a change fails the build naming the internal.

- `overrides/partials/search.html` is Material's partial with one attribute added (the
  search dialog's aria-label): it must equal the installed theme's partial plus that.
- `overrides/main.html` makes the bundle's `<script src=` tag inert and
  `overrides/partials/lazy-scripts.html` loads it later: every built page must have the
  bundle's tag inert, and the bundle must still start on DOMContentLoaded, create its search
  worker with `new Worker` and fetch search_index.json with XMLHttpRequest (what the loader wraps).
- the palette script of `overrides/main.html` reads Material's `__md_get` and the palette
  inputs (`name="__palette"`, `data-md-color-media`): every page must still have them.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from pathlib import Path

from akun_diblokir.problems import Problem, line_at, shown_path

SEARCH_PARTIAL = "partials/search.html"
SEARCH_CHANGE = ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">')
_LEADING_COMMENT = re.compile(r"^\s*\{#-?.*?-?#\}\s*", re.S)
_BUNDLE_TAG = re.compile(r"<script\b[^>]*?\bsrc=\"?[^\"\s>]*assets/javascripts/bundle\.[^\"\s>]*\"?[^>]*>")
_INERT = re.compile(r"\btype=\"?text/plain\b")
_PALETTE_INPUT = re.compile(r"<input\b(?=[^>]*\bname=\"?__palette\b)(?=[^>]*\bdata-md-color-media=)")
# What the loader in lazy-scripts.html relies on in Material's bundle.
BUNDLE_NEEDS = {
    "DOMContentLoaded": "the bundle starts on DOMContentLoaded, which the loader replays",
    "new Worker": "the bundle creates its search worker with new Worker, which the loader wraps",
    "XMLHttpRequest": "the bundle fetches the search index with XMLHttpRequest, which the loader holds back",
    "search_index.json": "the search index is search/search_index.json, the address the loader holds back",
}


def material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "templates"
    return path if path.is_dir() else None


def material_version() -> str:
    try:
        return importlib.metadata.version("mkdocs-material")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _line_of(path: Path, needle: str) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return 1
    index = text.find(needle)
    return line_at(text, index) if index >= 0 else 1


# The copied partial holds one branch per engine: Zensical's partial, then Material's.
_ENGINE_BRANCHES = re.compile(
    r'^\{% if generator is defined and "zensical" in generator %\}\n(.*?)\n\{% else %\}\n(.*)\n\{% endif %\}$', re.S)
_BRANCHES_EXPECTED = ("expected {% if generator is defined and \"zensical\" in generator %} Zensical's partial "
                      "{% else %} Material's partial {% endif %}")


def zensical_templates() -> Path | None:
    try:
        import zensical  # the successor engine, installed with the test group
    except ImportError:
        return None
    folder = Path(zensical.__file__).resolve().parent / "templates"
    return folder if folder.is_dir() else None


def _partial_lines(path: Path) -> list[str]:
    return _LEADING_COMMENT.sub("", path.read_text(encoding="utf-8")).strip().splitlines()


def check_copied_partials(theme_dir: Path | None, root: Path, templates: Path | None = None) -> list[Problem]:
    """overrides/partials/search.html against the installed engines' partials: its Material
    branch is Material's partial with the dialog's aria-label, its Zensical branch is
    Zensical's partial as it is."""
    templates = templates or material_templates()
    if theme_dir is None or templates is None:
        return []
    copy = theme_dir / SEARCH_PARTIAL
    original = templates / SEARCH_PARTIAL
    if not copy.is_file():
        return []
    shown = shown_path(copy, root)
    if not original.is_file():
        return [Problem(shown, 1, f"Material {material_version()} has no {SEARCH_PARTIAL} any more",
                        "expected the copy to follow Material's partial: remove the copy or port its change")]
    branches = _ENGINE_BRANCHES.match(_LEADING_COMMENT.sub("", copy.read_text(encoding="utf-8")).strip())
    if branches is None:
        return [Problem(shown, 1, "the copy is not one branch per engine", _BRANCHES_EXPECTED)]
    theirs = _LEADING_COMMENT.sub("", original.read_text(encoding="utf-8")).strip().replace(*SEARCH_CHANGE, 1).splitlines()
    zensical = zensical_templates()
    lines = copy.read_text(encoding="utf-8").splitlines()
    problems = []
    starts = {"zensical": lines.index(next(line for line in lines if line.startswith("{% if generator"))) + 1,
              "material": lines.index("{% else %}") + 1}  # the first line of each branch (0-based)
    for ours, expected, engine, name, start in (
        (branches.group(2).strip().splitlines(), theirs, "Material",
         f"Material's partial (mkdocs-material {material_version()}) with only aria-label added", starts["material"]),
        (branches.group(1).strip().splitlines(), _partial_lines(zensical / SEARCH_PARTIAL) if zensical else None,
         "Zensical", "Zensical's partial as it is", starts["zensical"]),
    ):
        if expected is None or ours == expected:
            continue
        differs = next((i for i, (a, b) in enumerate(zip(ours, expected, strict=False)) if a != b), min(len(ours), len(expected)))
        offset = start
        problems.append(Problem(shown, offset + differs + 1, f"the copy differs from {engine}'s {SEARCH_PARTIAL}",
                                f"expected {name}: copy it from the installed engine again"))
    return problems


def check_page(text: str, *, page: str, theme_dir: Path | None, root: Path) -> list[Problem]:
    """A built page still has what overrides/main.html relies on (`page` names it)."""
    problems: list[Problem] = []
    main = theme_dir / "main.html" if theme_dir else None
    if main is None or not main.is_file():
        return problems
    shown = shown_path(main, root)
    for tag in _BUNDLE_TAG.findall(text):
        if not _INERT.search(tag):
            problems.append(Problem(
                shown, _line_of(main, "replace('<script src='"),
                f"Material's scripts block now writes the bundle as {tag[:90]!r} in {page}, which the "
                "replace() of the lazy loader no longer makes inert (the bundle loads before the page paints)",
                "expected <script type=\"text/plain\" data-after-load data-src=...>: adapt overrides/main.html "
                "and overrides/partials/lazy-scripts.html to Material's new tag",
            ))
    if "__md_get(\"__palette\")" in text:
        if "__md_get=" not in text:
            problems.append(Problem(shown, _line_of(main, "__md_get"),
                                    f"Material's __md_get helper is no longer in {page}",
                                    "expected it before the palette script of overrides/main.html: adapt the script"))
        if "__palette" in text and "md-option" in text and not _PALETTE_INPUT.search(text):
            problems.append(Problem(shown, _line_of(main, "data-md-color-media"),
                                    f"Material's palette inputs in {page} have no name=__palette with data-md-color-media",
                                    "expected them for the palette script of overrides/main.html: adapt the script"))
    return problems


def check_bundle(site: Path, *, theme_dir: Path | None, root: Path) -> list[Problem]:
    """Material's bundle still does what overrides/partials/lazy-scripts.html wraps."""
    loader = theme_dir / "partials" / "lazy-scripts.html" if theme_dir else None
    if loader is None or not loader.is_file():
        return []
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.js"))
    if not bundles:
        return []
    text = bundles[0].read_text(encoding="utf-8", errors="replace")
    shown = shown_path(loader, root)
    problems = [
        Problem(shown, _line_of(loader, needle.split()[-1]), f"{bundles[0].name} no longer contains {needle!r}",
                f"expected: {why}; adapt the loader to Material {material_version()}")
        for needle, why in BUNDLE_NEEDS.items()
        # Zensical's index is search.json: there the loader holds nothing back (README, Portability).
        if needle not in text and (needle != "search_index.json" or (site / "search" / "search_index.json").is_file())
    ]
    if not list((site / "assets" / "javascripts" / "workers").glob("search.*.js")):
        problems.append(Problem(shown, _line_of(loader, "SEARCH_WORKER"), "the site has no assets/javascripts/workers/search.*.js",
                                "expected Material's search worker there, the address the loader wraps"))
    return problems
