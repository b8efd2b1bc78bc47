"""How rows are identified: `story_id` (every version of one story, in any format) and the
content hash behind `article_id` (one article, however it was delivered). Pure.

Formats spell one story's id differently: a NewsML-G2 guid "tag:afp.com,2016:newsml_afp-
20160213-ca2f6e0309", a ninjs uri "http://afp.com/ninjs/afp-20160213-ca2f6e0309", a feed id
"urn:www.afp.com:afp-20160213-ca2f6e0309:v2", a page "https://www.afp.com/world/2016/02/13/
wildfire-hits-hanoi-ca2f6e0309.html" (AP's pages end in the item's id the same way). Each is
reduced to its core ("ca2f6e0309"), and the story id is a hash of agency and core.
"""

from __future__ import annotations

import hashlib
import re

# A version written onto an id: "...:v2", "..._v2", "/v2", "?version=2"; a bare ":2" only
# where the rest still names one story (see story_core).
_VERSION_SUFFIX = re.compile(r"(?:[:/_-]v\d{1,4}|[?&]version=\d+)$", re.IGNORECASE)
_NUMBER_SUFFIX = re.compile(r":\d{1,3}$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|xml|json)$", re.IGNORECASE)
_WRAPPER_PREFIX = re.compile(r"^newsml_", re.IGNORECASE)  # "tag:reuters.com,2017:newsml_L1N2XY"
# An opaque id at the end of a longer name: "afp-20160213-ca2f6e0309", "wildfire-hits-hanoi-
# 9f8e...": letters and digits mixed, or 10+ digits. Dates ("2019-03-14") and counters ("0042")
# stay part of the whole name.
_ID_TAIL = re.compile(r"-(?P<tail>(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{8,}|\d{10,})$")
_DISTINCTIVE = re.compile(r"(?=.*\d).{8,}")  # a last segment this long, with a digit, names one story
_WORD = re.compile(r"\w+")


def story_core(format_id: str) -> str:
    """The part of a format's story id (or a page address) that every format shares."""
    text = format_id.strip().split("#", 1)[0].rstrip("/").lower()
    text = _VERSION_SUFFIX.sub("", text)
    if (bare := _NUMBER_SUFFIX.sub("", text)) != text and _DISTINCTIVE.fullmatch(_last_segment(bare)):
        text = bare  # "tag:reuters.com,2017:newsml_L5N1G0123:2"; "urn:example:ap:7781" stays
    segment = _last_segment(text)
    if tail := _ID_TAIL.search(segment):
        return tail["tail"]
    if _DISTINCTIVE.fullmatch(segment):
        return segment
    # "https://kyodo.example/news/2021/11/volcano.html": "volcano" alone could name many stories
    return _EXTENSION.sub("", _SCHEME.sub("", text))


def _last_segment(text: str) -> str:
    return _WRAPPER_PREFIX.sub("", _EXTENSION.sub("", re.split(r"[:/,]", text)[-1]))


def story_id(agency: str | None, format_id: str | None, url: str | None, headline: str, day: str) -> str:
    """One id for every version of one story: from the format's id, else the page's address,
    else (formats that carry neither: page text, IPTC 7901) agency, headline and day."""
    for known in (format_id, url):
        if known and known.strip():
            return sha256_hex(agency or "", "story", story_core(known))[:16]
    return sha256_hex(agency or "", fingerprint(headline), day)[:16]


def content_sha256(agency: str | None, headline: str, body: str, stub_of: str | None = None) -> str:
    """What the story says, not how the format spelt it: the same story as NITF and as ninjs
    gets one hash. A stub without text (`stub_of`: its story id and day) adds what tells it
    apart: two feed items with one headline and no body are two articles."""
    parts = [agency or "", fingerprint(headline), fingerprint(body)]
    return sha256_hex(*parts, stub_of) if stub_of else sha256_hex(*parts)


def fingerprint(text: str) -> str:
    """Text reduced to its lower-cased words: immune to quotes, dashes, spacing and markup."""
    return " ".join(_WORD.findall(text.casefold()))


def sha256_hex(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
