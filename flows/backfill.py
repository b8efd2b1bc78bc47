"""The backfill loop and its saved state, without Prefect (the flow in flows/ingest.py hands
it the source's files and a function that runs one pass).

Each publication day is a unit: its files (known from the ledger) are processed again and its
partitions replaced. Days finished by an earlier attempt of the same range are skipped, so a
failed backfill is retried by running it again.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date

from flows.run_steps import RunSummary
from tasks import lake as lake_writer
from tasks.lake.ledger import files_for_days, read_ledger, select_new
from tasks.redact import redact
from tasks.records import SourceFile

# run_pass(files, mode, replace=[day], only=[day]): process `files` as one run and commit it
RunPass = Callable[..., RunSummary]


class BackfillState:
    """Days finished by attempts of one backfill range (its file: Lake.backfill_state_file)."""

    def __init__(self, path: str, done: set[str], failed: dict[str, str]):
        self.path, self.done, self.failed = path, done, failed

    @classmethod
    def load(cls, lake: str, start: date, end: date, restart: bool) -> "BackfillState":
        store = lake_writer.Lake.at(lake)
        path = store.backfill_state_file(start, end)
        if restart or not store.fs.exists(path):
            return cls(path, set(), {})
        saved = json.loads(store.fs.cat_file(path))
        return cls(path, set(saved.get("done", [])), dict(saved.get("failed", {})))

    def save(self, lake: str) -> None:
        data = json.dumps({"done": sorted(self.done), "failed": self.failed}, indent=1).encode()
        lake_writer.write_bytes_atomically(lake_writer.Lake.at(lake), data, self.path)


def backfill_days(source: str, lake: str, start: date, end: date, listed: list[SourceFile], restart: bool,
                  run_pass: RunPass) -> dict:
    """Rebuild the days start..end (inclusive) one pass per day; the backfill's counts.

    Files the ledger has not seen are taken in first (one "backfill-catch-up" pass), so their
    days are known. Raises RuntimeError naming the failed days after trying every day."""
    unseen = select_new(listed, read_ledger(lake))
    if unseen:  # their publication days are unknown until they are read once
        run_pass(unseen, "backfill-catch-up")
    by_uri = {f.uri: f for f in listed}
    ledger = read_ledger(lake)
    state = BackfillState.load(lake, start, end, restart)
    days = [date.fromordinal(o).isoformat() for o in range(start.toordinal(), end.toordinal() + 1)]
    present = lake_writer.partition_values(lake)
    totals: Counter = Counter()
    failed: dict[str, str] = {}
    for day in days:
        if day in state.done:
            totals["days_skipped"] += 1
            continue
        uris = files_for_days(ledger, date.fromisoformat(day), date.fromisoformat(day))
        files = [by_uri[u] for u in sorted(uris) if u in by_uri]
        if not files and day not in present:  # nothing was there, nothing comes: done
            state.done.add(day)
            totals["days_empty"] += 1
            continue
        try:
            summary = run_pass(files, "backfill", replace=[day], only=[day])
        except Exception as exc:  # one day failing must not undo or block the others
            failed[day] = f"{type(exc).__name__}: {exc}"[:300]
            state.failed[day] = failed[day]
            state.save(lake)
            continue
        state.done.add(day)
        state.failed.pop(day, None)
        state.save(lake)
        totals["days_done"] += 1
        totals["files"] += summary.files_seen
        totals["articles"] += summary.articles
    state.save(lake)
    if failed:
        raise RuntimeError(f"backfill: {len(failed)} day(s) failed ({', '.join(sorted(failed))}); "
                           "run the same backfill again to retry only those")
    return {"source": redact(source), "lake": redact(lake), "start": start.isoformat(), "end": end.isoformat(),
            "days": len(days), **totals, "days_failed": failed, "catch_up_files": len(unseen)}
