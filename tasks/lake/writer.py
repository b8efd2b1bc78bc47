"""The lake writer: stage each batch aside, then commit partition by partition, atomically.

A partition is a single file replaced with os.replace, so a reader sees the old file or
the new one, never half of either. Merging is keyed (see merge.py), so writing the same
input twice leaves the same rows. Where each file goes is layout.py's; what each dataset
is (key, merge, derived index) is its declaration in schema.py.
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import ctypes.util
import dataclasses
import functools
import io
import itertools
import multiprocessing
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from fsspec.implementations.memory import MemoryFileSystem

from tasks.lake import repair
from tasks.lake.layout import CLAIMING, DELETING, OWNER_FILE, Lake, partition_value
from tasks.lake.lock import (
    assert_lock_held,
    holder_is_gone,
    holder_stamp,
    lake_lock,
    pid_is_dead,
    read_holder,
)
from tasks.lake.merge import conform, drop_recorded, merge_partitions
from tasks.lake.partitions import recorded_partitions
from tasks.lake.schema import (
    DATASETS,
    PUB_DATE,
    ROW_GROUP_ROWS,
    SCHEMA_VERSION,
    Dataset,
    DerivedIndex,
    Merge,
    staged_schema,
)

COMMIT_PROCESSES = min(os.cpu_count() or 1, 8)  # windows of partitions committed at once
POOL_MIN_PARTITIONS = 256  # fewer: the commit works alone (starting processes costs ~0.5 s)
WINDOW_PARTITIONS = 256  # partitions per window at most, so a years-long run's spread over processes
GROUP_FILES, GROUP_BYTES = 2048, 64 * 2**20  # files made durable together (AtomicGroup, publish)
FSYNC_THREADS = 16  # where there is no syncfs (make_durable)
STAGED_WINDOW_BYTES = 8 * 2**20  # staged rows in a window at most (row groups' bytes in memory)
# A partition smaller than this (in memory) is one row group: a reader opening a file of a few
# kilobytes pays for each row group's footer entries and gains nothing from skipping one.
SPLIT_ROW_GROUPS_BYTES = 1 * 2**20
# So is one of this many rows, whatever their bytes: summing a slice's bytes (Table.nbytes)
# took a fifth as long as encoding a day of a years-long archive.
SMALL_ROWS = 100
# Free text: min/max statistics of bodies would fill the footer and prune nothing.
_NO_STATISTICS = {"body", "paragraphs", "headline", "subheadline", "related_headlines", "text", "detail"}
try:  # syncfs(2), for make_durable; absent outside Linux
    _LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
except OSError:
    _LIBC = None
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
        write_staged(lake, dataset, table.sort_by([(dataset.partition, "ascending")]),
                     lake.staged_batch(run_id, name, batch_no))


def write_staged(lake: Lake, dataset: Dataset, table: pa.Table, target: str) -> None:
    """A staged batch file: rows sorted by partition value, one row group per month of values
    ("2024-03"), statistics on the partition key only: the commit finds a day's row groups by
    them. One per day made a batch of a years-long archive thousands of row groups, and the
    commit held every batch's footer: 250 MB for 5,000 stories over seven years."""
    write_atomically(lake, table, target, compression="lz4", row_groups_by=dataset.partition,
                     row_group_key=_month, statistics=[dataset.partition], durable=False)


def _month(value: str | None) -> str | None:
    return value[:7] if value else value


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
            if lake.is_local and not name.startswith(DELETING):
                # Renamed away first: a kill half-way through the delete (its owner file gone,
                # batches left) leaves a folder marked as garbage, not one no sweep would take.
                with contextlib.suppress(OSError):
                    os.rename(folder, lake.deleting_dir(name))
                    folder = lake.deleting_dir(name)
            with contextlib.suppress(FileNotFoundError, OSError):
                lake.fs.rm(folder, recursive=True)
            swept.append(name)
    return swept


