"""One batch of raw files: read each, process it, stage the rows. Runs inside a worker.

Returns only a small summary (per-file outcome and counts), never the rows: rows go to
the lake's staging area, so nothing large travels back through the task runner.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from tasks import lake
from tasks.lake.schema import DATASETS
from tasks.records import TRANSIENT_READ, Reject, SourceFile
from tasks.sources import TransientReadError, read_file

if TYPE_CHECKING:
    from tasks.pipeline import FileRows


@dataclass
class FileOutcome:
    uri: str
    status: str  # parsed / rejected (duplicate is decided across batches, by the flow)
    n_bytes: int
    article_ids: list[str]
    reject: str | None = None  # "stage: reason" of the first reject, if any
    article_days: list[str] = field(default_factory=list)  # pub_date of each of article_ids
    pub_dates: list[str] = field(default_factory=list)  # partitions its stories went to
    modified_at: datetime | None = None
    etag: str | None = None
    content_sha256: str | None = None


@dataclass
class BatchSummary:
    batch_no: int
    files: list[FileOutcome] = field(default_factory=list)
    formats: dict[str, int] = field(default_factory=dict)  # reader -> files (members too) it read
    agencies: dict[str, int] = field(default_factory=dict)  # agency -> articles
    reject_stages: dict[str, int] = field(default_factory=dict)  # stage -> reject rows
    rows: dict[str, int] = field(default_factory=dict)  # dataset -> rows staged

    def to_dict(self) -> dict:
        return asdict(self)


def run_batch(source: str, files: list[SourceFile], lake_root: str, run_id: str, batch_no: int,
              ingested_at: datetime) -> BatchSummary:
    rows: dict[str, list[dict]] = {name: [] for name in DATASETS}
    summary = BatchSummary(batch_no)
    formats, agencies, stages = Counter(), Counter(), Counter()
    for file in files:
        result, digest = _process_one(source, file, ingested_at)
        for name in rows:  # FileRows holds a list per declared dataset (checked at its import)
            rows[name].extend(getattr(result, name))
        formats.update(result.formats)
        agencies.update(a["agency"] or "unknown" for a in result.articles)
        stages.update(r["stage"] for r in result.rejects)
        first_reject = result.rejects[0] if result.rejects else None
        summary.files.append(FileOutcome(
            uri=file.uri,
            status=result.status,
            n_bytes=result.n_bytes,
            article_ids=[a["article_id"] for a in result.articles],
            article_days=[a["pub_date"] for a in result.articles],
            reject=f"{first_reject['stage']}: {first_reject['reason']}" if first_reject else None,
            pub_dates=sorted({a["pub_date"] for a in result.articles}),
            modified_at=file.modified_at,
            etag=file.etag,
            content_sha256=digest,
        ))
    rows["rejects"] = [_writable(row) for row in rows["rejects"]]
    lake.stage_batch(lake_root, run_id, batch_no, rows)
    summary.formats, summary.agencies, summary.reject_stages = dict(formats), dict(agencies), dict(stages)
    summary.rows = {name: len(r) for name, r in rows.items()}
    return summary


def _process_one(source: str, file: SourceFile, ingested_at: datetime) -> tuple[FileRows, str | None]:
    # Imported here: the pipeline loads its NER tables on import, which the workers need and
    # the flow process (which imports this module for run_batch) does not.
    from tasks.pipeline import FileRows, process_file, reject_row

    try:
        raw = read_file(source, file)
    except (Reject, OSError) as exc:  # never opened, or not read: a reject row, and the ledger's outcome
        if isinstance(exc, Reject):
            stage, reason, detail = exc.stage, exc.reason, exc.detail
        else:  # may pass (TransientReadError, or any other OSError): the ledger retries it
            detail = exc.strerror if isinstance(exc, TransientReadError) else f"{type(exc).__name__}: {exc}"
            stage, reason = "read", TRANSIENT_READ
        out = FileRows(file.uri, file.size)
        out.rejects.append(reject_row(file.uri, stage, reason, detail, ingested_at))
        return out, None
    return process_file(raw, ingested_at), hashlib.sha256(raw.data).hexdigest()


def _writable(reject: dict) -> dict:
    """A reject row whose text Parquet can store: bytes of a name that were not UTF-8 (in an
    error message, say) written as \\xNN instead of failing the whole batch."""
    return {key: value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            if isinstance(value, str) else value for key, value in reject.items()}
