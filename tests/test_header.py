"""Header fields on small inputs written for the tests, including the shapes OCR and page layout give them:
value cells beside another table, letter-spaced document numbers, a misread 제목 label, smudged 시행 lines,
and a title that differs between the cover and the first body page."""

from __future__ import annotations

import pytest

from extract.analyse.lines import make_lines
from extract.analyse.normalize import normalize_block
from extract.analyse.sections import build
from extract.document import Block
from extract.fields import header


def _info(text: str, models):
    blocks = [normalize_block(Block(t, 1, origin="plain")) for t in text.split("\n")]
    _, lines = make_lines(blocks, models)
    build(lines)
    return header.extract(lines, models)


CASES = [
    # (text, (title, doc_number, department, approval_date))
    # the header table and the approval table beside it share rows on a page laid out from positions
    ("문서번호\t도로관리과-3120\t주무관\t도로관리팀장\n결재일자\t2025. 3. 4.\t한가온\t05/03 도재민\n"
     "공개여부\t공개\n교량 점검 결과 보고",
     ("교량 점검 결과 보고", "도로관리과-3120", "도로관리과", "2025-03-04")),
    # OCR leaves letter spacing inside the department part of the number
    ("문 서 번호 도로관 리 과-3120\n결재일자 2025. 3. 4.\n교량 점검 결과 보고",
     ("교량 점검 결과 보고", "도로관리과-3120", "도로관리과", "2025-03-04")),
    # 공문: the row after (경유) is the title row even when OCR misreads its label
    ("수신\t수신자 참조\n(경유)\n세르\t2025년 하천 정비 공사 안내\n1. 관련 근거\n"
     "시행 하천관리과-/118\t( 2025 7. 9_ )\t접수",
     ("2025년 하천 정비 공사 안내", "하천관리과-7118", "하천관리과", "2025-07-09")),
    # a clean 시행 line is read as before
    ("제목 2025년 하천 정비 공사 안내\n시행 하천관리과-4401 (2025. 6. 25.)",
     ("2025년 하천 정비 공사 안내", "하천관리과-4401", "하천관리과", "2025-06-25")),
    # the cover's title and the body's copy differ in a letter: the body's copy is kept
    ("2025년 제3차 주민협의체 회의 주진 결과 보고\n2025. 5.\n주민자치과\n"
     "2025년 제3차 주민협의체 회의 추진 결과 보고\n□ 추진 개요",
     ("2025년 제3차 주민협의체 회의 추진 결과 보고", None, None, None)),
    # ... also when the body's copy wraps over two lines
    ("2025년 제3차 주민협의체 회의 주진 결과 보고\n2025. 5.\n주민자치과\n"
     "2025년 제3차 주민협의체\n회의 추진 결과 보고\n□ 추진 개요",
     ("2025년 제3차 주민협의체 회의 추진 결과 보고", None, None, None)),
    # a press release: its headline comes after the header rows and the contact line
    ("보 도 자 료\n보도일시\t2025. 5. 12.(월) 06:00\n담당부서\t가온시 기후환경과\n과장 여진우 02-000-0000\n"
     "가온시, 노후 경유차 조기폐차 지원 확대\n□ 가온시는 지원 대상을 확대하기로 했다.",
     ("가온시, 노후 경유차 조기폐차 지원 확대", None, "기후환경과", "2025-05-12")),
    # a different heading later on is not a copy of the title
    ("정책연구과제 선정 결과보고서\n과제명\t하천 생태 조사\n정책연구 과제 선정 심의 결과\nㅇ 최종 선정",
     ("정책연구과제 선정 결과보고서", None, None, None)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_header_fields(text: str, expected, models) -> None:
    info = _info(text, models)
    assert (info.title, info.doc_number, info.department, info.approval_date) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("대시민공개", "대시민공개"), ("대시민공?", "대시민공개"), ("부분공7H(6)", "부분공개"), ("부분공개 (6)", "부분공개(6)"),
     ("부문공개(5,6)", "부분공개(5,6)"), ("비공개(5)", "비공개(5)"), ("해당 없음", None)],
)  # fmt: skip
def test_disclosure_values_and_one_misread_letter(value: str, expected, models) -> None:
    assert _info(f"문서번호\t총무과-100\n공개여부\t{value}\n회의 결과 보고", models).disclosure == expected


# A report without 결재일자 or 시행 line: the date that ends a line of the title block.
REPORT_DATES = [
    ("2026년 청소년 정책 협의회 운영 계획\n2026. 3. 9.(월) 청소년정책과\n□ 추진 배경", None),
    ("2026년 청소년 정책 협의회 운영 계획\n2026. 3. 9.(월)\n□ 추진 배경", "2026-03-09"),
    ("【담당】기획팀 홍길동 주무관(1234) / ’26년 3월 9일\n2026년 협의회 운영 계획\n□ 추진 배경", "2026-03-09"),
    ("정책 협의회 결과 보고\n□ 일 시 : 2026. 3. 9.(월) 14:00\n□ 장 소 : 본관", None),  # the meeting's date
    ("정책 협의회 결과 보고\n□ 추진 배경\n○ 2026. 3. 9.(월)", None),  # an outline item, not the title block
    # a date on a line of its own after the body, over the sender (or run into it, as PDF text does)
    ("정책 협의회 결과 보고\n□ 추진 배경\n○ 내용\n          2026. 3. 9.\n          청소년정책과", "2026-03-09"),
    ("정책 협의회 결과 보고\n□ 추진 배경\n○ 내용\n          2026. 3. 9. 청소년정책과", "2026-03-09"),
    ("정책 협의회 결과 보고\n□ 추진 배경\n○ 내용\n          2026. 3. 9. 회의 개최", None),
]


@pytest.mark.parametrize(("text", "expected"), REPORT_DATES)
def test_report_date_from_the_title_block(text: str, expected: str | None, models) -> None:
    assert _info(text, models).approval_date == expected


ISSUERS = [
    # (the end of a 시행문, 발신명의)
    ("붙임 회의자료 1부.  끝.\n\n서 울 특 별 시 가 온 구 청 장\n주무관 임다솜", "서울특별시가온구청장"),
    ("붙임 회의자료 1부.  끝.\n가온구청장\n주무관 임다솜  자치지원팀장 염태호", "가온구청장"),
    ("협조하여 주시기 바랍니다.  끝.\n가온구 주민자치위원회 위원장", None),  # not one word: a sentence line
    ("붙임 회의자료 1부.  끝.\n주무관 임다솜", None),
    ("회의 결과 보고\n□ 향후 계획 : 회의 결과 공유", None),
]


@pytest.mark.parametrize(("text", "expected"), ISSUERS)
def test_issuer_of_a_gongmun(text: str, expected: str | None, models) -> None:
    assert _info(text, models).issuer == expected
