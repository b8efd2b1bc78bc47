"""Wire-format readers, one module (or class) per format, tried in the order of READERS.

A reader is anything with the three members of `Reader` below: a module (nitf, ninjs ...)
or a class of static methods (the archive containers). Modules whose names start with an
underscore are helpers, not readers: `_xml` (safe parsing, sniffing, lookups by local name)
and `_newsml` (NITF bodies, text, dates and agencies, shared by nitf, newsml_g2, newsml12).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from tasks.formats import anpa, feeds, html, iptc7901, newsml12, newsml_g2, ninjs, nitf, page_text, rbnews, warc, zczc
from tasks.formats.archives import Gzip, Tar, Zip
from tasks.records import RawFile, Reject, Story


class Reader(Protocol):
    """What the pipeline relies on (tasks.pipeline.process_file calls reader_for, then read).

    `NAME` is the format's name in rows and run counts (`source_format`, `formats`).
    `sniff(head)` looks at the first SNIFF_BYTES only; the file name is never consulted.
    `read(raw)` yields:

    - a Story for each story it finds;
    - a RawFile for each file it holds (archives, WARC records): the pipeline sniffs it again;
    - a Reject for one bad story or member inside an otherwise good file (the rest go on).
    Raising Reject refuses the whole file; any other exception is a bug (the fuzzer's finding).

    A new format is a module here plus its place in READERS, and it brings along:
    - its hostile cases in tests/hostile.py (test_hostile checks every reader has some);
    - a synth renderer in tasks/synth/ (`render_<format>`, in the synth format registry), so
      generated corpora and the round-trip tests of tests/test_synth.py cover it;
    - a reference reader in bench/reference.py, so the throughput benchmark compares like
      with like;
    - a test module tests/formats/test_<format>.py, with its fixtures under
      tests/fixtures/formats/<format>/;
    - a sample in data/raw/wire/ with its entry in tests/test_data_raw.py (WIRE), which also
      keeps tests/fixtures/data_raw_expected.json and the sample lake honest.
    """

    NAME: str

    def sniff(self, head: bytes) -> bool: ...

    def read(self, raw: RawFile) -> Iterator[Story | RawFile | Reject]: ...


# Most specific first: magic bytes (warc, containers, anpa, iptc7901, zczc), then JSON keys
# (ninjs), XML roots (nitf, newsml_g2, newsml12, rbnews, feeds), HTML; page_text accepts any text,
# so it stays last. warc sits before Gzip: it streams a .warc.gz record by record itself
# instead of unpacking the whole archive (see tasks/formats/warc.py).
READERS: tuple[Reader, ...] = (
    warc, Gzip, Zip, Tar, anpa, iptc7901, zczc, ninjs, nitf, newsml_g2, newsml12, rbnews, feeds, html, page_text
)

SNIFF_BYTES = 4096


def reader_for(raw: RawFile) -> Reader:
    """The reader whose sniff accepts this file's first bytes (content decides, not the name)."""
    head = raw.data[:SNIFF_BYTES]
    if not raw.data.strip():
        raise Reject("read", "empty file", f"{len(raw.data)} bytes, none of them content")
    for reader in READERS:
        if reader.sniff(head):
            return reader
    raise Reject("sniff", "unknown format", f"no reader accepts a file starting {head[:24]!r}")
