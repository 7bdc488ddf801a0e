"""The title of a report: where each genre writes it, and which copy to keep when it is written twice."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .. import values
from ..analyse.lines import Line
from .common import clean, compact, label_value

_TITLE_LABEL = re.compile(r"^제\s*목\s*[:：]?\s+(?P<title>\S.{4,})$")
_CONTACT = re.compile(r"\d{2,4}-\d{3,4}-\d{4}|@")  # a phone number or an e-mail: the contact line
# A form's heading that names only the kind of document (`회 의 록`); the meeting's name is then a label's value.
_FORM_HEADING = re.compile(r"(회의록|의사록|회의결과|회의결과보고|회의결과보고서|결과보고서|회의보고)")
_MEETING_NAME = re.compile(r"회\s*의\s*명")
# a short bracketed qualifier after the title word: `… 개최결과(불광1동)`, `… 결과 보고(2차)`
_QUALIFIER = re.compile(r"\([^()]{1,15}\)$")
_TITLE_END = re.compile(
    r"(회의록제\d+호|보고서|보고|계획|결과|알림|안내|회의록|의사록|會議錄|議事錄|\(안\)|요청|제출|결정|통보|개최|협조|회신|결과서"
    r"|보도자료|해명자료|설명자료)$"
)


def find(lines: list[Line]) -> tuple[str | None, Line | None]:
    """The report's title and the line it was read from: a heading, a 제목 label, the row after (경유), the
    회의명 of a form headed only `회 의 록`, a press release's headline, the first line that ends as titles
    do (…결과 보고, …계획, …알림), or, in a report without any of these, its 회의명."""
    for ln in lines:
        if ln.heading == 1 and ln.body:
            return clean(ln.body), ln
    for ln in lines[:60]:
        m = _TITLE_LABEL.match(ln.body)
        if m:  # `제목 2025년 … 알림` with the label and the title one space apart (OCR, web copies)
            return clean(m.group("title")), ln
    for ln in lines:
        if ln.field == "title":
            v = label_value(ln, lines)
            if v:
                return clean(v), ln
    for k, ln in enumerate(lines[:60]):
        # The 공문 form puts 수신, (경유), 제목 in this order: the row after (경유) is the title row even when
        # its small grey label is misread (`세르<TAB>2026년 … 알림`).
        if ln.field == "via" and k + 1 < len(lines):
            nxt = lines[k + 1]
            if nxt.field is None and nxt.label and len(compact(nxt.label)) <= 3 and nxt.value:
                return clean(nxt.value), nxt
    for ln in lines[:3]:
        if form_heading(ln):
            named = next((x for x in lines[:30] if x.field == "subject" and x.value), None)
            return (clean(named.value or ""), named) if named else (compact(ln.body), ln)
    for k, ln in enumerate(lines[:10]):
        if compact(ln.body) == "보도자료":  # a press release: its headline follows
            for nxt in lines[k + 1 : k + 8]:
                if not nxt.label and len(clean(nxt.body)) >= 10 and not _CONTACT.search(nxt.body):
                    return clean(nxt.body), nxt
    for k, ln in enumerate(lines[:60]):
        body = clean(ln.body)
        # a category in brackets before a post's title (`[구동협의회] … 개최결과`) is no label
        labelled = ln.label is not None and not (ln.field is None and body.startswith(("[", "【")))
        if labelled or not (6 <= len(body) <= 90) or values.find_dates(body):
            continue
        if ln.marker and ln.parent is not None:
            continue  # an item of the outline (`1. 차기 회의는 4월 중 개최` under 향후계획), not the title
        if _TITLE_END.search(_QUALIFIER.sub("", compact(body))) and not body.endswith("드립니다"):
            return _body_copy(body, ln, lines[k + 1 : k + 40])
    for k, ln in enumerate(lines[:30]):
        if ln.field == "subject" and ln.value and _MEETING_NAME.search(ln.label or ""):
            if all(x.marker or x.label for x in lines[:k]):  # no heading at all (`Ⅰ. 회의 개요` first): its name
                return clean(ln.value), ln
            break
    return None, None


def form_heading(line: Line) -> bool:
    """A line that names only the kind of document, as a form's heading does (`회 의 록`, `회의 결과 보고서`)."""
    return not line.label and _FORM_HEADING.fullmatch(compact(line.body)) is not None


_SESSION = re.compile(r"^제\d+회\S*의회\((?:임시회|정례회)\)$")  # 제245회 가온구의회(임시회), compacted
_SITTING = re.compile(r"^제\s*\d+\s*호$")  # 제2호


_SESSION_PREFIX = re.compile(
    r"^제\s*\d+\s*회\s*\S*?의\s*회\s*\((?:임시회|정례회|정기회)\)(?:\s*\([^()]{1,10}\))?\s*"
)  # `제301회 용산구의회(임시회)`, `제170회 홍성군의회 (임시회)(폐회중)`
_SITTING_SUFFIX = re.compile(r"\s*제\s*\d+\s*(?:호|차)$")  # `… 본회의회의록 제2호`


def minutes_title(title: str | None) -> str | None:
    """The document's name in a minutes heading written on one line (`제301회 용산구의회(임시회)
    본회의회의록 제1호` -> `본회의회의록`): the session before it and the sitting number after it name the
    meeting, not the document."""
    if not title:
        return title
    name = _SITTING_SUFFIX.sub("", _SESSION_PREFIX.sub("", title)).strip()
    return name or title


def sitting_name(lines: list[Line], title: str | None) -> str | None:
    """Minutes set their heading on up to three lines (`제245회 가온구의회(임시회)`, `행정복지위원회 회의록`,
    `제2호`) or on one: the title is the document's name alone (`행정복지위원회 회의록`), and the heading as a
    whole names the sitting, as the one-line form writes it."""
    k = next((i for i, ln in enumerate(lines[:60]) if title and title in clean(ln.body)), None)
    if k is None or title is None:
        return None
    line = clean(lines[k].body)
    if line != title:
        return line  # the one-line form: the session, the name and the sitting on one line
    before = clean(lines[k - 1].body) if k > 0 else ""
    after = clean(lines[k + 1].body) if k + 1 < len(lines) else ""
    parts = [before] if _SESSION.match(compact(before)) else []  # compact: OCR spacing (`가온구의 회`)
    parts.append(title)
    if _SITTING.match(after):
        parts.append(after)
    return " ".join(parts) if len(parts) > 1 else None


_COPY = 0.88  # share of characters a body copy of the title agrees in


def _body_copy(title: str, line: Line, after: list[Line]) -> tuple[str, Line]:
    """A report with a cover page repeats its title at the head of the first body page; where the two
    differ (an edit made on one only, or OCR of the cover's large display type: `3자 … 주진` for `3차 …
    추진`) the body's copy is the one to keep. A copy is a line, or two lines of a wrapped title, that
    agrees with the cover's title in at least 88% of its characters (one or two letters in a line)."""
    target = compact(title)
    for k, ln in enumerate(after):
        for text in (ln.body, ln.body + " " + after[k + 1].body if k + 1 < len(after) else ""):
            candidate = compact(text)
            if candidate == target:
                return title, line
            if candidate and _similar(candidate, target) >= _COPY:
                return clean(text), ln
    return title, line


def _similar(a: str, b: str) -> float:
    if 2 * min(len(a), len(b)) < _COPY * (len(a) + len(b)):  # the ratio cannot reach _COPY
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= _COPY else 0.0
