"""The two verbs over a built site, and the source checks every entry point shares:
`finish` is idempotent, `audit` only reads and names the file, line and expected value."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sitetools import ROOT, VENV_BIN, LoopbackServer, copy_project

FORMAT = re.compile(r"^ERROR   -  \S+:\d+: \S.*; \S.*$")


def verb(*args: str, cwd: Path = ROOT, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SITE_URL=site_url)
    return subprocess.run([str(VENV_BIN / "python"), "-m", "akun_diblokir", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def site_copy(site: LoopbackServer, site_dir: Path, tmp_path: Path) -> tuple[Path, str]:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    return copy, site.url


def test_finishing_a_finished_site_changes_no_byte(site_copy: tuple[Path, str]) -> None:
    copy, url = site_copy
    before = digest(copy)
    result = verb("finish", str(copy), site_url=url)
    assert result.returncode == 0, result.stderr
    assert digest(copy) == before, [k for k, v in digest(copy).items() if before.get(k) != v]


def test_audit_passes_the_built_site_and_writes_nothing(site_copy: tuple[Path, str]) -> None:
    copy, url = site_copy
    before = digest(copy)
    result = verb("audit", str(copy), site_url=url)
    assert result.returncode == 0, result.stderr
    assert digest(copy) == before


def test_audit_names_the_page_whose_call_centre_number_was_changed(site_copy: tuple[Path, str]) -> None:
    copy, url = site_copy
    page = copy / "pemulihan" / "call-center" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "0800-150-3001" in text
    page.write_text(text.replace("0800-150-3001", "0800-150-3009", 1), encoding="utf-8")
    result = verb("audit", str(copy), site_url=url)
    assert result.returncode == 1, result.stderr
    errors = [e for e in result.stderr.splitlines() if e.startswith("ERROR")]
    assert errors and all(FORMAT.match(e) for e in errors), result.stderr
    named = re.compile(r"pemulihan/call-center/index\.html:\d+: phone number '0800-150-3009'.*; .*0800-150-3001")
    assert any(named.search(e) for e in errors), result.stderr


def test_audit_refuses_a_site_that_was_not_finished(site_copy: tuple[Path, str]) -> None:
    copy, url = site_copy
    (copy / "_headers").unlink()
    result = verb("audit", str(copy), site_url=url)
    assert result.returncode == 1
    assert "_headers:1: no Content-Security-Policy in _headers; expected" in result.stderr, result.stderr
    result = verb("audit", str(copy / "nothing-here"), site_url=url)
    assert result.returncode == 1 and "no index.html; expected a built site folder" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.builds
@pytest.mark.parametrize(("page", "change", "expected"), [
    ("docs/penyebab/data-palsu.md", lambda t: t.replace("## Sumber {#sumber}\n", ""),
     "no line '## Sumber {#sumber}'; expected it as the page's last heading"),
    ("docs/faq.md", lambda t: t.replace("## Sumber {#sumber}\n", "## Sumber {#sumber}\n\nCatatan.\n"),
     "text after '## Sumber {#sumber}'; expected nothing after it"),
    ("docs/penyebab/data-palsu.md", lambda t: re.sub(r"^(# .*\n)\n", r"\1\n## Langsung judul\n\n", t, count=1, flags=re.M),
     "the H1 is not followed by a paragraph; expected the answer in one paragraph right after the H1"),
    ("docs/tentang.md", lambda t: t.replace("## Sumber {#sumber}", '<div id="kit-webinar-tautan"></div>\n\n## Sumber {#sumber}'),
     "the marker <div id=\"kit-webinar-tautan\"></div> is on"),
], ids=["no-sumber", "text-after-sumber", "no-first-paragraph", "kit-marker-twice"])
def test_check_names_what_every_engine_needs_from_a_page(tmp_path: Path, page: str, change, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    path = project / page
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = verb("--config", str(project / "mkdocs.yml"), "check", cwd=project)
    assert result.returncode == 1, result.stderr
    errors = [e for e in result.stderr.splitlines() if e.startswith("ERROR")]
    assert len(errors) == 1 and FORMAT.match(errors[0]), result.stderr
    assert expected in errors[0] and "Traceback" not in result.stderr, result.stderr
