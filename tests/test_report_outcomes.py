"""Whole-report behaviour on what a meeting decided, what it left open and what it ordered, in report shapes
written for the tests: conditions and grounds under a verdict, a section of undecided items with two
parties' stances in one line, answers to questions, values that state nothing, orders (`…할 것`) (the other
outcome shapes: test_report_shapes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import report_of


@pytest.mark.parametrize("label", ["조건", "부대조건", "조건사항", "사유"])
def test_conditions_and_grounds_under_a_verdict_are_part_of_it(tmp_path: Path, label: str) -> None:
    r = report_of(
        tmp_path,
        f"""건축위원회 심의 결과

1. 개요
  가. 일시 : 2026. 3. 19.(목) 14:00
2. 심의 안건 및 결과
  가. 공동주택 신축(안) : 조건부 가결
     - {label} : 단지 내 보행통로 확보, 조경계획 보완
  나. 업무시설 증축(안) : 원안 가결
3. 논의 사항
  가. 보행 환경 개선
     - 보행통로 연결 방안 보완
""",
    )
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("공동주택 신축(안)", "조건부 가결"),
        ("업무시설 증축(안)", "원안 가결"),
        ("보행 환경 개선", "보행통로 연결 방안 보완"),  # a discussion point's conclusion still is one
    ]


PENDING = """스마트도시 TF 회의 결과

□ 회의개요
 ㅇ 일시 : 2026. 5. 7.(목) 10:00
□ 주요 결정사항
 ① 시범사업 대상지는 중앙동으로 확정
□ {section}
 ㅇ 민간 데이터 구매 예산 편성 여부
   - 정보통신팀: 추경 편성 필요 / 예산팀: 본예산 반영이 타당 → 차기 회의에서 재논의
 ㅇ 센서 설치 위치 조정 필요
"""


@pytest.mark.parametrize("section", ["미결사항 (추가 검토 필요)", "미합의 사항", "보류사항", "이견사항", "쟁점 사항"])
def test_undecided_items_are_no_outcomes_and_two_stances_in_one_line_disagree(tmp_path: Path, section: str) -> None:
    r = report_of(tmp_path, PENDING.format(section=section))
    assert [d.text for d in r.decisions] == ["시범사업 대상지는 중앙동으로 확정"]
    assert [(d.topic, [(p.party, p.stance) for p in d.positions], d.resolution) for d in r.disagreements] == [
        (
            "민간 데이터 구매 예산 편성 여부",
            [("정보통신팀", "추경 편성 필요"), ("예산팀", "본예산 반영이 타당")],
            "차기 회의에서 재논의",
        )
    ]


def test_a_section_that_settles_disagreements_still_gives_its_outcomes(tmp_path: Path) -> None:
    r = report_of(tmp_path, PENDING.format(section="이견 조정 결과"))
    assert "센서 설치 위치 조정 필요" in [d.text for d in r.decisions]  # not an undecided section


def test_two_stances_in_one_line_outside_an_undecided_section_are_no_disagreement_by_themselves(
    tmp_path: Path,
) -> None:
    r = report_of(tmp_path, PENDING.format(section="논의 사항"))
    assert r.disagreements == []


QA = """실무분과 회의록

1. 회의 개요
 ○ 일 시 : 2026. 10. 8.(목) 16:00
2. 회의 내용
 ○ 질의 : 긴급지원 대상자 발굴 시 개인정보 공유 범위는?
   - 답변 : 동의서를 받은 경우에 한하여 공유 가능
 ○ (문의) 경로당 냉방기 교체 계획이 있는지
   - (답변) 내년도 본예산에 반영하겠음
 ○ 질의(위원) : 주차장 야간 개방이 가능한지
 ○ 답변(과장) : 안전 문제로 불가
 ○ (건의) 공원 내 음수대 설치 요청
   - (답변) 수질 관리 기준에 따라 검토 중
 ○ 결정 사항 : {decided}
