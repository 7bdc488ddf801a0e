"""Whole-report behaviour on report shapes written for the tests: a report without a heading or dated at
its end, bracketed agenda labels, verdicts and their grounds, the items of a discussion's results, requests
answered by a labelled reply, minutes as speech tables, parties taking sides (who attended and who signed:
test_report_people.py; conditions under a verdict and undecided items: test_report_outcomes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import report_of

NO_HEADING = """Ⅰ. 회의 개요
  1. 회 의 명 : 저수지 관리 민관협의회 정기회의
  2. 일    시 : 2026. 6. 12.(금) 15:00~17:00
  3. 장    소 : 수자원사업소 회의실
  4. 참 석 자 : 12명
     - 민간위원(6) : 도하윤, 설태민, 엄지호, 탁수빈, 편예린, 국도현
     - 공공위원(6) : 수자원관리과장, 환경정책과장 등
Ⅱ. 논의 결과
  1. 제방 산책로 조명 설치
    가) 주요 의견
      ◦ 민간위원 : 철새 서식을 고려하여 저조도 조명 설치 필요
      ◦ 공공위원 : 야간 안전을 위하여 기준 조도 이상 확보 필요
    나) 결과 : 조류 전문가 자문을 거쳐 조도 기준을 정하기로 함
"""


def test_a_report_without_a_heading_is_named_by_its_meeting_name(tmp_path: Path) -> None:
    r = report_of(tmp_path, NO_HEADING)
    assert (r.kind, r.document.title) == ("meeting_result", "저수지 관리 민관협의회 정기회의")
    assert r.meeting is not None and (r.meeting.date, r.meeting.location) == ("2026-06-12", "수자원사업소 회의실")
    # a counted role label: a group, and the title of each person listed after it
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [("참석자", 12), ("민간위원", 6), ("공공위원", 6)]
    assert [(p.name, p.title, p.organization) for p in r.meeting.attendees][:2] == [
        ("도하윤", "민간위원", None),
        ("설태민", "민간위원", None),
    ]
    assert [(p.name, p.title) for p in r.meeting.attendees][-2:] == [(None, "수자원관리과장"), (None, "환경정책과장")]
    # the parties' views (주요 의견) are no outcome; the result is
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("제방 산책로 조명 설치", "조류 전문가 자문을 거쳐 조도 기준을 정하기로 함")
    ]


def test_a_report_with_a_first_line_keeps_it_and_not_its_meeting_name(tmp_path: Path) -> None:
    r = report_of(tmp_path, "저수지 관리 협의 내용\n" + NO_HEADING)
    assert r.document.title != "저수지 관리 민관협의회 정기회의"


def test_bracketed_agenda_labels_verdicts_and_their_grounds(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """교통안전시설 심의회 회의록

일 시 : 2026. 8. 20.(목) 14:00~15:30
장 소 : 경찰서 3층 회의실

【안건 1】 초등학교 앞 횡단보도 신설
 - 심의 결과 : 가결 (신호등 동시 설치 조건)
【안건 2】 상가 구간 주정차 허용 시간 변경
 - 심의 결과 : 부결
 - 부결 사유 : 보행 안전 저해 우려
[제3호 안건] 회전교차로 설치
 - 심의 결과 : 재심의
""",
    )
    assert [a.text for a in r.agenda] == [
        "초등학교 앞 횡단보도 신설",
        "상가 구간 주정차 허용 시간 변경",
        "회전교차로 설치",
    ]
    assert [d.text for d in r.decisions] == ["가결 (신호등 동시 설치 조건)", "부결", "재심의"]


def test_the_items_of_a_discussions_results_are_its_outcomes(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """사회적경제 실무협의회 결과보고
□ 개요
  ◦ 일시 : 2026. 5. 14.(목) 15:00
  ◦ 장소 : 일자리센터 교육장
  ◦ 참석자 : 협의회 위원 8명
□ 주요 논의 결과
  ◦ 공공구매 목표 : 전년 대비 10% 상향한 45억원으로 설정
  ◦ 판로 박람회 : 9월 중 구청 광장에서 개최
□ 향후 일정
  ◦ 공공구매 계획 통보 : 2026. 5. 29.
