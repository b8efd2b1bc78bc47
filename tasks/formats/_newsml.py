"""What the IPTC XML readers share (nitf, newsml_g2, newsml12): NITF bodies and their text.

NewsML-G2 and NewsML 1.2 carry NITF (or XHTML) bodies, so the three readers read them with
the helpers here: the NITF <body> (head fields, paragraphs, inline entities), text with
entity references resolved, bylines, metadata timestamps, agency names and the
first-paragraph clean-up. Safe parsing and lookups by local name are in tasks.formats._xml.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html.entities import name2codepoint

from lxml import etree

from tasks.clean import normalise_text
from tasks.formats._xml import attr, child, children, descendants, local
from tasks.formats.html import html_paragraphs
from tasks.agencies import canonical_agency, known_canonical
from tasks.formats._wire_marks import apply_marks
from tasks.parse import AGENCIES, find_date, split_dateline, strip_end_mark
from tasks.records import MarkedEntity, Story


@dataclass(slots=True)
class NitfBody:
    """What an NITF <body> says (the part NewsML-G2 and NewsML 1.2 carry inline)."""

    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    distributor: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None  # story.date@norm
    paragraphs: list[str] = field(default_factory=list)
    entities: list[MarkedEntity] = field(default_factory=list)


def read_nitf_body(nitf: etree._Element) -> NitfBody:
    """The body.head fields, paragraphs and inline entities of one <nitf> (any namespace)."""
    body = child(nitf, "body")
    body_head = child(body, "body.head")
    content = child(body, "body.content")
    hedline = child(body_head, "hedline")
    dateline = child(body_head, "dateline")
    out = NitfBody(
        headline=text(child(hedline, "hl1")) or None,
        subheadline=text(child(hedline, "hl2")) or None,
        byline=byline_text(children(body_head, "byline")),
        distributor=text(child(body_head, "distributor")) or None,
        dateline=dateline_text(dateline),
        dateline_date=attr(child(dateline, "story.date"), "norm"),
    )
    if content is not None:
        out.paragraphs = paragraphs(content)
        out.entities = inline_entities(content)
    out.entities += inline_entities(dateline)
    return out


def embedded_document(container: etree._Element) -> etree._Element | None:
    """The first <nitf> or <html> element a NewsML wrapper (inlineXML, DataContent) carries."""
    for element in container:
        if isinstance(element.tag, str) and local(element.tag) in ("nitf", "html"):
            return element
    return None


def html_body(html: etree._Element) -> etree._Element:
    """An XHTML document's <body>, or the document itself when it has none."""
    body = child(html, "body")
    return body if body is not None else html


def dateline_text(dateline: etree._Element | None) -> str | None:
    """<dateline><location><city>Xi'an</city><country>China</country></location>
    <story.date>June 23</story.date></dateline> -> "Xi'an, China, June 23": parts that the
    sender set side by side without a separator get a comma."""
    if dateline is None:
        return None

    def joined(node: etree._Element) -> str:
        out, previous = node.text or "", None
        for sub in node:
            if isinstance(sub.tag, str):
                part = joined(sub) if len(sub) else text(sub)
                if previous is not None and not (previous.tail or "").strip() and part and out.strip():
                    out = out.rstrip() + ", "
                out += part
                previous = sub
            elif isinstance(sub, etree._Entity):
                out += _entity_text(sub)
            out += sub.tail or ""
        return out

    return " ".join(normalise_text(joined(dateline)).split()) or None



def text(element: etree._Element | None) -> str:
    """All text inside an element as one clean line: entity references resolved, <br/> a space."""
    if element is None:
        return ""
    return " ".join(normalise_text(_raw_text(element)).split())


def _raw_text(element: etree._Element) -> str:
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        parts.append(node.text or "")
        for sub in node:
            if isinstance(sub, etree._Entity):
                parts.append(_entity_text(sub))
            elif isinstance(sub.tag, str):
                if local(sub.tag) == "br":
                    parts.append(" ")
                else:
                    walk(sub)
            parts.append(sub.tail or "")

    walk(element)
    return "".join(parts)


