"""Hostile input for every reader: generated cases, each with the outcome it must have.

Every case is a pure function returning `(name, data, expectation)`, where expectation is

- ("parsed", checks): at least one article; `checks` may say more (see `check_outcome`):
  {"articles": n (at least), "date_source": "file", "body_excludes": [...],
   "headline": "...", "rejects": [(stage, reason), ...] (also present, for partial files)};
- ("rejected", stage, reason): no article, and a reject row with exactly this stage and reason.

`CASES` registers them with the format they aim at, whether they are slow (a 200 MB file,
a 50 MB line: pytest marker `slow`) and the limits they run under (scaled-down variants of
the big cases run in the default suite with tasks.settings.LIMITS lowered). Valid bases come
from tasks.synth (same seed, same bytes); the corruption is then done by hand.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tasks import synth

Expectation = tuple
Case = tuple[str, bytes, Expectation]

# Ingestion time used by the tests: dates more than 2 days after it are "in the future".
# Today (noon UTC), because the date check in tasks.parse.finish_story uses the clock
# unless the pipeline passes its ingestion time.
INGESTED_AT = datetime.now(timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)
FILE_DATE = INGESTED_AT - timedelta(days=2, hours=4)  # the raw files' modified_at
FILE_DAY = FILE_DATE.date().isoformat()  # pub_date of a story dated by its file


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

MB = 2**20
# Lowered limits for the scaled-down variants of the big cases (the code paths of a 200 MB
# file and a zip bomb, at a size CI can afford).
SMALL = {"max_file_bytes": 1 * MB, "max_unpacked_bytes": 1 * MB, "max_member_bytes": 512 * 1024}


@dataclass(frozen=True)
class HostileCase:
    fn: Callable[[], Case]
    fmt: str  # the reader the case aims at ("any" for sniffing / generic input)
    slow: bool = False
    limits: dict = field(default_factory=dict)  # LIMITS fields to lower while it runs

    @property
    def name(self) -> str:
        return self.fn.__name__.removeprefix("case_")

    def build(self) -> Case:
        return self.fn()


CASES: list[HostileCase] = []


def case(fmt: str, *, slow: bool = False, limits: dict | None = None):
    def register(fn: Callable[[], Case]) -> Callable[[], Case]:
        CASES.append(HostileCase(fn, fmt, slow, dict(limits or {})))
        return fn
    return register


def parsed(**checks) -> Expectation:
    return ("parsed", checks)


def rejected(stage: str, reason: str) -> Expectation:
    return ("rejected", stage, reason)


# --- valid bases ----------------------------------------------------------------------------


def story(seed: int = 1, encoding: str = "utf-8"):
    return synth.make_story(random.Random(seed), seed, dated=True, encoding=encoding)


def base(fmt: str, seed: int = 1, encoding: str = "utf-8") -> bytes:
    """One valid file of this format (synth's renderer)."""
    return synth.RENDERERS[fmt](story(seed, encoding))


def bundle(fmt: str, seeds=(1, 2, 3)) -> bytes:
    return synth.BUNDLERS[fmt]([story(s) for s in seeds])


HEADLINE = "Floods close schools across the northern provinces"
PARAGRAPHS = [
    "BEIJING, Feb. 2 (Xinhua) -- Heavy rain closed hundreds of schools across the northern "
    "provinces on Thursday, officials said, as rivers rose to their highest level in a decade.",
    "Rescue teams moved more than 4,000 residents from low-lying villages overnight, and the "
    "weather service warned that more rain was expected over the weekend.",
    "\u201cWe are doing everything we can to keep people safe,\u201d a local official said.",
]


def page_text(headline: str = HEADLINE, paragraphs=PARAGRAPHS, source: str = "Xinhua, February 2, 2023") -> str:
    return "\n\n".join([headline, source, *paragraphs]) + "\n"


def nitf(headline: str = HEADLINE, paragraphs=PARAGRAPHS, date: str = "20230202T101500Z",
         prolog: str = "", inner: str = "") -> bytes:
    ps = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    hl = f"<hedline><hl1>{headline}</hl1></hedline>" if headline else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<nitf>\n<head><title>{headline}</title>\n'
        f'<docdata><doc-id id-string="hostile-1"/><date.issue norm="{date}"/></docdata></head>\n'
        f"<body><body.head>{hl}<distributor>Xinhua</distributor></body.head>\n"
        f"<body.content>{inner}{ps}</body.content></body></nitf>\n"
    ).encode("utf-8")


def ninjs(**fields) -> bytes:
    item = {"uri": "urn:hostile:1", "type": "text", "versioncreated": "2023-02-02T10:15:00Z",
            "headline": HEADLINE, "body_text": "\n\n".join(PARAGRAPHS)}
    item.update(fields)
    return json.dumps({k: v for k, v in item.items() if v is not None}, ensure_ascii=False).encode("utf-8")


def rss(items: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://example.org/</link><description>x</description>{items}</channel></rss>\n").encode()


def rss_item(title: str = HEADLINE, date: str = "Thu, 02 Feb 2023 10:15:00 +0000", text: str = PARAGRAPHS[0]) -> str:
    return (f"<item><title>{title}</title><link>https://example.org/a</link><guid>g-{hash(title) & 0xffff}</guid>"
            f"<pubDate>{date}</pubDate><description>{text}</description></item>")


def html_page(body_html: str, head: str = "", title: str = HEADLINE) -> bytes:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2023-02-02T10:15:00Z">' + head +
        "</head><body><article><h1>" + title + "</h1>" + body_html + "</article></body></html>"
    ).encode("utf-8")


def html_paragraphs(extra: str = "") -> str:
    return "".join(f"<p>{p}{extra}</p>" for p in PARAGRAPHS * 2)


