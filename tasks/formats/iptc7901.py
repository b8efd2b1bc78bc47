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
from tasks.agencies import canonical_agency
from tasks.formats._wire_marks import apply_marks
from tasks.parse import MONTHS, date_near, split_dateline, strip_end_mark
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
    r"(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d)\s*(?:(?:GMT|UTC|Z)\s+)?(?P<month>[^\W\d_]{3,})\.?(?:\s+(?P<year>\d\d))?"
)
# A trailer alone on the last line of a delivery without control bytes (dpa text files).
_TRAILER_LINE = re.compile(r"^\s*\d{6}\s*(?:(?:GMT|UTC|Z)\s+)?[^\W\d_]{3,}\.?(?:\s+\d\d)?\s*$")
# German and other month abbreviations the wire uses in trailers, beyond tasks.parse.MONTHS.
_TRAILER_MONTHS = {"mrz": 3, "mär": 3, "maerz": 3, "okt": 10, "dez": 12, "gen": 1, "mag": 5, "giu": 6,
                   "lug": 7, "ago": 8, "set": 9, "ott": 10, "dic": 12, "ene": 1, "abr": 4, "dic.": 12}
# Delivered as plain text, without SOH/STX/ETX: the header line opens the file.
_PLAIN_HEADER = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*[A-Za-z]{1,6}\d{1,5}\s+[1-6]\s+[A-Za-z]{1,3}\s+\d{1,5}\s+[A-Za-z][\w-]*(?:\s+\d+)?[ \t]*\r?\n"
)
_KEYWORDS = re.compile(r"^/?(?:[^/\s][^/]*/)+[^/]*$")  # "/politics/Britain/EU/", "Verkehr/Bahn/"
# Lines of the title block that are not titles: "(Eil)", "(Foto ...)", "2ND LEAD", "EXTRA".
_DESK_LINE = re.compile(r"^[^a-zà-ÿ]{2,40}$")
_DPA_LEAD_PARAGRAPHS = 3  # a teaser before the dateline paragraph spans at most this many


def sniff(head: bytes) -> bool:
    """SOH + a header line (sequence, priority digit, category, words, agency) + STX; no SYN SYN.
    Or, without any control bytes, that header line as the file's first line."""
    if b"\x16\x16" in head:
        return False
    plain = not any(mark in head for mark in (b"\x01", b"\x02", b"\x03"))
    return bool(_SNIFF.search(head)) or (plain and bool(_PLAIN_HEADER.match(head)))


def read(raw: RawFile) -> Iterator[Story | Reject]:
    text = decode_stream(raw.data)
    if SOH not in text and _PLAIN_HEADER.match(raw.data):
        text = _framed(text)
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


def _framed(text: str) -> str:
    """A plain-text delivery given its control bytes back: SOH header, keywords, STX text, ETX trailer."""
    lines = text.lstrip("\ufeff").splitlines()
    header, rest = lines[0], lines[1:]
    keywords = []
    while rest and not rest[0].strip():
        rest.pop(0)
    if rest and _KEYWORDS.match(rest[0].strip()):
        keywords.append(rest.pop(0))
    trailer = ""
    for index in range(len(rest) - 1, max(-1, len(rest) - 6), -1):
        if _TRAILER_LINE.match(rest[index]):
            trailer = rest[index]
            rest = rest[:index]
            break
    return SOH + "\n".join([header, *keywords]) + "\n" + STX + "\n".join(rest) + ETX + trailer


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

    headline, subheadline, paragraphs, byline = _text_parts(_CONTROLS.sub("", text).splitlines(), match["agency"])
    if not headline:
        raise Reject("parse", "no headline", header_lines[0])
    if not paragraphs:
        raise Reject("parse", "no body", headline[:60])
    story = Story(
        headline=headline,
        subheadline=subheadline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=canonical_agency(match["agency"]),
        byline=byline,
        slug=header_lines[1] if len(header_lines) > 1 else None,
        urgency=int(match["priority"]),
    )
    _date_story(story, _CONTROLS.sub(" ", trailer.split(EOT)[0]), anchor)
    apply_marks(story)
    _lead_and_dateline(story)
    return story


