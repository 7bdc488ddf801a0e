"""PDF and images: text layer or OCR page by page, positions, and the failures people meet."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract import errors, extract_file, readers
from extract.readers import ocr, pdf

from .conftest import ROOT, SAMPLES, fields

sys.path.insert(0, str(ROOT / "samples" / "tools"))
from render import render_pdf, render_scan

VERDICTS = [
    ("", False, "no text layer"),
    ("2026. 6. 25. -9235 (5) 06/25 2026. 6. ( )", False, "no Hangul and no words"),
    # a Hancom layer whose Hangul maps to nothing, with a few Latin acronyms left
    ("(PM) TF CCTV : , , ( ) - : , , , '26.5.21. TBM ( / , )", False, "no Hangul and no words"),
    ("(cid:123)(cid:456)(cid:789) (cid:1)(cid:2)(cid:3)", False, "unmapped glyphs"),
    ("\ufffd" * 40, False, "unmapped glyphs"),
    ("□ 일 시 : 2016. 4. 27(수) 14:00~16:30 장소 본관", True, "text layer"),
    # a 목차 page: leader dots and page numbers outnumber the words, the letters are Hangul
    (
        "목 차\n1. 사업 개요 ........................ 1\n2. 추진 현황 ..................... 3\n"
        "3. 향후 계획 ........................ 7",
        True,
        "Hangul",
    ),
    # a sound layer in another script: English prose, Hanja minutes, a page of crop marks and line numbers
    ("Trace-based Just-in-Time Type Specialization for Dynamic Languages", True, "another script"),
    ("第23回 大田直轄市議會(臨時會) 本會議會議錄 第2號", True, "another script"),
    (
        "“PROPERTY” 1 2 3 4 5 6 7 8 9 10 11 12 13 S32 R33 4TH PASS PAGES 14773_01.qxd 2/10/04 Page 81",
        True,
        "another script",
    ),
]


@pytest.mark.parametrize(("text", "use", "why"), VERDICTS)
def test_text_layer_verdict(text: str, use: bool, why: str) -> None:
    got, reason = pdf.text_layer_verdict(text)
    assert got is use and why in reason


def test_digital_pdf_agrees_with_its_text_twin() -> None:
    report = extract_file(SAMPLES / "meeting-result-pdf.pdf")
    assert [p.method for p in report.source.pages] == ["text", "text"]
    assert fields(report) == fields(extract_file(SAMPLES / "meeting-result-two-sittings.txt"))
    ev = report.meeting.evidence
    assert ev.page == 1 and ev.bbox is not None and 0 < ev.bbox[0] < ev.bbox[2] < 595.3


def test_samples_are_current(tmp_path: Path) -> None:
    fresh = tmp_path / "x.pdf"
    render_pdf((SAMPLES / "meeting-result-two-sittings.txt").read_text(encoding="utf-8"), fresh)
    assert fresh.read_bytes() == (SAMPLES / "meeting-result-pdf.pdf").read_bytes(), "regenerate the PDF sample"


def test_scan_is_read_by_ocr() -> None:
    report = extract_file(SAMPLES / "meeting-plan-scan.pdf")
    (page,) = report.source.pages
    assert page.method == "ocr" and page.reason == "no text layer" and page.ocr_confidence > 70
    assert report.meeting is not None
    assert (report.meeting.date, report.meeting.start_time) == ("2025-07-08", "14:00")
    assert report.document.doc_number == "기획예산과-2214"
    assert report.meeting.evidence.bbox is not None  # in PDF points


def test_a_glyph_without_a_unicode_name_keeps_the_words_in_place(tmp_path: Path) -> None:
    """NanumGothic has no ❍: the PDF draws a glyph that maps to no character. PDFium's text call leaves such
    characters out, which shifted every later box by one and scattered the page's words over wrong lines."""
    digital = tmp_path / "d.pdf"
    render_pdf("심의위원회 운영결과\n❍ 일시 : 2025. 2. 26.(수) 10:00\n❍ 장소 : 구청 기획상황실\n", digital)
    texts = [b.text.strip() for b in readers.read(str(digital)).blocks]
    assert texts == ["심의위원회 운영결과", "\ufffd 일시 : 2025. 2. 26.(수) 10:00", "\ufffd 장소 : 구청 기획상황실"]
    report = extract_file(digital)
    assert report.meeting is not None and report.meeting.location == "구청 기획상황실"


