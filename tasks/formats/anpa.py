"""ANPA-1312, the classic AP / Reuters teletype wire (../shared/FORMATS.md, "ANPA-1312").

A capture file is a run of takes, one story each:

    SYN SYN SOH  "r0157" US "APW" CR LF              priority letter + sequence, selector
    "r s" DC3 DC1 "BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500"   slug, version, MM-DD, words
    STX
    "^Heat rally past Hawks<"                         "^" lines: headline, "Eds:" notes, byline
    TAB "ATLANTA (AP) _ Luol Deng scored ...<"        body: a TAB (or indent) opens a paragraph
    ETX "AP-WF-02-20-16 0337GMT<" FF EOT              trailer: MM-DD-YY HHMM GMT

Reuters' 1987 wire has the same shape ("u f BC-BAHIA-COCOA-REVIEW 02-26 0105", a plain
headline line, indented paragraphs, body ending "REUTER"). Teletype conventions undone:
"_" is the dash, `` and '' are quotes, "<" and "=" end lines. Charsets are legacy
single-byte (cp1252 / Latin-1). A bad take is yielded as a Reject; the others go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timezone

from tasks.clean import normalise_text
from tasks.formats._wire_marks import apply_marks
from tasks.parse import AGENCY_NAME, date_near
from tasks.records import RawFile, Reject, Story

NAME = "anpa"

TAKE_START = b"\x16\x16\x01"  # SYN SYN SOH
STX, ETX = "\x02", "\x03"
# Priority letter -> urgency (1 = most urgent, as NITF / IPTC): flash, bulletin, urgent,
# routine ("r"), deferred, weekday advance; anything else is routine.
URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "d": 6, "a": 7}
_ROUTINE = 5

# C0 controls other than TAB / LF / CR: take framing, never text.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SLUG_LINE = re.compile(
    r"(?:^|\s)(?:(?P<priority>[a-z])\s+(?P<category>[a-z])\s+)?"
    r"(?P<slug>BC-\S+)(?P<modifiers>.*?)(?:\s+(?P<month>\d\d)-(?P<day>\d\d))?(?:\s+(?P<words>\d{3,4})|(?<=\d\d-\d\d))\s*$",
    re.M,
)
_HEADER = re.compile(r"^\s*(?P<priority>[a-z])(?P<sequence>\d{3,5})\b")
_NTH_LEAD = re.compile(r"(?<!\d)(?P<nth>\d{1,3})(?:st|nd|rd|th)\s*Ld", re.I)
_WRITETHRU = re.compile(r"Write-?thru|\bLd\b", re.I)
_TRAILER = re.compile(
    r"(?P<agency>[A-Z]{2,})-[A-Z]{2}-(?P<month>\d\d)-(?P<day>\d\d)-(?P<year>\d\d)\s+"
    r"(?P<hour>\d\d)(?P<minute>\d\d)\s*GMT"
)
# The keyword line repeated after STX ("BC-US--Giant Lobster Death, 1st Ld-Writethru,127"):
# desk information, never the headline.
_KEYWORD_LINE = re.compile(r"^\^?BC-\S")
# A capture whose SYN SYN was lost: SOH, then the priority letter and sequence number.
_SOH_TAKE = re.compile(rb"^\s*\x01[a-zA-Z]\d{3,5}")
_EDS = re.compile(r"^(?:Eds|Editors?|Ed)\s*:", re.I)
_BYLINE = re.compile(r"^By\s+(?P<name>.+)$", re.I)
_REUTER_END = re.compile(r"\s*\bREUTER\b\s*$")
_TELETYPE_DASH = re.compile(r"(?:(?<=\s)|^)_(?=\s|$)")
# Header and trailer fields sit in the first characters: patterns only ever see this many,
# so a take with a megabyte-long header line costs no quadratic regex backtracking.
_MAX_FIELD_CHARS = 1000


def sniff(head: bytes) -> bool:
    """SYN SYN SOH opens a take; junk or white space may come first in a capture. A capture
    that lost its SYN SYN still opens with SOH, a priority letter and sequence, and has an
    AP/Reuters keyword line ("BC-...")."""
    return TAKE_START in head or bool(_SOH_TAKE.match(head) and b"BC-" in head[:600] and b"\x02" in head)


def read(raw: RawFile) -> Iterator[Story | Reject]:
    if TAKE_START in raw.data:
        takes = raw.data.split(TAKE_START)[1:]
    else:  # SOH alone frames the takes
        takes = [take for take in raw.data.split(b"\x01")[1:] if take.strip()]
    if not takes:
        raise Reject("parse", "no anpa takes", "no SYN SYN SOH in the file")
    anchor = raw.modified_at.astimezone(timezone.utc).date() if raw.modified_at else None
    for number, take in enumerate(takes, 1):
        try:
            yield parse_take(decode_take(take), anchor)
        except Reject as reject:
            reject.detail = f"take {number}: {reject.detail}"
            yield reject


def decode_take(data: bytes) -> str:
    """Bytes of one take -> str, framing controls kept (they split the take into parts).

    US wires are ASCII or cp1252: UTF-8 if the bytes are valid UTF-8, else cp1252, else
    Latin-1 (cp1252 leaves five bytes undefined). No statistical guess: takes are short,
    and a guesser reads a name like "Núñez" as Baltic or Central European text.
    """
    if not data.translate(None, _CONTROL_BYTES).strip():
        raise Reject("parse", "empty anpa take", f"{len(data)} bytes, no text")
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # every byte is a Latin-1 character


def parse_take(take: str, anchor: date | None = None) -> Story:
    """One decoded take -> Story. `anchor` (the file's date) gives the year when no trailer does."""
    header, stx, rest = take.partition(STX)
    if not stx:
        raise Reject("parse", "bad anpa take", "no STX: the take has no text part")
    text, etx, trailer = rest.partition(ETX)
    if not etx:
        raise Reject("parse", "bad anpa take", "no ETX: the take is cut off")
    header = _CONTROLS.sub(" ", header[:_MAX_FIELD_CHARS])
    slug_line = _SLUG_LINE.search(header)
    lines = [_CONTROLS.sub("", line) for line in re.split(r"\r\n|\r|\n", text)]
    if slug_line is None:  # Reuters puts the slug line after STX
        slug_line = next(filter(None, (_SLUG_LINE.search(l[:_MAX_FIELD_CHARS]) for l in lines[:3])), None)
        lines = [l for l in lines if not (slug_line and slug_line.group(0).strip() in l)]
    if slug_line is None:
        raise Reject("parse", "bad anpa take", f"no slug line in header {header.strip()[:60]!r}")

    headline, byline, paragraphs = _text_parts(lines)
    agency = None
    if paragraphs and _REUTER_END.search(paragraphs[-1]):
        paragraphs[-1] = _REUTER_END.sub("", paragraphs[-1])
        paragraphs = [p for p in paragraphs if p]
        agency = "Reuters"
    if not headline:
        raise Reject("parse", "no headline", f"slug {slug_line['slug']}")
    if not paragraphs:
        raise Reject("parse", "no body", f"slug {slug_line['slug']}")

    priority = slug_line["priority"] or (m["priority"] if (m := _HEADER.match(header)) else None)
    modifiers = slug_line["modifiers"]
    story = Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=agency,
        byline=byline,
        slug=slug_line["slug"],
        urgency=URGENCY.get(priority or "", _ROUTINE),
        kind="writethru" if _WRITETHRU.search(modifiers) else None,
        version=_version(modifiers),
    )
    _date_story(story, _CONTROLS.sub(" ", trailer[:_MAX_FIELD_CHARS]), slug_line, anchor)
    story.story_id = _story_id(story, slug_line)
    apply_marks(story)
    return story


