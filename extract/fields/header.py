"""Header fields of an approval document: 문서번호, 결재일자, 공개여부, 결재라인, 제목, 붙임, 발신명의."""

from __future__ import annotations

import re
from itertools import pairwise

from .. import values
from ..analyse.lines import Line
from ..resources import Models
from ..schema import DocumentInfo
from . import title
from .approval import SPACED_ISSUER, approval_line
from .common import clean, compact, is_org, label_value

_DOC_NUMBER = re.compile(r"^(?P<dept>[가-힣A-Za-z()·ㆍ ]{2,30}?)\s*-\s*(?P<serial>\d{1,7})$")
_NUMBER_DATE = re.compile(r"^(?P<num>\S.*?)\s*\((?P<date>[^()]*\d{4}[^()]*)\)\s*$")
_ENFORCE = re.compile(
    r"^시\s*행\s+(?P<num>[가-힣A-Za-z0-9()·ㆍ ]+?-\s*(?=[\d/|lIoO]*\d[\d/|lIoO]*\d)[\d/|lIoO]+)"
    r"\s*(?:\((?P<date>[^)]*)\))?"
)
# In the serial of a document number only digits belong; OCR reads 7 as `/`, 1 as `l` `I` `|`, 0 as `o` `O`.
_SERIAL_DIGITS = str.maketrans({"/": "7", "|": "1", "l": "1", "I": "1", "o": "0", "O": "0"})
# The 시행 date is always year, month, day; OCR drops or smudges its dots (`2026 6. 23_`).
_LOOSE_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[\s.,_]{1,3}(\d{1,2})[\s.,_]{1,3}(\d{1,2})(?!\d)")
_DISCLOSURE = re.compile(r"(대시민공개|부분공개\s*\(\s*[\d,\s]+\)|비공개\s*\(\s*[\d,\s]+\)|부분공개|비공개|공개)")
_ATTACH_START = re.compile(r"^(?:붙\s*임|첨\s*부)(?=[\s:：\d]|$)\s*[:：]?\s*(?P<rest>.*)$")
_NUMBERED_ITEM = re.compile(r"^\d{1,2}\.\s")
_ATTACH_SPLIT = re.compile(r"(?:^|\s)\d{1,2}\.\s*")
_END = re.compile(r"\s*끝\s*\.?\s*$")
_DEPT_LABEL = re.compile(r"(?:주관|담당|신청|소관|작성|주무)\s*부\s*서\s*[】\]:：]?")


def _cell_value(line: Line, lines: list[Line]) -> str:
    """A header table's value cell: up to the next column gap. On a page laid out from positions the
    approval table beside the header table shares its rows (`문서번호<TAB>…-6545<TAB>주무관<TAB>…`)."""
    return label_value(line, lines).strip().split("\t")[0]


def _enforce_date(text: str) -> str | None:
    found = values.parse_date(text)
    if found is None and (m := _LOOSE_YMD.search(text)):
        found = values.parse_date(f"{m.group(1)}. {m.group(2)}. {m.group(3)}.")
    return found


_DISCLOSURE_WORDS = ("대시민공개", "부분공개", "비공개")


def _near_disclosure(value: str) -> str | None:
    """공개여부 takes one of a few values; OCR may garble one letter of it (`대시민공?` for 대시민공개). The
    grounds in brackets are kept as read."""
    text = compact(value)
    for word in _DISCLOSURE_WORDS:
        head = text[: len(word)]
        if len(head) == len(word) and sum(a != b for a, b in zip(head, word, strict=True)) == 1:
            rest = re.match(r"\(\s*[\d,]+\)", text[len(word) :])
            return word + (rest.group(0) if rest else "")
    return None


def _doc_number(text: str) -> str:
    """`청년정책담 당 관-6545` -> `청년정책담당관-6545`: the department part of a document number is written
    without spaces (처리과명-일련번호); spaces inside it come from letter spacing or OCR."""
    m = _DOC_NUMBER.match(text)
    return f"{compact(m.group('dept'))}-{m.group('serial')}" if m else text


