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

# A line this long with several outline glyphs is a report flattened onto one line (web copy); a short post
# flattened (three items with their details) runs to about 150 characters.
_FLAT_LINE = 150
_FLAT_ITEMS = 4  # outline items it must hold
MAX_LINE = 4000  # characters per block
MAX_CHARS = 3_000_000  # characters per text document (about 1,500 pages); beyond that: InputTooLarge
_FLAT_SPLIT = re.compile(
    r"\s+(?=[□■▢○❍◦●◎※▶▷]|[ⅠⅡⅢⅣⅤⅥⅦⅧ]|ㅇ\s|\?\s|-\s)"  # glyph bullets
    r"|(?<![\d.])\s+(?=\d{1,2}\.\s|[가나다라마바사아자차카타파하]\.\s)"  # numbered items, never inside a date
    r"|(?<=\d)\s+(?=\d{1,2}\.\s+[가-힣])"  # a numbered item after a time (`14:00~16:10 2. 장 소 : …`)
)
# Portal chrome and header labels on a flattened page: the breadcrumb before the document (`홈 > 정보소통 >
# 결재문서 상세`), the 문서번호/결재일자/공개여부 labels of the header (the title follows the disclosure value),
# and the page footer (`상단으로 이동`, `저작권 정책`).
_BREADCRUMB = re.compile(r"^\s*((?:[^\s>]+\s*>\s*){1,5}[^\s>]+(?:\s+(?:상세보기|상세|보기|목록|조회))?)\s+")
_FLAT_HEADER = re.compile(r"\s+(?=(?:문서번호|결재일자|공개여부|방침번호|생산일자|보존기간)\s)")
_DISCLOSED = re.compile(
    r"(공개여부\s+(?:대시민공개|부분공개\s*\([\d,\s]+\)|비공개\s*\([\d,\s]+\)|부분공개|비공개|공개))\s+"
)
_FOOTER = re.compile(
    r"\s+(?:본\s*페이지\s*)?(?:상단으로\s*이동|맨\s*위로|저작권\s*정책|개인정보\s*처리\s*방침|이용약관|Copyright|ⓒ)"
)
_FOOTER_SPAN = 200  # the footer is looked for only this close to the end of the flattened line
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
        flat = len(line) > _FLAT_LINE and len(_FLAT_SPLIT.findall(line)) >= _FLAT_ITEMS
        for part in _unflatten(line) if flat else [line]:
            out.extend(_wrap(part))
    return out


def _unflatten(line: str) -> list[str]:
    """A report flattened onto one line (web copy) cut back into lines: the breadcrumb, the header labels,
    the title after the disclosure value and the outline items each start a line; the page footer is cut."""
    line = _BREADCRUMB.sub("\\1\n", line, count=1)
    line = _DISCLOSED.sub("\\1\n", line, count=1)
    footer = _FOOTER.search(line, max(0, len(line) - _FOOTER_SPAN))
    line = _FLAT_HEADER.sub("\n", line[: footer.start()] if footer else line)
    parts = (part for piece in line.split("\n") for part in _FLAT_SPLIT.split(piece))
    return [part for part in parts if part.strip() not in ("", "?")]  # a lost bullet before a header label


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
