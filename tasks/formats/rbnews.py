"""RBNews, Ritzau's own XML delivery: one flat <RBNews> element per story.

    <RBNews>
      <NewsID>...</NewsID>  <PublishDate>2018-01-31T18:45:36.73</PublishDate>  (Danish time, no zone)
      <strapline>NET/FORSVAR/SATELLIT</strapline>       desk keywords (the slug)
      <headline>...</headline>  <subtitle>&lt;p&gt;...</subtitle>
      <town>København</town>  <origin>/ritzau/</origin>   dateline place, credited agency
      <content>&lt;p&gt;...&lt;/p&gt;</content>         the body as escaped HTML
      <byLine>...</byLine>  <Priority>4</Priority>  <Annuleret>false</Annuleret> (withdrawn)

The escaped HTML of <content> and <subtitle> is parsed, never kept as literal tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from tasks.agencies import canonical_agency
from tasks.formats._newsml import to_int
from tasks.formats._wire_marks import apply_marks
from tasks.formats._xml import child, local, parse_xml, root_name, text_of
from tasks.formats.ninjs import html_paragraphs
from tasks.records import RawFile, Reject, Story

NAME = "rbnews"

_COPENHAGEN = ZoneInfo("Europe/Copenhagen")  # Ritzau's PublishDate carries no zone


def sniff(head: bytes) -> bool:
    return root_name(head) == "RBNews"


def read(raw: RawFile) -> Iterator[Story | Reject]:
    root = parse_xml(raw.data)
    items = [root] if local(root.tag) == "RBNews" else [e for e in root.iter() if local(e.tag) == "RBNews"]
    if not items:
        raise Reject("parse", "no rbnews item", f"root <{local(root.tag)}>")
    for item in items:
        try:
            yield read_item(item)
        except Reject as reject:
            yield reject


def read_item(item: etree._Element) -> Story:
    def field(name: str) -> str:
        return text_of(child(item, name))

    if field("Annuleret").lower() == "true":
        raise Reject("parse", "withdrawn item", field("NewsID"))
    headline = field("headline") or field("ContentShort")
    if not headline:
        raise Reject("parse", "no headline", field("NewsID"))
    paragraphs = html_paragraphs(field("content")) if field("content") else []
    if not paragraphs:
        raise Reject("parse", "no body", headline[:60])
    subtitle = " ".join(html_paragraphs(field("subtitle"))) if field("subtitle") else None
    story = Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=canonical_agency(field("origin").strip("/ ")) or "Ritzau",
        story_id=field("NewsID") or None,
        dateline=field("town") or None,
        byline=field("byLine") or None,
        subheadline=subtitle or None,
        slug=field("strapline") or None,
        urgency=to_int(field("Priority")),
        version=to_int(field("version")),
    )
    _date(story, field("PublishDate"))
    apply_marks(story)
    return story


def _date(story: Story, value: str) -> None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return
    story.published_at = moment if moment.tzinfo else moment.replace(tzinfo=_COPENHAGEN)
    story.date_source = "metadata"
