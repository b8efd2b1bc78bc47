"""The lake lock: waited for exactly its timeout, broken when its holder is provably gone
(dead pid, reused pid, empty or garbage after LOCK_GARBAGE_AFTER_S), never retried by Prefect,
and proved by its holder before committing (a lock deleted and taken by another run stops
the old holder)."""

from __future__ import annotations

import multiprocessing
import os
import socket
import subprocess
import sys
import time

import pytest

from tasks.errors import TerminalError
from tasks.lake import lock as lock_module
from tasks.lake.layout import Lake
from tasks.lake.lock import LOCK_GARBAGE_AFTER_S, LakeError, assert_lock_held, lake_lock


def _lock_file(tmp_path, text: str, age_s: float = 0):
    path = tmp_path / "_state" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    if age_s:
        then = time.time() - age_s
        os.utime(path, (then, then))
    return path


def test_a_held_lock_is_waited_for_exactly_its_timeout(tmp_path):
    _lock_file(tmp_path, f"{socket.gethostname()} {os.getpid()} {time.time():.0f}")  # alive: this process
    started = time.monotonic()
    with pytest.raises(LakeError, match=r"locked by another run .* gave up after 2 s"):
        with lake_lock(tmp_path, timeout_s=2, poll_s=0.3):
            pass
    waited = time.monotonic() - started
    assert 2 <= waited < 2.5


def test_lake_errors_are_terminal_so_prefect_never_retries_them():
    from flows.ingest import RETRY_POLICY

    assert issubclass(LakeError, TerminalError)

    class State:
        def result(self, raise_on_failure=False):
            return LakeError("locked")

    assert RETRY_POLICY["retry_condition_fn"](None, None, State()) is False


@pytest.mark.parametrize("text", ["", "garbage \x00\x01", "host notapid"])
def test_empty_or_garbage_lock_is_broken_once_old(tmp_path, text):
    _lock_file(tmp_path, text)
    with pytest.raises(LakeError):  # young: maybe a lock being written this very moment
        with lake_lock(tmp_path, timeout_s=0.2, poll_s=0.05):
            pass
    path = _lock_file(tmp_path, text, age_s=LOCK_GARBAGE_AFTER_S + 5)
    with lake_lock(tmp_path, timeout_s=0.2, poll_s=0.05):
        assert path.read_text().split()[1] == str(os.getpid())
    assert not path.exists()


def test_a_lock_whose_pid_now_belongs_to_another_process_is_broken(tmp_path):
    # A live, unrelated process with the holder's pid: its start time differs from the recorded one.
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _lock_file(tmp_path, f"{socket.gethostname()} {stranger.pid} {time.time() - 50:.0f} 1")
        with lake_lock(tmp_path, timeout_s=0.5, poll_s=0.05):
            pass
        # The same process with its true start time is a live holder.
        real = lock_module.process_start(stranger.pid)
        _lock_file(tmp_path, f"{socket.gethostname()} {stranger.pid} {time.time():.0f} {real}")
        with pytest.raises(LakeError, match="locked by another run"):
            with lake_lock(tmp_path, timeout_s=0.3, poll_s=0.05):
                pass
    finally:
        stranger.kill()
        stranger.wait()


def test_a_deleted_and_retaken_lock_stops_the_old_holder(tmp_path):
    lake = Lake.at(str(tmp_path))
    with lake_lock(lake):
        assert_lock_held(lake)  # ours
        with lake_lock(lake):  # re-entrant: the commit inside a run
            pass
        (tmp_path / "_state" / "lock").unlink()  # an operator deletes it; another run takes it
        other = f"{socket.gethostname()} 1 {time.time():.0f} - othertoken"
        (tmp_path / "_state" / "lock").write_text(other)
        with pytest.raises(LakeError, match="no longer holds the lake lock"):
            assert_lock_held(lake)
        with pytest.raises(LakeError, match="no longer holds the lake lock"):
            with lake_lock(lake):  # a commit entering now stops before writing
                pass
    assert (tmp_path / "_state" / "lock").read_text() == other  # the other run's lock is left alone


def _commit_with_lost_lock(lake: str, ready, go) -> None:
    from tasks.lake import commit_run, stage_batch
    from tests.lake.test_lake import article

    stage_batch(lake, "r1", 0, {"articles": [article("a1")]})
    with lake_lock(lake):
        ready.set()
        go.wait(20)
        try:
            commit_run(lake, "r1", after_commit=lambda *_: print("ledger written"))
        except LakeError:
            os._exit(3)
    os._exit(0)


def test_a_commit_under_a_taken_over_lock_fails_before_its_ledger(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, go = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_commit_with_lost_lock, args=(str(tmp_path), ready, go))
    holder.start()
    assert ready.wait(60)
    lock = tmp_path / "_state" / "lock"
    lock.unlink()
    lock.write_text(f"{socket.gethostname()} {os.getpid()} {time.time():.0f}")
    go.set()
    holder.join(60)
    assert holder.exitcode == 3
    assert not (tmp_path / "_state" / "ledger.parquet").exists()
    assert lock.exists()  # not removed by the holder that lost it
