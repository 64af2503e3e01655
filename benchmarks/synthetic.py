"""Synthetic articles for the scaling figures of benchmarks/bench.py: pages shaped like the
real ones (front matter, short Indonesian paragraphs, headings with explicit ids, steps, a
table, a link to a real page, a `Sumber` list), added to a *copy* of the project and to the
copy's `nav:`. The text is random but deterministic, so every run measures the same site.

Nothing in them may trip the build's checks: no phone numbers, email addresses or links to
other hosts (akun_diblokir/contacts.py), and the front matter the front matter check needs.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SECTION = "sintetis"  # docs/sintetis/ in the copy; never in the real docs/
PER_TOPIC = 20  # articles per topic (a nav section)
PER_PART = 10  # topics per part

# Hand-written vocabulary: everyday Indonesian of the site's subject, so the search index
# grows with realistic words (affixed forms included) rather than random strings.
_WORDS = """
akun peserta pelatihan blokir diblokir pemblokiran terblokir pemulihan memulihkan pengaduan
mengadukan formulir bukti kronologi laporan melaporkan data pribadi nomor kartu saldo insentif
sertifikat lembaga kelas daring luring jadwal tenggat terlambat membeli pembelian transaksi
verifikasi memverifikasi dokumen identitas wajah foto tangkapan layar riwayat pesan balasan
petugas resmi kanal situs aplikasi ponsel perangkat jaringan sinyal masuk kata sandi kode
penipuan penipu waspada aman keamanan rahasia joki diwakilkan kecurangan manipulasi sistem
aturan ketentuan syarat hak kewajiban keputusan peninjauan meninjau menunggu proses hari kerja
gelombang pendaftaran mendaftar ulang kesempatan pertanyaan jawaban penjelasan alasan penyebab
langkah cara tujuan hasil catatan tanggal waktu minggu bulan keluarga teman kantor desa kota
""".split()
_TITLES = [
    "Catatan tentang {a} dan {b}",
    "Cara memeriksa {a} sebelum {b}",
    "Yang perlu Anda ketahui soal {a}",
    "Langkah aman saat {a} bermasalah",
    "Pertanyaan umum tentang {a} dan {b}",
]
_SENTENCES = [
    "Anda perlu memeriksa {a} sebelum mengurus {b}.",
    "Simpan {a} dan {b} di tempat yang mudah Anda temukan.",
    "Petugas resmi tidak pernah meminta {a} lewat pesan pribadi.",
    "Jika {a} belum jelas, tulis {b} dengan singkat dan jujur.",
    "Proses {a} bisa memakan waktu beberapa hari kerja.",
    "Catat tanggal {a} dan {b} agar kronologi Anda lengkap.",
    "Jangan membagikan {a} kepada orang yang mengaku petugas.",
    "Baca kembali {a} sebelum Anda mengirim {b}.",
]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(a=rng.choice(_WORDS), b=rng.choice(_WORDS))


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_fill(rng, rng.choice(_SENTENCES)) for _ in range(sentences))


def article(number: int, *, seed: int = 8) -> tuple[str, str]:
    """(title, Markdown) of synthetic article `number`: about 280 words, like the real ones."""
    rng = random.Random(seed * 100_003 + number)
    title = _fill(rng, rng.choice(_TITLES)) + f" ({number})"
    title = title[0].upper() + title[1:]
    steps = "\n".join(f"{i}. {_fill(rng, rng.choice(_SENTENCES))}" for i in range(1, 5))
    rows = "\n".join(f"| {rng.choice(_WORDS)} | {_fill(rng, rng.choice(_SENTENCES))} |" for _ in range(3))
    body = f"""---
title: {title}
description: {_fill(rng, rng.choice(_SENTENCES))}
last_checked: 2026-11-28
sources:
  - gtrust-2024: halaman sintetis untuk uji kinerja, tidak diterbitkan
---

# {title}

{_paragraph(rng, 4)}

## Apa artinya {{#artinya}}

{_paragraph(rng, 5)}

## Yang perlu dilakukan {{#langkah}}

{steps}

## Yang perlu disiapkan {{#persiapan}}

| Hal | Keterangan |
|---|---|
{rows}

{_paragraph(rng, 3)} Baca juga [penyebab akun diblokir](../penyebab/index.md).

## Sumber {{#sumber}}
"""
    return title, body


def add_articles(project: Path, count: int) -> list[str]:
    """Write `count` synthetic articles into the copy `project` and append them to its nav.
    Returns their docs-relative paths."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = re.search(r"^nav:[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)", text, re.M)
    if nav is None:
        raise ValueError(f"{config}: no top-level `nav:` list to add the synthetic articles to")
    folder = project / "docs" / SECTION
    folder.mkdir(parents=True, exist_ok=True)
    # Grouped as a large site would be: topics of PER_TOPIC articles, parts of PER_PART topics,
    # so that the navigation (navigation.prune) shows each reader only their own branch.
    paths, entries = [], ["  - Artikel sintetis:\n"]
    for number in range(1, count + 1):
        title, body = article(number)
        path = f"{SECTION}/artikel-{number:05d}.md"
        (project / "docs" / path).write_text(body, encoding="utf-8")
        paths.append(path)
        topic, nth = divmod(number - 1, PER_TOPIC)
        if nth == 0:
            if topic % PER_PART == 0:
                entries.append(f"      - Bagian {topic // PER_PART + 1}:\n")
            entries.append(f"          - Topik {topic + 1}:\n")
        entries.append(f"              - {path}\n")  # the page's own title, from its front matter
    body = nav.group(1)
    if not body.endswith("\n"):
        body += "\n"
    config.write_text(text[: nav.start(1)] + body + "".join(entries) + text[nav.end(1) :], encoding="utf-8")
    return paths
