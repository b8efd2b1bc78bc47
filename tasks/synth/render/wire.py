"""Renderers of the agency wire formats: NITF, NewsML-G2, NewsML 1.2, ninjs, ANPA-1312 and
IPTC 7901 (layouts: shared/FORMATS.md and the IPTC specifications).

Single-story renderers take a WireStory; the stream formats (G2 newsMessage, ANPA and 7901
captures) also have `bundle_<format>(stories)` writing several stories into one file.
Layout choices come from a random.Random(story.style_seed): bytes depend on the story alone.
"""

from __future__ import annotations

import json
import random
import re

from tasks.synth.reference import AFP_MONTHS, AGENCY_BY_NAME, make_name
from tasks.synth.render.meta import (
    AGENCY_DOMAIN, DECLARED, MEDIA_TOPIC, body_paragraphs, compact, encode_markup, esc, guid, iso, iso_cc,
    iso_offset, urgency, ymd,
)
from tasks.synth.render.page_text import LATIN1_FALLBACK
from tasks.synth.story import WireStory

G2_NS = "http://iptc.org/std/nar/2006-10-01/"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _style(story: WireStory) -> random.Random:
    return random.Random(story.style_seed)


def _xml_decl(encoding: str) -> str:
    return f'<?xml version="1.0" encoding="{DECLARED[encoding]}"?>\n'


def _byline(r: random.Random, story: WireStory) -> str:
    if story.agency == "Xinhua":
        return f"by {make_name(r, 'chinese')[0]}"
    return f"By {make_name(r, 'anglo' if r.random() < 0.6 else 'french')[0]}"


# --------------------------------------------------------------------------------------
# NITF 3.x
# --------------------------------------------------------------------------------------

_ENTITY_TAGS = (("people", "person"), ("orgs", "org"), ("places", "location"))


def _tag_entities(paragraphs: list[str], story: WireStory) -> list[str]:
    """Escaped paragraphs with each entity's first mention wrapped in <person>/<org>/<location>.
    Longer names claim their text first, so tags never nest or overlap (str.find: no regex
    to compile per story)."""
    names = {}
    for attr, tag in _ENTITY_TAGS:
        for name in getattr(story, attr):
            names.setdefault(esc(name), tag)
    out = []
    for text in map(esc, paragraphs):
        spans = []
        for name in sorted(names, key=len, reverse=True):
            at = _find_word(text, name)
            if at >= 0 and not any(a < at + len(name) and at < b for a, b, _ in spans):
                spans.append((at, at + len(name), names.pop(name)))
        for a, b, tag in sorted(spans, reverse=True):
            text = f"{text[:a]}<{tag}>{text[a:b]}</{tag}>{text[b:]}"
        out.append(text)
    return out


