"""The lake writer: stage each batch aside, then commit partition by partition, atomically.

A partition is a single file replaced with os.replace, so a reader sees the old file or
the new one, never half of either. Merging is keyed (see merge.py), so writing the same
input twice leaves the same rows. Where each file goes is layout.py's; what each dataset
is (key, merge, derived index) is its declaration in schema.py.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from tasks.lake.layout import CLAIMING, DELETING, OWNER_FILE, Lake, partition_value
from tasks.lake.lock import assert_lock_held, holder_is_gone, holder_stamp, lake_lock, pid_is_dead, read_holder
from tasks.lake.merge import conform, drop_recorded, merge_partition
from tasks.lake.schema import (DATASETS, PUB_DATE, ROW_GROUP_ROWS, SCHEMA_VERSION, Dataset, DerivedIndex, Merge,
                               staged_schema)

COMMIT_THREADS = 4
# Free text: min/max statistics of bodies would fill the footer and prune nothing.
_NO_STATISTICS = {"body", "paragraphs", "headline", "subheadline", "related_headlines", "text", "detail"}
_DICTIONARY_COLUMNS = ["agency", "kind", "date_source", "language", "source_format", "type", "stage", "reason",
                       "country_code", "source", "unit", "verb"]


# --- staging (runs inside each batch, in parallel) ----------------------------------------


def stage_batch(lake: str | Lake, run_id: str, batch_no: int, rows: dict[str, list[dict]]) -> None:
    """Write one batch's rows aside under _staging/<run_id>/, one file per dataset."""
    lake = Lake.at(lake)
    for name, dataset_rows in rows.items():
        if not dataset_rows:
            continue
        dataset = DATASETS[name]
        table = pa.Table.from_pylist(dataset_rows, schema=staged_schema(dataset))
        # One row group per partition value: the commit reads one day at a time and skips the rest.
        table = table.sort_by([(dataset.partition, "ascending")])
        target = lake.staged_batch(run_id, name, batch_no)
        write_atomically(lake, table, target, compression="lz4", row_groups_by=dataset.partition)


def staging_dir(lake: str | Lake, run_id: str) -> str:
    return Lake.at(lake).staging_dir(run_id)


def claim_staging(lake: str | Lake, run_id: str) -> None:
    """Mark a run's staging folder with its owner, so a later commit can tell a dead run's
    leftovers (swept) from a live run's batches (kept). Locally the folder appears with its
    owner file already in it (built under a hidden name, then renamed)."""
    lake = Lake.at(lake)
    if not lake.is_local:  # one PUT: the owner object exists or it does not
        lake.fs.pipe_file(lake.staging_owner(run_id), holder_stamp().encode())
        return
    building = lake.claiming_dir(run_id)
    os.makedirs(building, exist_ok=True)
    with open(os.path.join(building, OWNER_FILE), "w") as handle:
        handle.write(holder_stamp())
    os.rename(building, lake.staging_dir(run_id))


def sweep_staging(lake: Lake, keep: str) -> list[str]:
    """Remove what dead runs left in _staging (called under the lock): folders whose owner is
    gone, half-made claims, and folders a finished run was deleting when it died."""
    swept = []
    staging = lake.staging_root()
    for folder in lake.fs.ls(staging, detail=False) if lake.fs.exists(staging) else []:
        name = folder.rstrip("/").rsplit("/", 1)[-1]
        owner = f"{folder.rstrip('/')}/{OWNER_FILE}"
        if name == keep:
            continue
        if name.startswith(DELETING):
            gone = True
        elif name.startswith(CLAIMING):  # a claim being made now has its owner file within ms
            gone = (holder_is_gone(lake, read_holder(lake, owner)) if lake.fs.exists(owner)
                    else time.time() - _mtime(lake, folder) > 60)
        else:
            gone = lake.fs.exists(owner) and holder_is_gone(lake, read_holder(lake, owner))
        if gone:
            with contextlib.suppress(FileNotFoundError, OSError):
                lake.fs.rm(folder, recursive=True)
            swept.append(name)
    return swept


@dataclass(frozen=True)
class Staged:
    """One dataset's staged batches of a run, read a partition at a time, so a commit holds
    a few days of rows in memory, never the whole run."""

    dataset: Dataset
    files: pads.Dataset
    values: list[str]  # partition values present

    def rows(self, value: str) -> pa.Table:
        # Batches hold one row group per partition value: the filter skips the others by statistics.
        return self.files.to_table(filter=pc.field(self.dataset.partition) == value)


