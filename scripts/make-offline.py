"""Build the offline copy of the site and zip it: `make offline`.

The zip holds one folder; a trainer unzips it and opens index.html from disk, without a
connection (Material's offline plugin, switched on here with OFFLINE=true; search works).
Its QR codes, the kit's addresses and the printed addresses name the online site, so
SITE_URL is required, as for `make build`.
Usage: SITE_URL=https://... .venv/bin/python scripts/make-offline.py [--out DIR]   (default: dist/, gitignored)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "akun-prakerja-diblokir"


def build_zip(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{NAME}-offline.zip"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / NAME
        env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "-f", str(ROOT / "mkdocs-offline.yml"), "-d", str(site)]
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"error: the offline build failed:\n{proc.stdout}{proc.stderr}")
        partial = target.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(site.parent).as_posix())
        partial.replace(target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist/)")
    args = parser.parse_args()
    site_url = os.environ.get("SITE_URL", "")
    if not site_url.startswith(("http://", "https://")) or not site_url.endswith("/"):
        print("error: set SITE_URL to the address the site will be served from, for example: "
              "SITE_URL=https://panduan.example.org/ make offline", file=sys.stderr)
        return 2
    target = build_zip(args.out.resolve())
    print(f"{target} ({target.stat().st_size // 1024} KiB): unzip it and open {NAME}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
