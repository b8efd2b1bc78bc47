"""Wire formats: IPTC ninjs (1.x, 2.x, 3.x, envelope), ANPA-1312 and IPTC 7901 byte streams.

Fixtures under tests/fixtures/formats/ are invented stories in each format's layout; the
conformance tests at the end read IPTC's own ninjs examples when ../shared is present.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from tasks.formats import anpa, iptc7901, ninjs, reader_for
from tasks.parse import finish_story
from tasks.pipeline import process_file
from tasks.records import MarkedEntity, RawFile, Reject, Story

from tests.conftest import FIXTURES, shared_file

WIRE = FIXTURES / "formats"
NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)
SYN2_SOH, STX, ETX, EOT = b"\x16\x16\x01", b"\x02", b"\x03", b"\x04"


def raw_file(path, modified_at=None) -> RawFile:
    return RawFile(str(path), path.read_bytes(), modified_at=modified_at)


def read_all(reader, raw: RawFile) -> list[Story | Reject]:
    return [item if isinstance(item, Reject) else finish_story(item) for item in reader.read(raw)]


def one_story(reader, data: bytes, modified_at=None) -> Story:
    (story,) = read_all(reader, RawFile("mem", data, modified_at=modified_at))
    assert isinstance(story, Story), story
    return story


# --- ninjs ----------------------------------------------------------------------------------


def ninjs_story(name: str) -> Story:
    return one_story(ninjs, (WIRE / "ninjs" / name).read_bytes())


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
    data = (WIRE / "ninjs" / "ninjs-3x.json").read_bytes()
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
    (item,) = list(ninjs.read(raw_file(WIRE / "ninjs" / "ninjs-withdrawn.json")))
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


# --- ANPA-1312 ------------------------------------------------------------------------------

ANPA_CAPTURE = WIRE / "anpa" / "ap-capture-3-takes.anpa"


def anpa_items() -> list[Story | Reject]:
    return read_all(anpa, raw_file(ANPA_CAPTURE))


def test_anpa_capture_gives_two_stories_and_one_reject():
    items = anpa_items()
    assert [type(i).__name__ for i in items] == ["Story", "Reject", "Story"]
    assert (items[1].stage, items[1].reason) == ("parse", "bad anpa take")
    assert items[1].detail.startswith("take 2:")


def test_anpa_take_fields():
    story = anpa_items()[0]
    assert story.headline == "Ferry crews walk out in Harbor City"
    assert story.slug == "BC-Ferry-Strike" and (story.kind, story.version) == ("story", 1)
    assert story.byline == "MARTA KELLOGG"  # "^By ...=" line; the title line under it dropped
    assert story.urgency == 5  # "r": routine
    assert story.published_at == datetime(2019, 3, 14, 15, 22, tzinfo=timezone.utc)  # trailer
    assert story.agency == "AP" and story.dateline == "HARBOR CITY, Maine (AP)"
    assert story.story_id == "AP-BC-Ferry-Strike-2019-03-14"
    assert story.paragraphs == [
        "Ferry crews walked off the job Thursday, stranding commuters on both sides of the bay.",
        "\u201cWe have waited two years for a contract,\u201d said deckhand Lou Ferrante, who "
        "stood outside the Caf\u00e9 Mariner with a picket sign.",  # cp1252 byte 0xE9
        "The operator said talks would resume Monday.",
    ]


def test_anpa_writethru_is_version_2_of_the_same_story():
    first, _, writethru = anpa_items()
    assert (writethru.kind, writethru.version, writethru.urgency) == ("writethru", 2, 3)
    assert writethru.story_id == first.story_id  # one story, two versions
    assert writethru.headline == "Ferry strike strands thousands in Harbor City"
    assert "Eds:" not in " ".join(writethru.paragraphs)
    assert writethru.paragraphs[2] == "Mayor Ada Quinlan called on both sides to \u201cget back to the table tonight.\u201d"


@pytest.mark.parametrize("modifiers, version", [
    ("", 1), ("1stLd-Writethru", 2), ("2ndLd-Writethru", 3), ("3rdLd", 4), ("Writethru", 2),
])
def test_anpa_version_from_slug_line(modifiers, version):
    assert anpa._version(modifiers) == version


def anpa_take(body: str, header: str = "r0001\x1fAPW\r\nr s \x13\x11BC-Test 07-04 0100\r\n",
              trailer: str = "AP-WF-07-04-98 1200GMT<") -> bytes:
    return SYN2_SOH + f"{header}\x02{body}\x03{trailer}\r\n\x0c\x04".encode("cp1252")


def test_anpa_teletype_dash_and_line_ends():
    story = one_story(anpa, anpa_take("^Storm hits coast<\r\n\tMIAMI (AP) _ Rain fell _ a lot _ today.=\r\n"))
    assert story.dateline == "MIAMI (AP)"
    assert story.paragraphs == ["Rain fell \u2014 a lot \u2014 today."]
    assert story.published_at == datetime(1998, 7, 4, 12, 0, tzinfo=timezone.utc)  # "98": 1998


def test_anpa_reuters_1987_shape():
    data = SYN2_SOH + (
        b"\x02u f BC-GRAIN-PORT-REVIEW 02-26 0105\r\n"
        b"GRAIN PORT REVIEW\r\n"
        b"    SANTOS, Feb 26 - Heavy rain slowed wheat loadings at\r\n"
        b"the port this week, exporters said.\r\n"
        b"    Shipments are expected to recover next week.\r\n"
        b" REUTER\r\n\x03"
    )
    story = one_story(anpa, data, modified_at=datetime(1987, 3, 2, tzinfo=timezone.utc))
    assert story.headline == "GRAIN PORT REVIEW" and story.slug == "BC-GRAIN-PORT-REVIEW"
    assert story.urgency == 3 and story.agency == "Reuters"  # "u": urgent; the REUTER sign-off
    assert story.paragraphs[-1] == "Shipments are expected to recover next week."  # REUTER cut
    assert story.paragraphs[0].endswith("wheat loadings at the port this week, exporters said.")
    assert story.published_on == date(1987, 2, 26)  # slug MM-DD, year from the file's date


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_anpa_accents_decode_without_guessing(encoding):
    # A statistical guesser reads a short take naming "Núñez" as Baltic text ("Núńez").
    body = "^Núñez wins the vote<\r\n\tMADRID (AP) _ Ana Núñez won; Núñez thanked voters.<\r\n"
    data = SYN2_SOH + f"r0001\x1fAPW\r\nr s BC-Vote 07-04 0100\r\n\x02{body}\x03\x04".encode(encoding)
    story = one_story(anpa, data)
    assert story.headline == "Núñez wins the vote"
    assert story.paragraphs == ["Ana Núñez won; Núñez thanked voters."]


def test_anpa_trailer_desk_code_is_not_an_agency():
    story = one_story(anpa, anpa_take("^H<\r\n\tBEIJING, May 2 (Xinhua) _ Text here.<\r\n",
                                      trailer="XIN-WF-05-02-21 0800GMT<"))
    assert story.agency == "Xinhua"  # from the dateline, not "XIN"
    assert story.published_at == datetime(2021, 5, 2, 8, 0, tzinfo=timezone.utc)


def test_anpa_slug_line_without_date():
    data = anpa_take("^H<\r\n\tText.<\r\n", header="r0001\x1fAPW\r\nr s BC-Undated   0120\r\n", trailer="")
    story = one_story(anpa, data, modified_at=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert story.slug == "BC-Undated"
    assert story.published_at is None and story.published_on is None


def test_anpa_take_without_slug_line_is_rejected():
    items = list(anpa.read(RawFile("mem", anpa_take("^Head<\r\n\tBody.\r\n", header="r0001\r\n"))))
    assert isinstance(items[0], Reject) and items[0].reason == "bad anpa take"


def test_anpa_file_without_takes_is_refused():
    with pytest.raises(Reject) as caught:
        list(anpa.read(RawFile("mem", b"BC-Heat-Hawks 02-20 0500 but no framing")))
    assert caught.value.reason == "no anpa takes"


def test_anpa_sniff():
    assert anpa.sniff(b"\r\n  " + anpa_take("x"))  # white space before the first take
    assert anpa.sniff(b"\x00\x7fjunk" + anpa_take("x"))
    assert not anpa.sniff(b"\x01eca0124 3 i 93  dpa 1888\r\n\x02Head =")  # 7901
    assert not anpa.sniff(b"BC-Heat-Hawks 02-20 0500 plain text")


# --- IPTC 7901 ------------------------------------------------------------------------------

DPA_FILE = WIRE / "iptc7901" / "dpa-2-stories-latin1.7901"
DPA_MODIFIED = datetime(2019, 6, 16, 8, 0, tzinfo=timezone.utc)


def dpa_stories() -> list[Story | Reject]:
    return read_all(iptc7901, raw_file(DPA_FILE, modified_at=DPA_MODIFIED))


def test_7901_latin1_story_fields():
    assert "Außenminister".encode("latin-1") in DPA_FILE.read_bytes()  # really single-byte
    story = dpa_stories()[0]
    assert story.headline == "Klimagespräche in Bonn enden ohne Einigung"  # " =" removed
    assert story.slug == "Klima/Gipfel/" and story.agency == "dpa" and story.urgency == 3
    assert story.dateline == "Bonn (dpa)" and story.language == "de"
    assert story.published_at == datetime(2019, 6, 14, 17, 32, tzinfo=timezone.utc)  # "141732 GMT Jun 19"
    assert story.paragraphs == [
        "Die Klimagespräche in Bonn sind am Freitag ohne Einigung über die Finanzierung zu Ende "
        "gegangen. Die Delegierten vertagten sich auf den Herbst.",
        "Der Außenminister Jörg Müller sagte, er sei «enttäuscht, aber nicht entmutigt». "
        "Über die Höhe der Hilfen soll im Oktober entschieden werden.",
    ]


def test_7901_notes_and_signature_are_removed():
    body = " ".join(dpa_stories()[0].paragraphs)
    for furniture in ("Notizblock", "Internet", "not for publication", "Redaktion", "kst hmw"):
        assert furniture not in body


def test_7901_second_story_subheadline_and_year_from_file_date():
    story = dpa_stories()[1]
    assert story.headline == "Avalanche blocks Alpine pass near Göschenen"
    assert story.subheadline == "Rescuers search for two missing hikers"
    assert story.urgency == 2 and story.slug == "Switzerland/avalanche/"
    # "150904 GMT Jun" has no year: the file's modification date gives it.
    assert story.published_at == datetime(2019, 6, 15, 9, 4, tzinfo=timezone.utc)
    assert story.paragraphs[-1] == "Rescuers with dogs were searching for two hikers from Zürich."


def test_7901_bad_story_is_yielded_and_the_next_goes_on():
    good = DPA_FILE.read_bytes()
    broken = b"\x01eca0999 4 i 10  dpa 3000\r\nCut/\r\n\x02Head =\r\n   Bo"  # no ETX
    items = list(iptc7901.read(RawFile("mem", broken + good)))
    assert isinstance(items[0], Reject) and items[0].reason == "bad 7901 story"
    assert [type(i).__name__ for i in items[1:]] == ["Story", "Story"]


def test_7901_trailer_date_time_group():
    story = iptc7901.parse_story("eca1 1 i 5  dpa 1\r\nX/\r\n\x02Head =\r\n   Text here.\r\n\x03212101 GMT Nov 18\r\n")
    assert story.published_at == datetime(2018, 11, 21, 21, 1, tzinfo=timezone.utc)
    assert story.urgency == 1


def test_7901_few_accents_are_read_as_western():
    # Six accented bytes in an English story are too little for a statistical guess.
    text = ("\x01eca0001 4 i 40  dpa 0001\r\nSpain/politics/\r\n\x02Núñez sworn in =\r\n\r\n"
            "   Madrid (dpa) - Ana Núñez was sworn in as mayor on Monday. Núñez promised new "
            "housing and Núñez said the budget would be published within a month.\r\n\x03010900 GMT Jul 19\r\n\x04")
    story = one_story(iptc7901, text.encode("latin-1"))
    assert story.headline == "Núñez sworn in"
    assert story.paragraphs[0].startswith("Ana Núñez was sworn in")


def test_7901_signature_of_any_agency_is_removed():
    text = ("\x01xsa0002 5 a 12  Xinhua 0002\r\nChina/trade/\r\n\x02Exports rise =\r\n\r\n"
            "   Beijing (Xinhua) - Exports rose 3 percent in May.\r\n\r\nXinhua lq zh\r\n\x03\r\n\x04")
    story = one_story(iptc7901, text.encode("ascii"))
    assert story.paragraphs == ["Exports rose 3 percent in May."] and story.urgency == 5
    assert story.published_at is None  # no trailer


def test_7901_sniff():
    assert iptc7901.sniff(DPA_FILE.read_bytes()[:4096])
    assert iptc7901.sniff(b"\x01eca0124 3 i 93  dpa 1888\r\nYemen/conflict/\r\n\x02Head =")
    assert not iptc7901.sniff(b"\x16\x16\x01eca0124 3 i 93  dpa 1888\r\n\x02")  # ANPA framing
    assert not iptc7901.sniff(b"\x01eca0124 3 i 93  dpa 1888\r\nno STX anywhere")
    assert not iptc7901.sniff(b"eca0124 3 i 93  dpa 1888\r\n\x02 no SOH")


# --- registry and pipeline ------------------------------------------------------------------


@pytest.mark.parametrize("path, name", [
    (ANPA_CAPTURE, "anpa"),
    (DPA_FILE, "iptc7901"),
    (WIRE / "ninjs" / "ninjs-2x.json", "ninjs"),
    (WIRE / "ninjs" / "ninjs-3x.json", "ninjs"),
])
def test_registry_picks_the_wire_reader(path, name):
    assert reader_for(raw_file(path)).NAME == name


def test_pipeline_rows_from_anpa_capture():
    out = process_file(raw_file(ANPA_CAPTURE), NOW)
    assert [a["version"] for a in out.articles] == [1, 2]
    assert {a["story_id"] for a in out.articles} == {"AP-BC-Ferry-Strike-2019-03-14"}
    assert [r["reason"] for r in out.rejects] == ["bad anpa take"]
    assert out.articles[0]["pub_date"] == "2019-03-14" and out.articles[0]["source_format"] == "anpa"


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
    out = process_file(raw_file(path), NOW)
    assert out.articles == []
    assert [(r["stage"], r["reason"]) for r in out.rejects] == [("parse", "not a news item")]
