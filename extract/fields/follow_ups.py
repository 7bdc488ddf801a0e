"""Follow-ups: dated events announced in the report (a block with its own 일시/장소, `제3차 회의 개최(안)`),
the rows of a schedule table (조치사항 | 기한), the items of 향후 계획 / 행정사항 / 협조사항 sections, and
planned (`…예정`) or next-meeting lines."""

from __future__ import annotations

import re

from .. import values
from ..analyse.lines import Line
from ..resources import Models
from ..schema import FollowUp
from .common import cells, clean, compact, mostly_redacted, own_roles, roles, rows_under, states_nothing

_PLACE_WORD = r"(?:\d+층|층|실|홀|관|룸|센터|청사|회의장|강당|공연장|광장|갤러리|사무실|구청|시청|체육관|도서관)"
_PLACE_AT = re.compile(r"(?P<place>(?:[가-힣A-Za-z0-9]+\s+){0,4}[가-힣A-Za-z0-9]*" + _PLACE_WORD + r")\s*에서")
_PLACE_LEAD = re.compile(r"^(?P<place>[^,'‘“\"]{2,40}?" + _PLACE_WORD + r"[^,'‘“\"]{0,8}?)\s*(?:,|$)")
_CITATION = re.compile(r"\S+-\d+\s*(?:호\s*)?\([^()]*\)\s*호?")  # `재난관리과-438(2026.1.19.)호`: another document
_SENTENCE = re.compile(r"(니다|바람|요망|[함음임다])\s*\.?\s*$")  # a line that is a sentence, not a heading
_GENERIC = re.compile(r"(개요|계획|일정|내용)$")


def _event(block: Line, year: int | None) -> FollowUp | None:
    when = next((c for c in block.children if c.field == "meeting_datetime" and c.value), None)
    if when is None:
        return None
    subject = next((c for c in block.children if c.field == "subject" and c.value), None)
    where = next((c for c in block.children if c.field == "location" and c.value), None)
    title = clean(block.body)
    if subject is not None:
        text = clean(subject.value or "")
    elif _GENERIC.search(compact(title)) and block.parent is not None:
        text = clean(block.parent.body)
    else:
        text = title
    start, end = values.parse_time_range(when.value or "")
    if values.parse_date(when.value or "", year) is None and start is None:
        return None  # withheld or undated: nothing to follow up on
    return FollowUp(
        text=text,
        date=values.parse_date(when.value or "", year),
        start_time=start,
        end_time=end,
        location=clean(where.value or "") if where else None,
        evidence=block.evidence(),
    )


