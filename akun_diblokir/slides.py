"""The webinar slide deck: five 16:9 slides in Indonesian that trainers import into
PowerPoint, Google Slides or Canva and edit (real text boxes, one QR code picture each).

`finish` writes it into the built site (DECK, offered for download by the webinar kit) and
`make handout` copies it to dist/slides.pptx and renders dist/slides.pdf with LibreOffice.

Nothing on a slide is written twice: the contacts come from the registry (extra.official),
the causes from the cause pages (docs/penyebab/, in the menu's order, by the menu's label),
the short addresses and QR codes from the webinar kit (extra.webinar_links, kit.py), the
other sentences from the pages they summarise (each slide names its page; the speaker notes
name that page's sources). Each slide carries a QR code of the page it is about and that
page's short address, for SITE_URL.

The file is the same byte for byte for the same project: fixed core properties (dated the
newest `last_checked` of the pages) and fixed times inside the zip, so `finish` stays
idempotent. Text sizes are chosen with Arial's metrics (Liberation Sans has the same), so a
longer label gets a smaller size instead of running out of its box.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from akun_diblokir import kit, paths
from akun_diblokir.project import Project

DECK = kit.DECK  # site-relative
CAUSES_DIR = "penyebab/"
FONT = "Arial"  # on every computer that opens a .pptx; Liberation Sans has its metrics
LANG = "id-ID"
INDIGO, TEXT, MUTED = "1A237E", "212121", "555555"

# Slide geometry in inches (16:9, as PowerPoint's "Widescreen").
SLIDE_EMU = (12192000, 6858000)  # 13.33 × 7.5 in, exactly 16:9 (914400 EMU to the inch)
SLIDE_W, SLIDE_H = SLIDE_EMU[0] / 914400, SLIDE_EMU[1] / 914400
MARGIN = 0.6
BODY_TOP, BODY_BOTTOM = 1.45, 6.7
PANEL_W = 3.7  # the QR code panel at the right
GAP = 0.35

# Advance widths of Arial (= Liberation Sans = Helvetica) for ASCII 32..126, in 1/1000 em.
_REGULAR = ("278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
            "278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 "
            "667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 "
            "222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584")
_BOLD = ("278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
         "333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 "
         "611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 611 278 278 556 278 889 "
         "611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584")
_WIDTHS = {False: [int(w) for w in _REGULAR.split()], True: [int(w) for w in _BOLD.split()]}
_WIDE = 1000  # anything outside ASCII counts as wide as the widest letter: never too small


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    kind: str = "text"  # "text", "bullet" or "number"
    scale: float = 1.0  # relative to the box's size

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def para(*parts: str | Run, kind: str = "text", scale: float = 1.0) -> Para:
    return Para(tuple(Run(p) if isinstance(p, str) else p for p in parts), kind, scale)


@dataclass(frozen=True)
class Code:
    url: str  # what the QR code encodes: the page's full address
    shown: str  # the page's short address without the scheme, to say aloud and type
    label: str
    png: bytes


@dataclass
class Slide:
    title: str
    page: str  # the docs page the slide is about (its QR code)
    body: list[Para]
    codes: list[Code] = field(default_factory=list)
    notes: str = ""


# --- text that fits its box -----------------------------------------------------------------


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of `text` in points at `size` points."""
    widths = _WIDTHS[bold]
    return sum(widths[ord(c) - 32] if 32 <= ord(c) < 127 else _WIDE for c in text) * size / 1000


