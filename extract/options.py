"""What a caller can choose for a run; cheap to import (the CLI reads it before any model loads)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OcrMode(StrEnum):
    """When PDF pages are OCR'd: where the text layer is unusable (auto), never, or always."""

    auto = "auto"
    never = "never"
    always = "always"


@dataclass(frozen=True)
class Options:
    models: str | None = None  # a models/ folder to use instead of the bundled one
    ocr: str = OcrMode.auto.value  # PDFs: auto (per page), never, always
    dpi: int = 300  # rendering resolution for OCR


DEFAULT = Options()
