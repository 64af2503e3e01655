"""`python -m akun_diblokir VERB`: the project's checks and post-build steps, for any engine.

    check            the sources alone (mkdocs.yml, docs/): no build needed
    finish SITE_DIR  the post-build steps on a built site; idempotent
    audit SITE_DIR   every check on a built or deployed site; read-only

Each problem is one line, `path:line: found; expected`; the exit status is 1 if there is any.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from akun_diblokir import pipeline, sources
from akun_diblokir.problems import Problem
from akun_diblokir.project import Project


def _report(problems: list[Problem]) -> int:
    for problem in problems:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    if problems:
        print(f"Aborted: {len(problems)} problem(s); each line names the file and line to fix.", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akun_diblokir", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the project's mkdocs.yml")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"), help="default: SITE_URL, else mkdocs.yml")
    sub = parser.add_subparsers(dest="verb", required=True)
    sub.add_parser("check", help="check the sources (no build)")
    for verb, text in (("finish", "run the post-build steps on a built site (idempotent)"),
                       ("audit", "run every check on a built or deployed site (read-only)")):
        sub.add_parser(verb, help=text).add_argument("site_dir", type=Path, metavar="SITE_DIR")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        return _report([Problem(str(args.config), 1, "no such file", "expected the project's mkdocs.yml (--config)")])
    project = Project.load(args.config, site_url=args.site_url)
    if args.verb == "check":
        return _report(pipeline.unique(sources.check_sources(project)))
    site = args.site_dir.resolve()
    if not (site / "index.html").is_file():
        return _report([Problem(str(args.site_dir), 1, "no index.html", "expected a built site folder")])
    if args.verb == "finish":
        for note in pipeline.finish(project, site):
            print(f"INFO    -  {note}", file=sys.stderr)
        return 0
    return _report(pipeline.audit(project, site))


if __name__ == "__main__":
    sys.exit(main())
