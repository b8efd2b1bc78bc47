"""Damage in a lake: found, named in one line each, and repaired where the lake itself can.

What the lake can rebuild alone: a derived index's day summaries (from the dataset's
partitions) and the index (from the summaries); the lake's article ids (article_ids.py, from
the articles partitions). What needs the raw files: a partition that is
unreadable (moved aside to _quarantine/, then rebuilt by re-reading the files the ledger lists
for its day) or gone while the state says it had rows (an entities day whose summary counts
mentions). A run re-reads the files of such days by itself (`intact_days`); `wirelake repair`
does all of it at once.
"""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.lake import article_ids
from tasks.lake.layout import QUARANTINE, Lake, is_hidden, partition_value  # noqa: F401  (QUARANTINE: for callers)
from tasks.lake.partitions import read_partitions
from tasks.lake.schema import DATASETS, PUB_DATE, Dataset, DerivedIndex

READ_ERRORS = (pa.ArrowInvalid, OSError, ValueError)


@dataclass
class Damage:
    """What a scan found: each problem as one line, and the days whose partitions need the raw files."""

    problems: list[str] = field(default_factory=list)
    days_to_reread: set[str] = field(default_factory=set)
    repaired: list[str] = field(default_factory=list)


def dataset_of(index: DerivedIndex) -> Dataset:
    return next(d for d in DATASETS.values() if d.index is not None and d.index.name == index.name)


def readable_summaries(lake: Lake, index: DerivedIndex, fresh: pa.Table | None = None,
                       fresh_groups: Iterable[str] = ()) -> pa.Table:
    """Every partition summary of a derived index, rebuilding from the partitions any that is
    missing or unreadable, so that one lost or truncated summary file neither shrinks the
    index nor fails the commit. `fresh`: the summary files of `fresh_groups` a commit has just
    written (every row of each), so only the others are read."""
    from tasks.lake.writer import small_parquet_bytes, write_bytes_atomically

    dataset = dataset_of(index)
    fresh_groups = set(fresh_groups)
    tables = [fresh] if fresh is not None else []
    for group, path in sorted(summary_groups(lake, index).items()):
        if group not in fresh_groups:
            table = read_summary_file(lake, index, path)
            if table is not None:
                tables.append(table)
    summaries = pa.concat_tables(tables) if tables else index.summary_schema.empty_table()
    summarised = set(pc.unique(pc.cast(summaries[index.summary_value], pa.string())).to_pylist())
    missing = sorted(set(_partition_values(lake, dataset)) - summarised)
    if not missing:  # the common case: all there, all readable
        return summaries
    rebuilt = []
    for value in missing:
        rows = _read(lake, lake.partition_file(dataset, value), dataset.schema)
        if rows is not None:  # an unreadable partition: `repair` and the next run rebuild it
            rebuilt.append(rows.append_column(dataset.partition, pa.array([value] * rows.num_rows, pa.string())))
    if not rebuilt:
        return summaries
    summaries = pa.concat_tables([summaries, index.summarise(pa.concat_tables(rebuilt), dataset.partition)])
    in_group = [index.summary_group(value) for value in pc.cast(summaries[index.summary_value], pa.string()).to_pylist()]
    for group in sorted({index.summary_group(value) for value in missing}):  # each file with a rebuilt summary
        table = summaries.filter(pa.array([g == group for g in in_group])).sort_by(index.summary_value)
        write_bytes_atomically(lake, small_parquet_bytes(table), lake.summary_file(index.summaries, group))
    return summaries


def read_summary_file(lake: Lake, index: DerivedIndex, path: str) -> pa.Table | None:
    """One summary file's rows, None when it is gone or cannot be read."""
    return _read(lake, path, index.summary_schema)


