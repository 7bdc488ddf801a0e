"""Raise tests/eval_floors.json to the current scores (floors only move up). Run after an improvement:

python benchmarks/update_floors.py ../shared/corpus/gold
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from extract import evaluate

FLOORS = Path(__file__).resolve().parents[1] / "tests" / "eval_floors.json"


def main(gold_dir: str) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    formats = floors.get("_formats", ["txt", "hwpx", "hwp"])
    summary = evaluate.summarize(evaluate.run([gold_dir], set(formats)))
    current = {name: stats["f1"] for name, stats in summary["fields"].items() if stats["f1"] is not None}
    current["micro"] = summary["micro"]["f1"]
    out: dict[str, object] = {"_formats": formats}
    for name, value in sorted(current.items()):
        new = math.floor(value * 100) / 100
        out[name] = max(new, float(floors.get(name, 0.0)))
    FLOORS.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/gold")
