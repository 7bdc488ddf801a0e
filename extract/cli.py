"""The `gongmun` command: parse arguments, call the library, map errors to exit codes. No logic here.

stdout carries only JSON; every error is one line on stderr (`-v` adds the traceback).
Exit codes: `errors.ExitCode` (0 ok, 1 internal error, 2 usage, 3 input missing or a directory, 4 unsupported
format, 5 empty input, 6 undecodable text, 7 input too large, 8 invalid models/ folder, 9 below an eval floor,
10 corrupt, 11 encrypted, 12 OCR unavailable, 13 batch stopped by --fail-fast, 14 engine unavailable,
15 timed out).
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from .errors import ExitCode, GongmunError
from .options import OcrMode

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="gongmun: Korean administrative reports (회의 결과 보고, 회의록, 공문) -> structured JSON.",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gongmun {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn Korean administrative reports into JSON."""


def _fail(message: str, code: int, verbose: bool) -> None:
    if verbose:
        traceback.print_exc(file=sys.stderr)
    typer.echo(f"gongmun: error: {message}", err=True)


@app.command()
def extract(
    inputs: Annotated[
        list[str], typer.Argument(help="Reports (.txt .md .hwpx .hwp .pdf .png .jpg .tif); '-' reads stdin.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file, or into this folder (one <name>.json each)."),
    ] = None,
    models: Annotated[
        Path | None,
        typer.Option("--models", help="Use the rules in this models/ folder instead of the bundled ones."),
    ] = None,
    ocr: Annotated[
        OcrMode, typer.Option("--ocr", help="PDF pages: auto (OCR where the text layer is unusable), never, always.")
    ] = OcrMode.auto,
    dpi: Annotated[int, typer.Option("--dpi", help="Resolution for OCR rendering.", min=72, max=600)] = 300,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds per document before it is given up (exit 15); 0: no limit.")
    ] = 300.0,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Show what each stage did, and tracebacks for errors.")
    ] = False,
) -> None:
    """Extract one JSON document per input (JSON Lines when several inputs go to one stream)."""
    from .bulk.workers import process_within
    from .out import writers
    from .pipeline import Options
    from .readers import pdf

    _log_stages(sys.stderr if verbose else None)  # -v: the stages say what they did (pages, blocks, timings)
    options = Options(models=str(models) if models else None, ocr=ocr.value, dpi=dpi)
    stdin_data = sys.stdin.buffer.read() if "-" in inputs else None
    to_dir = output is not None and (output.is_dir() or str(output).endswith(("/", "\\")))
    several = len(inputs) > 1
    stream: list[str] = []
    code = ExitCode.OK
    if sys.stderr.isatty():
        pdf.progress = _page_progress  # a line that counts the pages of a long PDF, on a terminal only
    for path in inputs:
        report, error, exit_code, trace = process_within(path, options, timeout, stdin_data, several)
        if report is None:
            if verbose and trace:
                sys.stderr.write(trace)
            typer.echo(f"gongmun: error: {error}", err=True)
            code = code or ExitCode(exit_code)
            continue
        if to_dir and output is not None:
            name = "stdin" if path == "-" else Path(path).stem
            writers.write_atomic(output / f"{name}.json", writers.to_json(report))
        else:
            stream.append(writers.to_jsonl(report) if several else writers.to_json(report))
    if stream:
        text = "".join(stream)
        if output is not None and not to_dir:
            writers.write_atomic(output, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    raise typer.Exit(code)


def _log_stages(stream: Any) -> None:
    """Show the 'gongmun' logger's stage lines on `stream` for this command, or nothing when `stream` is None.
    Set anew by each command, so that commands run in one process (as tests run them) leave no handler behind
    for the next."""
    import logging

    log = logging.getLogger("gongmun")
    for old in [h for h in log.handlers if getattr(h, "gongmun_cli", False)]:
        log.removeHandler(old)
    log.propagate = stream is None
    log.setLevel(logging.DEBUG if stream is not None else logging.NOTSET)
    if stream is not None:
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("gongmun: %(message)s"))
        handler.gongmun_cli = True  # type: ignore[attr-defined]
        log.addHandler(handler)


def _page_progress(number: int, total: int, method: str) -> None:
    """`page 7/120 (ocr)` on one terminal line while a PDF is read; the line is cleared at the end."""
    if total < 3:
        return
    end = "\r\x1b[K" if number == total else ""
    sys.stderr.write(f"\rgongmun: page {number}/{total} ({method}){end}")
    sys.stderr.flush()


