"""Wire-format readers, one module (or class) per format, tried in this order.

Every reader has `NAME`, `sniff(head: bytes) -> bool` (looks at the first bytes only; the
file name is never consulted) and `read(raw: RawFile) -> Iterator[Story | RawFile | Reject]`:

- a Story for each story it finds;
- a RawFile for each file it holds (archives, WARC records): the pipeline sniffs it again;
- a Reject for one bad story or member inside an otherwise good file (the rest go on).
Raising Reject refuses the whole file. Adding a format is one module and one line below.
"""

from __future__ import annotations

from types import ModuleType

from tasks.formats import anpa, feeds, html, iptc7901, newsml12, newsml_g2, ninjs, nitf, page_text, warc
from tasks.formats.archives import Gzip, Tar, Zip
from tasks.records import RawFile, Reject

# Most specific first: magic bytes (warc, containers, anpa, iptc7901), then JSON keys
# (ninjs), XML roots (nitf, newsml_g2, newsml12, feeds), HTML; page_text accepts any text,
# so it stays last. warc sits before Gzip: it streams a .warc.gz record by record itself
# instead of unpacking the whole archive (see tasks/formats/warc.py).
READERS: tuple[ModuleType | type, ...] = (
    warc, Gzip, Zip, Tar, anpa, iptc7901, ninjs, nitf, newsml_g2, newsml12, feeds, html, page_text
)

SNIFF_BYTES = 4096


def reader_for(raw: RawFile) -> ModuleType | type:
    """The reader whose sniff accepts this file's first bytes (content decides, not the name)."""
    head = raw.data[:SNIFF_BYTES]
    if not raw.data.strip():
        raise Reject("read", "empty file", f"{len(raw.data)} bytes, none of them content")
    for reader in READERS:
        if reader.sniff(head):
            return reader
    raise Reject("sniff", "unknown format", f"no reader accepts a file starting {head[:24]!r}")
