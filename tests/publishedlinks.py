"""`make links` used to run this file: the logic is in akun_diblokir/publishedlinks.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from akun_diblokir.publishedlinks import *  # noqa: F403 - the path above first; the old module's names
from akun_diblokir.publishedlinks import main

if __name__ == "__main__":
    sys.exit(main())