def anpa_take(headline: str = "^Floods close schools<", body: str | None = None, trailer: str = "AP-WF-02-02-23 1015GMT") -> bytes:
    body = body if body is not None else "".join(f"\t{p}<\r\n" for p in PARAGRAPHS)
    return (
        b"\x16\x16\x01r0157\x1fAPW\r\n\x13\x11r s BC-Floods-Schools   02-02 0500\r\n\x02"
        + headline.encode("cp1252") + b"\r\n" + body.encode("cp1252", "replace") + b"\x03" + trailer.encode() + b"<\r\n\x0c\x04"
    )


def iptc_story(headline: str = "Floods close schools =", body: str | None = None, trailer: str = "021015 GMT Feb 23") -> bytes:
    body = body if body is not None else "".join(f"   {p}\r\n" for p in PARAGRAPHS)
    return (b"\x01eca0124 3 pl 120  Xinhua 8441\r\nChina/floods/\r\n\x02" + headline.encode("latin-1")
            + b"\r\n\r\n" + body.encode("latin-1", "replace") + b"\r\n\x03" + trailer.encode() + b"\r\n\x04")


def warc_record(rec_type: str, payload: bytes, uri: str = "https://example.org/a", extra: str = "") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(payload)) % 10**12:012d}>\r\n"
            f"WARC-Date: 2023-02-02T10:15:00Z\r\nWARC-Target-URI: {uri}\r\n{extra}"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def http_response(body: bytes, ctype: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def zip_of(members: list[tuple[str, bytes]], *, symlinks=(), method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, (2023, 2, 2, 10, 15, 0))
            info.compress_type = method
            if name in symlinks:
                info.external_attr = (0o120777 << 16)
            archive.writestr(info, data)
    return buffer.getvalue()


def tar_of(members: list[tarfile.TarInfo | tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for entry in members:
            if isinstance(entry, tarfile.TarInfo):
                archive.addfile(entry)
            else:
                name, data = entry
                info = tarfile.TarInfo(name)
                info.size, info.mtime = len(data), 1675332900
                archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def tar_link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info


def deflate_zeros(n: int) -> bytes:
    """gzip of n zero bytes, built chunk by chunk (a 1 GB bomb never sits in memory)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MB)
    parts = [compressor.compress(chunk) for _ in range(n // MB)]
    parts.append(compressor.compress(bytes(n % MB)))
    parts.append(compressor.flush())
    return b"".join(parts)


# === generic: sniffing, emptiness, junk ======================================================


@case("any")
def case_empty_file() -> Case:
    return "empty.txt", b"", rejected("read", "empty file")


@case("any")
def case_whitespace_only() -> Case:
    return "blank.txt", b" \r\n\t\n  \n" * 100, rejected("read", "empty file")


@case("any")
def case_binary_junk() -> Case:
    return "junk.bin", random.Random(7).randbytes(64 * 1024), rejected("sniff", "unknown format")


@case("any")
def case_png_image() -> Case:
    data = b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(4096)
    return "photo.xml", data, rejected("sniff", "unknown format")


@case("any")
def case_only_nul_bytes() -> Case:
    return "nul.txt", bytes(10_000), rejected("decode", "binary content")


@case("any")
def case_utf32_without_bom() -> Case:
    return "u32.txt", page_text().encode("utf-32-le"), rejected("decode", "binary content")


@case("any", limits=SMALL)
def case_oversize_file_scaled() -> Case:
    data = page_text().encode() + b"More rain fell overnight across the region. " * (2 * MB // 44)
    return "big.txt", data, rejected("read", "file over size limit")


@case("any", slow=True)
def case_oversize_file_200mb() -> Case:
    chunk = b"More rain fell overnight across the region and rivers rose again. " * 16
    # Under the 256 MiB default file limit: read, then refused as one story far too long.
    return "huge.txt", page_text().encode() + chunk * (200 * MB // len(chunk)), rejected("parse", "story too long")


# === page_text =================================================================================


@case("page_text")
def case_page_text_valid() -> Case:
    return "page.txt", base("page_text"), parsed()


@case("page_text")
def case_page_text_cp1252() -> Case:
    return "cp1252.txt", base("page_text", 3, "cp1252"), parsed()


@case("page_text")
def case_page_text_mixed_charsets() -> Case:
    text = page_text(paragraphs=[*PARAGRAPHS, "Officials in Bogot\u00e1 met Jos\u00e9 N\u00fa\u00f1ez."])
    half = len(text) // 2
    data = text[:half].encode("utf-8") + text[half:].encode("cp1252")
    return "mixed.txt", data, parsed()


@case("page_text")
def case_page_text_mojibake() -> Case:
    text = page_text().encode("utf-8").decode("cp1252", "replace").replace("\ufffd", "")
    return "mojibake.txt", text.encode("utf-8"), parsed()


@case("page_text")
def case_page_text_utf16_le_bom() -> Case:
    return "u16.txt", b"\xff\xfe" + page_text().encode("utf-16-le"), parsed(headline=HEADLINE)


@case("page_text")
def case_page_text_utf16_be_bom() -> Case:
    return "u16be.txt", b"\xfe\xff" + page_text().encode("utf-16-be"), parsed(headline=HEADLINE)


@case("page_text")
def case_page_text_utf16_le_no_bom() -> Case:
    return "u16nobom.txt", page_text().encode("utf-16-le"), parsed(headline=HEADLINE)


@case("page_text")
def case_page_text_utf16_odd_length() -> Case:
    return "u16cut.txt", (b"\xff\xfe" + page_text().encode("utf-16-le"))[:-1], rejected("decode", "undecodable bytes")


@case("page_text")
def case_page_text_nul_bytes() -> Case:
    data = page_text().encode().replace(b" ", b" \x00", 40)
    return "nul-inside.txt", data, rejected("decode", "binary content")


@case("page_text")
def case_page_text_no_headline() -> Case:
    return "nohead.txt", ("x" * 5000 + "\n\n" + "\n\n".join(PARAGRAPHS)).encode(), rejected("parse", "no headline")


@case("page_text")
def case_page_text_no_body() -> Case:
    return "nobody.txt", f"{HEADLINE}\n\nXinhua, February 2, 2023\n".encode(), rejected("parse", "no body")


@case("page_text")
def case_page_text_future_date() -> Case:
    return "future.txt", page_text(source="Xinhua, March 3, 2099", paragraphs=PARAGRAPHS[1:]).encode(), parsed(date_source="file", pub_date=FILE_DAY)


@case("page_text")
def case_page_text_long_line_scaled() -> Case:
    line = b"word " * (2 * MB // 5)
    return "longline.txt", line, rejected("parse", "no headline")


@case("page_text", slow=True)
def case_page_text_long_line_50mb() -> Case:
    return "longline50.txt", b"word " * (50 * MB // 5), rejected("parse", "story too long")  # refused unread


@case("page_text")
def case_page_text_long_paragraph_scaled() -> Case:
    # a real headline and dateline, then one paragraph of 2 MB: a story, but not a sane one
    data = page_text(paragraphs=[PARAGRAPHS[0] + " It rained." * (2 * MB // 11)]).encode()
    return "longpara.txt", data, rejected("parse", "story too long")


@case("page_text", slow=True)
def case_page_text_long_paragraph_50mb() -> Case:
    data = page_text(paragraphs=[PARAGRAPHS[0] + " It rained." * (50 * MB // 11)]).encode()
    return "longpara50.txt", data, rejected("parse", "story too long")


# === html ======================================================================================


@case("html")
def case_html_valid() -> Case:
    return "page.html", base("html"), parsed()


@case("html")
def case_html_script_payloads() -> Case:
    payload = ("<script>alert('xss')</script><img src=x onerror=\"alert('img')\">"
               "<a href=\"javascript:alert('link')\">more</a><iframe src=\"https://evil.example/\"></iframe>")
    head = "<script>document.write('<p>injected paragraph alert</p>')</script>"
    return "xss.html", html_page(html_paragraphs(payload), head=head), parsed(
        body_excludes=["alert", "<script", "javascript:", "onerror", "injected"])


@case("html")
def case_html_script_in_title() -> Case:
    title = "Floods close schools &lt;script&gt;alert(1)&lt;/script&gt;"
    # escaped markup is text: kept as the page spelt it (the lake holds text; readers of it escape)
    return "xss-title.html", html_page(html_paragraphs(), title=title), parsed()


@case("html")
def case_html_truncated() -> Case:
    data = base("html")
    return "cut.html", data[: len(data) // 3], rejected("parse", "no article text")


@case("html")
def case_html_only_scripts() -> Case:
    return "scripts.html", html_page("<script>var a = 1;</script>" * 200), rejected("parse", "no article text")


@case("html")
def case_html_deep_nesting() -> Case:
    # libxml2's HTML parser stops at 256 levels; what lies deeper is no article
    return "deep.html", html_page("<div>" * 100_000 + html_paragraphs() + "</div>" * 100_000), \
        rejected("parse", "no article text")


@case("html")
def case_html_lying_meta_charset() -> Case:
    data = html_page(html_paragraphs(" Jos\u00e9 N\u00fa\u00f1ez spoke.")).decode().encode("cp1252")
    return "lying.html", data, parsed()


@case("html")
def case_html_utf16_bom() -> Case:
    return "u16.html", b"\xff\xfe" + html_page(html_paragraphs()).decode().replace("utf-8", "utf-16").encode("utf-16-le"), parsed()


@case("html")
def case_html_far_past_date() -> Case:
    head = '<meta property="article:modified_time" content="1066-10-14T09:00:00Z">'
    data = html_page(html_paragraphs(), head=head).replace(b"2023-02-02T10:15:00Z", b"1066-10-14T09:00:00Z")
    return "hastings.html", data, parsed(date_source="file")


# === nitf (and the shared XML guard) ===========================================================


@case("nitf")
def case_nitf_valid() -> Case:
    return "story.xml", base("nitf"), parsed()


@case("nitf")
def case_nitf_truncated() -> Case:
    data = base("nitf")
    return "cut.xml", data[: len(data) // 2], rejected("parse", "malformed xml")


@case("nitf")
def case_nitf_billion_laughs() -> Case:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    prolog = f"<!DOCTYPE nitf [{entities}]>\n"
    return "lol.xml", nitf(prolog=prolog, inner="<p>&lol9;</p>"), rejected("parse", "xml entity declarations")


@case("nitf")
def case_nitf_external_entity() -> Case:
    prolog = '<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    return "xxe.xml", nitf(prolog=prolog, inner="<p>&xxe;</p>"), rejected("parse", "xml entity declarations")


@case("nitf")
def case_nitf_parameter_entity_behind_comment() -> Case:
    # the declaration sits behind 100 KB of comment in the internal subset, past the raw-bytes look
    prolog = ('<!DOCTYPE nitf [<!--' + "x" * 100_000 + '--><!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> '
              '<!ENTITY xxe SYSTEM "http://evil.example/">]>\n')
    return "xxe-far.xml", nitf(prolog=prolog, inner="<p>&xxe;</p>"), rejected("parse", "xml entity declarations")


@case("nitf")
def case_nitf_external_dtd() -> Case:
    prolog = '<!DOCTYPE nitf SYSTEM "http://evil.example/nitf.dtd">\n'
    return "dtd.xml", nitf(prolog=prolog), parsed()


@case("nitf")
def case_nitf_deep_nesting() -> Case:
    inner = "<block>" * 50_000 + "x" + "</block>" * 50_000
    return "deep.xml", nitf(inner=inner), rejected("parse", "xml too deep")


@case("nitf", limits={"max_xml_depth": 64})
def case_nitf_depth_over_configured_limit() -> Case:
    inner = "<block>" * 150 + "x" + "</block>" * 150
    return "deep150.xml", nitf(inner=inner), rejected("parse", "xml too deep")


@case("nitf")
def case_nitf_utf16_bom() -> Case:
    data = nitf().decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return "u16.xml", b"\xff\xfe" + data.encode("utf-16-le"), parsed(headline=HEADLINE)


@case("nitf")
def case_nitf_utf16_no_bom() -> Case:
    data = nitf().decode().replace('encoding="UTF-8"', 'encoding="UTF-16LE"')
    return "u16nobom.xml", data.encode("utf-16-le"), parsed(headline=HEADLINE)


@case("nitf")
def case_nitf_wrong_declared_charset() -> Case:
    # says UTF-8, is cp1252: the bytes are not valid UTF-8
    data = nitf(paragraphs=[*PARAGRAPHS, "Jos\u00e9 N\u00fa\u00f1ez spoke."]).decode().encode("cp1252")
    return "cp1252.xml", data, parsed()


@case("nitf")
def case_nitf_unknown_declared_charset() -> Case:
    data = nitf().replace(b'encoding="UTF-8"', b'encoding="x-klingon-8"')
    return "klingon.xml", data, parsed()  # the bytes decide (they are UTF-8)


@case("nitf")
def case_nitf_nul_byte() -> Case:
    return "nul.xml", nitf().replace(b"<p>", b"<p>\x00", 1), rejected("parse", "malformed xml")


@case("nitf")
def case_nitf_no_headline() -> Case:
    return "nohead.xml", nitf(headline=""), rejected("parse", "no headline")


@case("nitf")
def case_nitf_no_body() -> Case:
    return "nobody.xml", nitf(paragraphs=[]), rejected("parse", "no body")


@case("nitf")
def case_nitf_far_past_date() -> Case:
    return "past.xml", nitf(date="18500101T000000Z"), parsed(date_source="file")


@case("nitf")
def case_nitf_far_future_date() -> Case:
    return "future.xml", nitf(date="29990101T000000Z"), parsed(date_source="file")


@case("nitf")
def case_nitf_script_payload() -> Case:
    inner = "<p>&lt;script&gt;alert(1)&lt;/script&gt; Officials said the schools would reopen.</p>"
    return "script.xml", nitf(inner=inner), parsed()  # escaped markup is text, kept as written


# === newsml_g2 =================================================================================


@case("newsml_g2")
def case_g2_valid_bundle() -> Case:
    return "g2.xml", bundle("newsml_g2"), parsed(articles=2)


@case("newsml_g2")
def case_g2_truncated() -> Case:
    data = bundle("newsml_g2")
    return "g2cut.xml", data[: int(len(data) * 0.7)], rejected("parse", "malformed xml")


@case("newsml_g2")
def case_g2_billion_laughs() -> Case:
    data = base("newsml_g2")
    start = data.index(b"<newsMessage") if b"<newsMessage" in data else data.index(b"<newsItem")
    prolog = (b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n')
    return "g2lol.xml", data[:start] + prolog + data[start:], rejected("parse", "xml entity declarations")


@case("newsml_g2")
def case_g2_deep_nesting() -> Case:
    data = base("newsml_g2")
    at = data.rindex(b"</")
    return "g2deep.xml", data[:at] + b"<x>" * 5000 + b"</x>" * 5000 + data[at:], rejected("parse", "xml too deep")


@case("newsml_g2")
def case_g2_no_headline() -> Case:
    data = base("newsml_g2")
    import re
    data = re.sub(rb"<headline[^>]*>.*?</headline>", b"", data, flags=re.S)
    data = re.sub(rb"<(title|hl1)>.*?</(title|hl1)>", b"", data, flags=re.S)
    return "g2nohead.xml", data, rejected("parse", "no headline")


# === newsml12 ==================================================================================


@case("newsml12")
def case_newsml12_valid() -> Case:
    return "n12.xml", base("newsml12"), parsed()


@case("newsml12")
def case_newsml12_truncated() -> Case:
    data = base("newsml12")
    return "n12cut.xml", data[: len(data) // 2], rejected("parse", "malformed xml")


@case("newsml12")
def case_newsml12_external_parameter_entity_read_not_fetched() -> Case:
    # NewsML 1.2 senders pull the NITF DTD in by a parameter entity: read, nothing fetched
    data = base("newsml12")
    start = data.index(b"<NewsML")
    prolog = (b'<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20031010:NewsMLv1.2.dtd:1" "NewsML-1.2.dtd"\n'
              b'[<!ENTITY % nitf SYSTEM "file:///etc/passwd"> %nitf; ]>\n')
    return "n12pe.xml", data[:start] + prolog + data[start:], parsed(articles=1)


@case("newsml12")
def case_newsml12_parameter_entity_then_general_entity() -> Case:
    data = base("newsml12")
    start = data.index(b"<NewsML")
    prolog = (b'<!DOCTYPE NewsML [<!ENTITY % nitf SYSTEM "nitf.dtd"> %nitf; '
              b'<!ENTITY xxe SYSTEM "file:///etc/shadow">]>\n')
    return "n12pexxe.xml", data[:start] + prolog + data[start:].replace(b"<p>", b"<p>&xxe;", 1), \
        rejected("parse", "xml entity declarations")


@case("newsml12")
def case_newsml12_inline_parameter_entity() -> Case:
    data = base("newsml12")
    start = data.index(b"<NewsML")
    prolog = b'<!DOCTYPE NewsML [<!ENTITY % a "<!ENTITY b \'bbbbbbbb\'>"> %a; ]>\n'
    return "n12pein.xml", data[:start] + prolog + data[start:].replace(b"<p>", b"<p>&b;", 1), \
        rejected("parse", "xml entity declarations")


@case("newsml12")
def case_newsml12_external_entity() -> Case:
    data = base("newsml12")
    start = data.index(b"<NewsML")
    prolog = b'<!DOCTYPE NewsML [<!ENTITY xxe SYSTEM "file:///etc/shadow">]>\n'
    return "n12xxe.xml", data[:start] + prolog + data[start:].replace(b"<p>", b"<p>&xxe;", 1), \
        rejected("parse", "xml entity declarations")


# === ninjs =====================================================================================


@case("ninjs")
def case_ninjs_valid() -> Case:
    return "item.json", base("ninjs"), parsed()


@case("ninjs")
def case_ninjs_truncated() -> Case:
    data = base("ninjs")
    return "cut.json", data[: len(data) // 2], rejected("parse", "malformed json")


@case("ninjs")
def case_ninjs_deep_nesting() -> Case:
    data = ninjs()[:-1] + b', "extra": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    return "deep.json", data, rejected("parse", "json too deep")


@case("ninjs")
def case_ninjs_nesting_over_limit() -> Case:
    data = ninjs()[:-1] + b', "extra": ' + b'{"a":' * 300 + b"1" + b"}" * 300 + b"}"
    return "deep300.json", data, rejected("parse", "json too deep")


@case("ninjs")
def case_ninjs_brackets_in_strings() -> Case:
    # brackets inside strings are text, not nesting
    return "brackets.json", ninjs(slugline="[" * 5000 + "{" * 5000), parsed()


@case("ninjs")
def case_ninjs_utf16_bom() -> Case:
    return "u16.json", b"\xff\xfe" + ninjs().decode().encode("utf-16-le"), parsed(headline=HEADLINE)


@case("ninjs")
def case_ninjs_utf16_no_bom() -> Case:
    return "u16nobom.json", ninjs().decode().encode("utf-16-be"), parsed(headline=HEADLINE)


@case("ninjs")
def case_ninjs_cp1252() -> Case:
    data = ninjs(byline="Jos\u00e9 N\u00fa\u00f1ez").decode().encode("cp1252")
    return "cp1252.json", data, parsed()


@case("ninjs")
def case_ninjs_huge_integer() -> Case:
    return "bigint.json", ninjs()[:-1] + b', "version": ' + b"9" * 10_000 + b"}", rejected("parse", "malformed json")


@case("ninjs")
def case_ninjs_wrong_types() -> Case:
    data = ninjs(headline={"nested": ["x"]}, body_text=["a", 1], versioncreated=12, urgency="high")
    return "types.json", data, rejected("parse", "field of wrong type")  # naming the field (issue 19, item 9)


@case("ninjs")
def case_ninjs_body_text_a_number() -> Case:
    return "numbody.json", ninjs(body_text=12345), rejected("parse", "field of wrong type")


@case("ninjs")
def case_ninjs_no_body() -> Case:
    return "nobody.json", ninjs(body_text=None), rejected("parse", "no body")


@case("ninjs")
def case_ninjs_year_one() -> Case:
    # a year-1 time east of UTC is before datetime.min in UTC
    data = ninjs(versioncreated="0001-01-01T00:30:00+01:00", firstcreated="0001-01-01T00:00:00+05:00")
    return "year1.json", data, parsed(date_source="file")


@case("ninjs")
def case_ninjs_year_9999() -> Case:
    data = ninjs(versioncreated="9999-12-31T23:30:00-05:00")
    return "year9999.json", data, parsed(date_source="file")


@case("ninjs")
def case_ninjs_future_date() -> Case:
    return "future.json", ninjs(versioncreated=_iso(INGESTED_AT + timedelta(days=9))), \
        parsed(date_source="file")


@case("ninjs")
def case_ninjs_near_future_is_kept() -> Case:
    # one day ahead (time zones, clocks) is still trusted
    tomorrow = INGESTED_AT + timedelta(days=1)
    return "tomorrow.json", ninjs(versioncreated=_iso(tomorrow)), \
        parsed(date_source="metadata", pub_date=tomorrow.date().isoformat())


@case("ninjs")
def case_ninjs_html_body_script() -> Case:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<script>alert(document.cookie)</script>"
    return "xss.json", ninjs(body_text=None, body_html=body), parsed(body_excludes=["alert", "<script"])


@case("ninjs")
def case_ninjs_lines_one_bad() -> Case:
    data = ninjs() + b"\n" + ninjs(uri="urn:hostile:2", headline="") + b"\n"
    return "lines.json", data, parsed(rejects=[("parse", "no headline")])


# === anpa ======================================================================================


@case("anpa")
def case_anpa_valid_capture() -> Case:
    return "wire.anpa", bundle("anpa"), parsed(articles=3)


@case("anpa")
def case_anpa_truncated_take() -> Case:
    data = anpa_take()
    return "cut.anpa", data[: data.index(b"\x03") - 40], rejected("parse", "bad anpa take")


@case("anpa")
def case_anpa_good_and_cut_takes() -> Case:
    good = anpa_take()
    return "mixed.anpa", good + good[:200], parsed(rejects=[("parse", "bad anpa take")])


@case("anpa")
def case_anpa_no_headline() -> Case:
    return "nohead.anpa", anpa_take(headline=""), rejected("parse", "no headline")


@case("anpa")
def case_anpa_no_body() -> Case:
    return "nobody.anpa", anpa_take(body=""), rejected("parse", "no body")


@case("anpa")
def case_anpa_binary_junk_take() -> Case:
    data = b"\x16\x16\x01" + random.Random(3).randbytes(20_000)
    return "junk.anpa", data, rejected("parse", "bad anpa take")


@case("anpa")
def case_anpa_future_trailer() -> Case:
    return "future.anpa", anpa_take(trailer="AP-WF-02-02-69 1015GMT"), parsed(date_source="file")


@case("anpa")
def case_anpa_long_header_scaled() -> Case:
    # a header of 1 MB full of slug-like words: the slug-line pattern must stay linear
    data = b"\x16\x16\x01r0157\x1fAPW\r\n\x13\x11" + b"BC-x " * 200_000 + b"\x02^Headline<\r\n\tBody.<\r\n\x03\x04"
    return "longheader.anpa", data, rejected("parse", "bad anpa take")


@case("anpa", limits={"max_story_chars": 100_000})
def case_anpa_long_line_scaled() -> Case:
    # a run of line-end marks the reader strips: must stay linear (it was quadratic)
    body = "\t" + PARAGRAPHS[0] + "<" * (2 * MB) + " x<\r\n"
    return "longline.anpa", anpa_take(body=body), rejected("parse", "story too long")


@case("anpa", slow=True)
def case_anpa_long_line_50mb() -> Case:
    body = "\t" + PARAGRAPHS[0] + "<" * (50 * MB) + " x<\r\n"
    return "longline50.anpa", anpa_take(body=body), rejected("parse", "story too long")


# === iptc7901 ==================================================================================


@case("iptc7901")
def case_iptc7901_valid_capture() -> Case:
    return "wire.7901", bundle("iptc7901"), parsed(articles=3)


@case("iptc7901")
def case_iptc7901_truncated() -> Case:
    data = iptc_story()
    return "cut.7901", data[: data.index(b"\x03") - 30], rejected("parse", "bad 7901 story")


@case("iptc7901")
def case_iptc7901_no_body() -> Case:
    return "nobody.7901", iptc_story(body=""), rejected("parse", "no body")


@case("iptc7901")
def case_iptc7901_future_trailer() -> Case:
    return "future.7901", iptc_story(trailer="021015 GMT Feb 98"), parsed(date_source="file")


@case("iptc7901")
def case_iptc7901_utf16() -> Case:
    return "u16.7901", b"\xff\xfe" + iptc_story().decode("latin-1").encode("utf-16-le"), parsed()


@case("iptc7901", limits={"max_story_chars": 100_000})
def case_iptc7901_long_line_scaled() -> Case:
    body = "   " + PARAGRAPHS[0] + " =" * MB + " x\r\n"
    return "longline.7901", iptc_story(body=body), rejected("parse", "story too long")


# === zczc ======================================================================================


def zczc_take(headline: str = "$Floods close schools", body: str | None = None) -> bytes:
    body = body if body is not None else "".join(f"   {p}\r\n\r\n" for p in PARAGRAPHS)
    return (b"ZCZC AAP\r\n%A\r\n#Floods_BC1\r\n" + headline.encode() + b"\r\n:(DARWIN)\r\n@NT\r\n"
            + body.encode() + b"\r\nAAP xy\r\nNNNN\r\n")


@case("zczc")
def case_zczc_valid_takes() -> Case:
    return "wire.tst", zczc_take() + zczc_take("$Second take on the floods"), parsed(articles=2)


@case("zczc")
def case_zczc_no_headline() -> Case:
    return "nohead.tst", zczc_take(headline="@NT"), rejected("parse", "no headline")


@case("zczc")
def case_zczc_no_body() -> Case:
    return "nobody.tst", zczc_take(body=""), rejected("parse", "no body")


@case("zczc", limits={"max_story_chars": 100_000})
def case_zczc_long_line_scaled() -> Case:
    return "longline.tst", zczc_take(body="x " * MB), rejected("parse", "story too long")


# === rbnews ====================================================================================


def rbnews_item(content: str = "&lt;p&gt;" + PARAGRAPHS[0] + "&lt;/p&gt;", extra: str = "") -> bytes:
    return (f'<?xml version="1.0"?>\n<RBNews><NewsID>x1</NewsID><PublishDate>2023-02-02T10:15:00</PublishDate>'
            f"<headline>{HEADLINE}</headline><origin>/ritzau/</origin>{extra}<content>{content}</content>"
            "</RBNews>").encode()


@case("rbnews")
def case_rbnews_valid_item() -> Case:
    return "item.xml", rbnews_item(), parsed(articles=1)


@case("rbnews")
def case_rbnews_script_in_escaped_html() -> Case:
    content = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;" + PARAGRAPHS[0] + "&lt;/p&gt;"
    return "script.xml", rbnews_item(content), parsed(articles=1)


@case("rbnews")
def case_rbnews_no_body() -> Case:
    return "nobody.xml", rbnews_item(""), rejected("parse", "no body")


@case("rbnews")
def case_rbnews_bad_date() -> Case:
    data = rbnews_item().replace(b"2023-02-02T10:15:00", b"2023-99-99T99:99")
    return "baddate.xml", data, parsed(articles=1)


@case("rbnews")
def case_rbnews_entity_declaration() -> Case:
    data = rbnews_item().replace(b"<RBNews>", b'<!DOCTYPE RBNews [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<RBNews>', 1)
    return "xxe.xml", data, rejected("parse", "xml entity declarations")


# === warc ======================================================================================


@case("warc")
def case_warc_valid() -> Case:
    return "crawl.warc.gz", bundle("warc"), parsed(articles=2)


@case("warc")
def case_warc_truncated_gzip() -> Case:
    data = bundle("warc")
    return "cut.warc.gz", data[: int(len(data) * 0.6)], parsed(rejects=[("unpack", "truncated or corrupt warc")])


@case("warc")
def case_warc_truncated_plain() -> Case:
    record = warc_record("response", http_response(html_page(html_paragraphs())))
    return "cut.warc", record[: len(record) // 2], rejected("unpack", "truncated warc")


@case("warc")
def case_warc_garbage_after_magic() -> Case:
    return "junk.warc", b"WARC/1.0\r\n" + random.Random(5).randbytes(5000), rejected("unpack", "corrupt warc")


@case("warc")
def case_warc_bad_content_length() -> Case:
    record = warc_record("response", http_response(html_page(html_paragraphs())))
    record = record.replace(b"Content-Length: ", b"Content-Length: -", 1)
    return "badlen.warc", record, rejected("unpack", "corrupt warc")


@case("warc")
def case_warc_script_payload() -> Case:
    page = html_page(html_paragraphs("<script>alert('warc')</script>"))
    return "xss.warc", warc_record("response", http_response(page)), parsed(body_excludes=["alert", "<script"])


@case("warc", limits=SMALL)
def case_warc_gzip_bomb_record_scaled() -> Case:
    # a metadata record (never a page) that inflates to 4 MB of zeros, then a good page
    bomb_head = (b"WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                 b"Content-Length: %d\r\n\r\n" % (4 * MB))
    bomb = gz(bomb_head + bytes(4 * MB) + b"\r\n\r\n")
    page = gz(warc_record("response", http_response(html_page(html_paragraphs()))))
    return "bomb.warc.gz", bomb + page, rejected("unpack", "unpacked size over limit")


@case("warc", limits={"max_member_bytes": 256 * 1024})
def case_warc_page_over_member_limit_scaled() -> Case:
    page = html_page(html_paragraphs() + "<p>" + "Rain. " * (MB // 12) + "</p>")
    good = warc_record("response", http_response(html_page(html_paragraphs())), uri="https://example.org/b")
    return "bigpage.warc", warc_record("response", http_response(page)) + good, \
        parsed(rejects=[("unpack", "member over size limit")])


# === feeds =====================================================================================


@case("feeds")
def case_feeds_valid() -> Case:
    return "feed.rss", bundle("feeds"), parsed()


@case("feeds")
def case_feeds_truncated() -> Case:
    data = bundle("feeds")
    return "cut.rss", data[: len(data) // 2], rejected("parse", "malformed xml")


@case("feeds")
def case_feeds_billion_laughs() -> Case:
    prolog = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    return "lol.rss", rss(rss_item(title="&b;"), prolog=prolog), rejected("parse", "xml entity declarations")


@case("feeds")
def case_feeds_atom_external_entity() -> Case:
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><title>&xxe;</title>'
            b"<id>urn:1</id><updated>2023-02-02T10:15:00Z</updated><summary>Rain.</summary></entry></feed>")
    return "xxe.atom", data, rejected("parse", "xml entity declarations")


@case("feeds")
def case_feeds_script_payload() -> Case:
    text = "&lt;script&gt;alert('feed')&lt;/script&gt;&lt;p&gt;" + PARAGRAPHS[0] + "&lt;/p&gt;"
    return "xss.rss", rss(rss_item(text=text)), parsed(body_excludes=["alert", "<script"])


@case("feeds")
def case_feeds_far_dates() -> Case:
    items = rss_item(date="Sat, 01 Jan 2999 00:00:00 GMT") + rss_item(title="Old news", date="Mon, 01 Jan 1840 00:00:00 GMT")
    return "dates.rss", rss(items), parsed(articles=2, date_source="file")


@case("feeds")
def case_feeds_no_items() -> Case:
    return "empty.rss", rss(""), rejected("parse", "empty feed")


# === gzip ======================================================================================


@case("gzip")
def case_gzip_valid() -> Case:
    return "story.xml.gz", gz(base("nitf")), parsed()


@case("gzip")
def case_gzip_truncated() -> Case:
    data = gz(base("nitf") * 3)
    return "cut.xml.gz", data[: len(data) // 2], rejected("unpack", "corrupt gzip")


@case("gzip")
def case_gzip_header_only() -> Case:
    return "hdr.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", rejected("unpack", "corrupt gzip")


@case("gzip")
def case_gzip_trailing_garbage() -> Case:
    return "trail.xml.gz", gz(base("nitf")) + b"GARBAGE" * 10, rejected("unpack", "corrupt gzip")


@case("gzip")
def case_gzip_of_empty() -> Case:
    return "empty.gz", gz(b""), rejected("read", "empty file")


@case("gzip", limits=SMALL)
def case_gzip_bomb_scaled() -> Case:
    return "bomb.gz", deflate_zeros(8 * MB), rejected("unpack", "unpacked size over limit")


@case("gzip", slow=True)
def case_gzip_bomb_1gb() -> Case:
    return "bomb1g.gz", deflate_zeros(1024 * MB), rejected("unpack", "compression ratio over limit")


@case("gzip")
def case_gzip_nested_too_deep() -> Case:
    data = base("nitf")
    for _ in range(6):
        data = gz(data)
    return "deep.gz", data, rejected("unpack", "containers nested too deep")


# === zip =======================================================================================


@case("zip")
def case_zip_valid() -> Case:
    return "batch.zip", zip_of([("a.xml", base("nitf", 1)), ("b.json", base("ninjs", 2))]), parsed(articles=2)


@case("zip")
def case_zip_path_traversal() -> Case:
    members = [("../../../../tmp/wirelake-escape.xml", base("nitf", 1)), ("/etc/cron.d/wirelake-escape", base("ninjs", 2)),
               ("..\\..\\windows\\escape.txt", base("page_text", 3))]
    return "traversal.zip", zip_of(members), parsed(articles=3)


@case("zip")
def case_zip_symlink_member() -> Case:
    data = zip_of([("passwd", b"/etc/passwd"), ("good.xml", base("nitf"))], symlinks={"passwd"})
    return "link.zip", data, parsed(rejects=[("unpack", "link in archive")])


@case("zip")
def case_zip_truncated() -> Case:
    data = zip_of([("a.xml", base("nitf", 1)), ("b.xml", base("nitf", 2))])
    return "cut.zip", data[: len(data) // 2], rejected("unpack", "corrupt zip")


@case("zip")
def case_zip_encrypted_member() -> Case:
    data = bytearray(zip_of([("secret.xml", base("nitf"))], method=zipfile.ZIP_STORED))
    data[6] |= 0x01  # general purpose flag bit 0, local header ...
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x01  # ... and central directory: "encrypted"
    return "encrypted.zip", bytes(data), rejected("unpack", "encrypted zip member")


@case("zip")
def case_zip_bad_crc() -> Case:
    data = bytearray(zip_of([("a.xml", base("nitf"))], method=zipfile.ZIP_STORED))
    at = data.index(b"<hl1>") + 6
    data[at] ^= 0x20
    return "crc.zip", bytes(data), rejected("unpack", "corrupt zip member")


@case("zip", limits=SMALL)
def case_zip_bomb_scaled() -> Case:
    return "bomb.zip", zip_of([("zeros.xml", bytes(8 * MB)), ("good.xml", base("nitf"))]), \
        parsed(rejects=[("unpack", "member over size limit")])


@case("zip", limits=SMALL)
def case_zip_many_members_total_scaled() -> Case:
    members = [(f"m{i}.txt", b" " * (300 * 1024)) for i in range(8)]
    return "total.zip", zip_of(members), rejected("unpack", "unpacked size over limit")


@case("zip", limits={"max_members": 50})
def case_zip_too_many_members() -> Case:
    return "many.zip", zip_of([(f"m{i}.txt", b"x") for i in range(200)]), rejected("unpack", "too many members")


@case("zip", slow=True)
def case_zip_bomb_1gb() -> Case:
    # one member that inflates to 1 GB (stored as a real deflate stream)
    raw = deflate_zeros(1024 * MB)
    deflated = raw[10:-8]  # strip the gzip header and trailer: raw deflate, as zip holds it
    crc = 0
    size = 1024 * MB
    name = b"zeros.txt"
    local = (b"PK\x03\x04" + (20).to_bytes(2, "little") + bytes(2) + (8).to_bytes(2, "little") + bytes(4)
             + crc.to_bytes(4, "little") + len(deflated).to_bytes(4, "little") + size.to_bytes(4, "little")
             + len(name).to_bytes(2, "little") + bytes(2) + name)
    central = (b"PK\x01\x02" + (20).to_bytes(2, "little") + (20).to_bytes(2, "little") + bytes(2)
               + (8).to_bytes(2, "little") + bytes(4) + crc.to_bytes(4, "little") + len(deflated).to_bytes(4, "little")
               + size.to_bytes(4, "little") + len(name).to_bytes(2, "little") + bytes(12) + name)
    end = (b"PK\x05\x06" + bytes(4) + (1).to_bytes(2, "little") * 2 + len(central).to_bytes(4, "little")
           + (len(local) + len(deflated)).to_bytes(4, "little") + bytes(2))
    return "bomb1g.zip", local + deflated + central + end, rejected("unpack", "member over size limit")


@case("zip")
def case_zip_in_zip_in_zip_too_deep() -> Case:
    data = base("nitf")
    for level in range(6):
        data = zip_of([(f"level{level}.zip" if level else "story.xml", data)])
    return "nested.zip", data, rejected("unpack", "containers nested too deep")


@case("zip", limits={"max_unpacked_bytes": 256 * 1024, "max_member_bytes": 256 * 1024})
def case_zip_nested_fanout_bomb() -> Case:
    # each level stays under the per-archive limit; together they unpack far more
    leaf = zip_of([(f"z{i}.txt", b" " * (100 * 1024)) for i in range(2)])
    level = zip_of([(f"l{i}.zip", leaf) for i in range(8)])
    top = zip_of([(f"t{i}.zip", level) for i in range(8)])
    return "fanout.zip", top, rejected("unpack", "unpacked size over limit")


# === tar =======================================================================================


@case("tar")
def case_tar_valid_gz() -> Case:
    return "batch.tar.gz", gz(tar_of([("a.xml", base("nitf", 1)), ("b.json", base("ninjs", 2))])), parsed(articles=2)


@case("tar")
def case_tar_path_traversal() -> Case:
    members = [("../../../../tmp/wirelake-escape.xml", base("nitf", 1)), ("/etc/wirelake-escape.json", base("ninjs", 2))]
    return "traversal.tar", tar_of(members), parsed(articles=2)


@case("tar")
def case_tar_links_and_devices() -> Case:
    device = tarfile.TarInfo("dev/sda")
    device.type = tarfile.BLKTYPE
    members = [tar_link("passwd", "/etc/passwd", tarfile.SYMTYPE), tar_link("hard", "../../etc/shadow", tarfile.LNKTYPE),
               device, ("good.xml", base("nitf"))]
    return "links.tar", tar_of(members), parsed(rejects=[("unpack", "link or device in archive")])


@case("tar")
def case_tar_truncated() -> Case:
    data = tar_of([("a.xml", base("nitf", 1) * 4)])
    return "cut.tar", data[:1500], rejected("unpack", "corrupt tar")


@case("tar", limits=SMALL)
def case_tar_bomb_scaled() -> Case:
    return "bomb.tar.gz", gz(tar_of([("zeros.txt", bytes(3 * MB))])), rejected("unpack", "unpacked size over limit")


@case("tar", limits=SMALL)
def case_tar_member_over_limit_scaled() -> Case:
    data = tar_of([("big.txt", b" " * (600 * 1024)), ("good.xml", base("nitf"))])
    return "bigmember.tar", data, parsed(rejects=[("unpack", "member over size limit")])


# --- running a case -------------------------------------------------------------------------


def check_outcome(expectation: Expectation, out) -> list[str]:
    """What is wrong with a FileRows given the expectation ([] when it matches)."""
    problems = []
    reasons = {(r["stage"], r["reason"]) for r in out.rejects}
    for row in out.rejects:
        if not row["stage"] or not row["reason"]:
            problems.append(f"reject without stage or reason: {row}")
        if row["reason"] == "unexpected error":
            problems.append(f"unexpected error: {row['detail']}")
    if expectation[0] == "rejected":
        _, stage, reason = expectation
        if out.articles:
            problems.append(f"expected a reject, got {len(out.articles)} articles")
        if (stage, reason) not in reasons:
            problems.append(f"expected reject {(stage, reason)}, got {sorted(reasons)}")
        return problems
    checks = expectation[1]
    if len(out.articles) < checks.get("articles", 1):
        problems.append(f"expected {checks.get('articles', 1)}+ articles, got {len(out.articles)}; rejects {sorted(reasons)}")
    for pair in checks.get("rejects", []):
        if tuple(pair) not in reasons:
            problems.append(f"expected also reject {pair}, got {sorted(reasons)}")
    for article in out.articles:
        for key in ("date_source", "pub_date", "headline"):
            if key in checks and article[key] != checks[key]:
                problems.append(f"{key}: expected {checks[key]!r}, got {article[key]!r}")
        text = " ".join([article["headline"], article["body"], article.get("subheadline") or ""])
        for bad in checks.get("body_excludes", []):
            if bad.lower() in text.lower():
                problems.append(f"article text contains {bad!r}")
    return problems


def cases(slow: bool = False) -> list[HostileCase]:
    return [c for c in CASES if slow or not c.slow]
