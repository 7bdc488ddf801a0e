"""The stage order, and nothing else: read -> normalise -> lines + spaCy Doc -> outline -> fields -> Report.

`process` is the one entry every caller uses (the CLI, review pages, batch workers, eval): it reads an input,
runs the stages and decides there whether the result is ok, partial or failed.
"""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass, field
from typing import Literal

from . import readers, resources
from .analyse import flat_tables, nlp, normalize, sections
from .analyse.lines import attach_cues, make_lines
from .document import RawDocument
from .errors import ExitCode, GongmunError
from .fields import agenda, decisions, disagreements, follow_ups, header, kind, meeting, votes
from .options import DEFAULT, Options
from .schema import PageInfo, Report, SourceInfo

__all__ = ["Options", "Result", "extract_path", "extract_safe", "process", "review_html", "run"]
log = logging.getLogger("gongmun")


@dataclass
class Result:
    """One input's outcome, for bulk runs that record failures and go on."""

    path: str
    status: Literal["ok", "partial", "failed"]
    report: Report | None = None
    error: str | None = None
    exit_code: int = ExitCode.OK
    warnings: list[str] = field(default_factory=list)
    exception: Exception | None = field(default=None, repr=False)  # what failed, to raise it again
    trace: str | None = field(default=None, repr=False)  # the traceback of an internal error
    raw: RawDocument | None = field(default=None, repr=False)  # what was read, for review pages
    data: bytes | None = field(default=None, repr=False)  # the input bytes, for review pages


def process(
    path: str, options: Options = DEFAULT, *, data: bytes | None = None, stdin_data: bytes | None = None
) -> Result:
    """Read one input (from `path`, or from `data` shown as `path`) and extract its report. Never raises for
    the input's sake: a GongmunError becomes a failed Result with its exit code, any other exception a failed
    Result with exit code 1 and its traceback; a report with warnings is partial."""
    try:
        if data is None:
            data, shown = readers.load_bytes(path, stdin_data)
        else:
            shown = path
        t0 = time.perf_counter()
        read = readers.read_bytes(data, shown, ocr_mode=options.ocr, dpi=options.dpi)
        raw = prepare(read, resources.models(options.models))  # the blocks the report and a review page share
        t1 = time.perf_counter()
        if log.isEnabledFor(logging.DEBUG):
            methods = ",".join(sorted({p.method for p in raw.pages}))
            log.debug("%s: read as %s, %d pages (%s), %d blocks in %.0f ms", path, raw.source.format,
                      len(raw.pages), methods, len(raw.blocks), 1000 * (t1 - t0))  # fmt: skip
        report = run(raw, options)
        took = 1000 * (time.perf_counter() - t1)
        log.debug("%s: analysed and extracted in %.0f ms: %s, %d decisions, %d follow-ups", path, took,
                  report.kind, len(report.decisions), len(report.follow_ups))  # fmt: skip
    except GongmunError as exc:
        return Result(path=path, status="failed", error=str(exc), exit_code=exc.exit_code, exception=exc)
    except Exception as exc:  # a bug: recorded, and the other inputs go on
        return Result(
            path=path, status="failed", error=f"{path}: internal error: {type(exc).__name__}: {exc}",
            exit_code=ExitCode.INTERNAL, exception=exc, trace=traceback.format_exc(),
        )  # fmt: skip
    status: Literal["ok", "partial"] = "partial" if report.warnings else "ok"
    return Result(path=path, status=status, report=report, warnings=list(report.warnings), raw=raw, data=data)


def prepare(raw: RawDocument, models: resources.Models) -> RawDocument:
    """The blocks the analysis reads: normalised text, and tables flattened one cell a line joined into rows."""
    return flat_tables.join(normalize.normalize(raw), models)


def run(raw: RawDocument, options: Options = DEFAULT) -> Report:
    models = resources.models(options.models)
    if not raw.normalized:  # a document read by the caller itself
        raw = prepare(raw, models)
    text, lines = make_lines(raw.blocks, models)
    doc = nlp.to_doc(text, models)
    attach_cues(lines, doc)
    roots = sections.build(lines)
    log.debug("%s: %d lines, %d tokens, %d outline roots", raw.source.path, len(lines), len(doc), len(roots))

    warnings = list(raw.warnings)
    info = header.extract(lines, models)
    doc_kind = kind.classify(info.title, lines, models)
    if doc_kind == "minutes":
        info = header.as_minutes(info)
    year = int(info.approval_date[:4]) if info.approval_date else None
    main = meeting.main_datetime_line(lines, models)
    the_meeting = None
    if doc_kind != "other":
        the_meeting = meeting.extract(lines, models, info.title, year, warnings, doc_kind)
        if the_meeting.date:
            year = int(the_meeting.date[:4])
    main_block = main.parent if main is not None else None
    found_disagreements, used = disagreements.extract(lines, models, info.title)
    found_decisions = decisions.extract(lines, models, doc_kind, used)
    if doc_kind != "other":  # a decision taken by a divided vote is a disagreement too
        found_disagreements += votes.tallies(lines, found_decisions, models)
    return Report(
        kind=doc_kind,
        source=SourceInfo(
            path=raw.source.path,
            sha256=raw.source.sha256,
            format=raw.source.format,
            encoding=raw.source.encoding,
            size=raw.source.size,
            pages=[
                PageInfo(
                    number=p.number,
                    method=p.method,  # type: ignore[arg-type]
                    reason=p.reason,
                    ocr_confidence=p.ocr_confidence,
                    text="\n".join(b.text for b in p.blocks),
                )
                for p in raw.pages
            ],
        ),
        document=info,
        meeting=the_meeting,
        agenda=agenda.extract(lines, models, main_block) if doc_kind != "other" else [],
        decisions=found_decisions,
        disagreements=found_disagreements,
        follow_ups=follow_ups.extract(lines, models, main_block, year),
        sections=sections.to_sections(roots),
        warnings=warnings,
    )


def review_html(path: str, options: Options = DEFAULT) -> str:
    """The review page for one input (see review.py); raises the input's GongmunError."""
    from .out import review

    res = process(path, options)
    if res.report is None or res.raw is None or res.data is None:
        raise _raised(res)
    return review.render(res.report, res.raw, res.data)


def extract_path(path: str, options: Options = DEFAULT, stdin_data: bytes | None = None) -> Report:
    """The report of one input; raises the input's GongmunError (and re-raises a bug)."""
    res = process(path, options, stdin_data=stdin_data)
    if res.report is None:
        raise _raised(res)
    return res.report


def _raised(res: Result) -> Exception:
    return res.exception or GongmunError(res.error or "failed")


def extract_safe(path: str, options: Options = DEFAULT, stdin_data: bytes | None = None) -> Result:
    """`process` under the name earlier versions gave it."""
    return process(path, options, stdin_data=stdin_data)