@dataclass(frozen=True)
class Staged:
    """One dataset's staged batches of a run, read a window of partitions at a time, so a
    commit holds a few days of rows in memory, never the whole run.

    Each batch is sorted by partition value in row groups of a month each (write_staged);
    their statistics, read once, say which row groups can hold which value, so a day's rows
    are read from its month's row groups only: the cost follows the rows, not days x batches."""

    dataset: Dataset
    lake: Lake
    files: list[str]
    row_groups: dict[str, list[tuple[int, int]]]  # partition value -> (file number, row group)
    group_bytes: dict[tuple[int, int], int]  # (file number, row group) -> its bytes in memory
    schema: pa.Schema  # staged_schema(dataset), built once

    @property
    def values(self) -> list[str]:
        """The partition values present, sorted."""
        return sorted(self.row_groups)

    def rows(self, value: str) -> pa.Table:
        return next(self.each_partition([value]))[1]

    def windows(self, values: Iterable[str], group: Callable[[str], str] | None = None) -> Iterator[list[str]]:
        """The values, in the order given (sorted, so a window's rows share row groups), cut into
        windows of up to STAGED_WINDOW_BYTES of row groups and WINDOW_PARTITIONS values: what a
        commit holds in memory at once, and the unit it spreads over processes. Values of one
        `group` (a month of days sharing a summaries file) are never cut apart."""
        window, groups, size = [], set(), 0
        for value in values:
            full = size >= STAGED_WINDOW_BYTES or len(window) >= WINDOW_PARTITIONS
            if window and full and (group is None or group(value) != group(window[-1])):
                yield window
                window, groups, size = [], set(), 0
            window.append(value)
            for where in self.row_groups.get(value, []):
                if where not in groups:
                    groups.add(where)
                    size += self.group_bytes[where]
        if window:
            yield window

    def read_window(self, values: list[str]) -> pa.Table:
        """The staged rows of these partition values, one read per batch file, in batch order."""
        files = sorted({f for value in values for f, _ in self.row_groups.get(value, [])})
        pieces = [self.read_file(file_no, values) for file_no in files]
        rows = pa.concat_tables(pieces) if pieces else self.schema.empty_table()
        return rows if rows.schema == self.schema else rows.cast(self.schema)

    def only(self, values: Iterable[str]) -> Staged:
        """This staging narrowed to some partition values (what a commit process needs to find them)."""
        row_groups = {value: self.row_groups[value] for value in values if value in self.row_groups}
        groups = {where for places in row_groups.values() for where in places}
        return dataclasses.replace(self, row_groups=row_groups,
                                   group_bytes={where: self.group_bytes[where] for where in groups})

    def each_partition(self, values: Iterable[str]) -> Iterator[tuple[str, pa.Table]]:
        """(value, its staged rows) for each value, in the order given, read a window at a time."""
        for window in self.windows(values):
            rows = self.read_window(window).sort_by(self.dataset.partition)  # stable: batch order kept
            pieces = {piece[self.dataset.partition][0].as_py(): piece for piece in runs_of(rows, self.dataset.partition)}
            for value in window:
                yield value, pieces.get(value, self.schema.empty_table())

    def read_file(self, file_no: int, values: Iterable[str] | None = None,
                  columns: list[str] | None = None) -> pa.Table | None:
        """A batch file's rows of these partition values (None: all), read from the row groups
        that can hold them; None if none can."""
        if values is None:
            groups = sorted({g for where in self.row_groups.values() for f, g in where if f == file_no})
        else:
            groups = sorted({g for value in values for f, g in self.row_groups.get(value, []) if f == file_no})
        if not groups:
            return None
        with self.lake.fs.open(self.files[file_no], "rb") as handle:
            footer = _staged_footer(self.lake.fs, self.files[file_no])
            table = pq.ParquetFile(handle, metadata=footer).read_row_groups(groups, columns=columns)
        if values is None:
            return table
        return table.filter(pc.is_in(table[self.dataset.partition], value_set=pa.array(sorted(values), pa.string())))


