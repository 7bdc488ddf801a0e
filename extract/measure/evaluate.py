"""Field-level evaluation against gold files (format: ../shared/corpus/README.md), GROBID style.

Scalars are correct / wrong / missing; lists are matched one-to-one and scored by precision, recall and
F1. Text compares "soft" (NFC, no whitespace or punctuation); dates and times exactly. Gold items marked
`optional` neither count against a prediction when missing nor when predicted.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

SCALARS = {
    "kind": ("kind",),
    "title": ("document", "title"),
    "doc_number": ("document", "doc_number"),
    "department": ("document", "department"),
    "approval_date": ("document", "approval_date"),
    "disclosure": ("document", "disclosure"),
    "meeting_date": ("meeting", "date"),
    "meeting_start_time": ("meeting", "start_time"),
    "meeting_end_time": ("meeting", "end_time"),
    "meeting_location": ("meeting", "location"),
}
EXACT = {"kind", "approval_date", "meeting_date", "meeting_start_time", "meeting_end_time"}
LISTS = [
    "approval_line", "attachments", "attendee_groups", "attendees", "decisions", "disagreements",
    "disagreement_parties", "disagreement_resolution", "follow_ups",
]  # fmt: skip


def soft(text: Any) -> str:
    if text is None:
        return ""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", str(text)))


def contains(a: Any, b: Any, threshold: float = 0.8) -> bool:
    """True when one soft text mostly contains the other."""
    x, y = soft(a), soft(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 0.25 * len(long_):
        return False
    matched = sum(b.size for b in SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks())
    return matched / len(short) >= threshold


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0  # scalars: right (including agreeing nulls)
    total: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.correct += other.correct
        self.total += other.total

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict[str, Any]:
        def r(v: float | None) -> float | None:
            return None if v is None else round(v, 4)

        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": r(self.precision), "recall": r(self.recall),
            "f1": r(self.f1), "accuracy": r(self.correct / self.total) if self.total else None,
        }  # fmt: skip


def _get(obj: Any, path: tuple[str, ...]) -> tuple[bool, Any]:
    for key in path:
        if obj is None:
            return True, None
        if not isinstance(obj, dict) or key not in obj:
            return False, None
        obj = obj[key]
    return True, obj


def score_scalar(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> Counts | None:
    path = SCALARS[name]
    present, g = _get(gold, path)
    if not present:
        return None
    _, p = _get(pred, path)
    same = (g == p) if name in EXACT else (soft(g) == soft(p))
    c = Counts(total=1, correct=int(same if g is not None or p is not None else True))
    if g is None and p is None:
        return c
    if same:
        c.tp = 1
    else:
        c.fp = int(p is not None)
        c.fn = int(g is not None)
    return c


def match_lists(
    gold: list[dict[str, Any]],
    pred: list[Any],
    same: Callable[[dict[str, Any], Any], bool],
    by_rule: dict[str, Counts] | None = None,
) -> tuple[Counts, list[tuple[dict[str, Any], Any]]]:
    """Greedy one-to-one matching; optional gold items absorb predictions without counting. With `by_rule`,
    each prediction's true or false positive is also counted under the rule that produced it
    (`evidence.rule`)."""
    c = Counts()
    pairs: list[tuple[dict[str, Any], Any]] = []
    free = list(range(len(pred)))
    for g in sorted(gold, key=lambda item: bool(item.get("optional"))):
        hit = next((i for i in free if same(g, pred[i])), None)
        if hit is None:
            c.fn += 0 if g.get("optional") else 1
            continue
        free.remove(hit)
        if not g.get("optional"):
            c.tp += 1
            pairs.append((g, pred[hit]))
            if by_rule is not None:
                by_rule.setdefault(_rule(pred[hit]), Counts()).tp += 1
    c.fp += len(free)
    for i in free if by_rule is not None else []:
        by_rule.setdefault(_rule(pred[i]), Counts()).fp += 1  # type: ignore[union-attr]
    return c, pairs


def _rule(item: Any) -> str:
    evidence = item.get("evidence") if isinstance(item, dict) else None
    return str((evidence or {}).get("rule") or "(no rule)")


def _same_person(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("name"):
        return soft(g["name"]) == soft(p.get("name"))
    if p.get("name"):
        return False
    if soft(g.get("title")) != soft(p.get("title")):
        return False
    go, po = soft(g.get("organization")), soft(p.get("organization"))
    return not go or not po or go in po or po in go


def _same_text_item(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if not contains(g.get("text"), p.get("text")):
        return False
    return not g.get("date") or g["date"] == p.get("date")


def _same_disagreement(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if contains(g.get("topic"), p.get("topic"), 0.6):
        return True
    gp = {soft(x.get("party")) for x in g.get("positions", [])}
    pp = {soft(x.get("party")) for x in p.get("positions", [])}
    return len(gp & pp) >= 2 or (bool(gp) and gp == pp)


def _same_group(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("count") != p.get("count"):
        return False
    gn, pn = soft(g.get("name")), soft(p.get("name"))
    return not gn or not pn or gn in pn or pn in gn


def _same_step(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return soft(g.get("name")) == soft(p.get("name")) and soft(g.get("position")) == soft(p.get("position"))


def _same_attachment(g: Any, p: Any) -> bool:
    return contains(g, p, 0.9)


def score_lists(
    gold: dict[str, Any], pred: dict[str, Any], by_rule: dict[str, Counts] | None = None
) -> dict[str, Counts]:
    """The list fields; with `by_rule`, each predicted item is also counted under its rule."""
    out: dict[str, Counts] = {}
    gdoc, pdoc = gold.get("document") or {}, pred.get("document") or {}
    if "approval_line" in gdoc:
        out["approval_line"], _ = match_lists(gdoc["approval_line"], pdoc.get("approval_line", []), _same_step, by_rule)
    if "attachments" in gdoc:
        gl = [{"text": a} for a in gdoc["attachments"]]
        out["attachments"], _ = match_lists(
            gl, pdoc.get("attachments", []), lambda g, p: _same_attachment(g["text"], p)
        )
    if "meeting" in gold:
        gm, pm = gold["meeting"] or {}, pred.get("meeting") or {}
        if gold["meeting"] is None or "attendees" in gm:
            out["attendees"], _ = match_lists(gm.get("attendees", []), pm.get("attendees", []), _same_person, by_rule)
        if gold["meeting"] is None or "attendee_groups" in gm:
            out["attendee_groups"], _ = match_lists(
                gm.get("attendee_groups", []), pm.get("attendee_groups", []), _same_group, by_rule
            )
    if "decisions" in gold:
        out["decisions"], _ = match_lists(gold["decisions"], pred.get("decisions", []), _same_text_item, by_rule)
    if "follow_ups" in gold:
        out["follow_ups"], _ = match_lists(gold["follow_ups"], pred.get("follow_ups", []), _same_text_item, by_rule)
    if "disagreements" in gold:
        c, pairs = match_lists(gold["disagreements"], pred.get("disagreements", []), _same_disagreement, by_rule)
        out["disagreements"] = c
        parties, resolution = Counts(), Counts()
        for g, p in pairs:
            gp = [{"party": x.get("party")} for x in g.get("positions", [])]
            pc, _ = match_lists(gp, p.get("positions", []), lambda a, b: soft(a["party"]) == soft(b.get("party")))
            parties.add(pc)
            r = Counts(total=1)
            if g.get("resolution") is None and p.get("resolution") is None:
                r.correct = 1
            elif contains(g.get("resolution"), p.get("resolution")):
                r.tp = r.correct = 1
            else:
                r.fp = int(p.get("resolution") is not None)
                r.fn = int(g.get("resolution") is not None)
            resolution.add(r)
        parties.fn += sum(len(g.get("positions", [])) for g in gold["disagreements"]) - (
            sum(len(g.get("positions", [])) for g, _ in pairs)
        )
        out["disagreement_parties"], out["disagreement_resolution"] = parties, resolution
    return out


def input_format(path: Path, pred_format: str | None = None) -> str:
    if ".scan" in path.name:
        return "scan"
    fmt = pred_format or path.suffix.lower().lstrip(".")
    return "txt" if fmt in {"md", "txt", "text"} else fmt


@dataclass
class DocResult:
    gold_id: str
    input: str
    format: str
    seconds: float
    status: str
    error: str | None = None
    fields: dict[str, Counts] = field(default_factory=dict)
    gold_kind: str | None = None
    rules: dict[str, Counts] = field(default_factory=dict)  # true and false positives by evidence.rule

    @property
    def perfect(self) -> bool:
        return self.status != "failed" and all(
            c.fp == 0 and c.fn == 0 and c.correct == c.total for c in self.fields.values()
        )


def evaluate_one(
    gold: dict[str, Any], pred: dict[str, Any], by_rule: dict[str, Counts] | None = None
) -> dict[str, Counts]:
    scores: dict[str, Counts] = {}
    for name in SCALARS:
        c = score_scalar(name, gold, pred)
        if c is not None:
            scores[name] = c
    scores.update(score_lists(gold, pred, by_rule))
    return scores


def gold_files(dirs: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        p = Path(d)
        files.extend(sorted(p.glob("*.gold.json")) if p.is_dir() else [p])
    return files


def run(dirs: Iterable[str | Path], only: set[str] | None = None, models: str | None = None) -> list[DocResult]:
    from ..pipeline import Options, process

    results: list[DocResult] = []
    for gf in gold_files(dirs):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        for rel in gold.get("inputs", []):
            path = (gf.parent / rel).resolve()
            fmt = input_format(path)
            if only and fmt not in only:
                continue
            t0 = time.perf_counter()
            res = process(str(path), Options(models=models))
            seconds = time.perf_counter() - t0
            doc = DocResult(gold["id"], str(path), fmt, seconds, res.status, res.error, gold_kind=gold.get("kind"))
            pred = json.loads(res.report.model_dump_json()) if res.report is not None else {}
            doc.fields = evaluate_one(gold, pred, doc.rules)
            results.append(doc)
    return results


def summarize(results: list[DocResult]) -> dict[str, Any]:
    fields: dict[str, Counts] = {}
    by_format: dict[str, dict[str, Counts]] = {}
    by_kind: dict[str, dict[str, Counts]] = {}
    for r in results:
        for name, c in r.fields.items():
            fields.setdefault(name, Counts()).add(c)
            by_format.setdefault(r.format, {}).setdefault(name, Counts()).add(c)
            by_kind.setdefault(r.gold_kind or "unknown", {}).setdefault(name, Counts()).add(c)
    micro = Counts()
    for c in fields.values():
        micro.add(c)
    rules: dict[str, Counts] = {}
    for r in results:
        for name, c in r.rules.items():
            rules.setdefault(name, Counts()).add(c)
    others = [r for r in results if r.gold_kind == "other"]
    invented = {name: sum(r.fields[name].fp for r in others if name in r.fields) for name in NEVER_INVENTED}
    return {
        "documents": len(results),
        "failed": [{"input": r.input, "error": r.error} for r in results if r.status == "failed"],
        "document_accuracy": round(sum(r.perfect for r in results) / len(results), 4) if results else None,
        "fields": {k: fields[k].as_dict() for k in sorted(fields, key=_field_order)},
        "micro": micro.as_dict(),
        "by_format": {
            fmt: {k: v.as_dict() for k, v in sorted(cs.items(), key=lambda kv: _field_order(kv[0]))}
            for fmt, cs in sorted(by_format.items())
        },
        "by_rule": {
            name: {"tp": c.tp, "fp": c.fp, "precision": c.as_dict()["precision"]}
            for name, c in sorted(rules.items(), key=lambda kv: (-kv[1].fp, kv[0]))
        },
        "by_kind": {
            kind: {k: v.as_dict() for k, v in sorted(cs.items(), key=lambda kv: _field_order(kv[0]))}
            for kind, cs in sorted(by_kind.items())
        },
        "slowest": [
            {"input": r.input, "seconds": round(r.seconds, 3)} for r in sorted(results, key=lambda r: -r.seconds)[:5]
        ],
        # Documents of kind `other` (a purchase order, a press release) hold no meeting: every attendee,
        # decision or disagreement predicted there is invented, and precision there must stay 1.0.
        "kind_other": {
            "inputs": len(others),
            "invented": invented,
            "precision": (1.0 if not any(invented.values()) else 0.0) if others else None,
        },
    }


NEVER_INVENTED = ("attendees", "decisions", "disagreements")


def _field_order(name: str) -> int:
    order = [*SCALARS, *LISTS]
    return order.index(name) if name in order else len(order)
