"""The NewsML-G2 reader (tasks/formats/newsml_g2.py).

Fixtures under tests/fixtures/formats/newsml_g2/ are invented stories written for these tests;
the conformance tests read IPTC's own examples from ../shared/samples when they are there.
"""

from datetime import datetime, timezone

import pytest

from tasks.formats import newsml_g2, reader_for
from tasks.identity import story_id
from tasks.pipeline import process_file
from tasks.records import MarkedEntity, Reject

from tests.conftest import shared_file
from tests.formats.helpers import FORMATS, raw_of, read_all, read_one, zone

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_g2_message_yields_each_item_and_the_writethru():
    raw = raw_of(FORMATS / "newsml_g2" / "message-nairobi-v1-v2.xml")
    assert reader_for(raw) is newsml_g2
    first, second = read_all(newsml_g2, raw)
    guid = "urn:newsml:afp.com:20240611:KEN-VOTE-NAIROBI"
    assert (first.story_id, first.version, second.story_id, second.version) == (guid, 1, guid, 2)
    assert first.headline == "Nairobi governor race too close to call, commission says"  # contentMeta wins over hl1
    assert first.subheadline == "Tallying continues in two constituencies"
    assert second.headline == "Incumbent Achieng wins Nairobi governor race"
    assert first.published_at == second.published_at == datetime(2024, 6, 11, 14, 5, tzinfo=zone(3))
    assert second.version_created_at == datetime(2024, 6, 11, 18, 40, tzinfo=zone(3))
    assert (first.urgency, second.urgency) == (2, 3)  # item urgency, else the header's priority
    assert first.agency == second.agency == "AFP"
    assert first.byline == "Otieno Wanjiru" and first.language == "en" and first.slug == "Kenya-vote-Nairobi"
    assert first.dateline == "NAIROBI, June 11, 2024 (AFP)"
    assert first.paragraphs[0].startswith("Kenya's Independent Electoral and Boundaries Commission said")
    assert first.subjects == [
        "medtop:11000000", "medtop:20000065", "afpperson:88412", "afpperson:88413", "afporg:1207",
    ]
    assert set(first.marked_entities) == {
        # inline NITF markup, with the codes of the matching contentMeta subjects
        MarkedEntity("ORG", "Independent Electoral and Boundaries Commission", "afporg:1207"),
        MarkedEntity("LOC", "Nairobi", "geo:184745"),
        MarkedEntity("PERSON", "Grace Achieng", "afpperson:88412"),
        MarkedEntity("PERSON", "Peter Kamau"),
    }


def test_g2_non_text_item_is_a_reject_and_the_rest_goes_on():
    story, reject = read_all(newsml_g2, raw_of(FORMATS / "newsml_g2" / "message-text-and-picture.xml"))
    assert story.headline == "Heavy snow closes Alpine passes"  # itemClass given as a URI
    assert story.paragraphs == [  # inlineData text/plain
        "Heavy snow closed four Alpine passes on Tuesday, police said.",
        "Drivers were told to carry chains until Thursday.",
    ]
    assert story.agency == "Example Wire"  # provider@literal
    assert isinstance(reject, Reject) and (reject.stage, reject.reason) == ("parse", "not a text item")
    assert "snow-alps-photo" in reject.detail and "ninat:picture" in reject.detail


def test_g2_bare_item_with_xhtml_body():
    story = read_one(newsml_g2, FORMATS / "newsml_g2" / "item-berlin-xhtml.xml")
    assert story.headline == "Berlin opens first hydrogen bus depot"
    assert story.subheadline == "Fleet of 40 buses to run on two routes by spring"
    assert story.agency == "dpa"  # provider is only a URI: the infoSource agency wins
    assert story.byline == "Julia Weber"  # a creator who is a person
    assert story.dateline == "Berlin (dpa)"
    assert story.published_at == datetime(2023, 9, 5, 10, 12, tzinfo=zone(2))  # contentCreated
    assert story.version_created_at == datetime(2023, 9, 5, 10, 30, tzinfo=zone(2))
    assert (story.language, story.urgency, story.version) == ("en", 4, 1)
    assert story.paragraphs == [  # the h1 repeating the headline is dropped; <br/> is a space
        "The German capital on Tuesday opened its first depot for hydrogen buses, run by the "
        "Berlin Transport Company.",
        "The depot in Spandau can fuel 40 buses a night, a spokeswoman said.",
        "Route 136: from October",
        "Route 236: from March",
    ]
    assert set(story.marked_entities) == {
        MarkedEntity("ORG", "Berlin Transport Company", "org:bvg"),  # the name in the story's language
        MarkedEntity("LOC", "Berlin", "geo:2950159"),  # contentMeta/located
    }


