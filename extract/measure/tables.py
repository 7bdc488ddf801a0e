"""The eval summary as plain tables for a terminal (`gongmun eval`, `--by-rule`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .evaluate import Counts


def eval_table(summary: dict[str, object]) -> str:

    def fmt(v: object) -> str:
        return "   -" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)

    rows = [f"{'field':<26}{'P':>6}{'R':>6}{'F1':>6}{'acc':>6}{'tp':>5}{'fp':>5}{'fn':>5}"]
    fields = summary["fields"]
    assert isinstance(fields, dict)
    micro = summary["micro"]
    assert isinstance(micro, dict)
    for name, c in [*fields.items(), ("micro", micro)]:
        rows.append(
            f"{name:<26}{fmt(c['precision']):>6}{fmt(c['recall']):>6}{fmt(c['f1']):>6}{fmt(c['accuracy']):>6}"
            f"{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}"
        )
    by_format = summary["by_format"]
    assert isinstance(by_format, dict)
    for fmt_name, cs in by_format.items():
        tp = sum(c["tp"] for c in cs.values())
        fp = sum(c["fp"] for c in cs.values())
        fn = sum(c["fn"] for c in cs.values())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
        rows.append(f"format {fmt_name:<19} micro F1 {fmt(f1)}")
    by_kind = summary["by_kind"]
    assert isinstance(by_kind, dict)
    shown = ("kind", "title", "meeting_date", "attendees", "decisions", "disagreements", "follow_ups")
    rows.append(f"{'kind (F1)':<26}" + "".join(f"{name[:9]:>10}" for name in (*shown, "micro")))
    for kind_name, cs in by_kind.items():
        total = Counts(*(sum(c[k] for c in cs.values()) for k in ("tp", "fp", "fn")))
        values = [(cs[n]["f1"] if cs[n]["f1"] is not None else cs[n]["accuracy"]) if n in cs else None for n in shown]
        rows.append(f"{kind_name:<26}" + "".join(f"{fmt(v):>10}" for v in (*values, total.f1)))
    other = summary.get("kind_other")
    if isinstance(other, dict) and other.get("inputs"):
        invented = ", ".join(f"{k} {v}" for k, v in other["invented"].items())
        rows.append(f"kind other ({other['inputs']} inputs): precision {fmt(other['precision'])}, invented {invented}")
    rows.append(f"documents {summary['documents']}, whole-document accuracy {fmt(summary['document_accuracy'])}")
    failed = summary["failed"]
    assert isinstance(failed, list)
    for f in failed:
        rows.append(f"failed: {f['error']}")
    slowest = summary["slowest"]
    assert isinstance(slowest, list)
    rows.append("slowest: " + ", ".join(f"{Path(s['input']).name} {s['seconds']:.2f}s" for s in slowest))
    return "\n".join(rows) + "\n"


def rule_table(summary: dict[str, Any]) -> str:
    """Each rule's true and false positives on the gold documents, the rules with most false positives first."""
    rows = [f"{'rule':<36}{'tp':>5}{'fp':>5}{'P':>7}"]
    for name, c in summary["by_rule"].items():
        precision = "    -" if c["precision"] is None else f"{c['precision']:.2f}"
        rows.append(f"{name:<36}{c['tp']:>5}{c['fp']:>5}{precision:>7}")
    return "\n".join(rows) + "\n"
