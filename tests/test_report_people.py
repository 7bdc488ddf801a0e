"""Whole-report behaviour on who attended and who signed, in report shapes written for the tests: role
labels over attendee lists, counts with their brackets and totals, a run of large circles hiding a name, and
a 결재 table aligned with spaces (plain text) or one space apart (PDF text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import report_of


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("   ◦ 위원장 : 부시장 한경수", [("한경수", "부시장", None)]),
        ("   ◦ 위  원 : 오세린, 임도윤", [("오세린", "위원", None), ("임도윤", "위원", None)]),
        ("   ◦ 간  사 : 도시계획과장", [(None, "도시계획과장", None)]),
        ("   ◦ 구  청 : 도시계획과장 오세린", [("오세린", "도시계획과장", "구청")]),  # a body, not a role
    ],
)
def test_role_labels_give_their_people_a_title(tmp_path: Path, line: str, people: list[tuple]) -> None:
    text = f"도시계획위원회 심의 결과\n1. 회의개요\n ○ 일시 : 2026. 3. 18.(수) 14:00\n ○ 참석위원 : 11명\n{line}\n"
    r = report_of(tmp_path, text)
    assert r.meeting is not None
    assert [(p.name, p.title, p.organization) for p in r.meeting.attendees] == people


@pytest.mark.parametrize(
    "table",
    [
        # a plain-text export aligned with spaces
        """                       결    재
           담당      팀장      과장
          황보민    우지안    전결 3/12 남궁진""",
        # PDF text: the cells one space apart
        """결 재
담당 팀장 과장
황보민 우지안 전결 3/12 남궁진""",
    ],
)
def test_an_approval_table_aligned_with_spaces(tmp_path: Path, table: str) -> None:
    r = report_of(tmp_path, table + "\n\n        공동주택 관리 분쟁조정위원회 회의 결과\n")
    assert [(s.position, s.name) for s in r.document.approval_line] == [
        ("담당", "황보민"),
        ("팀장", "우지안"),
        ("과장", "남궁진"),
    ]


@pytest.mark.parametrize(
    ("line", "groups", "people"),
    [
        # the kinds of people in brackets are no people (전문가 reads like a name: 전 + 문가)
        ("○ 참 석 자 : 약 80명(시민, 전문가, 관계 공무원)", [(None, 80)], []),
        # members in brackets are
        ("○ 참석위원 : 위원 2명(남궁진, 여민석)", [("위원", 2)], [("남궁진", None), ("여민석", None)]),
        # the total after its parts
        ("○ 참석 : 공동위원장 2명, 위원 13명 (총 15명)", [("참석", 15), ("공동위원장", 2), ("위원", 13)], []),
        # who came, and the membership after a slash
        ("○ 출석위원 : 18명 / 재적위원 25명", [("출석위원", 18)], []),
        # the people named lead a counted group they belong to; 전원 (all of them) adds nothing
        ("○ 참석 : 위원장(부시장) 등 위원 7명 전원", [("위원", 7)], [(None, "위원장")]),
        # the head of an association is a title, not a name (조 is a family name)
        ("○ 참석 : 주택정책과장, 재개발조합 조합장 등 6명", [(None, 6)], [(None, "주택정책과장"), (None, "조합장")]),
        ("○ 참석 : 입주민, 관리사무소 관계자 등 40명", [(None, 40)], []),  # kinds of people, nobody named
        ("○ 참석 : 주민자치위원, 지역주민 등 18명", [(None, 18)], []),
        # the one named is counted in the group (포함)
        ("○ 참석 : 위원장 포함 위원 9명, 청년정책과장", [("위원", 9)], [(None, "청년정책과장")]),
        # … or one counted besides them (외)
        ("○ 참석 : 안전총괄과장 외 관계부서 팀장 12명", [("관계부서 팀장", 12)], [(None, "안전총괄과장")]),
        ("○ 참석 : 내부 1명, 외부 5명", [("내부", 1), ("외부", 5)], []),  # 외 inside a word is no 외
        # a company mark makes the word before a title a body, not a fragment of one word with the title
        (
            "○ 참 석 자 : 스마트도시과장, ㈜한빛데이터 책임연구원, 누리소프트(주) 부장",
            [],
            [(None, "스마트도시과장"), (None, "책임연구원"), (None, "부장")],
        ),
        # panelists of a debate attended it
        (
            "○ 토 론 자 : 가온대학교 교수 여민석, 도시재생과장 방준기",
            [],
            [("여민석", "교수"), ("방준기", "도시재생과장")],
        ),
    ],
)
def test_attendee_counts_and_lists(tmp_path: Path, line: str, groups: list[tuple], people: list[tuple]) -> None:
    r = report_of(tmp_path, f"정책토론회 결과 보고\n1. 개요\n  ○ 일시 : 2026. 9. 3.(목) 14:00\n  {line}\n")
    assert r.meeting is not None
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == groups
    assert [(p.name, p.title) for p in r.meeting.attendees] == people


def test_a_company_mark_names_the_body(tmp_path: Path) -> None:
    r = report_of(tmp_path, "회의 결과 보고\n○ 일시 : 2026. 5. 7.(목) 10:00\n○ 참석 : ㈜한빛데이터 책임연구원 윤서진\n")
    assert r.meeting is not None
    assert [(p.name, p.title, p.organization) for p in r.meeting.attendees] == [
        ("윤서진", "책임연구원", "㈜한빛데이터")
    ]


def test_a_run_of_large_circles_is_a_mask_not_a_bullet(tmp_path: Path) -> None:
    r = report_of(tmp_path, "주민 간담회 결과 보고\n○ 일시 : 2026. 2. 10.(화) 19:30\n○ 참석 : ◯◯◯ 위원, 윤서진 위원\n")
    assert r.meeting is not None and [p.name for p in r.meeting.attendees] == ["윤서진"]