@functools.lru_cache(maxsize=64)
def _staged_footer(fs, path: str) -> pq.FileMetaData:
    """A staged batch's footer, parsed once per process: each window reads its row groups of
    every batch, and a footer with an entry per column of each month took a millisecond to parse.
    (Staged files never change: a run's staging is written once, under its own run id.)"""
    with fs.open(path, "rb") as handle:
        return pq.ParquetFile(handle).metadata


def staged_datasets(lake: str | Lake, run_id: str) -> Iterator[Staged]:
    """Each dataset's staged batches of a run (datasets with none are skipped). Only what
    finding the rows needs is kept of each footer (not the footer: it has an entry per column
    of each row group)."""
    lake = Lake.at(lake)
    for name, dataset in DATASETS.items():
        files = sorted(lake.fs.glob(lake.staged_batches(run_id, name)))
        if not files:
            continue
        row_groups: dict[str, list[tuple[int, int]]] = {}
        group_bytes: dict[tuple[int, int], int] = {}
        for file_no, path in enumerate(files):
            footer = _staged_footer(lake.fs, path)  # parsed once per process (the settlement plans from it too)
            with lake.fs.open(path, "rb") as handle:
                batch = pq.ParquetFile(handle, metadata=footer)
                present = batch.read(columns=[dataset.partition])[dataset.partition]
            values = sorted(v for v in pc.unique(present).to_pylist() if v is not None)
            for group, low, high in _row_group_ranges(footer, dataset.partition):
                group_bytes[(file_no, group)] = footer.row_group(group).total_byte_size
                for value in values[bisect.bisect_left(values, low):bisect.bisect_right(values, high)]:
                    row_groups.setdefault(value, []).append((file_no, group))
        yield Staged(dataset, lake, files, row_groups, group_bytes, staged_schema(dataset))


def _row_group_ranges(footer: pq.FileMetaData, column: str) -> Iterator[tuple[int, str, str]]:
    """(row group, lowest, highest partition value) of a staged batch, from its statistics. A
    row group of nulls only has no value and holds nothing to commit."""
    position = footer.schema.names.index(column)
    for group in range(footer.num_row_groups):
        statistics = footer.row_group(group).column(position).statistics
        if statistics is None or not statistics.has_min_max:
            if statistics is None and footer.row_group(group).num_rows:
                raise ValueError(f"staged batch without statistics on {column}")
            continue
        yield group, statistics.min, statistics.max


# --- commit (one process, under the lake lock) --------------------------------------------


@dataclass
class CommitReport:
    partitions: dict[str, int] = field(default_factory=dict)  # dataset -> partitions written
    rows_written: dict[str, int] = field(default_factory=dict)  # dataset -> rows of this run kept
    rows_new: dict[str, int] = field(default_factory=dict)  # dataset -> rows not in the lake before


