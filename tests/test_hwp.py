"""HWP 5.0: records to paragraphs and tables; the same fields as the text twin; protected and broken files."""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import pytest

from extract import errors, extract_file, readers
from extract.readers import hwp

from .conftest import ROOT, SAMPLES, fields, shared_or_skip

sys.path.insert(0, str(ROOT / "samples" / "tools"))
from make_hwp import body_records, compound_file, write_hwp

TWINS = [
    ("meeting-result-hwp.hwp", "meeting-result-two-sittings.txt"),
    ("approval-purchase-hwp.hwp", "approval-purchase.txt"),
]


@pytest.mark.parametrize(("native", "txt"), TWINS)
def test_hwp_and_text_twins_agree(native: str, txt: str) -> None:
    report = extract_file(SAMPLES / native)
    assert report.source.format == "hwp" and {p.method for p in report.source.pages} == {"native"}
    assert fields(report) == fields(extract_file(SAMPLES / txt))


def test_samples_are_current(tmp_path: Path) -> None:
    for native, txt in TWINS:
        fresh = tmp_path / native
        write_hwp((SAMPLES / txt).read_text(encoding="utf-8"), fresh)
        assert fresh.read_bytes() == (SAMPLES / native).read_bytes(), f"regenerate {native}"


PARA_TEXTS = [
    ("보고\r".encode("utf-16le"), "보고"),
    (
        "가".encode("utf-16le") + struct.pack("<H", 9) + b"\x00" * 12 + struct.pack("<H", 9) + "b".encode("utf-16le"),
        "가\tb",
    ),
    # an extended control (table anchor) is 8 code units and leaves no text
    (struct.pack("<H", 11) + b" lbt" + b"\x00" * 8 + struct.pack("<H", 11) + "표".encode("utf-16le"), "표"),
    ("😀 이모지".encode("utf-16le"), "😀 이모지"),  # surrogate pairs survive
    (struct.pack("<H", 10) + "줄".encode("utf-16le"), " 줄"),  # line break inside a paragraph
]


@pytest.mark.parametrize(("data", "text"), PARA_TEXTS)
def test_para_text(data: bytes, text: str) -> None:
    assert hwp.para_text(data) == text


def test_tables_and_paragraph_order(tmp_path: Path) -> None:
    path = tmp_path / "t.hwp"
    write_hwp("제목 보고\n주무관\t팀장\n김태원\t이종림\n□ 본문", path)
    raw = readers.read(str(path))
    assert [(b.text, b.path) for b in raw.blocks] == [
        ("제목 보고", "s0/p0"),
        ("주무관\t팀장", "s0/p1/tbl0/r0"),
        ("김태원\t이종림", "s0/p1/tbl0/r1"),
        ("□ 본문", "s0/p2"),
    ]


@pytest.mark.parametrize(("flags", "message"), [(3, "password"), (5, "distribution")])
def test_protected_documents_get_a_clear_error(tmp_path: Path, flags: int, message: str) -> None:
    path = tmp_path / "secret.hwp"
    write_hwp("보고", path, flags=flags)
    with pytest.raises(errors.EncryptedInput, match=message):
        readers.read(str(path))


def test_uncompressed_body(tmp_path: Path) -> None:
    path = tmp_path / "plain.hwp"
    write_hwp("압축하지 않은 본문", path, flags=0)
    assert [b.text for b in readers.read(str(path)).blocks] == ["압축하지 않은 본문"]


def _hwp_with_body(tmp_path: Path, body: bytes) -> Path:
    header = b"HWP Document File".ljust(32, b"\x00") + struct.pack("<II", 0x05000300, 1)
    path = tmp_path / "x.hwp"
    path.write_bytes(compound_file({"FileHeader": header, "BodyText/Section0": body}))
    return path


BROKEN = [
    (b"\x00\x01garbage that does not inflate", errors.CorruptInput),  # not deflate data
    (zlib.compress(body_records("본문")[:-3])[2:-4], errors.CorruptInput),  # a truncated record
]


@pytest.mark.parametrize(("body", "error"), BROKEN)
def test_broken_bodies(tmp_path: Path, body: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        readers.read(str(_hwp_with_body(tmp_path, body)))


def test_inflate_bomb_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hwp, "MAX_STREAM_BYTES", 1 << 20)
    bomb = zlib.compress(b"\x00" * (4 << 20))[2:-4]
    with pytest.raises(errors.InputTooLarge):
        readers.read(str(_hwp_with_body(tmp_path, bomb)))


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "cut.hwp", errors.CorruptInput),  # truncated OLE2
        (bytes(range(256)) * 8, "random.hwp", errors.CorruptInput),  # no signature at all
        ("그냥 텍스트".encode(), "text.hwpx", errors.CorruptInput),
    ],
)
def test_not_hwp(tmp_path: Path, data: bytes, name: str, error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error):
        readers.read(str(path))


def test_hwp_named_hwpx_is_read_as_hwp() -> None:
    path = shared_or_skip("corpus", "moef-fdi-2024q1-press.hwpx")
    assert readers.read(str(path)).source.format == "hwp"


def test_every_corpus_hwp_file_reads() -> None:
    """hwp-hwpx-parser spun for minutes on the tax-tribunal file; this reader walks records linearly."""
    for path in sorted(shared_or_skip("corpus").glob("*.hwp")):
        assert readers.read(str(path)).blocks, path.name
