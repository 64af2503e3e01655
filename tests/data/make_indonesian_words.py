"""Regenerate indonesian_words.txt: common Indonesian root words and their affixed forms.

Not run by the tests (they read the committed list); kept so the list can be rebuilt or
extended. The roots are everyday vocabulary, each checked against the root-word list
of the Sastrawi stemmer (MIT) when that file is passed as the first argument. Affixed
forms follow the standard Indonesian morphophonemic rules (meN-/peN- assimilation,
ber-/ter- before r, be- in bekerja/bepergian, menge- before one-syllable roots), so the list
exercises every rule of the Snowball Indonesian stemmer: particles -kah/-lah/-pun,
possessives -ku/-mu/-nya, prefixes di-/ke-/meN-/peN-/ter-/ber-/per-, suffixes -i/-an/-kan.

    python tests/data/make_indonesian_words.py [kata-dasar.txt]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOTS = ["ada", "adu", "ajak", "kerja", "ajar", "akhir", "aktif", "alam", "alas", "ambil", "amat", "ampun", "anggap", "angkat", "antar", "arah", "atur", "awas", "baca", "bagi", "bahas", "baik", "balas", "bangun", "bantu", "batal", "batas", "bawa", "bayar", "beda", "beku", "beli", "bentuk", "berat", "beri", "besar", "bina", "blokir", "buat", "buka", "bukti", "bunuh", "buru", "cabut", "cair", "cakap", "campur", "capai", "cari", "catat", "cegah", "cek", "cepat", "cerita", "cetak", "cinta", "coba", "cocok", "contoh", "cuci", "curang", "curi", "daftar", "dapat", "datang", "dengar", "didik", "diam", "dorong", "duduk", "dukung", "edar", "erat", "gabung", "gagal", "gambar", "ganggu", "ganti", "gerak", "guna", "hadap", "hadir", "hapus", "harap", "hasil", "hemat", "hias", "hibur", "hidup", "hilang", "hitung", "hormat", "hubung", "hukum", "ikat", "ikut", "ingat", "isi", "izin", "jadi", "jaga", "jalan", "jamin", "janji", "jawab", "jelas", "jual", "juang", "kabar", "kait", "kalah", "kawal", "kecil", "kejar", "kelola", "kembang", "kenal", "kirim", "klik", "kuasa", "kumpul", "kunci", "kurang", "lacak", "lambat", "langgar", "lanjut", "lapor", "larang", "latih", "layan", "lengkap", "lepas", "lewat", "lihat", "lindung", "lupa", "main", "makan", "maksud", "malas", "manfaat", "masak", "masuk", "milik", "minta", "mohon", "mudah", "mulai", "nilai", "nyata", "olah", "omong", "pakai", "palsu", "panggil", "pantau", "pasang", "pecah", "pegang", "peluk", "penuh", "pergi", "periksa", "perintah", "pikir", "pilih", "pindah", "pinjam", "pukul", "pulih", "pulang", "punya", "putus", "rasa", "rawat", "rekam", "rugi", "rusak", "sadar", "sah", "sakit", "salah", "salin", "sambung", "sampai", "sapu", "saring", "satu", "sebar", "sedia", "selesai", "sembunyi", "sewa", "simpan", "sisa", "suka", "sulit", "sumbang", "surat", "tahan", "tahu", "tambah", "tampil", "tanam", "tanda", "tangkap", "tanya", "tarik", "tawar", "tekan", "teliti", "temu", "tentu", "terang", "terima", "terus", "tikam", "timbang", "tinggal", "tipu", "tolak", "tolong", "tonton", "tukar", "tulis", "tunda", "tunggu", "tunjuk", "turun", "tutup", "uang", "ubah", "ucap", "ukur", "ulang", "umum", "undang", "unduh", "unggah", "uji", "urus", "usaha", "usul", "utama", "wajib", "wakil", "waktu", "warna"]


# Roots whose first syllable ends in -er take be- (bekerja, bepergian).
BE_BEFORE_ER = {"kerja", "pergi", "ternak"}


def _vowels(word: str) -> int:
    return sum(ch in "aeiou" for ch in word)


def men(root: str, base: str = "me") -> str:
    """meN- (base "me") or peN- (base "pe") with its nasal assimilation."""
    if _vowels(root) == 1:
        return base + "nge" + root
    first = root[0]
    if first in "aeiou":
        return base + "ng" + root
    if first in "bfv":
        return base + "m" + root
    if first == "p":
        return base + "m" + root[1:]
    if first in "cdjz":
        return base + "n" + root
    if first == "t":
        return base + "n" + root[1:]
    if first == "s":
        return base + "ny" + root[1:]
    if first == "k":
        return base + "ng" + root[1:]
    if first in "gh":
        return base + "ng" + root
    return base + root  # l, m, n, r, w, y


def ber(root: str, base: str = "ber") -> str:
    if root == "ajar":
        return base[:-1] + "lajar"
    if root[0] == "r" or root in BE_BEFORE_ER:
        return base[:-1] + root
    return base + root


def forms(root: str) -> list[str]:
    return [
        root,
        root + "nya", root + "ku", root + "mu", root + "lah", root + "kah", root + "pun",
        root + "an", root + "i", root + "kan",
        "di" + root, "di" + root + "kan", "di" + root + "i", "di" + root + "nya",
        "ke" + root + "an", "ter" + root if root[0] != "r" else "te" + root,
        men(root), men(root) + "kan", men(root) + "i", men(root) + "nya",
        men(root, "pe"), men(root, "pe") + "an", men(root, "pe") + "annya",
        ber(root), ber(root) + "an", ber(root, "per") + "an", "memper" + root + "kan",
        "se" + root + "nya", "ke" + root + "annya", "di" + root + "kanlah",
    ]


def main() -> None:
    if len(sys.argv) > 1:
        known = set(Path(sys.argv[1]).read_text(encoding="utf-8").split())
        unknown = [r for r in ROOTS if r not in known]
        if unknown:
            sys.exit(f"not in the root-word list: {', '.join(unknown)}")
    words = sorted({w for root in ROOTS for w in forms(root)})
    out = Path(__file__).with_name("indonesian_words.txt")
    header = (
        "# Indonesian words for the stemmer tests: everyday root words and their affixed\n"
        "# forms, made by tests/data/make_indonesian_words.py. One word a line.\n"
    )
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {len(ROOTS)} roots -> {out.name}")


if __name__ == "__main__":
    main()
