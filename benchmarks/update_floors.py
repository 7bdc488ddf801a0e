"""Raise the eval floors to the current scores (floors only move up). Run after an improvement:

python benchmarks/update_floors.py ../shared/corpus/gold

tests/eval_floors.json holds the native and text-layer inputs (checked by the test suite);
tests/eval_floors_all.json holds every input including the scans (checked by the eval run that ends CI,
`gongmun eval ../shared/corpus/gold --floors tests/eval_floors_all.json`, so the scans are read once).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from extract import evaluate

TESTS = Path(__file__).resolve().parents[1] / "tests"


def _raise(path: Path, summary: dict[str, object], formats: list[str] | None) -> None:
    floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    fields = summary["fields"]
    assert isinstance(fields, dict)
    current = {name: stats["f1"] for name, stats in fields.items() if stats["f1"] is not None}
    micro = summary["micro"]
    assert isinstance(micro, dict)
    current["micro"] = micro["f1"]
    other = summary["kind_other"]
    assert isinstance(other, dict)
    if other["precision"] is not None:
        current["kind_other"] = other["precision"]
    by_format = summary["by_format"]
    assert isinstance(by_format, dict)
    for fmt in by_format:
        value = evaluate.format_micro(summary, fmt)
        if value is not None:
            current[f"format:{fmt}"] = value
    out: dict[str, object] = {"_formats": formats} if formats else {}
    for name, value in sorted(current.items()):
        new = math.floor(value * 100) / 100
        out[name] = max(new, float(floors.get(name, 0.0)))
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(path.name, json.dumps(out, ensure_ascii=False))


def main(gold_dir: str) -> None:
    native = TESTS / "eval_floors.json"
    formats = json.loads(native.read_text(encoding="utf-8")).get("_formats", ["txt", "hwpx", "hwp", "pdf"])
    results = evaluate.run([gold_dir])
    _raise(native, evaluate.summarize([r for r in results if r.format in formats]), formats)
    _raise(TESTS / "eval_floors_all.json", evaluate.summarize(results), None)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/gold")
