"""Outline markers, label splitting and the section tree."""

from __future__ import annotations

import pytest

from extract.analyse.lines import make_lines, section_title, split_label
from extract.analyse.normalize import normalize_block
from extract.analyse.sections import build
from extract.document import Block
from extract.markers import split_marker

MARKERS = [
    ("Ⅰ 추진근거", "Ⅰ", "roman", "추진근거"),
    ("II. 개최 결과", "II.", "roman", "개최 결과"),
    ("□ 개최 결과", "□", "square", "개최 결과"),
    ("○일시", "○", "circle", "일시"),
    ("ㅇ 장소 : 본관", "ㅇ", "circle", "장소 : 본관"),
    ("❍ 참석자", "❍", "circle", "참석자"),
    ("◦ 세부", "◦", "circle", "세부"),
    ("- 일 시 : 2016. 4. 27", "-", "dash", "일 시 : 2016. 4. 27"),
    ("· 세부 내용", "·", "dot", "세부 내용"),
    ("ㆍ 세부 내용", "ㆍ", "dot", "세부 내용"),
    ("※ 참고", "※", "note", "참고"),
    ("1. 관련", "1.", "num_dot", "관련"),
    ("가. 일 시", "가.", "kor_dot", "일 시"),
    ("1) 첫째", "1)", "num_paren", "첫째"),
    ("가) 둘째", "가)", "kor_paren", "둘째"),
    ("(1) 셋째", "(1)", "paren_num", "셋째"),
    ("① 넷째", "①", "circled", "넷째"),
    ("<보고안건>", "<보고안건>", "label", "보고안건"),
    ("▪ 일시 : 2025. 8. 12.", "▪", "square_filled", "일시 : 2025. 8. 12."),
    ("▸ 후속 조치", "▸", "arrow", "후속 조치"),
    ("\uf03d 사용 글머리", "\uf03d", "pua", "사용 글머리"),
    ("2016. 4. 27(수) 개최", None, None, "2016. 4. 27(수) 개최"),
    ("1.5배 증가", None, None, "1.5배 증가"),
    ("마을사회적경제과-2117", None, None, "마을사회적경제과-2117"),
    ("Ink 사용", None, None, "Ink 사용"),
]


@pytest.mark.parametrize(("text", "marker", "mclass", "body"), MARKERS)
def test_split_marker(text: str, marker: str | None, mclass: str | None, body: str) -> None:
    assert split_marker(text) == (marker, mclass, body)


