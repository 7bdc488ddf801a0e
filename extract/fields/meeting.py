"""The meeting a report is about: 회의명, 일시, 장소, 참석자 (with groups and absentees)."""

from __future__ import annotations

import re

from .. import values
from ..analyse.lines import Line
from ..resources import Models
from ..schema import Meeting
from . import attendee_tables, attendees, speakers
from .common import clean, compact, in_section
from .speakers import speaker
from .title import sitting_name

_NAME_TAIL = re.compile(
    r"\s*(?:개최|추진|운영|실시)?\s*(?:결과|계획|결과보고|계획보고)?\s*(?:보고|알림|안내|보고서)?\s*(?:\(안\))?\s*$"
)
SITTING = re.compile(r"\(\s*(?P<time>\d{1,2}\s*시\s*(?:\d{1,2}\s*분)?)\s*(?P<what>개의|개회|산회|폐회|폐의)\s*\)")
_PLACE_IN_PARENS = re.compile(r"\(([^()]*(?:실|층|홀|관|룸|센터|청사|회의장|강당|사무실)[^()]*)\)")


def meeting_datetime_lines(lines: list[Line], models: Models) -> list[Line]:
    return [ln for ln in lines if ln.field == "meeting_datetime" and ln.value]


def main_datetime_line(lines: list[Line], models: Models) -> Line | None:
    """The 일시 line of the meeting the document reports: the first not inside a follow-up or (안) block."""
    for ln in meeting_datetime_lines(lines, models):
        if in_section(ln, models, "follow_up"):
            continue
        if values.find_dates(ln.value or "") or values.parse_time_range(ln.value or "")[0]:
            return ln
    return None


_CATEGORY = re.compile(r"^\s*[\[【][^\]】]{1,15}[\]】]\s*")  # `[구동협의회] …`: a board's category, not the name
_QUALIFIER = re.compile(r"\s*\((?!안\))[^()]{1,15}\)\s*$")  # `…개최결과(불광1동)`: a qualifier after the title


def meeting_name(title: str | None) -> str | None:
    """The meeting's name from the title: without a board's category before it, a qualifier after it, and the
    words that make a report of it (`… 개최 결과 보고`)."""
    if not title:
        return None
    name = _NAME_TAIL.sub("", _QUALIFIER.sub("", _CATEGORY.sub("", title))).strip()
    return name or None


def _sitting_times(lines: list[Line], meeting: Meeting) -> None:
    """Minutes mark the sitting: `(10시 05분 개의)` ... `(12시 05분 산회)`."""
    for ln in lines:
        m = SITTING.search(ln.body)
        if not m:
            continue
        clock, _ = values.parse_time_range(m.group("time"))
        if m.group("what") in {"개의", "개회"} and meeting.start_time is None:
            meeting.start_time = clock
        elif m.group("what") in {"산회", "폐회", "폐의"}:
            meeting.end_time = meeting.end_time or clock


def _siblings(line: Line, lines: list[Line]) -> list[Line]:
    if line.parent is not None:
        return line.parent.children
    return [ln for ln in lines if ln.parent is None]


def _chronology_date(lines: list[Line], models: Models, name: str | None, year: int | None) -> tuple[str, Line] | None:
    """A result report without an 일시 line dates its event in the 추진경위 chronology: `’26.6.22.~6.24. :
    지원서류 심사` for `… 입주업체 심사 결과보고`. The event is the last word of the meeting's name (심사,
    회의, 운영위원회); the last chronology item naming it, with a date as its label, gives the date."""
    if not name or not name.split():
        return None
    event = compact(name.split()[-1])
    if len(event) < 2:
        return None
    found: tuple[str, Line] | None = None
    for ln in lines:
        if not (ln.label and ln.value and in_section(ln, models, "background")):
            continue
        dates = values.find_dates(ln.label, year)
        if dates and event in compact(ln.value):
            found = (dates[0].iso, ln)
    return found


_LEFT_OF_A_DATE = re.compile(r"^[\s()（）,.~\-]*$")  # what a line holding only a date and times leaves


