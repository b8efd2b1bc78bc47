"""One writer at a time: the lake lock, and how a dead holder (of the lock, of a staging
folder, of a temporary file) is told from a live one."""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Iterator

from tasks import settings
from tasks.lake.layout import Lake

LOCK_STALE_AFTER_S = 6 * 3600  # a lock on object storage older than this is a dead run's


class LakeError(Exception):
    """The lake cannot be written (unwritable folder, held lock ...)."""


@contextlib.contextmanager
def lake_lock(lake: str | Lake, timeout_s: float | None = None, poll_s: float = 0.5) -> Iterator[None]:
    """One writer at a time, across CLI runs, scheduled runs and machines.

    The lock is a file created exclusively (O_EXCL locally; If-None-Match on S3). It records
    host, pid and time: a local lock whose process is dead is broken at once, a remote one
    after LOCK_STALE_AFTER_S. A second writer waits, then fails with a clear message.
    """
    lake = Lake.at(lake)
    timeout_s = settings.SETTINGS.lock_timeout_s if timeout_s is None else timeout_s  # read at call time: tests swap it
    path = lake.lock_file()
    try:
        lake.fs.makedirs(lake.state_dir(), exist_ok=True)
    except OSError as exc:
        raise LakeError(f"cannot write to lake {lake.url}: {exc}") from None
    deadline = time.monotonic() + timeout_s
    holder = holder_stamp()
    while True:
        try:
            with lake.fs.open(path, "xb") as handle:
                handle.write(holder.encode())
            break
        except FileExistsError:
            if holder_is_gone(lake, read_holder(lake, path)):
                with contextlib.suppress(FileNotFoundError):
                    lake.fs.rm(path)
                continue
            if time.monotonic() > deadline:
                raise LakeError(
                    f"lake {lake.url} is locked by another run ({read_holder(lake, path)}); gave up after {timeout_s:.0f} s"
                ) from None
            time.sleep(poll_s)
        except PermissionError as exc:
            raise LakeError(f"cannot write to lake {lake.url}: {exc}") from None
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lake.fs.rm(path)


def holder_stamp() -> str:
    """This process as a holder: "host pid time"."""
    return f"{socket.gethostname()} {os.getpid()} {time.time():.0f}"


def holder_is_gone(lake: Lake, holder: str) -> bool:
    """A holder ("host pid time") is gone when its process is dead (this host) or, for a
    remote lake or another host, when it is older than LOCK_STALE_AFTER_S."""
    parts = holder.split() + ["0"]  # a holder written before times were recorded has none
    if len(parts) < 3:
        return False
    host, pid, since = parts[:3]
    if lake.is_local and host == socket.gethostname():
        return pid_is_dead(pid)
    try:
        return time.time() - float(since) > LOCK_STALE_AFTER_S
    except ValueError:
        return False


def pid_is_dead(pid: str) -> bool:
    """No process has this id on this host (an unreadable id counts as alive: keep its files)."""
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (ValueError, OSError):
        return False
    return False


def read_holder(lake: Lake, path: str) -> str:
    try:
        return lake.fs.cat_file(path).decode(errors="replace").strip()
    except OSError:
        return "unknown holder"