def test_ocr_modes(tmp_path: Path) -> None:
    digital = tmp_path / "d.pdf"
    render_pdf("위원회 개최 결과 보고\n○ 일 시 : 2024. 1. 5.(금) 10:00\n", digital)
    forced = readers.read(str(digital), ocr_mode="always")
    assert [p.method for p in forced.pages] == ["ocr"] and forced.pages[0].reason == "OCR forced"
    never = readers.read(str(digital), ocr_mode="never")
    assert [p.method for p in never.pages] == ["text"]


def test_image_input(tmp_path: Path) -> None:
    png = tmp_path / "page.png"
    render_scan("위원회 개최 결과 보고\n○ 일 시 : 2024. 1. 5.(금) 10:00\n○ 장 소 : 본관 3층 회의실\n", png, dpi=200)
    report = extract_file(png)
    assert report.source.format == "png" and report.source.pages[0].method == "ocr"
    assert report.meeting is not None and report.meeting.date == "2024-01-05"


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, "locked")
    c.save()
    with pytest.raises(errors.EncryptedInput, match="password"):
        readers.read(str(path))


def test_empty_user_password_opens(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("NanumGothic", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"))
    path = tmp_path / "owner-only.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    c.setFont("NanumGothic", 11)
    c.drawString(72, 720, "회의 결과 보고 일시 2024. 1. 5.(금)")
    c.save()
    assert readers.read(str(path)).pages[0].method == "text"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"%PDF-1.7\n%garbage that is not a pdf\n", errors.CorruptInput),
        ((SAMPLES / "meeting-result-pdf.pdf").read_bytes()[:900], errors.CorruptInput),  # truncated
    ],
)
def test_broken_pdfs(tmp_path: Path, data: bytes, error: type[Exception]) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(error):
        readers.read(str(path))


def test_decompression_bomb_image(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "bomb.png"
    Image.new("1", (12000, 12000)).save(path)  # 144 M pixels in a few kilobytes
    assert path.stat().st_size < 200_000
    with pytest.raises(errors.InputTooLarge):
        readers.read(str(path))


def test_missing_korean_data_is_its_own_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ocr, "LANG", "xx-no-such-language")
    png = tmp_path / "p.png"
    render_scan("보고\n", png, dpi=100)
    with pytest.raises(errors.OcrUnavailable, match="tesseract-ocr-kor"):
        readers.read(str(png))


@pytest.mark.parametrize(
    ("line", "fixed"),
    [("(> 1부 운영위원 회의", "○ 1부 운영위원 회의"), ("ㅁ 일 시 : 2024", "□ 일 시 : 2024"), ("| 회의 개요", "Ⅰ 회의 개요"),
     ("|| 주요 내용", "Ⅱ 주요 내용"), (": 양측은 협의", "· 양측은 협의"), ("2016. 4. 27", "2016. 4. 27"),
     ("(< 구 입장 : 예산", "○ 구 입장 : 예산"), ("(〉 센터 입장 : 불가", "○ 센터 입장 : 불가"),
     ("《〉 정기회의 : 22명", "○ 정기회의 : 22명"), ("( 상설협의체 : 8명", "○ 상설협의체 : 8명"),
     ("(2) 둘째 항목", "(2) 둘째 항목"), ("(가) 항목", "(가) 항목"),
     ("(3업체 입장 : 현 위치 유지", "○ 업체 입장 : 현 위치 유지"), ("(3차 회의) 결과", "(3차 회의) 결과"),
     ("<>위원장 문태석 개의", "○ 위원장 문태석 개의"), ("<:출석공무원", "○ 출석공무원"), ("<> 안건 심의", "○ 안건 심의"),
     ("<b> 표시", "<b> 표시"), ("(:출석위원(5인)", "○ 출석위원(5인)"), ("(: 출석공무원", "○ 출석공무원"),
     ("<출석 공무원", "○ 출석 공무원"), ("<붙임> 명단", "<붙임> 명단"), ("- ㅡ (구청) 검토하겠음", "→ (구청) 검토하겠음"),
     ("ㅡ 다음 회의에서", "→ 다음 회의에서"), ("… 우선 포함", "→ 우선 포함"), ("_ 현재 추진 중", "- 현재 추진 중")],
)  # fmt: skip
def test_line_start_bullets_are_recovered(line: str, fixed: str) -> None:
    assert ocr.fix_bullets(line) == fixed


