"""generate(): stream n story deliveries to disk, every format mixed, from one rng.

Files go in subfolders of at most 1,000 (0000/, 0001/ ...), named like
xinhua-2019-03-14-000123.txt (bundles: warc-2019-03-14-000123.warc.gz ...).

The mix (per delivery, approximate, all drawn from the rng): 1% bad files (empty, random
binary, or XML / JSON / gzip cut short: `rejects_expected`), 3% duplicates (an exact copy
of an earlier file under another name, or an earlier story again in another format),
~5% writethrus (2.1% of new stories start a chain; 45% of chains reach version 3; a
chain stays in its format: G2 version 2 with the same guid, ANPA 1stLd-Writethru ...),
2% stories without any date, 2% cp1252, 1% latin-1, 1% UTF-8 with BOM (plus each
format's own habit, registry.py); 70% of pages carry the "Off the wire" ticker (made of
the latest generated headlines), 60% a navigation line.

Memory is flat in n (a bounded reservoir for duplicates, a short queue of pending
writethrus, a window of recent headlines, at most one open file per stream format and
agency). With multi-story formats the last files of a run close early, so a shorter run
is a prefix of a longer one only for single-story formats.
"""

from __future__ import annotations

import gc
import gzip
import heapq
import os
import random
import re
from collections import deque
from dataclasses import replace
from datetime import date, timedelta
from typing import Sequence

from tasks.synth.bundles import CONTAINER_KINDS, Bundle, bad_bytes, close_bundle, open_bundle, truncated
from tasks.synth.draw import int_between, pick, pick_weighted
from tasks.synth.reference import AGENCIES, AGENCY_WEIGHTS, MONTHS
from tasks.synth.registry import (
    BUNDLERS, CONTAINED, EXTENSIONS, FORMAT_AGENCIES, FORMAT_WEIGHTS, FORMATS, RENDERERS, TICKER_FORMATS, XML_FORMATS,
    check_formats, delivery_encoding,
)
from tasks.synth.story import WireStory, make_story, make_writethru, related_headlines, stem_for, story_window

# Variant rates per file slot.
P_BAD = 0.01  # empty or random binary file (a reject)
P_DUPLICATE = 0.03  # exact copy of an earlier file under another path
P_CHAIN = 0.021  # a new story starts a writethru chain (2 or 3 versions): ~5% of files
P_CHAIN_3 = 0.45  # ... of which this share gets a third version

P_TICKER = 0.70  # a page shows the "Off the wire" ticker (always, when cp1252 / latin-1)
_SINGLE_BYTE = ("cp1252", "latin-1")
TICKER_WINDOW = 40  # generate() fills tickers from this many latest headlines
DUP_RESERVOIR = 256  # earlier files a duplicate may copy (reservoir sample)
FILES_PER_DIR = 1000

_DATE_WORDS = re.compile(r"\b(?:%s|(?:19|20)\d\d)\b" % "|".join(MONTHS))


def _ticker(rng: random.Random, recent: deque[tuple[str, bool]], undated: bool, own: str) -> list[str]:
    """4-10 of the latest headlines, newest first, as a site's ticker shows them (not the
    page's own headline text; none that names a month or year on an undated page)."""
    k = int_between(rng, 4, 10)
    out = []
    for j in range(len(recent) - 1 - int_between(rng, 0, 6), -1, -1):
        head, has_date = recent[j]
        if (undated and has_date) or head.endswith(own):
            continue
        out.append(head)
        if len(out) == k:
            break
    return out


_O_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _write_file(path: str, data: bytes) -> None:
    """Plain open/write/close (no buffered file object: one syscall less per file)."""
    fd = os.open(path, _O_WRITE, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)

