"""gongmun: Korean administrative reports -> structured data.

from extract import extract_file
report = extract_file("report.txt")      # a pydantic `Report`
print(report.model_dump_json(indent=2))
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .errors import GongmunError
from .schema import SCHEMA_VERSION, Report

if TYPE_CHECKING:
    from .pipeline import Options

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "GongmunError", "Report", "__version__", "extract_file"]


def extract_file(path: str | os.PathLike[str], options: Options | None = None) -> Report:
    """Extract one document; raises a `GongmunError` (with `.exit_code`) for input it cannot read."""
    from .pipeline import Options, extract_path

    return extract_path(os.fspath(path), options or Options())