def commit_run(lake: str | Lake, run_id: str, replace: Iterable[str] = (), only: Iterable[str] | None = None,
               after_commit=None, drops=None) -> CommitReport:
    """Merge a run's staged batches into the lake, then drop staging.

    `replace`: pub_date partitions to rebuild from this run's rows alone (a backfill's days):
    rows not produced again disappear. `only`: if given, staged rows outside these pub_dates are
    ignored. `after_commit(lake, report)` runs while the lock is still held (ledger, run report).
    `drops` (checks.StagedDrops): staged rows the run's settlement leaves out, each window's
    rows passed through `drops.keep(dataset, rows)` as they are read.

    Each dataset's partitions are merged and encoded a window at a time (commit_window), the
    windows spread over processes when there are many; a local lake's new files are written
    under the run's staging, then, by groups of windows, made durable together and renamed
    into place one by one (publish), so a reader sees every partition old or new.
    """
    lake = Lake.at(lake)
    replace, only = set(replace), (set(only) if only is not None else None)
    report = CommitReport()
    for name in DATASETS:
        report.partitions[name] = report.rows_written[name] = report.rows_new[name] = 0
    stale_indexes: dict[str, DerivedIndex] = {}  # name -> index whose dataset changed
    fresh: dict[str, list[pa.Table]] = {}  # index name -> summaries this commit wrote
    fresh_groups: dict[str, set[str]] = {}  # index name -> the summary groups (files) they fill
    committed: dict[tuple[str, str], int] = {}  # (dataset, partition value) -> rows after the commit
    with lake_lock(lake):
        sweep_staging(lake, keep=run_id)
        aside = None
        if lake.is_local:
            aside = lake.commit_dir(run_id)
            shutil.rmtree(aside, ignore_errors=True)  # an earlier attempt's files, never published
        if _remove_retired_state(lake):  # an earlier version's summaries: rebuilt below, from the partitions
            stale_indexes.update({d.index.name: d.index for d in DATASETS.values() if d.index is not None})

        def planned() -> Iterator[CommitWindow]:  # planned as the processes take the first windows
            for staged in staged_datasets(lake, run_id):
                dataset, values = staged.dataset, set(staged.values)
                if dataset.partition == PUB_DATE:
                    if only is not None:
                        values &= only
                    # A replaced day the run no longer produces must become empty, not stay stale.
                    values |= replace
                present = partition_values(lake, dataset.name)  # one listing, not a look-up per day
                recorded = recorded_keys(lake, dataset, values) if dataset.merge is Merge.KEEP_RECORDED else set()
                index = dataset.index
                summary_groups = set(repair.summary_groups(lake, index)) if index is not None else set()
                for window in staged.windows(sorted(values), index.summary_group if index is not None else None):
                    in_window = {index.summary_group(value) for value in window} if index is not None else set()
                    yield CommitWindow(staged.only(window), window, frozenset(present.intersection(window)),
                                       frozenset(replace.intersection(window)), frozenset(recorded), aside,
                                       drops, frozenset(summary_groups & in_window))
                if index is not None:
                    stale_indexes[index.name] = index

        moves: list[Move] = []  # written aside, to publish
        for window, result in _in_processes(commit_window, planned(), lake):
            name = window.staged.dataset.name
            report.partitions[name] += len(result.rows)
            report.rows_written[name] += result.run_rows
            report.rows_new[name] += result.new_rows
            committed.update(((name, value), rows) for value, rows in result.rows.items())
            moves.extend(result.moves)
            if result.summaries is not None:
                fresh.setdefault(window.staged.dataset.index.name, []).append(result.summaries)
                fresh_groups.setdefault(window.staged.dataset.index.name, set()).update(result.summary_groups)
            if len(moves) >= GROUP_FILES:  # published while the processes work on the next windows
                publish(moves)
                moves = []
        publish(moves)
        for index in stale_indexes.values():
            written = fresh.get(index.name, [])
            summaries = repair.readable_summaries(lake, index, pa.concat_tables(written) if written else None,
                                       fresh_groups.get(index.name, set()))
            write_atomically(lake, index.combine(summaries), lake.index_file(index.name))
        if committed:
            write_atomically(lake, recorded_partitions(lake, committed), lake.partitions_file())
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


@dataclass(frozen=True)
class FileChange:
    """One file of the lake replaced by `data`, or with data None the folder `path` removed."""

    path: str
    data: bytes | None


@dataclass(frozen=True)
class Move:
    """A new file written aside (`source`) that replaces `target` when the commit publishes;
    with source None, `target` (a partition folder left without rows) is removed. `alone`:
    the source is the only file of its folder and the target's folder is not in the lake, so
    it is that folder, renamed in (one rename instead of a mkdir and a rename)."""

    source: str | None
    target: str
    alone: bool = False


@dataclass(frozen=True)
class CommitWindow:
    """Some partitions of one dataset to commit together (a unit of work for a process)."""

    staged: Staged  # narrowed to these values
    values: list[str]  # sorted
    present: frozenset[str]  # those the lake holds already
    replace: frozenset[str]  # those rebuilt from this run's rows alone
    recorded: frozenset[tuple]  # KEEP_RECORDED: keys the lake records in other partitions
    aside: str | None  # local lakes: the folder new files are written under; None: in place
    drops: object = None  # checks.StagedDrops: staged rows the settlement leaves out
    summary_groups: frozenset[str] = frozenset()  # its derived index's summary files the lake holds


