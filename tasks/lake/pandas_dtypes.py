"""pandas metadata for the lake's files, so that `pd.read_parquet(path)` is right without
arguments:
- integers stay integers: nullable Int32 / Int64 (`urgency` is null for most stories; plain
  pyarrow gives float64 with NaN);
- the partition day (`pub_date`, `run_date`) is an ISO string that sorts and compares as a
  date (ArrowDtype large_string): `articles.pub_date >= "2024-01-01"`, `.min()`, `query(...)`,
  joins and group-bys work. From the folder names alone pandas makes an unordered category,
  on which `>=` and `.min()` raise. A tz-aware datetime was tried and rejected: `query()`
  and `astype(str)` break on it;
- date columns (entity_index.first_seen / last_seen) are datetime64[s, UTC], not objects of
  datetime.date.

pyarrow turns this metadata into those dtypes (pandas_compat reads `numpy_type`); DuckDB and
Polars ignore it (DuckDB reads pub_date as a DATE). Writing files never depends on it.
"""

from __future__ import annotations

import json

import pyarrow as pa

UTC_DAY = "datetime64[s, UTC]"  # a date column as pandas dates (days are UTC days here)
ISO_DAY = "large_string[pyarrow]"  # a hive day: ordered strings (pandas skips its str dtype for dictionaries)
_NULLABLE_INTEGERS = {pa.int32(): "Int32", pa.int64(): "Int64"}


def with_pandas_dtypes(schema: pa.Schema, partition: str | None = None) -> pa.Schema:
    """`schema` with pandas metadata for its integer and date columns and its partition key
    (a hive folder value such as pub_date, which is no column of the files themselves)."""
    columns = [_column(f.name, _NULLABLE_INTEGERS[f.type], str(f.type)) for f in schema if f.type in _NULLABLE_INTEGERS]
    columns += [_column(f.name, UTC_DAY, "datetimetz") for f in schema if f.type == pa.date32()]
    if partition:
        columns.append(_column(partition, ISO_DAY, "unicode"))
    pandas = {"index_columns": [], "column_indexes": [], "columns": columns,
              "creator": {"library": "wirelake"}, "pandas_version": "2.0.0"}
    return schema.with_metadata({**(schema.metadata or {}), b"pandas": json.dumps(pandas).encode()})


def _column(name: str, dtype: str, pandas_type: str) -> dict:
    return {"name": name, "field_name": name, "pandas_type": pandas_type, "numpy_type": dtype,
            "metadata": {"timezone": "UTC"} if pandas_type == "datetimetz" else None}
