"""Scraped page text: a news page saved as plain text (../shared/FORMATS.md, first section).

Top to bottom: an optional site ticker ("Off the wire" + other headlines joined by bullets),
navigation ("You are here: Home"), the headline, a source line (agency, date, page widgets
such as "Adjust font size:"), then blank-line separated paragraphs ending in the agency's
end mark. Pages differ in which of these they keep, so each part is found by what it looks
like, never by its line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tasks.clean import decode_text, detect_charset
from tasks.parse import AGENCY_NAME, find_date, split_dateline, strip_end_mark
from tasks.records import RawFile, Reject, Story

NAME = "page_text"

_TICKER_TITLE = re.compile(r"^(?:off the wire|latest news|breaking news|top stories|news ticker)\b:?\s*", re.I)
_TICKER_SEPARATOR = re.compile(r"\s*[•·|]\s+|\s+[•·|]\s*")
_NAVIGATION = re.compile(r"^(?:you are here\b|home\s*(?:>|»|/|\||$)|skip to (?:main )?content\b)", re.I)
_WIDGETS = re.compile(
    r"\s*(?:adjust font size:?|font size:?\s*[-+a]*|print\b|e-?mail\b|share\b|comments?\b)\s*$", re.I
)
_SOURCE_HINT = re.compile(r"\b(?:adjust font size|source:|updated:|published:|posted:)", re.I)
_BYLINE = re.compile(r"^by\s+(?P<name>[^\W\d_][^|,\n]{2,60}?)(?:\s*[|,]\s*|\s*$)", re.I)
_MAX_HEADLINE_CHARS = 300
_HEADER_LINES = 12  # the source line sits within the first lines below the ticker


def sniff(head: bytes) -> bool:
    """Any text that decodes: this reader is the fallback after all structured formats."""
    try:
        detect_charset(head)
    except Reject:
        return False
    return bool(head.strip())


def read(raw: RawFile) -> Iterator[Story]:
    text = decode_text(raw.data)
    yield parse_page_text(text)


def parse_page_text(text: str) -> Story:
    """One cleaned page text -> one Story (headline, paragraphs, ticker, source line fields)."""
    blocks = _blocks(text)
    related, blocks = _take_ticker(blocks)
    blocks = [b for b in blocks if not _NAVIGATION.match(b)]
    if not blocks:
        raise Reject("parse", "no headline", "nothing left after ticker and navigation")

    source_at = _find_source_line(blocks)
    if source_at is None:  # no source line: headline first, body after
        headline, source, body = blocks[0], "", blocks[1:]
    elif source_at == 0:  # source line above the headline
        headline, source, body = (blocks[1] if len(blocks) > 1 else ""), blocks[0], blocks[2:]
    else:
        headline, source, body = blocks[source_at - 1], blocks[source_at], blocks[source_at + 1 :]

    headline = " ".join(headline.split())
    if not headline or len(headline) > _MAX_HEADLINE_CHARS:
        raise Reject("parse", "no headline", f"first line is {len(headline)} characters long")

    byline, body = _take_byline(source, body)
    paragraphs, _ = strip_end_mark([" ".join(b.split()) for b in body])
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise Reject("parse", "no body", f"headline {headline[:60]!r} has no paragraphs under it")

    if not source and not split_dateline(paragraphs[0]):
        raise Reject("parse", "not a news page", "no source line under the headline and no dateline")

    story = Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        byline=byline,
        related_headlines=related,
    )
    if source:
        agency = AGENCY_NAME.search(source)
        story.agency = agency.group(0) if agency else None
        if found := find_date(source):
            story.published_on, story.published_at = found.day, found.moment
            story.date_source = "content"
    return story


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks; lines inside a block are soft wraps, except in the header."""
    blocks = []
    for chunk in text.split("\n\n"):
        lines = [line for line in chunk.split("\n") if line]
        # A header block may stack ticker / navigation / headline lines without blank lines.
        if len(lines) > 1 and any(_TICKER_TITLE.match(l) or _NAVIGATION.match(l) for l in lines):
            blocks.extend(lines)
        elif lines:
            blocks.append("\n".join(lines))
    return blocks


def _take_ticker(blocks: list[str]) -> tuple[list[str], list[str]]:
    """'Off the wire' + one line of bullet-joined headlines -> (related headlines, rest)."""
    for index, block in enumerate(blocks[:4]):
        match = _TICKER_TITLE.match(block)
        if not match:
            continue
        same_line = block[match.end():].strip()
        if same_line:
            line, rest = same_line, blocks[index + 1 :]
        elif index + 1 < len(blocks):
            line, rest = blocks[index + 1], blocks[index + 2 :]
        else:
            line, rest = "", []
        headlines = [h.strip() for h in _TICKER_SEPARATOR.split(line.replace("\n", " "))]
        return [h for h in headlines if h], blocks[:index] + rest
    return [], blocks


def _find_source_line(blocks: list[str]) -> int | None:
    """Index of the line naming agency and date ("Xinhua, February 2, 2017 Adjust font size:")."""
    for index, block in enumerate(blocks[:_HEADER_LINES]):
        if "\n" in block or len(block) > 160:
            continue  # a paragraph, not a header line
        if _SOURCE_HINT.search(block):
            return index
        widget_free = _WIDGETS.sub("", block)
        if AGENCY_NAME.match(widget_free) and (find_date(widget_free) or len(widget_free) < 40):
            return index
    return None


def _take_byline(source: str, body: list[str]) -> tuple[str | None, list[str]]:
    """A 'By Jane Doe' line, in the source line or as the first body block."""
    if match := _BYLINE.match(source):
        return match["name"].strip(), body
    if body and len(body[0]) < 80 and (match := _BYLINE.match(body[0])):
        return match["name"].strip(), body[1:]
    return None, body
