"""Write a minimal HWP 5.0 file (an OLE2 compound file) from a text report, for tests and samples.

Runs of tab-separated lines become a table (one row per line, one cell per field); other lines become
paragraphs. Streams are padded to the 4096-byte mini-stream cutoff so that the compound file needs only
regular sectors. Usage: python samples/tools/make_hwp.py report.txt report.hwp
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

SECTOR = 512
END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, TABLE = 0x42, 0x43, 0x47, 0x48, 0x4D


def record(tag: int, level: int, data: bytes) -> bytes:
    if len(data) < 0xFFF:
        return struct.pack("<I", tag | level << 10 | len(data) << 20) + data
    return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(data)) + data


def paragraph(text: str, level: int, extra: bytes = b"") -> bytes:
    body = (text + "\r").encode("utf-16le")
    head = struct.pack("<IIHBBHHHI", len(text) + 1, 0, 0, 0, 0, 1, 0, 1, 0)
    return record(PARA_HEADER, level, head) + record(PARA_TEXT, level + 1, extra + body) + b""


def table(rows: list[list[str]], level: int) -> bytes:
    # the anchoring paragraph holds an extended control character (8 code units) for the table
    ctrl_char = struct.pack("<H", 11) + b" lbt" + b"\x00" * 8 + struct.pack("<H", 11)
    out = paragraph("", level, ctrl_char)
    out += record(CTRL_HEADER, level + 1, b" lbt" + b"\x00" * 40)
    cols = max(len(r) for r in rows)
    out += record(TABLE, level + 2, struct.pack("<IHH", 0, len(rows), cols) + b"\x00" * 20)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            out += record(LIST_HEADER, level + 2, struct.pack("<HHIHHHH", 1, 0, 0, c, r, 1, 1) + b"\x00" * 20)
            out += paragraph(cell, level + 2)
    return out


def body_records(text: str) -> bytes:
    out, rows = b"", []
    for line in text.splitlines():
        if "\t" in line:
            rows.append([c for c in line.split("\t") if c.strip()] or [""])
            continue
        if rows:
            out += table(rows, 0)
            rows = []
        out += paragraph(line, 0)
    if rows:
        out += table(rows, 0)
    return out


def _pad(data: bytes, minimum: int = 4096) -> bytes:
    data = data + b"\x00" * max(0, minimum - len(data))
    return data + b"\x00" * (-len(data) % SECTOR)


def _entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16le") + b"\x00\x00"
    return (
        raw.ljust(64, b"\x00")
        + struct.pack("<HBB", len(raw), kind, 1)
        + struct.pack("<III", left, right, child)
        + b"\x00" * 16
        + b"\x00" * 4
        + b"\x00" * 16
        + struct.pack("<III", start, size, 0)
    )


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 file with FileHeader and BodyText/Section0 (the only layout this writer needs)."""
    file_header, section = _pad(streams["FileHeader"]), _pad(streams["BodyText/Section0"])
    n_fh, n_sec = len(file_header) // SECTOR, len(section) // SECTOR
    n_dir = 1  # four 128-byte entries
    data_sectors = n_dir + n_fh + n_sec
    n_fat = 1
    while n_fat * (SECTOR // 4) < n_fat + data_sectors:
        n_fat += 1
    fat = [FATSECT] * n_fat
    dir_start = len(fat)
    fat += [END]
    fh_start = len(fat)
    fat += [*range(fh_start + 1, fh_start + n_fh), END]
    sec_start = len(fat)
    fat += [*range(sec_start + 1, sec_start + n_sec), END]
    fat += [FREE] * (n_fat * SECTOR // 4 - len(fat))
    directory = (
        _entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END, 0)
        + _entry("FileHeader", 2, 2, NOSTREAM, NOSTREAM, fh_start, len(file_header))
        + _entry("BodyText", 1, NOSTREAM, NOSTREAM, 3, 0, 0)
        + _entry("Section0", 2, NOSTREAM, NOSTREAM, NOSTREAM, sec_start, len(section))
    )
    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", *difat)
    )
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return header + fat_bytes + directory + file_header + section


def write_hwp(text: str, target: Path, flags: int = 1) -> None:
    """flags: bit 0 compressed (default), bit 1 password, bit 2 distribution-only (as in HWP 5.0)."""
    raw = body_records(text)
    body = zlib.compress(raw)[2:-4] if flags & 1 else raw  # raw deflate, as HWP stores it
    header = b"HWP Document File".ljust(32, b"\x00") + struct.pack("<II", 0x05000300, flags)
    target.write_bytes(compound_file({"FileHeader": header.ljust(256, b"\x00"), "BodyText/Section0": body}))


if __name__ == "__main__":
    write_hwp(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]))
