"""Page images before OCR: greyscale, dark scan borders removed, table rules erased, skew corrected,
large type scaled down.

Korean office reports put their header (문서번호, 결재일자, 공개여부) and the approval line in ruled
tables. With the rules on the page, Tesseract takes the boxes for pictures and drops their text (measured
on ../shared/corpus/scans: the whole header block vanished); with the rules erased it reads the cells as
text lines, and the layout step turns their column gaps into tabs as for digital PDFs. Long dark runs are
found with run lengths on a thresholded copy (numpy), so letters, whose strokes are short, are kept.

Skew of a degree moves a line's end by a whole line height on an A4 page at 300 dpi, which breaks the
grouping of words into lines; the angle is found by the projection-profile method on a small copy. Pages
are rotated only from 1 degree on: on the corpus scans (a few tenths of a degree) resampling the page cost
more characters than the skew did, and Tesseract copes with small skew itself.
(Word boxes of a rotated page are in the rotated page's coordinates: off by at most the skew.)

Type size: pages set in large type (or rendered at a high resolution) are scaled down towards text rows of
TEXT_PX pixels, never below MIN_FACTOR of their size: Tesseract's time grows with the pixel count, and on
the corpus scans the smaller pages read better (scan micro F1 0.57 unscaled, 0.73 scaled to 0.85);
further down, colons in times (`14:00`) were lost on the rendered samples.
Binarisation itself is left to Tesseract's Sauvola, which measured best on noisy scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_SKEW = 2.5  # degrees searched either way
SKEW_STEP = 0.25
GROW = 3  # pixels erased around a rule
MIN_ROTATION = 1.0  # degrees: below this, rotating (and resampling) the page cost more than the skew
TEXT_PX = 26  # text row height Tesseract gets: larger type is scaled down towards it (0: never scale)
MIN_FACTOR = 0.85  # at most down to 255 dpi from 300: below that, colons in times (14:00) were lost


@dataclass
class Prepared:
    image: Any  # PIL "L" image given to Tesseract
    skew: float  # degrees the page was rotated by (counter-clockwise)
    rules_removed: int  # pixels of table rules erased
    factor: float = 1.0  # image size given to Tesseract / rendered size
    text_px: float | None = None  # body text row height as rendered (see text_height)


def ink(grey: Any) -> tuple[Any, int]:
    """Boolean ink mask and the background level: ink is darker than halfway to the paper (levels
    measured on every 4th pixel each way, which is as good and 16 times cheaper)."""
    import numpy as np

    arr = np.asarray(grey, dtype=np.uint8)
    sample = arr[::4, ::4]
    paper, dark = (int(v) for v in np.percentile(sample, [75, 1]))
    return arr < (paper + dark) // 2, paper


def _long_runs(mask: Any, length: int) -> Any:
    """Pixels that belong to horizontal runs of at least `length` True values in `mask`."""
    import numpy as np

    h, w = mask.shape
    out = np.zeros((h, w), dtype=bool)
    rows = np.flatnonzero(np.count_nonzero(mask, axis=1) >= length)  # only these can hold such a run: 4x faster
    if rows.size == 0:
        return out
    padded = np.zeros((rows.size, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask[rows]
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)  # row-major: starts and ends pair up
    ends = np.argwhere(diff == -1)
    keep = (ends[:, 1] - starts[:, 1]) >= length
    for (row, x0), (_, x1) in zip(starts[keep], ends[keep], strict=True):
        out[rows[row], x0:x1] = True
    return out


def remove_rules(grey: Any) -> tuple[Any, int]:
    """Erase table rules and filled bars: horizontal runs longer than 6% of the page width and vertical
    runs longer than 4.5% of its height (letters are far shorter), plus a few pixels around them."""
    import numpy as np
    from PIL import Image

    mask, paper = ink(grey)
    h, w = mask.shape
    rules = _long_runs(mask, max(40, int(0.06 * w))) | _long_runs(mask.T, max(40, int(0.045 * h))).T
    if not rules.any():
        return grey, 0
    grown = rules.copy()  # with their antialiased edges, which Sauvola would otherwise make into lines
    for _ in range(GROW):
        step = grown.copy()
        step[1:, :] |= grown[:-1, :]
        step[:-1, :] |= grown[1:, :]
        step[:, 1:] |= grown[:, :-1]
        step[:, :-1] |= grown[:, 1:]
        grown = step
    arr = np.array(grey, dtype=np.uint8)
    arr[grown] = paper
    return Image.fromarray(arr, mode="L"), int(grown.sum())


def remove_dark_borders(grey: Any) -> Any:
    """Whiten the dark frame a scanner leaves around a page: edge rows/columns that are mostly ink."""
    import numpy as np
    from PIL import Image

    mask, paper = ink(grey)
    h, w = mask.shape
    rows = np.count_nonzero(mask, axis=1) >= 0.5 * w
    cols = np.count_nonzero(mask, axis=0) >= 0.5 * h

    def run(flags: Any, limit: int) -> int:  # how many leading entries are mostly ink (at most `limit`)
        clear = np.flatnonzero(~flags[:limit])
        return int(clear[0]) if clear.size else limit

    cuts = {
        "top": run(rows, h // 10), "bottom": run(rows[::-1], h // 10),
        "left": run(cols, w // 10), "right": run(cols[::-1], w // 10),
    }  # fmt: skip
    if not any(cuts.values()):
        return grey
    arr = np.array(grey, dtype=np.uint8)
    arr[: cuts["top"], :] = paper
    arr[h - cuts["bottom"] :, :] = paper
    arr[:, : cuts["left"]] = paper
    arr[:, w - cuts["right"] :] = paper
    return Image.fromarray(arr, mode="L")


def skew_angle(grey: Any) -> float:
    """The rotation (degrees) that makes text rows horizontal: the angle whose row profile of ink is the
    sharpest (largest variance), searched on a copy about 600 px wide."""
    import numpy as np
    from PIL import Image

    scale = min(1.0, 600 / max(grey.width, 1))
    small = grey.resize((max(1, int(grey.width * scale)), max(1, int(grey.height * scale))))
    mask, _ = ink(small)
    if mask.sum() < 50:
        return 0.0
    img = Image.fromarray((mask * 255).astype(np.uint8), mode="L")
    best, best_score = 0.0, -1.0
    steps = int(MAX_SKEW / SKEW_STEP)
    for k in range(-steps, steps + 1):
        angle = k * SKEW_STEP
        rows = np.asarray(img.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
        score = float(np.var(np.diff(rows)))
        if score > best_score:
            best, best_score = angle, score
    return best


def text_height(grey: Any) -> float | None:
    """Height (px) of a line of body type: the lower quartile of the heights of the runs of rows that hold
    ink (titles are taller, and lines set close together merge into taller runs, so the quartile is the
    safe side)."""
    import numpy as np

    mask, _ = ink(grey)
    rows = np.count_nonzero(mask, axis=1) > max(3, 0.005 * mask.shape[1])
    padded = np.concatenate([[False], rows, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    heights = edges[1::2] - edges[::2]
    heights = heights[heights >= 5]
    return float(np.percentile(heights, 25)) if heights.size >= 3 else None


def prepare(image: Any, text_px: int | None = None) -> Prepared:
    """The image Tesseract reads: grey, borders whitened, deskewed from MIN_ROTATION on, rules erased,
    scaled towards `text_px` (default TEXT_PX) rows. Multiply its pixel coordinates by 1/factor to get
    back to the rendered page."""
    from PIL import Image, ImageOps

    grey = ImageOps.grayscale(image)
    grey = remove_dark_borders(grey)
    angle = skew_angle(grey)
    if abs(angle) >= MIN_ROTATION:
        _, paper = ink(grey)
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper, expand=False)
    grey, removed = remove_rules(grey)
    target = TEXT_PX if text_px is None else text_px
    height = text_height(grey)
    factor = 1.0
    if target and height and height > 1.25 * target:
        factor = max(MIN_FACTOR, target / height)
        size = (max(1, round(grey.width * factor)), max(1, round(grey.height * factor)))
        grey = grey.resize(size, resample=Image.Resampling.LANCZOS)
    return Prepared(grey, angle, removed, factor, height)
