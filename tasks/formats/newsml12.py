"""Legacy IPTC NewsML 1.2 (../shared/FORMATS.md, end of the NewsML-G2 section; samples/newsml-1.2/).

    <NewsML>
      <NewsEnvelope> DateAndTime, Priority@FormalName, SentFrom/Party@FormalName
      <NewsItem>                                            one Story each
        Identification/NewsIdentifier: ProviderId, DateId,  agency, story_id (the
          NewsItemId, RevisionId, PublicIdentifier          PublicIdentifier without its
                                                            revision), version
        NewsManagement: FirstCreated, ThisRevisionCreated,  published_at, version_created_at,
          Urgency@FormalName                                urgency (else envelope Priority)
        NewsComponent (nested): NewsLines (HeadLine,        headline, subheadline, byline,
          SubHeadLine, ByLine, DateLine, SlugLine),         dateline, slug,
          DescriptiveMetadata (Language, SubjectCode),      language, subjects,
          ContentItem/DataContent (XHTML, NITF, text)       paragraphs (NITF: + entities)

Which ContentItems are the body: those in a component whose Role is Body / Main (Business
Wire, AFP); with no such role, every text item except those whose role says it is not the
story (HeadLine, Contact, StyleSheet, Logo, Caption ...). A NewsItem whose content items are
all pictures, audio or video is Reject("parse", "not a text item"), like in NewsML-G2.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from tasks.formats._newsml import (
    NitfBody, clean_byline, embedded_document, html_body, paragraphs, parse_timestamp, pick_agency,
    read_nitf_body, set_published, text, text_paragraphs, tidy_first_paragraph, to_int, unique, unique_entities,
)
from tasks.formats._xml import attr, child, children, descendants, local, parse_xml, root_name
from tasks.records import RawFile, Reject, Story

NAME = "newsml12"

# Belga splits its text into a "Lead" (the first paragraph) and a "Body" (the rest).
_BODY_ROLES = {"lead", "body", "main", "main text", "text", "story"}
_NOT_BODY_ROLES = {
    "headline", "title", "contact", "stylesheet", "logo", "caption", "byline", "dateline", "summary",
    "abstract", "teaser", "photo", "picture", "graphic", "image", "thumbnail", "preview",
}
_TEXT_FORMATS = ("xhtml", "html", "nitf", "text", "xml")
# PublicIdentifier = urn:newsml:ProviderId:DateId:NewsItemId:RevisionId[update flag]
_REVISION = re.compile(r":\d+[A-Z]?$")


def sniff(head: bytes) -> bool:
    return root_name(head) == "NewsML"


def read(raw: RawFile) -> Iterator[Story | Reject]:
    root = parse_xml(raw.data)
    if local(root.tag) != "NewsML":
        raise Reject("parse", "not newsml 1.2", f"root element <{local(root.tag)}>")
    envelope = child(root, "NewsEnvelope")
    items = children(root, "NewsItem")
    if not items:
        raise Reject("parse", "no items", "NewsML document without a NewsItem")
    for item in items:
        try:
            yield read_item(item, envelope)
        except Reject as reject:
            yield reject


def read_item(item: etree._Element, envelope: etree._Element | None = None) -> Story:
    """One NewsItem -> one Story, or raise Reject (not a text item, no headline)."""
    identifier = child(child(item, "Identification"), "NewsIdentifier")
    management = child(item, "NewsManagement")
    provider_id = text(child(identifier, "ProviderId")) or None
    public_id = text(child(identifier, "PublicIdentifier")) or None
    label = public_id or text(child(identifier, "NewsItemId")) or "NewsItem without identifier"

    lines = _news_lines(item)
    body_items, other_items = _content_items(item)
    if not body_items and other_items:
        kinds = unique(_media(i) for i in other_items)
        raise Reject("parse", "not a text item", f"{label} holds {', '.join(kinds) or 'no text'}")

    bodies = [_data_content_body(i) for i in body_items]
    body_paragraphs = [p for b in bodies for p in b.paragraphs]
    headline = lines.get("HeadLine") or next((b.headline for b in bodies if b.headline), None)
    if not headline:
        raise Reject("parse", "no headline", f"{label} has no HeadLine")

    story = Story(headline=headline, paragraphs=body_paragraphs, source_format=NAME)
    story.subheadline = lines.get("SubHeadLine") or next((b.subheadline for b in bodies if b.subheadline), None)
    story.byline = clean_byline(lines.get("ByLine")) or next((b.byline for b in bodies if b.byline), None)
    story.slug = lines.get("SlugLine")
    story.story_id = _story_id(public_id, identifier)
    story.version = to_int(text(child(identifier, "RevisionId")))
    story.language = next(
        (lang for d in descendants(item, "Language") if (lang := attr(d, "FormalName"))), None
    )
    story.urgency = to_int(attr(child(management, "Urgency"), "FormalName")) or to_int(
        attr(child(envelope, "Priority"), "FormalName")
    )
    story.subjects = unique(
        attr(subject, "FormalName")
        for code in descendants(item, "SubjectCode")
        for subject in code
        if isinstance(subject.tag, str)
    )
    story.version_created_at, _ = parse_timestamp(text(child(management, "ThisRevisionCreated")))
    created = (child(management, "FirstCreated"), child(management, "ThisRevisionCreated"))
    for when in (*created, child(envelope, "DateAndTime")):
        if set_published(story, text(when)):
            break

    providers = [attr(p, "FormalName") for p in _parties(item, "Provider")]
    senders = [attr(p, "FormalName") for p in _parties(envelope, "SentFrom")]
    story.agency = pick_agency(
        [(None, provider_id)] + [(name, None) for name in providers + senders]
        + [(lines.get("CreditLine"), None)]
    )
    story.marked_entities = unique_entities(e for b in bodies for e in b.entities)
    dateline = lines.get("DateLine") or next((b.dateline for b in bodies if b.dateline), None)
    tidy_first_paragraph(story, dateline)
    if not story.paragraphs:  # a title-only "tip": no text, no story
        raise Reject("parse", "no body", f"{label} has a headline but no text")
    return story


def _news_lines(item: etree._Element) -> dict[str, str]:
    """The first non-empty HeadLine, DateLine ... anywhere in the item's components."""
    found: dict[str, str] = {}
    for lines in descendants(item, "NewsLines"):
        for line in lines:
            if isinstance(line.tag, str) and local(line.tag) not in found and (value := text(line)):
                found[local(line.tag)] = value
    return found


