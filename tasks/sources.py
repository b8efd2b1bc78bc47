"""Where raw files come from: a local folder or any fsspec URL. The only reader of the source.

Listing returns small `SourceFile` records; bytes are read later, inside the batch that
processes them, so the flow never holds file contents.

No entry of the source can stop or stall a run:
- Only regular files are opened. FIFOs, sockets, devices (and links to them), links to
  folders, broken links, unreadable folders and paths too long to open are listed with a
  `problem` and become reject rows without being opened. Symbolic links to files are read;
  links to folders are not followed (a link could loop or lead out of the source).
- A file is opened without blocking, checked to be regular and within the size limit from
  its open descriptor (so a FIFO swapped in after listing is not read either), then read
  to at most the limit.
- Any name works: a local source is named by its canonical absolute path (symbolic links,
  `.` and `..` resolved; the same folder given four ways gives the same uris), and bytes of
  a name that are not UTF-8 are kept losslessly as %XX (with "%" itself written %25).
- Any modification time works: one out of datetime's range is clamped to it.
- A folder holding `_state/` is a wirelake lake: a lake kept inside its source is not read.
- A read that fails for a reason that can pass (permission denied, a vanished file, an I/O
  error) raises `TransientReadError`; the ledger marks it so the next run reads it again.
"""

from __future__ import annotations

import errno
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from datetime import datetime, timezone

from fsspec.implementations.local import LocalFileSystem

from tasks.lake.layout import STATE
from tasks.records import TRANSIENT_READ, RawFile, Reject, SourceFile, uri_name
from tasks.redact import redact
from tasks.settings import LIMITS
from tasks.storage import open_url

class SourceError(Exception):
    """The source cannot be listed at all (missing, not a folder, no permission)."""


class TransientReadError(OSError):
    """A read failed for a reason that can pass (permissions, a vanished file, I/O)."""


def check_source(source: str) -> None:
    """Raise SourceError unless `source` is a folder that can be listed."""
    try:
        fs, root = open_url(source)
        if not fs.isdir(root):
            kind = "a file, not a folder" if fs.exists(root) else "not found"
            raise SourceError(f"source {redact(source)!r} is {kind}")
    except (OSError, ValueError, ImportError) as exc:
        raise SourceError(f"cannot open source {redact(source)!r}: {redact(str(exc))}") from None


def list_source(source: str) -> list[SourceFile]:
    """Every file under `source`, recursively, sorted by uri (hidden files and folders skipped)."""
    check_source(source)
    fs, root = open_url(source)
    if isinstance(fs, LocalFileSystem):
        files = list(_list_local(root))
    else:
        files = _list_remote(source, fs, root)
    return sorted(files, key=lambda f: f.uri)


def _list_remote(source: str, fs, root: str) -> list[SourceFile]:
    try:
        found = fs.find(root, detail=True, withdirs=False)
    except OSError as exc:
        raise SourceError(f"cannot list source {redact(source)!r}: {redact(str(exc))}") from None
    base = redact(source).rstrip("/")  # uris end up in the lake: never with credentials
    files = []
    for path, info in found.items():
        relative = posixpath.relpath(path, root.rstrip("/") or "/")
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        etag = info.get("ETag") or info.get("etag") or info.get("md5Hash")
        files.append(SourceFile(f"{base}/{uri_name(relative)}", path, int(info.get("size") or 0), _modified(info),
                                str(etag).strip('"') if etag else None))
    return files


