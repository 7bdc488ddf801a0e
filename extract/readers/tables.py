"""How native tables reach the extractors, shared by the HWPX and HWP readers.

A row of short cells becomes one tab-separated block (the approval table reads as `주무관<TAB>팀장<TAB>과장`,
an attendee table as `성명<TAB>소속<TAB>직위` rows); a frame table (one cell, or cells holding an outline
or nested objects) is unrolled into its paragraphs in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")

_BRACKET_LABEL = re.compile(r"^\[[^\]]{1,20}\]$")
ROW_CELL_MAX = 3  # paragraphs per cell for a row to read as one tab-separated line
ROW_TEXT_MAX = 240


def emit_table(
    rows: Sequence[Sequence[tuple[int, int, Sequence[P]]]],
    path: str,
    plain: Callable[[P], str],
    emit_paragraph: Callable[[P, str], None],
    emit_line: Callable[[str, str], None],
    nested: Callable[[Sequence[P]], bool],
) -> None:
    n_cells = sum(len(r) for r in rows)
    for r_index, cells in enumerate(rows):
        flat = _row_line(cells, plain, nested) if n_cells > 1 else None
        if flat is not None:
            row = cells[0][0] if cells else r_index
            if len(flat) >= 4 and len(flat) % 2 == 0 and all(_BRACKET_LABEL.match(c) for c in flat[::2]):
                for k in range(0, len(flat), 2):  # `[ 세 목 ] 양도 [ 결정유형 ] 기각`: one line per pair
                    emit_line(f"{flat[k]}\t{flat[k + 1]}", f"{path}/r{row}")
            else:
                emit_line("\t".join(flat), f"{path}/r{row}")
            continue
        for row, col, paras in cells:
            for i, q in enumerate(paras):
                emit_paragraph(q, f"{path}/r{row}c{col}/p{i}")


def _row_line(
    cells: Sequence[tuple[int, int, Sequence[P]]],
    plain: Callable[[P], str],
    nested: Callable[[Sequence[P]], bool],
) -> list[str] | None:
    """The texts of a row's cells (empty cells kept: columns stay aligned) when the row reads as one
    tab-separated line: short cells (at most ROW_CELL_MAX paragraphs with text, ROW_TEXT_MAX characters
    in all), no outline and no nested object in any. None as soon as one cell says otherwise."""
    flat: list[str] = []
    total = 0
    for _, _, paras in cells:
        texts: list[str] = []
        for q in paras:
            t = plain(q).strip()
            if t:
                texts.append(t)
                if len(texts) > ROW_CELL_MAX:
                    return None
        if _outline(texts):
            return None
        flat.append(" ".join(texts))
        total += len(flat[-1])
        if total > ROW_TEXT_MAX:
            return None
    if any(nested(paras) for _, _, paras in cells):
        return None
    return flat


def _outline(texts: Sequence[str]) -> bool:
    """A cell whose paragraphs (their stripped texts) hold two or more outline items (`ㅇ …`, `- …`) is a
    list, not a value: unroll it."""
    from ..markers import split_marker

    if len(texts) < 2:
        return False
    found = 0
    for t in texts:
        if split_marker(t)[0] is not None:
            found += 1
            if found == 2:
                return True
    return False


def group_rows(cells: Sequence[tuple[int, int, Sequence[P]]]) -> list[list[tuple[int, int, Sequence[P]]]]:
    """Cells (row, col, paragraphs) in document order -> rows ordered by row address, cells by column."""
    rows: dict[int, list[tuple[int, int, Sequence[P]]]] = {}
    for cell in cells:
        rows.setdefault(cell[0], []).append(cell)
    return [sorted(rows[r], key=lambda c: c[1]) for r in sorted(rows)]
