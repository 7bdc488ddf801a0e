"""Tables that reached the text flattened, one cell a line (web copies of 심의결과 tables and attendee
tables, text pulled from a PDF or a viewer): joined back into rows, one tab-separated block a row, the
shape the native readers give tables, so that the field extractors read them as tables.

A flattened table shows itself by its header: a run of three or more short lines that are column headers
(models/lexicons/columns.tsv), the first a serial column (연번, 번호, No.). Its width is the number of
headers; the rows follow, each opening with its serial number (1, 2, 3, …). The rows end where that stops:
a line that is no next serial, a cell that opens an outline item, or the text's end.
"""

from __future__ import annotations

import dataclasses
import re

from ..document import Block, RawDocument
from ..resources import Models

MIN_COLUMNS = 3
MAX_CELL = 200  # characters: a longer line is prose, not a cell
_SERIAL = re.compile(r"^\d{1,3}\.?$")
_OUTLINE = re.compile(r"^(?:[□■○●◎◦❍ㅇ▷▶※]|[ⅠⅡⅢⅣⅤ]|\d{1,2}\.\s|[가나다라마바사아자차카타파하]\.\s)")


def join(raw: RawDocument, models: Models) -> RawDocument:
    """The document with its flattened tables joined into rows (unchanged when it has none)."""
    changed = False
    pages = []
    for page in raw.pages:
        blocks = _join(page.blocks, models)
        changed = changed or len(blocks) != len(page.blocks)
        pages.append(dataclasses.replace(page, blocks=blocks))
    return dataclasses.replace(raw, pages=pages) if changed else raw


def _join(blocks: list[Block], models: Models) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        width = _header_width(blocks, i, models)
        if width:
            rows = _rows(blocks, i + width, width, models)
            if rows:
                out.append(_row(blocks[i : i + width]))
                out.extend(_row(blocks[k : k + width]) for k in range(i + width, i + width * (rows + 1), width))
                i += width * (rows + 1)
                continue
        out.append(blocks[i])
        i += 1
    return out


def _cell(block: Block) -> str:
    return block.text.strip()


def _header_width(blocks: list[Block], i: int, models: Models) -> int:
    """The number of column headers in a run starting at block i with a serial column, else 0."""
    first = _cell(blocks[i])
    if len(first) > 4 or "\t" in blocks[i].text or not models.columns["serial"].fullmatch(first):
        return 0
    k = i + 1
    while (
        k < len(blocks) and "\t" not in blocks[k].text and models.column_role(_cell(blocks[k])) not in {None, "serial"}
    ):
        k += 1
    return k - i if k - i >= MIN_COLUMNS else 0


def _rows(blocks: list[Block], start: int, width: int, models: Models) -> int:
    """How many rows of `width` cells follow, each opening with the next serial number."""
    rows = 0
    while start + width * (rows + 1) <= len(blocks):
        cells = [_cell(b) for b in blocks[start + width * rows : start + width * (rows + 1)]]
        serial = _SERIAL.match(cells[0])
        if serial is None or int(cells[0].rstrip(".")) != rows + 1:
            break
        if any(not c or len(c) > MAX_CELL or "\t" in c or _OUTLINE.match(c) for c in cells[1:]):
            break
        if any(models.column_role(c) == "serial" for c in cells[1:]):
            break
        rows += 1
    return rows


def _row(cells: list[Block]) -> Block:
    """One block for a row of cells: the texts joined by tabs, the first cell's provenance."""
    first = cells[0]
    boxes = [b.bbox for b in cells if b.bbox is not None]
    bbox = (
        (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        if boxes
        else None
    )
    return dataclasses.replace(first, text="\t".join(_cell(b) for b in cells), bbox=bbox)
