"""The NewsML 1.2 reader (tasks/formats/newsml12.py): an invented AFP item, and Business Wire's
release from ../shared/samples when it is there."""

from datetime import datetime, timezone

from tasks.formats import newsml12, reader_for
from tasks.records import MarkedEntity, Reject

from tests.conftest import shared_file
from tests.formats.helpers import FORMATS, raw_of, read_all, read_one, zone


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


def test_newsml12_lead_component_is_the_first_paragraph_and_a_title_only_tip_is_refused():
    story, tip = read_all(newsml12, raw_of(FORMATS / "newsml12" / "belga-lead-body-and-tip.xml"))
    assert story.headline == "Brug in Gent twee weken dicht" and story.agency == "Belga"
    assert story.paragraphs == [
        "In Gent gaat een brug over de Leie twee weken dicht voor herstelwerken.",
        "Fietsers kunnen een pontje nemen, meldt de stad.",
    ]
    assert isinstance(tip, Reject) and tip.stage == "parse"  # a headline with no text is no story
