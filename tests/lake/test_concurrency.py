"""Two runs on one lake at the same time: both finish (the second commit waits for the lock),
nothing is corrupt, no row is written twice, and the lake equals running them one by one."""

import shutil
import subprocess
import sys

import pandas as pd

from tasks.synth import generate

from tests.conftest import ROOT
from tests.lake.test_crash import _snapshot


def _start(source, lake):
    return subprocess.Popen([sys.executable, "-m", "tests.lake.crash_worker", str(source), str(lake)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait(*workers):
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err


def test_overlapping_runs_on_the_same_and_different_days(tmp_path):
    # Two feeds over the same days, sharing some files (the same story delivered twice).
    feed_a, feed_b = tmp_path / "a", tmp_path / "b"
    generate(50, feed_a, seed=21)
    generate(50, feed_b, seed=22)
    for shared in sorted(p for p in feed_a.rglob("*") if p.is_file())[:10]:
        target = feed_b / "shared" / shared.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shared, target)

    together = tmp_path / "together"
    _wait(_start(feed_a, together), _start(feed_b, together), _start(feed_a, together))
    one_by_one = tmp_path / "one-by-one"
    _wait(_start(feed_a, one_by_one))
    _wait(_start(feed_b, one_by_one))

    got, expected = _snapshot(together), _snapshot(one_by_one)
    assert got["articles"]["article_id"].is_unique
    assert not got["entities"].duplicated(["article_id", "start", "end", "type"]).any()
    # Which copy of a shared story is kept (its source_uri) depends on which commit came last.
    for name in expected:
        pd.testing.assert_frame_equal(got[name].drop(columns="source_uri", errors="ignore"),
                                      expected[name].drop(columns="source_uri", errors="ignore"),
                                      check_dtype=False, obj=name)
    assert not (together / "_state" / "lock").exists()