3. 향후 계획 : {planned}
"""


def test_answers_to_questions_are_outcomes_only_when_they_commit_or_refuse(tmp_path: Path) -> None:
    r = report_of(tmp_path, QA.format(decided="없음", planned="없음"))
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("경로당 냉방기 교체 계획이 있는지", "내년도 본예산에 반영하겠음"),
        ("주차장 야간 개방이 가능한지", "안전 문제로 불가"),
        ("공원 내 음수대 설치 요청", "수질 관리 기준에 따라 검토 중"),  # a request's answer always is one
    ]  # the informing answer (공유 가능) is none


@pytest.mark.parametrize("nothing", ["없음", "해당 사항 없음.", "-", "미정"])
def test_a_value_that_states_nothing_gives_no_decision_and_no_task(tmp_path: Path, nothing: str) -> None:
    r = report_of(tmp_path, QA.format(decided=nothing, planned=nothing))
    assert all(d.topic != "회의 내용" and "없음" not in d.text for d in r.decisions)
    assert r.follow_ups == []


def test_a_value_that_states_something_still_counts(tmp_path: Path) -> None:
    r = report_of(tmp_path, QA.format(decided="분과 운영 규정 개정안 확정", planned="11월 중 2차 회의 개최 예정"))
    assert "분과 운영 규정 개정안 확정" in [d.text for d in r.decisions]
    assert [f.text for f in r.follow_ups] == ["11월 중 2차 회의 개최 예정"]


ORDERS = """재난안전대책본부 회의 결과

1. 회의개요
  ○ 일시 : 2026. 6. 2.(화) 10:00
2. 보고 및 지시사항
  ○ 보고 : 배수펌프장 점검 결과 이상 없음
  ○ 지시 : 빗물받이 준설은 6월 15일까지 완료할 것
  ○ 지시 : 침수방지시설 설치 현황을 주 1회 보고할 것
  ○ 반지하 주택 현장 점검을 철저히 할것
  ○ 침수 피해가 발생할 것으로 예상되는 지역 파악
"""


def test_orders_are_tasks_dated_or_not(tmp_path: Path) -> None:
    r = report_of(tmp_path, ORDERS)
    assert [(f.text, f.date) for f in r.follow_ups] == [
        ("지시 : 빗물받이 준설은 6월 15일까지 완료할 것", "2026-06-15"),  # the order names the task, not `지시`
        ("지시 : 침수방지시설 설치 현황을 주 1회 보고할 것", None),
        ("반지하 주택 현장 점검을 철저히 할것", None),
    ]  # a report (보고 : …) and a forecast (…발생할 것으로 예상) are none


ACTIONS_TABLE = """청년정책 자문위원회 회의 결과 보고

1. 회의 개요
  ○ 일시 : 2026. 7. 9.(목) 15:00
2. 자문 의견 및 조치 계획
자문 의견\t조치 계획\t담당
청년 주거비 지원 대상 확대 필요\t2027년 예산에 반영 추진\t청년정책팀
청년 공간 운영 시간 연장 요청\t2026. 9. 1.부터 연장 운영\t청년공간팀
3. 결정 사항
  ○ 차기 회의는 10월 중 개최하기로 함