def _text_parts(lines: list[str], agency: str) -> tuple[str, str | None, list[str], str | None]:
    """(headline, subheadline, paragraphs, byline): the title block ends at its " =" line,
    notes and signature end the text."""
    raw_lines = lines
    lines = [" ".join(normalise_text(line).split()) if line.strip() else "" for line in lines]
    titles, byline, start = _title_block(lines)
    paragraphs: list[str] = []
    new_paragraph = True
    for raw_line, line in zip(raw_lines[start:], lines[start:]):
        if not line:
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
    return (titles[0] if titles else ""), (titles[1] if len(titles) > 1 else None), paragraphs, byline


_MAX_TITLE_LINES = 12


def _title_block(lines: list[str]) -> tuple[list[str], str | None, int]:
    """(titles, byline, index of the first text line) from the lines up to the one ending " =".

    Parenthesised advisories ("(Eil)", "(Berichtigung: ...)" over several lines, "(Foto ...)"),
    desk lines in capitals ("2ND LEAD", "EXTRA") and the byline ("Von ..., dpa") are no titles.
    """
    end = next(
        (i for i, line in enumerate(lines[:_MAX_TITLE_LINES]) if _HEADLINE_END.search(f"{line} ") and line.endswith("=")),
        None,
    )
    if end is None:
        return [], None, 0
    following = end + 1
    while following < len(lines) and lines[following]:  # a second " =" line: the subheadline
        if lines[following].endswith("="):
            end = following
        following += 1
    groups: list[str] = []
    depth = 0
    for line in lines[: end + 1]:
        line = _HEADLINE_END.sub("", line).rstrip("= ").strip()
        if not line:
            continue
        if depth > 0:
            groups[-1] = f"{groups[-1]} {line}"
        else:
            groups.append(line)
        depth = max(0, depth + line.count("(") - line.count(")")) if groups[-1].startswith("(") else 0
    titles, byline = [], None
    for group in groups:
        if group.startswith("(") and group.endswith(")") or _DESK_LINE.match(group):
            continue
        if byline is None and (name := _byline_line(group)):
            byline = name
            continue
        titles.append(group)
    return titles, byline, end + 1


_BYLINE_LINE = re.compile(r"^(?:By|Von|Par|Por|Di|Av|Af)\s+(?P<name>[^\W\d_].{2,100})$")


def _byline_line(line: str) -> str | None:
    """'Von Max Muster und Eva Beispiel, dpa' -> 'Max Muster und Eva Beispiel' (agency credit off)."""
    match = _BYLINE_LINE.match(line)
    if not match or line.endswith("."):
        return None
    name, _, credit = match["name"].rpartition(",")
    return (name if name and len(credit.split()) <= 2 else match["name"]).strip()


def _lead_and_dateline(story: Story) -> None:
    """dpa puts a teaser before the dateline paragraph ("Peine (dpa/lni) - ..."): the teaser
    becomes the subheadline when there is none (else it goes), the dateline is split off."""
    for index, paragraph in enumerate(story.paragraphs[:_DPA_LEAD_PARAGRAPHS + 1]):
        found = split_dateline(paragraph)
        if not found:
            continue
        if index:
            teaser = " ".join(story.paragraphs[:index])
            story.subheadline = story.subheadline or teaser
        story.paragraphs = [found.rest, *story.paragraphs[index + 1:]]
        story.dateline = found.text
        story.agency = story.agency or found.agency
        return


def _is_signature(line: str, agency: str) -> bool:
    """The header's agency and 1-4 groups of editors' initials: 'Xinhua abc de'."""
    words = line.split()
    return 1 < len(words) <= 5 and words[0].lower() == agency.lower() and all(
        w.isalpha() and w.islower() and len(w) <= 4 for w in words[1:]
    )


def _date_story(story: Story, trailer: str, anchor: date | None) -> None:
    """'212101 GMT Nov 18' -> 2018-11-21 21:01 UTC; without a year, the one nearest the file's date."""
    match = _TRAILER.search(trailer)
    name = match["month"].lower() if match else ""
    month = MONTHS.get(name) or _TRAILER_MONTHS.get(name) or MONTHS.get(name[:3]) if match else None
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
