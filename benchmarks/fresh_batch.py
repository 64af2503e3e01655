"""A fresh batch of reader queries, measured blind and then added to the query file.

A fresh batch is written by someone who never saw the pages, the search code or
tests/data/search-queries.tsv (decisions/search.md), as a tab-separated file with the header
`query  expected  kind  reader`. Its figure counts only if it is taken before any tuning on
it and before any of its queries is read, so the two steps are apart:

  .venv/bin/python benchmarks/fresh_batch.py measure BATCH.tsv [--site DIR]
      builds the site (or asks DIR), and prints totals only: how many queries are new to
      the query file, top 1, top 3, and the questions this guide does not cover in the
      top 3. No query is printed.
  .venv/bin/python benchmarks/fresh_batch.py add BATCH.tsv --number N
      splits the new queries ONCE with random.Random(N) (the first half of the shuffled
      order "tuning", the rest "test"), appends them to the query file with notes
      "batch N: <kind>; <reader>", and prints the header line that records the split (the
      tests read it back, so it must be pasted into the file's header).

A bad line of the batch is named with its file and line; nothing is appended then.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from searchtools import QUERY_FILE, TOP, NodeMissing, Split, built_copy, load_queries, worker_answers

BATCH_COLUMNS = ["query", "expected", "kind", "reader"]
OTHER_PROBLEMS = "masalah-lain/"


class BatchError(ValueError):
    """A line of a batch file that cannot be used, as `path:line: found; expected`."""


@dataclass(frozen=True)
class Row:
    text: str
    expected: str  # site path without its leading "/" ("" is the home page)
    kind: str
    reader: str


def read_batch(path: Path) -> list[Row]:
    """The rows of a batch file, in order; raises BatchError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BatchError(f"{path}:1: cannot read it ({error}); expected a UTF-8 tab-separated file") from None
    rows: list[Row] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if number == 1:
            if cells != BATCH_COLUMNS:
                raise BatchError(f"{path}:1: header {cells}; expected {BATCH_COLUMNS}")
            continue
        if len(cells) != len(BATCH_COLUMNS):
            raise BatchError(f"{path}:{number}: {len(cells)} tab-separated cells; expected {len(BATCH_COLUMNS)} "
                             f"({', '.join(BATCH_COLUMNS)})")
        text, expected, kind, reader = cells
        if not text or not kind:
            raise BatchError(f"{path}:{number}: an empty query or kind; expected what a reader types and its kind")
        if not expected.startswith("/") or not expected.endswith("/") or "#" in expected:
            raise BatchError(f"{path}:{number}: expected page {expected!r}; expected a site path such as /penyebab/")
        rows.append(Row(" ".join(text.split()), expected.removeprefix("/"), kind, reader))
    if not lines:
        raise BatchError(f"{path}:1: an empty file; expected the header {BATCH_COLUMNS} and queries")
    return rows


def new_rows(rows: list[Row], query_file: Path = QUERY_FILE) -> list[Row]:
    """The rows whose query (case and spacing aside) is neither in the query file nor
    earlier in the batch."""
    seen = {" ".join(q.text.split()).casefold() for q in load_queries(query_file)}
    kept = []
    for row in rows:
        key = row.text.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def totals(rows: list[Row], answers: dict[str, dict]) -> dict[str, int]:
    """Counts only: queries, first, top 3, and the same for the questions this guide does
    not cover."""
    out = dict.fromkeys(("queries", "first", "top3", "other", "other_top3"), 0)
    for row in rows:
        pages = answers[row.text]["pages"]
        out["queries"] += 1
        out["first"] += pages[:1] == [row.expected]
        out["top3"] += row.expected in pages[:TOP]
        if row.expected == OTHER_PROBLEMS:
            out["other"] += 1
            out["other_top3"] += row.expected in pages[:TOP]
    return out


def _measure(batch: Path, site: Path | None) -> int:
    rows = new_rows(read_batch(batch))
    if not rows:
        sys.exit(f"{batch}: no query that the query file does not hold already")
    with tempfile.TemporaryDirectory() as tmp_name:
        if site is None:
            site = built_copy(Path(tmp_name))
        if not (site / "search" / "search_index.json").is_file():
            sys.exit(f"{site}: no search/search_index.json; expected a built site")
        try:
            figures = totals(rows, worker_answers(site, [row.text for row in rows]))
        except NodeMissing as error:
            sys.exit(str(error))
    n = figures["queries"]
    print(f"{batch}: {n} queries new to {QUERY_FILE.name}")
    print(f"top 1 {100 * figures['first'] / n:.1f} % ({figures['first']} of {n}), "
          f"top {TOP} {100 * figures['top3'] / n:.1f} % ({figures['top3']} of {n})")
    print(f"questions this guide does not cover in the top {TOP}: {figures['other_top3']} of {figures['other']}")
    return 0


def _add(batch: Path, number: int, query_file: Path = QUERY_FILE) -> int:
    existing = load_queries(query_file)
    if any(q.note.startswith(f"batch {number}:") for q in existing):
        sys.exit(f"{query_file}: batch {number} is there already; expected a new batch number")
    rows = new_rows(read_batch(batch), query_file)
    if not rows:
        sys.exit(f"{batch}: no query that the query file does not hold already")
    # The seed is the batch's number; the tuning half the smaller one, as for batches 9 on.
    sets = Split(number, len(rows), number, len(rows) // 2).sets()
    lines = []
    for row, set_ in zip(rows, sets, strict=True):
        kind = "offtopic" if row.expected == OTHER_PROBLEMS else row.kind.split(":")[0].strip().lower().replace(" ", "-")
        lines.append("\t".join([row.text, "/" + row.expected, kind, set_, f"batch {number}: {row.kind}; {row.reader}"]))
    text = query_file.read_text(encoding="utf-8")
    query_file.write_text(text + ("" if text.endswith("\n") else "\n") + "\n".join(lines) + "\n", encoding="utf-8")
    tuning = sets.count("tuning")
    print(f"{len(rows)} queries appended to {query_file.name}, {tuning} tuning, {len(rows) - tuning} test.")
    print("Record the split in the file's header (the tests read it back), e.g.:")
    print(f"#   order = list(range({len(rows)})); random.Random({number}).shuffle(order); the first "
          f"{tuning} indices are \"tuning\", the other {len(rows) - tuning} \"test\".")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    measure = sub.add_parser("measure", help="totals only, before any of its queries is read")
    measure.add_argument("batch", type=Path)
    measure.add_argument("--site", type=Path, help="a built site to ask instead of building one")
    add = sub.add_parser("add", help="split once and append to the query file")
    add.add_argument("batch", type=Path)
    add.add_argument("--number", type=int, required=True, help="the batch's number, also the split's seed")
    args = parser.parse_args()
    try:
        return _measure(args.batch, args.site) if args.command == "measure" else _add(args.batch, args.number)
    except BatchError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    sys.exit(main())
