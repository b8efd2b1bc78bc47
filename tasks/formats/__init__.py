"""Wire-format readers, one module per format, tried in this order.

Every module has `NAME`, `sniff(head: bytes) -> bool` (looks at the first bytes only) and
`read(raw: RawFile) -> Iterator[Story]`. Adding a format is one module and one line below.
"""

from __future__ import annotations

from types import ModuleType

from tasks.formats import page_text
from tasks.records import RawFile, Reject

# Most specific first; page_text accepts any text, so it stays last.
READERS: tuple[ModuleType, ...] = (page_text,)

SNIFF_BYTES = 4096


def reader_for(raw: RawFile) -> ModuleType:
    """The reader whose sniff accepts this file's first bytes (content decides, not the name)."""
    head = raw.data[:SNIFF_BYTES]
    if not raw.data.strip():
        raise Reject("read", "empty file", f"{len(raw.data)} bytes, none of them content")
    for reader in READERS:
        if reader.sniff(head):
            return reader
    raise Reject("sniff", "unknown format", f"no reader accepts a file starting {head[:24]!r}")
