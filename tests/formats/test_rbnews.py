"""The RBNews reader (tasks/formats/rbnews.py): an invented Ritzau item."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tasks.formats import rbnews, reader_for

from tasks.records import RawFile

from tests.formats.helpers import FORMATS, raw_of, read_all, read_one

FERRY = FORMATS / "rbnews" / "ritzau-ferry.xml"


def test_rbnews_sniffed_by_root():
    assert reader_for(raw_of(FERRY)) is rbnews


def test_rbnews_fields_escaped_html_body_and_signoff():
    story = read_one(rbnews, FERRY)
    assert story.headline == "Færge aflyser ture i hårdt vejr"
    assert story.paragraphs == [  # escaped <p> parsed, "/ritzau/" end mark taken off
        "Færgen mellem to havne sejler ikke tirsdag formiddag.",
        "Rederiet siger, at bølgerne er for høje.",
    ]
    assert story.subheadline == "Rederiet venter bedre vejr i morgen."
    assert story.dateline == "Aarhus" and story.agency == "Ritzau" and story.byline == "Eva Eksempel"
    assert story.slug == "TRAFIK/FÆRGE/VEJR" and story.urgency == 4
    assert story.published_at == datetime(2021, 3, 2, 9, 15, 0, 500000, tzinfo=ZoneInfo("Europe/Copenhagen"))


def test_rbnews_withdrawn_or_empty_items_are_refused():
    data = FERRY.read_bytes()
    [withdrawn] = read_all(rbnews, RawFile("w.xml", data.replace(b">false<", b">true<")))
    assert withdrawn.reason == "withdrawn item"
    empty = data.split(b"<content>")[0] + b"<content></content></RBNews>"
    [nobody] = read_all(rbnews, RawFile("e.xml", empty))
    assert nobody.reason == "no body"
