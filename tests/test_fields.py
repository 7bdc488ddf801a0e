"""Field extractors on small Korean inputs: attendees, approval line, decisions, disagreements, follow-ups."""

from __future__ import annotations

import pytest

from extract.analyse.lines import make_lines
from extract.analyse.normalize import normalize_block
from extract.analyse.sections import build
from extract.document import Block
from extract.fields import approval, attendee_tables, attendees


def _lines(text: str, models):
    blocks = [normalize_block(Block(t, 1, origin="plain")) for t in text.split("\n")]
    _, lines = make_lines(blocks, models)
    build(lines)
    return lines


PEOPLE = [
    # (attendee line, expected people as (name, title, organization))
    ("참석자 : 박학룡 이사장, 이소영 위원장",
     [("박학룡", "이사장", None), ("이소영", "위원장", None)]),
    ("참석자 : 마을민주주의과, 마을사회적경제과, 도시재생디자인과 주무팀장",
     [(None, "주무팀장", "마을민주주의과"), (None, "주무팀장", "마을사회적경제과"), (None, "주무팀장", "도시재생디자인과")]),
    ("참석자 : 마을재생기획단장, 마을사회적경제과장",
     [(None, "마을재생기획단장", None), (None, "마을사회적경제과장", None)]),
    ("참석자 : 박학룡 이사장 외 7명", [("박학룡", "이사장", None)]),
    ("참석자 : 위원장 김원진, 간사 남궁민", [("김원진", "위원장", None), ("남궁민", "간사", None)]),
    ("참석자 : 홍길동위원장", [("홍길동", "위원장", None)]),
    ("참석자 : 김태원 주무관(총무과)", [("김태원", "주무관", "총무과")]),
    ("참석자 : 홍길동(위원장), 김철수(간사)", [("홍길동", "위원장", None), ("김철수", "간사", None)]),
    ("참석자 : 위원 3명(강민호, 서지연, 남궁현)", [("강민호", None, None), ("서지연", None, None), ("남궁현", None, None)]),
    ("참석자 : *****, ***** 위원", []),
    ("출석의원(3인) : 문태석 배소연 임재훈", [("문태석", None, None), ("배소연", None, None), ("임재훈", None, None)]),
    # OCR lost the space between two names of the list
    ("출석의원(4인) : 문태석 배소연임재훈 장해솔",
     [("문태석", None, None), ("배소연", None, None), ("임재훈", None, None), ("장해솔", None, None)]),
    # OCR spacing inside compounds: a broken department joins again, a department run into its title splits
    # at the department suffix, a broken title is one title again
    ("참석자 : 공원녹지과, 도시녹지 정책과, 주택정책과주무 팀장",
     [(None, "주무팀장", "공원녹지과"), (None, "주무팀장", "도시녹지정책과"), (None, "주무팀장", "주택정책과")]),
    ("참석자 : 녹색도시추진 단장, 교통정책과 장",
     [(None, "녹색도시추진단장", None), (None, "교통정책과장", None)]),
    # a title and a name that OCR spacing cut into syllables
    ("참석자 : 기 획 감사실장 윤성 민, 예산팀장 강보람", [("윤성민", "기획감사실장", None), ("강보람", "예산팀장", None)]),
    ("참석자 : 청 소년 정 책과장, 청소년활동팀장", [(None, "청소년정책과장", None), (None, "청소년활동팀장", None)]),
    ("참석자 : 경제정 책과장, 홍길동 과장, 한서윤 부국장", [(None, "경제정책과장", None), ("홍길동", "과장", None), ("한서윤", "부국장", None)]),
    # minutes list officials as title-name pairs, two spaces apart, or one in PDF text
    ("출석공무원 : 안전총괄과장 도하람  건축과장 심재윤", [("도하람", "안전총괄과장", None), ("심재윤", "건축과장", None)]),
    ("출석공무원 : 안전총괄과장 도하람 건축과장 심재윤", [("도하람", "안전총괄과장", None), ("심재윤", "건축과장", None)]),
    ("출석공무원 : 안전총 괄과장 도하람 건축 과 장 심재윤", [("도하람", "안전총괄과장", None), ("심재윤", "건축과장", None)]),
    # OCR cut the last syllable off a name in a list of names
    ("출석의원(4인) : 문태석 배소 연 임재훈 장해솔",
     [("문태석", None, None), ("배소연", None, None), ("임재훈", None, None), ("장해솔", None, None)]),
    # ... but a name next to a title or a real department before a title is left as written
    ("참석자 : 시민소통과 주무관, 한서윤 외부 위원",
     [(None, "주무관", "시민소통과"), (None, "위원", "한서윤 외부")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_attendee_splitting(text: str, expected, models) -> None:
    lines = _lines(text, models)
    _, people = attendees.extract([ln for ln in lines if ln.field == "attendees"], models)
    assert [(p.name, p.title, p.organization) for p in people] == expected


def test_grouped_attendees_with_counts(models) -> None:
    text = "\n".join(
        [
            "- 참 석 자",
            "  - 상설협의체 : 8명",
            "    - 함께살이 사회적협동조합 : 박학룡 이사장, 이소영 위원장",
            "    - 구청 : 마을재생기획단장",
            "  - 정기회의 : 22명",
            "    - 함께살이 사회적협동조합 : 박학룡 이사장 외 7명",
            "    - 구청 : 마을재생기획단장 외 13명",
        ]
    )
    lines = _lines(text, models)
    groups, people = attendees.extract([lines[0]], models)
    assert [(g.name, g.count) for g in groups] == [("상설협의체", 8), ("정기회의", 22)]
    assert [(p.name, p.title, p.organization, p.group) for p in people] == [
        ("박학룡", "이사장", "함께살이 사회적협동조합", "상설협의체"),
        ("이소영", "위원장", "함께살이 사회적협동조합", "상설협의체"),
        (None, "마을재생기획단장", "구청", "상설협의체"),
    ]


@pytest.mark.parametrize(
    ("label", "organization"),
    [
        ("구  청", "구청"),
        ("시 설 장", "시설장"),
        ("한빛 청소년수련관", "한빛 청소년수련관"),
        ("구 청소년과", "구 청소년과"),
    ],
)
def test_letter_spaced_group_labels_are_joined(label: str, organization: str, models) -> None:
    lines = _lines(f"- 참 석 자\n  - {label} : 청소년정책과장, 정다은 관장", models)
    _, people = attendees.extract([lines[0]], models)
    assert [(p.name, p.title, p.organization) for p in people] == [
        (None, "청소년정책과장", organization),
        ("정다은", "관장", organization),
    ]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("참석자 : 박학룡 이사장 외 7명", [("참석자", 8)]),  # the named person and seven others
        ("참석 : 조태식 협의회장, 한유진 총무 외 10명", [("참석", 12)]),
        ("참석자 : 박학룡 이사장 등 8명", [(None, 8)]),  # 등 gives the total itself
        ("참석자 : 박학룡 이사장, 이소영 위원장", []),
        # a total broken down by body
        (
            "참석대상 : 8명 ▷ 예산위원 6, 재정전문가 1, 시의회 1",
            [("참석대상", 8), ("예산위원", 6), ("재정전문가", 1), ("시의회", 1)],
        ),
        ("참석자 : 12명(위원 10명, 간사 2명)", [("참석자", 12), ("위원", 10), ("간사", 2)]),
        ("참석 : 위원 9명 중 7명 참석(위원장 배다온 외 6명)", [("참석", 7)]),  # who came, of the members
        # counted groups side by side, one of them led by a named person
        ("참석 : 상인 약 25명, 시공사 3명, 건설과장 외 2명", [("상인", 25), ("시공사", 3), ("건설과장", 3)]),
        ("참석 : 내부 2명, 외부 약 10명 정도", [("내부", 2), ("외부", 10)]),
        (
            "참석대상 : 12명 [ 예산위원 9, 재정전문가 2, 시의회 1",
            [("참석대상", 12), ("예산위원", 9), ("재정전문가", 2), ("시의회", 1)],
        ),
    ],
)
def test_named_people_and_a_count_of_others_make_a_group(text: str, groups, models) -> None:
    found, _ = attendees.extract([ln for ln in _lines(text, models) if ln.field == "attendees"], models)
    assert [(g.name, g.count) for g in found] == groups


def test_redacted_group_gives_no_people(models) -> None:
    lines = _lines("○ 참석자 : 서울청정넷 청년위원*****", models)
    groups, people = attendees.extract(lines, models)
    assert people == []
    assert [(g.name, g.count) for g in groups] == [("서울청정넷 청년위원", None)]


APPROVALS = [
    # an OCR row: a title run into its name, a title cut before its last syllable
    ("주무관서단비 주민자치팀장 공태리 자치행정과 장 08/29 모하늘",
     [("주무관", "서단비", None, False), ("주민자치팀장", "공태리", None, False),
      ("자치행정과장", "모하늘", "2016-08-29", False)]),
    # tab-separated rows: positions over names, with an MM/DD stamp on the final approver
    ("담당\t사회적경제특담담당\t마을사회적경제과장\n김태원\t은현기\t04/28 하순호",
     [("담당", "김태원", None, False), ("사회적경제특담담당", "은현기", None, False),
      ("마을사회적경제과장", "하순호", "2016-04-28", False)]),
    # one cell per line (flattened table), a stamp in its own cell, 代 for a proxy signature
    ("주무관\n청년참여팀장\n청년정책담당관\n이경주\n代이종림\n06/24\n권소현",
     [("주무관", "이경주", None, False), ("청년참여팀장", "이종림", None, True),
      ("청년정책담당관", "권소현", "2016-06-24", False)]),
    # 전결 is delegated approval, not a proxy; redacted names stay unknown
    ("주무관\t팀장\t과장\n*****\t문도현\t전결 07/01 배하린",
     [("주무관", None, None, False), ("팀장", "문도현", None, False), ("과장", "배하린", "2016-07-01", False)]),
    # the sender line of a 시행문, then its 결재 row written with spaces (position, name, position, name, …)
    ("가온구청장\n주무관 임다솜  자치지원팀장 염태호  주민자치과장 전결 10/28 봉수민",
     [("주무관", "임다솜", None, False), ("자치지원팀장", "염태호", None, False),
      ("주민자치과장", "봉수민", "2016-10-28", False)]),
    # OCR joins the cooperation row's label (협조자) to the 결재 row
    ("주무관 임다솜 자치지원팀장 염태호 주민자치과장 전결 10/28 봉수민 협조자",
     [("주무관", "임다솜", None, False), ("자치지원팀장", "염태호", None, False),
      ("주민자치과장", "봉수민", "2016-10-28", False)]),
    # attendee tables pair positions and names too, but nobody signed them
    ("○ 참석자\n  연번\t소속\t직위\t성명\n  1\t가온대학교\t교수\t남궁 윤\n  2\t가온시\t과장\t탁민서", []),
    ("연번\t소속\t직위\t성명\n1\t가온대학교\t교수\t남궁 윤\n2\t가온시\t과장\t탁민서", []),
    # a 시행문 row laid out from positions: a name and the next position closer than a column gap
    ("소방위\t최서진\t구조팀장\t문하람 재난대응과장 전결 05/11\n                 배도윤",
     [("소방위", "최서진", None, False), ("구조팀장", "문하람", None, False),
      ("재난대응과장", "배도윤", "2016-05-11", False)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), APPROVALS)
def test_approval_line(text: str, expected, models) -> None:
    steps = approval.approval_line(_lines(text, models), models, 2016)
    assert [(s.position, s.name, s.date, s.proxy) for s in steps] == expected


TABLES = [
    # each row of an attendee table is one person, even when names are withheld
    ("연번\t직위\t성명\t소속\n1\t위원장\t*****\t***\n2\t위원\t*****\t***\n3\t위원\t*****\t***",
     [(None, "위원장", None), (None, "위원", None), (None, "위원", None)]),
    # a named person listed twice is one person
    ("성명\t직위\n홍길동\t위원장\n김철수\t위원\n홍길동\t위원장",
     [("홍길동", "위원장", None), ("김철수", "위원", None)]),
    # a name cell spaced after its family name, or syllable by syllable, is one name; a phrase is not
    ("연번\t소속\t직위\t성명\n1\t가온대학교\t교수\t남궁 윤\n2\t한빛연구소\t책임연구원\t설 지 호\n3\t가온시\t과장\t공석 중",
     [("남궁윤", "교수", "가온대학교"), ("설지호", "책임연구원", "한빛연구소"), (None, "과장", "가온시")]),
    # a 구분 column beside a 직위 column is the person's place in the meeting, not the title
    ("구분\t소속\t직위\t성명\n위원장\t가온구\t부구청장\t방태윤\n위원\t가온소방서\t예방과장\t편지후",
     [("방태윤", "부구청장", "가온구"), ("편지후", "예방과장", "가온소방서")]),
    ("구분\t성명\n위원장\t방태윤", [("방태윤", "위원장", None)]),  # ... and the title when it is the only one
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_attendee_tables(text: str, expected, models) -> None:
    got = attendee_tables.table_people(_lines(text, models), models)
    assert [(p.name, p.title, p.organization) for p in got] == expected


@pytest.mark.parametrize(
    "count", ["8명", "8 명.", "총 8명", "(8인)", "약 8명", "위원장 포함 8명", "8명 (재적위원 11명)"]
)
def test_a_group_count_in_its_written_forms(count: str, models) -> None:
    lines = _lines(f"- 참 석 자\n  - 상설협의체 : {count}\n    - 구청 : 마을재생기획단장", models)
    groups, _ = attendees.extract([lines[0]], models)
    assert [(g.name, g.count) for g in groups] == [("상설협의체", 8)]


SPEECHES = [
    # (line, (speaker, speech) or None)
    ("○의장 문태석  성원이 되었으므로 개의하겠습니다.", ("의장 문태석", "성원이 되었으므로 개의하겠습니다.")),
    ("○배소연 위원\t예산 증액에 찬성합니다.", ("배소연 위원", "예산 증액에 찬성합니다.")),
    ("○의장  의사일정 제1항을 상정합니다.", ("의장", "의사일정 제1항을 상정합니다.")),
    ("○환경복지국장 연대흠  답변드리겠습니다.", ("환경복지국장 연대흠", "답변드리겠습니다.")),
    ("○ 예산 편성 방향  관계부서 협의 후 확정", None),  # an outline item with wide spacing: no speaker
    ("○ 일 시 : 2024. 3. 12.", None),
    ("- 의장 문태석  개의", None),  # only ○ lines are speech lines
    # one space after the speaker (PDF text): a title and a name, or a name and 위원
    (
        "○의장 문태석 의사일정 제1항은 가결되었음을 선포합니다.",
        ("의장 문태석", "의사일정 제1항은 가결되었음을 선포합니다."),
    ),
    ("○이하늘 위원 분과 축소에 반대합니다.", ("이하늘 위원", "분과 축소에 반대합니다.")),
    ("○ 예산 편성 방향 관계부서 협의 후 확정", None),
]


@pytest.mark.parametrize(("text", "expected"), SPEECHES)
def test_speech_lines_of_minutes(text: str, expected, models) -> None:
    from extract.fields.common import speech

    assert speech(_lines(text, models)[0], models) == expected


@pytest.mark.parametrize(
    ("row", "positioned", "expected"),
    [
        ("1\t간판 정비\t도시디자인과\t10. 31.", False, ["간판 정비", "10. 31."]),
        ("1\t간판 정비 도시디자인과\t10. 31.", True, ["간판 정비 도시디자인과", "10. 31."]),  # a PDF merged two cells
        ("1\t간판 정비 도시디자인과\t10. 31.", False, None),  # in text a short row has empty last cells
        ("1\t10. 31.", True, None),  # two cells short
    ],
)
def test_a_table_row_under_its_header(row: str, positioned: bool, expected, models) -> None:
    from extract.fields.common import row_under

    (line,) = _lines(row, models)
    if positioned:
        line.bbox = (0.0, 0.0, 100.0, 10.0)
    assert row_under(["연번", "조치사항", "담당부서", "기한"], line, (1, 3)) == expected
