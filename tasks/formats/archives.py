"""Containers: gzip, zip and tar (plain or compressed). They hold files, not stories.

Each reader yields the members as RawFiles (uri `outer!/member`), which the pipeline sniffs
again, so a .tar.gz of NITF files or a zip of ninjs JSON needs nothing special. Sizes are
checked while unpacking (zip bombs), and member names are only ever labels: nothing is
written to disk, so absolute or ../ names and links cannot escape anywhere; links and
devices are skipped with a reject.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator

from tasks.settings import LIMITS
from tasks.records import RawFile, Reject, uri_name

_CHUNK = 1 << 20


def member(raw: RawFile, name: str, data: bytes) -> RawFile:
    return RawFile(label(raw, name), data, raw.modified_at, raw.url, raw.depth + 1)


def label(raw: RawFile, name: str) -> str:
    """`outer!/member`; bytes of the name that are not UTF-8 kept as %XX (uri_name)."""
    return f"{raw.uri}!/{uri_name(name.lstrip('/'))}"


def _check_depth(raw: RawFile) -> None:
    if raw.depth >= LIMITS.max_container_depth:
        raise Reject("unpack", "containers nested too deep", f"over {LIMITS.max_container_depth} levels")


# Bytes unpacked so far from each delivered file, across every level of nesting: a zip of
# zips of zips stays under the per-archive limit at each level and still multiplies.
# Keyed by the delivered file's uri (members are `outer!/inner`); reset when the outermost
# container starts, dropped when it ends.
_UNPACKED: dict[str, int] = {}


def _root(uri: str) -> str:
    return uri.split("!/", 1)[0]


def charge(raw: RawFile, n_bytes: int) -> None:
    """Count `n_bytes` unpacked from container `raw` against LIMITS.max_unpacked_bytes."""
    key = _root(raw.uri)
    used = _UNPACKED.get(key, 0) + n_bytes
    _UNPACKED[key] = used
    if used > LIMITS.max_unpacked_bytes:
        raise Reject("unpack", "unpacked size over limit",
                     f"{key} unpacks to over {LIMITS.max_unpacked_bytes:,} bytes (all levels together)")


def budgeted(read):
    """Decorator for a container's read: the outermost container opens the file's budget."""
    def wrapped(raw: RawFile):
        if raw.depth:
            yield from read(raw)
            return
        key = _root(raw.uri)
        _UNPACKED[key] = 0
        try:
            yield from read(raw)
        finally:
            _UNPACKED.pop(key, None)
    wrapped.__doc__ = read.__doc__
    return wrapped


_RATIO_FLOOR = 4 * 2**20  # below this, a high ratio (a page of spaces) harms nobody


def read_bounded(stream: io.BufferedIOBase, limit: int, what: str, compressed: io.BytesIO | None = None,
                 container: RawFile | None = None) -> bytes:
    """Read a decompressing stream, refusing more than `limit` bytes, and (given the
    compressed input) refusing as soon as it expands past LIMITS.max_compression_ratio:
    a bomb is stopped after a few MB, not at the size limit. Given the `container`, every
    chunk is charged to its delivered file's unpacked budget as it streams (`charge`)."""
    chunks, size = [], 0
    while chunk := stream.read(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if container is not None:
            charge(container, len(chunk))
        if size > limit:
            raise Reject("unpack", "unpacked size over limit", f"{what} unpacks to over {limit:,} bytes")
        if compressed is not None and size > _RATIO_FLOOR and \
                size > LIMITS.max_compression_ratio * max(1, compressed.tell()):
            raise Reject("unpack", "compression ratio over limit",
                         f"{what} expands over {LIMITS.max_compression_ratio}:1 (a decompression bomb)")
    return b"".join(chunks)


class Gzip:
    NAME = "gzip"

    @staticmethod
    def sniff(head: bytes) -> bool:
        return head[:2] == b"\x1f\x8b"

    @staticmethod
    @budgeted
    def read(raw: RawFile) -> Iterator[RawFile]:
        _check_depth(raw)
        try:
            compressed = io.BytesIO(raw.data)
            # The one member is a file like any delivered one: bounded by the file limit too.
            limit = min(LIMITS.max_unpacked_bytes, LIMITS.max_file_bytes)
            data = read_bounded(gzip.GzipFile(fileobj=compressed), limit, "gzip", compressed, container=raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise Reject("unpack", "corrupt gzip", str(exc)[:300]) from None
        name = raw.uri.rsplit("/", 1)[-1].rsplit("!", 1)[-1]
        yield member(raw, name[:-3] if name.endswith(".gz") else name + ".unpacked", data)


class Zip:
    NAME = "zip"

    @staticmethod
    def sniff(head: bytes) -> bool:
        return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")

    @staticmethod
    @budgeted
    def read(raw: RawFile) -> Iterator[RawFile | Reject]:
        _check_depth(raw)
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw.data))
            infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise Reject("unpack", "corrupt zip", str(exc)[:300]) from None
        if len(infos) > LIMITS.max_members:
            raise Reject("unpack", "too many members", f"{len(infos):,} members")
        if all(info.is_dir() for info in infos):  # else the file would leave no trace at all
            raise Reject("unpack", "empty archive", f"{len(infos)} folders, no files")
        for info in infos:
            if info.is_dir():
                continue
            where = label(raw, info.filename)
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                yield Reject("unpack", "link in archive", f"{where} is a symbolic link; skipped")
                continue
            if info.file_size > LIMITS.max_member_bytes:  # as declared; read_bounded checks the truth
                yield Reject("unpack", "member over size limit", f"{where}: {info.file_size:,} bytes")
                continue
            if info.file_size > _RATIO_FLOOR and info.file_size > LIMITS.max_compression_ratio * max(1, info.compress_size):
                yield Reject("unpack", "compression ratio over limit",
                             f"{where}: {info.compress_size:,} bytes expand to {info.file_size:,}")
                continue
            try:
                with archive.open(info) as stream:
                    data = read_bounded(stream, LIMITS.max_member_bytes, info.filename, container=raw)
            except Reject as reject:
                yield Reject(reject.stage, reject.reason, f"{where}: {reject.detail}")
                continue
            except RuntimeError as exc:  # zipfile's "File ... is encrypted, password required"
                yield Reject("unpack", "encrypted zip member", f"{where}: {exc}"[:300])
                continue
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error) as exc:
                yield Reject("unpack", "corrupt zip member", f"{where}: {exc}"[:300])
                continue
            yield member(raw, info.filename, data)


