"""IPTC NewsML-G2 (../shared/FORMATS.md; samples/newsml-g2/). Namespace http://iptc.org/std/nar/2006-10-01/.

A file is a <newsMessage> (header: sent, priority; itemSet: items) or one bare <newsItem>.
Each text newsItem (itemClass ninat:text or ninat:composite) is one Story:

    newsItem@guid, @version, @xml:lang        story_id, version, language (fallback)
    itemMeta: provider, versionCreated,        agency, version_created_at,
              firstCreated                     published_at
    contentMeta: contentCreated                published_at when there is no firstCreated
              headline (role "sub..." =        headline, subheadline
              subheadline), by, dateline,      byline, dateline,
              slugline, urgency, language@tag  slug, urgency (else header priority), language
              infoSource, creator              agency (a known agency first), byline
              subject@qcode, located           subjects; named person / organisation / place
                                               subjects and `located` as marked entities
    contentSet: inlineXML with NITF or XHTML,  paragraphs (NITF also gives hl1, byline,
              or inlineData text/plain         dateline and inline entities)

Choices:
- Items that are not text (pictures, video, graphics; packageItem, conceptItem ...) become
  Reject("parse", "not a text item") and the message's other items go on: the rejects table
  then accounts for every item of a message, where skipping would make them vanish.
- A file whose root is only a piece of a newsItem (<contentSet>, <contentMeta> ..., as the
  IPTC guidelines print them) is refused whole as "newsml-g2 fragment": without the item
  there is no guid, provider or date to file a story under.
- An item with a headline and no body text (a flash, or an empty inlineXML) is kept as a
  Story without paragraphs: the structure says it is a news item and its metadata is real.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from tasks.agencies import canonical_agency
from tasks.formats._newsml import (
    NitfBody, clean_byline, embedded_document, html_body, known_agency, paragraphs, parse_timestamp, pick_agency,
    read_nitf_body, remove_keeping_tail, set_published, text, text_paragraphs, tidy_first_paragraph, to_int, unique, unique_entities,
)
from tasks.formats._xml import attr, child, children, descendants, language_of, local, parse_xml, root_name
from tasks.records import MarkedEntity, RawFile, Reject, Story

NAME = "newsml_g2"
NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"

_ITEM_ROOTS = {"newsMessage", "newsItem"}
# Pieces of an item that the IPTC guidelines print on their own (LISTING_25, LISTING_28).
_FRAGMENT_ROOTS = {"contentMeta", "contentSet", "itemMeta", "itemSet", "inlineXML"}
_TEXT_CLASSES = {"text", "composite"}
# Subject types whose names are entities: IPTC's concept natures (cpnat:), and a sports team
# (spcpnat:team), which is an organisation.
_ENTITY_TYPES = {
    "person": "PERSON", "organisation": "ORG", "organization": "ORG", "team": "ORG",
    "geoarea": "LOC", "poi": "LOC",
}


def sniff(head: bytes) -> bool:
    name = root_name(head)
    if name in _ITEM_ROOTS:
        return NAMESPACE.encode() in head
    return name in _FRAGMENT_ROOTS


def read(raw: RawFile) -> Iterator[Story | Reject]:
    root = parse_xml(raw.data)
    name = local(root.tag)
    if name == "newsItem":
        header, items = None, [root]
    elif name == "newsMessage":
        header = child(root, "header")
        items = [item for item_set in children(root, "itemSet") for item in item_set if isinstance(item.tag, str)]
        if not items:
            raise Reject("parse", "no items", "newsMessage with an empty or missing itemSet")
    else:
        raise Reject(
            "parse", "newsml-g2 fragment",
            f"root <{name}> is a piece of a newsItem: no guid, provider or dates to file a story under",
        )
    for item in items:
        try:
            yield read_item(item, header, message_language=language_of(root))
        except Reject as reject:
            yield reject


def read_item(
    item: etree._Element, header: etree._Element | None = None, message_language: str | None = None
) -> Story:
    """One newsItem -> one Story, or raise Reject (not a text item, no headline)."""
    guid = attr(item, "guid")
    label = f"{guid or 'item without guid'} v{attr(item, 'version') or '?'}"
    if local(item.tag) != "newsItem":
        raise Reject("parse", "not a text item", f"{label} is a {local(item.tag)}")
    item_meta, content_meta = child(item, "itemMeta"), child(item, "contentMeta")
    item_class = child(item_meta, "itemClass")
    nature = attr(item_class, "qcode") or attr(item_class, "uri")
    if nature and _code(nature).lower() not in _TEXT_CLASSES:
        raise Reject("parse", "not a text item", f"{label} is {nature}")

    body = _read_content(child(item, "contentSet"))
    headlines = children(content_meta, "headline")
    main = [h for h in headlines if _role(h) in ("", "main", "headline")]
    subs = [h for h in headlines if "sub" in _role(h)]
    others = [h for h in headlines if h not in main and h not in subs]
    headline = (
        next((t for h in main + others if (t := text(h))), None)
        or body.headline
        or text(child(item_meta, "title"))
    )
    if not headline:
        raise Reject("parse", "no headline", f"{label} has no contentMeta/headline and no body headline")

    story = Story(headline=headline, paragraphs=body.paragraphs, source_format=NAME)
    story.subheadline = next((t for h in subs if (t := text(h))), None) or body.subheadline
    story.story_id = guid
    story.version = to_int(attr(item, "version"))
    story.language = (
        attr(child(content_meta, "language"), "tag") or language_of(item) or message_language
    )
    story.slug = text(child(content_meta, "slugline")) or None
    story.urgency = to_int(text(child(content_meta, "urgency"))) or to_int(text(child(header, "priority")))
    story.subjects = unique(
        attr(subject, "qcode") or attr(subject, "literal") for subject in children(content_meta, "subject")
    )
    story.version_created_at, _ = parse_timestamp(text(child(item_meta, "versionCreated")))
    for when in ("firstCreated", "contentCreated", "versionCreated"):
        source = item_meta if when != "contentCreated" else content_meta
        if set_published(story, text(child(source, when))):
            break

    providers = children(item_meta, "provider")
    sources = children(content_meta, "infoSource")
    creators = children(content_meta, "creator")
    story.agency = pick_agency(
        [(_name(p), _party_code(p)) for p in providers + sources],
        known_only=[(_name(c), _party_code(c)) for c in creators],
    )
    story.byline = (
        clean_byline(text(child(content_meta, "by")))
        or body.byline
        or _creator_byline(creators, story.agency)
    )
    story.marked_entities = unique_entities([*body.entities, *_subject_entities(content_meta, story.language)])
    return tidy_first_paragraph(story, text(child(content_meta, "dateline")) or body.dateline)


def _read_content(content_set: etree._Element | None) -> NitfBody:
    """The first rendition in contentSet that has text: NITF, XHTML, or plain text."""
    first = None
    for rendition in () if content_set is None else content_set:
        if not isinstance(rendition.tag, str):
            continue
        body = None
        if local(rendition.tag) == "inlineXML":
            body = _inline_xml(rendition)
        elif local(rendition.tag) == "inlineData" and _is_plain_text(rendition):
            body = NitfBody(paragraphs=text_paragraphs(rendition.text))
        if body is not None and body.paragraphs:
            return body
        first = first or body
    return first or NitfBody()


def _inline_xml(rendition: etree._Element) -> NitfBody:
    document = embedded_document(rendition)
    if document is not None and local(document.tag) == "nitf":
        return read_nitf_body(document)
    if document is not None:
        body = html_body(document)
        heading, byline = _page_header(body)
        return NitfBody(headline=text(child(child(document, "head"), "title")) or heading, byline=byline,
                        subheadline=_teaser(body), paragraphs=paragraphs(body))
    # an XHTML fragment (<div>, <p> ...), a house dialect such as TT's, or nothing
    dateline = _house_dateline(rendition)
    return NitfBody(paragraphs=paragraphs(rendition), dateline=dateline)


def _house_dateline(rendition: etree._Element) -> str | None:
    """TT's NITF dialect writes the headline as <RUBRIK> and the dateline as <DAT><ORT>EU</ORT>
    <SOURCE>Bryssel, TT:s korrespondent</SOURCE></DAT>: neither is body text, so both leave the
    tree; the place the story was filed from is SOURCE's first part, ORT is its region tag (the
    place when there is no SOURCE)."""
    dateline = None
    for dat in descendants(rendition, "DAT"):
        source = text(child(dat, "SOURCE")).split(",")[0].strip()
        dateline = dateline or source or text(child(dat, "ORT")) or None
        remove_keeping_tail(dat)
    for heading in descendants(rendition, "RUBRIK"):
        remove_keeping_tail(heading)
    return dateline


def _page_header(body: etree._Element) -> tuple[str | None, str | None]:
    """dpa digitalwires open the XHTML body with a <header> (time, subject list, <h1>, byline):
    metadata, not text. It is taken out; its <h1> and byline are returned (heading, byline)."""
    heading = byline = None
    for header in [e for e in body.iter() if local(e.tag) == "header"]:
        heading = heading or text(next(iter(descendants(header, "h1")), None)) or None
        for paragraph in descendants(header, "p"):
            if "byline" in (paragraph.get("class") or "") and not byline:
                byline = clean_byline(text(paragraph))
        remove_keeping_tail(header)
    return heading, byline


def _teaser(body: etree._Element) -> str | None:
    """A <p class="teaser"> (dpa) summarises the story above its dateline: the subheadline."""
    teasers = [p for p in descendants(body, "p") if "teaser" in (p.get("class") or "").split()]
    summary = " ".join(text(p) for p in teasers) or None
    for teaser in teasers:
        remove_keeping_tail(teaser)
    return summary


def _is_plain_text(rendition: etree._Element) -> bool:
    return (attr(rendition, "contenttype") or "text/plain").lower().startswith("text/plain")


def _code(qcode_or_uri: str) -> str:
    """'ninat:text' -> 'text'; 'http://cv.iptc.org/newscodes/ninature/text' -> 'text'."""
    return qcode_or_uri.rstrip("/").rsplit("/", 1)[-1].split(":", 1)[-1]


def _role(headline: etree._Element) -> str:
    role = attr(headline, "role")
    return _code(role).lower() if role else ""


def _name(party: etree._Element) -> str | None:
    return text(child(party, "name")) or attr(party, "literal")


def _party_code(party: etree._Element) -> str | None:
    """'nprov:REUTERS' -> 'REUTERS'; 'web:www.xmlteam.com' -> 'xmlteam.com';
    uri 'http://www.acmenews.com/about/' -> 'acmenews.com'."""
    qcode = attr(party, "qcode")
    if qcode:
        value = qcode.split(":", 1)[-1]
    elif uri := attr(party, "uri"):
        value = uri.split("://", 1)[-1].split("/", 1)[0]
    else:
        return None
    return value[4:] if value.lower().startswith("www.") else value


def _creator_byline(creators: list[etree._Element], agency: str | None) -> str | None:
    """A creator who is a person (not an organisation, not the agency) is the byline."""
    names = []
    for creator in creators:
        name = _name(creator)
        kind = (attr(creator, "type") or "").lower()
        if not name or "organi" in kind or known_agency(name) or canonical_agency(name) == agency:
            continue
        names.append(name)
    return "; ".join(names) or None


def _subject_entities(content_meta: etree._Element | None, language: str | None) -> list[MarkedEntity]:
    """Named person / organisation / place subjects, and the named place the story is from."""
    found = []
    for subject in children(content_meta, "subject"):
        kind = _ENTITY_TYPES.get(_code(attr(subject, "type") or "").lower())
        if kind and (name := _best_name(subject, language)):
            found.append(MarkedEntity(kind, name, attr(subject, "qcode")))
    for place in children(content_meta, "located"):
        if name := _best_name(place, language):
            found.append(MarkedEntity("LOC", name, attr(place, "qcode")))
    return found


def _best_name(concept: etree._Element, language: str | None) -> str | None:
    """The concept's own <name> in the story's language if it has several."""
    names = children(concept, "name")
    primary = (language or "").split("-")[0].lower()
    for name in names:
        lang = (language_of(name) or "").split("-")[0].lower()
        if primary and lang == primary:
            return text(name) or None
    return next((t for name in names if (t := text(name))), None)
