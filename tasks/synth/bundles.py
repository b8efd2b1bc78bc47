"""Files that are not one rendered story: multi-story files (stream formats' captures,
zip / tar.gz bundles of single files) and files broken on purpose (empty, binary, or cut
short in transfer).

The generator keeps at most one open `Bundle` per (kind, agency); `open_bundle` draws its
size when it opens, `close_bundle` names it and makes its bytes. Gzip, zip and tar times
are fixed, so the bytes depend on the stories alone.
"""

from __future__ import annotations

import gzip
import io
import random
import tarfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone

from tasks.synth.draw import int_between, pick
from tasks.synth.registry import BUNDLERS, EXTENSIONS, RENDERERS, SYNTH_FORMATS
from tasks.synth.render.page_text import render_page_text
from tasks.synth.render.web import feed_kind, is_stub
from tasks.synth.story import WireStory

# What a "containers" delivery is: a gzipped single file, or a member of a zip / tar.gz bundle.
CONTAINER_KINDS = (("gzip", 50), ("zip", 25), ("tar.gz", 25))
# Stories per multi-story file (inclusive range), drawn when the file is opened.
BUNDLE_SIZES = {**{f.name: f.bundle_size for f in SYNTH_FORMATS if f.bundle_size}, "zip": (3, 12), "tar.gz": (3, 12)}
_ARCHIVE_TIME = (2020, 1, 1, 0, 0, 0)  # zip/tar member time of undated bundles
_FEED_EXTENSIONS = {"rss": ".rss", "atom": ".atom", "sitemap": ".xml"}


@dataclass(slots=True)
class Bundle:
    """A multi-story file being filled."""

    kind: str  # a BUNDLE_SIZES key
    first: int  # delivery index of its first story (names the file)
    target: int  # stories it will hold
    stories: list[WireStory] = field(default_factory=list)
    members: list[tuple[str, bytes]] = field(default_factory=list)  # zip / tar.gz


def open_bundle(rng: random.Random, kind: str, first: int) -> Bundle:
    low, high = BUNDLE_SIZES[kind]
    size = low if kind == "newsml_g2" and rng.random() < 0.6 else int_between(rng, low, high)
    return Bundle(kind, first, size)


def close_bundle(bundle: Bundle, width: int) -> tuple[str, bytes, int]:
    """(file name, bytes, feed items without their text) of a filled bundle."""
    first = bundle.stories[0]
    dt = first.published
    day = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}-" if dt else ""
    stem = f"{bundle.kind.replace('.', '-')}-{day}{bundle.first:0{width}d}"
    if bundle.kind in ("zip", "tar.gz"):
        when = (dt.year, dt.month, dt.day, dt.hour, dt.minute, 0) if dt else _ARCHIVE_TIME
        data = zip_bytes(bundle.members, when) if bundle.kind == "zip" else tar_gz_bytes(bundle.members, when)
        return f"bundle-{day}{bundle.first:0{width}d}.{bundle.kind}", data, 0
    data = BUNDLERS[bundle.kind](bundle.stories)
    ext = EXTENSIONS[bundle.kind]
    stubs = 0
    if bundle.kind == "feeds":
        kind = feed_kind(first)
        ext = _FEED_EXTENSIONS[kind]
        stem = f"{'sitemap' if kind == 'sitemap' else 'feed'}-{first.agency.lower()}-{day}{bundle.first:0{width}d}"
        stubs = sum(is_stub(s, kind) for s in bundle.stories)
    return stem + ext, data, stubs


def zip_bytes(members: list[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def tar_gz_bytes(members: list[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    mtime = int(datetime(*when, tzinfo=timezone.utc).timestamp())
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), mtime, 0o644
            archive.addfile(info, io.BytesIO(data))
    return gzip.compress(buf.getvalue(), 6, mtime=0)  # (tarfile's own gzip stamps the clock)


def bad_bytes(rng: random.Random) -> bytes:
    """An empty file, or random binary."""
    if rng.random() < 0.4:
        return b""
    data = bytearray(rng.randbytes(int_between(rng, 64, 4096)))
    data[int(rng.random() * len(data))] = 0  # certainly not text
    return bytes(data)


def truncated(rng: random.Random, story: WireStory, kind: str) -> tuple[bytes, str]:
    """A file cut off in transfer: 30-70% of a real rendering (XML, JSON or gzip)."""
    if kind == "gzip":
        whole = gzip.compress(render_page_text(story), 6, mtime=0)
        ext = ".txt.gz"
    else:
        fmt = kind if kind != "xml" else pick(rng, ("nitf", "newsml_g2", "newsml12"))
        whole = RENDERERS[fmt](story)
        ext = EXTENSIONS[fmt]
    return whole[: int(len(whole) * (0.3 + 0.4 * rng.random()))], ext