""",
    )
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("공공구매 목표", "전년 대비 10% 상향한 45억원으로 설정"),
        ("판로 박람회", "9월 중 구청 광장에서 개최"),
    ]
    assert [(f.text, f.date) for f in r.follow_ups] == [("공공구매 계획 통보", "2026-05-29")]


@pytest.mark.parametrize(
    "body",
    [
        # the answer under the request
        """ ① (건의) 공영주차장 부지 선정 시 주민 의견 반영
    (답변) 후보지 2곳에 대하여 설명회를 별도 개최하겠음""",
        # the answer beside it, at the same level
        """ ○ (건의) 공영주차장 부지 선정 시 주민 의견 반영
 ○ (답변) 후보지 2곳에 대하여 설명회를 별도 개최하겠음""",
    ],
)
def test_a_request_answered_by_a_bracketed_reply(tmp_path: Path, body: str) -> None:
    text = f"""주민 간담회 결과 보고
□ 개요
 ○ 일시 : 2026. 4. 7.(화) 19:00
 ○ 장소 : 새솔동 주민센터
□ 건의사항 및 답변
{body}
"""
    r = report_of(tmp_path, text)
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("공영주차장 부지 선정 시 주민 의견 반영", "후보지 2곳에 대하여 설명회를 별도 개최하겠음")
    ]


def test_a_bracketed_reply_without_a_request_before_it_is_no_decision(tmp_path: Path) -> None:
    text = """주민 간담회 결과 보고
□ 개요
 ○ 일시 : 2026. 4. 7.(화) 19:00
□ 주요 내용
 ○ 공영주차장 조성 추진 현황 설명
 ○ (답변) 후보지 2곳 검토 중
"""
    assert report_of(tmp_path, text).decisions == []


def test_a_verdict_after_an_item_longer_than_a_label(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """2026년 제2차 지역사회보장협의체 회의 결과
  가. 일시: 2026. 6. 18.(목) 15:00
  나. 회의 결과
    1) 2027년 지역사회보장계획 연차별 시행계획(안): 원안 가결
    2) 복지 사각지대 발굴 실적 보고: 보고 접수
""",
    )
    assert [(d.topic, d.text) for d in r.decisions] == [("2027년 지역사회보장계획 연차별 시행계획(안)", "원안 가결")]


def test_minutes_as_a_table_of_speeches_and_a_motion_carried(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """제3차 주민참여예산위원회 회의록
□ 회의 개요
 ○ 일시 : 2026. 7. 2.(목) 19:00~21:00
□ 회의 내용
발언자\t발언 내용
위원장\t오늘은 주민제안사업 심사 기준을 논의하겠습니다.
진서하 위원\t동별 균등 배분보다 필요도 중심으로 심사해야 합니다.
위원장\t예산의 절반은 균등 배분, 절반은 필요도 심사로 하는 것으로 결정하겠습니다. 이의 없으십니까?
위원 일동\t없습니다.
위원장\t그럼 가결되었음을 선포합니다.
""",
    )
    assert [(d.topic, d.text) for d in r.decisions] == [
        (None, "예산의 절반은 균등 배분, 절반은 필요도 심사로 하는 것으로 결정하겠습니다")
    ]


QA_AND_ACTIONS = """2026년 하반기 공원녹지위원회 회의 결과
□ 회의개요
 ○ 일시 : 2026. 10. 8.(목) 10:00
 ○ 참석자 : 명단 참조
□ 참석자 명단
소속\t직위\t성명\t소속\t직위\t성명
가온대학교\t교수\t용재훈\t푸른숲연구소\t소장\t인수아
시민단체\t사무국장\t제갈현\t공원녹지과\t과장\t추민호
□ 토의 내용
 ○ 질의(용재훈 위원) : 수목 식재 시 관리 인력 확보 방안은
 ○ 답변(공원녹지과장) : 내년 예산에 관리 인력 4명을 반영하겠음
 ○ 질의(인수아 위원) : 조성 부지 토양 조사 결과는 공개하는지
 ○ 공원녹지과장 : 누리집에 게시하겠음
□ 조치 사항
 ○ 소공원 설계 변경안 작성
   - 담당 : 공원조성팀
   - 기한 : 2026. 11. 20.
 ○ 관리 인력 예산 반영
   - 담당 : 공원녹지과 / 기한 : 2026. 12. 31.
 ○ 주민 의견 수렴
   - 담당 : 공원녹지과