def _find_word(text: str, name: str) -> int:
    """First index of `name` in `text` as a whole word, or -1."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        at = text.find(name, at + 1)
    return -1


def nitf_body(story: WireStory, r: random.Random, *, inline: bool, head_meta: bool = True) -> str:
    """<body> of a NITF document (also what G2 and NewsML 1.2 carry inline)."""
    paragraphs = body_paragraphs(story)
    paras = _tag_entities(paragraphs, story) if inline else [esc(p) for p in paragraphs]
    dt = story.published
    out = ["<body>\n<body.head>\n<hedline>\n<hl1>", esc(story.full_headline), "</hl1>\n"]
    if r.random() < 0.3:
        out.append(f"<hl2>{esc(story.paragraphs[0].split('. ')[0][:120])}</hl2>\n")
    out.append("</hedline>\n")
    if head_meta:
        if r.random() < 0.6:
            out.append(f"<byline>{esc(_byline(r, story))}</byline>\n")
        out.append(f"<distributor>{esc(story.agency)}</distributor>\n")
        out.append(f"<dateline><location><city>{esc(story.city)}</city>"
                   f"<country>{esc(story.country)}</country></location>")
        if dt is not None:
            out.append(f'<story.date norm="{compact(dt)}">{dt.day} {AFP_MONTHS[dt.month - 1]} {dt.year}</story.date>')
        out.append("</dateline>\n")
    out.append("</body.head>\n<body.content>\n")
    for p in paras:
        out.append(f"<p>{p}</p>\n")
    out.append("</body.content>\n")
    if head_meta:
        end = AGENCY_BY_NAME[story.agency].end_markers[0]
        out.append(f"<body.end>\n<tagline>{esc(end)}</tagline>\n</body.end>\n")
    out.append("</body>\n")
    return "".join(out)


def render_nitf(story: WireStory) -> bytes:
    """A NITF 3.x document: head (title, docdata, subject), body.head, body.content, body.end.
    About a third mark entities inline; the charset is the story's (ISO-8859-1 is common)."""
    r = _style(story)
    dt = story.published
    code, name, legacy = MEDIA_TOPIC[story.section]
    version = _pick_nitf_version(r)
    out = [_xml_decl(story.encoding), f'<nitf version="-//IPTC//DTD NITF {version}//EN">\n<head>\n',
           f"<title>{esc(story.full_headline)}</title>\n",
           f'<tobject tobject.type="news"><tobject.subject tobject.subject.refnum="{legacy}" '
           f'tobject.subject.type="{esc(name)}"/></tobject>\n<docdata>\n',
           f'<doc-id id-string="{esc(story.story_key)}"/>\n<urgency ed-urg="{urgency(story)}"/>\n']
    if dt is not None:
        out.append(f'<date.issue norm="{compact(dt)}"/>\n')
    out.append(f'<du-key key="{esc(story.story_key)}" version="{story.version}"/>\n')
    if dt is not None:
        out.append(f'<doc.copyright year="{dt.year}" holder="{esc(story.agency)}"/>\n')
    out.append(f'<evloc city="{esc(story.city)}" iso-cc="{iso_cc(story)}"/>\n<key-list>\n')
    for keyword in (story.topic, story.country, *story.orgs[:2]):
        out.append(f'<keyword key="{esc(keyword)}"/>\n')
    out.append("</key-list>\n</docdata>\n")
    if dt is not None:
        out.append(f'<pubdata type="web" date.publication="{compact(dt)}"/>\n')
    out.append("</head>\n")
    out.append(nitf_body(story, r, inline=r.random() < 0.35))
    out.append("</nitf>\n")
    return encode_markup("".join(out), story.encoding)


def _pick_nitf_version(r: random.Random) -> str:
    return ("3.2", "3.3", "3.4", "3.5", "3.6")[int(r.random() * 5)]


# --------------------------------------------------------------------------------------
# NewsML-G2
# --------------------------------------------------------------------------------------


