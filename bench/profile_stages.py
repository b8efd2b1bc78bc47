"""Where the time goes: each pure stage timed on one core over a synthetic corpus.

    .venv/bin/python bench/profile_stages.py [--n 2000] [--seed 1]

No Prefect, no lake: decode -> page parsing -> wire conventions -> row building -> entities,
with a timer around each call. Prints seconds and shares per stage and files/s, words/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.clean import decode_text  # noqa: E402
from tasks.entities import find_entities  # noqa: E402
from tasks.formats.page_text import parse_page_text  # noqa: E402
from tasks.parse import finish_story  # noqa: E402
from tasks.pipeline import article_row  # noqa: E402
from tasks.records import RawFile, Reject  # noqa: E402
from tasks.synth import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generate(args.n, tmp, seed=args.seed, start=date(2024, 1, 1), end=date(2024, 1, 30))
        files = [RawFile(str(p), p.read_bytes()) for p in sorted(Path(tmp).rglob("*")) if p.is_file()]
    now = datetime.now(timezone.utc)
    stages = {"decode": decode_text, "page parsing": parse_page_text, "wire conventions": finish_story,
              "row building": lambda story: article_row(story, raw, now),
              "entities": lambda row: (row, find_entities(row["body"]))[0]}
    seconds = dict.fromkeys(stages, 0.0)
    words = 0
    for raw in files:
        value = raw.data
        try:
            for name, stage in stages.items():
                started = time.perf_counter()
                value = stage(value)
                seconds[name] += time.perf_counter() - started
        except Reject:
            continue
        words += value["word_count"]
    total = sum(seconds.values())
    print(f"{len(files):,} files, {words:,} words, {total:.2f} s: {len(files) / total:,.0f} files/s, "
          f"{words / total:,.0f} words/s on one core")
    for name, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"  {name:17s} {spent:6.2f} s  {100 * spent / total:3.0f} %")


if __name__ == "__main__":
    main()
