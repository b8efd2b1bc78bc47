"""A run without Prefect, for the crash tests: the same functions the flow calls, in order.

    python -m tests.lake.crash_worker SRC LAKE

Prints "processing" and "commit" as it enters each phase, so a test can kill it in either.
"""

import sys
from datetime import datetime, timezone

from flows.run_steps import commit_and_record, new_run_id, split_batches, summarise
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.lake.ledger import files_to_read
from tasks.sources import list_source


def main(source: str, lake: str) -> None:
    started_at = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = new_run_id(started_at)
    files = files_to_read(list_source(source), lake)
    lake_writer.claim_staging(lake, run_id)
    print("processing", flush=True)
    batches = [run_batch(source, batch, lake, run_id, n, started_at).to_dict()
               for n, batch in enumerate(split_batches(files, 10))]
    summary = summarise(batches, source=source, lake=lake, run_id=run_id, mode="run", started_at=started_at)
    print("commit", flush=True)
    commit_and_record(lake, run_id, summary)
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
