"""Documents per second, one process (one core), steady state: parsing plus NLP plus fields.

spaCy and the rules are loaded before the first round; the answers remembered per word across documents (cue
regexes per token text, title/name tests) are forgotten before each round, so that the corpus repeated
round after round does not look faster than an archive of different documents would.

python benchmarks/throughput.py ../shared/corpus --formats hwp,hwpx --rounds 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from extract import resources
from extract.analyse import nlp
from extract.pipeline import Options, extract_safe


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--formats", default="hwp,hwpx")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    suffixes = {"." + f for f in args.formats.split(",")}
    files = sorted(str(p) for p in Path(args.folder).iterdir() if p.suffix in suffixes)
    t0 = time.perf_counter()
    extract_safe(files[0], Options())  # warm-up: spaCy and the rules load once per process
    print(f"start-up (first document): {time.perf_counter() - t0:.2f}s")
    per_file: dict[str, float] = {}
    rates, cpu_rates = [], []  # per round, by the wall clock and by this process's CPU time
    models = resources.models(None)
    for _ in range(args.rounds):
        nlp.clear_caches(models)  # each round cold: no word answers remembered from the round before
        t0, c0 = time.perf_counter(), time.process_time()
        for f in files:
            t = time.perf_counter()
            res = extract_safe(f, Options())
            per_file[f] = per_file.get(f, 0.0) + time.perf_counter() - t
            assert res.status != "failed", res.error
        rates.append(len(files) / (time.perf_counter() - t0))
        cpu_rates.append(len(files) / (time.process_time() - c0))
    rates.sort()
    n = len(files) * args.rounds
    print(
        f"{n} documents: median round {statistics.median(rates):.1f} documents/s on one core "
        f"(rounds {rates[0]:.1f}-{rates[-1]:.1f}); per CPU second: median {statistics.median(cpu_rates):.1f} documents"
    )
    for f, s in sorted(per_file.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {Path(f).name}: {s / args.rounds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
