"""Whole-report behaviour on short reports written for the tests (decisions, disagreements, follow-ups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import report_of

RESULT = """청소 민원 간담회 결과 보고
□ 개요
 ○ 일 시 : 2024. 11. 4.(월) 15:00~16:00
 ○ 장 소 : 구청 3층 상황실
 ○ 참석자 : 청소행정과장, 재활용팀장 등 5명
□ 주요 내용
 ○ 새벽 수거 소음 대책 검토 요청
  - 주민 불편이 크다는 의견
  - 주거지역 수거를 06시 이전으로 앞당기기로 함
 ○ 수거 차량 대기 장소에 대한 입장차이
  - 구 입장 : 공영주차장 사용 필요
  - 업체 입장 : 차고지 거리가 멀어 현 위치 유지 불가피
   · 상호 협의를 통해 간극을 줄이도록 노력
□ 향후 계획
 ○ 변경 수거 시간 주민 안내 : 2024. 11. 11.(월)부터
 ○ 차기 간담회 : 2024. 12. 2.(월) 15:00, 구청 3층 상황실
"""


def test_meeting_result(tmp_path: Path) -> None:
    r = report_of(tmp_path, RESULT)
    assert r.kind == "meeting_result"
    assert r.meeting is not None
    assert (r.meeting.date, r.meeting.start_time, r.meeting.end_time) == ("2024-11-04", "15:00", "16:00")
    assert r.meeting.location == "구청 3층 상황실"
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [(None, 5)]
    assert [p.title for p in r.meeting.attendees] == ["청소행정과장", "재활용팀장"]
    assert [d.text for d in r.decisions][:1] == ["주거지역 수거를 06시 이전으로 앞당기기로 함"]
    (dis,) = r.disagreements
    assert dis.topic == "수거 차량 대기 장소"
    assert [(p.party, p.stance) for p in dis.positions] == [
        ("구", "공영주차장 사용 필요"),
        ("업체", "차고지 거리가 멀어 현 위치 유지 불가피"),
    ]
    assert dis.resolution == "상호 협의를 통해 간극을 줄이도록 노력"
    assert [(f.text, f.date, f.start_time) for f in r.follow_ups] == [
        ("변경 수거 시간 주민 안내", "2024-11-11", None),
        ("차기 간담회", "2024-12-02", "15:00"),
    ]


NOT_A_MEETING = """보도자료
2024년 1분기 외국인직접투자 동향
□ 신고 기준 외국인직접투자는 전년 동기 대비 증가
 ○ 제조업 투자가 늘었으며 향후 증가세 유지 예정
 ○ 담당 : 투자정책과 김태원 사무관
"""


def test_other_documents_get_no_meeting_and_no_invented_items(tmp_path: Path) -> None:
    r = report_of(tmp_path, NOT_A_MEETING)
    assert r.kind == "other"
    assert r.meeting is None
    assert r.decisions == []
    assert r.disagreements == []


def test_evidence_points_into_the_input(tmp_path: Path) -> None:
    r = report_of(tmp_path, RESULT)
    assert r.meeting is not None and r.meeting.evidence is not None
    ev = r.meeting.evidence
    text = RESULT.rstrip("\n")
    assert text[ev.char_start : ev.char_end] == ev.text
    assert "2024. 11. 4." in ev.text
    for d in r.decisions:
        assert d.evidence is not None and text[d.evidence.char_start : d.evidence.char_end] == d.evidence.text


def test_redacted_text_is_never_a_name(tmp_path: Path) -> None:
    r = report_of(
        tmp_path, "위원회 회의 결과 보고\n○ 일 시 : 2024. 1. 5.(금) 10:00\n○ 참석자 : ***** 위원장, ***** 위원\n"
    )
    assert r.meeting is not None
    assert all(p.name is None or "*" not in p.name for p in r.meeting.attendees)


def test_weekday_mismatch_is_a_warning(tmp_path: Path) -> None:
    r = report_of(tmp_path, "위원회 회의 결과 보고\n○ 일 시 : 2024. 1. 5.(월) 10:00\n")
    assert any("weekday" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("제2차 민관거버넌스 회의 개최 결과 보고", "meeting_result"),
        ("제87회 가온구의회(임시회) 본회의회의록 제2호", "minutes"),
        ("2026년 화재감염 예방 위원회 개최 계획", "meeting_plan"),
        ("2026년 상반기 비상조치 훈련계획 알림", "other"),
        ("민원실 무인민원발급기 교체 구매 보고", "other"),
    ],
)
def test_kind_from_title(tmp_path: Path, title: str, kind: str) -> None:
    assert report_of(tmp_path, title + "\n○ 일 시 : 2024. 1. 5.(금) 10:00\n○ 장 소 : 본관\n").kind == kind


def test_items_of_a_decisions_section_are_decisions(tmp_path: Path) -> None:
    text = "운영위원회 회의 결과 보고\n□ 일 시 : 2024. 3. 5.(화) 10:00\n□ 결정사항\n ○ 차기 회의는 분기별로 개최\n ○ 회비 인상안 보류\n"
    r = report_of(tmp_path, text)
    assert [d.text for d in r.decisions] == ["차기 회의는 분기별로 개최", "회비 인상안 보류"]


CHRONOLOGY = """2025년 공유공간 입주단체 심사 결과보고
□ 추진경위
 ㅇ ’25.3.4. : 공유공간 운영계획 수립
 ㅇ ’25.3.10.~3.21. : 입주단체 모집 공고
 ㅇ ’25.3.25.~3.26. : 서류 및 면접 심사
