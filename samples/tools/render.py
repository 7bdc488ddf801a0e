"""Render a text report to a digital PDF (text layer, NanumGothic) or to a deterministic "scan".

The scan is what an office scanner gives: the page drawn at `dpi`, rotated a little, blurred, with
noise, uneven light and JPEG compression, saved as an image-only PDF (or PNG/TIFF). Everything is seeded,
so the same call gives the same bytes. Needs fonts-nanum (Debian) and reportlab (dev extra).

    python samples/tools/render.py pdf  report.txt report.pdf
    python samples/tools/render.py scan report.txt report.scan.pdf [--dpi 300] [--rotate 1.2] [--seed 1]
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN, SIZE, LEADING, LINES_PER_PAGE = 56.0, 10.5, 17.0, 44
TAB_STOP = 110.0


HANG = 3  # spaces of hanging indent on a wrapped line's continuation (past a `○ ` marker)


def _width(text: str) -> float:
    """Width estimate in points: NanumGothic draws Hangul and other wide glyphs a full em, the rest about half."""
    return sum(SIZE if ord(ch) >= 0x1100 else SIZE * 0.55 for ch in text)


def physical_lines(text: str) -> list[str]:
    """The report's lines as printed: a line wider than the text column wraps at spaces (as a word
    processor would), its continuation indented past the marker. Table rows (tabs) are left alone."""
    out: list[str] = []
    for line in text.splitlines():
        lead = len(line) - len(line.lstrip(" "))
        words = line.split(" ")[lead:]
        current, indent = " " * lead, lead
        for word in words:
            candidate = f"{current} {word}" if current.strip() else current + word
            if (
                "\t" not in line
                and current.strip()
                and indent * SIZE * 0.5 + _width(candidate.strip()) > PAGE_W - 2 * MARGIN
            ):
                out.append(current)
                indent = lead + HANG
                current = " " * indent + word
            else:
                current = candidate
        out.append(current)
    return out


def _pages(text: str) -> list[list[str]]:
    lines = physical_lines(text)
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, max(len(lines), 1), LINES_PER_PAGE)]


def _layout(line: str, measure) -> list[tuple[float, str]]:
    """(x, text) runs of a line: leading spaces indent, tabs jump to the next column."""
    stripped = line.lstrip(" ")
    x = MARGIN + (len(line) - len(stripped)) * SIZE * 0.5
    runs = []
    for k, cell in enumerate(stripped.split("\t")):
        if k:
            x = MARGIN + TAB_STOP * (int((x - MARGIN) / TAB_STOP) + 1)
        if cell:
            runs.append((x, cell))
            x += measure(cell)
    return runs


def render_pdf(text: str, target: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("NanumGothic", str(FONT)))
    c = canvas.Canvas(str(target), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for page in _pages(text):
        c.setFont("NanumGothic", SIZE)
        for i, line in enumerate(page):
            y = PAGE_H - MARGIN - i * LEADING
            for x, run in _layout(line, lambda s: pdfmetrics.stringWidth(s, "NanumGothic", SIZE)):
                c.drawString(x, y, run)
        c.showPage()
    c.save()


def render_images(text: str, dpi: int = 300, rotate: float = 0.8, seed: int = 1, quality: int = 75) -> list:
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    scale = dpi / 72
    font = ImageFont.truetype(str(FONT), int(SIZE * scale))
    rng = np.random.default_rng(seed)
    images = []
    for page in _pages(text):
        img = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(page):
            y = (MARGIN + i * LEADING) * scale
            for x, run in _layout(line, lambda s, d=draw: d.textlength(s, font=font) / scale):
                draw.text((x * scale, y), run, font=font, fill=20)
        img = img.rotate(rotate, resample=Image.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(radius=0.6 * scale / 4))
        arr = np.asarray(img, dtype=np.float32)
        w = arr.shape[1]
        light = np.linspace(0.0, 28.0, w, dtype=np.float32)[None, :]  # uneven light across the page
        arr = arr - light + rng.normal(0, 9, size=arr.shape).astype(np.float32)
        img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality)
        images.append(Image.open(io.BytesIO(buf.getvalue())))
    return images


def render_scan(text: str, target: Path, dpi: int = 300, rotate: float = 0.8, seed: int = 1) -> None:
    images = render_images(text, dpi=dpi, rotate=rotate, seed=seed)
    fmt = {".pdf": "PDF", ".png": "PNG", ".tif": "TIFF", ".tiff": "TIFF"}[target.suffix.lower()]
    extra = {"resolution": dpi} if fmt == "PDF" else {}
    if fmt == "PNG":
        images[0].save(target, fmt)
    else:
        images[0].save(target, fmt, save_all=True, append_images=images[1:], **extra)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["pdf", "scan"])
    ap.add_argument("source")
    ap.add_argument("target")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--rotate", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    text = Path(a.source).read_text(encoding="utf-8")
    if a.kind == "pdf":
        render_pdf(text, Path(a.target))
    else:
        render_scan(text, Path(a.target), a.dpi, a.rotate, a.seed)