@dataclass
class WindowResult:
    rows: dict[str, int] = field(default_factory=dict)  # partition value -> its rows after the commit
    run_rows: int = 0  # distinct rows of the run
    new_rows: int = 0  # of which new to the lake
    moves: list[Move] = field(default_factory=list)  # in order: the partitions, then their summaries
    summaries: pa.Table | None = None  # a derived index's summary files as written (every row of each)
    summary_groups: set[str] = field(default_factory=set)  # those files' groups


def commit_window(window: CommitWindow) -> WindowResult:
    """Merge a window's staged rows with the lake's and write the new files: aside (a local
    lake, published later) or in place (object storage: each file one PUT, atomic by itself)."""
    staged, dataset = window.staged, window.staged.dataset
    lake = staged.lake
    rows, values = staged.read_window(window.values), window.values
    if window.drops is not None:
        staged_rows = rows.num_rows
        rows = window.drops.keep(dataset, rows)
        if rows.num_rows < staged_rows:  # a day left without rows is not the run's (unless replaced)
            left = set(pc.unique(rows[dataset.partition]).to_pylist()) | window.replace
            values = [value for value in values if value in left]
    if window.recorded:  # rejects recorded on another run_date stay recorded once
        rows = drop_recorded(dataset, rows, window.recorded)
    existing = _read_partitions(lake, dataset, sorted(window.present.intersection(values)))
    merged, run_rows, new_rows = merge_partitions(dataset, existing, rows, window.replace)
    result = WindowResult(run_rows=run_rows, new_rows=new_rows)
    pieces = {piece[dataset.partition][0].as_py(): piece.drop_columns([dataset.partition])
              for piece in runs_of(merged, dataset.partition)}
    for value in values:
        piece = pieces.get(value)
        result.rows[value] = piece.num_rows if piece is not None else 0
        if piece is not None:
            result.moves += _put(lake, window.aside, lake.partition_file(dataset, value), partition_bytes(dataset, piece),
                                 alone=True, new=value not in window.present)
        elif value in window.present:  # a replaced day the run no longer produces
            result.moves += _remove(lake, window.aside, lake.partition_dir(dataset, value))
    if dataset.index is not None and values:  # the partitions' absolute summaries, after the partitions
        _summarise_window(window, values, merged, result)
    return result


def _summarise_window(window: CommitWindow, values: list[str], merged: pa.Table, result: WindowResult) -> None:
    """Rewrite the summary file of each group the window's partitions belong to: the summaries
    of its partitions here (absolute: a partition left without rows has none), with the file's
    rows of partitions not in this window kept (the window holds whole groups, so no other
    window of the commit writes the same file)."""
    lake, dataset = window.staged.lake, window.staged.dataset
    index = dataset.index
    fresh = index.summarise(merged, dataset.partition)
    fresh_values = pc.cast(fresh[index.summary_value], pa.string())
    by_group: dict[str, list[str]] = {}
    for value in values:
        by_group.setdefault(index.summary_group(value), []).append(value)
    tables = []
    for group, group_values in by_group.items():
        path = lake.summary_file(index.summaries, group)
        ours = pa.array(group_values, pa.string())
        table = fresh.filter(pc.is_in(fresh_values, value_set=ours))
        if group in window.summary_groups:
            kept = repair.read_summary_file(lake, index, path)
            if kept is not None:
                others = pc.invert(pc.is_in(pc.cast(kept[index.summary_value], pa.string()), value_set=ours))
                table = pa.concat_tables([kept.filter(others), table]).sort_by(index.summary_value)
        tables.append(table)
        result.moves += _put(lake, window.aside, path, small_parquet_bytes(table))
        result.summary_groups.add(group)
    result.summaries = pa.concat_tables(tables)


def _remove_retired_state(lake: Lake) -> bool:
    """Remove earlier versions' state folders (rebuilt under their new names from the
    partitions); whether there was any."""
    removed = False
    for folder in lake.retired_state():
        if lake.fs.exists(folder):
            lake.fs.rm(folder, recursive=True)
            removed = True
    return removed


