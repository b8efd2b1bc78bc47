"""IPTC NITF 3.x, the News Industry Text Format (../shared/FORMATS.md, NITF section).

    <nitf baselang="en-US">
      <head>  <title/>  <tobject><tobject.subject tobject.subject.refnum="11000000"/></tobject>
              <docdata> doc-id, urgency@ed-urg, date.issue@norm, evloc@city/@iso-cc, ed-msg,
                        du-key@key/@version, doc.copyright@holder, key-list/keyword@key
              <pubdata ex-ref="https://..."/>
      <body>  <body.head> hedline/hl1 (+ hl2), byline (+ byttl), distributor,
                          dateline (location, story.date@norm)
              <body.content> p, block, hl2, lists (tables and media are left out)
              <body.end> tagline (not body text)

One file is one story. Inline <person>, <org>, <location> become the story's marked entities.
The body is read by tasks.formats._newsml, which the NewsML readers share for the NITF
(or XHTML) bodies they carry.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from tasks.formats._newsml import (
    inline_entities, pick_agency, read_nitf_body, set_published, text, tidy_first_paragraph, to_int, unique,
    unique_entities,
)
from tasks.formats._xml import attr, child, children, descendants, language_of, parse_xml, root_name
from tasks.parse import split_slugs
from tasks.records import MarkedEntity, RawFile, Reject, Story

NAME = "nitf"


def sniff(head: bytes) -> bool:
    return root_name(head) == "nitf"


def read(raw: RawFile) -> Iterator[Story]:
    story = story_from_nitf(parse_xml(raw.data))
    if not story.paragraphs:
        raise Reject("parse", "no body", f"headline {story.headline[:60]!r} has no paragraphs")
    yield story


def story_from_nitf(nitf: etree._Element) -> Story:
    """One <nitf> element -> one Story (not yet finished: the pipeline runs finish_story)."""
    head = child(nitf, "head")
    docdata = child(head, "docdata")
    body = read_nitf_body(nitf)

    headline = body.headline or text(child(head, "title"))
    if not headline:
        raise Reject("parse", "no headline", "NITF without hedline/hl1 or head/title")

    story = Story(headline=headline, paragraphs=body.paragraphs, source_format=NAME)
    story.subheadline = body.subheadline
    story.byline = body.byline
    story.language = language_of(nitf) or attr(nitf, "baselang")
    story.story_id = attr(child(docdata, "doc-id"), "id-string")
    story.urgency = to_int(attr(child(docdata, "urgency"), "ed-urg"))
    story.url = attr(child(head, "pubdata"), "ex-ref")
    story.subjects = unique(
        attr(subject, "tobject.subject.refnum")
        for tobject in children(head, "tobject")
        for subject in children(tobject, "tobject.subject")
    )

    du_key = child(docdata, "du-key")
    keywords = [attr(k, "key") for k in descendants(docdata, "keyword")]
    story.slug = attr(du_key, "key") or ("/".join(k for k in keywords if k) or None)
    story.story_id = story.story_id or attr(du_key, "key")
    story.version = to_int(attr(du_key, "version")) or _version_from_note(attr(child(docdata, "ed-msg"), "info"))

    for candidate in (
        attr(child(docdata, "date.issue"), "norm"),
        body.dateline_date,
        attr(child(head, "pubdata"), "date.publication"),
    ):
        if set_published(story, candidate):
            break

    evloc = [
        MarkedEntity("LOC", name, attr(loc, "iso-cc"))
        for loc in children(docdata, "evloc")
        if (name := attr(loc, "city") or attr(loc, "state-prov") or attr(loc, "county-dist"))
    ]
    story.marked_entities = unique_entities(
        [*body.entities, *inline_entities(child(docdata, "identified-content")), *evloc]
    )

    copyright_holder = attr(child(docdata, "doc.copyright"), "holder")
    story.agency = pick_agency(
        [(body.distributor, None), (copyright_holder, None), (None, attr(child(docdata, "doc-id"), "regsrc"))]
    )
    return tidy_first_paragraph(story, body.dateline)


def _version_from_note(note: str | None) -> int | None:
    """ed-msg info="2nd LD Writethru" -> 3, read with the same rules as headline slugs."""
    if not note:
        return None
    slugs = split_slugs(f"{note.strip()}: x")
    return slugs.version if slugs.kind in ("writethru", "update") else None
