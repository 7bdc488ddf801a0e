"""The `gongmun` command: parse arguments, call the library, map errors to exit codes. No logic here.

stdout carries only JSON; every error is one line on stderr (`-v` adds the traceback).
Exit codes: 0 ok, 1 internal error, 2 usage, 3 input missing or a directory, 4 unsupported format,
5 empty input, 6 undecodable text, 7 input too large, 8 invalid models/ folder.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .errors import GongmunError

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
    inputs: Annotated[list[str], typer.Argument(help="Report files (.txt, .md); '-' reads standard input.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file, or into this folder (one <name>.json each)."),
    ] = None,
    models: Annotated[
        Path | None,
        typer.Option("--models", help="Use the rules in this models/ folder instead of the bundled ones."),
    ] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show tracebacks for errors.")] = False,
) -> None:
    """Extract one JSON document per input (JSON Lines when several inputs go to one stream)."""
    from . import writers
    from .pipeline import Options, extract_path

    options = Options(models=str(models) if models else None)
    stdin_data = sys.stdin.buffer.read() if "-" in inputs else None
    to_dir = output is not None and (output.is_dir() or str(output).endswith(("/", "\\")))
    several = len(inputs) > 1
    stream: list[str] = []
    code = 0
    for path in inputs:
        try:
            report = extract_path(path, options, stdin_data)
        except GongmunError as exc:
            _fail(str(exc), exc.exit_code, verbose)
            code = code or exc.exit_code
            continue
        except Exception as exc:  # a bug: still one line, and the other inputs go on
            _fail(f"{path}: internal error: {type(exc).__name__}: {exc}", 1, verbose)
            code = code or 1
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


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from .schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


def main() -> NoReturn:
    try:
        app()
    except GongmunError as exc:  # errors raised outside a command (e.g. models/ at start-up)
        typer.echo(f"gongmun: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(0)
