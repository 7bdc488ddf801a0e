"""Header fields of an approval document: 문서번호, 결재일자, 공개여부, 결재라인, 제목, 붙임, 발신명의."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .. import values
from ..lines import Line
from ..resources import Models
from ..schema import ApprovalStep, DocumentInfo
from . import title
from .common import clean, compact, is_name, is_org, is_redacted, is_title, label_value

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
_SPACED_SYLLABLES = re.compile(r"[가-힣](?: ?[가-힣]){1,3}")
_STAMP_RX = re.compile(r"\d{1,2}/\d{1,2}")
_MARK_RX = re.compile(r"代|대결|전결")
_STAMP_ONLY = re.compile(r"^(?:(?:전결|대결|代)\s*)?\d{1,2}/\d{1,2}$|^(?:전결|대결)$")
_ATTACH_START = re.compile(r"^(?:붙\s*임|첨\s*부)(?=[\s:：\d]|$)\s*[:：]?\s*(?P<rest>.*)$")
_NUMBERED_ITEM = re.compile(r"^\d{1,2}\.\s")
_ATTACH_SPLIT = re.compile(r"(?:^|\s)\d{1,2}\.\s*")
_END = re.compile(r"\s*끝\s*\.?\s*$")
_DEPT_LABEL = re.compile(r"(?:주관|담당|신청|소관|작성|주무)\s*부\s*서\s*[】\]:：]?")
_PEOPLE_HEAD = re.compile(r"성명|이름|성함")
_COOPERATION = re.compile(r"협조자?")
_SPACED_ISSUER = re.compile(r"^(?:[가-힣]\s+){2,}[가-힣]$")


@dataclass
class Cell:
    text: str
    line: Line


def _cells(lines: list[Line], models: Models) -> list[Cell]:
    out: list[Cell] = []
    in_people = False  # inside a table whose header row names a 성명 column
    for ln in lines:
        cells = [compact(c) for c in ln.raw.split("\t")]
        in_people = any(_PEOPLE_HEAD.fullmatch(c) for c in cells) or (in_people and len(cells) > 1)
        if in_people or any(a.field in {"attendees", "absentees"} for a in ln.ancestors()):
            continue  # an attendee table (`교수 | 남궁 윤`) pairs positions and names too, but nobody signed
        for part in ln.raw.split("\t"):
            out.extend(Cell(text, ln) for text in _split_cell(part.strip(), models))
    return out


def _split_cell(text: str, models: Models) -> list[str]:
    """A cell that holds a position among names and stamps (`황영대 소방행정과장 전결 06/23`: on a page laid
    out from positions, two cells of the 결재 row closer than a column gap) is split at the position."""
    words = text.split()
    if len(words) > 2 and _COOPERATION.fullmatch(words[-1]):
        words = words[:-1]  # `… 봉수민 협조자`: the label of the cooperation row, read into the 결재 row
    if len(words) < 2:
        return [text] if text else []
    words = _mend_words(words, models)
    titles = [is_title(w, models) and models.label_field(w) is None for w in words]
    others_fit = all(
        t or is_name(w, models) or _STAMP_RX.fullmatch(w) or _MARK_RX.fullmatch(w)
        for w, t in zip(words, titles, strict=True)
    )
    if not any(titles) or all(titles) or not others_fit:
        return [text]
    out: list[str] = []
    run: list[str] = []
    for w, t in zip(words, titles, strict=True):
        if t:
            out.extend([" ".join(run)] if run else [])
            out.append(w)
            run = []
        else:
            run.append(w)
    return out + ([" ".join(run)] if run else [])


def _mend_words(words: list[str], models: Models) -> list[str]:
    """OCR spacing in a 결재 row: a title run into the name after it (`주무관유다인`) is split, and a title cut
    before its last syllable (`자치행정과 장`) is joined again."""
    out: list[str] = []
    for w in words:
        if out and len(w) == 1 and not is_title(out[-1], models) and is_title(out[-1] + w, models):
            out[-1] += w
            continue
        head = None
        if (
            4 <= len(w) <= 12 and re.fullmatch(r"[가-힣]+", w) and not is_name(w, models)
        ):  # a title + a 2-4 syllable name
            head = next((t for t in models.titles if w.startswith(t) and is_name(w[len(t) :], models)), None)
        out.extend([head, w[len(head) :]] if head is not None else [w])
    return out


def _is_position(cell: Cell, models: Models) -> bool:
    text = cell.text
    if cell.line.field is not None or "  " in text or _SPACED_ISSUER.match(text):
        return False
    t = compact(text)
    return 2 <= len(t) <= 20 and is_title(t, models) and models.label_field(text) is None


def approval_line(lines: list[Line], models: Models, year: int | None) -> list[ApprovalStep]:
    """Pair position cells with the name cells that follow them.

    Handles both layouts of the 결재 table once flattened: a row of positions over a row of names
    (`주무관 팀장 과장` / `김 이 06/24 박`) and position/name cells interleaved (`소방위 최은영 구급팀장 남창수`).
    `MM/DD` stamps date the next name, `代` marks a proxy signature, redacted names stay unknown.
    """
    best: list[ApprovalStep] = []
    steps: list[ApprovalStep] = []
    positions: list[Cell] = []
    pending_date: str | None = None
    proxy_pending = False
    idle = 0
    previous: Cell | None = None

    def take(name_cell: Cell) -> str:
        """The position a name belongs to: the cell right before it when position/name cells are
        interleaved on one line (earlier unmatched positions there were a sender line, not approvers),
        else the oldest open position (a row of positions over a row of names)."""
        last = positions[-1]
        interleaved = previous is last and name_cell.line is last.line
        if interleaved and len(positions) > 1 and positions[0].line is not last.line:
            positions.clear()
            return last.text
        return positions.pop(0).text

    for cell in _cells(lines, models):
        text = cell.text
        if _is_position(cell, models):
            if (
                positions
                and positions[-1].line is not cell.line
                and _n_cells(positions[-1].line) == 1 < _n_cells(cell.line)
            ):
                positions.clear()  # a lone line before the table (the sender, the recipients) is not a signer
            positions.append(Cell(compact(text), cell.line))
            previous = positions[-1]  # `take` tests for this very cell
            idle = 0
            continue
        if not positions:
            idle += 1
        elif _STAMP_ONLY.match(text):
            pending_date = _stamp_date(text, year)
            continue
        elif compact(text) in {"代", "대결"}:
            proxy_pending = True
            continue
        elif is_redacted(text) and len(text) <= 12:
            steps.append(
                ApprovalStep(position=take(cell), name=None, date=pending_date, evidence=cell.line.span_of(text))
            )
            pending_date, proxy_pending, idle = None, False, 0
            continue
        else:
            found = _name_cell(text, models)
            if found is not None:
                name, stamp, mark = found
                date = _stamp_date(stamp, year) if stamp else pending_date
                proxy = proxy_pending or mark in {"代", "대결"}
                steps.append(
                    ApprovalStep(
                        position=take(cell), name=name, date=date, proxy=proxy, evidence=cell.line.span_of(text)
                    )
                )
                pending_date, proxy_pending, idle = None, False, 0
                continue
            idle += 1
        previous = cell
        if idle > 6 or len(text) > 40:  # the table has ended
            if _score(steps) > _score(best):
                best = steps
            steps, positions, idle = [], [], 0
    if _score(steps) > _score(best):
        best = steps
    return best if len(best) >= 2 else []  # one signer alone is more often a contact line than a 결재 table


def _n_cells(line: Line) -> int:
    return sum(1 for part in line.raw.split("\t") if part.strip())


def _score(steps: list[ApprovalStep]) -> tuple[int, int]:
    """Signed steps count first: a table of redacted members is not a 결재 line."""
    return sum(1 for s in steps if s.name), len(steps)


def _name_cell(text: str, models: Models) -> tuple[str, str | None, str | None] | None:
    """`04/28 이준기`, `代 한상우`, `전결 07/01 배하린` -> (name, stamp, mark); None if no name."""
    stamp = _STAMP_RX.search(text)
    mark = _MARK_RX.search(text)
    rest = text
    for m in (stamp, mark):
        if m:
            rest = rest.replace(m.group(0), " ")
    rest = rest.strip()
    if _SPACED_SYLLABLES.fullmatch(rest):  # `차 은 비`: a letter-spaced (or OCR-spaced) name
        rest = compact(rest)
    if not is_name(rest, models):
        return None
    return rest, stamp.group(0) if stamp else None, mark.group(0) if mark else None


def _stamp_date(stamp: str | None, year: int | None) -> str | None:
    if not stamp or year is None:
        return None
    m = re.search(r"(\d{1,2})/(\d{1,2})", stamp)
    if not m:
        return None
    return values.parse_date(f"{year}.{m.group(1)}.{m.group(2)}.")


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
        if _SPACED_ISSUER.match(body) and compact(body).endswith("장"):
            return compact(body)
    for ln, after in pairwise(lines):
        if _END.search(ln.body) and _ISSUER_AFTER_END.match(after.body.strip()):
            return after.body.strip()
    return None


REPORT_DATE_LINES = 6  # the title block: title, sub-title, department and date lines


def _report_date(lines: list[Line], title_line: Line | None) -> tuple[str, Line] | None:
    """A report with neither 결재일자 nor 시행 line dates itself on a line near the top, over or under the
    title, that ends with the date: `2016. 4. 28.`, `【주관부서】기획팀 홍길동 주무관 / ’25년 5월 8일`."""
    for ln in lines[:REPORT_DATE_LINES]:
        if ln is title_line or ln.field is not None or (ln.marker is not None and ln.mclass != "label"):
            continue
        dates = values.find_dates(ln.body)
        if dates and not re.sub(r"[\s.,)\]】]", "", ln.body[dates[-1].end :]):
            return dates[-1].iso, ln
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
        dated = _report_date(lines, title_line)
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