□ 심사결과
 ㅇ 최종 5개 단체 선정
"""


def test_a_result_report_without_a_date_line_is_dated_by_its_chronology(tmp_path: Path) -> None:
    r = report_of(tmp_path, CHRONOLOGY)
    assert r.meeting is not None and r.meeting.date == "2025-03-25"
    r = report_of(tmp_path, CHRONOLOGY.replace("면접 심사", "면접 평가"))  # the chronology does not name it
    assert r.meeting is not None and r.meeting.date is None


# A 공문 request: the numbered paragraph asking for an answer by a date is a follow-up even with its
# details listed under it; a heading over dated items is not one itself.
REQUEST = """공원녹지과
수신 각 동 주민센터장
제목 공원 이용 실태 조사 협조 요청
1. 관련 : 공원녹지과-1234(2026. 5. 4.)호
2. 공원 이용 실태를 조사하오니 붙임 서식에 작성하여 ’26. 5. 20.(수)까지 제출하여 주시기 바랍니다.
   가. 조사 대상 : 관내 근린공원
   나. 조사 항목 : 이용 시간대, 이용 인원
3. 향후 추진 일정
   가. 조사 결과 취합 : 2026. 5. 27.(수)
붙임 조사 서식 1부.  끝.
"""


def test_a_request_with_a_deadline_and_details_is_a_follow_up(tmp_path: Path) -> None:
    r = report_of(tmp_path, REQUEST)
    assert [(f.text.split()[0], f.date) for f in r.follow_ups] == [("공원", "2026-05-20"), ("조사", "2026-05-27")]


# Minutes of a committee, laid out the way council records print them: the agenda at the margin, the
# speakers before two spaces, the lists of who sat at the end.
MINUTES = """제12회 가온군의회(임시회)
총무위원회 회의록
제1호

일  시 : 2025년 4월 8일(화) 오전 10시
장  소 : 총무위원회 회의실

의사일정
1. 가온군 공공도서관 운영 조례 일부개정조례안
2. 가온군 마을버스 지원 조례안

심사된 안건
1. 가온군 공공도서관 운영 조례 일부개정조례안(군수 제출)
2. 가온군 마을버스 지원 조례안(주하윤 의원 대표발의)

(10시 03분 개의)
○위원장 석도윤  성원이 되었으므로 회의를 시작하겠습니다.
○자치행정과장 구나래  도서관 휴관일을 조정하는 개정안을 설명드리겠습니다.
○위원장 석도윤  의사일정 제1항은 원안대로 가결되었음을 선포합니다.
○위원장 석도윤  의사일정 제2항 가온군 마을버스 지원 조례안은 수정한 부분은 수정한 대로 가결되었음을 선포합니다.
(11시 20분 산회)

○출석위원(3인)
  석도윤  주하윤  반지우
○결석위원(1인)
  채이든
○출석공무원
  자치행정과장 구나래
  교통팀장 변시온
