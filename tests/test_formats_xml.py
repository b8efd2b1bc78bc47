"""The IPTC XML readers: NITF 3.x, NewsML-G2 and NewsML 1.2.

Fixtures under tests/fixtures/formats/ are invented stories written for these tests; the
conformance tests read IPTC's own examples from ../shared/samples when they are there.
"""

from datetime import date, datetime, timedelta, timezone

import pytest

from tasks.formats import newsml12, newsml_g2, nitf, reader_for
from tasks.parse import finish_story
from tasks.pipeline import process_file
from tasks.records import MarkedEntity, RawFile, Reject, Story

from tests.conftest import FIXTURES, shared_file

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
FORMATS = FIXTURES / "formats"


def zone(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


def raw_of(path, uri: str | None = None) -> RawFile:
    return RawFile(uri or path.name, path.read_bytes())


def read_all(reader, raw: RawFile) -> list:
    """Everything a reader yields, stories finished as the pipeline finishes them."""
    return [finish_story(item) if isinstance(item, Story) else item for item in reader.read(raw)]


def read_one(reader, path) -> Story:
    [story] = read_all(reader, raw_of(path))
    assert isinstance(story, Story)
    return story


# --- NITF -------------------------------------------------------------------------------


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
    assert nitf.parse_timestamp(norm) == (moment, day)


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


# --- NewsML-G2 ----------------------------------------------------------------------------


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


# --- NewsML 1.2 ---------------------------------------------------------------------------


def test_newsml12_nitf_body_and_photo_item():
    raw = raw_of(FORMATS / "newsml12" / "afp-mombasa-nitf.xml")
    assert reader_for(raw) is newsml12  # through the DOCTYPE, which is not loaded
    story, reject = read_all(newsml12, raw)
    assert story.headline == "Dockworkers strike halts Mombasa port"
    assert story.subheadline == "Container ships queue off Kenya's main harbour"
    assert (story.byline, story.slug, story.language) == ("Halima Said", "Kenya-port-strike", "en")
    assert story.story_id == "urn:newsml:afp.com:20240611:TX-PAR-KEN42"  # without the revision
    assert story.version == 2 and story.agency == "AFP"  # ProviderId afp.com
    assert story.published_at == datetime(2024, 6, 11, 11, 30, tzinfo=zone(3))
    assert story.version_created_at == datetime(2024, 6, 11, 12, 5, tzinfo=zone(3))
    assert story.urgency == 2 and story.subjects == ["04000000", "09003000"]
    assert story.dateline == "MOMBASA, Kenya, June 11, 2024 (AFP)"
    assert story.paragraphs == [
        "Thousands of dockworkers walked off the job on Tuesday, halting operations at Mombasa, "
        "Kenya's main port.",
        "The Dock Workers Union said the strike would continue until a pay deal was signed.",
    ]
    assert MarkedEntity("LOC", "Mombasa, Kenya", "KE") in story.marked_entities
    assert isinstance(reject, Reject) and reject.reason == "not a text item"
    assert "PH-PAR-KEN43" in reject.detail and "image/jpeg" in reject.detail


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


def test_newsml12_business_wire_release():
    path = shared_file("samples/newsml-1.2/iptc-newsinjson__businesswire-newsml-20130605006126.xml")
    raw = raw_of(path)
    assert reader_for(raw) is newsml12
    story = read_one(newsml12, path)
    assert story.headline == "Cambrios被Gartner評選為「最酷供應商」"
    assert story.story_id == "urn:newsml:businesswire.com:20010714:20130605006126"
    assert story.version == 1
    assert story.published_at == story.version_created_at == datetime(2013, 6, 5, 21, 0, tzinfo=timezone.utc)
    assert (story.language, story.slug, story.dateline) == ("zh", "CA-CAMBRIOS-TECHNOLOGIES", "加州桑尼維爾")
    assert story.agency == "Business Wire"  # ProviderId businesswire.com
    # Only the Body component: not the headline, contact, logo or style sheet components.
    assert story.paragraphs[0].startswith("為透明及軟性導體市場提供銀奈米線解決方案的領導廠商Cambrios")  # credit cut
    assert story.paragraphs[-1].startswith("免責聲明")
    assert len(story.paragraphs) == 13
    assert not any("Monica Smith" in p or "bwalignc" in p for p in story.paragraphs)


# --- hostile XML --------------------------------------------------------------------------

ROOTS = {
    nitf: ("nitf", "<body><body.head><hedline><hl1>Headline</hl1></hedline></body.head>"
                   "<body.content><p>before &xxe; after</p></body.content></body>"),
    newsml_g2: ('newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"',
                "<contentMeta><headline>Headline &xxe;</headline></contentMeta>"),
    newsml12: ("NewsML", "<NewsItem><NewsComponent><NewsLines><HeadLine>Headline &xxe;</HeadLine>"
                         "</NewsLines></NewsComponent></NewsItem>"),
}


def document(reader, doctype: str, padding: int = 0) -> bytes:
    open_tag, inner = ROOTS[reader]
    close_tag = open_tag.split()[0]
    comment = f"<!--{'x' * padding}-->" if padding else ""
    return f'<?xml version="1.0"?>{comment}{doctype}<{open_tag}>{inner}</{close_tag}>'.encode()


def lol_doctype(root: str) -> str:
    levels = ['<!ENTITY xxe0 "lol">'] + [
        f'<!ENTITY xxe{i} "{f"&xxe{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE {root} [{''.join(levels)}<!ENTITY xxe \"&xxe9;\">]>"


def read_or_reject(reader, data: bytes) -> list:
    try:
        return list(reader.read(RawFile("hostile.xml", data)))
    except Reject as reject:
        return [reject]


@pytest.mark.parametrize("reader", [nitf, newsml_g2, newsml12], ids=lambda r: r.NAME)
@pytest.mark.parametrize("padding", [0, 70_000], ids=["plain", "behind-64k-comment"])
@pytest.mark.parametrize("attack", ["xxe", "parameter-entity", "billion-laughs"])
def test_hostile_xml_is_rejected_and_reads_no_file(reader, padding, attack, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    root = ROOTS[reader][0].split()[0]
    doctype = {
        "xxe": f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>',
        "parameter-entity": f'<!DOCTYPE {root} [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>',
        "billion-laughs": lol_doctype(root),
    }[attack]
    data = document(reader, doctype, padding)
    assert reader.sniff(data[:4096]) or padding  # (a 70 kB comment hides the root from sniffing)
    [result] = read_or_reject(reader, data)
    assert isinstance(result, Reject) and result.stage == "parse"
    # Behind the comment, libxml2's own amplification guard may stop billion laughs first.
    expected = {"xml entity declarations"} | ({"malformed xml"} if padding and attack == "billion-laughs" else set())
    assert result.reason in expected
    assert "TOP-SECRET" not in str(result)


def test_entity_declarations_in_utf16_are_rejected(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    text = document(nitf, f'<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>').decode()
    data = text.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    [result] = read_or_reject(nitf, data)
    assert isinstance(result, Reject) and result.reason == "xml entity declarations"


def test_external_dtd_is_never_loaded(tmp_path):
    """A DOCTYPE naming a DTD on disk that would define &xxe; as a file's content: the DTD is
    not read, the reference stays undefined and is dropped."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">')
    data = document(nitf, f'<!DOCTYPE nitf SYSTEM "{dtd.as_uri()}">')
    [story] = nitf.read(RawFile("x.xml", data))
    assert story.paragraphs == ["before after"]
    assert "TOP-SECRET" not in repr(story)


def test_hostile_file_becomes_a_reject_row_in_the_pipeline(tmp_path):
    data = document(newsml_g2, lol_doctype("newsItem"))
    out = process_file(RawFile("lol.xml", data), NOW)
    assert out.articles == []
    assert [(r["stage"], r["reason"]) for r in out.rejects] == [("parse", "xml entity declarations")]


def test_malformed_and_deep_xml_are_rejected():
    [broken] = read_or_reject(nitf, b"<nitf><body><p>unclosed</body></nitf>")
    assert broken.reason == "malformed xml"
    deep = b"<nitf>" + b"<block>" * 300 + b"</block>" * 300 + b"</nitf>"
    [too_deep] = read_or_reject(nitf, deep)
    assert isinstance(too_deep, Reject)  # libxml2's own depth limit or parse_xml's, whichever first
    assert too_deep.reason in ("xml too deep", "malformed xml")


# --- end to end ---------------------------------------------------------------------------


def test_g2_message_through_the_pipeline():
    raw = raw_of(FORMATS / "newsml_g2" / "message-nairobi-v1-v2.xml", "in/afp.xml")
    out = process_file(raw, NOW)
    assert not out.rejects and len(out.articles) == 2
    guid = "urn:newsml:afp.com:20240611:KEN-VOTE-NAIROBI"
    assert sorted((a["story_id"], a["version"]) for a in out.articles) == [(guid, 1), (guid, 2)]
    assert {a["pub_date"] for a in out.articles} == {"2024-06-11"}
    assert {a["published_utc_offset"] for a in out.articles} == {"+03:00"}
    agency_marked = {(e["text"], e["type"]) for e in out.entities if e["source"] == "agency"}
    assert ("Grace Achieng", "PERSON") in agency_marked and ("Nairobi", "LOC") in agency_marked
