"""LAKE/entity_index/: one row per canonical entity (name, type) across the whole lake.

Kept incrementally and crash-safely: whenever a commit rewrites a day's entities partition it
also rewrites that day's summary (LAKE/_state/entity_days/<day>.parquet, absolute counts,
not deltas), then the index is the sum of the day summaries. A run touches only its own
days; a run killed half-way is repaired by its rerun, which rewrites the same days.

Pure: the entities dataset declares the index (schema.py); the writer keeps its files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from tasks.lake.layout import ENTITY_DAYS
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


def day_summary(day: str, entities: pa.Table | None) -> pa.Table:
    """(name, type) -> mentions, distinct articles, aliases, country code, in one day's rows."""
    counts: dict[tuple[str, str], dict] = {}
    if entities is not None and entities.num_rows:
        columns = entities.select(["name", "type", "text", "article_id", "country_code"]).to_pydict()
        for name, kind, text, article, code in zip(*columns.values()):
            entry = counts.setdefault((name, kind), {"mentions": 0, "articles": set(), "aliases": set(), "code": None})
            entry["mentions"] += 1
            entry["articles"].add(article)
            entry["aliases"].add(text)
            entry["code"] = entry["code"] or code
    on = date.fromisoformat(day)
    rows = [{"name": name, "type": kind, "aliases": sorted(e["aliases"]), "mentions": e["mentions"],
             "articles": len(e["articles"]), "country_code": e["code"], "day": on}
            for (name, kind), e in sorted(counts.items())]
    return pa.Table.from_pylist(rows, schema=DAY_SUMMARY)


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
    summaries: str = ENTITY_DAYS
    schema: pa.Schema = ENTITY_INDEX
    summary_schema: pa.Schema = DAY_SUMMARY

    def summarise(self, value: str, rows: pa.Table | None) -> pa.Table:
        return day_summary(value, rows)

    def combine(self, summaries: pa.Table) -> pa.Table:
        return combine(summaries)