"""


def test_minutes_agenda_speakers_and_lists(tmp_path: Path) -> None:
    r = report_of(tmp_path, MINUTES)
    assert r.kind == "minutes"
    assert [a.text for a in r.agenda] == ["가온군 공공도서관 운영 조례 일부개정조례안", "가온군 마을버스 지원 조례안"]
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("의사일정 제1항은 원안대로 가결되었음을 선포합니다", "가온군 공공도서관 운영 조례 일부개정조례안"),
        (
            "의사일정 제2항 가온군 마을버스 지원 조례안은 수정한 부분은 수정한 대로 가결되었음을 선포합니다",
            "가온군 마을버스 지원 조례안",
        ),
    ]
    assert r.meeting is not None
    # a listed member takes the title he speaks under (○위원장 석도윤)
    assert [(p.name, p.title) for p in r.meeting.attendees] == [
        ("석도윤", "위원장"), ("주하윤", None), ("반지우", None), ("구나래", "자치행정과장"), ("변시온", "교통팀장"),
    ]  # fmt: skip
    assert [p.name for p in r.meeting.absentees] == ["채이든"]


RESULT_TABLE = """2025년 제2회 가온구 경관위원회 심의 결과 보고
1. 심의 개요
 ○ 일시: 2025. 6. 11.(수) 14:00
 ○ 참석위원: 위원장 포함 6명 (재적위원 9명)
2. 심의 결과
  연번\t안건명\t신청인\t심의결과
  1\t가온역 광장 야간경관 조성\t도시디자인과\t조건부 의결
  2\t나래천 보행교 색채 계획\t하천관리과\t재심의
  3\t다온공원 안내시설 정비\t공원녹지과\t
"""


def test_rows_of_a_result_table_are_decisions(tmp_path: Path) -> None:
    r = report_of(tmp_path, RESULT_TABLE)
    assert r.kind == "meeting_result"
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("조건부 의결", "가온역 광장 야간경관 조성"),
        ("재심의", "나래천 보행교 색채 계획"),
    ]  # the header row states nothing; a row with an empty result cell has no outcome yet
    assert r.meeting is not None
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [("참석위원", 6)]


def test_a_result_table_in_another_kind_of_document_is_not_a_decision(tmp_path: Path) -> None:
    table = RESULT_TABLE[RESULT_TABLE.index("  연번") :].replace("심의결과", "점검결과")
    text = "경관시설 정기점검 결과 알림\n1. 점검 결과\n" + table.replace("조건부 의결", "양호").replace(
        "재심의", "보수 필요"
    )
    r = report_of(tmp_path, text)
    assert r.kind == "other" and r.decisions == []


PARTIES_BY_LABEL = """개방 자문회의 결과
□ 회의 개요
  ○ 일시 : 2024. 5. 21.(화) 14:00
□ 주요 논의 결과
  ○ 개인정보 포함 데이터의 가명처리 수준
    - 연구소: 가명처리 후 원자료 수준 개방 필요
    - 정보통신과: 재식별 위험으로 집계 자료만 개방
    - 위원 간 이견이 있어 차기 회의에서 추가 검토
  ○ 개방 포털 운영 방식
    - 운영팀: 상시 모니터링 체계 구축
    - 예산팀: 하반기 추경에 반영
"""


def test_parties_named_by_bare_labels_where_a_disagreement_is_stated(tmp_path: Path) -> None:
    r = report_of(tmp_path, PARTIES_BY_LABEL)
    assert len(r.disagreements) == 1  # the second item divides work between teams: no disagreement is stated
    d = r.disagreements[0]
    assert d.topic == "개인정보 포함 데이터의 가명처리 수준"
    assert [(p.party, p.stance) for p in d.positions] == [
        ("연구소", "가명처리 후 원자료 수준 개방 필요"),
        ("정보통신과", "재식별 위험으로 집계 자료만 개방"),
    ]
    assert d.resolution == "위원 간 이견이 있어 차기 회의에서 추가 검토"
    assert all("가명처리" not in x.text for x in r.decisions)


def test_labelled_lines_at_the_margin_or_in_a_table_are_not_parties(tmp_path: Path) -> None:
    text = """주민 의견 수렴 결과 보고
