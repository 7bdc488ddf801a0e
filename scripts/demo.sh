#!/usr/bin/env bash
# Install everything, then extract every bundled sample into out/ (one JSON per report).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
mkdir -p out
.venv/bin/gongmun extract samples/*.txt -o out/
ls -1 out/
