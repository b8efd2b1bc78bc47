"""The lake's tables: one Arrow schema per dataset. This is the contract with analysts.

Change a column here and nowhere else; bump SCHEMA_VERSION when a change is not additive.
`pub_date` (and `run_date` for rejects) are hive partition keys: they live in the folder
names (`pub_date=2017-02-02/`), not inside the files, so pyarrow, pandas and DuckDB all
read them back as a column.

A new dataset is one schema and one `Dataset` in DATASETS below (its key, merge policy and
derived index, if any), plus the rows that fill it: a list of the same name in
tasks.pipeline.FileRows, which fails at import if it has none. The writer, the staging and
the commit take every declared dataset as it comes. The entity index's columns are in
entity_index.py, beside how they are computed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from typing import Protocol

import pyarrow as pa

from tasks.lake.entity_index import EntityIndex
from tasks.lake.pandas_dtypes import with_pandas_dtypes

SCHEMA_VERSION = "1"

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),  # first 16 hex of content_sha256: same content, same id
        ("story_id", pa.string()),  # groups the versions of one story
        ("version", pa.int32()),
        ("agency", pa.string()),  # the credited agency, one canonical short name ("AP", "EFE", "dpa")
        ("publisher", pa.string()),  # the outlet whose page or feed it is; null for agency deliveries
        ("headline", pa.string()),  # without desk slugs
        ("subheadline", pa.string()),
        ("kind", pa.string()),  # story, urgent, roundup, interview, writethru, stub (feed item without text) ...
        ("published_at", UTC_TIMESTAMP),  # null when only the date is known
        ("published_utc_offset", pa.string()),  # the zone the source gave, "+08:00"; null if none
        ("version_created_at", UTC_TIMESTAMP),  # when this version was issued, if the format says
        ("date_source", pa.string()),  # content / metadata / file
        ("dateline", pa.string()),  # as written: "FORT WASHINGTON, Pa., March 3 (AP)"
        ("dateline_place", pa.string()),  # the place only: "FORT WASHINGTON, Pa."
        ("dateline_country_code", pa.string()),  # ISO 3166-1 alpha-2 of that place, when known
        ("byline", pa.string()),  # people only
        ("credits", pa.list_(pa.string())),  # reporting / editing / contributor credits moved out of the body
        ("advisory", pa.string()),  # an editors' note moved out of the top of the body
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

REJECTS = pa.schema(
    [
        ("source_uri", pa.string()),
        ("stage", pa.string()),  # read, sniff, decode, parse, entities ...
        ("reason", pa.string()),  # short, stable: group by it
        ("detail", pa.string()),
        ("ingested_at", UTC_TIMESTAMP),
    ]
)


# pandas reads every table right without arguments (nullable ints, days as dates): pandas_dtypes.py
ARTICLES = with_pandas_dtypes(ARTICLES, "pub_date")
ENTITIES = with_pandas_dtypes(ENTITIES, "pub_date")
QUOTES = with_pandas_dtypes(QUOTES, "pub_date")
AMOUNTS = with_pandas_dtypes(AMOUNTS, "pub_date")
REJECTS = with_pandas_dtypes(REJECTS, "run_date")


ROW_GROUP_ROWS = 64_000  # rows per Parquet row group, unless a dataset caps it lower
DELIVERY = "source_uri"  # the article row's column a staged child row carries: the delivery it came from
PUB_DATE = "pub_date"  # the partition key of the days a run writes, replaces (backfill) or keeps to (`only`)


class Merge(enum.Enum):
    """How a run's rows for a partition combine with the rows the lake has there (merge.py).

    REPLACE_GROUP: the run's rows replace every lake row of the same group (an article's rows:
    the current parser's output wins); a backfill's replaced day becomes exactly the run's rows.
    KEEP_RECORDED: rows already in the lake (in any partition) stay as they were; only rows
    with keys the lake does not hold are added (a history, such as the rejects: a rerun on a
    later day, another run_date partition, adds nothing). In both, duplicates within the run keep the row
    from the first source_uri.
    """

    REPLACE_GROUP = "replace-group"
    KEEP_RECORDED = "keep-recorded"


class DerivedIndex(Protocol):
    """A one-file table kept from a dataset: whenever a partition of it is rewritten, that
    partition's summary (absolute counts, not deltas) is rewritten too, then the index is
    rebuilt from all summaries. Summaries are stored by group (partitions whose values share
    a `summary_group`, such as a month of days), a file per group. A run killed half-way is
    repaired by its rerun."""

    name: str  # its folder: LAKE/<name>/part-0.parquet
    summaries: str  # its summaries' folder: LAKE/_state/<summaries>/<group>.parquet
    schema: pa.Schema
    summary_schema: pa.Schema
    summary_value: str  # the summary column holding the partition value each row summarises

    def summarise(self, rows: pa.Table, partition: str) -> pa.Table:
        """The summaries of the partitions `rows` hold (their value in column `partition`)."""

    def summary_group(self, value: str) -> str: ...

    def combine(self, summaries: pa.Table) -> pa.Table: ...


@dataclass(frozen=True)
class Dataset:
    """A lake table: its folder name, schema, partition key, row identity and sort order.

    `key`: what makes a row distinct (merging keeps one row per key). `merge`: see Merge;
    with REPLACE_GROUP, `group` is the column whose values a run's rows replace whole, and
    `first_seen` a column whose earliest value a replaced row keeps (an article's first
    ingested_at). `index`: a derived index kept from this dataset, if any.

    `prefer`: which of a run's rows with one key is kept: the first after sorting by these
    columns (entities: a span the agency marked up beats the model's guess at the same span).

    `row_groups_by`: a low-cardinality column the rows are sorted by first; each of its values
    starts a new row group, so the row-group statistics let readers skip the other values
    (articles: a query for one agency reads that agency's row groups only). `row_group_rows`
    caps a row group: articles are wide (body and paragraphs), the other tables narrow.

    `child_of_article`: each row belongs to one article row (entities, quotes, amounts). It is
    staged with that article's source_uri, the delivery it came from, so that an article's
    rows come as a set from the delivery whose article row wins, never a union of two
    deliveries' spans (tasks/lake/checks.py); the lake does not keep the column.
    """

    name: str
    schema: pa.Schema
    partition: str
    key: tuple[str, ...]
    sort: tuple[tuple[str, str], ...]
    merge: Merge = Merge.REPLACE_GROUP
    group: str = "article_id"
    first_seen: str | None = None
    index: DerivedIndex | None = None
    prefer: tuple[tuple[str, str], ...] = ()
    row_groups_by: str | None = None
    row_group_rows: int = ROW_GROUP_ROWS
    child_of_article: bool = False


DATASETS = {
    "articles": Dataset(
        "articles", ARTICLES, PUB_DATE, key=("article_id",),
        sort=(("agency", "ascending"), ("published_at", "ascending"), ("article_id", "ascending")),
        first_seen="ingested_at",
        row_groups_by="agency", row_group_rows=8_000,  # about 40 MB of text per row group at most
    ),
    "entities": Dataset(
        "entities", ENTITIES, PUB_DATE, key=("article_id", "start", "end"),  # one span, one row, one type
        prefer=(("source", "ascending"),),  # "agency" before "model"
        sort=(("article_id", "ascending"), ("start", "ascending")), index=EntityIndex(), child_of_article=True,
    ),
    "quotes": Dataset(
        "quotes", QUOTES, PUB_DATE, key=("article_id", "start"),
        sort=(("article_id", "ascending"), ("start", "ascending")), child_of_article=True,
    ),
    "amounts": Dataset(
        "amounts", AMOUNTS, PUB_DATE, key=("article_id", "start"),
        sort=(("article_id", "ascending"), ("start", "ascending")), child_of_article=True,
    ),
    # Keyed by what was refused and why, never by when: a reject is recorded once, on the
    # day first seen (KEEP_RECORDED looks across run_date partitions).
    "rejects": Dataset(
        "rejects", REJECTS, "run_date", key=("source_uri", "stage", "reason", "detail"),
        sort=(("source_uri", "ascending"), ("stage", "ascending")), merge=Merge.KEEP_RECORDED,
    ),
}


def staged_schema(dataset: Dataset) -> pa.Schema:
    """Staged batch files carry the partition key as a column (the lake keeps it in paths), and
    a child of an article its article's source_uri (`Dataset.child_of_article`)."""
    schema = dataset.schema
    if dataset.child_of_article:
        schema = schema.append(pa.field(DELIVERY, pa.string()))
    return schema.append(pa.field(dataset.partition, pa.string()))


def rows_for_each_dataset(cls: type) -> type:
    """Class decorator for the dataclass a file's rows travel in (tasks.pipeline.FileRows):
    it must hold one list per declared dataset and no other list, or the import fails. The
    batch stages that list for every dataset, so a dataset without one would never be written."""
    lists = {f.name for f in fields(cls) if f.default_factory is list}
    missing, unknown = sorted(set(DATASETS) - lists), sorted(lists - set(DATASETS))
    problems = [f"no rows for {', '.join(missing)}"] if missing else []
    problems += [f"rows of no declared dataset: {', '.join(unknown)}"] if unknown else []
    if problems:
        raise TypeError(f"{cls.__name__} must hold one list of rows per dataset of tasks.lake.schema.DATASETS: "
                        + "; ".join(problems))
    return cls