수렴방법 : 자치구별 의견 수렴 후 취합
수렴내용 : 통행금지 확대에 대한 찬성, 반대 의견
□ 쟁점 사항
  ○ 보도 통행 허용 범위
    - 구분\t찬성\t반대
    - 자치구\t12\t13
"""
    assert report_of(tmp_path, text).disagreements == []


def test_items_of_a_decisions_section_and_the_next_meeting(tmp_path: Path) -> None:
    text = """가온읍 주민협의회 정기회의 결과
1. 회의 개요
  가. 일시 : 1998年 3月 17日 (火) 午前 10時
2. 결정사항
  가. 청사 이전 부지는 주민 공청회를 거쳐 4월 중 최종 결정
  나. 환경정비는 3월 28일(土) 전 주민 참여로 실시
3. 기타
  ○ 다음 회의는 4월 21일(火) 같은 장소에서 개최
"""
    r = report_of(tmp_path, text)
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("청사 이전 부지는 주민 공청회를 거쳐 4월 중 최종 결정", None),
        ("환경정비는 3월 28일(土) 전 주민 참여로 실시", None),
    ]  # both items alike: the section title is not a topic
    assert [(f.text, f.date) for f in r.follow_ups] == [("다음 회의는 4월 21일(火) 같은 장소에서 개최", "1998-04-21")]


def test_a_decision_given_as_an_answer_is_the_text_after_its_label(tmp_path: Path) -> None:
    text = """상인회 간담회 결과 보고
1. 개요
  ○ 일시 : 2025. 4. 9.(수) 16:00
2. 건의사항 및 답변
  ○ 노후 아케이드 보수
    - 건의 : 누수 구간 긴급 보수 요청
    - 답변 : 5월 중 긴급 보수 실시하기로 함
  ○ 주차장 운영
    - 주말 개방 : 6월부터 시범 실시하기로 함
"""
    r = report_of(tmp_path, text)
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("5월 중 긴급 보수 실시하기로 함", "노후 아케이드 보수"),
        ("주말 개방 : 6월부터 시범 실시하기로 함", "주차장 운영"),  # a label that is not a reply stays
    ]


def test_numbered_agenda_items_with_their_results(tmp_path: Path) -> None:
    text = """2025년 제1회 보조금심의위원회 운영결과
1. 개최개요
  ❍ 일시 : 2025. 2. 26.(수) 10:00~12:00
2. 심의안건 및 결과
  ❍ 제1호 안건 : 2025년 지역축제 보조사업 선정
    - 심의결과 : 원안가결
  ❍ 제2호 안건 : 민간단체 공모사업 추가 선정
    - 심의결과 : 부결
"""
    r = report_of(tmp_path, text)
    assert [a.text for a in r.agenda] == ["2025년 지역축제 보조사업 선정", "민간단체 공모사업 추가 선정"]
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("원안가결", "2025년 지역축제 보조사업 선정"),
        ("부결", "민간단체 공모사업 추가 선정"),
    ]  # an item that ends in 선정 names what was decided on; it is not itself a decision


FORM_MINUTES = """회  의  록

회의명\t2025년 제1차 골목상권 상생협의체 회의
일 시\t2025. 3. 5.(수) 10:00 ~ 11:10
장 소\t상권활성화센터 소회의실
참석자\t상인회 5명, 구청 지역경제과 2명
회의내용
1. 공동 마케팅 일정
 ○ 상인회 : 5월 축제 기간에 맞춰 달라는 요청
 → 5월 축제 기간에 맞춰 진행하기로 함
결정사항
 - 공동 마케팅은 5월 축제 기간에 실시
 - 주차 지원 방안은 다음 회의에서 재논의
향후계획
 - 세부 일정 공유 : 3. 14.까지
