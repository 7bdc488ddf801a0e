"""HWPX: paragraphs, tables and text boxes in reading order; the same fields as the text twin; hostile zips."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from extract import errors, extract_file, readers

from .conftest import ROOT, SAMPLES, fields

sys.path.insert(0, str(ROOT / "samples" / "tools"))
from make_hwpx import paragraph, table, write_hwpx

TWINS = [
    ("meeting-result-hwpx.hwpx", "meeting-result-two-sittings.txt"),
    ("meeting-plan-hwpx.hwpx", "meeting-plan-gongmun.txt"),
]


@pytest.mark.parametrize(("hwpx", "txt"), TWINS)
def test_hwpx_and_text_twins_agree(hwpx: str, txt: str) -> None:
    native = extract_file(SAMPLES / hwpx)
    assert native.source.format == "hwpx"
    assert {p.method for p in native.source.pages} == {"native"}
    assert fields(native) == fields(extract_file(SAMPLES / txt))


def test_samples_are_current(tmp_path: Path) -> None:
    for hwpx, txt in TWINS:
        fresh = tmp_path / hwpx
        write_hwpx((SAMPLES / txt).read_text(encoding="utf-8"), fresh)
        with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(SAMPLES / hwpx) as b:
            assert a.read("Contents/section0.xml") == b.read("Contents/section0.xml"), f"regenerate {hwpx}"


def _section(body: str) -> str:
    ns = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {ns}>{body}</hs:sec>'


def _write(tmp_path: Path, section: str, extra: dict[str, bytes] | None = None, name: str = "x.hwpx") -> Path:
    path = tmp_path / name
    write_hwpx("", path, extra={"Contents/section1.xml": section.encode(), **(extra or {})})
    return path


def test_tables_rows_frames_and_text_boxes(tmp_path: Path) -> None:
    approval = table([["주무관", "팀장", "과장"], ["김태원", "이종림", "06/24 권소현"]], 1)
    frame = (  # a one-cell frame table holding an outline: unrolled into its paragraphs
        '<hp:p id="2"><hp:run><hp:tbl rowCnt="1" colCnt="1"><hp:tr><hp:tc><hp:subList>'
        + paragraph("□ 개최 결과", 0)
        + paragraph(" ○ 일 시 : 2026. 6. 11.(목)", 1)
        + '</hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>'
    )
    box = (
        '<hp:p id="3"><hp:run><hp:t>본문 앞</hp:t><hp:rect><hp:drawText><hp:subList>'
        + paragraph("글상자 안의 문장", 0)
        + "</hp:subList></hp:drawText></hp:rect></hp:run></hp:p>"
    )
    note = (
        '<hp:p id="4"><hp:run><hp:t>각주가 달린 문장</hp:t><hp:ctrl><hp:footNote><hp:subList>'
        + paragraph("각주 내용", 0)
        + "</hp:subList></hp:footNote></hp:ctrl></hp:run></hp:p>"
    )
    path = _write(tmp_path, _section(paragraph("제목 보고", 0) + approval + frame + box + note + paragraph("끝.", 5)))
    raw = readers.read(str(path))
    texts = [(b.text, b.path) for b in raw.pages[1].blocks]
    assert texts == [
        ("제목 보고", "s1/p0"),
        ("주무관\t팀장\t과장", "s1/p1/tbl0/r0"),
        ("김태원\t이종림\t06/24 권소현", "s1/p1/tbl0/r1"),
        ("□ 개최 결과", "s1/p2/tbl0/r0c0/p0"),
        (" ○ 일 시 : 2026. 6. 11.(목)", "s1/p2/tbl0/r0c0/p1"),
        ("본문 앞", "s1/p3"),
        ("글상자 안의 문장", "s1/p3/rect/p0"),
        ("각주가 달린 문장", "s1/p4"),
        ("끝.", "s1/p5"),
        ("각주 내용", "s1/p4/footNote/p0"),  # notes are kept apart, after the body
    ]


def test_misnamed_files_are_sniffed(tmp_path: Path) -> None:
    text_named_hwpx = tmp_path / "a.hwpx"
    write_hwpx("보고\n", text_named_hwpx)
    renamed = tmp_path / "a.zip"
    renamed.write_bytes(text_named_hwpx.read_bytes())
    assert readers.read(str(renamed)).source.format == "hwpx"


BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><hs:sec xmlns:hs="s">&lol3;</hs:sec>"""
EXTERNAL = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><hs:sec xmlns:hs="s">&xxe;</hs:sec>"""


@pytest.mark.parametrize("xml", [BOMB, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_entity_tricks_are_refused(tmp_path: Path, xml: str) -> None:
    with pytest.raises(errors.CorruptInput, match="refused XML"):
        readers.read(str(_write(tmp_path, xml)))


# The same entity tricks where a byte search for `<!DOCTYPE` would not see them: they must reach defusedxml.
UTF16_BOMB = BOMB.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
EBCDIC_EXTERNAL = EXTERNAL.replace('version="1.0"', 'version="1.0" encoding="cp037"').encode("cp037")


@pytest.mark.parametrize(
    ("data", "message"),
    [(UTF16_BOMB, "refused XML construct"), (EBCDIC_EXTERNAL, "malformed XML")],  # expat cannot read EBCDIC
    ids=["utf-16", "ebcdic"],
)
def test_entity_tricks_in_other_encodings_are_refused(data: bytes, message: str) -> None:
    from extract.readers.hwpx import parse_xml

    with pytest.raises(errors.CorruptInput, match=message):
        parse_xml(data, "Contents/section0.xml", "x.hwpx")


@pytest.mark.parametrize(
    ("data", "fast"),
    [
        (b'<?xml version="1.0" encoding="UTF-8"?><a>\xea\xb0\x80</a>', True),
        (b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>", True),
        (b"<a/>", True),
        (b'<?xml version="1.0" encoding="EUC-KR"?><a/>', False),  # declared other encoding: defusedxml
        (b'<?xml version="1.0"?><!DOCTYPE a><a/>', False),
        ("<a/>".encode("utf-16"), False),
        ("<a/>".encode("utf-16-le"), False),
    ],
)
def test_only_utf8_xml_without_a_dtd_takes_the_fast_parser(data: bytes, fast: bool) -> None:
    from extract.readers.hwpx import _plainly_without_dtd

    assert _plainly_without_dtd(data) is fast


def test_zip_bomb_member(tmp_path: Path) -> None:
    path = _write(tmp_path, _section(paragraph("x" * 100, 0)), extra={"Contents/section2.xml": b" " * (80 << 20)})
    with pytest.raises(errors.InputTooLarge):
        readers.read(str(path))


def test_member_names_never_touch_the_file_system(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = _write(work, _section(paragraph("본문", 0)), extra={"../escape.txt": b"x", "/abs.txt": b"y"})
    readers.read(str(path))
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["work", "x.hwpx"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"PK\x03\x04" + b"\x00" * 50, errors.CorruptInput),  # truncated zip
        (b"PK\x03\x04mimetypeapplication/hwp+zip" + b"\x01" * 40, errors.CorruptInput),
    ],
)
def test_broken_archives(tmp_path: Path, data: bytes, error: type[Exception]) -> None:
    path = tmp_path / "broken.hwpx"
    path.write_bytes(data)
    with pytest.raises(error):
        readers.read(str(path))


def test_malformed_section(tmp_path: Path) -> None:
    with pytest.raises(errors.CorruptInput, match="malformed XML"):
        readers.read(str(_write(tmp_path, "<hs:sec><hp:p>")))
