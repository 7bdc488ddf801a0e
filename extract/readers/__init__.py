"""Format detection by content (never by name alone) and dispatch to one reader per format."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import RawDocument, Source
from ..errors import CorruptInput, EmptyInput, InputIsDirectory, InputNotFound, InputTooLarge, UnsupportedFormat
from . import hwp, hwpx, image, pdf, text

READERS = {
    "txt": text.read, "md": text.read, "hwpx": hwpx.read, "hwp": hwp.read, "pdf": pdf.read,
    "png": image.read, "jpeg": image.read, "tiff": image.read,
}  # fmt: skip
SUPPORTED = ".txt, .md, .hwpx, .hwp, .pdf, .png, .jpg, .tif"

BINARY_EXTENSIONS = {".hwp", ".hwpx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".zip"}
TEXT_EXTENSIONS = {".txt", ".md", ".text", ".markdown", ""}
MAX_INPUT_BYTES = 512 * 1024 * 1024

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "hwp"),  # OLE2 compound file (HWP 5.0)
    (b"PK\x03\x04", "zip"),
]


PDF_HEADER_WINDOW = 1024  # readers accept `%PDF-` anywhere in the first 1,024 bytes (junk before it happens)
HWP3_SIGNATURE = b"HWP Document File V3"  # HWP 3.0 (Hangul 96/97): a format of its own, not OLE2


def sniff(data: bytes, name: str) -> str:
    """Return the format of `data`: pdf, png, jpeg, tiff, hwp, hwp3, hwpx, zip, or txt/md for text."""
    if data.startswith(HWP3_SIGNATURE):
        return "hwp3"
    if b"%PDF-" in data[:PDF_HEADER_WINDOW] and not data.startswith(b"%PDF-"):
        return "pdf"  # a header after some junk bytes, as PDF readers accept
    head = data[:8]
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            if fmt == "zip" and (b"hwp+zip" in data[:200] or b"Contents/section" in data[:65536]):
                return "hwpx"
            if fmt == "zip" and Path(name).suffix.lower() == ".hwpx":
                return "hwpx"  # damaged, but meant to be one: let the HWPX reader say what is wrong
            return fmt
    return "md" if Path(name).suffix.lower() in {".md", ".markdown"} else "txt"


def load_bytes(path: str, stdin_data: bytes | None = None) -> tuple[bytes, str]:
    """Read the input bytes; `-` means standard input (pass its bytes in `stdin_data`)."""
    if path == "-":
        return (stdin_data or b""), "-"
    p = Path(path)
    if not p.exists():
        raise InputNotFound("no such file", path)
    if p.is_dir():
        raise InputIsDirectory("is a directory (use `gongmun batch` for folders)", path)
    size = p.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputTooLarge(f"{size} bytes exceeds the {MAX_INPUT_BYTES}-byte limit", path)
    return p.read_bytes(), path


def read(path: str, stdin_data: bytes | None = None, ocr_mode: str = "auto", dpi: int = 300) -> RawDocument:
    """Read one input; `ocr_mode` (auto | never | always) and `dpi` apply to PDFs."""
    data, shown = load_bytes(path, stdin_data)
    return read_bytes(data, shown, ocr_mode=ocr_mode, dpi=dpi)


def read_bytes(data: bytes, shown: str, ocr_mode: str = "auto", dpi: int = 300) -> RawDocument:
    """Read input bytes; `shown` is the name used in messages and for the text-extension check."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"{len(data)} bytes exceeds the {MAX_INPUT_BYTES}-byte limit", shown)
    if not data.strip():
        raise EmptyInput("the file is empty", shown)
    fmt = sniff(data, shown)
    name = shown.rsplit("!", 1)[-1]
    if fmt in {"txt", "md"}:
        suffix = Path(name).suffix.lower() if shown != "-" else ""
        if suffix in BINARY_EXTENSIONS:
            raise CorruptInput(f"not a valid {suffix} file: its content has no {suffix} signature", shown)
        if suffix not in TEXT_EXTENSIONS:
            raise UnsupportedFormat(f"unsupported file type '{suffix}' (supported: {SUPPORTED})", shown)
    elif fmt == "hwp3":
        raise UnsupportedFormat("HWP 3.0 file (Hangul 96/97): not supported; save it as HWP 5.0 or HWPX", shown)
    elif fmt not in READERS:
        raise UnsupportedFormat(f"{fmt} input is not supported yet (supported: {SUPPORTED})", shown)
    source = Source(path=shown, format=fmt, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    if fmt == "pdf":
        raw = pdf.read(data[data.find(b"%PDF-") :], source, ocr_mode=ocr_mode, dpi=dpi)
    else:
        raw = READERS[fmt](data, source)
    if not any(b.text.strip() for b in raw.blocks):  # every format answers the same for a document without text
        raise EmptyInput(f"no text in the document ({len(raw.pages)} page(s) read)", shown)
    return raw
