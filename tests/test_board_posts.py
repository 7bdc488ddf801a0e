"""Meeting results as public bodies post them on their boards, in shapes written for the tests: flattened
onto one line, a bracketed category before the title, attendance as kinds of people and counts, outcomes
listed under the topics of the section that reports them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import report_of

FLAT = (
    "- 회의개요 1. 일 시 : 2024. 3. 12(화) 14:00~15:30 2. 장 소 : 구청 3층 소회의실 3. 참석대상 : 10명 ▷ 위원 8, "
    "전문가 2 - 회의내용 1. 마을축제 운영 관련 사항 ▷ 개최 장소는 근린공원으로 변경 ▷ 부스 운영은 동별로 분담 "
    "2. 홍보물 제작 관련 사항 ▷ 글자 크기를 키우고 쉬운 표현 고려 - 향후계획 1. 차기 회의는 4월 중 개최 "
    "2. 홍보물 시안은 카페에 게시"
)

POST = """[주민자치회] 2024년 5월 정기회의 개최결과(가온동)
관리자 2024.05.30 09:12 조회 210

□ 일 시: 2024. 5. 27.(월) 19:00
□ 장 소: 가온동 주민센터 2층
□ 참석인원: 자치위원, 지역주민 등 18명
□ 주요 안건
  ❍ 마을축제 준비 상황 공유
□ 회의결과
  ❍ 마을축제 운영
    - 개최일은 10월 둘째 주 토요일로 결정
    - 먹거리 부스는 주민 신청을 받아 운영
       (※ 세부 일정은 별도 안내)
  ❍ 분과 의견
    - 청소년 분과 관련 의견
  ❍ 기 타
    - 다음 회의에서 예산안 논의
"""


def test_a_post_flattened_onto_one_line_without_its_title(tmp_path: Path) -> None:
    r = report_of(tmp_path, FLAT)
    assert r.kind == "meeting_result"  # no title: 일시, 장소, 참석 and what was discussed, with what comes next
    assert r.meeting is not None
    assert (r.meeting.date, r.meeting.start_time, r.meeting.end_time) == ("2024-03-12", "14:00", "15:30")
    assert r.meeting.location == "구청 3층 소회의실"
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [("참석대상", 10), ("위원", 8), ("전문가", 2)]
    assert r.meeting.attendees == []
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("마을축제 운영 관련 사항", "개최 장소는 근린공원으로 변경"),
        ("마을축제 운영 관련 사항", "부스 운영은 동별로 분담"),
        ("홍보물 제작 관련 사항", "글자 크기를 키우고 쉬운 표현 고려"),
    ]
    assert [f.text for f in r.follow_ups] == ["차기 회의는 4월 중 개최", "홍보물 시안은 카페에 게시"]


def test_a_post_with_a_category_before_its_title_and_a_result_section(tmp_path: Path) -> None:
    r = report_of(tmp_path, POST)
    assert (r.kind, r.document.title) == ("meeting_result", "[주민자치회] 2024년 5월 정기회의 개최결과(가온동)")
    assert r.meeting is not None and r.meeting.date == "2024-05-27"
    # kinds of people and a count: a group, nobody named
    assert r.meeting.attendees == [] and [g.count for g in r.meeting.attendee_groups] == [18]
    # the outcomes under the topics of 회의결과; not the agenda, not a topic's name (…관련 의견), not what is
    # left for the next meeting; the note under an outcome leaves it an outcome
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("마을축제 운영", "개최일은 10월 둘째 주 토요일로 결정"),
        ("마을축제 운영", "먹거리 부스는 주민 신청을 받아 운영"),
    ]
    assert {d.evidence.rule for d in r.decisions if d.evidence} <= {"decision/outcome-cue", "decision/result-item"}


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "3. 토의사항\n    - 공동위원회 구성 제안\n4. 결론\n    - 제안서를 공문으로 시의회에 전달함\n",
            "meeting_result",
        ),
        ("3. 안건\n    - 공동위원회 구성 제안\n4. 협조사항\n    - 위원님들의 참석 바랍니다\n", "meeting_plan"),
    ],
)
def test_a_meeting_named_held_is_a_result_when_it_reports_a_conclusion(tmp_path: Path, body: str, kind: str) -> None:
    text = f"주민기피시설 특위 간담회 개최\n\n1. 일시 및 장소 : 2024.2.20(화) 09:00-10:00(특위 회의실)\n\n{body}"
    r = report_of(tmp_path, text)
    assert r.kind == kind
    if kind == "meeting_result":
        assert [(d.topic, d.text) for d in r.decisions] == [(None, "제안서를 공문으로 시의회에 전달함")]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("[주민자치회] 2024년 5월 정기회의 개최결과(가온동)", "2024년 5월 정기회의"),
        ("[시민참여단] 제3차 운영위원회 결과 보고", "제3차 운영위원회"),
        ("2024년 제2차 운영위원회 개최 계획(안)", "2024년 제2차 운영위원회"),  # (안) is part of the report's words
    ],
)
def test_the_meeting_is_named_without_the_boards_category_or_a_qualifier(tmp_path: Path, title: str, name: str) -> None:
    r = report_of(
        tmp_path, f"{title}\n□ 일 시 : 2024. 5. 27.(월) 19:00\n□ 장 소 : 주민센터\n□ 회의결과\n ○ 예산 확정\n"
    )
    assert r.meeting is not None and r.meeting.name == name
