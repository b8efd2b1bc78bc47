"""The merge of a run's rows into a partition: pure, tables in, a table out.

What a dataset's merge does is its declaration's (schema.Dataset: key, merge policy, group,
first_seen); nothing here knows a dataset by name.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from tasks.lake.schema import Dataset, Merge


def merge_partition(dataset: Dataset, existing: pa.Table | None, staged: pa.Table,
                    drop_existing: bool = False) -> tuple[pa.Table, int, int]:
    """Combine one partition's rows with a run's rows for it: merge_partitions on a single
    partition (tables without the partition column; the merged one has none either)."""
    value = ""  # the one partition's value: any, as long as both sides carry the same

    def one_partition(table: pa.Table) -> pa.Table:
        if dataset.partition in table.column_names:
            table = table.drop_columns([dataset.partition])
        return table.append_column(dataset.partition, pa.array([value] * table.num_rows, pa.string()))

    merged, run_rows, new_rows = merge_partitions(
        dataset, one_partition(existing) if existing is not None else None, one_partition(staged),
        replace={value} if drop_existing else set())
    return merged.drop_columns([dataset.partition]), run_rows, new_rows


def merge_partitions(dataset: Dataset, existing: pa.Table | None, staged: pa.Table,
                     replace: set[str] | frozenset[str] = frozenset()) -> tuple[pa.Table, int, int]:
    """Combine the lake's rows of some partitions with a run's rows for them, each partition on
    its own, in one pass over all of them (both tables carry the partition column).

    Pure; returns (merged table sorted by partition, distinct rows of the run, of which new
    to the lake).

    Duplicates within the run keep the row the dataset prefers, then the one from the first
    source_uri. Against the lake:
    with Merge.REPLACE_GROUP, rows of this run replace those of the same group (an article:
    the current parser's output wins, but it keeps its first ingested_at); with
    Merge.KEEP_RECORDED, rows already recorded stay as they were.
    `replace` (backfill, REPLACE_GROUP): these partitions become exactly this run's rows.
    """
    partition = dataset.partition
    schema = partitioned_schema(dataset)
    order = [(partition, "ascending"), *dataset.prefer,
             *([("source_uri", "ascending")] if "source_uri" in staged.column_names else [])]
    if staged.num_rows > 1:  # a stable sort: among equals, the run's own order stands
        staged = staged.sort_by(order)
    staged = first_of_each(conform(staged, schema), (partition, *dataset.key))
    sort = [(partition, "ascending"), *dataset.sort]
    if existing is None or existing.num_rows == 0:
        ordered = staged.sort_by(sort) if staged.num_rows > 1 else staged
        return ordered, staged.num_rows, staged.num_rows

    existing = conform(existing, schema)
    old_keys = set(_key_tuples(existing, (partition, *dataset.key)))
    is_new = pa.array([k not in old_keys for k in _key_tuples(staged, (partition, *dataset.key))], pa.bool_())
    new_rows = pc.sum(is_new).as_py() or 0
    if dataset.merge is Merge.KEEP_RECORDED:
        combined = pa.concat_tables([existing, staged.filter(is_new)])
    else:
        group = (partition, dataset.group)
        run_groups = set(_key_tuples(staged, group))
        replaced = pa.array([g in run_groups for g in _key_tuples(existing, group)], pa.bool_())
        if dataset.first_seen is not None:
            staged = _carry_first_seen(existing.filter(replaced), staged, group, dataset.first_seen)
        if replace:
            replaced = pc.or_(replaced, pc.is_in(existing[partition], value_set=pa.array(sorted(replace), pa.string())))
        combined = pa.concat_tables([existing.filter(pc.invert(replaced)), staged])
    return combined.sort_by(sort), staged.num_rows, new_rows


def partitioned_schema(dataset: Dataset) -> pa.Schema:
    """A dataset's rows with their partition value as a column (as merge_partitions takes them)."""
    return dataset.schema.append(pa.field(dataset.partition, pa.string()))


def drop_recorded(dataset: Dataset, staged: pa.Table, recorded: set[tuple]) -> pa.Table:
    """A KEEP_RECORDED run's rows without those whose key the lake holds in another partition:
    a history records a row once, so a rerun on a later day (another run_date) adds nothing."""
    if not recorded or staged.num_rows == 0:
        return staged
    return staged.filter(pa.array([k not in recorded for k in _key_tuples(staged, dataset.key)], pa.bool_()))


def first_of_each(table: pa.Table, key: tuple[str, ...]) -> pa.Table:
    """The first row of each distinct key, in the table's order."""
    if table.num_rows < 2:
        return table
    if table.num_rows < 64 and len(set(_key_tuples(table, key))) == table.num_rows:
        return table  # a small table without repeats (most days of a long archive): no group-by
    numbered = table.append_column("__row", pa.array(range(table.num_rows), pa.int64()))
    firsts = numbered.group_by(list(key), use_threads=False).aggregate([("__row", "min")])
    return table.take(pa.array(sorted(firsts["__row_min"].to_pylist()), pa.int64()))


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Bring a table written by an older schema to the current one (missing columns null)."""
    if table.schema.equals(schema):
        return table
    if set(schema.names) <= set(table.column_names):  # extra columns only (a staged child's delivery)
        narrowed = table.select(schema.names)
        if narrowed.schema.equals(schema):
            return narrowed
    columns = [
        table[f.name].cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _carry_first_seen(previous: pa.Table, staged: pa.Table, group: tuple[str, ...], column: str) -> pa.Table:
    """Re-ingesting an article must not change its row: keep the first ingested_at."""
    if previous.num_rows == 0:
        return staged
    first_seen = dict(zip(_key_tuples(previous, group), previous[column].to_pylist()))
    values = [first_seen.get(g, t) for g, t in zip(_key_tuples(staged, group), staged[column].to_pylist())]
    index = staged.schema.get_field_index(column)
    return staged.set_column(index, column, pa.array(values, staged.schema.field(column).type))


def _key_tuples(table: pa.Table, key: tuple[str, ...]) -> list[tuple]:
    return list(zip(*(table[k].to_pylist() for k in key)))
