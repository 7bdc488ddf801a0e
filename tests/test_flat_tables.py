"""Tables flattened one cell a line (web copies, viewer text), in shapes written for the tests: joined back
into rows when a run of column headers opens with a serial column and the rows count 1, 2, 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.analyse.flat_tables import join
from extract.document import Block, Page, RawDocument, Source

from .conftest import report_of


def _raw(lines: list[str]) -> RawDocument:
    source = Source(path="x.txt", format="txt", sha256="0", size=0)
    return RawDocument(source=source, pages=[Page(number=1, blocks=[Block(text=t, page=1) for t in lines])])


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        (["연번", "안건명", "심의결과", "1", "가온동 신축", "원안 가결", "2", "나래동 증축", "재심의", "끝."],
         ["연번\t안건명\t심의결과", "1\t가온동 신축\t원안 가결", "2\t나래동 증축\t재심의", "끝."]),
        (["No.", "성  명", "소속", "직위", "1", "홍길동", "가온구청", "과장"],
         ["No.\t성  명\t소속\t직위", "1\t홍길동\t가온구청\t과장"]),
        # no serial column first: the headers may be a list of words, not a table
        (["안건명", "심의결과", "비고", "1", "가온동 신축", "원안 가결"], None),
        # two headers are no table
        (["연번", "심의결과", "1", "원안 가결"], None),
        # the rows must count from 1 and hold cells, not outline items
        (["연번", "안건명", "심의결과", "3", "가온동 신축", "원안 가결"], None),
        (["연번", "안건명", "심의결과", "1", "□ 회의 결과", "원안 가결"], None),
    ],
)  # fmt: skip
def test_flattened_rows_are_joined(lines: list[str], rows: list[str] | None, models) -> None:
    got = [b.text for b in join(_raw(lines), models).blocks]
    assert got == (rows if rows is not None else lines)


def test_a_flattened_verdict_table_gives_decisions_on_their_items(tmp_path: Path) -> None:
    r = report_of(tmp_path, VERDICTS)
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("가온동 123-4 근린생활시설 신축", "조건부 가결"),
        ("나래동 55 공동주택 증축", "재심의"),
        ("다솜동 7 업무시설 신축", "원안 가결"),
    ]
    assert {d.evidence.rule for d in r.decisions if d.evidence} == {"decision/result-table"}


def test_a_flattened_attendee_table_gives_its_people(tmp_path: Path) -> None:
    r = report_of(tmp_path, ATTENDEES)
    assert r.meeting is not None
    assert [(p.name, p.title, p.organization) for p in r.meeting.attendees] == [
        ("홍길동", "도시계획과장", "가온구청"),
        ("이하늘", "교수", "한빛대학교"),
    ]


VERDICTS = """2026년 제3회 가온구 건축위원회 심의 결과 보고
1. 회의개요
 ○ 일 시 : 2026. 4. 8.(수) 14:00
 ○ 장 소 : 구청 5층 회의실
2. 심의결과
연번
안건명
신청인
심의결과
1
가온동 123-4 근린생활시설 신축
김○○
조건부 가결
2
나래동 55 공동주택 증축
㈜한빛건설
재심의
3
다솜동 7 업무시설 신축
박○○
원안 가결
3. 향후 계획
 ○ 조건부 가결 안건은 조치계획서를 4. 30.까지 제출받아 확인
"""

ATTENDEES = """2026년 도시계획 자문회의 결과 보고
1. 회의개요
 ○ 일 시 : 2026. 5. 12.(화) 10:00
 ○ 참석자
연번
성명
소속
직위
1
홍길동
가온구청
도시계획과장
2
이하늘
한빛대학교
교수
2. 자문 결과
 ○ 보행로 폭을 3m 이상으로 확보하기로 함
"""
