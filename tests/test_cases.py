"""Whole reports of the genre's shapes, as data: each tests/cases/<name>.txt (written for the project) and
the fields a careful reader takes from it, in <name>.expected.json. A missing expectation fails;
`GONGMUN_REGEN=1 pytest tests/test_cases.py` writes them (review the diff before committing)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from extract import extract_file

from .conftest import ROOT

CASES = sorted((ROOT / "tests" / "cases").glob("*.txt"))


def _rule(item: Any) -> str | None:
    return item.evidence.rule if item.evidence is not None else None


def reading(path: Path) -> dict[str, Any]:
    """What the case is checked on: kind, title, the meeting, and every list item with the rule that read it."""
    r = extract_file(path)
    m = r.meeting
    return {
        "kind": r.kind,
        "title": r.document.title,
        "meeting": None if m is None else {
            "name": m.name, "date": m.date, "start_time": m.start_time, "end_time": m.end_time, "location": m.location,
            "attendee_groups": [[g.name, g.count] for g in m.attendee_groups],
            "attendees": [[p.name, p.title, p.organization, _rule(p)] for p in m.attendees],
            "absentees": [[p.name, p.title] for p in m.absentees],
        },
        "decisions": [[d.topic, d.text, _rule(d)] for d in r.decisions],
        "disagreements": [
            [d.topic, [[p.party, p.stance] for p in d.positions], d.resolution, _rule(d)] for d in r.disagreements
        ],
        "follow_ups": [[f.text, f.date, _rule(f)] for f in r.follow_ups],
    }  # fmt: skip


def test_there_are_cases() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case(path: Path) -> None:
    got = json.dumps(reading(path), ensure_ascii=False, indent=1) + "\n"
    expected = path.with_suffix(".expected.json")
    if os.environ.get("GONGMUN_REGEN"):
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"missing {expected.name}: run GONGMUN_REGEN=1 pytest {__file__}"
    assert got == expected.read_text(encoding="utf-8")