"""


def test_a_form_headed_only_by_its_kind_is_titled_by_its_meeting_name(tmp_path: Path) -> None:
    r = report_of(tmp_path, FORM_MINUTES)
    assert (r.kind, r.document.title) == ("minutes", "2025년 제1차 골목상권 상생협의체 회의")
    assert r.meeting is not None and (r.meeting.date, r.meeting.start_time) == ("2025-03-05", "10:00")
    # bare section titles (결정사항, 향후계획) hold the items under them
    assert [(d.text, d.topic) for d in r.decisions][-2:] == [
        ("공동 마케팅은 5월 축제 기간에 실시", None),
        ("주차 지원 방안은 다음 회의에서 재논의", None),
    ]
    assert [(f.text, f.date) for f in r.follow_ups] == [("세부 일정 공유", "2025-03-14")]


@pytest.mark.parametrize(
    ("heading", "kind", "title"),
    [
        ("회 의 록", "minutes", "2025년 제1차 골목상권 상생협의체 회의"),
        ("회의 결과 보고서", "meeting_result", "2025년 제1차 골목상권 상생협의체 회의"),
        ("상생협의체 운영", None, None),  # not a form heading: the 회의명 is not the title
    ],
)
def test_form_headings(tmp_path: Path, heading: str, kind: str | None, title: str | None) -> None:
    r = report_of(tmp_path, FORM_MINUTES.replace("회  의  록", heading))
    if kind is None:
        assert r.kind != "minutes" and r.document.title != "2025년 제1차 골목상권 상생협의체 회의"
    else:
        assert (r.kind, r.document.title) == (kind, title)


ONE_SENTENCE_DISAGREEMENTS = """청년공간 운영위원회 결과 보고
□ 개요
 ○ 일시 : 2025. 5. 8.(목) 14:00
□ 논의 결과
 ○ 공간 운영 시간
  - 야간 개방 시간에 대해 청년위원과 관리부서 간 이견이 있었으며, 시범 운영 후 다시 논의하기로 함
 ○ 대관료 기준
  - 일부 위원은 무료 대관을, 일부 위원은 실비 부과를 주장하여 의견이 나뉨
  - 다음 회의에서 이용 실태를 보고 정하기로 함
 ○ 홍보 방식
  - 구청과 센터 간 협력이 필요함
  - 위원은 온라인 홍보 확대를 주장함
 ○ 참여 대상
  - 청년위원은 대학생 참여를, 관리부서는 주민 참여 확대를 요구함
"""


def test_disagreements_told_in_one_sentence(tmp_path: Path) -> None:
    r = report_of(tmp_path, ONE_SENTENCE_DISAGREEMENTS)
    found = [(d.topic, [(p.party, p.stance) for p in d.positions], d.resolution) for d in r.disagreements]
    assert found == [
        ("야간 개방 시간", [("청년위원", None), ("관리부서", None)], "시범 운영 후 다시 논의하기로 함"),
        (
            "대관료 기준",
            [("일부 위원", "무료 대관"), ("일부 위원", "실비 부과")],
            "다음 회의에서 이용 실태를 보고 정하기로 함",
        ),
    ]  # 협력 between two bodies, one member's claim, or two demands with no disagreement stated, are none
    assert "시범 운영 후 다시 논의하기로 함" in r.decisions[0].text  # the sentence still states a decision


def test_an_agenda_label_whose_value_is_a_verdict_is_a_decision(tmp_path: Path) -> None:
    text = """제2회 주민참여예산위원회 회의록
1. 개요
  가. 일시 : 2025. 6. 2.(월) 15:00
  나. 안건
    1) 2026년 주민제안사업 선정(안)
    2) 분과 운영 규정 개정(안)
2. 결과
  가. 제1호 안건 : 원안 의결
  나. 제2호 안건 : 수정 가결
  다. 제3호 안건 : 2026년 예산 편성 방향 의결
"""
    r = report_of(tmp_path, text)
    assert [(d.text, d.topic) for d in r.decisions][:2] == [
        ("원안 의결", "2026년 주민제안사업 선정(안)"),
        ("수정 가결", "분과 운영 규정 개정(안)"),
    ]
    assert [a.text for a in r.agenda] == [
        "2026년 주민제안사업 선정(안)",
        "분과 운영 규정 개정(안)",
        "2026년 예산 편성 방향 의결",  # a long value is the item's name, not its outcome
    ]


COMMITTEE_MINUTES = """제301회 나래시의회(정례회)
도시건설위원회 회의록
제3호

일 시 : 2025년 11월 20일(목) 오후 2시
장 소 : 도시건설위원회 회의실

의사일정
1. 나래시 도시공원 조례 일부개정조례안
2. 나래시 주차장 설치 조례 전부개정조례안

