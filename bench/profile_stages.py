"""Where the time goes: each pure stage timed on one core over a mixed-format synthetic corpus.

    .venv/bin/python bench/profile_stages.py [--n 2000] [--seed 1] [--formats page_text,nitf]

No Prefect, no lake: read (sniff, unpack, decode, format reader) -> wire conventions ->
row building -> entities (NER + places) -> quotes and amounts, with a timer around each
stage. Prints seconds and shares per stage, files/s and words/s on one core.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.formats import reader_for  # noqa: E402
from tasks.parse import finish_story  # noqa: E402
from tasks.entities import entity_rows  # noqa: E402
from tasks.pipeline import article_row, quote_and_amount_rows  # noqa: E402
from tasks.records import RawFile, Reject  # noqa: E402
from tasks.synth import generate  # noqa: E402


def stories_of(raw: RawFile):
    """Every (story, file it came from) in a raw file, members of containers included."""
    try:
        for item in reader_for(raw).read(raw):
            if isinstance(item, RawFile):
                yield from stories_of(item)
            elif not isinstance(item, Reject):
                yield item, raw
    except Reject:
        return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default=None, help="comma-separated synth formats (default: all)")
    args = parser.parse_args()
    formats = {"formats": tuple(args.formats.split(","))} if args.formats else {}
    with tempfile.TemporaryDirectory() as tmp:
        generate(args.n, tmp, seed=args.seed, start=date(2024, 1, 1), end=date(2024, 1, 30), **formats)
        files = [RawFile(str(p), p.read_bytes()) for p in sorted(Path(tmp).rglob("*")) if p.is_file()]
    now = datetime.now(timezone.utc)
    seconds: Counter = Counter()
    words = stories = 0

    def timed(name, function, *arguments):
        started = time.perf_counter()
        result = function(*arguments)
        seconds[name] += time.perf_counter() - started
        return result

    for raw in files:
        for story, source in timed("read", lambda r: list(stories_of(r)), raw):
            story = timed("wire conventions", finish_story, story)
            article = timed("row building", article_row, story, source, now)
            entities = timed("entities + places", entity_rows, article, story)
            timed("quotes + amounts", quote_and_amount_rows, article, entities)
            words += article["word_count"]
            stories += 1
    total = sum(seconds.values())
    print(f"{len(files):,} files, {stories:,} stories, {words:,} words, {total:.2f} s: "
          f"{len(files) / total:,.0f} files/s, {stories / total:,.0f} stories/s, {words / total:,.0f} words/s on one core")
    for name, spent in seconds.most_common():
        print(f"  {name:18s} {spent:6.2f} s  {100 * spent / total:3.0f} %")


if __name__ == "__main__":
    main()
