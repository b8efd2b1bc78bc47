"""A run's per-file outcomes, staged beside its rows until the commit, read back as a stream.

One file per batch (`_staging/<run_id>/_outcomes/batch-NNNNN.jsonl`, one JSON line per
source file, in uri order), written by the flow as each batch comes back. The flow then
keeps only counts: the summary, the duplicate check and the ledger read the outcomes back
one at a time, in uri order, so a run of 100,000 files never holds 100,000 outcomes. They
live and die with the run's staging: a killed run's are swept with the rest of it.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime

from tasks.lake.layout import Lake
from tasks.lake.writer import write_bytes_atomically

_DATETIMES = ("modified_at",)  # FileOutcome's fields that JSON has no type for


def stage_outcomes(lake: str | Lake, run_id: str, batch_no: int, outcomes: Iterable[dict]) -> None:
    """Write one batch's outcomes (tasks.batch.FileOutcome as dicts) aside, in uri order."""
    lake = Lake.at(lake)
    # ASCII JSON: a name's undecodable bytes (lone surrogates) come back exactly as they were.
    lines = [json.dumps(_to_json(o)) + "\n" for o in sorted(outcomes, key=_uri)]
    write_bytes_atomically(lake, "".join(lines).encode("ascii"), lake.staged_outcomes(run_id, batch_no),
                           durable=False)


@dataclass(frozen=True)
class StagedOutcomes:
    """A run's staged outcomes: each iteration reads them again, merged into uri order (the
    batches' files are each sorted), one line per file at a time. Small, so Prefect hands it
    to the commit task as it is."""

    lake: str
    run_id: str

    def __iter__(self) -> Iterator[dict]:
        lake = Lake.at(self.lake)
        with ExitStack() as files:
            streams = [_read_lines(files.enter_context(lake.fs.open(path, "rb")))
                       for path in sorted(lake.fs.glob(lake.staged_outcomes_files(self.run_id)))]
            yield from heapq.merge(*streams, key=_uri)


def _read_lines(handle) -> Iterator[dict]:
    for line in handle:
        yield _from_json(json.loads(line))


def _uri(outcome: dict) -> str:
    return outcome.get("uri", "")


def _to_json(outcome: dict) -> dict:
    return {k: (v.isoformat() if k in _DATETIMES and v is not None else v) for k, v in outcome.items()}


def _from_json(outcome: dict) -> dict:
    for key in _DATETIMES:
        if outcome.get(key) is not None:
            outcome[key] = datetime.fromisoformat(outcome[key])
    return outcome