def _lines(p: Para, width: float, size: float) -> int:
    """Lines `p` takes in a box `width` points wide (word wrap, as PowerPoint does)."""
    words: list[tuple[str, bool]] = []
    for run in p.runs:
        words += [(w, run.bold) for w in re.split(r"(?<= )", run.text) if w]
    lines, used = 1, 0.0
    for word, bold in words:
        w, ink = text_width(word, size, bold), text_width(word.rstrip(), size, bold)
        if used and used + ink > width:  # the word starts the next line
            lines, used = lines + 1, 0.0
        if ink > width:  # a word wider than the box is broken across lines
            lines += int(ink // width)
            used = ink % width + (w - ink)
        else:
            used += w
    return lines


LINE = 1.2  # line height / font size (PowerPoint's single spacing is under 1.2 for Arial)
SPACE_AFTER = 0.35  # paragraph spacing / font size
INSET = 0.06  # the text boxes' inner margins, inches
INDENT = 0.32  # bullet and number indent, inches


def height_needed(paras: list[Para], width_in: float, size: float) -> float:
    """Height in inches the paragraphs take in a box `width_in` wide at `size` points."""
    total = 0.0
    for p in paras:
        s = size * p.scale
        usable = (width_in - 2 * INSET - (INDENT if p.kind != "text" else 0)) * 72
        total += _lines(p, usable, s) * s * LINE + s * SPACE_AFTER
    return total / 72 + 2 * INSET


def fitting_size(paras: list[Para], width_in: float, height_in: float, sizes: Iterable[float]) -> float:
    """The largest of `sizes` at which the paragraphs fit the box (else the smallest)."""
    sizes = sorted(sizes, reverse=True)
    return next((s for s in sizes if height_needed(paras, width_in, s) <= height_in), sizes[-1])


# --- what the slides say ----------------------------------------------------------------------


def cause_labels(project: Project) -> list[str]:
    """The cause pages (docs/penyebab/, not its index), by the menu's label and in its order;
    a page the menu does not list comes last, by its title."""
    titles = {src: title for src, title, _ in project.pages
              if src.startswith(CAUSES_DIR) and src != CAUSES_DIR + "index.md"}
    labelled: list[tuple[str, str]] = []

    def walk(items: Any) -> None:
        for item in items or []:
            if isinstance(item, dict):
                for label, value in item.items():
                    if isinstance(value, str) and value in titles:
                        labelled.append((value, str(label)))
                    else:
                        walk(value)
            elif isinstance(item, str) and item in titles:
                labelled.append((item, titles[item]))

    walk(project.config.get("nav"))
    seen = {src for src, _ in labelled}
    return [label for _, label in labelled] + [titles[src] for src in sorted(titles) if src not in seen]


def _registry_text(project: Project) -> dict[str, str]:
    official = project.extra.get("official") or {}
    form, email, phone, web = (official.get(k) or {} for k in ("form", "email", "phone", "web"))
    hosts = [str(h) for h in web.get("hosts") or []]
    domain = min(hosts, key=len) if hosts else ""
    others = [h for h in hosts if h != domain]
    return {
        "form": str(form.get("url", "")),
        "email": str(email.get("address", "")),
        "subject": str(email.get("subject", "")),
        "phone": str(phone.get("display", "")),
        "hours": str(phone.get("hours", "")),
        "domain": domain,
        "subdomains": f", termasuk {' dan '.join(others)}" if others else "",
        "email_domain": str(email.get("address", "")).partition("@")[2],
    }


def _code(project: Project, links: dict[str, kit.KitLink], src: str, label: str) -> Code:
    """The QR code of page `src`: the kit's when the kit lists the page, else made here."""
    link = next((link for link in links.values() if _page_of(project, link) == src), None)
    if link is not None:
        return Code(link.url, link.short_display, label, link.png_bytes)
    url = urljoin(project.site_url, paths.page_url(src, project.use_directory_urls))
    png, _, _ = kit.qr_codes(url)
    return Code(url, url.split("://", 1)[-1], label, png)


def _page_of(project: Project, link: kit.KitLink) -> str:
    for entry in project.extra.get("webinar_links") or []:
        if isinstance(entry, dict) and entry.get("name") == link.name:
            return str(entry.get("page"))
    return ""


def deck_slides(project: Project) -> list[Slide]:
    """The five slides, from the project's pages, registry and kit."""
    links = {link.name: link for link in project.kit[0]}
    k = _registry_text(project)
    home = _code(project, links, "index.md", "Beranda panduan")
    causes = cause_labels(project)
    short_links = [link for link in links.values() if link.short_url != link.url]
    slides = [
        Slide("Akun Prakerja diblokir: apa artinya?", "penyebab/index.md", [
            para("Menurut FAQ resmi Prakerja, Manajemen Pelaksana (pengelola Program Kartu Prakerja) berhak "
                 "memblokir akun yang melanggar Syarat dan Ketentuan."),
            para(Run("Penyebab yang umum:", bold=True)),
            *[para(label, kind="bullet") for label in causes],
            para("Merasa tidak melanggar? Ajukan pengaduan lewat kanal resmi."),
        ], [_code(project, links, "penyebab/index.md", "Penyebab akun diblokir")]),
        Slide("Tiga kanal resmi untuk meminta bantuan", "pemulihan/index.md", [
            para(Run("Formulir pengaduan", bold=True), " (mulai di sini): ", k["form"], kind="number"),
            para(Run("Email", bold=True), f": {k['email']}, subjek “{k['subject']}” (saran)", kind="number"),
            para(Run("Call center", bold=True), f": {k['phone']}, {k['hours']} (sumber 2020; bisa berubah)",
                 kind="number"),
            para(Run("Yang perlu disiapkan:", bold=True)),
            para("Data diri, sama seperti yang terdaftar di akun", kind="bullet"),
            para("Alamat email akun Prakerja Anda", kind="bullet"),
            para("Status kepesertaan: peserta atau calon peserta penerima", kind="bullet"),
            para("Bukti, misalnya tangkapan layar pesan blokir", kind="bullet"),
            para("Kronologi kejadian dan tanggalnya", kind="bullet"),
        ], [_code(project, links, "pemulihan/index.md", "Langkah memulihkan akun")]),
        Slide("Susun pengaduan dan teks siap pakai", "susun-pengaduan.md", [
            para(Run("Susun pengaduan", bold=True)),
            para("Jawab beberapa pertanyaan: teks untuk formulir pengaduan dan email terisi otomatis.", kind="bullet"),
            para("Semua yang Anda ketik tetap di perangkat Anda. Halaman itu tidak mengirim apa pun.", kind="bullet"),
            para(Run("Teks siap pakai", bold=True)),
            para("Contoh teks email dan teks pengaduan untuk akun yang diblokir.", kind="bullet"),
            para("Ganti bagian dalam kurung siku dengan data Anda, lalu kirim sendiri lewat kanal resmi.",
                 kind="bullet"),
            para("Sumber kami tidak menjamin akun dibuka kembali dan tidak menyebut berapa lama tanggapan datang."),
        ], [_code(project, links, "susun-pengaduan.md", "Susun pengaduan"),
            _code(project, links, "teks-siap-pakai.md", "Teks siap pakai")]),
        Slide("Awas penipuan", "aman-dari-penipuan.md", [
            para(Run("Jangan berikan kode OTP", bold=True), " kepada siapa pun, juga kepada orang yang mengaku "
                 "petugas Manajemen Pelaksana (pengelola Program Kartu Prakerja) atau pemerintah.", kind="bullet"),
            para(Run("Jangan transfer uang", bold=True), " kepada orang yang menjanjikan bantuan. Pendaftaran "
                 "Kartu Prakerja tidak dipungut biaya.", kind="bullet"),
            para(Run("Waspadai tautan palsu", bold=True), ": jangan buka tautan yang meminta nama akun dan kata "
                 f"sandi. Alamat resmi Kartu Prakerja ada di {k['domain']}{k['subdomains']}. Email resmi selalu "
                 f"berakhiran @{k['email_domain']}.", kind="bullet"),
            para(Run("Tidak ada aplikasi resmi", bold=True), ": tidak ada aplikasi ponsel resmi Kartu Prakerja. "
                 "Aplikasi palsu pernah beredar.", kind="bullet"),
        ], [_code(project, links, "aman-dari-penipuan.md", "Aman dari penipuan")]),
    ]
    # The last slide lists the short addresses no slide before it shows under a QR code:
    # each address once in the deck, and the list short enough for type a room can read.
    shown = {code.shown for slide in slides for code in slide.codes}
    rest = [link for link in short_links if link.short_display not in shown]
    return [*slides, Slide("Baca selengkapnya", "index.md", [
        para("Panduan lengkap, untuk dibaca di ponsel:"),
        para(Run(home.shown, bold=True), scale=1.25),
        para(Run("Tautan pendek untuk diketik:", bold=True)),
        *[para(Run(link.short_display, bold=True), f" – {link.label}", kind="bullet") for link in rest],
        para("Panduan independen, bukan layanan resmi Kartu Prakerja. Setiap halaman menyebut sumbernya."),
    ], [home])]


def _notes(project: Project, slide: Slide) -> str:
    meta = next((m for src, _, m in project.pages if src == slide.page), {})
    names = []
    for item in meta.get("sources") or []:
        key = next(iter(item)) if isinstance(item, dict) else str(item)
        source = project.sources.get(key)
        if source is not None and source.publisher not in names:
            names.append(source.publisher)
    lines = [f"Kode QR {code.label}: {code.url} (ucapkan: {code.shown})" for code in slide.codes]
    if names:
        lines.append("Sumber halaman ini: " + "; ".join(names) + ".")
    lines.append("Panduan independen, bukan layanan resmi Kartu Prakerja.")
    return "\n".join(lines)


# --- the .pptx ------------------------------------------------------------------------------


def _newest_check(project: Project) -> datetime.datetime:
    dates = [m.get("last_checked") for _, _, m in project.pages]
    days = [d for d in dates if isinstance(d, datetime.date)]
    day = max(days) if days else datetime.date(2026, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, 12, 0, 0)


def build_deck(project: Project) -> bytes:
    """The deck as .pptx bytes (the same bytes for the same project)."""
    from pptx import Presentation  # imported here: only `finish` and the tests need it
    from pptx.util import Inches

    prs = Presentation()
    _widescreen(prs)
    blank = prs.slide_layouts[6]
    home_shown = urljoin(project.site_url, "").split("://", 1)[-1]
    slides = deck_slides(project)
    for number, spec in enumerate(slides, start=1):
        slide = prs.slides.add_slide(blank)
        band = slide.shapes.add_shape(1, 0, 0, prs.slide_width, Inches(0.14))  # 1: rectangle
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(INDIGO)
        band.line.fill.background()
        band.name = "Pita"
        _text_box(slide, "Judul", [para(Run(spec.title, bold=True))], MARGIN, 0.35, SLIDE_W - 2 * MARGIN, 0.95,
                  (36, 32, 28), INDIGO)
        body_w = SLIDE_W - 2 * MARGIN - PANEL_W - GAP
        _text_box(slide, "Isi", spec.body, MARGIN, BODY_TOP, body_w, BODY_BOTTOM - BODY_TOP, (24, 22, 20, 18, 16), TEXT)
        _codes(slide, spec.codes, SLIDE_W - MARGIN - PANEL_W, PANEL_W)
        footer = f"Panduan independen, bukan layanan resmi Kartu Prakerja · {home_shown} · {number}/{len(slides)}"
        _text_box(slide, "Kaki", [para(footer)], MARGIN, 6.95, SLIDE_W - 2 * MARGIN, 0.4, (12, 11, 10), MUTED)
        slide.notes_slide.notes_text_frame.text = _notes(project, spec)
    _properties(prs, project)
    out = io.BytesIO()
    prs.save(out)
    return _fixed_zip(out.getvalue())


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour)


