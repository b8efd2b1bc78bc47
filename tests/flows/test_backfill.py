"""The backfill loop and its saved state, driven without Prefect (the same loop the
`wire-backfill` flow runs, here over plain passes of run_batch + summarise + commit)."""

import subprocess
import sys
from datetime import date, datetime, timezone

import pandas as pd
import pytest

from flows.backfill import BackfillState, backfill_days
from flows.run_steps import RunSummary, commit_and_record, new_run_id, split_batches, summarise
from tasks import lake as lake_writer
from tasks.batch import run_batch
from tasks.sources import list_source


def test_the_backfill_loop_does_not_load_prefect():
    check = "import sys, flows.backfill; assert 'prefect' not in sys.modules, 'prefect was imported'"
    subprocess.run([sys.executable, "-c", check], check=True, timeout=120)


def plain_pass(source: str, lake: str, calls: list):
    """A pass as the flow's, without Prefect: batches in this process, then the commit."""

    def run_pass(files, mode, replace=(), only=None) -> RunSummary:
        calls.append((mode, list(only or [])))
        started_at = datetime.now(timezone.utc).replace(microsecond=0)
        run_id = new_run_id(started_at) + (f"-{only[0]}" if only else "")
        lake_writer.claim_staging(lake, run_id)
        batches = [run_batch(source, batch, lake, run_id, n, started_at).to_dict()
                   for n, batch in enumerate(split_batches(files, 10))]
        summary = summarise(batches, source=source, lake=lake, run_id=run_id, mode=mode, started_at=started_at)
        return summary.with_commit(commit_and_record(lake, run_id, summary, replace, only))

    return run_pass


def test_unseen_files_come_first_then_one_pass_per_day_then_nothing_again(source, tmp_path):
    lake, calls = str(tmp_path / "lake"), []
    listed = list_source(str(source))
    result = backfill_days(str(source), lake, date(2022, 3, 1), date(2022, 3, 5), listed, False,
                           plain_pass(str(source), lake, calls))
    assert calls == [("backfill-catch-up", []), ("backfill", ["2022-03-03"])]
    assert (result["days"], result["days_done"], result["days_empty"], result["files"]) == (5, 1, 4, 2)
    assert result["catch_up_files"] == 7 and result["days_failed"] == {}
    before = pd.read_parquet(tmp_path / "lake" / "articles")

    calls.clear()
    again = backfill_days(str(source), lake, date(2022, 3, 1), date(2022, 3, 5), listed, False,
                          plain_pass(str(source), lake, calls))
    assert calls == [] and again["days_skipped"] == 5 and again["catch_up_files"] == 0
    pd.testing.assert_frame_equal(before, pd.read_parquet(tmp_path / "lake" / "articles"))

    restarted = backfill_days(str(source), lake, date(2022, 3, 1), date(2022, 3, 5), listed, True,
                              plain_pass(str(source), lake, calls))
    assert calls == [("backfill", ["2022-03-03"])] and restarted["days_done"] == 1


def test_a_failed_day_is_saved_and_only_it_is_redone(source, tmp_path):
    lake, calls = str(tmp_path / "lake"), []
    listed = list_source(str(source))
    working = plain_pass(str(source), lake, calls)

    def failing_on_the_quake(files, mode, replace=(), only=None):
        if only == ["2022-03-03"]:
            raise OSError("object store timed out")
        return working(files, mode, replace, only)

    with pytest.raises(RuntimeError, match=r"1 day\(s\) failed \(2022-03-03\)"):
        backfill_days(str(source), lake, date(2021, 1, 9), date(2022, 3, 3), listed, False, failing_on_the_quake)
    state = BackfillState.load(lake, date(2021, 1, 9), date(2022, 3, 3), restart=False)
    assert state.failed == {"2022-03-03": "OSError: object store timed out"}
    assert "2021-01-09" in state.done and "2022-03-03" not in state.done

    calls.clear()
    retry = backfill_days(str(source), lake, date(2021, 1, 9), date(2022, 3, 3), listed, False, working)
    assert calls == [("backfill", ["2022-03-03"])] and retry["days_done"] == 1 and retry["files"] == 2
    assert BackfillState.load(lake, date(2021, 1, 9), date(2022, 3, 3), restart=False).failed == {}


def test_state_lives_in_the_lake_per_range(tmp_path):
    lake = str(tmp_path / "lake")
    state = BackfillState.load(lake, date(2024, 1, 1), date(2024, 1, 2), restart=False)
    assert state.path.endswith("_state/backfill-2024-01-01-2024-01-02.json") and not state.done
    state.done.add("2024-01-01")
    state.save(lake)
    assert BackfillState.load(lake, date(2024, 1, 1), date(2024, 1, 2), restart=False).done == {"2024-01-01"}
    assert BackfillState.load(lake, date(2024, 1, 1), date(2024, 1, 2), restart=True).done == set()
    assert BackfillState.load(lake, date(2024, 1, 1), date(2024, 1, 3), restart=False).done == set()
