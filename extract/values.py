"""Pure parsers for the values reports write: dates, times, time ranges, head counts.

Every parser returns ISO strings (`YYYY-MM-DD`, `HH:MM`) or None; nothing here guesses a year that the
text does not give unless the caller passes `default_year`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = "월화수목금토일"
_HANJA_WEEKDAYS = "月火水木金土日"
_DAY = r"(?:\s*\(\s*(?P<wd>[월화수목금토일月火水木金土日])(?:요일)?\s*\)|\s*[월화수목금토일]요일)?"

_DATE_PATTERNS = [
    # 2016. 4. 27(수) / 2016.4.28. / 2016-04-27 / 2016/4/27 / 2016년 5월 9일(월) / 1993年 7月 6日
    re.compile(
        r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월|月)\s*(?P<d>\d{1,2})"
        r"(?!\d)\s*(?:일|日|\.)?" + _DAY
    ),
    # ’26.6.11.(목) / '26. 6. 26. / 26.6.11.(목) (two-digit year: needs an apostrophe, a weekday or a final dot)
    re.compile(
        r"(?<![\d.])(?P<apos>[’‘'`´])?(?P<y>\d{2})\s*\.\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})(?!\d)"
        r"(?P<dot>\s*\.)?" + _DAY
    ),
    # ’25년 5월 8일 (two-digit year with 년: needs the apostrophe)
    re.compile(
        r"(?<![\d.])(?P<apos>[’‘'`´])(?P<y>\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})(?!\d)\s*일?" + _DAY
    ),
]
_MONTH_DAY = re.compile(r"(?<![\d.])(?P<m>\d{1,2})\s*(?:\.|월)\s*(?P<d>\d{1,2})(?!\d)\s*(?:일|\.)?" + _DAY)
_OFFICIAL_MONTH_DAY = re.compile(
    r"\d{1,2}\.\s+\d{1,2}\."
)  # 공문서 style: a space after the month's dot, a dot after the day
_HHMM = r"(?P<{0}h>\d{{1,2}})\s*:\s*(?P<{0}m>\d{{2}})"
_KO_TIME = (
    r"(?P<{0}ap>오전|오후|午前|午後|새벽|저녁|밤|낮)?\s*(?P<{0}h>\d{{1,2}})\s*(?:시|時)"
    r"\s*(?:(?P<{0}m>\d{{1,2}})\s*(?:분|分)|(?P<{0}half>반))?"
)
_RANGE_SEP = r"\s*[~\-–—∼〜～]\s*"
_TIME_RANGE = re.compile(
    r"(?<!\d)(?:" + _HHMM.format("a") + "|" + _KO_TIME.format("b") + ")"
    r"(?:" + _RANGE_SEP + r"(?:" + _HHMM.format("c") + "|" + _KO_TIME.format("d") + "))?"
)
_COUNT = re.compile(r"(?P<n>\d{1,5})\s*(?:명|인|名)(?!\w*[가-힣]*분)")


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    weekday_ok: bool | None  # None when no weekday was written
    repaired: bool = False  # the written date does not exist; one digit was changed to fit its weekday


def _make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday_ok(date: dt.date, wd: str | None) -> bool | None:
    if not wd:
        return None
    idx = WEEKDAYS.find(wd)
    if idx < 0:
        idx = _HANJA_WEEKDAYS.find(wd)
    return date.weekday() == idx


def _by_weekday(y: int, month: str, day: str, wd: str | None) -> dt.date | None:
    """A date that does not exist (`7.35.(토)`, an OCR misread) with a weekday written: the one date that
    differs from it in a single digit of the month or day and falls on that weekday, if exactly one does."""
    if not wd:
        return None
    found: set[dt.date] = set()
    for part in ("m", "d"):
        digits = month if part == "m" else day
        for i, old in enumerate(digits):
            for new in "0123456789":
                if new == old:
                    continue
                changed = digits[:i] + new + digits[i + 1 :]
                m, d = (int(changed), int(day)) if part == "m" else (int(month), int(changed))
                date = _make_date(y, m, d)
                if date is not None and _weekday_ok(date, wd):
                    found.add(date)
    return found.pop() if len(found) == 1 else None


def _date_at(y: int, m: re.Match[str]) -> tuple[dt.date, bool] | None:
    """The date a match names, or the weekday's repair of a date that does not exist (repaired=True)."""
    date = _make_date(y, int(m.group("m")), int(m.group("d")))
    if date is not None:
        return date, False
    fixed = _by_weekday(y, m.group("m"), m.group("d"), m.group("wd"))
    return (fixed, True) if fixed is not None else None


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """All dates in `text`, in order. Month-day dates need `default_year`."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(y: int, m: re.Match[str]) -> None:
        dated = _date_at(y, m)
        if dated is not None:
            date, repaired = dated
            found.append(DateMatch(date.isoformat(), m.start(), m.end(), _weekday_ok(date, m.group("wd")), repaired))
            taken.append((m.start(), m.end()))

    for i, rx in enumerate(_DATE_PATTERNS):
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            y = int(m.group("y"))
            if i == 1 and not (m.group("apos") or m.group("wd") or m.group("dot")):
                continue
            if i >= 1:  # a two-digit year
                y += 2000 if y < 70 else 1900
            add(y, m)
    if default_year is not None:
        for m in _MONTH_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if not (m.group("wd") or "월" in m.group(0) or _OFFICIAL_MONTH_DAY.match(m.group(0))):
                continue  # a bare `6.30` is too ambiguous without a weekday, 월/일, or the official `6. 30.`
            add(default_year, m)
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str, default_year: int | None = None) -> str | None:
    dates = find_dates(text, default_year)
    return dates[0].iso if dates else None


def _clock(h: str | None, m: str | None, ampm: str | None = None, half: str | None = None) -> str | None:
    if h is None:
        return None
    hour = int(h)
    minute = 30 if half else int(m) if m else 0
    if ampm in {"오후", "午後", "저녁", "밤"} and hour < 12:
        hour += 12
    if ampm in {"오전", "午前", "새벽"} and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """`14:00~16:30` -> ('14:00', '16:30'); `오전10시` -> ('10:00', None); `오후 1시 30분` -> ('13:30', None)."""
    for m in _TIME_RANGE.finditer(text):
        g = m.groupdict()
        if g["ah"] is None and g["bh"] is None:
            continue
        start = _clock(g["ah"], g["am"]) if g["ah"] else _clock(g["bh"], g["bm"], g["bap"], g["bhalf"])
        if g["ch"]:
            end = _clock(g["ch"], g["cm"])
        elif g["dh"]:
            # `오후 2시~4시`: the end inherits the start's half of the day
            end = _clock(g["dh"], g["dm"], g["dap"] or g["bap"], g["dhalf"])
        else:
            end = None
        if start:
            return start, end
    return None, None


def parse_count(text: str) -> int | None:
    m = _COUNT.search(text)
    return int(m.group("n")) if m else None


def strip_dates(text: str, default_year: int | None = None) -> str:
    """Remove the dates and time ranges from `text` (what remains may be a place or an event name)."""
    for d in reversed(find_dates(text, default_year)):
        text = text[: d.start] + text[d.end :]
    text = _TIME_RANGE.sub(lambda m: "" if (m.group("ah") or m.group("bh")) else m.group(0), text)
    return text