def _drop_trailing_parens(text: str) -> str:
    """`강연회 개최 안내 (2016. 5. 2(월), 10:00~12:00)` -> `강연회 개최 안내` (nested brackets allowed)."""
    t = text.rstrip()
    if not t.endswith(")"):
        return text
    depth = 0
    for i in range(len(t) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(t[i], 0)
        if depth == 0:
            inner = t[i:]
            return t[:i].rstrip() if re.search(r"\d", inner) and t[:i].strip() else text
    return text


def _ordered_in_value(line: Line) -> bool:
    """`지시 : 빗물받이 준설은 6월 15일까지 완료할 것`: the value is an order that names the task itself."""
    end = line.cue_ends.get("INSTRUCTION")
    return end is not None and end > line.value_start


def _item(line: Line, year: int | None, body: str | None = None) -> FollowUp:
    body = line.body if body is None else body
    dates = values.find_dates(body, year) or _deadline_below(line, year)
    start, end = values.parse_time_range(body)
    text = clean(_drop_trailing_parens(body)) if dates or start else clean(body)
    if line.label and line.value and values.find_dates(line.label, year) and not values.find_dates(line.value, year):
        text = clean(line.value)  # `’26.6.26.~30. : 결과발표 및 계약체결`: the value names the task
    elif line.label and line.value and body == line.body and dates and not _ordered_in_value(line):
        rest = clean(re.sub(r"(까지|부터|~|[(),])", " ", values.strip_dates(line.value, year)))
        if len(rest) <= 15:  # `안내문 배부 : 2025. 10. 15.(수)까지`: the label names the task
            text = clean(line.label)
    location = None
    m = _PLACE_AT.search(body)
    if m:
        location = clean(m.group("place"))
    else:
        for child in line.children:
            if child.label:  # `예산과목 : …` states something else, not where
                continue
            m = _PLACE_LEAD.match(child.body)
            if m and not values.find_dates(m.group("place")):
                location = clean(m.group("place"))
                break
    return FollowUp(
        text=text,
        date=dates[0].iso if dates else None,
        start_time=start,
        end_time=end,
        location=location,
        evidence=line.evidence(),
    )


_WHEN_LABEL = re.compile(r"(?:기한|일정|시기|기간|완료\s*예정일?)\s*[:：]")  # `- 기한 : 11. 20.`, `담당 : … / 기한 : …`


def _deadline_below(line: Line, year: int | None) -> list[values.DateMatch]:
    """The dates of a deadline given below a task (`- 기한 : 2026. 11. 20.`), when the task line has none."""
    for child in line.children:
        label = _WHEN_LABEL.search(child.body)
        found = values.find_dates(child.body[label.end() :], year) if label else []
        if found:
            return found
    return []


# A schedule table (`연번 | 조치사항 | 담당부서 | 기한`): the column of what is to be done and the column of when.


def table_rows(lines: list[Line], models: Models, year: int | None) -> tuple[set[int], list[tuple[Line, FollowUp]]]:
    """The header rows of schedule tables, and a follow-up for each data row: the task cell, dated by the
    when cell (or by a date inside it, when the table has no when column: `자문 의견 | 조치 계획 | 담당`).
    A table counts in a follow-up section (향후 조치사항), or when its task column is 조치/이행."""
    heads: set[int] = set()
    rows: list[tuple[Line, FollowUp]] = []
    for i, ln in enumerate(lines):
        head = [compact(c) for c in cells(ln)]
        what = next((k for k, c in enumerate(head) if models.is_column(c, "action")), None)
        when = next((k for k, c in enumerate(head) if models.is_column(c, "when")), None)
        if what is None or any(ch.isdigit() for c in head for ch in c):
            continue
        acted = head[what].startswith(("조치", "이행"))
        if "follow_up" not in roles(ln, models, include_self=True) and not acted:
            continue
        if when is None and not acted:
            continue  # without a when column, only an action column (조치 계획) lists tasks
        heads.add(id(ln))
        for row, found in rows_under(lines, i, head, (what,) if when is None else (what, when)):
            task = clean(found[0])
            if task and not mostly_redacted(task):
                if when is not None:
                    date = values.parse_date(found[1], year)
                else:
                    dates = values.find_dates(task, year)
                    date = dates[0].iso if dates else None
                rows.append((row, FollowUp(text=task, date=date, evidence=row.span_of(found[0]))))
    return heads, rows


def extract(lines: list[Line], models: Models, main_block: Line | None, year: int | None) -> list[FollowUp]:
    out: list[tuple[int, FollowUp]] = []
    done: set[int] = set()

    def keep(line: Line, fu: FollowUp | None, rule: str) -> None:
        if fu is None or id(line) in done or mostly_redacted(fu.text) or not fu.text or states_nothing(fu.text, models):
            return  # `향후 계획 : 없음` states no task
        fu.evidence = (fu.evidence or line.evidence()).model_copy(update={"rule": rule})
        done.add(id(line))
        done.update(id(d) for d in line.descendants())
        out.append((line.start, fu))

    # 0. The rows of a schedule table; its header row is no follow-up.
    heads, rows = table_rows(lines, models, year)
    done.update(heads)
    for row, fu in rows:
        keep(row, fu, "follow_up/schedule-table")

    # 1. Event blocks other than the meeting itself.
    for ln in lines:
        if ln is main_block or ln.field is not None:
            continue
        if any(c.field == "meeting_datetime" for c in ln.children):
            keep(ln, _event(ln, year), "follow_up/event-block")

    # 2. Items of follow-up sections (their direct items; deeper lines are details).
    for ln in lines:
        if id(ln) in done or ln.field is not None or ln.mclass == "label":
            continue
        section = next((a for a in ln.ancestors() if "follow_up" in own_roles(a, models)), None)
        if section is None or ln.parent is not section or "photos" in roles(ln, models, include_self=True):
            continue
        if ln.children and all(c.mclass == "label" for c in ln.children):
            continue
        if ln.children and "follow_up" in own_roles(ln, models):
            continue  # a nested `향후 추진일정` heading: its own items are the follow-ups
        if "asked" in own_roles(section, models) and any(c.mclass == "arrow" for c in ln.children):
            continue  # `건의 및 조치계획`: a request with its answer (→ …) under it, not a task
        keep(ln, _item(ln, year), "follow_up/section-item")

    # 2b. A line labelled as a follow-up section with its content inline (`협조사항 : … 회신 바랍니다`).
    for ln in lines:
        if id(ln) in done or not ln.value or ln.children or "follow_up" not in own_roles(ln, models):
            continue
        keep(ln, _item(ln, year, ln.value), "follow_up/section-inline")

    # 3. Planned or next-meeting lines elsewhere, when they carry a date or open with 향후/차기; orders.
    for ln in lines:
        if id(ln) in done or ln.field is not None or ln is main_block:
            continue
        ordered = ln.ends_with_cue("INSTRUCTION")  # `…보고할 것`: a task given as an order, dated or not
        if "FOLLOW_UP" not in ln.cues and not ordered:
            continue
        if own_roles(ln, models) and not _SENTENCE.search(ln.body):
            continue  # a heading (`차기 회의 안내`), not a statement (`차기 회의는 10월 중 개최하기로 함`)
        if ln.children and not _SENTENCE.search(ln.body):
            continue  # a heading over its items (`향후 추진 일정`), not a request with its details below
        if roles(ln, models) & {"background", "overview"}:
            continue
        dated = bool(values.find_dates(_CITATION.sub("", ln.body), year))
        opens = bool(re.match(r"^(향후|차기|추후|다음\s*(?:회\s*의|모임|간담회))", ln.body))
        if dated or opens:
            keep(ln, _item(ln, year), "follow_up/dated-plan")
        elif ordered:
            keep(ln, _item(ln, year), "follow_up/order")
    return [fu for _, fu in sorted(out, key=lambda p: p[0])]
