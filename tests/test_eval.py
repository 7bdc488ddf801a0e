"""Scoring rules (../shared/corpus/README.md) on tiny gold/prediction pairs."""

from __future__ import annotations

import pytest

from extract.measure import evaluate, floors


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("회의자료 1부", "회의자료 1부.", True),
        ("민관협력을 통한 공공시장 혁신방안 집중 토론회 (공공시장 확장을 위한 민관 간담회)",
         "민관협력을 통한 공공시장 혁신방안 집중 토론회", True),
        ("센터 추진 업무를 간소화하여 보고", "전혀 다른 결론을 내렸음", False),
        ("2 -", "의원 워크숍 또는 별도 설명자료를 준비하여 의원 대상 설명회 수시 개최", False),
        (None, "무엇", False),
    ],
)  # fmt: skip
def test_soft_containment(a, b, same: bool) -> None:
    assert evaluate.contains(a, b) is same


def test_scalars() -> None:
    gold = {"kind": "other", "document": {"title": "가 보고", "doc_number": None}, "meeting": None}
    pred = {"kind": "other", "document": {"title": "가  보고.", "doc_number": "x-1"}, "meeting": None}
    scores = evaluate.evaluate_one(gold, pred)
    assert (scores["kind"].tp, scores["title"].tp) == (1, 1)
    assert (scores["doc_number"].fp, scores["doc_number"].fn) == (1, 0)
    assert scores["meeting_date"].correct == 1 and scores["meeting_date"].tp == 0


def test_optional_items_neither_count_when_missing_nor_when_predicted() -> None:
    gold = {
        "decisions": [
            {"text": "가를 하기로 함"},
            {"text": "나 필요", "optional": True},
            {"text": "다 추진", "optional": True},
        ]
    }
    pred = {"decisions": [{"text": "가를 하기로 함"}, {"text": "나 필요"}, {"text": "라 결정"}]}
    c = evaluate.evaluate_one(gold, pred)["decisions"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_attendees_match_by_name_or_by_title_and_organisation() -> None:
    gold = {"meeting": {"attendees": [
        {"name": "박학룡", "title": "이사장", "organization": "조합"},
        {"name": None, "title": "주무팀장", "organization": "마을민주주의과"},
        {"name": None, "title": "주무팀장", "organization": "도시재생디자인과"},
    ]}}  # fmt: skip
    pred = {"meeting": {"attendees": [
        {"name": "박학룡", "title": None, "organization": None},
        {"name": None, "title": "주무팀장", "organization": "마을민주주의과"},
        {"name": "주무팀장", "title": None, "organization": None},
    ]}}  # fmt: skip
    c = evaluate.evaluate_one(gold, pred)["attendees"]
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)


def test_follow_up_with_a_gold_date_needs_that_date() -> None:
    gold = {"follow_ups": [{"text": "제3차 회의 개최", "date": "2016-05-25"}]}
    assert (
        evaluate.evaluate_one(gold, {"follow_ups": [{"text": "제3차 회의 개최(안)", "date": "2016-05-25"}]})[
            "follow_ups"
        ].tp
        == 1
    )
    assert (
        evaluate.evaluate_one(gold, {"follow_ups": [{"text": "제3차 회의 개최(안)", "date": None}]})["follow_ups"].tp
        == 0
    )


def test_disagreement_parties_and_resolution() -> None:
    gold = {
        "disagreements": [
            {
                "topic": "사업비 편성",
                "resolution": "상호 노력",
                "positions": [{"party": "구", "stance": "a"}, {"party": "센터", "stance": "b"}],
            }
        ]
    }
    pred = {
        "disagreements": [
            {
                "topic": "장위 사업비 편성",
                "resolution": None,
                "positions": [{"party": "구", "stance": "a"}, {"party": "센터", "stance": "b"}],
            }
        ]
    }
    s = evaluate.evaluate_one(gold, pred)
    assert s["disagreements"].tp == 1
    assert s["disagreement_parties"].tp == 2
    assert s["disagreement_resolution"].fn == 1


def test_meeting_invented_in_an_other_document_is_a_false_positive() -> None:
    gold = {"meeting": None, "decisions": []}
    pred = {"meeting": {"date": "2020-01-01", "attendees": [{"name": "김철수"}]}, "decisions": [{"text": "x"}]}
    s = evaluate.evaluate_one(gold, pred)
    assert s["meeting_date"].fp == 1 and s["attendees"].fp == 1 and s["decisions"].fp == 1


def test_floors() -> None:
    summary = {"fields": {"title": {"f1": 0.9, "accuracy": 0.9}}, "micro": {"f1": 0.5, "accuracy": 0.5}}
    assert floors.check_floors(summary, {"title": 0.9, "micro": 0.4}) == []
    assert floors.check_floors(summary, {"title": 0.95}) == ["title: 0.9 < floor 0.95"]


