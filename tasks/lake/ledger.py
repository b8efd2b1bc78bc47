"""The ledger: every raw file the lake has taken in, with its fingerprint and outcome.

LAKE/_state/ledger.parquet, one row per source file. It is how `wirelake run` knows what is
new (path, size, modification time or ETag), how a backfill finds the files of a day (the
pub_dates their stories landed in), and it lives in the lake, so deleting Prefect's home
loses nothing. It is rewritten under the lake lock, after the partitions, so a crash in
between only means those files are processed again (which merges to the same rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.lake.layout import Lake
from tasks.lake.schema import UTC_TIMESTAMP
from tasks.lake.writer import partition_values, write_atomically
from tasks.records import TRANSIENT_READ, SourceFile

ROWS_PER_CHUNK = 10_000  # ledger rows turned into Arrow at once (update_ledger)

LEDGER = pa.schema([
    ("source_uri", pa.string()),
    ("size", pa.int64()),
    ("modified_at", UTC_TIMESTAMP),
    ("etag", pa.string()),  # object stores' ETag (or GCS md5), when the store gives one
    ("content_sha256", pa.string()),  # of the raw bytes
    ("status", pa.string()),  # parsed / rejected / duplicate
    ("articles", pa.int32()),
    ("pub_dates", pa.list_(pa.string())),  # partitions its stories went to
    ("reject", pa.string()),  # "stage: reason" of a rejected file
    ("run_id", pa.string()),
    ("processed_at", UTC_TIMESTAMP),
])


def read_ledger(lake: str | Lake) -> pa.Table:
    lake = Lake.at(lake)
    path = lake.ledger_file()
    if not lake.fs.exists(path):
        return LEDGER.empty_table()
    return pq.read_table(path, filesystem=lake.fs, schema=LEDGER)


def is_transient(reject: str | None) -> bool:
    """The file's last read failed for a reason that can pass: it is no outcome, read it again."""
    return reject == f"read: {TRANSIENT_READ}"


def is_unchanged(file: SourceFile, known: dict) -> bool:
    """Same size and the same ETag, or (no ETag) the same modification time, and last read
    to an outcome (a read that failed for a reason that can pass is tried again)."""
    if is_transient(known.get("reject")):
        return False
    if file.size != known["size"]:
        return False
    if file.etag and known["etag"]:
        return file.etag == known["etag"]
    return file.modified_at == known["modified_at"]


def select_new(files: list[SourceFile], ledger: pa.Table, present_days: set[str] | None = None) -> list[SourceFile]:
    """The files the ledger has not seen, or has seen with another size / ETag / mtime.

    With `present_days` (the pub_date partitions in the lake), files whose stories went to a
    partition that is gone are taken again too: deleting a partition and rerunning rebuilds it.
    """
    columns = ["source_uri", "size", "etag", "modified_at", "pub_dates", "reject"]
    known = {row["source_uri"]: row for row in ledger.select(columns).to_pylist()}

    def lost(row: dict) -> bool:
        return present_days is not None and any(d not in present_days for d in row["pub_dates"] or ())

    return [f for f in files if f.uri not in known or not is_unchanged(f, known[f.uri]) or lost(known[f.uri])]


def files_to_read(listed: list[SourceFile], lake: str | Lake) -> list[SourceFile]:
    """What an incremental run reads: files new or changed since the ledger saw them, and the
    files of partitions that have gone missing from the lake."""
    return select_new(listed, read_ledger(lake), partition_values(lake))


def files_for_days(ledger: pa.Table, first: date, last: date) -> set[str]:
    """Source files with at least one story published in [first, last] (by partition date)."""
    days = {d.isoformat() for d in _days(first, last)}
    return {row["source_uri"] for row in ledger.select(["source_uri", "pub_dates"]).to_pylist()
            if days.intersection(row["pub_dates"] or ())}


def update_ledger(lake: str | Lake, rows: Iterable[dict]) -> int:
    """Merge rows (one per processed file, any iterable) into the ledger; a file's newest row wins."""
    lake = Lake.at(lake)
    # Taken in chunks: a run's rows as Python dicts would cost ~1 KB a file at once.
    chunks = [pa.Table.from_pylist(chunk, schema=LEDGER) for chunk in _chunks(rows, ROWS_PER_CHUNK)]
    if not chunks:
        return 0
    fresh = pa.concat_tables(chunks)
    old = read_ledger(lake)
    kept = old.filter(pc.invert(pc.is_in(old["source_uri"], value_set=fresh["source_uri"])))
    merged = pa.concat_tables([kept, fresh]).sort_by("source_uri")
    write_atomically(lake, merged, lake.ledger_file())
    return merged.num_rows


def ledger_row(file: dict, status: str, run_id: str, processed_at: datetime) -> dict:
    """A file outcome of a batch (see tasks.batch.FileOutcome) as a ledger row."""
    return {
        "source_uri": file["uri"], "size": file["n_bytes"], "modified_at": file["modified_at"],
        "etag": file["etag"], "content_sha256": file["content_sha256"], "status": status,
        "articles": len(file["article_ids"]), "pub_dates": file["pub_dates"], "reject": file["reject"],
        "run_id": run_id, "processed_at": processed_at,
    }


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day = date.fromordinal(day.toordinal() + 1)
