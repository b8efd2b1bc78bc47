"""The lake: Parquet datasets on any fsspec file system, written by one committing run at a time.

    layout.py        every path of the lake, once (Lake: a root and its paths)
    schema.py        the datasets: Arrow schemas, key, merge policy, derived index (DATASETS)
    merge.py         a run's rows into a partition (pure)
    writer.py        staging, the locked commit, atomic writes
    lock.py          the lake lock; dead holders (LakeError)
    entity_index.py  the index derived from entities (pure)
    ledger.py        every raw file taken in (LAKE/_state/ledger.parquet)
    runs.py          one report per run (LAKE/_runs/)

A new dataset: its schema and Dataset in schema.py, its rows in tasks.pipeline.FileRows.
What the flows and the batch use is named here; ledger and runs are used as submodules.
"""

from tasks.lake.layout import Lake
from tasks.lake.lock import LakeError, lake_lock
from tasks.lake.merge import conform, first_of_each, merge_partition
from tasks.lake.schema import DATASETS, Dataset, Merge, staged_schema
from tasks.lake.writer import (
    CommitReport,
    Staged,
    claim_staging,
    commit_run,
    drop_staging,
    partition_path,
    partition_values,
    read_partition,
    runs_of,
    stage_batch,
    staged_datasets,
    staging_dir,
    sweep_staging,
    write_atomically,
    write_bytes_atomically,
)

__all__ = [
    "DATASETS", "CommitReport", "Dataset", "Lake", "LakeError", "Merge", "Staged", "claim_staging", "commit_run",
    "conform", "drop_staging", "first_of_each", "lake_lock", "merge_partition", "partition_path",
    "partition_values", "read_partition", "runs_of", "stage_batch", "staged_datasets", "staged_schema",
    "staging_dir", "sweep_staging", "write_atomically", "write_bytes_atomically",
]
