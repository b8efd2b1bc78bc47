"""The IPTC ninjs reader (tasks/formats/ninjs.py): 1.x, 2.x, 3.x and the API envelope.

Fixtures under tests/fixtures/formats/ninjs/ are invented stories; the conformance tests at
the end read IPTC's own ninjs examples when ../shared is present.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tasks.formats import ninjs
from tasks.pipeline import process_file
from tasks.records import MarkedEntity, RawFile, Reject, Story

from tests.conftest import shared_file
from tests.formats.helpers import FORMATS, one_story, raw_of, read_all, read_one

NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)


def ninjs_story(name: str) -> Story:
    return one_story(ninjs, (FORMATS / "ninjs" / name).read_bytes())


def test_ninjs_1x_flat_fields():
    story = ninjs_story("ninjs-1x.json")
    assert story.headline == "Fire guts tram depot in Lowmoor, 40 trams lost"
    assert story.story_id == "urn:example:wire:20190314:tram-depot-fire"
    assert story.version == 1 and story.urgency == 3 and story.slug == "Tram-Depot-Fire"
    assert story.published_at == datetime(2019, 3, 14, 15, 5, tzinfo=timezone.utc)
    assert story.published_at.utcoffset() == timedelta(hours=1)  # the offset as delivered
    assert story.version_created_at == datetime(2019, 3, 14, 16, 40, tzinfo=timezone.utc)
    assert story.byline == "Hattie Brannigan"  # "By " dropped
    assert story.agency == "AP"  # copyrightholder "The Associated Press", canonical
    assert story.language == "en"  # "en-GB": primary subtag
    assert story.dateline == "Lowmoor, England"  # no dateline in the text: "located" stands in
    assert story.subjects == ["medtop:03000000", "transport"]  # code, else name
    assert story.marked_entities == [
        MarkedEntity("PERSON", "Duncan Whitlow", "P123"),
        MarkedEntity("ORG", "Lowmoor Tramways", None),
        MarkedEntity("LOC", "Lowmoor", "gb-lwm"),
    ]


def test_ninjs_html_body_wins_over_text_and_keeps_paragraphs():
    story = ninjs_story("ninjs-1x.json")
    assert len(story.paragraphs) == 3
    assert story.paragraphs[0].startswith("A fire destroyed most of the tram depot in Lowmoor overnight, leaving")
    assert story.paragraphs[2] == "Lowmoor Tramways said a reduced bus service would run from Friday."


def test_ninjs_2x_plural_arrays():
    story = ninjs_story("ninjs-2x.json")
    assert story.headline == "Avalanche buries road to Kessel Pass"  # slug split off
    assert (story.kind, story.version) == ("writethru", 3)  # the item's version wins
    assert story.subheadline == "Two drivers rescued, pass closed until Monday"
    assert story.byline == "Ilse Marquart" and story.agency == "AFP"  # "by", infosource[0]
    assert story.dateline == "KESSEL, Switzerland (AFP)"  # from the html body's first <p>
    assert story.paragraphs[0] == "An avalanche buried the road to the Kessel Pass on Wednesday morning."
    assert len(story.paragraphs) == 3  # the html body, not the one-line text body
    assert story.published_at == datetime(2021, 6, 2, 7, 15, tzinfo=timezone.utc)
    assert story.version_created_at == datetime(2021, 6, 2, 7, 2, 30, tzinfo=timezone.utc)
    assert story.subjects == ["http://cv.iptc.org/newscodes/mediatopic/03015000", "ch"]
    assert [(e.type, e.text, e.code) for e in story.marked_entities] == [
        ("PERSON", "Carla Benz", None),
        ("ORG", "Alpine Rescue Service", "http://example.org/org/ars"),
        ("LOC", "Kessel Pass", None),
    ]


def test_ninjs_3x_camel_case_keys_after_bom_and_white_space():
    data = (FORMATS / "ninjs" / "ninjs-3x.json").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf  \n") and ninjs.sniff(data[:4096])
    story = one_story(ninjs, data)
    assert story.headline == "Harbour town switches on 10,000 festival lights"
    assert story.published_at == datetime(2023, 11, 20, 23, 0, tzinfo=timezone.utc)  # firstCreated
    assert story.version_created_at == datetime(2023, 11, 20, 23, 30, tzinfo=timezone.utc)
    assert story.agency == "Reuters" and story.urgency == 5 and story.language == "en"
    assert story.dateline == "Port Ellis, Maine"  # located as an object {"name": ...}
    assert story.paragraphs == [
        "Port Ellis switched on 10,000 lights along its harbour wall on Monday.",
        "\u201cIt is our brightest year,\u201d said mayor Judith Crane.",
    ]
    assert story.marked_entities == [MarkedEntity("PERSON", "Judith Crane", None)]


def test_ninjs_api_envelope():
    story = ninjs_story("ninjs-envelope.json")
    assert story.story_id == "urn:example:ap:7781"
    assert story.headline == "Rare snow owl spotted over Tucson"
    assert story.dateline == "TUCSON, Ariz. (AP)" and story.agency == "AP"
    assert story.paragraphs[0].startswith("Birdwatchers in Tucson")
    assert story.version == 1  # "version": 0 is no version


def test_ninjs_withdrawn_item_is_rejected():
    (item,) = list(ninjs.read(raw_of(FORMATS / "ninjs" / "ninjs-withdrawn.json")))
    assert isinstance(item, Reject) and (item.stage, item.reason) == ("parse", "withdrawn item")


@pytest.mark.parametrize("status", ["canceled", "Cancelled"])
def test_ninjs_canceled_item_is_rejected(status):
    data = json.dumps({"uri": "u1", "pubstatus": status, "headline": "H", "body_text": "B."}).encode()
    (item,) = list(ninjs.read(RawFile("mem", data)))
    assert isinstance(item, Reject) and item.reason == "withdrawn item"


def test_ninjs_picture_is_not_a_text_item():
    data = json.dumps({"uri": "p1", "type": "picture", "headline": "Sunset over the bay"}).encode()
    (item,) = list(ninjs.read(RawFile("mem", data)))
    assert isinstance(item, Reject) and item.reason == "not a text item"


def test_ninjs_json_lines_and_arrays_give_one_story_each():
    items = [{"uri": f"u{i}", "headline": f"Story {i}", "body_text": f"Text number {i}."} for i in (1, 2)]
    lines = "\n".join(json.dumps(i) for i in items).encode()
    array = json.dumps(items).encode()
    for data in (lines, array):
        assert ninjs.sniff(data)
        stories = read_all(ninjs, RawFile("mem", data))
        assert [s.headline for s in stories] == ["Story 1", "Story 2"]


def test_ninjs_plain_text_body_splits_on_blank_lines():
    data = json.dumps({"uri": "u", "headline": "H", "body_text": "One.\n\nTwo\nwrapped."}).encode()
    assert one_story(ninjs, data).paragraphs == ["One.", "Two wrapped."]


def test_ninjs_nitf_body_gives_body_content_paragraphs():
    nitf = ('<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>T</title></head><body>'
            "<body.head><hedline><hl1>T</hl1></hedline></body.head><body.content>"
            "<p>First para.</p><block><p>Second para.</p></block></body.content></body></nitf>")
    data = json.dumps({"uri": "u", "type": "text", "headlines": [{"role": "main", "value": "T"}],
                       "bodies": [{"role": "nitf", "contentType": "text/vnd.IPTC.NITF", "value": nitf}]})
    assert one_story(ninjs, data.encode()).paragraphs == ["First para.", "Second para."]


def test_ninjs_bad_json_is_a_clean_reject():
    with pytest.raises(Reject) as caught:
        list(ninjs.read(RawFile("mem", b'{"uri": "u1", "headline": "cut off')))
    assert caught.value.reason == "malformed json"


def test_ninjs_deep_nesting_is_a_clean_reject():
    with pytest.raises(Reject) as caught:
        list(ninjs.read(RawFile("mem", b"[" * 5000 + b"]" * 5000)))
    assert caught.value.reason == "json too deep"


def test_ninjs_fields_of_unexpected_types_do_not_crash():
    item = {"uri": "u", "headline": "Odd types", "body_text": "Still read.", "bodies": 7,
            "subjects": "politics", "people": [1, None, {"name": {"x": 1}}], "urgency": "high",
            "versioncreated": "yesterday", "headlines": "not a list", "infosource": []}
    story = one_story(ninjs, json.dumps(item).encode())
    assert story.paragraphs == ["Still read."] and story.subjects == ["politics"]
    assert story.urgency is None and story.version_created_at is None and story.marked_entities == []


@pytest.mark.parametrize("head", [
    b'{"uri": "x", "type": "text"}',
    b'\xef\xbb\xbf\n  {"type": "text", "headlines": [{"role": "main"',  # truncated head
    b'{"api_version": "2", "data": {"item": {"uri": "x"',
    b'[{"uri": "a", "headline": "h"}]',
])
def test_ninjs_sniff_accepts(head):
    assert ninjs.sniff(head)


@pytest.mark.parametrize("head", [
    b'{"name": "widget", "type": "text", "price": 3}',  # JSON, not ninjs
    b'{"meta": {"uri": "x"}, "count": 2}',  # ninjs-like key, but nested
    b'{"data": [1, 2, 3]}',
    b"<nitf><head/></nitf>",
    b"uri: x\nheadline: y",
])
def test_ninjs_sniff_refuses(head):
    assert not ninjs.sniff(head)


# --- conformance: IPTC's own ninjs examples (skipped without ../shared) ---------------------


def shared_ninjs(name: str) -> Story:
    data = shared_file(f"samples/ninjs/{name}").read_bytes()
    assert ninjs.sniff(data[:4096])
    return one_story(ninjs, data)


def test_shared_ninjs_1_4_medium_text():
    story = shared_ninjs("iptc__1.4_ninjsExMediumText1.json")
    assert story.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert story.byline == "Paulo Santalucia and Frances d'Emilio"
    assert story.version_created_at == datetime(2013, 7, 9, 10, 37, tzinfo=timezone.utc)
    assert story.language == "en" and len(story.paragraphs) == 4  # body_xhtml <p>s
    assert story.dateline == "GROSSETO, Italy (AP)" and story.agency == "AP"
    assert MarkedEntity("PERSON", "Francesco Schettino", "0hzcydt") in story.marked_entities
    assert MarkedEntity("ORG", "Costa Crociere SpA", None) in story.marked_entities
    assert MarkedEntity("LOC", "Italy", "it") in story.marked_entities


def test_shared_ninjs_1_4_simple_text():
    story = shared_ninjs("iptc__1.4_ninjsExSimpleText1.json")
    assert story.story_id == "http://ninjs.example.com/newsitems/20130709simp123"
    assert story.published_at == datetime(2013, 7, 9, 10, 37, tzinfo=timezone.utc)


def test_shared_ninjs_2_1_dpa():
    story = shared_ninjs("iptc__2.1_dpa_text.json")
    assert story.headline == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    assert (story.version, story.urgency, story.agency, story.language) == (2, 4, "dpa", "de")
    assert story.byline == "Christian Hollmann, dpa"  # "Von " dropped
    assert story.version_created_at == datetime(2019, 5, 10, 14, 2, 28, tzinfo=timezone.utc)
    assert story.paragraphs[0].startswith("Für Lucien Favre war es «der größte Skandal")
    assert len(story.paragraphs) == 9


def test_shared_ninjs_2_1_ntb():
    story = shared_ninjs("iptc__2.1_ntb_text.json")
    assert story.headline == "Google har kjøpt giganttomt i Skien"
    assert (story.version, story.urgency, story.agency, story.slug) == (6, 5, "NTB", "skien-google")
    assert story.language == "nb"  # "nb-NO"
    assert story.published_at == datetime(2019, 8, 9, 9, 30, 4, tzinfo=timezone.utc)  # firstcreated
    assert story.version_created_at == datetime(2019, 8, 9, 9, 46, 53, tzinfo=timezone.utc)
    assert story.subjects == ["Innenriks", "Teknologi", "Industri", "Olje og energi"]
    assert story.marked_entities == [MarkedEntity("LOC", "Telemark", None)]
    assert story.paragraphs[0].startswith("IT-giganten Google har kjøpt")  # description only


def test_shared_ninjs_3_0_with_nitf_body():
    story = shared_ninjs(
        "iptc__3.0_20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json"
    )
    assert story.headline == "Anti-doping measures at the 'Tour Down Under' will be the toughest ever"
    assert (story.version, story.urgency, story.language) == (2, 4, "en")
    assert story.byline == "Trond Husø, The Anti-Doping Database"
    assert story.version_created_at == datetime(2023, 10, 8, 0, 34, 3, tzinfo=timezone.utc)
    assert story.dateline == "Oslo, Norway"
    assert "http://cv.iptc.org/newscodes/mediatopic/20000892" in story.subjects
    assert story.paragraphs[0].startswith("The Australian Sports Anti-Doping Authority (ASADA)")
    assert story.paragraphs[-1] == "Email: media@asada.gov.au"


def test_shared_ninjs_3_0_simple_text():
    story = shared_ninjs("iptc__3.0_ninjsExSimpleText_3.json")
    assert story.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert story.version_created_at == datetime(2013, 7, 9, 10, 37, tzinfo=timezone.utc)
    assert len(story.paragraphs) == 4  # the xhtml body, not the one-paragraph text body


def test_shared_ninjs_schema_is_rejected_not_read():
    path = shared_file("samples/ninjs/iptc__ninjs-schema_2.1.json")
    out = process_file(raw_of(path), NOW)
    assert out.articles == []
    assert [(r["stage"], r["reason"]) for r in out.rejects] == [("parse", "not a news item")]


def test_ninjs_composite_press_release_with_text_is_a_story():
    story = read_one(ninjs, FORMATS / "ninjs" / "ninjs-composite-release.json")
    assert story.headline == "Example Bakery Opens Its Hundredth Shop"
    assert story.agency == "Business Wire"  # from the item's uri, nothing else names it
    assert story.paragraphs == [  # markup line breaks are spaces; a bare <blockquote> is kept
        "Example Bakery® today opened its hundredth shop, in a former post office, the company said.",
        "It plans fifty more by next year.",
    ]


def test_ninjs_html_body_keeps_a_closing_blockquote():
    markup = "<article><p>First.</p><p>Second.</p><blockquote>A closing quote.</blockquote></article>"
    assert ninjs.html_paragraphs(markup) == ["First.", "Second.", "A closing quote."]


def test_ninjs_composite_without_text_and_wrong_body_types_are_refused():
    media_only = {"uri": "urn:x:1", "type": "composite", "headlines": [{"value": "Pictures"}]}
    [reject] = read_all(ninjs, RawFile("m.json", json.dumps(media_only).encode()))
    assert reject.reason == "not a text item"
    for value in (42, ["a"], {"p": 1}):
        item = {"uri": "urn:x:2", "type": "text", "headline": "Numbers", "body_text": value}
        [reject] = read_all(ninjs, RawFile("n.json", json.dumps(item).encode()))
        assert reject.reason == "field of wrong type" and "body_text" in reject.detail
