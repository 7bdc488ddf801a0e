"""Golden files: every sample in samples/ has <name>.expected.json; a missing golden fails.

`GONGMUN_REGEN=1 pytest tests/test_samples.py` rewrites them; review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract import extract_file
from extract.out import writers
from extract.schema import json_schema

from .conftest import ROOT, SAMPLES, sample

INPUTS = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".hwpx", ".hwp", ".pdf", ".png"})


def test_there_are_samples_of_every_kind() -> None:
    kinds = {json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8"))["kind"] for p in INPUTS}
    assert kinds >= {"meeting_result", "minutes", "meeting_plan", "other"}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    got = writers.to_json(sample(path.name).report)
    golden = path.with_suffix(".expected.json")
    if os.environ.get("GONGMUN_REGEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"missing golden {golden.name}: run GONGMUN_REGEN=1 pytest {__file__}"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_deterministic(path: Path, in_root: Path) -> None:
    rel = path.relative_to(ROOT).as_posix()
    assert writers.to_json(extract_file(rel)) == writers.to_json(sample(path.name).report)


def test_published_schema_matches_the_model() -> None:
    published = SAMPLES / "report.schema.json"
    current = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("GONGMUN_REGEN"):
        published.write_text(current, encoding="utf-8")
    assert published.read_text(encoding="utf-8") == current, "run GONGMUN_REGEN=1 pytest tests/test_samples.py"


def test_goldens_validate_against_the_schema() -> None:
    from extract.schema import Report

    for path in INPUTS:
        Report.model_validate_json(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_goldens_are_never_rewritten_in_ci() -> None:
    """CI must compare against the committed goldens, never regenerate them."""
    assert not (os.environ.get("CI") and os.environ.get("GONGMUN_REGEN")), "GONGMUN_REGEN is set in CI"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_item_names_the_rule_that_produced_it(path: Path) -> None:
    from extract.resources import models

    rules = models().rules
    doc = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    meeting = doc["meeting"] or {}
    items = [
        *doc["decisions"], *doc["disagreements"], *doc["follow_ups"], *doc["agenda"],
        *doc["document"]["approval_line"], *meeting.get("attendees", []), *meeting.get("attendee_groups", []),
        *meeting.get("absentees", []), *(p for d in doc["disagreements"] for p in d["positions"]),
    ]  # fmt: skip
    assert items or doc["kind"] == "other"
    for item in items:
        assert item["evidence"]["rule"] in rules, item
    for d in [*doc["decisions"], *doc["disagreements"]]:
        assert d["confidence"] == rules[d["evidence"]["rule"]].confidence
