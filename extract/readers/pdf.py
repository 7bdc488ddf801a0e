"""PDF: the text layer where it is sound, OCR where it is not, decided page by page (and recorded).

A page goes to OCR when it has no text, when its text holds no readable words (Hancom PDFs whose Hangul
glyphs map to nothing still yield digits, brackets and stray latin), when `(cid:NNN)` or replacement
characters dominate, or always with `ocr="always"`; a sound layer in any script (English, Hanja) is read.
PDFium (pypdfium2) opens the file (the empty password tried), text-layer words come from its text API
(pdf_text.py, many times faster than pdfplumber's layout analysis, which was the bottleneck) and OCR renders
the page with it, under a pixel cap. Either way lines carry bounding boxes in PDF points. A page that
cannot be read is recorded as failed and the others are read; a PDF none of whose pages can be read is
refused (exit 10).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from ..document import Block, Page, RawDocument, Source
from ..errors import CorruptInput, EncryptedInput, InputTooLarge
from . import reread
from .layout import lay_out, merge_wrapped
from .pdf_text import page_words

log = logging.getLogger("gongmun")
MAX_PAGES = 2000
DPI = 300
_HANGUL = re.compile(r"[가-힣]")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4}|\(\s*\d{1,4}\s*\))\s*$")  # `- 2 -`
_CID = re.compile(r"\(cid:\d+\)")


_WORD = re.compile(r"[^\W\d_]{2,}")  # a run of two or more letters, in any script
# where a font's glyphs map to nothing, the punctuation around them is all that is left: `( )`, `: , , ,`
_DROPPED = re.compile(r"\(\s*\)|[,:·/]\s+[,:·/)]")


def text_layer_verdict(text: str) -> tuple[bool, str]:
    """(use the text layer?, why) for one page's extracted text: what counts is letters, not dots, digits or
    symbols. A layer is sound when most of its letters are Hangul (a 목차 page whose leader dots outnumber
    its words included), or when its letters stand in words of another script (an English or Hanja page,
    crop marks and line numbers around them). A Hancom PDF whose Hangul glyphs map to nothing still yields
    its digits and punctuation, with nothing left between the brackets and commas (`( )`, `: , ,`): such a
    page goes to OCR, and so does a layer of mostly unmapped glyphs (`(cid:N)`, U+FFFD)."""
    chars = re.sub(r"\s", "", text)
    if len(chars) < 10:
        return False, "no text layer"
    cid = len(_CID.findall(text)) * 8 + text.count("\ufffd")
    if cid > 0.3 * len(chars):
        return False, "text layer is mostly unmapped glyphs ((cid:N) or U+FFFD)"
    letters = sum(ch.isalpha() for ch in chars)
    hangul = len(_HANGUL.findall(chars))
    if hangul >= 5 and hangul >= 0.5 * letters:
        return True, f"text layer ({hangul} Hangul of {letters} letters)"
    dropped = len(_DROPPED.findall(text))
    words = _WORD.findall(text)
    in_words = sum(len(w) for w in words)
    if dropped < 2 and len(words) >= 3 and in_words >= 0.8 * letters:
        return True, f"text layer without Hangul ({len(words)} words in another script)"
    return False, (
        f"text layer holds no Hangul and no words ({len(words)} words, {dropped} empty brackets or lists): "
        "its glyphs map to nothing"
    )


def _open(data: bytes, path: str) -> Any:
    """The PDFium document (the empty password tried): PDFium opens, repairs what it can and refuses the rest
    with an error code; FPDF_ERR_PASSWORD (4) means a user password is set."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:
            raise EncryptedInput("password-protected PDF (the empty password does not open it)", path) from exc
        raise CorruptInput(f"unreadable PDF: {exc}", path) from exc


MAX_RENDER_PIXELS = 40_000_000  # an A3 page at 300 dpi is 17 M; larger pages are rendered at a lower resolution
MIN_RENDER_DPI = 72  # below this a page is refused (a 200-inch page), never rendered into an out-of-memory


# Called after each page as (page number, pages, method) when set: the CLI shows a progress line on a terminal.
progress: Callable[[int, int, str], None] | None = None


class PageFailed(Exception):
    """One page that cannot be read: the others still are."""


