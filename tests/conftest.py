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


def fields(report: Any, drop: frozenset[str] = frozenset({"evidence", "sections", "source"})) -> Any:
    """A report's extracted fields without provenance, for comparing the same report across formats."""

    def strip(o: Any) -> Any:
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k not in drop}
        if isinstance(o, list):
            return [strip(x) for x in o]
        return o

    return strip(json.loads(report.model_dump_json()))
