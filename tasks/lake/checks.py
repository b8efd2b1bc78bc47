"""One article_id, one pub_date partition: settled before the commit writes anything.

The merge is keyed per partition, so one id dated two ways by two deliveries of the same
text (a copy whose date was not trusted and fell back to the file's, a local date beside a
UTC timestamp) would land in both days: `article_id` would not be unique across the lake
and the summary would count it once written and twice new ("1,915 written (1,916 new to
the lake)"). Stubs without text cannot collide so (tasks/identity.py hashes their story and
day), so what is left is a conflict in the input, and bad input must not fail a run.

It is resolved deterministically, by the rule the merge already applies to duplicates
within a day: the copy from the first source file (in uri order) keeps the article; the
other day's copy is a duplicate and its rows (articles, entities, quotes, amounts) are
dropped from the run's staging. The run's summary already counts it so (summarise judges
files in uri order by article_id), so written and new agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.lake.layout import Lake
from tasks.lake.schema import DATASETS, PUB_DATE


def first_day_of_each_article(outcomes: Iterable[dict], only: list[str] | None = None) -> dict[str, str]:
    """article_id -> the pub_date it keeps: that of the first file (uri order) that has it (pure).
    `outcomes` in uri order (a run's are: flows/run_steps.summarise, tasks/lake/outcomes.py).
    `only`: the days a backfill writes (None: all)."""
    kept: dict[str, str] = {}
    for outcome in outcomes:
        for article, day in zip(outcome["article_ids"], outcome["article_days"]):
            if only is None or day in only:
                kept.setdefault(article, day)
    return kept


def days_to_drop(outcomes: Iterable[dict], only: list[str] | None = None) -> dict[str, set[str]]:
    """pub_date -> the article_ids whose copy on that day loses to an earlier file's day (pure).
    `outcomes` in uri order and re-iterable (read twice)."""
    kept = first_day_of_each_article(outcomes, only)
    drop: dict[str, set[str]] = defaultdict(set)
    for outcome in outcomes:
        for article, day in zip(outcome["article_ids"], outcome["article_days"]):
            if article in kept and kept[article] != day and (only is None or day in only):
                drop[day].add(article)
    return dict(drop)


def drop_staged_articles(lake: str | Lake, run_id: str, drop: dict[str, set[str]]) -> int:
    """Remove the losing copies from the run's staged batches (every dataset keyed by article
    and partitioned by pub_date); rows removed. Each batch file is rewritten atomically."""
    from tasks.lake.writer import write_atomically  # the writer's own atomic Parquet write

    if not drop:
        return 0
    lake = Lake.at(lake)
    pairs = pa.array(sorted(f"{day}\x1f{article}" for day, articles in drop.items() for article in articles))
    removed = 0
    for name, dataset in DATASETS.items():
        if dataset.partition != PUB_DATE or dataset.group != "article_id":
            continue
        for path in sorted(lake.fs.glob(lake.staged_batches(run_id, name))):
            table = pq.read_table(path, filesystem=lake.fs)
            keys = pc.binary_join_element_wise(table[PUB_DATE], table["article_id"], "\x1f")
            losing = pc.is_in(keys, value_set=pairs)
            if not pc.any(losing).as_py():
                continue
            kept = table.filter(pc.invert(losing))
            removed += table.num_rows - kept.num_rows
            write_atomically(lake, kept, path, compression="lz4", row_groups_by=PUB_DATE)
    return removed