def render_scale(width: float, height: float, dpi: int) -> float:
    """The scale (pixels per point) to render a page of width x height points for OCR: `dpi`, or lower so
    that the image stays under MAX_RENDER_PIXELS; PageFailed when even MIN_RENDER_DPI would not fit."""
    scale = dpi / 72
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > MAX_RENDER_PIXELS:
        scale = (MAX_RENDER_PIXELS / area) ** 0.5
    if scale * 72 < MIN_RENDER_DPI:
        raise PageFailed(
            f"page of {width:.0f} x {height:.0f} points is too large to render for OCR "
            f"(over {MAX_RENDER_PIXELS:,} pixels at {MIN_RENDER_DPI} dpi)"
        )
    return scale


def _ocr_page(doc: Any, index: int, dpi: int, reread_junk: bool, size: tuple[float, float]) -> Any:
    from . import ocr

    scale = render_scale(size[0], size[1], dpi)
    page = doc[index]
    try:
        image = page.render(scale=scale).to_pil()
    finally:
        page.close()
    return ocr.read_page(image, scale=1 / scale, reread_junk=reread_junk)


def read(data: bytes, source: Source, ocr_mode: str = "auto", dpi: int = DPI) -> RawDocument:
    pages: list[Page] = []
    warnings: list[str] = []
    layer = _open(data, source.path)
    try:
        n = len(layer)
        if n == 0:
            raise CorruptInput("PDF without pages", source.path)
        if n > MAX_PAGES:
            raise InputTooLarge(f"{n} pages (limit {MAX_PAGES})", source.path)
        _pages(layer, n, ocr_mode, dpi, pages, warnings)
    finally:
        layer.close()
    if all(p.method == "failed" for p in pages):
        raise CorruptInput(f"no page of the PDF could be read ({pages[0].reason})", source.path)
    return RawDocument(source=source, pages=pages, warnings=warnings)


def _pages(layer: Any, n: int, ocr_mode: str, dpi: int, pages: list[Page], warnings: list[str]) -> None:
    """Each page through the text layer or OCR, appended to `pages`. A page PDFium cannot load (a broken
    page tree), one too large to render, or one that runs out of memory is recorded as failed with its
    reason, and the other pages are read."""
    import pypdfium2 as pdfium

    for index in range(n):
        try:
            pages.append(_page(layer, index, n, ocr_mode, dpi, warnings))
        except (pdfium.PdfiumError, PageFailed, MemoryError) as exc:
            if isinstance(exc, pdfium.PdfiumError):
                why = f"PDFium cannot load the page ({exc})"
            elif isinstance(exc, MemoryError):
                why = "out of memory while rendering the page"
            else:
                why = str(exc)
            warnings.append(f"page {index + 1}: not read: {why}")
            pages.append(Page(number=index + 1, blocks=[], method="failed", reason=why, width=0.0, height=0.0))
        log.debug("page %d/%d: %s (%s)", index + 1, n, pages[-1].method, pages[-1].reason)
        if progress is not None:
            progress(index + 1, n, pages[-1].method)


def _page(layer: Any, index: int, n: int, ocr_mode: str, dpi: int, warnings: list[str]) -> Page:
    """One page through the text layer or OCR (PdfiumError when PDFium cannot load it)."""
    import pypdfium2 as pdfium

    width, height = layer.get_page_size(index)
    try:
        words, text = page_words(layer, index)
    except pdfium.PdfiumError:
        raise
    except Exception as exc:  # a damaged text page: OCR may still read what PDFium renders
        words, text = [], ""
        warnings.append(f"page {index + 1}: text layer unreadable ({type(exc).__name__})")
    use_text, reason = text_layer_verdict(text)
    if ocr_mode == "never":
        use_text, reason = True, reason + "; OCR disabled"
    elif ocr_mode == "always":
        use_text, reason = False, "OCR forced"
    confidence = None
    if use_text:
        method = "text"
        lines, texts = lay_out(words)
    else:
        method = "ocr"
        result = _ocr_page(layer, index, dpi, reread.wanted(index, n), (float(width), float(height)))
        lines, texts, confidence = result.lines, result.texts, result.mean_confidence
        if confidence is not None and confidence < 60:
            warnings.append(f"page {index + 1}: low OCR confidence ({confidence})")
    kept = [(ln, t) for ln, t in zip(lines, texts, strict=True) if not _PAGE_NUMBER.match(t)]
    lines, texts = merge_wrapped([ln for ln, _ in kept], [t for _, t in kept])
    blocks = [
        Block(text=t, page=index + 1, bbox=ln.bbox, origin=method, confidence=ln.conf)
        for t, ln in zip(texts, lines, strict=True)
    ]
    return Page(
        number=index + 1,
        blocks=blocks,
        method=method,
        reason=reason,
        width=float(width),
        height=float(height),
        ocr_confidence=confidence,
    )