def g2_item(story: WireStory, r: random.Random, *, bare: bool = False) -> str:
    """One <newsItem> (guid shared by the story's versions) with NITF or XHTML inline."""
    dt = story.published
    code, topic_name, _ = MEDIA_TOPIC[story.section]
    ns = f' xmlns="{G2_NS}"' if bare else ""
    out = [f'<newsItem{ns} guid="{esc(guid(story))}" version="{story.version}" standard="NewsML-G2" '
           f'standardversion="2.{int(r.random() * 10) + 25}" conformance="power" xml:lang="en">\n',
           '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>\n',
           '<itemMeta>\n<itemClass qcode="ninat:text"/>\n',
           f'<provider qcode="nprov:{story.agency.upper()}"/>\n']
    if dt is not None:
        out.append(f"<versionCreated>{iso_offset(dt)}</versionCreated>\n")
        if story.version == 1:
            out.append(f"<firstCreated>{iso_offset(dt)}</firstCreated>\n")
    out.append('<pubStatus qcode="stat:usable"/>\n</itemMeta>\n<contentMeta>\n')
    out.append(f"<urgency>{urgency(story)}</urgency>\n")
    out.append(f'<located qcode="geo:{esc(story.city.lower().replace(" ", ""))}"><name>{esc(story.city)}</name>'
               f'<broader qcode="iso3166-1a2:{iso_cc(story)}"/></located>\n')
    out.append(f'<creator qcode="nprov:{story.agency.upper()}"><name>{esc(story.agency)}</name></creator>\n')
    out.append(f'<infoSource role="cpnat:originfo" uri="http://www.{AGENCY_DOMAIN[story.agency]}/">'
               f"<name>{esc(story.agency)}</name></infoSource>\n")
    out.append(f'<subject type="cpnat:abstract" qcode="{code}"><name xml:lang="en">{esc(topic_name)}</name></subject>\n')
    for person in story.people[:3]:
        out.append(f'<subject type="cpnat:person" literal="{esc(person)}"><name>{esc(person)}</name></subject>\n')
    out.append(f'<headline role="hlrole:main">{esc(story.full_headline)}</headline>\n')
    if r.random() < 0.3:
        out.append(f'<headline role="hlrole:sub">{esc(story.paragraphs[0][:100])}</headline>\n')
    if story.slug:
        out.append(f"<slugline>{esc(story.slug.rstrip(': '))}</slugline>\n")
    out.append(f"<dateline>{esc(story.dateline)}</dateline>\n")
    out.append('<language tag="en"/>\n</contentMeta>\n<contentSet>\n')
    if r.random() < 0.6:
        out.append(f'<inlineXML contenttype="application/nitf+xml">\n<nitf xmlns="{NITF_NS}">\n')
        out.append(nitf_body(story, r, inline=r.random() < 0.3, head_meta=False))
        out.append("</nitf>\n</inlineXML>\n")
    else:
        out.append(f'<inlineXML contenttype="application/xhtml+xml">\n<html xmlns="{XHTML_NS}">\n'
                   f"<head><title>{esc(story.full_headline)}</title></head>\n<body>\n")
        out.extend(f"<p>{esc(p)}</p>\n" for p in body_paragraphs(story))
        out.append("</body>\n</html>\n</inlineXML>\n")
    out.append("</contentSet>\n</newsItem>\n")
    return "".join(out)


def bundle_newsml_g2(stories: list[WireStory]) -> bytes:
    """A <newsMessage> wrapping 1-3 newsItems; a lone story is sometimes a bare newsItem."""
    first = stories[0]
    r = _style(first)
    encoding = "utf-8-sig" if first.encoding == "utf-8-sig" else "utf-8"
    if len(stories) == 1 and r.random() < 0.3:
        return encode_markup(_xml_decl(encoding) + g2_item(first, r, bare=True), encoding)
    sent = max((s.published for s in stories if s.published), default=None)
    out = [_xml_decl(encoding), f'<newsMessage xmlns="{G2_NS}">\n<header>\n']
    if sent is not None:
        out.append(f"<sent>{iso(sent)}</sent>\n")
    out.append(f"<sender>{AGENCY_DOMAIN[first.agency]}</sender>\n<priority>{urgency(first)}</priority>\n"
               "</header>\n<itemSet>\n")
    for story in stories:
        out.append(g2_item(story, _style(story)))
    out.append("</itemSet>\n</newsMessage>\n")
    return encode_markup("".join(out), encoding)


def render_newsml_g2(story: WireStory) -> bytes:
    return bundle_newsml_g2([story])


# --------------------------------------------------------------------------------------
# NewsML 1.2
# --------------------------------------------------------------------------------------