def _text_box(slide: Any, name: str, paras: list[Para], left: float, top: float, width: float, height: float,
              sizes: Iterable[float], colour: str) -> Any:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Inches, Pt

    size = fitting_size(paras, width, height, sizes)
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for side in ("left", "right", "top", "bottom"):
        setattr(frame, f"margin_{side}", Inches(INSET))
    for i, p in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(size * p.scale * SPACE_AFTER)
        paragraph.line_spacing = 1.0
        if p.kind != "text":
            _bullet(paragraph, p.kind)
        for r in p.runs:
            run = paragraph.add_run()
            run.text = r.text
            run.font.name = FONT
            run.font.size = Pt(round(size * p.scale * 2) / 2)
            run.font.bold = r.bold
            run.font.color.rgb = _rgb(colour)
            run.font._rPr.set("lang", LANG)
    return box


def _bullet(paragraph: Any, kind: str) -> None:
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(INDENT)))
    ppr.set("indent", str(-Inches(INDENT)))
    for tag in ("a:buNone", "a:buAutoNum", "a:buChar"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    font = ppr.makeelement(qn("a:buFont"), {"typeface": FONT})
    mark = (ppr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"}) if kind == "number"
            else ppr.makeelement(qn("a:buChar"), {"char": "•"}))
    ppr.append(font)
    ppr.append(mark)


def _codes(slide: Any, codes: list[Code], left: float, width: float) -> None:
    """The QR codes, one under the other, each with its label and short address under it."""
    from pptx.util import Inches

    if not codes:
        return
    caption_h = 0.85 if len(codes) == 1 else 0.62
    slot = (BODY_BOTTOM - BODY_TOP) / len(codes)
    side = min(width, slot - caption_h - 0.1)
    for i, code in enumerate(codes):
        top = BODY_TOP + i * slot
        picture = slide.shapes.add_picture(io.BytesIO(code.png), Inches(left + (width - side) / 2), Inches(top),
                                           Inches(side), Inches(side))
        picture.name = f"Kode QR {code.label}"
        _set_description(picture, f"Kode QR yang membuka {code.url}")
        sizes = (24, 22, 20, 18, 16, 14, 13, 12, 11, 10) if len(codes) == 1 else (18, 16, 14, 13, 12, 11, 10)
        address = para(Run(code.shown, bold=True))
        # The address on one line: the largest size at which it fits the panel's width.
        size = next((s for s in sizes if text_width(code.shown, s, True) <= (width - 2 * INSET) * 72 - 2), sizes[-1])
        label = para(f"{code.label}: pindai atau ketik", scale=min(1.0, 13 / size) if len(codes) > 1 else min(1.0, 15 / size))
        _text_box(slide, f"Alamat {code.label}", [label, address], left, top + side + 0.05, width, caption_h, (size,),
                  TEXT)


def _set_description(picture: Any, text: str) -> None:
    picture._element.nvPicPr.cNvPr.set("descr", text)  # the picture's alternative text


def _widescreen(prs: Any) -> None:
    """16:9, and the master's and layouts' placeholders stretched to it (a slide a trainer
    adds gets a title across the width), in Arial."""
    factor = SLIDE_W / (prs.slide_width / 914400)
    prs.slide_width, prs.slide_height = SLIDE_EMU
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for shape in owner.placeholders:
            if shape.left is not None and shape.width is not None:
                shape.left, shape.width = round(shape.left * factor), round(shape.width * factor)
    theme = next(rel.target_part for rel in prs.slide_master.part.rels.values() if rel.reltype.endswith("/theme"))
    theme._blob = theme.blob.replace(b'<a:latin typeface="Calibri"/>', f'<a:latin typeface="{FONT}"/>'.encode())


def _properties(prs: Any, project: Project) -> None:
    """Fixed document properties (no build time, no machine's user name), no stale thumbnail."""
    when = _newest_check(project)
    props = prs.core_properties
    props.title = "Akun Prakerja diblokir: slide untuk webinar"
    props.subject = "Penyebab akun diblokir, kanal resmi, susun pengaduan, awas penipuan"
    props.author = str(project.config.get("site_name") or "")
    props.last_modified_by = props.author
    props.keywords = "Kartu Prakerja; akun diblokir; webinar"
    props.comments = "Panduan independen, bukan layanan resmi Kartu Prakerja. " + urljoin(project.site_url, "")
    props.language = LANG
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    package_rels = prs.part.package._rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rid)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with a fixed time on every entry, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=9)
    return out.getvalue()


def write_deck(project: Project, site: Path) -> Path:
    """Write the deck into the built `site` (unchanged bytes are not rewritten)."""
    path = site / DECK
    data = build_deck(project)
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path


def deck_text(data: bytes) -> list[str]:
    """The text of each slide of a .pptx, speaker notes included (for the contact checks)."""
    from pptx import Presentation

    texts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        parts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
        texts.append("\n".join(parts))
    return texts
