"""Small str -> str normalisers, composed in order. NFC only (NFKC would erase ① / Ⅰ distinctions)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable

from ..document import Block, RawDocument

_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u3000": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u200c": "",
        "\u200d": "",
        "：": ":",
        "∼": "~",
        "〜": "~",
        "～": "~",
    }
)
_EMPHASIS = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def spaces(text: str) -> str:
    return text.translate(_SPACES).rstrip()


def markdown_emphasis(text: str) -> str:
    return _EMPHASIS.sub(r"\2", text)


def horizontal_rule(text: str) -> str:
    return "" if _RULE.match(text) else text


STEPS: list[Callable[[str], str]] = [nfc, spaces, markdown_emphasis, horizontal_rule]


def normalize_text(text: str) -> str:
    for step in STEPS:
        text = step(text)
    return text


def split_heading(text: str) -> tuple[str, int | None]:
    """`## □ 제목` -> (`□ 제목`, 2): markdown heading marks become a level, the text keeps its marker."""
    m = _HEADING.match(text)
    if not m:
        return text, None
    return text[m.end() :], len(m.group(1))


def normalize_block(block: Block) -> Block:
    text = normalize_text(block.text)
    heading = block.heading
    if block.origin == "plain":
        text, level = split_heading(text)
        heading = heading or level
    if text == block.text and heading == block.heading:
        return block  # most blocks: nothing to copy
    return dataclasses.replace(block, text=text, heading=heading)


def normalize(doc: RawDocument) -> RawDocument:
    pages = [dataclasses.replace(p, blocks=[normalize_block(b) for b in p.blocks]) for p in doc.pages]
    return dataclasses.replace(doc, pages=pages, normalized=True)