"""


def test_a_table_of_two_people_to_a_row(tmp_path: Path) -> None:
    r = report_of(tmp_path, QA_AND_ACTIONS)
    assert r.meeting is not None
    assert [(p.name, p.title, p.organization) for p in r.meeting.attendees] == [
        ("용재훈", "교수", "가온대학교"),
        ("인수아", "소장", "푸른숲연구소"),
        ("제갈현", "사무국장", "시민단체"),
        ("추민호", "과장", "공원녹지과"),
    ]


def test_labelled_questions_answers_and_deadlines_below_a_task(tmp_path: Path) -> None:
    r = report_of(tmp_path, QA_AND_ACTIONS)
    # an answer labelled as one settles the question before it; a speaker's line is no answer label
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("수목 식재 시 관리 인력 확보 방안은", "내년 예산에 관리 인력 4명을 반영하겠음")
    ]
    assert [(f.text, f.date) for f in r.follow_ups] == [
        ("소공원 설계 변경안 작성", "2026-11-20"),
        ("관리 인력 예산 반영", "2026-12-31"),
        ("주민 의견 수렴", None),
    ]


def test_agenda_items_are_no_outcomes_and_a_results_section_is_no_topic(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """제5회 교육발전협의회 회의록
1. 일시：2026. 4. 22.(수) 16:00∼17:30
2. 참석：교육장, 학부모 대표 등 9명, 진 하람
3. 안건
  가. 방과후 돌봄 확대
  나. 통학 안전 개선
4. 협의 결과
  ○ 돌봄교실 2실을 증설하기로 함
""",
    )
    assert [a.text for a in r.agenda] == ["방과후 돌봄 확대", "통학 안전 개선"]
    assert [(d.topic, d.text) for d in r.decisions] == [(None, "돌봄교실 2실을 증설하기로 함")]
    assert r.meeting is not None
    assert [(p.name, p.title) for p in r.meeting.attendees] == [
        (None, "교육장"),
        (None, "학부모대표"),
        ("진하람", None),
    ]


def test_large_circle_bullets_bracketed_speakers_and_a_motion_carried(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """제7차 마을자치회 운영위원회 회의록
◯ 일시 : 2026. 2. 10.(화) 19:30
◯ 장소 : 마을자치회관
◯ 참석 : 위원장(윤서진), 부위원장(탁민재), 위원 7명
◯ 위원장(윤서진)  마을축제 예산안을 상정합니다.
◯ 탁민재 위원  공연비를 줄이자는 의견입니다.
◯ 위원장(윤서진)  그러면 공연비는 20% 줄이는 것으로 의결하겠습니다. 이의 있으십니까?
   (「없습니다」 하는 위원 있음)
◯ 위원장(윤서진)  가결되었음을 선포합니다.
""",
    )
    assert r.meeting is not None and (r.meeting.date, r.meeting.location) == ("2026-02-10", "마을자치회관")
    assert [(p.name, p.title) for p in r.meeting.attendees] == [("윤서진", "위원장"), ("탁민재", "부위원장")]
    assert [(d.topic, d.text) for d in r.decisions] == [(None, "그러면 공연비는 20% 줄이는 것으로 의결하겠습니다")]


SIDES = """전통시장 주차장 유료화 관련 상인 간담회 결과

  가. 일시: 3.5.(목) 14:00-15:10
  나. 장소: 가온시장 상인회 사무실
  다. 참석: 경제정책과장 외 4명, 상인 12명
  라. 주요 논의사항
   ○ 공영주차장 유료화
     - 상인회는 매출 감소를 우려하여 반대하고, 주민대표는 장기주차 해소를 위해 찬성하여 이견이 있었음
     → 1시간 무료 후 유료화하는 절충안을 마련하여 재논의하기로 함
  마. 향후 계획: 절충안 마련 후 2차 간담회 개최

                                       2026. 3. 6.
                                       경제정책과
