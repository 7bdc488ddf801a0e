"""Attendee tables: a header row naming 성명 and 직위/직책/소속 columns, then one row per person."""

from __future__ import annotations

from ..analyse.lines import Line
from ..resources import Models
from ..schema import Person
from .attendees import Collector
from .common import clean, compact, is_name, mostly_redacted


def _spaced_name(text: str, models: Models) -> bool:
    """`남궁 윤` (a space after the family name) or `설 지 호` (letter-spaced) is one name; `공석 중` is not."""
    parts = text.split()
    spaced = all(len(p) == 1 for p in parts) or (len(parts) == 2 and parts[0] in models.surnames)
    return len(parts) > 1 and spaced and is_name(compact(text), models)


def table_people(lines: list[Line], models: Models) -> list[Person]:
    """The people of the attendee tables among `lines`."""
    c = Collector(models)
    i = 0
    while i < len(lines):
        whole = [compact(x) for x in lines[i].raw.strip().split("\t")]
        width = _repeat(whole, models)
        head = whole[:width]  # `소속 | 직위 | 성명 | 소속 | 직위 | 성명`: two people to a row, side by side
        name_col = next((k for k, h in enumerate(head) if models.is_column(h, "name")), None)
        title_cols = [k for k, h in enumerate(head) if models.is_column(h, "title")]
        org_col = next((k for k, h in enumerate(head) if models.is_column(h, "org")), None)
        if name_col is None or not (title_cols or org_col is not None):
            i += 1
            continue
        # the role over the rank; a 구분 column (위원장, 위원, 당연직) only when nothing else names a title,
        # else it is the person's group
        title_cols.sort(key=lambda k: 0 if head[k].startswith("직책") else 2 if head[k] == "구분" else 1)
        group_col = title_cols.pop() if len(title_cols) > 1 and head[title_cols[-1]] == "구분" else None
        i += 1
        while i < len(lines) and "\t" in lines[i].raw:
            row_cells = [x.strip() for x in lines[i].raw.strip().split("\t")]
            row = lines[i]
            i += 1
            if abs(len(row_cells) - len(whole)) > 1:
                break
            row_cells += [""] * (len(whole) - len(row_cells))  # trailing empty cells are trimmed with the line
            for start in range(0, len(whole), width):
                _add(c, row, row_cells[start : start + width], name_col, title_cols, org_col, group_col, models)
    return c.people


def _repeat(head: list[str], models: Models) -> int:
    """The width of one person's columns: the whole row, or the period of a header that repeats them."""
    names = [k for k, h in enumerate(head) if models.is_column(h, "name")]
    if len(names) > 1:
        width = names[1] - names[0]
        if width > 1 and len(head) % width == 0 and all(head[k] == head[k - width] for k in range(width, len(head))):
            return width
    return len(head)


def _add(
    c: Collector,
    row: Line,
    cells: list[str],
    name_col: int,
    title_cols: list[int],
    org_col: int | None,
    group_col: int | None,
    models: Models,
) -> None:
    """The person in one row's cells (one person's columns of them)."""

    def cell(k: int | None) -> str | None:
        v = cells[k] if k is not None and k < len(cells) else ""
        return None if not v or mostly_redacted(v) else clean(v)

    name = cell(name_col)
    title = next((t for t in (cell(k) for k in title_cols) if t), None)
    if name is not None and _spaced_name(name, models):
        name = compact(name)
    if name is not None and not is_name(name, models):
        name = None
    if name or title:
        person = Person(name=name, title=title, organization=cell(org_col), group=cell(group_col))
        person.evidence = row.evidence()
        c.add(person, row=True, rule="attendee/table")
