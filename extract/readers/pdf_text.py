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

from .layout import Word

X_TOLERANCE = 1.5
Y_TOLERANCE = 3.0


def page_words(doc: Any, index: int) -> tuple[list[Word], str]:
    """(words, the page's characters as one string) for page `index` of a pypdfium2 PdfDocument.

    The text comes in one call (UTF-16, one unit per character index; per index when some characters have no
    Unicode value and the call leaves them out); a box is asked for only for
    characters that are not white space. PDFium's generated characters (the spaces and line breaks it
    inserts) are white space, so they break words like the written spaces do."""
    import ctypes

    import pypdfium2.raw as raw

    page = doc[index]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        buffer = ctypes.create_string_buffer(2 * (n + 1))
        written = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        units = buffer.raw[: 2 * n].decode("utf-16-le", errors="surrogatepass")
        if n and written - 1 != n:  # GetText leaves out characters without a Unicode value (a glyph missing
            # from its font's ToUnicode map): the units no longer line up with the indices, so ask per index
            units = "".join(chr(raw.FPDFText_GetUnicode(tp, k) or 0xFFFD) for k in range(n))  # drawn, unnamed
        chars: list[tuple[str, float, float, float, float]] = []
        text: list[str] = []
        box = raw.FS_RECTF()  # one struct for every character: the helper allocates per call
        box_ref = ctypes.byref(box)
        loose_box = raw.FPDFText_GetLooseCharBox
        for k, ch in enumerate(units):
            code = ord(ch)
            if code == 0 or code >= 0xFFFE or 0xD800 <= code <= 0xDFFF:  # (U+FFFD, a glyph without a name, stays)
                continue
            text.append(ch)
            if ch.isspace() or not loose_box(tp, k, box_ref):
                chars.append(_BREAK)
                continue
            chars.append((ch, box.left, height - box.top, box.right, height - box.bottom))
    finally:
        textpage.close()
        page.close()
    return _words(chars), "".join(text)


_BREAK = (" ", 0.0, 0.0, 0.0, 0.0)  # a word break


def _words(chars: list[tuple[str, float, float, float, float]]) -> list[Word]:
    """Characters in content order -> words: lines by top (within Y_TOLERANCE), then x order, then cuts
    at a space between two characters close in content order, or at a gap wider than X_TOLERANCE."""
    lines: list[list[tuple[int, tuple[str, float, float, float, float]]]] = []
    tops: list[float] = []
    breaks_before = [0] * (len(chars) + 1)  # how many breaks precede index k
    count = 0
    for k, c in enumerate(chars):
        breaks_before[k] = count
        if c[0] == " ":
            count += 1
            continue
        for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1):  # recent lines first
            if abs(tops[i] - c[2]) <= Y_TOLERANCE:
                lines[i].append((k, c))
                break
        else:
            lines.append([(k, c)])
            tops.append(c[2])
    breaks_before[len(chars)] = count
    words: list[Word] = []
    for line in lines:
        line.sort(key=lambda kc: kc[1][1])
        pk, prev = line[0]
        letters, x0, top, x1, bottom = [prev[0]], prev[1], prev[2], prev[3], prev[4]
        for k, c in line[1:]:
            spaced = 0 < k - pk <= 8 and breaks_before[k] > breaks_before[pk + 1]
            if spaced or c[1] - prev[3] > X_TOLERANCE:
                words.append(_word(letters, x0, top, x1, bottom))
                letters, x0, top, x1, bottom = [c[0]], c[1], c[2], c[3], c[4]
            else:  # comparisons, not min()/max() calls: this runs once per character
                letters.append(c[0])
                if c[2] < top:
                    top = c[2]
                if c[3] > x1:
                    x1 = c[3]
                if c[4] > bottom:
                    bottom = c[4]
            pk, prev = k, c
        words.append(_word(letters, x0, top, x1, bottom))
    return words


def _word(letters: list[str], x0: float, top: float, x1: float, bottom: float) -> Word:
    """One word; coordinates rounded to 0.01 pt (PDFium's floats carry noise past that)."""
    return Word("".join(letters), round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
