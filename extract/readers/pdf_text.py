"""Words with positions from a PDF page's text layer, through PDFium's text API (pypdfium2).

pdfplumber (pdfminer's layout analysis in Python) read the corpus's Hancom PDFs at 2 to 16 pages per
second; PDFium reads the same characters 10 to 50 times faster (benchmarks/pdf_throughput.py). Words are
built the way pdfplumber's `extract_words(x_tolerance=1.5, y_tolerance=3)` builds them, from PDFium's loose
character boxes (advance width by font ascent/descent, like pdfminer's boxes): characters whose tops
lie within 3 points are one line, a line is cut into words at spaces and at gaps wider than 1.5 points.
Coordinates are PDF points with the origin at the top left.
"""

from __future__ import annotations

from typing import Any

from ..layout import Word

X_TOLERANCE = 1.5
Y_TOLERANCE = 3.0


def page_words(doc: Any, index: int) -> tuple[list[Word], str]:
    """(words, the page's characters as one string) for page `index` of a pypdfium2 PdfDocument."""
    import ctypes

    import pypdfium2.raw as raw

    page = doc[index]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        chars: list[tuple[str, float, float, float, float]] = []
        text: list[str] = []
        tp = textpage.raw
        box = raw.FS_RECTF()  # one struct for every character: the helper allocates per call
        box_ref = ctypes.byref(box)
        get_unicode, is_generated, loose_box = (
            raw.FPDFText_GetUnicode,
            raw.FPDFText_IsGenerated,
            raw.FPDFText_GetLooseCharBox,
        )
        for k in range(raw.FPDFText_CountChars(tp)):
            code = get_unicode(tp, k)
            if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
                continue
            ch = chr(code)
            text.append(ch)
            if ch.isspace() or is_generated(tp, k) == 1 or not loose_box(tp, k, box_ref):
                chars.append((" ", 0.0, 0.0, 0.0, 0.0))  # a word break
                continue
            chars.append((ch, box.left, height - box.top, box.right, height - box.bottom))
    finally:
        textpage.close()
        page.close()
    return _words(chars), "".join(text)


def _words(chars: list[tuple[str, float, float, float, float]]) -> list[Word]:
    """Characters in content order -> words: lines by top (within Y_TOLERANCE), then x order, then cuts."""
    lines: list[list[tuple[int, tuple[str, float, float, float, float]]]] = []
    tops: list[float] = []
    breaks = {k for k, c in enumerate(chars) if c[0] == " "}
    for k, c in enumerate(chars):
        if c[0] == " ":
            continue
        for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1):  # recent lines first
            if abs(tops[i] - c[2]) <= Y_TOLERANCE:
                lines[i].append((k, c))
                break
        else:
            lines.append([(k, c)])
            tops.append(c[2])
    words: list[Word] = []
    for line in lines:
        line.sort(key=lambda kc: kc[1][1])
        current: list[tuple[int, tuple[str, float, float, float, float]]] = []
        for k, c in line:
            if current:
                pk, prev = current[-1]
                spaced = 0 < k - pk <= 8 and any(j in breaks for j in range(pk + 1, k))
                if spaced or c[1] - prev[3] > X_TOLERANCE:
                    words.append(_word(current))
                    current = []
            current.append((k, c))
        if current:
            words.append(_word(current))
    return words


def _word(chars: list[tuple[int, tuple[str, float, float, float, float]]]) -> Word:
    """One word; coordinates rounded to 0.01 pt (PDFium's floats carry noise past that)."""
    return Word(
        "".join(c[0] for _, c in chars),
        round(min(c[1] for _, c in chars), 2),
        round(min(c[2] for _, c in chars), 2),
        round(max(c[3] for _, c in chars), 2),
        round(max(c[4] for _, c in chars), 2),
    )
