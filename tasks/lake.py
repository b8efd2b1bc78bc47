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
import os
import shutil
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from tasks.schema import DATASETS, SCHEMA_VERSION, Dataset, staged_schema

PART_FILE = "part-0.parquet"
COMMIT_THREADS = 4
ROW_GROUP_ROWS = 64_000
_DICTIONARY_COLUMNS = ["agency", "kind", "date_source", "language", "source_format", "type", "stage", "reason"]


class LakeError(Exception):
    """The lake cannot be written (unwritable folder, held lock ...)."""


# --- staging (runs inside each batch, in parallel) ----------------------------------------


def stage_batch(lake: str | Path, run_id: str, batch_no: int, rows: dict[str, list[dict]]) -> None:
    """Write one batch's rows aside under _staging/<run_id>/, one file per dataset."""
    for name, dataset_rows in rows.items():
        if not dataset_rows:
            continue
        dataset = DATASETS[name]
        table = pa.Table.from_pylist(dataset_rows, schema=staged_schema(dataset))
        target = staging_dir(lake, run_id) / name / f"batch-{batch_no:05d}.parquet"
        _write_atomically(table, target, compression="lz4")


def staging_dir(lake: str | Path, run_id: str) -> Path:
    return Path(lake) / "_staging" / run_id


# --- commit (one process, under the lake lock) --------------------------------------------


@dataclass
class CommitReport:
    partitions: dict[str, int] = field(default_factory=dict)  # dataset -> partitions written
    rows_written: dict[str, int] = field(default_factory=dict)  # dataset -> rows of this run kept
    rows_new: dict[str, int] = field(default_factory=dict)  # dataset -> rows not in the lake before


def commit_run(lake: str | Path, run_id: str) -> CommitReport:
    """Merge a run's staged batches into the lake, one partition at a time, then drop staging."""
    report = CommitReport()
    staged_root = staging_dir(lake, run_id)
    with lake_lock(lake):
        for name in ("articles", "entities", "rejects"):
            dataset = DATASETS[name]
            files = sorted((staged_root / name).glob("batch-*.parquet"))
            report.partitions[name] = report.rows_written[name] = report.rows_new[name] = 0
            if not files:
                continue
            staged = pads.dataset([str(f) for f in files], schema=staged_schema(dataset)).to_table()
            # Partitions are independent; threads overlap their file reads, writes and fsyncs.
            with ThreadPoolExecutor(max_workers=COMMIT_THREADS) as pool:
                counts = pool.map(lambda part: _commit_partition(lake, dataset, *part),
                                  _split_by(staged, dataset.partition))
                for run_rows, new_rows in counts:
                    report.partitions[name] += 1
                    report.rows_written[name] += run_rows
                    report.rows_new[name] += new_rows
    shutil.rmtree(staged_root, ignore_errors=True)
    return report


def _commit_partition(lake: str | Path, dataset: Dataset, value: str, rows: pa.Table) -> tuple[int, int]:
    path = partition_path(lake, dataset, value)
    merged, run_rows, new_rows = merge_partition(dataset, _read_existing(path, dataset), rows)
    _write_atomically(merged, path, compression="zstd")
    return run_rows, new_rows


def partition_path(lake: str | Path, dataset: Dataset, value: str) -> Path:
    return Path(lake) / dataset.name / f"{dataset.partition}={value}" / PART_FILE


def merge_partition(dataset: Dataset, existing: pa.Table | None, staged: pa.Table) -> tuple[pa.Table, int, int]:
    """Combine a partition's rows with a run's rows for it.

    Pure; returns (merged table, distinct rows of the run, of which new to the lake).

    Duplicates within the run keep the row from the first source_uri. Against the lake:
    articles and entities of this run replace those with the same article_id (the current
    parser's output wins, but an article keeps its first ingested_at); rejects already
    recorded stay as they were.
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
    if dataset.name == "rejects":
        combined = pa.concat_tables([existing, staged.filter(is_new)])
    else:
        replaced = pc.is_in(existing["article_id"], value_set=pc.unique(staged["article_id"]))
        if dataset.name == "articles":
            staged = _carry_ingested_at(existing.filter(replaced), staged)
        combined = pa.concat_tables([existing.filter(pc.invert(replaced)), staged])
    return combined.sort_by(list(dataset.sort)), staged.num_rows, pc.sum(is_new).as_py() or 0


def first_of_each(table: pa.Table, key: tuple[str, ...]) -> pa.Table:
    """The first row of each distinct key, in the table's order."""
    if table.num_rows == 0:
        return table
    numbered = table.append_column("__row", pa.array(range(table.num_rows), pa.int64()))
    firsts = numbered.group_by(list(key), use_threads=False).aggregate([("__row", "min")])
    return table.take(pa.array(sorted(firsts["__row_min"].to_pylist()), pa.int64()))


# --- the lock -----------------------------------------------------------------------------


@contextlib.contextmanager
def lake_lock(lake: str | Path, timeout_s: float = 600.0, poll_s: float = 0.5) -> Iterator[None]:
    """One committer at a time. A second writer waits, then fails with a clear message.

    The lock file records host and pid; a lock left by a dead process on this host is broken.
    """
    path = Path(lake) / "_state" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if _lock_is_stale(path):
                path.unlink(missing_ok=True)
                continue
            if time.monotonic() > deadline:
                raise LakeError(f"lake {lake} is locked by another run ({_read(path)}); gave up after {timeout_s:.0f} s") from None
            time.sleep(poll_s)
    with os.fdopen(fd, "w") as handle:
        handle.write(f"{socket.gethostname()} {os.getpid()}\n")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def _lock_is_stale(path: Path) -> bool:
    try:
        host, pid = _read(path).split()
        if host != socket.gethostname():
            return False
        os.kill(int(pid), 0)
        return False
    except ProcessLookupError:
        return True
    except (ValueError, OSError):
        return False


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return "unknown holder"


# --- helpers ------------------------------------------------------------------------------


def _split_by(table: pa.Table, column: str) -> Iterator[tuple[str, pa.Table]]:
    table = table.sort_by([(column, "ascending")])
    values = table[column]
    counts = pc.value_counts(values)
    offset = 0
    for item in sorted(counts.to_pylist(), key=lambda c: c["values"]):
        yield item["values"], table.slice(offset, item["counts"])
        offset += item["counts"]


def _read_existing(path: Path, dataset: Dataset) -> pa.Table | None:
    if not path.exists():
        return None
    table = pq.read_table(path)
    return conform(table, dataset.schema)


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


def _write_atomically(table: pa.Table, target: Path, compression: str) -> None:
    """Write to a hidden file beside the target, fsync, then rename over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    metadata = dict(table.schema.metadata or {})
    metadata[b"wirelake.schema_version"] = SCHEMA_VERSION.encode()
    table = table.replace_schema_metadata(metadata)
    dictionary = [c for c in _DICTIONARY_COLUMNS if c in table.column_names]
    pq.write_table(
        table, temporary, compression=compression, row_group_size=ROW_GROUP_ROWS,
        use_dictionary=dictionary, write_statistics=True,
    )
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, target)