def intact_days(lake: str | Lake) -> set[str]:
    """The pub_date days whose partitions are all there: articles present, no partition the
    writer recorded (_state/partitions.parquet) gone, and no derived summary counting rows of a
    partition that is gone. A run re-reads the files of the others."""
    lake = Lake.at(lake)
    days = _partition_values(lake, DATASETS["articles"])
    for (name, day), _ in _missing_partitions(lake, read_partitions(lake)):
        if DATASETS[name].partition == PUB_DATE:
            days.pop(day, None)
    for dataset in DATASETS.values():
        if dataset.index is None or dataset.partition != PUB_DATE:
            continue
        present = set(_partition_values(lake, dataset))
        for day in _summarised_with_rows(lake, dataset.index) - present:
            days.pop(day, None)
    return set(days)


def scan(lake: str | Lake) -> Damage:
    """Every file of the lake that cannot be read, each named in one line, and the days to re-read."""
    lake = Lake.at(lake)
    damage = Damage()
    for dataset in DATASETS.values():
        for value, path in _partition_values(lake, dataset).items():
            if _read(lake, path, dataset.schema, footer_only=True) is None:
                damage.problems.append(f"unreadable partition {path}")
                if dataset.partition == PUB_DATE:
                    damage.days_to_reread.add(value)
        folder = lake.dataset_dir(dataset.name)
        if lake.fs.isdir(folder):
            for entry in lake.fs.ls(folder, detail=False):
                name = posixpath.basename(entry.rstrip("/"))
                if not is_hidden(name) and partition_value(dataset, name) is None:
                    damage.problems.append(f"foreign file in the lake {entry} (not a {dataset.partition}= partition)")
        if dataset.index is not None:
            for path in summary_groups(lake, dataset.index).values():
                if read_summary_file(lake, dataset.index, path) is None:
                    damage.problems.append(f"unreadable summary {path} (rebuilt from its partition by the next commit or repair)")
            index_file = lake.index_file(dataset.index.name)
            if lake.fs.exists(index_file) and _read(lake, index_file, dataset.index.schema) is None:
                damage.problems.append(f"unreadable index {index_file} (repair rebuilds it from the summaries)")
    for (name, value), rows in _missing_partitions(lake, read_partitions(lake)):
        dataset = DATASETS[name]
        fix = "re-read from the raw files" if dataset.partition == PUB_DATE else "its rows cannot be rebuilt"
        damage.problems.append(f"missing partition {lake.partition_dir(dataset, value)} ({rows:,} rows at its "
                               f"last commit; {fix})")
        if dataset.partition == PUB_DATE:
            damage.days_to_reread.add(value)
    all_days = set(_partition_values(lake, DATASETS["articles"]))
    for day in all_days - intact_days(lake) - damage.days_to_reread:
        damage.problems.append(f"day {day}: a partition its state counts rows in is gone (re-read from the raw files)")
        damage.days_to_reread.add(day)
    for name, path in (("ledger", lake.ledger_file()),):
        if lake.fs.exists(path) and _read(lake, path, None) is None:
            damage.problems.append(f"unreadable {name} {path} (repair moves it aside; every raw file is then read again)")
    return damage


def repair(lake: str | Lake) -> Damage:
    """Move unreadable files aside (to _quarantine/) and rebuild every derived summary and
    index; the days whose partitions need the raw files are returned for a re-read."""
    from tasks.lake.writer import write_atomically

    lake = Lake.at(lake)
    damage = scan(lake)
    for line in damage.problems:
        if line.startswith(("unreadable partition ", "unreadable summary ", "unreadable index ", "unreadable ledger ")):
            path = line.split(" ", 2)[2].split(" (")[0]
            target = quarantine(lake, path)
            damage.repaired.append(f"moved {path} to {target}")
    for dataset in DATASETS.values():
        if dataset.index is not None:
            index = dataset.index
            write_atomically(lake, index.combine(readable_summaries(lake, index)), lake.index_file(index.name))
            damage.repaired.append(f"rebuilt {lake.index_file(index.name)} from its day summaries")
    _rebuild_article_ids(lake, damage)
    return damage


