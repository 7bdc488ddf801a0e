"""Outline markers recovered from their shape on the page image.

Tesseract's Korean model has no good reading for the bullets of administrative reports: a □ comes out as
ㅁ or 디, a ○ as (, 0 or o, and circled numbers ①–⑤ as (1), 0), @ or 69). The outline depends on them, so
the first word of each OCR line is looked at when it is short and not a Korean word: a glyph about as wide
as it is high whose frame is inked on all four sides with empty corners is round (○, or a circled number
when its inside holds ink), with inked corners square (□). Circled numbers are numbered in their order on
the page (the digit Tesseract saw is used only to start the count).
"""

from __future__ import annotations

import re
from typing import Any

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HANGUL_WORD = re.compile(r"[가-힣]{2,}")
_CANDIDATE = re.compile(r"^[^가-힣]{1,4}$|^[ㅁㅇ디ㄱ口]$")  # short and not a Korean word


def classify(ink: Any, closed: float = 0.9) -> str | None:
    """'square', 'circle', 'circled' or None for a boolean crop (rows x columns) around one glyph. `closed`:
    how much of the middle of each side must be inked (a thin ring blurred by the scanner loses some)."""
    import numpy as np

    h, w = ink.shape
    if h < 8 or w < 8 or not 0.75 <= w / h <= 1.33:
        return None
    band = max(1, round(0.18 * min(h, w)))
    r0, r1, c0, c1 = round(0.35 * h), round(0.65 * h) + 1, round(0.35 * w), round(0.65 * w) + 1
    middles = [  # a frame crosses the middle of each side: true of □ ○ ①, not of `2)` or letters
        ink[r0:r1, :band].any(axis=1).mean(), ink[r0:r1, -band:].any(axis=1).mean(),
        ink[:band, c0:c1].any(axis=0).mean(), ink[-band:, c0:c1].any(axis=0).mean(),
    ]  # fmt: skip
    if min(middles) < closed:
        return None  # not closed on all four sides
    cy, cx = h // 2, w // 2
    inner = ink[cy - h // 5 : cy + h // 5 + 1, cx - w // 5 : cx + w // 5 + 1].mean()
    c = max(1, round(0.15 * min(h, w)))
    corners = float(np.mean([ink[:c, :c].mean(), ink[:c, -c:].mean(), ink[-c:, :c].mean(), ink[-c:, -c:].mean()]))
    if corners >= 0.45 and inner < 0.15:
        return "square"
    if corners < 0.25:
        return "circled" if inner >= 0.15 else "circle"
    return None


def _glyph(page_ink: Any, x0: int, y0: int, x1: int, y1: int) -> Any:
    """The ink of the glyph under a word box, tight. Tesseract's box for a misread bullet (`1` for □) can
    be narrower than the glyph: the columns of ink that continue the box's own, without a blank column
    between, are taken in up to the box's height either side."""
    import numpy as np

    y0, x0 = max(0, y0), max(0, x0)
    band = page_ink[y0 : y1 + 1]
    if band.size == 0 or not band[:, x0 : x1 + 1].any():
        return None
    reach = y1 - y0
    inked = band.any(axis=0)
    left, right = x0, x1
    while left > max(0, x0 - reach) and inked[left - 1]:
        left -= 1
    while right < min(len(inked) - 1, x1 + reach) and inked[right + 1]:
        right += 1
    crop = band[:, left : right + 1]
    rows, cols = np.flatnonzero(crop.any(axis=1)), np.flatnonzero(crop.any(axis=0))
    return crop[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]  # tight around the ink


def recover(lines: list[Any], image: Any, to_pixels: float, page_ink: Any = None) -> dict[int, str]:
    """{line index: marker} for OCR lines (layout.TextLine) whose first word is a □, ○ or circled number
    on `image`; word coordinates times `to_pixels` are the image's pixels."""

    from .layout import word_height
    from .preprocess import ink

    if page_ink is None:  # the image's ink mask, when the caller has not made it already
        page_ink, _ = ink(image)
    found: dict[int, str] = {}
    count = 0
    letter = word_height([w for line in lines for w in line.words]) or 0.0  # the page's typical word height
    for i, line in enumerate(lines):
        if len(line.words) < 2:
            continue
        first = line.words[0]
        if not _CANDIDATE.match(first.text) or first.bottom - first.top < 0.7 * letter:
            continue  # a Korean word, or a mark smaller than the page's letters (asterisks, stamps)
        box = tuple(round(v * to_pixels) for v in (first.x0, first.top, first.x1, first.bottom))
        crop = _glyph(page_ink, *box)
        if crop is None:
            continue
        kind = classify(crop)
        if kind == "square":
            found[i] = "□"
        elif kind == "circle":
            found[i] = "○"
        elif kind == "circled":
            digits = re.findall(r"[1-9]", first.text)
            # the first of a page starts the count: at the digit read, when a list may plausibly go on there
            # from the page before (2-5); ① itself comes back as 8, 0) or @ as often as 1
            count = count + 1 if count else (int(digits[0]) if len(digits) == 1 and digits[0] in "12345" else 1)
            found[i] = CIRCLED[min(count, len(CIRCLED)) - 1]
    return found


def glued(lines: list[Any], image: Any, to_pixels: float, page_ink: Any = None) -> dict[int, str]:
    """{line index: marker} for OCR lines whose bullet Tesseract read into the first word and dropped
    (`○이하늘 위원` read as `이하늘`): the word's box is wider than its syllables need by most of a glyph,
    and the ink it opens with, a blank column away from the rest, is a □ or ○ by its shape. The width
    test keeps the ㅇ of a first syllable such as 이 from passing for a bullet."""
    import statistics

    import numpy as np

    from .layout import word_height
    from .preprocess import ink

    letter = (word_height([w for line in lines for w in line.words]) or 0.0) * to_pixels
    advances = [(w.x1 - w.x0) / len(w.text) for ln in lines for w in ln.words if _HANGUL_WORD.fullmatch(w.text)]
    if letter <= 0 or len(advances) < 5:
        return {}
    advance = statistics.median(advances) * to_pixels
    if page_ink is None:  # the image's ink mask, when the caller has not made it already
        page_ink, _ = ink(image)
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        first = line.words[0] if line.words else None
        if first is None or not re.fullmatch(r"[가-힣]{1,8}", first.text):
            continue
        x0, y0, x1, y1 = (round(v * to_pixels) for v in (first.x0, first.top, first.x1, first.bottom))
        if x1 - x0 < (len(first.text) + 0.7) * advance:
            continue  # no room in the box for a glyph besides its syllables
        pad = round(0.3 * letter)  # the word's box may clip a bullet that stands taller than its letters
        band = page_ink[max(0, y0 - pad) : y1 + pad + 1]
        cols = band[:, x0 : x1 + 1].any(axis=0)
        if not cols.any():
            continue
        start = int(cols.argmax())
        end = start
        while end + 1 < len(cols) and cols[end + 1]:
            end += 1
        if end + 1 >= len(cols) or not 0.6 * letter <= end - start + 1 <= 1.3 * letter:
            continue  # the opening ink runs into the word, or is not glyph-sized
        crop = band[:, x0 + start : x0 + end + 1]
        rows = np.flatnonzero(crop.any(axis=1))
        kind = classify(crop[rows[0] : rows[-1] + 1], closed=0.6) if rows.size else None  # the width test guards
        if kind in {"square", "circle"}:
            found[i] = "□" if kind == "square" else "○"
    return found
