"""IPTC 7901, the byte stream of dpa and other European agencies (../shared/FORMATS.md).

Many stories per file, each framed by control bytes:

    SOH "eca0124 3 i 93  dpa 1888"      service + sequence, priority 1-6, category, words, agency, number
    "Yemen/conflict/"                    keyword line (the slug)
    STX "US urges talks in Yemen ="      headline ends in " ="; a second "=" line is a subheadline
    "   Washington (dpa) - ..."          body; blank lines or an indent open a paragraph
    "# Notebook" / "The following information is not for publication"   notes: dropped
    "dpa grj rmo"                        editors' initials: dropped
    ETX "212101 GMT Nov 18"              day 21, 21:01 GMT, November, (20)18
    EOT

The trailer is a date-time group (DDHHMM GMT Mon YY); when it has no year the file's date
gives it. Charsets are legacy single-byte more often than not, so the file's codec is
detected, never assumed. A bad story is yielded as a Reject; the others go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timezone

from tasks.clean import detect_charset, normalise_text
from tasks.parse import MONTHS, date_near, strip_end_mark
from tasks.records import RawFile, Reject, Story

NAME = "iptc7901"

SOH, STX, ETX, EOT = "\x01", "\x02", "\x03", "\x04"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WESTERN = frozenset({"utf-8", "cp1252", "latin_1", "latin-1", "iso-8859-1", "iso8859_15", "utf-16-le", "utf-16-be"})
_FEW_HIGH_BYTES = 12
_HEADER = re.compile(
    r"^\s*(?P<service>[A-Za-z]{1,6})(?P<sequence>\d{1,5})\s+(?P<priority>[1-6])\s+"
    r"(?P<category>[A-Za-z]{1,3})\s+(?P<words>\d{1,5})\s+(?P<agency>[A-Za-z][\w-]*)"
    r"(?:\s+(?P<number>\d+))?"
)
_SNIFF = re.compile(
    rb"\x01\s*[A-Za-z]{1,6}\d{1,5}\s+[1-6]\s+[A-Za-z]{1,3}\s+\d{1,5}\s+[A-Za-z][\w-]*[^\x02]{0,400}\x02"
)
_HEADLINE_END = re.compile(r"\s+=\s*$")
# Notes for editors start a block that runs to the end of the text.
_NOTES = re.compile(
    r"^(?:#|The following information is not for publication|"
    r"Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt)",
    re.I,
)
_SIGNATURE = re.compile(r"^(?:dpa|afp|sid|epd|kna|apa|ots)(?:\s+[a-z]{2,4}){1,4}$", re.I)
_TRAILER = re.compile(
    r"(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d)\s*(?:GMT|UTC|Z)\s+(?P<month>[A-Za-z]{3,})\.?(?:\s+(?P<year>\d\d))?"
)


def sniff(head: bytes) -> bool:
    """SOH + a header line (sequence, priority digit, category, words, agency) + STX; no SYN SYN."""
    return b"\x16\x16" not in head and bool(_SNIFF.search(head))


def read(raw: RawFile) -> Iterator[Story | Reject]:
    text = decode_stream(raw.data)
    stories = [s for s in text.split(SOH)[1:] if s.strip()]
    if not stories:
        raise Reject("parse", "no 7901 stories", "no SOH in the file")
    anchor = raw.modified_at.astimezone(timezone.utc).date() if raw.modified_at else None
    for number, chunk in enumerate(stories, 1):
        try:
            yield parse_story(chunk, anchor)
        except Reject as reject:
            reject.detail = f"story {number}: {reject.detail}"
            yield reject


def decode_stream(data: bytes) -> str:
    """The file's codec is detected on its text bytes (framing removed), then all is decoded.

    A guess from a handful of accented letters is noise (an English story naming "Núñez"
    reads as Baltic): with that little evidence the Western default, cp1252, stands.
    """
    text_bytes = data.translate(None, _CONTROL_BYTES)
    codec = detect_charset(text_bytes)
    if codec not in _WESTERN and _high_bytes(text_bytes) <= max(_FEW_HIGH_BYTES, 0.005 * len(text_bytes)):
        codec = "cp1252"
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1")  # every byte is a Latin-1 character


def _high_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(128, 256))))


def parse_story(chunk: str, anchor: date | None = None) -> Story:
    """The text between one SOH and the next -> Story."""
    header, stx, rest = chunk.partition(STX)
    if not stx:
        raise Reject("parse", "bad 7901 story", "no STX: the story has no text part")
    text, etx, trailer = rest.partition(ETX)
    if not etx:
        raise Reject("parse", "bad 7901 story", "no ETX: the story is cut off")
    header_lines = [l.strip() for l in _CONTROLS.sub("", header).splitlines() if l.strip()]
    match = _HEADER.match(header_lines[0]) if header_lines else None
    if match is None:
        raise Reject("parse", "bad 7901 header", repr(header[:60]))

    headline, subheadline, paragraphs = _text_parts(_CONTROLS.sub("", text).splitlines(), match["agency"])
    if not headline:
        raise Reject("parse", "no headline", header_lines[0])
    if not paragraphs:
        raise Reject("parse", "no body", headline[:60])
    story = Story(
        headline=headline,
        subheadline=subheadline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=match["agency"],
        slug=header_lines[1] if len(header_lines) > 1 else None,
        urgency=int(match["priority"]),
    )
    _date_story(story, _CONTROLS.sub(" ", trailer.split(EOT)[0]), anchor)
    return story


def _text_parts(lines: list[str], agency: str) -> tuple[str, str | None, list[str]]:
    """(headline, subheadline, paragraphs): "=" lines head the text, notes and signature go."""
    titles: list[str] = []
    paragraphs: list[str] = []
    new_paragraph = True
    for raw_line in lines:
        line = " ".join(normalise_text(raw_line).split())
        if not line:
            new_paragraph = True
            continue
        if not paragraphs and _HEADLINE_END.search(line):
            titles.append(_HEADLINE_END.sub("", line))
            new_paragraph = True
            continue
        if not titles and not paragraphs:  # no " =" mark: the first line is the headline
            titles.append(line)
            continue
        if _NOTES.match(line) or _SIGNATURE.match(line) or _is_signature(line, agency):
            break
        if new_paragraph or raw_line[:1] in " \t" or not paragraphs:
            paragraphs.append(line)
        else:  # a wrapped line continues its paragraph
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        new_paragraph = False
    paragraphs, _ = strip_end_mark(paragraphs)
    return (titles[0] if titles else ""), (titles[1] if len(titles) > 1 else None), paragraphs


def _is_signature(line: str, agency: str) -> bool:
    """The header's agency and 1-4 groups of editors' initials: 'Xinhua abc de'."""
    words = line.split()
    return 1 < len(words) <= 5 and words[0].lower() == agency.lower() and all(
        w.isalpha() and w.islower() and len(w) <= 4 for w in words[1:]
    )


def _date_story(story: Story, trailer: str, anchor: date | None) -> None:
    """'212101 GMT Nov 18' -> 2018-11-21 21:01 UTC; without a year, the one nearest the file's date."""
    match = _TRAILER.search(trailer)
    month = MONTHS.get(match["month"].lower()) if match else None
    if not month:
        return
    day = int(match["day"])
    if match["year"]:
        try:
            when = date(2000 + int(match["year"]), month, day)
        except ValueError:
            return
    elif not anchor or not (when := date_near(month, day, anchor)):
        return
    try:
        story.published_at = datetime(
            when.year, month, day, int(match["hour"]), int(match["minute"]), tzinfo=timezone.utc
        )
    except ValueError:
        return
    story.date_source = "metadata"
