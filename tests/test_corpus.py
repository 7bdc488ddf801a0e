"""The real documents in ../shared (skipped with a reason when absent)."""

from __future__ import annotations

import json

import pytest

from extract import extract_file
from extract.measure import evaluate, floors

from .conftest import ROOT, fields, shared_or_skip

SEED = "seongbuk-governance-2nd-result-2016"


@pytest.fixture(scope="module")
def seed():
    path = shared_or_skip("seed", f"{SEED}.txt")
    gold = json.loads(shared_or_skip("corpus", "gold", f"{SEED}.gold.json").read_text(encoding="utf-8"))
    return gold, json.loads(extract_file(path).model_dump_json())


def test_seed_attendees(seed) -> None:
    gold, pred = seed
    c = evaluate.score_lists(gold, pred)["attendees"]
    assert (c.tp, c.fp, c.fn) == (8, 0, 0)
    assert {(g["name"], g["count"]) for g in pred["meeting"]["attendee_groups"]} == {
        ("상설협의체", 8), ("민관거버넌스 정기회의", 22),
    }  # fmt: skip


def test_seed_decisions(seed) -> None:
    gold, pred = seed
    c = evaluate.score_lists(gold, pred)["decisions"]
    assert (c.tp, c.fn) == (4, 0)
    assert c.fp == 0


def test_seed_disagreement(seed) -> None:
    gold, pred = seed
    s = evaluate.score_lists(gold, pred)
    assert s["disagreements"].tp == 1
    assert s["disagreement_parties"].tp == 2 and s["disagreement_resolution"].tp == 1
    (dis,) = pred["disagreements"]
    assert [p["party"] for p in dis["positions"]] == ["구", "센터"]


def test_seed_follow_ups(seed) -> None:
    gold, pred = seed
    c = evaluate.score_lists(gold, pred)["follow_ups"]
    assert (c.tp, c.fn) == (4, 0)
    dated = [f for f in pred["follow_ups"] if f["date"]]
    assert {f["date"] for f in dated} == {"2016-05-09", "2016-05-02", "2016-05-18", "2016-05-25"}


def test_seed_header(seed) -> None:
    gold, pred = seed
    for key in ("title", "doc_number", "department", "approval_date", "disclosure", "attachments"):
        assert pred["document"][key] == gold["document"][key], key
    assert [(s["position"], s["name"]) for s in pred["document"]["approval_line"]] == [
        (s["position"], s["name"]) for s in gold["document"]["approval_line"]
    ]


def test_corpus_scores_stay_above_their_floors() -> None:
    gold_dir = shared_or_skip("corpus", "gold")
    wanted = json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8"))
    formats = {f for scope in floors.scopes(wanted).values() for f in scope.get("formats", [])}
    results = evaluate.run([gold_dir], formats or None)
    print(json.dumps({k: v["f1"] for k, v in evaluate.summarize(results)["fields"].items()}, ensure_ascii=False))
    assert floors.check_floor_file(results, wanted) == []


def _fields(path) -> dict:
    return fields(extract_file(path), frozenset({"evidence", "sections", "source", "warnings"}))


def test_formats_of_one_document_agree() -> None:
    """The same report as HWPX, HWP 5.0 and a Hancom PDF: identical fields from the native formats; the PDF
    agrees up to whitespace (its lines wrap inside words, and a wrapped line is joined with a space)."""
    base = shared_or_skip("corpus", "seoul-youthnet-steering3-result-2026.hwpx")
    hwpx = _fields(base)
    assert _fields(base.with_suffix(".hwp")) == hwpx
    pdf = _fields(base.with_suffix(".pdf"))
    assert pdf["kind"] == hwpx["kind"] and pdf["meeting"] == hwpx["meeting"]
    for key in ("title", "doc_number", "approval_date", "disclosure"):
        assert pdf["document"][key] == hwpx["document"][key], key
    # the PDF lays the 결재 box out in 2-D: the `06/24` stamp lands apart from its name, so only pairs compare
    pairs = [(s["position"], s["name"]) for s in hwpx["document"]["approval_line"]]
    assert [(s["position"], s["name"]) for s in pdf["document"]["approval_line"]] == pairs
    assert [evaluate.soft(d["text"]) for d in pdf["decisions"]] == [evaluate.soft(d["text"]) for d in hwpx["decisions"]]
