"""One batch of raw files: read each, process it, stage the rows. Runs inside a worker.

Returns only a small summary (per-file outcome and counts), never the rows: rows go to
the lake's staging area, so nothing large travels back through the task runner.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime

from tasks import lake
from tasks.pipeline import FileRows, process_file, reject_row
from tasks.sources import SourceFile, read_file


@dataclass
class FileOutcome:
    uri: str
    status: str  # parsed / rejected (duplicate is decided across batches, by the flow)
    n_bytes: int
    article_ids: list[str]
    reject: str | None = None  # "stage: reason" of the first reject, if any


@dataclass
class BatchSummary:
    batch_no: int
    files: list[FileOutcome] = field(default_factory=list)
    formats: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def run_batch(source: str, files: list[SourceFile], lake_root: str, run_id: str, batch_no: int,
              ingested_at: datetime) -> BatchSummary:
    rows = {"articles": [], "entities": [], "rejects": []}
    summary = BatchSummary(batch_no)
    formats: Counter[str] = Counter()
    for file in files:
        result = _process_one(source, file, ingested_at)
        rows["articles"].extend(result.articles)
        rows["entities"].extend(result.entities)
        rows["rejects"].extend(result.rejects)
        formats.update(result.formats)
        first_reject = result.rejects[0] if result.rejects else None
        summary.files.append(FileOutcome(
            uri=file.uri,
            status=result.status,
            n_bytes=result.n_bytes,
            article_ids=[a["article_id"] for a in result.articles],
            reject=f"{first_reject['stage']}: {first_reject['reason']}" if first_reject else None,
        ))
    lake.stage_batch(lake_root, run_id, batch_no, rows)
    summary.formats = dict(formats)
    return summary


def _process_one(source: str, file: SourceFile, ingested_at: datetime) -> FileRows:
    try:
        raw = read_file(source, file)
    except OSError as exc:
        out = FileRows(file.uri, file.size)
        out.rejects.append(reject_row(file.uri, "read", "unreadable file", f"{type(exc).__name__}: {exc}", ingested_at))
        return out
    return process_file(raw, ingested_at)
