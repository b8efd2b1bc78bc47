"""The lake writer: stage each batch aside, then commit partition by partition, atomically.

Layout under LAKE:
    articles/pub_date=YYYY-MM-DD/part-0.parquet     one file per partition
    entities/pub_date=YYYY-MM-DD/part-0.parquet
    rejects/run_date=YYYY-MM-DD/part-0.parquet
    _staging/<run_id>/<dataset>/batch-NNNNN.parquet  a run's batches until commit
    _state/lock                                      held by the committing run

A partition is a single file replaced with os.replace, so a reader sees the old file or
the new one, never half of either. Merging is keyed (article_id ...), so writing the same
input twice leaves the same rows. Folders and files starting with "_" or "." are ignored
by pyarrow, pandas and DuckDB readers.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import fsspec
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from tasks import entity_index
from tasks.schema import DATASETS, ROW_GROUP_ROWS, SCHEMA_VERSION, Dataset, staged_schema
from tasks.storage import open_url

PART_FILE = "part-0.parquet"
COMMIT_THREADS = 4
LOCK_STALE_AFTER_S = 6 * 3600  # a lock on object storage older than this is a dead run's
# Free text: min/max statistics of bodies would fill the footer and prune nothing.
_NO_STATISTICS = {"body", "paragraphs", "headline", "subheadline", "related_headlines", "text", "detail"}
_DICTIONARY_COLUMNS = ["agency", "kind", "date_source", "language", "source_format", "type", "stage", "reason",
                       "country_code", "source", "unit", "verb"]


class LakeError(Exception):
    """The lake cannot be written (unwritable folder, held lock ...)."""


@dataclass(frozen=True)
class Lake:
    """A lake root on any fsspec file system: a local folder, file://, s3://, gs:// ..."""

    url: str
    fs: fsspec.AbstractFileSystem
    root: str

    @classmethod
    def at(cls, url: str) -> "Lake":
        if isinstance(url, Lake):
            return url
        fs, root = open_url(str(url))
        return cls(str(url), fs, root.rstrip("/") or "/")

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])


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
        target = lake.path("_staging", run_id, name, f"batch-{batch_no:05d}.parquet")
        write_atomically(lake, table, target, compression="lz4", row_groups_by=dataset.partition)


def staging_dir(lake: str | Lake, run_id: str) -> str:
    return Lake.at(lake).path("_staging", run_id)


def claim_staging(lake: str | Lake, run_id: str) -> None:
    """Mark a run's staging folder with its owner, so a later commit can tell a dead run's
    leftovers (swept) from a live run's batches (kept). Locally the folder appears with its
    owner file already in it (built under a hidden name, then renamed)."""
    lake = Lake.at(lake)
    if not lake.is_local:  # one PUT: the owner object exists or it does not
        lake.fs.pipe_file(lake.path("_staging", run_id, "_owner"), _holder().encode())
        return
    building = lake.path("_staging", f".claim-{run_id}")
    os.makedirs(building, exist_ok=True)
    with open(os.path.join(building, "_owner"), "w") as handle:
        handle.write(_holder())
    os.rename(building, lake.path("_staging", run_id))


def sweep_staging(lake: Lake, keep: str) -> list[str]:
    """Remove what dead runs left in _staging (called under the lock): folders whose owner is
    gone, half-made claims, and folders a finished run was deleting when it died."""
    swept = []
    for folder in lake.fs.ls(lake.path("_staging"), detail=False) if lake.fs.exists(lake.path("_staging")) else []:
        name = folder.rstrip("/").rsplit("/", 1)[-1]
        owner = f"{folder.rstrip('/')}/_owner"
        if name == keep:
            continue
        if name.startswith(".done-"):
            gone = True
        elif name.startswith(".claim-"):  # a claim being made now has its owner file within ms
            gone = (_holder_is_gone(lake, _read(lake, owner)) if lake.fs.exists(owner)
                    else time.time() - _mtime(lake, folder) > 60)
        else:
            gone = lake.fs.exists(owner) and _holder_is_gone(lake, _read(lake, owner))
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
        files = sorted(lake.fs.glob(lake.path("_staging", run_id, name, "batch-*.parquet")))
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
    index_stale = False
    with lake_lock(lake):
        sweep_staging(lake, keep=run_id)
        for staged in staged_datasets(lake, run_id):
            dataset, values = staged.dataset, set(staged.values)
            if dataset.partition == "pub_date":
                if only is not None:
                    values &= only
                # A replaced day the run no longer produces must become empty, not stay stale.
                values |= replace
            name = dataset.name
            empty = staged.files.schema.empty_table()

            def commit_one(value: str, staged=staged, dataset=dataset, empty=empty) -> tuple[int, int]:
                rows = staged.rows(value) if value in staged.values else empty
                return _commit_partition(lake, dataset, value, rows, value in replace)

            # Partitions are independent; threads overlap their reads, writes and fsyncs.
            with ThreadPoolExecutor(max_workers=COMMIT_THREADS) as pool:
                counts = pool.map(commit_one, sorted(values))
                for run_rows, new_rows in counts:
                    report.partitions[name] += 1
                    report.rows_written[name] += run_rows
                    report.rows_new[name] += new_rows
            index_stale = index_stale or name == "entities"
        if index_stale:
            days = entity_index.read_days(lake.fs, lake.path(*entity_index.DAYS_DIR))
            write_atomically(lake, entity_index.combine(days), lake.path(*entity_index.INDEX_FILE))
        if after_commit is not None:
            after_commit(lake, report)
    drop_staging(lake, run_id)
    return report


