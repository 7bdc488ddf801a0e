"""The stage order, and nothing else: read -> normalise -> lines + spaCy Doc -> outline -> fields -> Report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from . import nlp, normalize, readers, resources, sections
from .document import RawDocument
from .errors import GongmunError
from .fields import agenda, decisions, disagreements, follow_ups, header, kind, meeting
from .lines import attach_cues, make_lines
from .schema import PageInfo, Report, SourceInfo


@dataclass(frozen=True)
class Options:
    models: str | None = None  # a models/ folder to use instead of the bundled one
    ocr: str = "auto"  # PDFs: auto (per page), never, always
    dpi: int = 300  # rendering resolution for OCR


@dataclass
class Result:
    """One input's outcome, for bulk runs that record failures and go on."""

    path: str
    status: Literal["ok", "partial", "failed"]
    report: Report | None = None
    error: str | None = None
    exit_code: int = 0
    warnings: list[str] = field(default_factory=list)


def run(raw: RawDocument, options: Options = Options()) -> Report:
    models = resources.models(options.models)
    if not raw.normalized:
        raw = normalize.normalize(raw)
    text, lines = make_lines(raw.blocks, models)
    doc = nlp.to_doc(text, models)
    attach_cues(lines, doc)
    roots = sections.build(lines)

    warnings = list(raw.warnings)
    info = header.extract(lines, models)
    doc_kind = kind.classify(info.title, lines, models)
    year = int(info.approval_date[:4]) if info.approval_date else None
    main = meeting.main_datetime_line(lines, models)
    the_meeting = None
    if doc_kind != "other":
        the_meeting = meeting.extract(lines, models, info.title, year, warnings)
        if the_meeting.date:
            year = int(the_meeting.date[:4])
    main_block = main.parent if main is not None else None
    found_disagreements, used = disagreements.extract(lines, models)
    return Report(
        kind=doc_kind,
        source=SourceInfo(
            path=raw.source.path,
            sha256=raw.source.sha256,
            format=raw.source.format,
            encoding=raw.source.encoding,
            size=raw.source.size,
            pages=[
                PageInfo(number=p.number, method=p.method, reason=p.reason, ocr_confidence=p.ocr_confidence)  # type: ignore[arg-type]
                for p in raw.pages
            ],
        ),
        document=info,
        meeting=the_meeting,
        agenda=agenda.extract(lines, models, main_block) if doc_kind != "other" else [],
        decisions=decisions.extract(lines, models, doc_kind, used),
        disagreements=found_disagreements,
        follow_ups=follow_ups.extract(lines, models, main_block, year),
        sections=sections.to_sections(roots),
        warnings=warnings,
    )


def review_html(path: str, options: Options = Options()) -> str:
    """The review page for one input (see review.py)."""
    from . import review

    data, shown = readers.load_bytes(path)
    raw = readers.read_bytes(data, shown, ocr_mode=options.ocr, dpi=options.dpi)
    raw = normalize.normalize(raw)  # once: the report and the page show the same text
    return review.render(run(raw, options), raw, data)


def extract_path(path: str, options: Options = Options(), stdin_data: bytes | None = None) -> Report:
    return run(readers.read(path, stdin_data, ocr_mode=options.ocr, dpi=options.dpi), options)


def extract_safe(path: str, options: Options = Options(), stdin_data: bytes | None = None) -> Result:
    """Like `extract_path`, but a GongmunError becomes a failed Result instead of an exception."""
    try:
        report = extract_path(path, options, stdin_data)
    except GongmunError as exc:
        return Result(path=path, status="failed", error=str(exc), exit_code=exc.exit_code)
    status: Literal["ok", "partial"] = "partial" if report.warnings else "ok"
    return Result(path=path, status=status, report=report, warnings=list(report.warnings))
