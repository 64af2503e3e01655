"""`python -m akun_diblokir check [--site DIR] [--config mkdocs.yml]`: the source checks and
the post-build pipeline, after any engine has built the site (make build ENGINE=zensical).
Prints one line per problem and exits 1 if there is any."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from akun_diblokir import pipeline, sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akun_diblokir", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check the sources, then run the post-build pipeline on a built site")
    check.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    check.add_argument("--site", type=Path, help="the built site (without it: the sources only)")
    check.add_argument("--site-url", default=os.environ.get("SITE_URL"), help="default: SITE_URL, else mkdocs.yml")
    args = parser.parse_args(argv)
    config = args.config.resolve()
    problems = sources.check_sources(config)
    if args.site:
        build = pipeline.run(pipeline.Build.from_config(config, args.site.resolve(), args.site_url))
        problems += build.problems
        for note in build.notes:
            print(f"INFO    -  {note}", file=sys.stderr)
    problems = pipeline.unique(problems)
    for problem in problems:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    if problems:
        print(f"Aborted: {len(problems)} problem(s); each line names the file and line to fix.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
