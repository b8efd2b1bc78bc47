"""The main flow: list the source, process batches in parallel, commit the lake, summarise.

Prefect sees a few dozen batch tasks per run, never one task per file: its per-task cost
(milliseconds on the client, tens of milliseconds on the server) would dominate otherwise.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.sources import SourceFile, list_source

MIN_BATCH, MAX_BATCH = 20, 2000
BATCHES_PER_WORKER = 4  # enough to balance uneven batches and to show progress
SMALL_RUN_FILES = 500  # below this one in-process worker beats a process pool


# The lake, not Prefect's cache, records what is done: no task result caching.
@task(name="process-batch", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def process_batch(source: str, files: list[SourceFile], lake: str, run_id: str, batch_no: int,
                  ingested_at: datetime) -> dict:
    return run_batch(source, files, lake, run_id, batch_no, ingested_at).to_dict()


@task(name="commit-lake", cache_policy=NO_CACHE)
def commit_lake(lake: str, run_id: str) -> dict:
    return vars(lake_writer.commit_run(lake, run_id))


@flow(name="wire-ingest", log_prints=False)
def ingest(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
           show_progress: bool = False) -> dict:
    """Process every raw file under `source` into the lake at `lake`; return the run summary."""
    started = time.perf_counter()
    ingested_at = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = ingested_at.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    files = list_source(source)
    batches = split_batches(files, batch_size or pick_batch_size(len(files), workers or os.cpu_count() or 1))

    futures = [
        process_batch.submit(source, batch, lake, run_id, number, ingested_at)
        for number, batch in enumerate(batches)
    ]
    summaries, done_files, done_bytes = [], 0, 0
    for future in as_completed(futures):
        summary = future.result()
        summaries.append(summary)
        done_files += len(summary["files"])
        done_bytes += sum(f["n_bytes"] for f in summary["files"])
        if show_progress:
            _progress(len(summaries), len(batches), done_files, len(files), done_bytes,
                      time.perf_counter() - started)
    processed_s = time.perf_counter() - started
    commit = commit_lake(lake, run_id)
    elapsed_s = time.perf_counter() - started
    summary = summarise(summaries, commit, source=source, lake=lake, run_id=run_id)
    summary.update(elapsed_s=round(elapsed_s, 3), processing_s=round(processed_s, 3),
                   commit_s=round(elapsed_s - processed_s, 3), batches=len(batches), workers=workers)
    return summary


def run_flow(source: str, lake: str, workers: int | None = None, batch_size: int | None = None,
             show_progress: bool = False) -> dict:
    """Run `ingest` with local processes (or a thread for one worker)."""
    workers = workers or default_workers(len(list_source(source)))
    runner = ThreadPoolTaskRunner(max_workers=1) if workers == 1 else ProcessPoolTaskRunner(max_workers=workers)
    with prefect_api():
        return ingest.with_options(task_runner=runner)(
            source=source, lake=lake, workers=workers, batch_size=batch_size, show_progress=show_progress
        )


@contextlib.contextmanager
def prefect_api() -> Iterator[None]:
    """Make sure worker processes talk to one Prefect API.

    With no PREFECT_API_URL, Prefect starts a temporary server per process, so every
    worker of a process pool would start its own (about 10 s each). Start one here and
    hand its address to the workers through the environment.
    """
    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def default_workers(n_files: int) -> int:
    """All cores, unless the run is so small that starting worker processes (each imports
    Prefect: seconds) would take longer than the work itself."""
    return 1 if n_files < SMALL_RUN_FILES else os.cpu_count() or 1


def pick_batch_size(n_files: int, workers: int) -> int:
    wanted = math.ceil(n_files / max(1, workers * BATCHES_PER_WORKER))
    return max(MIN_BATCH, min(MAX_BATCH, wanted))


def split_batches(files: list, size: int) -> list[list]:
    return [files[i : i + size] for i in range(0, len(files), size)]


def summarise(batches: list[dict], commit: dict, **context) -> dict:
    """Per-file outcomes -> run counts. A file whose every article came earlier is a duplicate.

    Files are judged in uri order, so which copy counts as the duplicate does not depend on
    which batch finished first. Raises if the counts do not account for every file.
    """
    outcomes = sorted((f for b in batches for f in b["files"]), key=lambda f: f["uri"])
    seen_ids: set[str] = set()
    counts = Counter()
    rejects = Counter()
    articles_parsed = 0
    for outcome in outcomes:
        ids = outcome["article_ids"]
        articles_parsed += len(ids)
        if outcome["status"] == "rejected":
            counts["rejected"] += 1
            rejects[outcome["reject"]] += 1
        elif all(i in seen_ids for i in ids):
            counts["duplicate"] += 1
        else:
            counts["parsed"] += 1
        seen_ids.update(ids)
    seen = len(outcomes)
    if seen != counts["parsed"] + counts["rejected"] + counts["duplicate"]:
        raise RuntimeError(f"run lost track of files: {seen} seen, {dict(counts)} accounted")
    formats = Counter()
    for batch in batches:
        formats.update(batch["formats"])
    return {
        **context,
        "files_seen": seen,
        "files_parsed": counts["parsed"],
        "files_rejected": counts["rejected"],
        "files_duplicate": counts["duplicate"],
        "bytes_read": sum(o["n_bytes"] for o in outcomes),
        "articles_parsed": articles_parsed,
        "articles": len(seen_ids),
        "articles_new": commit["rows_new"].get("articles", 0),
        "entities": commit["rows_written"].get("entities", 0),
        "partitions": commit["partitions"].get("articles", 0),
        "rejects_by_reason": dict(rejects.most_common()),
        "formats": dict(formats.most_common()),
    }


def _progress(done: int, total: int, files_done: int, files_total: int, n_bytes: int, elapsed: float) -> None:
    rate = files_done / elapsed if elapsed else 0.0
    line = (f"  batch {done}/{total}  ·  {files_done:,}/{files_total:,} files  ·  "
            f"{n_bytes / 1e6:,.1f} MB  ·  {rate:,.0f} files/s")
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)
