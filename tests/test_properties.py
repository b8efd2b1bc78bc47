"""Property-based tests (hypothesis) for the cleaners, the parsers and process_file.

Properties:
- normalise_text is idempotent and its output is clean (NFC, "\\n" only, no controls, no
  runs of blank lines, stripped); decode_text refuses only with Reject and returns
  normalised text;
- the wire-convention parsers (split_slugs, find_date, split_dateline, strip_end_mark,
  finish_story ...) never raise on arbitrary text and keep their spans inside the input;
- process_file never raises and never records an "unexpected error", on arbitrary bytes
  and on near-valid files (synthetic NITF / NewsML / ninjs / ANPA / IPTC 7901 / HTML /
  feeds / WARC / page text with random text put in, cut short or with bytes spliced in);
- every entity / quote / amount row indexes its article body (body[start:end] == text, and
  `paragraph` is the paragraph holding `start`); rows fit the lake schemas.

Example counts are small by default (profile `ci`, the whole file runs in well under 30 s).
HYPOTHESIS_PROFILE=long runs each property with 40x the examples, for a soak.
"""

from __future__ import annotations

import json
import os
import random
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tasks import parse
from tasks.clean import decode_text, detect_charset, normalise_text
from tasks.entities import entity_rows
from tasks.pipeline import process_file, quote_and_amount_rows
from tasks.records import MarkedEntity, RawFile, Reject, Story
from tasks.lake.schema import AMOUNTS, ARTICLES, ENTITIES, QUOTES

# --- profiles -----------------------------------------------------------------------------

settings.register_profile(
    "ci", deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile(
    "long", deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)
_SCALE = 40 if PROFILE == "long" else 1


def examples(n: int) -> settings:
    """`n` examples in the ci profile, 40 n under HYPOTHESIS_PROFILE=long."""
    return settings(max_examples=n * _SCALE)


INGESTED_AT = datetime(2024, 6, 12, 8, 0, tzinfo=timezone.utc)
MODIFIED_AT = datetime(2024, 6, 11, 22, 50, tzinfo=timezone.utc)

# --- text strategies ----------------------------------------------------------------------

# Characters the cleaners treat specially: spaces of every kind, line ends, controls,
# invisible marks, combining marks, precomposed letters, quotes and dashes, mojibake halves.
_TRICKY = list(
    " \t\n\r\x0b\x0c\x00\x01\x1b\x7f\x85\x9f\xa0\u1680\u2000\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u0301\u0308\u0327\u0323\u0302eEaAoOcCnN\u00e9\u00c5\u212b\u1e9b\ufb01\u2126"
    "\u201c\u201d\u2018\u2019\u00ab\u00bb\"'`\u2014\u2013-_()<>&;#"
    "\u00c2\u00c3\u00e2\u20ac\u0153\u009d\u00a9\u00b1\u0192\u2122"
)
_WIRE_WORDS = [
    "BEIJING", "Feb.", "2", "(Xinhua)", "--", "ATLANTA (AP) _", "said", "Urgent:", "1st LD Writethru:",
    "UPDATE 2 -", "Endit", "ENDS", "-30-", "###", "dpa grj rmo", "2017-02-02T14:05:00+08:00",
    "February 2, 2017 14:05 GMT", "3 mai 2018", "$1.2 billion", "246,000 jobs", "12 percent",
    "\u201cWe will,\u201d he said.", "NATO", "Jens Stoltenberg", "Secretary General", "U.S.",
    "United Nations", "Paris", "Mr.", "km", "\n", "\n\n", "Ã©", "â€œ", "Â ", "\r\n",
]

tricky_text = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(_TRICKY)), max_size=80)
wire_text = st.lists(
    st.one_of(st.sampled_from(_WIRE_WORDS), tricky_text, st.text(max_size=12)), max_size=25
).map(" ".join)
# Text already garbled by a wrong decode upstream (UTF-8 bytes read as cp1252 / Latin-1).
mojibake = st.tuples(tricky_text, st.sampled_from(["cp1252", "latin-1"])).map(
    lambda t: t[0].encode("utf-8", "surrogatepass").decode(t[1], "replace")
)
any_text = st.one_of(tricky_text, wire_text, mojibake, st.text())


# --- clean --------------------------------------------------------------------------------


