"""Plain-text and markdown reports: decode, split into lines (one Block per line)."""

from __future__ import annotations

import codecs
import dataclasses
import re

from ..document import Block, Page, RawDocument, Source
from ..errors import InputTooLarge, UndecodableText

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# A line this long with several outline glyphs is a report flattened onto one line (web copy).
_FLAT_LINE = 300
MAX_LINE = 4000  # characters per block
MAX_CHARS = 3_000_000  # characters per text document (about 1,500 pages); beyond that: InputTooLarge
_FLAT_SPLIT = re.compile(
    r"\s+(?=[□■▢○❍◦●◎※▶▷]|[ⅠⅡⅢⅣⅤⅥⅦⅧ]|ㅇ\s|\?\s|-\s)"  # glyph bullets
    r"|(?<![\d.])\s+(?=\d{1,2}\.\s|[가-하]\.\s)"  # numbered items, never inside a date like 2024. 11. 4.
)
_HANGUL = re.compile(r"[가-힣]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode report bytes: BOMs first, then UTF-8, then CP949 (a superset of EUC-KR)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"invalid {enc} text after its byte-order mark: {exc.reason}", path) from exc
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise UndecodableText("binary content (NUL bytes), not a text report", path)
        return guess
    for enc in ("utf-8", "cp949"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    mixed = _line_by_line(data)
    if mixed is not None:
        return mixed, "mixed (utf-8 and cp949 lines)"
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(text) // 100) and _HANGUL.search(text):
        return text, "utf-8 (with undecodable bytes replaced)"
    raise UndecodableText("text is neither UTF-8, UTF-16 nor CP949/EUC-KR", path)


def _line_by_line(data: bytes) -> str | None:
    """Files pasted together from UTF-8 and CP949 sources: decode each line on its own."""
    out: list[str] = []
    for raw in data.split(b"\n"):
        for enc in ("utf-8", "cp949"):
            try:
                out.append(raw.decode(enc))
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    return "\n".join(out)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = max(len(data) // 2, 1)
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros / half > 0.2:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(text):
                return text, enc
    return None


def split_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start a new one
    out: list[str] = []
    for line in lines:
        if len(line) > _FLAT_LINE and len(_FLAT_SPLIT.findall(line)) >= 3:
            parts = [part for part in _FLAT_SPLIT.split(line) if part.strip()]
        else:
            parts = [line]
        for part in parts:
            out.extend(_wrap(part))
    return out


def _wrap(line: str) -> list[str]:
    """Cut a line longer than MAX_LINE at spaces (or hard), so no block is unboundedly long."""
    out: list[str] = []
    while len(line) > MAX_LINE:
        cut = line.rfind(" ", MAX_LINE // 2, MAX_LINE)
        cut = cut if cut > 0 else MAX_LINE
        out.append(line[:cut])
        line = line[cut:].lstrip(" ")
    out.append(line)
    return out


def read(data: bytes, source: Source) -> RawDocument:
    text, encoding = decode(data, source.path)
    if len(text) > MAX_CHARS:
        raise InputTooLarge(f"{len(text)} characters exceeds the {MAX_CHARS}-character limit for text", source.path)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise UndecodableText("binary content (control characters), not a text report", source.path)
    warnings = [f"removed {controls} control characters"] if controls else []
    if encoding.startswith("mixed"):
        warnings.append("lines in different encodings (UTF-8 and CP949) were decoded one by one")
    if "replaced" in encoding:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable bytes replaced (mixed encodings?)")
    text = _CONTROL.sub("", text)
    blocks = [Block(text=line, page=1, origin="plain") for line in split_lines(text)]
    page = Page(number=1, blocks=blocks, method="text", reason="plain text input")
    return RawDocument(source=dataclasses.replace(source, encoding=encoding), pages=[page], warnings=warnings)