def render_newsml12(story: WireStory) -> bytes:
    """Legacy NewsML 1.2: NewsEnvelope, NewsItem (Identification, NewsManagement,
    NewsComponent with NewsLines and a ContentItem holding XHTML or NITF)."""
    r = _style(story)
    dt = story.published
    domain = AGENCY_DOMAIN[story.agency]
    _, _, legacy = MEDIA_TOPIC[story.section]
    stamp = compact(dt).replace("Z", "+0000") if dt else None
    out = [_xml_decl(story.encoding), '<NewsML Version="1.2">\n<NewsEnvelope>\n']
    if stamp:
        out.append(f"<DateAndTime>{stamp}</DateAndTime>\n")
    out.append(f'<NewsService FormalName="{esc(story.agency)} English"/>\n<Priority FormalName="{urgency(story)}"/>\n'
               "</NewsEnvelope>\n<NewsItem>\n<Identification>\n<NewsIdentifier>\n"
               f"<ProviderId>{domain}</ProviderId>\n")
    if dt:
        out.append(f"<DateId>{ymd(dt)}</DateId>\n")
    out.append(f"<NewsItemId>{esc(story.story_key)}</NewsItemId>\n"
               f'<RevisionId PreviousRevision="{story.version - 1}" Update="N">{story.version}</RevisionId>\n'
               f"<PublicIdentifier>urn:newsml:{domain}:{ymd(dt)}:{esc(story.story_key)}:{story.version}</PublicIdentifier>\n"
               "</NewsIdentifier>\n</Identification>\n<NewsManagement>\n<NewsItemType FormalName=\"News\"/>\n")
    if stamp:
        out.append(f"<FirstCreated>{stamp}</FirstCreated>\n<ThisRevisionCreated>{stamp}</ThisRevisionCreated>\n")
    out.append('<Status FormalName="Usable"/>\n</NewsManagement>\n<NewsComponent>\n<NewsLines>\n'
               f"<HeadLine>{esc(story.full_headline)}</HeadLine>\n<DateLine>{esc(story.dateline)}</DateLine>\n")
    if r.random() < 0.5:
        out.append(f"<ByLine>{esc(_byline(r, story))}</ByLine>\n")
    if dt:
        out.append(f"<CopyrightLine>Copyright {esc(story.agency)} {dt.year}</CopyrightLine>\n")
    if story.slug:
        out.append(f"<SlugLine>{esc(story.slug.rstrip(': '))}</SlugLine>\n")
    out.append("</NewsLines>\n<AdministrativeMetadata>\n"
               f'<Provider><Party FormalName="{esc(story.agency)}"/></Provider>\n</AdministrativeMetadata>\n'
               '<DescriptiveMetadata>\n<Language FormalName="en"/>\n'
               f'<SubjectCode><Subject FormalName="{legacy}"/></SubjectCode>\n'
               f'<Location HowPresent="Origin"><Property FormalName="Country" Value="{iso_cc(story)}"/>'
               f'<Property FormalName="City" Value="{esc(story.city)}"/></Location>\n</DescriptiveMetadata>\n'
               '<ContentItem>\n<MediaType FormalName="Text"/>\n')
    if r.random() < 0.5:
        out.append('<Format FormalName="XHTML"/>\n<MimeType FormalName="application/xhtml+xml"/>\n<DataContent>\n'
                   f'<html xmlns="{XHTML_NS}"><head><title>{esc(story.full_headline)}</title></head><body>\n')
        out.extend(f"<p>{esc(p)}</p>\n" for p in body_paragraphs(story))
        out.append("</body></html>\n</DataContent>\n")
    else:
        out.append('<Format FormalName="NITF"/>\n<MimeType FormalName="text/vnd.IPTC.NITF"/>\n<DataContent>\n<nitf>\n')
        out.append(nitf_body(story, r, inline=False, head_meta=False))
        out.append("</nitf>\n</DataContent>\n")
    out.append("</ContentItem>\n</NewsComponent>\n</NewsItem>\n</NewsML>\n")
    return encode_markup("".join(out), story.encoding)


# --------------------------------------------------------------------------------------
# ninjs
# --------------------------------------------------------------------------------------


