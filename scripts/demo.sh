#!/usr/bin/env bash
# Install everything, then import every bundled sample (text, HWPX, HWP, PDF, scan) into out/:
# one JSON per report, manifest.jsonl, all.jsonl, a SQLite database and review pages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/gongmun batch samples --out out --jsonl out/all.jsonl --db out/gongmun.sqlite --review --jobs 2
ls -1 out/