def _put(lake: Lake, aside: str | None, target: str, data: bytes, alone: bool = False, new: bool = False) -> list[Move]:
    """`new`: the target's folder is not in the lake yet (publish then renames it in unasked)."""
    if aside is None:
        lake.fs.pipe_file(target, data)
        return []
    source = aside + target[len(lake.root):]  # the target's lake path under the commit's folder
    folder = os.path.dirname(source)
    try:  # most files are alone in a new folder: one call (makedirs would look before it leaps)
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    with open(source, "wb") as handle:
        handle.write(data)
    return [Move(source, target, alone and new)]


def _remove(lake: Lake, aside: str | None, folder: str) -> list[Move]:
    if aside is None:
        with contextlib.suppress(FileNotFoundError):
            lake.fs.rm(folder, recursive=True)
        return []
    return [Move(None, folder)]


def publish(moves: list[Move]) -> None:
    """Swap a local commit's new files in: all made durable first (one syncfs), then each
    renamed over its target in order. A kill at any point leaves each target old or new."""
    make_durable([move.source for move in moves if move.source is not None])
    folders: set[str] = set()  # target folders (and their parents) known to exist
    for move in moves:
        if move.source is None:
            shutil.rmtree(move.target, ignore_errors=True)
            continue
        folder = os.path.dirname(move.target)
        if move.alone:  # the folder arrives with its file in it
            parent = os.path.dirname(folder)  # a dataset's folder: made once, not per partition
            if parent not in folders:
                os.makedirs(parent, exist_ok=True)
                folders.add(parent)
            os.rename(os.path.dirname(move.source), folder)
            continue
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        os.replace(move.source, move.target)


def _in_processes(function, windows: Iterable[CommitWindow], lake: Lake) -> Iterator[tuple[CommitWindow, WindowResult]]:
    """(window, function(window)) for each window, in order: in this process for a small commit
    (or a lake in this process's memory, memory://, which no other process sees), else on a
    pool of processes (the work is Python as much as Arrow: threads would share one core).
    The windows are taken as they are planned: processes start on the first ones while the
    rest are planned."""
    windows = iter(windows)
    head, partitions = [], 0
    if COMMIT_PROCESSES > 1 and not isinstance(lake.fs, MemoryFileSystem):
        for window in windows:  # until the commit is known to be large enough for processes
            head.append(window)
            partitions += len(window.values)
            if partitions >= POOL_MIN_PARTITIONS and len(head) > 1:
                break
    if len(head) < 2 or partitions < POOL_MIN_PARTITIONS:
        for window in itertools.chain(head, windows):
            yield window, function(window)
        return
    pool = commit_pool(COMMIT_PROCESSES)  # started by the first submissions, one per window until all are
    try:
        # The processes inherit this thread's signal mask: with SIGINT blocked they do not print
        # a KeyboardInterrupt of their own when Ctrl-C reaches the process group; this process
        # unwinds and they end with it.
        with _sigint_blocked():
            submitted = [(window, pool.submit(function, window)) for window in itertools.chain(head, windows)]
        for window, result in submitted:
            yield window, result.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # interrupted: the windows not started are dropped


def commit_pool(processes: int) -> ProcessPoolExecutor:
    """Processes for a commit's windows (spawned: fork and threads can deadlock), each ending
    when the committing process is gone: a commit killed half-way must not leave them waiting
    forever on their queue (each holds its write end, so none ever sees it close)."""
    return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_parent, initargs=(os.getpid(),))


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exit_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _read_partitions(lake: Lake, dataset: Dataset, values: list[str]) -> pa.Table | None:
    """The lake's rows of these partitions, each with its partition value as a column."""
    tables = []
    for value in values:
        table = _read_partition_file(lake, dataset, value)
        if table is not None:
            tables.append(table.append_column(dataset.partition, pa.array([value] * table.num_rows, pa.string())))
    return pa.concat_tables(tables) if tables else None


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
    return _read_partition_file(Lake.at(lake), dataset, value)