@app.command()
def review(
    path: Annotated[str, typer.Argument(help="One report (any supported format).")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="HTML file (default: <name>.review.html).")
    ] = None,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="PDF pages: auto, never, always.")] = OcrMode.auto,
    models: Annotated[Path | None, typer.Option("--models", help="Use the rules in this models/ folder.")] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show tracebacks for errors.")] = False,
) -> None:
    """Write a self-contained HTML page showing where every extracted item was read."""
    from .out import writers
    from .pipeline import Options, review_html

    try:
        page = review_html(path, Options(models=str(models) if models else None, ocr=ocr.value))
    except GongmunError as exc:
        _fail(str(exc), exc.exit_code, verbose)
        raise typer.Exit(exc.exit_code) from None
    target = output or Path(Path(path).name).with_suffix(".review.html")
    writers.write_atomic(target, page)
    typer.echo(str(target), err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from .schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, .zip/.tar archives.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for one JSON per document, manifest.jsonl, summary.json.")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Also write all reports as JSON Lines here.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Also write a SQLite database (tables + FTS5).")] = None,
    resume: Annotated[
        bool, typer.Option("--resume/--no-resume", help="Skip inputs already done with the same hash (default).")
    ] = True,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds per document before it is recorded as failed.")
    ] = 300.0,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed document.")] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="On resume, try inputs that failed before again.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    review: Annotated[
        bool, typer.Option("--review", help="Also write DIR/review/: a page per document + index.")
    ] = False,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="PDF pages: auto, never, always.")] = OcrMode.auto,
    dpi: Annotated[int, typer.Option("--dpi", min=72, max=600)] = 300,
    models: Annotated[Path | None, typer.Option("--models", help="Use the rules in this models/ folder.")] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local: worker processes here; dask: a dask.distributed cluster.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler (tcp://host:8786); default: a local cluster, --jobs workers."),
    ] = None,
) -> None:
    """Extract a whole archive: parallel, resumable (kill it and start it again), with a manifest."""
    from .bulk import batch as bulk
    from .pipeline import Options
    from .resources import models as load_models

    if engine not in ("local", "dask"):
        _fail(f"--engine must be local or dask, not {engine!r}", ExitCode.USAGE, False)
        raise typer.Exit(ExitCode.USAGE)
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask", ExitCode.USAGE, False)
        raise typer.Exit(ExitCode.USAGE)
    load_models(str(models) if models else None)  # a broken models/ folder fails now, not in every worker
    if not resume and (out / "manifest.jsonl").exists():
        (out / "manifest.jsonl").unlink()
    options = Options(models=str(models.resolve()) if models else None, ocr=ocr.value, dpi=dpi)
    report = _progress(quiet)
    try:
        summary = bulk.run_batch(
            inputs, out, options, jobs=jobs, jsonl=jsonl, db=db, timeout=timeout, fail_fast=fail_fast,
            retry_failed=retry_failed, review=review, engine=engine, scheduler=scheduler, progress=report,
        )  # fmt: skip
    except bulk.BatchStopped as exc:
        _fail(f"stopped at the first failure (--fail-fast): {exc}", ExitCode.STOPPED, False)
        raise typer.Exit(ExitCode.STOPPED) from None
    finally:
        report.close()
    counts = ", ".join(f"{v} {k}" for k, v in sorted(summary.counts.items())) or "nothing to do"
    rate = f"{summary.pages / summary.seconds:.2f} pages/s" if summary.seconds else ""
    if not quiet:
        typer.echo(f"gongmun batch: {counts}; {summary.pages} pages in {summary.seconds:.1f}s {rate}", err=True)
        for key, reason in summary.failed[:20]:
            typer.echo(f"  failed: {key}: {reason}", err=True)
    raise typer.Exit(ExitCode.INTERNAL if summary.counts.get("failed") else ExitCode.OK)