def test_g2_sniff_needs_the_namespace():
    assert newsml_g2.sniff(b'<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">')
    assert not newsml_g2.sniff(b'<newsItem guid="x"><headline>Not G2</headline></newsItem>')
    assert not newsml_g2.sniff(b"<nitf><head/></nitf>")


# --- conformance: IPTC's own examples -----------------------------------------------------

G2_SAMPLES = "samples/newsml-g2/"


def test_g2_listing_1_news_item_with_empty_body():
    story = read_one(newsml_g2, shared_file(G2_SAMPLES + "iptc__LISTING_1_A_NewsML-G2_News_Item.xml"))
    assert story.headline == 'Fed to halt QE to avert "bubble"'
    assert (story.story_id, story.version) == ("urn:newsml:acmenews.com:20161018:US-FINANCE-FED", 11)
    assert story.published_at == datetime(2016, 10, 18, 13, 12, 21, tzinfo=zone(-5))  # firstCreated
    assert story.version_created_at == datetime(2018, 10, 21, 16, 25, 32, tzinfo=zone(-5))
    assert story.language == "en"  # newsItem@xml:lang: there is no contentMeta/language
    assert story.agency == "Reuters"  # provider nprov:REUTERS
    assert story.byline == "Meredith Jameson"  # creator
    assert story.slug == "US-Finance-Fed"
    assert story.subjects == ["medtop:04000000", "medtop:20000523"]
    assert story.paragraphs == []  # inlineXML holds only comments: kept as a headline-only item
    assert MarkedEntity("LOC", "Berlin", "geo:345678") in story.marked_entities


def test_g2_listing_2_text_document():
    story = read_one(newsml_g2, shared_file(G2_SAMPLES + "iptc__LISTING_2_NewsML-G2_Text_Document.xml"))
    assert story.headline == 'Fed to halt QE to avert "bubble"'
    assert (story.story_id, story.version) == ("urn:newsml:acmenews.com:20161121:US-FINANCE-FED", 11)
    assert story.published_at == datetime(2016, 11, 21, 15, 21, 6, tzinfo=zone(-5))  # contentCreated
    assert story.version_created_at == datetime(2018, 11, 21, 16, 25, 32, tzinfo=zone(-5))
    assert story.language == "en"  # primary subtag: one value to filter on
    assert story.agency == "AP"  # infoSource "Associated Press" (the provider is only a URI)
    assert story.byline == "Meredith Jameson"  # NITF byline without "By" and the byttl
    assert story.subjects == ["medtop:04000000", "medtop:20000350", "medtop:20000379"]
    assert len(story.paragraphs) == 2
    assert story.paragraphs[0].startswith("(New York, NY - October 21) Et, sent luptat")
    assert story.paragraphs[1].endswith("esto cons dolutpat, si.")


