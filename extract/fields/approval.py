"""The approval line (결재란): position cells paired with the name cells that sign under them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import values
from ..analyse.lines import Line
from ..resources import Models
from ..schema import ApprovalStep
from .common import compact, is_name, is_redacted, is_title

_SPACED_SYLLABLES = re.compile(r"[가-힣](?: ?[가-힣]){1,3}")
_STAMP_RX = re.compile(r"\d{1,2}/\d{1,2}")
_MARK_RX = re.compile(r"代|대결|전결")
_STAMP_ONLY = re.compile(r"^(?:(?:전결|대결|代)\s*)?\d{1,2}/\d{1,2}$|^(?:전결|대결)$")
_COLUMNS = re.compile(r" {3,}")  # a plain-text 결재 table aligned with spaces (`담당      팀장      과장`)
_PEOPLE_HEAD = re.compile(r"성명|이름|성함")
_COOPERATION = re.compile(r"협조자?")
_HANGUL_RUN = re.compile(r"[가-힣]+")
SPACED_ISSUER = re.compile(r"^(?:[가-힣]\s+){2,}[가-힣]$")  # `가 온 구 청 장`: the issuer, letter-spaced


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
        raw = ln.raw.strip()
        for part in raw.split("\t") if "\t" in raw else _COLUMNS.split(raw):
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
    titles: list[bool] = []
    for w in words:
        t = is_title(w, models) and models.label_field(w) is None
        if not (t or is_name(w, models) or _STAMP_RX.fullmatch(w) or _MARK_RX.fullmatch(w)):
            return [text]  # a word that is no position, name or stamp: a sentence, not a 결재 row
        titles.append(t)
    if all(titles):  # `담당 팀장 과장`: a row of positions one space apart (PDF text)
        return words
    if not any(titles):  # `황보민 우지안 전결 3/12 남궁진`: a row of names, each with the stamps before it
        return _name_row(words, models) or [text]
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


def _name_row(words: list[str], models: Models) -> list[str] | None:
    """The cells of a row of two or more names with their stamps (`전결 3/12 남궁진`), else None."""
    cells: list[str] = []
    run: list[str] = []
    for w in words:
        if _STAMP_RX.fullmatch(w) or _MARK_RX.fullmatch(w):
            run.append(w)
        elif is_name(w, models):
            cells.append(" ".join([*run, w]))
            run = []
        else:
            return None
    return cells + ([" ".join(run)] if run else []) if len(cells) >= 2 else None


def _mend_words(words: list[str], models: Models) -> list[str]:
    """OCR spacing in a 결재 row: a title run into the name after it (`주무관유다인`) is split, and a title cut
    before its last syllable (`자치행정과 장`) is joined again."""
    out: list[str] = []
    for w in words:
        if out and len(w) == 1 and not is_title(out[-1], models) and is_title(out[-1] + w, models):
            out[-1] += w
            continue
        head = _title_head(w, models)
        out.extend([head, w[len(head) :]] if head is not None else [w])
    return out


def _title_head(w: str, models: Models) -> str | None:
    """The known title `w` opens when a 2-4 syllable name follows it (`주무관유다인` -> `주무관`), the longest."""
    memo = models.memo("title_head")
    if w in memo:
        return memo[w]  # type: ignore[no-any-return]
    head = None
    if 4 <= len(w) <= 12 and _HANGUL_RUN.fullmatch(w) and not is_name(w, models):
        head = next(
            (w[:-k] for k in (2, 3, 4) if w[:-k] in models.title_set and is_name(w[-k:], models)), None
        )  # a name has 2-4 syllables: the title is the rest, the longest that fits first
    models.remember("title_head", w, head)
    return head


def _is_position(cell: Cell, models: Models) -> bool:
    text = cell.text
    if cell.line.field is not None or "  " in text or SPACED_ISSUER.match(text):
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
                ApprovalStep(
                    position=take(cell), name=None, date=pending_date, evidence=cell.line.span_of(text, "approval/step")
                )
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
                        position=take(cell),
                        name=name,
                        date=date,
                        proxy=proxy,
                        evidence=cell.line.span_of(text, "approval/step"),
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
