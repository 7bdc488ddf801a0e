"""HWP 5.0 (OLE2 compound file): BodyText/Section* streams of tagged records, read with olefile + zlib.

Records form a tree by their level: a paragraph (PARA_HEADER) owns its text (PARA_TEXT) and controls
(CTRL_HEADER); a table control owns one LIST_HEADER per cell, each followed by that cell's paragraphs.
Text is UTF-16LE with inline and extended control characters (8 code units each) that are skipped.
Password-protected and distribution-only (배포용) documents are refused with a clear error; streams are
decompressed with a size cap, and record walking is linear in the input.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import olefile

from ..document import Block, Page, RawDocument, Source
from ..errors import CorruptInput, EmptyInput, EncryptedInput, InputTooLarge
from .tables import emit_table, group_rows

MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_RECORDS = 2_000_000
SIGNATURE = b"HWP Document File"

TAG_PARA_HEADER = 0x42
TAG_PARA_TEXT = 0x43
TAG_CTRL_HEADER = 0x47
TAG_LIST_HEADER = 0x48
TAG_TABLE = 0x4D
# Leaf records the reader never reads (character shapes, line layout, range tags of a paragraph): skipped
# while parsing (4 in 10 of the records of the corpus HWP body sections)
_SKIPPED_TAGS = frozenset({0x44, 0x45, 0x46})

_SINGLE = {0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31}  # control characters one code unit long
_SPACE_LIKE = {10: " ", 24: "-", 30: " ", 31: " ", 9: "\t"}
_U32 = struct.Struct("<I")


@dataclass(slots=True)
class Record:
    tag: int
    level: int
    data: bytes
    children: list[Record] = field(default_factory=list)
    text: str | None = None  # a paragraph's plain text, once asked for (tables ask twice)


def parse_records(raw: bytes, path: str) -> list[Record]:
    """Flat tagged records -> a forest by level."""
    roots: list[Record] = []
    stack: list[Record] = []
    pos, count, n = 0, 0, len(raw)
    unpack = _U32.unpack_from
    while pos + 4 <= n:
        (head,) = unpack(raw, pos)
        pos += 4
        tag, level, size = head & 0x3FF, (head >> 10) & 0x3FF, head >> 20
        if size == 0xFFF:
            if pos + 4 > n:
                break
            (size,) = unpack(raw, pos)
            pos += 4
        if pos + size > n:
            raise CorruptInput("truncated record in a body section", path)
        count += 1
        if count > MAX_RECORDS:
            raise InputTooLarge(f"more than {MAX_RECORDS} records in one section", path)
        if tag in _SKIPPED_TAGS:
            pos += size
            continue
        rec = Record(tag, level, raw[pos : pos + size])
        pos += size
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(rec)
        stack.append(rec)
    return roots


def para_text(data: bytes) -> str:
    n = len(data) // 2
    units = struct.unpack_from(f"<{n}H", data)
    out: list[str] = []
    i = 0
    while i < n:
        u = units[i]
        if u >= 32:
            # surrogate pairs decode together below
            j = i
            while j < n and units[j] >= 32:
                j += 1
            out.append(data[2 * i : 2 * j].decode("utf-16le", errors="replace"))
            i = j
            continue
        if u in _SPACE_LIKE:
            out.append(_SPACE_LIKE[u])
        i += 1 if u in _SINGLE else 8
    return "".join(out).replace("\r", "")


def ctrl_id(rec: Record) -> bytes:
    return rec.data[:4][::-1]


@dataclass
class _Out:
    page: int
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)

    def add(self, text: str, path: str, note: bool = False) -> None:
        if text.strip():
            (self.notes if note else self.blocks).append(Block(text=text, page=self.page, origin="hwp", path=path))


def _plain(p: Record) -> str:
    if p.text is None:
        p.text = "".join([para_text(c.data) for c in p.children if c.tag == TAG_PARA_TEXT])
    return p.text


def _paragraph(p: Record, path: str, out: _Out) -> None:
    out.add(_plain(p), path)
    n_tbl = 0
    for child in p.children:
        if child.tag != TAG_CTRL_HEADER:
            continue
        cid = ctrl_id(child)
        if cid == b"tbl ":
            _table(child, f"{path}/tbl{n_tbl}", out)
            n_tbl += 1
        elif cid in {b"fn  ", b"en  "}:
            for i, q in enumerate(_list_paragraphs(child)):
                out.add(_plain(q), f"{path}/note/p{i}", note=True)
        elif cid == b"gso ":
            for i, q in enumerate(_list_paragraphs(child)):
                _paragraph(q, f"{path}/box/p{i}", out)
        # headers, footers, page numbers, fields: not body text


def _list_paragraphs(ctrl: Record) -> list[Record]:
    """Paragraphs of the first paragraph list below a control (text box, footnote)."""
    found: list[Record] = []
    for rec in ctrl.children:
        if rec.tag == TAG_PARA_HEADER:
            found.append(rec)
        elif rec.tag == TAG_LIST_HEADER and not found:
            continue
        elif found:
            break
        else:
            inner = _list_paragraphs(rec)
            if inner:
                return inner
    return found


def _cells(ctrl: Record) -> list[tuple[int, int, list[Record]]]:
    cells: list[tuple[int, int, list[Record]]] = []
    for rec in ctrl.children:
        if rec.tag == TAG_LIST_HEADER:
            col, row = struct.unpack_from("<HH", rec.data, 8) if len(rec.data) >= 12 else (0, len(cells))
            cells.append((row, col, []))
        elif rec.tag == TAG_PARA_HEADER and cells:
            cells[-1][2].append(rec)
    return cells


def _nested(paras: Sequence[Record]) -> bool:
    return any(c.tag == TAG_CTRL_HEADER and ctrl_id(c) in {b"tbl ", b"gso "} for q in paras for c in q.children)


def _table(ctrl: Record, path: str, out: _Out) -> None:
    emit_table(
        group_rows(_cells(ctrl)),
        path,
        plain=_plain,
        emit_paragraph=lambda q, sub: _paragraph(q, sub, out),
        emit_line=out.add,
        nested=_nested,
    )


def _decompress(data: bytes, path: str) -> bytes:
    d = zlib.decompressobj(-15)
    try:
        raw = d.decompress(data, MAX_STREAM_BYTES + 1)
    except zlib.error as exc:
        raise CorruptInput(f"body section does not inflate: {exc}", path) from exc
    if len(raw) > MAX_STREAM_BYTES:
        raise InputTooLarge(f"a body section inflates past {MAX_STREAM_BYTES} bytes", path)
    return raw


def read(data: bytes, source: Source) -> RawDocument:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise CorruptInput(f"not a readable HWP 5.0 (OLE2) file: {exc}", source.path) from exc
    with ole:
        try:
            if not ole.exists("FileHeader"):
                raise CorruptInput("OLE2 file without an HWP FileHeader (not an HWP 5.0 document)", source.path)
            header = ole.openstream("FileHeader").read(256)
            if not header.startswith(SIGNATURE) or len(header) < 40:
                raise CorruptInput("FileHeader without the HWP 5.0 signature", source.path)
            (flags,) = struct.unpack_from("<I", header, 36)
            if flags & 0x02:
                raise EncryptedInput("password-protected HWP document", source.path)
            if flags & 0x04 or flags & 0x10:
                raise EncryptedInput("distribution-only or DRM-protected HWP document (encrypted body)", source.path)
            compressed = bool(flags & 0x01)
            sections = sorted(
                (e for e in ole.listdir() if len(e) == 2 and e[0] == "BodyText" and e[1].startswith("Section")),
                key=lambda e: int(e[1][7:]) if e[1][7:].isdigit() else 0,
            )
            if not sections:
                raise CorruptInput("HWP document without BodyText sections", source.path)
            pages: list[Page] = []
            for s_index, entry in enumerate(sections):
                if ole.get_size("/".join(entry)) > MAX_STREAM_BYTES:
                    raise InputTooLarge(f"section stream {'/'.join(entry)} is too large", source.path)
                stream = ole.openstream(entry).read()
                if len(stream) < ole.get_size("/".join(entry)):
                    raise CorruptInput(f"{'/'.join(entry)} is cut short (truncated file)", source.path)
                raw = _decompress(stream, source.path) if compressed else stream
                out = _Out(page=s_index + 1)
                for p_index, rec in enumerate(r for r in parse_records(raw, source.path) if r.tag == TAG_PARA_HEADER):
                    _paragraph(rec, f"s{s_index}/p{p_index}", out)
                pages.append(
                    Page(
                        number=s_index + 1, blocks=out.blocks + out.notes, method="native", reason=f"HWP 5.0 {entry[1]}"
                    )
                )
        except (OSError, struct.error, IndexError, ValueError) as exc:
            raise CorruptInput(f"damaged HWP 5.0 file: {exc}", source.path) from exc
    if not any(p.blocks for p in pages):
        raise EmptyInput("the HWP body holds no text (damaged, or an empty document)", source.path)
    return RawDocument(source=source, pages=pages)
