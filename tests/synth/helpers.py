"""Readers of what synth writes, shared by the tests of tests/synth/: the scraped-page layout
parsed strictly, and each format's documents counted by their own syntax."""

from __future__ import annotations

import gzip
import io
import json
import re
import tarfile
import zipfile
from pathlib import Path

from lxml import etree
from warcio.archiveiterator import ArchiveIterator

from tasks.synth.render.page_text import TICKER_SEP

AGENCIES = ("Xinhua", "AP", "Reuters", "AFP", "dpa")
SLUG = re.compile(r"^(Urgent|Roundup|Interview|Commentary|Feature|Spotlight|1st LD Writethru|2nd LD Writethru|2nd LD): ")
SOURCE = re.compile(r"^(Xinhua|AP|Reuters|AFP|dpa)(?:, (.+))? Adjust font size:$")
DATELINE = re.compile(
    r"^(?P<city>[A-Z][^,(]*?)(?:, [A-Z][a-z.]+)?"  # city (AP: ", Calif.")
    r"(?:, [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})?)?"  # Xinhua / AFP date
    r" \((?P<agency>Xinhua|AP|Reuters|AFP|dpa)\) (?:--|-|\u2014) "
)
END_MARKERS = ("ENDS", "(END)", "###", "-- 30 --")
DATE_FORMS = (
    re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$"),
    re.compile(r"^(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, \d{4}$"),
    re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$"),
    re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d GMT$"),
)
PAGE_TEXT = ("page_text",)  # the scraped-page tests look at that format alone
NAME = re.compile(r"^(xinhua|ap|reuters|afp|dpa)-(?:(\d{4})-(\d\d)-(\d\d)-)?(\d{6,})\.txt$")


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def file_index(relpath: str) -> int:
    return int(NAME.match(relpath.rsplit("/", 1)[-1]).group(5))


def is_bad(data: bytes) -> bool:
    return not data or b"\x00" in data


def decode(data: bytes) -> str:
    """The page as text, whatever of the generated charsets it is in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def parse_page(text: str) -> dict:
    """Parse the scraped-page layout strictly; any deviation fails an assertion."""
    lines = text.split("\n")
    page: dict = {"ticker": None, "nav": None}
    i = 0
    if lines[0] == "Off the wire":
        ticker = lines[1]
        assert ticker.endswith("\u00a0\u00a0"), repr(ticker[-6:])
        sep = TICKER_SEP if "\u2022" in ticker else "\u00a0\u00a0\u00b7 "  # latin-1 pages lack the bullet
        page["ticker"] = ticker[:-2].split(sep)
        i = 2
    if lines[i].startswith("You are here:"):
        assert lines[i] in ("You are here:   Home",) or lines[i].startswith("You are here:   Home > "), lines[i]
        page["nav"] = lines[i]
        i += 1
    if i:
        assert lines[i] == "", f"no blank line before the headline: {lines[i]!r}"
        i += 1
    page["headline"] = lines[i]
    assert page["headline"].strip() and lines[i + 1] == "", "headline must be one line followed by a blank line"
    m = SOURCE.match(lines[i + 2])
    assert m, f"bad source line: {lines[i + 2]!r}"
    page["agency"], page["date"] = m.group(1), m.group(2)
    assert lines[i + 3] == "", "blank line after the source line"
    body = "\n".join(lines[i + 4:])
    if body.endswith(" Endit") or body.endswith(" Endit\n"):
        page["end"] = "Endit"
        body = body.rsplit(" Endit", 1)[0]
    else:
        assert body.endswith("\n"), "end marker line must end with a newline"
        body, newline, marker = body[:-1].rpartition("\n")
        assert newline and marker in END_MARKERS, f"end marker not on its own line: {marker[-40:]!r}"
        page["end"] = marker
        body = body.removesuffix("\n")  # the marker may follow a blank line or not
    page["paragraphs"] = body.split("\n\n")
    assert all(p.strip() and "\n" not in p for p in page["paragraphs"]), "paragraphs are separated by one blank line"
    return page


_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
ISO_OR_MONTH = re.compile(r"\d{4}-\d\d-\d\d|\d{8}T\d{4}|\b(?:January|February|March|April|June|July|August|September"
                          rf"|October|November|December)\b|\b{_ABBR}\.? \d|\d {_ABBR}\b")


def unpack(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """(name, bytes) of the documents in a file: archives and gzip opened, others as they are."""
    if name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return [(m, archive.read(m)) for m in archive.namelist()]
    if name.endswith(".tar.gz"):
        archive = tarfile.open(fileobj=io.BytesIO(data))
        return [(m.name, archive.extractfile(m).read()) for m in archive.getmembers()]
    if name.endswith(".gz") and not name.endswith(".warc.gz"):
        return [(name[:-3], gzip.decompress(data))]
    return [(name, data)]


def stories_in(name: str, data: bytes) -> int:
    """How many stories one document holds, read by its own syntax (fails on a broken file)."""
    if name.endswith(".warc.gz"):
        records = [(r.rec_type, r.content_stream().read()) for r in ArchiveIterator(io.BytesIO(data))]
        assert records[0][0] == "warcinfo" and {t for t, _ in records} == {"warcinfo", "request", "response", "metadata"}
        pages = [body for t, body in records if t == "response"]
        assert all(b"<h1" in page for page in pages)
        return len(pages)
    if name.endswith(".json"):
        item = json.loads(data)
        item = item["data"]["item"] if "data" in item else item
        assert item["type"] == "text" and ("headline" in item or item["headlines"][0]["value"])
        return 1
    if name.endswith(".anpa"):
        assert data.count(b"\x16\x16\x01") == data.count(b"\x03") == data.count(b"\x04") > 0
        data.decode("cp1252")
        return data.count(b"\x16\x16\x01")
    if name.endswith(".7901"):
        assert data.count(b"\x01") == data.count(b"\x02") == data.count(b"\x04") > 0
        return data.count(b"\x01")
    if name.endswith(".html"):
        etree.fromstring(data, etree.HTMLParser())
        assert b"<article" in data and b"<nav" in data
        return 1
    if name.endswith((".xml", ".rss", ".atom")):
        root = etree.fromstring(data)
        tag = etree.QName(root).localname
        if tag in ("newsMessage", "newsItem"):
            return len(root.findall(".//{*}newsItem")) or 1
        if tag in ("rss", "feed", "urlset"):
            return len(root.findall(".//item") + root.findall(".//{*}entry") + root.findall(".//{*}url"))
        assert tag in ("nitf", "NewsML"), tag
        return 1
    assert name.endswith(".txt")
    parse_page(decode(data))
    return 1


_ROOTS = {"nitf": "nitf", "newsMessage": "newsml_g2", "newsItem": "newsml_g2", "NewsML": "newsml12",
          "rss": "feeds", "feed": "feeds", "urlset": "feeds"}
_SUFFIXES = {".txt": "page_text", ".html": "html", ".json": "ninjs", ".anpa": "anpa", ".7901": "iptc7901",
             ".warc.gz": "warc"}


def format_of(name: str, data: bytes) -> str:
    """The wire format of one (unpacked) document: by suffix, XML by its root element."""
    for suffix, fmt in _SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return _ROOTS[etree.QName(etree.fromstring(data)).localname]
