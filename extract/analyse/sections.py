"""Outline markers -> a tree of lines, and its `Section` view for the output.

Korean reports nest `Ⅰ > □ > ○ > - > ·` (or `1. > 가. > 1) > 가) > (1) > ①`), but issuers skip levels
and mix families. The tree is built the way a reader does it: a marker already open on the stack closes
everything opened after it (a sibling); a marker not seen yet opens a child, unless indentation or the
usual rank of the markers says it sits further out. Markdown headings (`##`) frame everything below them;
a bare section title (`결정사항`, `향후 계획`) holds the lines after it until one is dedented below it, the
next such title, or a document field that ends the body (`붙임`, `시행`).
Lines without a marker hang under the innermost open item, unless they are dedented below it (table rows,
which start at the margin wherever the table sits, never leave it) or close the report far to the right
(its date and sender, right-aligned).
"""

from __future__ import annotations

from ..markers import RANK
from ..schema import Section
from .lines import Line

MAX_DEPTH = 32  # no real report nests deeper; deeper lines become siblings at this depth
# Labelled document fields that come after the body (or before it): a bare section title does not hold them.
_CLOSING = {"attachments", "approval_date", "doc_number", "disclosure", "recipient", "via", "title", "contact"}
_NUMBERED = {"num_dot", "kor_dot", "num_paren", "kor_paren", "paren_num", "paren_kor", "circled", "circled_kor"}


SIGN_OFF_LINES = 4  # the last lines of a report may sign it off: its date and sender, set far right


def _signs_off(line: Line, innermost: Line) -> bool:
    """A closing line set far to the right of the item before it (right-aligned), not a continuation of it."""
    return line.indent >= 20 and line.indent >= innermost.indent + 12 and "\t" not in line.raw.strip()


def _family(mclass: str | None) -> str:
    if mclass in {"roman", "box_num"}:
        return "any"
    if mclass == "label":
        return "label"
    return "numbered" if mclass in _NUMBERED else "glyph"


def _same_key(a: Line, b: Line) -> bool:
    return a.mclass == b.mclass and abs(a.indent - b.indent) <= 1


def _outer_or_equal(top: Line, line: Line) -> bool:
    """True when `top` cannot be the parent of `line` by indentation, or by rank within one marker family."""
    if top.mclass is None:  # an open bare section title holds every line not dedented below it
        return top.indent > line.indent
    if abs(top.indent - line.indent) > 1:  # one space either way is a typing slip, not a level
        return top.indent > line.indent
    fam_top, fam_line = _family(top.mclass), _family(line.mclass)
    if "any" not in (fam_top, fam_line) and fam_top != fam_line:
        return False  # across families (□ vs ①) only the document itself shows the nesting
    return RANK.get(top.mclass or "", 9) >= RANK.get(line.mclass or "", 9)


def build(lines: list[Line]) -> list[Line]:
    """Link `parent`/`children`/`depth` on every line; return the top-level lines."""
    roots: list[Line] = []
    stack: list[Line] = []
    last_parent: dict[tuple[str, int], Line | None] = {}  # marker key -> the line it last hung under
    remembered: dict[tuple[str, int], int] = {}  # marker key -> when that was recorded
    first_seen: dict[tuple[str, int] | None, int] = {}  # marker key -> when the kind was first used

    def attach(line: Line) -> None:
        parent = stack[-1] if stack else None
        line.parent = parent
        line.depth = parent.depth + 1 if parent else 1
        (parent.children if parent else roots).append(line)

    def open_index(match: Line | None) -> int | None:
        """Stack index of an open line with the key of `match` (searching down to the nearest heading)."""
        for i in range(len(stack) - 1, -1, -1):
            node = stack[i]
            if match is not None and node.mclass is not None and _same_key(node, match):
                return i
            if node.heading is not None:
                return None
        return None

    def heading_floor() -> int:
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].heading is not None:
                return i + 1
        return 0

    for order, line in enumerate(lines):
        if line.heading is not None:
            while stack and (stack[-1].heading is None or stack[-1].heading >= line.heading):
                stack.pop()
            attach(line)
            stack.append(line)
            continue
        if line.mclass is None and line.opens:  # a bare section title closes the sections it does not nest in
            while stack and stack[-1].heading is None and stack[-1].indent >= line.indent:
                stack.pop()
            attach(line)
            stack.append(line)
            continue
        if line.mclass is None and line.field in _CLOSING and stack and not stack[-1].heading:
            del stack[heading_floor() :]  # `붙임`, `시행`, `수신`: the body's sections are over
        if line.mclass is None:
            # A dedented paragraph leaves the items it follows. A table row does not (tables start at the
            # margin wherever they sit, and the items after the table continue the same outline), unless
            # it is a labelled document field such as `붙임`.
            table_row = "\t" in line.raw.strip() and line.field is None
            if order >= len(lines) - SIGN_OFF_LINES and stack and _signs_off(line, stack[-1]):
                del stack[heading_floor() :]  # `2026. 3. 6.` / `경제정책과` set far right at the end
            elif stack and line.indent < stack[-1].indent and not table_row:
                while stack and stack[-1].heading is None and stack[-1].indent >= line.indent:
                    stack.pop()
            attach(line)
            continue
        found = open_index(line)
        key = line.key
        assert key is not None  # only marker lines reach here
        if found is not None:
            del stack[found:]
        elif stack and stack[-1].heading is None and stack[-1].indent < line.indent - 1:
            pass  # clearly indented under the innermost open line: indentation outranks memory
        elif stack and stack[-1].opens and stack[-1].indent <= line.indent:
            pass  # right under a bare section title: its first item, whatever the marker did before
        elif key in last_parent and not (stack and first_seen.get(stack[-1].key, -1) > remembered[key]):
            # seen before: hang it where it hung last time, if that line's kind is still open -- unless
            # the innermost open line is of a kind first used after that (a new level, e.g. `1.` inserted
            # between □ and ○): then the document is nesting deeper, and the line goes under it
            prev = last_parent[key]
            j = open_index(prev) if prev is not None else None
            if prev is None:
                del stack[heading_floor() :]
            elif j is not None:
                del stack[j + 1 :]
            else:
                while stack and stack[-1].heading is None and _outer_or_equal(stack[-1], line):
                    stack.pop()
        else:
            while stack and stack[-1].heading is None and _outer_or_equal(stack[-1], line):
                stack.pop()
        if len(stack) >= MAX_DEPTH:  # pathological nesting: keep the tree (and its JSON) shallow
            del stack[MAX_DEPTH - 1 :]
        attach(line)
        first_seen.setdefault(key, order)
        remembered[key] = order
        if line.parent is None or line.parent.mclass is not None:
            last_parent[key] = line.parent
        else:  # under a plain line or a heading: nothing to find again by marker
            last_parent.pop(key, None)
        stack.append(line)
    return roots


def to_sections(roots: list[Line]) -> list[Section]:
    def conv(line: Line) -> Section:
        return Section(
            marker=line.marker,
            level=line.depth,
            title=line.body,
            children=[conv(c) for c in line.children],
            evidence=line.evidence(),
        )

    return [conv(r) for r in roots]
