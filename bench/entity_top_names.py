"""The most-mentioned PERSON / ORG / LOC names of a lake, for judging the entity stage by hand.

    .venv/bin/python bench/entity_top_names.py LAKE [--top 50] [--types PERSON,ORG,LOC] [--examples 1]

Reads the lake's entities dataset (model rows and agency rows alike, as an analyst's first
table would), counts mentions and articles per (type, name) and prints the top names of each
type with one surface form and a snippet of context per name, so a reader can tell a right
name from a wrong one without opening the articles. The judgement itself is recorded in the
README (section "Entities, quotes, amounts, places"); this script only lists.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pyarrow.dataset as ds

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.lake.layout import Lake  # noqa: E402

TYPES = ("PERSON", "ORG", "LOC")


def read_table(lake: Lake, name: str, columns: list[str]):
    dataset = ds.dataset(lake.dataset_dir(name), filesystem=lake.fs, format="parquet",
                         partitioning="hive", ignore_prefixes=["_", "."])
    return dataset.to_table(columns=columns)


def top_names(lake_url: str, top: int, types=TYPES, examples: int = 1) -> dict[str, list[dict]]:
    """type -> the `top` names by mentions: name, mentions, articles, surface forms, snippets."""
    lake = Lake.at(lake_url)
    entities = read_table(lake, "entities", ["article_id", "text", "name", "type", "start", "end"]).to_pylist()
    mentions: Counter = Counter()
    articles: dict = defaultdict(set)
    surfaces: dict = defaultdict(Counter)
    first_at: dict = {}
    for row in entities:
        key = (row["type"], row["name"])
        mentions[key] += 1
        articles[key].add(row["article_id"])
        surfaces[key][row["text"]] += 1
        first_at.setdefault(key, []).append((row["article_id"], row["start"], row["end"]))
    wanted_ids = set()
    chosen: dict[str, list] = {}
    for kind in types:
        keys = sorted((k for k in mentions if k[0] == kind), key=lambda k: (-mentions[k], k[1]))[:top]
        chosen[kind] = keys
        for key in keys:
            wanted_ids.update(a for a, _, _ in first_at[key][:examples])
    bodies = {}
    if examples:
        table = read_table(lake, "articles", ["article_id", "body"])
        for row in table.to_pylist():
            if row["article_id"] in wanted_ids:
                bodies[row["article_id"]] = row["body"]
    out: dict[str, list[dict]] = {}
    for kind, keys in chosen.items():
        out[kind] = []
        for key in keys:
            snippets = []
            for article_id, s, e in first_at[key][:examples]:
                body = bodies.get(article_id, "")
                snippets.append((body[max(0, s - 40):s] + "[" + body[s:e] + "]" + body[e:e + 40]).replace("\n", " "))
            out[kind].append({"name": key[1], "mentions": mentions[key], "articles": len(articles[key]),
                              "surfaces": [t for t, _ in surfaces[key].most_common(3)], "snippets": snippets})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lake")
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--examples", type=int, default=1, help="context snippets per name (0: none)")
    args = ap.parse_args(argv)
    result = top_names(args.lake, args.top, tuple(args.types.split(",")), args.examples)
    for kind, rows in result.items():
        print(f"== {kind}: top {len(rows)} by mentions")
        for rank, row in enumerate(rows, 1):
            forms = " | ".join(f for f in row["surfaces"] if f != row["name"])
            print(f"{rank:3d} {row['mentions']:6d} {row['articles']:5d}  {row['name']}" + (f"  ({forms})" if forms else ""))
            for snippet in row["snippets"]:
                print(f"             ... {snippet}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
