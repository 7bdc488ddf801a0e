"""Lines of a report: outline marker, indentation, `label : value` split, and evidence offsets.

Every downstream extractor works on `Line` objects; offsets are into the document's normalised text
(blocks joined by newlines), which is also the text of the spaCy `Doc`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from .. import values
from ..document import Block
from ..markers import split_marker
from ..schema import Evidence

_LABEL_RX = re.compile(r"^(?P<label>[^:\t]{1,24}?)\s*(?::|\t+)\s*(?P<value>.*)$")
_SEMICOLON_LABEL = re.compile(r"^(?P<label>[가-힣 ]{2,8}?)\s*;\s*(?P<value>\S.*)$")  # OCR reads `:` as `;`
_COUNTED_LABEL = re.compile(r"^(?P<label>[가-힣 ]{2,12}?)\s*\(\s*(?P<value>\d+\s*(?:인|명))\s*\)$")
_SPACED_LABEL = re.compile(r"^(?P<label>[가-힣](?: ?[가-힣]){1,5})\s{2,}(?P<value>\S.*)$")
# A letter-spaced label and its value a space apart, with no colon (`일 시 2013년 11월 22일`, `장  소 본회의장`,
# as minutes print their header): the label must be one of labels.tsv, so that a sentence is never split.
_LETTER_SPACED = re.compile(r"^(?P<label>[가-힣](?: {1,3}[가-힣]){1,4}) +(?P<value>\S.*)$")
# OCR of `일시 : 2016. 5. 25(수)` may misread a letter of the label and read the colon as a dot or comma.
_OCR_DATE_LABEL = re.compile(r"^(?P<label>[가-힣](?: ?[가-힣]){1,3})\s*[.,;:]?\s+(?P<value>\d.*)$")
_BRACKET_LABEL = re.compile(r"^\[\s*(?P<label>[^\]]{1,20})\s*\]\s*(?P<value>.*)$")


@dataclass(eq=False)
class Line:
    index: int  # block index in the document
    page: int
    start: int  # offset of the block in the document text
    raw: str
    indent: int
    marker: str | None
    mclass: str | None
    body: str  # text after the marker, stripped
    body_start: int  # offset of `body` in the document text
    heading: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    path: str | None = None
    label: str | None = None  # text before ':' (letter-spacing kept), if the line is `label : value`
    value: str | None = None
    value_start: int = 0  # offset of `value` in the document text
    field: str | None = None  # the label's meaning from models/lexicons/labels.tsv
    parent: Line | None = None
    children: list[Line] = dc_field(default_factory=list)
    depth: int = 0
    opens: bool = False  # a bare section title (`결정사항`, `향후 계획`): what follows it is its section
    cues: set[str] = dc_field(default_factory=set)  # cue labels (models/patterns) found on the line
    cue_ends: dict[str, int] = dc_field(default_factory=dict)  # label -> last end offset on the line

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def key(self) -> tuple[str, int] | None:
        return (self.mclass, self.indent) if self.mclass else None

    def ancestors(self) -> list[Line]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def descendants(self) -> list[Line]:
        out: list[Line] = []
        todo = list(reversed(self.children))
        while todo:
            node = todo.pop()
            out.append(node)
            todo.extend(reversed(node.children))
        return out

    def evidence(self, start: int | None = None, end: int | None = None, rule: str | None = None) -> Evidence:
        """Evidence for the doc-level span [start, end) (default: the line's body), read by `rule`."""
        a = self.body_start if start is None else start
        b = self.body_start + len(self.body) if end is None else end
        return Evidence(
            page=self.page,
            block=self.index,
            char_start=a,
            char_end=b,
            bbox=list(self.bbox) if self.bbox else None,
            text=self.raw[a - self.start : b - self.start],
            path=self.path,
            rule=rule,
        )

    def span_of(self, text: str, rule: str | None = None) -> Evidence:
        """Evidence for `text` found inside the line (the whole body when it is not found verbatim)."""
        pos = self.raw.find(text) if text else -1
        if pos < 0:
            return self.evidence(rule=rule)
        return self.evidence(self.start + pos, self.start + pos + len(text), rule)

    def ends_with_cue(self, label: str) -> bool:
        """True when a cue span of `label` ends the line (closing punctuation aside)."""
        end = self.cue_ends.get(label)
        if end is None:
            return False
        return not re.sub(r"[\s.,。·)\]」』]", "", self.raw[end - self.start :])


# Header-table labels are a closed set: OCR of a ruled header table may leave a single space between the
# label and its value (`문 서 번호 청년정책담당관-6545`), which for other labels would be too loose.
_HEADER_FIELDS = {"doc_number", "approval_date", "disclosure", "policy_number"}


def _header_label(body: str, models: Any) -> tuple[str, str, int] | None:
    """`문 서 번호 총무과-1092` -> ('문 서 번호', '총무과-1092', 7): the shortest run of leading words that is
    a header label, followed by a value."""
    words = body.split(" ")
    for k in range(1, min(5, len(words))):
        label = " ".join(words[:k])
        if len(label.replace(" ", "")) > 6:
            return None
        if models.label_field(label) in _HEADER_FIELDS:
            value = " ".join(words[k:]).strip()
            return (label, value, len(label) + 1) if value else None
    return None


def split_label(body: str) -> tuple[str, str, int] | None:
    """`일 시 : 2016. 4. 27` -> ('일 시', '2016. 4. 27', offset of the value in `body`)."""
    m = _BRACKET_LABEL.match(body) or _LABEL_RX.match(body)
    if not m:
        return None
    label = m.group("label").strip()
    if not label or re.search(r"\d{1,2}\s*$", label) or len(label.replace(" ", "")) > 20:
        return None  # `14:00` is a time, not a label
    return (
        label,
        m.group("value").strip(),
        m.start("value") + (len(m.group("value")) - len(m.group("value").lstrip())),
    )


_DATE_FIELDS = {"meeting_datetime", "meeting_date", "approval_date"}


def _date_label(body: str, models: Any, misread: bool = False) -> tuple[str, str, int, str] | None:
    """`일시 2019년 12월 16일(월) 10시`, `결재일자 2026. 6. 24.`: a date label and a date with no colon between
    (minutes' headers, plain-text exports of header tables) -> (label, value, offset of the value, field).
    With `misread` (OCR lines), also `일세. 2016. 5. 25(수)`: a 일시 label with one letter misread and its
    colon read as a dot. The value must open with a date, so that `일시 변경 예정` stays a sentence."""
    m = _OCR_DATE_LABEL.match(body)
    if m is None:
        return None
    field = models.label_field(m.group("label"))
    if field not in _DATE_FIELDS:
        if not (misread and models.misread_label(m.group("label"), "meeting_datetime")):
            return None
        field = "meeting_datetime"
    dates = values.find_dates(m.group("value"))
    if not dates or dates[0].start != 0:
        return None
    return m.group("label"), m.group("value"), m.start("value"), field


def _letter_spaced_label(body: str, models: Any) -> tuple[str, str, int] | None:
    """`일 시 2013년 11월 22일 (금)` -> (`일 시`, `2013년 …`, offset of the value): the longest letter-spaced
    run at the start of the line that is a known label."""
    m = _LETTER_SPACED.match(body)
    if m is None:
        return None
    letters = list(re.finditer(r"[가-힣]", m.group("label")))
    for n in range(len(letters), 1, -1):
        label = body[: letters[n - 1].end()]
        if models.label_field(label):
            value = body[len(label) :].strip()
            if not value:
                return None
            whole = re.sub(r"\s+", "", label) + value.split()[0]
            if models.label_field(whole) or section_title(whole, models):
                return None  # `협 조 사항`: one spaced title (협조사항), not the label 협조 and a value
            return label, value, body.index(value, len(label))
    return None


_TITLE_AFFIXES = re.compile(r"^(?:주요|기타|향후)(?=..)|(?<=..)(?:사항|내용)$|[:：]$")


def section_title(body: str, models: Any) -> bool:
    """A bare line that only names a section (`결정사항`, `향후 계획`, `주요 논의사항 :`): a section cue of
    models/lexicons/sections.tsv, whole, give or take `주요`/`기타`/`향후` before it and `사항`/`내용` after."""
    if "\t" in body:
        return False
    title = re.sub(r"\s+", "", body)
    if not 2 <= len(title) <= 12:
        return False
    bare = _TITLE_AFFIXES.sub("", title.rstrip(":："))
    return any(rx.fullmatch(t) for t in {title.rstrip(":："), bare} for rx in models.section_roles.values())


def make_lines(blocks: list[Block], models: Any) -> tuple[str, list[Line]]:
    """Document text (blocks joined by '\\n') and one Line per non-empty block."""
    parts: list[str] = []
    lines: list[Line] = []
    offset = 0
    for i, b in enumerate(blocks):
        raw = b.text
        stripped = raw.lstrip()
        indent = len(raw) - len(stripped)
        indent += raw[:indent].count("\t") * 3
        if stripped:
            marker, mclass, body = split_marker(stripped)
            body_pos = raw.find(body) if body else len(raw)
            line = Line(
                index=i, page=b.page, start=offset, raw=raw, indent=indent, marker=marker, mclass=mclass,
                body=body, body_start=offset + max(body_pos, 0), heading=b.heading, bbox=b.bbox, path=b.path,
            )  # fmt: skip
            lab = split_label(body)
            if lab:
                label, value, vpos = lab
                line.label, line.value = label, value
                line.value_start = line.body_start + vpos
                line.field = models.label_field(re.sub(r"\s*\(\s*\d+\s*(?:인|명)\s*\)$", "", label))
            elif len(body) <= 20 and models.label_field(body):
                line.label, line.value, line.value_start = body, "", line.body_start + len(body)
                line.field = models.label_field(body)
            else:
                m = _COUNTED_LABEL.match(body) or _SPACED_LABEL.match(body) or _SEMICOLON_LABEL.match(body)
                if m and models.label_field(m.group("label")):
                    line.label, line.value = m.group("label"), m.group("value")
                    line.value_start = line.body_start + m.start("value")
                    line.field = models.label_field(m.group("label"))
                elif (dated := _date_label(body, models)) is not None:
                    line.label, line.value, vpos, line.field = dated
                    line.value_start = line.body_start + vpos
                elif (spaced := _letter_spaced_label(body, models)) is not None:
                    line.label, line.value, vpos = spaced
                    line.value_start = line.body_start + vpos
                    line.field = models.label_field(line.label)
                elif (head := _header_label(body, models)) is not None:
                    line.label, line.value, vpos = head
                    line.value_start = line.body_start + vpos
                    line.field = models.label_field(line.label)
                elif b.origin == "ocr" and (dated := _date_label(body, models, misread=True)) is not None:
                    line.label, line.value, vpos, line.field = dated
                    line.value_start = line.body_start + vpos
            line.opens = marker is None and b.heading is None and not line.value and section_title(body, models)
            lines.append(line)
        parts.append(raw)
        offset += len(raw) + 1
    return "\n".join(parts), lines


def attach_cues(lines: list[Line], doc: Any) -> None:
    """Record on each line the cue labels (doc.spans['cues']) that fall inside it."""
    import bisect

    starts = [ln.start for ln in lines]
    for span in doc.spans.get("cues", []):
        i = bisect.bisect_right(starts, span.start_char) - 1
        if i < 0 or span.end_char > lines[i].end:
            continue
        ln = lines[i]
        ln.cues.add(span.label_)
        ln.cue_ends[span.label_] = max(ln.cue_ends.get(span.label_, 0), span.end_char)
