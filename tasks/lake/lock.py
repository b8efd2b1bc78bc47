"""One writer at a time: the lake lock, and how a dead holder (of the lock, of a staging
folder, of a temporary file) is told from a live one.

A run takes the lock before it lists its source and keeps it until its commit is recorded
(the CLI takes it before Prefect even starts, so a held lock is found in the first second);
the commit inside the run re-enters it and first checks that the lock file still names this
holder, so a lock deleted and taken by another run stops the old holder before it writes.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator

from tasks import settings
from tasks.errors import TerminalError
from tasks.lake.layout import Lake

LOCK_STALE_AFTER_S = 6 * 3600  # a holder that cannot be checked (other host, object storage) is dead after this
LOCK_GARBAGE_AFTER_S = 60  # an empty or unreadable lock file is broken once this old (a lock is written within ms)


class LakeError(TerminalError):
    """The lake cannot be written (unwritable folder, held or lost lock ...): trying the same
    again at once cannot help, so Prefect never retries it."""


_held: dict[str, tuple[Lake, str]] = {}  # lock file -> (lake, this process's stamp in it), for the locks it holds
_held_guard = threading.Lock()


@contextlib.contextmanager
def lake_lock(lake: str | Lake, timeout_s: float | None = None, poll_s: float = 0.5) -> Iterator[None]:
    """One writer at a time, across CLI runs, scheduled runs and machines.

    The lock is a file created exclusively (O_EXCL locally; If-None-Match on S3) holding
    "host pid time process-start token". A holder whose process is gone is broken at once
    (locally: a dead pid, or a live pid that belongs to a process started later: a reused
    id); an empty or garbage lock after LOCK_GARBAGE_AFTER_S; a holder that cannot be checked
    (another host, object storage) after LOCK_STALE_AFTER_S. A second writer waits
    `timeout_s` (WIRELAKE_LOCK_TIMEOUT_S), then fails naming the holder.

    Re-entrant within a process: a commit inside a run that holds the lock only checks that
    the lock is still its own (`assert_lock_held`).
    """
    lake = Lake.at(lake)
    path = lake.lock_file()
    if path in _held:
        assert_lock_held(lake)
        yield
        return
    stamp = acquire(lake, timeout_s, poll_s)
    try:
        yield
    finally:
        release(lake, stamp)


def acquire(lake: Lake, timeout_s: float | None = None, poll_s: float = 0.5) -> str:
    """Take the lock, waiting at most `timeout_s`; the stamp written into it."""
    timeout_s = settings.SETTINGS.lock_timeout_s if timeout_s is None else timeout_s  # read at call time: tests swap it
    path = lake.lock_file()
    try:
        lake.fs.makedirs(lake.state_dir(), exist_ok=True)
    except OSError as exc:
        raise LakeError(f"cannot write to lake {lake.url}: {exc}") from None
    deadline = time.monotonic() + timeout_s
    stamp = holder_stamp(token=True)
    while True:
        try:
            with lake.fs.open(path, "xb") as handle:
                handle.write(stamp.encode())
            break
        except FileExistsError:
            holder = read_holder(lake, path)
            if holder_is_gone(lake, holder, age_s=_age(lake, path)):
                _break(lake, path, holder)
                continue
            if time.monotonic() >= deadline:
                raise LakeError(
                    f"lake {lake.url} is locked by another run ({holder}); gave up after {timeout_s:.0f} s "
                    "(WIRELAKE_LOCK_TIMEOUT_S)") from None
            time.sleep(max(0.0, min(poll_s, deadline - time.monotonic())))
        except PermissionError as exc:
            raise LakeError(f"cannot write to lake {lake.url}: {exc}") from None
    with _held_guard:
        _held[path] = (lake, stamp)
    return stamp


def release(lake: Lake, stamp: str) -> None:
    """Remove the lock if it is still ours (a lock another run took over is left alone)."""
    path = lake.lock_file()
    with _held_guard:
        _held.pop(path, None)
    if read_holder(lake, path) == stamp:
        with contextlib.suppress(FileNotFoundError):
            lake.fs.rm(path)


def assert_lock_held(lake: str | Lake) -> None:
    """Raise LakeError unless the lock file still holds this process's stamp: the proof of
    ownership a holder gives before it commits."""
    lake = Lake.at(lake)
    path = lake.lock_file()
    mine = _held.get(path, (None, None))[1]
    found = read_holder(lake, path)
    if mine is None or found != mine:
        raise LakeError(f"lake {lake.url}: this run no longer holds the lake lock (it was deleted or taken: "
                        f"{found}); it stops without committing further. Run again to finish.")


def release_held_locks() -> None:
    """Release every lock this process holds (an interrupted run's last resort)."""
    for lake, stamp in list(_held.values()):
        release(lake, stamp)


def holder_stamp(token: bool = False) -> str:
    """This process as a holder: "host pid time process-start [token]"."""
    stamp = f"{socket.gethostname()} {os.getpid()} {time.time():.0f} {process_start(os.getpid()) or '-'}"
    return f"{stamp} {uuid.uuid4().hex[:12]}" if token else stamp


def holder_is_gone(lake: Lake, holder: str, age_s: float | None = None) -> bool:
    """Whether a holder ("host pid time [process-start ...]") is gone.

    On this host (local lake): its pid is dead, or alive but started at another time than the
    holder recorded (the id was reused). Unreadable or empty: once `age_s` (the file's age)
    passes LOCK_GARBAGE_AFTER_S. Otherwise once its time is LOCK_STALE_AFTER_S old."""
    parts = holder.split()
    if len(parts) < 2 or not parts[1].isdigit():
        return age_s is not None and age_s > LOCK_GARBAGE_AFTER_S
    host, pid = parts[0], parts[1]
    since = parts[2] if len(parts) > 2 else None
    started = parts[3] if len(parts) > 3 else "-"
    if lake.is_local and host == socket.gethostname():
        if pid_is_dead(pid):
            return True
        now_started = process_start(int(pid))
        if started != "-" and now_started is not None:
            return now_started != started
        # an alive pid with no recorded start: maybe reused, judged by age
    try:
        return time.time() - float(since) > LOCK_STALE_AFTER_S
    except (TypeError, ValueError):
        return age_s is not None and age_s > LOCK_STALE_AFTER_S


def pid_is_dead(pid: str) -> bool:
    """No process has this id on this host (an unreadable id counts as alive: keep its files)."""
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (ValueError, OSError):
        return False
    return False


def process_start(pid: int) -> str | None:
    """When a process started (clock ticks since boot, from /proc), or None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    fields = stat[stat.rfind(b")") + 2:].split()  # the name in parentheses may hold spaces
    return fields[19].decode() if len(fields) > 19 else None


def read_holder(lake: Lake, path: str) -> str:
    try:
        return lake.fs.cat_file(path).decode(errors="replace").strip() or "empty lock file"
    except FileNotFoundError:
        return "no lock file"
    except OSError:
        return "unknown holder"


def _age(lake: Lake, path: str) -> float | None:
    try:
        return time.time() - lake.fs.modified(path).timestamp()
    except (OSError, NotImplementedError, AttributeError, ValueError):
        return None


def _break(lake: Lake, path: str, holder: str) -> None:
    """Remove a dead holder's lock, unless it changed meanwhile (another run broke it first
    and took it)."""
    if read_holder(lake, path) == holder:
        with contextlib.suppress(FileNotFoundError):
            lake.fs.rm(path)
