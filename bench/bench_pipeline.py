"""Pipeline benchmark: generate N raw files, run `wirelake run` on them, report throughput.

    .venv/bin/python bench/bench_pipeline.py                 # N = 1,000 and 10,000
    .venv/bin/python bench/bench_pipeline.py --n 500 --workers 1

Each N runs in a fresh child process so its peak memory is its own. Prints one table row
per N: files, articles, MB, wall time (with Prefect start-up), processing time (batches
only), articles/s and MB/s over processing time, and peak RSS of the flow process and of
the largest worker. Not a test: the figures depend on the machine; README records them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_DAY = date(2024, 1, 1)


def measure(n: int, workers: int | None, seed: int, days: int) -> dict:
    """Runs in a child process: synth, then the real flow, then resource figures."""
    sys.path.insert(0, str(ROOT))
    from tasks.settings import PREFECT_DEFAULTS

    for name, value in PREFECT_DEFAULTS.items():  # quiet, as the CLI runs it; before Prefect loads
        os.environ.setdefault(name, value)
    from flows.ingest import run_flow
    from tasks.synth import generate

    with tempfile.TemporaryDirectory(prefix="wirelake-bench-") as tmp:
        source, lake = Path(tmp) / "raw", Path(tmp) / "lake"
        made = generate(n, source, seed=seed, start=FIRST_DAY, end=FIRST_DAY + timedelta(days=days - 1))
        started = time.perf_counter()
        summary = run_flow(str(source), str(lake), workers=workers)
        wall = time.perf_counter() - started
    processing = summary.processing_s
    return {
        "n": n,
        "files": summary.files_seen,
        "articles": summary.articles_parsed,
        "entities": summary.entities,
        "mb": made["bytes"] / 1e6,
        "wall_s": wall,
        "processing_s": processing,
        "articles_per_s": summary.articles_parsed / processing,
        "mb_per_s": made["bytes"] / 1e6 / processing,
        "rss_flow_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=30,
                        help="spread the stories over this many publication days (default: a month)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(measure(args.child, args.workers, args.seed, args.days)))
        return

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"workers: {args.workers or 'default'}; stories over {args.days} days")
    header = f"{'N':>7} {'articles':>9} {'MB':>7} {'wall s':>7} {'proc s':>7} {'art/s':>7} {'MB/s':>6} {'RSS flow MB':>12} {'RSS worker MB':>14}"
    print(header)
    for n in args.n:
        command = [sys.executable, __file__, "--child", str(n), "--seed", str(args.seed), "--days", str(args.days)]
        if args.workers:
            command += ["--workers", str(args.workers)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['n']:>7,} {r['articles']:>9,} {r['mb']:>7.1f} {r['wall_s']:>7.1f} {r['processing_s']:>7.1f} "
              f"{r['articles_per_s']:>7,.0f} {r['mb_per_s']:>6.2f} {r['rss_flow_mb']:>12,.0f} {r['rss_worker_mb']:>14,.0f}",
              flush=True)


if __name__ == "__main__":
    main()