class Tar:
    NAME = "tar"

    @staticmethod
    def sniff(head: bytes) -> bool:
        return head[257:262] == b"ustar"

    @staticmethod
    @budgeted
    def read(raw: RawFile) -> Iterator[RawFile | Reject]:
        _check_depth(raw)
        n = files = 0
        try:
            # Names as bytes (surrogateescape), whatever their charset: a latin-1 name is kept, escaped.
            with tarfile.open(fileobj=io.BytesIO(raw.data), mode="r:", encoding="utf-8",
                              errors="surrogateescape") as archive:
                for info in archive:
                    n += 1
                    if n > LIMITS.max_members:
                        raise Reject("unpack", "too many members", f"over {LIMITS.max_members:,} members")
                    where = label(raw, info.name)
                    if info.isdir():
                        continue
                    if not info.isfile():
                        yield Reject("unpack", "link or device in archive", f"{where}; skipped")
                        continue
                    if info.size > LIMITS.max_member_bytes:
                        yield Reject("unpack", "member over size limit", f"{where}: {info.size:,} bytes")
                        continue
                    stream = archive.extractfile(info)
                    files += 1
                    data = read_bounded(stream, LIMITS.max_member_bytes, where, container=raw) if stream else b""
                    yield member(raw, info.name, data)
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise Reject("unpack", "corrupt tar", str(exc)[:300]) from None
        if not files:  # else the file would leave no trace at all
            raise Reject("unpack", "empty archive", f"{n} entries, no regular files")
