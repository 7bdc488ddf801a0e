"""Errors the library raises; the CLI alone turns them into one stderr line and an exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code the `gongmun` command uses (README, "Exit codes")."""

    OK = 0
    INTERNAL = 1  # a bug: one line on stderr, the other inputs go on
    USAGE = 2
    NOT_FOUND = 3  # input missing, or a directory where a file was expected
    UNSUPPORTED = 4
    EMPTY = 5
    UNDECODABLE = 6
    TOO_LARGE = 7
    MODELS = 8  # models/ missing or a rule file invalid
    BELOW_FLOOR = 9  # `eval --floors`: a score fell below its floor
    CORRUPT = 10
    ENCRYPTED = 11
    OCR_UNAVAILABLE = 12
    STOPPED = 13  # `batch --fail-fast` stopped at a failure
    ENGINE_UNAVAILABLE = 14
    TIMEOUT = 15  # `extract --timeout`: a document took longer than its time budget


class GongmunError(Exception):
    """Base class: every error carries an exit code and a one-line, actionable message."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputNotFound(GongmunError):
    exit_code: ExitCode = ExitCode.NOT_FOUND


class InputIsDirectory(GongmunError):
    exit_code: ExitCode = ExitCode.NOT_FOUND


class UnsupportedFormat(GongmunError):
    exit_code: ExitCode = ExitCode.UNSUPPORTED


class EmptyInput(GongmunError):
    exit_code: ExitCode = ExitCode.EMPTY


class UndecodableText(GongmunError):
    exit_code: ExitCode = ExitCode.UNDECODABLE


class InputTooLarge(GongmunError):
    exit_code: ExitCode = ExitCode.TOO_LARGE


class CorruptInput(GongmunError):
    """The file claims a format but cannot be read as it (truncated, damaged, malicious)."""

    exit_code: ExitCode = ExitCode.CORRUPT


class EncryptedInput(GongmunError):
    """Password-protected, DRM or distribution-only documents."""

    exit_code: ExitCode = ExitCode.ENCRYPTED


class OcrUnavailable(GongmunError):
    """Tesseract or its Korean data is not installed."""

    exit_code: ExitCode = ExitCode.OCR_UNAVAILABLE


class ModelsError(GongmunError):
    """models/ is missing or a rule file is invalid (message names file:line)."""

    exit_code: ExitCode = ExitCode.MODELS


class EngineUnavailable(GongmunError):
    """`batch --engine dask` without the dask extra, or a scheduler that cannot be reached."""

    exit_code: ExitCode = ExitCode.ENGINE_UNAVAILABLE
