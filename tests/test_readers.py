"""Text input: encodings, BOMs, one-line web copies, markdown artefacts, and bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extract import errors, readers
from extract.analyse.normalize import normalize

REPORT = "간담회 결과 보고\n□ 일 시 : 2024. 11. 4.(월) 15:00\n□ 장 소 : 구청 3층 상황실\n"

ENCODINGS = [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8"),
    ("cp949", b"", "cp949"),
    ("euc-kr", b"", "cp949"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("utf-16-le", b"", "utf-16-le"),
]


@pytest.mark.parametrize(("encoding", "bom", "detected"), ENCODINGS)
def test_encodings(tmp_path: Path, encoding: str, bom: bytes, detected: str) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(bom + REPORT.encode(encoding))
    raw = readers.read(str(p))
    assert raw.source.encoding == detected
    assert [b.text for b in raw.blocks][:3] == REPORT.splitlines()


def test_one_line_web_copy_is_split_at_markers(tmp_path: Path) -> None:
    line = "홈 > 결재문서 간담회 결과 보고 " + " ".join(
        f"□ 항목{i} ○ 일 시 : 2024. 11. {i}.(월) 15:00~16:00 - 세부 내용{i} 설명" for i in range(1, 8)
    )
    p = tmp_path / "flat.txt"
    p.write_text(line, encoding="utf-8")
    texts = [b.text for b in readers.read(str(p)).blocks]
    assert len(texts) > 20
    assert "○ 일 시 : 2024. 11. 3.(월) 15:00~16:00" in texts  # never split inside a date


def test_one_line_web_copy_loses_the_portal_chrome_and_keeps_its_header(tmp_path: Path) -> None:
    body = " ".join(f"? 항목{i} - 세부 내용{i}을 검토하기로 함" for i in range(1, 13))
    line = (
        "홈 > 정보소통 > 결재문서 상세 ? 문서번호 교통행정과-8812 결재일자 2025.7.2. 공개여부 부분공개(6) "
        f"킥보드 주차구역 협의회 결과 보고 {body} 본 페이지 상단으로 이동 저작권 정책"
    )
    p = tmp_path / "flat.txt"
    p.write_text(line, encoding="utf-8")
    texts = [b.text for b in readers.read(str(p)).blocks]
    assert texts[:5] == [
        "홈 > 정보소통 > 결재문서 상세",
        "문서번호 교통행정과-8812",
        "결재일자 2025.7.2.",
        "공개여부 부분공개(6)",
        "킥보드 주차구역 협의회 결과 보고",
    ]
    assert texts[-1] == "- 세부 내용12을 검토하기로 함"  # the page footer is gone


def test_markdown_artefacts(tmp_path: Path) -> None:
    p = tmp_path / "r.md"
    p.write_text("# 제목 보고\n\n**굵은 제목**\n---\n## □ 절\n- 항목 *****\n", encoding="utf-8")
    raw = normalize(readers.read(str(p)))
    assert [(b.text, b.heading) for b in raw.blocks] == [
        ("제목 보고", 1), ("", None), ("굵은 제목", None), ("", None), ("□ 절", 2), ("- 항목 *****", None),
    ]  # fmt: skip


def test_nfc_not_nfkc(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("\u1100\u1161 ① Ⅰ", encoding="utf-8")  # decomposed 가, circled one, roman one
    (block,) = normalize(readers.read(str(p))).blocks
    assert block.text == "가 ① Ⅰ"


def test_format_is_sniffed_from_content(tmp_path: Path) -> None:
    assert readers.sniff(b"%PDF-1.7 ...", "x.txt") == "pdf"
    assert readers.sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8, "x.hwpx") == "hwp"
    assert readers.sniff(b"PK\x03\x04....mimetypeapplication/hwp+zip", "x.zip") == "hwpx"
    assert readers.sniff("보고".encode(), "x.md") == "md"


BAD = [
    ("missing.txt", None, errors.InputNotFound),
    ("empty.txt", b"", errors.EmptyInput),
    ("blank.txt", b"  \n\n ", errors.EmptyInput),
    ("binary.txt", bytes(range(256)) * 4, errors.UndecodableText),
    ("latin.txt", b"\xff\xfe\xfd" + b"\x81\x20" * 50, errors.UndecodableText),
    ("report.docx", "보고".encode(), errors.UnsupportedFormat),
    ("scan.pdf", b"%PDF-1.7\n%...", errors.CorruptInput),
    ("random.png", b"\x89PNG\r\n\x1a\n" + bytes(64), errors.CorruptInput),
]


@pytest.mark.parametrize(("name", "data", "error"), BAD)
def test_bad_input(tmp_path: Path, name: str, data: bytes | None, error: type[Exception]) -> None:
    p = tmp_path / name
    if data is not None:
        p.write_bytes(data)
    with pytest.raises(error):
        readers.read(str(p))


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.InputIsDirectory):
        readers.read(str(tmp_path))
