from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GONGMUN_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples"


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (the real corpus lives in ../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def models():
    from extract.resources import models as load

    return load()


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


_SAMPLES_DONE: dict[str, Any] = {}


def sample(name: str) -> Any:
    """`pipeline.process` of a sample (shown as `samples/<name>`, as the goldens record it), once per test
    session: the scanned sample is OCR'd once, not by every test that looks at it."""
    if name not in _SAMPLES_DONE:
        from extract.pipeline import process

        _SAMPLES_DONE[name] = process(f"samples/{name}", data=(SAMPLES / name).read_bytes())
    return _SAMPLES_DONE[name]


def report_of(tmp_path: Path, text: str, name: str = "r.txt") -> Any:
    """The report of a text written for a test (the whole-report tests of the genre's shapes)."""
    from extract import extract_file

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def fields(report: Any, drop: frozenset[str] = frozenset({"evidence", "sections", "source"})) -> Any:
    """A report's extracted fields without provenance, for comparing the same report across formats."""

    def strip(o: Any) -> Any:
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k not in drop}
        if isinstance(o, list):
            return [strip(x) for x in o]
        return o

    return strip(json.loads(report.model_dump_json()))


# Markers: `pytest` alone runs the fast subset (pure rules, readers, CLI on small inputs); CI and
# scripts/test.sh run everything (`pytest -m ""`). A test is marked by what it needs.
_SLOW_MODULES = {"test_batch", "test_batch_dask", "test_faults", "test_wheel"}  # worker processes, a wheel build
_OCR_WORDS = ("scan", "ocr", "image", "reread", "tesseract")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in _SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
        if module == "test_corpus" or "corpus" in item.name:
            item.add_marker(pytest.mark.corpus)
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if module in {"test_reread", "test_preprocess"} or any(w in item.name.lower() for w in _OCR_WORDS):
            item.add_marker(pytest.mark.ocr)
