"""Errors the library raises; the CLI alone turns them into one stderr line and an exit code."""

from __future__ import annotations


class GongmunError(Exception):
    """Base class: every error carries an exit code and a one-line, actionable message."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputNotFound(GongmunError):
    exit_code = 3


class InputIsDirectory(GongmunError):
    exit_code = 3


class UnsupportedFormat(GongmunError):
    exit_code = 4


class EmptyInput(GongmunError):
    exit_code = 5


class UndecodableText(GongmunError):
    exit_code = 6


class InputTooLarge(GongmunError):
    exit_code = 7


class CorruptInput(GongmunError):
    """The file claims a format but cannot be read as it (truncated, damaged, malicious)."""

    exit_code = 10


class EncryptedInput(GongmunError):
    """Password-protected, DRM or distribution-only documents."""

    exit_code = 11


class OcrUnavailable(GongmunError):
    """Tesseract or its Korean data is not installed."""

    exit_code = 12


class ModelsError(GongmunError):
    """models/ is missing or a rule file is invalid (message names file:line)."""

    exit_code = 8


class EngineUnavailable(GongmunError):
    """`batch --engine dask` without the dask extra, or a scheduler that cannot be reached."""

    exit_code = 14


EXIT_CODES: dict[str, int] = {
    cls.__name__: cls.exit_code
    for cls in (
        GongmunError,
        InputNotFound,
        InputIsDirectory,
        UnsupportedFormat,
        EmptyInput,
        UndecodableText,
        InputTooLarge,
        ModelsError,
        CorruptInput,
        EncryptedInput,
        OcrUnavailable,
        EngineUnavailable,
    )
}