○위원장 한도경  의사일정 제1항을 상정합니다.
○공원녹지과장 배수현  제안설명 드리겠습니다.
○위원장 한도경  질의가 없으므로 표결하겠습니다. 의사일정 제1항은 원안대로 가결되었음을 선포합니다.
  의사일정 제2항을 상정합니다.
○위원장 한도경  의사일정 제2항은 추가 검토를 위해 보류하고자 합니다.
  이의가 없으므로 보류되었음을 선포합니다.

○출석공무원
  공원녹지과장 배수현  교통행정과장 노을빛
"""


def test_committee_minutes_heading_speeches_and_officials(tmp_path: Path) -> None:
    r = report_of(tmp_path, COMMITTEE_MINUTES)
    assert (r.kind, r.document.title) == ("minutes", "도시건설위원회 회의록")  # the document's name
    assert r.meeting is not None and r.meeting.name == "제301회 나래시의회(정례회) 도시건설위원회 회의록 제3호"
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("의사일정 제1항은 원안대로 가결되었음을 선포합니다", "나래시 도시공원 조례 일부개정조례안"),
        ("이의가 없으므로 보류되었음을 선포합니다", "나래시 주차장 설치 조례 전부개정조례안"),
    ]  # the sentence that declares, not the chair's whole turn; a turn going on below keeps its item
    assert r.meeting is not None
    # the officials listed, then the chair, who speaks (the gold convention for minutes: every speaker attended)
    assert [(p.name, p.title) for p in r.meeting.attendees] == [
        ("배수현", "공원녹지과장"), ("노을빛", "교통행정과장"), ("한도경", "위원장"),
    ]  # fmt: skip


def test_items_of_a_decisions_section_in_a_notice_have_no_topic(tmp_path: Path) -> None:
    text = """제2차 마을공동체 협의회 결과 알림
1. 관련: 마을공동체과-100(2025. 3. 2.)
2. 제2차 협의회 결과를 다음과 같이 알려드립니다.
  가. 일시: 2025. 3. 10.(월) 14:00
  나. 결정사항
    1) 공모 심사는 외부 위원 중심으로 구성하기로 함
    2) 결과 발표는 4월 중 하기로 함
"""
    assert [(d.text, d.topic) for d in report_of(tmp_path, text).decisions] == [
        ("공모 심사는 외부 위원 중심으로 구성하기로 함", None),
        ("결과 발표는 4월 중 하기로 함", None),
    ]


def test_an_item_labelled_with_its_outcome_and_a_main_agenda_list(tmp_path: Path) -> None:
    text = """2025년 제2차 교통안전위원회 개최 결과
1. 개요
  ○ 일시 : 2025. 5. 13.(화) 10:00
  ○ 주요 안건
    - 어린이보호구역 확대 지정
    - 야간 보행 조명 개선
2. 안건별 결과
  ○ 어린이보호구역 확대 지정 : 원안 의결
  ○ 야간 보행 조명 개선 : 보류
  ○ 주차 단속 강화 방안 : 관계 부서 의견을 받아 다음 회의에서 다시 논의
"""
    r = report_of(tmp_path, text)
    assert [a.text for a in r.agenda] == ["어린이보호구역 확대 지정", "야간 보행 조명 개선"]
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("원안 의결", "어린이보호구역 확대 지정"),
        ("보류", "야간 보행 조명 개선"),
    ]  # a long value with no outcome word is no decision


def test_a_council_heading_spaced_by_ocr_is_joined_too(tmp_path: Path) -> None:
    text = COMMITTEE_MINUTES.replace("제301회 나래시의회(정례회)", "제 301회 나래시의 회 (정례회)")
    r = report_of(tmp_path, text)
    assert r.document.title == "도시건설위원회 회의록"
    assert r.meeting is not None and r.meeting.name == "제 301회 나래시의 회 (정례회) 도시건설위원회 회의록 제3호"


def test_a_table_of_requests_and_results_and_a_schedule_table(tmp_path: Path) -> None:
    text = """상가 번영회 간담회 결과 보고
□ 개요
  ○ 일시 : 2025. 9. 9.(화) 16:00