@examples(300)
@given(any_text)
@example("e\u200b\u0301")  # removing an invisible mark joins a letter and its accent
@example("A\x7f\u030a")  # so does removing a control
@example("Ã©\u200b")
def test_normalise_text_is_idempotent_and_clean(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "\n\n\n" not in once
    assert once == once.strip()
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in once)
    once.encode("utf-8")  # no lone surrogates: the lake stores UTF-8


@examples(50)
@given(st.text(alphabet=st.characters(codec=None, categories=["Cs", "Ll", "Mn", "Zs"]), max_size=20))
@example("\ud800")  # JSON "\\ud800" decodes to a lone surrogate
def test_normalise_text_removes_lone_surrogates(text):
    normalise_text(text).encode("utf-8")


_CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "cp1251", "shift_jis"]


@st.composite
def encoded_text(draw):
    text = draw(any_text)
    codec = draw(st.sampled_from(_CODECS))
    data = text.encode(codec, "replace") if codec != "utf-8" else text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # cut short, possibly inside a multi-byte character
        data = data[: draw(st.integers(0, len(data)))]
    return data


@examples(200)
@given(st.one_of(st.binary(max_size=300), encoded_text()))
@example(b"\xff\xfe\x00")  # UTF-16 LE BOM with an odd byte after it
@example(b"\x00\x00\xfe\xff\x00")  # UTF-32 BE BOM, cut short
@example(b"\xfe\xff\xd8\x00")  # UTF-16 BE BOM with a lone surrogate
def test_decode_text_refuses_only_with_reject(data):
    try:
        text = decode_text(data)
    except Reject as reject:
        assert reject.stage == "decode"
        return
    assert text and normalise_text(text) == text
    detect_charset(data)  # whatever decode_text accepts, detection names a codec for


# --- parse --------------------------------------------------------------------------------

# Dates as the wire writes them, with out-of-range parts mixed in.
_MONTH_NAMES = ["Feb.", "February", "mai", "Juli", "déc", "Sept", "jun"]
numeric_date = st.builds(
    "{}-{:02d}-{:02d}{}".format,
    st.integers(1900, 2099), st.integers(0, 13), st.integers(0, 32),
    st.one_of(
        st.just(""),
        st.builds(
            "T{:02d}:{:02d}{}".format, st.integers(0, 30), st.integers(0, 99),
            st.one_of(st.just(""), st.sampled_from([" GMT", "Z", " UTC", " EST", " CEST", " ABCT"]),
                      st.builds("{}{:02d}:{:02d}".format, st.sampled_from("+-"), st.integers(0, 99), st.integers(0, 99))),
        ),
    ),
)
worded_date = st.builds(
    "{} {}, {} {}:{:02d} {}".format,
    st.sampled_from(_MONTH_NAMES), st.integers(0, 40), st.integers(1900, 2099),
    st.integers(0, 30), st.integers(0, 99), st.sampled_from(["", "a.m.", "pm", "GMT", "+0530", "-2400"]),
)
date_text = st.one_of(numeric_date, worded_date, st.tuples(wire_text, numeric_date).map(" ".join))


@examples(300)
@given(st.one_of(date_text, any_text))
@example("2017-02-02T14:05+99:00")
@example("2017-02-02 14:05 -2400")
@example("February 2, 2017 14:05 +2500")
def test_find_date_never_raises_and_spans_the_text(text):
    found = parse.find_date(text)
    if found is not None:
        start, end = found.span
        assert 0 <= start < end <= len(text)
        assert 1900 <= found.day.year <= 2099
        assert found.moment is None or found.moment.utcoffset().total_seconds() == 0


@examples(300)
@given(st.one_of(any_text, st.builds("{} {}{}".format, st.sampled_from(["UPDATE", "1st LD Writethru", ""]),
                                     st.integers(0, 10**12), st.sampled_from(["th Lead: x", " - x", ": x"]))))
@example("UPDATE 99999999999 - Ministers meet")
def test_wire_parsers_never_raise(text):
    slugs = parse.split_slugs(text)
    assert 1 <= slugs.version < 2**31 and slugs.kind  # the lake's version column is int32
    assert bool(slugs.headline) == bool(text.strip())
    if dateline := parse.split_dateline(text):
        assert dateline.text and dateline.place and dateline.rest
    parse.find_month_day(text)
    parse.detect_language(text)
    parse.canonical_agency(text)
    if md := parse.find_month_day(text):
        assert 1 <= md[0] <= 12 and 1 <= md[1] <= 31


