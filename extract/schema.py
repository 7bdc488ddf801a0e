"""The output contract: one `Report` per input document (pydantic only, cheap to import).

Field descriptions flow into the published JSON Schema (`gongmun schema`, samples/report.schema.json).
Unknown values are `null`, never an empty guess.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1"] = "1"

Kind = Literal["meeting_result", "minutes", "meeting_plan", "other"]
Method = Literal["text", "ocr", "native", "failed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where in the input an item was read."""

    page: int = Field(description="1-based page number (always 1 for text inputs)")
    block: int = Field(description="0-based index of the block (a line for text inputs) in the document")
    char_start: int = Field(description="start offset in the document's normalised text (NFC, one block per line)")
    char_end: int = Field(description="end offset (exclusive) in the document's normalised text")
    bbox: list[float] | None = Field(
        default=None,
        description="[x0, y0, x1, y1] on the page: PDF points for PDFs, pixels for images; null for text",
    )
    text: str = Field(description="the source text of the item as read")
    path: str | None = Field(
        default=None,
        description="for HWP/HWPX: section, paragraph and table cell of the block, e.g. s0/p12/tbl0/r1c2/p0",
    )
    rule: str | None = Field(
        default=None,
        description="the rule that produced the item (an id of models/rules.tsv, e.g. decision/outcome-cue); "
        "null on evidence of header fields and sections",
    )


class PageInfo(_Model):
    number: int = Field(description="1-based page number")
    method: Method = Field(
        description="how the page text was obtained: text layer, OCR, or a native reader; failed when the page "
        "could not be read (its reason says why; the other pages are still read)"
    )
    reason: str | None = Field(default=None, description="why this method was chosen for the page")
    ocr_confidence: float | None = Field(default=None, description="mean OCR word confidence 0..100, if OCR")
    text: str = Field(
        default="",
        description="the page's text as read (text layer, OCR or native), normalised (NFC), one block a line; "
        "evidence offsets count in the pages' texts joined by newlines (pages without text left out)",
    )


class SourceInfo(_Model):
    path: str = Field(description="the input path as given ('-' for standard input)")
    sha256: str = Field(description="SHA-256 of the input bytes")
    format: str = Field(description="detected format: txt, md, pdf, png, jpeg, tiff, hwpx, hwp")
    encoding: str | None = Field(default=None, description="detected text encoding (text inputs)")
    size: int = Field(description="input size in bytes")
    pages: list[PageInfo]


class ApprovalStep(_Model):
    position: str | None = Field(description="직위 in the 결재 line, e.g. 주무관, 과장")
    name: str | None = Field(description="signer's name; null when withheld or absent")
    date: str | None = Field(default=None, description="sign date YYYY-MM-DD from an MM/DD stamp, if any")
    proxy: bool = Field(default=False, description="signed on behalf (代 / 대결)")
    evidence: Evidence | None = None


class DocumentInfo(_Model):
    title: str | None = Field(default=None, description="제목")
    doc_number: str | None = Field(default=None, description="문서번호, e.g. 마을사회적경제과-2117")
    department: str | None = Field(default=None, description="부서 (the part of the document number before '-')")
    issuer: str | None = Field(default=None, description="발신명의 (sender), e.g. 마포소방서장")
    approval_date: str | None = Field(default=None, description="결재일자 / 시행일 as YYYY-MM-DD")
    disclosure: str | None = Field(default=None, description="공개여부, e.g. 대시민공개, 부분공개(6)")
    approval_line: list[ApprovalStep] = Field(default_factory=list, description="결재라인 in signing order")
    attachments: list[str] = Field(default_factory=list, description="붙임 items")
    evidence: dict[str, Evidence] = Field(
        default_factory=dict, description="where each header field was read: title, doc_number, approval_date, ..."
    )


class AttendeeGroup(_Model):
    name: str | None = Field(description="group label, e.g. 상설협의체")
    count: int | None = Field(description="head count stated for the group (`8명`), null if not stated")
    evidence: Evidence | None = None


class Person(_Model):
    name: str | None = Field(description="personal name; null when the person is known only by position")
    title: str | None = Field(default=None, description="직위/직책, e.g. 위원장")
    organization: str | None = Field(default=None, description="소속")
    group: str | None = Field(default=None, description="the attendee group the person was listed under")
    evidence: Evidence | None = None


class Meeting(_Model):
    name: str | None = Field(default=None, description="회의명")
    date: str | None = Field(default=None, description="YYYY-MM-DD")
    start_time: str | None = Field(default=None, description="HH:MM")
    end_time: str | None = Field(default=None, description="HH:MM")
    location: str | None = Field(default=None, description="장소")
    attendee_groups: list[AttendeeGroup] = Field(default_factory=list)
    attendees: list[Person] = Field(default_factory=list, description="one entry per identifiable person")
    absentees: list[Person] = Field(default_factory=list)
    evidence: Evidence | None = None


class AgendaItem(_Model):
    text: str
    evidence: Evidence | None = None


class Decision(_Model):
    text: str = Field(description="the outcome as written")
    topic: str | None = Field(default=None, description="the proposal or item the outcome answers")
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence | None = None


class StancePosition(_Model):
    party: str = Field(description="who holds the position, e.g. 구, 센터, 청구인")
    stance: str | None = Field(
        default=None,
        description="the position as the report states it; null where the report names the parties "
        "of a disagreement without their positions (`구와 센터 간 이견이 있었음`)",
    )
    evidence: Evidence | None = None


class Disagreement(_Model):
    topic: str | None
    positions: list[StancePosition]
    resolution: str | None = None
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence | None = None


class FollowUp(_Model):
    text: str
    date: str | None = Field(default=None, description="YYYY-MM-DD")
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    evidence: Evidence | None = None


class Section(_Model):
    marker: str | None = Field(description="the outline marker as written (□, ○, 1., 가., ...), null for plain text")
    level: int = Field(description="depth in the outline, 1 for top-level items")
    title: str = Field(description="the line's text without its marker")
    children: list[Section] = Field(default_factory=list)
    evidence: Evidence | None = None


class Report(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    kind: Kind
    source: SourceInfo
    document: DocumentInfo
    meeting: Meeting | None = Field(description="null when the document reports no meeting")
    agenda: list[AgendaItem] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    follow_ups: list[FollowUp] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict[str, object]:
    schema: dict[str, object] = dict(Report.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"gongmun Report (schema_version {SCHEMA_VERSION})"
    return schema
