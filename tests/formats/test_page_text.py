"""The scraped-page-text layout, on pages written for these tests (and the real sample if present)."""

from datetime import date

import pytest

from tasks.formats import page_text, reader_for
from tasks.parse import finish_story
from tasks.records import RawFile, Reject

from tests.conftest import shared_file

SEP = "\u00a0\u00a0\u2022\u00a0"
TICKER = SEP.join([
    "Urgent: Floods cut off mountain villages",
    "Central bank holds rates steady",
    "1st LD Writethru: Talks resume in Geneva",
]) + SEP

XINHUA_PAGE = f"""Off the wire
{TICKER}
You are here:   Home

Roundup: Mekong nations pledge joint flood warnings

Xinhua, March 14, 2019 Adjust font size:

VIENTIANE, March 14 (Xinhua) -- Ministers from Laos, Thailand, Cambodia and Vietnam on Thursday agreed to share river-level data in real time.

"Floods do not stop at borders," Lao Minister Somdy Douangdy told reporters.

The agreement covers 46 gauging stations along the river. Endit
"""

AP_PAGE = """Plane makes emergency landing in Denver

AP, Jan. 9, 2021 Adjust font size:

By Jane Holloway

DENVER (AP) -- A passenger jet landed safely in Denver on Saturday after an engine failure, officials said.

No one was hurt, the airline said.

(END)

Share this article
"""


def parse(text: str):
    return finish_story(page_text.parse_page_text(text))


def test_full_page_layout():
    story = parse(XINHUA_PAGE)
    assert story.headline == "Mekong nations pledge joint flood warnings"
    assert (story.kind, story.version, story.agency) == ("roundup", 1, "Xinhua")
    assert story.published_on == date(2019, 3, 14) and story.date_source == "content"
    assert story.dateline == "VIENTIANE, March 14 (Xinhua)"
    assert story.paragraphs[0].startswith("Ministers from Laos")
    assert story.paragraphs[-1] == "The agreement covers 46 gauging stations along the river."
    assert len(story.paragraphs) == 3
    assert story.related_headlines == [
        "Urgent: Floods cut off mountain villages", "Central bank holds rates steady",
        "1st LD Writethru: Talks resume in Geneva",
    ]
    assert not any("Adjust font" in p or "You are here" in p for p in story.paragraphs)


def test_page_without_ticker_with_byline_and_trailing_furniture():
    story = parse(AP_PAGE)
    assert story.headline == "Plane makes emergency landing in Denver"
    assert story.agency == "AP" and story.byline == "Jane Holloway"
    assert story.published_on == date(2021, 1, 9)
    assert story.paragraphs == [
        "A passenger jet landed safely in Denver on Saturday after an engine failure, officials said.",
        "No one was hurt, the airline said.",
    ]


def test_source_line_without_date_leaves_date_unknown():
    story = parse("Quake shakes capital\n\nReuters Adjust font size:\n\nTOKYO (Reuters) - A strong quake shook Tokyo.\n\nENDS\n")
    assert story.agency == "Reuters"
    assert story.published_on is None and story.published_at is None
    assert story.paragraphs == ["A strong quake shook Tokyo."]


def test_soft_wrapped_paragraph_lines_are_joined():
    story = parse("Headline here\n\nAFP, 3 May 2018 Adjust font size:\n\nPARIS (AFP) - First line\nwraps onto a second.\n\nAnother.\n")
    assert story.paragraphs == ["First line wraps onto a second.", "Another."]
    assert story.published_on == date(2018, 5, 3)


def test_iso_date_with_time_gives_a_utc_timestamp():
    story = parse("Kanzlerin reist nach Paris\n\ndpa, 2020-07-21 14:05 GMT Adjust font size:\n\n"
                  "Berlin (dpa) - Die Kanzlerin reist am Dienstag nach Paris, sagte ein Sprecher der Regierung.\n")
    assert story.published_at.isoformat() == "2020-07-21T14:05:00+00:00"
    assert story.language == "de" and story.agency == "dpa"


@pytest.mark.parametrize("text, reason", [
    ("Off the wire\nA\u00a0\u00a0\u2022\u00a0B\nYou are here:   Home\n", "no headline"),
    ("Off the wire\nA\u00a0\u00a0\u2022\u00a0B\nYou are here:   Home\n\n404 Not Found\n", "no body"),
    ("Xinhua, February 2, 2017 Adjust font size:\n\nEndit\n", "no body"),
    ("x" * 400 + "\n\nbody\n", "no headline"),
    ("404 Not Found\n\nSorry, the page you requested does not exist.\n\nReturn to homepage\n", "not a news page"),
])
def test_pages_without_a_story_are_rejected(text, reason):
    with pytest.raises(Reject) as caught:
        page_text.parse_page_text(text)
    assert (caught.value.stage, caught.value.reason) == ("parse", reason)


def test_reader_is_chosen_by_content_and_handles_legacy_charset():
    raw = RawFile("any-name.dat", AP_PAGE.replace("Denver", "Zürich").encode("cp1252"))
    reader = reader_for(raw)
    assert reader is page_text
    story = next(reader.read(raw))
    assert story.headline == "Plane makes emergency landing in Zürich"


def test_binary_is_not_page_text():
    assert not page_text.sniff(bytes(range(256)) * 4)


def test_shared_xinhua_sample():
    path = shared_file("samples/text/xinhua-china-org-cn-2017-02-02.txt")
    raw = RawFile(str(path), path.read_bytes())
    story = finish_story(next(reader_for(raw).read(raw)))
    assert story.headline == "NATO chief, Libyan PM discuss security situation in Libya"
    assert story.agency == "Xinhua" and story.published_on == date(2017, 2, 2)
    assert len(story.paragraphs) == 7
    assert story.paragraphs[0].startswith("NATO Secretary General Jens Stoltenberg on Wednesday")
    assert story.paragraphs[-1].endswith("for almost a year.")
    body = "\n".join(story.paragraphs)
    for furniture in ("Endit", "Adjust font size", "You are here", "Off the wire"):
        assert furniture not in body
    assert len(story.related_headlines) == 10
    assert story.related_headlines[0].startswith("Urgent: U.S. travel ban")
