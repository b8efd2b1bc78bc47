"""Crash safety: SIGKILL a run at many points while it processes and while it commits.

After every kill the lake must read cleanly with pandas (no partial partition), and a
final run must converge to exactly the rows of an uninterrupted run. The runs use the
flow's own functions without Prefect (tests/lake/crash_worker.py), so dozens of kills stay
cheap; WIRELAKE_CRASH_KILLS raises the count (the `slow` marker runs 40).
"""

import os
import random
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from tasks.synth import generate

from tests.conftest import ROOT

DATASETS = ("articles", "entities", "quotes", "amounts", "entity_index")
VOLATILE = ["ingested_at", "run_date"]


def _run(source, lake, kill_in=None, delay=0.0):
    """Run the worker; with kill_in ("processing" / "commit"), SIGKILL it `delay` s into that phase."""
    worker = subprocess.Popen([sys.executable, "-m", "tests.lake.crash_worker", str(source), str(lake)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if kill_in is None:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        return True
    for line in worker.stdout:
        if line.strip() == kill_in:
            time.sleep(delay)
            break
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    return worker.returncode == -signal.SIGKILL


def _snapshot(lake):
    frames = {}
    for name in DATASETS:
        if not (lake / name).exists():
            continue
        frame = pd.read_parquet(lake / name).drop(columns=VOLATILE, errors="ignore")
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(str)
        key = [c for c in ("article_id", "start", "name", "type") if c in frame.columns]
        frames[name] = frame.sort_values(key).reset_index(drop=True)
    return frames


def _kill_loop(tmp_path, kills):
    source = tmp_path / "raw"
    generate(80, source, seed=11)
    reference = tmp_path / "reference"
    _run(source, reference)
    expected = _snapshot(reference)
    assert expected["articles"].shape[0] > 30

    lake = tmp_path / "lake"
    rng = random.Random(5)
    killed = 0
    for attempt in range(kills):
        phase = "commit" if attempt % 2 else "processing"
        killed += _run(source, lake, kill_in=phase, delay=rng.uniform(0, 1.5 if phase == "processing" else 0.4))
        _snapshot(lake)  # readable after every kill: pandas raises on a partial file
        assert not any(p.name.endswith(".tmp") and not p.name.startswith(".") for p in lake.rglob("*"))
    assert killed >= 1  # at least one kill landed before the run finished on its own
    _run(source, lake)
    got = _snapshot(lake)
    assert set(got) == set(expected)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], check_dtype=False, obj=name)
    assert not [p for p in (lake / "_staging").glob("*") if p.is_dir()]  # dead runs' staging swept
    assert not (lake / "_state" / "lock").exists()


def test_sigkill_during_processing_and_commit_converges(tmp_path):
    _kill_loop(tmp_path, int(os.environ.get("WIRELAKE_CRASH_KILLS", 6)))


@pytest.mark.slow
def test_sigkill_forty_times_converges(tmp_path):
    _kill_loop(tmp_path, 40)
