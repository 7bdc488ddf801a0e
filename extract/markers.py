"""Outline markers of Korean reports: which glyph or numbering opens a line, its class, and the usual rank of
each class from outer to inner (Ⅰ, □, ○, -, ·, ※ …). Read by the line analysis, and by the readers that lay
out pages and tables (a marker tells where a paragraph starts)."""

from __future__ import annotations

import re

# (class, regex) in the order they are tried at the start of a line; ranks order classes outer -> inner
# when the document itself has not shown their nesting yet.
MARKERS: list[tuple[str, str]] = [
    ("roman", r"(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|(?:IX|IV|V?I{1,3}|V|X)(?=[\s.]|$))\.?"),
    ("box_num", r"\d{1,2}(?=\t)"),  # a numbered box heading, its number and title in two table cells
    ("paren_num", r"\(\d{1,2}\)"),
    ("paren_kor", r"\([가나다라마바사아자차카타파하]\)"),
    ("num_dot", r"\d{1,2}\.(?![\d.])"),
    ("kor_dot", r"[가나다라마바사아자차카타파하]\.(?![\d.])"),
    ("num_paren", r"\d{1,2}\)"),
    ("kor_paren", r"[가나다라마바사아자차카타파하]\)"),
    ("circled", r"[①-⑳㉑-㉟]"),
    ("circled_kor", r"[㉮-㉻㉠-㉭]"),
    ("square", r"[□▢❑☐▫◻]"),
    ("square_filled", r"[■▣◼▪◾]"),
    ("circle", r"[○❍◦⚪〇]|◯(?!◯)|[ㅇᄋo](?=\s)|ᄋ"),  # ◯◯◯ hides a name
    ("double_circle", r"[◎●◉]"),
    ("diamond", r"[◆◇◈]"),
    ("arrow", r"[▶▷►➢➤→⇒▸▹➔➜]"),
    ("dash", r"[-–—−－](?=\s|[가-힣(])"),
    ("dot", r"[·ㆍ•∙・‧]"),
    ("note", r"※"),
    ("star", r"\*(?![*])"),
    ("pua", r"[\ue000-\uf8ff\U000f0000-\U000ffffd]"),
    ("lost", r"[?\ufffd](?=\s)"),  # a bullet lost in a web copy (`?`) or drawn without a Unicode name
    ("label", r"<[^<>]{1,40}>|〈[^〈〉]{1,40}〉|《[^《》]{1,40}》|【[^【】]{1,40}】"),
]
RANK = {
    "roman": 0.0, "box_num": 0.5, "num_dot": 1.0, "square": 2.0, "square_filled": 2.0, "label": 2.5, "kor_dot": 3.0,
    "circle": 3.0, "double_circle": 3.0, "pua": 2.7, "diamond": 3.5, "num_paren": 4.0, "dash": 4.0,
    "arrow": 4.5, "kor_paren": 5.0, "circled": 5.0, "paren_num": 5.5, "paren_kor": 6.0, "dot": 6.0,
    "circled_kor": 6.5, "lost": 3.0, "note": 7.0, "star": 7.5,
}  # fmt: skip
_MARKER_RX = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in MARKERS))


def split_marker(text: str) -> tuple[str | None, str | None, str]:
    """`□ 개최 결과` -> ('□', 'square', '개최 결과'); a line without a marker -> (None, None, text)."""
    m = _MARKER_RX.match(text)
    if not m or not m.lastgroup:
        return None, None, text
    rest = text[m.end() :]
    if (
        m.lastgroup in {"num_dot", "kor_dot", "num_paren", "kor_paren", "roman", "box_num"}
        and rest
        and not (rest[0].isspace() or "가" <= rest[0] <= "힣" or rest[0] in "(<[「『\"'")
    ):
        return None, None, text
    if m.lastgroup == "label":
        return m.group(0), "label", (m.group(0)[1:-1].strip() + " " + rest.strip()).strip()
    return m.group(0), m.lastgroup, rest.strip()
