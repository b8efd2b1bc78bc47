"""SIGINT (to the whole process group, as a terminal sends Ctrl-C) and SIGTERM end a real
`wirelake run` within 10 s at any point: before Prefect is up, during the batches, during the
commit. After each: exit 130 / 143 with one line, the lake unchanged or every partition old
or new (pandas reads it), no lock, no staging, no process of the run left (its temporary
Prefect server and its workers included); a final run converges to an uninterrupted one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tasks.synth import generate

from tests.conftest import ROOT
from tests.lake.test_crash import _snapshot

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the run's processes in /proc")

DEADLINE_S = 10


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid` (from /proc: children lists)."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(source, lake, *extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PREFECT_API_URL", None)  # a temporary server of its own, as from a terminal
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--source", str(source), "--lake", str(lake),
                             "--batch-size", "20", *extra], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for(run, marker: str, timeout: float = 240) -> list[str]:
    """Lines of the run's stderr up to the first holding `marker`."""
    lines, deadline = [], time.monotonic() + timeout
    for line in run.stderr:
        lines.append(line)
        if marker in line or time.monotonic() > deadline:
            break
    return lines


def _interrupt(run, signum: int, to_group: bool) -> tuple[float, int, str, set[int]]:
    family = _descendants(run.pid)
    sent = time.monotonic()
    os.killpg(run.pid, signum) if to_group else run.send_signal(signum)
    try:
        _, err = run.communicate(timeout=DEADLINE_S + 20)
    except subprocess.TimeoutExpired:
        for pid in {run.pid} | family | _descendants(run.pid):  # the server has a session of its own
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        raise
    took = time.monotonic() - sent
    time.sleep(0.5)
    return took, run.returncode, err, {p for p in family if _alive(p)}


POINTS = [  # (signal, to the whole group, stderr marker to wait for, extra seconds)
    (signal.SIGINT, True, "starting Prefect", 0.5),
    (signal.SIGTERM, False, "starting Prefect", 1.5),
    (signal.SIGINT, True, "batch 1/", 0.0),
    (signal.SIGTERM, False, "batch 2/", 0.0),
    (signal.SIGINT, True, "batch 5/", 0.3),  # the last batch: the commit has begun or is about to
    (signal.SIGTERM, True, "batch 5/", 1.0),
]


def test_signals_end_a_run_cleanly_at_every_point(tmp_path):
    source = tmp_path / "raw"
    generate(120, source, seed=7)
    reference = tmp_path / "reference"
    done = _start(source, reference)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    expected = _snapshot(reference)

    lake = tmp_path / "lake"
    interrupted = 0
    for signum, to_group, marker, extra in POINTS:
        before = _snapshot(lake) if (lake / "articles").exists() else {}
        run = _start(source, lake)
        seen = _wait_for(run, marker)
        assert any(marker in line for line in seen), "".join(seen)
        time.sleep(extra)
        took, status, err, left = _interrupt(run, signum, to_group)
        name = signal.Signals(signum).name
        finished = status == 0  # the run may have ended on its own before the signal landed
        interrupted += not finished
        assert finished or status == 128 + signum, (name, marker, status, err)
        assert took < DEADLINE_S, (name, marker, took)
        if not finished:
            assert err.strip().splitlines()[-1].startswith(f"wirelake: interrupted by {name}"), err
            assert "Traceback" not in err, err
        assert not left, f"processes left after {name} at {marker!r}: {left}"
        assert not (lake / "_state" / "lock").exists()
        assert not [p for p in (lake / "_staging").glob("*")] if (lake / "_staging").exists() else True
        after = _snapshot(lake) if (lake / "articles").exists() else {}  # pandas reads every partition
        if marker == "starting Prefect" or marker == "batch 1/":
            assert set(after) == set(before)  # nothing committed before the batches were done
            for name_ in before:
                assert len(after[name_]) == len(before[name_])

    assert interrupted >= len(POINTS) - 2  # the signals landed while the runs were running

    final = _start(source, lake)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err
    got = _snapshot(lake)
    assert set(got) == set(expected)
    import pandas as pd

    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], check_dtype=False, obj=name)