def drop_staging(lake: str | Lake, run_id: str) -> None:
    """Delete a run's staging. Locally it is renamed away first, so a kill half-way through
    the delete leaves a folder the next commit recognises as garbage."""
    lake = Lake.at(lake)
    folder = lake.path("_staging", run_id)
    if lake.is_local:
        doomed = lake.path("_staging", f".done-{run_id}")
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
            lake.fs.rm(lake.path(dataset.name, f"{dataset.partition}={value}"), recursive=True)
    else:
        write_atomically(lake, merged, path, compression="zstd", row_groups_by=dataset.row_groups_by,
                         row_group_rows=dataset.row_group_rows)
    if dataset.name == "entities":  # the day's absolute summary, written after the partition
        summary_path = lake.path(*entity_index.DAYS_DIR, f"{value}.parquet")
        write_atomically(lake, entity_index.day_summary(value, merged), summary_path)
    return run_rows, new_rows


def partition_path(lake: str | Lake, dataset: Dataset, value: str) -> str:
    return Lake.at(lake).path(dataset.name, f"{dataset.partition}={value}", PART_FILE)


def partition_values(lake: str | Lake, dataset_name: str = "articles") -> set[str]:
    """The partition values present in a dataset ('2017-02-02', ...), from folder names only."""
    lake = Lake.at(lake)
    dataset = DATASETS[dataset_name]
    try:
        folders = lake.fs.ls(lake.path(dataset.name), detail=False)
    except FileNotFoundError:
        return set()
    prefix = f"{dataset.partition}="
    return {f.rstrip("/").rsplit("/", 1)[-1][len(prefix):] for f in folders
            if f.rstrip("/").rsplit("/", 1)[-1].startswith(prefix)}


def read_partition(lake: str | Lake, dataset: Dataset, value: str) -> pa.Table | None:
    lake = Lake.at(lake)
    path = partition_path(lake, dataset, value)
    if not lake.fs.exists(path):
        return None
    return conform(pq.read_table(path, filesystem=lake.fs), dataset.schema)


def merge_partition(dataset: Dataset, existing: pa.Table | None, staged: pa.Table,
                    drop_existing: bool = False) -> tuple[pa.Table, int, int]:
    """Combine a partition's rows with a run's rows for it.

    Pure; returns (merged table, distinct rows of the run, of which new to the lake).

    Duplicates within the run keep the row from the first source_uri. Against the lake:
    rows of this run replace those of the same article (the current parser's output wins,
    but an article keeps its first ingested_at); rejects already recorded stay as they were.
    `drop_existing` (backfill): the partition becomes exactly this run's rows.
    """
    if dataset.partition in staged.column_names:
        staged = staged.drop_columns([dataset.partition])
    if "source_uri" in staged.column_names:
        staged = staged.sort_by([("source_uri", "ascending")])
    staged = first_of_each(conform(staged, dataset.schema), dataset.key)
    if existing is None or existing.num_rows == 0:
        return staged.sort_by(list(dataset.sort)), staged.num_rows, staged.num_rows

    old_keys = set(_key_tuples(existing, dataset.key))
    is_new = pa.array([k not in old_keys for k in _key_tuples(staged, dataset.key)], pa.bool_())
    new_rows = pc.sum(is_new).as_py() or 0
    if dataset.name == "rejects":
        combined = pa.concat_tables([existing, staged.filter(is_new)])
    else:
        replaced = pc.is_in(existing["article_id"], value_set=pc.unique(staged["article_id"]))
        if "ingested_at" in staged.column_names:
            staged = _carry_ingested_at(existing.filter(replaced), staged)
        kept = existing.slice(0, 0) if drop_existing else existing.filter(pc.invert(replaced))
        combined = pa.concat_tables([kept, staged])
    return combined.sort_by(list(dataset.sort)), staged.num_rows, new_rows