def _entity_text(entity: etree._Entity) -> str:
    """&nbsp; &eacute; ... from a DTD that was (rightly) not loaded: the NITF and XHTML DTDs
    define the HTML/ISO character entities. Anything else is unknown and dropped."""
    code = name2codepoint.get(entity.name)
    return chr(code) if code is not None else ""


def to_int(value: str | None) -> int | None:
    """A small whole number (versions, urgency), or None: 3000000000 is not a version."""
    try:
        number = int(value.strip()) if value else None
    except ValueError:
        return None
    return number if number is not None and 0 <= number < 100_000 else None


def unique(values: Iterable[str | None]) -> list[str]:
    """Non-empty values in first-seen order, without repeats."""
    return list(dict.fromkeys(v for v in values if v))


# Paragraph-level elements of NITF body.content and XHTML bodies; containers hold them.
_PARAGRAPHS = {"p", "hl2", "li", "pre", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {
    "body", "body.content", "block", "bq", "div", "section", "article", "main",
    "blockquote", "ul", "ol", "dl", "center", "html",
}
# Tables, media and notes are not prose: their text would only confuse entity finding.
_LEFT_OUT = {"table", "nitf-table", "media", "img", "figure", "object", "script", "style", "head", "note", "fn"}


_MARKUP_IN_TEXT = re.compile(r"</?(?:p|br|div|span|b|i|em|strong|a|h[1-6]|ul|li)\b[^<>]*>", re.I)


def paragraphs(container: etree._Element) -> list[str]:
    """Paragraph texts of an NITF body.content or XHTML body, in order, empty ones dropped.

    Text loose in a container between paragraph elements counts as a paragraph of its own.
    """
    out: list[str] = []

    def flush(buffer: list[str]) -> None:
        line = " ".join(normalise_text("".join(buffer)).split())
        if line:
            out.append(line)
        buffer.clear()

    def walk(node: etree._Element) -> None:
        buffer = [node.text or ""]
        for sub in node:
            if isinstance(sub, etree._Entity):
                buffer.append(_entity_text(sub))
            elif isinstance(sub.tag, str):
                name = local(sub.tag)
                if name in _LEFT_OUT:
                    pass
                elif name in _PARAGRAPHS and not _holds_paragraphs(sub):
                    flush(buffer)
                    if line := text(sub):
                        out.append(line)
                elif name in _PARAGRAPHS or name in _CONTAINERS:
                    flush(buffer)
                    walk(sub)
                elif name == "br":
                    buffer.append(" ")
                else:  # inline markup (<person>, <b>, <a> ...) inside loose text
                    buffer.append(_raw_text(sub))
            buffer.append(sub.tail or "")
        flush(buffer)

    walk(container)
    # HTML sent escaped ("&lt;p&gt;...") or in CDATA arrives as text with tags in it: parse it.
    return [block for line in out for block in (html_paragraphs(line) if _MARKUP_IN_TEXT.search(line) else [line])]


def text_paragraphs(value: str | None) -> list[str]:
    """Plain text (G2 inlineData, a NewsML 1.2 text DataContent): blank lines part paragraphs."""
    blocks = re.split(r"\n\s*\n", normalise_text(value or ""))
    return [line for block in blocks if (line := " ".join(block.split()))]


def _holds_paragraphs(element: etree._Element) -> bool:
    return any(
        isinstance(node.tag, str) and local(node.tag) in _PARAGRAPHS | _CONTAINERS
        for node in element.iterdescendants()
    )


def byline_text(bylines: list[etree._Element]) -> str | None:
    """'By <person>Jane Doe</person>, <byttl>Staff Reporter</byttl>' -> 'Jane Doe'.

    The title (byttl) is dropped unless it is all a byline says ("Sports Network").
    """
    names, titles = [], []
    for byline in bylines:
        titles += [text(t) for t in descendants(byline, "byttl")]
        kept = copy.deepcopy(byline)  # a copy to cut the titles out of
        for title in descendants(kept, "byttl"):
            remove_keeping_tail(title)
        if name := clean_byline(text(kept)):
            names.append(name)
    chosen = names or [t for t in titles if t]
    return "; ".join(unique(chosen)) or None


def clean_byline(value: str | None) -> str | None:
    """'By Jane Doe,' -> 'Jane Doe' (also French 'Par', German 'Von', Spanish 'Por')."""
    if not value:
        return None
    value = re.sub(r"^\s*(?:by|par|von|por)\s+", "", value, flags=re.I).strip(" ,;:-")
    return value or None


def remove_keeping_tail(element: etree._Element) -> None:
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


_ENTITY_TYPES = {"person": "PERSON", "org": "ORG", "location": "LOC"}


def inline_entities(container: etree._Element | None) -> list[MarkedEntity]:
    """NITF inline <person>, <org>, <location> (country code from iso-cc) as marked entities."""
    found = []
    for node in () if container is None else container.iter():
        if not isinstance(node.tag, str) or local(node.tag) not in _ENTITY_TYPES:
            continue
        name = text(node)
        if not name:
            continue
        kind = _ENTITY_TYPES[local(node.tag)]
        if kind == "LOC":
            country = next((c for c in descendants(node, "country") if attr(c, "iso-cc")), None)
            code = attr(node, "iso-cc") or attr(country, "iso-cc") or attr(node, "location-code")
        else:
            value, source = attr(node, "value"), attr(node, "idsrc")
            code = f"{source}:{value}" if value and source else value
        found.append(MarkedEntity(kind, name, code))
    return found


def unique_entities(entities: Iterable[MarkedEntity]) -> list[MarkedEntity]:
    """One entry per type and name (case aside), first spelling kept, a code filled in when a
    later mention has one (evloc's iso-cc for the city the body marks up)."""
    kept: dict[tuple[str, str], MarkedEntity] = {}
    for entity in entities:
        key = (entity.type, entity.text.casefold())
        seen = kept.get(key)
        if seen is None:
            kept[key] = entity
        elif seen.code is None and entity.code:
            kept[key] = MarkedEntity(seen.type, seen.text, entity.code)
    return list(kept.values())


def parse_timestamp(value: str | None) -> tuple[datetime | None, date | None]:
    """ISO 8601, basic or extended ('20170202T083000+0800', '2016-10-18T13:12:21-05:00', 'Z')
    -> (timezone-aware moment, local date). A date alone gives (None, date); a time without
    a zone is taken as UTC, the wire's default clock."""
    if not value or not value.strip():
        return None, None
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        found = find_date(value)
        return (found.moment, found.day) if found else (None, None)
    if "T" not in value.upper() and ":" not in value:
        return None, moment.date()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment, moment.date()


def set_published(story: Story, value: str | None) -> bool:
    """Fill published_at / published_on from a metadata timestamp; True if it held a date."""
    moment, day = parse_timestamp(value)
    if day is None:
        return False
    story.published_at, story.published_on, story.date_source = moment, day, "metadata"
    return True


# Agency names with their spaces taken out, for domain-like names: "businesswire" -> "Business Wire".
_SQUASHED_AGENCIES = {key.replace(" ", "").replace("-", ""): value for key, value in AGENCIES.items()}


def known_agency(name: str | None) -> str | None:
    """The canonical agency a name, code or domain stands for, if it is a known agency.

    'Agence France-Presse' -> 'AFP'; 'nprov:REUTERS' -> 'Reuters'; 'afp.com' -> 'AFP';
    'businesswire.com' -> 'Business Wire'; 'Example Enews LLP' -> None.
    """
    if not name:
        return None
    candidates = [name, name.rsplit(":", 1)[-1]]
    host = domain_label(name)
    if host:
        candidates.append(host)
    for candidate in candidates:
        if canonical := known_canonical(candidate):
            return canonical
        # (known_canonical covers every spelling of the table; a domain may squash one.)
        squashed = "".join(candidate.strip(" .,-").split()).lower().replace("-", "")
        if squashed in _SQUASHED_AGENCIES:
            return _SQUASHED_AGENCIES[squashed]
    return None


_DOMAIN = re.compile(r"^(?:[a-z][\w+.-]*:(?://)?)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)(?:[/:].*)?$", re.I)


def domain_label(value: str) -> str | None:
    """'http://www.acmenews.com/about/' -> 'acmenews'; 'web:www.xmlteam.com' -> 'xmlteam'."""
    match = _DOMAIN.match(value.strip())
    if not match:
        return None
    labels = match["host"].lower().split(".")
    return labels[-2] if len(labels) >= 2 else None


def pick_agency(
    parties: Iterable[tuple[str | None, str | None]],
    known_only: Iterable[tuple[str | None, str | None]] = (),
) -> str | None:
    """The story's agency from the parties a format names, as (name, code) pairs, best first.

    A known wire agency wins (analysts filter on those): the first party whose name or code
    is one, then the first in `known_only` (parties that only count when they are an agency,
    such as a G2 creator, who may be a reporter). Else the first name as written, else the
    first code (qcode, domain) as the sender spelt it.
    """
    parties, known_only = list(parties), list(known_only)
    for name, code in (*parties, *known_only):
        if agency := known_agency(name) or known_agency(code):
            return agency
    for value in [name for name, _ in parties] + [code for _, code in parties]:
        if value:
            return canonical_agency(value)
    return None


# A credit where a dateline's place would be: "(Sports Network) - ", "(美國商業資訊)--".
_CREDIT = re.compile(r"^\((?P<credit>[^()\d]{2,40})\)\s*(?:--|-|—|–|_|:)\s*")
_SEPARATORS = " ,-—–_:"
_TIMESTAMP_CHARS = re.compile(r"\d|\s|[:.,+\-/]|\b(?:T|Z|GMT|UTC)\b|(?<=\d)[TZ]")


def tidy_first_paragraph(story: Story, dateline: str | None) -> Story:
    """Set the format's own dateline and take its repeat off the first paragraph.

    With a separate dateline ("BEIJING, Feb. 2") the first paragraph often repeats it with the
    agency ("BEIJING, Feb. 2 (Xinhua) -- NATO ..."); finish_story only strips datelines when
    the format has none, so the repeat is cut here (and, being fuller, becomes the dateline).
    A bare credit "(Sports Network) - " goes too. A first paragraph that repeats the headline
    is dropped, and the body ends at the agency's end mark.
    """
    dateline = (dateline or "").strip().rstrip(_SEPARATORS) or None  # "NAIROBI (AP) --"
    if dateline and not _TIMESTAMP_CHARS.sub("", dateline):
        dateline = None  # "2014-07-16 13:00:03 GMT+00:00" in a dateline element is no place
    paragraphs, _ = strip_end_mark(list(story.paragraphs))
    if paragraphs and fingerprint(paragraphs[0]) == fingerprint(story.headline):
        paragraphs = paragraphs[1:]
    if paragraphs:
        first = paragraphs[0]
        if dateline:
            story.dateline = dateline
            repeat = split_dateline(first)
            if repeat and fingerprint(dateline).startswith(fingerprint(repeat.place)):
                # The repeat says as much or more ("VIENTIANE, March 14 (Xinhua)"), as the
                # dateline finish_story takes from a format without one would.
                first, story.dateline = repeat.rest, repeat.text
                story.agency = story.agency or repeat.agency
            elif first.casefold().startswith(dateline.casefold()) and not first[len(dateline):][:1].isalnum():
                first = first[len(dateline):].lstrip(_SEPARATORS)
        elif found := split_dateline(first):  # "København /ritzau/:", "Peine (dpa/lni) -"
            first, story.dateline = found.rest, found.text
            story.agency = story.agency or found.agency
        if (credit := _CREDIT.match(first)) and credit.end() < len(first):
            first = first[credit.end():]
            story.dateline = story.dateline or f"({credit['credit'].strip()})"
            story.agency = story.agency or known_agency(credit["credit"])
        paragraphs[0] = first
    elif dateline:
        story.dateline = dateline
    story.paragraphs = [p for p in paragraphs if p]
    apply_marks(story)
    return story


def fingerprint(value: str) -> str:
    return " ".join(re.findall(r"\w+", value.casefold()))