@examples(150)
@given(st.lists(st.one_of(wire_text, tricky_text), max_size=8))
def test_strip_end_mark_keeps_a_prefix(paragraphs):
    kept, found = parse.strip_end_mark(list(paragraphs))
    assert len(kept) <= len(paragraphs)
    if not found:
        assert kept == paragraphs
    else:  # all but (possibly) the last kept paragraph are untouched
        assert kept[:-1] == paragraphs[: max(len(kept) - 1, 0)]


@examples(150)
@given(st.integers(1, 12), st.integers(1, 31), st.dates(date(1901, 1, 1), date(2098, 12, 31)))
def test_date_near_is_near(month, day, anchor):
    if near := parse.date_near(month, day, anchor):
        assert (near.month, near.day) == (month, day)
        assert -2 <= (anchor - near).days < 300


stories = st.builds(
    Story,
    headline=any_text,
    paragraphs=st.lists(st.one_of(wire_text, any_text), max_size=5),
    source_format=st.just("prop"),
    agency=st.one_of(st.none(), st.sampled_from(["Xinhua", "the associated press", " AFP. ", ""]), any_text),
    language=st.one_of(st.none(), st.sampled_from(["en-GB", "de_AT", "", "x"])),
    version=st.one_of(st.none(), st.integers(1, 9)),
)


offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.one_of(st.none(), st.datetimes(timezones=offsets),
                    st.sampled_from([datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))),
                                     datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-1)))]))


@examples(200)
@given(stories, moments, moments)
def test_finish_story_finishes_or_refuses(story, published_at, version_created_at):
    story.published_at, story.version_created_at = published_at, version_created_at
    try:
        finished = parse.finish_story(story)
    except Reject as refused:  # a line test or a service message: refused with a reason, never a crash
        assert refused.stage == "parse" and refused.reason == "not a story" and refused.detail
        return
    for moment in (finished.published_at, finished.version_created_at):
        assert moment is None or moment.astimezone(timezone.utc)  # the lake stores UTC
    assert finished.kind and finished.version >= 1
    assert finished.language is None or finished.language == finished.language.lower()


# --- rows: offsets and schema -------------------------------------------------------------

marked = st.lists(
    st.builds(MarkedEntity, type=st.sampled_from(["PERSON", "ORG", "LOC", "MISC"]),
              text=st.one_of(st.sampled_from(["NATO", "Paris", "Jens Stoltenberg", "U.S.", " ", "e\u0301"]), tricky_text),
              code=st.one_of(st.none(), st.sampled_from(["FR", "US", "x", ""]))),
    max_size=4,
)


def check_rows(rows) -> None:
    """Offsets index the body and the paragraph; every table fits its schema."""
    articles = {a["article_id"]: a for a in rows.articles}
    for table in (rows.entities, rows.quotes, rows.amounts):
        for row in table:
            article = articles[row["article_id"]]
            body, paragraphs = article["body"], article["paragraphs"]
            assert 0 <= row["start"] <= row["end"] <= len(body)
            assert body[row["start"]:row["end"]] == row["text"], row
            at = sum(len(p) + 2 for p in paragraphs[: row["paragraph"]])
            assert 0 <= row["paragraph"] < len(paragraphs)
            assert at <= row["start"] and row["end"] <= at + len(paragraphs[row["paragraph"]]), row
    for table, schema in ((rows.articles, ARTICLES), (rows.entities, ENTITIES), (rows.quotes, QUOTES),
                          (rows.amounts, AMOUNTS)):
        if table:
            pa.Table.from_pylist(table, schema=schema)
    for article in rows.articles:
        assert article["body"] == "\n\n".join(article["paragraphs"])


@examples(60)
@given(st.lists(st.one_of(wire_text, any_text).map(lambda p: " ".join(normalise_text(p).split())).filter(bool),
                min_size=1, max_size=5),
       marked)
