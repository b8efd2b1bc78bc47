"""A run and a backfill hold the lake lock from listing their source to recording their
commit, so neither can replace a day with a file list older than the other's commit; and
the lake, not Prefect's API, decides whether a run happened."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

import flows.ingest as ingest_module
from flows.ingest import run_backfill, run_flow
from tasks.sources import list_source

from tests.conftest import ROOT

pytestmark = pytest.mark.prefect


def _holder_pid(lake) -> int | None:
    lock = lake / "_state" / "lock"
    return int(lock.read_text().split()[1]) if lock.exists() else None


def test_a_run_beside_a_backfill_waits_and_loses_no_story(prefect_harness, source, tmp_path, monkeypatch):
    lake = tmp_path / "lake"
    run_flow(str(source), str(lake), workers=1)
    day = sorted(pd.read_parquet(lake / "articles")["pub_date"].astype(str).unique())[0]
    late = source / "late.txt"
    late.write_bytes((source / "ap-denver.txt").read_bytes().replace(b"231", b"199"))
    attempts = []

    def list_while_another_run_tries(src):
        assert _holder_pid(lake) == os.getpid()  # held from the listing on
        if not attempts:  # another run, started now, must not commit until the backfill is done
            env = {**os.environ, "PYTHONPATH": str(ROOT), "WIRELAKE_LOCK_TIMEOUT_S": "1"}
            done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--source", str(src), "--lake",
                                   str(lake), "--quiet"], capture_output=True, text=True, timeout=120, env=env)
            attempts.append(done)
        return list_source(src)

    monkeypatch.setattr(ingest_module, "list_source", list_while_another_run_tries)
    run_backfill(str(source), str(lake), date.fromisoformat(day), date.fromisoformat(day), workers=1)
    other = attempts[0]
    assert other.returncode == 1 and "locked by another run" in other.stderr
    assert "gave up after 1 s" in other.stderr
    monkeypatch.undo()
    assert _holder_pid(lake) is None
    run_flow(str(source), str(lake), workers=1)  # the waiting run, again: its story is in, nothing dropped
    assert (pd.read_parquet(lake / "articles")["source_uri"].str.endswith("late.txt")).any()
    assert len(pd.read_parquet(lake / "articles", filters=[("pub_date", "=", day)])) >= 1


def test_a_committed_run_is_a_success_when_prefect_fails_after_the_commit(prefect_harness, source, tmp_path,
                                                                            monkeypatch):
    def server_gone(summary):
        raise ConnectionError("All connection attempts failed")

    monkeypatch.setattr(ingest_module, "publish_artifact", server_gone)
    lake = tmp_path / "lake"
    summary = run_flow(str(source), str(lake), workers=1)
    assert summary.files_seen == 7 and "ConnectionError" in summary.prefect_error
    assert len(pd.read_parquet(lake / "articles")) == summary.articles