□ 건의사항 및 처리결과
연번\t건의내용\t처리결과\t담당
1\t간판 정비 지원 확대\t내년 예산에 반영하기로 함\t도시디자인과
2\t주차장 야간 개방\t\t교통행정과
□ 향후 조치사항
연번\t조치사항\t담당부서\t기한
1\t간판 정비 수요 조사\t도시디자인과\t2025. 10. 31.
2\t야간 개방 가능 여부 검토\t교통행정과\t11월 중
"""
    r = report_of(tmp_path, text)
    assert [(d.text, d.topic) for d in r.decisions] == [("내년 예산에 반영하기로 함", "간판 정비 지원 확대")]
    assert [(f.text, f.date) for f in r.follow_ups] == [
        ("간판 정비 수요 조사", "2025-10-31"),
        ("야간 개방 가능 여부 검토", None),
    ]  # the header rows are neither


def test_agreed_and_open_items_of_a_task_force(tmp_path: Path) -> None:
    text = """주차공유 TF 제1차 회의 결과
1. 회의 개요
 가. 일시: 2025. 7. 8.(화) 10:00
 나. 참석자: 교통행정과장(TF 단장), 주차관리팀 주무관 도새미, 협력업체 관계자 3명
2. 합의사항
 가. 공유 시간대는 평일 09:00~18:00로 운영
3. 미결사항
 가. 이용료 정산 주기 : 업체는 월 1회, 구는 분기 1회를 제시하여 합의하지 못함
   → 다음 회의 전까지 회계 검토 후 재협의
"""
    r = report_of(tmp_path, text)
    assert r.meeting is not None
    assert [(p.name, p.title, p.organization) for p in r.meeting.attendees] == [
        (None, "교통행정과장", None),  # the bracket holds the role in this meeting, not a body
        ("도새미", "주무관", "주차관리팀"),
    ]
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [("협력업체 관계자", 3)]
    assert [(d.text, d.topic) for d in r.decisions] == [("공유 시간대는 평일 09:00~18:00로 운영", None)]
    (d,) = r.disagreements
    assert (d.topic, d.resolution) == ("이용료 정산 주기", "다음 회의 전까지 회계 검토 후 재협의")
    assert [(p.party, p.stance) for p in d.positions] == [("업체", "월 1회"), ("구", "분기 1회")]


def test_advice_given_to_a_meeting_is_not_its_decision(tmp_path: Path) -> None:
    text = """나래숲 산책로 정비 자문회의 결과
□ 개요
 ○ 일시 : 2025. 4. 3.(목) 14:00
 ○ 자문위원 : 3명 (산림학 교수 1, 조경기술사 1, 주민대표 1)
□ 주요 자문의견
 ○ 설하윤 교수 : 번식기에는 벌채를 피할 필요
 ○ 주민대표 : 야간 조명 설치 필요
□ 논의 결과
 ○ 조명은 보행 구간에 한해 설치하는 방향으로 추진
"""
    r = report_of(tmp_path, text)
    assert r.meeting is not None
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [
        ("자문위원", 3), ("산림학 교수", 1), ("조경기술사", 1), ("주민대표", 1),
    ]  # fmt: skip
    assert [d.text for d in r.decisions] == ["조명은 보행 구간에 한해 설치하는 방향으로 추진"]


def test_questions_at_a_briefing_answered_below(tmp_path: Path) -> None:
    text = """나래공원 리모델링 주민설명회 결과 보고
□ 개요
 ○ 일시 : 2025. 5. 22.(목) 19:00
□ 주요 질의응답
 ○ (주민 A) 공사 중 산책로 이용이 가능한지
   → (공원녹지과) 구간별로 나누어 공사하여 이용이 가능하도록 하겠음
 ○ (주민 B) 놀이터 바닥을 탄성포장으로 해 달라
   → (공원녹지과) 설계에 반영하겠음
 ○ (주민 C) 반려견 놀이터 위치는 어디인지
"""
    r = report_of(tmp_path, text)
    assert [(d.text, d.topic) for d in r.decisions] == [
        ("(공원녹지과) 구간별로 나누어 공사하여 이용이 가능하도록 하겠음", "(주민 A) 공사 중 산책로 이용이 가능한지"),
        ("(공원녹지과) 설계에 반영하겠음", "(주민 B) 놀이터 바닥을 탄성포장으로 해 달라"),
    ]  # a question with no answer under it gives nothing