def _content_items(item: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """(body text items, items that are not text) in document order."""
    texts, others = [], []
    for content in descendants(item, "ContentItem"):
        (texts if _is_text(content) else others).append(content)
    preferred = [c for c in texts if _role(c) in _BODY_ROLES]
    body = preferred or [c for c in texts if _role(c) not in _NOT_BODY_ROLES]
    return body, others


def _role(content: etree._Element) -> str:
    """Role of the nearest NewsComponent holding this ContentItem ('' when none says)."""
    for component in content.iterancestors():
        if local(component.tag) == "NewsComponent" and (role := child(component, "Role")) is not None:
            return (attr(role, "FormalName") or "").lower()
    return ""


def _media(content: etree._Element) -> str:
    return (
        attr(child(content, "MimeType"), "FormalName")
        or attr(child(content, "MediaType"), "FormalName")
        or attr(child(content, "Format"), "FormalName")
        or "no content"
    )


def _is_text(content: etree._Element) -> bool:
    data = child(content, "DataContent")
    if data is None:
        return False  # a reference (Href) to content elsewhere: nothing to read here
    if any(isinstance(node.tag, str) for node in data):
        return True  # inline XHTML / NITF
    described = " ".join(
        (attr(child(content, tag), "FormalName") or "").lower() for tag in ("MimeType", "MediaType", "Format")
    )
    if "css" in described:
        return False
    return bool((data.text or "").strip()) and (not described.strip() or any(f in described for f in _TEXT_FORMATS))


def _data_content_body(content: etree._Element) -> NitfBody:
    """One DataContent: inline NITF (with its head fields and entities), XHTML, or text."""
    data = child(content, "DataContent")
    document = embedded_document(data)
    if document is not None and local(document.tag) == "nitf":
        return read_nitf_body(document)
    if document is not None:
        return NitfBody(paragraphs=paragraphs(html_body(document)))
    if any(isinstance(node.tag, str) for node in data):
        return NitfBody(paragraphs=paragraphs(data))  # a bare XHTML fragment
    return NitfBody(paragraphs=text_paragraphs(data.text))


def _parties(element: etree._Element | None, role: str) -> list[etree._Element]:
    return [party for holder in descendants(element, role) for party in children(holder, "Party")]


def _story_id(public_id: str | None, identifier: etree._Element | None) -> str | None:
    """urn:newsml:afp.com:20240611:TX-PAR-ABC12:2 -> urn:newsml:afp.com:20240611:TX-PAR-ABC12."""
    if public_id:
        return _REVISION.sub("", public_id)
    parts = [text(child(identifier, tag)) for tag in ("ProviderId", "DateId", "NewsItemId")]
    return "urn:newsml:" + ":".join(parts) if all(parts) else None