"""


def test_a_table_of_advice_and_actions_gives_the_actions(tmp_path: Path) -> None:
    r = report_of(tmp_path, ACTIONS_TABLE)
    assert [(f.text, f.date) for f in r.follow_ups] == [
        ("2027년 예산에 반영 추진", None),
        ("2026. 9. 1.부터 연장 운영", "2026-09-01"),  # dated inside the cell: no when column
        ("차기 회의는 10월 중 개최하기로 함", None),  # a statement about the next meeting, not a heading
    ]  # the header row is none
    assert [d.text for d in r.decisions] == ["차기 회의는 10월 중 개최하기로 함"]


def test_a_table_without_an_action_or_when_column_lists_no_tasks(tmp_path: Path) -> None:
    r = report_of(tmp_path, ACTIONS_TABLE.replace("조치 계획\t담당", "주요 내용\t담당").replace("및 조치 계획", "내용"))
    assert [f.text for f in r.follow_ups] == ["차기 회의는 10월 중 개최하기로 함"]


@pytest.mark.parametrize(
    ("text", "topic", "parties"),
    [
        # the answer first, the report quoted at the end
        ("가온시, “예산 삭감”은 사실과 달라 해명자료\n\n- 올해 복지 예산은 삭감되지 않았으며 전년보다 3% 늘었음\n\n"
         "보도내용(한빛일보, ’24.3.2.)\n\n가온시가 복지 예산을 대폭 삭감하여 취약계층 지원에 차질이 예상됨\n",
         "예산 삭감", ["한빛일보", "가온시"]),
        # the report first, the answer under a section of its own
        ("나래군, “축제 취소” 보도 관련 설명자료\n□ 보도 내용 [가온방송, 3. 5.]\n ○ 나래군이 봄꽃 축제를 취소하였다는 보도\n"
         "□ 설명 내용\n ○ 축제는 일정대로 4월에 개최할 예정이며, 일부 행사만 조정하였음\n",
         "축제 취소", ["가온방송", "나래군"]),
    ],
)  # fmt: skip
def test_a_rebuttal_of_a_press_report_is_a_disagreement(tmp_path: Path, text: str, topic: str, parties: list) -> None:
    r = report_of(tmp_path, text)
    assert r.kind == "other" and r.meeting is None
    (d,) = r.disagreements
    assert (d.topic, [p.party for p in d.positions]) == (topic, parties)
    assert d.evidence is not None and d.evidence.rule == "disagreement/press-rebuttal"


def test_a_report_with_a_press_section_but_no_rebuttal_title_has_no_such_disagreement(tmp_path: Path) -> None:
    text = "2026년 홍보 실적 보고\n□ 보도 내용 (한빛일보, 3. 2.)\n ○ 가온시 봄꽃 축제 소개\n□ 향후 계획\n ○ 보도자료 추가 배포\n"
    assert report_of(tmp_path, text).disagreements == []


PUA = chr(0xF03DA)  # a Hancom private-use glyph set as a sub-heading box (Seoul reports)


@pytest.mark.parametrize(
    "body",
    [
        # a sub-heading in a Hancom private-use glyph over ㅇ items
        f"Ⅱ 점검현황\n  {PUA} 점검결과\n  ㅇ 공사현장 안전조치 사항 확인·점검\n    - 안전모 착용 확인\n"
        "    - 가설 울타리 설치 확인\n",
        # a marked section; the topic names a check, though 조치 사항 stands inside it
        "2. 점검 결과\n  ○ 공사현장 안전조치 사항 확인·점검\n    - 안전모 착용 확인\n    - 가설 울타리 설치 확인\n",
    ],
)
def test_a_title_is_named_by_its_end_and_outcomes_are_listed_under_it(tmp_path: Path, body: str) -> None:
    head = "현장 안전점검 결과 보고\n1. 개요\n  ㅇ 일    시: 2026. 6. 26.(금) 10:00~12:00\n  ㅇ 장    소: 누수복구공사 현장\n"
    r = report_of(tmp_path, head + body)
    assert [(d.topic, d.text) for d in r.decisions] == [
        ("공사현장 안전조치 사항 확인·점검", "안전모 착용 확인"),
        ("공사현장 안전조치 사항 확인·점검", "가설 울타리 설치 확인"),
    ]
    assert r.follow_ups == []  # 안전조치 사항 확인·점검 is a check, not a 조치사항 section


@pytest.mark.parametrize(
    "section",
    ["향후 추진 일정", "조치사항 및 계획", "향후계획"],  # a role word that opens the title, or that only 및 … follows
)
def test_follow_up_sections_keep_their_role(tmp_path: Path, section: str) -> None:
    text = f"주민 간담회 결과 보고\n□ 일 시 : 2026. 5. 7.(목) 15:00\n□ {section}\n ○ 6월 중 2차 간담회 개최\n"
    assert [f.text for f in report_of(tmp_path, text).follow_ups] == ["6월 중 2차 간담회 개최"]


def test_labels_that_name_attributes_are_no_parties(tmp_path: Path) -> None:
    text = (
        "주민의견 수렴 계획 보고\n□ 주민의견 수렴 개요\n ○ 수렴방법 : 각 자치구에 주민의견 수렴 요청 후 취합\n"
        " ○ 수렴내용 : 통행금지 확대에 대한 찬성, 반대 여부\n"
    )
    assert report_of(tmp_path, text).disagreements == []
    text = "협의 결과 보고\n□ 쟁점\n ○ 이견이 있었음\n ○ 연구소 : 원자료 수준 개방 필요\n ○ 정보과 : 가공 자료만 개방\n"
    assert [p.party for d in report_of(tmp_path, text).disagreements for p in d.positions] == ["연구소", "정보과"]
