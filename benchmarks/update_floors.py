"""Raise the eval floors to the current scores (floors only move up). Run after an improvement:

python benchmarks/update_floors.py ../shared/corpus/gold

tests/eval_floors.json holds the native and text-layer inputs (checked by the test suite);
tests/eval_floors_all.json holds every input including the scans (checked by the eval run that ends CI,
`gongmun eval ../shared/corpus/gold --floors tests/eval_floors_all.json`, so the scans are read once).
Each file has scopes (extract.measure.floors.scopes): the first 15 documents keep the floors they reached
before the corpus grew, the whole corpus and each kind have floors of their own. A scope whose `floors`
is empty is filled with the current scores.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from extract.measure import evaluate, floors

TESTS = Path(__file__).resolve().parents[1] / "tests"


def _raise(path: Path, results: list[evaluate.DocResult]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    low = floors.check_floor_file(results, data)
    if low:  # a regression is fixed, not written over: floors only move up
        sys.exit(f"{path.name}: below floor, nothing written:\n  " + "\n  ".join(low))
    scopes = floors.scopes(data)
    for scope in scopes.values():
        chosen = [r for r in results if floors.in_scope(r, scope)]
        current = floors.current_scores(evaluate.summarize(chosen))
        kept = scope.get("floors", {})
        for name, value in current.items():
            kept[name] = max(math.floor(value * 100) / 100, float(kept.get(name, 0.0)))
        scope["floors"] = dict(sorted(kept.items()))
    out = {"scopes": scopes}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(path.name, json.dumps({k: v["floors"].get("micro") for k, v in scopes.items()}))


def main(gold_dir: str) -> None:
    results = evaluate.run([gold_dir])
    _raise(TESTS / "eval_floors.json", results)
    _raise(TESTS / "eval_floors_all.json", results)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/gold")