def _read_partition_file(lake: Lake, dataset: Dataset, value: str) -> pa.Table | None:
    try:
        with lake.fs.open(lake.partition_file(dataset, value), "rb") as handle:
            return conform(pq.ParquetFile(handle).read(), dataset.schema)
    except FileNotFoundError:  # a partition folder without its file: a kill before the first swap
        return None


# --- atomic writes ------------------------------------------------------------------------


def partition_bytes(dataset: Dataset, rows: pa.Table) -> bytes:
    """A partition's file (pure). A small partition (a day of a years-long archive: a few
    kilobytes) is one row group, snappy, without dictionaries or statistics: its row groups
    would be read whole faster than skipped, and zstd's and the dictionaries' set-up per
    column was most of its encoding time (bench/bench_commit.py). A large one is zstd, one
    row group per `row_groups_by` value where the dataset declares one, so a filter skips
    the rest."""
    if rows.num_rows <= SMALL_ROWS or rows.nbytes < SPLIT_ROW_GROUPS_BYTES:
        return small_parquet_bytes(rows)
    return parquet_bytes(rows, row_groups_by=dataset.row_groups_by, row_group_rows=dataset.row_group_rows)


def small_parquet_bytes(table: pa.Table) -> bytes:
    """A file of a few kilobytes: snappy, no dictionaries, no statistics (see partition_bytes;
    a one-row-group file of a few rows is read whole faster than its statistics are weighed,
    and writing them was a sixth of its encoding)."""
    return parquet_bytes(table, compression="snappy", dictionary=False, statistics=[])


def parquet_bytes(table: pa.Table, compression: str = "zstd", row_groups_by: str | None = None,
                  row_group_rows: int = ROW_GROUP_ROWS, statistics: list[str] | None = None,
                  dictionary: bool = True, row_group_key: Callable | None = None) -> bytes:
    """A table as the lake's Parquet (pure).

    Low-cardinality columns are dictionary-encoded (unless `dictionary` is False); every
    column but free text carries min/max statistics (or the columns `statistics` names).
    With `row_groups_by` (the table sorted by it), each value of that column (or of
    `row_group_key(value)`) starts a new row group, so a filter on it skips the others.
    """
    metadata = dict(table.schema.metadata or {})
    metadata[b"wirelake.schema_version"] = SCHEMA_VERSION.encode()
    table = table.replace_schema_metadata(metadata)
    dictionary_columns = [c for c in _DICTIONARY_COLUMNS if c in table.column_names] if dictionary else False
    if statistics is None:
        statistics = [c for c in table.column_names if c not in _NO_STATISTICS]
    buffer = io.BytesIO()
    with pq.ParquetWriter(buffer, table.schema, compression=compression, use_dictionary=dictionary_columns,
                          write_statistics=statistics) as writer:
        for piece in runs_of(table, row_groups_by, row_group_key) if row_groups_by else [table]:
            writer.write_table(piece, row_group_size=row_group_rows)
    return buffer.getvalue()


def write_atomically(lake: Lake, table: pa.Table, target: str, compression: str = "zstd",
                     row_groups_by: str | None = None, row_group_rows: int = ROW_GROUP_ROWS,
                     statistics: list[str] | None = None, row_group_key: Callable | None = None,
                     durable: bool = True) -> None:
    """Write a table as Parquet (parquet_bytes) so that readers see the old file or the new
    one, never a part (write_bytes_atomically)."""
    data = parquet_bytes(table, compression=compression, row_groups_by=row_groups_by, row_group_rows=row_group_rows,
                         statistics=statistics, row_group_key=row_group_key)
    write_bytes_atomically(lake, data, target, durable)


def runs_of(table: pa.Table, column: str, key: Callable | None = None) -> Iterator[pa.Table]:
    """Consecutive slices of `table` with one value of `column` (or of `key(value)`) each (pure; no copy)."""
    values = table[column].to_pylist()
    if key is not None:
        values = [key(v) for v in values]
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            yield table.slice(start, i - start)
            start = i


