"""A second reading of the parts of a page that Tesseract read as junk.

Page segmentation mode 4 (one column of text of varying size) reads report bodies best, but it lines up
rows across the whole page: where two small ruled tables stand side by side at slightly different
heights (the header table beside the 결재 table, a stamp over a name), it cuts through both and returns
syllables read with confidence near zero (`로 저 변류여티안` for `주무관 청년참여팀장 청년정책담당관`).
Such words are gathered into regions; a region is read again on its own with mode 11 (sparse text: each
cell by itself) only when it is junk (most of its words misread, and those scored near zero: correct but
doubtful words score 20-40, and reading them again did more harm than good), and the second reading
replaces the first's doubtful words there when it holds more confidently read characters. Lines are
rebuilt from word positions afterwards, so the two modes need not agree on lines. Readers ask for this on
the first and last pages only: the header and 결재 tables stand there (before the title, or at the end of
a 시행문), and on the pages between, the junk is pictures and masked tables that a second pass cannot
read (it cost 15% more OCR time on the corpus scans when two regions of every page were read again, 3% for
the largest region of the first and last pages, with the same scores).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .layout import Word, word_height

LOW = 40.0  # a word scored below this is misread
JUNK = 20.0  # ... and a region whose misread words average below this is junk
GOOD = 60.0  # a word scored from this on counts as read
MIN_WORDS = 3  # misread words a region needs (a lone stray mark is not worth a pass)
MAX_REGIONS = 1  # per page, the largest: each costs one Tesseract run on a crop
MAX_WIDTH = 0.5  # of the page: a region of side-by-side table cells is narrower than that
CONFIG = "--psm 11 -c thresholding_method=2 -c preserve_interword_spaces=1"

Box = tuple[float, float, float, float]


def wanted(page: int, pages: int) -> bool:
    """Whether readers ask for a second reading on page `page` (0-based) of `pages`: the first and last."""
    return page in (0, pages - 1)


def regions(words: list[Word]) -> list[Box]:
    """Boxes around clusters of misread words: a word joins a cluster when its box comes within one of its
    heights of it vertically and six across (the cells of a table row lie far apart). Largest first."""
    low = [w for w in words if w.conf is not None and w.conf < LOW]
    clusters: list[tuple[list[Word], list[float]]] = []
    for w in sorted(low, key=lambda w: (w.top, w.x0)):
        reach = w.bottom - w.top
        for members, box in clusters:
            across = w.x0 - 6 * reach <= box[2] and w.x1 + 6 * reach >= box[0]
            if across and w.top - reach <= box[3] and w.bottom + reach >= box[1]:
                members.append(w)
                box[:] = [min(box[0], w.x0), min(box[1], w.top), max(box[2], w.x1), max(box[3], w.bottom)]
                break
        else:
            clusters.append(([w], [w.x0, w.top, w.x1, w.bottom]))
    found = sorted((c for c in clusters if len(c[0]) >= MIN_WORDS), key=lambda c: -len(c[0]))
    return [(b[0], b[1], b[2], b[3]) for _, b in found[:MAX_REGIONS]]


def read_chars(words: list[Word]) -> int:
    """Characters in words read with at least GOOD confidence."""
    return sum(len(w.text) for w in words if w.conf is not None and w.conf >= GOOD)


def _inside(w: Word, box: Box) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _is_junk(words: list[Word]) -> bool:
    confs = [w.conf for w in words if w.conf is not None]
    low = [c for c in confs if c < LOW]
    return 2 * len(low) >= len(confs) and bool(low) and sum(low) < JUNK * len(low)


def reread(image: Any, words: list[Word], recognise: Any) -> tuple[list[Word], int]:
    """`words` (in `image` pixels) with junk regions read again; also how many regions were replaced.
    `recognise(crop, config)` returns the crop's words in crop pixels."""
    margin = 2 * (word_height(words) or 20.0)  # white space around a crop reads better
    replaced = 0
    for box in regions(words):
        if box[2] - box[0] > MAX_WIDTH * image.width:
            continue  # junk across the page is a picture or a masked table: read again, it stays junk
        before = [w for w in words if _inside(w, box)]
        if not _is_junk(before):
            continue
        x0, y0 = max(0, int(box[0] - margin)), max(0, int(box[1] - margin))
        x1, y1 = min(image.width, int(box[2] + margin)), min(image.height, int(box[3] + margin))
        crop = image.crop((x0, y0, x1, y1))
        again = [
            replace(w, x0=w.x0 + x0, x1=w.x1 + x0, top=w.top + y0, bottom=w.bottom + y0)
            for w in recognise(crop, CONFIG)
        ]
        again = [w for w in again if _inside(w, box)]
        doubtful = [w for w in before if w.conf is None or w.conf < GOOD]
        if read_chars(again) > read_chars(doubtful):
            kept = [w for w in before if w.conf is not None and w.conf >= GOOD]
            outside = [w for w in words if not _inside(w, box)]
            # a word of the second reading that the first read already (confidently inside the box, or with
            # its middle just outside it: the box's edge cuts through a line) is not read twice
            near = kept + [w for w in outside if _overlaps(w, (x0, y0, x1, y1))]
            again = [w for w in again if not any(_overlaps(w, k) for k in near)]
            words = outside + kept + again
            replaced += 1
    return words, replaced


def _overlaps(a: Word, b: Word | Box) -> bool:
    """Boxes sharing at least a third of the smaller one's area."""
    bx0, btop, bx1, bbottom = (b.x0, b.top, b.x1, b.bottom) if isinstance(b, Word) else b
    dx = min(a.x1, bx1) - max(a.x0, bx0)
    dy = min(a.bottom, bbottom) - max(a.top, btop)
    if dx <= 0 or dy <= 0:
        return False
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (bx1 - bx0) * (bbottom - btop))
    return dx * dy >= smaller / 3
