"""PDF: the text layer where it is sound, OCR where it is not, decided page by page (and recorded).

A page goes to OCR when it has no text, when its text holds no Hangul although it is printed text
(Hancom PDFs whose Hangul glyphs map to nothing still yield digits and latin), when `(cid:NNN)` or
replacement characters dominate, or always with `ocr="always"`. PDFium (pypdfium2) opens the file (the
empty password tried), text-layer words come from its text API (pdf_text.py, many times faster than
pdfplumber's layout analysis, which was the bottleneck) and OCR renders the page with it. Either way lines
carry bounding boxes in PDF points.
"""

from __future__ import annotations

import re
from typing import Any

from .. import reread
from ..document import Block, Page, RawDocument, Source
from ..errors import CorruptInput, EncryptedInput, InputTooLarge
from ..layout import lay_out, merge_wrapped
from .pdf_text import page_words

MAX_PAGES = 2000
DPI = 300
_HANGUL = re.compile(r"[가-힣]")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4}|\(\s*\d{1,4}\s*\))\s*$")  # `- 2 -`
_CID = re.compile(r"\(cid:\d+\)")


def text_layer_verdict(text: str) -> tuple[bool, str]:
    """(use the text layer?, why) for one page's extracted text."""
    chars = re.sub(r"\s", "", text)
    if len(chars) < 10:
        return False, "no text layer"
    cid = len(_CID.findall(text)) * 8 + text.count("\ufffd")
    if cid > 0.3 * len(chars):
        return False, "text layer is mostly unmapped glyphs ((cid:N) or U+FFFD)"
    hangul = len(_HANGUL.findall(chars))
    if hangul < 0.05 * len(chars):
        return False, f"text layer holds no Hangul ({hangul} of {len(chars)} characters)"
    return True, f"text layer ({hangul} Hangul of {len(chars)} characters)"


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


def _ocr_page(doc: Any, index: int, dpi: int, reread_junk: bool) -> Any:
    from .. import ocr

    page = doc[index]
    try:
        image = page.render(scale=dpi / 72).to_pil()
    finally:
        page.close()
    return ocr.read_page(image, scale=72 / dpi, reread_junk=reread_junk)


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
    return RawDocument(source=source, pages=pages, warnings=warnings)


def _pages(layer: Any, n: int, ocr_mode: str, dpi: int, pages: list[Page], warnings: list[str]) -> None:
    """Each page through the text layer or OCR, appended to `pages`."""
    for index in range(n):
        try:
            width, height = layer.get_page_size(index)
            words, text = page_words(layer, index)
        except Exception as exc:  # a damaged page object: OCR may still read what PDFium renders
            width, height = 595.0, 842.0
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
            result = _ocr_page(layer, index, dpi, reread_junk=reread.wanted(index, n))
            lines, texts, confidence = result.lines, result.texts, result.mean_confidence
            if confidence is not None and confidence < 60:
                warnings.append(f"page {index + 1}: low OCR confidence ({confidence})")
        kept = [(ln, t) for ln, t in zip(lines, texts, strict=True) if not _PAGE_NUMBER.match(t)]
        lines, texts = merge_wrapped([ln for ln, _ in kept], [t for _, t in kept])
        blocks = [
            Block(text=t, page=index + 1, bbox=ln.bbox, origin=method, confidence=ln.conf)
            for t, ln in zip(texts, lines, strict=True)
        ]
        pages.append(
            Page(
                number=index + 1,
                blocks=blocks,
                method=method,
                reason=reason,
                width=float(width),
                height=float(height),
                ocr_confidence=confidence,
            )
        )