def ninjs_item(story: WireStory, r: random.Random) -> dict:
    """The story as a ninjs 1.x (flat), 2.x or 3.x (arrays; 3.x camelCase) object."""
    dt = story.published
    paragraphs = body_paragraphs(story)
    xhtml = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    code, topic_name, _ = MEDIA_TOPIC[story.section]
    uri = f"http://{AGENCY_DOMAIN[story.agency]}/ninjs/{story.story_key}"
    x = r.random()
    if x < 0.4:  # 1.x: flat
        item = {"uri": uri, "type": "text", "version": str(story.version)}
        if dt:
            item["versioncreated"] = iso(dt)
        item.update(pubstatus="usable", urgency=urgency(story), headline=story.full_headline,
                    byline=_byline(r, story), located=story.city)
        if r.random() < 0.7:
            item["body_text"] = "\n\n".join(paragraphs)
        if "body_text" not in item or r.random() < 0.5:
            item["body_xhtml"] = xhtml
        item.update(language="en", copyrightholder=story.agency,
                    subject=[{"name": topic_name, "code": code}],
                    place=[{"name": p} for p in story.places], person=[{"name": p} for p in story.people],
                    organisation=[{"name": o} for o in story.orgs])
        return item
    v3 = x >= 0.7
    created, ctype = ("versionCreated", "contentType") if v3 else ("versioncreated", "contenttype")
    item = {"uri": uri, "type": "text", "version": str(story.version)}
    if dt:
        item[created] = iso_offset(dt)
    item.update({"pubStatus" if v3 else "pubstatus": "usable", "urgency": urgency(story), "language": "en",
                 "copyrightHolder" if v3 else "copyrightholder": story.agency,
                 "headlines": [{"role": "main", "value": story.full_headline}],
                 "by": _byline(r, story)})
    bodies = [{"role": "main", ctype: "text/plain", "value": "\n\n".join(paragraphs)}]
    if r.random() < 0.5:
        bodies.append({"role": "main", ctype: "text/html", "value": xhtml})
    item["bodies"] = bodies[::-1] if len(bodies) == 2 and r.random() < 0.5 else bodies
    item["subjects"] = [{"name": topic_name, "uri": f"http://cv.iptc.org/newscodes/mediatopic/{code[7:]}"}]
    item["places"] = [{"name": p} for p in story.places]
    item["people"] = [{"name": p} for p in story.people]
    item["organisations"] = [{"name": o} for o in story.orgs]
    return item


def render_ninjs(story: WireStory) -> bytes:
    """ninjs JSON (always UTF-8); a fifth come in a news API's {"data": {"item": ...}} envelope."""
    r = _style(story)
    item = ninjs_item(story, r)
    if r.random() < 0.2:
        item = {"apiVersion": "2.0", "id": story.story_key, "params": {"include": ["*"]}, "data": {"item": item}}
    indent = 2 if r.random() < 0.5 else None
    return json.dumps(item, ensure_ascii=r.random() < 0.5, indent=indent).encode("utf-8")


# --------------------------------------------------------------------------------------
# ANPA-1312
# --------------------------------------------------------------------------------------

SYN, SOH, STX, ETX, EOT, US, DC3, DC1 = "\x16", "\x01", "\x02", "\x03", "\x04", "\x1f", "\x13", "\x11"
_ANPA_TEXT = str.maketrans({"\u201c": "``", "\u201d": "''", "\u2019": "'", "\u2014": "_", "\u2022": "*"})
_ANPA_VERSIONS = {2: "1stLd-Writethru", 3: "2ndLd-Writethru"}
_WRAP = 68


