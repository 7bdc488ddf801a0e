"""Outline markers from their shape: hollow squares, rings and circled numbers drawn on a page are told
apart from letters and filled marks; circled numbers are numbered in page order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.readers import glyphs
from extract.readers.layout import TextLine, Word

FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")


def _crop(draw_fn) -> np.ndarray:
    img = Image.new("L", (60, 60), 255)
    draw_fn(ImageDraw.Draw(img))
    ink = np.asarray(img) < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _font() -> ImageFont.FreeTypeFont:
    if not FONT.exists():
        pytest.skip("fonts-nanum is not installed")
    return ImageFont.truetype(str(FONT), 40)


SHAPES = [
    ("hollow square", lambda d: d.rectangle((8, 8, 48, 48), outline=0, width=3), "square"),
    ("ring", lambda d: d.ellipse((8, 8, 48, 48), outline=0, width=3), "circle"),
    ("circled digit", lambda d: (d.ellipse((8, 8, 48, 48), outline=0, width=3), d.rectangle((26, 18, 30, 38), fill=0)), "circled"),
    ("filled square", lambda d: d.rectangle((8, 8, 48, 48), fill=0), None),
    ("dash", lambda d: d.rectangle((8, 28, 48, 31), fill=0), None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "draw", "kind"), SHAPES)
def test_shapes(name: str, draw, kind: str | None) -> None:
    assert glyphs.classify(_crop(draw)) == kind, name


@pytest.mark.parametrize("letter", ["가", "회", "의", "3", "2)"])
def test_letters_are_not_markers(letter: str) -> None:
    font = _font()
    assert glyphs.classify(_crop(lambda d: d.text((8, 4), letter, font=font, fill=0))) is None


@pytest.mark.parametrize(
    ("first", "numbers"),
    [("(1)", "①②③"), ("8", "①②③"), ("3", "③④⑤")],  # 8 is ① misread; 3 may go on from the page before
)
def test_circled_numbers_are_numbered_in_page_order(first: str, numbers: str) -> None:
    img = Image.new("L", (600, 400), 255)
    d = ImageDraw.Draw(img)
    lines = []
    for k, misread in enumerate([first, "0)", "@"]):
        top = 40 + 100 * k
        d.ellipse((20, top, 60, top + 40), outline=0, width=3)
        d.rectangle((38, top + 10, 42, top + 30), fill=0)
        lines.append(TextLine([Word(misread, 20, top, 60, top + 40), Word("항목", 80, top, 160, top + 40)]))
    d.rectangle((20, 360, 60, 398), outline=0, width=3)
    lines.append(TextLine([Word("ㅁ", 20, 360, 60, 398), Word("추진결과", 80, 360, 200, 398)]))
    assert glyphs.recover(lines, img, 1.0) == {0: numbers[0], 1: numbers[1], 2: numbers[2], 3: "□"}


# Tesseract's box for a misread bullet may cover only part of it (`1` boxed around the □'s left side).
NARROW_BOXES = [
    ("1", 18, 30, "□"),  # the left side of the square only
    ("l", 40, 50, "□"),  # the right side only
    ("ㅁ", 20, 60, "□"),  # the whole glyph, as before
]


@pytest.mark.parametrize(("misread", "x0", "x1", "marker"), NARROW_BOXES)
def test_a_box_narrower_than_its_bullet_still_finds_it(misread: str, x0: int, x1: int, marker: str) -> None:
    img = Image.new("L", (400, 100), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((20, 30, 60, 70), outline=0, width=3)
    d.rectangle((90, 30, 200, 70), fill=0)  # the heading's text, a gap away
    lines = [TextLine([Word(misread, x0, 26, x1, 74), Word("상설협의체", 90, 30, 200, 70)])]
    assert glyphs.recover(lines, img, 1.0) == {0: marker}


def test_the_widened_box_stops_at_a_blank_column() -> None:
    img = Image.new("L", (400, 100), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((20, 30, 24, 70), fill=0)  # a bar (`1`, `l`), then a gap, then text
    d.rectangle((40, 30, 200, 70), fill=0)
    lines = [TextLine([Word("1", 18, 26, 26, 74), Word("상설협의체", 40, 30, 200, 70)])]
    assert glyphs.recover(lines, img, 1.0) == {}


def _page_with_first_word(ring: bool, width: int) -> tuple[Image.Image, list[TextLine]]:
    """A line opening with `이하늘` whose box is `width` wide, a ring drawn at its left when `ring`, under
    five lines of ordinary words (33 px a syllable) that set the page's letter size and advance."""
    img = Image.new("L", (700, 400), 255)
    d = ImageDraw.Draw(img)
    lines = []
    for k in range(5):
        top = 20 + 40 * k
        d.rectangle((100, top, 199, top + 30), fill=0)
        lines.append(TextLine([Word("회의를", 100, top, 199, top + 30), Word("개최함", 210, top, 309, top + 30)]))
    top = 260
    x = 20
    if ring:
        d.ellipse((20, top, 48, top + 30), outline=0, width=2)
        x = 56
    d.rectangle((x, top, x + 95, top + 30), fill=0)  # three syllables
    lines.append(
        TextLine(
            [
                Word("이하늘", 20, top + 2, 20 + width, top + 28),
                Word("위원", 20 + width + 12, top, 20 + width + 80, top + 30),
            ]
        )
    )
    return img, lines


@pytest.mark.parametrize(
    ("ring", "width", "found"),
    [(True, 131, {5: "○"}),  # the box holds a glyph besides its three syllables: the ring is a bullet
     (True, 99, {}),  # no room for one: what opens the box is part of the word
     (False, 131, {})],  # room, but no ring
)  # fmt: skip
def test_a_bullet_read_into_the_first_word(ring: bool, width: int, found: dict[int, str]) -> None:
    img, lines = _page_with_first_word(ring, width)
    assert glyphs.glued(lines, img, 1.0) == found