def write_bytes_atomically(lake: Lake, data: bytes, target: str, durable: bool = True) -> None:
    """Replace `target` with `data`, all or nothing.

    Locally: a hidden temp file beside it, made durable, renamed. On object storage a single
    PUT is already atomic, so the file is written in one request. `durable=False`: a run's
    staging, which a crash makes garbage anyway (the next commit sweeps a dead run's staging),
    is renamed in without waiting for the disk.
    """
    group = AtomicGroup(lake, durable)
    group.add([FileChange(target, data)])
    group.commit()


class AtomicGroup:
    """File changes applied together, each one atomically: a reader sees every file old or new.

    Locally every new file is written aside under a hidden temporary name, then the group is
    made durable at once (syncfs: one flush of the file system for the whole group; where
    the system lacks it, an fsync per file on many threads, whose journal commits coalesce),
    and only then is each renamed over its target, in the order added. A kill at any point
    leaves each target old or new; the temporaries of a dead writer are hidden from readers
    and removed by the next write in their folder. On object storage each file is one PUT,
    atomic by itself.
    """

    def __init__(self, lake: Lake, durable: bool = True):
        self.lake = lake
        self.durable = durable
        self.changes: list[FileChange] = []
        self.size = 0

    def add(self, changes: Iterable[FileChange]) -> None:
        for change in changes:
            self.changes.append(change)
            self.size += len(change.data or b"")

    def is_full(self) -> bool:
        return len(self.changes) >= GROUP_FILES or self.size >= GROUP_BYTES

    def commit(self) -> None:
        changes, self.changes, self.size = self.changes, [], 0
        if not changes:
            return
        if not self.lake.is_local:
            for change in changes:
                if change.data is None:
                    with contextlib.suppress(FileNotFoundError):
                        self.lake.fs.rm(change.path, recursive=True)
                else:
                    self.lake.fs.pipe_file(change.path, change.data)
            return
        for folder in {os.path.dirname(change.path) for change in changes if change.data is not None}:
            if os.path.isdir(folder):
                _remove_dead_temporaries(folder)
            else:
                os.makedirs(folder, exist_ok=True)
        written = {change.path: _write_aside(change.path, change.data) for change in changes if change.data is not None}
        if self.durable:
            make_durable(list(written.values()))
        for change in changes:
            if change.data is None:
                shutil.rmtree(change.path, ignore_errors=True)
            else:
                os.replace(written[change.path], change.path)


def make_durable(paths: list[str]) -> None:
    """Every file of `paths` (on one local file system) on disk when this returns."""
    if not paths:
        return
    if _syncfs(paths[0]):
        return
    with ThreadPoolExecutor(max_workers=min(FSYNC_THREADS, len(paths))) as pool:
        list(pool.map(_fsync, paths))


def _syncfs(path: str) -> bool:
    """Flush the whole file system holding `path` (Linux syncfs(2)); False where there is none."""
    if _LIBC is None or not hasattr(_LIBC, "syncfs"):
        return False
    descriptor = os.open(path, os.O_RDONLY)
    try:
        if _LIBC.syncfs(descriptor) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), path)
    finally:
        os.close(descriptor)
    return True


def _write_aside(target: str, data: bytes) -> str:
    """Write `data` to a hidden temporary beside `target` (not yet durable); its path."""
    folder, name = os.path.dirname(target), os.path.basename(target)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
    return temporary


def _fsync(path: str) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_dead_temporaries(folder: str) -> None:
    """Temp files (.<name>.<pid>.tmp) of writers killed mid-write (hidden, so readers never saw them)."""
    for entry in os.listdir(folder):
        if entry.startswith(".") and entry.endswith(".tmp") and pid_is_dead(entry[:-len(".tmp")].rsplit(".", 1)[-1]):
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(folder, entry))


def _mtime(lake: Lake, path: str) -> float:
    try:
        return lake.fs.modified(path).timestamp()
    except (OSError, NotImplementedError, AttributeError):
        return 0.0