def test_entity_quote_amount_offsets_index_the_body(paragraphs, marks):
    article = {"article_id": "a", "body": "\n\n".join(paragraphs), "paragraphs": paragraphs, "pub_date": "2024-06-11"}
    story = Story("headline", paragraphs, "prop", marked_entities=marks)
    entities = entity_rows(article, story)
    quotes, amounts = quote_and_amount_rows(article, entities)
    for table in (entities, quotes, amounts):
        for row in table:
            assert article["body"][row["start"]:row["end"]] == row["text"], row
            start_of = sum(len(p) + 2 for p in paragraphs[: row["paragraph"]])
            assert start_of <= row["start"] and row["end"] <= start_of + len(paragraphs[row["paragraph"]]), row
    for table, schema in ((entities, ENTITIES), (quotes, QUOTES), (amounts, AMOUNTS)):
        if table:
            pa.Table.from_pylist(table, schema=schema)


# --- process_file -------------------------------------------------------------------------


def run(data: bytes):
    rows = process_file(RawFile("prop://input", data, MODIFIED_AT), INGESTED_AT)
    unexpected = [r for r in rows.rejects if r["reason"] == "unexpected error"]
    assert not unexpected, unexpected
    assert rows.articles or rows.rejects  # every file ends parsed or rejected, never silently
    check_rows(rows)
    return rows


@examples(60)
@given(st.one_of(st.binary(max_size=400), encoded_text()))
def test_process_file_on_arbitrary_bytes(data):
    run(data)


def _synth():
    from tasks.synth import make_story, render_page_text
    from tasks.synth.render.web import render_feeds, render_html, render_warc
    from tasks.synth.render.wire import (render_anpa, render_iptc7901, render_newsml12, render_newsml_g2,
                                         render_nitf, render_ninjs)

    renderers = {
        "nitf": render_nitf, "ninjs": render_ninjs, "anpa": render_anpa, "iptc7901": render_iptc7901,
        "newsml_g2": render_newsml_g2, "newsml12": render_newsml12, "html": render_html,
        "feeds": render_feeds, "warc": render_warc, "page_text": render_page_text,
    }
    return make_story, renderers


_MAKE_STORY, _RENDERERS = _synth()

# Text that is hostile to each carrier: markup, JSON and framing characters.
hostile_text = st.one_of(
    any_text,
    st.sampled_from(["<", "&", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "]]>", "<p>", "</p>", "\\", '"', "\\u0000",
                     "\x02", "\x03", "\x01", "\x16\x16\x01", " =", "^", "\t", "WARC/1.0", "<!ENTITY"]),
)


