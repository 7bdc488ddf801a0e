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
        texts = [[t for t in (plain(q).strip() for q in paras) if t] for _, _, paras in cells]
        simple = (
            n_cells > 1
            and not any(_outline(t) for t in texts)
            and all(len(t) <= ROW_CELL_MAX for t in texts)
            and sum(len(" ".join(t)) for t in texts) <= ROW_TEXT_MAX
            and not any(nested(paras) for _, _, paras in cells)
        )
        if simple:
            row = cells[0][0] if cells else r_index
            flat = [" ".join(t) for t in texts]  # empty cells kept: columns stay aligned
            if len(flat) >= 4 and len(flat) % 2 == 0 and all(_BRACKET_LABEL.match(c) for c in flat[::2]):
                for k in range(0, len(flat), 2):  # `[ 세 목 ] 양도 [ 결정유형 ] 기각`: one line per pair
                    emit_line(f"{flat[k]}\t{flat[k + 1]}", f"{path}/r{row}")
            else:
                emit_line("\t".join(flat), f"{path}/r{row}")
            continue
        for row, col, paras in cells:
            for i, q in enumerate(paras):
                emit_paragraph(q, f"{path}/r{row}c{col}/p{i}")


def _outline(texts: Sequence[str]) -> bool:
    """A cell whose paragraphs (their stripped texts) hold two or more outline items (`ㅇ …`, `- …`) is a
    list, not a value: unroll it."""
    from ..lines import split_marker

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
