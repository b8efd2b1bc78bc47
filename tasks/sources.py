"""Where raw files come from: a local folder or any fsspec URL. The only reader of the source.

Listing returns small `SourceFile` records; bytes are read later, inside the batch that
processes them, so the flow never holds file contents.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import datetime, timezone


from tasks.records import RawFile
from tasks.redact import redact
from tasks.storage import open_url


@dataclass(frozen=True, slots=True)
class SourceFile:
    uri: str  # as the lake records it: the source as given + the path below it
    path: str  # the path the file system understands
    size: int
    modified_at: datetime | None
    etag: str | None = None  # object stores give one; it changes when the content does


class SourceError(Exception):
    """The source cannot be listed at all (missing, not a folder, no permission)."""


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
        files.append(SourceFile(f"{base}/{relative}", path, int(info.get("size") or 0), _modified(info),
                                str(etag).strip('"') if etag else None))
    return sorted(files, key=lambda f: f.uri)


def read_file(source: str, file: SourceFile) -> RawFile:
    fs, _ = open_url(source)
    with fs.open(file.path, "rb") as handle:
        return RawFile(file.uri, handle.read(), file.modified_at)


def _modified(info: dict) -> datetime | None:
    value = info.get("mtime") or info.get("LastModified") or info.get("updated")
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, timezone.utc)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return None
