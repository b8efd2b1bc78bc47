"""The steps of one run that need no Prefect: batching, counting, committing.

The flows in flows/ingest.py wrap them in tasks; the throughput benchmark's `plain` system
and the crash tests drive them without Prefect, so they must not import it.
"""

from __future__ import annotations

import contextlib
import math
import uuid
from collections import Counter
from datetime import datetime, timezone

from tasks import lake as lake_writer
from tasks.lake.ledger import ledger_row, update_ledger
from tasks.redact import redact
from tasks.lake.runs import write_run_report

MIN_BATCH, MAX_BATCH = 20, 2000
BATCHES_PER_WORKER = 4  # enough to balance uneven batches and to show progress


def new_run_id(started_at: datetime) -> str:
    return started_at.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def pick_batch_size(n_files: int, workers: int) -> int:
    wanted = math.ceil(n_files / max(1, workers * BATCHES_PER_WORKER))
    return max(MIN_BATCH, min(MAX_BATCH, wanted))


def split_batches(files: list, size: int) -> list[list]:
    return [files[i : i + size] for i in range(0, len(files), size)]


def summarise(batches: list[dict], **context) -> dict:
    """Per-file outcomes -> run counts. A file whose every article came earlier is a duplicate.

    Files are judged in uri order, so which copy counts as the duplicate does not depend on
    which batch finished first. Raises if the counts do not account for every file.
    """
    outcomes = sorted((f for b in batches for f in b["files"]), key=lambda f: f["uri"])
    seen_ids: set[str] = set()
    counts, rejects, status = Counter(), Counter(), {}
    articles_parsed = 0
    for outcome in outcomes:
        ids = outcome["article_ids"]
        articles_parsed += len(ids)
        if outcome["status"] == "rejected":
            status[outcome["uri"]] = "rejected"
            rejects[outcome["reject"]] += 1
        elif all(i in seen_ids for i in ids):
            status[outcome["uri"]] = "duplicate"
        else:
            status[outcome["uri"]] = "parsed"
        counts[status[outcome["uri"]]] += 1
        seen_ids.update(ids)
    seen = len(outcomes)
    if seen != counts["parsed"] + counts["rejected"] + counts["duplicate"] or seen != len(status):
        raise RuntimeError(f"run lost track of files: {seen} seen, {dict(counts)} accounted")
    totals = {key: Counter() for key in ("formats", "agencies", "reject_stages", "rows")}
    for batch in batches:
        for key, counter in totals.items():
            counter.update(batch.get(key, {}))
    return {
        **context,
        "status": "completed",
        "files_seen": seen,
        "files_parsed": counts["parsed"],
        "files_rejected": counts["rejected"],
        "files_duplicate": counts["duplicate"],
        "bytes_read": sum(o["n_bytes"] for o in outcomes),
        "articles_parsed": articles_parsed,
        "articles": len(seen_ids),
        "rejects_by_reason": dict(rejects.most_common()),
        "formats": dict(totals["formats"].most_common()),
        "agencies": dict(totals["agencies"].most_common()),
        "reject_stages": dict(totals["reject_stages"].most_common()),
        "reject_rows": totals["rows"].get("rejects", 0),  # files refused + stories / members refused inside files
        "batches": len(batches),
        "file_status": status,  # per-file detail for the ledger; dropped after commit
        "outcomes": outcomes,
    }


def check_articles_conserved(summary: dict, written: int, only: list[str] | None = None) -> None:
    """Articles written = articles parsed - duplicates (per partition), or the run fails loudly."""
    keys = {(day, article) for o in summary["outcomes"] for day, article in zip(o["article_days"], o["article_ids"])
            if only is None or day in only}
    parsed = sum(1 for o in summary["outcomes"] for day in o["article_days"] if only is None or day in only)
    if written != len(keys):
        raise RuntimeError(f"run lost track of articles: {parsed} parsed - {parsed - len(keys)} duplicates "
                           f"= {len(keys)} expected, {written} written")


def commit_and_record(lake: str, run_id: str, summary: dict, replace=(), only: list[str] | None = None) -> dict:
    """Partitions first, then (still under the lock) the ledger and the run report.

    Returns the counts the commit adds to the summary."""
    added: dict = {}

    def record(lake_, commit):
        check_articles_conserved(summary, commit.rows_written.get("articles", 0), only)
        finished_at = datetime.now(timezone.utc)
        update_ledger(lake_, [ledger_row(f, summary["file_status"][f["uri"]], run_id, finished_at)
                              for f in summary["outcomes"]])
        added.update(_commit_counts(vars(commit)), finished_at=finished_at)
        write_run_report(lake_, {**summary, **added})

    lake_writer.commit_run(lake, run_id, replace=replace, only=only, after_commit=record)
    return added


def _commit_counts(commit: dict) -> dict:
    return {
        "articles_new": commit["rows_new"].get("articles", 0),
        "entities": commit["rows_written"].get("entities", 0),
        "partitions": commit["partitions"].get("articles", 0),
        "rows_written": commit["rows_written"],
    }


def _drop_file_detail(summary: dict) -> dict:
    summary.pop("file_status", None)
    summary.pop("outcomes", None)
    return summary


def _record_failure(lake: str, run_id: str, context: dict, exc: BaseException) -> None:
    """A failed run leaves a report saying so (best effort) and no staged files behind."""
    with contextlib.suppress(Exception):
        lake_writer.drop_staging(lake, run_id)
        write_run_report(lake, {**context, "status": "failed", "finished_at": datetime.now(timezone.utc),
                                "error": redact(f"{type(exc).__name__}: {exc}")[:500]})

