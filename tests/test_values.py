"""Value parsers: tables of Korean inputs and expected outputs, plus properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import values

DATES = [
    ("2016. 4. 27(수) 14:00~16:30", None, "2016-04-27"),
    ("’26.6.11.(목) 19:30~21:00", None, "2026-06-11"),
    ("'25. 7. 8.(화) 14:00", None, "2025-07-08"),
    ("26.6.11.(목)", None, "2026-06-11"),
    ("2016년 5월 9일(월)", None, "2016-05-09"),
    ("’25년 5월 8일", None, "2025-05-08"),
    ("/ '26년 11월 3일(화)", None, "2026-11-03"),
    ("25년 5월 8일", None, None),  # without the apostrophe `25년` may be a count of years
    ("1993年 7月 6日 (火) 午前 10時", None, "1993-07-06"),
    ("2016.4.28.", None, "2016-04-28"),
    ("2026-06-24", None, "2026-06-24"),
    ("결재일자 2026. 6. 24.", None, "2026-06-24"),
    ("7.25.(토) 서울갤러리 지하 1층", 2026, "2026-07-25"),
    ("5월 18일(수) 오후", 2016, "2016-05-18"),
    ("소방행정과-1806(2026.2.10.)호", None, "2026-02-10"),
    ("마을사회적경제과-2117", None, None),
    ("전년도 목표 30억원", None, None),
    ("2016. 2. 30.", None, None),  # no such day
    ("6.30 기준", 2026, None),  # a bare month.day is too ambiguous
    ("1.5배 증가", 2026, None),
    # A date that does not exist, with its weekday: the one single-digit change that fits the weekday
    ("2016. 4. 37(수) 14:00", None, "2016-04-27"),
    ("9.31.(수) 대회의실", 2026, "2026-09-30"),
    ("’26. 2. 30.(월)", None, "2026-03-30"),
    ("6.31.(월)", 2026, None),  # 6.01 and 8.31 both fit: left alone
    ("2.29.(일)", 2026, None),  # no single change fits
    ("2016. 2. 30.", 2026, None),  # no weekday: nothing to repair from
]


@pytest.mark.parametrize(("text", "year", "expected"), DATES)
def test_parse_date(text: str, year: int | None, expected: str | None) -> None:
    assert values.parse_date(text, year) == expected


def test_weekday_checks_the_date() -> None:
    (good,) = values.find_dates("2016. 4. 27(수)")
    (bad,) = values.find_dates("2016. 4. 27(목)")
    (none,) = values.find_dates("2016. 4. 27.")
    assert (good.weekday_ok, bad.weekday_ok, none.weekday_ok) == (True, False, None)
    assert not good.repaired
    (fixed,) = values.find_dates("2016. 4. 37(수)")
    assert (fixed.iso, fixed.repaired, fixed.weekday_ok) == ("2016-04-27", True, True)


TIMES = [
    ("14:00~16:30", ("14:00", "16:30")),
    ("09:00-10:00(특위 회의실)", ("09:00", "10:00")),
    ("오전10시", ("10:00", None)),
    ("오후 1시 30분", ("13:30", None)),
    ("오후 2시~4시", ("14:00", "16:00")),
    ("10시07분", ("10:07", None)),
    ("11시 08분", ("11:08", None)),
    ("午前 10時", ("10:00", None)),
    ("오후 3시 반", ("15:30", None)),
    ("17:00~16:10", ("17:00", "16:10")),  # a source typo is kept as written
    ("회의 없음", (None, None)),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_parse_time_range(text: str, expected: tuple[str | None, str | None]) -> None:
    assert values.parse_time_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8명", 8), ("외 7명", 7), ("총 22명", 22), ("(9인)", 9), ("30억원", None), ("명단", None)],
)
def test_parse_count(text: str, expected: int | None) -> None:
    assert values.parse_count(text) == expected


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2069, 12, 31)))
def test_dates_round_trip_in_every_written_form(d: dt.date) -> None:
    wd = "월화수목금토일"[d.weekday()]
    forms = [
        f"{d.year}. {d.month}. {d.day}({wd})",
        f"{d.year}.{d.month}.{d.day}.",
        f"{d.year}년 {d.month}월 {d.day}일({wd})",
        f"{d.year}年 {d.month}月 {d.day}日",
    ]
    if d.year >= 2000:
        forms.append(f"’{d.year % 100:02d}.{d.month}.{d.day}.({wd})")
    for form in forms:
        (m,) = values.find_dates(form)
        assert m.iso == d.isoformat(), form
        assert m.weekday_ok in (True, None)


@given(st.text(max_size=200))
def test_parsers_never_raise(text: str) -> None:
    values.find_dates(text, 2020)
    values.parse_time_range(text)
    values.parse_count(text)
    values.strip_dates(text, 2020)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("결과 제출 : 7. 15.까지", ["2025-07-15"]),  # 공문서 style: a space after the month's dot, a dot after the day
        ("7. 15.(화)까지", ["2025-07-15"]),
        ("7월 15일까지", ["2025-07-15"]),
        ("7.15.까지", []),  # no space: too close to a number
        ("7. 15까지", []),  # no closing dot
        ("비율 7.15", []),
    ],
)
def test_month_day_forms_need_a_sign_they_are_dates(text: str, dates: list[str]) -> None:
    assert [d.iso for d in values.find_dates(text, 2025)] == dates
