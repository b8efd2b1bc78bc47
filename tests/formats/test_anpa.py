"""The ANPA-1312 reader (tasks/formats/anpa.py): an invented AP capture of three takes, and
takes built in the tests."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tasks.formats import anpa
from tasks.identity import story_id
from tasks.pipeline import process_file
from tasks.records import RawFile, Reject, Story

from tests.formats.helpers import FORMATS, one_story, raw_of, read_all, read_one

NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)
SYN2_SOH = b"\x16\x16\x01"
ANPA_CAPTURE = FORMATS / "anpa" / "ap-capture-3-takes.anpa"


def anpa_items() -> list[Story | Reject]:
    return read_all(anpa, raw_of(ANPA_CAPTURE))


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


# --- through the pipeline ----------------------------------------------------------------


def test_pipeline_rows_from_anpa_capture():
    out = process_file(raw_of(ANPA_CAPTURE), NOW)
    assert [a["version"] for a in out.articles] == [1, 2]
    # one story: the id the format carries, reduced to its core with the agency (tasks/identity.py)
    assert {a["story_id"] for a in out.articles} == {story_id("AP", "AP-BC-Ferry-Strike-2019-03-14", None, "", "")}
    assert [r["reason"] for r in out.rejects] == ["bad anpa take"]
    assert out.articles[0]["pub_date"] == "2019-03-14" and out.articles[0]["source_format"] == "anpa"


AGATE_SOH_ONLY = FORMATS / "anpa" / "ap-agate-soh-only.anpa"


def test_anpa_capture_without_syn_agate_take_and_keyword_line_after_stx():
    data = AGATE_SOH_ONLY.read_bytes()
    assert not data.startswith(SYN2_SOH) and anpa.sniff(data[:4096])
    story = read_one(anpa, AGATE_SOH_ONLY)
    assert story.headline == "Harbour League Standings"  # not the "BC-BBO--..." keyword line
    assert story.slug == "BC-BBO--HarbourLeague"  # no word count on the keyword line
    assert story.agency == "AP" and story.published_at == datetime(2021, 7, 4, 22, 10, tzinfo=timezone.utc)
    assert story.paragraphs == ["Northport 10, Southbay 4", "Eastwick 3, Westfield 2"]


def test_anpa_keyword_line_after_stx_is_never_the_headline():
    take = SYN2_SOH + b"r0157\x1fAPW\r\n\x13\x11r s BC-US--Harbour Ferry   02-02 0500\r\n\x02" \
        b"BC-US--Harbour Ferry, 1st Ld-Writethru,140<\r\n^Ferry runs again<\r\n\tPORTVILLE (AP) _ The ferry ran.<\r\n" \
        b"\x03AP-WF-02-02-23 1015GMT<\r\n\x04"
    assert one_story(anpa, take).headline == "Ferry runs again"
