"""IPTC ninjs, news in JSON (../shared/FORMATS.md, "IPTC ninjs").

One JSON object per news item. 1.x is flat (headline, byline, body_text / body_xhtml,
subject[], person[], organisation[], place[]); 2.x uses plural arrays (headlines[{role,
value}], bodies[{role, contenttype, value}], subjects[], people[] ...); 3.x keeps those and
spells some keys in camelCase (versionCreated, pubStatus, contentType). News APIs wrap an
item in an envelope {"data": {"item": {...}}}; a file may also hold a JSON array or JSON
lines of items. Keys are compared lower-cased, so 1.x, 2.x and 3.x read alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone

import lxml.html
from lxml import etree

from tasks.clean import detect_charset, normalise_text
from tasks.formats._newsml import known_agency
from tasks.formats._wire_marks import apply_marks
from tasks.formats._xml import local, parse_xml, sniff_text, text_of
from tasks.settings import LIMITS
from tasks.parse import split_dateline
from tasks.records import MarkedEntity, RawFile, Reject, Story

NAME = "ninjs"

# Top-level keys only a news item has ("type" alone is not enough: JSON schemas have it too).
_ITEM_KEYS = frozenset({
    "uri", "headline", "headlines", "body_text", "body_html", "body_xhtml", "bodies",
    "versioncreated", "firstcreated", "pubstatus", "slugline", "byline", "standard",
})
_WITHDRAWN = frozenset({"withdrawn", "canceled", "cancelled"})
_SUBHEADLINE_ROLES = ("sub", "subheadline", "subtitle", "subhead", "secondary")
_ENTITY_FIELDS = (  # (1.x key, 2.x/3.x key, entity type)
    ("person", "people", "PERSON"),
    ("organisation", "organisations", "ORG"),
    ("place", "places", "LOC"),
)
_MAX_KEY_DEPTH = 8
_BY = re.compile(r"^(?:by|von|par|por|av)\s+", re.I)


def sniff(head: bytes) -> bool:
    """A JSON object (or array / lines of them) whose keys are ninjs keys, or the envelope."""
    text = sniff_text(head).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith(("{", "[")):
        return False
    keys = _keys_by_depth(text)
    top = keys.get(1, set()) if text[0] == "{" else keys.get(2, set())
    if top & _ITEM_KEYS:
        return True
    if "data" in top and "item" in keys.get(2 if text[0] == "{" else 3, set()):
        return True
    # The ninjs JSON schema travels with ninjs items: claim it so it is refused by name.
    return "$schema" in top and "ninjs" in text


def read(raw: RawFile) -> Iterator[Story | Reject]:
    for item in _items(_load(raw.data)):
        try:
            yield parse_item(item)
        except Reject as reject:
            yield reject


def parse_item(item: object) -> Story:
    """One ninjs item (any version) -> Story, or Reject for what is not a readable text item."""
    if not isinstance(item, dict):
        raise Reject("parse", "not a news item", f"a JSON {type(item).__name__}, not an object")
    item = _lower_keys(item)
    _check_types(item)
    if "$schema" in item or ("uri" not in item and not _headline(item)):
        raise Reject("parse", "not a news item", "a JSON schema or object without uri and headline")
    kind = item.get("type") or "text"
    # A composite (a press release with its pictures) is a story when it has a text body.
    if kind != "text" and not (kind == "composite" and _body(item)):
        raise Reject("parse", "not a text item", f"type {kind!r}")
    if str(item.get("pubstatus", "")).lower() in _WITHDRAWN:
        raise Reject("parse", "withdrawn item", str(item.get("uri", "")))

    headline = _headline(item)
    if not headline:
        raise Reject("parse", "no headline", str(item.get("uri", "")))
    paragraphs = _body(item)
    if not paragraphs:
        raise Reject("parse", "no body", f"headline {headline[:60]!r} has no body")

    version_created = _datetime(item.get("versioncreated"))
    first_created = _datetime(item.get("firstcreated"))
    published = first_created or version_created  # the first version's time, else this one's
    located = _located(item)
    story = Story(
        headline=headline,
        paragraphs=paragraphs,
        source_format=NAME,
        agency=_agency(item),
        version=_int(item.get("version")),
        story_id=_str(item.get("uri")),
        published_at=published,
        date_source="metadata" if published else None,
        # A dateline in the text wins (finish_story takes it); else the item's location.
        dateline=None if split_dateline(paragraphs[0]) else located,
        byline=_byline(item),
        language=_language(item.get("language")),
        subheadline=_role_value(item.get("headlines"), _SUBHEADLINE_ROLES),
        slug=_str(item.get("slugline")),
        urgency=_int(item.get("urgency")),
        subjects=_subjects(item),
        version_created_at=version_created,
        marked_entities=_marked_entities(item),
    )
    apply_marks(story)
    return story


# --- loading ------------------------------------------------------------------------------


def _load(data: bytes) -> list:
    """The JSON document(s) in the file: one document, or one per line (JSON lines).

    Nesting deeper than LIMITS.max_json_depth is refused before json runs ("json too deep":
    deep enough, json's recursion would fail or take the stack)."""
    text = _json_text(data)
    _check_depth(text)
    try:
        return [_scrub(json.loads(text))]
    except ValueError as exc:
        error = exc
    except RecursionError:
        raise Reject("parse", "json too deep", "nesting beyond Python's recursion limit") from None
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1:
        try:
            return [_scrub(json.loads(line)) for line in lines]
        except (ValueError, RecursionError):
            pass
    raise Reject("parse", "malformed json", str(error)[:300])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(value):
    """JSON may escape lone surrogates ("\\ud800"), which no UTF-8 writer accepts: make them U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    return value


def _json_text(data: bytes) -> str:
    """JSON bytes -> str: UTF-8/16/32 as JSON allows (json's own detection), else the
    charset tasks.clean detects (cp1252 JSON exists, whatever RFC 8259 says)."""
    codec = json.detect_encoding(data)
    try:
        return data.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(detect_charset(data))
    except (UnicodeDecodeError, LookupError):
        raise Reject("decode", "undecodable bytes", f"JSON is neither {codec} nor a detectable charset") from None


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{\]}]')


def _check_depth(text: str) -> None:
    """Reject JSON nested deeper than LIMITS.max_json_depth (brackets in strings do not count)."""
    limit, depth = LIMITS.max_json_depth, 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                raise Reject("parse", "json too deep", f"nesting over {limit} levels")
        elif token in "]}":
            depth -= 1


def _items(documents: list) -> Iterator[object]:
    """Items of every document: a bare item, an array of items, or the API envelope."""
    for doc in documents:
        if isinstance(doc, list):
            yield from doc
        elif isinstance(doc, dict) and isinstance(doc.get("data"), dict) and not _item_like(doc):
            data = doc["data"]
            if isinstance(data.get("items"), list):
                yield from data["items"]
            else:
                yield data.get("item", data)
        else:
            yield doc


def _item_like(doc: dict) -> bool:
    return bool({k.lower() for k in doc} & _ITEM_KEYS)


def _keys_by_depth(text: str) -> dict[int, set[str]]:
    """Object keys found in (possibly truncated) JSON text, lower-cased, by nesting depth."""
    keys: dict[int, set[str]] = {}
    depth = 0
    for match in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*(:)?|[{\[]|[}\]]', text):
        token = match.group(0)
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
        elif match.group(2):
            keys.setdefault(depth, set()).add(match.group(1).lower())
    return keys


def _lower_keys(value: object, depth: int = 0) -> object:
    """Dict keys lower-cased: 3.x 'versionCreated' reads as 1.x 'versioncreated'.

    ninjs fields sit a few levels deep at most; deeper values are kept as they are.
    """
    if depth > _MAX_KEY_DEPTH:
        return value
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v, depth + 1) for v in value]
    return value


# --- fields -------------------------------------------------------------------------------

# Fields that become the story's text or identity, and lists of {value} entries: a number
# here is a broken feed, never a body "12345" (issue 19, item 9).
_TEXT_FIELDS = ("uri", "headline", "title", "body_text", "body_html", "body_html5", "body_xhtml", "description_text")
_ENTRY_LISTS = ("headlines", "bodies", "descriptions")
_JSON_TYPES = ((bool, "a boolean"), (int, "a number"), (float, "a number"), (dict, "an object"), (list, "an array"))


def _check_types(item: dict) -> None:
    """Reject the item, naming the field, when a text field (or a {value} of a list of them)
    holds a number, boolean, object or array instead of text."""
    def wrong(where: str, value: object, expected: str) -> Reject:
        kind = next((name for t, name in _JSON_TYPES if isinstance(value, t)), type(value).__name__)
        return Reject("parse", "field of wrong type", f"{where} is {kind}, not {expected}")

    for key in _TEXT_FIELDS:
        if item.get(key) is not None and not isinstance(item[key], str):
            raise wrong(key, item[key], "text")
    for key in _ENTRY_LISTS:  # a list that is no list is ignored (its text is read elsewhere)
        entries = item.get(key)
        for n, entry in enumerate(entries if isinstance(entries, list) else ()):
            value = entry.get("value") if isinstance(entry, dict) else entry
            if value is not None and not isinstance(value, str):
                raise wrong(f"{key}[{n}]" + (".value" if isinstance(entry, dict) else ""), value, "text")


def _headline(item: dict) -> str:
    main = _str(item.get("headline")) or _role_value(item.get("headlines"), ("main", "", None))
    if not main and isinstance(item.get("headlines"), list):
        main = _role_value(item["headlines"], None)  # any role at all
    return _clean(main or _str(item.get("title")) or "")


def _role_value(entries: object, roles: tuple | None) -> str | None:
    """The value of the first {role, value} entry whose role is one of `roles` (None: any)."""
    if not isinstance(entries, list):
        return None
    for entry in entries:
        if isinstance(entry, dict) and (roles is None or entry.get("role") in roles):
            if value := _clean(_str(entry.get("value")) or ""):
                return value
    return None


_MARKUP_BODY_KEYS = ("body_xhtml", "body_html5", "body_html")
_BODY_KEYS = (*_MARKUP_BODY_KEYS, "body_text")


def _body(item: dict) -> list[str]:
    """Paragraphs from the richest body given: markup keeps paragraph breaks, plain text may not."""
    for key in _MARKUP_BODY_KEYS:
        if text := _str(item.get(key)):
            if paragraphs := html_paragraphs(text):
                return paragraphs
    bodies = [b for b in _list(item.get("bodies")) if isinstance(b, dict) and _str(b.get("value"))]
    for body in sorted(bodies, key=_body_rank):
        if paragraphs := _body_paragraphs(body):
            return paragraphs
    if text := _str(item.get("body_text")):
        return text_paragraphs(text)
    # Some items (NTB's) carry only a description: the lead is the whole text delivered.
    for entry in _list(item.get("descriptions")) or [item.get("description_text")]:
        value = entry.get("value") if isinstance(entry, dict) else entry
        if text := _str(value):
            return text_paragraphs(text)
    return []


def _body_rank(body: dict) -> int:
    kind = f"{body.get('contenttype', '')} {body.get('role', '')}".lower()
    return 0 if "html" in kind else 1 if "nitf" in kind or "xml" in kind else 2


def _body_paragraphs(body: dict) -> list[str]:
    kind, value = _body_rank(body), body["value"]
    if kind == 0:
        return html_paragraphs(value)
    if kind == 1:
        try:
            return nitf_paragraphs(value)
        except Reject:
            return []
    return text_paragraphs(value)


def html_paragraphs(markup: str) -> list[str]:
    """<p> (and bare <blockquote>) texts of an HTML / XHTML fragment; without <p>, its text
    parted at blank lines."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return text_paragraphs(markup)
    # A quotation set as <blockquote> without <p> inside is a paragraph too (TT's closing quotes).
    blocks = [e for e in root.iter("p", "blockquote") if e.tag == "p" or e.find(".//p") is None]
    paragraphs = [_clean(block.text_content()) for block in blocks]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs:
        return paragraphs
    # Without <p>, line breaks in markup are white space: only blank lines part paragraphs.
    blocks = re.split(r"\n[ \t]*\n", root.text_content())
    return [p for p in (_clean(b) for b in blocks) if p]


def nitf_paragraphs(markup: str) -> list[str]:
    """<p> texts in an NITF document's body.content (a 3.x body with role "nitf")."""
    root = parse_xml(markup.encode("utf-8"))
    content = next((e for e in root.iter() if local(e.tag) == "body.content"), root)
    paragraphs = [_clean(text_of(e)) for e in content.iter() if local(e.tag) == "p"]
    return [p for p in paragraphs if p]


def text_paragraphs(text: str) -> list[str]:
    """Plain text: blank lines separate paragraphs; a text with none has one per line."""
    text = normalise_text(text)
    blocks = text.split("\n\n") if "\n\n" in text else text.split("\n")
    return [p for p in (" ".join(b.split()) for b in blocks) if p]


def _byline(item: dict) -> str | None:
    byline = _str(item.get("byline")) or _str(item.get("by"))
    return _BY.sub("", _clean(byline)) or None if byline else None


def _agency(item: dict) -> str | None:
    """copyrightholder, else the provider / first infosource's name."""
    for key in ("copyrightholder", "provider", "infosource", "infosources"):
        value = item.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("name") or value.get("literal")
        if name := _str(value):
            return name
    return known_agency(_str(item.get("uri")))  # "http://www.businesswire.com/news/..." -> Business Wire


def _located(item: dict) -> str | None:
    located = item.get("located")
    if isinstance(located, dict):
        located = located.get("name")
    return _str(located)


def _subjects(item: dict) -> list[str]:
    """Each subject's code, else its URI, else its name (as delivered)."""
    out = []
    for entry in _entries(item, "subject", "subjects"):
        value = entry.get("code") or entry.get("uri") or entry.get("name") or entry.get("literal")
        if (value := _str(value)) and value not in out:
            out.append(value)
    return out


def _marked_entities(item: dict) -> list[MarkedEntity]:
    out = []
    for old, new, kind in _ENTITY_FIELDS:
        for entry in _entries(item, old, new):
            name = _str(entry.get("name")) or _str(entry.get("literal"))
            if name:
                out.append(MarkedEntity(kind, name, _str(entry.get("code")) or _str(entry.get("uri"))))
    return out


def _entries(item: dict, *keys: str) -> list[dict]:
    values = []
    for key in keys:
        value = item.get(key)
        values.extend(value if isinstance(value, list) else [value] if value else [])
    return [v if isinstance(v, dict) else {"name": v} for v in values if isinstance(v, (dict, str))]


def _datetime(value: object) -> datetime | None:
    """ISO 8601 -> timezone-aware datetime (a time without zone is UTC); None if unreadable."""
    text = _str(value)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _language(value: object) -> str | None:
    """'nb-NO' -> 'nb': the primary subtag, like the detected languages."""
    text = _str(value)
    return text.split("-")[0].split("_")[0].lower() if text else None


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _int(value: object) -> int | None:
    """A small whole number (versions, urgency), or None: 3000000000 is not a version."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 <= number < 100_000 else None


def _str(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None


def _clean(text: str | None) -> str:
    return " ".join(normalise_text(text).split()) if text else ""
