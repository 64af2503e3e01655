"""No silent breakage on a theme update (akun_diblokir/theme_guard.py): a change in one of
Material's internals that an override relies on fails the build, naming the internal."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sitetools import ROOT, build_site, copy_project

from akun_diblokir import slim, theme_guard


def test_the_copied_search_partial_is_materials_plus_the_aria_label() -> None:
    assert theme_guard.check_copied_partials(ROOT / "overrides", ROOT) == []


def test_a_changed_material_partial_is_named_with_the_line(tmp_path: Path) -> None:
    # Simulate a Material update: its partial gains a line the copy does not have.
    templates = tmp_path / "templates"
    shutil.copytree(theme_guard.material_templates() / "partials", templates / "partials")
    original = templates / "partials" / "search.html"
    lines = original.read_text(encoding="utf-8").splitlines()
    form = next(i for i, line in enumerate(lines) if "<form" in line)
    lines.insert(form, '    <div class="md-search__new"></div>')
    original.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = theme_guard.check_copied_partials(ROOT / "overrides", ROOT, templates)
    copy_lines = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8").splitlines()
    expected_line = next(i for i, line in enumerate(copy_lines, 1) if "<form" in line)
    assert [str(p).split(": ", 1)[0] for p in problems] == [f"overrides/partials/search.html:{expected_line}"], problems
    assert "differs from Material's partials/search.html" in problems[0].found, problems


def test_a_bundle_that_no_longer_does_what_the_loader_wraps_is_named(tmp_path: Path) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    (scripts / "workers").mkdir(parents=True)
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text("{}", encoding="utf-8")  # Material's index
    (scripts / "bundle.0123abcd.min.js").write_text(
        'document.addEventListener("DOMContentLoaded",x);new Worker(u);new XMLHttpRequest', encoding="utf-8")
    problems = theme_guard.check_bundle(tmp_path, theme_dir=ROOT / "overrides", root=ROOT)
    found = [p.found for p in problems]
    assert found == [
        "bundle.0123abcd.min.js no longer contains 'search_index.json'",
        "the site has no assets/javascripts/workers/search.*.js",
    ], problems
    assert all(p.file == "overrides/partials/lazy-scripts.html" and p.line > 1 for p in problems), problems


@pytest.mark.builds
def test_changed_theme_internals_fail_the_build_naming_them(tmp_path: Path) -> None:
    """One build of a copy with two simulated theme changes: the copied partial edited, and
    the bundle's script tag written differently (as a Material update could)."""
    project = copy_project(tmp_path / "project")
    partial = project / "overrides" / "partials" / "search.html"
    text = partial.read_text(encoding="utf-8")
    partial.write_text(text.replace('class="md-search__overlay"', 'class="md-search__overlay md-search__baru"', 1),
                       encoding="utf-8")
    main = project / "overrides" / "main.html"
    main_text = main.read_text(encoding="utf-8")
    assert "super() | replace('<script src='" in main_text
    # Material writing `<script defer src=` instead: the override's replace() no longer matches.
    main.write_text(main_text.replace("{{ super() | replace(", "{{ super() | replace('<script src=', '<script defer src=') | replace(", 1),
                    encoding="utf-8")
    result = build_site(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    out = result.output
    partial_line = next(i for i, line in enumerate(partial.read_text(encoding="utf-8").splitlines(), 1)
                        if "md-search__baru" in line)
    assert f"overrides/partials/search.html:{partial_line}: the copy differs from Material's partials/search.html" in out, out
    main_line = next(i for i, line in enumerate(main_text.splitlines(), 1) if "replace('<script src='" in line)
    assert re.search(rf"overrides/main\.html:{main_line}: Material's scripts block now writes the bundle as "
                     r"'<script defer src=", out), out
    assert "Traceback" not in out, out


def test_a_style_sheet_the_pruner_cannot_read_ships_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    broken = ".md-a{color:red}}.md-b{color:blue}"  # one '}' too many
    (folder / "main.0123abcd.min.css").write_text(broken, encoding="utf-8")
    (folder / "palette.0123abcd.min.css").write_text(".md-a{color:red}.md-unused{color:blue}", encoding="utf-8")
    # A sheet that is not pruned declaring a property nothing uses (base.css repeats some).
    (folder / "base.css").write_text(":root{--md-nothing:1}", encoding="utf-8")
    notes: list[str] = []
    renamed = slim.prune_stylesheets(tmp_path, {"md-a"}, (), set(), notes)
    assert (folder / "main.0123abcd.min.css").read_text(encoding="utf-8") == broken
    assert "assets/stylesheets/main.0123abcd.min.css" not in renamed
    assert any("main.0123abcd.min.css: left unpruned (unbalanced '}')" in n for n in notes), notes
    new = renamed["assets/stylesheets/palette.0123abcd.min.css"]
    assert (tmp_path / new).read_text(encoding="utf-8") == ".md-a{color:red}"


def test_a_changed_zensical_partial_is_named_with_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The copy's Zensical branch follows Zensical's own partial: simulate a Zensical update.
    installed = theme_guard.zensical_templates()
    assert installed is not None, "Zensical is installed with the test group"
    templates = tmp_path / "zensical"
    shutil.copytree(installed / "partials", templates / "partials")
    original = templates / "partials" / "search.html"
    original.write_text(original.read_text(encoding="utf-8").replace('type="button"', 'type="button" data-new'),
                        encoding="utf-8")
    monkeypatch.setattr(theme_guard, "zensical_templates", lambda: templates)
    problems = theme_guard.check_copied_partials(ROOT / "overrides", ROOT)
    copy_lines = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8").splitlines()
    expected_line = next(i for i, line in enumerate(copy_lines, 1) if 'class="md-search__button"' in line)
    assert [str(p).split(": ", 1)[0] for p in problems] == [f"overrides/partials/search.html:{expected_line}"], problems
    assert "differs from Zensical's partials/search.html" in problems[0].found, problems
