#!/usr/bin/env bash
# Install everything (with the dev tools), then lint, type-check, run the tests and print the corpus scores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest -q -m ""  # every test: slow, OCR, browser and corpus ones included
if [ -d ../shared/corpus/gold ]; then
  echo "--- gongmun eval ../shared/corpus/gold (floors: tests/eval_floors_all.json, scans included)"
  .venv/bin/gongmun eval ../shared/corpus/gold --floors tests/eval_floors_all.json
fi
