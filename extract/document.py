"""Internal document model shared by the readers and the pipeline (not part of the output contract)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    path: str
    format: str
    sha256: str
    size: int
    encoding: str | None = None


@dataclass
class Block:
    """A unit of text with its provenance; for text inputs one line."""

    text: str
    page: int
    bbox: tuple[float, float, float, float] | None = None
    origin: str = "text"  # text | ocr | hwpx | hwp | plain
    confidence: float | None = None
    heading: int | None = None  # markdown heading level (# = 1), when the input marked one
    path: str | None = None  # where in a native document: `s0/p12/tbl0/r1c2/p0`


@dataclass
class Page:
    number: int
    blocks: list[Block]
    method: str = "text"
    reason: str | None = None
    width: float | None = None
    height: float | None = None
    ocr_confidence: float | None = None


@dataclass
class RawDocument:
    source: Source
    pages: list[Page]
    warnings: list[str] = field(default_factory=list)
    normalized: bool = False  # set by normalize.normalize, so that the pipeline does it once

    @property
    def blocks(self) -> list[Block]:
        return [b for p in self.pages for b in p.blocks]
