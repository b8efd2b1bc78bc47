"""The record of what the writer committed: rows of every partition at its last commit
(`_state/partitions.parquet`). A partition deleted later is found against it (repair.py)
instead of the lake shrinking silently. Written after the partitions, under the lock: a kill
before it leaves the record behind the partitions, and at worst a day is read again."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.lake.layout import Lake

PARTITIONS = pa.schema([("dataset", pa.string()), ("value", pa.string()), ("rows", pa.int64())])


def read_partitions(lake: Lake) -> dict[tuple[str, str], int]:
    """(dataset, partition value) -> rows at its last commit; empty when never recorded or unreadable."""
    try:
        table = pq.read_table(lake.partitions_file(), filesystem=lake.fs, schema=PARTITIONS)
    except (OSError, ValueError, pa.ArrowException):
        return {}
    return {(d, v): r for d, v, r in zip(*(table[c].to_pylist() for c in PARTITIONS.names))}


def recorded_partitions(lake: Lake, committed: dict[tuple[str, str], int]) -> pa.Table:
    """The record with this commit's partitions (rows 0: gone) merged into the last one."""
    known = {**read_partitions(lake), **committed}
    rows = sorted((key, n) for key, n in known.items() if n)
    return pa.table({"dataset": [k[0] for k, _ in rows], "value": [k[1] for k, _ in rows],
                     "rows": [n for _, n in rows]}, schema=PARTITIONS)
