"""Serialise reports: pretty JSON, JSON Lines; files are written atomically (temp name, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..schema import Report


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def to_jsonl(report: Report) -> str:
    return report.model_dump_json() + "\n"


def write_atomic(path: Path, text: str) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:  # the folder does not exist yet
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
