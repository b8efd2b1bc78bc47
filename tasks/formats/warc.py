"""WARC web archives (ISO 28500; ../shared/FORMATS.md "WARC"), plain or gzip'd.

A WARC is a run of records (warcinfo, request, response, metadata, revisit ...). Each
response record holds an HTTP response; its body is the page. CC-NEWS and most crawlers
write .warc.gz with one gzip member per record, so this reader sniffs the gzip'd form
itself (it sits before the Gzip container reader) and warcio streams it record by record:
only one record's bytes are unpacked at a time, never the whole archive.

Every response with HTTP status 200 and an HTML content type becomes a RawFile (uri
`archive#<urn:uuid:...>`, url = WARC-Target-URI, modified_at = WARC-Date) that the
pipeline sniffs again, so the html reader turns it into a story. Everything else is
skipped silently, on purpose: requests, metadata, warcinfo and revisits carry no page;
redirects, errors and non-HTML responses (images, scripts, PDFs) are the crawl's
furniture, and a reject row each would bury the real rejects. A truncated or corrupt
archive yields the pages it read, then one Reject for the rest; an archive with no page at
all (only warcinfo, say) is one Reject, "warc without pages".
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tasks.formats import html
from tasks.formats.archives import budgeted, charge, read_bounded
from tasks.settings import LIMITS
from tasks.records import RawFile, Reject

NAME = "warc"

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def sniff(head: bytes) -> bool:
    """'WARC/1.0' at the start, plain or inside the first gzip member."""
    if head.startswith(b"WARC/"):
        return True
    if head[:2] != b"\x1f\x8b":
        return False
    try:  # inflate just the first bytes of the first member
        return zlib.decompressobj(wbits=31).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


@budgeted
def read(raw: RawFile) -> Iterator[RawFile | Reject]:
    if raw.depth >= LIMITS.max_container_depth:
        raise Reject("unpack", "containers nested too deep", f"over {LIMITS.max_container_depth} levels")
    records = ArchiveIterator(io.BytesIO(raw.data), check_digests=False)
    seen = total = produced = 0  # produced: pages and page rejects yielded
    record = None
    try:
        for record in records:
            seen += 1
            if record.rec_headers.get_header("Content-Length") is None:
                if seen > 1:  # a cut-off archive ends in a half header
                    yield Reject("unpack", "truncated or corrupt warc", f"record {seen} has no Content-Length")
                    return
                raise Reject("unpack", "corrupt warc", f"record {seen} has no Content-Length")
            # Every record is inflated to be read or skipped: count them all, pages or not,
            # so a gzip bomb in a metadata or resource record stops here too.
            charge(raw, _content_length(record))
            if not _is_html_page(record):
                continue
            label = f"{raw.uri}#{_record_id(record, records)}"
            length = _content_length(record)
            if length > LIMITS.max_member_bytes:
                produced += 1
                yield Reject("unpack", "member over size limit", f"{label}: {length:,} bytes")
                continue
            try:
                body = read_bounded(record.content_stream(), LIMITS.max_member_bytes, label)
            except Reject as reject:
                produced += 1
                yield Reject(reject.stage, reject.reason, f"{label}: {reject.detail}")
                continue
            if _cut_short(record):  # never pass on half a page
                break
            total += len(body)
            if total > LIMITS.max_unpacked_bytes:
                raise Reject("unpack", "unpacked size over limit", f"warc pages over {LIMITS.max_unpacked_bytes:,} bytes")
            if body.strip() and (_content_type(record) or html.sniff(body[:4096])):
                url = record.rec_headers.get_header("WARC-Target-URI")
                produced += 1
                yield RawFile(label, body, _warc_date(record) or raw.modified_at, url, raw.depth + 1)
    # warcio fails on cut or garbled headers with assorted errors (AttributeError on a
    # missing header line, ValueError on a bad length ...): all mean the same here.
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, AttributeError, KeyError, IndexError) as exc:
        if seen <= 1:
            raise Reject("unpack", "corrupt warc", f"no WARC record could be read: {exc}"[:300]) from None
        yield Reject("unpack", "truncated or corrupt warc", f"after {seen - 1} records: {type(exc).__name__}: {exc}"[:300])
        return
    if seen == 0:
        raise Reject("unpack", "corrupt warc", "no WARC record could be read")
    # warcio ends quietly at end of data: a record cut short, or bytes it could not parse
    # as a record, mean the archive was truncated.
    if _cut_short(record) or records.offset < len(raw.data):
        yield Reject("unpack", "truncated warc", f"archive ends inside record {seen if _cut_short(record) else seen + 1}")
    elif not produced:  # whole, but not one page in it: say so rather than yield nothing
        raise Reject("unpack", "warc without pages", f"{seen} record(s), none an HTML page with HTTP status 200")


def _content_length(record) -> int:
    """The record's Content-Length; a negative or unreadable one is a corrupt record."""
    length = int((record.rec_headers.get_header("Content-Length") or "0").strip())
    if length < 0:
        raise ValueError(f"negative Content-Length {length}")
    return length


def _cut_short(record) -> bool:
    """The data ended before the record's Content-Length was read."""
    return record is not None and getattr(record.raw_stream, "limit", 0) > 0


def _is_html_page(record) -> bool:
    """A response record with HTTP 200 and an HTML (or no) Content-Type."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = _content_type(record)
    return not content_type or content_type.startswith(_HTML_TYPES)


def _content_type(record) -> str:
    return (record.http_headers.get_header("Content-Type") or "").strip().lower()


def _record_id(record, records: ArchiveIterator) -> str:
    """WARC-Record-ID without its angle brackets, else the record's offset in the archive."""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
    return record_id or f"offset={records.get_record_offset()}"


def _warc_date(record) -> datetime | None:
    """WARC-Date ('2024-06-11T22:50:03Z') as an aware UTC datetime."""
    value = (record.rec_headers.get_header("WARC-Date") or "").strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone(timezone.utc)
