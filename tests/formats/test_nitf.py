"""The NITF 3.x reader (tasks/formats/nitf.py), on invented stories under tests/fixtures/formats/nitf/."""

from datetime import date, datetime, timezone

import pytest

from tasks.formats import nitf, reader_for
from tasks.formats._newsml import parse_timestamp
from tasks.records import MarkedEntity, RawFile, Reject

from tests.formats.helpers import FORMATS, raw_of, read_all, read_one, zone


def test_nitf_full_story_takes_every_field():
    raw = raw_of(FORMATS / "nitf" / "xinhua-mekong-full.xml")
    assert reader_for(raw) is nitf
    story = read_one(nitf, FORMATS / "nitf" / "xinhua-mekong-full.xml")
    assert story.headline == "Mekong nations open joint flood-warning centre"  # "Roundup:" slug cut
    assert (story.kind, story.version) == ("roundup", 2)  # version from du-key@version
    assert story.subheadline == "Four countries to share river-level data in real time"
    assert story.byline == "Lin Hua"  # "By" and the byttl title dropped
    assert story.agency == "Xinhua"
    assert story.story_id == "xinhua-20190314-0042"
    assert story.published_at == datetime(2019, 3, 14, 16, 30, tzinfo=zone(8))
    assert story.date_source == "metadata"
    assert story.dateline == "VIENTIANE, March 14 (Xinhua)"
    assert story.language == "en"  # primary subtag: one value to filter on
    assert story.slug == "Mekong-Floods"
    assert story.urgency == 3
    assert story.subjects == ["06000000", "17000000"]
    assert story.url == "http://news.example.org/2019-03/14/mekong-floods.htm"
    assert story.paragraphs == [
        # the repeated dateline is off the first paragraph
        "Ministers from Laos, Thailand, Cambodia and Vietnam on Thursday opened a joint "
        "flood-warning centre in Vientiane.",
        # &nbsp; from the (unloaded) NITF DTD is a plain space
        '"Floods do not stop at borders," Lao Minister of Natural Resources Somdy Douangdy '
        "told reporters at the opening.",
        # <block> paragraphs, then the hl2 subhead; the table, media caption and tagline stay out
        "The centre, run by the Mekong River Commission, will publish river levels from 46 "
        "gauging stations every 15 minutes.",
        "Last year's floods displaced more than 100,000 people in the lower Mekong basin.",
        "Data shared in real time",
        "The four member states will share the running cost of 12 million U.S. dollars a year.",
    ]
    assert set(story.marked_entities) == {
        MarkedEntity("LOC", "Laos", "LA"), MarkedEntity("LOC", "Thailand", "TH"),
        MarkedEntity("LOC", "Cambodia", "KH"), MarkedEntity("LOC", "Vietnam", "VN"),
        MarkedEntity("LOC", "Vientiane", "LA"),  # inline <location>, code from docdata/evloc
        MarkedEntity("PERSON", "Somdy Douangdy", "xinhua:P-20417"),
        MarkedEntity("ORG", "Mekong River Commission", "xinhua:O-311"),
    }


def test_nitf_latin1_declaration_is_honoured():
    path = FORMATS / "nitf" / "afp-geneve-latin1.xml"
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is ISO-8859-1
    story = read_one(nitf, path)
    assert story.headline == "Genève accueille une conférence sur les glaciers alpins"
    assert story.byline == "Jean Müller"  # French "Par" dropped
    assert story.agency == "AFP"  # distributor "Agence France-Presse"
    assert story.dateline == "GENÈVE, 3 mai 2018 (AFP)"  # found in the text by finish_story
    assert story.paragraphs[0].startswith("Des scientifiques de vingt pays se réunissent jeudi à Genève")
    assert story.paragraphs[1].startswith("« Les glaciers fondent plus vite que prévu »")
    assert story.published_at == datetime(2018, 5, 3, 9, 15, tzinfo=timezone.utc)  # norm ending in Z
    assert (story.language, story.slug, story.urgency) == ("fr", "Suisse/climat", 5)  # slug from key-list
    assert MarkedEntity("PERSON", "Anne-Sophie Dürrenmatt") in story.marked_entities
    assert MarkedEntity("ORG", "Université de Zurich") in story.marked_entities


