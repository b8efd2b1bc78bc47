"""The WARC reader (tasks/formats/warc.py): archives built from the HTML fixtures, and the
real samples from ../shared when they are there."""

from __future__ import annotations

import gzip
import io
import re
from collections import Counter
from datetime import datetime, timezone

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.formats import html, reader_for, warc
from tasks.formats.archives import Gzip
from tasks.pipeline import process_file
from tasks.records import RawFile, Reject

from tests.conftest import shared_file
from tests.formats.helpers import FORMATS

HTML_DIR = FORMATS / "html"
INGESTED = datetime(2024, 7, 1, tzinfo=timezone.utc)


def build_warc(gzipped: bool) -> bytes:
    """warcinfo, request, two article pages, an image, a redirect, a 404 page, metadata."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "wirelake tests"}))

    def response(url, status, content_type, body, date):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)

    request = writer.create_warc_record("https://wire.example.com/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: wire.example.com\r\n\r\n"))
    writer.write_record(request)
    response("https://www.riversidecourier.example/storm", "200 OK", "text/html; charset=utf-8",
             (HTML_DIR / "courier-ap-storm.html").read_bytes(), "2024-06-12T01:00:00Z")
    response("https://img.example.com/storm.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0 jpeg bytes", "2024-06-12T01:00:01Z")
    response("https://www.riversidecourier.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>", "2024-06-12T01:00:02Z")
    response("https://www.riversidecourier.example/gone", "404 Not Found", "text/html", (HTML_DIR / "reject-404.html").read_bytes(), "2024-06-12T01:00:03Z")
    response("https://markets.example.com/boe", "200 OK", "application/xhtml+xml",
             (HTML_DIR / "wire-reuters-rates.html").read_bytes(), "2024-03-21T15:00:00Z")
    writer.write_record(writer.create_warc_record("https://markets.example.com/boe", "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n")))
    return out.getvalue()


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_yields_html_200_responses_only(gzipped):
    data = build_warc(gzipped)
    raw = RawFile("file:///crawl.warc", data, depth=0)
    assert reader_for(raw) is warc  # the gzip'd form too: warc sits before Gzip
    pages = list(warc.read(raw))
    assert [p.url for p in pages] == ["https://www.riversidecourier.example/storm", "https://markets.example.com/boe"]
    assert all(isinstance(p, RawFile) and p.depth == 1 for p in pages)
    assert re.fullmatch(r"file:///crawl\.warc#urn:uuid:[0-9a-f-]{36}", pages[0].uri)
    assert pages[0].modified_at == datetime(2024, 6, 12, 1, 0, tzinfo=timezone.utc)
    assert pages[0].data == (HTML_DIR / "courier-ap-storm.html").read_bytes()
    assert reader_for(pages[0]) is html


def test_warc_gz_also_readable_through_the_gzip_container():
    """gzip.GzipFile unpacks every member, so Gzip -> warc works too (the slower path)."""
    unpacked = list(Gzip.read(RawFile("file:///crawl.warc.gz", build_warc(True))))
    assert len(unpacked) == 1 and unpacked[0].data.startswith(b"WARC/1.")
    assert [p.url for p in warc.read(unpacked[0])][:1] == ["https://www.riversidecourier.example/storm"]


@pytest.mark.parametrize("gzipped", [False, True])
def test_truncated_warc_yields_what_it_read_then_a_reject(gzipped):
    data = build_warc(gzipped)
    cut = data[: data.index(b"markets.example.com/boe") + 400] if not gzipped else data[: len(data) - 900]
    items = list(warc.read(RawFile("file:///cut.warc", cut)))
    assert isinstance(items[0], RawFile) and items[0].url == "https://www.riversidecourier.example/storm"
    assert isinstance(items[-1], Reject) and items[-1].reason == "truncated warc"
    assert not any(isinstance(i, RawFile) and i.url == "https://markets.example.com/boe" for i in items)


def test_warc_page_never_passed_on_half_read():
    data = build_warc(False)
    cut = data[: data.index(b"Forecasters said")]  # inside the first article's body
    items = list(warc.read(RawFile("file:///cut.warc", cut)))
    assert [type(i) for i in items] == [Reject] and items[0].reason == "truncated warc"


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_without_a_page_is_one_reject_not_nothing(gzipped):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("info-only.warc", {"software": "wirelake tests"}))
    with pytest.raises(Reject) as caught:
        list(warc.read(RawFile("file:///info-only.warc", out.getvalue())))
    assert caught.value.reason == "warc without pages" and "1 record" in caught.value.detail


@pytest.mark.parametrize("data", [b"WARC/1.0\r\ngarbage\r\n\r\n", b"WARC/1.0\r\n"])
def test_corrupt_warc_rejected(data):
    with pytest.raises(Reject) as caught:
        list(warc.read(RawFile("file:///bad.warc", data)))
    assert caught.value.reason == "corrupt warc"


def test_warc_sniff():
    assert warc.sniff(b"WARC/1.1\r\nWARC-Type: warcinfo")
    assert warc.sniff(gzip.compress(b"WARC/1.0\r\nWARC-Type: response")[:64])
    assert not warc.sniff(gzip.compress(b"<html>not a warc</html>"))
    assert not warc.sniff(b"\x1f\x8b garbage that is not deflate")


def test_warc_through_the_pipeline(monkeypatch):
    monkeypatch.setattr("tasks.entities.find_entities", lambda body: [])  # this test is about readers
    out = process_file(RawFile("file:///crawl.warc.gz", build_warc(True)), INGESTED)
    assert out.formats == Counter({"warc": 1, "html": 2})
    assert sorted(a["agency"] for a in out.articles) == ["AP", "Reuters"]
    assert {a["url"] for a in out.articles} == {
        "https://www.riversidecourier.example/news/2024/06/11/storm-power-outages-ohio-valley/",
        "https://markets.example.com/world/uk/boe-holds-rates-2024-03-21/",
    }
    assert out.rejects == []  # image, redirect and 404 are skipped silently


# --- warc: the real samples ---------------------------------------------------------------


def test_sample_warcio_example_gz():
    path = shared_file("samples/warc/warcio__example.warc.gz")
    pages = list(warc.read(RawFile(str(path), path.read_bytes())))
    assert [(p.url, p.modified_at) for p in pages] == [("http://example.com/", datetime(2017, 3, 6, 4, 2, 6, tzinfo=timezone.utc))]
    assert pages[0].uri.endswith("#urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005")  # the revisit is skipped
    with pytest.raises(Reject, match="not a news page"):  # "Example Domain": two short paragraphs
        list(html.read(pages[0]))


def test_sample_warcio_chunked_iana():
    path = shared_file("samples/warc/warcio__example-iana.org-chunked.warc")
    pages = list(warc.read(RawFile(str(path), path.read_bytes())))
    assert [p.url for p in pages] == ["http://www.iana.org/"]
    assert pages[0].data.startswith(b"<!doctype html>")  # chunked transfer encoding undone
    assert b"Internet Assigned Numbers Authority" in pages[0].data
    with pytest.raises(Reject, match="not a news page"):  # a home page, undated
        list(html.read(pages[0]))


def test_sample_resiliparse_general_web_pages_are_not_news():
    path = shared_file("samples/warc/resiliparse__warcfile.warc.gz")
    pages = list(warc.read(RawFile(str(path), path.read_bytes())))
    assert len(pages) == 16 and all(isinstance(p, RawFile) for p in pages)  # 50 records, 16 responses
    assert pages[0].url == "http://003338.cn/l41/481397.html"
    assert pages[-1].url == "http://096355.com/video/11073.html?11073-0-2"
    assert all(html.sniff(p.data[:4096]) for p in pages)
    reasons = Counter()
    for p in pages:
        with pytest.raises(Reject) as caught:
            list(html.read(p))
        reasons[caught.value.reason] += 1
    # Gambling, video, company and statistics pages: none is a dated news article.
    assert reasons == Counter({"not a news page": 16})