def test_format_floors() -> None:
    scan = {"title": {"tp": 8, "fp": 1, "fn": 1}, "attendees": {"tp": 10, "fp": 0, "fn": 2}}
    summary = {"fields": {}, "micro": {}, "by_format": {"scan": scan, "hwpx": {"title": {"tp": 1, "fp": 0, "fn": 0}}}}
    assert floors.format_micro(summary, "scan") == round(36 / 40, 4)
    assert floors.check_floors(summary, {"format:scan": 0.9, "format:hwpx": 1.0}) == []
    assert floors.check_floors(summary, {"format:scan": 0.95}) == ["format:scan: 0.9 < floor 0.95"]
    assert floors.check_floors(summary, {"format:pdf": 0.5}) == ["format:pdf: None < floor 0.5"]


def test_kind_other_precision_counts_invented_items() -> None:
    def doc(kind: str, fp: int) -> evaluate.DocResult:
        d = evaluate.DocResult("g", "x.hwpx", "hwpx", 0.1, "ok", gold_kind=kind)
        d.fields = {"attendees": evaluate.Counts(fp=fp), "decisions": evaluate.Counts(tp=1)}
        return d

    clean = evaluate.summarize([doc("other", 0), doc("meeting_result", 3)])["kind_other"]
    assert clean == {"inputs": 1, "invented": {"attendees": 0, "decisions": 0, "disagreements": 0}, "precision": 1.0}
    summary = evaluate.summarize([doc("other", 2)])
    assert summary["kind_other"]["precision"] == 0.0
    assert floors.check_floors(summary, {"kind_other": 1.0}) == [
        "kind_other: invented {'attendees': 2, 'decisions': 0, 'disagreements': 0} (precision floor 1.0)"
    ]


def _scored(gold_id: str, fmt: str, kind: str, tp: int, fn: int) -> evaluate.DocResult:
    d = evaluate.DocResult(gold_id, f"{gold_id}.{fmt}", fmt, 0.1, "ok", gold_kind=kind)
    d.fields = {"attendees": evaluate.Counts(tp=tp, fn=fn)}
    return d


def test_floor_scopes_check_each_group_of_documents_on_its_own() -> None:
    results = [
        _scored("old", "hwpx", "meeting_result", 4, 0),
        _scored("new", "txt", "minutes", 0, 4),
        _scored("new", "scan", "minutes", 1, 3),
    ]
    data = {
        "scopes": {
            "first": {"documents": ["old"], "floors": {"attendees": 1.0}},
            "minutes": {"kinds": ["minutes"], "formats": ["txt"], "floors": {"attendees": 0.1}},
            "all": {"floors": {"attendees": 0.5}},
        }
    }
    assert floors.check_floor_file(results, data) == ["minutes: attendees: 0.0 < floor 0.1"]
    data["scopes"]["first"]["documents"] = ["missing"]
    assert "first: no input in scope" in floors.check_floor_file(results, data)


def test_a_flat_floors_file_is_one_scope() -> None:
    results = [_scored("a", "hwpx", "other", 1, 1), _scored("b", "scan", "other", 0, 2)]
    assert floors.check_floor_file(results, {"_formats": ["hwpx"], "attendees": 0.6}) == []
    assert floors.check_floor_file(results, {"attendees": 0.6}) == ["all: attendees: 0.4 < floor 0.6"]


def test_summary_by_gold_kind() -> None:
    summary = evaluate.summarize([_scored("a", "txt", "minutes", 1, 1), _scored("b", "txt", "other", 2, 0)])
    assert summary["by_kind"]["minutes"]["attendees"]["f1"] == round(2 / 3, 4)
    assert summary["by_kind"]["other"]["attendees"]["recall"] == 1.0
    assert floors.current_scores(summary)["attendees"] == round(6 / 7, 4)


def test_predictions_are_counted_under_the_rule_that_produced_them() -> None:
    def item(text: str, rule: str | None) -> dict:
        return {"text": text, "evidence": {"rule": rule} if rule else None}

    gold = {"decisions": [{"text": "원안 가결"}, {"text": "차기 회의에서 재논의", "optional": True}]}
    pred = {
        "decisions": [
            item("원안 가결", "decision/chair-declaration"),
            item("차기 회의에서 재논의", "decision/outcome-cue"),  # absorbed by an optional item: not counted
            item("위원님들의 의견을 듣겠습니다", "decision/outcome-cue"),
            item("보고를 받음", None),
        ]
    }
    by_rule: dict[str, evaluate.Counts] = {}
    scores = evaluate.evaluate_one(gold, pred, by_rule)
    assert (scores["decisions"].tp, scores["decisions"].fp) == (1, 2)
    assert {k: (c.tp, c.fp) for k, c in by_rule.items()} == {
        "decision/chair-declaration": (1, 0), "decision/outcome-cue": (0, 1), "(no rule)": (0, 1),
    }  # fmt: skip
