"""The IPTC 7901 reader (tasks/formats/iptc7901.py): an invented dpa capture in Latin-1, and
stories built in the tests."""

from __future__ import annotations

from datetime import datetime, timezone

from tasks.formats import iptc7901, reader_for
from tasks.records import RawFile, Reject, Story

from tests.formats.helpers import FORMATS, one_story, raw_of, read_all, read_one


DPA_FILE = FORMATS / "iptc7901" / "dpa-2-stories-latin1.7901"
DPA_MODIFIED = datetime(2019, 6, 16, 8, 0, tzinfo=timezone.utc)


def dpa_stories() -> list[Story | Reject]:
    return read_all(iptc7901, raw_of(DPA_FILE, modified_at=DPA_MODIFIED))


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


# --- dpa variants: plain-text delivery, advisories and bylines in the title block ----------

PLAIN_FILE = FORMATS / "iptc7901" / "dpa-plain-no-control.txt"
EIL_FILE = FORMATS / "iptc7901" / "dpa-eil-advisories-latin1.7901"


def test_7901_plain_text_delivery_without_control_bytes():
    head = PLAIN_FILE.read_bytes()
    assert b"\x01" not in head and iptc7901.sniff(head[:4096])
    assert reader_for(raw_of(PLAIN_FILE)) is iptc7901
    story = read_one(iptc7901, PLAIN_FILE)
    assert story.headline == "Storm topples trees across northern Germany"  # not "2ND LEAD" / "EXTRA"
    assert story.byline == "Anna Beispiel" and story.slug == "/weather/Germany/storm/"
    assert story.dateline == "Hamburg (dpa/lno)" and story.agency == "dpa"
    assert story.paragraphs[0].startswith("A storm toppled hundreds of trees")
    assert story.paragraphs[-1] == "Fire crews worked through the night, a spokesman said."
    assert story.published_at == datetime(2024, 10, 7, 15, 30, tzinfo=timezone.utc)  # "071530 Okt 24", no GMT


def test_7901_plain_text_sniff_needs_the_header_line_first():
    assert not iptc7901.sniff(b"Just a note about eca00075 3 i 510 dpa 1003\n")
    assert not iptc7901.sniff(b"eca0124 3 i 93  dpa 1888\r\n\x02 no SOH")  # framing half there: not plain


def test_7901_title_block_advisories_byline_teaser_and_service_code():
    story = read_one(iptc7901, EIL_FILE)
    assert story.headline == "Sturm legt Bahnverkehr lahm"  # not "(Eil)", "(Berichtigung: ...)", "(Foto ...)"
    assert story.byline == "Max Muster"
    assert story.subheadline == "Ein Sturm hat den Bahnverkehr im Norden lahmgelegt."  # the teaser
    assert story.dateline == "Celle (dpa/lni)" and story.agency == "dpa"  # "lni": dpa's regional service
    assert story.paragraphs == [
        "Ein Sturm hat am Sonntag den Bahnverkehr zwischen Celle und Uelzen lahmgelegt. "
        "Die Bahn richtete einen Ersatzverkehr ein."
    ]
    assert story.published_at == datetime(2024, 10, 6, 15, 30, tzinfo=timezone.utc)