LABELS = [
    ("일 시 : 2016. 4. 27(수) 14:00~16:30", ("일 시", "2016. 4. 27(수) 14:00~16:30")),
    ("문서번호\t마을사회적경제과-2117", ("문서번호", "마을사회적경제과-2117")),
    ("[제    목] 쟁점토지의 취득가액", ("제    목", "쟁점토지의 취득가액")),
    ("구 입장 : 예산편성 필요", ("구 입장", "예산편성 필요")),
    ("14:00~16:30 회의", None),
    ("정상적인 문장입니다", None),
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_split_label(text: str, expected: tuple[str, str] | None) -> None:
    got = split_label(text)
    assert (got[:2] if got else None) == expected


LINE_FIELDS = [
    ("문 서 번호 청년정책담 당 관-6545", ("doc_number", "청년정책담 당 관-6545")),  # OCR of a ruled header
    ("공개여부 부분공개(6)", ("disclosure", "부분공개(6)")),
    ("결재일자 2026. 6. 24.", ("approval_date", "2026. 6. 24.")),
    ("공개 여부를 검토함", (None, None)),  # not a header label followed by a value
    ("일시 변경 예정", (None, None)),  # only header-table labels may go without ':' or a tab
    ("문서번호", ("doc_number", "")),
    # a letter-spaced label and its value a space apart, as minutes print their header
    ("일 시 2013년 11월 22일 (금)", ("meeting_datetime", "2013년 11월 22일 (금)")),
    ("장  소 제2회의실", ("location", "제2회의실")),
    ("참 석 자 위원 9명", ("attendees", "위원 9명")),
    ("이 시 기에 회의를 마침", (None, None)),  # letter-spaced, but no label
    ("그 간 추진 경과", (None, None)),
    ("협 조 사항", (None, None)),  # one letter-spaced section title, not the label 협조 and a value
    # a date label and a date with no colon between
    ("일시 2019년 12월 16일(월) 10시", ("meeting_datetime", "2019년 12월 16일(월) 10시")),
    ("회의일시 2024. 3. 5.(화) 14:00", ("meeting_datetime", "2024. 3. 5.(화) 14:00")),
    ("장소 2층 회의실", (None, None)),  # only a date label, and only before a date
]


@pytest.mark.parametrize(("text", "expected"), LINE_FIELDS)
def test_line_fields(text: str, expected: tuple[str | None, str | None], models) -> None:
    _, lines = make_lines([Block(text=text, page=1)], models)
    assert (lines[0].field, lines[0].value) == expected


# OCR only: a date label with one letter misread and its colon read as a dot, followed by a full date.
OCR_LINE_FIELDS = [
    ("○ 일세. 2026. 9. 3.(목) 10:00", ("meeting_datetime", "2026. 9. 3.(목) 10:00")),
    ("○ 잍 시 2026. 9. 3.(목)", ("meeting_datetime", "2026. 9. 3.(목)")),
    ("○ 개최일지, 2026. 9. 3.", ("meeting_datetime", "2026. 9. 3.")),
    ("○ 일세 2026년도 예산 편성", (None, None)),  # not followed by a date
    ("○ 면적. 2026. 9. 3.", (None, None)),  # two letters away from every date label
    ("○ 장초. 2026. 9. 3.", (None, None)),  # a place label is not a date label
]


@pytest.mark.parametrize(("text", "expected"), OCR_LINE_FIELDS)
def test_misread_date_labels_on_ocr_lines(text: str, expected: tuple[str | None, str | None], models) -> None:
    _, lines = make_lines([Block(text=text, page=1, origin="ocr")], models)
    assert (lines[0].field, lines[0].value) == expected
    _, typed = make_lines([Block(text=text, page=1, origin="text")], models)
    assert typed[0].field is None  # a text layer is read as written


def _lines(text: str, models):
    blocks = [normalize_block(Block(t, 1, origin="plain")) for t in text.split("\n")]
    _, lines = make_lines(blocks, models)
    build(lines)
    return lines


def _tree(text: str, models) -> list[tuple[int, str]]:
    return [(ln.depth, ln.marker or "") for ln in _lines(text, models)]


OUTLINES = [
    # glyph family, nested by first appearance
    ("Ⅰ 개요\n□ 일시\n○ 세부\n- 하위\n○ 세부2\n□ 장소\nⅡ 결과",
     [(1, "Ⅰ"), (2, "□"), (3, "○"), (4, "-"), (3, "○"), (2, "□"), (1, "Ⅱ")]),
    # numbered family
    ("1. 관련\n가. 첫째\n1) 세부\n가) 더 세부\n(1) 가장 세부\n나. 둘째\n2. 결과",
     [(1, "1."), (2, "가."), (3, "1)"), (4, "가)"), (5, "(1)"), (2, "나."), (1, "2.")]),
    # a level skipped, then an outer marker not seen before closes the inner ones
    ("○ 항목\n- 세부\n□ 새 절",
     [(1, "○"), (2, "-"), (1, "□")]),
    # indentation decides for the same glyph (markdown lists)
    ("- 참 석 자\n  - 상설협의체 : 8명\n    - 기관 : 홍길동 위원장\n  - 정기회의 : 22명\n- 장 소 : 본관",
     [(1, "-"), (2, "-"), (3, "-"), (2, "-"), (1, "-")]),
    # notes hang under the item they annotate
    ("□ 참석자\n○ 위원 5명\n※ 1명 불참\n○ 직원 2명",
     [(1, "□"), (2, "○"), (3, "※"), (2, "○")]),
    # a table at the margin stays inside the item it follows; the outline goes on after it
    ("Ⅰ 운영 개요\n □ (운영방안) 정기 회의\n구 분\t주기\n정기회의\t월 1회\n □ (업무분장) 총괄\nⅡ 향후 계획\n □ 5월중\t: 회의",
     [(1, "Ⅰ"), (2, "□"), (3, ""), (3, ""), (2, "□"), (1, "Ⅱ"), (2, "□")]),
    # ... but a labelled document field laid out with tabs (`붙임`) leaves it
    (" □ 9월말\t: 결과 제출\n붙 임\t\t운영부서 현황",
     [(1, "□"), (1, "")]),
    # a bare section title holds the items after it, until the next one; 붙임 ends the body's sections
    ("결정사항\n - 일정 조정\n - 예산 재논의\n향후 계획\n1. 결과 공유\n2. 차기 회의\n붙임  자료 1부.",
     [(1, ""), (2, "-"), (2, "-"), (1, ""), (2, "1."), (2, "2."), (1, "")]),
    # ... also when its items use a marker seen before under another section (a □ lost by OCR)
    ("□ 질의응답\n ○ 질의\n ○ 질의\n 향후 계획\n ○ 착공\n ○ 준공",
     [(1, "□"), (2, "○"), (2, "○"), (2, ""), (3, "○"), (3, "○")]),
    # ... and a plain sentence does not
    ("회의 결과를 아래와 같이 보고함\n - 일정 조정",
     [(1, ""), (1, "-")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OUTLINES)
def test_section_levels(text: str, expected: list[tuple[int, str]], models) -> None:
    assert _tree(text, models) == expected


def test_markdown_headings_frame_their_items(models) -> None:
    text = "# 제목\n## I 개최 결과\n- 일 시 : 2016. 4. 27\n## II 주요내용\n- 항목\n### 1. 세부 절\n- 세부 항목"
    assert [(ln.depth, ln.body[:5]) for ln in _lines(text, models)] == [
        (1, "제목"), (2, "개최 결과"), (3, "일 시 :"), (2, "주요내용"), (3, "항목"), (3, "세부 절"), (4, "세부 항목"),
    ]  # fmt: skip


def test_dedented_paragraph_leaves_the_item(models) -> None:
    text = "1. 개최\n  가. 일 시 : 2025. 7. 8.\n붙임  회의자료 1부.  끝."
    assert [ln.depth for ln in _lines(text, models)] == [1, 2, 1]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("결정사항", True),
        ("향후 계획", True),
        ("주요 논의사항 :", True),
        ("회 의 내 용", True),
        ("향후", True),
        ("회의 결과 보고", False),  # a document title, not a section's
        ("결정사항 및 향후 추진 일정 안내", False),  # too long to be only a title
        ("기타", False),
        ("결정사항\t일정 조정", False),  # a table row
    ],
)
def test_bare_section_titles(body: str, expected: bool, models) -> None:
    assert section_title(body, models) is expected
