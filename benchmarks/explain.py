"""Show, field by field, where the prediction for one gold document differs from the gold.

python benchmarks/explain.py ../shared/corpus/gold/<id>.gold.json [--only hwpx]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extract.measure import evaluate
from extract.pipeline import extract_safe


def main(gold_path: str, only: str | None = None) -> None:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    for rel in gold["inputs"]:
        path = (Path(gold_path).parent / rel).resolve()
        fmt = evaluate.input_format(path)
        if only and fmt not in only.split(","):
            continue
        res = extract_safe(str(path))
        print(f"== {path.name} [{fmt}] {res.status} {res.error or ''}")
        if res.report is None:
            continue
        pred = json.loads(res.report.model_dump_json())
        for name, c in evaluate.evaluate_one(gold, pred).items():
            if c.fp or c.fn or c.correct < c.total:
                print(f"  {name}: tp={c.tp} fp={c.fp} fn={c.fn}")
                if name in evaluate.SCALARS:
                    print("     gold:", evaluate._get(gold, evaluate.SCALARS[name])[1])
                    print("     pred:", evaluate._get(pred, evaluate.SCALARS[name])[1])
        for key in ("attachments", "approval_line"):
            if gold["document"].get(key) != pred["document"].get(key):
                g = gold["document"].get(key)
                p = [
                    {k: s.get(k) for k in ("position", "name")} if isinstance(s, dict) else s
                    for s in pred["document"][key]
                ]
                if g != p:
                    print(f"  {key}:\n     gold: {g}\n     pred: {p}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
