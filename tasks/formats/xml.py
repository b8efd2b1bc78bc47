"""Safe XML for every XML format: no DTDs, no external entities, no network, bounded depth.

lxml with these options never fetches anything and never expands entities, which stops
XXE and billion-laughs inputs; the depth check stops pathological nesting.
"""

from __future__ import annotations

import re

from lxml import etree

from tasks.limits import LIMITS
from tasks.records import Reject

_PARSER_OPTIONS = dict(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_DOCTYPE_ENTITY = re.compile(rb"<!ENTITY", re.I)


def root_name(head: bytes) -> str | None:
    """Local name of the first element in the first bytes ('nitf', 'newsMessage'), if any.

    Skips the XML declaration, comments, processing instructions and a DOCTYPE.
    """
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    text = re.sub(rb"<!--.*?-->", b"", text, flags=re.S)
    match = _ROOT.search(text)
    return match.group(1).decode("ascii", "replace") if match else None


def parse_xml(data: bytes) -> etree._Element:
    """Parse bytes (honouring their XML encoding declaration) or raise Reject("parse", ...)."""
    if _DOCTYPE_ENTITY.search(data[:65536]):
        raise Reject("parse", "xml entity declarations", "DOCTYPE declares entities; refused for safety")
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise Reject("parse", "malformed xml", str(exc)[:300]) from None
    if root is None:
        raise Reject("parse", "malformed xml", "no root element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise Reject("parse", "xml entity declarations", "DOCTYPE declares entities; refused for safety")
    _check_depth(root)
    return root


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
