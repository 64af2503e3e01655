"""benchmarks/fresh_batch.py: a fresh batch of reader queries measured blind (totals only,
no query printed) and then split once and added to the query file as its header records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from searchtools import QUERY_FILE, Split, declared_splits, load_queries
from sitetools import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import fresh_batch  # the benchmarks folder is not a package: on sys.path above

HEADER = "query\texpected\tkind\treader\n"
# Queries of this test's own wording, none of them in the query file.
ROWS = [
    ("kartu prakerja diblokir sejak kemarin sore", "/", "state: blocked", "participant"),
    ("Kartu  Prakerja diblokir sejak kemarin sore", "/", "state: blocked", "the same, spaced and cased"),
    ("cara mengadu lewat surel untuk akun terblokir kemarin", "/pemulihan/email/", "recovery: email", "relative"),
    ("sertifikat pelatihan kok belum bisa diunduh sampai sekarang", "/masalah-lain/", "offtopic: certificate", "student"),
]


def _batch(tmp_path: Path, rows: list[tuple[str, ...]], header: str = HEADER) -> Path:
    path = tmp_path / "batch.tsv"
    path.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("header", "row", "line", "message"), [
    ("query\texpected\tkind\n", ("a", "/", "k", "r"), 1, "header ['query', 'expected', 'kind']"),
    (HEADER, ("akun diblokir", "/", "state"), 2, "3 tab-separated cells; expected 4"),
    (HEADER, ("akun diblokir", "penyebab/", "cause", "r"), 2, "expected page 'penyebab/'; expected a site path"),
    (HEADER, ("akun diblokir", "/faq/#daftar-lagi", "faq", "r"), 2, "expected page '/faq/#daftar-lagi'"),
    (HEADER, ("", "/", "state", "r"), 2, "an empty query or kind"),
])
def test_a_bad_line_of_a_batch_is_named_with_file_and_line(tmp_path: Path, header: str, row: tuple[str, ...],
                                                           line: int, message: str) -> None:
    path = _batch(tmp_path, [row], header)
    with pytest.raises(fresh_batch.BatchError) as error:
        fresh_batch.read_batch(path)
    assert str(error.value).startswith(f"{path}:{line}: {message}"), error.value


def test_queries_the_file_holds_or_the_batch_repeats_are_left_out(tmp_path: Path) -> None:
    known = load_queries()[5].text
    rows = fresh_batch.read_batch(_batch(tmp_path, [(known.upper(), "/", "state", "r"), *ROWS]))
    kept = fresh_batch.new_rows(rows)
    # The file's query (in capitals) and the same query spaced and cased otherwise are out.
    assert [row.text for row in kept] == [ROWS[0][0], ROWS[2][0], ROWS[3][0]], kept


def test_measuring_prints_totals_and_no_query(tmp_path: Path, site_dir: Path) -> None:
    batch = _batch(tmp_path, ROWS)
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fresh_batch.py"), "measure", str(batch),
                           "--site", str(site_dir)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "3 queries new to" in proc.stdout, proc.stdout
    assert "questions this guide does not cover in the top 3:" in proc.stdout and " of 1" in proc.stdout, proc.stdout
    for text, *_ in ROWS:
        assert text.lower() not in proc.stdout.lower(), f"the figure printed a query: {proc.stdout}"


def test_adding_splits_once_as_the_header_line_it_prints_says(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    query_file = tmp_path / QUERY_FILE.name
    query_file.write_text(QUERY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    number = max(split.batch for split in declared_splits()) + 1
    assert fresh_batch._add(_batch(tmp_path, ROWS), number, query_file) == 0
    added = [q for q in load_queries(query_file) if q.note.startswith(f"batch {number}:")]
    assert [q.text for q in added] == [ROWS[0][0], ROWS[2][0], ROWS[3][0]]
    assert [q.set for q in added] == Split(number, 3, number, 1).sets()
    assert [q.kind for q in added] == ["state", "recovery", "offtopic"]
    assert f"random.Random({number}).shuffle(order); the first 1 indices" in capsys.readouterr().out
    # The same batch again is refused: a batch is split once.
    with pytest.raises(SystemExit, match=f"batch {number} is there already"):
        fresh_batch._add(_batch(tmp_path, ROWS), number, query_file)
