"""Damage in a lake is named in one line and repaired: derived state (entity day summaries,
entity_index) is rebuilt, never shrunk; unreadable files are moved aside and their days read
again from the raw files; a deleted partition of any dataset is named, and read again when its
day can be (the writer records every partition it commits: _state/partitions.parquet)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from flows.runners import files_to_read
from tasks.lake.repair import QUARANTINE, intact_days, repair, scan
from tasks.sources import list_source
from tasks.synth import generate

from tests.conftest import ROOT
from tests.lake.test_crash import _run, _snapshot


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A source and a lake made from it, copied per test."""
    root = tmp_path_factory.mktemp("repair")
    source = root / "raw"
    generate(40, source, seed=4)
    lake = root / "lake"
    _run(source, lake)
    return source, lake, _snapshot(lake)


@pytest.fixture
def lake(built, tmp_path):
    source, lake, expected = built
    copy = tmp_path / "lake"
    shutil.copytree(lake, copy)
    return source, copy, expected


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "flows.cli", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def _entity_day(lake) -> str:
    """A day with entities (its summary counts mentions)."""
    return sorted(p.name.split("=", 1)[1] for p in (lake / "entities").iterdir())[0]


def _rerun(source, lake):
    """What `wirelake run` reads next (runners.files_to_read), committed by the crash worker's steps."""
    from datetime import datetime, timezone

    from flows.run_steps import commit_and_record, new_run_id, summarise
    from tasks import lake as lake_writer
    from tasks.batch import run_batch

    files = files_to_read(list_source(str(source)), str(lake))
    started = datetime.now(timezone.utc).replace(microsecond=0)
    run_id = new_run_id(started)
    lake_writer.claim_staging(str(lake), run_id)
    batch = run_batch(str(source), files, str(lake), run_id, 0, started).to_dict()
    summary = summarise([batch], source=str(source), lake=str(lake), run_id=run_id, mode="run", started_at=started)
    commit_and_record(str(lake), run_id, summary)
    return files


def test_deleted_entity_days_are_rebuilt_not_shrinking_the_index(lake):
    source, lake, expected = lake
    shutil.rmtree(lake / "_state" / "entity_months")
    repair(str(lake))
    assert len(pd.read_parquet(lake / "entity_index")) == len(expected["entity_index"])
    # And by the next commit alone, without a repair.
    shutil.rmtree(lake / "_state" / "entity_months")
    (source / "extra.txt").write_bytes(b"")  # one new (empty) file: a commit that touches no entity day
    try:
        _rerun(source, lake)
    finally:
        (source / "extra.txt").unlink()
    assert len(pd.read_parquet(lake / "entity_index")) == len(expected["entity_index"])


def test_a_truncated_day_summary_does_not_fail_later_commits(lake):
    source, lake, expected = lake
    summary = sorted((lake / "_state" / "entity_months").glob("*.parquet"))[0]
    summary.write_bytes(summary.read_bytes()[:40])
    assert any(str(summary) in line for line in scan(str(lake)).problems)
    (source / "extra.txt").write_bytes(b"")
    try:
        _rerun(source, lake)
    finally:
        (source / "extra.txt").unlink()
    got = _snapshot(lake)
    pd.testing.assert_frame_equal(got["entity_index"], expected["entity_index"], check_dtype=False)


def test_a_deleted_entities_partition_is_read_again(lake):
    source, lake, expected = lake
    day = _entity_day(lake)
    shutil.rmtree(lake / "entities" / f"pub_date={day}")
    assert day not in intact_days(str(lake))
    assert _rerun(source, lake)  # the files of that day
    pd.testing.assert_frame_equal(_snapshot(lake)["entities"], expected["entities"], check_dtype=False)


def test_a_corrupt_partition_is_named_moved_aside_and_rebuilt(lake):
    source, lake, expected = lake
    day = _entity_day(lake)
    part = lake / "articles" / f"pub_date={day}" / "part-0.parquet"
    part.write_bytes(b"PAR1 not really parquet")
    (lake / "articles" / "notes.txt").write_text("an analyst's file")

    result = _cli("status", "--lake", lake)
    assert result.returncode == 0
    assert f"unreadable partition {part}" in result.stderr and "wirelake repair" in result.stderr

    result = _cli("repair", "--lake", lake)
    assert result.returncode == 0, result.stderr
    assert f"found unreadable partition {part}" in result.stderr
    assert "foreign file in the lake" in result.stderr and "notes.txt" in result.stderr
    assert (lake / QUARANTINE / "articles" / f"pub_date={day}" / "part-0.parquet").exists()
    assert "run --repair" in result.stdout
    (lake / "articles" / "notes.txt").unlink()
    _rerun(source, lake)  # the day's partition is gone: a run reads its files again
    got = _snapshot(lake)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], check_dtype=False, obj=name)


def test_a_corrupt_ledger_is_named_and_repair_lets_runs_work_again(lake):
    source, lake, expected = lake
    ledger = lake / "_state" / "ledger.parquet"
    ledger.write_bytes(ledger.read_bytes()[:100])
    assert any(str(ledger) in line for line in scan(str(lake)).problems)
    with pytest.raises(Exception):
        files_to_read(list_source(str(source)), str(lake))
    repair(str(lake))
    assert not ledger.exists()
    _rerun(source, lake)  # every file again: the merge keeps the same rows
    got = _snapshot(lake)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], check_dtype=False, obj=name)


def test_status_and_report_refuse_a_path_that_is_not_a_lake(tmp_path, built):
    source, _, _ = built
    for command in (["status", "--lake", source], ["status", "--lake", tmp_path / "missing"],
                    ["report", "--lake", source, "--out", tmp_path / "r.html"]):
        result = _cli(*command)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "not a wirelake lake" in result.stderr


@pytest.mark.parametrize("dataset", ["quotes", "amounts"])
def test_a_deleted_partition_of_any_dataset_is_named_and_read_again(lake, dataset):
    source, lake, expected = lake
    day = sorted(p.name.split("=", 1)[1] for p in (lake / dataset).iterdir() if p.name.startswith("pub_date="))[0]
    shutil.rmtree(lake / dataset / f"pub_date={day}")
    assert day not in intact_days(str(lake))
    assert any(line.startswith(f"missing partition {lake / dataset / f'pub_date={day}'}") for line in scan(str(lake)).problems)
    assert _rerun(source, lake)  # the files of that day
    pd.testing.assert_frame_equal(_snapshot(lake)[dataset], expected[dataset], check_dtype=False)
    assert scan(str(lake)).problems == []


def test_a_deleted_rejects_partition_is_named(lake, tmp_path):
    source, lake, _ = lake
    with_reject = tmp_path / "raw"
    shutil.copytree(source, with_reject)
    (with_reject / "empty.txt").write_bytes(b"")  # a reject: "read: empty file"
    _rerun(with_reject, lake)
    [partition] = [p for p in (lake / "rejects").iterdir() if p.name.startswith("run_date=")]
    shutil.rmtree(partition)
    assert any(line.startswith(f"missing partition {partition}") and "cannot be rebuilt" in line
               for line in scan(str(lake)).problems)
