"""HWPX (OWPML: a zip of XML, body in Contents/section*.xml): paragraphs, tables and text boxes in order.

Tables reach the extractors as structure (see tables.py). Footnotes and endnotes follow the section they belong to;
page headers and footers are skipped. Zip members are size-capped, XML is parsed with entity expansion and
external entities refused, and member names never touch the file system.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as FastET

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from ..document import Block, Page, RawDocument, Source
from ..errors import CorruptInput, InputTooLarge
from .tables import emit_table, group_rows

MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, beyond which a member is treated as a bomb
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
# The XML declaration of a member, and the encodings whose bytes spell `<!DOCTYPE` in ASCII.
_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_ASCII_BASED = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}


_LOCAL: dict[str, str] = {}  # qualified tag -> local name (a document uses a few dozen tags, thousands of times)


def _local(tag: str) -> str:
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL) < 10_000:
            _LOCAL[tag] = name
    return name


@dataclass
class _Out:
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    page: int = 1

    def add(self, text: str, path: str, note: bool = False) -> None:
        if text.strip():
            (self.notes if note else self.blocks).append(Block(text=text, page=self.page, origin="hwpx", path=path))


def read_member(zf: zipfile.ZipFile, name: str, path: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputTooLarge(f"member {name} unpacks to {info.file_size} bytes (limit {MAX_MEMBER_BYTES})", path)
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20:
        raise InputTooLarge(f"member {name} looks like a decompression bomb", path)
    with zf.open(info) as fh:
        data = fh.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise InputTooLarge(f"member {name} is larger than its header says", path)
    return data


def _plainly_without_dtd(data: bytes) -> bool:
    """True when `data` is UTF-8/ASCII XML (by its declaration, or none) whose bytes hold no `<!DOCTYPE`.

    Such a document cannot declare an entity (declarations live only in a DTD), so it can neither expand
    entities nor reach external ones: expat's C parser reads it safely, 3-5 times faster than
    defusedxml's Python-level parser. Anything else (a DTD, UTF-16, another declared encoding) goes to
    defusedxml, which refuses DTDs."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        return False
    declared = _DECLARATION.match(data[:200])
    if declared is not None and declared.group(1).lower() not in _ASCII_BASED:
        return False
    return b"<!DOCTYPE" not in data


def parse_xml(data: bytes, name: str, path: str) -> Any:
    try:
        if _plainly_without_dtd(data):
            return FastET.fromstring(data)
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise CorruptInput(f"{name}: refused XML construct ({type(exc).__name__})", path) from exc
    except SafeET.ParseError as exc:
        raise CorruptInput(f"{name}: malformed XML ({exc})", path) from exc


def _text_of_t(t: Any) -> str:
    parts = [t.text or ""]
    for child in t:
        tag = _local(child.tag)
        if tag == "tab":
            parts.append("\t")
        elif tag in {"fwSpace", "nbSpace", "lineBreak", "hyphen"}:
            parts.append(" " if tag != "hyphen" else "-")
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph(p: Any, path: str, out: _Out) -> None:
    """Emit a paragraph: its own text, then the tables, text boxes and notes it anchors."""
    text: list[str] = []
    deferred: list[tuple[str, Any, str]] = []
    for run in p:
        if _local(run.tag) != "run":
            continue
        for child in run:
            tag = _local(child.tag)
            if tag == "t":
                text.append(_text_of_t(child))
            elif tag == "tbl":
                deferred.append(("tbl", child, f"{path}/tbl{len(deferred)}"))
            elif tag == "ctrl":
                for ctrl in child:
                    kind = _local(ctrl.tag)
                    if kind in {"footNote", "endNote"}:
                        deferred.append(("note", ctrl, f"{path}/{kind}"))
            elif tag in {"rect", "ellipse", "polygon", "curve", "container", "textart"}:
                deferred.append(("box", child, f"{path}/{tag}"))
    out.add("".join(text), path)
    for kind, node, sub in deferred:
        if kind == "tbl":
            _table(node, sub, out)
        else:
            for i, q in enumerate(_sublist_paragraphs(node)):
                if kind == "note":
                    out.add(_plain(q), f"{sub}/p{i}", note=True)
                else:
                    _paragraph(q, f"{sub}/p{i}", out)


def _sublist_paragraphs(node: Any) -> list[Any]:
    """Paragraphs of the first subList under `node` (not those of nested tables)."""
    for el in node.iter():
        if _local(el.tag) == "subList":
            return [q for q in el if _local(q.tag) == "p"]
    return []


def _plain(p: Any) -> str:
    return "".join(_text_of_t(t) for t in p.iter() if _local(t.tag) == "t")


def _cells(tr: Any) -> list[tuple[int, int, list[Any]]]:
    cells = []
    for tc in tr:
        if _local(tc.tag) != "tc":
            continue
        col = row = 0
        paras: list[Any] = []
        for el in tc:
            tag = _local(el.tag)
            if tag == "cellAddr":
                col, row = int(el.get("colAddr", 0)), int(el.get("rowAddr", 0))
            elif tag == "subList":
                paras = [q for q in el if _local(q.tag) == "p"]
        cells.append((row, col, paras))
    return cells


def _has_nested(paras: Sequence[Any]) -> bool:
    return any(_local(el.tag) in {"tbl", "rect", "container"} for q in paras for el in q.iter())


def _table(tbl: Any, path: str, out: _Out) -> None:
    cells = [c for tr in tbl if _local(tr.tag) == "tr" for c in _cells(tr)]
    emit_table(
        group_rows(cells),
        path,
        plain=_plain,
        emit_paragraph=lambda q, sub: _paragraph(q, sub, out),
        emit_line=out.add,
        nested=_has_nested,
    )


def section_names(zf: zipfile.ZipFile) -> list[str]:
    found = []
    for name in zf.namelist():
        m = _SECTION.match(name)
        if m:
            found.append((int(m.group(1)), name))
    return [name for _, name in sorted(found)]


def read(data: bytes, source: Source) -> RawDocument:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CorruptInput(f"not a readable HWPX (zip) file: {exc}", source.path) from exc
    with zf:
        total = sum(i.file_size for i in zf.infolist())
        if total > MAX_TOTAL_BYTES:
            raise InputTooLarge(f"archive unpacks to {total} bytes (limit {MAX_TOTAL_BYTES})", source.path)
        names = section_names(zf)
        if not names:
            raise CorruptInput("HWPX without Contents/section*.xml", source.path)
        pages: list[Page] = []
        for s_index, name in enumerate(names):
            try:
                root = parse_xml(read_member(zf, name, source.path), name, source.path)
            except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
                raise CorruptInput(f"cannot read {name}: {exc}", source.path) from exc
            out = _Out(page=s_index + 1)
            for p_index, p in enumerate(el for el in root if _local(el.tag) == "p"):
                _paragraph(p, f"s{s_index}/p{p_index}", out)
            pages.append(
                Page(number=s_index + 1, blocks=out.blocks + out.notes, method="native", reason=f"HWPX {name}")
            )
    return RawDocument(source=source, pages=pages)
