"""LAKE/entity_index/: one row per canonical entity (name, type) across the whole lake.

Kept incrementally and crash-safely: whenever a commit rewrites a day's entities partition it
also rewrites that day's summary (LAKE/_state/entity_days/<day>.parquet, absolute counts,
not deltas), then the index is the sum of the day summaries. A run touches only its own
days; a run killed half-way is repaired by its rerun, which rewrites the same days.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pyarrow as pa
import pyarrow.dataset as pads

from tasks.schema import ENTITY_INDEX

INDEX_FILE = ("entity_index", "part-0.parquet")
DAYS_DIR = ("_state", "entity_days")

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
    """Day summaries -> the index (pure)."""
    index: dict[tuple[str, str], dict] = {}
    aliases: dict[tuple[str, str], set] = defaultdict(set)
    for row in days.to_pylist():
        key = (row["name"], row["type"])
        entry = index.setdefault(key, {"name": row["name"], "type": row["type"], "mentions": 0, "articles": 0,
                                       "first_seen": row["day"], "last_seen": row["day"], "country_code": None})
        entry["mentions"] += row["mentions"]
        entry["articles"] += row["articles"]
        entry["first_seen"] = min(entry["first_seen"], row["day"])
        entry["last_seen"] = max(entry["last_seen"], row["day"])
        entry["country_code"] = entry["country_code"] or row["country_code"]
        aliases[key].update(row["aliases"])
    rows = [{**entry, "aliases": sorted(aliases[key])} for key, entry in sorted(index.items(), key=lambda i: (i[0][1], i[0][0]))]
    return pa.Table.from_pylist(rows, schema=ENTITY_INDEX)


def read_days(fs, folder: str) -> pa.Table:
    files = fs.glob(f"{folder}/*.parquet")
    return pads.dataset(files, schema=DAY_SUMMARY, filesystem=fs).to_table() if files else DAY_SUMMARY.empty_table()
