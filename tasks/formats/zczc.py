"""ZCZC takes: the telex framing AAP (and other agencies' older systems) deliver copy in.

A take opens with "ZCZC" (the sender on the same line) and ends with "NNNN"; between them,
header lines each opened by a one-character field mark, then the text:

    ZCZC AAP                        start of take, sender
    %A                              priority / category
    #Legal: Court_BC6               keyword (the slug)
    $GPS device to come off teen    headline
    :(MELBOURNE)                    dateline place in brackets (or a time, "1200": no place)
    &AAPIS\\Jones                    desk \\ author
    *02000000  ~AM Service  @Vic    codes, service, region
    A former terror suspect ...     body: blank lines or an indent open a paragraph
    AAP RTV                         sign-off (tasks.formats._wire_marks takes it off)
    NNNN                            end of take

Many takes may follow each other in one file; a bad take is yielded as a Reject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tasks.clean import decode_text
from tasks.formats._wire_marks import apply_marks, split_marks
from tasks.records import RawFile, Reject, Story

NAME = "zczc"

_START = re.compile(r"^[ \t]*ZCZC\b[ \t]*(?P<sender>[^\n]*)$", re.M)
_END = re.compile(r"^[ \t]*NNNN[ \t]*$", re.M)
_FIELD = re.compile(r"^(?P<mark>[%#$:&*~@])(?P<value>\S.*)$")
_BRACKETED_PLACE = re.compile(r"^\((?P<place>[^()\d]{2,40})\)$")


def sniff(head: bytes) -> bool:
    """'ZCZC' opens the file (after white space), and a field-marked header line follows."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"ZCZC") and bool(re.search(rb"\n[%#$@]\S", text[:400]))


def read(raw: RawFile) -> Iterator[Story | Reject]:
    text = decode_text(raw.data)
    starts = list(_START.finditer(text))
    if not starts:
        raise Reject("parse", "no zczc takes", "no line starting ZCZC")
    for number, start in enumerate(starts, 1):
        stop = starts[number].start() if number < len(starts) else len(text)
        try:
            yield parse_take(start["sender"].strip(), text[start.end():stop])
        except Reject as reject:
            reject.detail = f"take {number}: {reject.detail}"
            yield reject


def parse_take(sender: str, take: str) -> Story:
    """The text after one 'ZCZC <sender>' line (up to NNNN) -> Story."""
    end = _END.search(take)
    lines = (take[: end.start()] if end else take).split("\n")
    fields: dict[str, str] = {}
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        match = _FIELD.match(line)
        if not line:  # blank lines may sit between header fields
            index += 1
            continue
        if not match:
            break
        fields.setdefault(match["mark"], match["value"].strip())
        index += 1
    headline = fields.get("$", "")
    if not headline:
        raise Reject("parse", "no headline", f"no '$' headline line after ZCZC {sender}")
    paragraphs = split_marks(_paragraphs(lines[index:])).paragraphs  # a sign-off alone is no body
    if not paragraphs:
        raise Reject("parse", "no body", headline[:60])
    place = _BRACKETED_PLACE.match(fields.get(":", ""))
    story = Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=sender.split()[0] if sender else None,
        slug=fields.get("#"),
        dateline=place["place"].strip() if place else None,
    )
    apply_marks(story)
    return story


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines or an indent open a paragraph; other lines continue the one before."""
    paragraphs: list[str] = []
    new_paragraph = True
    for raw_line in lines:
        line = " ".join(raw_line.split())
        if not line:
            new_paragraph = True
            continue
        if new_paragraph or raw_line[:1] in " \t":
            paragraphs.append(line)
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        new_paragraph = False
    return paragraphs
