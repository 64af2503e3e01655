"""Regenerate akun_diblokir/search/common_words.txt: the Indonesian word forms common enough
that a reader who types one means that word, not a typo of another.

The site search takes a word that starts no term of its index for a typo and replaces it
with the index term one edit away: without a list of real words, "berkurang" (stem
"kurang") became "curang" and "sore" became "store". The build ships the words of this
list that lie one edit from the site's own words (akun_diblokir/search_index.py), and the
search leaves those alone.

The forms and their frequencies come from wordfreq (Robyn Speer and contributors; code
Apache-2.0, data CC BY-SA 4.0), which mixes subtitles, Wikipedia, news, web text and
social media, so chat forms ("udah", "gimana") count as common too.

    scripts/setup-env.sh --inexact --group words
    .venv/bin/python scripts/make-common-words.py
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parent.parent / "akun_diblokir" / "search" / "common_words.txt"
# Zipf 4: ten times in a million words. The typos of the query set score 0; real words a
# reader types ("berkurang" 4.6, "sore" 5.0, "gini" 4.2) score 4 or more.
MIN_ZIPF = 4.0
# The search corrects words of 4 letters or more (query.js TYPO_MIN).
WORD = re.compile(r"[a-z]{4,}")

HEADER = f"""\
# Indonesian word forms with a Zipf frequency of {MIN_ZIPF} or more (ten in a million words),
# 4 letters a-z or more, one a line, most frequent first: the words the site search never
# takes for a typo. Made by scripts/make-common-words.py from wordfreq {version('wordfreq')}
# (data: CC BY-SA 4.0, Robyn Speer and contributors, https://github.com/rspeer/wordfreq);
# this list is shared under the same licence. Regenerate it; do not edit it by hand.
"""


def main() -> int:
    words = [w for w in wordfreq.top_n_list("id", 1_000_000, wordlist="small")
             if WORD.fullmatch(w) and wordfreq.zipf_frequency(w, "id") >= MIN_ZIPF]
    OUT.write_text(HEADER + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{OUT.name}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
