"""Positioned words -> lines of text, for PDF text layers and OCR alike.

Words are grouped into lines by their vertical overlap, ordered left to right, joined by a space or,
across a wide gap (a table column), by a tab, so that a 결재 table reads like the text form. A line's
indentation (its left edge against the page's text margin, in average character widths) becomes leading
spaces: the outline builder reads nesting from it as it does in text files.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None


@dataclass
class TextLine:
    words: list[Word]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            min(w.x0 for w in self.words),
            min(w.top for w in self.words),
            max(w.x1 for w in self.words),
            max(w.bottom for w in self.words),
        )

    @property
    def conf(self) -> float | None:
        confs = [w.conf for w in self.words if w.conf is not None]
        return sum(confs) / len(confs) if confs else None


def group_lines(words: list[Word]) -> list[TextLine]:
    """Words -> lines, top to bottom; a word joins the line it overlaps vertically by half its height."""
    lines: list[TextLine] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        height = max(w.bottom - w.top, 1e-3)  # an OCR dash can be under a point tall
        for line in reversed(lines[-3:]):
            _, top, _, bottom = line.bbox
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.5 * min(height, bottom - top or height):
                line.words.append(w)
                break
        else:
            lines.append(TextLine([w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: ln.bbox[1])
    return lines


def char_width(words: list[Word]) -> float:
    widths = [(w.x1 - w.x0) / len(w.text) for w in words if w.text and w.x1 > w.x0]
    return median(widths) if widths else 5.0


def render(lines: list[TextLine], margin: float | None = None, ocr: bool = False) -> list[str]:
    """Lines -> strings with leading spaces for indentation and tabs across column gaps.

    A gap becomes a space past 0.15 of a character width for text-layer words; OCR boxes of Korean are
    syllable fragments, so there a space needs 0.16 of the line height (measured on rendered scans:
    whole words recovered rose from 76% to 88% at 300 dpi, character error rate unchanged)."""
    if not lines:
        return []
    from .lines import split_marker

    all_words = [w for ln in lines for w in ln.words]
    cw = char_width(all_words)
    left = margin if margin is not None else min(w.x0 for w in all_words)
    out: list[str] = []
    for line in lines:
        parts: list[str] = []
        prev: Word | None = None
        space = 0.16 * (line.bbox[3] - line.bbox[1]) if ocr else 0.15 * cw
        for k, w in enumerate(line.words):
            if prev is not None:
                gap = w.x0 - prev.x1
                after_marker = k == 1 and split_marker(prev.text + " x")[0] is not None
                column = gap > 2.5 * cw and not after_marker  # a bullet's gap is not a table column
                parts.append("\t" if column else (" " if gap > space or after_marker else ""))
            parts.append(w.text)
            prev = w
        indent = max(0, round((line.bbox[0] - left) / cw))
        out.append(" " * min(indent, 40) + "".join(parts))
    return out


def merge_wrapped(lines: list[TextLine], texts: list[str]) -> tuple[list[TextLine], list[str]]:
    """Join a line that a PDF wrapped onto the next one: the line reaches the right edge of the text
    column, the next starts without an outline marker, sits right below, and is not left of it."""
    from .lines import split_marker

    if len(lines) < 2:
        return lines, texts
    cw = char_width([w for ln in lines for w in ln.words])
    right = sorted(ln.bbox[2] for ln in lines)[int(0.9 * (len(lines) - 1))]
    out_lines: list[TextLine] = [lines[0]]
    out_texts: list[str] = [texts[0]]
    for line, text in zip(lines[1:], texts[1:], strict=True):
        prev = out_lines[-1]
        px0, ptop, px1, pbottom = prev.bbox
        x0, top, _, _ = line.bbox
        height = max(pbottom - ptop, 1.0)
        marker, _, _ = split_marker(text.strip())
        wrapped = (
            px1 >= right - 2 * cw
            and marker is None
            and 0 <= top - pbottom < 0.9 * height
            and x0 >= px0 - cw
            and "\t" not in text
            and "\t" not in out_texts[-1]
        )
        if wrapped:
            out_lines[-1] = TextLine(prev.words + line.words)
            out_texts[-1] = out_texts[-1].rstrip() + " " + text.strip()
        else:
            out_lines.append(line)
            out_texts.append(text)
    return out_lines, out_texts