"""


def test_a_report_dated_at_its_end_and_parties_taking_sides(tmp_path: Path) -> None:
    r = report_of(tmp_path, SIDES)
    # the closing date dates the report, and the year-less meeting date with it
    assert r.document.approval_date == "2026-03-06"
    assert r.meeting is not None and (r.meeting.date, r.meeting.start_time) == ("2026-03-05", "14:00")
    # a title with 외 N명 among counted groups: the person, and the group of them all
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [("경제정책과장", 5), ("상인", 12)]
    assert [(p.name, p.title) for p in r.meeting.attendees] == [(None, "경제정책과장")]
    (dis,) = r.disagreements
    assert dis.topic == "공영주차장 유료화"
    assert [(p.party, p.stance) for p in dis.positions] == [
        ("상인회", "매출 감소를 우려하여 반대"),
        ("주민대표", "장기주차 해소를 위해 찬성"),
    ]
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("공영주차장 유료화", "1시간 무료 후 유료화하는 절충안을 마련하여 재논의하기로 함")
    ]
    # the date and sender set far right close the report: they are not items of its last section
    assert [(f.text, f.date) for f in r.follow_ups] == [("절충안 마련 후 2차 간담회 개최", None)]


def test_sides_labelled_by_cheuk_are_parties(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """가온천 복원사업 주민협의체 회의 결과
Ⅰ. 회의 개요
  ◈ 일시/장소 : 2026. 9. 17.(목) 14:00 / 하천관리사무소 2층
Ⅱ. 주요 논의 내용
  ◈ 산책로 포장재
    ▸ 주민 측 : 투수성 포장재 사용 요구
    ▸ 시공사 측 : 유지관리 비용 증가로 일반 아스콘 제안
    ⇒ 투수성 포장재를 적용하기로 합의
""",
    )
    (dis,) = r.disagreements
    assert (dis.topic, dis.resolution) == ("산책로 포장재", "투수성 포장재를 적용하기로 합의")
    assert [p.party for p in dis.positions] == ["주민", "시공사"]


def test_requests_answered_in_a_section_of_requests_and_actions(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """노인일자리 수행기관 간담회 결과보고
□ 개 요
 ㅇ 일 시 : 2026. 5. 27.(수) 10:30~12:00
□ 건의 및 조치계획
 ㅇ 혹서기 야외활동 시간 조정 필요
   → 7~8월 야외활동은 오전 10시까지로 단축 운영
□ 협조 요청
 ㅇ 참여자 명단 제출 요청
   - 기한 : 6. 20.까지
""",
    )
    # the request is answered, not a task; a request for cooperation with its deadline is a task
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("혹서기 야외활동 시간 조정 필요", "7~8월 야외활동은 오전 10시까지로 단축 운영")
    ]
    assert [(f.text, f.date) for f in r.follow_ups] == [("참여자 명단 제출 요청", "2026-06-20")]


def test_pdf_text_runs_the_sender_into_the_closing_date_and_loses_a_speakers_second_space(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        SIDES.replace("2026. 3. 6.\n                                       경제정책과", "2026. 3. 6. 경제정책과"),
    )
    assert r.document.approval_date == "2026-03-06"
    assert r.meeting is not None and r.meeting.date == "2026-03-05"
    minutes = """제7차 마을자치회 운영위원회 회의록
◯ 일시 : 2026. 2. 10.(화) 19:30
◯ 위원장(윤서진) 공연비는 20% 줄이는 것으로 의결하겠습니다. 이의 있으십니까?
◯ 위원장(윤서진) 가결되었음을 선포합니다.
"""
    r = report_of(tmp_path, minutes)
    assert [d.text for d in r.decisions] == ["공연비는 20% 줄이는 것으로 의결하겠습니다"]


def test_an_item_named_by_a_decision_noun_over_its_outcome_is_its_topic(tmp_path: Path) -> None:
    r = report_of(
        tmp_path,
        """청년정책 네트워크 분과 회의록
■ 일  시 : 2026. 8. 6.(목) 19:00 ~ 20:30
■ 논의 결과
 1) 하반기 정책 제안 주제 선정
   · 투표 결과 '청년 1인가구 안전'으로 확정
 2) 홍보 업체 선정
   · 세부 사항은 다음 회의에서 논의
 3) 청년 서포터즈 12명을 최종 선정
""",
    )
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("하반기 정책 제안 주제 선정", "투표 결과 '청년 1인가구 안전'으로 확정"),
        (None, "홍보 업체 선정"),  # nothing under it states an outcome: the noun still does
        (None, "청년 서포터즈 12명을 최종 선정"),
    ]