def _attachments(lines: list[Line]) -> tuple[list[str], Line | None]:
    """붙임 items: `붙임 : 회의자료 1부. 끝.` or `붙 임 1. … 1부.` followed by `2. … 1부.  끝.` lines."""
    for idx, ln in enumerate(lines):
        m = _ATTACH_START.match(ln.raw.strip())
        if not m or (ln.label or "").strip().startswith("["):
            continue
        text = m.group("rest")
        ln.field = "attachments"
        if not _END.search(text):
            for nxt in lines[idx + 1 : idx + 20]:
                body = nxt.raw.strip()
                if not _NUMBERED_ITEM.match(body) and (nxt.field not in (None, "attachments") or "\t" in body):
                    break
                if not _NUMBERED_ITEM.match(body) and not text.strip():
                    pass  # `붙임` alone on its line: the item follows
                elif not _NUMBERED_ITEM.match(body):
                    break
                text += " " + body
                nxt.field = "attachments"  # a continuation of the list, not an item of the section above
                if _END.search(body):
                    break
        text = _END.sub("", text).strip()
        if not text:
            continue
        return [clean(p) for p in _ATTACH_SPLIT.split(text) if clean(p)], ln
    return [], None


def _department(lines: list[Line], models: Models) -> tuple[str, Line] | None:
    """`【주관부서】디지털전환추진단 …`, `신청부서<TAB>새만금개발청 산업단지조성과`, and a name split over
    two table rows (`담당 부서<TAB>대외경제국` over `<TAB>국제경제과`)."""
    for k, ln in enumerate(lines):
        m = _DEPT_LABEL.search(ln.body)
        if not m:
            continue
        cell = ln.body[m.end() :].strip(" :：】]\t").split("\t")[0]  # the value cell only
        words = cell.split()
        if k + 1 < len(lines) and lines[k + 1].raw.startswith("\t"):  # the cell below continues it
            words += lines[k + 1].raw.strip().split("\t")[0].split()[:1]
        taken: list[str] = []
        for w in words:
            if not is_org(w, models):
                if taken:
                    break
                continue
            taken.append(w)
        if taken:
            return " ".join(taken), ln
    return None


_ISSUER_AFTER_END = re.compile(r"^[가-힣]{2,20}장$")


def _issuer(lines: list[Line]) -> str | None:
    """발신명의: the letter-spaced `서 울 특 별 시 마 포 구 청 장`, or the head of the body on the line right
    after the body's closing `끝.` (`가온구청장`)."""
    for ln in reversed(lines):
        body = ln.body.strip()
        if SPACED_ISSUER.match(body) and compact(body).endswith("장"):
            return compact(body)
    for ln, after in pairwise(lines):
        if _END.search(ln.body) and _ISSUER_AFTER_END.match(after.body.strip()):
            return after.body.strip()
    return None


REPORT_DATE_LINES = 6  # the title block: title, sub-title, department and date lines


CLOSING_DATE_LINES = 4  # a date on a line of its own among the last lines dates the report


def _report_date(lines: list[Line], title_line: Line | None, models: Models) -> tuple[str, Line] | None:
    """A report with neither 결재일자 nor 시행 line dates itself on a line near the top, over or under the
    title, that ends with the date (`2016. 4. 28.`, `【주관부서】기획팀 홍길동 주무관 / ’25년 5월 8일`), or on
    a line of its own among its last lines (the date over the sender, right-aligned)."""
    for ln in lines[:REPORT_DATE_LINES]:
        if ln is title_line or ln.field is not None or (ln.marker is not None and ln.mclass != "label"):
            continue
        dates = values.find_dates(ln.body)
        if dates and not re.sub(r"[\s.,)\]】]", "", ln.body[dates[-1].end :]):
            return dates[-1].iso, ln
    body_seen = False  # a closing line comes after the body (after a line with an outline marker)
    for k, ln in enumerate(lines):
        body_seen = body_seen or ln.marker is not None
        if k < len(lines) - CLOSING_DATE_LINES or not body_seen:
            continue  # or at its end, on a line of its own over the sender
        dates = values.find_dates(ln.body) if ln.marker is None and ln.field is None else []
        rest = ln.body[: dates[0].start] + ln.body[dates[0].end :] if len(dates) == 1 else "-"
        if not re.sub(r"[\s.,()]", "", rest) or (rest.startswith(" ") and is_org(rest.strip(), models)):
            return dates[0].iso, ln  # `2026. 3. 6.`, or PDF text that runs the sender into it: `… 경제정책과`
    return None