@st.composite
def near_valid_files(draw, fmt=None):
    """A synthetic story in one format, with random text put into it, possibly damaged."""
    fmt = fmt or draw(st.sampled_from(sorted(_RENDERERS)))
    story = _MAKE_STORY(random.Random(draw(st.integers(0, 2**32))), 0)
    story.headline = draw(st.one_of(st.just(story.headline), hostile_text, wire_text))
    paragraphs = list(story.paragraphs)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(paragraphs)))
        paragraphs.insert(at, draw(st.one_of(hostile_text, wire_text)))
    if draw(st.booleans()):
        paragraphs = paragraphs[: draw(st.integers(0, len(paragraphs)))]
    story.paragraphs = paragraphs
    if draw(st.booleans()):
        story.dateline = draw(st.one_of(hostile_text, st.just("")))
    if draw(st.booleans()):
        story.published = None
    try:
        data = _RENDERERS[fmt](story)
    except (ValueError, UnicodeError, TypeError, IndexError):  # the renderer cannot spell this text
        assume(False)
    damage = draw(st.sampled_from(["none", "none", "cut", "splice", "flip"]))
    if damage == "cut":
        data = data[: draw(st.integers(1, len(data)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    return data


@examples(80)
@given(near_valid_files())
def test_process_file_on_near_valid_files(data):
    run(data)


# Hand-made skeletons: the parts of each format the renderer never varies.
_NITF = (
    '<?xml version="1.0" encoding="{enc}"?><nitf><head><title>{t}</title><docdata>'
    '<date.issue norm="{d}"/><doc-id id-string="{t}"/><urgency ed-urg="{u}"/></docdata></head>'
    "<body><body.head><hedline><hl1>{t}</hl1></hedline><byline>{t}</byline>"
    '<dateline><location>{t}</location><story.date norm="{d}">{t}</story.date></dateline></body.head>'
    "<body.content><p>{p}</p><p>{t}<person>{t}</person> <org>{p}</org></p></body.content></body></nitf>"
)
_PAGE = "{t}\n\n{t}, {d} Adjust font size:\n\n{p}\n\n{t}\n\nEndit"
_ANPA = "\x16\x16\x01r{u}\x1fAPW\r\n\x13\x11r a BC-{t} {d} 0500\r\n\x02^{t}<\r\n\t{p}<\r\n\t{t}<\r\n\x03AP-WF-{d} 0337GMT<\x0c\x04"
_IPTC = "\x01dpa0{u} 3 pl {u} dpa 1888\r\n{t}\r\n\x02{t} =\r\n   {p}\r\n{t}\r\n\x03{d} GMT Nov 18\r\n\x04"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def skeletons(draw):
    kind = draw(st.sampled_from(["nitf", "page", "anpa", "iptc", "ninjs"]))
    t, p = draw(hostile_text), draw(st.one_of(wire_text, hostile_text))
    d = draw(st.one_of(date_text, tricky_text, st.sampled_from(
        ["20170202T140500+0800", "02-20-16", "212101", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
         "00010101T000000+0100", "2017-02-30T10:00:00", "2017-02-02T25:00:00Z"])))
    u = draw(st.one_of(st.integers(-5, 99999).map(str), tricky_text))
    if kind == "ninjs":
        value = st.one_of(hostile_text, st.none(), st.integers(), st.lists(hostile_text, max_size=2),
                          st.dictionaries(hostile_text, hostile_text, max_size=2))
        item = {"uri": draw(value), "headline": t, "body_text": p, "versioncreated": d, "type": draw(value),
                "language": draw(value), "urgency": draw(value), "subject": draw(value), "person": draw(value),
                "headlines": draw(value), "bodies": draw(value), "version": draw(value)}
        return json.dumps(draw(st.sampled_from([item, [item], {"data": {"item": item}}]))).encode()
    if kind == "nitf":
        enc = draw(st.sampled_from(["utf-8", "iso-8859-1", "utf-16", "bogus"]))
        text = _NITF.format(enc=enc, t=_esc(t), p=_esc(p), d=_esc(d), u=_esc(u))
        return text.encode("utf-8", "surrogatepass")
    template = {"page": _PAGE, "anpa": _ANPA, "iptc": _IPTC}[kind]
    codec = draw(st.sampled_from(["utf-8", "cp1252", "latin-1"]))
    return template.format(t=t, p=p, d=d, u=u).encode(codec, "replace")


@examples(80)
@given(skeletons())
def test_process_file_on_format_skeletons(data):
    run(data)


@pytest.mark.parametrize("fmt", sorted(_RENDERERS))
@examples(6)
@given(data=st.data())
def test_each_format_near_valid(fmt, data):
    run(data.draw(near_valid_files(fmt)))


def _pack(kind: str, members: list[tuple[str, bytes]]) -> bytes:
    import gzip
    import io
    import tarfile
    import zipfile

    buffer = io.BytesIO()
    if kind == "gzip":
        return gzip.compress(members[0][1] if members else b"", mtime=0)
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(name, data)
    else:
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


member_names = st.one_of(st.sampled_from(["a.xml", "../../etc/passwd", "/abs.json", "dir/x.txt", "x!/y", "ü.txt"]),
                         st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1,
                                 max_size=12).filter(lambda n: "\x00" not in n))


@st.composite
def containers(draw, depth=2):
    members = draw(st.lists(st.tuples(member_names, st.one_of(near_valid_files(), st.binary(max_size=64))),
                            min_size=0, max_size=3))
    if depth > 1 and draw(st.booleans()):
        members.append(("inner", draw(containers(depth=depth - 1))))
    data = _pack(draw(st.sampled_from(["gzip", "zip", "tar"])), members)
    if draw(st.booleans()):  # cut short
        data = data[: draw(st.integers(1, max(1, len(data))))]
    return data


@pytest.mark.filterwarnings("ignore:Duplicate name")  # duplicate members are part of the test
@examples(25)
@given(containers())
def test_process_file_on_containers(data):
    run(data)