def _date_alone(lines: list[Line], models: Models, year: int | None) -> tuple[str, Line] | None:
    """Minutes may give the sitting's date on a line of its own in their header, without a label
    (`2019년  3월  4일(월) 10:00~11:40`): the first such line before anyone speaks."""
    for ln in lines[:80]:
        if speaker(ln, models) is not None:
            return None
        if ln.label or not values.find_dates(ln.body, year):
            continue
        if _LEFT_OF_A_DATE.match(values.strip_dates(ln.body, year)):
            return values.find_dates(ln.body, year)[0].iso, ln
    return None


def extract(
    lines: list[Line], models: Models, title: str | None, year: int | None, warnings: list[str], kind: str = ""
) -> Meeting:
    meeting = Meeting(name=(kind == "minutes" and sitting_name(lines, title)) or meeting_name(title))
    when = main_datetime_line(lines, models)
    scope = _siblings(when, lines) if when else [ln for ln in lines if not in_section(ln, models, "follow_up")]
    if when is not None:
        value = when.value or ""
        dates = values.find_dates(value, year)
        if dates:
            meeting.date = dates[0].iso
            if dates[0].repaired:
                warnings.append(f"meeting date read as {value.strip()!r}: repaired to {dates[0].iso} from its weekday")
            elif dates[0].weekday_ok is False:
                warnings.append(f"meeting date {dates[0].iso}: the weekday written does not match the date")
        meeting.start_time, meeting.end_time = values.parse_time_range(value)
        if meeting.start_time and meeting.end_time and meeting.end_time < meeting.start_time:
            warnings.append(f"meeting ends ({meeting.end_time}) before it starts ({meeting.start_time}) as written")
        meeting.evidence = when.evidence()
        m = _PLACE_IN_PARENS.search(value)
        if m:
            meeting.location = clean(m.group(1))
        elif "장소" in compact(when.label or ""):
            rest = clean(values.strip_dates(value).strip(" ,/()"))
            meeting.location = rest or None
    if meeting.date is None and kind == "minutes" and (alone := _date_alone(lines, models, year)) is not None:
        meeting.date, meeting.evidence = alone[0], alone[1].evidence()
        if meeting.start_time is None:
            meeting.start_time, meeting.end_time = values.parse_time_range(alone[1].body)
    if meeting.date is None:
        dated = _chronology_date(lines, models, meeting.name, year)
        if dated is not None:
            meeting.date, meeting.evidence = dated[0], dated[1].evidence()
    if meeting.location is None:
        for ln in scope + lines:
            if ln.field == "location" and ln.value and not in_section(ln, models, "follow_up"):
                meeting.location = clean(ln.value)
                break
    _sitting_times(lines, meeting)
    attendee_lines = [ln for ln in scope if ln.field == "attendees"]
    if not attendee_lines:  # the first list, with the lists beside it (출석위원, then 출석공무원, in minutes)
        listed = [ln for ln in lines if ln.field == "attendees" and not in_section(ln, models, "follow_up")]
        attendee_lines = [ln for ln in listed if ln.parent is listed[0].parent] if listed else []
    meeting.attendee_groups, meeting.attendees = attendees.extract(attendee_lines, models)
    if not meeting.attendees:
        body = [ln for ln in lines if not in_section(ln, models, "follow_up")]
        meeting.attendees = attendee_tables.table_people(body, models)
    if kind == "minutes":  # the chair and everyone who speaks attended; a listed member's title is the one
        spoke = {p.name: p for p in speakers.speakers(lines, models)}  # they speak under (○의장 문태석)
        for p in meeting.attendees:
            if p.name in spoke and p.title is None:
                p.title = spoke[p.name].title
        named = {p.name for p in meeting.attendees if p.name}
        meeting.attendees += [p for p in spoke.values() if p.name not in named]
    meeting.absentees = attendees.absentees(
        [ln for ln in lines if ln.field == "absentees" or "불참" in ln.body], models
    )
    return meeting