def _rebuild_article_ids(lake: Lake, damage: Damage) -> None:
    """The lake's article ids from the articles partitions (derived state: rebuilt, never shrunk
    below what the partitions hold); an id on several days is named, its earliest day kept."""
    stored = article_ids.read_ids(lake)
    ids, on_several_days = article_ids.rebuild_ids(lake)
    if on_several_days:
        first = min(on_several_days)
        damage.problems.append(f"{len(on_several_days):,} article_id(s) on more than one day, first {first} "
                               f"on {', '.join(on_several_days[first])} (the earliest day counts as its own)")
    article_ids.record_ids(lake, ids)
    differ = sum(1 for article, day in ids.items() if stored.get(article) != day) + len(stored.keys() - ids.keys())
    damage.repaired.append(f"rebuilt {lake.article_ids_file()} from the articles partitions "
                           f"({len(ids):,} ids, {differ:,} differed)")


def quarantine(lake: Lake, path: str) -> str:
    """Move a file out of the lake's data, keeping its lake path under _quarantine/."""
    target = lake.quarantine_file(path)
    lake.fs.makedirs(posixpath.dirname(target), exist_ok=True)
    lake.fs.mv(path, target)
    folder = posixpath.dirname(path)
    with contextlib.suppress(OSError):  # an emptied partition folder would still count as a partition
        if posixpath.basename(folder).count("=") == 1 and not lake.fs.ls(folder, detail=False):
            lake.fs.rmdir(folder)
    return target


def _missing_partitions(lake: Lake, recorded: dict[tuple[str, str], int]) -> list[tuple[tuple[str, str], int]]:
    """Partitions the writer recorded with rows that are no longer in the lake."""
    present = {name: set(_partition_values(lake, dataset)) for name, dataset in DATASETS.items()}
    return sorted((key, rows) for key, rows in recorded.items()
                  if rows and key[0] in present and key[1] not in present[key[0]])


def _partition_values(lake: Lake, dataset: Dataset) -> dict[str, str]:
    """partition value -> its file, for a dataset's partition folders."""
    folder = lake.dataset_dir(dataset.name)
    try:
        entries = lake.fs.ls(folder, detail=False)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    values = {}
    for entry in entries:
        value = partition_value(dataset, posixpath.basename(entry.rstrip("/")))
        if value is not None:
            values[value] = lake.partition_file(dataset, value)
    return values


def summary_groups(lake: Lake, index: DerivedIndex) -> dict[str, str]:
    """group -> its summary file."""
    return {posixpath.basename(f)[: -len(".parquet")]: f for f in lake.fs.glob(lake.summary_files(index.summaries))}


def _summarised_with_rows(lake: Lake, index: DerivedIndex) -> set[str]:
    """The partition values whose summaries (in the readable files) count rows."""
    values = set()
    for path in summary_groups(lake, index).values():
        table = read_summary_file(lake, index, path)
        if table is not None and table.num_rows:
            counted = table.filter(pc.greater(table["mentions"], 0))
            values.update(pc.unique(pc.cast(counted[index.summary_value], pa.string())).to_pylist())
    return values


def _read(lake: Lake, path: str, schema: pa.Schema | None, footer_only: bool = False) -> pa.Table | None:
    """A Parquet file's rows (an empty table for `footer_only`), or None when it cannot be read."""
    try:
        if footer_only:
            with lake.fs.open(path, "rb") as handle:
                pq.ParquetFile(handle).metadata  # noqa: B018  (reads and checks the footer)
            return pa.table({})
        table = pq.read_table(path, filesystem=lake.fs)
        if schema is not None:
            from tasks.lake.merge import conform

            table = conform(table, schema)
        return table
    except FileNotFoundError:
        return None
    except READ_ERRORS:
        return None
    except Exception:  # noqa: BLE001  (a file that is not Parquet can fail in any of pyarrow's ways)
        return None
