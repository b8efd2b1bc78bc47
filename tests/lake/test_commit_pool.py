"""The commit's processes end with the process that committed: a commit killed half-way
(SIGKILL, as the crash tests do) must not leave them behind, each holding ~150 MB."""

import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone for our purpose
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def test_commit_processes_end_when_the_committer_is_killed():
    script = (
        "import time\n"
        "from tasks.lake.writer import commit_pool\n"
        "pool = commit_pool(2)\n"
        "for done in [pool.submit(time.sleep, 0.5) for _ in range(2)]:\n"  # two at once: two processes
        "    done.result()\n"
        "print(*pool._processes, flush=True)\n"
        "time.sleep(60)\n"
    )
    committer = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in committer.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    committer.send_signal(signal.SIGKILL)
    committer.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
