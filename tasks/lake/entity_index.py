"""LAKE/entity_index/: one row per canonical entity (name, type) across the whole lake.

Kept incrementally and crash-safely: whenever a commit rewrites a day's entities partition it
also rewrites that day's summary (absolute counts, not deltas), then the index is the sum of
the day summaries. A month's days share one file (LAKE/_state/entity_months/<YYYY-MM>.parquet):
a years-long archive would otherwise add a file per day to every commit. A run touches only
its own days; a run killed half-way is repaired by its rerun, which rewrites the same days.

Pure: the entities dataset declares the index (schema.py); the writer keeps its files.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from tasks.lake.layout import ENTITY_MONTHS
from tasks.lake.pandas_dtypes import with_pandas_dtypes

ENTITY_INDEX = with_pandas_dtypes(pa.schema(
    [
        ("name", pa.string()),  # canonical name
        ("type", pa.string()),
        ("aliases", pa.list_(pa.string())),  # spellings seen ("U.S.", "US", "United States")
        ("mentions", pa.int64()),
        ("articles", pa.int64()),
        ("first_seen", pa.date32()),  # first and last pub_date with a mention
        ("last_seen", pa.date32()),
        ("country_code", pa.string()),
    ]
))  # pandas reads first_seen / last_seen as datetime64[s, UTC] (pandas_dtypes.py)


DAY_SUMMARY = pa.schema([
    ("name", pa.string()), ("type", pa.string()), ("aliases", pa.list_(pa.string())),
    ("mentions", pa.int64()), ("articles", pa.int64()), ("country_code", pa.string()), ("day", pa.date32()),
])


def day_summaries(entities: pa.Table, day_column: str = "pub_date") -> pa.Table:
    """(day, name, type) -> mentions, distinct articles, aliases (sorted), country code (the
    first one given), over entities rows of any number of days (pure); sorted by day, name, type."""
    if entities.num_rows == 0:
        return DAY_SUMMARY.empty_table()
    key = [day_column, "name", "type"]
    # A stable sort: within a group the rows keep their order, so "first" is the first mention's code.
    rows = entities.select([*key, "text", "article_id", "country_code"]).sort_by([(k, "ascending") for k in key])
    totals = rows.group_by(key, use_threads=False).aggregate([
        ([], "count_all"), ("article_id", "count_distinct"), ("text", "distinct"), ("country_code", "first")])
    return pa.table({
        "name": totals["name"], "type": totals["type"], "aliases": _sorted_lists(totals["text_distinct"]),
        "mentions": totals["count_all"], "articles": totals["article_id_count_distinct"],
        "country_code": totals["country_code_first"], "day": pc.cast(totals[day_column], pa.date32()),
    }, schema=DAY_SUMMARY)


def _sorted_lists(lists: pa.ChunkedArray) -> pa.ListArray:
    """Each list's strings in order (same lengths, so the offsets stay)."""
    lists = lists.combine_chunks()
    values = pc.list_flatten(lists)
    order = pc.sort_indices(pa.table({"row": pc.list_parent_indices(lists), "value": values}),
                            sort_keys=[("row", "ascending"), ("value", "ascending")])
    return pa.ListArray.from_arrays(lists.offsets, values.take(order))


def month_of(day: str) -> str:
    """The summaries file a day's summary lives in: its month (YYYY-MM)."""
    return day[:7]


def combine(days: pa.Table) -> pa.Table:
    """Day summaries -> the index (pure): one row per (name, type), sorted by type then name;
    the country code is the one of its earliest day that has one."""
    if days.num_rows == 0:
        return ENTITY_INDEX.empty_table()
    days = days.sort_by("day")  # a stable sort: "first" below means the earliest day
    key = ["name", "type"]
    totals = days.group_by(key, use_threads=False).aggregate([
        ("mentions", "sum"), ("articles", "sum"), ("day", "min"), ("day", "max"), ("country_code", "first")])
    parents = pc.list_parent_indices(days["aliases"])  # the summary row of each alias
    spellings = pa.table({
        "name": days["name"].take(parents),
        "type": days["type"].take(parents),
        "alias": pc.list_flatten(days["aliases"]),
    }).group_by(key, use_threads=False).aggregate([("alias", "distinct")])
    aliases = dict(zip(zip(spellings["name"].to_pylist(), spellings["type"].to_pylist()),
                       spellings["alias_distinct"].to_pylist()))
    totals = totals.sort_by([("type", "ascending"), ("name", "ascending")])
    keys = zip(totals["name"].to_pylist(), totals["type"].to_pylist())
    return pa.table({
        "name": totals["name"], "type": totals["type"],
        "aliases": pa.array([sorted(aliases.get(k) or []) for k in keys], pa.list_(pa.string())),
        "mentions": totals["mentions_sum"], "articles": totals["articles_sum"],
        "first_seen": totals["day_min"], "last_seen": totals["day_max"], "country_code": totals["country_code_first"],
    }, schema=ENTITY_INDEX)


@dataclass(frozen=True)
class EntityIndex:
    """The entity index as the entities dataset declares it (see schema.DerivedIndex)."""

    name: str = "entity_index"
    summaries: str = ENTITY_MONTHS
    schema: pa.Schema = ENTITY_INDEX
    summary_schema: pa.Schema = DAY_SUMMARY
    summary_value: str = "day"  # the column of a summary row holding its partition value

    def summarise(self, rows: pa.Table, partition: str) -> pa.Table:
        return day_summaries(rows, partition)

    def summary_group(self, value: str) -> str:
        return month_of(value)

    def combine(self, summaries: pa.Table) -> pa.Table:
        return combine(summaries)