def _wrap(text: str, width: int = _WRAP) -> list[str]:
    """Greedy line wrap (textwrap is too slow for a hundred thousand stories)."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _anpa_text(text: str) -> str:
    text = text.translate(_ANPA_TEXT)
    return re.sub(r'"(?=\w)', "``", text).replace('"', "''").replace(" -- ", " _ ").replace(" - ", " _ ")


def anpa_take(story: WireStory, seq: int) -> str:
    """One take: SYN SYN SOH, priority + sequence, US + selector, the category/priority and
    keyword line (DC3 DC1), STX, ^-lines (headline, Eds note, byline), TAB-led body lines
    ending in '<', ETX, the trailer, EOT."""
    r = _style(story)
    dt = story.published
    prio = "b" if story.slug == "Urgent: " else ("u" if r.random() < 0.2 else "r")
    category = {"Business": "f", "Economy": "f", "Sports": "s"}.get(story.section, "i")
    words = sum(len(p.split()) for p in story.paragraphs)
    keyword = "-".join(w for w in re.split(r"[^A-Za-z0-9]+", story.headline)[:3] if w)
    version = _ANPA_VERSIONS.get(story.version, f"{story.version - 1}thLd-Writethru" if story.version > 1 else "")
    date = f"{dt.month:02d}-{dt.day:02d} " if dt else ""
    selector = "AP-NR" if story.agency == "AP" else f"{story.agency[:3].upper()}-WR"
    out = [f"{SYN}{SYN}{SOH}{prio}{seq % 10000:04d}{US}{selector}\r\n",
           f"{DC3}{DC1}{prio} {category} BC-{keyword} {version}".rstrip() + f"   {date}{words:04d}\r\n", STX]
    out.append(f"^{_anpa_text(story.headline)}<\r\n")
    if story.version > 1:
        out.append(f"^Eds: UPDATES with new material. Version {story.version}.<\r\n")
    if r.random() < 0.6:
        out.append(f"^{_anpa_text(_byline(r, story))}=\r\n^{AGENCY_BY_NAME[story.agency].long_name} Writer=\r\n")
    for paragraph in body_paragraphs(story):
        lines = _wrap(_anpa_text(paragraph))
        out.append("\t" + "\r\n".join(lines) + "<\r\n")
    if story.agency == "Reuters":
        out.append("\tREUTER<\r\n")
    out.append(ETX)
    if dt:
        desk = "WF" if r.random() < 0.7 else "NR"
        agency = "AP" if story.agency == "AP" else story.agency[:3].upper()
        out.append(f"{agency}-{desk}-{dt.month:02d}-{dt.day:02d}-{dt.year % 100:02d} {dt.hour:02d}{dt.minute:02d}GMT<\r\n")
    out.append(EOT)
    return "".join(out)


def bundle_anpa(stories: list[WireStory]) -> bytes:
    """A capture file: several takes one after the other, in cp1252."""
    first_seq = stories[0].style_seed % 9000
    text = "".join(anpa_take(s, first_seq + k) for k, s in enumerate(stories))
    return text.encode("cp1252", "replace")


def render_anpa(story: WireStory) -> bytes:
    return bundle_anpa([story])


# --------------------------------------------------------------------------------------
# IPTC 7901
# --------------------------------------------------------------------------------------


def iptc7901_story(story: WireStory, seq: int) -> str:
    """SOH, header line (service + sequence, priority, category, word count, agency, number),
    keyword line, STX, 'headline =', body, optional notes, signature, ETX, time trailer, EOT."""
    r = _style(story)
    dt = story.published
    prio = 2 if story.slug == "Urgent: " else 3 + int(r.random() * 2)
    category = {"Business": "wi", "Economy": "wi", "Sports": "sp", "Health": "vm", "Sci-Tech": "wi"}.get(story.section, "pl")
    words = sum(len(p.split()) for p in story.paragraphs)
    agency = story.agency.lower() if story.agency in ("dpa", "AFP") else story.agency
    service = "bdt" if r.random() < 0.5 else "eca"
    out = [f"{SOH}{service}{seq % 10000:04d} {prio} {category} {words}  {agency} {seq % 10000:04d}\r\n",
           f"{story.country.replace(' ', '_')}/{story.topic.replace(' ', '_')}/\r\n", STX,
           f"{story.full_headline} =\r\n\r\n"]
    for paragraph in body_paragraphs(story):
        out.append(f"   {paragraph}\r\n")
    if r.random() < 0.2:
        out.append("\r\n# Notebook\r\n# The following information is not for publication\r\n"
                   f"# Editor on duty: {make_name(r, 'german')[0]}, phone +49 30 2852 {int(r.random() * 90000) + 10000}\r\n")
    initials = " ".join("".join(chr(97 + int(r.random() * 26)) for _ in range(3)) for _ in range(1 + int(r.random() * 2)))
    out.append(f"\r\n{agency} {initials}\r\n{ETX}")
    if dt:
        out.append(f"{dt.day:02d}{dt.hour:02d}{dt.minute:02d} GMT {AFP_MONTHS[dt.month - 1]} {dt.year % 100:02d}\r\n")
    out.append(EOT)
    return "".join(out)


def bundle_iptc7901(stories: list[WireStory]) -> bytes:
    """Several 7901 messages in one file, in ISO-8859-1."""
    first_seq = stories[0].style_seed % 9000
    text = "".join(iptc7901_story(s, first_seq + k) for k, s in enumerate(stories))
    return text.translate(LATIN1_FALLBACK).encode("latin-1", "replace")


def render_iptc7901(story: WireStory) -> bytes:
    return bundle_iptc7901([story])
