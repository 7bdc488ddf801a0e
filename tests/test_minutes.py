"""Minutes in shapes written for the tests: who speaks (title and name in either order, a unit before the
name, the name in brackets, an acting chair, Hanja), and a transcript known as minutes without its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import report_of

HEAD = "제87회 한빛군의회(임시회)\n\n총무위원회회의록\n\n일 시 : 2011년 4월 6일(수) 10시 00분\n장 소 : 위원회실\n\n(10시 03분 개의)\n"


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("○위원장 홍길동  성원이 되었으므로 회의를 개의하겠습니다.", ("홍길동", "위원장", None)),
        ("○홍길동 위원장 의사일정 제1항을 상정합니다.", ("홍길동", "위원장", None)),
        ("◯의사팀 이영희 주무관 안녕하십니까? 의사팀 주무관입니다.", ("이영희", "주무관", "의사팀")),
        ("○위원장(윤서진) 가결되었음을 선포합니다.", ("윤서진", "위원장", None)),
        ("○의장 직무대행 김철수 회의를 진행하겠습니다.", ("김철수", "의장 직무대행", None)),
        ("○위원장직무대행 박민재   위원장이 선출될 때까지 진행을 맡겠습니다.", ("박민재", "위원장직무대행", None)),
        ("○議長 崔鍾浩 議席을 整頓하여 주시기 바랍니다.", ("崔鍾浩", "議長", None)),
        ("○위원장 김나래   ", ("김나래", "위원장", None)),  # what was said follows on the next lines
        ("○위원장 선출의 건을 상정합니다.", None),  # a sentence that opens with a title
        ("○ 위원 명단은 별첨과 같음", None),
        ("- 위원장 홍길동", None),  # a dash item lists, it does not speak
    ],
)
def test_speakers_attend(tmp_path: Path, line: str, person: tuple | None) -> None:
    r = report_of(tmp_path, HEAD + line + "\n  다음 순서로 진행하겠습니다.\n")
    assert r.kind == "minutes"
    assert r.meeting is not None
    got = [(p.name, p.title, p.organization) for p in r.meeting.attendees]
    assert got == ([person] if person else [])
    for p in r.meeting.attendees:
        assert p.evidence is not None and p.evidence.rule == "attendee/speaker"


def test_each_speaker_once_and_listed_members_first(tmp_path: Path) -> None:
    text = (
        HEAD
        + "○위원장 홍길동  회의를 개의하겠습니다.\n○이하늘 위원  질의하겠습니다.\n○위원장 홍길동  답변해 주십시오.\n"
        + "○출석위원\n  홍길동  이하늘  박소연\n"
    )
    r = report_of(tmp_path, text)
    assert r.meeting is not None
    assert [p.name for p in r.meeting.attendees] == ["홍길동", "이하늘", "박소연"]


@pytest.mark.parametrize(
    "text",
    [
        # two people speak; no 회의록 title survived the copy
        "한빛군의회 임시회\n\n○의장 오세린  의석을 정돈해 주시기 바랍니다.\n○사무과장 임도윤  보고드리겠습니다.\n",
        # one speaker, in a sitting marked as opened
        "제12차 운영위원회\n\n(14시 02분 개의)\n\n○위원장 정다온   \n  회의를 시작하겠습니다.\n",
    ],
)
def test_a_transcript_is_minutes_without_its_title(tmp_path: Path, text: str) -> None:
    assert report_of(tmp_path, text).kind == "minutes"


def test_one_bulleted_name_in_a_result_report_is_no_transcript(tmp_path: Path) -> None:
    text = (
        "2026년 제2차 주민자치위원회 회의 결과 보고\n\n1. 회의개요\n ○ 일시 : 2026. 5. 7.(목) 15:00\n"
        " ○ 장소 : 주민센터 2층\n ○ 참석 : 12명\n\n2. 결과\n○위원장 홍길동 인사말\n ○ 마을축제 일정을 10월로 확정함\n"
    )
    assert report_of(tmp_path, text).kind == "meeting_result"


@pytest.mark.parametrize(
    ("header", "date", "start", "end", "place"),
    [
        # labels letter-spaced and no colon
        ("일 시 2013년 11월 22일 (금)\n장 소 도시건설위원회회의실\n", "2013-11-22", "10:07", None, "도시건설위원회회의실"),
        ("일  시 1998년 11월 2일(월) 10시 30분\n장  소 감사장(구청 대강당)\n", "1998-11-02", "10:30", None,
         "감사장(구청 대강당)"),
        # a date on a line of its own, without a label
        ("2018년  7월  2일(월) 09:00~10:25\n", "2018-07-02", "09:00", "10:25", None),
        ("2006년 7월 5일(수) 오전 10시\n", "2006-07-05", "10:00", None, None),
        # Hanja, as older minutes print it
        ("日 時 : 1993年 7月 6日 (火) 午前 10時\n", "1993-07-06", "10:00", None, None),
    ],
)  # fmt: skip
def test_the_sitting_in_a_minutes_header(
    tmp_path: Path, header: str, date: str, start: str, end: str | None, place: str | None
) -> None:
    text = f"제45회 누리시의회(정례회)\n\n본회의회의록\n\n제1호\n\n{header}\n의사일정\n1. 회기결정의 건\n\n(10시 07분 개의)\n\n○의장 홍길동  의석을 정돈해 주시기 바랍니다.\n"
    r = report_of(tmp_path, text)
    assert r.kind == "minutes" and r.meeting is not None
    assert (r.meeting.date, r.meeting.start_time, r.meeting.end_time, r.meeting.location) == (date, start, end, place)
    assert r.document.title == "본회의회의록"  # the document's name; the three heading lines name the sitting
    assert r.meeting.name == "제45회 누리시의회(정례회) 본회의회의록 제1호"
    assert r.document.approval_date is None  # minutes are no approval document


def test_a_date_alone_after_the_speeches_begin_is_not_the_sitting(tmp_path: Path) -> None:
    text = "본회의회의록\n\n○의장 홍길동  다음 회의는 아래 날짜에 열겠습니다.\n2026년 7월 1일(수)\n○이하늘 위원  네.\n"
    r = report_of(tmp_path, text)
    assert r.kind == "minutes" and r.meeting is not None and r.meeting.date is None


def test_minutes_filed_as_an_approval_document_keep_its_date(tmp_path: Path) -> None:
    text = "문서번호 의사팀-512\n결재일자 2026. 4. 3.\n\n운영위원회 회의록\n\n일 시 : 2026년 4월 2일(목) 14:00\n\n○위원장 홍길동  개의하겠습니다.\n"
    r = report_of(tmp_path, text)
    assert (r.kind, r.document.approval_date, r.meeting.date if r.meeting else None) == (
        "minutes", "2026-04-03", "2026-04-02",
    )  # fmt: skip


def test_a_hanja_minutes_heading_is_its_title(tmp_path: Path) -> None:
    text = "第12回 漢城市議會(臨時會)\n\n漢城市議會本會議會議錄\n\n第3號\n\n日 時 : 1991年 5月 2日 (木) 午前 10時\n\n○議長 崔鍾浩 開議하겠습니다.\n"
    r = report_of(tmp_path, text)
    assert (r.kind, r.document.title) == ("minutes", "漢城市議會本會議會議錄")
    assert r.meeting is not None and [(p.name, p.title) for p in r.meeting.attendees] == [("崔鍾浩", "議長")]


CLOSING_LISTS = """제132회 나래군의회(정례회)

