"""Agenda items: `안건 :` values and the items listed under an 안건 / 의제 / 의사일정 heading."""

from __future__ import annotations

import re

from ..analyse.lines import Line
from ..resources import Models
from ..schema import AgendaItem
from .common import clean, compact, mostly_redacted, roles

_NUMBERED = {"num_dot", "num_paren", "paren_num", "circled", "kor_dot", "kor_paren"}
_SUBMITTED_BY = re.compile(r"\s*\((?!안\))[^()]*\)\s*$")  # `(구청장 제출)`, `(홍길동 의원 대표발의)`
_NUMBER = re.compile(r"\d+")
_ITEM_NO = re.compile(r"제?\s*\d+\s*(?:호|번)?")  # `1`, `제1호` in `【안건 1】`, `[제1호 안건]`


def items(label: Line, lines: list[Line]) -> list[Line]:
    """The items listed under an agenda label: its children, or, when they stand at the label's own
    indentation (`의사일정` then `1. …` `2. …` at the margin), the numbered lines right after it."""
    if label.children:
        return list(label.children)
    out: list[Line] = []
    for ln in lines[lines.index(label) + 1 :]:
        if ln.mclass not in _NUMBERED or ln.field is not None or (out and ln.mclass != out[0].mclass):
            break
        out.append(ln)
    return out


def verdict(line: Line) -> bool:
    """`제1호 안건 : 원안 의결`: an agenda label whose value is the item's outcome (a short stated decision),
    not its title."""
    return (
        line.field == "agenda"
        and bool(line.value)
        and len(compact(line.value or "")) <= 10
        and ("DECISION" in line.cues or line.ends_with_cue("DECISION_NOUN"))
    )


def number(label: str) -> int | None:
    """The item number a label names (`제2호 안건` -> 2)."""
    found = _NUMBER.search(label)
    return int(found.group()) if found else None


def extract(lines: list[Line], models: Models, main_block: Line | None) -> list[AgendaItem]:
    found: list[AgendaItem] = []
    seen: set[str] = set()

    def add(text: str, evidence_line: Line, value: bool) -> None:
        key = compact(_SUBMITTED_BY.sub("", text))
        if key in seen:  # minutes list the agenda twice (의사일정, then 부의된 안건 with who submitted each)
            return
        seen.add(key)
        rule = "agenda/item"
        evidence = evidence_line.span_of(text, rule) if value else evidence_line.evidence(rule=rule)
        found.append(AgendaItem(text=text, evidence=evidence))

    for ln in lines:
        bracketed = _bracketed_item(ln, models)
        if bracketed is not None:  # `【안건 1】 횡단보도 신설`: the bracket labels the item that follows it
            add(bracketed, ln, True)
            continue
        if ln.field != "agenda" or "follow_up" in roles(ln, models):
            continue
        other_event = ln.parent is not None and any(c.field == "meeting_datetime" for c in ln.parent.children)
        if main_block is not None and ln.parent is not main_block and other_event:
            continue  # the 내용 of another dated event
        if ln.value and not mostly_redacted(ln.value):
            if not verdict(ln):
                add(clean(ln.value), ln, True)
        elif not ln.value:
            for child in items(ln, lines):
                if child.body and not mostly_redacted(child.body):
                    add(clean(child.body), child, False)
    return found


def _bracketed_item(line: Line, models: Models) -> str | None:
    """The item of a line opened by a bracketed, numbered agenda label (`【안건 1】 …`, `[제2호 안건] …`)."""
    if line.mclass != "label" or not line.marker or line.field is not None:
        return None
    inner = line.marker[1:-1]
    if not _NUMBER.search(inner) or models.label_field(_ITEM_NO.sub("", inner)) != "agenda":
        return None
    rest = clean(line.body[len(clean(inner)) :]) if line.body.startswith(clean(inner)) else ""
    return rest if rest and not mostly_redacted(rest) else None


def numbered(lines: list[Line]) -> dict[int, str]:
    """The first numbered agenda list (`의사일정` → `1. …`): number -> item, without who submitted it."""
    for ln in lines:
        if ln.field == "agenda" and not ln.value:
            listed = items(ln, lines)
            if listed and all(c.marker and _NUMBER.search(c.marker) for c in listed):
                return {int(_NUMBER.findall(c.marker or "")[0]): clean(_SUBMITTED_BY.sub("", c.body)) for c in listed}
    return {}
