from __future__ import annotations

import os
from pathlib import Path

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