def staged_datasets(lake: str | Lake, run_id: str) -> Iterator[Staged]:
    """Each dataset's staged batches of a run (datasets with none are skipped)."""
    lake = Lake.at(lake)
    for name, dataset in DATASETS.items():
        files = sorted(lake.fs.glob(lake.staged_batches(run_id, name)))
        if files:
            staged = pads.dataset(files, schema=staged_schema(dataset), filesystem=lake.fs)
            values = pc.unique(staged.to_table(columns=[dataset.partition])[dataset.partition]).to_pylist()
            yield Staged(dataset, staged, sorted(values))


# --- commit (one process, under the lake lock) --------------------------------------------


@dataclass
class CommitReport:
    partitions: dict[str, int] = field(default_factory=dict)  # dataset -> partitions written
    rows_written: dict[str, int] = field(default_factory=dict)  # dataset -> rows of this run kept
    rows_new: dict[str, int] = field(default_factory=dict)  # dataset -> rows not in the lake before


def commit_run(lake: str | Lake, run_id: str, replace: Iterable[str] = (), only: Iterable[str] | None = None,
               after_commit=None) -> CommitReport:
    """Merge a run's staged batches into the lake, one partition at a time, then drop staging.

    `replace`: pub_date partitions to rebuild from this run's rows alone (a backfill's days):
    rows not produced again disappear. `only`: if given, staged rows outside these pub_dates are
    ignored. `after_commit(lake, report)` runs while the lock is still held (ledger, run report).
    """
    lake = Lake.at(lake)
    replace, only = set(replace), (set(only) if only is not None else None)
    report = CommitReport()
    for name in DATASETS:
        report.partitions[name] = report.rows_written[name] = report.rows_new[name] = 0
    stale_indexes: dict[str, DerivedIndex] = {}  # name -> index whose source dataset changed
    with lake_lock(lake):
        sweep_staging(lake, keep=run_id)
        for staged in staged_datasets(lake, run_id):
            dataset, values = staged.dataset, set(staged.values)
            if dataset.partition == PUB_DATE:
                if only is not None:
                    values &= only
                # A replaced day the run no longer produces must become empty, not stay stale.
                values |= replace
            name = dataset.name
            empty = staged.files.schema.empty_table()
            recorded = recorded_keys(lake, dataset, values) if dataset.merge is Merge.KEEP_RECORDED else set()

            def commit_one(value: str, staged=staged, dataset=dataset, empty=empty, recorded=recorded) -> tuple[int, int]:
                rows = drop_recorded(dataset, staged.rows(value), recorded) if value in staged.values else empty
                return _commit_partition(lake, dataset, value, rows, value in replace)

            # Partitions are independent; threads overlap their reads, writes and fsyncs.
            with ThreadPoolExecutor(max_workers=COMMIT_THREADS) as pool:
                counts = pool.map(commit_one, sorted(values))
                for run_rows, new_rows in counts:
                    report.partitions[name] += 1
                    report.rows_written[name] += run_rows
                    report.rows_new[name] += new_rows
            if dataset.index is not None:
                stale_indexes[dataset.index.name] = dataset.index
        for index in stale_indexes.values():
            write_atomically(lake, index.combine(read_summaries(lake, index)), lake.index_file(index.name))
        assert_lock_held(lake)  # the lock is still ours: a taken-over lock stops us before the ledger
        if after_commit is not None:
            after_commit(lake, report)
    drop_staging(lake, run_id)
    return report


def drop_staging(lake: str | Lake, run_id: str) -> None:
    """Delete a run's staging. Locally it is renamed away first, so a kill half-way through
    the delete leaves a folder the next commit recognises as garbage."""
    lake = Lake.at(lake)
    folder = lake.staging_dir(run_id)
    if lake.is_local:
        doomed = lake.deleting_dir(run_id)
        with contextlib.suppress(FileNotFoundError):
            os.rename(folder, doomed)
        shutil.rmtree(doomed, ignore_errors=True)
        return
    with contextlib.suppress(FileNotFoundError):
        lake.fs.rm(folder, recursive=True)


def _commit_partition(lake: Lake, dataset: Dataset, value: str, rows: pa.Table, replace: bool) -> tuple[int, int]:
    path = partition_path(lake, dataset, value)
    existing = read_partition(lake, dataset, value)
    if replace and existing is not None:
        # Keep only what carries over (first ingested_at); rows are rebuilt from this run.
        merged, run_rows, new_rows = merge_partition(dataset, existing, rows, drop_existing=True)
    else:
        merged, run_rows, new_rows = merge_partition(dataset, existing, rows)
    if merged.num_rows == 0:
        with contextlib.suppress(FileNotFoundError):
            lake.fs.rm(lake.partition_dir(dataset, value), recursive=True)
    else:
        write_atomically(lake, merged, path, compression="zstd", row_groups_by=dataset.row_groups_by,
                         row_group_rows=dataset.row_group_rows)
    if dataset.index is not None:  # the partition's absolute summary, written after the partition
        summary_path = lake.summary_file(dataset.index.summaries, value)
        write_atomically(lake, dataset.index.summarise(value, merged), summary_path)
    return run_rows, new_rows