def test_g2_listing_22_sports_story_with_nitf():
    story = read_one(newsml_g2, shared_file(G2_SAMPLES + "iptc__LISTING_22_Sports_story_in_NewsML-G2NITF.xml"))
    assert story.headline == "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    assert story.kind == "preview"  # "Preview:" desk slug
    assert (story.story_id, story.version) == ("tag:xmlteam.com,2016:xt.5932656-preview", 11)
    assert story.published_at == datetime(2016, 10, 19, 11, 15, tzinfo=zone(-5))
    assert story.version_created_at == datetime(2018, 10, 19, 11, 45, tzinfo=zone(-4))
    assert (story.language, story.slug) == ("en", "AAV!PREVIEW-ARI-PHI")
    assert story.agency == "xmlteam.com"  # provider web:www.xmlteam.com
    assert story.byline == "Sports Network"  # a byline that is only a byttl
    assert len(story.paragraphs) == 6
    assert story.paragraphs[0].startswith("A pair of teams coming off big weekend sweeps")  # credit cut
    assert story.dateline == "(Sports Network)"
    assert "person:l.mlb.com-p.456" in story.subjects and len(story.subjects) == 9
    assert MarkedEntity("PERSON", "Doug Davis", "person:l.mlb.com-p.456") in story.marked_entities
    assert MarkedEntity("ORG", "Philadelphia Phillies", "team:l.mlb.com-t.19") in story.marked_entities


@pytest.mark.parametrize(
    "name, root",
    [
        ("iptc__LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml", "contentSet"),
        ("iptc__LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", "contentMeta"),
    ],
)
def test_g2_fragments_are_refused_whole(name, root):
    """The guidelines' listings 25 and 28 are pieces of an item: no guid, provider or date."""
    raw = raw_of(shared_file(G2_SAMPLES + name))
    assert reader_for(raw) is newsml_g2  # not left to page_text, which would take markup as prose
    with pytest.raises(Reject) as caught:
        list(newsml_g2.read(raw))
    assert (caught.value.stage, caught.value.reason) == ("parse", "newsml-g2 fragment")
    assert f"<{root}>" in caught.value.detail
    out = process_file(raw, NOW)
    assert out.articles == [] and [r["reason"] for r in out.rejects] == ["newsml-g2 fragment"]


# --- end to end ---------------------------------------------------------------------------


def test_g2_message_through_the_pipeline():
    raw = raw_of(FORMATS / "newsml_g2" / "message-nairobi-v1-v2.xml", "in/afp.xml")
    out = process_file(raw, NOW)
    assert not out.rejects and len(out.articles) == 2
    guid = story_id("AFP", "urn:newsml:afp.com:20240611:KEN-VOTE-NAIROBI", None, "", "")  # tasks/identity.py
    assert sorted((a["story_id"], a["version"]) for a in out.articles) == [(guid, 1), (guid, 2)]
    assert {a["pub_date"] for a in out.articles} == {"2024-06-11"}
    assert {a["published_utc_offset"] for a in out.articles} == {"+03:00"}
    agency_marked = {(e["text"], e["type"]) for e in out.entities if e["source"] == "agency"}
    assert ("Grace Achieng", "PERSON") in agency_marked and ("Nairobi", "LOC") in agency_marked


def test_g2_timestamp_in_dateline_element_is_no_dateline_and_credit_leaves_the_body():
    story = read_one(newsml_g2, FORMATS / "newsml_g2" / "item-timestamp-dateline.xml")
    assert story.dateline == "ROTTERDAM, March 4 (Reuters)" and story.agency == "Reuters"
    assert story.paragraphs == [
        "Crane operators returned to work on Friday.",
        "The port said ships would clear the backlog by Sunday.",
    ]


def test_g2_xhtml_page_header_and_teaser_are_not_body():
    story = read_one(newsml_g2, FORMATS / "newsml_g2" / "item-xhtml-page-header.xml")
    assert story.headline == "Neue Fähre für die Insel"
    assert story.byline == "Erika Beispiel, dpa"
    assert story.subheadline == "Die Insel bekommt eine neue Fähre. Sie fährt mit Strom."
    assert story.dateline == "Kiel (dpa)" and story.agency == "dpa"
    assert story.paragraphs == ["Eine neue Fähre fährt von Montag an zur Insel.", "Sie ersetzt ein Schiff aus dem Jahr 1980."]


def test_g2_house_dialect_dateline_is_read_from_its_dat_element():
    story = read_one(newsml_g2, FORMATS / "newsml_g2" / "item-house-dialect-dateline.xml")
    assert story.dateline == "Göteborg" and story.paragraphs[0].startswith("Hamnen öppnar en ny terminal")
    assert not any("TT:s reporter" in p for p in story.paragraphs)
