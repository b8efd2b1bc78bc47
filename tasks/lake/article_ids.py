"""Every article_id of the lake with the pub_date partition that holds it
(`_state/article_ids.parquet`): read once per run, so that before its commit a run can tell
that an article it staged already lives on another day (checks.py settles what happens).

Derived state, rebuilt from the partitions and never trusted beyond them:
- It is written after the commit's partitions are swapped in, so it never names an id the
  lake does not hold yet.
- A marker (`_state/article_ids.in-commit`) is written before a commit swaps its first
  partition and removed once the ids are recorded: a run killed in between leaves it, and the
  next read rebuilds the ids from the articles partitions (their article_id column).
- A day whose number of ids differs from the rows the writer recorded for it
  (`_state/partitions.parquet`: a commit that did not record ids) is read again from its
  partition.
- A claim that would drop a staged copy is first checked against the partition it names
  (`confirmed`): a partition deleted since still has its ids here, and must not swallow them.
An id found on two days by a rebuild (a lake written before this index) is kept on the
earlier day, as the lake's first copy.
"""

from __future__ import annotations

import contextlib
from collections import Counter, defaultdict
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.lake.layout import Lake, partition_value
from tasks.lake.partitions import read_partitions
from tasks.lake.schema import DATASETS

ARTICLE_IDS = pa.schema([("article_id", pa.string()), ("pub_date", pa.string())])
_ARTICLES = DATASETS["articles"]
_READ_ERRORS = (OSError, ValueError, pa.ArrowException)


def read_ids(lake: str | Lake) -> dict[str, str]:
    """article_id -> pub_date for the whole lake: the index file, or the partitions when the
    file is missing, unreadable or a commit died before recording it; stale days re-read."""
    lake = Lake.at(lake)
    if not lake.fs.exists(lake.article_ids_in_commit()):
        try:
            table = pq.read_table(lake.article_ids_file(), filesystem=lake.fs, schema=ARTICLE_IDS)
        except _READ_ERRORS:
            table = None
        if table is not None:
            return _with_stale_days_reread(lake, dict(zip(table["article_id"].to_pylist(),
                                                          table["pub_date"].to_pylist())))
    return rebuild_ids(lake)[0]


def rebuild_ids(lake: str | Lake) -> tuple[dict[str, str], dict[str, list[str]]]:
    """From the articles partitions: (article_id -> its earliest day, article_id -> every day
    of an id found on more than one). An unreadable partition adds nothing."""
    lake = Lake.at(lake)
    days_of: dict[str, list[str]] = defaultdict(list)
    for day in sorted(_article_days(lake)):
        for article in _ids_on(lake, day) or ():
            days_of[article].append(day)
    ids = {article: days[0] for article, days in days_of.items()}
    return ids, {article: days for article, days in days_of.items() if len(days) > 1}


def confirmed(lake: str | Lake, claims: dict[str, str]) -> dict[str, str]:
    """The claims (article_id -> day) that the day's partition really holds (one read per day)."""
    lake = Lake.at(lake)
    by_day: dict[str, set[str]] = defaultdict(set)
    for article, day in claims.items():
        by_day[day].add(article)
    held = {}
    for day, articles in by_day.items():
        present = set(_ids_on(lake, day) or ())
        held.update((article, day) for article in articles & present)
    return held


def begin_commit(lake: str | Lake) -> None:
    """Mark the ids as possibly behind the partitions until `record_ids` has run."""
    from tasks.lake.writer import write_bytes_atomically  # the writer's atomic write

    lake = Lake.at(lake)
    if not lake.fs.exists(lake.article_ids_in_commit()):
        write_bytes_atomically(lake, b"a commit is swapping partitions; rebuild article_ids from them\n",
                               lake.article_ids_in_commit())


def updated_ids(ids: dict[str, str], written: dict[str, str], replace: Iterable[str] = ()) -> dict[str, str]:
    """The ids after a commit (pure): the days in `replace` hold only what the run wrote there;
    every article the run wrote (article_id -> day) is on its day."""
    replace = set(replace)
    kept = {article: day for article, day in ids.items() if day not in replace} if replace else dict(ids)
    kept.update(written)
    return kept


def record_ids(lake: str | Lake, ids: dict[str, str]) -> None:
    """Write the ids after a commit (days that disagree with the writer's record re-read from
    their partitions), then clear the in-commit marker."""
    from tasks.lake.writer import write_atomically

    lake = Lake.at(lake)
    ids = _with_stale_days_reread(lake, ids)
    table = pa.table({"article_id": pa.array(list(ids), pa.string()),
                      "pub_date": pa.array(list(ids.values()), pa.string())}, schema=ARTICLE_IDS)
    write_atomically(lake, table.sort_by("article_id"), lake.article_ids_file())
    with contextlib.suppress(FileNotFoundError):
        lake.fs.rm(lake.article_ids_in_commit())


def _with_stale_days_reread(lake: Lake, ids: dict[str, str]) -> dict[str, str]:
    """Days whose id count differs from the rows the writer recorded, read again from their
    partition. Days the record does not know (a lake older than it) are taken as they are; a
    claim on a day since emptied is caught by `confirmed` before it could drop anything."""
    recorded = {day: rows for (name, day), rows in read_partitions(lake).items() if name == _ARTICLES.name}
    if not recorded:
        return ids
    counts = Counter(ids.values())
    stale = {day for day, rows in recorded.items() if counts.get(day, 0) != rows}
    if not stale:
        return ids
    fresh = {article: day for article, day in ids.items() if day not in stale}
    for day in sorted(stale):
        for article in _ids_on(lake, day) or ():
            fresh.setdefault(article, day)
    return fresh


def _article_days(lake: Lake) -> set[str]:
    try:
        folders = lake.fs.ls(lake.dataset_dir(_ARTICLES.name), detail=False)
    except (FileNotFoundError, NotADirectoryError):
        return set()
    values = (partition_value(_ARTICLES, f.rstrip("/").rsplit("/", 1)[-1]) for f in folders)
    return {v for v in values if v is not None}


def _ids_on(lake: Lake, day: str) -> list[str] | None:
    """The article_ids of one day's partition; None when it is gone or unreadable."""
    try:
        table = pq.read_table(lake.partition_file(_ARTICLES, day), columns=["article_id"], filesystem=lake.fs)
    except _READ_ERRORS:
        return None
    return pc.unique(table["article_id"]).to_pylist()