def test_nitf_minimal_leaves_the_rest_to_finish_story():
    story = read_one(nitf, FORMATS / "nitf" / "ap-minimal.xml")
    assert story.headline == "Plane makes emergency landing in Denver"
    assert (story.dateline, story.agency, story.language) == ("DENVER (AP)", "AP", "en")
    assert story.paragraphs == [
        "A passenger jet landed safely in Denver on Saturday after an engine failure, officials said.",
        "No one was hurt, the airline said.",
    ]
    assert story.story_id is None and story.published_at is None and story.marked_entities == []


def test_nitf_without_headline_is_rejected():
    data = b"<nitf><body><body.content><p>Text without a headline.</p></body.content></body></nitf>"
    with pytest.raises(Reject) as caught:
        list(nitf.read(RawFile("x.xml", data)))
    assert caught.value.reason == "no headline"


@pytest.mark.parametrize(
    "norm, moment, day",
    [
        ("20170202T083000+0800", datetime(2017, 2, 2, 8, 30, tzinfo=zone(8)), date(2017, 2, 2)),
        ("20170202T083000Z", datetime(2017, 2, 2, 8, 30, tzinfo=timezone.utc), date(2017, 2, 2)),
        ("2016-10-18T13:12:21-05:00", datetime(2016, 10, 18, 13, 12, 21, tzinfo=zone(-5)), date(2016, 10, 18)),
        ("20170202T083000", datetime(2017, 2, 2, 8, 30, tzinfo=timezone.utc), date(2017, 2, 2)),  # no zone: UTC
        ("20170202", None, date(2017, 2, 2)),  # a day without a time
        ("", None, None),
    ],
)
def test_metadata_timestamps(norm, moment, day):
    assert parse_timestamp(norm) == (moment, day)


def test_nitf_dateline_parts_without_separators_and_no_repeat_in_the_body():
    data = (
        b"<nitf><body><body.head><hedline><hl1>Satellite launched</hl1></hedline>"
        b"<dateline><location><city>Xi'an</city><country>China</country></location>"
        b'<story.date norm="20180623T151300Z">23 Jun 2018</story.date></dateline></body.head>'
        b"<body.content><p>China launched a satellite on Saturday.</p></body.content></body></nitf>"
    )
    [story] = read_all(nitf, RawFile("x.xml", data))
    assert story.dateline == "Xi'an, China, 23 Jun 2018"
    assert story.paragraphs == ["China launched a satellite on Saturday."]
    assert story.published_at == datetime(2018, 6, 23, 15, 13, tzinfo=timezone.utc)  # story.date@norm


def test_ed_msg_writethru_gives_the_version_when_du_key_does_not():
    data = (
        b'<nitf><head><docdata><ed-msg info="2nd LD Writethru"/></docdata></head><body><body.head>'
        b"<hedline><hl1>Quake toll rises</hl1></hedline></body.head>"
        b"<body.content><p>TOKYO (Reuters) - The toll rose to 12.</p></body.content></body></nitf>"
    )
    [story] = read_all(nitf, RawFile("x.xml", data))
    assert story.version == 3


def test_nitf_slashed_ritzau_dateline_and_end_mark():
    story = read_one(nitf, FORMATS / "nitf" / "ritzau-slashed-dateline.xml")
    assert story.dateline == "Aalborg /ritzau/" and story.agency == "Ritzau"
    assert story.paragraphs == [
        "En ny cykelbro over havnen åbner lørdag.",
        "Broen har kostet 40 millioner kroner, oplyser kommunen.",
    ]


def test_nitf_advisory_byline_tagline_out_of_the_body_and_canonical_agency():
    story = read_one(nitf, FORMATS / "nitf" / "cp-byline-tagline.xml")
    assert story.agency == "CP" and story.byline == "Jane Example"
    assert story.paragraphs[0].startswith("Ferry service across the lake resumed")
    assert story.paragraphs[-1] == '"It is good to have it back," the mayor said.'


def test_html_sent_escaped_inside_the_body_is_parsed_not_kept_as_tags():
    data = (b'<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>Bridge opens</title></head><body>'
            b'<body.head><hedline><hl1>Bridge opens</hl1></hedline></body.head><body.content>'
            b'&lt;p&gt;A new bridge opened on Monday across the river, the city said.&lt;/p&gt;'
            b'<![CDATA[<p>It cost <b>40 million</b> euros.</p>]]></body.content></body></nitf>')
    [story] = list(nitf.read(RawFile("escaped.xml", data)))
    assert story.paragraphs == ["A new bridge opened on Monday across the river, the city said.", "It cost 40 million euros."]