class _Progress:
    """A rich progress bar on a terminal, plain log lines otherwise, nothing with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.task: Any = None
        self.failed = 0
        self.pages = 0
        if not quiet and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("[bold]gongmun"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[info]}"),
                TimeRemainingColumn(), transient=False,
            )  # fmt: skip
            self.bar.start()
            self.task = self.bar.add_task("batch", total=None, info="")

    def __call__(self, record: dict[str, Any], done: int, total: int) -> None:
        self.pages += record.get("pages") or 0
        self.failed += record["status"] == "failed"
        if self.quiet:
            return
        if self.bar is not None:
            info = f"{self.pages} pages, {self.failed} failed"
            self.bar.update(self.task, completed=done, total=total, info=info)
        else:
            reason = f" ({record['reason']})" if record["status"] == "failed" else ""
            typer.echo(f"[{done}/{total}] {record['status']} {record['input']}{reason}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _progress(quiet: bool) -> _Progress:
    return _Progress(quiet)


@app.command("search")
def search_(
    db: Annotated[Path, typer.Argument(help="A database written by `gongmun batch --db`.")],
    query: Annotated[str, typer.Argument(help="Words to find, whatever particle or ending follows them.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many pages.")] = 20,
) -> None:
    """Find the pages that hold every word of the query: document, page and the text around the first word."""
    from .out.sqlite_store import search

    if not db.is_file():
        _fail(f"no such database: {db}", ExitCode.NOT_FOUND, False)
        raise typer.Exit(ExitCode.NOT_FOUND)
    for key, page, snippet in search(db, query, limit):
        sys.stdout.write(f"{key}\tp.{page}\t…{snippet}…\n")


@app.command("eval")
def eval_(
    gold: Annotated[list[Path] | None, typer.Argument(help="Gold folders (*.gold.json) or gold files.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    only: Annotated[
        str | None, typer.Option("--only", help="Comma-separated input formats: txt,hwpx,hwp,pdf,scan")
    ] = None,
    floors: Annotated[
        Path | None, typer.Option("--floors", help="JSON {field: minimum F1}; exit 9 when a score falls below.")
    ] = None,
    models: Annotated[Path | None, typer.Option("--models", help="Use the rules in this models/ folder.")] = None,
    by_rule: Annotated[
        bool, typer.Option("--by-rule", help="Also count true and false positives per rule (evidence.rule).")
    ] = False,
    coverage: Annotated[
        list[Path] | None,
        typer.Option(
            "--coverage",
            help="An archive without gold (folder, glob or .zip/.tar): the share of documents of each kind that "
            "get a date, a start time, attendees, decisions, disagreements, follow-ups.",
        ),
    ] = None,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="PDF pages: auto, never, always.")] = OcrMode.auto,
) -> None:
    """Score extraction against gold annotations: per-field precision, recall, F1, by input format and kind.
    With --coverage, report what an archive without gold yields instead."""
    from .measure import evaluate, tables

    if coverage:
        _coverage(coverage, models, ocr, as_json)
        return
    if not gold:
        _fail("give gold folders or files, or --coverage DIR for an archive without gold", ExitCode.USAGE, False)
        raise typer.Exit(ExitCode.USAGE)
    missing = [str(g) for g in gold if not g.exists()]
    if missing:
        _fail(f"no such gold folder or file: {', '.join(missing)}", ExitCode.NOT_FOUND, False)
        raise typer.Exit(ExitCode.NOT_FOUND)
    wanted = {f.strip() for f in only.split(",")} if only else None
    results = evaluate.run(gold, wanted, str(models) if models else None)
    summary = evaluate.summarize(results)
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(tables.eval_table(summary))
        if by_rule:
            sys.stdout.write(tables.rule_table(summary))
    if floors is not None:
        from .measure.floors import check_floor_file

        low = check_floor_file(results, json.loads(floors.read_text(encoding="utf-8")))
        for line in low:
            typer.echo(f"gongmun: below floor: {line}", err=True)
        if low:
            raise typer.Exit(ExitCode.BELOW_FLOOR)


def _coverage(inputs: list[Path], models: Path | None, ocr: OcrMode, as_json: bool) -> None:
    from .measure import coverage
    from .options import Options
    from .resources import models as load_models

    missing = [str(p) for p in inputs if not p.exists() and not any(c in str(p) for c in "*?[")]
    if missing:
        _fail(f"no such folder or file: {', '.join(missing)}", ExitCode.NOT_FOUND, False)
        raise typer.Exit(ExitCode.NOT_FOUND)
    load_models(str(models) if models else None)  # a broken models/ folder fails now, once
    summary = coverage.run([str(p) for p in inputs], Options(models=str(models) if models else None, ocr=ocr.value))
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n" if as_json else coverage.table(summary))


def main() -> NoReturn:
    try:
        app()
    except GongmunError as exc:  # errors raised outside a command (e.g. models/ at start-up)
        typer.echo(f"gongmun: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(ExitCode.OK)


if __name__ == "__main__":
    main()
