"""LAKE/entity_index/: one row per canonical entity (name, type) across the whole lake.

Kept incrementally: when a commit rewrites an entities partition, the index takes away what
the partition held before and adds what it holds now, so a run touches only its own days and
reprocessing never double-counts. Aliases and the first/last day only ever widen.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.schema import ENTITY_INDEX

INDEX_FILE = ("entity_index", "part-0.parquet")


def day_counts(entities: pa.Table | None) -> dict[tuple[str, str], dict]:
    """(name, type) -> mentions, article ids, aliases, country code, in one partition's rows."""
    counts: dict[tuple[str, str], dict] = {}
    if entities is None or entities.num_rows == 0:
        return counts
    columns = entities.select(["name", "type", "text", "article_id", "country_code"]).to_pydict()
    for name, kind, text, article, code in zip(*columns.values()):
        entry = counts.setdefault((name, kind), {"mentions": 0, "articles": set(), "aliases": set(), "code": None})
        entry["mentions"] += 1
        entry["articles"].add(article)
        entry["aliases"].add(text)
        entry["code"] = entry["code"] or code
    return counts


def partition_delta(day: str, before: pa.Table | None, after: pa.Table | None) -> dict:
    """What rewriting one day's entities partition changes in the index."""
    old, new = day_counts(before), day_counts(after)
    delta = {}
    for key in old.keys() | new.keys():
        o, n = old.get(key), new.get(key)
        delta[key] = {
            "mentions": (n["mentions"] if n else 0) - (o["mentions"] if o else 0),
            "articles": (len(n["articles"]) if n else 0) - (len(o["articles"]) if o else 0),
            "aliases": n["aliases"] if n else set(),
            "code": n["code"] if n else None,
            "day": date.fromisoformat(day) if n else None,
        }
    return delta


def apply_deltas(index: pa.Table | None, deltas: list[dict]) -> pa.Table:
    """The index after the changes of a commit (pure)."""
    rows = {(r["name"], r["type"]): r for r in (index.to_pylist() if index is not None else [])}
    for delta in deltas:
        for (name, kind), change in delta.items():
            row = rows.setdefault((name, kind), {"name": name, "type": kind, "aliases": [], "mentions": 0,
                                                 "articles": 0, "first_seen": None, "last_seen": None,
                                                 "country_code": None})
            row["mentions"] += change["mentions"]
            row["articles"] += change["articles"]
            row["aliases"] = sorted(set(row["aliases"]) | change["aliases"])
            row["country_code"] = row["country_code"] or change["code"]
            if change["day"]:
                row["first_seen"] = min(filter(None, (row["first_seen"], change["day"])))
                row["last_seen"] = max(filter(None, (row["last_seen"], change["day"])))
    kept = sorted((r for r in rows.values() if r["mentions"] > 0), key=lambda r: (r["type"], r["name"]))
    return pa.Table.from_pylist(kept, schema=ENTITY_INDEX)


def read_index(fs, path: str) -> pa.Table | None:
    return pq.read_table(path, filesystem=fs, schema=ENTITY_INDEX) if fs.exists(path) else None