def _list_local(root: str):
    """Walk a local folder entry by entry, without following links to folders."""
    root = os.path.realpath(root)  # one canonical name: absolute, no `.`, `..` or links
    base = uri_name(root.rstrip("/"))
    pending = [root]
    while pending:
        folder = pending.pop()
        if folder != root and os.path.isdir(os.path.join(folder, STATE)):
            continue  # a wirelake lake: its own files are never source
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            yield _problem(base, root, folder, None, _folder_problem(exc))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                    continue
                info = os.stat(entry.path)  # follows a link to what it points at
                itself = entry.stat(follow_symlinks=False)
            except OSError as exc:
                yield _problem(base, root, entry.path, None, _entry_problem(exc, entry.is_symlink()))
                continue
            kind = _kind(info.st_mode)
            # A rejected entry is fingerprinted by itself, not by what it points at (/etc changes).
            if kind == "folder":
                yield _problem(base, root, entry.path, itself, "link to a folder, not followed: symbolic link")
            elif kind != "file":
                yield _problem(base, root, entry.path, itself, f"not a regular file: {kind}")
            else:
                yield SourceFile(_uri(base, root, entry.path), entry.path, info.st_size, _clamped_mtime(info.st_mtime))


def _folder_problem(exc: OSError) -> str:
    return _entry_problem(exc, False, "unreadable folder")


def _entry_problem(exc: OSError, is_link: bool, otherwise: str = "unreadable file") -> str:
    """"reason: detail" of an entry the listing could not look at."""
    reason = "path too long" if exc.errno == errno.ENAMETOOLONG else "broken link" if is_link else otherwise
    return f"{reason}: {type(exc).__name__}: {exc.strerror}"


def _problem(base: str, root: str, path: str, info: os.stat_result | None, problem: str) -> SourceFile:
    size = info.st_size if info is not None and stat.S_ISREG(info.st_mode) else 0
    mtime = _clamped_mtime(info.st_mtime) if info is not None else None
    return SourceFile(_uri(base, root, path), path, size, mtime, problem=problem)


def _uri(base: str, root: str, path: str) -> str:
    relative = os.path.relpath(path, root)
    return base if relative == "." else f"{base}/{uri_name(relative)}"


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else
            "character device" if stat.S_ISCHR(mode) else "block device" if stat.S_ISBLK(mode) else "special file")


def read_file(source: str, file: SourceFile) -> RawFile:
    """The file's bytes. Raises Reject for what must not be read (never opened, or opened
    and found not a regular file or over the size limit, before any byte is read) and
    TransientReadError for a failure that may pass."""
    if file.problem:
        reason, _, detail = file.problem.partition(": ")
        raise Reject("read", reason, detail)
    limit = LIMITS.max_file_bytes
    try:
        fs, _ = open_url(source)
        if isinstance(fs, LocalFileSystem):
            data = _read_local(file.path, limit)
        else:
            if file.size > limit:
                raise _over_limit(file.size, limit)
            with fs.open(file.path, "rb") as handle:
                data = handle.read(limit + 1)
    except Reject:
        raise
    except OSError as exc:
        raise TransientReadError(exc.errno, f"{type(exc).__name__}: {exc.strerror or exc}") from None
    if len(data) > limit:  # it grew after listing
        raise _over_limit(len(data), limit)
    return RawFile(file.uri, data, file.modified_at)


def _read_local(path: str, limit: int) -> bytes:
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it unread.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Reject("read", "not a regular file", _kind(info.st_mode))
        if info.st_size > limit:
            raise _over_limit(info.st_size, limit)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


def _over_limit(size: int, limit: int) -> Reject:
    return Reject("read", "file over size limit", f"{size:,} bytes > {limit:,}")


_EARLIEST, _LATEST = datetime.min.replace(tzinfo=timezone.utc), datetime.max.replace(tzinfo=timezone.utc)


def _clamped_mtime(seconds: float) -> datetime:
    """A modification time as a UTC datetime; one outside years 1-9999 (a clock in year
    11476) is clamped to that range, so the file is still read and its ledger row stable."""
    try:
        return datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return _LATEST if seconds > 0 else _EARLIEST


def _modified(info: dict) -> datetime | None:
    value = info.get("mtime") or info.get("LastModified") or info.get("updated")
    if isinstance(value, (int, float)):
        return _clamped_mtime(value)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return None