본회의회의록

제3호

일시 2019년 12월 16일(월) 10시

(10시 02분 개의)

○의장 문태석  성원이 되었으므로 제3차 본회의를 개의하겠습니다.
○예산결산특별위원장 하지민  심사결과를 보고드리겠습니다.

(10시 40분 산회)

○출석의원(7인)
  문태석  하지민  김도윤  이서연  박지후
  최민준  정하은
○출석공무원(3인)
  군수      홍길동
  부군수    김영수
  기획감사실장  이민호
○결석의원(1인)
  오세훈
"""


def test_closing_lists_of_members_and_officials(tmp_path: Path) -> None:
    r = report_of(tmp_path, CLOSING_LISTS)
    assert r.meeting is not None
    assert (r.meeting.date, r.meeting.start_time, r.meeting.end_time) == ("2019-12-16", "10:00", "10:40")
    people = [(p.name, p.title) for p in r.meeting.attendees]
    assert people[:3] == [("문태석", "의장"), ("하지민", "예산결산특별위원장"), ("김도윤", None)]  # titles spoken
    assert people[7:] == [("홍길동", "군수"), ("김영수", "부군수"), ("이민호", "기획감사실장")]  # title, holder
    assert [(g.name, g.count) for g in r.meeting.attendee_groups] == [("출석의원", 7), ("출석공무원", 3)]
    assert [p.name for p in r.meeting.absentees] == ["오세훈"]


def test_inline_lists_of_members_and_a_spoken_title(tmp_path: Path) -> None:
    text = (
        "행정복지위원회 회의록\n\n일시 2021년 3월 9일(화) 14시 00분\n\n"
        "○위원장 배다온  개의하겠습니다.\n○전문위원 남궁민수  검토보고 드리겠습니다.\n\n"
        "출석위원 : 배다온, 서하준, 윤채린\n출석전문위원 : 전문위원 남궁민수\n"
    )
    r = report_of(tmp_path, text)
    assert r.meeting is not None and r.meeting.date == "2021-03-09"
    assert [(p.name, p.title) for p in r.meeting.attendees] == [
        ("배다온", "위원장"), ("서하준", None), ("윤채린", None), ("남궁민수", "전문위원"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("제301회 나래구의회(임시회) 본회의회의록 제1호", "본회의회의록"),
        ("제170회 가온군의회 (임시회)(폐회중) 의회운영위원회회의록", "의회운영위원회회의록"),
    ],
)
def test_a_minutes_heading_on_one_line_is_the_documents_name(tmp_path: Path, heading: str, name: str) -> None:
    r = report_of(tmp_path, f"{heading}\n\n일시 2024년 3월 4일(월) 10시\n\n○의장 홍길동  개의하겠습니다.\n")
    assert (r.kind, r.document.title) == ("minutes", name)
    assert r.meeting is not None and r.meeting.name == heading


def test_a_press_rebuttal_is_named_by_its_headline(tmp_path: Path) -> None:
    r = report_of(
        tmp_path, "가온시, “예산 삭감”은 사실과 달라 해명자료\n\n□ 보도 내용\n ○ 시가 예산을 삭감하였다는 보도\n"
    )
    assert (r.kind, r.document.title) == ("other", "가온시, “예산 삭감”은 사실과 달라 해명자료")
    assert r.meeting is None


VOTE = """본회의회의록

