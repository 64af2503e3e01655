"""The benchmark's synthetic articles (benchmarks/synthetic.py) are valid pages: a copy of
the project with a few of them passes the strict build, hooks included, with no warning,
and each is published in the nav. (The benchmark itself, benchmarks/bench.py, is not a test.)"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from sitetools import ROOT, build_site, copy_project, page_urls

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import add_articles


@pytest.mark.builds
def test_synthetic_articles_pass_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    paths = add_articles(project, 3)
    result = build_site(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    assert not re.search(r"\bWARNING\b", result.output), result.output
    urls = page_urls(result.site_dir)
    for path in paths:
        assert "http://127.0.0.1:8000/" + path.removesuffix(".md") + "/" in urls
    assert "sintetis" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