def _c(text: str, x0: float, top: float, width: float = 10.0) -> tuple[str, float, float, float, float]:
    return (text, x0, top, x0 + width, top + 12.0)


@pytest.mark.parametrize(
    ("chars", "words"),
    [
        ([_c("회", 10, 100), _c("의", 20, 100), (" ", 0, 0, 0, 0), _c("결", 40, 100), _c("과", 50, 100)], ["회의", "결과"]),
        ([_c("일", 10, 100), _c("시", 30, 100)], ["일", "시"]),  # a gap wider than 1.5 pt cuts the word
        ([_c("가", 10, 100), _c("나", 20, 101.5), _c("다", 40, 102)], ["가나", "다"]),  # tops within 3 pt: one line
        ([_c("ㅇ", 10, 130), _c("□", 10, 100)], ["ㅇ", "□"]),  # two lines, whatever the content order
    ],
)  # fmt: skip
def test_pdfium_characters_make_words(chars: list, words: list[str]) -> None:
    from extract.readers.pdf_text import _words

    got = _words(chars)
    assert sorted(w.text for w in got) == sorted(words)


def test_a_two_column_pdf_is_read_column_by_column(tmp_path: Path) -> None:
    """A newsletter-style page: a full-width title, then two columns of prose; the text layer is read
    title, left column, right column (not line by line across the gutter)."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
    if not font.exists():
        pytest.skip("fonts-nanum is not installed")
    pdfmetrics.registerFont(TTFont("NanumGothic", str(font)))
    target = tmp_path / "two-columns.pdf"
    c = canvas.Canvas(str(target), pagesize=(595, 842))
    c.setFont("NanumGothic", 16)
    c.drawCentredString(297, 780, "구정 소식지 2026년 6월호 주요 소식 모음")
    c.setFont("NanumGothic", 10)
    for k in range(20):
        c.drawString(50, 740 - 15 * k, f"왼쪽 단 {k:02d}번 줄은 단의 끝까지 이어지는 문장")
        c.drawString(320, 740 - 15 * k, f"오른쪽 단 {k:02d}번 줄도 끝까지 이어지는 문장")
    c.save()
    raw = readers.read(str(target))
    texts = [b.text.strip() for b in raw.pages[0].blocks]
    assert texts[0].startswith("구정 소식지")
    assert [t.split()[2] for t in texts[1:21]] == [f"{k:02d}번" for k in range(20)]
    assert all(t.startswith("왼쪽") for t in texts[1:21]) and all(t.startswith("오른쪽") for t in texts[21:41])


@pytest.mark.parametrize(
    ("line", "fixed"),
    [("참석자 : 청년위원*<*×*%*×*%", "참석자 : 청년위원**********"), ("**×*\\,*", "*****,*"),
     ("금액 <<%>> 비율", "금액 <<%>> 비율"), ("위원 ***** 외", "위원 ***** 외")],
)  # fmt: skip
def test_masked_runs_read_with_look_alike_symbols_are_restored(line: str, fixed: str) -> None:
    assert ocr.restore_masks(line) == fixed


@pytest.mark.parametrize(
    ("line", "fixed"),
    [("가. 일시 : ’26. 9. 3.(목)14.00~16.30", "가. 일시 : ’26. 9. 3.(목)14:00~16:30"),
     ("일 시 : 2026. 9. 3.(목) 10.00", "일 시 : 2026. 9. 3.(목) 10:00"),
     ("예산 14.00억원 (목표 대비)", "예산 14.00억원 (목표 대비)"),  # not after a weekday: a number
     ("일시 : ’25. 7. 8.(화)14100", "일시 : ’25. 7. 8.(화)14:00"), ("(화) 09;30", "(화) 09:30"),
     ("(화) 1100 개최", "(화) 1100 개최"), ("(화)141000원", "(화)141000원"),  # no two-digit hour, or too long
     ("(목)14000 - 1540", "(목)14:00 - 15:40"), ("(목)10000원", "(목)10000원"), ("14:00 - 1540명", "14:00 - 1540명"),
     ("  불임 1. 회의자료 1부.", "  붙임 1. 회의자료 1부."), ("불임 : 위원 명단", "붙임 : 위원 명단"),
     ("불임 회의자료 1부. 끝.", "붙임 회의자료 1부. 끝."),
     ("불임 치료비 지원 확대", "불임 치료비 지원 확대")],  # a real word, not the attachment label
)  # fmt: skip
def test_one_way_misreadings_are_repaired(line: str, fixed: str) -> None:
    assert ocr.fix_misreadings(line) == fixed


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [(["가 일시 : 2026. 9. 3.", "나. 장소 : 본관"], ["가. 일시 : 2026. 9. 3.", "나. 장소 : 본관"]),
     (["다. 참석 : 위원 5명", "라 안건 : 예산"], ["다. 참석 : 위원 5명", "라. 안건 : 예산"]),
     (["가 일시 : 2026. 9. 3.", "장소는 추후 안내"], ["가 일시 : 2026. 9. 3.", "장소는 추후 안내"]),  # no sibling
     (["나 홀로 참석", "마. 기타"], ["나 홀로 참석", "마. 기타"]),  # 마 does not follow 나
     # the marker run into its label, the neighbours' dots without their space
     (["가일시 : 2026. 9. 3.", "나.장 소 : 본관", "다. 참석대상 : 위원"],
      ["가. 일시 : 2026. 9. 3.", "나.장 소 : 본관", "다. 참석대상 : 위원"]),
     (["가온구 주민자치과", "나. 장소 : 본관"], ["가온구 주민자치과", "나. 장소 : 본관"]),  # no label and colon
     (["가온구 주민자치과 : 주무관", "나. 장소 : 본관"], ["가온구 주민자치과 : 주무관", "나. 장소 : 본관"])],
)  # fmt: skip
def test_the_dot_of_korean_numbering_is_restored_from_its_siblings(lines: list[str], fixed: list[str]) -> None:
    assert ocr.fix_korean_numbering(lines) == fixed


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [([" ① 범위 한정", " ② 대상지 확정", " @ 영향평가 완료"], [" ① 범위 한정", " ② 대상지 확정", " ③ 영향평가 완료"]),
     (["® 범위 한정", "② 대상지 확정"], ["① 범위 한정", "② 대상지 확정"]),  # the one after it numbers it
     (["@ 범위 한정", "본문", "□ 기타"], ["@ 범위 한정", "본문", "□ 기타"]),  # no circled number near
     (["① 범위", "가", "나", "다", "라", "@ 멀리"], ["① 범위", "가", "나", "다", "라", "@ 멀리"])],  # too far
)  # fmt: skip
def test_circled_numbers_read_as_at_signs_are_restored_from_their_siblings(lines: list[str], fixed: list[str]) -> None:
    assert ocr.fix_circled_numbers(lines) == fixed