def first_of_each(table: pa.Table, key: tuple[str, ...]) -> pa.Table:
    """The first row of each distinct key, in the table's order."""
    if table.num_rows == 0:
        return table
    numbered = table.append_column("__row", pa.array(range(table.num_rows), pa.int64()))
    firsts = numbered.group_by(list(key), use_threads=False).aggregate([("__row", "min")])
    return table.take(pa.array(sorted(firsts["__row_min"].to_pylist()), pa.int64()))


# --- the lock -----------------------------------------------------------------------------


@contextlib.contextmanager
def lake_lock(lake: str | Lake, timeout_s: float | None = None, poll_s: float = 0.5) -> Iterator[None]:
    """One writer at a time, across CLI runs, scheduled runs and machines.

    The lock is a file created exclusively (O_EXCL locally; If-None-Match on S3). It records
    host, pid and time: a local lock whose process is dead is broken at once, a remote one
    after LOCK_STALE_AFTER_S. A second writer waits, then fails with a clear message.
    """
    lake = Lake.at(lake)
    timeout_s = float(os.environ.get("WIRELAKE_LOCK_TIMEOUT_S", 600)) if timeout_s is None else timeout_s
    path = lake.path("_state", "lock")
    try:
        lake.fs.makedirs(lake.path("_state"), exist_ok=True)
    except OSError as exc:
        raise LakeError(f"cannot write to lake {lake.url}: {exc}") from None
    deadline = time.monotonic() + timeout_s
    holder = _holder()
    while True:
        try:
            with lake.fs.open(path, "xb") as handle:
                handle.write(holder.encode())
            break
        except FileExistsError:
            if _holder_is_gone(lake, _read(lake, path)):
                with contextlib.suppress(FileNotFoundError):
                    lake.fs.rm(path)
                continue
            if time.monotonic() > deadline:
                raise LakeError(
                    f"lake {lake.url} is locked by another run ({_read(lake, path)}); gave up after {timeout_s:.0f} s"
                ) from None
            time.sleep(poll_s)
        except PermissionError as exc:
            raise LakeError(f"cannot write to lake {lake.url}: {exc}") from None
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lake.fs.rm(path)


def _mtime(lake: Lake, path: str) -> float:
    try:
        return lake.fs.modified(path).timestamp()
    except (OSError, NotImplementedError, AttributeError):
        return 0.0


def _holder() -> str:
    return f"{socket.gethostname()} {os.getpid()} {time.time():.0f}"


def _holder_is_gone(lake: Lake, holder: str) -> bool:
    """A holder ("host pid time") is gone when its process is dead (this host) or, for a
    remote lake or another host, when it is older than LOCK_STALE_AFTER_S."""
    parts = holder.split() + ["0"]  # a holder written before times were recorded has none
    if len(parts) < 3:
        return False
    host, pid, since = parts[:3]
    if lake.is_local and host == socket.gethostname():
        return _is_dead(pid)
    try:
        return time.time() - float(since) > LOCK_STALE_AFTER_S
    except ValueError:
        return False


def _is_dead(pid: str) -> bool:
    """No process has this id on this host (an unreadable id counts as alive: keep its files)."""
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (ValueError, OSError):
        return False
    return False


def _read(lake: Lake, path: str) -> str:
    try:
        return lake.fs.cat_file(path).decode(errors="replace").strip()
    except OSError:
        return "unknown holder"


# --- helpers ------------------------------------------------------------------------------


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Bring a table written by an older schema to the current one (missing columns null)."""
    columns = [
        table[f.name].cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _carry_ingested_at(previous: pa.Table, staged: pa.Table) -> pa.Table:
    """Re-ingesting an article must not change its row: keep the first ingested_at."""
    if previous.num_rows == 0:
        return staged
    first_seen = dict(zip(previous["article_id"].to_pylist(), previous["ingested_at"].to_pylist()))
    values = [first_seen.get(a, t) for a, t in zip(staged["article_id"].to_pylist(), staged["ingested_at"].to_pylist())]
    index = staged.schema.get_field_index("ingested_at")
    return staged.set_column(index, "ingested_at", pa.array(values, staged.schema.field("ingested_at").type))


def _key_tuples(table: pa.Table, key: tuple[str, ...]) -> list[tuple]:
    return list(zip(*(table[k].to_pylist() for k in key)))


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
        if entry.startswith(prefix) and entry.endswith(".tmp") and _is_dead(entry[len(prefix):-len(".tmp")]):
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(folder, entry))
