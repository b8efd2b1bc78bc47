"""The ZCZC reader (tasks/formats/zczc.py): an invented AAP file of two takes."""

from __future__ import annotations

from tasks.formats import reader_for, zczc
from tasks.records import Story

from tests.formats.helpers import FORMATS, raw_of, read_all

AAP_FILE = FORMATS / "zczc" / "aap-two-takes.tst"


def test_zczc_sniffed_by_content():
    assert zczc.sniff(AAP_FILE.read_bytes()[:4096])
    assert reader_for(raw_of(AAP_FILE)) is zczc
    assert not zczc.sniff(b"ZCZC is how telex messages start, said the note.\n")


def test_zczc_takes_fields_signoff_and_dateline():
    first, second = read_all(zczc, raw_of(AAP_FILE))
    assert isinstance(first, Story) and isinstance(second, Story)
    assert first.headline == "Harbour ferry timetable changes" and first.slug == "Ferry_BC2"
    assert first.agency == "AAP" and first.dateline == "HOBART"
    assert first.paragraphs == [
        "The harbour ferry will run every twenty minutes from next month.",
        "The operator said more crew had been hired over the winter.",
        "Passengers welcomed the news at the terminal on Tuesday.",  # "AAP RTV xy" taken off
    ]
    assert second.headline == "Hobart headlines round-up Mar 03, 0900"
    assert second.dateline is None  # ":0900" is a time, not a place
    assert second.paragraphs[-1] == "* Rain is expected across the state on Friday."
