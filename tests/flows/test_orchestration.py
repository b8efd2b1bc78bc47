"""Incremental runs, backfills, run reports and the lake lock, through the real flows."""

import dataclasses
import os
import shutil
import time
from datetime import date

import pandas as pd
import pytest

import flows.ingest as ingest_module
from flows.cli import main
from flows.ingest import run_backfill, run_flow
from tasks import settings
from tasks.lake.ledger import read_ledger
from tasks.lake.runs import last_successful_run, read_runs


pytestmark = pytest.mark.prefect


def articles(lake):
    frame = pd.read_parquet(lake / "articles")
    return frame.sort_values("article_id").reset_index(drop=True)


def test_second_run_reads_only_new_or_changed_files(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    first = run_flow(str(source), str(lake), workers=1)
    assert first.files_seen == 7 and first.files_skipped == 0
    ledger = read_ledger(str(lake)).to_pandas()
    assert len(ledger) == 7 and set(ledger["status"]) == {"parsed", "rejected", "duplicate"}
    assert ledger.set_index("source_uri").loc[f"{source}/ap-denver.txt", "pub_dates"].tolist() == ["2021-01-09"]
    before = articles(lake)

    again = run_flow(str(source), str(lake), workers=1)  # what arrived since the last run: nothing
    assert again.files_seen == 0 and again.files_skipped == 7
    pd.testing.assert_frame_equal(before, articles(lake))

    new = source / "ap-denver-copy2.txt"
    new.write_bytes((source / "ap-denver.txt").read_bytes().replace(b"231 people", b"232 people"))
    changed = source / "xinhua-mekong.txt"
    changed.write_bytes(changed.read_bytes().replace(b"46 gauging", b"47 gauging"))
    os.utime(changed, (time.time() + 5, time.time() + 5))
    third = run_flow(str(source), str(lake), workers=1)
    assert third.files_seen == 2 and third.files_skipped == 6
    assert len(articles(lake)) == len(before) + 2  # both edits are new content

    full = run_flow(str(source), str(lake), workers=1, full_refresh=True)
    assert full.files_seen == 8 and full.articles_new == 0


def test_deleting_a_partition_and_rerunning_rebuilds_it(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    before = articles(lake)
    shutil.rmtree(lake / "articles" / "pub_date=2022-03-03")
    summary = run_flow(str(source), str(lake), workers=1)
    assert summary.files_seen == 2  # the two quake versions, nothing else
    # The same rows again; only the rebuilt ones carry the new ingestion time.
    pd.testing.assert_frame_equal(before.drop(columns="ingested_at"), articles(lake).drop(columns="ingested_at"))


def test_run_reports_survive_in_the_lake(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    summary = run_flow(str(source), str(lake), workers=1)
    runs = read_runs(str(lake)).to_pandas()
    assert set(runs["run_id"]) == {summary.run_id} and set(runs["status"]) == {"completed"}
    counts = runs.set_index(["section", "key"])["count"]
    assert counts[("files", "seen")] == 7 and counts[("files", "rejected")] == 1
    assert counts[("agency", "Reuters")] == 2 and counts[("reject", "parse: no body")] == 1
    assert last_successful_run(str(lake))["run_id"] == summary.run_id


def test_backfill_rebuilds_days_and_a_rerun_changes_nothing(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    before = articles(lake)
    # A day's partition with a stale row: the backfill rebuilds it from the raw files alone.
    result = run_backfill(str(source), str(lake), date(2022, 3, 1), date(2022, 3, 5), workers=1)
    assert result["days"] == 5 and result["days_done"] == 1 and result["files"] == 2
    pd.testing.assert_frame_equal(before, articles(lake))
    again = run_backfill(str(source), str(lake), date(2022, 3, 1), date(2022, 3, 5), workers=1)
    assert again["days_skipped"] == 5 and again.get("days_done", 0) == 0
    pd.testing.assert_frame_equal(before, articles(lake))


def test_backfill_drops_rows_whose_raw_file_is_gone(prefect_harness, source, tmp_path):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    (source / "reuters-quake-v2.txt").unlink()
    run_backfill(str(source), str(lake), date(2022, 3, 3), date(2022, 3, 3), workers=1)
    quake = articles(lake).query("pub_date == '2022-03-03'")
    assert quake["version"].tolist() == [1]


def test_a_failed_backfill_day_is_retried_alone(prefect_harness, source, tmp_path, monkeypatch):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    real = ingest_module.run_batch

    def fail_on_quake(source_, files, *args):
        if any("quake" in f.uri for f in files):
            raise OSError("object store timed out")
        return real(source_, files, *args)

    monkeypatch.setattr(ingest_module, "run_batch", fail_on_quake)
    monkeypatch.setattr(ingest_module, "process_batch", ingest_module.process_batch.with_options(retries=0))
    with pytest.raises(RuntimeError, match="2022-03-03"):
        run_backfill(str(source), str(lake), date(2021, 1, 9), date(2022, 3, 3), workers=1)
    monkeypatch.setattr(ingest_module, "run_batch", real)
    retry = run_backfill(str(source), str(lake), date(2021, 1, 9), date(2022, 3, 3), workers=1)
    assert retry["days_done"] == 1 and retry["files"] == 2  # only the failed day
    assert retry["days_skipped"] == (date(2022, 3, 3) - date(2021, 1, 9)).days
    assert sorted(articles(lake)["pub_date"].astype(str).unique()) == ["2019-03-14", "2020-07-21", "2021-01-09", "2022-03-03"]


def test_a_second_writer_waits_then_fails_clearly(prefect_harness, source, tmp_path, monkeypatch, capsys):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    before = articles(lake)
    lock = lake / "_state" / "lock"
    lock.write_text(f"{os.uname().nodename} {os.getpid()} {time.time():.0f}")  # a live holder: this process
    monkeypatch.setattr(settings, "SETTINGS", dataclasses.replace(settings.SETTINGS, lock_timeout_s=1))
    (source / "late.txt").write_bytes((source / "ap-denver.txt").read_bytes().replace(b"231", b"199"))
    assert main(["run", "--source", str(source), "--lake", str(lake), "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "locked by another run" in err and str(os.getpid()) in err
    pd.testing.assert_frame_equal(before, articles(lake))
    assert not list((lake / "_staging").glob("*/*/*.parquet"))
    lock.unlink()
    assert main(["run", "--source", str(source), "--lake", str(lake), "--quiet", "--workers", "1"]) == 0
    assert len(articles(lake)) == len(before) + 1


def test_run_report_is_published_as_a_prefect_artifact(prefect_harness, source, tmp_path):
    import anyio
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    summary = run_flow(str(source), str(tmp_path / "lake"), workers=1)

    async def latest():
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["wire-run-report"])))
            return sorted(found, key=lambda a: a.created)[-1]

    artifact = anyio.run(latest)
    assert summary.run_id in artifact.description
    rows = artifact.data if isinstance(artifact.data, list) else __import__("json").loads(artifact.data)
    assert {"section": "files", "key": "seen", "count": 7} in rows


def test_a_fresh_prefect_home_changes_nothing(prefect_harness, source, tmp_path):
    """The ledger lives in the lake: a run with a brand-new Prefect home still knows what is done."""
    import json
    import subprocess
    import sys

    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    before = articles(lake)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "another-prefect-home")
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--source", str(source), "--lake", str(lake),
                           "--json", "--quiet"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["files_seen"], summary["files_skipped"]) == (0, 7)
    pd.testing.assert_frame_equal(before, articles(lake))