def _text_parts(lines: list[str]) -> tuple[str, str | None, list[str]]:
    """(headline, byline, paragraphs) from the lines between STX and ETX."""
    headline, byline, paragraphs, after_byline = "", None, [], False
    for line in lines:
        if not line.strip() or not headline and _KEYWORD_LINE.match(line.strip()):
            continue
        starts_paragraph = line.startswith("\t") or line.startswith("  ")
        line = line.rstrip().rstrip("<=").strip()  # "<" and "=" end teletype lines
        if line.startswith("^") and not paragraphs:  # header lines: headline, notes, byline
            line = line.lstrip("^").strip()
            if _EDS.match(line) or not line:
                continue
            if match := _BYLINE.match(line):
                byline, after_byline = _teletype(match["name"]).strip("^ "), True
            elif not headline:
                headline = _teletype(line)
            elif after_byline:  # the writer's title ("AP Sports Writer")
                after_byline = False
            continue
        line = _teletype(line.lstrip("^"))
        if not headline and not starts_paragraph:  # Reuters: a plain headline line
            headline = line
        elif starts_paragraph or not paragraphs:
            paragraphs.append(line)
        else:  # a wrapped line continues its paragraph
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
    return headline, byline, [" ".join(p.split()) for p in paragraphs]


def _teletype(text: str) -> str:
    """Teletype typography -> text: '_' dash, `` and '' quotes, then normal clean-up."""
    text = _TELETYPE_DASH.sub("—", text).replace("``", "“").replace("''", "”")
    return " ".join(normalise_text(text).split())


def _version(modifiers: str) -> int:
    """'1stLd-Writethru' -> 2 (the nth lead is version n + 1); a bare 'Writethru' -> 2."""
    if match := _NTH_LEAD.search(modifiers):
        return int(match["nth"]) + 1
    return 2 if _WRITETHRU.search(modifiers) else 1


def _story_id(story: Story, slug_line: re.Match) -> str:
    """Agency + slug + day: every lead and writethru of one story shares it (AP-BC-Ferry-Strike-2019-03-14)."""
    day = story.published_at.date() if story.published_at else story.published_on
    when = day.isoformat() if day else slug_line["month"] and f"{slug_line['month']}-{slug_line['day']}"
    return "-".join(filter(None, (story.agency, slug_line["slug"], when)))


def _date_story(story: Story, trailer: str, slug_line: re.Match, anchor: date | None) -> None:
    """Trailer 'AP-WF-02-20-16 0337GMT' -> published_at; else slug MM-DD near the file's date."""
    if match := _TRAILER.search(trailer):
        year = int(match["year"])
        year += 2000 if year < 70 else 1900
        try:
            story.published_at = datetime(
                year, int(match["month"]), int(match["day"]),
                int(match["hour"]), int(match["minute"]), tzinfo=timezone.utc,
            )
            story.date_source = "metadata"
        except ValueError:
            pass
        if AGENCY_NAME.fullmatch(match["agency"]):  # a desk code ("XIN") is no agency name
            story.agency = story.agency or match["agency"]
        if story.published_at:
            return
    if not (anchor and slug_line["month"]):
        return
    if day := date_near(int(slug_line["month"]), int(slug_line["day"]), anchor):
        story.published_on, story.date_source = day, "file"
