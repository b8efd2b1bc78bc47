"""The lake's tables: one Arrow schema per dataset. This is the contract with analysts.

Change a column here and nowhere else; bump SCHEMA_VERSION when a change is not additive.
`pub_date` (and `run_date` for rejects) are hive partition keys: they live in the folder
names (`pub_date=2017-02-02/`), not inside the files, so pyarrow, pandas and DuckDB all
read them back as a column.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = "1"

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),  # first 16 hex of content_sha256: same content, same id
        ("story_id", pa.string()),  # groups the versions of one story
        ("version", pa.int32()),
        ("agency", pa.string()),
        ("headline", pa.string()),  # without desk slugs
        ("subheadline", pa.string()),
        ("kind", pa.string()),  # story, urgent, roundup, interview, writethru, stub (feed item without text) ...
        ("published_at", UTC_TIMESTAMP),  # null when only the date is known
        ("published_utc_offset", pa.string()),  # the zone the source gave, "+08:00"; null if none
        ("version_created_at", UTC_TIMESTAMP),  # when this version was issued, if the format says
        ("date_source", pa.string()),  # content / metadata / file
        ("dateline", pa.string()),
        ("byline", pa.string()),
        ("body", pa.string()),  # paragraphs joined by a blank line
        ("paragraphs", pa.list_(pa.string())),
        ("word_count", pa.int32()),
        ("language", pa.string()),
        ("slug", pa.string()),  # desk slug / keyword line as delivered
        ("urgency", pa.int32()),  # 1 = most urgent
        ("subjects", pa.list_(pa.string())),  # subject codes / names as delivered
        ("url", pa.string()),  # the story's web address (link, canonical, WARC target URI)
        ("related_headlines", pa.list_(pa.string())),
        ("source_uri", pa.string()),  # the raw file; members of archives as "outer!/member"
        ("source_format", pa.string()),
        ("content_sha256", pa.string()),
        ("ingested_at", UTC_TIMESTAMP),
    ]
)

ENTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("text", pa.string()),  # as written
        ("name", pa.string()),  # canonical within the article
        ("type", pa.string()),  # PERSON, ORG, LOC, MISC
        ("start", pa.int32()),  # character offsets into articles.body
        ("end", pa.int32()),
        ("paragraph", pa.int32()),  # index into articles.paragraphs
        ("role", pa.string()),  # title seen with a PERSON ("Prime Minister")
        ("country_code", pa.string()),  # ISO 3166-1 alpha-2, for LOC
        ("lat", pa.float64()),  # where a gazetteer knows the place
        ("lon", pa.float64()),
        ("source", pa.string()),  # "agency" (marked up by the sender) or "model" (found by wirelake)
    ]
)

QUOTES = pa.schema(
    [
        ("article_id", pa.string()),
        ("text", pa.string()),  # the quoted words, without quote marks
        ("start", pa.int32()),  # offsets into articles.body
        ("end", pa.int32()),
        ("paragraph", pa.int32()),
        ("speaker", pa.string()),  # canonical entity name, null when the text does not say
        ("speaker_text", pa.string()),  # as written: "Stoltenberg", "he", "a spokesman"
        ("verb", pa.string()),  # said, told, added, according to ...
        ("full_sentence", pa.bool_()),
    ]
)

AMOUNTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("text", pa.string()),  # as written: "246,000 jobs", "$1.2 billion"
        ("value", pa.float64()),  # full magnitude: 1.2e9
        ("unit", pa.string()),  # ISO 4217 code, "%", "km", or the counted noun ("jobs")
        ("kind", pa.string()),  # money, percent, measure, count, number
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("paragraph", pa.int32()),
    ]
)

ENTITY_INDEX = pa.schema(
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
)

REJECTS = pa.schema(
    [
        ("source_uri", pa.string()),
        ("stage", pa.string()),  # read, sniff, decode, parse, entities ...
        ("reason", pa.string()),  # short, stable: group by it
        ("detail", pa.string()),
        ("ingested_at", UTC_TIMESTAMP),
    ]
)


ROW_GROUP_ROWS = 64_000  # rows per Parquet row group, unless a dataset caps it lower


@dataclass(frozen=True)
class Dataset:
    """A lake table: its folder name, schema, partition key, row identity and sort order.

    `row_groups_by`: a low-cardinality column the rows are sorted by first; each of its values
    starts a new row group, so the row-group statistics let readers skip the other values
    (articles: a query for one agency reads that agency's row groups only). `row_group_rows`
    caps a row group: articles are wide (body and paragraphs), the other tables narrow.
    """

    name: str
    schema: pa.Schema
    partition: str
    key: tuple[str, ...]
    sort: tuple[tuple[str, str], ...]
    row_groups_by: str | None = None
    row_group_rows: int = ROW_GROUP_ROWS


DATASETS = {
    "articles": Dataset(
        "articles", ARTICLES, "pub_date", key=("article_id",),
        sort=(("agency", "ascending"), ("published_at", "ascending"), ("article_id", "ascending")),
        row_groups_by="agency", row_group_rows=8_000,  # about 40 MB of text per row group at most
    ),
    "entities": Dataset(
        "entities", ENTITIES, "pub_date", key=("article_id", "start", "end", "type"),
        sort=(("article_id", "ascending"), ("start", "ascending")),
    ),
    "quotes": Dataset(
        "quotes", QUOTES, "pub_date", key=("article_id", "start"),
        sort=(("article_id", "ascending"), ("start", "ascending")),
    ),
    "amounts": Dataset(
        "amounts", AMOUNTS, "pub_date", key=("article_id", "start"),
        sort=(("article_id", "ascending"), ("start", "ascending")),
    ),
    "rejects": Dataset(
        "rejects", REJECTS, "run_date", key=("source_uri", "stage", "reason", "detail"),
        sort=(("source_uri", "ascending"), ("stage", "ascending")),
    ),
}


def staged_schema(dataset: Dataset) -> pa.Schema:
    """Staged batch files carry the partition key as a column; the lake keeps it in paths."""
    return dataset.schema.append(pa.field(dataset.partition, pa.string()))
