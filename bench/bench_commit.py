"""The commit alone: stage a corpus once, then time `commit_run` on fresh copies of that staging.

    .venv/bin/python bench/bench_commit.py --source SRC [--workers 2] [--repeat 3] [--profile]

SRC is a folder of raw files (e.g. `wirelake synth --n 5000 --seed 7 --out SRC`: stories over
about seven years). The batches are staged once with a plain process pool (as `plain` in
bench_throughput.py), then each round copies the staged lake aside and commits it into an
empty lake, so every round commits the same rows. Prints seconds per round, the partitions
and files written; `--profile` runs one round under pyinstrument (one thread per pool) and
prints where the time goes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_throughput import stage_plain  # noqa: E402  (bench/ is the script's folder)
from flows.run_steps import commit_and_record  # noqa: E402


def files_under(folder: str) -> int:
    return sum(len(names) for _, _, names in os.walk(folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="one round under pyinstrument")
    parser.add_argument("--keep", metavar="LAKE", help="keep the last round's lake there")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-commit-") as work:
        staged = os.path.join(work, "staged")
        began = time.perf_counter()
        run_id, summary = stage_plain(args.source, staged, args.workers)
        print(f"staged {summary.articles_parsed:,} articles in {time.perf_counter() - began:.1f} s")
        seconds = []
        for round_no in range(args.repeat):
            target = os.path.join(work, f"lake-{round_no}")
            shutil.copytree(staged, target)
            profiler = None
            if args.profile and round_no == 0:
                from pyinstrument import Profiler
                profiler = Profiler(async_mode="disabled")
                profiler.start()
            began = time.perf_counter()
            commit_and_record(target, run_id, summary)
            seconds.append(time.perf_counter() - began)
            if profiler is not None:
                profiler.stop()
                print(profiler.output_text(unicode=False, color=False, show_all=False))
            print(f"round {round_no + 1}: commit {seconds[-1]:.2f} s, {files_under(target):,} files in the lake")
            if args.keep and round_no == args.repeat - 1:
                shutil.move(target, args.keep)
            # Other rounds' lakes are deleted with the work folder at the end, not now: see
            # bench_throughput.py on creating files soon after deleting many.
        print(f"commit median {statistics.median(seconds):.2f} s over {len(seconds)} rounds "
              f"(min {min(seconds):.2f}, max {max(seconds):.2f})")


if __name__ == "__main__":
    main()