def read_summaries(lake: Lake, index: DerivedIndex) -> pa.Table:
    """Every partition summary of a derived index (empty table if none); a missing or
    unreadable one is rebuilt from its partition (repair.py)."""
    from tasks.lake.repair import readable_summaries

    return readable_summaries(lake, index)


def partition_path(lake: str | Lake, dataset: Dataset, value: str) -> str:
    return Lake.at(lake).partition_file(dataset, value)


def partition_values(lake: str | Lake, dataset_name: str = "articles") -> set[str]:
    """The partition values present in a dataset ('2017-02-02', ...), from folder names only."""
    lake = Lake.at(lake)
    dataset = DATASETS[dataset_name]
    try:
        folders = lake.fs.ls(lake.dataset_dir(dataset.name), detail=False)
    except FileNotFoundError:
        return set()
    values = (partition_value(dataset, f.rstrip("/").rsplit("/", 1)[-1]) for f in folders)
    return {v for v in values if v is not None}


def recorded_keys(lake: Lake, dataset: Dataset, skip: Iterable[str]) -> set[tuple]:
    """The keys of a dataset's rows in every partition but `skip` (those the commit merges itself)."""
    keys: set[tuple] = set()
    for value in partition_values(lake, dataset.name) - set(skip):
        table = pq.read_table(partition_path(lake, dataset, value), columns=list(dataset.key), filesystem=lake.fs)
        keys.update(zip(*(table[k].to_pylist() for k in dataset.key)))
    return keys


def read_partition(lake: str | Lake, dataset: Dataset, value: str) -> pa.Table | None:
    lake = Lake.at(lake)
    path = partition_path(lake, dataset, value)
    if not lake.fs.exists(path):
        return None
    return conform(pq.read_table(path, filesystem=lake.fs), dataset.schema)


# --- atomic writes ------------------------------------------------------------------------


def write_atomically(lake: Lake, table: pa.Table, target: str, compression: str = "zstd",
                     row_groups_by: str | None = None, row_group_rows: int = ROW_GROUP_ROWS) -> None:
    """Write a table as Parquet so that readers see the old file or the new one, never a part.

    Low-cardinality columns are dictionary-encoded; every column but free text carries
    min/max statistics. With `row_groups_by` (the table sorted by it), each value of that column
    starts a new row group, so a filter on it skips the other row groups.
    """
    metadata = dict(table.schema.metadata or {})
    metadata[b"wirelake.schema_version"] = SCHEMA_VERSION.encode()
    table = table.replace_schema_metadata(metadata)
    dictionary = [c for c in _DICTIONARY_COLUMNS if c in table.column_names]
    statistics = [c for c in table.column_names if c not in _NO_STATISTICS]
    buffer = io.BytesIO()
    with pq.ParquetWriter(buffer, table.schema, compression=compression, use_dictionary=dictionary,
                          write_statistics=statistics) as writer:
        for piece in runs_of(table, row_groups_by) if row_groups_by else [table]:
            writer.write_table(piece, row_group_size=row_group_rows)
    write_bytes_atomically(lake, buffer.getvalue(), target)


def runs_of(table: pa.Table, column: str) -> Iterator[pa.Table]:
    """Consecutive slices of `table` with one value of `column` each (pure; no copy)."""
    values = table[column].to_pylist()
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            yield table.slice(start, i - start)
            start = i


def write_bytes_atomically(lake: Lake, data: bytes, target: str) -> None:
    """Replace `target` with `data`, all or nothing.

    Locally: a hidden temp file beside it, fsync, rename. On object storage a single PUT is
    already atomic, so the file is written in one request.
    """
    if not lake.is_local:
        lake.fs.pipe_file(target, data)
        return
    folder, name = os.path.dirname(target), os.path.basename(target)
    os.makedirs(folder, exist_ok=True)
    _remove_dead_temporaries(folder, name)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)


def _remove_dead_temporaries(folder: str, name: str) -> None:
    """Temp files of writers killed mid-write (hidden, so readers never saw them)."""
    prefix = f".{name}."
    for entry in os.listdir(folder):
        if entry.startswith(prefix) and entry.endswith(".tmp") and pid_is_dead(entry[len(prefix):-len(".tmp")]):
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(folder, entry))


def _mtime(lake: Lake, path: str) -> float:
    try:
        return lake.fs.modified(path).timestamp()
    except (OSError, NotImplementedError, AttributeError):
        return 0.0