def extract(lines: list[Line], models: Models) -> DocumentInfo:
    info = DocumentInfo()
    seen: dict[str, Line] = {}
    for ln in lines:
        if ln.field == "doc_number" and info.doc_number is None:
            info.doc_number = _doc_number(clean(_cell_value(ln, lines))) or None
            seen["doc_number"] = ln
        elif ln.field == "approval_date" and info.approval_date is None:
            info.approval_date = values.parse_date(_cell_value(ln, lines))
            seen["approval_date"] = ln
        elif ln.field == "disclosure" and info.disclosure is None:
            value = _cell_value(ln, lines)
            m = _DISCLOSURE.search(value)
            read = re.sub(r"\s+", "", m.group(1)) if m else None
            if read is None or not compact(value).startswith(read):  # `부문공개` holds `공개`, but means 부분공개
                read = _near_disclosure(value) or read
            info.disclosure = read
            seen["disclosure"] = ln
        m = _ENFORCE.match(ln.body)
        if m and info.doc_number is None:
            dept, serial = m.group("num").rsplit("-", 1)
            info.doc_number = f"{compact(dept)}-{compact(serial).translate(_SERIAL_DIGITS)}"
            seen["doc_number"] = ln
            if info.approval_date is None:
                info.approval_date = _enforce_date(m.group("date") or "")
                seen["approval_date"] = ln
    if info.disclosure is None:
        for ln in reversed(lines[-8:]):
            if "/" in ln.body:
                m = _DISCLOSURE.search(ln.body.rsplit("/", 1)[1])
                if m:
                    info.disclosure = re.sub(r"\s+", "", m.group(1))
                    seen["disclosure"] = ln
                    break
    if info.doc_number:
        m = _NUMBER_DATE.match(info.doc_number)
        if m:  # `조심2011부1296 (2011.12.21)`: the number, and the date it was issued
            info.doc_number = m.group("num")
            if info.approval_date is None:
                info.approval_date = values.parse_date(m.group("date"))
                seen["approval_date"] = seen["doc_number"]
        m = _DOC_NUMBER.match(info.doc_number)
        info.department = m.group("dept").strip() if m else None
        if info.department:
            seen["department"] = seen["doc_number"]
    if info.department is None:
        found = _department(lines, models)
        if found is not None:
            info.department, seen["department"] = found
    info.title, title_line = title.find(lines)
    if title_line is not None:
        seen["title"] = title_line
    if info.approval_date is None:
        dated = _report_date(lines, title_line, models)
        if dated is not None:
            info.approval_date, seen["approval_date"] = dated
    year = int(info.approval_date[:4]) if info.approval_date else None
    head = lines[: lines.index(title_line)] if title_line is not None else lines[:40]
    info.approval_line = approval_line(head, models, year) or approval_line(lines[-30:], models, year)
    info.attachments, attach_line = _attachments(lines)
    if attach_line is not None:
        seen["attachments"] = attach_line
    info.issuer = _issuer(lines)
    info.evidence = {name: ln.evidence() for name, ln in sorted(seen.items()) if getattr(info, name)}
    return info


def as_minutes(info: DocumentInfo) -> DocumentInfo:
    """Minutes are a record, not an approval document: unless they were filed as one (a 문서번호), the date
    found in their header (`제154회 제1차 본회의(2006.07.05 수요일)`) is the sitting's, not a 결재일자. Their
    title is the document's name, without the session and sitting around it (title.minutes_title)."""
    update: dict[str, object] = {"title": title.minutes_title(info.title)}
    if info.doc_number is None and info.approval_date is not None:
        update["approval_date"] = None
        update["evidence"] = {k: v for k, v in info.evidence.items() if k != "approval_date"}
    return info.model_copy(update=update)
