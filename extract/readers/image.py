"""Images (PNG, JPEG, TIFF with several frames): OCR each frame; boxes in pixels."""

from __future__ import annotations

import io
import warnings

from ..document import Block, Page, RawDocument, Source
from ..errors import CorruptInput, InputTooLarge
from . import reread
from .layout import merge_wrapped

MAX_PIXELS = 120_000_000  # about 11k x 11k; larger images are refused as decompression bombs
MAX_FRAMES = 500


def read(data: bytes, source: Source) -> RawDocument:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from . import ocr

    ocr.check_available()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputTooLarge(f"image exceeds {MAX_PIXELS} pixels (decompression bomb?)", source.path) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise CorruptInput(f"unreadable image: {exc}", source.path) from exc
    pages: list[Page] = []
    notes: list[str] = []
    frames = getattr(img, "n_frames", 1)
    for index, frame in enumerate(ImageSequence.Iterator(img)):
        if index >= MAX_FRAMES:
            raise InputTooLarge(f"more than {MAX_FRAMES} frames", source.path)
        if frame.width * frame.height > MAX_PIXELS:
            raise InputTooLarge(f"frame {index + 1} exceeds {MAX_PIXELS} pixels", source.path)
        try:
            usable = frame.convert("RGB") if frame.mode not in {"L", "RGB", "1"} else frame
            result = ocr.read_page(usable, reread_junk=reread.wanted(index, frames))
        except (OSError, ValueError) as exc:
            raise CorruptInput(f"unsupported image mode {frame.mode}: {exc}", source.path) from exc
        lines, texts = merge_wrapped(result.lines, result.texts)
        blocks = [
            Block(text=t, page=index + 1, bbox=ln.bbox, origin="ocr", confidence=ln.conf)
            for t, ln in zip(texts, lines, strict=True)
        ]
        if result.mean_confidence is not None and result.mean_confidence < 60:
            notes.append(f"page {index + 1}: low OCR confidence ({result.mean_confidence})")
        pages.append(
            Page(
                number=index + 1,
                blocks=blocks,
                method="ocr",
                reason="image input",
                width=float(frame.width),
                height=float(frame.height),
                ocr_confidence=result.mean_confidence,
            )
        )
    return RawDocument(source=source, pages=pages, warnings=notes)