의사일정
1. 나래시 청년 기본 조례 일부개정조례안

○의장 홍길동  의사일정 제1항 나래시 청년 기본 조례 일부개정조례안을 상정합니다.
  이의가 있으므로 표결하겠습니다.
○의장 홍길동  표결 결과를 말씀드리겠습니다. 재석의원 15인 중 찬성 {yes}인, 반대 {no}인으로 의사일정 제1항은 원안대로 가결되었음을 선포합니다.
"""


@pytest.mark.parametrize(("yes", "no", "divided"), [(9, 6, True), (15, 0, False)])
def test_a_divided_vote_in_minutes_is_a_disagreement(tmp_path: Path, yes: int, no: int, divided: bool) -> None:
    r = report_of(tmp_path, VOTE.format(yes=yes, no=no))
    (decision,) = r.decisions
    assert decision.topic == "나래시 청년 기본 조례 일부개정조례안"
    if not divided:
        assert r.disagreements == []  # a vote without a vote against divides nobody
        return
    (d,) = r.disagreements
    assert (d.topic, [(p.party, p.stance) for p in d.positions]) == (decision.topic, [("찬성", "9인"), ("반대", "6인")])
    assert d.resolution == decision.text and d.evidence is not None and d.evidence.rule == "disagreement/vote-tally"


def test_a_vote_counted_before_a_committees_verdict(tmp_path: Path) -> None:
    text = (
        "2026년 제2차 도시계획위원회 심의 결과 보고\n□ 일 시 : 2026. 4. 2.(목) 14:00\n□ 심의 결과\n"
        " ○ 가온동 지구단위계획 변경안\n   - 표결 결과 : 찬성 7, 반대 2, 기권 1\n   - 심의결과 : 원안 가결\n"
    )
    r = report_of(tmp_path, text)
    assert [(d.topic, d.text) for d in r.decisions] == [("가온동 지구단위계획 변경안", "원안 가결")]
    (d,) = r.disagreements
    assert [(p.party, p.stance) for p in d.positions] == [("찬성", "7"), ("반대", "2"), ("기권", "1")]