def generate(
    n: int,
    out_dir: str | os.PathLike,
    seed: int = 0,
    formats: Sequence[str] = FORMATS,
    *,
    start: date | None = None,
    end: date | None = None,
) -> dict:
    """Write n story deliveries as raw wire files under out_dir (subfolders 0000/, 0001/ ...
    of at most 1,000 files) and return a summary.

    n counts deliveries: new stories and writethrus (`stories`), re-deliveries
    (`duplicates`) and bad files (`rejects_expected`): n == stories + duplicates +
    rejects_expected. Multi-story files (WARC, feeds, ANPA / 7901 captures, G2 messages,
    zip / tar.gz bundles) make `files` smaller than n; with single-story formats only
    (e.g. ("page_text",)) there is one file per delivery.

    Other keys: bytes (total written), files_per_format (files per kind, "bad" included),
    formats (stories per format), duplicate_files (exact byte copies of an earlier file),
    duplicate_stories (an earlier story again, in another format or file), story_keys
    (distinct stories), writethrus (versions >= 2), undated, encodings (per story),
    feed_stubs (feed items without their text: a headline and summary only).
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    formats = check_formats(formats)
    # The loop makes no reference cycles (refcounting frees every story), so the cyclic
    # collector only costs time here: pause it, as it was before on the way out.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Run(n, out_dir, seed, formats, start, end).run()
    finally:
        if gc_was_enabled:
            gc.enable()


class _Run:
    """One generate() call: the rng, the open multi-story files, the counters."""

    def __init__(self, n: int, out_dir: str | os.PathLike, seed: int, formats: tuple[str, ...],
                 start: date | None, end: date | None):
        self.n, self.start, self.end = n, start, end
        self.t0, self.minutes = story_window(start, end)
        self.rng = random.Random(seed)
        self.root = os.fspath(out_dir)
        os.makedirs(self.root, exist_ok=True)
        self.width = max(6, len(str(max(n - 1, 0))))
        self.dwidth = max(4, len(str(max(n - 1, 0) // FILES_PER_DIR)))
        self.formats = formats
        self.single = formats[0] if len(formats) == 1 else None
        self.by_agency = {a.name: self._weights_for(a.name) for a in AGENCIES}
        inner = tuple(f for f in formats if f in CONTAINED) or CONTAINED
        self.inner_weights = tuple((f, FORMAT_WEIGHTS[f]) for f in inner)
        self.bad_kinds = (("xml",) if any(f in XML_FORMATS for f in formats) else ()) + \
            (("ninjs",) if "ninjs" in formats else ()) + \
            (("gzip",) if "containers" in formats or "warc" in formats else ())
        self.pending: list[tuple[int, int, WireStory, str, str | None, int]] = []  # (due, seq, story, fmt, inner, last)
        self.recent: deque[tuple[str, bool]] = deque(maxlen=TICKER_WINDOW)  # latest headlines, and whether dated
        self.reservoir: list[tuple] = []  # (story, fmt, inner, stem prefix, extension, bytes | None)
        self.seen = 0
        self.bundles: dict[tuple[str, str], Bundle] = {}  # (kind, agency or "") -> open file
        self.file_no = 0
        self.folder = ""
        self.counts = dict(bytes=0, stories=0, duplicates=0, duplicate_files=0, duplicate_stories=0,
                           rejects_expected=0, writethrus=0, undated=0, feed_stubs=0)
        self.encodings: dict[str, int] = {}
        self.fmt_counts: dict[str, int] = {}
        self.file_counts: dict[str, int] = {}

    def _weights_for(self, agency: str) -> tuple[tuple[str, float], ...]:
        usable = tuple(f for f in self.formats if agency in FORMAT_AGENCIES.get(f, (agency,)))
        return tuple((f, FORMAT_WEIGHTS[f]) for f in usable or self.formats)

    # ---------------------------------------------------------------- the loop

    def run(self) -> dict:
        rng = self.rng
        for i in range(self.n):
            if self.pending and self.pending[0][0] <= i:
                self._writethru(i)
                continue
            x = rng.random()
            if x < P_BAD:
                self._bad(i)
            elif x < P_BAD + P_DUPLICATE and self.reservoir:
                self._duplicate(i)
            else:
                story = make_story(rng, i, start=self.start, end=self.end, related=())
                fmt = self.single or pick_weighted(rng, self.by_agency[story.agency])
                inner = pick_weighted(rng, self.inner_weights) if fmt == "containers" else None
                if rng.random() < P_CHAIN:
                    last = 3 if rng.random() < P_CHAIN_3 else 2
                    heapq.heappush(self.pending, (i + int_between(rng, 1, 60), i, story, fmt, inner, last))
                else:
                    story.ctx = None
                self._new_story(i, story, fmt, inner)
        for key in list(self.bundles):
            self._flush(key)
        return self._summary()

    def _writethru(self, i: int) -> None:
        rng = self.rng
        _, _, prev, fmt, inner, last = heapq.heappop(self.pending)
        story = make_writethru(rng, prev, related=())
        if story.version < last:
            heapq.heappush(self.pending, (i + int_between(rng, 1, 60), i, story, fmt, inner, last))
        else:
            story.ctx = None
        self.counts["writethrus"] += 1
        self._new_story(i, story, fmt, inner)

    def _new_story(self, i: int, story: WireStory, fmt: str, inner: str | None) -> None:
        rng = self.rng
        shown = inner or fmt
        story.encoding = delivery_encoding(rng, shown, story.encoding)
        if shown in TICKER_FORMATS and (rng.random() < P_TICKER or story.encoding in _SINGLE_BYTE):
            story.related = (_ticker(rng, self.recent, story.published is None, story.headline)
                             if len(self.recent) >= 12 else related_headlines(rng, story.published))
        full = story.slug + story.headline
        self.recent.append((full, _DATE_WORDS.search(full) is not None))
        self.counts["stories"] += 1
        if story.published is None:
            self.counts["undated"] += 1
        self.encodings[story.encoding] = self.encodings.get(story.encoding, 0) + 1
        self.fmt_counts[fmt] = self.fmt_counts.get(fmt, 0) + 1
        self._deliver(i, story, fmt, inner)

    def _bad(self, i: int) -> None:
        rng = self.rng
        agency = pick_weighted(rng, AGENCY_WEIGHTS)
        dt = self.t0 + timedelta(minutes=int(rng.random() * self.minutes))
        stem = stem_for(agency.key, dt, i, self.width)
        if self.bad_kinds and rng.random() < 0.5:  # a real file cut short in transfer
            story = make_story(rng, i, start=self.start, end=self.end, related=(), encoding="utf-8")
            data, ext = truncated(rng, story, pick(rng, self.bad_kinds))
            stem = story.file_stem(i, self.width)
        else:
            data = bad_bytes(rng)
            ext = EXTENSIONS[self.single or pick(rng, [f for f in self.formats if f in EXTENSIONS] or ["page_text"])]
        self.counts["rejects_expected"] += 1
        self._write(stem + ext, data, "bad")

    def _duplicate(self, i: int) -> None:
        """An earlier delivery again: the same file under another name, or the same story
        rendered in another format (or another file of its format)."""
        rng = self.rng
        story, fmt, inner, prefix, ext, data = pick(rng, self.reservoir)
        self.counts["duplicates"] += 1
        others = [f for f in self.formats if f != (inner or fmt) and f != fmt]
        if data is not None and (not others or rng.random() < 0.5):
            self.counts["duplicate_files"] += 1
            self._write(f"{prefix}{i:0{self.width}d}{ext}", data, "gzip" if ext.endswith(".gz") else fmt)
            return
        self.counts["duplicate_stories"] += 1
        new_fmt = pick(rng, others) if others else fmt
        new_inner = pick_weighted(rng, self.inner_weights) if new_fmt == "containers" else None
        shown = new_inner or new_fmt
        copy = replace(story, encoding=delivery_encoding(rng, shown, story.encoding), style_seed=rng.getrandbits(64),
                       related=story.related if shown in TICKER_FORMATS else [], ctx=None)
        self._deliver(i, copy, new_fmt, new_inner, keep=False)

    # ---------------------------------------------------------------- files

    def _deliver(self, i: int, story: WireStory, fmt: str, inner: str | None, keep: bool = True) -> None:
        """Write the story's file now (single-story formats) or add it to an open file."""
        if fmt == "containers":
            kind = pick_weighted(self.rng, CONTAINER_KINDS)
            data = RENDERERS[inner](story)
            stem, ext = story.file_stem(i, self.width), EXTENSIONS[inner]
            if kind == "gzip":
                data = gzip.compress(data, 6, mtime=0)
                self._write(stem + ext + ".gz", data, "gzip")
                self._remember(story, fmt, inner, stem, ext + ".gz", data if keep else None)
            else:
                bundle = self._bundle(kind, "", i)
                bundle.members.append((f"stories/{stem}{ext}", data))
                bundle.stories.append(story)
                self._remember(story, fmt, inner, stem, ext, None)
                self._maybe_flush((kind, ""))
        elif fmt in BUNDLERS:
            key = (fmt, story.agency)
            bundle = self._bundle(fmt, story.agency, i)
            bundle.stories.append(story)
            self._remember(story, fmt, None, "", "", None)
            self._maybe_flush(key)
        else:
            data = RENDERERS[fmt](story)
            stem, ext = story.file_stem(i, self.width), EXTENSIONS[fmt]
            self._write(stem + ext, data, fmt)
            self._remember(story, fmt, None, stem, ext, data if keep else None)

    def _remember(self, story: WireStory, fmt: str, inner: str | None, stem: str, ext: str, data: bytes | None) -> None:
        """Reservoir sample of earlier deliveries, for duplicates (bounded memory)."""
        entry = (story, fmt, inner, stem[: len(stem) - self.width], ext, data)
        self.seen += 1
        if len(self.reservoir) < DUP_RESERVOIR:
            self.reservoir.append(entry)
        else:
            j = int(self.rng.random() * self.seen)
            if j < DUP_RESERVOIR:
                self.reservoir[j] = entry

    def _bundle(self, kind: str, agency: str, i: int) -> Bundle:
        bundle = self.bundles.get((kind, agency))
        if bundle is None:
            bundle = self.bundles[(kind, agency)] = open_bundle(self.rng, kind, i)
        return bundle

    def _maybe_flush(self, key: tuple[str, str]) -> None:
        bundle = self.bundles[key]
        if len(bundle.stories) >= bundle.target:
            self._flush(key)

    def _flush(self, key: tuple[str, str]) -> None:
        bundle = self.bundles.pop(key)
        name, data, stubs = close_bundle(bundle, self.width)
        self.counts["feed_stubs"] += stubs
        self._write(name, data, bundle.kind)

    def _write(self, name: str, data: bytes, kind: str) -> None:
        if self.file_no % FILES_PER_DIR == 0:
            self.folder = os.path.join(self.root, f"{self.file_no // FILES_PER_DIR:0{self.dwidth}d}")
            os.makedirs(self.folder, exist_ok=True)
            self.folder += os.sep
        _write_file(self.folder + name, data)
        self.file_no += 1
        self.counts["bytes"] += len(data)
        self.file_counts[kind] = self.file_counts.get(kind, 0) + 1

    def _summary(self) -> dict:
        c = self.counts
        return {
            "files": self.file_no,
            "bytes": c["bytes"],
            "stories": c["stories"],
            "duplicates": c["duplicates"],
            "rejects_expected": c["rejects_expected"],
            "story_keys": c["stories"] - c["writethrus"],
            "writethrus": c["writethrus"],
            "undated": c["undated"],
            "encodings": dict(sorted(self.encodings.items())),
            "formats": dict(sorted(self.fmt_counts.items())),
            "files_per_format": dict(sorted(self.file_counts.items())),
            "duplicate_files": c["duplicate_files"],
            "duplicate_stories": c["duplicate_stories"],
            "feed_stubs": c["feed_stubs"],
        }
