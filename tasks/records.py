"""The small record types that flow between stages.

Plain dataclasses: every stage is a function from one of these to the next, so each
can be tested without Prefect, a lake or a file system.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class RawFile:
    """One raw file as read from the source: bytes plus where and when it came from."""

    uri: str
    data: bytes
    modified_at: datetime | None = None  # UTC; the last-resort date of its stories
    url: str | None = None  # the page's own address when known (WARC target URI, feed link)
    depth: int = 0  # how many containers (gzip, zip, tar, WARC) it was unpacked from


@dataclass(frozen=True, slots=True)
class MarkedEntity:
    """An entity the agency marked up itself (NITF <person>, ninjs people[] ...)."""

    type: str  # PERSON, ORG, LOC, MISC
    text: str  # the name as the agency gave it
    code: str | None = None  # the agency's id / qcode / country code, when given


@dataclass(slots=True)
class Story:
    """One story as a format reader found it, already cleaned to text.

    Fields a format does not carry stay None / empty; `tasks.parse.finish_story`
    fills what can be derived (slug -> kind/version, dateline -> agency ...).
    """

    headline: str
    paragraphs: list[str]
    source_format: str
    agency: str | None = None
    kind: str | None = None  # story, urgent, writethru ...; "stub" for a feed item without text
    version: int | None = None
    story_id: str | None = None  # an id the format carries (guid, uri); else derived
    published_at: datetime | None = None  # timezone-aware when the time is known
    published_on: date | None = None  # the date, when known without a time
    date_source: str | None = None  # content / metadata / file
    dateline: str | None = None
    byline: str | None = None  # people only: an organisation's credit goes to agency / publisher
    credits: list[str] = field(default_factory=list)  # "(Reporting by ...; Editing by ...)", contributor lines
    advisory: str | None = None  # an editors' note at the top: "(Adds comments, detail)"
    publisher: str | None = None  # the outlet whose page or feed it is; None for agency deliveries
    language: str | None = None
    related_headlines: list[str] = field(default_factory=list)
    subheadline: str | None = None
    slug: str | None = None  # desk slug / keyword line ("BC-BKN--Heat-Hawks", "Yemen/conflict/")
    urgency: int | None = None  # 1 = most urgent (NITF urgency, G2 priority, 7901 priority ...)
    subjects: list[str] = field(default_factory=list)  # subject codes or names as delivered
    url: str | None = None  # link / canonical address / WARC target URI
    version_created_at: datetime | None = None  # timezone-aware time this version was issued
    marked_entities: list[MarkedEntity] = field(default_factory=list)


class Reject(Exception):
    """A raw file (or one story in it) that cannot go into the lake, and why.

    `stage` names the step that refused it (read, decode, sniff, parse ...), `reason`
    is a short stable phrase to group by, `detail` the specifics for a human.
    """

    def __init__(self, stage: str, reason: str, detail: str = ""):
        super().__init__(f"{stage}: {reason}" + (f" ({detail})" if detail else ""))
        self.stage = stage
        self.reason = reason
        self.detail = detail


# The reject reason (stage "read") of a read that may succeed later; the ledger retries it.
TRANSIENT_READ = "unreadable now, retried next run"


@dataclass(frozen=True, slots=True)
class SourceFile:
    uri: str  # as the lake records it: the source's canonical name + the path below it
    path: str  # the path the file system understands
    size: int
    modified_at: datetime | None
    etag: str | None = None  # object stores give one; it changes when the content does
    problem: str | None = None  # "reason: detail" of an entry that is listed but never opened


_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes Python could not decode (surrogateescape)


def uri_name(name: str) -> str:
    """A file or member name as the lake writes it: valid UTF-8 kept, every byte that is not
    (and "%") written %XX, so two different names never share a uri and the bytes come back."""
    text = name.encode("utf-8", "surrogateescape").replace(b"%", b"%25").decode("utf-8", "surrogateescape")
    return _UNDECODED.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", text)
