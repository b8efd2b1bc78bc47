"""Safe XML for every XML format: no DTDs, no external entities, no network, bounded depth.

lxml with these options never fetches anything and never expands entities, which stops
XXE and billion-laughs inputs; the depth check stops pathological nesting. Also here: what
sniffing needs (the root element's name, UTF-16 heads) and lookups by local name.
"""

from __future__ import annotations

import re

from lxml import etree

from tasks.clean import detect_charset
from tasks.settings import LIMITS
from tasks.records import Reject

_PARSER_OPTIONS = dict(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_DOCTYPE_ROOT = re.compile(rb"<!DOCTYPE\s+(?:[\w.-]+:)?([\w.-]+)")
_DOCTYPE_ENTITY = re.compile(rb"<!ENTITY", re.I)
# An external parameter entity pulls a DTD in by reference ("<!ENTITY % nitf SYSTEM
# 'nitf-3-0.dtd'> %nitf;", as NewsML 1.2 senders write); with DTD loading off it is never
# fetched and never expanded into the document, so it is harmless. Anything else (general
# entities, parameter entities with an inline value) could expand: refused.
_EXTERNAL_PARAMETER_ENTITY = re.compile(rb"<!ENTITY\s+%\s+(?P<name>[\w.:-]+)\s+(?:SYSTEM|PUBLIC)\s", re.I)
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.S)  # a comment cut off by the head ends it
_ENCODING_DECLARATION = re.compile(r"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")
_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def sniff_text(head: bytes) -> bytes:
    """The first bytes as UTF-8 for sniffing: UTF-16 / UTF-32 heads (with or without BOM)
    are transcoded, so a UTF-16 NITF or ninjs file is recognised like its UTF-8 twin."""
    for bom, codec in _UTF16_32_BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore").encode("utf-8")
    sample = head[:512]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return head.decode("utf-16-le", "ignore").encode("utf-8")
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return head.decode("utf-16-be", "ignore").encode("utf-8")
    return head


def root_name(head: bytes) -> str | None:
    """Local name of the first element in the first bytes ('nitf', 'newsMessage'), if any.

    Skips the XML declaration, comments, processing instructions and a DOCTYPE; when no
    element starts in the head (a long internal subset), the DOCTYPE's name stands in.
    UTF-16 heads are transcoded.
    """
    text = sniff_text(head).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    text = _COMMENT.sub(b"", text)
    match = _ROOT.search(text) or _DOCTYPE_ROOT.search(text)
    return match.group(1).decode("ascii", "replace") if match else None


def parse_xml(data: bytes) -> etree._Element:
    """Parse bytes (honouring their XML encoding declaration) or raise Reject("parse", ...).

    Bytes that are not in the encoding they declare (cp1252 labelled UTF-8 ...) are decoded
    by tasks.clean's detection and parsed again; nesting past libxml2's own bound or
    LIMITS.max_xml_depth is "xml too deep".
    """
    head = data[:65536]
    harmless = {m["name"].decode("ascii", "replace") for m in _EXTERNAL_PARAMETER_ENTITY.finditer(head)}
    if len(_DOCTYPE_ENTITY.findall(head)) > len(harmless):
        raise Reject("parse", "xml entity declarations", "DOCTYPE declares entities; refused for safety")
    try:
        root = _parse(data)
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        if "Excessive depth" in message or "depth" in message.lower() and "exceeds" in message.lower():
            raise Reject("parse", "xml too deep", message[:300]) from None
        if "encoding" not in message.lower() and "not proper UTF-8" not in message:
            raise Reject("parse", "malformed xml", message[:300]) from None
        root = _parse_redecoded(data, message)
    if root is None:
        raise Reject("parse", "malformed xml", "no root element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(entity.name not in harmless for entity in dtd.iterentities()):
        raise Reject("parse", "xml entity declarations", "DOCTYPE declares entities; refused for safety")
    _check_depth(root)
    return root


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))


def _parse_redecoded(data: bytes, first_error: str) -> etree._Element:
    try:
        text = data.decode(detect_charset(data))
    except (Reject, UnicodeDecodeError, LookupError):
        raise Reject("parse", "malformed xml", first_error[:300]) from None
    text = _ENCODING_DECLARATION.sub(r"\1", text.lstrip("\ufeff"), count=1)
    try:
        return _parse(text.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise Reject("parse", "malformed xml", f"{first_error[:150]}; redecoded: {exc}"[:300]) from None


def _check_depth(root: etree._Element) -> None:
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > LIMITS.max_xml_depth:
            raise Reject("parse", "xml too deep", f"nesting over {LIMITS.max_xml_depth} elements")


def local(tag: object) -> str:
    """'{ns}headline' -> 'headline' (comments and PIs give '')."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(element: etree._Element | None) -> str:
    """All text inside an element, whitespace collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


# --- lookups by local name: IPTC documents come with and without namespaces ----------------

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child element with this local name (namespaces ignored), or None."""
    if element is None:
        return None
    for node in element:
        if isinstance(node.tag, str) and local(node.tag) == name:
            return node
    return None


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [node for node in element if isinstance(node.tag, str) and local(node.tag) == name]


def descendants(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [node for node in element.iterdescendants() if isinstance(node.tag, str) and local(node.tag) == name]


def attr(element: etree._Element | None, name: str) -> str | None:
    """An attribute, whitespace collapsed; None when absent or blank."""
    if element is None:
        return None
    value = element.get(name)
    return " ".join(value.split()) or None if value else None


def language_of(element: etree._Element | None) -> str | None:
    return attr(element, XML_LANG)
