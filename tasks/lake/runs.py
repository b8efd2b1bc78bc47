"""Run reports: what each run did, kept in the lake (LAKE/_runs/) so history outlives Prefect.

One small Parquet file per run, `_runs/<run_id>.parquet`, in long form: one row per count
(section "files", "stage", "agency", "reject", "dataset", "format"), with the run's own
fields repeated on each row, so `pd.read_parquet(LAKE + "/_runs")` is the whole history.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.dataset as pads

from tasks.lake.layout import Lake
from tasks.lake.schema import UTC_TIMESTAMP
from tasks.lake.writer import write_atomically

RUNS = pa.schema([
    ("run_id", pa.string()),
    ("mode", pa.string()),  # run / full-refresh / backfill
    ("status", pa.string()),  # completed / failed
    ("started_at", UTC_TIMESTAMP),
    ("finished_at", UTC_TIMESTAMP),
    ("source", pa.string()),
    ("files_seen", pa.int64()),
    ("files_parsed", pa.int64()),
    ("files_rejected", pa.int64()),
    ("files_duplicate", pa.int64()),
    ("articles_written", pa.int64()),
    ("section", pa.string()),
    ("key", pa.string()),
    ("count", pa.int64()),
    ("error", pa.string()),
])


def report_rows(summary: dict) -> list[dict]:
    """The long-form table of a run summary (`RunSummary.as_dict()`, see flows/run_steps.py)."""
    counts = [("files", k, summary.get(f"files_{k}", 0)) for k in ("listed", "seen", "parsed", "rejected", "duplicate", "skipped")]
    counts += [("stage", k, v) for k, v in summary.get("reject_stages", {}).items()]
    counts += [("agency", k, v) for k, v in summary.get("agencies", {}).items()]
    counts += [("reject", k, v) for k, v in summary.get("rejects_by_reason", {}).items()]
    counts += [("format", k, v) for k, v in summary.get("formats", {}).items()]
    counts += [("dataset", k, v) for k, v in summary.get("rows_written", {}).items()]
    run = {
        "run_id": summary["run_id"], "mode": summary.get("mode", "run"), "status": summary.get("status", "completed"),
        "started_at": summary.get("started_at"), "finished_at": summary.get("finished_at"),
        "source": summary.get("source"), "files_seen": summary.get("files_seen", 0),
        "files_parsed": summary.get("files_parsed", 0), "files_rejected": summary.get("files_rejected", 0),
        "files_duplicate": summary.get("files_duplicate", 0), "articles_written": summary.get("articles", 0),
        "error": summary.get("error"),
    }
    return [{**run, "section": section, "key": str(key), "count": int(value or 0)} for section, key, value in counts]


def write_run_report(lake: str | Lake, summary: dict) -> str:
    lake = Lake.at(lake)
    path = lake.run_report_file(summary["run_id"])
    write_atomically(lake, pa.Table.from_pylist(report_rows(summary), schema=RUNS), path)
    return path


def read_runs(lake: str | Lake) -> pa.Table:
    """Every run report in the lake (empty table if none)."""
    lake = Lake.at(lake)
    files = lake.fs.glob(lake.run_reports())
    if not files:
        return RUNS.empty_table()
    return pads.dataset(files, schema=RUNS, filesystem=lake.fs).to_table()


def last_successful_run(lake: str | Lake) -> dict | None:
    runs = read_runs(lake).select(["run_id", "mode", "status", "started_at", "finished_at"]).to_pylist()
    done = [r for r in runs if r["status"] == "completed"]
    return max(done, key=lambda r: r["finished_at"], default=None)
