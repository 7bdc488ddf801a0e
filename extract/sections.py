"""Outline markers -> a tree of lines, and its `Section` view for the output.

Korean reports nest `Ⅰ > □ > ○ > - > ·` (or `1. > 가. > 1) > 가) > (1) > ①`), but issuers skip levels
and mix families. The tree is built the way a reader does it: a marker already open on the stack closes
everything opened after it (a sibling); a marker not seen yet opens a child, unless indentation or the
usual rank of the markers says it sits further out. Markdown headings (`##`) frame everything below them.
Lines without a marker hang under the innermost open item, unless they are dedented below it.
"""

from __future__ import annotations

from .lines import RANK, Line
from .schema import Section


def _same_key(a: Line, b: Line) -> bool:
    return a.mclass == b.mclass and abs(a.indent - b.indent) <= 1


def build(lines: list[Line]) -> list[Line]:
    """Link `parent`/`children`/`depth` on every line; return the top-level lines."""
    roots: list[Line] = []
    stack: list[Line] = []

    def attach(line: Line) -> None:
        parent = stack[-1] if stack else None
        line.parent = parent
        line.depth = parent.depth + 1 if parent else 1
        (parent.children if parent else roots).append(line)

    for line in lines:
        if line.heading is not None:
            while stack and (stack[-1].heading is None or stack[-1].heading >= line.heading):
                stack.pop()
            attach(line)
            stack.append(line)
            continue
        if line.mclass is None:
            if stack and line.indent < stack[-1].indent:  # a dedented paragraph leaves the items it follows
                while stack and stack[-1].heading is None and stack[-1].indent >= line.indent:
                    stack.pop()
            attach(line)
            continue
        found = None
        for i in range(len(stack) - 1, -1, -1):
            node = stack[i]
            if node.mclass is not None and _same_key(node, line):
                found = i
                break
            if node.heading is not None:
                break
        if found is not None:
            del stack[found:]
        else:
            while (
                stack
                and stack[-1].heading is None
                and (
                    stack[-1].indent > line.indent
                    or (stack[-1].indent == line.indent and RANK.get(stack[-1].mclass or "", 9) >= RANK[line.mclass])
                )
            ):
                stack.pop()
        attach(line)
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
