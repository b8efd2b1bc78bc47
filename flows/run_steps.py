"""The steps of one run that need no Prefect: checking, batching, counting, committing.

The flows in flows/ingest.py wrap them in tasks; the throughput benchmark's `plain` system
and the crash tests drive them without Prefect, so they must not import it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from pathlib import Path

from tasks import lake as lake_writer
from tasks.errors import ConservationError
from tasks.lake import article_ids
from tasks.lake.checks import Settlement, claims_to_check, settle, staged_copies, staged_drops
from tasks.lake.ledger import ledger_row, update_ledger
from tasks.redact import redact
from tasks.lake.runs import write_run_report
from tasks.report.status import duration_text

MIN_BATCH, MAX_BATCH = 20, 2000
BATCHES_PER_WORKER = 4  # enough to balance uneven batches and to show progress


@dataclass
class RunSummary:
    """What one run did: printed by the CLI (`as_dict()` is its --json), kept in the lake as
    the run report, published as the Prefect artifact.

    Filled in as the run goes: its context, then `summarise` (the batches' counts), then
    `with_commit` (what the commit wrote), then the flow's and the CLI's timings."""

    # what the run was asked to do
    source: str | None = None
    lake: str | None = None
    run_id: str = ""
    mode: str = "run"  # run / full-refresh / backfill / backfill-catch-up
    started_at: datetime | None = None
    files_listed: int = 0
    files_skipped: int = 0  # unchanged since an earlier run
    # what the batches found
    status: str = "completed"
    files_seen: int = 0
    files_parsed: int = 0
    files_rejected: int = 0
    files_duplicate: int = 0
    bytes_read: int = 0
    articles_parsed: int = 0
    articles: int = 0  # distinct articles: parsed - duplicates
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    formats: dict[str, int] = field(default_factory=dict)
    agencies: dict[str, int] = field(default_factory=dict)
    reject_stages: dict[str, int] = field(default_factory=dict)
    reject_rows: int = 0  # files refused + stories / members refused inside files
    batches: int = 0
    # what the commit wrote
    articles_new: int = 0
    entities: int = 0
    partitions: int = 0
    rows_written: dict[str, int] = field(default_factory=dict)
    finished_at: datetime | None = None
    # seconds. The flow sets processing_s (listing the source and the batches), commit_s and
    # elapsed_s (the two together); the CLI sets wall_s, the command's wall time from its
    # process start, so wall_s - elapsed_s is its start-up (imports, workers, Prefect).
    commit_s: float | None = None
    elapsed_s: float | None = None
    processing_s: float | None = None
    workers: int | None = None
    wall_s: float | None = None
    # per-file detail for the ledger, in uri order and re-iterable (the flow's are staged:
    # tasks/lake/outcomes.py): not part of as_dict(), dropped after the commit
    outcomes: Iterable[dict] = field(default_factory=list, repr=False)
    held_elsewhere: set[str] = field(default_factory=set, repr=False)  # ids the lake holds on another day


    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _FILE_DETAIL}

    def with_commit(self, commit: "CommitCounts") -> "RunSummary":
        return dataclasses.replace(self, **vars(commit))

    def without_file_detail(self) -> "RunSummary":
        return dataclasses.replace(self, outcomes=[], held_elsewhere=set())


_FILE_DETAIL = ("outcomes", "held_elsewhere")


@dataclass(frozen=True)
class CommitCounts:
    """What the commit adds to the summary (small: the commit task returns it to the flow): its
    counts, and the run's articles and files as the lake-wide id check settled them."""

    articles: int
    files_parsed: int
    files_duplicate: int
    articles_new: int
    entities: int
    partitions: int
    rows_written: dict[str, int]
    finished_at: datetime


def new_run_id(started_at: datetime) -> str:
    return started_at.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def validate_parameters(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
                        start: date | None = None, end: date | None = None, dask_address: str | None = None) -> None:
    """Refuse a run that cannot work before it starts, with a message that says why."""
    problems = []
    if not source or not str(source).strip():
        problems.append("source is empty")
    if not lake or not str(lake).strip():
        problems.append("lake is empty")
    if workers is not None and workers < 1:
        problems.append(f"workers must be at least 1, got {workers}")
    if batch_size is not None and batch_size < 1:
        problems.append(f"batch_size must be at least 1, got {batch_size}")
    if start is not None and end is not None and start > end:
        problems.append(f"start {start} is after end {end}")
    if dask_address is not None and not str(dask_address).startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://")):
        problems.append(f"dask address {dask_address!r} should look like tcp://HOST:PORT")
    if problems:
        raise ValueError("invalid parameters: " + "; ".join(problems))


def pick_batch_size(n_files: int, workers: int) -> int:
    wanted = math.ceil(n_files / max(1, workers * BATCHES_PER_WORKER))
    return max(MIN_BATCH, min(MAX_BATCH, wanted))


def split_batches(files: list, size: int) -> list[list]:
    return [files[i : i + size] for i in range(0, len(files), size)]


def summarise(batches: list[dict], outcomes: Iterable[dict] | None = None, **context) -> RunSummary:
    """Per-file outcomes -> run counts. A file whose every article came earlier is a duplicate.

    Files are judged in uri order, so which copy counts as the duplicate does not depend on
    which batch finished first. Raises if the counts do not account for every file.
    `outcomes`: the run's per-file outcomes in uri order, re-iterable (the flow's are staged
    as the batches come back: tasks/lake/outcomes.py); by default those the batches carry.
    `context` holds RunSummary's first fields (source, lake, run_id, mode, ...).
    """
    if outcomes is None:
        outcomes = sorted((f for b in batches for f in b["files"]), key=lambda f: f["uri"])
    seen_ids: set[str] = set()
    counts, rejects = Counter(), Counter()
    seen = distinct_uris = articles_parsed = bytes_read = 0
    previous_uri = None
    for outcome, status in judged(outcomes, seen_ids):  # one outcome at a time: only counts are kept
        seen += 1
        distinct_uris += outcome["uri"] != previous_uri  # uri order: a repeated uri is the one before
        previous_uri = outcome["uri"]
        counts[status] += 1
        if status == "rejected":
            rejects[outcome["reject"]] += 1
        articles_parsed += len(outcome["article_ids"])
        bytes_read += outcome["n_bytes"]
    if seen != counts["parsed"] + counts["rejected"] + counts["duplicate"] or seen != distinct_uris:
        raise ConservationError(f"run lost track of files: {seen} seen, {dict(counts)} accounted")
    totals = {key: Counter() for key in ("formats", "agencies", "reject_stages", "rows")}
    for batch in batches:
        for key, counter in totals.items():
            counter.update(batch.get(key, {}))
    return RunSummary(
        **context,
        status="completed",
        files_seen=seen,
        files_parsed=counts["parsed"],
        files_rejected=counts["rejected"],
        files_duplicate=counts["duplicate"],
        bytes_read=bytes_read,
        articles_parsed=articles_parsed,
        articles=len(seen_ids),
        rejects_by_reason=dict(rejects.most_common()),
        formats=dict(totals["formats"].most_common()),
        agencies=dict(totals["agencies"].most_common()),
        reject_stages=dict(totals["reject_stages"].most_common()),
        reject_rows=totals["rows"].get("rejects", 0),
        batches=len(batches),
        outcomes=outcomes,
    )


def judged(outcomes: Iterable[dict], seen_ids: set[str] | None = None) -> Iterator[tuple[dict, str]]:
    """(outcome, status) of each file, outcomes in uri order: rejected, duplicate (every article
    of it came in an earlier file) or parsed. `seen_ids` collects the article ids seen."""
    seen_ids = set() if seen_ids is None else seen_ids
    for outcome in outcomes:
        ids = outcome["article_ids"]
        if outcome["status"] == "rejected":
            status = "rejected"
        elif all(i in seen_ids for i in ids):
            status = "duplicate"
        else:
            status = "parsed"
        seen_ids.update(ids)
        yield outcome, status


def check_articles_conserved(summary: RunSummary, written: int, only: list[str] | None = None) -> None:
    """Articles written = articles parsed - duplicates, or the run fails loudly. One article_id is
    written once (on one day), and not at all when the lake holds it on another day
    (`summary.held_elsewhere`, tasks/lake/checks.py)."""
    parsed, ids = 0, set()
    for outcome in summary.outcomes:
        for article, day in zip(outcome["article_ids"], outcome["article_days"]):
            if only is None or day in only:
                parsed += 1
                ids.add(article)
    expected = len(ids - summary.held_elsewhere)
    if written != expected:
        raise ConservationError(f"run lost track of articles: {parsed} parsed - {parsed - expected} duplicates "
                                f"= {expected} expected, {written} written")


def settle_articles(lake: str, outcomes, replace=(), only: list[str] | None = None
                    ) -> tuple[Settlement, dict[str, str]]:
    """One article_id, one day across the lake, one delivery per article (tasks/lake/checks.py):
    the settlement and the lake's ids it was settled against."""
    copies = staged_copies(outcomes, only)
    lake_ids = article_ids.read_ids(lake)
    return settle(copies, article_ids.confirmed(lake, claims_to_check(copies, lake_ids, replace))), lake_ids


def commit_and_record(lake: str, run_id: str, summary: RunSummary, replace=(),
                      only: list[str] | None = None) -> CommitCounts:
    """Settle each article's day and delivery, commit the partitions, then (still under the
    lock) the lake's article ids, the ledger and the run report.

    Returns the counts the commit adds to the summary (`summary.with_commit(...)`)."""
    counts: CommitCounts | None = None
    # One reader of the lake's ids at a time, from their read to their record (re-entrant: a
    # flow holds the lock already).
    with lake_writer.lake_lock(lake):
        settlement, lake_ids = settle_articles(lake, summary.outcomes, replace, only)
        checked = dataclasses.replace(summary, held_elsewhere=settlement.held_elsewhere)

        def record(lake_, commit):
            nonlocal counts
            # The partitions are in: the lake's ids follow them before anything else is recorded.
            article_ids.record_ids(lake_, article_ids.updated_ids(lake_ids, settlement.kept, replace))
            check_articles_conserved(checked, commit.rows_written.get("articles", 0), only)
            finished_at = datetime.now(timezone.utc)
            files = Counter()

            def ledger_rows():
                for outcome, judged_status in judged(summary.outcomes):
                    status = settlement.file_status(outcome, judged_status)
                    files[status] += 1
                    yield ledger_row(outcome, status, run_id, finished_at)

            update_ledger(lake_, ledger_rows())
            counts = _commit_counts(vars(commit), finished_at, settlement.articles_written, files)
            write_run_report(lake_, summary.with_commit(counts).as_dict())

        article_ids.begin_commit(lake)  # until record_ids: a kill leaves the ids to be rebuilt
        lake_writer.commit_run(lake, run_id, replace=replace, only=only, after_commit=record,
                               drops=staged_drops(lake, run_id, settlement))
    return counts


def _commit_counts(commit: dict, finished_at: datetime, articles: int, files: Counter) -> CommitCounts:
    return CommitCounts(
        articles=articles,
        files_parsed=files["parsed"],
        files_duplicate=files["duplicate"],
        articles_new=commit["rows_new"].get("articles", 0),
        entities=commit["rows_written"].get("entities", 0),
        partitions=commit["partitions"].get("articles", 0),
        rows_written=commit["rows_written"],
        finished_at=finished_at,
    )


def record_failure(lake: str, run_id: str, context: dict, exc: BaseException) -> None:
    """A failed run leaves a report saying so (best effort) and no staged files behind."""
    with contextlib.suppress(Exception):
        lake_writer.drop_staging(lake, run_id)
        write_run_report(lake, {**context, "status": "failed", "finished_at": datetime.now(timezone.utc),
                                "error": redact(f"{type(exc).__name__}: {exc}")[:500]})


def seconds_since_process_start() -> float:
    """How long this process has run: a command's wall time so far, from before Python's own
    start-up. Linux counts it in clock ticks (10 ms); elsewhere psutil's start time (its
    boot time is whole seconds, so it may be off by up to a second)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, AttributeError, ValueError, IndexError):
        import psutil  # installed with dask.distributed

        return time.time() - psutil.Process().create_time()


def ran_on(workers: int | None) -> str:
    """Where the batches ran, as the summary says it."""
    if not workers:
        return "the Dask cluster"
    return "1 worker (the flow process)" if workers == 1 else f"{workers} worker processes"


def format_summary(s: RunSummary) -> str:
    """The summary `wirelake run` prints: every figure says what it counts, and the run time
    is the one `wirelake status` shows for the run."""
    lines = [
        f"wirelake run {s.run_id}: {s.source} -> {s.lake}",
        f"  files     {s.files_seen:,} seen = {s.files_parsed:,} parsed + "
        f"{s.files_rejected:,} rejected + {s.files_duplicate:,} duplicate"
        + (f"  ({s.files_skipped:,} unchanged since an earlier run, skipped)" if s.files_skipped else ""),
        f"  articles  {s.articles:,} written ({s.articles_parsed:,} read - {_count(s.articles_parsed - s.articles, 'repeat')}) "
        f"to {s.partitions:,} pub_date partitions; {s.articles_new:,} rows new to the lake",
    ]
    if s.rows_written:
        lines.append("  rows      written to the lake: "
                     + ", ".join(f"{name} {count:,}" for name, count in s.rows_written.items()))
    lines += _time_lines(s)
    if s.processing_s:
        lines.append(f"  speed     {_rate(s.files_seen / s.processing_s)} files/s, {_rate(s.articles_parsed / s.processing_s)} articles/s, "
                     f"{s.bytes_read / 1e6 / s.processing_s:,.2f} MB/s read (over the processing time)")
    if s.formats:
        lines.append("  formats   files and bundle members read, by format: "
                     + ", ".join(f"{k} {v:,}" for k, v in s.formats.items()))
    inside = s.reject_rows - s.files_rejected
    if s.rejects_by_reason or inside > 0:
        lines.append(f"  rejects   {_count(s.files_rejected, 'file')}: "
                     + (", ".join(f"{k} ({v:,})" for k, v in s.rejects_by_reason.items()) or "none refused"))
        if inside > 0:
            lines.append(f"            and {inside:,} stories or members refused inside files that were read")
        lines.append(f"            details: {s.lake.rstrip('/')}/rejects/")
    return "\n".join(lines)


def _time_lines(s: RunSummary) -> list[str]:
    """`time`: the command's wall time as start-up + processing + commit (the parts rounded
    so that they add up); then the run time `wirelake status` shows for this run."""
    if s.processing_s is None or s.commit_s is None:
        return []
    processing, commit = round(s.processing_s, 1), round(s.commit_s, 1)
    work = f"{processing:.1f} s processing ({_count(s.batches, 'batch')} on {ran_on(s.workers)}) + {commit:.1f} s commit"
    if s.wall_s is None:  # the flow called without the CLI: no start-up to speak of
        lines = [f"  time      {processing + commit:.1f} s = {work}"]
    else:
        wall = round(s.wall_s, 1)
        startup = max(0.0, round(wall - processing - commit, 1))
        lines = [f"  time      {wall:.1f} s = {startup:.1f} s start-up (imports, workers, Prefect) + {work}"]
    if s.started_at and s.finished_at:
        run_time = duration_text((s.finished_at - s.started_at).total_seconds())
        lines.append(f"            run time in `wirelake status`: {run_time} (from the run's start "
                     f"{s.started_at:%H:%M:%S} to its commit {s.finished_at:%H:%M:%S} UTC)")
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "es" if noun.endswith("ch") else "s")


def _rate(per_second: float) -> str:
    return f"{per_second:,.1f}" if per_second < 10 else f"{per_second:,.0f}"
